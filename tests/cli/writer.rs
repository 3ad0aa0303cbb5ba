//! The output writer under races, crashes, foreign files and permissions: a build publishes a
//! complete tree or nothing, and never loses or overwrites a file that notice did not make.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Project, copy_tree, tree};

/// Copies one example site `count` times, so a build takes long enough for another to meet it.
fn multiply_sites(project: &Project, count: usize) {
    let content = project.path().join("content");
    for i in 0..count {
        copy_tree(
            &content.join("kahvila-aurinko"),
            &content.join(format!("kopio-{i:03}")),
        );
    }
}

fn spawn_build(project: &Project) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_notice"))
        .arg("build")
        .current_dir(project.path())
        .env_remove("RUST_BACKTRACE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The entries of the project root that a build leaves beside `site/`.
fn siblings(project: &Project, prefix: &str) -> Vec<String> {
    std::fs::read_dir(project.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(prefix))
        .collect()
}

fn text(output: &Output) -> String {
    format!(
        "--- stdout\n{}\n--- stderr\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Regression (issue 18, defect 4): two builds shared one staging directory, so the second
/// removed the first one's half-staged tree and one of them published a partial `site/`.
#[test]
fn concurrent_builds_never_publish_a_partial_tree() {
    let project = Project::examples();
    multiply_sites(&project, 120);
    let first = spawn_build(&project);
    // Start the second build while the first is staging, so the two surely overlap.
    let started = Instant::now();
    while siblings(&project, ".site.notice-staging").is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the first build never started staging"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let second = spawn_build(&project).wait_with_output().unwrap();
    let first = first.wait_with_output().unwrap();
    assert_eq!(first.status.code(), Some(0), "first: {}", text(&first));
    assert_eq!(second.status.code(), Some(0), "second: {}", text(&second));
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("waiting for another build of site"),
        "the second build did not wait: {}",
        text(&second)
    );
    project.run(&["build", "--out", "clean"]).expect(0);
    let clean = tree(&project.path().join("clean"));
    assert!(clean.len() > 1_500, "{}", clean.len());
    assert!(tree(&project.path().join("site")) == clean);
    assert_eq!(
        siblings(&project, ".site.notice-staging"),
        Vec::<String>::new()
    );
}

/// Regression (issue 18, defect 5): a build killed between moving the old tree aside and moving
/// the new one in left no `site/`; the next build wrote a fresh tree without the user's files,
/// and the one after that deleted the old tree, and with it the user's `robots.txt`.
#[test]
fn a_crash_between_the_two_renames_loses_no_user_file() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    project.write("site/robots.txt", "User-agent: *\n");
    let site = project.path().join("site");
    let before = tree(&site);
    // What the kill left: the old tree aside, a complete staging tree, and no site/.
    std::fs::rename(&site, project.path().join(".site.notice-old")).unwrap();
    copy_tree(
        &project.path().join(".site.notice-old"),
        &project.path().join(".site.notice-staging"),
    );
    std::fs::remove_file(project.path().join(".site.notice-staging/robots.txt")).unwrap();
    for _ in 0..2 {
        project.run(&["build"]).expect(0);
        assert_eq!(project.read("site/robots.txt"), "User-agent: *\n");
    }
    assert!(tree(&site) == before);
    assert_eq!(siblings(&project, ".site.notice-o"), Vec::<String>::new());
    assert_eq!(siblings(&project, ".site.notice-s"), Vec::<String>::new());
}

/// Regression (issue 18, defect 7): a first build into a folder of someone else's files
/// overwrote them, though the README promised that files notice did not make are kept.
#[test]
fn a_users_file_is_never_overwritten() {
    let project = Project::examples();
    project.write("docs/index.html", "mine\n");
    let stderr = project.run(&["build", "--out", "docs"]).expect(2).stderr();
    assert!(
        stderr.contains("refusing to build into a folder of files notice did not make")
            && stderr.contains("--> docs"),
        "{stderr}"
    );
    assert_eq!(project.read("docs/index.html"), "mine\n");
    assert_eq!(tree(&project.path().join("docs")).len(), 1);

    // Once notice owns a folder, a foreign file where a new page would go is an error too.
    project.run(&["build"]).expect(0);
    project.write("site/uusi/index.html", "mine\n");
    copy_tree(
        &project.path().join("content/verkkoapu"),
        &project.path().join("content/uusi"),
    );
    let before = tree(&project.path().join("site"));
    let stderr = project.run(&["build"]).expect(2).stderr();
    assert!(
        stderr.contains("`uusi/index.html` was not made by notice") && stderr.contains("site"),
        "{stderr}"
    );
    assert!(tree(&project.path().join("site")) == before);
}

/// Runs `notice ARGS` in the project as an unprivileged user: permissions do not stop root,
/// which the tests run as here. As root, the binary and the project are handed to `nobody`
/// and run through `setpriv`; as anyone else, directly.
fn run_unprivileged(project: &Project, bin_dir: &Path, args: &[&str]) -> Output {
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if !is_root {
        return Command::new(env!("CARGO_BIN_EXE_notice"))
            .args(args)
            .current_dir(project.path())
            .output()
            .unwrap();
    }
    let bin: PathBuf = bin_dir.join("notice");
    if !bin.exists() {
        std::fs::copy(env!("CARGO_BIN_EXE_notice"), &bin).unwrap();
        set_mode(bin_dir, 0o755);
    }
    for entry in walkdir::WalkDir::new(project.path()) {
        let entry = entry.unwrap();
        std::os::unix::fs::lchown(entry.path(), Some(65534), Some(65534)).unwrap();
    }
    set_mode(project.path(), 0o755);
    Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(&bin)
        .args(args)
        .current_dir(project.path())
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("setpriv (util-linux) runs notice as another user")
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Regression (issue 18, defect 10): with a read-only output, the build swapped the new tree in,
/// then failed with 74 "cannot remove old output", and every later build failed on the
/// leftover `.site.notice-old` until it was deleted by hand.
#[test]
fn a_read_only_output_never_blocks_the_next_build() {
    let project = Project::examples();
    let bin_dir = tempfile::tempdir().unwrap();
    let first = run_unprivileged(&project, bin_dir.path(), &["build"]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first));
    for entry in walkdir::WalkDir::new(project.path().join("site")) {
        let entry = entry.unwrap();
        let mode = if entry.file_type().is_dir() {
            0o555
        } else {
            0o444
        };
        set_mode(entry.path(), mode);
    }
    project.edit(
        "content/verkkoapu/notice.toml",
        "[controller]",
        "# edited\n[controller]",
    );
    project.edit(
        "content/toiminimi-koodaaja/notice.toml",
        "\nupdated = 2025-",
        "\nupdated = 2024-",
    );
    for round in 0..2 {
        let output = run_unprivileged(&project, bin_dir.path(), &["build", "--drafts"]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "round {round}: {}",
            text(&output)
        );
    }
    assert!(
        project
            .read("site/toiminimi-koodaaja/index.html")
            .contains("2024-")
    );
    assert_eq!(siblings(&project, ".site.notice-o"), Vec::<String>::new());
    assert_eq!(siblings(&project, ".site.notice-s"), Vec::<String>::new());
}
