//! One fixture per class of bad input: each must exit 65 and point at the exact file:line:col.

use crate::support::{Project, Run};

/// Builds `tests/fixtures/invalid/<name>`, expects exit 65 and the location, and pins the whole
/// diagnostic (message, snippet, help) as a snapshot.
fn rejects(name: &str, location: &str) -> Run {
    let project = Project::fixture(&format!("invalid/{name}"));
    let run = project.run(&["build"]).expect(65);
    let stderr = run.stderr();
    assert!(
        stderr.contains(&format!("--> {location}\n")),
        "expected location {location} in:\n{stderr}"
    );
    assert!(
        !project.path().join("site").exists(),
        "a failed build must not create output"
    );
    insta::assert_snapshot!(name, stderr);
    run
}

#[test]
fn toml_syntax_error() {
    rejects("toml-syntax", "content/kahvila/notice.toml:3:9");
}

#[test]
fn unknown_key_suggests_the_right_one() {
    let run = rejects("unknown-key", "content/kahvila/notice.toml:8:1");
    assert!(run.stderr().contains("did you mean `retention`?"));
}

#[test]
fn wrong_type() {
    rejects("wrong-type", "content/kahvila/notice.toml:5:8");
}

#[test]
fn missing_required_field() {
    rejects("missing-field", "content/kahvila/notice.toml:3:1");
}

/// serde names only the missing key; for an enum the hint lists its values, so the writer
/// need not look them up.
#[test]
fn a_missing_enum_key_lists_the_allowed_values() {
    let project = Project::fixture("invalid/missing-field");
    for (table, location, help) in [
        (
            "[[cookies]]\nid = \"istunto\"\nname = \"s\"\nprovider = \"Me\"\n",
            "6:1",
            "add `category = …`, one of `necessary`, `preferences`, `analytics` or `marketing`",
        ),
        (
            "[data_requirement]\nconsequences = \"Ei tilausta.\"\n",
            "6:1",
            "add `kind = …`, one of `voluntary`, `contractual`, `statutory` or `contract-prerequisite`",
        ),
    ] {
        project.write(
            "content/kahvila/notice.toml",
            &format!("languages = [\"fi\"]\n\n[controller]\nname = \"Kahvila\"\n\n{table}"),
        );
        let stderr = project.run(&["build"]).expect(65).stderr();
        assert!(
            stderr.contains(&format!("--> content/kahvila/notice.toml:{location}\n")),
            "{stderr}"
        );
        assert!(stderr.contains(&format!("= help: {help}\n")), "{stderr}");
    }
}

