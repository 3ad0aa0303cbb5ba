//! The writer stopped at each of its steps by the failure points of `fault`: killed there, or
//! failing there with an I/O error, with and without the atomic exchange. After each, `site/`
//! is the complete old or the complete new tree (or, without the exchange, missing with the
//! complete old tree in `-old`), and one normal build later it is the new tree with the user's
//! own file still in it.

use super::fault::{Mode, Op, Plan, arm, disarm};
use super::tests::{files, write_site};
use super::*;
use crate::files::files_under;

type Tree = BTreeMap<String, Vec<u8>>;

fn old_files() -> Tree {
    files(&[
        ("a/index.html", "A1"),
        ("b/index.html", "B"),
        ("assets/x.css", "X"),
    ])
}

fn new_files() -> Tree {
    files(&[
        ("a/index.html", "A2"),
        ("c/index.html", "C"),
        ("assets/x.css", "X"),
    ])
}

/// Every file below `dir` with its bytes; `None` when there is no `dir`.
fn snapshot(dir: &Path) -> Option<Tree> {
    dir.exists().then(|| {
        files_under(dir, None)
            .unwrap()
            .into_iter()
            .map(|(name, path)| (name, fs::read(path).unwrap()))
            .collect()
    })
}

/// What a complete output of `built` holds, with the user's `robots.txt`.
fn complete(built: &Tree) -> Tree {
    let mut tree = built.clone();
    tree.insert("robots.txt".into(), b"mine".to_vec());
    let listing: String = built.keys().map(|p| format!("{p}\n")).collect();
    tree.insert(MANIFEST.into(), listing.into_bytes());
    tree
}

fn beside(tmp: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Fails the 1st, 2nd, … point of `op` (any when `None`) in `mode` until a build passes them
/// all; returns how many points there were.
fn every_point(mode: Mode, op: Option<Op>, no_exchange: bool) -> usize {
    let (old, new) = (complete(&old_files()), complete(&new_files()));
    for at in 1.. {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        write_site(tmp.path(), &old_files(), &Scope::All).unwrap();
        fs::write(site.join("robots.txt"), "mine").unwrap();
        assert_eq!(snapshot(&site).as_ref(), Some(&old));

        arm(Plan {
            op,
            at,
            mode,
            no_exchange,
        });
        let result = write_site(tmp.path(), &new_files(), &Scope::All);
        let fired = disarm();
        let case = format!(
            "{mode:?} at point {at} of {op:?}, exchange: {}",
            !no_exchange
        );
        if !fired {
            assert!(result.is_ok(), "{case}: {result:?}");
            assert_eq!(snapshot(&site).as_ref(), Some(&new), "{case}");
            return at - 1;
        }
        let now = snapshot(&site);
        match (&result, &now) {
            (Ok(report), Some(tree)) => {
                // Only removing the old tree, after the swap, may fail without failing.
                assert_eq!(tree, &new, "{case}");
                assert!(!report.warnings.is_empty(), "{case}");
            }
            (Err(_), Some(tree)) if mode == Mode::Error => assert_eq!(tree, &old, "{case}"),
            (Err(_), Some(tree)) => assert!(tree == &old || tree == &new, "{case}"),
            (Err(_), None) => {
                assert!(no_exchange && mode == Mode::Crash, "{case}: no site/");
                let aside = snapshot(&tmp.path().join(".site.notice-old"));
                assert_eq!(aside.as_ref(), Some(&old), "{case}");
            }
            (Ok(_), None) => panic!("{case}: a build that passed left no site/"),
        }
        let report = write_site(tmp.path(), &new_files(), &Scope::All)
            .unwrap_or_else(|f| panic!("{case}: the next build failed: {f}"));
        assert!(report.warnings.is_empty(), "{case}: {:?}", report.warnings);
        assert_eq!(snapshot(&site).as_ref(), Some(&new), "{case}");
        assert_eq!(beside(tmp.path()), [".site.notice-lock", "site"], "{case}");
    }
    unreachable!("a build has finitely many steps")
}

/// Regression (issue 18, defect 5): a build killed between its two renames left no `site/`,
/// and two builds later the user's `robots.txt` was gone.
#[test]
fn a_build_killed_at_any_write_or_rename_leaves_a_complete_tree() {
    for no_exchange in [false, true] {
        let points = every_point(Mode::Crash, None, no_exchange);
        assert!(points >= 10, "only {points} failure points");
        every_point(Mode::Error, None, no_exchange);
    }
}

/// Regression (issue 18, defect 10): an old tree that could not be removed (a read-only
/// `site/`, as a non-root user) failed the build after the new tree was live, and every later
/// build failed on the leftover `-old`. Root is not stopped by file modes, so removal is made
/// to fail here by the failure points instead (`a_read_only_output_never_blocks_the_next_build`
/// in the command-line tests does it for real, as another user).
#[test]
fn an_old_tree_that_cannot_be_removed_is_a_warning_and_never_blocks() {
    for no_exchange in [false, true] {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        write_site(tmp.path(), &old_files(), &Scope::All).unwrap();
        fs::write(site.join("robots.txt"), "mine").unwrap();
        arm(Plan {
            op: Some(Op::Remove),
            at: 1,
            mode: Mode::ErrorFromThenOn,
            no_exchange,
        });
        for built in [new_files(), old_files(), new_files()] {
            let report = write_site(tmp.path(), &built, &Scope::All).unwrap();
            assert!(!report.warnings.is_empty());
            assert_eq!(snapshot(&site), Some(complete(&built)));
        }
        disarm();
        let report = write_site(tmp.path(), &new_files(), &Scope::All).unwrap();
        assert_eq!(report.warnings, []);
        assert_eq!(beside(tmp.path()), [".site.notice-lock", "site"]);
    }
}
