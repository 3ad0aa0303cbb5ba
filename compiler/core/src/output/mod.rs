//! Writing the output directory safely: stage the whole tree beside it, reuse unchanged files, then swap it into place.
//!
//! A build never edits the live output in place. Its output path passes the [`guard`] first,
//! then it takes the output's [`lock`](OutputLock), writes a staging directory next to the
//! output (`.site.notice-staging-…`), hard-links every file whose bytes did not change (so its
//! mtime and inode stay), carries over files that `notice` did not make, and only then swaps
//! the staging directory in (see `swap`). A failure at any earlier point leaves the old output
//! untouched.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

mod fault;
pub mod guard;
mod lock;
mod stager;
mod swap;

pub use guard::{CacheDir, OutputDir, OutputFile};
pub use lock::{OutputLock, Waiting};
pub use stager::Stager;

use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};
use crate::origin::display_path;
use fault::Op;

/// Lists the files `notice` wrote, so later builds know which files are theirs to remove.
pub const MANIFEST: &str = ".notice-manifest";

/// The build cache, beside the manifest: staged with the tree it describes, and forgotten by
/// any write that changes the tree without it (the cache module says what it holds).
pub const CACHE: &str = ".notice-cache";

/// Which previously written files this build speaks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Everything `notice` wrote before: files not produced this time are removed.
    All,
    /// Only these path prefixes (e.g. `cafe/`, `assets/`); other old files are kept.
    Prefixes(Vec<String>),
}

impl Scope {
    fn covers(&self, path: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Prefixes(prefixes) => prefixes.iter().any(|p| path.starts_with(p.as_str())),
        }
    }
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
/// What writing the output did.
pub struct WriteReport {
    /// Files whose bytes are new or changed.
    pub written: Vec<String>,
    /// Files whose bytes were already there.
    pub unchanged: usize,
    /// Files of earlier builds that this build no longer produces.
    pub removed: Vec<String>,
    /// Problems that did not stop the write, such as an old tree that could not be removed.
    pub warnings: Vec<Diagnostic>,
}

/// Replaces the locked output directory with `files` (relative `/`-separated paths → bytes).
pub fn write(
    lock: OutputLock,
    files: &BTreeMap<String, Vec<u8>>,
    scope: &Scope,
) -> Result<WriteReport, Failure> {
    for path in files.keys() {
        check_relative(path)?;
    }
    let mut stager = Stager::new(lock, scope.clone())?;
    // A map has one entry per path, so these files never meet: who made them needs no name.
    for (path, bytes) in files {
        stager.place("notice", path, bytes)?;
    }
    stager.finish()
}

/// Updates a live output directory in place, file by file, for watch's small rebuilds where
/// staging the whole tree would cost more than the change. Each file is written beside its
/// target and renamed over it, so nobody (a browser, an interrupted watch) ever sees a
/// half-written file. `manifest` is the new list of every file notice made, when it changed.
pub fn update(
    lock: &OutputLock,
    writes: &[(&str, &[u8])],
    removals: &[&str],
    manifest: Option<&BTreeSet<String>>,
) -> Result<WriteReport, Failure> {
    let out_dir = lock.path();
    // New paths (the manifest changes) must not be files that notice did not make.
    if manifest.is_some() {
        let ours = read_manifest(out_dir)?;
        if let Some((path, _)) = writes.iter().find(|(path, _)| {
            !ours.contains(*path) && out_dir.join(path).symlink_metadata().is_ok()
        }) {
            return Err(foreign_file(lock.dir().shown(), path, path));
        }
    }
    // The tree changes under the full build's cache: the next build must not trust it.
    forget_cache(out_dir)?;
    let mut report = WriteReport::default();
    for (path, bytes) in writes {
        check_relative(path)?;
        replace_file(&out_dir.join(path), bytes)?;
        report.written.push((*path).to_string());
    }
    for path in removals {
        check_relative(path)?;
        let target = out_dir.join(path);
        match fs::remove_file(&target) {
            Ok(()) => report.removed.push((*path).to_string()),
            Err(err) if err.kind() == ErrorKind::NotFound => {}
            Err(err) => return Err(io_error("remove file", &target, &err)),
        }
        // Folders left empty by a removed site or language go too.
        let mut dir = target.parent();
        while let Some(parent) = dir.filter(|d| *d != out_dir) {
            if fs::remove_dir(parent).is_err() {
                break;
            }
            dir = parent.parent();
        }
    }
    if let Some(manifest) = manifest {
        let listing: String = manifest.iter().map(|p| format!("{p}\n")).collect();
        replace_file(&out_dir.join(MANIFEST), listing.as_bytes())?;
    }
    Ok(report)
}

