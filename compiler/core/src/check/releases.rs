//! Whether a site's sources have moved on from its latest released version.

use super::{Found, SiteView};
use crate::diff::{Change, phrases};
use crate::model::Lang;
use crate::origin::Origin;

/// At most this many changes are listed in the finding's notes.
const LISTED: usize = 10;

/// Unreleased changes: the published page still shows the latest release.
pub(super) fn unreleased_changes(view: &SiteView<'_>, found: &mut Vec<Found>) {
    let Some((version, changes)) = &view.unreleased else {
        return;
    };
    let Some(origin) = first_change_origin(view, changes) else {
        return;
    };
    let material = changes
        .iter()
        .filter(|c| c.class() == crate::diff::Class::Material)
        .count();
    // The message is English, as every finding's is; its notes must not switch language.
    let lang = Lang::En;
    let primary = view.site.primary();
    let mut finding = Found::new(
        format!(
            "{}: {} unreleased change(s) since version {version}, {material} material",
            view.site.name,
            changes.len()
        ),
        origin,
    );
    finding.notes = changes
        .iter()
        .take(LISTED)
        .map(|c| {
            format!(
                "{} ({})",
                phrases::summary(c, lang, primary),
                c.class().id()
            )
        })
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

/// Where the finding points: the site's own first changed value when its own file changed, so
/// the site's author lands on their edit; the first changed value (in a layer) otherwise.
fn first_change_origin(view: &SiteView<'_>, changes: &[Change]) -> Option<Origin> {
    let own_file = &view.root().file.display;
    let origins: Vec<Origin> = changes
        .iter()
        .map(|c| view.locate(&c.source_path()))
        .collect();
    let own = origins.iter().position(|o| &o.file.display == own_file);
    origins.into_iter().nth(own.unwrap_or(0))
}
