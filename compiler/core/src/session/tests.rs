use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::*;
use crate::output::MANIFEST;

const ALPHA: &str = "content/alpha/notice.toml";

/// The `versions` fixture (two sites sharing a layer), copied into a fresh folder.
fn project() -> tempfile::TempDir {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/versions");
    let dir = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(&fixture) {
        let entry = entry.unwrap();
        let target = dir
            .path()
            .join(entry.path().strip_prefix(&fixture).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
    dir
}

fn start(root: &Path) -> (Session, Rebuild) {
    let options = BuildOptions {
        out: None,
        sites: Vec::new(),
        drafts: true,
        waiting: None,
        cache_dir: None,
    };
    Session::start(root, options).unwrap()
}

fn edit(root: &Path, path: &str, from: &str, to: &str) {
    let path = root.join(path);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} in {}", path.display());
    fs::write(&path, text.replace(from, to)).unwrap();
}

fn sites(names: &[&str]) -> Affected {
    Affected {
        sites: names.iter().map(|n| (*n).to_string()).collect(),
        ..Affected::default()
    }
}

/// Every file of the output (the manifest left out) → bytes.
fn output(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let out = root.join("site");
    crate::files::files_under(&out, None)
        .unwrap()
        .into_iter()
        .filter(|(name, _)| name != MANIFEST)
        .map(|(name, path)| (name, fs::read(path).unwrap()))
        .collect()
}

fn manifest(root: &Path) -> BTreeSet<String> {
    fs::read_to_string(root.join("site").join(MANIFEST))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Sets every output file's modification time to `when`: a file written later shows it.
fn backdate(root: &Path, when: SystemTime) -> Vec<PathBuf> {
    let files: Vec<PathBuf> = crate::files::files_under(&root.join("site"), None)
        .unwrap()
        .into_iter()
        .map(|(_, path)| path)
        .collect();
    for path in &files {
        let file = fs::File::options().append(true).open(path).unwrap();
        file.set_modified(when).unwrap();
    }
    files
}

#[test]
fn a_rebuild_writes_only_the_files_whose_bytes_changed() {
    let dir = project();
    let root = dir.path();
    let (mut session, first) = start(root);
    assert!(first.failure.is_none(), "{:?}", first.failure);
    assert_eq!(first.sites, ["alpha", "beta"]);
    let before = output(root);
    assert_eq!(manifest(root), before.keys().cloned().collect());

    let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    backdate(root, long_ago);
    edit(root, ALPHA, "Uutiskirje", "Kuukausikirje");
    let rebuild = session.rebuild(&sites(&["alpha"])).unwrap();
    assert!(rebuild.failure.is_none(), "{:?}", rebuild.failure);
    assert_eq!(rebuild.sites, ["alpha"]);

    let after = output(root);
    let changed: Vec<&String> = after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(bytes))
        .map(|(path, _)| path)
        .collect();
    assert!(
        changed.contains(&&"alpha/index.html".to_string()),
        "{changed:?}"
    );
    assert!(
        changed.iter().all(|path| path.starts_with("alpha/")),
        "{changed:?}"
    );
    assert_eq!(rebuild.written, changed.len());
    assert_eq!(rebuild.removed, 0);
    for path in after.keys() {
        let modified = fs::metadata(root.join("site").join(path))
            .unwrap()
            .modified()
            .unwrap();
        let rewritten = modified != long_ago;
        assert_eq!(rewritten, changed.contains(&path), "{path}");
    }

    // The same sources again: the fingerprints match, nothing is written.
    let again = session.rebuild(&sites(&["alpha"])).unwrap();
    assert_eq!((again.written, again.removed), (0, 0));
    assert_eq!(output(root), after);
}

#[test]
fn a_vanished_site_loses_its_files_and_a_new_one_joins_the_manifest() {
    let dir = project();
    let root = dir.path();
    let (mut session, _) = start(root);
    let beta: Vec<String> = output(root)
        .into_keys()
        .filter(|path| path.starts_with("beta/"))
        .collect();
    assert!(!beta.is_empty());

    fs::remove_dir_all(root.join("content/beta")).unwrap();
    let rebuild = session.rebuild(&sites(&["beta"])).unwrap();
    assert!(rebuild.failure.is_none(), "{:?}", rebuild.failure);
    assert_eq!(rebuild.removed, beta.len());
    assert_eq!(rebuild.written, 1, "the index, which listed beta");
    assert!(!root.join("site/beta").exists());
    let files = output(root);
    assert!(files.keys().all(|path| !path.starts_with("beta/")));
    assert_eq!(manifest(root), files.keys().cloned().collect());
    let index = String::from_utf8(files["index.html"].clone()).unwrap();
    assert!(!index.contains("beta/"), "{index}");

    fs::create_dir(root.join("content/gamma")).unwrap();
    fs::write(
        root.join("content/gamma/notice.toml"),
        "[controller]\nname = \"Gamma Oy\"\n",
    )
    .unwrap();
    let rebuild = session.rebuild(&sites(&["gamma"])).unwrap();
    assert!(rebuild.failure.is_none(), "{:?}", rebuild.failure);
    assert_eq!(rebuild.sites, ["gamma"]);
    let files = output(root);
    assert!(files.contains_key("gamma/index.html"));
    // A later `notice build` of this output must know the new site's files as its own.
    assert_eq!(manifest(root), files.keys().cloned().collect());
}

#[test]
fn a_site_broken_at_the_start_does_not_stop_the_session_and_is_built_once_fixed() {
    let dir = project();
    let root = dir.path();
    edit(root, ALPHA, "[controller]", "[controller");
    let (mut session, first) = start(root);
    let failure = first.failure.expect("alpha is broken");
    assert!(
        failure.to_string().contains("content/alpha/notice.toml"),
        "{failure}"
    );
    assert!(root.join("site/beta/index.html").exists());
    assert!(!root.join("site/alpha").exists());

    // Fixed, while the change the watch sees is to another site: alpha is retried anyway.
    edit(root, ALPHA, "[controller", "[controller]");
    edit(
        root,
        "content/beta/notice.toml",
        "[controller]",
        "# edited\n[controller]",
    );
    let rebuild = session.rebuild(&sites(&["beta"])).unwrap();
    assert!(rebuild.failure.is_none(), "{:?}", rebuild.failure);
    assert_eq!(rebuild.sites, ["alpha", "beta"]);
    let files = output(root);
    assert!(files.contains_key("alpha/index.html"));
    assert_eq!(manifest(root), files.keys().cloned().collect());
    let index = String::from_utf8(files["index.html"].clone()).unwrap();
    assert!(
        index.contains("alpha/"),
        "the index lists alpha now: {index}"
    );
}

#[test]
fn the_first_build_is_the_same_tree_as_a_drafts_build() {
    let dir = project();
    let root = dir.path();
    let workspace = Workspace::open(root).unwrap();
    let options = BuildOptions {
        out: Some(root.join("built")),
        sites: Vec::new(),
        drafts: true,
        waiting: None,
        cache_dir: None,
    };
    crate::build::build(&workspace, &options).unwrap();
    let built: BTreeMap<String, Vec<u8>> = crate::files::files_under(&root.join("built"), None)
        .unwrap()
        .into_iter()
        .filter(|(name, _)| name != MANIFEST && !name.starts_with(".notice-"))
        .map(|(name, path)| (name, fs::read(path).unwrap()))
        .collect();
    start(root);
    assert_eq!(output(root), built);
}
