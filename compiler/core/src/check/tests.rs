//! The runner's own tests: rule ids and page ids.

use super::*;

#[test]
fn rule_ids_are_unique_slugs() {
    let mut seen = BTreeSet::new();
    for rule in RULES {
        assert!(crate::merge::is_slug(rule.id), "{}", rule.id);
        assert!(seen.insert(rule.id), "duplicate rule id {}", rule.id);
        assert!(!rule.help.is_empty() && !rule.checks.is_empty());
    }
    assert!(rule("legal-basis").is_some());
}

#[test]
fn ids_are_read_from_html() {
    let ids = html_ids("<main id=\"main\"><h2 id=\"oikeudet\">x</h2><p data-id=\"no\">");
    assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["main", "oikeudet"]);
}
