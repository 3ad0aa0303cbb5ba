//! `notice release`: freezes sites' effective notices into new snapshots, never overwriting one.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{History, ReleaseInfo, VersionId, history_dir, load_history, snapshot_toml, today_utc};
use crate::build::select_sites;
use crate::diagnostic::Diagnostic;
use crate::diff::{self, Side};
use crate::error::{Failure, FailureKind, io_error};
use crate::load::{Layers, LoadedSite, load_site};
use crate::model::{Date, Text};
use crate::project::Project;
use crate::render::{self, Theme};
use crate::source::display_path;

#[derive(Debug, Clone)]
pub struct ReleaseOptions {
    pub root: PathBuf,
    /// The sites to release; with `all`, every site with unreleased changes.
    pub sites: Vec<String>,
    pub all: bool,
    /// When the new version takes effect; today (UTC) when not given.
    pub effective: Option<Date>,
    pub summary: Option<Text>,
}

#[derive(Debug)]
pub struct Released {
    pub site: String,
    pub version: VersionId,
    pub path: PathBuf,
    /// Changes since the previous version; `None` for a first release.
    pub changes: Option<Vec<diff::Change>>,
}

#[derive(Debug, Default)]
pub struct ReleaseReport {
    pub released: Vec<Released>,
    /// Sites skipped by `--all` because nothing changed since their latest version.
    pub unchanged: Vec<String>,
}

pub fn release(options: &ReleaseOptions) -> Result<ReleaseReport, Failure> {
    let project = Project::open(&options.root)?;
    if options.all != options.sites.is_empty() {
        return Err(Failure::usage(
            Diagnostic::error("name the sites to release, or pass `--all`, not both")
                .help("`notice release kahvila-aurinko` or `notice release --all`"),
        ));
    }
    let entries = select_sites(&project, &options.sites)?;
    let theme = Theme::load(&project)?;
    let layers = Layers::load(&project);
    let effective = options.effective.unwrap_or_else(today_utc);

    // Everything is checked before anything is written, so one bad site releases nothing.
    let mut pending = Vec::new();
    let mut report = ReleaseReport::default();
    let mut failures = Vec::new();
    for entry in &entries {
        let prepared = load_site(&project, &layers, entry).and_then(|site| {
            // A version that cannot be published must not be released.
            render::render_notice(
                &project,
                &theme,
                &render::NoticePage {
                    site: &site,
                    status: render::Status::Unreleased,
                    current_languages: &site.languages,
                    change_log: false,
                },
            )?;
            let history = load_history(&project, &site.name)?;
            Ok((site, history))
        });
        match prepared {
            Ok((site, history)) => match changes_since_latest(&site, &history) {
                Some(changes) if changes.is_empty() => {
                    if !options.all {
                        let latest = history.latest().expect("changes imply a version").id;
                        failures.push(Failure::new(
                            FailureKind::Findings,
                            Diagnostic::error(format!(
                                "nothing to release: `{}` has not changed since version {latest}",
                                site.name
                            ))
                            .at_path(display_path(&entry.source))
                            .help("edit the sources first; `notice diff` shows what changed"),
                        ));
                    }
                    report.unchanged.push(site.name.clone());
                }
                changes => match plan(&project, &site, &history, effective, options) {
                    Ok(planned) => pending.push((site.name.clone(), planned, changes)),
                    Err(failure) => failures.push(failure),
                },
            },
            Err(failure) => failures.push(failure),
        }
    }
    if let Some(failure) = Failure::combine(failures) {
        return Err(failure);
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

/// The changes since the latest version, or `None` when the site has never been released.
pub fn changes_since_latest(site: &LoadedSite, history: &History) -> Option<Vec<diff::Change>> {
    let latest = history.latest()?;
    Some(diff::diff(
        Side {
            notice: &latest.site.notice,
            languages: &latest.site.languages,
        },
        Side {
            notice: &site.notice,
            languages: &site.languages,
        },
    ))
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
    let version = super::parse_version(&file, &site.name, id, &crate::model::Languages::default())?;
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
