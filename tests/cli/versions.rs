//! Versions: `notice release`, `notice diff` (between projects, snapshots and git revisions),
//! and the pages built from released history.

use serde_json::Value;

use crate::support::{Project, tree};

const ALPHA: &str = "content/alpha/notice.toml";
const LAYER: &str = "content/_shared/base.toml";

/// `(section, item id, field, kind, class, reason)` of every change of `site` in a JSON diff.
fn changes(json: &str, site: &str) -> Vec<[String; 6]> {
    let report: Value = serde_json::from_str(json).unwrap();
    let sites = report["sites"].as_array().unwrap();
    let Some(found) = sites.iter().find(|s| s["site"] == site) else {
        return Vec::new();
    };
    let text = |v: &Value| v.as_str().unwrap_or("-").to_string();
    found["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            [
                text(&c["section"]),
                text(&c["item"]["id"]),
                text(&c["field"]),
                text(&c["kind"]),
                text(&c["class"]),
                text(&c["reason"]),
            ]
        })
        .collect()
}

fn row(parts: [&str; 6]) -> [String; 6] {
    parts.map(str::to_string)
}

/// A copy of the fixture in a git repository with one commit.
fn committed_fixture() -> Project {
    let project = Project::fixture("versions");
    project.commit_all("first");
    project
}

/// The edits the diff tests make to `alpha`: a recipient, a legal basis, a longer retention
/// period and a wording fix.
fn edit_alpha(project: &Project) {
    project.edit(
        ALPHA,
        "[[cookies]]",
        "[[recipients]]\nid = \"accounting\"\nname = \"Tilitoimisto Esimerkki Oy\"\nrole = \"processor\"\n\n[[cookies]]",
    );
    project.edit(
        ALPHA,
        "basis = \"consent\"",
        "basis = \"legitimate-interests\"",
    );
    project.edit(ALPHA, "2 vuotta tilauksesta.", "10 vuotta tilauksesta.");
    project.edit(ALPHA, "2 years from the order.", "10 years from the order.");
    project.edit(ALPHA, "Kirjautuminen.", "Sisäänkirjautuminen.");
}

#[test]
fn diff_base_reports_exactly_the_changes_made() {
    let project = committed_fixture();
    edit_alpha(&project);
    project.commit_all("second");
    let json = project
        .run(&["diff", "--base", "HEAD~1", "--format", "json"])
        .expect(0)
        .stdout();
    assert_eq!(
        changes(&json, "alpha"),
        [
            row([
                "purposes",
                "orders",
                "retention",
                "changed",
                "material",
                "retention-longer"
            ]),
            row([
                "purposes",
                "newsletter",
                "basis",
                "changed",
                "material",
                "legal-basis-changed"
            ]),
            row([
                "recipients",
                "accounting",
                "-",
                "added",
                "material",
                "recipient-added"
            ]),
            row([
                "cookies",
                "session",
                "purpose",
                "changed",
                "editorial",
                "wording"
            ]),
        ]
    );
    assert!(
        changes(&json, "beta").is_empty(),
        "beta did not change: {json}"
    );
    let report: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["summary"]["sites_changed"], 1);
}

#[test]
fn diff_formats_are_pinned() {
    let project = committed_fixture();
    edit_alpha(&project);
    project.commit_all("second");
    let run = |args: &[&str]| project.run(args).expect(0).stdout();
    insta::assert_snapshot!("diff_text", run(&["diff", "--base", "HEAD~1"]));
    insta::assert_snapshot!(
        "diff_text_fi",
        run(&["diff", "--base", "HEAD~1", "--lang", "fi"])
    );
    insta::assert_snapshot!(
        "diff_markdown",
        run(&["diff", "--base", "HEAD~1", "--format", "markdown"])
    );
    insta::assert_snapshot!(
        "diff_json",
        run(&["diff", "--base", "HEAD~1", "--format", "json"])
    );
}

