//! Released versions: the frozen snapshot files under `content/<site>/history/`, their ids and order.

mod emit;
mod seal;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::de;
use crate::diagnostic::Diagnostic;
use crate::error::{Failure, FailureKind};
use crate::files::files_under;
use crate::load::LoadedSite;
use crate::model::{Date, Notice, Text};
use crate::project::Project;
use crate::source::{self, Node, Value};

pub(crate) use emit::string as toml_string;
pub use emit::{notice_table, snapshot_toml};

/// Folder beside a site's `notice.toml` that holds its released versions.
pub const HISTORY_DIR: &str = "history";

/// A version's id: its effective date, with `-2`, `-3`… for further releases on the same day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VersionId {
    /// The date the version takes effect.
    pub date: Date,
    /// 1 for the first release of the day; shown only from 2 on.
    pub sequence: u32,
}

impl VersionId {
    /// Reads `YYYY-MM-DD` or `YYYY-MM-DD-N` (N from 2 on, no leading zero).
    pub fn parse(text: &str) -> Option<VersionId> {
        let date = Date::parse(text.get(..10)?)?;
        let sequence = match &text[10..] {
            "" => 1,
            rest => {
                let digits = rest.strip_prefix('-')?;
                if digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                digits.parse().ok().filter(|n| *n >= 2)?
            }
        };
        Some(VersionId { date, sequence })
    }

    /// The next free id for a release effective on `date`, after `existing`.
    pub fn next_free(date: Date, existing: &[VersionId]) -> VersionId {
        let sequence = existing
            .iter()
            .filter(|id| id.date == date)
            .map(|id| id.sequence + 1)
            .max()
            .unwrap_or(1);
        VersionId { date, sequence }
    }
}

impl fmt::Display for VersionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sequence {
            1 => write!(f, "{}", self.date),
            n => write!(f, "{}-{n}", self.date),
        }
    }
}

/// The `[release]` table of a snapshot.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleaseInfo {
    /// The version id, as the file name has it.
    pub version: String,
    /// The date this version takes effect.
    pub effective: Date,
    /// What changed, in the releaser's words.
    pub summary: Option<Text>,
    /// The layers the site was merged from when it was released; for readers only.
    #[serde(default)]
    pub layers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SnapshotFile {
    release: ReleaseInfo,
    /// Typed on its own below, so the version's tree keeps its origins.
    #[allow(dead_code, reason = "only its presence is checked here")]
    notice: serde::de::IgnoredAny,
}

/// One released version, read back from its snapshot.
#[derive(Debug, Clone)]
pub struct Version {
    /// The id, from the file name.
    pub id: VersionId,
    /// The snapshot's `[release]` table.
    pub release: ReleaseInfo,
    /// The frozen notice, shaped like a freshly loaded site so the page renderer takes it as is.
    pub site: LoadedSite,
}

/// A site's released versions, oldest first.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Oldest first.
    pub versions: Vec<Version>,
}

impl History {
    /// The newest version, the one in force.
    pub fn latest(&self) -> Option<&Version> {
        self.versions.last()
    }

    /// Every version's id, oldest first.
    pub fn ids(&self) -> Vec<VersionId> {
        self.versions.iter().map(|v| v.id).collect()
    }
}

/// `content/<site>/history/`: where a site's released versions are kept.
pub fn history_dir(project: &Project, site: &str) -> PathBuf {
    project.content_dir().join(site).join(HISTORY_DIR)
}

/// Reads every snapshot of `site`. Files that are not `<version>.toml` are errors, so a typo
/// never silently drops a version from the change log.
pub fn load_history(project: &Project, site: &str) -> Result<History, Failure> {
    parse_history(project, site, read_history(project, site)?)
}

/// A snapshot file as read from disk, before it is parsed: the page cache keys on its text.
#[derive(Debug, Clone)]
pub struct SnapshotText {
    /// The version its file name gives.
    pub id: VersionId,
    /// The file.
    pub file: std::sync::Arc<source::SourceFile>,
}

