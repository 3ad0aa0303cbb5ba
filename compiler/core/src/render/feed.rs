//! The Atom feed of a site's released versions, for readers who follow changes.

use std::fmt::Write;

use minijinja::value::Serde;
use serde::Serialize;

use super::changes::{ChangeLog, Entry, entry_anchor, title_of};
use super::highlight::escape;
use super::{Theme, canonical_url, changes_path, feed_path};
use crate::diagnostic::Diagnostic;
use crate::diff::{Op, phrases, words::with_context};
use crate::labels;
use crate::model::Lang;
use crate::project::Project;

/// Words kept around each change in the feed's inline diffs.
const CONTEXT_WORDS: usize = 12;

#[derive(Serialize)]
struct FeedEntry {
    id: String,
    title: String,
    updated: String,
    href: String,
    content: String,
}

#[derive(Serialize)]
struct FeedView {
    lang: &'static str,
    id: String,
    title: String,
    author: String,
    updated: String,
    self_href: String,
    changes_href: String,
    entries: Vec<FeedEntry>,
}

/// The Atom feed of released versions, in the primary language. Entry dates are the effective
/// dates, so the feed never depends on when it was built.
pub(super) fn render_feed(
    project: &Project,
    theme: &Theme,
    log: &ChangeLog<'_>,
) -> Result<(String, Vec<u8>), Diagnostic> {
    let site = log.current;
    let lang = site.primary();
    let t = labels::labels(lang);
    let path = feed_path(&site.name);
    let changes = changes_path(&site.name, lang, lang);
    // Without a base URL, links stay relative to the feed's own location.
    let url = |target: &str| {
        canonical_url(project, target).unwrap_or_else(|| {
            target
                .strip_prefix(&format!("{}/", site.name))
                .unwrap_or(target)
                .to_string()
        })
    };
    let id_of = |anchor: &str| match project.settings.base_url {
        Some(_) => format!("{}#{anchor}", url(&changes)),
        None => format!("urn:x-notice:{}:{anchor}", site.name),
    };
    let entries: Vec<FeedEntry> = log
        .entries
        .iter()
        .filter(|e| e.version.is_some())
        .map(|entry| {
            let version = entry.version.expect("filtered");
            let anchor = entry_anchor(entry);
            let mut title = format!("{} {}", t.version, version.id);
            if let Some(class) = entry.class() {
                let _ = write!(title, " – {}", phrases::class(class, lang));
            }
            FeedEntry {
                id: id_of(&anchor),
                title,
                updated: format!("{}T00:00:00Z", version.release.effective),
                href: format!("{}#{anchor}", url(&changes)),
                content: feed_content(log, entry, lang),
            }
        })
        .collect();
    let view = FeedView {
        lang: lang.code(),
        id: match project.settings.base_url {
            Some(_) => url(&path),
            None => format!("urn:x-notice:{}", site.name),
        },
        title: format!("{}: {}", t.change_log, title_of(site, lang)),
        // Atom requires a feed author: the controller, else the notice's title.
        author: site
            .notice
            .controller
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| title_of(site, lang)),
        updated: entries
            .first()
            .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |e| e.updated.clone()),
        self_href: url(&path),
        changes_href: url(&changes),
        entries,
    };
    let xml = theme.render(
        "changes.xml",
        minijinja::context! { feed => Serde(view), t => Serde(t) },
    )?;
    Ok((path, xml.into_bytes()))
}

/// The entry's changes as a small HTML list, for feed readers.
fn feed_content(log: &ChangeLog<'_>, entry: &Entry<'_>, lang: Lang) -> String {
    let primary = log.current.primary();
    let t = labels::labels(lang);
    let mut html = String::new();
    if let Some(summary) = entry.version.and_then(|v| v.release.summary.as_ref()) {
        let _ = write!(html, "<p>{}</p>", escape(summary.get(lang, primary).text));
    }
    match &entry.changes {
        None => {
            let _ = write!(html, "<p>{}</p>", escape(t.first_version));
        }
        Some(changes) => {
            html.push_str("<ul>");
            for change in changes.iter().filter(|c| c.concerns(lang)) {
                let _ = write!(
                    html,
                    "<li>{} ({}: {})",
                    escape(&phrases::summary(change, lang, primary)),
                    escape(phrases::class(change.class(), lang)),
                    escape(phrases::reason(change.reason, lang))
                );
                if let Some(line) = phrases::before_after(change, lang) {
                    let _ = write!(html, "<br>{}", escape(&line));
                }
                let words = change.words_for(lang);
                if !words.is_empty() {
                    html.push_str("<br>");
                    for (i, segment) in with_context(words, CONTEXT_WORDS).iter().enumerate() {
                        if i > 0 {
                            html.push(' ');
                        }
                        let text = escape(&segment.text);
                        match segment.op {
                            Op::Equal => html.push_str(&text),
                            Op::Insert => {
                                let _ = write!(html, "<ins>{text}</ins>");
                            }
                            Op::Delete => {
                                let _ = write!(html, "<del>{text}</del>");
                            }
                        }
                    }
                }
                html.push_str("</li>");
            }
            html.push_str("</ul>");
        }
    }
    html
}
