//! The index page: every site of the project and its languages.

use minijinja::value::Serde;
use serde::Serialize;

use super::paths::canonical_url;
use super::{Alternate, Theme, language_links};
use crate::diagnostic::Diagnostic;
use crate::labels;
use crate::load::LoadedSite;
use crate::model::{Lang, Text};
use crate::project::Project;

#[derive(Serialize)]
struct IndexEntry {
    name: String,
    title: String,
    controller: Option<String>,
    pages: Vec<Alternate>,
}

/// What the index page shows of a site: a few fields, so a build or a watch session keeps
/// these for every site instead of whole loaded notices.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexSite {
    /// The site's name (its output folder).
    pub name: String,
    /// The notice's title, if it has one.
    pub title: Option<Text>,
    /// The controller's name, if the notice gives one: shown beside the title, and as the title
    /// when there is none.
    pub controller: Option<String>,
    /// Published languages, primary first.
    pub languages: Vec<Lang>,
}

impl IndexSite {
    /// What the index shows of `site`.
    pub fn of(site: &LoadedSite) -> IndexSite {
        IndexSite {
            name: site.name.clone(),
            title: site.notice.title.clone(),
            controller: site.notice.controller.name.clone(),
            languages: site.languages.clone(),
        }
    }
}

/// Renders `index.html`, listing every site and its languages.
pub fn render_index(
    project: &Project,
    theme: &Theme,
    sites: &[IndexSite],
) -> Result<Vec<u8>, Diagnostic> {
    let lang = project.settings.languages.primary();
    let entries: Vec<IndexEntry> = sites
        .iter()
        .map(|site| {
            let primary = site.languages[0];
            let title = labels::title_or_name(
                site.title.as_ref(),
                site.controller.as_deref(),
                lang,
                primary,
            );
            let title = title.get(lang, primary).text.to_string();
            IndexEntry {
                name: site.name.clone(),
                title,
                controller: site.controller.clone(),
                pages: language_links(project, &site.languages, &site.name, "", None),
            }
        })
        .collect();
    let title = project.settings.title.as_ref().map_or_else(
        || labels::labels(lang).all_notices.to_string(),
        |t| t.get(lang, lang).text.to_string(),
    );
    let html = theme.render(
        "index.html",
        minijinja::context! {
            page => minijinja::context! { lang => lang.code(), title, root => "", canonical => canonical_url(project, "index.html"), sites => Serde(entries) },
            t => Serde(labels::labels(lang)),
        },
    )?;
    Ok(html.into_bytes())
}
