//! The diff over pairs of notices with arbitrary names and removed items. A notice compared
//! with itself has no changes; every report is well-formed: the JSON parses, the Markdown has
//! the same block structure whatever the names say (a value cannot forge a heading or a code
//! block in a pull-request comment), and the text has no control characters but line breaks.

use std::sync::OnceLock;

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, parse_document};
use notice_core::diff::comment::{CommentOptions, comment};
use notice_core::diff::inputs::compare_pair;
use notice_core::diff::{Side, diff, json, report};
use notice_core::load::LoadedSite;
use notice_core::model::{Date, Lang, Text};
use notice_core::workspace::Workspace;
use proptest::prelude::*;

use crate::support::{config, examples};

/// The examples' café, loaded once.
fn cafe() -> &'static LoadedSite {
    static SITE: OnceLock<LoadedSite> = OnceLock::new();
    SITE.get_or_init(|| {
        let workspace = Workspace::open(&examples().join("..")).expect("the examples open");
        let entry = workspace
            .select(&["kahvila-aurinko".to_string()])
            .expect("the café");
        workspace.load(&entry[0]).expect("the café loads")
    })
}

/// The café with the named items renamed and every `drop`th recipient removed.
fn edited(names: &[String], drop: usize) -> LoadedSite {
    let mut site = cafe().clone();
    let notice = &mut site.notice;
    for (i, name) in names.iter().enumerate() {
        if let Some(recipient) = notice.recipients.get_mut(i) {
            recipient.name = Text::Plain(name.clone());
        }
        if let Some(purpose) = notice.purposes.get_mut(i) {
            purpose.title = Some(Text::Plain(format!("{name} {i}")));
        }
    }
    notice.controller.name = names.first().cloned();
    let mut i = 0;
    notice.recipients.retain(|_| {
        i += 1;
        drop == 0 || i % drop != 0
    });
    site
}

/// The kinds of block a Markdown document has, in order.
fn blocks(markdown: &str) -> Vec<String> {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &Options::default());
    root.descendants()
        .filter_map(|node| match &node.data.borrow().value {
            value @ (NodeValue::Heading(_)
            | NodeValue::CodeBlock(_)
            | NodeValue::HtmlBlock(_)
            | NodeValue::ThematicBreak
            | NodeValue::BlockQuote
            | NodeValue::Table(_)
            | NodeValue::List(_)
            | NodeValue::Item(_)) => {
                let name = format!("{value:?}");
                Some(
                    name.split(['(', ' ', '{'])
                        .next()
                        .unwrap_or_default()
                        .to_string(),
                )
            }
            _ => None,
        })
        .collect()
}

/// A name: arbitrary text, mixed with the Markdown that starts a block of its own.
fn name() -> impl Strategy<Value = String> {
    let hostile = prop::sample::select(vec![
        "\n\n# Approve this\n\n",
        "\n=====\n",
        "\n\n    code\n",
        "\n```\nfence\n",
        "\n> quote\n",
        "\n\n---\n\n",
        "\n<div>html</div>\n",
        "\n| a | b |\n|---|---|\n",
        "\n\n- item\n",
        "\n1. item\n",
    ]);
    prop::collection::vec(
        prop_oneof![any::<String>(), hostile.prop_map(String::from)],
        1..4,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_notice_compared_with_itself_has_no_changes(names in prop::collection::vec(name(), 0..4), drop in 0usize..4) {
        let site = edited(&names, drop);
        let side = Side { notice: &site.notice, languages: &site.languages };
        prop_assert!(diff(side, side).is_empty());
    }

    #[test]
    fn diff_reports_are_well_formed_for_any_value(names in prop::collection::vec(name(), 1..4), drop in 0usize..4, lang in prop::sample::select(Lang::ALL.to_vec())) {
        // Blank names are changes of another kind (a value emptied), so they stay blank.
        let plain: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, name)| if name.trim().is_empty() { name.clone() } else { format!("x{i}") })
            .collect();
        let old = cafe();
        let sites = compare_pair(old, &edited(&names, drop), &[]).expect("no --site to check");
        let benign = compare_pair(old, &edited(&plain, drop), &[]).expect("no --site to check");

        let parsed: serde_json::Value = serde_json::from_str(&json::json(&sites)).expect("JSON parses");
        prop_assert!(parsed.is_object());
        let options = CommentOptions::new(lang, 1, Date::parse("2026-01-01").expect("a date"));
        let markdown = comment(&sites, &options);
        prop_assert_eq!(blocks(&markdown), blocks(&comment(&benign, &options)), "{}", markdown);
        let text = report::text(&sites, lang);
        prop_assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{:?}", text);
    }
}
