//! `notice diff` between git revisions, projects and snapshot files: what is reported, in
//! which formats, and what is not a change.

use serde_json::Value;

use super::{ALPHA, LAYER, changes, committed_fixture, edit_alpha, row};
use crate::support::Project;

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
    crate::support::copy_tree(
        &crate::support::repo_root().join("tests/fixtures/versions/content"),
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

/// The action's diff step (action/steps.sh, run by action.yml and by the content-repository CI
/// test) is a command this binary accepts, and its output carries the comment step's marker.
#[test]
fn the_pull_request_workflow_runs_a_real_diff_command() {
    let root = crate::support::repo_root();
    let steps = std::fs::read_to_string(root.join("action/steps.sh")).unwrap();
    let line = steps
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("\"$notice\" diff"))
        .expect("the action runs notice diff");
    let args: Vec<&str> = line
        .split(" > ")
        .next()
        .unwrap()
        .split_whitespace()
        .skip(1)
        // An optional shell array (`${limit[@]+"${limit[@]}"}`) expands to nothing unset.
        .filter(|arg| !arg.starts_with("${"))
        .map(|arg| match arg {
            "\"origin/$base\"" => "HEAD~1",
            "\"$root\"" => ".",
            _ => arg,
        })
        .collect();
    let comment = std::fs::read_to_string(root.join("action/comment.js")).unwrap();
    assert!(
        comment.contains("'<!-- notice-diff -->'"),
        "the comment step finds its comment by the marker"
    );

    let project = committed_fixture();
    edit_alpha(&project);
    project.commit_all("second");
    let markdown = project.run(&args).expect(0).stdout();
    assert!(markdown.starts_with("<!-- notice-diff -->\n"), "{markdown}");
    assert!(
        markdown.contains("**1 of 2 sites changed; 3 material changes, 1 editorial**"),
        "{markdown}"
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