/// Writes an output file (an export payload) atomically: beside its target, then renamed
/// over it.
pub fn write_file(file: &OutputFile, bytes: &[u8]) -> Result<(), Failure> {
    replace_file(file.path(), bytes)
}

/// Writes `bytes` beside `target`, under a name of this process's own (two processes writing
/// one file never share it), then renames it over `target`.
fn replace_file(target: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
        return Err(Failure::usage(
            Diagnostic::error("the output needs a file name").at_path(display_path(target)),
        ));
    };
    fault::point(Op::Create)
        .and_then(|()| fs::create_dir_all(parent))
        .map_err(|err| io_error("create directory", parent, &err))?;
    let temp = parent.join(format!(
        ".{}.{}{TEMP_SUFFIX}",
        name.to_string_lossy(),
        std::process::id()
    ));
    fault::point(Op::Write)
        .and_then(|()| fs::write(&temp, bytes))
        .map_err(|err| io_error("write file", &temp, &err))?;
    fault::point(Op::Rename)
        .and_then(|()| fs::rename(&temp, target))
        .map_err(|err| {
            let _ = fs::remove_file(&temp);
            io_error("replace file", target, &err)
        })
}

/// How the temporary files of [`replace_file`] end. One left by a killed process is never
/// carried into a new tree.
const TEMP_SUFFIX: &str = ".notice-tmp";

fn is_temp(path: &str) -> bool {
    path.ends_with(TEMP_SUFFIX)
}

/// A file that notice did not make, at `foreign` in the output, where this build would write
/// `wanted`.
fn foreign_file(out_dir: &Path, foreign: &str, wanted: &str) -> Failure {
    let what = if foreign == wanted {
        "it".to_string()
    } else {
        format!("`{wanted}`")
    };
    Failure::usage(
        Diagnostic::error(format!(
            "`{foreign}` was not made by notice, and this build would write {what}"
        ))
        .at_path(display_path(&out_dir.join(foreign)))
        .help("move the file out of the output folder, or rename what makes that path"),
    )
}

/// Hard-links `from` to `to` so the file keeps its inode and mtime; copies (keeping the mtime)
/// where links are not possible.
fn link_or_copy(from: &Path, to: &Path) -> Result<(), Failure> {
    if let Some(parent) = to.parent() {
        fault::point(Op::Create)
            .and_then(|()| fs::create_dir_all(parent))
            .map_err(|err| io_error("create directory", parent, &err))?;
    }
    fault::point(Op::Write).map_err(|err| io_error("link file", to, &err))?;
    if fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    fs::copy(from, to).map_err(|err| io_error("copy file", from, &err))?;
    let modified = fs::metadata(from)
        .and_then(|meta| meta.modified())
        .map_err(|err| io_error("read file time", from, &err))?;
    fs::File::options()
        .write(true)
        .open(to)
        .and_then(|file| file.set_modified(modified))
        .map_err(|err| io_error("set file time", to, &err))
}

/// `parent/.name.notice-<what>`: beside the output, on the same file system, so renames are cheap.
fn sibling(out_dir: &Path, what: &str) -> Result<PathBuf, Failure> {
    let name = out_dir.file_name().ok_or_else(|| {
        Failure::usage(
            Diagnostic::error("the output directory needs a name")
                .at_path(out_dir.display().to_string())
                .help("pass a directory such as `--out site`"),
        )
    })?;
    let parent = out_dir.parent().unwrap_or(Path::new("."));
    Ok(parent.join(format!(".{}.notice-{what}", name.to_string_lossy())))
}

/// Removes the build cache of `out_dir`: its output is about to change.
fn forget_cache(out_dir: &Path) -> Result<(), Failure> {
    let path = out_dir.join(CACHE);
    match fs::remove_file(&path) {
        Err(err) if err.kind() != ErrorKind::NotFound => Err(io_error("remove file", &path, &err)),
        _ => Ok(()),
    }
}

fn read_manifest(out_dir: &Path) -> Result<BTreeSet<String>, Failure> {
    let path = out_dir.join(MANIFEST);
    match fs::read_to_string(&path) {
        Ok(text) => Ok(text
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(BTreeSet::new()),
        Err(err) => Err(io_error("read file", &path, &err)),
    }
}

/// Output paths are built from validated names, but a path that could leave the output
/// directory is refused here too.
fn check_relative(path: &str) -> Result<(), Failure> {
    let ok = !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(())
    } else {
        Err(Failure::io(Diagnostic::error(format!(
            "refusing to write `{path}`: it is not inside the output directory"
        ))))
    }
}

#[cfg(test)]
mod fault_tests;
#[cfg(test)]
mod tests;
