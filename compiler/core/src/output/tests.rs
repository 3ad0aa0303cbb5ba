//! Unit tests of the output writer: staging, swapping, the manifest and the cache file.

use super::*;

/// The output directory `site` beside a project `project` in `tmp`, as the guard passes it.
pub(super) fn site(tmp: &Path) -> OutputDir {
    guard::output_dir(&tmp.join("project"), &tmp.join("site")).unwrap()
}

/// Replaces `site` in `tmp` with `files`, as a build does.
pub(super) fn write_site(
    tmp: &Path,
    files: &BTreeMap<String, Vec<u8>>,
    scope: &Scope,
) -> Result<WriteReport, Failure> {
    write(site(tmp).lock(None)?, files, scope)
}

pub(super) fn files(entries: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
    entries
        .iter()
        .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
        .collect()
}

#[test]
fn unchanged_files_keep_their_inode_and_stale_ones_go() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    write_site(
        tmp.path(),
        &files(&[("a/index.html", "A"), ("b/index.html", "B")]),
        &Scope::All,
    )
    .unwrap();
    fs::write(out.join("robots.txt"), "user file").unwrap();
    let inode = |p: &str| std::os::unix::fs::MetadataExt::ino(&fs::metadata(out.join(p)).unwrap());
    let before = inode("a/index.html");
    let report = write_site(
        tmp.path(),
        &files(&[("a/index.html", "A"), ("c/index.html", "C")]),
        &Scope::All,
    )
    .unwrap();
    assert_eq!(report.written, ["c/index.html"]);
    assert_eq!(report.removed, ["b/index.html"]);
    assert_eq!(inode("a/index.html"), before);
    assert_eq!(
        fs::read_to_string(out.join("robots.txt")).unwrap(),
        "user file"
    );
    assert!(!out.join("b/index.html").exists());
    let mut beside: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    assert_eq!(beside, [".site.notice-lock", "site"]);
}

#[test]
fn scoped_builds_keep_other_sites() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    write_site(
        tmp.path(),
        &files(&[("a/index.html", "A"), ("b/index.html", "B")]),
        &Scope::All,
    )
    .unwrap();
    let scope = Scope::Prefixes(vec!["a/".into()]);
    let report = write_site(tmp.path(), &files(&[("a/index.html", "A2")]), &scope).unwrap();
    assert_eq!(report.removed, Vec::<String>::new());
    assert_eq!(fs::read_to_string(out.join("b/index.html")).unwrap(), "B");
    assert!(
        fs::read_to_string(out.join(MANIFEST))
            .unwrap()
            .contains("b/index.html")
    );
}

#[test]
fn paths_that_escape_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    for bad in ["../x.html", "/etc/x", "a/../../x", ""] {
        assert!(
            write_site(tmp.path(), &files(&[(bad, "x")]), &Scope::All).is_err(),
            "{bad}"
        );
    }
    assert!(!tmp.path().join("x.html").exists());
}

#[test]
fn any_change_to_the_tree_drops_the_build_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let mut stager = Stager::new(site(tmp.path()).lock(None).unwrap(), Scope::All).unwrap();
    stager.place("site `a`", "a/index.html", b"A").unwrap();
    stager.place_cache("cache of the tree with a/".to_string());
    stager.finish().unwrap();
    assert!(out.join(CACHE).is_file());
    assert!(!read_manifest(&out).unwrap().contains(CACHE));

    write_site(tmp.path(), &files(&[("a/index.html", "A")]), &Scope::All).unwrap();
    assert!(!out.join(CACHE).exists(), "a build that stages no cache");

    fs::write(out.join(CACHE), "cache").unwrap();
    let lock = site(tmp.path()).lock(None).unwrap();
    update(&lock, &[("a/index.html", b"A2")], &[], None).unwrap();
    assert!(!out.join(CACHE).exists(), "watch's in-place update");
}

/// Regression: a cold build staged the cache before the manifest, so the manifest was
/// newer than the cache and the next build never trusted it (a no-op at 1,000 sites took
/// as long as a cold build; small trees hid it by being written within one clock tick).
#[test]
fn the_cache_is_the_newest_file_of_the_tree() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let mut stager = Stager::new(site(tmp.path()).lock(None).unwrap(), Scope::All).unwrap();
    stager.place("site `a`", "a/index.html", b"A").unwrap();
    stager.place_cache("cache".to_string());
    std::thread::sleep(std::time::Duration::from_millis(30));
    stager.finish().unwrap();
    let modified = |name: &str| fs::metadata(out.join(name)).unwrap().modified().unwrap();
    assert!(modified(CACHE) >= modified(MANIFEST));
    assert!(modified(CACHE) >= modified("a/index.html"));
}

/// Regression (issue 18, defect 8): a second file at a path replaced the first in silence.
#[test]
fn two_outputs_at_one_path_are_an_error_naming_both() {
    let tmp = tempfile::tempdir().unwrap();
    let mut stager = Stager::new(site(tmp.path()).lock(None).unwrap(), Scope::All).unwrap();
    stager
        .place("site `assets`", "assets/index.html", b"PAGE")
        .unwrap();
    let failure = stager
        .place(
            "the theme's static file `static/index.html`",
            "assets/index.html",
            b"STATIC",
        )
        .unwrap_err();
    let diagnostic = &failure.diagnostics[0];
    assert_eq!(
        diagnostic.message,
        "two outputs of this build go to `assets/index.html`"
    );
    assert_eq!(
        diagnostic.notes,
        ["site `assets` and the theme's static file `static/index.html` both make it"]
    );
    drop(stager);
    assert!(!tmp.path().join("site").exists());
}

#[test]
fn forgetting_the_cache_removes_it_once_and_then_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(CACHE), "cache").unwrap();
    forget_cache(dir.path()).unwrap();
    assert!(!dir.path().join(CACHE).exists());
    forget_cache(dir.path()).expect("no cache to forget is fine");
}

/// Regression (issue 18, defect 7), at the writer: a kept file where a folder must go, or the
/// other way round, is refused, not carried over on top of the new page.
#[test]
fn a_foreign_file_in_the_way_of_a_folder_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    write_site(tmp.path(), &files(&[("a/index.html", "A")]), &Scope::All).unwrap();
    fs::write(out.join("b"), "mine").unwrap();
    let failure = write_site(
        tmp.path(),
        &files(&[("a/index.html", "A"), ("b/index.html", "B")]),
        &Scope::All,
    )
    .unwrap_err();
    assert_eq!(
        failure.diagnostics[0].message,
        "`b` was not made by notice, and this build would write `b/index.html`"
    );
    assert_eq!(fs::read_to_string(out.join("b")).unwrap(), "mine");
}
