//! Standard output that cannot be written: a full disk is an I/O error (exit 74) that says so on
//! stderr; a reader that went away (`notice export | head -c1`) is a quiet success.

use std::fs::OpenOptions;
use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};

use crate::support::{Project, repo_root};

/// `/dev/full` fails every write with ENOSPC, like a full disk.
fn dev_full() -> Stdio {
    Stdio::from(OpenOptions::new().write(true).open("/dev/full").unwrap())
}

fn notice(project: &Project, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_notice"));
    command
        .args(args)
        .current_dir(project.path())
        .env_remove("RUST_BACKTRACE");
    command
}

/// Runs `notice ARGS` with its standard output on `/dev/full`.
fn into_dev_full(project: &Project, args: &[&str]) -> Output {
    notice(project, args)
        .stdout(dev_full())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

/// Exit 74, and stderr says what could not be written, once, without a panic.
fn assert_write_error(output: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(74), "{what}: {stderr}");
    assert!(
        stderr.starts_with("error: cannot write to standard output: ")
            && stderr.matches("error:").count() == 1
            && !stderr.contains("panicked"),
        "{what}: {stderr}"
    );
}

#[test]
fn export_json_to_dev_full_exits_74() {
    let project = Project::examples();
    let output = into_dev_full(&project, &["export", "--format", "json"]);
    assert_write_error(&output, "export");
}

#[test]
fn diff_and_check_json_to_dev_full_exit_74() {
    let project = Project::examples();
    // The project against itself: no changes, but the JSON report is still written.
    let output = into_dev_full(&project, &["diff", ".", "--format", "json"]);
    assert_write_error(&output, "diff");
    // The examples pass every rule, so 74 here is the write and nothing else.
    let output = into_dev_full(&project, &["check", "--format", "json"]);
    assert_write_error(&output, "check");
}

#[test]
fn mdbook_output_to_dev_full_exits_74() {
    let project = Project::examples();
    let book =
        std::fs::read_to_string(repo_root().join("tests/fixtures/mdbook/book-sections.json"))
            .unwrap();
    let mut child = notice(&project, &["mdbook"])
        .stdin(Stdio::piped())
        .stdout(dev_full())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Dropped after writing, so the preprocessor sees the end of its input.
    child
        .stdin
        .take()
        .unwrap()
        .write_all(book.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_write_error(&output, "mdbook");
}

#[test]
fn a_closed_pipe_is_a_quiet_success() {
    let project = Project::examples();
    // The payload is far larger than a pipe's buffer (64 KiB on Linux), so after the reader
    // has taken one byte and gone, a write surely meets the closed pipe.
    let whole = project.run(&["export", "--format", "json"]).expect(0);
    assert!(
        whole.0.stdout.len() > 4 * 65_536,
        "{}",
        whole.0.stdout.len()
    );

    let mut child = notice(&project, &["export", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"{");
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}