#[test]
fn a_shared_layer_edit_is_reported_once_per_dependent_site() {
    let project = committed_fixture();
    project.edit(LAYER, "029 566 6700", "029 566 6799");
    project.commit_all("layer");
    let json = project
        .run(&["diff", "--base", "HEAD~1", "--format", "json"])
        .expect(0)
        .stdout();
    let expected = [row([
        "authority",
        "-",
        "phone",
        "changed",
        "editorial",
        "contact-details",
    ])];
    assert_eq!(changes(&json, "alpha"), expected);
    assert_eq!(changes(&json, "beta"), expected);
    let only_beta = project
        .run(&[
            "diff", "--base", "HEAD~1", "--format", "json", "--site", "beta",
        ])
        .expect(0)
        .stdout();
    assert!(changes(&only_beta, "alpha").is_empty());
    assert_eq!(changes(&only_beta, "beta"), expected);
}

#[test]
fn identical_versions_give_an_empty_diff_and_exit_0() {
    let project = committed_fixture();
    let text = project.run(&["diff", "--base", "HEAD"]).expect(0).stdout();
    assert_eq!(text, "No changes to any notice.\n");
    let json = project
        .run(&["diff", "--base", "HEAD", "--format", "json"])
        .expect(0)
        .stdout();
    let report: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["sites"], Value::Array(Vec::new()));
    let other = Project::fixture("versions");
    project
        .run(&["diff", ".", other.path().to_str().unwrap()])
        .expect(0);
}

#[test]
fn empty_to_full_shows_a_new_site_with_material_additions() {
    let project = Project::fixture("versions");
    std::fs::remove_dir_all(project.path().join("content")).unwrap();
    project.write("README.md", "not a notice yet\n");
    project.commit_all("empty");
    super::support::copy_tree(
        &super::support::repo_root().join("tests/fixtures/versions/content"),
        &project.path().join("content"),
    );
    let json = project
        .run(&[
            "diff", "--base", "HEAD", "--format", "json", "--site", "alpha",
        ])
        .expect(0)
        .stdout();
    let report: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["sites"][0]["status"], "added");
    assert_eq!(report["sites"][0]["material"], true);
    let alpha = changes(&json, "alpha");
    for expected in [
        row([
            "purposes",
            "orders",
            "-",
            "added",
            "material",
            "purpose-added",
        ]),
        row([
            "recipients",
            "hosting",
            "-",
            "added",
            "material",
            "recipient-added",
        ]),
        row([
            "cookies",
            "session",
            "-",
            "added",
            "material",
            "cookie-added",
        ]),
    ] {
        assert!(
            alpha.contains(&expected),
            "{expected:?} missing from {alpha:?}"
        );
    }
}

#[test]
fn reordered_items_are_not_a_change() {
    let project = Project::fixture("versions");
    let old = Project::fixture("versions");
    let text = project.read(ALPHA);
    let orders_start = text.find("[[purposes]]\nid = \"orders\"").unwrap();
    let newsletter_start = text.find("[[purposes]]\nid = \"newsletter\"").unwrap();
    let recipients_start = text.find("[[recipients]]").unwrap();
    let swapped = format!(
        "{}{}\n{}{}",
        &text[..orders_start],
        text[newsletter_start..recipients_start].trim_end(),
        &text[orders_start..newsletter_start],
        &text[recipients_start..]
    );
    assert_ne!(swapped, text);
    project.write(ALPHA, &swapped);
    let out = project
        .run(&["diff", old.path().to_str().unwrap(), "."])
        .expect(0)
        .stdout();
    assert_eq!(out, "No changes to any notice.\n");
}

#[test]
fn a_renamed_id_is_one_editorial_rename() {
    let project = Project::fixture("versions");
    let old = Project::fixture("versions");
    project.edit(ALPHA, "id = \"hosting\"", "id = \"cloud-hosting\"");
    let json = project
        .run(&[
            "diff",
            old.path().to_str().unwrap(),
            ".",
            "--format",
            "json",
        ])
        .expect(0)
        .stdout();
    assert_eq!(
        changes(&json, "alpha"),
        [row([
            "recipients",
            "cloud-hosting",
            "id",
            "renamed",
            "editorial",
            "id-renamed"
        ])]
    );
}

#[test]
fn whitespace_and_crlf_only_edits_are_not_changes() {
    let project = Project::fixture("versions");
    let old = Project::fixture("versions");
    project.edit(ALPHA, "2 vuotta tilauksesta.", "2   vuotta\\n tilauksesta.");
    let crlf = project
        .read("content/beta/notice.toml")
        .replace('\n', "\r\n");
    project.write("content/beta/notice.toml", &crlf);
    let out = project
        .run(&["diff", old.path().to_str().unwrap(), "."])
        .expect(0)
        .stdout();
    assert_eq!(out, "No changes to any notice.\n");
}

