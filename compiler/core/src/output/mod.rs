//! Writing the output directory safely: stage the whole tree beside it, reuse unchanged files, then swap it into place.
//!
//! A build never edits the live output in place. It writes a staging directory next to the
//! output (`.site.notice-staging`), hard-links every file whose bytes did not change (so its
//! mtime and inode stay), carries over files that `notice` did not make, and only then swaps
//! the staging directory in. A failure at any earlier point leaves the old output untouched.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

pub mod guard;

use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};
use crate::files::files_under;

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
}

/// Replaces `out_dir` with `files` (relative `/`-separated paths → bytes).
pub fn write(
    out_dir: &Path,
    files: &BTreeMap<String, Vec<u8>>,
    scope: &Scope,
) -> Result<WriteReport, Failure> {
    for path in files.keys() {
        check_relative(path)?;
    }
    let mut stager = Stager::new(out_dir, scope.clone())?;
    for (path, bytes) in files {
        stager.place(path, bytes)?;
    }
    stager.finish()
}

/// A staging directory being filled, file by file, so a build never holds every page in
/// memory: each site's files are placed as soon as they are rendered, then dropped.
/// [`Stager::finish`] carries over what the build does not make and swaps the tree in; a
/// stager dropped before that removes its staging directory and leaves the output untouched.
pub struct Stager {
    out_dir: PathBuf,
    staging: PathBuf,
    scope: Scope,
    old_manifest: BTreeSet<String>,
    /// Every file placed so far: the new manifest, before carried-over files join it.
    placed: BTreeSet<String>,
    report: WriteReport,
    finished: bool,
    /// Whether there is an old output to compare with; a cold build skips thousands of
    /// failing opens.
    had_output: bool,
    /// Folders already made in the staging tree: one mkdir per folder, not per file.
    made: HashSet<PathBuf>,
    /// The build cache to stage last.
    cache: Option<String>,
}

impl Stager {
    /// Starts a staging directory beside `out_dir` for a build that speaks for `scope`.
    pub fn new(out_dir: &Path, scope: Scope) -> Result<Stager, Failure> {
        if out_dir.exists() && !out_dir.is_dir() {
            return Err(Failure::io(
                Diagnostic::error("the output path is not a directory")
                    .at_path(crate::source::display_path(out_dir)),
            ));
        }
        let staging = sibling(out_dir, "staging")?;
        remove_if_present(&staging)?;
        let mut stager = Stager {
            out_dir: out_dir.to_path_buf(),
            staging,
            scope,
            old_manifest: BTreeSet::new(),
            placed: BTreeSet::new(),
            report: WriteReport::default(),
            finished: false,
            had_output: out_dir.is_dir(),
            made: HashSet::new(),
            cache: None,
        };
        stager.old_manifest = read_manifest(out_dir)?;
        fs::create_dir_all(&stager.staging)
            .map_err(|err| io_error("create directory", &stager.staging, &err))?;
        Ok(stager)
    }

    /// Puts one file of this build into the staging tree: hard-linked from the old output
    /// when its bytes did not change, written otherwise.
    pub fn place(&mut self, path: &str, bytes: &[u8]) -> Result<(), Failure> {
        check_relative(path)?;
        let target = self.staging.join(path);
        if let Some(parent) = target.parent().filter(|p| !self.made.contains(*p)) {
            fs::create_dir_all(parent).map_err(|err| io_error("create directory", parent, &err))?;
            self.made.insert(parent.to_path_buf());
        }
        let old = self.out_dir.join(path);
        if self.had_output && fs::read(&old).is_ok_and(|existing| existing == bytes) {
            link_or_copy(&old, &target)?;
            self.report.unchanged += 1;
        } else {
            fs::write(&target, bytes).map_err(|err| io_error("write file", &target, &err))?;
            self.report.written.push(path.to_string());
        }
        self.placed.insert(path.to_string());
        Ok(())
    }

    /// Stages the build cache with the tree it describes. It is not listed in the manifest,
    /// since it is no page, and [`Stager::finish`] writes it last, so no file of the tree is
    /// newer than it.
    pub fn place_cache(&mut self, text: String) {
        self.cache = Some(text);
    }

