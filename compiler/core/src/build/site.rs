//! One site of a build: loaded, rendered in memory, and warned about when its page is not
//! what its sources say.

use crate::diagnostic::Diagnostic;
use crate::diff::release_warning;
use crate::error::Failure;
use crate::history::History;
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
        let history = self.workspace.history(&entry.name)?;
        self.site_with_history(entry, &history)
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
