//! A site's history pages: the change log in each language, with word diffs linked to the
//! current page's sections, and the Atom feed of released versions.

use minijinja::value::Serde;
use serde::Serialize;

use super::highlight::escape;
use super::{
    Alternate, DateView, Html, Theme, canonical_url, changes_path, feed_path, localized_path,
    root_prefix, version_dir,
};
use crate::diagnostic::Diagnostic;
use crate::diff::{self, Change, Class, SectionKey, Side, phrases, words::with_context};
use crate::history::{History, Version};
use crate::labels;
use crate::load::LoadedSite;
use crate::model::{Lang, Text};
use crate::project::Project;

/// Words kept around each change in the change log's inline diffs.
const CONTEXT_WORDS: usize = 12;

/// One entry of a change log: a released version, or the unreleased draft on top.
pub struct Entry<'a> {
    /// `None` for the unreleased changes shown by `--drafts`.
    pub version: Option<&'a Version>,
    /// Changes from the entry before; `None` for the first version.
    pub changes: Option<Vec<Change>>,
}

impl Entry<'_> {
    /// Material or editorial; `None` for the first version.
    pub fn class(&self) -> Option<Class> {
        let changes = self.changes.as_ref()?;
        Some(if diff::is_material(changes) {
            Class::Material
        } else {
            Class::Editorial
        })
    }
}

/// The entries of a change log, newest first. `draft` is the site's sources when the build
/// shows unreleased changes.
pub fn entries<'a>(history: &'a History, draft: Option<&LoadedSite>) -> Vec<Entry<'a>> {
    let side = |site: &'a LoadedSite| Side {
        notice: &site.notice,
        languages: &site.languages,
    };
    let mut entries: Vec<Entry<'a>> = history
        .versions
        .iter()
        .enumerate()
        .map(|(i, version)| Entry {
            version: Some(version),
            changes: i
                .checked_sub(1)
                .map(|prev| diff::diff(side(&history.versions[prev].site), side(&version.site))),
        })
        .collect();
    entries.reverse();
    if let (Some(sources), Some(latest)) = (draft, history.latest()) {
        let pending = diff::diff(
            side(&latest.site),
            Side {
                notice: &sources.notice,
                languages: &sources.languages,
            },
        );
        if !pending.is_empty() {
            entries.insert(
                0,
                Entry {
                    version: None,
                    changes: Some(pending),
                },
            );
        }
    }
    entries
}

/// What the change log pages link to.
pub struct ChangeLog<'a> {
    /// The site as its current page shows it.
    pub current: &'a LoadedSite,
    /// Section anchors present on the current page.
    pub anchors: &'a [String],
    /// The change log, newest first.
    pub entries: &'a [Entry<'a>],
}

#[derive(Serialize)]
struct ClassView {
    id: &'static str,
    label: &'static str,
}

#[derive(Serialize)]
struct WordView {
    op: &'static str,
    text: String,
}

#[derive(Serialize)]
struct ChangeView {
    summary: String,
    class: ClassView,
    reason: &'static str,
    before_after: Option<String>,
    words: Vec<WordView>,
}

#[derive(Serialize)]
struct GroupView {
    title: String,
    href: Option<String>,
    changes: Vec<ChangeView>,
}

#[derive(Serialize)]
struct EntryView {
    anchor: String,
    id: Option<String>,
    effective: Option<DateView>,
    summary: Option<Html>,
    class: Option<ClassView>,
    first: bool,
    current: bool,
    href: String,
    groups: Vec<GroupView>,
}

#[derive(Serialize)]
struct ChangeLogView {
    lang: &'static str,
    site: String,
    title: String,
    heading: String,
    root: String,
    canonical: Option<String>,
    alternates: Vec<Alternate>,
    notice_href: String,
    feed_href: String,
    entries: Vec<EntryView>,
}

fn class_view(class: Class, lang: Lang) -> ClassView {
    ClassView {
        id: class.id(),
        label: phrases::class(class, lang),
    }
}

pub(super) fn entry_anchor(entry: &Entry<'_>) -> String {
    entry
        .version
        .map_or_else(|| "unreleased".to_string(), |v| format!("v-{}", v.id))
}

/// Where an entry's version can be read: the current page for the version in force (and the
/// draft), the archive for earlier ones.
fn entry_path(log: &ChangeLog<'_>, entry: &Entry<'_>, index: usize, lang: Lang) -> String {
    let site = log.current;
    let newest_released = log.entries.iter().position(|e| e.version.is_some());
    match entry.version {
        Some(version) if Some(index) != newest_released => {
            let lang = if version.site.languages.contains(&lang) {
                lang
            } else {
                version.site.primary()
            };
            localized_path(
                &version_dir(&site.name, &version.id.to_string()),
                version.site.primary(),
                lang,
            )
        }
        _ => localized_path(&site.name, site.primary(), lang),
    }
}

