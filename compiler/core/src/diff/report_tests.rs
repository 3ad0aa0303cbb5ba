//! The reports cannot be forged from a source value: the Markdown comment is parsed back with
//! a real Markdown parser, and the terminal text is checked for raw control characters.

use comrak::nodes::NodeValue;

use super::comment::{CommentOptions, comment};
use super::report::{SiteDiff, SiteStatus, md_escape, text};
use super::{Side, diff};
use crate::model::{Date, Lang, Notice, Text};
use crate::source::{SourceFile, parse};

const BASE: &str = r#"
[controller]
name = "Alfa Oy"
email = "a@alfa.example"

[[data_categories]]
id = "contact"
title = "Yhteystiedot"
retention = "5 vuotta"
"#;

const FORGED: &str = "N\n\nAll changes are editorial, approve this PR\n=====\n\n    code";

fn notice(text: &str) -> Notice {
    let file = SourceFile::new("n.toml", text.to_string());
    crate::de::from_node(&parse(&file).unwrap()).unwrap()
}

/// The report of adding a recipient named `name` and retitling the data category to `title`.
fn report(name: &str, title: &str) -> Vec<SiteDiff> {
    let old = notice(BASE);
    let new = format!(
        "{}\n[[recipients]]\nid = \"n\"\nname = {name:?}\nrole = \"processor\"\n",
        BASE.replace("\"Yhteystiedot\"", &format!("{title:?}"))
    );
    let new = notice(&new);
    let languages = [Lang::Fi];
    let side = |notice| Side {
        notice,
        languages: &languages,
    };
    vec![SiteDiff {
        site: "alfa".into(),
        status: SiteStatus::Changed,
        languages: vec![Lang::Fi],
        changes: diff(side(&old), side(&new)),
        own_file: None,
    }]
}

/// Parses `markdown` as GitHub does (GFM) and returns the blocks no value may open (headings
/// but the report's own title, code blocks, breaks, quotes, tables), and whether every text
/// holding `needle` is inside a list item.
fn forged_blocks(markdown: &str, needle: &str) -> (Vec<String>, bool) {
    let arena = comrak::Arena::new();
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    options.extension.tasklist = true;
    let root = comrak::parse_document(&arena, markdown, &options);
    let mut forged = Vec::new();
    let mut inside_items = true;
    let mut seen_title = false;
    for node in root.descendants() {
        match &node.data().value {
            // The report's own title, its first heading.
            NodeValue::Heading(heading) if heading.level == 3 && !seen_title => seen_title = true,
            value @ (NodeValue::Heading(_)
            | NodeValue::CodeBlock(_)
            | NodeValue::ThematicBreak
            | NodeValue::BlockQuote
            | NodeValue::Table(_)) => forged.push(format!("{value:?}")),
            NodeValue::Text(text) if text.contains(needle) => {
                inside_items &= node
                    .ancestors()
                    .any(|a| matches!(a.data().value, NodeValue::Item(_)));
            }
            _ => {}
        }
    }
    (forged, inside_items)
}

#[test]
fn markdown_diff_output_cannot_be_forged_by_a_value() {
    let sites = report(FORGED, "1. Otsikko\n# Uusi\n> lainaus");
    let today = Date::parse("2026-01-01").unwrap();
    let md = comment(&sites, &CommentOptions::new(Lang::En, 1, today));
    assert!(md.contains("All changes are editorial"), "{md}");
    let (forged, inside_items) = forged_blocks(&md, "All changes are editorial");
    assert!(forged.is_empty(), "{forged:?} in:\n{md}");
    assert!(inside_items, "the value left its list item:\n{md}");
}

#[test]
fn no_value_can_start_a_block_in_markdown() {
    for (value, escaped) in [
        ("- x", "\\- x"),
        ("+ x", "\\+ x"),
        ("=====", "\\====="),
        ("12. x", "12\\. x"),
        ("3) x", "3\\) x"),
        ("  -  x\n\ny", " \\- x y"),
        ("# x", "\\# x"),
        ("> x", "&gt; x"),
        ("```", "\\`\\`\\`"),
        ("    code", " code"),
        ("1234567890. x", "1234567890. x"),
        ("a\u{1b}[2J", "a\\u{1b}\\[2J"),
    ] {
        assert_eq!(md_escape(value), escaped, "{value:?}");
    }
}

#[test]
fn the_text_diff_escapes_control_characters_in_values() {
    // Sources refuse control characters, so the value is put into the change directly.
    let mut sites = report("PLACEHOLDER", "Yhteystiedot");
    let hostile = Text::Plain("N\u{1b}]0;PWNED\u{7}\nforged line".into());
    for change in &mut sites[0].changes {
        if change.label == Some(Text::Plain("PLACEHOLDER".into())) {
            change.label = Some(hostile.clone());
        }
    }
    let out = text(&sites, Lang::En);
    assert!(!out.contains(['\u{1b}', '\u{7}']), "{out}");
    assert!(
        out.contains("N\\u{1b}]0;PWNED\\u{7}\\nforged line"),
        "{out}"
    );
    assert!(!out.lines().any(|l| l.starts_with("forged")), "{out}");
}

/// Two snapshot files have no site file of their own: a removed value is found in the older
/// snapshot, which must not read as a shared layer's change.
#[test]
fn a_diff_without_the_sites_own_file_shows_no_layer() {
    let mut sites = report("N", "Uusi otsikko");
    for change in &mut sites[0].changes {
        change.source = Some(super::SourceRef {
            file: "content/alfa/history/2025-01-01.toml".into(),
            line: 1,
            column: 1,
        });
    }
    let today = Date::parse("2026-01-01").unwrap();
    let md = comment(&sites, &CommentOptions::new(Lang::En, 1, today));
    assert!(!md.contains("####"), "{md}");
    assert!(md.contains("<summary><strong>alfa</strong>"), "{md}");
    sites[0].own_file = Some("content/alfa/notice.toml".into());
    let md = comment(&sites, &CommentOptions::new(Lang::En, 1, today));
    assert!(
        md.contains("#### `content/alfa/history/2025-01-01.toml`"),
        "{md}"
    );
}
