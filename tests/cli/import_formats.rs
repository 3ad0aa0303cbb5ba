//! `notice import` reads a notice to the same facts whatever format it was saved in: the
//! seeds as copied text, as a saved web page and as a Word document.

use std::collections::BTreeSet;

use crate::import_support::project_with;

/// The facts an import found, as comparable lines: the sections it mapped, the title, the
/// register's name, the controller's
/// name and Y-tunnus, the update date, every e-mail and phone anywhere, and the id and title
/// (or name) of every item. Layout, comments and wording of running text are left out.
fn fact_set(file: &str) -> BTreeSet<String> {
    let project = project_with(file);
    let run = project.run(&["import", file, "--site", "s"]).expect(0);
    let mut facts: BTreeSet<String> = run
        .stdout()
        .lines()
        .filter(|l| l.starts_with("sections mapped"))
        .map(str::to_string)
        .collect();
    let text = project.read("content/s/notice.toml");
    let toml: toml::Table = text.parse().unwrap();
    for key in ["title", "updated", "register_name"] {
        if let Some(value) = toml.get(key) {
            facts.insert(format!("{key} = {value}"));
        }
    }
    let controller = toml.get("controller").and_then(|c| c.as_table());
    for key in ["name", "business_id"] {
        if let Some(value) = controller.and_then(|c| c.get(key)) {
            facts.insert(format!("controller.{key} = {value}"));
        }
    }
    contacts(&toml::Value::Table(toml.clone()), &mut facts);
    for list in [
        "purposes",
        "data_categories",
        "sources",
        "recipients",
        "rights",
    ] {
        for item in toml
            .get(list)
            .and_then(|l| l.as_array())
            .into_iter()
            .flatten()
        {
            let field = |key: &str| item.get(key).map(ToString::to_string).unwrap_or_default();
            let title = item.get("title").or_else(|| item.get("name"));
            facts.insert(format!(
                "{list}: {} {}",
                field("id"),
                title.map(ToString::to_string).unwrap_or_default()
            ));
        }
    }
    facts
}

/// Every `email` and `phone` in the file, wherever it stands.
fn contacts(value: &toml::Value, facts: &mut BTreeSet<String>) {
    match value {
        toml::Value::Table(table) => {
            for (key, value) in table {
                if key == "email" || key == "phone" {
                    facts.insert(format!("{key} = {value}"));
                }
                contacts(value, facts);
            }
        }
        toml::Value::Array(items) => items.iter().for_each(|v| contacts(v, facts)),
        _ => {}
    }
}

fn same_facts_in_every_format(seed: &str, expected: &[&str]) {
    let text = fact_set(&format!("{seed}.txt"));
    for fact in expected {
        assert!(text.contains(*fact), "{seed}.txt lacks {fact}: {text:#?}");
    }
    for format in ["html", "docx"] {
        let other = fact_set(&format!("{seed}.{format}"));
        let only_text: Vec<&String> = text.difference(&other).collect();
        let only_other: Vec<&String> = other.difference(&text).collect();
        assert!(
            only_text.is_empty() && only_other.is_empty(),
            "{seed}.{format} differs from the text.\nonly in the text: {only_text:#?}\nonly in the {format}: {only_other:#?}"
        );
    }
}

#[test]
fn seed_000_imports_to_the_same_facts_from_text_html_and_word() {
    same_facts_in_every_format(
        "seed-000",
        &[
            "controller.name = \"Pikselitupa Digital\"",
            "email = \"tietosuoja@pikselitupa.example\"",
            "updated = 2025-11-29",
        ],
    );
}

#[test]
fn seed_001_imports_to_the_same_facts_from_text_html_and_word() {
    same_facts_in_every_format("seed-001", &[]);
}

#[test]
fn seed_002_imports_to_the_same_facts_from_text_html_and_word() {
    same_facts_in_every_format("seed-002", &["title = \"Tietosuoja- ja rekisteriseloste\""]);
}
