//! `notice check`: the runner that checks every site's effective notice against every rule.
//!
//! Each [`Rule`] is one entry in [`RULES`] (in `rules.rs`): a stable id, the article it enforces,
//! a severity, a fix hint and the function that looks for it. Adding a rule is adding one entry
//! (and its function). Rules read the typed [`Notice`] for meaning and the merged provenance tree for locations, so a
//! finding points at the layer that set the value, not just at the site.

mod authority;
mod content;
mod cookies;
mod finnish;
pub mod format;
mod legal;
mod overrides;
mod releases;
mod retention;
mod rights;
mod rules;
mod stated_bases;
mod syntax;
mod texts;
mod transfer_consistency;
mod translation;
mod unchecked;
mod vocabulary;
mod walk;

pub use rules::{RULES, Rule, rule};
pub use unchecked::{LOAD_ERROR, LoadError};

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::diagnostic::{Diagnostic, Severity};
use crate::diff::{Change, changes_since_latest};
use crate::error::{Failure, FailureKind};
use crate::history::VersionId;
use crate::load::LoadedSite;
use crate::model::{Lang, Notice};
use crate::project::{Project, SiteEntry};
use crate::render::{self, Theme};
use crate::source::{Node, Origin, Value, find_origin};
use crate::workspace::Workspace;
use unchecked::LoadErrors;

/// What a rule found, before the runner attaches the rule and the site.
#[derive(Debug, Clone)]
struct Found {
    message: String,
    origin: Origin,
    help: Option<String>,
    notes: Vec<String>,
    language: Option<Lang>,
}

impl Found {
    fn new(message: impl Into<String>, origin: Origin) -> Found {
        Found {
            message: message.into(),
            origin,
            help: None,
            notes: Vec::new(),
            language: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Found {
        self.help = Some(help.into());
        self
    }

    fn note(mut self, note: impl Into<String>) -> Found {
        self.notes.push(note.into());
        self
    }

    fn language(mut self, lang: Lang) -> Found {
        self.language = Some(lang);
        self
    }
}

/// One problem found by a rule, located at the value that causes it.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The rule that found it.
    pub rule: &'static Rule,
    /// What is wrong, in the finding's language.
    pub message: String,
    /// Where: the value's own origin (a layer's line for inherited values).
    pub origin: Origin,
    /// The fix: the finding's own hint, or the rule's.
    pub help: String,
    /// Secondary facts, such as the sites a layer's finding affects.
    pub notes: Vec<String>,
    /// The language a finding is about (a missing translation), if any.
    pub language: Option<Lang>,
    /// The sites whose effective notice has the problem, sorted. A problem in a shared layer
    /// is reported once, for every site that uses the layer.
    pub sites: Vec<String>,
}

impl Finding {
    /// The finding as a diagnostic, for the human format.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let mut diagnostic = match self.rule.severity {
            Severity::Error => Diagnostic::error(&self.message),
            Severity::Warning => Diagnostic::warning(&self.message),
        }
        .code(&self.rule.id)
        .at(&self.origin);
        for note in &self.notes {
            diagnostic = diagnostic.note(note);
        }
        if self.sites.len() > 1 {
            diagnostic = diagnostic.note(format!("in sites {}", quoted_list(&self.sites)));
        }
        if let Some(article) = self.rule.article {
            diagnostic = diagnostic.note(article);
        }
        diagnostic.help(&self.help)
    }
}

