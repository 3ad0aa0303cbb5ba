//! Releasing: freezes sites' effective notices into new snapshots, never overwriting one.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::diff::{self, changes_since_latest};
use crate::error::{Failure, FailureKind, io_error};
use crate::history::{
    History, ReleaseInfo, VersionId, history_dir, parse_version, snapshot_toml, today_utc,
};
use crate::load::LoadedSite;
use crate::model::{Date, Text};
use crate::project::{Project, SiteEntry};
use crate::render::{self, Theme};
use crate::source::display_path;
use crate::workspace::Workspace;

/// What to release.
#[derive(Debug, Clone)]
pub struct ReleaseOptions {
    /// The sites to release; with `all`, every site with unreleased changes.
    pub sites: Vec<String>,
    /// Release every site with unreleased changes instead of `sites`.
    pub all: bool,
    /// When the new version takes effect; today (UTC) when not given.
    pub effective: Option<Date>,
    /// What changed, for the change log's readers.
    pub summary: Option<Text>,
}

#[derive(Debug)]
/// One new version.
pub struct Released {
    /// The site released.
    pub site: String,
    /// The new version's id.
    pub version: VersionId,
    /// The snapshot file written.
    pub path: PathBuf,
    /// Changes since the previous version; `None` for a first release.
    pub changes: Option<Vec<diff::Change>>,
}

#[derive(Debug, Default)]
/// What a release did.
pub struct ReleaseReport {
    /// The versions written, by site name.
    pub released: Vec<Released>,
    /// Sites skipped by `--all` because nothing changed since their latest version.
    pub unchanged: Vec<String>,
}

/// Freezes the effective notice of each selected site with changes into a new snapshot in
/// `content/<site>/history/`. Every site is loaded, rendered and planned before anything is
/// written, so one bad site releases nothing.
pub fn release(workspace: &Workspace, options: &ReleaseOptions) -> Result<ReleaseReport, Failure> {
    if options.all != options.sites.is_empty() {
        return Err(Failure::usage(
            Diagnostic::error("name the sites to release, or pass `--all`, not both")
                .help("`notice release kahvila-aurinko` or `notice release --all`"),
        ));
    }
    let project = workspace.project();
    let entries = workspace.select(&options.sites)?;
    let theme = Theme::load(project)?;
    let effective = options.effective.unwrap_or_else(today_utc);
    let (prepared, failure) = workspace.each_site(&entries, |entry, site| {
        prepare(workspace, &theme, entry, site, effective, options)
    });
    if let Some(failure) = failure {
        return Err(failure);
    }
    let mut report = ReleaseReport::default();
    let mut pending = Vec::new();
    for prepared in prepared {
        match prepared {
            Prepared::Unchanged(site) => report.unchanged.push(site),
            Prepared::Planned(site, planned, changes) => pending.push((site, planned, changes)),
        }
    }
    if pending.is_empty() {
        return Err(Failure::new(
            FailureKind::Findings,
            Diagnostic::error("nothing to release: every site matches its latest version")
                .help("edit the sources first; `notice diff` shows what changed"),
        ));
    }
    for (site, planned, changes) in pending {
        write_new(&planned.path, &planned.text)?;
        report.released.push(Released {
            site,
            version: planned.id,
            path: planned.path,
            changes,
        });
    }
    Ok(report)
}

/// What a site contributes to a release.
enum Prepared {
    /// Skipped by `--all`: nothing changed since its latest version.
    Unchanged(String),
    /// A snapshot to write, with the changes since the previous version.
    Planned(String, Planned, Option<Vec<diff::Change>>),
}

