//! The page cache: the files a site renders from its released versions, kept between builds in
//! a folder of their own and found again by a hash of everything they were made from.
//!
//! Released versions never change, so a site's current page, archived versions, change log
//! and feed depend only on its snapshot files, the project settings, the theme and this
//! program. A non-draft build that finds an entry under the hash of those takes the files from
//! it instead of parsing the snapshots and rendering them, which is most of a full build's
//! work. The sources are still loaded, for the unreleased-changes warning: when they emit the
//! same `[notice]` table as the latest version, nothing is unreleased; otherwise that version
//! is parsed and compared as without a cache.
//!
//! An entry is written to a temporary file and renamed into place, so a killed build, or two
//! at once, never leave half an entry, and one that does not read back whole is a miss. A full
//! build deletes the entries it did not use, so the folder holds one build's worth; it deletes
//! nothing else, and the guard only lets notice use an empty folder or one it tagged. The cache
//! only ever saves work: without it the output is the same, byte for byte.

mod entry;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fs;
use std::io::Write as _;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, SystemTime};

use xxhash_rust::xxh3::Xxh3;

use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::history::{SnapshotText, notice_table};
use crate::load::LoadedSite;
use crate::origin::display_path;
use crate::output::CacheDir;
use crate::output::guard::{CACHE_TAG, CACHE_TAG_TEXT};
use crate::project::Project;
use crate::render::site::SiteOutput;
use crate::render::{IndexSite, Theme};
pub(crate) use entry::Entry;

/// An entry's file name ends so; nothing else in the folder is ever read or deleted as one.
const EXTENSION: &str = "pages";
/// Temporary files start so; one older than this was left by a killed build.
const TEMPORARY: &str = ".tmp-";
const STALE_TEMPORARY: Duration = Duration::from_secs(3600);

/// An open page cache, shared by the threads of one build.
pub struct PageCache {
    dir: CacheDir,
    /// The hash of the settings and the theme: what every page depends on besides the program
    /// and the site's snapshots.
    project: u128,
    /// `project` with this program's bytes, read when the first site with released versions
    /// needs a key; `None` when the program cannot be read, and nothing is cached.
    salt: OnceLock<Option<u128>>,
    /// Whether the folder exists and is tagged, made when the first entry is stored.
    ready: OnceLock<Result<(), String>>,
    /// The entries this build read or wrote, by file name: the ones a full build keeps.
    used: Mutex<BTreeSet<String>>,
    /// The first thing that went wrong; the build reports it once, as a warning.
    trouble: Mutex<Option<Diagnostic>>,
}

impl PageCache {
    /// The cache in `dir`, for a build of `project` with `theme`. Nothing is read or made on
    /// disk until a site with released versions asks for its pages.
    pub fn new(dir: CacheDir, project: &Project, theme: &Theme) -> PageCache {
        let mut hash = Xxh3::new();
        field(&mut hash, entry::MAGIC);
        field(&mut hash, format!("{:?}", project.settings).as_bytes());
        theme.hash_into(&mut |bytes| field(&mut hash, bytes));
        PageCache {
            dir,
            project: hash.digest128(),
            salt: OnceLock::new(),
            ready: OnceLock::new(),
            used: Mutex::default(),
            trouble: Mutex::default(),
        }
    }

    /// The program's bytes, not its version, are in every key: a rebuilt binary never trusts
    /// an older one's pages, and an identical one (a cached CI build) trusts them all.
    fn salt(&self) -> Option<u128> {
        *self.salt.get_or_init(|| {
            let program = std::env::current_exe().and_then(fs::read);
            match program {
                Ok(program) => {
                    let mut hash = Xxh3::new();
                    field(&mut hash, &self.project.to_le_bytes());
                    field(&mut hash, &program);
                    Some(hash.digest128())
                }
                Err(err) => {
                    self.report(format!(
                        "cannot read this program to key the page cache: {err}"
                    ));
                    None
                }
            }
        })
    }

    /// Makes and tags the folder, once.
    fn ready(&self) -> Result<(), String> {
        self.ready
            .get_or_init(|| {
                let path = self.dir.path();
                fs::create_dir_all(path).map_err(|err| err.to_string())?;
                let tag = path.join(CACHE_TAG);
                if fs::read_to_string(&tag).ok().as_deref() != Some(CACHE_TAG_TEXT) {
                    fs::write(&tag, CACHE_TAG_TEXT).map_err(|err| err.to_string())?;
                    // Git ignores the folder wherever it lies.
                    fs::write(
                        path.join(".gitignore"),
                        "# Made by notice: its page cache is never committed.\n*\n",
                    )
                    .map_err(|err| err.to_string())?;
                }
                Ok(())
            })
            .clone()
    }

