//! Options several commands share, declared once and flattened into each command's arguments.

use std::path::{Path, PathBuf};

use notice_core::error::Failure;
use notice_core::model::{Date, Lang};
use notice_core::workspace::Workspace;

/// `--root`: where the project is.
#[derive(Debug, clap::Args)]
pub(crate) struct RootArg {
    /// Project root (the directory holding content/).
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
}

impl RootArg {
    /// Opens the project at `--root`.
    pub(crate) fn open(&self) -> Result<Workspace, Failure> {
        Workspace::open(&self.root)
    }
}

/// `--site`, repeatable: which sites a command works on (all when none is given).
#[derive(Debug, clap::Args)]
pub(crate) struct SitesArg {
    /// Only this site (its directory name under content/); repeat for more.
    #[arg(long = "site", value_name = "NAME")]
    pub(crate) sites: Vec<String>,
}

/// `--out` of the commands that write a site.
#[derive(Debug, clap::Args)]
pub(crate) struct OutArg {
    /// Output directory [default: <root>/site].
    #[arg(long)]
    pub(crate) out: Option<PathBuf>,
}

/// `--cache-dir` and `--no-cache`: where `build` keeps the pages of released versions between
/// runs.
#[derive(Debug, clap::Args)]
pub(crate) struct CacheArg {
    /// Page cache folder [default: $NOTICE_CACHE_DIR, else on Netlify /opt/build/cache/notice, else <root>/.cache/notice].
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    pub(crate) cache_dir: Option<PathBuf>,
    /// Render every page, without reading or writing the page cache.
    #[arg(long)]
    pub(crate) no_cache: bool,
}

impl CacheArg {
    /// The page cache folder for the project at `root`, or `None` for `--no-cache`. Netlify
    /// keeps `/opt/build/cache` between deploys (Hugo keeps its own cache there too), so a
    /// deploy reuses the last one's pages without any setting.
    pub(crate) fn dir(&self, root: &Path) -> Option<PathBuf> {
        if self.no_cache {
            return None;
        }
        let netlify = Path::new("/opt/build/cache");
        let from_env = std::env::var_os("NOTICE_CACHE_DIR").filter(|dir| !dir.is_empty());
        Some(match (&self.cache_dir, from_env) {
            (Some(dir), _) => dir.clone(),
            (None, Some(dir)) => PathBuf::from(dir),
            (None, None)
                if std::env::var_os("NETLIFY").is_some_and(|v| v == "true") && netlify.is_dir() =>
            {
                netlify.join("notice")
            }
            (None, None) => root.join(".cache").join("notice"),
        })
    }
}

/// Parses `--effective` and similar date options.
pub(crate) fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text)
        .ok_or_else(|| format!("`{text}` is not a date: write YYYY-MM-DD, like 2025-12-01"))
}

/// Parses `--lang`.
pub(crate) fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(text).ok_or_else(|| format!("`{text}` is not a language: use fi, sv or en"))
}