/// The first half of [`load_history`]: every file of `site`'s history folder, read, in file
/// name order. A file that is misnamed or unreadable is its failure, kept in its place so
/// [`parse_history`] reports it with the others.
pub fn read_history(
    project: &Project,
    site: &str,
) -> Result<Vec<Result<SnapshotText, Failure>>, Failure> {
    let dir = history_dir(project, site);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut texts = Vec::new();
    for (name, path) in files_under(&dir, None)? {
        // Editors' swap files and an interrupted release's temporary file are not versions.
        if name.starts_with('.') || name.contains("/.") {
            continue;
        }
        texts.push(version_of_file(&name, &path).and_then(|id| {
            Ok(SnapshotText {
                id,
                file: project.read_source(&path)?,
            })
        }));
    }
    Ok(texts)
}

/// The second half of [`load_history`]: the files [`read_history`] read, parsed and checked.
pub fn parse_history(
    project: &Project,
    site: &str,
    texts: Vec<Result<SnapshotText, Failure>>,
) -> Result<History, Failure> {
    let mut versions = Vec::new();
    let mut failures = Vec::new();
    for text in texts {
        match text
            .and_then(|text| parse_version(&text.file, site, text.id, &project.settings.languages))
        {
            Ok(version) => versions.push(version),
            Err(failure) => failures.push(failure),
        }
    }
    if let Some(failure) = Failure::combine(failures) {
        return Err(failure);
    }
    versions.sort_by_key(|v| v.id);
    Ok(History { versions })
}

/// A snapshot file named on the command line, e.g. for `notice diff OLD NEW`. The site is the
/// folder that holds `history/`, or the file's own name when it lies elsewhere.
pub fn read_snapshot_file(path: &Path) -> Result<Version, Failure> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = version_of_file(&name, path)?;
    let site = path
        .parent()
        .filter(|dir| dir.file_name().is_some_and(|n| n == HISTORY_DIR))
        .and_then(Path::parent)
        .and_then(Path::file_name)
        .map_or_else(|| id.to_string(), |n| n.to_string_lossy().into_owned());
    let file = source::read(path, source::display_path(path))?;
    parse_version(&file, &site, id, &crate::model::Languages::default())
}

fn version_of_file(name: &str, path: &Path) -> Result<VersionId, Failure> {
    name.strip_suffix(".toml").and_then(VersionId::parse).ok_or_else(|| {
        Diagnostic::error(format!("`{name}` is not a snapshot file name"))
            .at_path(source::display_path(path))
            .note("snapshots are named `<YYYY-MM-DD>.toml` or `<YYYY-MM-DD>-<n>.toml` by `notice release`; the history folder holds nothing else")
            .help("move other files out of the history folder")
            .into()
    })
}

pub(crate) fn parse_version(
    file: &std::sync::Arc<source::SourceFile>,
    site: &str,
    id: VersionId,
    default_languages: &crate::model::Languages,
) -> Result<Version, Failure> {
    let mut root = source::parse(file)?;
    // A broken seal is reported with whatever else is wrong with the release table.
    let sealed = seal::verify(file, &mut root);
    let parsed: SnapshotFile = de::from_node(&root).map_err(|typing| {
        let mut failure = Failure::from(typing);
        failure.diagnostics.extend(sealed.clone().err());
        failure
    })?;
    let mut problems: Vec<Diagnostic> = sealed.err().into_iter().collect();
    problems.extend(release_problems(&root, &parsed.release, id));
    if !problems.is_empty() {
        return Err(Failure {
            kind: FailureKind::Data,
            diagnostics: problems,
        });
    }
    // Taken out of the parsed file, not cloned: a snapshot is 25 KB of text per version.
    let Value::Table(mut table) = root.value else {
        unreachable!("a TOML document is a table")
    };
    let notice_node: Node = table
        .shift_remove("notice")
        .expect("typed above: a snapshot has [notice]")
        .node;
    crate::merge::validate_ids(&notice_node, "")?;
    let notice: Notice = de::from_node(&notice_node)?;
    let languages = notice
        .languages
        .as_ref()
        .unwrap_or(default_languages)
        .to_vec();
    Ok(Version {
        id,
        site: LoadedSite {
            name: site.to_string(),
            layers: parsed.release.layers.clone(),
            merged: notice_node,
            notice,
            languages,
        },
        release: parsed.release,
    })
}

