//! `notice check`: every rule fails on its fixture at the exact file:line:col and passes on
//! its counterpart; the output formats; exit codes; and the example content passes `--strict`.
//!
//! `tests/fixtures/check/base/` is a complete notice that passes every rule. Each other fixture
//! directory is laid over it and adds a site (and sometimes a layer) that breaks one rule.

use std::collections::BTreeSet;

use crate::support::{Project, Run, copy_tree, repo_root};

mod fields;
mod legal;
mod rules;

/// The base project with `tests/fixtures/check/<name>` laid over it.
pub(super) fn overlay(name: &str) -> Project {
    let project = Project::fixture("check/base");
    copy_tree(
        &repo_root().join("tests/fixtures/check").join(name),
        project.path(),
    );
    project
}

/// `(rule, file:line:col)` of every finding in a `--format json` run, in output order.
pub(crate) fn findings(run: &Run) -> Vec<(String, String)> {
    let report: serde_json::Value =
        serde_json::from_str(&run.stdout()).unwrap_or_else(|err| panic!("{err}: {}", run.stdout()));
    assert_eq!(report["schema_version"], 2);
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                format!(
                    "{}:{}:{}",
                    f["file"].as_str().unwrap(),
                    f["line"],
                    f["column"]
                ),
            )
        })
        .collect()
}

/// Checks the fixture `name` and expects exactly these findings (and exit 1).
pub(super) fn fails(name: &str, expected: &[(&str, &str)]) -> Run {
    let run = overlay(name).run(&["check", "--format", "json"]).expect(1);
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(rule, at)| (rule.to_string(), at.to_string()))
        .collect();
    assert_eq!(findings(&run), expected, "{}", run.stdout());
    run
}

#[test]
fn the_base_fixture_passes_every_rule() {
    let project = Project::fixture("check/base");
    let run = project.run(&["check", "--strict"]).expect(0);
    assert_eq!(run.stdout(), "checked 1 site: no findings\n");
    assert_eq!(run.stderr(), "");
}

#[test]
fn the_pass_variants_pass_every_rule() {
    let run = overlay("pass")
        .run(&["check", "--strict", "--format", "json"])
        .expect(0);
    assert_eq!(findings(&run), []);
}

#[test]
fn the_example_content_passes_strict() {
    let run = Project::examples().run(&["check", "--strict"]).expect(0);
    assert_eq!(run.stdout(), "checked 4 sites: no findings\n");
}

/// Each rule's fixture, laid over the base as its own test lays it, makes `notice check` report
/// that rule. The rules that need more set-up need none here: `unreleased-changes` brings its
/// release history in its fixture, `stale-authority` its layer (its own test adds a second site
/// only to show the finding is shared), and the warnings (`sources`, `unreleased-changes`) count
/// with `--strict`. Every rule is checked before the test fails, so one run names them all.
#[test]
fn every_rule_has_a_failing_fixture() {
    let mut untriggered = Vec::new();
    for rule in notice_core::check::RULES {
        let dir = repo_root().join("tests/fixtures/check").join(rule.id);
        assert!(dir.is_dir(), "no fixture for rule `{}`", rule.id);
        let run = overlay(rule.id).run(&["check", "--strict", "--format", "json"]);
        let reported: Vec<String> = if run.code() == 1 {
            findings(&run).into_iter().map(|(id, _)| id).collect()
        } else {
            Vec::new()
        };
        if !reported.iter().any(|id| id == rule.id) {
            untriggered.push(format!(
                "`{}` (exit {}, reported {reported:?})\n{}",
                rule.id,
                run.code(),
                run.stderr()
            ));
        }
    }
    assert!(
        untriggered.is_empty(),
        "fixtures that do not trigger their rule:\n{}",
        untriggered.join("\n")
    );
}

/// A real notice converted to the source format: `notice check` reports what it lacks and
/// nothing that it has.
#[test]
fn seed_notice_reports_what_it_really_lacks() {
    let project = Project::fixture("check/seed-000");
    let run = project.run(&["check", "--format", "json"]).expect(1);
    let rules: BTreeSet<String> = findings(&run).into_iter().map(|(rule, _)| rule).collect();
    assert_eq!(
        rules,
        BTreeSet::from(
            [
                "authority-contact",
                "automated-decisions",
                "cookie-details",
                "data-requirement",
                "legal-basis",
                "legitimate-interest",
                "object-right",
                "retention-criteria",
                "transfers"
            ]
            .map(String::from)
        )
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    let without_basis: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "legal-basis")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        without_basis,
        [
            "purpose `asiakassuhde` has no legal basis",
            "purpose `palvelut` has no legal basis",
            "purpose `laskutus` has no legal basis",
            "purpose `kehittaminen` has no legal basis",
        ],
        "the marketing purpose names its basis (consent)"
    );
}

#[test]
fn formats_of_the_seed_notice() {
    let project = Project::fixture("check/seed-000");
    let human = project.run(&["check"]).expect(1);
    insta::assert_snapshot!(
        "seed-human",
        format!("{}--- stdout\n{}", human.stderr(), human.stdout())
    );
    let json = project.run(&["check", "--format", "json"]).expect(1);
    insta::assert_snapshot!("seed-json", json.stdout());
    let github = project.run(&["check", "--format", "github"]).expect(1);
    insta::assert_snapshot!("seed-github", github.stdout());
}

#[test]
fn unreadable_sources_exit_65_and_the_other_sites_are_still_checked() {
    let project = overlay("legal-basis");
    project.write("content/rikki/notice.toml", "[controller\nname = \"X\"\n");
    let run = project.run(&["check", "--format", "json"]).expect(65);
    assert!(
        run.stderr().contains("--> content/rikki/notice.toml:1:12"),
        "{}",
        run.stderr()
    );
    assert_eq!(
        findings(&run),
        [
            (
                "load-error".to_string(),
                "content/rikki/notice.toml:1:12".to_string()
            ),
            (
                "legal-basis".to_string(),
                "content/legal-basis/notice.toml:5:6".to_string()
            )
        ]
    );
    let github = project.run(&["check", "--format", "github"]).expect(65);
    assert!(
        github.stdout().contains(
            "::error file=content/rikki/notice.toml,line=1,col=12,title=load-error::invalid TOML"
        ),
        "{}",
        github.stdout()
    );
}

#[test]
fn site_selection() {
    let project = overlay("legal-basis");
    project
        .run(&["check", "--site", "kahvila", "--strict"])
        .expect(0);
    project.run(&["check", "--site", "legal-basis"]).expect(1);
    let unknown = project.run(&["check", "--site", "legal-basi"]).expect(2);
    assert!(
        unknown.stderr().contains("did you mean `legal-basis`?"),
        "{}",
        unknown.stderr()
    );
}
