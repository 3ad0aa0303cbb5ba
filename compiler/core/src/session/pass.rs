//! One render pass of a session: the selected sites rendered (on every core when there are
//! many), each handed on with its files fingerprinted as soon as it is done, so a pass holds a
//! few sites' pages at a time, never the whole project's.

use std::collections::{BTreeMap, BTreeSet};

use super::record::Fresh;
use super::{HISTORIES, Histories, history_of};
use crate::build::{BuildContext, for_each_rendered};
use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::project::{Project, SiteEntry};

/// What a pass went through, besides the sites handed on.
pub(super) struct Pass {
    /// The sites rendered, in order, failed ones included.
    pub(super) names: Vec<String>,
    /// Those that failed; their last good output stays.
    pub(super) failed: BTreeSet<String>,
    pub(super) failures: Vec<Failure>,
    /// In the sites' order, whichever thread finished first.
    pub(super) warnings: Vec<Diagnostic>,
}

/// Takes each site rendered without error. An error it returns ends the pass.
pub(super) type OnSite<'a> = dyn FnMut(&str, Fresh) -> Result<(), Failure> + 'a;

/// Renders the sites of the project that `only` names (all when `None`). A few sites, as a
/// save touches, reuse the parsed histories of `histories`; more go to every core, each
/// reading its own history as a build does.
pub(super) fn render(
    context: &BuildContext<'_>,
    histories: &mut Histories,
    only: Option<&BTreeSet<String>>,
    on_site: &mut OnSite<'_>,
) -> Result<Pass, Failure> {
    let project = context.workspace.project();
    let entries: Vec<&SiteEntry> = match only {
        None => project.sites.iter().collect(),
        Some(names) => names
            .iter()
            .filter_map(|n| site_entry(project, n))
            .collect(),
    };
    let mut tally = Tally {
        warnings: vec![None; entries.len()],
        failed: BTreeMap::new(),
        on_site,
    };
    if only.is_some() && entries.len() <= HISTORIES {
        for (i, entry) in entries.iter().enumerate() {
            let built = history_of(project, histories, &entry.name)
                .and_then(|history| context.site_with_history(entry, history))
                .map(Fresh::of);
            tally.take(i, &entry.name, built)?;
        }
    } else {
        for_each_rendered(
            &entries,
            |entry| context.site(entry).map(Fresh::of),
            |i, built| tally.take(i, &entries[i].name, built),
        )?;
    }
    let Tally {
        warnings, failed, ..
    } = tally;
    Ok(Pass {
        names: entries.iter().map(|e| e.name.clone()).collect(),
        failed: failed.keys().cloned().collect(),
        failures: failed.into_values().collect(),
        warnings: warnings.into_iter().flatten().collect(),
    })
}

/// The project's site called `name`, if there is one.
pub(super) fn site_entry<'p>(project: &'p Project, name: &str) -> Option<&'p SiteEntry> {
    // The project keeps its sites sorted by name.
    let at = project
        .sites
        .binary_search_by(|site| site.name.as_str().cmp(name))
        .ok()?;
    project.sites.get(at)
}

/// The pass so far.
struct Tally<'t, 'a> {
    warnings: Vec<Option<Diagnostic>>,
    /// Failed sites by name, so their failures combine in one order whatever the timing.
    failed: BTreeMap<String, Failure>,
    on_site: &'t mut OnSite<'a>,
}

impl Tally<'_, '_> {
    fn take(&mut self, i: usize, name: &str, built: Result<Fresh, Failure>) -> Result<(), Failure> {
        match built {
            Ok(mut fresh) => {
                self.warnings[i] = fresh.warning.take();
                (self.on_site)(name, fresh)
            }
            Err(failure) => {
                self.failed.insert(name.to_string(), failure);
                Ok(())
            }
        }
    }
}
