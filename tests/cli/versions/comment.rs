//! `notice diff --format markdown`, the pull-request comment: a layer edit shown once under its
//! file, links to the published pages, whether the changes are released, an unambiguous
//! summary, and a comment that always fits GitHub's size limit.

use super::{LAYER, committed_fixture, edit_alpha};
use crate::support::Project;

/// The comment for the changes of the last commit, counting days of notice from 2026-01-01.
fn comment(project: &Project, extra: &[&str]) -> String {
    let mut args = vec![
        "diff",
        "--base",
        "HEAD~1",
        "--format",
        "markdown",
        "--today",
        "2026-01-01",
    ];
    args.extend_from_slice(extra);
    project.run(&args).expect(0).stdout()
}

fn without_base_url(project: &Project) {
    project.edit(
        "content/project.toml",
        "base_url = \"https://notices.example\"\n",
        "",
    );
}

#[test]
fn a_layer_edit_is_reported_once_under_the_layer_file() {
    let project = committed_fixture();
    project.edit(LAYER, "029 566 6700", "029 566 6799");
    project.commit_all("layer");
    let markdown = comment(&project, &[]);
    assert_eq!(markdown.matches("Phone").count(), 1, "{markdown}");
    assert!(
        markdown.contains("#### `content/_shared/base.toml`"),
        "{markdown}"
    );
    insta::assert_snapshot!("comment_layer_edit", markdown);
    insta::assert_snapshot!(
        "comment_layer_edit_fi",
        comment(&project, &["--lang", "fi"])
    );
}

/// Issue 17: the JSON did not say where a change was made, so a layer's change could not be
/// told from the site's own.
#[test]
fn the_json_records_each_changes_source_file_and_line() {
    let project = committed_fixture();
    project.edit(LAYER, "029 566 6700", "029 566 6799");
    edit_alpha(&project);
    project.commit_all("layer and site");
    let json = project
        .run(&["diff", "--base", "HEAD~1", "--format", "json"])
        .expect(0)
        .stdout();
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let sources = |site: &str| -> Vec<String> {
        let sites = report["sites"].as_array().unwrap();
        let found = sites.iter().find(|s| s["site"] == site).unwrap();
        let changes = found["changes"].as_array().unwrap();
        changes
            .iter()
            .map(|c| {
                format!(
                    "{}:{}",
                    c["source"]["file"].as_str().unwrap(),
                    c["source"]["line"]
                )
            })
            .collect()
    };
    assert_eq!(sources("beta"), ["content/_shared/base.toml:5"]);
    let alpha = sources("alpha");
    assert!(
        alpha.contains(&"content/_shared/base.toml:5".to_string()),
        "{alpha:?}"
    );
    assert_eq!(
        alpha
            .iter()
            .filter(|s| s.starts_with("content/alpha/notice.toml:"))
            .count(),
        4,
        "{alpha:?}"
    );
}

#[test]
fn a_site_edit_is_reported_under_its_site_with_links_to_its_page() {
    let project = committed_fixture();
    edit_alpha(&project);
    project.commit_all("site");
    let markdown = comment(&project, &[]);
    assert!(
        markdown.contains("(<https://notices.example/alpha/en/#luovutukset>)"),
        "{markdown}"
    );
    assert!(
        markdown.contains("**1 of 2 sites changed; 3 material changes, 1 editorial**"),
        "{markdown}"
    );
    insta::assert_snapshot!("comment_site_edit", markdown);
}

#[test]
fn without_a_base_url_anchors_are_code() {
    let project = committed_fixture();
    without_base_url(&project);
    project.commit_all("no base_url");
    edit_alpha(&project);
    project.commit_all("site");
    let markdown = comment(&project, &[]);
    assert!(!markdown.contains("https://"), "{markdown}");
    insta::assert_snapshot!("comment_site_edit_without_base_url", markdown);
}

#[test]
fn unreleased_changes_say_they_are_not_published_yet() {
    let project = committed_fixture();
    edit_alpha(&project);
    project.commit_all("site");
    let markdown = comment(&project, &[]);
    assert!(
        markdown.contains(
            "**Not released: the published notices do not change until `notice release`."
        ),
        "{markdown}"
    );
    assert!(!markdown.contains("Released:"), "{markdown}");
}

#[test]
fn released_changes_give_the_version_and_the_days_of_notice() {
    let project = committed_fixture();
    edit_alpha(&project);
    project
        .run(&["release", "alpha", "--effective", "2026-02-15"])
        .expect(0);
    project.commit_all("release alpha");
    let markdown = comment(&project, &["--site", "alpha"]);
    assert!(
        markdown.contains(
            "Released: version 2026-02-15 (alpha), in effect from 2026-02-15; 45 days of notice for the material changes."
        ),
        "{markdown}"
    );
    assert!(!markdown.contains("Not released"), "{markdown}");
    insta::assert_snapshot!("comment_released", markdown);
}

/// Issue 17: with 121 sites on one layer, a layer edit made a 78,680-character comment, over
/// GitHub's 65,536 limit. Each site here also changes its own file, so the comment must be
/// cut by whole sites, and say how many were left out and where the full report is.
#[test]
fn a_comment_on_many_sites_fits_githubs_limit() {
    let project = committed_fixture();
    let beta = project.read("content/beta/notice.toml");
    for n in 0..150 {
        let site = format!("site-{n:03}");
        let own = beta.replace("Beeta Tmi", &format!("Yritys {n} Tmi"));
        project.write(&format!("content/{site}/notice.toml"), &own);
    }
    project.commit_all("many sites");
    project.edit(LAYER, "029 566 6700", "029 566 6799");
    for n in 0..150 {
        let path = format!("content/site-{n:03}/notice.toml");
        project.edit(
            &path,
            "Kuusi vuotta tilikauden päättymisestä.",
            "Kuusi vuotta tilikauden päättymisestä, sen jälkeen poistamme tiedot.",
        );
    }
    project.commit_all("layer and every site");
    let full = comment(&project, &["--max-chars", "1000000"]);
    assert!(
        full.len() > 60_000,
        "the fixture is big enough: {}",
        full.len()
    );
    assert!(!full.contains("Left out"), "{full}");
    let cut = comment(&project, &["--full-report", "the artifact notice-diff.md"]);
    assert!(cut.len() <= 60_000, "{}", cut.len());
    assert!(cut.contains("#### `content/_shared/base.toml`"), "{cut}");
    let shown = cut.matches("<summary><strong>").count();
    let left_out = 150 - shown;
    assert!(shown > 10 && left_out > 0, "{shown} shown");
    assert!(
        cut.contains(&format!(
            "Left out to fit GitHub's comment size limit: {left_out} site(s) and 0 layer file(s). The full report: the artifact notice-diff.md."
        )),
        "{cut}"
    );
    // Whole sites only: every block that opens is closed.
    assert_eq!(
        cut.matches("<details").count(),
        cut.matches("</details>").count()
    );
    let small = comment(&project, &["--max-chars", "5000"]);
    assert!(small.len() <= 5000, "{}", small.len());
}
