//! All the pages of one site: the current notice, the earlier versions, the change log and its feed.

use super::changes::{self, ChangeLog};
use super::{NoticePage, Status, Theme, render_notice};
use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::load::LoadedSite;
use crate::project::Project;

/// A site to render: its sources and its released versions.
pub struct SiteInput<'a> {
    /// The site as its sources say.
    pub sources: &'a LoadedSite,
    /// Its released versions.
    pub history: &'a History,
    /// Show the sources as an unreleased draft instead of the version in force.
    pub drafts: bool,
}

impl<'a> SiteInput<'a> {
    /// What the current page shows: the latest release, or the sources when there is none or
    /// when drafts are asked for.
    pub fn current(&self) -> (&'a LoadedSite, Status<'a>) {
        match self.history.latest() {
            _ if self.drafts => (self.sources, Status::Draft),
            Some(latest) => (&latest.site, Status::Current(latest)),
            None => (self.sources, Status::Unreleased),
        }
    }
}

/// Every file of one site, in memory.
pub struct SiteOutput {
    /// `(output path, bytes)` of every file.
    pub files: Vec<(String, Vec<u8>)>,
    /// HTML pages among the files.
    pub pages: usize,
}

/// Renders a site's current page, change log, feed and archived versions in every language.
pub fn render_site(
    project: &Project,
    theme: &Theme,
    input: &SiteInput<'_>,
) -> Result<SiteOutput, Diagnostic> {
    let (current, status) = input.current();
    let has_history = !input.history.versions.is_empty();
    let notice = render_notice(
        project,
        theme,
        &NoticePage {
            site: current,
            status,
            current_languages: &current.languages,
            change_log: has_history,
        },
    )?;
    let mut files = notice.pages;
    // The current page's own JSON-LD, so the file and the page describe the notice alike.
    let mut jsonld_text = notice.jsonld;
    jsonld_text.push('\n');
    files.push((
        format!("{}/notice.jsonld", current.name),
        jsonld_text.into_bytes(),
    ));
    if !has_history {
        let pages = files.len() - 1;
        return Ok(SiteOutput { files, pages });
    }

    // Earlier versions; the one in force is the current page itself.
    let versions = &input.history.versions;
    for pair in versions.windows(2) {
        let archived = render_notice(
            project,
            theme,
            &NoticePage {
                site: &pair[0].site,
                status: Status::Archived {
                    version: &pair[0],
                    successor: &pair[1],
                },
                current_languages: &current.languages,
                change_log: true,
            },
        )?;
        files.extend(archived.pages);
    }

    let entries = changes::entries(input.history, input.drafts.then_some(input.sources));
    let log = ChangeLog {
        current,
        anchors: &notice.anchors,
        entries: &entries,
    };
    files.extend(changes::render_change_log(project, theme, &log)?);
    let pages = files.len() - 1;
    files.push(super::feed::render_feed(project, theme, &log)?);
    Ok(SiteOutput { files, pages })
}
