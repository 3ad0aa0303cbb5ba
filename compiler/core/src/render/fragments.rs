//! A notice as body-only HTML per language and per section, for embedding in another
//! generator's pages.

use minijinja::value::Serde;

use super::{NoticePage, SharedView, Theme, page_view};
use crate::diagnostic::Diagnostic;
use crate::labels;
use crate::model::Lang;
use crate::project::Project;

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
