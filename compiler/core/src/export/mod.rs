//! `notice export`: the notices as one versioned JSON payload or as body-only HTML fragments,
//! so other site generators (Hugo, Eleventy, Zola, mdBook) can embed them.

pub mod mdbook;

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::Serialize;

use crate::diff::json::change_json;
use crate::error::Failure;
use crate::history::History;
use crate::load::LoadedSite;
use crate::model::{Lang, Notice, Text};
use crate::project::Project;
use crate::render::changes::entries;
use crate::render::site::SiteInput;
use crate::render::{self, LangFragment, NoticePage, Status, Theme, jsonld, render_fragments};
use crate::workspace::Workspace;

/// Bumped when a field of the JSON payload changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// Only these sites (all when empty).
    pub sites: Vec<String>,
    /// Export the sources instead of the released versions.
    pub drafts: bool,
}

/// One site, ready to be written as JSON or fragments.
pub struct ExportedSite {
    /// The site's name (its directory under `content/`).
    pub name: String,
    /// Published languages, primary first.
    pub languages: Vec<Lang>,
    /// The version shown, when the site has releases (and drafts were not asked for).
    pub version: Option<VersionJson>,
    /// The effective notice the fragments show.
    pub notice: Notice,
    /// The notice as body-only HTML, one per language.
    pub fragments: Vec<LangFragment>,
    /// The change log, newest version first.
    pub changes: Vec<EntryJson>,
    /// The notice as JSON-LD with DPV terms.
    pub jsonld: serde_json::Value,
}

#[derive(Debug, Clone, Serialize)]
/// The version an export shows.
pub struct VersionJson {
    /// The version id, e.g. `2025-12-01` or `2025-12-01-2`.
    pub id: String,
    /// The date it takes effect, `YYYY-MM-DD`.
    pub effective: String,
}

/// One released version in the change log, newest first.
#[derive(Debug, Serialize)]
pub struct EntryJson {
    /// The version id.
    pub version: String,
    /// The date it takes effect, `YYYY-MM-DD`.
    pub effective: String,
    /// The releaser's summary per language code.
    pub summary: IndexMap<&'static str, String>,
    /// `material` or `editorial`; none for the first version.
    pub class: Option<&'static str>,
    /// The changes since the version before, in `notice diff`'s JSON shape.
    pub changes: Vec<serde_json::Value>,
}

/// Loads and renders every selected site for export. Every site is attempted, so one run
/// reports every broken site.
pub fn collect(
    workspace: &Workspace,
    options: &ExportOptions,
) -> Result<Vec<ExportedSite>, Failure> {
    let selected = workspace.select(&options.sites)?;
    let theme = Theme::load(workspace.project())?;
    let (sites, failure) = workspace.each_site(&selected, |entry, sources| {
        let history = workspace.history(&entry.name)?;
        let input = SiteInput {
            sources: &sources,
            history: &history,
            drafts: options.drafts,
        };
        export_site(workspace.project(), &theme, &input, &history)
    });
    match failure {
        Some(failure) => Err(failure),
        None => Ok(sites),
    }
}

/// One site's fragments, change log and machine-readable notice.
fn export_site(
    project: &Project,
    theme: &Theme,
    input: &SiteInput<'_>,
    history: &History,
) -> Result<ExportedSite, Failure> {
    let (current, status) = input.current();
    // Fragments are embedded elsewhere: no links to pages of ours they cannot reach.
    let page = NoticePage {
        site: current,
        status,
        current_languages: &current.languages,
        change_log: false,
    };
    let fragments = render_fragments(project, theme, &page)?;
    let canonical = render::canonical_url(project, &render::page_path(current, current.primary()));
    Ok(ExportedSite {
        name: current.name.clone(),
        languages: current.languages.clone(),
        version: match status {
            Status::Current(version) => Some(VersionJson {
                id: version.id.to_string(),
                effective: version.release.effective.to_string(),
            }),
            _ => None,
        },
        notice: current.notice.clone(),
        jsonld: jsonld::notice_jsonld(current, canonical.as_deref()),
        fragments,
        changes: change_log(history, current),
    })
}

