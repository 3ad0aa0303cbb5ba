//! Listing the files below a directory as sorted, `/`-separated relative paths.

use std::path::{Path, PathBuf};

use crate::error::{Failure, io_error};

/// Every file below `dir` (none if it does not exist), sorted by path. With `follow_links`,
/// symlinked directories are entered; otherwise a symlink is listed as a file.
pub fn files_under(dir: &Path, follow_links: bool) -> Result<Vec<(String, PathBuf)>, Failure> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .min_depth(1)
        .follow_links(follow_links)
        .sort_by_file_name()
    {
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
    Ok(found)
}
