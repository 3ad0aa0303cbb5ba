//! Writes an imported site into `content/`: never over an existing site without `--force`,
//! atomically (a temporary file renamed into place), and only if the result loads; on any
//! error the project is left as it was.

use std::fs;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};
use crate::origin::display_path;
use crate::project::CONTENT_DIR;

/// A site name is one lowercase ASCII path segment, and not a shared layer's `_` folder.
pub(crate) fn check_site_name(site: &str) -> Result<(), Failure> {
    let ok = !site.is_empty()
        && site.len() <= 64
        && site
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !site.starts_with('-');
    if ok {
        return Ok(());
    }
    Err(Failure::usage(
        Diagnostic::error(format!("`{site}` cannot be a site name"))
            .help("use lowercase letters a–z, digits and hyphens, like `--site kahvila-aurinko`"),
    ))
}

/// Writes `toml` as `content/<site>/notice.toml` under `root`, then loads the site to be sure
/// it reads back; if it does not, the previous state is restored.
pub(crate) fn write_site(root: &Path, site: &str, toml: &str, force: bool) -> Result<(), Failure> {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        return Err(Failure::usage(
            Diagnostic::error("no notice project here: `content/` is missing")
                .at_path(display_path(root))
                .help("run `notice init` first, or pass the project with `--root DIR`"),
        ));
    }
    let dir = content.join(site);
    let file = dir.join("notice.toml");
    let previous = match fs::read(&file) {
        Ok(bytes) if !force => {
            drop(bytes);
            return Err(Failure::usage(
                Diagnostic::error(format!("the site `{site}` already exists"))
                    .at_path(display_path(&file))
                    .help("choose another name with `--site NAME`, or replace it with `--force`"),
            ));
        }
        Ok(bytes) => Some(bytes),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(io_error("read file", &file, &err)),
    };
    let created_dir = !dir.exists();
    if created_dir {
        fs::create_dir(&dir).map_err(|err| io_error("create directory", &dir, &err))?;
    }
    let undo = |failure: Failure| {
        match &previous {
            Some(bytes) => {
                let _ = fs::write(&file, bytes);
            }
            None => {
                let _ = fs::remove_file(&file);
            }
        }
        if created_dir {
            let _ = fs::remove_dir(&dir);
        }
        failure
    };
    let temporary = dir.join(".notice.toml.import");
    let placed = fs::write(&temporary, toml)
        .and_then(|()| fs::rename(&temporary, &file))
        .map_err(|err| {
            let _ = fs::remove_file(&temporary);
            io_error("write file", &file, &err)
        });
    placed.map_err(undo)?;
    loads(root, site).map_err(undo)
}

/// Loads the written site as every command will, so an import that would not build is undone.
fn loads(root: &Path, site: &str) -> Result<(), Failure> {
    let workspace = crate::workspace::Workspace::open(root)?;
    let entries = workspace.select(&[site.to_string()])?;
    for entry in &entries {
        workspace.load(entry)?;
    }
    Ok(())
}
