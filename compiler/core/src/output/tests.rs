//! Unit tests of the output writer: staging, swapping, the manifest and the cache file.

use super::*;

fn files(entries: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
    entries
        .iter()
        .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
        .collect()
}

#[test]
fn unchanged_files_keep_their_inode_and_stale_ones_go() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    write(
        &out,
        &files(&[("a/index.html", "A"), ("b/index.html", "B")]),
        &Scope::All,
    )
    .unwrap();
    fs::write(out.join("robots.txt"), "user file").unwrap();
    let inode = |p: &str| std::os::unix::fs::MetadataExt::ino(&fs::metadata(out.join(p)).unwrap());
    let before = inode("a/index.html");
    let report = write(
        &out,
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
    assert!(!tmp.path().join(".site.notice-staging").exists());
    assert!(!tmp.path().join(".site.notice-old").exists());
}

#[test]
fn scoped_builds_keep_other_sites() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    write(
        &out,
        &files(&[("a/index.html", "A"), ("b/index.html", "B")]),
        &Scope::All,
    )
    .unwrap();
    let scope = Scope::Prefixes(vec!["a/".into()]);
    let report = write(&out, &files(&[("a/index.html", "A2")]), &scope).unwrap();
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
            write(&tmp.path().join("site"), &files(&[(bad, "x")]), &Scope::All).is_err(),
            "{bad}"
        );
    }
    assert!(!tmp.path().join("x.html").exists());
}

#[test]
fn any_change_to_the_tree_drops_the_build_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let mut stager = Stager::new(&out, Scope::All).unwrap();
    stager.place("a/index.html", b"A").unwrap();
    stager.place_cache("cache of the tree with a/".to_string());
    stager.finish().unwrap();
    assert!(out.join(CACHE).is_file());
    assert!(!read_manifest(&out).unwrap().contains(CACHE));

    write(&out, &files(&[("a/index.html", "A")]), &Scope::All).unwrap();
    assert!(!out.join(CACHE).exists(), "a build that stages no cache");

    fs::write(out.join(CACHE), "cache").unwrap();
    update(&out, &[("a/index.html", b"A2")], &[], None).unwrap();
    assert!(!out.join(CACHE).exists(), "watch's in-place update");
}

/// Regression: a cold build staged the cache before the manifest, so the manifest was
/// newer than the cache and the next build never trusted it (a no-op at 1,000 sites took
/// as long as a cold build; small trees hid it by being written within one clock tick).
#[test]
fn the_cache_is_the_newest_file_of_the_tree() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let mut stager = Stager::new(&out, Scope::All).unwrap();
    stager.place("a/index.html", b"A").unwrap();
    stager.place_cache("cache".to_string());
    std::thread::sleep(std::time::Duration::from_millis(30));
    stager.finish().unwrap();
    let modified = |name: &str| fs::metadata(out.join(name)).unwrap().modified().unwrap();
    assert!(modified(CACHE) >= modified(MANIFEST));
    assert!(modified(CACHE) >= modified("a/index.html"));
}

#[test]
fn forgetting_the_cache_removes_it_once_and_then_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(CACHE), "cache").unwrap();
    forget_cache(dir.path()).unwrap();
    assert!(!dir.path().join(CACHE).exists());
    forget_cache(dir.path()).expect("no cache to forget is fine");
}
