//! The git side of `notice diff --base REV`: the project's `content/` as it was at a revision,
//! exported into a temporary directory that the engine then reads like any project root.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use notice_core::diagnostic::Diagnostic;
use notice_core::error::{Failure, io_error};
use notice_core::project::CONTENT_DIR;
use notice_core::source::display_path;

/// A project root exported from git; the directory is deleted when this is dropped.
pub(crate) struct Revision {
    /// The full commit id `rev` named.
    pub(crate) commit: String,
    /// The project root inside the export, or `None` when the revision has no `content/`.
    pub(crate) root: Option<PathBuf>,
    _dir: Option<tempfile::TempDir>,
}

/// Exports `content/` of the project at `root` (inside a git work tree) as of `rev`.
pub(crate) fn export_revision(root: &Path, rev: &str) -> Result<Revision, Failure> {
    let git_failure = |message: String, help: &str| {
        Failure::usage(
            Diagnostic::error(message)
                .at_path(display_path(root))
                .help(help.to_string()),
        )
    };
    let commit = git(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|detail| {
        git_failure(
            format!("`{rev}` is not a commit in this repository{detail}"),
            "give a branch, tag or commit, like `--base origin/main` or `--base HEAD~1`",
        )
    })?;
    let prefix = git(root, &["rev-parse", "--show-prefix"]).map_err(|detail| {
        git_failure(
            format!("cannot read the git repository{detail}"),
            "run `notice diff --base` inside a git work tree",
        )
    })?;
    let content = format!("{prefix}{CONTENT_DIR}");
    if git(root, &["cat-file", "-e", &format!("{commit}:{content}")]).is_err() {
        return Ok(Revision {
            commit,
            root: None,
            _dir: None,
        });
    }
    let dir = tempfile::Builder::new()
        .prefix("notice-base-")
        .tempdir()
        .map_err(|err| io_error("create a temporary directory", &std::env::temp_dir(), &err))?;
    unpack(root, &commit, &content, dir.path())?;
    Ok(Revision {
        root: Some(dir.path().join(&prefix)),
        commit,
        _dir: Some(dir),
    })
}

/// Runs git in `dir` and returns its trimmed output, or its error text.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|err| format!(": cannot run git: {err}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr).trim().to_string();
        Err(if stderr.is_empty() {
            String::new()
        } else {
            format!(": {stderr}")
        })
    }
}

/// `git archive <commit> <path>`, unpacked into `into` as it streams. The tar reader skips
/// entries that would land outside `into`.
fn unpack(root: &Path, commit: &str, path: &str, into: &Path) -> Result<(), Failure> {
    let failed = |what: String| {
        Failure::io(
            Diagnostic::error(format!("cannot export `{path}` at {commit:.12}: {what}"))
                .at_path(display_path(root)),
        )
    };
    let mut archive = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["archive", "--format=tar", commit, "--", path])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| failed(format!("cannot run git: {err}")))?;
    let stdout = archive.stdout.take().expect("stdout is piped");
    let unpacked = tar::Archive::new(stdout).unpack(into);
    let archived = archive
        .wait_with_output()
        .map_err(|err| failed(err.to_string()))?;
    if !archived.status.success() {
        return Err(failed(
            String::from_utf8_lossy(&archived.stderr).trim().to_string(),
        ));
    }
    unpacked.map_err(|err| failed(err.to_string()))
}
