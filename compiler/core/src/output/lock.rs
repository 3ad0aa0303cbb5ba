//! One writer at a time per output directory: an OS file lock (`flock`, `LockFileEx`, through
//! fs4) on `.<name>.notice-lock` beside it, held from before the old output is read until the new one is in place. A second build
//! waits for the first (and says so once); it never shares or removes the first one's staging
//! tree. The lock file stays, empty: removing it would let a waiting build and a new one lock
//! two different files.

use std::fs::{self, File};
use std::io::ErrorKind;
use std::path::Path;

use fs4::{FileExt, TryLockError};

use super::guard::OutputDir;
use super::{sibling, swap};
use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};

/// Exclusive use of an output directory, until dropped. Taking it also puts the directory back
/// in order after a build that died (see [`swap::recover`]).
#[derive(Debug)]
pub struct OutputLock {
    out: OutputDir,
    /// Held open: the OS lock lives as long as the file stays open, and goes with the process.
    _file: File,
    /// What the recovery could not clean up.
    pub(super) warnings: Vec<Diagnostic>,
}

/// Called once, with the output directory as given, when another build holds the lock and
/// this one waits for it.
pub type Waiting = fn(&Path);

impl OutputDir {
    /// Takes the lock of this output directory, waiting while another process holds it.
    pub fn lock(&self, waiting: Option<Waiting>) -> Result<OutputLock, Failure> {
        let path = sibling(self.path(), "lock")?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|err| io_error("create directory", parent, &err))?;
        }
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|err| io_error("open the lock file", &path, &err))?;
        // Called through the trait: std's own `File::lock` needs a newer Rust than we support.
        match FileExt::try_lock(&file) {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                if let Some(waiting) = waiting {
                    waiting(self.shown());
                }
                FileExt::lock(&file).map_err(|err| io_error("lock the output", &path, &err))?;
            }
            // A file system without locks: go on as builds did before there was a lock.
            Err(TryLockError::Error(err)) if err.kind() == ErrorKind::Unsupported => {}
            Err(TryLockError::Error(err)) => {
                return Err(io_error("lock the output", &path, &err));
            }
        }
        let warnings = swap::recover(self.path())?;
        Ok(OutputLock {
            out: self.clone(),
            _file: file,
            warnings,
        })
    }
}

impl OutputLock {
    /// The locked output directory.
    pub fn dir(&self) -> &OutputDir {
        &self.out
    }

    /// Where its files go.
    pub(super) fn path(&self) -> &Path {
        self.out.path()
    }

    /// What the recovery at locking time could not clean up, for the report.
    pub fn take_warnings(&mut self) -> Vec<Diagnostic> {
        std::mem::take(&mut self.warnings)
    }
}
