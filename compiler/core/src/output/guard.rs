//! The one check every command that writes passes first. The output path is resolved through
//! its symlinks, then refused when it would write into or over the project's sources, or over
//! files that notice did not make. The writer only accepts what passed: an [`OutputDir`] or an
//! [`OutputFile`] can be made nowhere else.

use std::fs;
use std::io::{ErrorKind, Read};
use std::path::{Component, Path, PathBuf};

use super::MANIFEST;
use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};
use crate::origin::display_path;
use crate::project::{CONTENT_DIR, THEMES_DIR};

/// An output directory that passed the guard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputDir {
    /// Where the files go: the path with every symlink of its existing part resolved.
    path: PathBuf,
    /// The path as it was given, for messages.
    shown: PathBuf,
}

impl OutputDir {
    /// Where the files go. A symlinked output is followed: this is the directory it leads to,
    /// and the staging tree and the lock are made beside it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path as it was given, for messages.
    pub fn shown(&self) -> &Path {
        &self.shown
    }
}

/// A single output file (the JSON export) that passed the guard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    path: PathBuf,
    shown: PathBuf,
}

impl OutputFile {
    /// Where the file goes, with the symlinks of its existing part resolved.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path as it was given, for messages.
    pub fn shown(&self) -> &Path {
        &self.shown
    }
}

/// Checks `out` as the output directory of the project at `root`. It must not be or hold the
/// project root, `content/` or `themes/`, nor lie inside `content/` or `themes/`; it must be a
/// directory if it exists, and one that notice wrote (it has a manifest) unless it is empty.
pub fn output_dir(root: &Path, out: &Path) -> Result<OutputDir, Failure> {
    let path = resolve(out)?;
    refuse_sources(
        root,
        out,
        &path,
        "refusing to write into a directory that holds the project's sources",
        "the output is replaced on every run; choose a separate one, like `--out site`",
    )?;
    match fs::metadata(&path) {
        Ok(meta) if !meta.is_dir() => {
            return Err(Failure::usage(
                Diagnostic::error("the output path is not a directory")
                    .at_path(display_path(out))
                    .help("pass a directory, such as `--out site`"),
            ));
        }
        Ok(_) => refuse_foreign_folder(out, &path)?,
        Err(err) if err.kind() == ErrorKind::NotFound => {}
        Err(err) => return Err(io_error("read", out, &err)),
    }
    Ok(OutputDir {
        path,
        shown: out.to_path_buf(),
    })
}

/// Checks `out` as an output file of the project at `root`: never a source, never inside
/// `content/` or `themes/`, and never over a file that does not begin with `signature` (so not
/// one that notice did not make). An empty file may be replaced.
pub fn output_file(root: &Path, out: &Path, signature: &[u8]) -> Result<OutputFile, Failure> {
    let path = resolve(out)?;
    refuse_sources(
        root,
        out,
        &path,
        "refusing to write over the project's sources",
        "write it outside `content/` and `themes/`, like `--out notice-export.json`",
    )?;
    match fs::File::open(&path) {
        Ok(file) => {
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(Failure::usage(
                    Diagnostic::error("refusing to write over a directory")
                        .at_path(display_path(out))
                        .help("pass a file name, such as `--out notice-export.json`"),
                ));
            }
            let mut start = Vec::with_capacity(signature.len());
            file.take(signature.len() as u64)
                .read_to_end(&mut start)
                .map_err(|err| io_error("read file", out, &err))?;
            if !start.is_empty() && start != signature {
                return Err(Failure::usage(
                    Diagnostic::error(format!(
                        "refusing to write over `{}`: it was not made by notice",
                        display_path(out)
                    ))
                    .at_path(display_path(out))
                    .help("choose another file name, or move the file away first"),
                ));
            }
        }
        Err(err) if err.kind() == ErrorKind::NotFound => {}
        Err(err) => return Err(io_error("read file", out, &err)),
    }
    Ok(OutputFile {
        path,
        shown: out.to_path_buf(),
    })
}

/// A page cache folder that passed the guard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheDir {
    path: PathBuf,
    shown: PathBuf,
}

impl CacheDir {
    /// The folder, with the symlinks of its existing part resolved.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path as it was given, for messages.
    pub fn shown(&self) -> &Path {
        &self.shown
    }
}

/// The file that marks a folder as notice's page cache.
pub const CACHE_TAG: &str = "CACHEDIR.TAG";

/// [`CACHE_TAG`]'s text: the Cache Directory Tagging signature (<https://bford.info/cachedir/>),
/// which backup tools and `tar --exclude-caches` honour, then notice's own line, which tells its
/// folder from another tool's.
pub const CACHE_TAG_TEXT: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
    # notice page cache: rendered pages kept between builds. Safe to delete.\n\
    # About cache directory tags: https://bford.info/cachedir/\n";

