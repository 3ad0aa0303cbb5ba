//! Rendering: a loaded site becomes one HTML page per language, plus the index of sites, all in memory.

mod highlight;
pub mod labels;
pub mod markdown;
pub mod sections;
mod text;
pub mod theme;

use minijinja::value::Serde;
use serde::Serialize;

pub use text::Html;
use text::PageText;
pub use theme::Theme;

use crate::diagnostic::Diagnostic;
use crate::load::LoadedSite;
use crate::model::{Lang, Text};
use crate::project::Project;

/// Where the CSS is published, relative to the output root.
pub const ASSETS_DIR: &str = "assets";

/// Output path of a site's page in `lang`: the primary language at `<site>/index.html`,
/// the others at `<site>/<lang>/index.html`.
pub fn page_path(site: &LoadedSite, lang: Lang) -> String {
    if lang == site.primary() {
        format!("{}/index.html", site.name)
    } else {
        format!("{}/{}/index.html", site.name, lang)
    }
}

/// The relative prefix from a page at `path` back to the output root.
fn root_prefix(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[derive(Serialize)]
struct Alternate {
    code: &'static str,
    name: &'static str,
    href: String,
    canonical: Option<String>,
    current: bool,
}

#[derive(Serialize)]
struct DateView {
    iso: String,
    display: String,
}

#[derive(Serialize)]
struct PageView {
    lang: &'static str,
    site: String,
    title: String,
    heading: Html,
    root: String,
    updated: Option<DateView>,
    intro: Option<Html>,
    canonical: Option<String>,
    alternates: Vec<Alternate>,
    sections: Vec<sections::SectionView>,
}

/// Renders every language of one site: `(output path, HTML)` pairs.
pub fn render_site(
    project: &Project,
    theme: &Theme,
    site: &LoadedSite,
) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    site.languages
        .iter()
        .map(|&lang| {
            let path = page_path(site, lang);
            let html = render_page(project, theme, site, lang, &path)?;
            Ok((path, html.into_bytes()))
        })
        .collect()
}

fn render_page(
    project: &Project,
    theme: &Theme,
    site: &LoadedSite,
    lang: Lang,
    path: &str,
) -> Result<String, Diagnostic> {
    let page = PageText::new(site, lang);
    let notice = &site.notice;
    let title_text = notice
        .title
        .clone()
        .unwrap_or_else(|| Text::Plain(notice.controller.name.clone()));
    let intro = page.optional_block(notice.intro.as_ref(), &["intro"])?;
    let sections = sections::build(&page)?;
    let root = root_prefix(path);
    let view = PageView {
        lang: lang.code(),
        site: site.name.clone(),
        title: page.string(&title_text),
        heading: page.plain(&title_text),
        updated: notice.updated.map(|date| DateView {
            iso: date.to_string(),
            display: date.finnish(),
        }),
        intro,
        canonical: canonical(project, &page_path(site, lang)),
        alternates: language_links(project, site, &root, Some(lang)),
        root,
        sections,
    };
    theme.render(
        "page.html",
        minijinja::context! { page => Serde(view), t => Serde(labels::labels(lang)) },
    )
}

/// Links to each language version of a site, from a page `root` levels below the output root.
fn language_links(
    project: &Project,
    site: &LoadedSite,
    root: &str,
    current: Option<Lang>,
) -> Vec<Alternate> {
    site.languages
        .iter()
        .map(|&lang| Alternate {
            code: lang.code(),
            name: labels::labels(lang).language_name,
            href: format!("{root}{}", page_path(site, lang)),
            canonical: canonical(project, &page_path(site, lang)),
            current: current == Some(lang),
        })
        .collect()
}

/// The page's public URL when the project has a `base_url`; `index.html` is left off.
fn canonical(project: &Project, path: &str) -> Option<String> {
    let base = project.settings.base_url.as_deref()?.trim_end_matches('/');
    Some(format!("{base}/{}", path.trim_end_matches("index.html")))
}

#[derive(Serialize)]
struct IndexEntry {
    name: String,
    title: String,
    controller: String,
    pages: Vec<Alternate>,
}

/// Renders `index.html`, listing every site and its languages.
pub fn render_index(
    project: &Project,
    theme: &Theme,
    sites: &[LoadedSite],
) -> Result<Vec<u8>, Diagnostic> {
    let lang = project.settings.languages.primary();
    let entries: Vec<IndexEntry> = sites
        .iter()
        .map(|site| {
            let primary = site.primary();
            let title = site.notice.title.as_ref().map_or_else(
                || site.notice.controller.name.clone(),
                |t| t.get(lang, primary).text.to_string(),
            );
            IndexEntry {
                name: site.name.clone(),
                title,
                controller: site.notice.controller.name.clone(),
                pages: language_links(project, site, "", None),
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
            page => minijinja::context! { lang => lang.code(), title, root => "", canonical => canonical(project, "index.html"), sites => Serde(entries) },
            t => Serde(labels::labels(lang)),
        },
    )?;
    Ok(html.into_bytes())
}
