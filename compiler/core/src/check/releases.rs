//! Whether a site's sources have moved on from its latest released version.

use super::{Found, SiteView};
use crate::diff::{Change, SectionKey, phrases};

/// At most this many changes are listed in the finding's notes.
const LISTED: usize = 10;

/// Unreleased changes: the published page still shows the latest release.
pub(super) fn unreleased_changes(view: &SiteView<'_>, found: &mut Vec<Found>) {
    let Some((version, changes)) = &view.unreleased else {
        return;
    };
    let Some(first) = changes.first() else {
        return;
    };
    let material = changes
        .iter()
        .filter(|c| c.class() == crate::diff::Class::Material)
        .count();
    let lang = view.site.primary();
    let mut finding = Found::new(
        format!(
            "{} unreleased change(s) since version {version}, {material} material",
            changes.len()
        ),
        view.locate(&path_of(first)),
    );
    finding.notes = changes
        .iter()
        .take(LISTED)
        .map(|c| format!("{} ({})", phrases::summary(c, lang, lang), c.class().id()))
        .collect();
    if changes.len() > LISTED {
        finding.notes.push(format!(
            "… and {} more; `notice diff` lists them all",
            changes.len() - LISTED
        ));
    }
    finding.help = Some(format!(
        "run `notice release {}`; give material changes an `--effective` date far enough ahead to notify people",
        view.site.name
    ));
    found.push(finding);
}

/// The source path of the changed value, for locating it (its nearest existing parent is used).
fn path_of(change: &Change) -> Vec<&str> {
    let mut path = match &change.section {
        SectionKey::Page => Vec::new(),
        SectionKey::Standard(section) => vec![section.key()],
        SectionKey::Custom(_) => vec!["sections"],
    };
    if let Some(item) = &change.item {
        path.push(item.id.as_str());
    }
    if let Some(field) = change.field.filter(|f| *f != "id") {
        path.push(field);
    }
    path
}