#[test]
fn a_section_in_one_language_only_is_reported_for_that_language() {
    let project = Project::fixture("versions");
    let old = Project::fixture("versions");
    project.edit(
        ALPHA,
        "[controller]",
        "[[sections]]\nid = \"lisatietoja\"\ntitle = { fi = \"Lisätietoja\" }\nbody = { fi = \"Vain suomeksi.\" }\n\n[controller]",
    );
    let json = project
        .run(&[
            "diff",
            old.path().to_str().unwrap(),
            ".",
            "--format",
            "json",
        ])
        .expect(0)
        .stdout();
    assert_eq!(
        changes(&json, "alpha"),
        [row([
            "sections.lisatietoja",
            "lisatietoja",
            "-",
            "added",
            "editorial",
            "information-added"
        ])]
    );
    // Translating it later is a change to the English text only.
    let translated = Project::fixture("versions");
    translated.write(
        ALPHA,
        &project.read(ALPHA).replace(
            "body = { fi = \"Vain suomeksi.\" }",
            "body = { fi = \"Vain suomeksi.\", en = \"Now in English too.\" }",
        ),
    );
    let json = translated
        .run(&[
            "diff",
            project.path().to_str().unwrap(),
            ".",
            "--format",
            "json",
        ])
        .expect(0)
        .stdout();
    let report: Value = serde_json::from_str(&json).unwrap();
    let change = &report["sites"][0]["changes"][0];
    assert_eq!(change["lang"], "en");
    assert_eq!(change["reason"], "information-added");
    assert_eq!(report["sites"][0]["changes"].as_array().unwrap().len(), 1);
}

#[test]
fn release_freezes_the_effective_notice_and_refuses_repeats() {
    let project = Project::fixture("versions");
    let out = project
        .run(&[
            "release",
            "alpha",
            "--effective",
            "2025-06-01",
            "--summary",
            "First",
        ])
        .expect(0)
        .stdout();
    assert_eq!(
        out,
        "released alpha version 2025-06-01 (first version): content/alpha/history/2025-06-01.toml\n"
    );
    let snapshot = project.read("content/alpha/history/2025-06-01.toml");
    // Self-contained: the layer's authority and the project's languages are written out.
    assert!(
        snapshot.contains("[notice.authority]")
            && snapshot.contains("languages = [\"fi\", \"en\"]"),
        "{snapshot}"
    );
    insta::assert_snapshot!("alpha_snapshot", snapshot);

    let again = project
        .run(&["release", "alpha", "--effective", "2025-06-01"])
        .expect(1);
    assert!(
        again
            .stderr()
            .contains("nothing to release: `alpha` has not changed since version 2025-06-01"),
        "{}",
        again.stderr()
    );

    project.edit(ALPHA, "Uutiskirje", "Uutiskirjeet");
    let early = project
        .run(&["release", "alpha", "--effective", "2025-05-31"])
        .expect(2);
    assert!(
        early
            .stderr()
            .contains("before its latest version 2025-06-01"),
        "{}",
        early.stderr()
    );
    project
        .run(&["release", "alpha", "--effective", "2025-06-01"])
        .expect(0);
    assert_eq!(
        project.read("content/alpha/history/2025-06-01.toml"),
        snapshot,
        "an archived version never changes"
    );
    assert!(
        project
            .path()
            .join("content/alpha/history/2025-06-01-2.toml")
            .exists()
    );
}

#[test]
fn release_all_after_a_layer_edit_releases_each_dependent_site() {
    let project = Project::fixture("versions");
    project
        .run(&["release", "--all", "--effective", "2025-06-01"])
        .expect(0);
    project.edit(
        LAYER,
        "Lintulahdenkuja 4, 00530 Helsinki\"",
        "Esimerkkikatu 1, 00100 Helsinki\"",
    );
    let out = project
        .run(&[
            "release",
            "--all",
            "--effective",
            "2025-12-01",
            "--summary",
            "Ombudsman moved",
        ])
        .expect(0)
        .stdout();
    assert_eq!(
        out,
        "released alpha version 2025-12-01 (1 change(s), editorial): content/alpha/history/2025-12-01.toml\n\
         released beta version 2025-12-01 (1 change(s), editorial): content/beta/history/2025-12-01.toml\n"
    );
    assert!(
        project
            .read("content/beta/history/2025-12-01.toml")
            .contains("summary = \"Ombudsman moved\"")
    );
    let none = project.run(&["release", "--all"]).expect(1);
    assert!(
        none.stderr()
            .contains("every site matches its latest version"),
        "{}",
        none.stderr()
    );
}

