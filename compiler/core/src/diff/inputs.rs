//! What `notice diff` compares: the effective notices of a project's sources, of one snapshot
//! file, or of the project at a git revision.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

use super::report::{SiteDiff, SiteStatus};
use super::{Side, diff};
use crate::diagnostic::Diagnostic;
use crate::error::{Failure, FailureKind, io_error};
use crate::history;
use crate::load::{Layers, LoadedSite, load_site};
use crate::model::{Controller, Intros, Notice};
use crate::project::Project;
use crate::source::display_path;

/// Effective notices by site name.
pub type Sites = BTreeMap<String, LoadedSite>;

/// A diff input given on the command line: a project root or a snapshot file.
pub fn load_path(path: &Path) -> Result<Sites, Failure> {
    if path.is_file() {
        let version = history::read_snapshot_file(path)?;
        return Ok(Sites::from([(version.site.name.clone(), version.site)]));
    }
    if path.is_dir() {
        return load_project(path);
    }
    Err(Failure::usage(
        Diagnostic::error("no such project or snapshot")
            .at_path(display_path(path))
            .help("give a project root (the directory holding content/) or a snapshot file from content/<site>/history/"),
    ))
}

/// Every site of the project at `root`, from its sources.
pub fn load_project(root: &Path) -> Result<Sites, Failure> {
    let project = Project::open(root)?;
    let layers = Layers::load(&project);
    let mut sites = Sites::new();
    let mut failures = Vec::new();
    for entry in &project.sites {
        match load_site(&project, &layers, entry) {
            Ok(site) => {
                sites.insert(site.name.clone(), site);
            }
            Err(failure) => failures.push(failure),
        }
    }
    match Failure::combine(failures) {
        Some(failure) => Err(failure),
        None => Ok(sites),
    }
}

/// The project at `root` as it was at git revision `rev`: its `content/` is exported into a
/// temporary directory and loaded from there. A revision without
/// `content/` has no sites, so everything in the working tree shows as new.
pub fn load_revision(root: &Path, rev: &str) -> Result<Sites, Failure> {
    let git_failure = |message: String, help: &str| {
        Failure::usage(
            Diagnostic::error(message)
                .at_path(display_path(root))
                .help(help.to_string()),
        )
    };
    let commit = git(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|detail| {
        git_failure(
            format!("`{rev}` is not a commit in this repository{detail}"),
            "give a branch, tag or commit, like `--base origin/main` or `--base HEAD~1`",
        )
    })?;
    let prefix = git(root, &["rev-parse", "--show-prefix"]).map_err(|detail| {
        git_failure(
            format!("cannot read the git repository{detail}"),
            "run `notice diff --base` inside a git work tree",
        )
    })?;
    let content = format!("{prefix}{}", crate::project::CONTENT_DIR);
    if git(root, &["cat-file", "-e", &format!("{commit}:{content}")]).is_err() {
        return Ok(Sites::new());
    }
    let temp = tempfile::Builder::new()
        .prefix("notice-base-")
        .tempdir()
        .map_err(|err| io_error("create a temporary directory", &std::env::temp_dir(), &err))?;
    export(root, &commit, &content, temp.path())?;
    let project_root = temp.path().join(&prefix);
    load_project(&project_root).map_err(|mut failure| {
        for diagnostic in &mut failure.diagnostics {
            diagnostic
                .notes
                .push(format!("in the project as of `{rev}` ({commit:.12})"));
        }
        failure
    })
}

/// Runs git in `dir` and returns its trimmed output, or its error text.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|err| format!(": cannot run git: {err}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr).trim().to_string();
        Err(if stderr.is_empty() {
            String::new()
        } else {
            format!(": {stderr}")
        })
    }
}

/// `git archive <commit> <path> | tar -x`, without a shell.
fn export(root: &Path, commit: &str, path: &str, into: &Path) -> Result<(), Failure> {
    let failed = |what: String| {
        Failure::new(
            FailureKind::Io,
            Diagnostic::error(format!("cannot export `{path}` at {commit:.12}: {what}"))
                .at_path(display_path(root)),
        )
    };
    let mut archive = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["archive", "--format=tar", commit, "--", path])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| failed(format!("cannot run git: {err}")))?;
    let stdout = archive.stdout.take().expect("piped");
    let untar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(into)
        .stdin(stdout)
        .output()
        .map_err(|err| failed(format!("cannot run tar: {err}")))?;
    let archived = archive
        .wait_with_output()
        .map_err(|err| failed(err.to_string()))?;
    if !archived.status.success() {
        return Err(failed(
            String::from_utf8_lossy(&archived.stderr).trim().to_string(),
        ));
    }
    if !untar.status.success() {
        return Err(failed(
            String::from_utf8_lossy(&untar.stderr).trim().to_string(),
        ));
    }
    Ok(())
}

/// Compares two sets of sites by name; `only` limits the comparison to some sites.
pub fn compare(old: &Sites, new: &Sites, only: &[String]) -> Vec<SiteDiff> {
    let empty = empty_notice();
    let mut names: Vec<&String> = old.keys().chain(new.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|name| only.is_empty() || only.contains(name))
        .filter_map(|name| match (old.get(name), new.get(name)) {
            (Some(o), Some(n)) => {
                site_diff(name, SiteStatus::Changed, side(o), side(n), &n.languages)
            }
            (None, Some(n)) => site_diff(
                name,
                SiteStatus::Added,
                Side {
                    notice: &empty,
                    languages: &n.languages,
                },
                side(n),
                &n.languages,
            ),
            (Some(o), None) => Some(SiteDiff {
                site: name.clone(),
                status: SiteStatus::Removed,
                languages: o.languages.clone(),
                changes: Vec::new(),
            }),
            (None, None) => None,
        })
        .collect()
}

/// Compares two single notices, e.g. two snapshot files, under the newer one's name.
pub fn compare_pair(old: &LoadedSite, new: &LoadedSite) -> Vec<SiteDiff> {
    site_diff(
        &new.name,
        SiteStatus::Changed,
        side(old),
        side(new),
        &new.languages,
    )
    .into_iter()
    .collect()
}

fn side(site: &LoadedSite) -> Side<'_> {
    Side {
        notice: &site.notice,
        languages: &site.languages,
    }
}

fn site_diff(
    name: &str,
    status: SiteStatus,
    old: Side<'_>,
    new: Side<'_>,
    languages: &[crate::model::Lang],
) -> Option<SiteDiff> {
    let changes = diff(old, new);
    (!changes.is_empty() || status != SiteStatus::Changed).then(|| SiteDiff {
        site: name.to_string(),
        status,
        languages: languages.to_vec(),
        changes,
    })
}

/// The notice of a site that does not exist yet: a new site's every item shows as added.
fn empty_notice() -> Notice {
    Notice {
        languages: None,
        title: None,
        register_name: None,
        updated: None,
        intro: None,
        controller: Controller {
            name: String::new(),
            business_id: None,
            address: None,
            email: None,
            phone: None,
            website: None,
            representative: None,
        },
        contact: None,
        dpo: None,
        purposes: Vec::new(),
        data_categories: Vec::new(),
        sources: Vec::new(),
        recipients: Vec::new(),
        transfers: Vec::new(),
        retention: None,
        data_requirement: None,
        automated_decisions: None,
        cookies: Vec::new(),
        security: None,
        rights: Vec::new(),
        authority: None,
        sections: Vec::new(),
        intros: Intros::default(),
    }
}