/// `title` became optional so that a one-paragraph purpose needs no invented heading; a
/// purpose with neither would be an empty entry on the page.
#[test]
fn a_purpose_without_title_or_description_is_a_load_error_at_the_item() {
    let project = Project::fixture("invalid/missing-field");
    let site = |purpose: &str| {
        format!(
            "languages = [\"fi\"]\n\n[controller]\nname = \"Kahvila\"\n\n[[purposes]]\nid = \"varaukset\"\n{purpose}"
        )
    };
    project.write(
        "content/kahvila/notice.toml",
        &site("basis = \"contract\"\n"),
    );
    let stderr = project.run(&["build"]).expect(65).stderr();
    assert!(
        stderr.starts_with(
            "error: purpose `varaukset` has neither a `title` nor a `description`\n  --> content/kahvila/notice.toml:6:1\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("= help: add `description = \"…\"`"),
        "{stderr}"
    );
    project.run(&["check"]).expect(65);
    project.write(
        "content/kahvila/notice.toml",
        &site("description = \"Pöytävarausten hoitaminen.\"\nbasis = \"contract\"\n"),
    );
    project.run(&["build"]).expect(0);
}

#[test]
fn invalid_language_code() {
    rejects("invalid-language", "content/kahvila/notice.toml:1:20");
}

#[test]
fn invalid_date() {
    rejects("invalid-date", "content/kahvila/notice.toml:2:11");
}

#[test]
fn unknown_layer_suggests_the_right_one() {
    let run = rejects("unknown-layer", "content/kahvila/notice.toml:1:12");
    assert!(run.stderr().contains("did you mean `fi-standard`?"));
}

#[test]
fn circular_layers() {
    let run = rejects("circular-layer", "content/_shared/base.toml:2:12");
    assert!(
        run.stderr()
            .contains("circular layers: agency → base → agency")
    );
}

#[test]
fn duplicate_id() {
    rejects("duplicate-id", "content/kahvila/notice.toml:9:6");
}

#[test]
fn site_name_that_is_not_a_slug() {
    let run = rejects("bad-site-name", "content/Kahvila_Aurinko");
    assert!(
        run.stderr()
            .contains("rename the directory to `kahvila-aurinko`")
    );
}

#[test]
fn disallowed_markdown_link() {
    rejects("disallowed-link", "content/kahvila/notice.toml:7:8");
}

#[test]
fn template_error_names_the_template_file_and_line() {
    rejects(
        "template-error",
        "themes/rikki/templates/sections/controller.html:2:19",
    );
}

#[test]
fn symlink_leading_outside_the_project() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("notice.toml"),
        "[controller]\nname = \"Ulkopuolinen Oy\"\n",
    )
    .unwrap();
    let project = Project::empty();
    std::fs::create_dir_all(project.path().join("content/kahvila")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("notice.toml"),
        project.path().join("content/kahvila/notice.toml"),
    )
    .unwrap();
    let run = project.run(&["build"]).expect(65);
    let stderr = run.stderr();
    assert!(
        stderr.contains("error: symlink leads outside the project"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--> content/kahvila/notice.toml\n"),
        "{stderr}"
    );
    assert!(!project.path().join("site").exists());
}

#[test]
fn symlink_inside_the_project_is_followed() {
    let project = Project::empty();
    project.write(
        "content/shared-source.toml",
        "[controller]\nname = \"Sisäinen Oy\"\n",
    );
    std::fs::create_dir_all(project.path().join("content/kahvila")).unwrap();
    std::os::unix::fs::symlink(
        "../shared-source.toml",
        project.path().join("content/kahvila/notice.toml"),
    )
    .unwrap();
    project.run(&["build"]).expect(0);
    assert!(
        project
            .read("site/kahvila/index.html")
            .contains("Sisäinen Oy")
    );
}

#[test]
fn every_broken_site_is_reported_in_one_run() {
    let project = Project::fixture("invalid/wrong-type");
    project.write("content/toinen/notice.toml", "[controller]\nnimi = \"X\"\n");
    let stderr = project.run(&["build"]).expect(65).stderr();
    assert!(
        stderr.contains("--> content/kahvila/notice.toml:5:8"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--> content/toinen/notice.toml:2:1"),
        "{stderr}"
    );
}

#[test]
fn snapshot_edited_to_another_version() {
    let run = rejects(
        "snapshot-version-mismatch",
        "content/kahvila/history/2025-06-01.toml:4:11",
    );
    assert!(run.stderr().contains("restore `version = \"2025-06-01\"`"));
}

#[test]
fn snapshot_with_an_unknown_key() {
    let run = rejects(
        "snapshot-unknown-key",
        "content/kahvila/history/2025-06-01.toml:12:1",
    );
    assert!(run.stderr().contains("did you mean `email`?"));
}

#[test]
fn stray_file_in_the_history_folder() {
    rejects("stray-history-file", "content/kahvila/history/notes.txt");
}

#[test]
fn base_url_that_is_not_a_web_address() {
    let run = rejects("unsafe-base-url", "content/project.toml:2:12");
    assert!(
        run.stderr()
            .contains("expected an absolute http:// or https:// address"),
        "{}",
        run.stderr()
    );
}
