//! Fills one segment into its section: list items into items, statements of "none" into
//! `[none]`, the rest into the section's introduction, word for word.

use super::assemble::{Segment, escape_markdown, markdown, second_section, strip_emphasis};
use super::document::Block;
use super::draft::{Draft, Field};
use super::{facts, items, parties, statements, structure};
use crate::model::Section;

/// The text before the first section: the update date, and an introduction.
pub(crate) fn preamble(draft: &mut Draft, segment: &Segment, escape: bool) {
    let mut text = Vec::new();
    // Line by line: "Henkilötietolain (523/1999) 10 §:n mukainen rekisteriseloste" above
    // "Laatimispäivä 1.2.2019" is text of its own, not part of the date.
    let lines = segment.blocks.iter().flat_map(|block| {
        let dated = block.text.lines().any(|l| facts::updated_date(l).is_some());
        if dated {
            structure::lines_of(block)
        } else {
            vec![block.clone()]
        }
    });
    for block in &lines.flat_map(split_at_date_label).collect::<Vec<_>>() {
        let date = facts::updated_date(&block.text);
        if let (Some(date), true) = (date, block.text.split_whitespace().count() <= 8) {
            if draft.updated.is_none() {
                draft.updated = Some(date);
                draft.fact("updated", &date.to_string());
            }
            draft.map(&block.lines, "updated");
            continue;
        }
        draft.map(&block.lines, "intro");
        text.push(block.clone());
    }
    if !text.is_empty() {
        draft.intro.push(markdown(&text, escape));
    }
}

/// A line with text before its date's label, as two: the text, and the label with its date.
fn split_at_date_label(block: Block) -> Vec<Block> {
    match facts::updated_date(&block.text).and(facts::updated_label_at(&block.text)) {
        Some(at) => {
            let (text, date) = block.text.split_at(at);
            [text, date]
                .iter()
                .map(|part| Block {
                    text: part.trim().to_string(),
                    ..block.clone()
                })
                .collect()
        }
        None => vec![block],
    }
}

/// Fills a segment whose heading names a section.
pub(crate) fn section(draft: &mut Draft, segment: &Segment, escape: bool) {
    let Some(matched) = segment.matched else {
        return;
    };
    let heading = segment
        .heading
        .as_ref()
        .map(|h| h.text.as_str())
        .unwrap_or_default();
    let section = matched.section;
    if let Some(block) = segment
        .heading
        .as_ref()
        .filter(|_| section == Section::Rights)
    {
        if items::right_section(draft, block, &segment.blocks, escape, None) {
            return;
        }
    }
    let intros_at_start = draft.intros.get(&section).map_or(0, Vec::len);
    if let Some(block) = &segment.heading {
        let key = if matched.sure {
            section.key().to_string()
        } else {
            format!("{} (guessed)", section.key())
        };
        draft.map(&block.lines, key);
    }
    if let Some(original) = uncovered_heading(draft, segment, escape) {
        // The retention text is a field of its own, shown under the introduction: the
        // heading stays with its text there.
        if section == Section::Retention && !segment.blocks.is_empty() {
            draft.retention.push(original);
        } else {
            draft.intro(section, original);
        }
    }
    let blocks = &super::table::take_register_tables(draft, &segment.blocks, escape);
    match section {
        Section::Controller | Section::Contact | Section::Dpo | Section::Authority => {
            parties::party(draft, section, blocks, escape);
            // "Oikeus tehdä valitus valvontaviranomaiselle": the right to complain, told with
            // the authority's details. The details are the authority's; the text is the right.
            let complaint = section == Section::Authority
                && segment.heading.as_ref().is_some_and(|heading| {
                    items::right_section(draft, heading, blocks, escape, Some("complaint"))
                });
            if complaint {
                if let Some(intros) = draft.intros.get_mut(&section) {
                    intros.truncate(intros_at_start);
                    if intros.is_empty() {
                        draft.intros.remove(&section);
                    }
                }
            }
        }
        Section::RegisterName => register_name(draft, blocks, escape),
        Section::Purposes if is_basis_heading(heading) => intro(draft, section, blocks, escape),
        Section::Purposes
        | Section::DataCategories
        | Section::Sources
        | Section::Recipients
        | Section::Rights => {
            items::items(draft, section, blocks, escape);
        }
        Section::Retention => {
            for block in blocks {
                draft.map(&block.lines, "retention");
            }
            if !blocks.is_empty() {
                draft.retention.push(markdown(blocks, escape));
            }
        }
        Section::AutomatedDecisions => automated(draft, blocks, escape),
        Section::Security => security(draft, blocks, escape),
        Section::Transfers | Section::DataRequirement | Section::Cookies => {
            intro(draft, section, blocks, escape);
        }
    }
    if !matched.sure {
        if let Some(block) = &segment.heading {
            draft
                .guessed_sections
                .entry(section)
                .or_insert_with(|| block.text.clone());
            draft.fact(
                "guessed section",
                &format!("\"{}\" → {}", block.text, section.key()),
            );
        }
    }
    // "Luovutukset ja siirrot EU:n ulkopuolelle": the transfers keep their own sentences.
    if second_section(segment) == Some(Section::Transfers) && section != Section::Transfers {
        let text: Vec<&str> = blocks
            .iter()
            .flat_map(|b| super::services::sentences(&b.text))
            .filter(|s| statements::mentions_transfer(s))
            .collect();
        if !text.is_empty() {
            let joined = text.join(" ");
            draft.intro(
                Section::Transfers,
                if escape {
                    escape_markdown(&joined)
                } else {
                    joined
                },
            );
        }
    }
}

