//! The page cache (`.cache/notice/`): pages of released versions kept between builds. Whatever
//! it holds, a build gives the bytes and the warnings a build without it gives.

use std::fs;

use crate::support::{Project, tree};

const CACHE_DIR: &str = ".cache/notice";

/// The entry files in the project's cache folder, by name.
fn entries(project: &Project) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(project.path().join(CACHE_DIR))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".pages"))
        .collect();
    names.sort();
    names
}

/// Builds into `out` with the cache and into `<out>-cold` without it, and asserts the two
/// give the same files, pages and warnings.
fn assert_same_as_without_cache(project: &Project, out: &str) {
    let cached = project.run(&["build", "--out", out]).expect(0);
    let cold_out = format!("{out}-cold");
    let cold = project
        .run(&["build", "--no-cache", "--out", &cold_out])
        .expect(0);
    assert_eq!(
        tree(&project.path().join(out)),
        tree(&project.path().join(&cold_out)),
        "{out}"
    );
    assert_eq!(cached.stderr(), cold.stderr(), "{out}");
    assert_eq!(
        cached.stdout().replace(out, "OUT"),
        cold.stdout().replace(&cold_out, "OUT"),
        "{out}"
    );
}

#[test]
fn a_cached_build_gives_the_bytes_and_warnings_of_an_uncached_one() {
    let project = Project::examples();
    assert_same_as_without_cache(&project, "first");
    // One entry per site with released versions; the second build reads them all.
    assert_eq!(entries(&project).len(), 4);
    assert_same_as_without_cache(&project, "second");
    assert!(
        project.read(".cache/notice/.gitignore").contains("\n*\n"),
        "git never sees the cache"
    );
    assert!(
        project
            .read(".cache/notice/CACHEDIR.TAG")
            .starts_with("Signature: 8a477f597d28d172789f06886806bc55\n")
    );
}

#[test]
fn a_hit_takes_the_pages_from_the_entry_without_rendering_them() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    // An edit of the same length leaves the entry whole: only a real hit can publish it.
    for name in entries(&project) {
        let path = project.path().join(CACHE_DIR).join(&name);
        let mut bytes = fs::read(&path).unwrap();
        let (from, to) = (b"<!DOCTYPE html>", b"<!doctype html>");
        let mut replaced = 0;
        while let Some(at) = bytes.windows(from.len()).position(|w| w == from) {
            bytes[at..at + to.len()].copy_from_slice(to);
            replaced += 1;
        }
        assert!(replaced > 1, "{name}: every page starts so");
        fs::write(&path, bytes).unwrap();
    }
    // Into a new output: the output's own cache would answer for an unchanged `site/`.
    project.run(&["build", "--out", "again"]).expect(0);
    assert!(
        project
            .read("again/verkkoapu/index.html")
            .starts_with("<!doctype html>")
    );
    // The index is no site's page: rendered every time.
    assert!(
        project
            .read("again/index.html")
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn every_input_of_the_pages_is_in_the_key() {
    let project = Project::examples();
    project.override_builtin_template("base.html");
    project.run(&["build"]).expect(0);
    let warm = entries(&project);

    // The sources: the pages follow the release, so only the warning changes.
    project.edit(
        "content/verkkoapu/notice.toml",
        "Verkkoapu Oy privacy notice",
        "Verkkoapu Ltd privacy notice",
    );
    assert_same_as_without_cache(&project, "source-edit");
    assert_eq!(entries(&project), warm, "a source edit renders no page");

    // A shared layer: the same, for every site built on it.
    let layer = fs::read_dir(project.path().join("content/_shared"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "toml"))
        .unwrap();
    let text = fs::read_to_string(&layer).unwrap();
    fs::write(&layer, format!("{text}\n# edited\n")).unwrap();
    assert_same_as_without_cache(&project, "layer-edit");

    project.edit(
        "themes/default/templates/base.html",
        "<body>",
        "<body data-edited>",
    );
    assert_same_as_without_cache(&project, "theme-edit");
    assert!(
        project
            .read("theme-edit/verkkoapu/index.html")
            .contains("<body data-edited>")
    );

    project.edit(
        "content/project.toml",
        "fi = \"Tietosuojaselosteet\"",
        "fi = \"Tietosuojaselosteemme\"",
    );
    assert_same_as_without_cache(&project, "settings-edit");

    project
        .run(&[
            "release",
            "verkkoapu",
            "--effective",
            "2027-06-01",
            "--summary",
            "Name in English",
        ])
        .expect(0);
    assert_same_as_without_cache(&project, "release");
    assert!(
        project
            .read("release/verkkoapu/index.html")
            .contains("Verkkoapu Ltd privacy notice")
    );
}

#[test]
fn a_damaged_entry_is_a_miss_and_is_written_again() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    let names = entries(&project);
    let sizes: Vec<u64> = names.iter().map(|n| entry_size(&project, n)).collect();
    for name in &names {
        let path = project.path().join(CACHE_DIR).join(name);
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    }
    assert_same_as_without_cache(&project, "after-damage");
    let again: Vec<u64> = names.iter().map(|n| entry_size(&project, n)).collect();
    assert_eq!(again, sizes);
}

