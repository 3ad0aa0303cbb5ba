//! The warning when a site's sources have moved on from its released version.

use super::{Class, changes_since_latest};
use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::load::LoadedSite;
use crate::project::SiteEntry;

/// What is published is what was released: a build or export says when the sources have moved
/// on. `preview` is the command that shows them instead, e.g. `notice build --drafts`.
pub fn release_warning(
    entry: &SiteEntry,
    sources: &LoadedSite,
    history: &History,
    preview: &str,
) -> Option<Diagnostic> {
    let name = &entry.name;
    let path = crate::source::display_path(&entry.source);
    let Some(changes) = changes_since_latest(sources, history) else {
        return Some(
            Diagnostic::warning(format!("`{name}` has no released version yet"))
                .at_path(path)
                .note("its page shows the sources, with no effective date or change log")
                .help(format!(
                    "run `notice release {name}` to publish it as a version"
                )),
        );
    };
    if changes.is_empty() {
        return None;
    }
    let latest = history.latest().expect("changes imply a version");
    let material = changes
        .iter()
        .filter(|c| c.class() == Class::Material)
        .count();
    Some(
        Diagnostic::warning(format!(
            "unreleased changes in {name}: run `notice release {name}`"
        ))
        .at_path(path)
        .note(format!(
            "{} change(s) since version {}, {material} material; the page still shows version {}",
            changes.len(),
            latest.id,
            latest.id
        ))
        .help(format!(
            "`notice diff` lists the changes; `{preview}` previews them"
        )),
    )
}
