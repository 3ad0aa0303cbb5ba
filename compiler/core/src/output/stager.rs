//! The staging tree of one build: filled file by file, then swapped in whole.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use super::fault::{self, Op};
use super::lock::OutputLock;
use super::{
    CACHE, MANIFEST, Scope, WriteReport, check_relative, foreign_file, is_temp, link_or_copy,
    read_manifest, swap,
};
use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};
use crate::files::files_under;

/// A staging directory being filled, file by file, so a build never holds every page in
/// memory: each site's files are placed as soon as they are rendered, then dropped.
/// [`Stager::finish`] carries over what the build does not make and swaps the tree in; a
/// stager dropped before that removes its staging directory and leaves the output untouched.
/// It holds the output's lock from start to end.
pub struct Stager {
    lock: OutputLock,
    staging: PathBuf,
    scope: Scope,
    old_manifest: BTreeSet<String>,
    /// Every file placed so far, with what made it (an index into `sources`): the new
    /// manifest, before carried-over files join it.
    placed: BTreeMap<String, usize>,
    /// What made the placed files ("site `kahvila`"), each once: files come site by site.
    sources: Vec<String>,
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
    /// Starts a staging directory beside the locked output, for a build that speaks for `scope`.
    pub fn new(mut lock: OutputLock, scope: Scope) -> Result<Stager, Failure> {
        let out = lock.path().to_path_buf();
        let staging = swap::fresh_sibling(&out)?;
        let old_manifest = read_manifest(&out)?;
        fault::point(Op::Create)
            .and_then(|()| fs::create_dir_all(&staging))
            .map_err(|err| io_error("create directory", &staging, &err))?;
        let report = WriteReport {
            warnings: lock.take_warnings(),
            ..WriteReport::default()
        };
        Ok(Stager {
            had_output: out.is_dir(),
            lock,
            staging,
            scope,
            old_manifest,
            placed: BTreeMap::new(),
            sources: Vec::new(),
            report,
            finished: false,
            made: HashSet::new(),
            cache: None,
        })
    }

    /// Puts one file of this build, made by `from` (for messages: "site `kahvila`"), into the
    /// staging tree: hard-linked from the old output when its bytes did not change, written
    /// otherwise. Two files at one path, or a path that a file notice did not make occupies,
    /// are errors.
    pub fn place(&mut self, from: &str, path: &str, bytes: &[u8]) -> Result<(), Failure> {
        check_relative(path)?;
        if self.sources.last().is_none_or(|last| last != from) {
            self.sources.push(from.to_string());
        }
        let source = self.sources.len() - 1;
        if let Some(&first) = self.placed.get(path) {
            return Err(collision(path, &self.sources[first], from));
        }
        let old = self.lock.path().join(path);
        if self.had_output && !self.old_manifest.contains(path) && old.symlink_metadata().is_ok() {
            return Err(foreign_file(self.lock.dir().shown(), path, path));
        }
        let target = self.staging.join(path);
        if let Some(parent) = target.parent().filter(|p| !self.made.contains(*p)) {
            fault::point(Op::Create)
                .and_then(|()| fs::create_dir_all(parent))
                .map_err(|err| io_error("create directory", parent, &err))?;
            self.made.insert(parent.to_path_buf());
        }
        if self.had_output && fs::read(&old).is_ok_and(|existing| existing == bytes) {
            link_or_copy(&old, &target)?;
            self.report.unchanged += 1;
        } else {
            fault::point(Op::Write)
                .and_then(|()| fs::write(&target, bytes))
                .map_err(|err| io_error("write file", &target, &err))?;
            self.report.written.push(path.to_string());
        }
        self.placed.insert(path.to_string(), source);
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
        let out = self.lock.path().to_path_buf();
        let mut manifest: BTreeSet<String> = std::mem::take(&mut self.placed).into_keys().collect();
        for (old, _) in files_under(&out, None)? {
            // The cache speaks for the old tree: a full build stages a new one itself.
            if manifest.contains(&old) || old == MANIFEST || old == CACHE || is_temp(&old) {
                continue;
            }
            let ours = self.old_manifest.contains(&old);
            if ours && self.scope.covers(&old) {
                self.report.removed.push(old);
                continue;
            }
            // Not made by notice, or outside this build's scope: keep it as it is, unless
            // this build makes a file where it needs a folder, or the other way round.
            if let Some(wanted) = clash(&manifest, &old) {
                return Err(foreign_file(self.lock.dir().shown(), &old, &wanted));
            }
            link_or_copy(&out.join(&old), &self.staging.join(&old))?;
            if ours {
                manifest.insert(old);
            }
        }
        let listing: String = manifest.iter().map(|p| format!("{p}\n")).collect();
        self.stage_last(&out, MANIFEST, listing.as_bytes())?;
        if let Some(text) = self.cache.take() {
            let target = self.staging.join(CACHE);
            fault::point(Op::Write)
                .and_then(|()| fs::write(&target, text))
                .map_err(|err| io_error("write file", &target, &err))?;
        }
        let warnings = swap::swap(&out, &self.staging)?;
        self.finished = true;
        self.report.warnings.extend(warnings);
        Ok(std::mem::take(&mut self.report))
    }

    /// Stages a file of the writer's own (the manifest): linked when unchanged.
    fn stage_last(&self, out: &Path, path: &str, bytes: &[u8]) -> Result<(), Failure> {
        let old = out.join(path);
        let target = self.staging.join(path);
        if fs::read(&old).is_ok_and(|existing| existing == bytes) {
            return link_or_copy(&old, &target);
        }
        fault::point(Op::Write)
            .and_then(|()| fs::write(&target, bytes))
            .map_err(|err| io_error("write file", &target, &err))
    }
}

impl Drop for Stager {
    fn drop(&mut self) {
        // A killed process cleans nothing up: the fault-injection tests check what that leaves.
        if !self.finished && !fault::crashed() {
            let _ = swap::remove_tree(&self.staging);
        }
    }
}

/// Two outputs of one build at one path: the second would silently replace the first.
fn collision(path: &str, first: &str, second: &str) -> Failure {
    Failure::from(
        Diagnostic::error(format!("two outputs of this build go to `{path}`"))
            .note(format!("{first} and {second} both make it"))
            .help("rename one of them"),
    )
}

/// The placed path that keeps the kept file `old` from being carried over: a placed file
/// inside a folder `old`, or a placed file where `old` needs a folder.
fn clash(placed: &BTreeSet<String>, old: &str) -> Option<String> {
    let as_folder = format!("{old}/");
    if let Some(inside) = placed
        .range(as_folder.clone()..)
        .next()
        .filter(|p| p.starts_with(&as_folder))
    {
        return Some(inside.clone());
    }
    let mut end = old.len();
    while let Some(slash) = old[..end].rfind('/') {
        if placed.contains(&old[..slash]) {
            return Some(old[..slash].to_string());
        }
        end = slash;
    }
    None
}
