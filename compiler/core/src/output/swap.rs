//! Putting a staged tree in place of the output, removing the old one, and putting things back
//! in order after a build that died half-way.
//!
//! Where the OS has an atomic exchange (Linux `renameat2(RENAME_EXCHANGE)`, Apple's
//! `RENAME_SWAP`), the staged tree and the output trade places in one call: there is always a
//! complete output directory. Elsewhere (and on file systems without it) the old tree is moved
//! aside to `.<name>.notice-old` and the new one moved in; a build that dies between the two
//! renames leaves no output, and the next one puts `-old` back before anything else.
//!
//! Our own leftovers are named `.<name>.notice-staging-<pid>-<n>`: a new name for each, so one
//! that cannot be removed (someone else's files, a read-only tree) never blocks a build; each
//! build tries again to remove them, and a failure is a warning.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::fault::{self, Op};
use super::sibling;
use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};

/// Replaces `out` by `staging`. Returns what could not be cleaned up: failing to remove the old
/// tree, once the new one is in place, is a warning, never a failed build.
pub(super) fn swap(out: &Path, staging: &Path) -> Result<Vec<Diagnostic>, Failure> {
    if out.symlink_metadata().is_err() {
        return fault::point(Op::Rename)
            .and_then(|()| fs::rename(staging, out))
            .map_err(|err| io_error("move output into place", out, &err))
            .map(|()| Vec::new());
    }
    let old_tree = if exchange(staging, out)? {
        // The old tree now sits where the staging tree was.
        staging.to_path_buf()
    } else {
        let old = sibling(out, "old")?;
        fault::point(Op::Rename)
            .and_then(|()| fs::rename(out, &old))
            .map_err(|err| io_error("move old output aside", out, &err))?;
        if let Err(err) = fault::point(Op::Rename).and_then(|()| fs::rename(staging, out)) {
            let _ = fault::point(Op::Rename).and_then(|()| fs::rename(&old, out));
            return Err(io_error("move output into place", out, &err));
        }
        old
    };
    Ok(discard(&old_tree).into_iter().collect())
}

/// Exchanges `staging` and `out` atomically; `false` where the OS or file system cannot.
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(staging: &Path, out: &Path) -> Result<bool, Failure> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    if fault::exchange_disabled() {
        return Ok(false);
    }
    fault::point(Op::Rename).map_err(|err| io_error("swap the output in", out, &err))?;
    match renameat_with(CWD, staging, CWD, out, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::INVAL | Errno::NOSYS | Errno::NOTSUP) => Ok(false),
        Err(err) => Err(io_error("swap the output in", out, &err.into())),
    }
}

/// Exchanges `staging` and `out` atomically; `false` where the OS or file system cannot.
#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_staging: &Path, _out: &Path) -> Result<bool, Failure> {
    Ok(false)
}

/// Puts the output back in order after a build that died, before this one starts (the lock is
/// held). A missing output with `-old` beside it is a build that died between its two renames:
/// `-old` is the complete old tree, and goes back. Any other leftover is removed, or left with
/// a warning; none stays in the way.
pub(super) fn recover(out: &Path) -> Result<Vec<Diagnostic>, Failure> {
    let old = sibling(out, "old")?;
    let mut warnings = Vec::new();
    if old.symlink_metadata().is_ok() {
        if out.symlink_metadata().is_err() {
            fault::point(Op::Rename)
                .and_then(|()| fs::rename(&old, out))
                .map_err(|err| io_error("restore the output from", &old, &err))?;
        } else {
            // The new tree went in; the old one is ours to remove, under a name of its own.
            let junk = fresh_sibling(out)?;
            fault::point(Op::Rename)
                .and_then(|()| fs::rename(&old, &junk))
                .map_err(|err| io_error("move aside the leftover", &old, &err))?;
        }
    }
    for leftover in leftovers(out)? {
        warnings.extend(discard(&leftover));
    }
    Ok(warnings)
}

/// A staging name beside `out` that nothing has: `.<name>.notice-staging-<pid>-<n>`.
pub(super) fn fresh_sibling(out: &Path) -> Result<PathBuf, Failure> {
    let base = sibling(out, "staging")?;
    let pid = std::process::id();
    let mut n = 0u32;
    loop {
        let candidate = PathBuf::from(format!("{}-{pid}-{n}", base.display()));
        if candidate.symlink_metadata().is_err() {
            return Ok(candidate);
        }
        n += 1;
    }
}

/// The staging trees of builds that died or could not be removed: every `.<name>.notice-staging*`
/// beside `out` (the lock is held, so none is in use).
fn leftovers(out: &Path) -> Result<Vec<PathBuf>, Failure> {
    let base = sibling(out, "staging")?;
    let (Some(parent), Some(prefix)) = (base.parent(), base.file_name()) else {
        return Ok(Vec::new());
    };
    let prefix = prefix.to_string_lossy();
    let entries = match fs::read_dir(parent) {
        Ok(entries) => entries,
        Err(err) if err.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(io_error("list directory", parent, &err)),
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(prefix.as_ref()))
        .map(|e| e.path())
        .collect();
    found.sort();
    Ok(found)
}

/// Removes a tree of ours that is no longer wanted; says so when it cannot.
pub(super) fn discard(tree: &Path) -> Option<Diagnostic> {
    remove_tree(tree).err().map(|err| {
        Diagnostic::warning(format!("cannot remove an old output tree: {err}"))
            .at_path(crate::origin::display_path(tree))
            .note("the new output is in place; this leftover does not stop later builds")
            .help("remove it by hand when you can")
    })
}

/// `remove_dir_all`, which also removes trees whose folders were made read-only (`chmod -R
/// a-w site`): their folders are made writable first. Only folders are touched; the files may
/// be hard-linked into the new tree, and keep their modes.
pub(super) fn remove_tree(tree: &Path) -> std::io::Result<()> {
    fault::point(Op::Remove)?;
    match fs::remove_dir_all(tree) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(()),
        Err(err) if err.kind() == ErrorKind::PermissionDenied => {
            make_folders_writable(tree);
            fs::remove_dir_all(tree)
        }
        Err(err) => Err(err),
    }
}

fn make_folders_writable(tree: &Path) {
    for entry in walkdir::WalkDir::new(tree)
        .into_iter()
        .filter_map(Result::ok)
    {
        if !entry.file_type().is_dir() {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let mut permissions = meta.permissions();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            permissions.set_mode(permissions.mode() | 0o700);
        }
        #[cfg(not(unix))]
        permissions.set_readonly(false);
        let _ = fs::set_permissions(entry.path(), permissions);
    }
}
