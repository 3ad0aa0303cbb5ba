//! Incremental rebuilds: which sites a changed path affects, re-rendering only those, and
//! writing only the files whose bytes changed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::build::{BuildContext, BuildOptions, BuiltSite, output_dir};
use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};
use crate::files::files_under;
use crate::history::{History, history_dir, load_history};
use crate::load::Layers;
use crate::output;
use crate::project::{CONTENT_DIR, LAYERS_DIR, Project, SETTINGS_FILE, THEMES_DIR};
use crate::render::{IndexSite, Theme};

/// What a set of changed paths asks to rebuild.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Affected {
    /// Settings or theme changed: every page.
    pub everything: bool,
    pub layers: BTreeSet<String>,
    pub sites: BTreeSet<String>,
}

impl Affected {
    /// Classifies changed paths (absolute, or relative to `root`). Paths outside `content/`
    /// and the theme are ignored.
    pub fn of(root: &Path, theme: &str, paths: &[PathBuf]) -> Affected {
        let mut affected = Affected::default();
        for path in paths {
            let relative = path.strip_prefix(root).unwrap_or(path);
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            match parts
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice()
            {
                [THEMES_DIR, name, ..] if *name == theme => affected.everything = true,
                // The themes folder itself appeared or went away.
                [THEMES_DIR] => affected.everything = true,
                [CONTENT_DIR, SETTINGS_FILE] => affected.everything = true,
                [CONTENT_DIR, LAYERS_DIR, file] => {
                    if let Some(layer) = file.strip_suffix(".toml") {
                        affected.layers.insert(layer.to_string());
                    }
                }
                [CONTENT_DIR, site, ..] if !site.starts_with(['_', '.']) => {
                    affected.sites.insert((*site).to_string());
                }
                _ => {}
            }
        }
        affected
    }

    pub fn is_empty(&self) -> bool {
        !self.everything && self.layers.is_empty() && self.sites.is_empty()
    }

    /// A few words for the rebuild line: "content/kahvila", "layer fi-standard", "theme".
    pub fn describe(&self) -> String {
        if self.everything {
            return "settings or theme".to_string();
        }
        let mut parts: Vec<String> = self.layers.iter().map(|l| format!("layer {l}")).collect();
        parts.extend(self.sites.iter().map(|s| format!("site {s}")));
        parts.join(", ")
    }
}

/// One rebuild's outcome, for the single line watch prints.
#[derive(Debug)]
pub struct Rebuild {
    /// The sites rendered again.
    pub sites: Vec<String>,
    pub written: usize,
    pub removed: usize,
    pub took: Duration,
    /// Sites that failed; their last good output stays on disk.
    pub failure: Option<Failure>,
    pub warnings: Vec<Diagnostic>,
}

/// A project kept in memory between rebuilds.
pub struct Session {
    options: BuildOptions,
    out_dir: PathBuf,
    project: Project,
    theme: Theme,
    layers: Layers,
    /// The last good render of each site, with the layers it was merged from.
    sites: BTreeMap<String, BuiltSite>,
    /// Sites whose last render failed: they are retried on every change.
    failing: BTreeSet<String>,
    /// Files on disk that belong to no site (index, assets).
    shared: BTreeMap<String, Vec<u8>>,
    /// The sites as `shared`'s index lists them: when a rebuild leaves them as they were, the
    /// index is not rendered again (at 1,000 sites it cost more than the site itself).
    index: Vec<IndexSite>,
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
    /// Loads the project and writes a full build. Fails only when there is nothing to watch
    /// (no project, or an output directory that would overwrite the sources); broken sites are
    /// reported in the first [`Rebuild`].
    pub fn start(options: BuildOptions) -> Result<(Session, Rebuild), Failure> {
        let started = Instant::now();
        let project = Project::open(&options.root)?;
        let out_dir = output_dir(&project, &options)?;
        let theme = Theme::load(&project)?;
        let layers = Layers::load(&project);
        let mut session = Session {
            options,
            out_dir,
            project,
            theme,
            layers,
            sites: BTreeMap::new(),
            failing: BTreeSet::new(),
            shared: BTreeMap::new(),
            index: Vec::new(),
            histories: BTreeMap::new(),
            reopen: false,
        };
        let mut rebuild = session.render_and_write(None, started)?;
        rebuild
            .warnings
            .splice(0..0, session.project.warnings.clone());
        Ok((session, rebuild))
    }

