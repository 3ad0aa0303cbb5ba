//! Rendering: a loaded site becomes one HTML page per language, plus the index of sites, all in memory.

pub mod changes;
mod feed;
mod highlight;
pub mod jsonld;
pub mod markdown;
pub mod sections;
pub mod site;
mod text;
pub mod theme;

use minijinja::value::Serde;
use serde::Serialize;

pub use highlight::escape;
pub use text::Html;
use text::PageText;
pub use theme::Theme;

use crate::diagnostic::Diagnostic;
use crate::history::Version;
use crate::labels;
use crate::load::LoadedSite;
use crate::model::{Date, Lang, Text};
use crate::project::Project;

/// Where the CSS is published, relative to the output root.
pub const ASSETS_DIR: &str = "assets";

/// `<dir>/index.html` in the primary language, `<dir>/<lang>/index.html` in the others.
fn localized_path(dir: &str, primary: Lang, lang: Lang) -> String {
    if lang == primary {
        format!("{dir}/index.html")
    } else {
        format!("{dir}/{lang}/index.html")
    }
}

/// Output path of a site's current page in `lang`.
pub fn page_path(site: &LoadedSite, lang: Lang) -> String {
    localized_path(&site.name, site.primary(), lang)
}

/// The folder of an archived version's pages.
pub fn version_dir(site: &str, version: &str) -> String {
    format!("{site}/versions/{version}")
}

/// The change log in `lang`: `<site>/changes/index.html` in the primary language,
/// `<site>/<lang>/changes/index.html` in the others.
pub fn changes_path(site: &str, primary: Lang, lang: Lang) -> String {
    if lang == primary {
        format!("{site}/changes/index.html")
    } else {
        format!("{site}/{lang}/changes/index.html")
    }
}

/// The Atom feed of a site's changes.
pub fn feed_path(site: &str) -> String {
    format!("{site}/changes.xml")
}

/// The relative prefix from a page at `path` back to the output root.
fn root_prefix(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// `lang` if the current page publishes it, else the primary language: where a link from a
/// page in `lang` to the current notice or its change log should go.
fn nearest(languages: &[Lang], lang: Lang) -> Lang {
    if languages.contains(&lang) {
        lang
    } else {
        languages[0]
    }
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

impl From<Date> for DateView {
    fn from(date: Date) -> Self {
        DateView {
            iso: date.to_string(),
            display: date.finnish(),
        }
    }
}

#[derive(Serialize)]
struct VersionLine {
    id: String,
    effective: DateView,
}

#[derive(Serialize)]
struct ArchivedNote {
    current_href: String,
    replaced: DateView,
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
    version: Option<VersionLine>,
    draft: bool,
    archived: Option<ArchivedNote>,
    changes_href: Option<String>,
    feed_href: Option<String>,
    /// The notice as DPV JSON-LD, escaped for a `<script type="application/ld+json">` block.
    jsonld: Html,
}

/// What a notice page says about the version it shows.
#[derive(Debug, Clone, Copy)]
pub enum Status<'a> {
    /// Never released: rendered from the sources, with no version line.
    Unreleased,
    /// `--drafts`: rendered from the sources under a "not in force" banner.
    Draft,
    /// The latest released version, the one in force.
    Current(&'a Version),
    /// An earlier version, replaced by `successor`.
    Archived {
        /// The version shown.
        version: &'a Version,
        /// The version that replaced it.
        successor: &'a Version,
    },
}

/// One notice to render in each of its languages: the current page or an archived version.
pub struct NoticePage<'a> {
    /// The content: the sources, or a released snapshot.
    pub site: &'a LoadedSite,
    /// Which version the page shows, and its banner.
    pub status: Status<'a>,
    /// The languages of the site's current page, primary first; links to the current page
    /// and the change log go to these.
    pub current_languages: &'a [Lang],
    /// Whether the site has a change log and feed to link to.
    pub change_log: bool,
}

impl NoticePage<'_> {
    fn dir(&self) -> String {
        match self.status {
            Status::Archived { version, .. } => {
                version_dir(&self.site.name, &version.id.to_string())
            }
            _ => self.site.name.clone(),
        }
    }

    /// The page's output path in `lang`.
    pub fn path(&self, lang: Lang) -> String {
        localized_path(&self.dir(), self.site.primary(), lang)
    }
}

