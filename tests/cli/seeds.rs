//! Real notices (`shared/seeds/`) converted into fixture sites, `tests/fixtures/check/seed-00N/`,
//! each with a `DEFECTS.md` that lists, from the law, what a data-protection lawyer finds wrong
//! with it. `notice check` must report exactly those findings, by rule and file:line:col, and
//! nothing else.
//!
//! A finding line in `DEFECTS.md` reads ``- `rule` at `file:line:col` — why``; every other line
//! is prose for people.

use crate::check::findings;
use crate::support::{Project, repo_root};

/// The seed fixtures, `tests/fixtures/check/<name>/`.
const SEEDS: [&str; 3] = ["seed-000", "seed-001", "seed-002"];

/// Every rule id `notice check` has or will have (issue 14 §3), so a typo in a `DEFECTS.md`
/// cannot pass as a finding no rule will ever report.
const RULES: [&str; 31] = [
    "legal-basis",
    "legitimate-interest",
    "consent-withdrawal",
    "retention",
    "recipients",
    "transfers",
    "transfer-safeguard",
    "complaint-right",
    "authority-contact",
    "controller-contact",
    "automated-decisions",
    "sources",
    "cookie-details",
    "business-id",
    "email-syntax",
    "url-syntax",
    "phone-syntax",
    "translations",
    "anchor-links",
    "stale-authority",
    "unreleased-changes",
    "data-requirement",
    "transfer-consistency",
    "retention-criteria",
    "special-category",
    "repealed-law",
    "rights-complete",
    "object-right",
    "legal-basis-law",
    "stale-translation",
    "partial-override",
];

/// `(rule, file:line:col)` of every finding line of a seed's `DEFECTS.md`, sorted.
fn expected(seed: &str) -> Vec<(String, String)> {
    let path = repo_root()
        .join("tests/fixtures/check")
        .join(seed)
        .join("DEFECTS.md");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let mut lines: Vec<(String, String)> = text
        .lines()
        .filter(|line| line.starts_with("- `"))
        .map(|line| {
            parse_finding(line).unwrap_or_else(|| panic!("{seed}/DEFECTS.md: malformed `{line}`"))
        })
        .collect();
    lines.sort();
    lines
}

/// ``- `rule` at `file:line:col` — why`` → `(rule, file:line:col)`.
fn parse_finding(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix("- `")?;
    let (rule, rest) = rest.split_once("` at `")?;
    let (location, why) = rest.split_once("` — ")?;
    (!why.trim().is_empty()).then(|| (rule.to_string(), location.to_string()))
}

/// The seed's findings as `notice check --format json` reports them, sorted. The site must
/// load: exit 0 or 1, never 65.
fn reported(seed: &str) -> (Project, Vec<(String, String)>) {
    let project = Project::fixture(&format!("check/{seed}"));
    let run = project.run(&["check", "--format", "json"]);
    assert!(
        matches!(run.code(), 0 | 1),
        "{seed} did not load (exit {})\n{}",
        run.code(),
        run.stderr()
    );
    let mut found = findings(&run);
    found.sort();
    (project, found)
}

/// Each `DEFECTS.md` is well formed: it has findings, every rule id exists, and every location
/// names a line and column that exist in the fixture; and each seed site loads.
#[test]
fn seed_defect_lists_point_at_real_places() {
    for seed in SEEDS {
        let defects = expected(seed);
        assert!(!defects.is_empty(), "{seed}/DEFECTS.md lists no findings");
        for (rule, location) in &defects {
            assert!(
                RULES.contains(&rule.as_str()),
                "{seed}: unknown rule `{rule}`"
            );
            let mut parts = location.rsplitn(3, ':');
            let column: usize = parts.next().unwrap().parse().unwrap();
            let line: usize = parts.next().unwrap().parse().unwrap();
            let file = parts.next().unwrap();
            let path = repo_root()
                .join("tests/fixtures/check")
                .join(seed)
                .join(file);
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
            let width = text
                .lines()
                .nth(line - 1)
                .unwrap_or_else(|| panic!("{seed}: `{location}` is past the end of {file}"))
                .chars()
                .count();
            assert!(
                (1..=width.max(1)).contains(&column),
                "{seed}: `{location}` is past the end of its line"
            );
        }
        reported(seed);
    }
}

/// `notice check` reports exactly the findings of each seed's `DEFECTS.md`, and the human
/// report is pinned.
#[test]
fn seed_notices_report_exactly_what_a_lawyer_finds() {
    let mut differences = String::new();
    for seed in SEEDS {
        let (_, mut extra) = reported(seed);
        // One finding per problem: a finding reported twice is one too many.
        for (rule, location) in expected(seed) {
            match extra.iter().position(|f| f.0 == rule && f.1 == location) {
                Some(at) => drop(extra.remove(at)),
                None => differences += &format!("{seed}: not reported: {rule} at {location}\n"),
            }
        }
        for (rule, location) in extra {
            differences += &format!("{seed}: not in DEFECTS.md: {rule} at {location}\n");
        }
    }
    assert!(differences.is_empty(), "\n{differences}");
    for seed in SEEDS {
        let (project, _) = reported(seed);
        let human = project.run(&["check"]).expect(1);
        insta::assert_snapshot!(
            format!("{seed}-human"),
            format!("{}--- stdout\n{}", human.stderr(), human.stdout())
        );
    }
}