/// Checks `dir` as the page cache folder of the project at `root`: never a source or inside
/// `content/` or `themes/`, a directory if it exists, and one that notice tagged unless it is
/// empty, so pruning the cache never deletes someone else's files.
pub fn cache_dir(root: &Path, dir: &Path) -> Result<CacheDir, Failure> {
    let path = resolve(dir)?;
    refuse_sources(
        root,
        dir,
        &path,
        "refusing to keep the page cache among the project's sources",
        "choose a folder of its own, like the default `.cache/notice`",
    )?;
    match fs::metadata(&path) {
        Ok(meta) if !meta.is_dir() => {
            return Err(Failure::usage(
                Diagnostic::error("the page cache path is not a directory")
                    .at_path(display_path(dir))
                    .help("pass a directory, such as `--cache-dir .cache/notice`"),
            ));
        }
        Ok(_) => {
            let tagged = fs::read_to_string(path.join(CACHE_TAG)).is_ok_and(|t| is_notice_tag(&t));
            if !tagged && !is_empty_dir(&path, dir)? {
                return Err(Failure::usage(
                    Diagnostic::error(
                        "refusing to use a folder of files notice did not make as its page cache",
                    )
                    .at_path(display_path(dir))
                    .note(format!(
                        "it is not empty and has no `{CACHE_TAG}` written by notice"
                    ))
                    .help("choose an empty or new folder, or pass `--no-cache`"),
                ));
            }
        }
        Err(err) if err.kind() == ErrorKind::NotFound => {}
        Err(err) => return Err(io_error("read", dir, &err)),
    }
    Ok(CacheDir {
        path,
        shown: dir.to_path_buf(),
    })
}

/// Whether `text` is a cache tag notice wrote, in this version's words or another's: the
/// signature line, then a comment line naming notice.
fn is_notice_tag(text: &str) -> bool {
    let mut lines = text.lines();
    lines.next() == CACHE_TAG_TEXT.lines().next()
        && lines
            .next()
            .is_some_and(|line| line.starts_with("# notice "))
}

/// Refuses `resolved` (the resolved `out`) when it is or holds the project root, `content/`
/// or `themes/`, or lies inside `content/` or `themes/`.
fn refuse_sources(
    root: &Path,
    out: &Path,
    resolved: &Path,
    message: &str,
    help: &str,
) -> Result<(), Failure> {
    let root = resolve(root)?;
    let sources = [
        resolve(&root.join(CONTENT_DIR))?,
        resolve(&root.join(THEMES_DIR))?,
    ];
    let holds = std::iter::once(&root)
        .chain(&sources)
        .any(|p| p.starts_with(resolved));
    let inside = sources.iter().any(|p| resolved.starts_with(p));
    if !holds && !inside {
        return Ok(());
    }
    let mut diagnostic = Diagnostic::error(message).at_path(display_path(out));
    if out.ancestors().any(is_link) {
        diagnostic = diagnostic.note(format!("it resolves to {}", resolved.display()));
    }
    Err(Failure::usage(diagnostic.help(help)))
}

/// A first build into a folder of someone else's files would carry them into the output and
/// claim the paths it writes: refused, unless the folder is empty.
fn refuse_foreign_folder(out: &Path, resolved: &Path) -> Result<(), Failure> {
    if resolved.join(MANIFEST).exists() {
        return Ok(());
    }
    if is_empty_dir(resolved, out)? {
        return Ok(());
    }
    Err(Failure::usage(
        Diagnostic::error("refusing to build into a folder of files notice did not make")
            .at_path(display_path(out))
            .note(format!(
                "it is not empty and has no `{MANIFEST}`, the list of files notice wrote there"
            ))
            .help("choose an empty or new folder; files you add after notice's first build there are kept"),
    ))
}

/// Whether the directory `resolved` (given as `shown`) holds nothing.
fn is_empty_dir(resolved: &Path, shown: &Path) -> Result<bool, Failure> {
    let mut entries =
        fs::read_dir(resolved).map_err(|err| io_error("list directory", shown, &err))?;
    Ok(entries.next().is_none())
}

fn is_link(path: &Path) -> bool {
    path.symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
}

/// `path` made absolute, with the part that exists resolved by the OS (symlinks and `..`) and
/// the rest appended as written. A symlink to nothing is refused: writing there would replace
/// the link instead of filling its target.
pub(super) fn resolve(path: &Path) -> Result<PathBuf, Failure> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|err| io_error("read the current directory", path, &err))?
            .join(path)
    };
    let components: Vec<Component<'_>> = absolute.components().collect();
    let mut existing = components.len();
    let mut resolved = loop {
        let prefix: PathBuf = components[..existing].iter().collect();
        match prefix.canonicalize() {
            Ok(resolved) => break resolved,
            Err(_) if is_link(&prefix) => {
                let target = fs::read_link(&prefix).unwrap_or_default();
                return Err(Failure::usage(
                    Diagnostic::error("the output is a symlink to a missing directory")
                        .at_path(display_path(&prefix))
                        .note(format!("it points to {}", target.display()))
                        .help("create the directory it points to, or remove the link"),
                ));
            }
            // The root of the file system always resolves, so this stops.
            Err(_) if existing > 1 => existing -= 1,
            Err(err) => return Err(io_error("resolve", path, &err)),
        }
    };
    for component in &components[existing..] {
        match component {
            Component::ParentDir => {
                resolved.pop();
            }
            Component::CurDir => {}
            other => resolved.push(other),
        }
    }
    Ok(resolved)
}
