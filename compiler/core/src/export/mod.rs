//! `notice export`: the notices as one versioned JSON payload or as body-only HTML fragments,
//! so other site generators (Hugo, Eleventy, Zola, mdBook) can embed them.

pub mod embed;
pub mod mdbook;

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::diff::json::change_json;
use crate::diff::release_warning;
use crate::error::{Failure, FailureKind};
use crate::history::History;
use crate::load::LoadedSite;
use crate::model::{Lang, Notice, Text};
use crate::project::Project;
use crate::render::changes::entries;
use crate::render::site::SiteInput;
use crate::render::{self, LangFragment, NoticePage, Status, Theme, jsonld, render_fragments};
use crate::source::display_path;
use crate::workspace::{Workspace, unknown_site};

pub use embed::EmbedOptions;

/// The stylesheet for embedded notices, every rule scoped under `.notice` (the fragments'
/// wrapper): written as `notice-embed.css` with the fragments, and in the JSON payload.
pub const EMBED_CSS: &str = include_str!("notice-embed.css");

/// The stylesheet's file name among the fragments.
pub const EMBED_CSS_FILE: &str = "notice-embed.css";

/// Bumped when a field of the JSON payload changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// Only these sites (all when empty).
    pub sites: Vec<String>,
    /// Only these language codes (all published languages when empty).
    pub langs: Vec<String>,
    /// Export the sources instead of the released versions.
    pub drafts: bool,
    /// How the fragments are fitted into a host page.
    pub embed: EmbedOptions,
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
    /// The id prefix of each fragment, in the order of `fragments`.
    pub id_prefixes: Vec<String>,
    /// Said when the released version is exported while the sources have moved on.
    pub warning: Option<Diagnostic>,
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
/// reports every broken site. A project without sites, an unknown site or a language a site
/// does not publish is bad data (exit 65) naming what exists: an export that silently wrote
/// nothing left the host generator failing later with a less helpful message.
pub fn collect(
    workspace: &Workspace,
    options: &ExportOptions,
) -> Result<Vec<ExportedSite>, Failure> {
    options.embed.validate()?;
    let selected = select(workspace, &options.sites)?;
    let theme = Theme::load(workspace.project())?;
    let (sites, failure) = workspace.each_site(&selected, |entry, sources| {
        let history = workspace.history(&entry.name)?;
        let input = SiteInput {
            sources: &sources,
            history: &history,
            drafts: options.drafts,
        };
        let mut site = export_site(workspace.project(), &theme, &input, &history, options)?;
        if !options.drafts {
            site.warning = release_warning(entry, &sources, &history, "notice export --drafts");
        }
        Ok(site)
    });
    if let Some(failure) = failure {
        return Err(failure);
    }
    let mut errors = Vec::new();
    for code in &options.langs {
        for site in sites.iter().filter(|site| !site.publishes(code)) {
            let published: Vec<&str> = site.languages.iter().map(|l| l.code()).collect();
            errors.push(Failure::new(
                FailureKind::Data,
                Diagnostic::error(format!("`{}` is not published in `{code}`", site.name))
                    .note(format!("its languages: {}", published.join(", ")))
                    .help("pass one of its languages to `--lang`, or leave `--lang` out for all"),
            ));
        }
    }
    match Failure::combine(errors) {
        Some(failure) => Err(failure),
        None => Ok(sites),
    }
}

/// The sites named, or all; none at all, or an unknown name, is bad data naming the sites.
fn select(
    workspace: &Workspace,
    names: &[String],
) -> Result<Vec<crate::project::SiteEntry>, Failure> {
    let project = workspace.project();
    if project.sites.is_empty() {
        return Err(Failure::new(
            FailureKind::Data,
            Diagnostic::error("no sites to export: `content/` holds no `<site>/notice.toml`")
                .at_path(display_path(&project.root.join("content")))
                .help("run `notice export` in the notice project, or point `--root DIR` at it (the directory whose `content/<site>/notice.toml` are the notices)"),
        ));
    }
    let all: Vec<&str> = project.sites.iter().map(|s| s.name.as_str()).collect();
    let unknown: Vec<Failure> = names
        .iter()
        .filter(|name| !all.contains(&name.as_str()))
        .map(|name| {
            Failure::new(
                FailureKind::Data,
                unknown_site(name, all.iter().copied())
                    .note(format!("the project's sites: {}", all.join(", "))),
            )
        })
        .collect();
    match Failure::combine(unknown) {
        Some(failure) => Err(failure),
        None => workspace.select(names),
    }
}

/// One site's fragments, change log and machine-readable notice.
fn export_site(
    project: &Project,
    theme: &Theme,
    input: &SiteInput<'_>,
    history: &History,
    options: &ExportOptions,
) -> Result<ExportedSite, Failure> {
    let (current, status) = input.current();
    // Fragments are embedded elsewhere: no links to pages of ours they cannot reach.
    let page = NoticePage {
        site: current,
        status,
        current_languages: &current.languages,
        change_log: false,
    };
    let fragments: Vec<LangFragment> = render_fragments(project, theme, &page)?
        .into_iter()
        .filter(|f| options.langs.is_empty() || options.langs.iter().any(|c| c == f.lang.code()))
        .map(|f| fit(f, &current.name, &options.embed))
        .collect();
    let id_prefixes = fragments
        .iter()
        .map(|f| options.embed.prefix(&current.name, f.lang))
        .collect();
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
        id_prefixes,
        warning: None,
    })
}

impl ExportedSite {
    fn publishes(&self, code: &str) -> bool {
        self.languages.iter().any(|l| l.code() == code)
    }
}

/// A fragment and its sections, each fitted into a host page on its own.
fn fit(mut fragment: LangFragment, site: &str, embed: &EmbedOptions) -> LangFragment {
    fragment.body = embed.apply(&fragment.body, site, fragment.lang);
    for section in &mut fragment.sections {
        section.html = embed.apply(&section.html, site, fragment.lang);
    }
    fragment
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
    stylesheet: &'static str,
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
    /// The section's anchor in `html`, with the id prefix.
    id: String,
    title: &'a str,
    html: &'a str,
}

/// The JSON payload (`schema_version` 1).
pub fn json(sites: &[ExportedSite]) -> String {
    let payload = Payload {
        schema_version: SCHEMA_VERSION,
        generator: format!("notice {}", env!("CARGO_PKG_VERSION")),
        stylesheet: EMBED_CSS,
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
                    .zip(&site.id_prefixes)
                    .map(|(f, prefix)| {
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
                                        id: format!("{prefix}{}", s.id),
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

/// Fragment files: `<site>/<lang>.html` for the whole notice, `<site>/<lang>/<section>.html`
/// for each section, and the stylesheet `notice-embed.css`.
pub fn fragment_files(sites: &[ExportedSite]) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    files.insert(EMBED_CSS_FILE.to_string(), EMBED_CSS.as_bytes().to_vec());
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