/// A version's id is its file name and the date it takes effect: `[release]` must agree with
/// both, or the change log would list it under another version or out of order.
fn release_problems(root: &Node, release: &ReleaseInfo, id: VersionId) -> Vec<Diagnostic> {
    let at = |key: &str| {
        source::find_origin(root, &["release", key]).unwrap_or_else(|| root.origin.clone())
    };
    let mut problems = Vec::new();
    if release.version != id.to_string() {
        problems.push(
            Diagnostic::error(format!(
                "snapshot `{id}.toml` says it is version `{}`",
                release.version
            ))
            .at(&at("version"))
            .help(format!(
                "a snapshot's file name is its version: name the file `{}.toml` again, or restore `version = \"{id}\"` (snapshots are never edited by hand)",
                release.version
            )),
        );
    }
    if release.effective != id.date {
        problems.push(
            Diagnostic::error(format!(
                "version `{id}` says it takes effect on {}, not on {}",
                release.effective, id.date
            ))
            .at(&at("effective"))
            .note("a version's id is the date it takes effect, and the change log is ordered by it")
            .help(format!(
                "restore `effective = {}`; to change when the notice takes effect, release a new version with `notice release --effective YYYY-MM-DD`",
                id.date
            )),
        );
    }
    problems
}

/// Today's date in UTC, the default effective date of a release. Only the `release` command
/// reads the clock: no rendered output ever depends on it.
pub fn today_utc() -> Date {
    // A clock outside jiff's years -9999 to 9999 is broken; it counts as the epoch.
    let now = jiff::Timestamp::try_from(std::time::SystemTime::now())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    date_in_utc(now)
}

/// The calendar date in UTC of an instant. A clock set before the year 1 has no [`Date`]; it
/// gives 1970-01-01.
fn date_in_utc(instant: jiff::Timestamp) -> Date {
    let date = jiff::tz::Offset::UTC.to_datetime(instant).date();
    Date::from_civil(date).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_ids_parse_print_and_order() {
        let first = VersionId::parse("2025-12-01").unwrap();
        let second = VersionId::parse("2025-12-01-2").unwrap();
        let tenth = VersionId::parse("2025-12-01-10").unwrap();
        assert_eq!(first.to_string(), "2025-12-01");
        assert_eq!(tenth.to_string(), "2025-12-01-10");
        assert!(first < second && second < tenth);
        assert!(tenth < VersionId::parse("2025-12-02").unwrap());
        for bad in [
            "2025-12-01-1",
            "2025-12-01-02",
            "2025-12-01-",
            "2025-12-01x",
            "2025-13-01",
            "latest",
        ] {
            assert_eq!(VersionId::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn next_free_id_suffixes_collisions() {
        let date = Date::parse("2025-12-01").unwrap();
        assert_eq!(VersionId::next_free(date, &[]).to_string(), "2025-12-01");
        let taken = [
            VersionId::parse("2025-12-01").unwrap(),
            VersionId::parse("2025-12-01-2").unwrap(),
        ];
        assert_eq!(
            VersionId::next_free(date, &taken).to_string(),
            "2025-12-01-3"
        );
    }

    #[test]
    fn the_date_of_an_instant_is_its_utc_day() {
        let at =
            |second: i64| date_in_utc(jiff::Timestamp::from_second(second).unwrap()).to_string();
        const DAY: i64 = 86_400;
        assert_eq!(at(0), "1970-01-01");
        assert_eq!(at(19_723 * DAY), "2024-01-01");
        assert_eq!(at(19_782 * DAY), "2024-02-29");
        assert_eq!(at(20_423 * DAY), "2025-12-01");
        // The last second of a day, and before 1970.
        assert_eq!(at(20_424 * DAY - 1), "2025-12-01");
        assert_eq!(at(-1), "1969-12-31");
        // Before the year 1, which a Date cannot hold.
        assert_eq!(at(-62_135_596_801), "1970-01-01");
        assert_eq!(at(-62_135_596_800), "0001-01-01");
    }
}