    pub fn out_dir(&self) -> &Path {
        &self.out_dir
    }

    pub fn root(&self) -> &Path {
        &self.project.root
    }

    pub fn theme_name(&self) -> &str {
        &self.project.settings.theme
    }

    /// Rebuilds what `affected` touches. Broken sources never stop the session: the failure is
    /// returned in the report, and the last good output stays in place.
    pub fn rebuild(&mut self, affected: &Affected) -> Result<Rebuild, Failure> {
        let started = Instant::now();
        if !affected.everything && !self.reopen {
            // Only sites and layers changed: look at those, not at every site's folder.
            let mut refreshed = self.project.refresh_sites(&affected.sites);
            if refreshed.is_ok() && !affected.layers.is_empty() {
                refreshed = self.project.refresh_layers();
            }
            if let Err(failure) = refreshed {
                self.reopen = true;
                return Ok(self.failed(failure, started));
            }
            if !affected.layers.is_empty() {
                self.layers = Layers::load(&self.project);
            }
            let selected = self.selection(affected);
            return self.render_and_write(Some(selected), started);
        }
        let reloaded = Project::open(&self.options.root).and_then(|project| {
            let theme =
                if affected.everything || project.settings.theme != self.project.settings.theme {
                    Some(Theme::load(&project)?)
                } else {
                    None
                };
            Ok((project, theme))
        });
        let (project, theme) = match reloaded {
            Ok(loaded) => loaded,
            Err(failure) => {
                self.reopen = true;
                return Ok(self.failed(failure, started));
            }
        };
        self.reopen = false;
        let everything =
            affected.everything || theme.is_some() || project.settings != self.project.settings;
        self.project = project;
        if let Some(theme) = theme {
            self.theme = theme;
        }
        if everything || !affected.layers.is_empty() {
            self.layers = Layers::load(&self.project);
        }
        if everything {
            return self.render_and_write(None, started);
        }
        let selected = self.selection(affected);
        self.render_and_write(Some(selected), started)
    }