pub(super) fn title_of(site: &LoadedSite, lang: Lang) -> String {
    let title = labels::notice_title(&site.notice, lang, site.primary());
    title.get(lang, site.primary()).text.to_string()
}

/// Renders the change log in every language of the current page.
pub fn render_change_log(
    project: &Project,
    theme: &Theme,
    log: &ChangeLog<'_>,
) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    let site = log.current;
    site.languages
        .iter()
        .map(|&lang| {
            let path = changes_path(&site.name, site.primary(), lang);
            let root = root_prefix(&path);
            let t = labels::labels(lang);
            let notice_path = localized_path(&site.name, site.primary(), lang);
            let view = ChangeLogView {
                lang: lang.code(),
                site: site.name.clone(),
                title: format!("{}: {}", t.change_log, title_of(site, lang)),
                heading: t.change_log.to_string(),
                canonical: canonical_url(project, &path),
                alternates: site
                    .languages
                    .iter()
                    .map(|&other| {
                        let other_path = changes_path(&site.name, site.primary(), other);
                        Alternate {
                            code: other.code(),
                            name: labels::labels(other).language_name,
                            href: format!("{root}{other_path}"),
                            canonical: canonical_url(project, &other_path),
                            current: other == lang,
                        }
                    })
                    .collect(),
                notice_href: format!("{root}{notice_path}"),
                feed_href: format!("{root}{}", feed_path(&site.name)),
                entries: log
                    .entries
                    .iter()
                    .enumerate()
                    .map(|(index, entry)| entry_view(log, entry, index, lang, &root, &notice_path))
                    .collect(),
                root,
            };
            let html = theme.render(
                "changes.html",
                minijinja::context! { page => Serde(view), t => Serde(t) },
            )?;
            Ok((path, html.into_bytes()))
        })
        .collect()
}

fn entry_view(
    log: &ChangeLog<'_>,
    entry: &Entry<'_>,
    index: usize,
    lang: Lang,
    root: &str,
    notice_path: &str,
) -> EntryView {
    let site = log.current;
    let primary = site.primary();
    EntryView {
        anchor: entry_anchor(entry),
        id: entry.version.map(|v| v.id.to_string()),
        effective: entry.version.map(|v| v.release.effective.into()),
        summary: entry
            .version
            .and_then(|v| v.release.summary.as_ref())
            .map(|s| Html(escape(s.get(lang, primary).text))),
        class: entry.class().map(|c| class_view(c, lang)),
        first: entry.changes.is_none(),
        current: index == 0,
        href: format!("{root}{}", entry_path(log, entry, index, lang)),
        groups: entry
            .changes
            .as_deref()
            .map(|changes| groups(log, changes, lang, &format!("{root}{notice_path}")))
            .unwrap_or_default(),
    }
}

/// Changes grouped by section, in page order; each group links to its section when the
/// current page still has it.
fn groups(
    log: &ChangeLog<'_>,
    changes: &[Change],
    lang: Lang,
    notice_href: &str,
) -> Vec<GroupView> {
    let primary = log.current.primary();
    let mut groups: Vec<(SectionKey, GroupView)> = Vec::new();
    for change in changes.iter().filter(|c| c.concerns(lang)) {
        let view = ChangeView {
            summary: phrases::summary(change, lang, primary),
            class: class_view(change.class(), lang),
            reason: phrases::reason(change.reason, lang),
            before_after: phrases::before_after(change, lang),
            words: with_context(change.words_for(lang), CONTEXT_WORDS)
                .into_iter()
                .map(|s| WordView {
                    op: s.op.id(),
                    text: s.text,
                })
                .collect(),
        };
        match groups.iter_mut().find(|(key, _)| *key == change.section) {
            Some((_, group)) => group.changes.push(view),
            None => {
                let title =
                    section_title(log.current, &change.section, change.label.as_ref(), lang);
                let href = match change.section.anchor() {
                    None => Some(notice_href.to_string()),
                    Some(anchor) => log
                        .anchors
                        .iter()
                        .any(|a| a == anchor)
                        .then(|| format!("{notice_href}#{anchor}")),
                };
                groups.push((
                    change.section.clone(),
                    GroupView {
                        title,
                        href,
                        changes: vec![view],
                    },
                ));
            }
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

fn section_title(
    current: &LoadedSite,
    section: &SectionKey,
    label: Option<&Text>,
    lang: Lang,
) -> String {
    let primary = current.primary();
    match section {
        SectionKey::Page => labels::pick(lang, "Yleistä", "Allmänt", "General").to_string(),
        SectionKey::Standard(section) => labels::section_title(*section, lang).to_string(),
        SectionKey::Custom(id) => current
            .notice
            .sections
            .iter()
            .find(|s| &s.id == id)
            .map(|s| &s.title)
            .or(label)
            .map_or_else(|| id.clone(), |t| t.get(lang, primary).text.to_string()),
    }
}