fn entry_size(project: &Project, name: &str) -> u64 {
    fs::metadata(project.path().join(CACHE_DIR).join(name))
        .unwrap()
        .len()
}

#[test]
fn a_full_build_removes_the_entries_it_did_not_use_and_nothing_else() {
    let project = Project::examples();
    project.override_builtin_template("base.html");
    project.run(&["build"]).expect(0);
    let before = entries(&project);
    project.write(".cache/notice/notes.txt", "mine");

    project.edit(
        "themes/default/templates/base.html",
        "<body>",
        "<body data-edited>",
    );
    // A `--site` build speaks for one site: it adds its entry and removes none.
    project.run(&["build", "--site", "verkkoapu"]).expect(0);
    let after_site = entries(&project);
    assert_eq!(after_site.len(), before.len() + 1);

    project.run(&["build"]).expect(0);
    let after_full = entries(&project);
    assert_eq!(after_full.len(), before.len());
    assert!(after_full.iter().all(|name| !before.contains(name)));
    assert_eq!(project.read(".cache/notice/notes.txt"), "mine");
}

#[test]
fn no_cache_and_drafts_leave_no_cache_folder() {
    let project = Project::examples();
    project.run(&["build", "--no-cache"]).expect(0);
    project
        .run(&["build", "--drafts", "--out", "drafts"])
        .expect(0);
    assert!(!project.path().join(".cache").exists());
}

#[test]
fn the_cache_folder_comes_from_the_flag_or_the_environment() {
    let project = Project::examples();
    project
        .run_with_env(&["build"], &[("NOTICE_CACHE_DIR", "from-env")])
        .expect(0);
    assert!(project.path().join("from-env/CACHEDIR.TAG").is_file());
    project
        .run_with_env(
            &["build", "--cache-dir", "from-flag", "--out", "again"],
            &[("NOTICE_CACHE_DIR", "from-env")],
        )
        .expect(0);
    assert!(project.path().join("from-flag/CACHEDIR.TAG").is_file());
    assert!(!project.path().join(".cache").exists());

    project
        .run(&["build", "--cache-dir", "x", "--no-cache"])
        .expect(2);
}

#[test]
fn a_cache_folder_among_the_sources_or_of_other_files_is_refused() {
    let project = Project::examples();
    let inside = project
        .run(&["build", "--cache-dir", "content/cache"])
        .expect(2);
    assert!(
        inside.stderr().contains(
            "error: refusing to keep the page cache among the project's sources\n --> content/cache"
        ),
        "{}",
        inside.stderr()
    );

    project.write("mine/photo.jpg", "not a cache");
    let foreign = project.run(&["build", "--cache-dir", "mine"]).expect(2);
    assert!(
        foreign.stderr().contains(
            "error: refusing to use a folder of files notice did not make as its page cache\n --> mine"
        ),
        "{}",
        foreign.stderr()
    );
    assert_eq!(project.read("mine/photo.jpg"), "not a cache");

    // Cargo's target folder carries the same signature, in another tool's words.
    project.write(
        "target/CACHEDIR.TAG",
        "Signature: 8a477f597d28d172789f06886806bc55\n\
         # This file is a cache directory tag created by cargo.\n",
    );
    project.run(&["build", "--cache-dir", "target"]).expect(2);

    // A tag in an older notice's words is still notice's.
    project.write(
        "older/CACHEDIR.TAG",
        "Signature: 8a477f597d28d172789f06886806bc55\n# notice page cache, worded otherwise\n",
    );
    project.write("older/0123456789abcdef0123456789abcdef.pages", "stale");
    project
        .run(&["build", "--cache-dir", "older", "--out", "from-older"])
        .expect(0);
    assert!(
        project
            .read("older/CACHEDIR.TAG")
            .contains("Safe to delete.")
    );
    assert!(
        !project
            .path()
            .join("older/0123456789abcdef0123456789abcdef.pages")
            .exists(),
        "a full build prunes what it did not use"
    );

    project.write("a-file", "");
    let file = project.run(&["build", "--cache-dir", "a-file"]).expect(2);
    assert!(
        file.stderr()
            .contains("error: the page cache path is not a directory\n --> a-file"),
        "{}",
        file.stderr()
    );
    assert!(
        !project.path().join("site").exists(),
        "refused before building"
    );
}

#[test]
fn an_entry_that_cannot_be_written_is_a_warning_not_a_failure() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    // A directory where an entry goes: it can be neither read nor replaced.
    for name in entries(&project) {
        let path = project.path().join(CACHE_DIR).join(&name);
        fs::remove_file(&path).unwrap();
        fs::create_dir(&path).unwrap();
    }
    let run = project.run(&["build", "--out", "blocked"]).expect(0);
    let warnings = run
        .stderr()
        .matches("warning: cannot write the page cache")
        .count();
    assert_eq!(warnings, 1, "{}", run.stderr());
    let cold = project
        .run(&["build", "--no-cache", "--out", "cold"])
        .expect(0);
    assert_eq!(
        tree(&project.path().join("blocked")),
        tree(&project.path().join("cold"))
    );
    assert!(!cold.stderr().contains("page cache"), "{}", cold.stderr());
}