    /// The key of `site`'s pages, when all its snapshot files were read and there is at least
    /// one: anything else is built without the cache, and its failures reported as usual.
    pub fn key(&self, site: &str, snapshots: &[Result<SnapshotText, Failure>]) -> Option<u128> {
        if snapshots.is_empty() {
            return None;
        }
        let salt = self.salt()?;
        let mut hash = Xxh3::new();
        field(&mut hash, &salt.to_le_bytes());
        field(&mut hash, site.as_bytes());
        for snapshot in snapshots {
            let snapshot = snapshot.as_ref().ok()?;
            field(&mut hash, snapshot.id.to_string().as_bytes());
            field(&mut hash, snapshot.file.text.as_bytes());
        }
        Some(hash.digest128())
    }

    /// The entry stored under `key`, if there is a whole one.
    pub(crate) fn lookup(&self, key: u128) -> Option<Entry<'static>> {
        let name = file_name(key);
        let data = fs::read(self.dir.path().join(&name)).ok()?;
        let found = entry::decode(key, &data)?;
        self.used().insert(name);
        Some(found)
    }

    /// Stores what a site rendered under `key`, with the `[notice]` table of its latest
    /// version. A failure to write never fails the build: it is reported once, as a warning.
    pub(crate) fn store(
        &self,
        key: u128,
        index: &IndexSite,
        output: &SiteOutput,
        latest: &LoadedSite,
    ) {
        let name = file_name(key);
        let bytes = entry::encode(
            key,
            &Entry {
                latest_table: table_hash(latest),
                index: index.clone(),
                pages: output.pages,
                files: Cow::Borrowed(&output.files),
            },
        );
        let dir = self.dir.path();
        let written = self.ready().and_then(|()| {
            let mut file = tempfile::Builder::new()
                .prefix(TEMPORARY)
                .tempfile_in(dir)
                .map_err(|err| err.to_string())?;
            file.write_all(&bytes).map_err(|err| err.to_string())?;
            file.persist(dir.join(&name))
                .map_err(|err| err.error.to_string())?;
            Ok(())
        });
        match written {
            Ok(()) => {
                self.used().insert(name);
            }
            Err(err) => self.report(format!("cannot write the page cache: {err}")),
        }
    }

    fn report(&self, message: String) {
        let mut trouble = self.trouble.lock().unwrap_or_else(|e| e.into_inner());
        trouble.get_or_insert_with(|| {
            Diagnostic::warning(message)
                .at_path(display_path(self.dir.shown()))
                .note("the build is complete; the next one renders these pages again")
                .help("make the folder writable, choose another with `--cache-dir`, or pass `--no-cache`")
        });
    }

    /// Deletes the entries this build did not use, and temporary files left by killed builds.
    /// Only after a full build: a `--site` build uses a few entries and speaks for no others.
    pub(crate) fn prune(&self) {
        let used = self.used();
        let Ok(listing) = fs::read_dir(self.dir.path()) else {
            return;
        };
        for item in listing.flatten() {
            let name = item.file_name().to_string_lossy().into_owned();
            let stale = if name.starts_with(TEMPORARY) {
                item.metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|at| at + STALE_TEMPORARY < SystemTime::now())
            } else {
                is_entry_name(&name) && !used.contains(&name)
            };
            if stale {
                // Another build may have removed it first; that is the same outcome.
                let _ = fs::remove_file(item.path());
            }
        }
    }

    /// The warning for an entry that could not be written, if one could not.
    pub fn take_warning(&self) -> Option<Diagnostic> {
        self.trouble
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }

    fn used(&self) -> std::sync::MutexGuard<'_, BTreeSet<String>> {
        // A thread that panicked while holding it left a set that is still a set.
        self.used.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The hash of the `[notice]` table a snapshot of `site` would have.
pub(crate) fn table_hash(site: &LoadedSite) -> u128 {
    xxhash_rust::xxh3::xxh3_128(notice_table(site).as_bytes())
}

/// Each field with its length first, so no two different sequences hash alike by running
/// into each other. The build cache's fingerprint hashes its inputs the same way.
pub(crate) fn field(hash: &mut Xxh3, bytes: &[u8]) {
    hash.update(&(bytes.len() as u64).to_le_bytes());
    hash.update(bytes);
}

fn file_name(key: u128) -> String {
    format!("{key:032x}.{EXTENSION}")
}

fn is_entry_name(name: &str) -> bool {
    name.strip_suffix(EXTENSION)
        .and_then(|stem| stem.strip_suffix('.'))
        .is_some_and(|hex| hex.len() == 32 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hex_keyed_files_are_entries() {
        assert!(is_entry_name(&file_name(u128::MAX)));
        assert!(is_entry_name(&file_name(7)));
        for other in [
            "CACHEDIR.TAG",
            ".gitignore",
            "notes.pages",
            "0123.pages",
            ".tmp-abc",
            &format!("{}x", file_name(7)),
        ] {
            assert!(!is_entry_name(other), "{other}");
        }
    }
}
