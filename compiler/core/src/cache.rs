//! The build cache: a full build that finds its inputs and its output exactly as the last full
//! build left them does nothing, instead of rendering every page again to learn that no byte
//! changed.
//!
//! The cache is one small file in the output directory, [`CACHE`], beside the manifest: a
//! build never writes outside its output, and static hosts (Netlify, GitHub Pages) do not
//! publish dotfiles. A full build stages it as the last file of the new tree, so it swaps in
//! with the pages it describes; any other change to the output (a `--site` build, `notice
//! watch`) drops it. It holds a fingerprint of every input, the files the build made with their
//! sizes, the page count and the build's warnings, so a cached build reports what the real one
//! would. It is trusted only when the fingerprint matches and every file it lists is still in
//! the output, with its size and no newer than the cache; anything else is a miss, and the
//! build runs as usual.

use std::fs;
use std::io::ErrorKind;
use std::path::Path;
use std::time::SystemTime;

use xxhash_rust::xxh3::Xxh3;

use crate::diagnostic::{Diagnostic, Severity};
use crate::files::files_under;
use crate::history::history_dir;
use crate::output::{CACHE, MANIFEST};
use crate::page_cache;
use crate::project::{CONTENT_DIR, Project, SETTINGS_FILE, SiteEntry};

const HEADER: &str = "notice-cache 1";

/// Hashes everything a full build reads: this program itself (by its size and time, so a
/// rebuilt `notice` never trusts an older one's cache), the settings, the theme, every layer,
/// and each site's source and history. `None` when something cannot be read: the build then
/// runs, and reports it properly.
///
/// The bytes are read, not their times, so a checkout or a copy of the project keeps its cache
/// valid and an edit that restores the old bytes is a hit. Symlinks are followed without the
/// build's check that they stay inside the project: a hit only ever republishes bytes that an
/// earlier build accepted.
pub fn fingerprint(project: &Project, sites: &[SiteEntry], drafts: bool) -> Option<u64> {
    // XXH3, not SipHash: this reads every source and snapshot of the project, tens of MB.
    let mut hash = Xxh3::new();
    let mut field = |bytes: &[u8]| page_cache::field(&mut hash, bytes);
    field(HEADER.as_bytes());
    field(env!("CARGO_PKG_VERSION").as_bytes());
    let exe = fs::metadata(std::env::current_exe().ok()?).ok()?;
    let built = exe
        .modified()
        .ok()?
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?;
    field(&exe.len().to_le_bytes());
    field(&built.as_nanos().to_le_bytes());
    field(&[u8::from(drafts)]);

    let read = |path: &Path| match fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(err) if err.kind() == ErrorKind::NotFound => Some(b"(none)".to_vec()),
        Err(_) => None,
    };
    field(&read(&project.root.join(CONTENT_DIR).join(SETTINGS_FILE))?);
    for (name, path) in files_under(&project.theme_dir(), Some(project.canonical_root())).ok()? {
        field(name.as_bytes());
        field(&read(&path)?);
    }
    for layer in &project.layers {
        field(layer.as_bytes());
        field(&read(&project.layer_path(layer))?);
    }
    for site in sites {
        field(site.name.as_bytes());
        field(&read(&site.source)?);
        for (name, path) in files_under(&history_dir(project, &site.name), None).ok()? {
            field(name.as_bytes());
            field(&read(&path)?);
        }
    }
    Some(hash.digest())
}

/// What a cached build reports.
#[derive(Debug)]
pub struct Hit {
    pub pages: usize,
    /// The files the build made (output path, size).
    pub files: Vec<(String, u64)>,
    pub warnings: Vec<Diagnostic>,
}

/// The cache of `out_dir`, when it matches `fingerprint` and the files it lists are intact.
pub fn lookup(out_dir: &Path, fingerprint: u64) -> Option<Hit> {
    let path = out_dir.join(CACHE);
    let text = fs::read_to_string(&path).ok()?;
    let written = fs::metadata(&path).ok()?.modified().ok()?;
    let hit = parse(&text, fingerprint)?;
    let intact = |name: &str, size: Option<u64>| {
        fs::symlink_metadata(out_dir.join(name)).is_ok_and(|meta| {
            meta.is_file()
                && size.is_none_or(|size| meta.len() == size)
                && meta.modified().is_ok_and(|time| time <= written)
        })
    };
    let all_there = intact(MANIFEST, None)
        && hit
            .files
            .iter()
            .all(|(name, size)| intact(name, Some(*size)));
    all_there.then_some(hit)
}