/// The input's own heading, in bold, when the page's standard heading for the section does
/// not already say it in the same words: the owner sees what the notice called the section,
/// and no word of it is lost.
fn uncovered_heading(draft: &Draft, segment: &Segment, escape: bool) -> Option<String> {
    let heading = strip_emphasis(&segment.heading.as_ref()?.text);
    let matched = segment.matched?;
    let lang = draft.lang.unwrap_or(crate::model::Lang::Fi);
    let standard: String = std::iter::once(matched.section)
        .chain(matched.also)
        .map(|s| crate::labels::section_title(s, lang).to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let words = |text: &str| {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let covered = words(&standard);
    let text = heading
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')')
        .trim();
    // Finnish inflects: "tietojen" is in "henkilötietojen", "evästeiden" shares "eväste" with "evästeet".
    let is_covered = |w: &String| {
        covered
            .iter()
            .any(|c| c.contains(w.as_str()) || common_prefix(c, w) >= 6.min(w.chars().count()))
    };
    // Short words ("ja", "tai", "och", "of") say nothing the standard heading lacks.
    let uncovered = words(text)
        .iter()
        .any(|w| w.chars().count() > 3 && !is_covered(w));
    uncovered.then(|| {
        format!(
            "**{}**",
            if escape {
                escape_markdown(text)
            } else {
                text.to_string()
            }
        )
    })
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// "Käsittelyn peruste" alone: the legal basis of every purpose together, which cannot be
/// assigned to any one purpose, so it stays text.
fn is_basis_heading(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    ["peruste", "grund", "basis"]
        .iter()
        .any(|w| lower.contains(w))
        && !["tarkoitu", "ändamål", "purpose"]
            .iter()
            .any(|w| lower.contains(w))
}

pub(crate) fn intro(draft: &mut Draft, section: Section, blocks: &[Block], escape: bool) {
    if blocks.is_empty() {
        return;
    }
    for block in blocks {
        draft.map(&block.lines, format!("intros.{}", section.key()));
    }
    draft.intro(section, markdown(blocks, escape));
}

fn register_name(draft: &mut Draft, blocks: &[Block], escape: bool) {
    match blocks.split_first() {
        Some((first, rest))
            if draft.register_name.is_none() && first.text.split_whitespace().count() <= 15 =>
        {
            draft.register_name = Some(Field::text("register_name", strip_emphasis(&first.text)));
            draft.map(&first.lines, "register_name");
            intro(draft, Section::RegisterName, rest, escape);
        }
        _ => intro(draft, Section::RegisterName, blocks, escape),
    }
}

/// The template's "A) Manuaalinen aineisto" and "B) Sähköisesti tallennetut tiedot" go to
/// `security.manual` and `security.electronic`; other text is the introduction.
fn security(draft: &mut Draft, blocks: &[Block], escape: bool) {
    let mut rest = Vec::new();
    for block in blocks {
        let lower = block.text.to_lowercase();
        let key = if lower.starts_with("a)")
            || ["manuaali", "paperi", "manuell", "manual"]
                .iter()
                .any(|w| lower.contains(w))
        {
            "manual"
        } else if lower.starts_with("b)")
            || ["sähköi", "atk", "digitaali", "elektronisk", "electronic"]
                .iter()
                .any(|w| lower.contains(w))
        {
            "electronic"
        } else {
            rest.push(block.clone());
            continue;
        };
        let text = markdown(std::slice::from_ref(block), escape);
        match draft.security.iter_mut().find(|f| f.key == key) {
            Some(Field {
                value: super::draft::Value::Text(existing),
                ..
            }) => {
                existing.push_str("\n\n");
                existing.push_str(&text);
            }
            _ => draft.security.push(Field::text(key, text)),
        }
        draft.map(&block.lines, format!("security.{key}"));
    }
    intro(draft, Section::Security, &rest, escape);
}

fn automated(draft: &mut Draft, blocks: &[Block], escape: bool) {
    let text: String = blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if statements::denies_automated_decisions(&text) && draft.automated_decisions.is_empty() {
        draft.automated_decisions = vec![
            Field::raw("used", "false"),
            Field::text("description", markdown(blocks, escape)),
        ];
        for block in blocks {
            draft.map(&block.lines, "automated_decisions");
        }
    } else {
        intro(draft, Section::AutomatedDecisions, blocks, escape);
    }
}
