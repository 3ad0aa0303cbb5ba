//! `notice check` on an imported seed finds the defects the seed really has: the rules of the
//! lawyer's list in `tests/fixtures/check/seed-00N/DEFECTS.md`, written for the hand conversion
//! of the same notice. Where the import states the notice's structure differently from the
//! hand conversion, and so the same defect is reported under another rule, the test says so.

use std::collections::BTreeSet;

use crate::check::findings;
use crate::import_support::project_with;
use crate::support::repo_root;

/// The rule ids of a seed's lawyer list.
fn listed_rules(seed: &str) -> BTreeSet<String> {
    let path = repo_root().join(format!("tests/fixtures/check/{seed}/DEFECTS.md"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|line| line.strip_prefix("- `"))
        .filter_map(|rest| rest.split('`').next())
        .map(str::to_string)
        .collect()
}

/// The rule ids `notice check` reports on `seed` imported from its text.
fn imported_rules(seed: &str) -> BTreeSet<String> {
    let file = format!("{seed}.txt");
    let project = project_with(&file);
    project.run(&["import", &file, "--site", seed]).expect(0);
    let run = project
        .run(&["check", "--site", seed, "--format", "json"])
        .expect(1);
    findings(&run).into_iter().map(|(rule, _)| rule).collect()
}

fn assert_same_rules(seed: &str, only_listed: &[&str], only_imported: &[&str]) {
    let listed = listed_rules(seed);
    let imported = imported_rules(seed);
    let missing: Vec<&String> = listed
        .difference(&imported)
        .filter(|r| !only_listed.contains(&r.as_str()))
        .collect();
    let extra: Vec<&String> = imported
        .difference(&listed)
        .filter(|r| !only_imported.contains(&r.as_str()))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{seed}: the lawyer lists {missing:?} that check does not find on the import; \
         check finds {extra:?} that the lawyer does not list"
    );
    for rule in only_listed {
        assert!(
            !imported.contains(*rule),
            "{seed}: `{rule}` is now found: update the test"
        );
    }
}

#[test]
fn an_imported_seed_000_is_reported_every_defect_its_lawyer_lists() {
    assert_same_rules("seed-000", &[], &[]);
}

/// The notice says nothing is transferred outside the EU/EEA and, in the next sentence, that
/// some providers may keep data there. The hand conversion made that admission a transfer item
/// (`transfer-safeguard`: no country, no safeguard); the import keeps it as the text says it,
/// so the notice states no transfer (`transfers`). The import also lists Google Analytics, which
/// the text names, as a recipient, so the notice no longer lists none (`recipients`).
#[test]
fn an_imported_seed_001_is_reported_every_defect_its_lawyer_lists() {
    assert_same_rules(
        "seed-001",
        &["transfer-safeguard", "recipients"],
        &["transfers"],
    );
}

#[test]
fn an_imported_seed_002_is_reported_every_defect_its_lawyer_lists() {
    assert_same_rules("seed-002", &[], &[]);
}
