//! Writes a [`Draft`] as a site's `notice.toml`: the `#:schema` line, top-level keys, then
//! tables in the order the README documents them, each guessed value under its comment.

use std::fmt::Write;

use super::draft::{Draft, Field, Fields, Value};
use crate::history::toml_string;
use crate::model::Section;

/// The first line of every site file: editors validate and complete the file with it.
pub(crate) const SCHEMA_LINE: &str = "#:schema ../../compiler/schema/notice.schema.json";

/// The TOML text of `draft`; `source` names the imported file in the header comment.
pub(crate) fn notice_toml(draft: &Draft, source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{SCHEMA_LINE}");
    let _ = writeln!(out, "# Imported by `notice import` from {source}.");
    out.push_str("# Review every `# import:` comment, then run `notice check` for what the notice does not state.\n\n");
    let mut top: Fields = Vec::new();
    if !draft.extends.is_empty() {
        let layers: Vec<String> = draft.extends.iter().map(|l| toml_string(l)).collect();
        top.push(Field::raw("extends", format!("[{}]", layers.join(", "))));
    }
    if let Some(lang) = draft.lang {
        top.push(Field::raw(
            "languages",
            format!("[{}]", toml_string(lang.code())),
        ));
    }
    top.extend(draft.title.clone());
    top.extend(draft.register_name.clone());
    if let Some(date) = draft.updated {
        top.push(Field::raw("updated", date.to_string()));
    }
    if !draft.intro.is_empty() {
        top.push(Field::text("intro", draft.intro.join("\n\n")));
    }
    if !draft.retention.is_empty() {
        let field = Field::text("retention", draft.retention.join("\n\n"));
        top.push(match draft.guessed_sections.get(&Section::Retention) {
            Some(heading) => field.guessed(heading),
            None => field,
        });
    }
    write_fields(&mut out, &top);

    table(&mut out, "controller", &draft.controller);
    table(&mut out, "contact", &draft.contact);
    table(&mut out, "dpo", &draft.dpo);
    for section in [
        Section::Purposes,
        Section::DataCategories,
        Section::Sources,
        Section::Recipients,
    ] {
        for (index, item) in draft.items.get(&section).into_iter().flatten().enumerate() {
            array_item(
                &mut out,
                section.key(),
                &with_section_guess(draft, section, index, item),
            );
        }
    }
    if !draft.none.is_empty() {
        let fields: Fields = draft
            .none
            .iter()
            .map(|what| Field::raw(what, "true"))
            .collect();
        table(&mut out, "none", &fields);
    }
    table(&mut out, "automated_decisions", &draft.automated_decisions);
    table(&mut out, "security", &draft.security);
    for item in draft.items.get(&Section::Rights).into_iter().flatten() {
        array_item(&mut out, "rights", item);
    }
    table(&mut out, "authority", &draft.authority);
    let intros: Fields = draft
        .intros
        .iter()
        .map(|(section, texts)| {
            let field = Field::text(section.key(), texts.join("\n\n"));
            match draft.guessed_sections.get(section) {
                Some(heading) => field.guessed(heading),
                None => field,
            }
        })
        .collect();
    table(&mut out, "intros", &intros);
    for section in &draft.custom {
        array_item(&mut out, "sections", section);
    }
    out
}

/// The first item of a section that was mapped by a guess, and has no introduction to carry
/// the comment, carries it.
fn with_section_guess(draft: &Draft, section: Section, index: usize, item: &Fields) -> Fields {
    let mut item = item.clone();
    if let (0, Some(heading), false) = (
        index,
        draft.guessed_sections.get(&section),
        draft.intros.contains_key(&section),
    ) {
        if let Some(first) = item.first_mut() {
            first.comment = Some(format!("import: section guessed from \"{heading}\""));
        }
    }
    item
}

fn table(out: &mut String, name: &str, fields: &Fields) {
    if !fields.is_empty() {
        let _ = write!(out, "\n[{name}]\n");
        write_fields(out, fields);
    }
}

fn array_item(out: &mut String, name: &str, fields: &Fields) {
    let _ = write!(out, "\n[[{name}]]\n");
    write_fields(out, fields);
}

fn write_fields(out: &mut String, fields: &Fields) {
    for field in fields {
        if let Some(comment) = &field.comment {
            let _ = writeln!(out, "# {comment}");
        }
        let value = match &field.value {
            Value::Text(text) => toml_string(text),
            Value::Raw(raw) => raw.clone(),
        };
        let _ = writeln!(out, "{} = {value}", field.key);
    }
}
