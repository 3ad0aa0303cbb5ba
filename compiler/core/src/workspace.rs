//! The project as every command opens it: settings, sites and layers read once; sites
//! selected by name, loaded and merged.

use std::collections::BTreeSet;
use std::path::Path;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error::Failure;
use crate::history::{History, load_history};
use crate::load::{Layers, LoadedSite, load_site};
use crate::project::{Project, SiteEntry};

/// An opened project with its layers parsed, shared by every site a command loads.
///
/// ```no_run
/// use notice_core::workspace::Workspace;
///
/// let workspace = Workspace::open(std::path::Path::new("."))?;
/// for entry in workspace.select(&[])? {
///     let site = workspace.load(&entry)?;
///     let controller = site.notice.controller.name.as_deref().unwrap_or("(not named)");
///     println!("{}: {controller}", site.name);
/// }
/// # Ok::<(), notice_core::error::Failure>(())
/// ```
pub struct Workspace {
    project: Project,
    layers: Layers,
}

impl Workspace {
    /// Opens the project at `root` (the directory holding `content/`) and parses its layers.
    /// A broken layer is reported by the sites that extend it, not here.
    pub fn open(root: &Path) -> Result<Workspace, Failure> {
        let project = Project::open(root)?;
        let layers = Layers::load(&project);
        Ok(Workspace { project, layers })
    }

    /// The project's settings, sites and layer names.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The sites named, sorted by name, or every site when `names` is empty. An unknown name
    /// is a usage error with a did-you-mean.
    pub fn select(&self, names: &[String]) -> Result<Vec<SiteEntry>, Failure> {
        let sites = &self.project.sites;
        if names.is_empty() {
            return Ok(sites.clone());
        }
        let mut selected = Vec::new();
        for name in names {
            match sites.iter().find(|site| &site.name == name) {
                Some(site) if !selected.contains(site) => selected.push(site.clone()),
                Some(_) => {}
                None => {
                    let names = sites.iter().map(|site| site.name.as_str());
                    return Err(Failure::usage(unknown_site(name, names)));
                }
            }
        }
        selected.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(selected)
    }

    /// Reads, layers, merges and types one site.
    pub fn load(&self, site: &SiteEntry) -> Result<LoadedSite, Failure> {
        load_site(&self.project, &self.layers, site)
    }

    /// The released versions of the site named `site`.
    pub fn history(&self, site: &str) -> Result<History, Failure> {
        load_history(&self.project, site)
    }

    /// Loads each of `sites` in order and hands it to `each`. Every site is attempted, so one
    /// run reports every broken site; their failures are combined into one, whose worst kind
    /// decides the exit code.
    pub fn each_site<T>(
        &self,
        sites: &[SiteEntry],
        mut each: impl FnMut(&SiteEntry, LoadedSite) -> Result<T, Failure>,
    ) -> (Vec<T>, Option<Failure>) {
        let mut done = Vec::new();
        let mut failures = Vec::new();
        for entry in sites {
            match self.load(entry).and_then(|site| each(entry, site)) {
                Ok(value) => done.push(value),
                Err(failure) => failures.push(failure),
            }
        }
        (done, Failure::combine(failures))
    }

    /// Looks again at the named sites' directories, and at the layers when `layers_changed`,
    /// for a long-running process that knows what changed on disk.
    pub fn refresh(
        &mut self,
        sites: &BTreeSet<String>,
        layers_changed: bool,
    ) -> Result<(), Failure> {
        self.project.refresh_sites(sites)?;
        if layers_changed {
            self.project.refresh_layers()?;
            self.layers = Layers::load(&self.project);
        }
        Ok(())
    }
}

/// The usage error for a site name that is none of `names`, with a did-you-mean.
pub(crate) fn unknown_site<'a>(name: &str, names: impl Iterator<Item = &'a str>) -> Diagnostic {
    let err = Diagnostic::error(format!("no site named `{name}`"));
    match did_you_mean(name, names) {
        Some(hint) => err.help(hint),
        None => err.help("sites are the directories of content/ that hold a notice.toml"),
    }
}
