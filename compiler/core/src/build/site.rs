//! One site of a build: loaded, rendered in memory, and warned about when its page is not
//! what its sources say.

use crate::diagnostic::Diagnostic;
use crate::diff::release_warning;
use crate::error::Failure;
use crate::history::{History, parse_history, read_history};
use crate::page_cache::{self, PageCache};
use crate::project::SiteEntry;
use crate::render::site::{SiteInput, SiteOutput};
use crate::render::{self, ASSETS_DIR, IndexSite, Theme};
use crate::workspace::Workspace;

/// What rendering a site needs, loaded once and shared by every site of a build or rebuild.
pub struct BuildContext<'a> {
    /// The project and its layers.
    pub workspace: &'a Workspace,
    /// The theme every page is rendered with.
    pub theme: &'a Theme,
    /// Render each site's sources under a draft banner instead of its released version.
    pub drafts: bool,
    /// Where released versions' pages are kept between builds; drafts never use it.
    pub cache: Option<&'a PageCache>,
}

/// One site, loaded and rendered in memory.
pub struct BuiltSite {
    /// The site as the index page lists it (its current page's title and languages).
    pub index: IndexSite,
    /// The layers its sources were merged from, in order: a rebuild after a layer edit
    /// re-renders the sites whose list names that layer.
    pub layers: Vec<String>,
    /// The site's files.
    pub output: SiteOutput,
    /// Unreleased changes, or never released (not given for drafts).
    pub warning: Option<Diagnostic>,
}

impl BuildContext<'_> {
    /// Loads and renders one site, with its released versions.
    pub fn site(&self, entry: &SiteEntry) -> Result<BuiltSite, Failure> {
        match self.cache {
            Some(cache) if !self.drafts => self.site_through(cache, entry),
            _ => {
                let history = self.workspace.history(&entry.name)?;
                self.site_with_history(entry, &history)
            }
        }
    }

    /// [`BuildContext::site`], with the pages of its released versions taken from `cache`
    /// when they are there, and put there when they are not.
    fn site_through(&self, cache: &PageCache, entry: &SiteEntry) -> Result<BuiltSite, Failure> {
        let project = self.workspace.project();
        let mut snapshots = read_history(project, &entry.name)?;
        let key = cache.key(&entry.name, &snapshots);
        if let Some(hit) = key.and_then(|key| cache.lookup(key)) {
            let sources = self.workspace.load(entry)?;
            let warning = if hit.latest_table == page_cache::table_hash(&sources) {
                None
            } else {
                // The latest version alone is enough to say what is unreleased. A key means
                // every file was read, so each is a version.
                let latest = (0..snapshots.len())
                    .max_by_key(|&i| snapshots[i].as_ref().ok().map(|s| s.id))
                    .expect("a key means at least one version");
                let latest = snapshots.swap_remove(latest);
                let latest = parse_history(project, &entry.name, vec![latest])?;
                release_warning(entry, &sources, &latest, "notice build --drafts")
            };
            return Ok(BuiltSite {
                index: hit.index,
                layers: sources.layers,
                output: SiteOutput {
                    files: hit.files.into_owned(),
                    pages: hit.pages,
                },
                warning,
            });
        }
        let history = parse_history(project, &entry.name, snapshots)?;
        let built = self.site_with_history(entry, &history)?;
        if let (Some(key), Some(latest)) = (key, history.latest()) {
            cache.store(key, &built.index, &built.output, &latest.site);
        }
        Ok(built)
    }

    /// [`BuildContext::site`] with its released versions already read (watch keeps them).
    pub fn site_with_history(
        &self,
        entry: &SiteEntry,
        history: &History,
    ) -> Result<BuiltSite, Failure> {
        let sources = self.workspace.load(entry)?;
        let input = SiteInput {
            sources: &sources,
            history,
            drafts: self.drafts,
        };
        let output = render::site::render_site(self.workspace.project(), self.theme, &input)?;
        let warning = if self.drafts {
            None
        } else {
            release_warning(entry, &sources, history, "notice build --drafts")
        };
        Ok(BuiltSite {
            index: IndexSite::of(input.current().0),
            layers: sources.layers.clone(),
            output,
            warning,
        })
    }

    /// `index.html` and the theme's assets: the files that belong to no site.
    pub fn shared_files(&self, sites: &[IndexSite]) -> Result<Vec<(String, Vec<u8>)>, Failure> {
        let mut files = vec![self.index(sites)?];
        files.extend(self.assets());
        Ok(files)
    }

    /// `index.html`, listing `sites`.
    pub fn index(&self, sites: &[IndexSite]) -> Result<(String, Vec<u8>), Failure> {
        let html = render::render_index(self.workspace.project(), self.theme, sites)?;
        Ok(("index.html".to_string(), html))
    }

    /// The theme's static files, published under `assets/`.
    pub fn assets(&self) -> impl Iterator<Item = (String, Vec<u8>)> + '_ {
        self.theme
            .assets
            .iter()
            .map(|(name, bytes)| (format!("{ASSETS_DIR}/{name}"), bytes.clone()))
    }
}

/// What makes a file that belongs to no site (the index page, or a theme's static file), for
/// the message when two outputs would meet at one path.
pub(crate) fn shared_source(path: &str) -> String {
    match path
        .strip_prefix(ASSETS_DIR)
        .and_then(|p| p.strip_prefix('/'))
    {
        Some(name) => format!("the theme's static file `static/{name}`"),
        None => "the index page".to_string(),
    }
}