    /// Carries over the files this build does not make but keeps, writes the manifest and
    /// swaps the staging directory in.
    pub fn finish(mut self) -> Result<WriteReport, Failure> {
        let mut manifest = std::mem::take(&mut self.placed);
        for (old, _) in files_under(&self.out_dir, None)? {
            // The cache speaks for the old tree: a full build stages a new one itself.
            if manifest.contains(&old) || old == MANIFEST || old == CACHE {
                continue;
            }
            let ours = self.old_manifest.contains(&old);
            if ours && self.scope.covers(&old) {
                self.report.removed.push(old);
                continue;
            }
            // Not made by notice, or outside this build's scope: keep it as it is.
            link_or_copy(&self.out_dir.join(&old), &self.staging.join(&old))?;
            if ours {
                manifest.insert(old);
            }
        }
        let mut listing = String::new();
        for path in &manifest {
            listing.push_str(path);
            listing.push('\n');
        }
        place(&self.out_dir, &self.staging, MANIFEST, listing.as_bytes())?;
        if let Some(text) = self.cache.take() {
            let target = self.staging.join(CACHE);
            fs::write(&target, text).map_err(|err| io_error("write file", &target, &err))?;
        }
        swap(&self.out_dir, &self.staging)?;
        self.finished = true;
        Ok(std::mem::take(&mut self.report))
    }
}

impl Drop for Stager {
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// Updates a live output directory in place, file by file, for watch's small rebuilds where
/// staging the whole tree would cost more than the change. Each file is written beside its
/// target and renamed over it, so nobody (a browser, an interrupted watch) ever sees a
/// half-written file. `manifest` is the new list of every file notice made, when it changed.
pub fn update(
    out_dir: &Path,
    writes: &[(&str, &[u8])],
    removals: &[&str],
    manifest: Option<&BTreeSet<String>>,
) -> Result<WriteReport, Failure> {
    // The tree changes under the full build's cache: the next build must not trust it.
    forget_cache(out_dir)?;
    let mut report = WriteReport::default();
    for (path, bytes) in writes {
        check_relative(path)?;
        write_file(&out_dir.join(path), bytes)?;
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
        write_file(&out_dir.join(MANIFEST), listing.as_bytes())?;
    }
    Ok(report)
}

/// Writes one file atomically: beside its target, then renamed over it (an export payload, or
/// each file of [`update`]).
pub fn write_file(target: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let parent = target
        .parent()
        .expect("output files are inside the output directory");
    fs::create_dir_all(parent).map_err(|err| io_error("create directory", parent, &err))?;
    let name = target.file_name().expect("a file name").to_string_lossy();
    let temp = parent.join(format!(".{name}.notice-tmp"));
    fs::write(&temp, bytes).map_err(|err| io_error("write file", &temp, &err))?;
    fs::rename(&temp, target).map_err(|err| {
        let _ = fs::remove_file(&temp);
        io_error("replace file", target, &err)
    })
}

/// Puts one file into the staging tree; returns whether its bytes changed.
fn place(out_dir: &Path, staging: &Path, path: &str, bytes: &[u8]) -> Result<bool, Failure> {
    let old = out_dir.join(path);
    let target = staging.join(path);
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent).map_err(|err| io_error("create directory", parent, &err))?;
    }
    match fs::read(&old) {
        Ok(existing) if existing == bytes => {
            link_or_copy(&old, &target)?;
            Ok(false)
        }
        _ => {
            fs::write(&target, bytes).map_err(|err| io_error("write file", &target, &err))?;
            Ok(true)
        }
    }
}

/// Hard-links `from` to `to` so the file keeps its inode and mtime; copies (keeping the mtime)
/// where links are not possible.
fn link_or_copy(from: &Path, to: &Path) -> Result<(), Failure> {
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent).map_err(|err| io_error("create directory", parent, &err))?;
    }
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

/// Replaces `out_dir` with `staging`. The old tree is moved aside first and restored if the
/// second rename fails, so there is always a complete output directory.
fn swap(out_dir: &Path, staging: &Path) -> Result<(), Failure> {
    if !out_dir.exists() {
        return fs::rename(staging, out_dir)
            .map_err(|err| io_error("move output into place", out_dir, &err));
    }
    let backup = sibling(out_dir, "old")?;
    remove_if_present(&backup)?;
    fs::rename(out_dir, &backup).map_err(|err| io_error("move old output aside", out_dir, &err))?;
    if let Err(err) = fs::rename(staging, out_dir) {
        let _ = fs::rename(&backup, out_dir);
        return Err(io_error("move output into place", out_dir, &err));
    }
    fs::remove_dir_all(&backup).map_err(|err| io_error("remove old output", &backup, &err))
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

fn remove_if_present(dir: &Path) -> Result<(), Failure> {
    match fs::remove_dir_all(dir) {
        Err(err) if err.kind() != ErrorKind::NotFound => {
            Err(io_error("remove leftover directory", dir, &err))
        }
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
mod tests;
