//! `notice release`, and the pages, change log, archive and feed built from released history.

use super::{ALPHA, LAYER, edit_alpha};
use crate::support::{Project, tree};

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