#[test]
fn the_build_publishes_the_release_and_warns_about_unreleased_changes() {
    let project = Project::fixture("versions");
    let unreleased = project.run(&["build"]).expect(0);
    assert!(
        unreleased
            .stderr()
            .contains("warning: `alpha` has no released version yet"),
        "{}",
        unreleased.stderr()
    );
    assert!(
        !project
            .read("site/alpha/index.html")
            .contains("class=\"version\"")
    );

    project
        .run(&["release", "--all", "--effective", "2025-06-01"])
        .expect(0);
    project.edit(ALPHA, "Uutiskirje", "Kuukausikirje");
    let built = project.run(&["build"]).expect(0);
    assert!(
        built
            .stderr()
            .contains("warning: unreleased changes in alpha: run `notice release alpha`"),
        "{}",
        built.stderr()
    );
    let page = project.read("site/alpha/index.html");
    assert!(
        page.contains("Voimassa <time datetime=\"2025-06-01\">1.6.2025</time> alkaen"),
        "{page}"
    );
    assert!(
        page.contains("Uutiskirje") && !page.contains("Kuukausikirje"),
        "the page shows the release"
    );

    let drafts = project.run(&["build", "--drafts"]).expect(0);
    assert!(
        !drafts.stderr().contains("unreleased changes"),
        "{}",
        drafts.stderr()
    );
    let page = project.read("site/alpha/index.html");
    assert!(
        page.contains("Kuukausikirje") && page.contains("class=\"banner draft\""),
        "{page}"
    );
    let log = project.read("site/alpha/changes/index.html");
    assert!(log.contains("id=\"unreleased\""), "{log}");
}

#[test]
fn change_log_archive_and_feed_are_built_from_history() {
    let project = Project::fixture("versions");
    project
        .run(&[
            "release",
            "--all",
            "--effective",
            "2025-06-01",
            "--summary",
            "Ensimmäinen versio",
        ])
        .expect(0);
    edit_alpha(&project);
    project
        .run(&[
            "release",
            "alpha",
            "--effective",
            "2025-12-01",
            "--summary",
            "Kirjanpito ulkoistettu",
        ])
        .expect(0);
    project.run(&["build"]).expect(0);
    let built: Vec<String> = tree(&project.path().join("site"))
        .into_keys()
        .filter(|p| p.starts_with("alpha/"))
        .collect();
    assert_eq!(
        built,
        [
            "alpha/changes.xml",
            "alpha/changes/index.html",
            "alpha/en/changes/index.html",
            "alpha/en/index.html",
            "alpha/index.html",
            "alpha/notice.jsonld",
            "alpha/versions/2025-06-01/en/index.html",
            "alpha/versions/2025-06-01/index.html",
        ]
    );
    insta::assert_snapshot!(
        "alpha_change_log_fi",
        project.read("site/alpha/changes/index.html")
    );
    insta::assert_snapshot!(
        "alpha_change_log_en",
        project.read("site/alpha/en/changes/index.html")
    );
    insta::assert_snapshot!("alpha_feed", project.read("site/alpha/changes.xml"));
    let archived = project.read("site/alpha/versions/2025-06-01/index.html");
    assert!(
        archived.contains("Tämä versio ei ole enää voimassa.")
            && archived.contains("korvattu <time datetime=\"2025-12-01\">"),
        "{archived}"
    );
    let current = project.read("site/alpha/index.html");
    assert!(
        current.contains("href=\"../alpha/changes/index.html\"")
            && current.contains("type=\"application/atom+xml\""),
        "{current}"
    );
}

