//! Options several commands share, declared once and flattened into each command's arguments.

use std::path::PathBuf;

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

/// Parses `--effective` and similar date options.
pub(crate) fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text)
        .ok_or_else(|| format!("`{text}` is not a date: write YYYY-MM-DD, like 2025-12-01"))
}

/// Parses `--lang`.
pub(crate) fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(text).ok_or_else(|| format!("`{text}` is not a language: use fi, sv or en"))
}
