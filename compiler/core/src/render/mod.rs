//! Rendering: a loaded site becomes one HTML page per language, plus the index of sites, all in memory.

pub mod changes;
mod feed;
mod fragments;
mod highlight;
mod index;
pub mod jsonld;
pub mod markdown;
mod paths;
mod processing;
pub mod sections;
pub mod site;
mod text;
pub mod theme;

use minijinja::value::Serde;
use serde::Serialize;

pub use fragments::{LangFragment, SectionFragment, render_fragments};
pub use highlight::escape;
pub use index::{IndexSite, render_index};
pub use paths::{canonical_url, changes_path, feed_path, page_path, version_dir};
use paths::{localized_path, nearest, root_prefix};
pub use text::Html;
use text::PageText;
pub use theme::Theme;

use crate::diagnostic::Diagnostic;
use crate::history::Version;
use crate::labels;
use crate::load::LoadedSite;
use crate::model::{Date, Lang};
use crate::project::Project;

/// Where the CSS is published, relative to the output root (a name no site may have).
pub use crate::project::ASSETS_DIR;

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
        let notice_url = canonical_url(project, &notice_page.path(site.primary()));
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
    let title_text = labels::notice_title(notice, lang, site.primary());
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
        canonical: canonical_url(project, path),
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
                canonical: canonical_url(project, &path),
                current: current == Some(lang),
            }
        })
        .collect()
}
