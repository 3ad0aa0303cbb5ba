//! A rebuild's second half: render the selected sites, work out which files changed, and
//! write only those (or, the first time, stage the whole tree as a build does).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use super::{Rebuild, Session, history_of};
use crate::build::{BuildContext, BuiltSite, shared_source};
use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::output::{self, Stager, WriteReport};
use crate::render::IndexSite;

/// The sites rendered by one rebuild.
struct Rendered {
    /// The names, in order, failed ones included.
    names: Vec<String>,
    fresh: BTreeMap<String, BuiltSite>,
    failures: Vec<Failure>,
    warnings: Vec<Diagnostic>,
}

/// What a rebuild changes on disk, worked out before anything is touched.
#[derive(Default)]
struct Changes {
    writes: BTreeMap<String, Vec<u8>>,
    removals: BTreeSet<String>,
}

impl Session {
    /// Renders `only` these sites (all when `None`), then writes what changed.
    pub(super) fn render_and_write(
        &mut self,
        only: Option<BTreeSet<String>>,
        started: Instant,
    ) -> Result<Rebuild, Failure> {
        let rendered = self.render(only.as_ref());
        let mut changes = self.take_sites(rendered.fresh);
        let current: Vec<IndexSite> = self.sites.values().map(|b| b.index.clone()).collect();
        let shared: BTreeMap<String, Vec<u8>> =
            if only.is_some() && !self.shared.is_empty() && current == self.index {
                self.shared.clone()
            } else {
                self.context().shared_files(&current)?.into_iter().collect()
            };
        self.index = current;
        changes.shared(&self.shared, &shared);
        let report = self.write(&changes, &shared)?;
        self.shared = shared;
        let mut warnings = rendered.warnings;
        warnings.extend(report.warnings);
        Ok(Rebuild {
            sites: rendered.names,
            written: report.written.len(),
            removed: report.removed.len(),
            took: started.elapsed(),
            failure: Failure::combine(rendered.failures),
            warnings,
        })
    }

    /// Renders the sites of the project that `only` names (all when `None`).
    fn render(&mut self, only: Option<&BTreeSet<String>>) -> Rendered {
        let mut rendered = Rendered {
            names: Vec::new(),
            fresh: BTreeMap::new(),
            failures: Vec::new(),
            warnings: Vec::new(),
        };
        // Built from the fields, not `self.context()`: the loop below also changes `failing`
        // and `histories`.
        let context = BuildContext {
            workspace: &self.workspace,
            theme: &self.theme,
            drafts: self.options.drafts,
        };
        let project = self.workspace.project();
        for entry in project
            .sites
            .iter()
            .filter(|e| only.is_none_or(|o| o.contains(&e.name)))
        {
            rendered.names.push(entry.name.clone());
            let built = if only.is_some() {
                history_of(project, &mut self.histories, &entry.name)
                    .and_then(|history| context.site_with_history(entry, history))
            } else {
                context.site(entry)
            };
            match built {
                Ok(built) => {
                    rendered.warnings.extend(built.warning.clone());
                    rendered.fresh.insert(entry.name.clone(), built);
                    self.failing.remove(&entry.name);
                }
                Err(failure) => {
                    rendered.failures.push(failure);
                    self.failing.insert(entry.name.clone());
                }
            }
        }
        let existing: BTreeSet<&String> = project.sites.iter().map(|s| &s.name).collect();
        self.failing.retain(|name| existing.contains(name));
        rendered
    }

    /// Keeps the freshly rendered sites and drops the ones whose directory is gone, noting
    /// the files that changed.
    fn take_sites(&mut self, fresh: BTreeMap<String, BuiltSite>) -> Changes {
        let mut changes = Changes::default();
        let existing: BTreeSet<String> = self
            .workspace
            .project()
            .sites
            .iter()
            .map(|s| s.name.clone())
            .collect();
        let gone: Vec<String> = self
            .sites
            .keys()
            .filter(|n| !existing.contains(*n))
            .cloned()
            .collect();
        for name in &gone {
            let old = self.sites.remove(name).expect("listed above");
            changes
                .removals
                .extend(old.output.files.into_iter().map(|(path, _)| path));
        }
        for (name, built) in fresh {
            let old = self
                .sites
                .get(&name)
                .map_or(&[][..], |b| &b.output.files[..]);
            changes.files(old, &built.output.files);
            self.sites.insert(name, built);
        }
        changes
    }

    /// Writes `changes`: the first time the whole tree is staged, like `notice build`; after
    /// that files are updated in place. Either way under the output's lock, so a `notice
    /// build` of the same output waits for it.
    fn write(
        &self,
        changes: &Changes,
        shared: &BTreeMap<String, Vec<u8>>,
    ) -> Result<WriteReport, Failure> {
        let mut lock = self.out.lock(self.options.waiting)?;
        if self.shared.is_empty() {
            let mut stager = Stager::new(lock, output::Scope::All)?;
            for (path, bytes) in shared {
                stager.place(&shared_source(path), path, bytes)?;
            }
            for (name, built) in &self.sites {
                let from = format!("site `{name}`");
                for (path, bytes) in &built.output.files {
                    stager.place(&from, path, bytes)?;
                }
            }
            return stager.finish();
        }
        let manifest_changed =
            !changes.removals.is_empty() || changes.writes.keys().any(|p| !self.is_known(p));
        let manifest: Option<BTreeSet<String>> = manifest_changed.then(|| self.all_paths(shared));
        let write_list: Vec<(&str, &[u8])> = changes
            .writes
            .iter()
            .map(|(p, b)| (p.as_str(), b.as_slice()))
            .collect();
        let removal_list: Vec<&str> = changes.removals.iter().map(String::as_str).collect();
        let mut report = output::update(&lock, &write_list, &removal_list, manifest.as_ref())?;
        report.warnings.splice(0..0, lock.take_warnings());
        Ok(report)
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

impl Changes {
    /// Notes what differs between a site's old and new files.
    fn files(&mut self, old: &[(String, Vec<u8>)], new: &[(String, Vec<u8>)]) {
        let old: BTreeMap<&String, &Vec<u8>> = old.iter().map(|(p, b)| (p, b)).collect();
        for (path, bytes) in new {
            if old.get(path) != Some(&bytes) {
                self.writes.insert(path.clone(), bytes.clone());
            }
        }
        let new_paths: BTreeSet<&String> = new.iter().map(|(p, _)| p).collect();
        self.removals.extend(
            old.keys()
                .filter(|p| !new_paths.contains(*p))
                .map(|p| (*p).clone()),
        );
    }

    /// Notes what differs between the old and new files that belong to no site, then makes
    /// sure nothing written is also removed.
    fn shared(&mut self, old: &BTreeMap<String, Vec<u8>>, new: &BTreeMap<String, Vec<u8>>) {
        for (path, bytes) in new {
            if old.get(path) != Some(bytes) {
                self.writes.insert(path.clone(), bytes.clone());
            }
        }
        self.removals
            .extend(old.keys().filter(|p| !new.contains_key(*p)).cloned());
        for path in self.writes.keys() {
            self.removals.remove(path);
        }
    }
}