/// A rendered notice: `(output path, HTML)` per language, and the section anchors it has.
pub struct RenderedNotice {
    /// `(output path, HTML)` per language.
    pub pages: Vec<(String, Vec<u8>)>,
    /// The ids of the sections present.
    pub anchors: Vec<String>,
    /// The notice as JSON-LD text, as its pages carry it.
    pub jsonld: String,
}

/// Renders every language of one notice page.
pub fn render_notice(
    project: &Project,
    theme: &Theme,
    notice_page: &NoticePage<'_>,
) -> Result<RenderedNotice, Diagnostic> {
    let shared = SharedView::new(project, theme, notice_page);
    let mut pages = Vec::new();
    let mut anchors = Vec::new();
    for &lang in &notice_page.site.languages {
        let path = notice_page.path(lang);
        let view = page_view(&shared, lang, &path)?;
        anchors = view.sections.iter().map(|s| s.id.clone()).collect();
        let html = theme.render(
            "page.html",
            minijinja::context! { page => Serde(view), t => Serde(labels::labels(lang)) },
        )?;
        pages.push((path, html.into_bytes()));
    }
    Ok(RenderedNotice {
        pages,
        anchors,
        jsonld: shared.jsonld_text,
    })
}

/// What the pages of one notice share, whatever their language.
struct SharedView<'a> {
    project: &'a Project,
    notice_page: &'a NoticePage<'a>,
    markdown: &'a markdown::Memo,
    /// The notice as JSON-LD: one description for all its languages, made once.
    jsonld_text: String,
    /// The same, escaped for the pages' `<script>` block.
    jsonld: Html,
}

impl<'a> SharedView<'a> {
    fn new(project: &'a Project, theme: &'a Theme, notice_page: &'a NoticePage<'a>) -> Self {
        let site = notice_page.site;
        let notice_url = canonical(project, &notice_page.path(site.primary()));
        let jsonld_text = jsonld::text(&jsonld::notice_jsonld(site, notice_url.as_deref()));
        SharedView {
            project,
            notice_page,
            markdown: &theme.markdown,
            jsonld: Html(jsonld::script_text(&jsonld_text)),
            jsonld_text,
        }
    }
}

/// Everything a notice page's templates see, in one language.
fn page_view(shared: &SharedView<'_>, lang: Lang, path: &str) -> Result<PageView, Diagnostic> {
    let SharedView {
        project,
        notice_page,
        ..
    } = *shared;
    let site = notice_page.site;
    let page = PageText::new(site, lang, shared.markdown);
    let notice = &site.notice;
    let title_text = notice
        .title
        .clone()
        .unwrap_or_else(|| Text::Plain(notice.controller.name.clone()));
    let intro = page.optional_block(notice.intro.as_ref(), &["intro"])?;
    let sections = sections::build(&page)?;
    let root = root_prefix(path);
    let link_lang = nearest(notice_page.current_languages, lang);
    let current_primary = notice_page.current_languages[0];
    let (version, archived) = match notice_page.status {
        Status::Unreleased | Status::Draft => (None, None),
        Status::Current(version) => (Some(version), None),
        Status::Archived { version, successor } => (
            Some(version),
            Some(ArchivedNote {
                current_href: format!(
                    "{root}{}",
                    localized_path(&site.name, current_primary, link_lang)
                ),
                replaced: successor.release.effective.into(),
            }),
        ),
    };
    let view = PageView {
        lang: lang.code(),
        site: site.name.clone(),
        title: page.string(&title_text),
        heading: page.plain(&title_text),
        updated: notice.updated.map(DateView::from),
        intro,
        canonical: canonical(project, path),
        alternates: language_links(
            project,
            &site.languages,
            &notice_page.dir(),
            &root,
            Some(lang),
        ),
        sections,
        version: version.map(|v| VersionLine {
            id: v.id.to_string(),
            effective: v.release.effective.into(),
        }),
        draft: matches!(notice_page.status, Status::Draft),
        archived,
        changes_href: notice_page.change_log.then(|| {
            format!(
                "{root}{}",
                changes_path(&site.name, current_primary, link_lang)
            )
        }),
        feed_href: notice_page
            .change_log
            .then(|| format!("{root}{}", feed_path(&site.name))),
        root,
        jsonld: shared.jsonld.clone(),
    };
    Ok(view)
}

