//! The one check every command that writes passes first: never into the project's sources.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};
use crate::origin::display_path;

/// The output directory is replaced whole on every build, so it must not hold the sources.
pub fn refuse_dangerous_output(root: &Path, out_dir: &Path) -> Result<(), Failure> {
    let absolute = |path: &Path| -> Result<PathBuf, Failure> {
        let path = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir()
                .map_err(|err| io_error("read the current directory", path, &err))?
                .join(path)
        };
        Ok(normalize(&path))
    };
    let out = absolute(out_dir)?;
    let root = absolute(root)?;
    let protected = [root.clone(), root.join("content"), root.join("themes")];
    if protected
        .iter()
        .any(|p| p.starts_with(&out) || out.starts_with(p) && p != &root)
    {
        return Err(Failure::usage(
            Diagnostic::error("refusing to build into a directory that holds the project's sources")
                .at_path(display_path(out_dir))
                .help("the output directory is replaced on every build; choose a separate one, like `--out site`"),
        ));
    }
    Ok(())
}

/// Resolves `.` and `..` without touching the disk (the output may not exist yet).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
