//! What `notice diff` compares: the effective notices of a project's sources or of one
//! snapshot file, site by site. (The project at a git revision is a project root too: the
//! command line exports it into a temporary directory.)

use std::collections::BTreeMap;
use std::path::Path;

use super::report::{SiteDiff, SiteStatus};
use super::{ChangeKind, Side, SourceRef, diff};
use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::history::{self, ReleaseInfo};
use crate::load::LoadedSite;
use crate::model::{Controller, Intros, NoneStated, Notice};
use crate::source::{Node, display_path, find_origin};
use crate::workspace::{Workspace, unknown_site};

/// Effective notices by site name.
pub type Sites = BTreeMap<String, LoadedSite>;

/// A release of each site, by site name.
pub type Releases = BTreeMap<String, ReleaseInfo>;

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
    let workspace = Workspace::open(root)?;
    let every = &workspace.project().sites;
    let (sites, failure) = workspace.each_site(every, |_, site| Ok((site.name.clone(), site)));
    match failure {
        Some(failure) => Err(failure),
        None => Ok(sites.into_iter().collect()),
    }
}

/// Compares two sets of sites by name; `only` limits the comparison to some sites. A name in
/// `only` that is on neither side is a usage error with a did-you-mean: a typo must not read as
/// "no changes".
pub fn compare(old: &Sites, new: &Sites, only: &[String]) -> Result<Vec<SiteDiff>, Failure> {
    let empty = empty_notice();
    let mut names: Vec<&String> = old.keys().chain(new.keys()).collect();
    names.sort();
    names.dedup();
    require_known(only, names.iter().map(|name| name.as_str()))?;
    Ok(names
        .into_iter()
        .filter(|name| only.is_empty() || only.contains(name))
        .filter_map(|name| match (old.get(name), new.get(name)) {
            (Some(o), Some(n)) => site_diff(name, SiteStatus::Changed, Some(o), side(o), n),
            (None, Some(n)) => {
                let empty = Side {
                    notice: &empty,
                    languages: &n.languages,
                };
                site_diff(name, SiteStatus::Added, None, empty, n)
            }
            (Some(o), None) => Some(SiteDiff {
                site: name.clone(),
                status: SiteStatus::Removed,
                languages: o.languages.clone(),
                changes: Vec::new(),
                own_file: Some(o.merged.origin.file.display.clone()),
            }),
            (None, None) => None,
        })
        .collect())
}

/// Compares two single notices, e.g. two snapshot files, under the newer one's name. `only`,
/// when given, must name one of the two.
pub fn compare_pair(
    old: &LoadedSite,
    new: &LoadedSite,
    only: &[String],
) -> Result<Vec<SiteDiff>, Failure> {
    require_known(only, [old.name.as_str(), new.name.as_str()].into_iter())?;
    let mut diff = site_diff(&new.name, SiteStatus::Changed, Some(old), side(old), new);
    // Each side is one snapshot file: a change found in the older one is no layer's.
    if let Some(diff) = &mut diff {
        diff.own_file = None;
    }
    Ok(diff.into_iter().collect())
}

/// Every name in `only` must be one of `names` (the sites on either side).
fn require_known<'a>(
    only: &[String],
    names: impl Iterator<Item = &'a str> + Clone,
) -> Result<(), Failure> {
    match only
        .iter()
        .find(|name| !names.clone().any(|known| known == *name))
    {
        Some(unknown) => Err(Failure::usage(unknown_site(unknown, names))),
        None => Ok(()),
    }
}

fn side(site: &LoadedSite) -> Side<'_> {
    Side {
        notice: &site.notice,
        languages: &site.languages,
    }
}

/// The changes of one site, each with the place in the sources it was made: a removed thing
/// where the older side had it, anything else where the newer side has it.
fn site_diff(
    name: &str,
    status: SiteStatus,
    old_site: Option<&LoadedSite>,
    old: Side<'_>,
    new: &LoadedSite,
) -> Option<SiteDiff> {
    let mut changes = diff(old, side(new));
    for change in &mut changes {
        let tree = match (change.kind, old_site) {
            (ChangeKind::Removed, Some(old_site)) => &old_site.merged,
            _ => &new.merged,
        };
        change.source = Some(locate(tree, &change.source_path()));
    }
    (!changes.is_empty() || status != SiteStatus::Changed).then(|| SiteDiff {
        site: name.to_string(),
        status,
        languages: new.languages.clone(),
        changes,
        own_file: Some(new.merged.origin.file.display.clone()),
    })
}

/// Where the value at `path` is set in `tree`, or its nearest parent that is there.
fn locate(tree: &Node, path: &[&str]) -> SourceRef {
    let origin = (0..=path.len())
        .rev()
        .find_map(|len| find_origin(tree, &path[..len]))
        .unwrap_or_else(|| tree.origin.clone());
    let (line, column) = origin.line_col();
    SourceRef {
        file: origin.file.display.clone(),
        line,
        column,
    }
}

/// How many sites the comparison covered: those on either side, or those in `only`.
pub fn site_count(old: &Sites, new: &Sites, only: &[String]) -> usize {
    let mut names: Vec<&String> = old.keys().chain(new.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|name| only.is_empty() || only.contains(name))
        .count()
}

/// The latest released version of each site of the project at `root` that has one.
pub fn latest_releases(root: &Path) -> Result<Releases, Failure> {
    let workspace = Workspace::open(root)?;
    let mut releases = Releases::new();
    for entry in &workspace.project().sites {
        if let Some(latest) = workspace.history(&entry.name)?.latest() {
            releases.insert(entry.name.clone(), latest.release.clone());
        }
    }
    Ok(releases)
}

/// The sites whose newer side has a release the older side did not: their changes are
/// released, with this version.
pub fn new_releases(old: &Releases, new: &Releases) -> Releases {
    new.iter()
        .filter(|(name, release)| {
            old.get(*name)
                .is_none_or(|before| before.version != release.version)
        })
        .map(|(name, release)| (name.clone(), release.clone()))
        .collect()
}

/// The notice of a site that does not exist yet: a new site's every item shows as added.
fn empty_notice() -> Notice {
    Notice {
        languages: None,
        title: None,
        register_name: None,
        updated: None,
        intro: None,
        controller: Controller::default(),
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
        none: NoneStated::default(),
        children: None,
    }
}