/// The cache of a full build that made `files` and warned `warnings`, to be stored as
/// [`CACHE`]. Warnings that point into a source file cannot be kept; then there is no cache.
pub fn contents(
    fingerprint: u64,
    pages: usize,
    files: &[(String, u64)],
    warnings: &[Diagnostic],
) -> Option<String> {
    if warnings
        .iter()
        .any(|w| w.origin.is_some() || w.code.is_some() || w.severity != Severity::Warning)
    {
        return None;
    }
    let mut sorted: Vec<&(String, u64)> = files.iter().collect();
    sorted.sort();
    let mut text = format!("{HEADER}\nfingerprint {fingerprint:016x}\npages {pages}\n");
    for (name, size) in sorted {
        text.push_str(&format!("file {size} {name}\n"));
    }
    for warning in warnings {
        text.push_str(&format!("warning {}\n", escape(&warning.message)));
        if let Some(path) = &warning.path {
            text.push_str(&format!("path {}\n", escape(path)));
        }
        for note in &warning.notes {
            text.push_str(&format!("note {}\n", escape(note)));
        }
        for help in &warning.help {
            text.push_str(&format!("help {}\n", escape(help)));
        }
    }
    Some(text)
}

fn parse(text: &str, fingerprint: u64) -> Option<Hit> {
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    let found = lines.next()?.strip_prefix("fingerprint ")?;
    if u64::from_str_radix(found, 16).ok()? != fingerprint {
        return None;
    }
    let pages = lines.next()?.strip_prefix("pages ")?.parse().ok()?;
    let mut hit = Hit {
        pages,
        files: Vec::new(),
        warnings: Vec::new(),
    };
    for line in lines {
        let (tag, rest) = line.split_once(' ')?;
        match tag {
            "file" => {
                let (size, name) = rest.split_once(' ')?;
                hit.files.push((name.to_string(), size.parse().ok()?));
            }
            "warning" => hit.warnings.push(Diagnostic::warning(unescape(rest))),
            "path" => {
                let last = hit.warnings.last_mut()?;
                *last = last.clone().at_path(unescape(rest));
            }
            "note" => hit.warnings.last_mut()?.notes.push(unescape(rest)),
            "help" => hit.warnings.last_mut()?.help.push(unescape(rest)),
            _ => return None,
        }
    }
    Some(hit)
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\n', "\\n")
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_cache_reads_back_only_with_its_fingerprint_and_intact_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = &dir.path().join("site");
        fs::create_dir(out).unwrap();
        fs::write(out.join(MANIFEST), "a/index.html\n").unwrap();
        fs::create_dir(out.join("a")).unwrap();
        fs::write(out.join("a/index.html"), "<p>A</p>").unwrap();
        let warning = Diagnostic::warning("unreleased changes in a:\nrun it")
            .at_path("content/a/notice.toml")
            .note("1 change(s) \\ 0 material")
            .help("`notice diff` lists the changes");
        let files = [("a/index.html".to_string(), 8)];
        let text = contents(42, 1, &files, std::slice::from_ref(&warning)).unwrap();
        fs::write(out.join(CACHE), text).unwrap();

        let hit = lookup(out, 42).expect("a hit");
        assert_eq!(hit.pages, 1);
        assert_eq!(hit.files, files);
        assert_eq!(hit.warnings, [warning]);
        assert!(lookup(out, 43).is_none(), "another fingerprint");

        fs::write(out.join("a/index.html"), "<p>edited</p>").unwrap();
        assert!(lookup(out, 42).is_none(), "an output file changed");
        fs::remove_file(out.join("a/index.html")).unwrap();
        assert!(lookup(out, 42).is_none(), "an output file is gone");
    }
}