/// The released versions, newest first, with their changes in the site's languages.
fn change_log(history: &History, current: &LoadedSite) -> Vec<EntryJson> {
    let primary = current.primary();
    let summary = |text: &Text| -> IndexMap<&'static str, String> {
        current
            .languages
            .iter()
            .map(|&l| (l.code(), text.get(l, primary).text.to_string()))
            .collect()
    };
    entries(history, None)
        .iter()
        .filter_map(|entry| {
            let version = entry.version?;
            Some(EntryJson {
                version: version.id.to_string(),
                effective: version.release.effective.to_string(),
                summary: version
                    .release
                    .summary
                    .as_ref()
                    .map(summary)
                    .unwrap_or_default(),
                class: entry.class().map(|c| c.id()),
                changes: entry
                    .changes
                    .iter()
                    .flatten()
                    .map(|c| {
                        serde_json::to_value(change_json(c, &current.languages))
                            .expect("plain data serializes")
                    })
                    .collect(),
            })
        })
        .collect()
}

#[derive(Serialize)]
struct Payload<'a> {
    schema_version: u32,
    generator: String,
    sites: Vec<SiteJson<'a>>,
}

#[derive(Serialize)]
struct SiteJson<'a> {
    site: &'a str,
    primary_language: &'static str,
    languages: Vec<&'static str>,
    version: Option<&'a VersionJson>,
    pages: IndexMap<&'static str, PageJson<'a>>,
    changes: &'a [EntryJson],
    notice: &'a Notice,
    jsonld: &'a serde_json::Value,
}

#[derive(Serialize)]
struct PageJson<'a> {
    title: &'a str,
    /// The standalone page, relative to the output root.
    path: &'a str,
    /// The whole notice as body-only HTML, with the same ids as the standalone page.
    html: &'a str,
    sections: Vec<SectionJson<'a>>,
}

#[derive(Serialize)]
struct SectionJson<'a> {
    id: &'a str,
    title: &'a str,
    html: &'a str,
}

/// The JSON payload (`schema_version` 1).
pub fn json(sites: &[ExportedSite]) -> String {
    let payload = Payload {
        schema_version: SCHEMA_VERSION,
        generator: format!("notice {}", env!("CARGO_PKG_VERSION")),
        sites: sites
            .iter()
            .map(|site| SiteJson {
                site: &site.name,
                primary_language: site.languages[0].code(),
                languages: site.languages.iter().map(|l| l.code()).collect(),
                version: site.version.as_ref(),
                pages: site
                    .fragments
                    .iter()
                    .map(|f| {
                        (
                            f.lang.code(),
                            PageJson {
                                title: &f.title,
                                path: &f.path,
                                html: &f.body,
                                sections: f
                                    .sections
                                    .iter()
                                    .map(|s| SectionJson {
                                        id: &s.id,
                                        title: &s.title,
                                        html: &s.html,
                                    })
                                    .collect(),
                            },
                        )
                    })
                    .collect(),
                changes: &site.changes,
                notice: &site.notice,
                jsonld: &site.jsonld,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&payload).expect("plain data serializes");
    text.push('\n');
    text
}

/// Fragment files: `<site>/<lang>.html` for the whole notice and `<site>/<lang>/<section>.html`
/// for each section.
pub fn fragment_files(sites: &[ExportedSite]) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for site in sites {
        for fragment in &site.fragments {
            let lang = fragment.lang.code();
            files.insert(
                format!("{}/{lang}.html", site.name),
                fragment.body.clone().into_bytes(),
            );
            for section in &fragment.sections {
                files.insert(
                    format!("{}/{lang}/{}.html", site.name, section.id),
                    section.html.clone().into_bytes(),
                );
            }
        }
    }
    files
}