fn quoted_list(items: &[String]) -> String {
    items
        .iter()
        .map(|item| format!("`{item}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A loaded site as the rules see it.
struct SiteView<'a> {
    site: &'a LoadedSite,
    /// The ids on each language's page, when the pages rendered.
    page_ids: Option<BTreeMap<Lang, BTreeSet<String>>>,
    /// The latest released version and the changes since, when the site has releases.
    unreleased: Option<(VersionId, Vec<Change>)>,
    /// The latest released version's notice, when the site has releases.
    released: Option<&'a LoadedSite>,
    /// The items of the notice's lists by list and id: a rule that locates every purpose of
    /// thousands finds each in one lookup instead of a scan of the list.
    items: HashMap<(&'a str, &'a str), &'a Node>,
}

impl<'a> SiteView<'a> {
    fn new(
        site: &'a LoadedSite,
        page_ids: Option<BTreeMap<Lang, BTreeSet<String>>>,
        unreleased: Option<(VersionId, Vec<Change>)>,
        released: Option<&'a LoadedSite>,
    ) -> SiteView<'a> {
        let mut items = HashMap::new();
        for (list, entry) in site.merged.as_table().into_iter().flatten() {
            let Value::Array(nodes) = &entry.node.value else {
                continue;
            };
            for item in nodes {
                let id = item.as_table().and_then(|t| t.get("id"));
                if let Some(id) = id.and_then(|id| id.node.as_str()) {
                    // The first item with an id, as a scan would find it.
                    items.entry((list.as_str(), id)).or_insert(item);
                }
            }
        }
        SiteView {
            site,
            page_ids,
            unreleased,
            released,
            items,
        }
    }

    fn notice(&self) -> &Notice {
        &self.site.notice
    }

    /// The start of the site's own notice.toml: where a finding about something missing from
    /// the whole notice points, since that is where the site adds it (or extends a layer).
    fn root(&self) -> Origin {
        self.site.merged.origin.clone()
    }

    /// The origin of the value at `path`, or of its nearest parent that exists.
    fn locate(&self, path: &[&str]) -> Origin {
        (0..=path.len())
            .rev()
            .find_map(|len| self.origin_at(&path[..len]))
            .unwrap_or_else(|| self.root())
    }

    /// Where the value at `path` was set, as [`find_origin`] finds it.
    fn origin_at(&self, path: &[&str]) -> Option<Origin> {
        if let [list, id, rest @ ..] = path {
            if let Some(item) = self.items.get(&(*list, *id)) {
                return find_origin(item, rest);
            }
        }
        find_origin(&self.site.merged, path)
    }

    /// Where a list item is: the value of its `id`.
    fn item(&self, list: &str, id: &str) -> Origin {
        self.locate(&[list, id, "id"])
    }
}

/// What to check.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Only these sites (all when empty).
    pub sites: Vec<String>,
}

/// Everything `notice check` found.
#[derive(Debug)]
pub struct CheckReport {
    /// The sites selected, sorted.
    pub sites: Vec<String>,
    /// Problems that kept sites from being checked (fully), sorted by location.
    pub load_errors: Vec<LoadError>,
    /// The exit code the load errors call for: bad data (65) or I/O (74).
    pub load_failure: Option<FailureKind>,
    /// Findings sorted by file, line, column and rule id.
    pub findings: Vec<Finding>,
    /// Project warnings, such as a site directory without `notice.toml`.
    pub warnings: Vec<Diagnostic>,
}

impl CheckReport {
    /// How many findings and load errors have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        let findings = self.findings.iter().filter(|f| f.rule.severity == severity);
        let load_errors = self.load_errors.iter();
        findings.count()
            + load_errors
                .filter(|e| e.diagnostic.severity == severity)
                .count()
    }

    /// Whether the findings fail the check: any error, or with `strict` any warning.
    pub fn fails(&self, strict: bool) -> bool {
        self.count(Severity::Error) > 0 || (strict && self.count(Severity::Warning) > 0)
    }

    /// The sites a load error kept from being checked (fully), sorted.
    pub fn unchecked(&self) -> Vec<&str> {
        let sites = self.load_errors.iter().flat_map(|e| &e.sites);
        let unchecked: BTreeSet<&str> = sites.map(String::as_str).collect();
        unchecked.into_iter().collect()
    }

    /// The load errors as the failure that decides the exit code, if there are any.
    pub fn load_failure(&self) -> Option<Failure> {
        self.load_failure.map(|kind| Failure {
            kind,
            diagnostics: self
                .load_errors
                .iter()
                .map(|e| e.diagnostic.clone())
                .collect(),
        })
    }
}

