//! A rebuild's second half: render the selected sites, work out from the fingerprints which
//! files changed, and write only those (or, the first time, stream the whole tree into a
//! staging directory as a build does).

use std::collections::BTreeSet;
use std::time::Instant;

use super::pass::{self, Pass, site_entry};
use super::record::{Changes, Fingerprints, SiteRecord, fingerprints};
use super::{Rebuild, Session};
use crate::build::{BuildContext, shared_source};
use crate::error::Failure;
use crate::output::{self, Stager, WriteReport};
use crate::render::IndexSite;

impl Session {
    /// Renders `only` these sites (all when `None`), then writes what changed. `relisted`:
    /// the whole content folder was listed again, so sites may have appeared or gone anywhere,
    /// not only among `only`.
    pub(super) fn render_and_write(
        &mut self,
        only: Option<BTreeSet<String>>,
        relisted: bool,
        started: Instant,
    ) -> Result<Rebuild, Failure> {
        if self.shared.is_empty() {
            return self.first_build(started);
        }
        let mut changes = Changes::default();
        let mut records: Vec<(String, SiteRecord)> = Vec::new();
        // A full rebuild renders the index again, as the theme or settings may have changed.
        let mut index_changed = only.is_none();
        let no_files = Fingerprints::new();
        let context = BuildContext {
            workspace: &self.workspace,
            theme: &self.theme,
            drafts: self.options.drafts,
            cache: None,
        };
        let known = &self.sites;
        let pass = pass::render(
            &context,
            &mut self.histories,
            only.as_ref(),
            &mut |name, fresh| {
                let old = known.get(name);
                index_changed |= old.is_none_or(|old| old.index != fresh.record.index);
                changes.files(old.map_or(&no_files, |old| &old.files), fresh.files);
                records.push((name.to_string(), fresh.record));
                Ok(())
            },
        )?;
        self.note_failures(&pass);

        let project = self.workspace.project();
        let gone: Vec<String> = if relisted {
            self.sites.keys().cloned().collect()
        } else {
            only.iter().flatten().cloned().collect()
        };
        for name in gone {
            if site_entry(project, &name).is_none() {
                if let Some(old) = self.sites.remove(&name) {
                    changes.gone(&old.files);
                    index_changed = true;
                }
            }
        }
        self.sites.extend(records);

        let shared = if index_changed {
            let files = self.shared_files()?;
            let fingerprints = fingerprints(&files);
            changes.files(&self.shared, files);
            Some(fingerprints)
        } else {
            None
        };
        changes.settle();
        let report = self.write(&changes, shared.as_ref())?;
        if let Some(shared) = shared {
            self.shared = shared;
        }
        Ok(self.report(pass, report, started))
    }

    /// The session's first build: every site rendered on every core and streamed into a
    /// staging tree, which is swapped in whole like `notice build`'s. Only the fingerprints
    /// stay in memory. A broken site does not stop it: it is reported and retried on the
    /// next change.
    fn first_build(&mut self, started: Instant) -> Result<Rebuild, Failure> {
        let lock = self.out.lock(self.options.waiting)?;
        let mut stager = Stager::new(lock, output::Scope::All)?;
        let mut records: Vec<(String, SiteRecord)> = Vec::new();
        let context = BuildContext {
            workspace: &self.workspace,
            theme: &self.theme,
            drafts: self.options.drafts,
            cache: None,
        };
        let pass = pass::render(&context, &mut self.histories, None, &mut |name, fresh| {
            let from = format!("site `{name}`");
            for (path, bytes) in &fresh.files {
                stager.place(&from, path, bytes)?;
            }
            records.push((name.to_string(), fresh.record));
            Ok(())
        })?;
        self.note_failures(&pass);
        self.sites.extend(records);
        let shared = self.shared_files()?;
        for (path, bytes) in &shared {
            stager.place(&shared_source(path), path, bytes)?;
        }
        self.shared = fingerprints(&shared);
        let report = stager.finish()?;
        Ok(self.report(pass, report, started))
    }

    /// The index page, listing every site the session has built, and the theme's assets.
    fn shared_files(&self) -> Result<Vec<(String, Vec<u8>)>, Failure> {
        let index: Vec<IndexSite> = self.sites.values().map(|s| s.index.clone()).collect();
        self.context().shared_files(&index)
    }

    /// Sites that failed join those retried on every change; sites that rendered, or whose
    /// folder is gone, leave them.
    fn note_failures(&mut self, pass: &Pass) {
        for name in &pass.names {
            if pass.failed.contains(name) {
                self.failing.insert(name.clone());
            } else {
                self.failing.remove(name);
            }
        }
        let project = self.workspace.project();
        self.failing
            .retain(|name| site_entry(project, name).is_some());
    }

    fn report(&self, pass: Pass, mut write: WriteReport, started: Instant) -> Rebuild {
        let mut warnings = pass.warnings;
        warnings.append(&mut write.warnings);
        Rebuild {
            sites: pass.names,
            written: write.written.len(),
            removed: write.removed.len(),
            took: started.elapsed(),
            failure: Failure::combine(pass.failures),
            warnings,
        }
    }

    /// Writes `changes` in place, under the output's lock, so a `notice build` of the same
    /// output waits for it. `shared`: the new fingerprints of the files that belong to no
    /// site, when they were rendered again.
    fn write(
        &self,
        changes: &Changes,
        shared: Option<&Fingerprints>,
    ) -> Result<WriteReport, Failure> {
        let mut lock = self.out.lock(self.options.waiting)?;
        let manifest_changed = changes.added || !changes.removals.is_empty();
        let manifest: Option<BTreeSet<String>> =
            manifest_changed.then(|| self.all_paths(shared.unwrap_or(&self.shared)));
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

    /// Every file the session's sites and `shared` make: the manifest.
    fn all_paths(&self, shared: &Fingerprints) -> BTreeSet<String> {
        let mut paths: BTreeSet<String> = shared.keys().cloned().collect();
        for site in self.sites.values() {
            paths.extend(site.files.keys().cloned());
        }
        paths
    }
}