    /// The sites a change touches: the changed ones, the ones extending a changed layer, the
    /// ones that failed last time, and sites that appeared or went away.
    fn selection(&self, affected: &Affected) -> BTreeSet<String> {
        let known: BTreeSet<&String> = self.sites.keys().chain(&self.failing).collect();
        let mut selected: BTreeSet<String> = affected.sites.clone();
        selected.extend(self.failing.iter().cloned());
        for (name, built) in &self.sites {
            if built
                .layers
                .iter()
                .any(|layer| affected.layers.contains(layer))
            {
                selected.insert(name.clone());
            }
        }
        // New sites, and sites whose directory is gone.
        selected.extend(
            self.project
                .sites
                .iter()
                .map(|s| s.name.clone())
                .filter(|n| !known.contains(n)),
        );
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

    /// Renders `only` these sites (all when `None`), then writes what changed.
    fn render_and_write(
        &mut self,
        only: Option<BTreeSet<String>>,
        started: Instant,
    ) -> Result<Rebuild, Failure> {
        let context = BuildContext {
            project: &self.project,
            theme: &self.theme,
            layers: &self.layers,
            drafts: self.options.drafts,
        };
        let existing: BTreeSet<String> =
            self.project.sites.iter().map(|s| s.name.clone()).collect();
        let mut failures = Vec::new();
        let mut warnings = Vec::new();
        let mut fresh: BTreeMap<String, BuiltSite> = BTreeMap::new();
        let mut rendered = Vec::new();
        for entry in self
            .project
            .sites
            .iter()
            .filter(|e| only.as_ref().is_none_or(|o| o.contains(&e.name)))
        {
            rendered.push(entry.name.clone());
            let built = if only.is_some() {
                history_of(&self.project, &mut self.histories, &entry.name)
                    .and_then(|history| context.site_with_history(entry, history))
            } else {
                context.site(entry)
            };
            match built {
                Ok(built) => {
                    warnings.extend(built.warning.clone());
                    fresh.insert(entry.name.clone(), built);
                    self.failing.remove(&entry.name);
                }
                Err(failure) => {
                    failures.push(failure);
                    self.failing.insert(entry.name.clone());
                }
            }
        }
        self.failing.retain(|name| existing.contains(name));

        // Work out the file changes before touching anything.
        let mut writes: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        let mut removals: BTreeSet<String> = BTreeSet::new();
        let gone: Vec<String> = self
            .sites
            .keys()
            .filter(|n| !existing.contains(*n))
            .cloned()
            .collect();
        for name in &gone {
            let old = self.sites.remove(name).expect("listed above");
            removals.extend(old.output.files.into_iter().map(|(path, _)| path));
        }
        for (name, built) in fresh {
            let old: BTreeMap<&String, &Vec<u8>> = self
                .sites
                .get(&name)
                .map(|b| b.output.files.iter().map(|(p, bytes)| (p, bytes)).collect())
                .unwrap_or_default();
            for (path, bytes) in &built.output.files {
                if old.get(path) != Some(&bytes) {
                    writes.insert(path.clone(), bytes.clone());
                }
            }
            let new_paths: BTreeSet<&String> = built.output.files.iter().map(|(p, _)| p).collect();
            removals.extend(
                old.keys()
                    .filter(|p| !new_paths.contains(*p))
                    .map(|p| (*p).clone()),
            );
            self.sites.insert(name, built);
        }
        let current: Vec<IndexSite> = self.sites.values().map(|b| b.index.clone()).collect();
        let context = BuildContext {
            project: &self.project,
            theme: &self.theme,
            layers: &self.layers,
            drafts: self.options.drafts,
        };
        let shared: BTreeMap<String, Vec<u8>> =
            if only.is_some() && !self.shared.is_empty() && current == self.index {
                self.shared.clone()
            } else {
                context.shared_files(&current)?.into_iter().collect()
            };
        self.index = current;
        for (path, bytes) in &shared {
            if self.shared.get(path) != Some(bytes) {
                writes.insert(path.clone(), bytes.clone());
            }
        }
        removals.extend(
            self.shared
                .keys()
                .filter(|p| !shared.contains_key(*p))
                .cloned(),
        );
        for path in writes.keys() {
            removals.remove(path);
        }

        let first = self.shared.is_empty();
        let report = if first {
            // The first build stages the whole tree, like `notice build`.
            let mut all: BTreeMap<String, Vec<u8>> = shared.clone();
            for built in self.sites.values() {
                all.extend(built.output.files.iter().cloned());
            }
            output::write(&self.out_dir, &all, &output::Scope::All)?
        } else {
            let manifest_changed = !removals.is_empty() || writes.keys().any(|p| !self.is_known(p));
            let manifest: Option<BTreeSet<String>> =
                manifest_changed.then(|| self.all_paths(&shared));
            let write_list: Vec<(&str, &[u8])> = writes
                .iter()
                .map(|(p, b)| (p.as_str(), b.as_slice()))
                .collect();
            let removal_list: Vec<&str> = removals.iter().map(String::as_str).collect();
            output::update(&self.out_dir, &write_list, &removal_list, manifest.as_ref())?
        };
        self.shared = shared;
        Ok(Rebuild {
            sites: rendered,
            written: report.written.len(),
            removed: report.removed.len(),
            took: started.elapsed(),
            failure: Failure::combine(failures),
            warnings,
        })
    }

    /// Whether `path` was written by an earlier rebuild of this session.
    fn is_known(&self, path: &str) -> bool {
        self.shared.contains_key(path)
            || self
                .sites
                .values()
                .any(|b| b.output.files.iter().any(|(p, _)| p == path))
    }

    fn all_paths(&self, shared: &BTreeMap<String, Vec<u8>>) -> BTreeSet<String> {
        let mut paths: BTreeSet<String> = shared.keys().cloned().collect();
        for built in self.sites.values() {
            paths.extend(built.output.files.iter().map(|(p, _)| p.clone()));
        }
        paths
    }
}

/// The released versions of `site`, parsed again only when its snapshot files changed.
fn history_of<'h>(
    project: &Project,
    histories: &'h mut Histories,
    site: &str,
) -> Result<&'h History, Failure> {
    let mut files = Vec::new();
    for (name, path) in files_under(&history_dir(project, site), false)? {
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
