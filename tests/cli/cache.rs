//! The build cache (`site/.notice-cache`): a full build with nothing changed writes nothing,
//! and anything that could make the cache wrong makes the next build a real one.

use crate::support::{Project, tree};

const CACHE: &str = "site/.notice-cache";

#[test]
fn a_build_with_nothing_changed_writes_nothing_and_warns_as_the_real_build_did() {
    let project = Project::fixture("versions");
    let first = project.run(&["build"]).expect(0);
    assert!(
        first.stdout().contains(": 7 written, 0 unchanged"),
        "{}",
        first.stdout()
    );
    assert!(
        first
            .stderr()
            .contains("`alpha` has no released version yet"),
        "{}",
        first.stderr()
    );
    let built = tree(&project.path().join("site"));
    assert!(project.path().join(CACHE).is_file());
    assert!(
        !project
            .read("site/.notice-manifest")
            .contains(".notice-cache"),
        "the cache is no page of the site"
    );

    let again = project.run(&["build"]).expect(0);
    assert_eq!(
        again.stdout(),
        "built 4 pages into site: 0 written, 7 unchanged, 0 removed\n"
    );
    assert_eq!(again.stderr(), first.stderr());
    assert_eq!(tree(&project.path().join("site")), built);
}

#[test]
fn a_hand_edited_or_deleted_output_file_is_rebuilt() {
    let project = Project::fixture("versions");
    project.run(&["build"]).expect(0);
    let page = project.read("site/alpha/index.html");
    project.write("site/alpha/index.html", "tampered");
    std::fs::remove_file(project.path().join("site/beta/index.html")).unwrap();

    let stdout = project.run(&["build"]).expect(0).stdout();
    assert!(stdout.contains(": 2 written, 5 unchanged"), "{stdout}");
    assert_eq!(project.read("site/alpha/index.html"), page);
    assert!(project.path().join("site/beta/index.html").is_file());
}

#[test]
fn a_same_size_edit_of_an_output_file_after_the_build_is_rebuilt() {
    let project = Project::fixture("versions");
    project.run(&["build"]).expect(0);
    let page = project.read("site/alpha/index.html");
    // Same length, so only the file's time tells the cache it changed.
    let tampered = page.replacen("<html", "<HTML", 1);
    assert_eq!(tampered.len(), page.len());
    std::thread::sleep(std::time::Duration::from_millis(20));
    project.write("site/alpha/index.html", &tampered);

    let stdout = project.run(&["build"]).expect(0).stdout();
    assert!(stdout.contains(": 1 written"), "{stdout}");
    assert_eq!(project.read("site/alpha/index.html"), page);
}

#[test]
fn a_source_theme_or_settings_edit_is_built() {
    let project = Project::examples();
    project.override_builtin_template("base.html");
    project.run(&["build"]).expect(0);
    // A released site's page follows its release, so a source edit shows in the warning.
    project.edit(
        "content/verkkoapu/notice.toml",
        "Verkkoapu Oy privacy notice",
        "Verkkoapu Ltd privacy notice",
    );
    let built = project.run(&["build"]).expect(0);
    assert!(
        built.stderr().contains("unreleased changes in verkkoapu"),
        "{}",
        built.stderr()
    );
    let again = project.run(&["build"]).expect(0);
    assert!(again.stdout().contains(": 0 written"), "{}", again.stdout());
    assert_eq!(
        again.stderr(),
        built.stderr(),
        "a hit warns as the build did"
    );

    project.edit(
        "themes/default/templates/base.html",
        "<body>",
        "<body data-edited>",
    );
    let stdout = project.run(&["build"]).expect(0).stdout();
    assert!(!stdout.contains(": 0 written"), "{stdout}");
    assert!(
        project
            .read("site/index.html")
            .contains("<body data-edited>")
    );

    project.edit(
        "content/project.toml",
        "fi = \"Tietosuojaselosteet\"",
        "fi = \"Tietosuojaselosteemme\"",
    );
    let stdout = project.run(&["build"]).expect(0).stdout();
    assert!(!stdout.contains(": 0 written"), "{stdout}");
    assert!(
        project
            .read("site/index.html")
            .contains("Tietosuojaselosteemme")
    );
}

#[test]
fn a_site_build_drops_the_cache_and_the_next_full_build_renders_everything() {
    let project = Project::fixture("versions");
    project.run(&["build"]).expect(0);
    project.run(&["build", "--site", "alpha"]).expect(0);
    assert!(
        !project.path().join(CACHE).exists(),
        "a --site build speaks for one site, not the whole tree"
    );
    project.run(&["build"]).expect(0);
    assert!(project.path().join(CACHE).is_file());
}

#[test]
fn drafts_and_released_builds_do_not_share_a_cache() {
    let project = Project::fixture("versions");
    project
        .run(&["release", "--all", "--effective", "2025-06-01"])
        .expect(0);
    project.edit(
        "content/alpha/notice.toml",
        "2 years from the order.",
        "3 years from the order.",
    );
    project.run(&["build"]).expect(0);
    let released = project.read("site/alpha/en/index.html");
    project.run(&["build", "--drafts"]).expect(0);
    let draft = project.read("site/alpha/en/index.html");
    assert_ne!(draft, released);
    project.run(&["build"]).expect(0);
    assert_eq!(project.read("site/alpha/en/index.html"), released);
}