#[test]
fn archived_pages_are_byte_identical_after_a_boilerplate_change() {
    let project = Project::fixture("versions");
    project
        .run(&["release", "--all", "--effective", "2025-06-01"])
        .expect(0);
    edit_alpha(&project);
    project
        .run(&["release", "alpha", "--effective", "2025-12-01"])
        .expect(0);
    project.run(&["build"]).expect(0);
    let before = tree(&project.path().join("site"));
    project.edit(LAYER, "029 566 6700", "029 566 6799");
    let rebuilt = project.run(&["build"]).expect(0);
    assert!(
        rebuilt.stderr().contains("unreleased changes in alpha"),
        "{}",
        rebuilt.stderr()
    );
    let after = tree(&project.path().join("site"));
    assert_eq!(
        before, after,
        "published pages follow the releases, not the sources"
    );
    project
        .run(&["release", "--all", "--effective", "2026-01-01"])
        .expect(0);
    project.run(&["build"]).expect(0);
    let released = tree(&project.path().join("site"));
    for page in [
        "alpha/versions/2025-06-01/index.html",
        "alpha/versions/2025-06-01/en/index.html",
    ] {
        assert_eq!(before[page], released[page], "{page} changed");
    }
    assert!(String::from_utf8_lossy(&released["alpha/index.html"]).contains("029 566 6799"));
}

#[test]
fn diff_between_two_snapshot_files() {
    let project = Project::fixture("versions");
    project
        .run(&["release", "alpha", "--effective", "2025-06-01"])
        .expect(0);
    edit_alpha(&project);
    project
        .run(&["release", "alpha", "--effective", "2025-12-01"])
        .expect(0);
    let json = project
        .run(&[
            "diff",
            "content/alpha/history/2025-06-01.toml",
            "content/alpha/history/2025-12-01.toml",
            "--format",
            "json",
        ])
        .expect(0)
        .stdout();
    assert_eq!(changes(&json, "alpha").len(), 4, "{json}");
}

#[test]
fn the_pull_request_workflow_runs_a_real_diff_command() {
    let workflow = std::fs::read_to_string(
        crate::support::repo_root().join(".github/workflows/notice-diff.yml"),
    )
    .unwrap();
    let line = workflow
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("./target/release/notice diff"))
        .expect("the workflow runs notice diff");
    let args: Vec<&str> = line
        .split(" > ")
        .next()
        .unwrap()
        .split_whitespace()
        .skip(1)
        .map(|arg| {
            if arg == "\"origin/$BASE_REF\"" {
                "HEAD~1"
            } else {
                arg
            }
        })
        .collect();
    assert!(
        workflow.contains("<!-- notice-diff -->"),
        "the workflow finds its comment by the marker"
    );

    let project = committed_fixture();
    edit_alpha(&project);
    project.commit_all("second");
    let markdown = project.run(&args).expect(0).stdout();
    assert!(markdown.starts_with("<!-- notice-diff -->\n"), "{markdown}");
    assert!(
        markdown.contains("**1 site changed, 1 material**"),
        "{markdown}"
    );
}

#[test]
fn a_summary_can_be_given_per_language() {
    let project = Project::fixture("versions");
    project
        .run(&[
            "release",
            "alpha",
            "--effective",
            "2025-06-01",
            "--summary",
            "Yhteinen",
            "--summary-en",
            "In English",
        ])
        .expect(0);
    let snapshot = project.read("content/alpha/history/2025-06-01.toml");
    assert!(
        snapshot.contains(
            "summary.fi = \"Yhteinen\"\nsummary.sv = \"Yhteinen\"\nsummary.en = \"In English\"\n"
        ),
        "{snapshot}"
    );
    project.run(&["build"]).expect(0);
    assert!(
        project
            .read("site/alpha/en/changes/index.html")
            .contains("<p class=\"summary\">In English</p>")
    );
    assert!(
        project
            .read("site/alpha/changes/index.html")
            .contains("<p class=\"summary\">Yhteinen</p>")
    );
}

/// The README's `notice diff --base HEAD~1` example is this fixture's output, word for word.
#[test]
fn readme_diff_example_is_real() {
    let readme = std::fs::read_to_string(crate::support::repo_root().join("README.md")).unwrap();
    let prompt = "$ notice diff --base HEAD~1\n";
    let start = readme.find(prompt).expect("README shows a diff") + prompt.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let project = committed_fixture();
    edit_alpha(&project);
    project.commit_all("second");
    assert_eq!(
        project
            .run(&["diff", "--base", "HEAD~1"])
            .expect(0)
            .stdout(),
        shown
    );
}
