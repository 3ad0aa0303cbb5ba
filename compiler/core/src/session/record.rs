//! What a session remembers of each site between rebuilds: enough to tell which of a new
//! render's files changed, without the rendered bytes themselves.

use std::collections::{BTreeMap, BTreeSet};

use crate::build::BuiltSite;
use crate::diagnostic::Diagnostic;
use crate::render::IndexSite;

/// A file's length and 64-bit hash: equal fingerprints stand for equal bytes. Sixteen bytes
/// per file instead of the page itself keeps a session of thousands of sites small; a false
/// match (a changed file left unwritten) needs two different pages of one path with the same
/// length and XXH3 hash, which no edit is expected to produce. XXH3, not SipHash: the first
/// build fingerprints every file of the project, hundreds of MB at 1,000 full sites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fingerprint {
    len: u64,
    hash: u64,
}

impl Fingerprint {
    pub(super) fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint {
            len: bytes.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_64(bytes),
        }
    }
}

/// Output path → fingerprint.
pub(super) type Fingerprints = BTreeMap<String, Fingerprint>;

/// The last good render of a site, as a rebuild needs it.
pub(super) struct SiteRecord {
    /// The site as the index page lists it.
    pub(super) index: IndexSite,
    /// The layers its sources were merged from: a layer edit re-renders the sites naming it.
    pub(super) layers: Vec<String>,
    /// Its files on disk.
    pub(super) files: Fingerprints,
}

/// A site just rendered: its record, and each file's bytes until they are written or found
/// unchanged.
pub(super) struct Fresh {
    pub(super) record: SiteRecord,
    /// `(path, bytes)` in the order the site rendered them.
    pub(super) files: Vec<(String, Vec<u8>)>,
    pub(super) warning: Option<Diagnostic>,
}

impl Fresh {
    /// Fingerprints the files of `built`; runs on the render's worker thread.
    pub(super) fn of(built: BuiltSite) -> Fresh {
        let files = built.output.files;
        Fresh {
            record: SiteRecord {
                index: built.index,
                layers: built.layers,
                files: fingerprints(&files),
            },
            files,
            warning: built.warning,
        }
    }
}

/// What a rebuild changes on disk, worked out before anything is touched.
#[derive(Default)]
pub(super) struct Changes {
    pub(super) writes: BTreeMap<String, Vec<u8>>,
    pub(super) removals: BTreeSet<String>,
    /// A written path that no earlier render of the session made: the manifest grows.
    pub(super) added: bool,
}

impl Changes {
    /// Notes which of `new` files differ from the `old` fingerprints, and which old files
    /// `new` no longer has.
    pub(super) fn files(&mut self, old: &Fingerprints, new: Vec<(String, Vec<u8>)>) {
        let mut kept = BTreeSet::new();
        for (path, bytes) in new {
            match old.get(&path) {
                Some(seen) if *seen == Fingerprint::of(&bytes) => {}
                seen => {
                    self.added |= seen.is_none();
                    self.writes.insert(path.clone(), bytes);
                }
            }
            kept.insert(path);
        }
        self.removals
            .extend(old.keys().filter(|path| !kept.contains(*path)).cloned());
    }

    /// Every file of a site that is gone.
    pub(super) fn gone(&mut self, old: &Fingerprints) {
        self.removals.extend(old.keys().cloned());
    }

    /// Makes sure nothing written is also removed (a file moving from one owner to another).
    pub(super) fn settle(&mut self) {
        for path in self.writes.keys() {
            self.removals.remove(path);
        }
    }
}

/// Fingerprints of `(path, bytes)` files.
pub(super) fn fingerprints(files: &[(String, Vec<u8>)]) -> Fingerprints {
    files
        .iter()
        .map(|(path, bytes)| (path.clone(), Fingerprint::of(bytes)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> (String, Vec<u8>) {
        (path.to_string(), text.as_bytes().to_vec())
    }

    #[test]
    fn fingerprints_tell_bytes_apart() {
        assert_eq!(Fingerprint::of(b"abc"), Fingerprint::of(b"abc"));
        assert_ne!(Fingerprint::of(b"abc"), Fingerprint::of(b"abd"));
        assert_ne!(Fingerprint::of(b""), Fingerprint::of(b"\0"));
    }

    #[test]
    fn only_changed_and_new_files_are_written_and_vanished_ones_removed() {
        let old = fingerprints(&[
            file("a/index.html", "same"),
            file("a/en/index.html", "old"),
            file("a/feed.xml", "going"),
        ]);
        let mut changes = Changes::default();
        changes.files(
            &old,
            vec![
                file("a/index.html", "same"),
                file("a/en/index.html", "new"),
                file("a/sv/index.html", "fresh"),
            ],
        );
        let written: Vec<&str> = changes.writes.keys().map(String::as_str).collect();
        assert_eq!(written, ["a/en/index.html", "a/sv/index.html"]);
        assert_eq!(changes.writes["a/en/index.html"], b"new");
        let removed: Vec<&str> = changes.removals.iter().map(String::as_str).collect();
        assert_eq!(removed, ["a/feed.xml"]);
        assert!(changes.added, "a/sv/index.html is new");
    }

    #[test]
    fn rewriting_known_files_does_not_grow_the_manifest() {
        let old = fingerprints(&[file("a/index.html", "old")]);
        let mut changes = Changes::default();
        changes.files(&old, vec![file("a/index.html", "new")]);
        assert!(!changes.added);
        assert!(changes.removals.is_empty());
    }
}
