//! Incremental rebuilds for a long-running process (`notice watch`, an editor plugin): which
//! sites a changed path affects, re-rendering only those, and writing only the files whose
//! bytes changed.

mod affected;
mod pass;
mod record;
#[cfg(test)]
mod tests;
mod write;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant};

pub use affected::Affected;

use crate::build::{BuildContext, BuildOptions, output_dir};
use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};
use crate::files::files_under;
use crate::history::{History, history_dir, load_history};
use crate::output::OutputDir;
use crate::project::Project;
use crate::render::Theme;
use crate::workspace::Workspace;
use record::{Fingerprints, SiteRecord};

/// One rebuild's outcome, for the single line watch prints.
#[derive(Debug)]
pub struct Rebuild {
    /// The sites rendered again.
    pub sites: Vec<String>,
    /// Files whose bytes changed.
    pub written: usize,
    /// Files no site makes any more.
    pub removed: usize,
    /// How long the rebuild took.
    pub took: Duration,
    /// Sites that failed; their last good output stays on disk.
    pub failure: Option<Failure>,
    /// Problems that did not stop the rebuild.
    pub warnings: Vec<Diagnostic>,
}

/// A project kept in memory between rebuilds.
pub struct Session {
    options: BuildOptions,
    out: OutputDir,
    workspace: Workspace,
    theme: Theme,
    /// The last good render of each site: how the index lists it, the layers it was merged
    /// from, and its files' fingerprints. Not the pages themselves: a session of thousands of
    /// sites would hold the whole output in memory.
    sites: BTreeMap<String, SiteRecord>,
    /// Sites whose last render failed: they are retried on every change.
    failing: BTreeSet<String>,
    /// Fingerprints of the files on disk that belong to no site (index, assets); empty until
    /// the first build is written. The index is rendered again only when a rebuilt site's
    /// entry in it changed (at 1,000 sites it cost more than the site itself).
    shared: Fingerprints,
    /// Released versions of recently rebuilt sites, with the snapshot files they were read
    /// from: a save of a site's sources does not parse its unchanged history again. Bounded,
    /// since a session may hold thousands of sites.
    histories: Histories,
    /// The last rebuild could not read the project: list the whole content folder next time.
    reopen: bool,
}

/// How many sites' parsed histories a session keeps.
const HISTORIES: usize = 16;

/// A site's snapshot files (name, bytes), and what they parsed into.
type Histories = BTreeMap<String, (Vec<(String, Vec<u8>)>, History)>;

impl Session {
    /// Loads the project at `root` and writes a full build. Fails only when there is nothing
    /// to watch (no project, or an output directory that would overwrite the sources); broken
    /// sites are reported in the first [`Rebuild`].
    pub fn start(root: &Path, options: BuildOptions) -> Result<(Session, Rebuild), Failure> {
        let started = Instant::now();
        let workspace = Workspace::open(root)?;
        let out = output_dir(workspace.project(), &options)?;
        let theme = Theme::load(workspace.project())?;
        let mut session = Session {
            options,
            out,
            workspace,
            theme,
            sites: BTreeMap::new(),
            failing: BTreeSet::new(),
            shared: Fingerprints::new(),
            histories: BTreeMap::new(),
            reopen: false,
        };
        let mut rebuild = session.render_and_write(None, true, started)?;
        let warnings = session.workspace.project().warnings.clone();
        rebuild.warnings.splice(0..0, warnings);
        Ok((session, rebuild))
    }

    /// Where the output goes, as given.
    pub fn out_dir(&self) -> &Path {
        self.out.shown()
    }

    /// The project root.
    pub fn root(&self) -> &Path {
        &self.workspace.project().root
    }

    /// The name of the theme in use, whose folder a change may touch.
    pub fn theme_name(&self) -> &str {
        &self.workspace.project().settings.theme
    }

    /// Rebuilds what `affected` touches. Broken sources never stop the session: the failure is
    /// returned in the report, and the last good output stays in place.
    pub fn rebuild(&mut self, affected: &Affected) -> Result<Rebuild, Failure> {
        let started = Instant::now();
        if !affected.everything && !self.reopen {
            // Only sites and layers changed: look at those, not at every site's folder.
            let refreshed = self
                .workspace
                .refresh(&affected.sites, !affected.layers.is_empty());
            if let Err(failure) = refreshed {
                self.reopen = true;
                return Ok(self.failed(failure, started));
            }
            let selected = self.selection(affected, false);
            return self.render_and_write(Some(selected), false, started);
        }
        let current_theme = &self.workspace.project().settings.theme;
        let reloaded = Workspace::open(self.root()).and_then(|workspace| {
            let settings = &workspace.project().settings;
            let theme = if affected.everything || &settings.theme != current_theme {
                Some(Theme::load(workspace.project())?)
            } else {
                None
            };
            Ok((workspace, theme))
        });
        let (workspace, theme) = match reloaded {
            Ok(loaded) => loaded,
            Err(failure) => {
                self.reopen = true;
                return Ok(self.failed(failure, started));
            }
        };
        self.reopen = false;
        let everything = affected.everything
            || theme.is_some()
            || workspace.project().settings != self.workspace.project().settings;
        self.workspace = workspace;
        if let Some(theme) = theme {
            self.theme = theme;
        }
        let selected = (!everything).then(|| self.selection(affected, true));
        self.render_and_write(selected, true, started)
    }

    /// The sites a change touches: the changed ones, the ones extending a changed layer, and
    /// the ones that failed last time. `relisted`: the whole content folder was listed again,
    /// so new sites may be anywhere; otherwise only a changed site's folder can be new.
    fn selection(&self, affected: &Affected, relisted: bool) -> BTreeSet<String> {
        let mut selected: BTreeSet<String> = affected.sites.clone();
        selected.extend(self.failing.iter().cloned());
        if !affected.layers.is_empty() {
            for (name, site) in &self.sites {
                if site
                    .layers
                    .iter()
                    .any(|layer| affected.layers.contains(layer))
                {
                    selected.insert(name.clone());
                }
            }
        }
        if relisted {
            selected.extend(
                self.workspace
                    .project()
                    .sites
                    .iter()
                    .map(|s| &s.name)
                    .filter(|n| !self.sites.contains_key(*n) && !self.failing.contains(*n))
                    .cloned(),
            );
        }
        selected
    }

    fn failed(&self, failure: Failure, started: Instant) -> Rebuild {
        Rebuild {
            sites: Vec::new(),
            written: 0,
            removed: 0,
            took: started.elapsed(),
            failure: Some(failure),
            warnings: Vec::new(),
        }
    }

    fn context(&self) -> BuildContext<'_> {
        BuildContext {
            workspace: &self.workspace,
            theme: &self.theme,
            drafts: self.options.drafts,
            cache: None,
        }
    }
}

/// The released versions of `site`, parsed again only when its snapshot files changed.
fn history_of<'h>(
    project: &Project,
    histories: &'h mut Histories,
    site: &str,
) -> Result<&'h History, Failure> {
    let mut files = Vec::new();
    for (name, path) in files_under(&history_dir(project, site), None)? {
        let bytes = std::fs::read(&path).map_err(|err| io_error("read file", &path, &err))?;
        files.push((name, bytes));
    }
    if histories.get(site).is_none_or(|(seen, _)| *seen != files) {
        let history = load_history(project, site)?;
        if histories.len() >= HISTORIES {
            histories.clear();
        }
        histories.insert(site.to_string(), (files, history));
    }
    Ok(&histories[site].1)
}
