//! `notice check`: every rule fails on its fixture at the exact file:line:col and passes on
//! its counterpart; the output formats; exit codes; and the example content passes `--strict`.
//!
//! `tests/fixtures/check/base/` is a complete notice that passes every rule. Each other fixture
//! directory is laid over it and adds a site (and sometimes a layer) that breaks one rule.

use std::collections::BTreeSet;

use crate::support::{Project, Run, copy_tree, repo_root};

/// The base project with `tests/fixtures/check/<name>` laid over it.
fn overlay(name: &str) -> Project {
    let project = Project::fixture("check/base");
    copy_tree(
        &repo_root().join("tests/fixtures/check").join(name),
        project.path(),
    );
    project
}

/// `(rule, file:line:col)` of every finding in a `--format json` run, in output order.
fn findings(run: &Run) -> Vec<(String, String)> {
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
fn fails(name: &str, expected: &[(&str, &str)]) -> Run {
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

#[test]
fn legal_basis() {
    fails(
        "legal-basis",
        &[("legal-basis", "content/legal-basis/notice.toml:5:6")],
    );
}

#[test]
fn legitimate_interest() {
    fails(
        "legitimate-interest",
        &[(
            "legitimate-interest",
            "content/legitimate-interest/notice.toml:7:9",
        )],
    );
}

#[test]
fn consent_withdrawal_points_at_the_layer_that_set_the_basis() {
    fails(
        "consent-withdrawal",
        &[("consent-withdrawal", "content/_shared/valmis.toml:22:9")],
    );
}

#[test]
fn retention() {
    fails(
        "retention",
        &[("retention", "content/retention/notice.toml:5:6")],
    );
}

#[test]
fn recipients() {
    fails(
        "recipients",
        &[("recipients", "content/recipients/notice.toml:1:1")],
    );
}

#[test]
fn transfers() {
    fails(
        "transfers",
        &[("transfers", "content/transfers/notice.toml:1:1")],
    );
}

#[test]
fn transfer_safeguard() {
    fails(
        "transfer-safeguard",
        &[
            (
                "transfer-safeguard",
                "content/transfer-safeguard/notice.toml:5:6",
            ),
            (
                "transfer-safeguard",
                "content/transfer-safeguard/notice.toml:5:6",
            ),
        ],
    );
}

#[test]
fn complaint_right() {
    fails(
        "complaint-right",
        &[("complaint-right", "content/complaint-right/notice.toml:1:1")],
    );
}

#[test]
fn authority_contact() {
    fails(
        "authority-contact",
        &[
            ("anchor-links", "content/_shared/valmis.toml:76:55"),
            ("anchor-links", "content/_shared/valmis.toml:76:135"),
            (
                "authority-contact",
                "content/authority-contact/notice.toml:1:1",
            ),
            (
                "authority-contact",
                "content/authority-name-only/notice.toml:4:1",
            ),
        ],
    );
}

#[test]
fn controller_contact_points_at_the_layer_table() {
    fails(
        "controller-contact",
        &[("controller-contact", "content/_shared/valmis.toml:7:1")],
    );
}

#[test]
fn automated_decisions() {
    fails(
        "automated-decisions",
        &[
            (
                "automated-decisions",
                "content/automated-decisions/notice.toml:1:1",
            ),
            (
                "automated-decisions",
                "content/profiling-undescribed/notice.toml:5:8",
            ),
        ],
    );
}

#[test]
fn sources_is_a_warning_that_fails_only_with_strict() {
    let project = overlay("sources");
    let run = project.run(&["check"]).expect(0);
    assert_eq!(run.stdout(), "checked 2 sites: 0 errors, 1 warning\n");
    assert!(
        run.stderr()
            .starts_with("warning[sources]: the notice does not say where the data comes from\n  --> content/sources/notice.toml:1:1\n"),
        "{}",
        run.stderr()
    );
    let strict = project.run(&["check", "--strict"]).expect(1);
    assert_eq!(
        strict.stdout(),
        "checked 2 sites: 0 errors, 1 warning (warnings fail with --strict)\n"
    );
    let json = project
        .run(&["check", "--strict", "--format", "json"])
        .expect(1);
    assert_eq!(
        findings(&json),
        [(
            "sources".to_string(),
            "content/sources/notice.toml:1:1".to_string()
        )]
    );
}

#[test]
fn cookie_details() {
    fails(
        "cookie-details",
        &[
            ("cookie-details", "content/cookie-details/notice.toml:5:6"),
            ("cookie-details", "content/cookie-details/notice.toml:5:6"),
        ],
    );
}

#[test]
fn business_id() {
    let run = fails(
        "business-id",
        &[("business-id", "content/business-id/notice.toml:5:15")],
    );
    assert!(
        run.stdout().contains("`2560057` gives `1`"),
        "{}",
        run.stdout()
    );
}

#[test]
fn email_syntax() {
    fails(
        "email-syntax",
        &[
            ("email-syntax", "content/email-syntax/notice.toml:5:9"),
            ("email-syntax", "content/email-syntax/notice.toml:9:57"),
        ],
    );
}

#[test]
fn url_syntax() {
    fails(
        "url-syntax",
        &[
            ("url-syntax", "content/url-syntax/notice.toml:5:11"),
            ("url-syntax", "content/url-syntax/notice.toml:9:36"),
        ],
    );
}

#[test]
fn phone_syntax() {
    fails(
        "phone-syntax",
        &[
            ("phone-syntax", "content/phone-syntax/notice.toml:5:9"),
            ("phone-syntax", "content/phone-syntax/notice.toml:9:45"),
        ],
    );
}

#[test]
fn translations_name_the_field_and_the_language() {
    let run = fails(
        "translations",
        &[("translations", "content/translations/notice.toml:6:9")],
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    let finding = &report["findings"][0];
    assert_eq!(finding["language"], "en");
    assert_eq!(
        finding["message"],
        "`purposes.arvonta.title` has no `en` text"
    );
}

#[test]
fn anchor_links_follow_each_page_language() {
    let run = fails(
        "anchor-links",
        &[
            ("anchor-links", "content/anchor-links/notice.toml:7:41"),
            ("anchor-links", "content/anchor-links/notice.toml:7:85"),
        ],
    );
    assert!(
        run.stdout().contains("did you mean `oikeudet`?"),
        "{}",
        run.stdout()
    );
}

#[test]
fn a_stale_address_in_a_shared_layer_is_reported_at_the_layer_once_for_all_its_sites() {
    let project = overlay("stale-authority");
    project.write(
        "content/toinen/notice.toml",
        "extends = [\"valvonta\", \"vanha-valvonta\", \"automaatio\", \"yhteystiedot\", \"valmis\"]\n",
    );
    let run = project.run(&["check", "--format", "json"]).expect(1);
    assert_eq!(
        findings(&run),
        [
            (
                "stale-authority",
                "content/_shared/vanha-valvonta.toml:4:34"
            ),
            (
                "stale-authority",
                "content/_shared/vanha-valvonta.toml:4:71"
            ),
            (
                "stale-authority",
                "content/stale-authority/notice.toml:10:63"
            ),
        ]
        .map(|(rule, at)| (rule.to_string(), at.to_string()))
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(
        report["findings"][0]["sites"],
        serde_json::json!(["stale-authority", "toinen"])
    );
    assert!(
        report["findings"][0]["help"]
            .as_str()
            .unwrap()
            .contains("Lintulahdenkuja 4, 00530 Helsinki"),
        "the hint names the current details"
    );
    let human = project.run(&["check"]).expect(1).stderr();
    assert!(
        human.contains("= note: in sites `stale-authority`, `toinen`"),
        "{human}"
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
                "legal-basis",
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

#[test]
fn unreleased_changes_is_a_warning_at_the_changed_value() {
    let project = overlay("unreleased-changes");
    let run = project.run(&["check"]).expect(0);
    assert_eq!(run.stdout(), "checked 2 sites: 0 errors, 1 warning\n");
    assert!(
        run.stderr()
            .contains("= note: Vastaanottaja lisätty: Tilitoimisto Esimerkki Oy (material)"),
        "{}",
        run.stderr()
    );
    let json = project
        .run(&["check", "--strict", "--format", "json"])
        .expect(1);
    assert_eq!(
        findings(&json),
        [(
            "unreleased-changes".to_string(),
            "content/unreleased-changes/notice.toml:4:1".to_string()
        )]
    );
    // Releasing the change clears the finding.
    project
        .run(&["release", "unreleased-changes", "--effective", "2025-02-01"])
        .expect(0);
    project.run(&["check", "--strict"]).expect(0);
}
