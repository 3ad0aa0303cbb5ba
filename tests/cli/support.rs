//! Helpers for running the real `notice` binary against fixture trees copied into temporary directories.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (the workspace).
pub(crate) fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .unwrap()
        .to_path_buf()
}

/// A throwaway project directory.
pub(crate) struct Project {
    pub(crate) dir: tempfile::TempDir,
}

impl Project {
    /// A copy of `tests/fixtures/<name>`.
    pub(crate) fn fixture(name: &str) -> Project {
        let project = Project::empty();
        copy_tree(
            &repo_root().join("tests/fixtures").join(name),
            project.path(),
        );
        project
    }

    /// A copy of the repository's example project (`content/` and `themes/`).
    pub(crate) fn examples() -> Project {
        let project = Project::empty();
        for dir in ["content", "themes"] {
            copy_tree(&repo_root().join(dir), &project.path().join(dir));
        }
        project
    }

    /// Copies a template of the built-in default theme into the project's `themes/default/`,
    /// where the project overrides it, so a test can edit it.
    pub(crate) fn override_builtin_template(&self, name: &str) {
        let builtin = repo_root().join("compiler/core/theme/templates").join(name);
        let text = std::fs::read_to_string(&builtin).unwrap();
        self.write(&format!("themes/default/templates/{name}"), &text);
    }

    pub(crate) fn empty() -> Project {
        Project {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `notice ARGS` in the project directory with a neutral environment.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_with_env(args, &[])
    }

    pub(crate) fn run_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_notice"));
        command
            .args(args)
            .current_dir(self.path())
            .env_remove("RUST_BACKTRACE")
            // Where the page cache goes is the test's to say.
            .env_remove("NOTICE_CACHE_DIR")
            .env_remove("NETLIFY");
        for (key, value) in env {
            command.env(key, value);
        }
        Run(command.output().unwrap())
    }

    pub(crate) fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.path().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub(crate) fn write(&self, path: &str, text: &str) {
        let target = self.path().join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, text).unwrap();
    }

    /// Replaces `from` by `to` in a file, insisting that `from` is there.
    pub(crate) fn edit(&self, path: &str, from: &str, to: &str) {
        let text = self.read(path);
        assert!(text.contains(from), "{path} does not contain {from:?}");
        self.write(path, &text.replace(from, to));
    }
}

pub(crate) struct Run(pub Output);

impl Run {
    pub(crate) fn code(&self) -> i32 {
        self.0.status.code().expect("notice was killed by a signal")
    }

    pub(crate) fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }

    pub(crate) fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }

    /// Asserts the exit code, showing the output when it differs.
    pub(crate) fn expect(self, code: i32) -> Run {
        assert_eq!(
            self.code(),
            code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }
}

pub(crate) fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir`: relative path → bytes.
pub(crate) fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        // The build cache describes the last build, not the site, and holds a hash of the
        // binary: it is no published file.
        .filter(|e| e.file_name() != notice_core::output::CACHE)
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Every HTML page under `dir`: relative path → text.
pub(crate) fn pages(dir: &Path) -> BTreeMap<String, String> {
    tree(dir)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

/// The values of `attribute="…"` in an HTML text, in document order.
pub(crate) fn attribute_values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    html.match_indices(&needle)
        .map(|(start, _)| {
            let rest = &html[start + needle.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

impl Project {
    /// Runs git in the project, with a fixed identity and no user configuration.
    pub(crate) fn git(&self, args: &[&str]) {
        let output = Command::new("git")
            .args([
                "-c",
                "user.name=notice tests",
                "-c",
                "user.email=tests@notice.invalid",
            ])
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(self.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("git runs");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// Sets every file's mtime under `site/` far in the past, so a rewrite shows without sleeping.
    pub(crate) fn backdate_output(&self) -> std::time::SystemTime {
        let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
        let site = self.path().join("site");
        for path in tree(&site).keys() {
            let file = std::fs::File::options()
                .write(true)
                .open(site.join(path))
                .unwrap();
            file.set_modified(old).unwrap();
        }
        old
    }

    /// Commits everything in the project as one commit, creating the repository first.
    pub(crate) fn commit_all(&self, message: &str) {
        if !self.path().join(".git").exists() {
            self.git(&["init", "-q"]);
        }
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }
}