/// One language of a notice as body-only HTML, for embedding in another generator's pages.
#[derive(Debug, Clone)]
pub struct LangFragment {
    /// The fragment's language.
    pub lang: Lang,
    /// The notice's title, as plain text.
    pub title: String,
    /// The standalone page, relative to the output root.
    pub path: String,
    /// The whole notice, with the same ids as the standalone page.
    pub body: String,
    /// Each section on its own, for hosts that place them separately.
    pub sections: Vec<SectionFragment>,
}

#[derive(Debug, Clone)]
/// One section of a fragment.
pub struct SectionFragment {
    /// The section's anchor, as on the standalone page.
    pub id: String,
    /// The heading, as plain text.
    pub title: String,
    /// The section's HTML.
    pub html: String,
}

/// Renders a notice's body and each section on their own, in every language, from the same
/// templates as the standalone page (`notice-body.html`, `section.html`).
pub fn render_fragments(
    project: &Project,
    theme: &Theme,
    notice_page: &NoticePage<'_>,
) -> Result<Vec<LangFragment>, Diagnostic> {
    let shared = SharedView::new(project, theme, notice_page);
    notice_page
        .site
        .languages
        .iter()
        .map(|&lang| {
            let path = notice_page.path(lang);
            let view = page_view(&shared, lang, &path)?;
            let sections = view
                .sections
                .iter()
                .map(|section| {
                    let html = theme.render(
                        "section.html",
                        minijinja::context! { page => Serde(&view), t => Serde(labels::labels(lang)), section => Serde(section) },
                    )?;
                    Ok(SectionFragment {
                        id: section.id.clone(),
                        title: section.label.clone(),
                        html,
                    })
                })
                .collect::<Result<Vec<_>, Diagnostic>>()?;
            let body = theme.render(
                "notice-body.html",
                minijinja::context! { page => Serde(&view), t => Serde(labels::labels(lang)) },
            )?;
            Ok(LangFragment {
                lang,
                title: view.title.clone(),
                path,
                body,
                sections,
            })
        })
        .collect()
}

/// Links to each language version of the notice in `dir` (published in `languages`, primary
/// first), from a page `root` levels below the output root.
fn language_links(
    project: &Project,
    languages: &[Lang],
    dir: &str,
    root: &str,
    current: Option<Lang>,
) -> Vec<Alternate> {
    languages
        .iter()
        .map(|&lang| {
            let path = localized_path(dir, languages[0], lang);
            Alternate {
                code: lang.code(),
                name: labels::labels(lang).language_name,
                href: format!("{root}{path}"),
                canonical: canonical(project, &path),
                current: current == Some(lang),
            }
        })
        .collect()
}

/// The public URL of an output path when the project has a `base_url`.
pub fn canonical_url(project: &Project, path: &str) -> Option<String> {
    canonical(project, path)
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

/// What the index page shows of a site: a few fields, so a build or a watch session keeps
/// these for every site instead of whole loaded notices.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexSite {
    /// The site's name (its output folder).
    pub name: String,
    /// The notice's title, if it has one.
    pub title: Option<Text>,
    /// The controller's name, shown when there is no title.
    pub controller: String,
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
            let title = site.title.as_ref().map_or_else(
                || site.controller.clone(),
                |t| t.get(lang, primary).text.to_string(),
            );
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
            page => minijinja::context! { lang => lang.code(), title, root => "", canonical => canonical(project, "index.html"), sites => Serde(entries) },
            t => Serde(labels::labels(lang)),
        },
    )?;
    Ok(html.into_bytes())
}