/// Checks every selected site's effective notice against every rule.
///
/// Usage errors (not a project, unknown site) are returned as `Err`. A site that does not load
/// or render is reported in [`CheckReport::load_errors`] and the other sites are still checked.
pub fn check(workspace: &Workspace, options: &CheckOptions) -> Result<CheckReport, Failure> {
    let project = workspace.project();
    let selected = workspace.select(&options.sites)?;
    let mut load_errors = LoadErrors::default();
    let every = selected.iter().map(|entry| entry.name.as_str());
    let theme = Theme::load(project)
        .map_err(|failure| load_errors.add(failure, every))
        .ok();
    let mut findings = Findings::default();
    for entry in &selected {
        check_site(
            workspace,
            theme.as_ref(),
            entry,
            &mut findings,
            &mut load_errors,
        );
    }
    let (load_errors, load_failure) = load_errors.finish();
    Ok(CheckReport {
        sites: selected.into_iter().map(|entry| entry.name).collect(),
        load_errors,
        load_failure,
        findings: findings.finish(),
        warnings: project.warnings.clone(),
    })
}

/// Loads one site and runs every rule on it; what cannot be loaded is a load error.
fn check_site(
    workspace: &Workspace,
    theme: Option<&Theme>,
    entry: &SiteEntry,
    findings: &mut Findings,
    load_errors: &mut LoadErrors,
) {
    let name = std::iter::once(entry.name.as_str());
    let site = match workspace.load(entry) {
        Ok(site) => site,
        Err(failure) => return load_errors.add(failure, name),
    };
    let page_ids = theme.and_then(|theme| {
        page_ids(workspace.project(), theme, &site)
            .map_err(|diagnostic| load_errors.add(diagnostic.into(), name.clone()))
            .ok()
    });
    let history = workspace
        .history(&site.name)
        .map_err(|failure| load_errors.add(failure, name))
        .unwrap_or_default();
    let unreleased = changes_since_latest(&site, &history).map(|changes| {
        let latest = history.latest().expect("changes imply a version");
        (latest.id, changes)
    });
    let released = history.latest().map(|version| &version.site);
    let view = SiteView::new(&site, page_ids, unreleased, released);
    for rule in RULES {
        let mut found = Vec::new();
        (rule.run)(&view, &mut found);
        for found in found {
            findings.add(rule, found, &site.name);
        }
    }
}

/// Identifies a finding across sites: the same problem in a shared layer is one finding.
/// Its order is the output order: file, position, rule id.
type FindingKey = (String, usize, &'static str, String, usize);

/// Findings as the rules report them, one per problem however many sites share it.
#[derive(Default)]
struct Findings(BTreeMap<FindingKey, Finding>);

impl Findings {
    fn add(&mut self, rule: &'static Rule, found: Found, site: &str) {
        let key = (
            found.origin.file.display.clone(),
            found.origin.span.start,
            rule.id,
            found.message.clone(),
            found.origin.span.end,
        );
        let finding = self.0.entry(key).or_insert_with(|| Finding {
            rule,
            help: found.help.unwrap_or_else(|| rule.help.to_string()),
            message: found.message,
            origin: found.origin,
            notes: found.notes,
            language: found.language,
            sites: Vec::new(),
        });
        // Sites are checked one after another, so a repeat can only be the last one.
        if finding.sites.last().is_none_or(|last| last != site) {
            finding.sites.push(site.to_string());
        }
    }

    /// The findings in output order, each with its sites sorted.
    fn finish(self) -> Vec<Finding> {
        self.0
            .into_values()
            .map(|mut finding| {
                finding.sites.sort();
                finding
            })
            .collect()
    }
}

/// Renders the site's pages and collects the ids each one has, so in-page links can be checked
/// against exactly what the reader gets.
fn page_ids(
    project: &Project,
    theme: &Theme,
    site: &LoadedSite,
) -> Result<BTreeMap<Lang, BTreeSet<String>>, Diagnostic> {
    let notice = render::NoticePage {
        site,
        status: render::Status::Unreleased,
        current_languages: &site.languages,
        change_log: false,
    };
    let pages = render::render_notice(project, theme, &notice)?.pages;
    Ok(site
        .languages
        .iter()
        .zip(pages)
        .map(|(&lang, (_, html))| (lang, html_ids(&String::from_utf8_lossy(&html))))
        .collect())
}

/// The values of every `id="…"` attribute in a page.
fn html_ids(html: &str) -> BTreeSet<String> {
    html.match_indices(" id=\"")
        .filter_map(|(start, needle)| {
            let rest = &html[start + needle.len()..];
            rest.find('"').map(|end| rest[..end].to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests;
