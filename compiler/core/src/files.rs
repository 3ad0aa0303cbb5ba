//! Listing the files below a directory as sorted, `/`-separated relative paths, and the error
//! for a path that symlinks lead out of the project.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::error::{Failure, FailureKind, io_error};
use crate::origin::display_path;

/// Every file below `dir` (none if it does not exist), sorted by path.
///
/// Without `within`, a symlink is listed as a file and never followed. With `within` (the
/// canonical project root), symlinked files and folders are followed while they stay inside
/// it; a link that leads outside is an error naming the link, found before anything behind it
/// is read (a theme's `static/etc -> /etc` must not walk `/etc`).
pub fn files_under(dir: &Path, within: Option<&Path>) -> Result<Vec<(String, PathBuf)>, Failure> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    if let Some(root) = within {
        let resolved = dir
            .canonicalize()
            .map_err(|err| io_error("list directory", dir, &err))?;
        if !resolved.starts_with(root) {
            return Err(outside_the_project(dir, &resolved, root));
        }
    }
    // The first link found leading outside; the walk does not enter it.
    let mut outside: Option<(PathBuf, PathBuf)> = None;
    let mut found = Vec::new();
    let walk = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .follow_links(within.is_some())
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            let Some(root) = within.filter(|_| entry.path_is_symlink()) else {
                return true;
            };
            match entry.path().canonicalize() {
                Ok(target) if !target.starts_with(root) => {
                    outside.get_or_insert((entry.path().to_path_buf(), target));
                    false
                }
                // Inside, or a dangling link that the walk reports as it reads it.
                _ => true,
            }
        });
    for entry in walk {
        let entry = entry.map_err(|err| {
            let path = err.path().unwrap_or(dir).to_path_buf();
            let io = err
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("filesystem loop"));
            io_error("list directory", &path, &io)
        })?;
        if entry.file_type().is_dir() {
            continue;
        }
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let name = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        found.push((name, entry.path().to_path_buf()));
    }
    if let Some(((link, target), root)) = outside.zip(within) {
        return Err(outside_the_project(&link, &target, root));
    }
    Ok(found)
}

/// The error for `path`, which resolves to `resolved` outside the project at `root`
/// (canonical). It names the symlink that leads there when there is one, and says "symlink"
/// only then.
pub fn outside_the_project(path: &Path, resolved: &Path, root: &Path) -> Failure {
    let is_link = |p: &Path| {
        p.symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
    };
    // From the path up to the first folder that is inside the project: the link is on the way.
    let link = path
        .ancestors()
        .take_while(|p| !p.as_os_str().is_empty())
        .take_while(|p| is_link(p) || !p.canonicalize().is_ok_and(|c| c.starts_with(root)))
        .find(|p| is_link(p));
    let diagnostic = match link {
        Some(link) => Diagnostic::error("symlink leads outside the project")
            .at_path(display_path(link))
            .note(format!("it resolves to {}", resolved.display()))
            .help("copy the file into the project instead of linking to it"),
        None => Diagnostic::error("this path is outside the project")
            .at_path(display_path(path))
            .help("keep every source and theme file inside the project"),
    };
    Failure::new(FailureKind::Data, diagnostic)
}