/// Checks that a site can be published and plans its snapshot.
fn prepare(
    workspace: &Workspace,
    theme: &Theme,
    entry: &SiteEntry,
    site: LoadedSite,
    effective: Date,
    options: &ReleaseOptions,
) -> Result<Prepared, Failure> {
    let project = workspace.project();
    // A version that cannot be published must not be released.
    render::render_notice(
        project,
        theme,
        &render::NoticePage {
            site: &site,
            status: render::Status::Unreleased,
            current_languages: &site.languages,
            change_log: false,
        },
    )?;
    let history = workspace.history(&site.name)?;
    match changes_since_latest(&site, &history) {
        Some(changes) if changes.is_empty() => {
            if options.all {
                return Ok(Prepared::Unchanged(site.name));
            }
            let latest = history.latest().expect("changes imply a version").id;
            Err(Failure::new(
                FailureKind::Findings,
                Diagnostic::error(format!(
                    "nothing to release: `{}` has not changed since version {latest}",
                    site.name
                ))
                .at_path(display_path(&entry.source))
                .help("edit the sources first; `notice diff` shows what changed"),
            ))
        }
        changes => {
            let planned = plan(project, &site, &history, effective, options)?;
            Ok(Prepared::Planned(site.name, planned, changes))
        }
    }
}

struct Planned {
    id: VersionId,
    path: PathBuf,
    text: String,
}

fn plan(
    project: &Project,
    site: &LoadedSite,
    history: &History,
    effective: Date,
    options: &ReleaseOptions,
) -> Result<Planned, Failure> {
    if let Some(latest) = history.latest().filter(|latest| effective < latest.id.date) {
        return Err(Failure::usage(
            Diagnostic::error(format!(
                "`{}` would take effect on {effective}, before its latest version {} ({})",
                site.name, latest.id, latest.release.effective
            ))
            .help(format!("pass `--effective {}` or later", latest.id.date)),
        ));
    }
    let id = VersionId::next_free(effective, &history.ids());
    let release = ReleaseInfo {
        version: id.to_string(),
        effective,
        summary: options.summary.clone(),
        layers: site.layers.clone(),
    };
    let text = snapshot_toml(site, &release);
    let path = history_dir(project, &site.name).join(format!("{id}.toml"));
    verify_round_trip(site, &text, &path, id)?;
    Ok(Planned { id, path, text })
}

/// Reads the snapshot back before it is written: it must describe exactly the notice it froze.
fn verify_round_trip(
    site: &LoadedSite,
    text: &str,
    path: &Path,
    id: VersionId,
) -> Result<(), Failure> {
    let file = crate::source::SourceFile::new(display_path(path), text.to_string());
    let version = parse_version(&file, &site.name, id, &crate::model::Languages::default())?;
    // The snapshot writes the languages out even when the site inherits them from the project.
    let without_languages = |notice: &crate::model::Notice| crate::model::Notice {
        languages: None,
        ..notice.clone()
    };
    if without_languages(&version.site.notice) == without_languages(&site.notice)
        && version.site.languages == site.languages
    {
        return Ok(());
    }
    Err(Diagnostic::error(format!(
        "internal error: the snapshot of `{}` does not read back as the notice it froze; nothing was written",
        site.name
    ))
    .at_path(display_path(path))
    .help("please report this with the site's sources")
    .into())
}

/// Writes a new file that must not exist: written to a temporary name, then hard-linked into
/// place, which fails instead of replacing an existing snapshot.
fn write_new(path: &Path, text: &str) -> Result<(), Failure> {
    let dir = path.parent().expect("snapshot paths have a folder");
    std::fs::create_dir_all(dir).map_err(|err| io_error("create folder", dir, &err))?;
    let temp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name().expect("file name").to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|err| io_error("create file", &temp, &err))?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|err| io_error("write file", &temp, &err))?;
        std::fs::hard_link(&temp, path).map_err(|err| {
            if err.kind() == std::io::ErrorKind::AlreadyExists {
                Failure::usage(
                    Diagnostic::error("refusing to overwrite a released version")
                        .at_path(display_path(path))
                        .help(
                            "released versions are never changed; release again to make a new one",
                        ),
                )
            } else {
                io_error("create file", path, &err)
            }
        })
    })();
    let _ = std::fs::remove_file(&temp);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_new_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history/2025-06-01.toml");
        write_new(&path, "first").unwrap();
        let err = write_new(&path, "second").unwrap_err();
        assert_eq!(err.kind, FailureKind::Usage);
        assert_eq!(
            err.diagnostics[0].message,
            "refusing to overwrite a released version"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        let left: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(left.len(), 1, "the temporary file is cleaned up");
    }
}
