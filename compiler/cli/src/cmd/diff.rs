//! `notice diff`: what changed between two versions of the notices, by meaning, not by line.

use std::path::{Path, PathBuf};

use notice_core::diff::inputs::{self, Sites};
use notice_core::diff::{json, report};
use notice_core::error::Failure;
use notice_core::model::Lang;

use crate::args::{RootArg, SitesArg, parse_lang};
use crate::exit::Outcome;
use crate::git::export_revision;
use crate::stdout;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The older side: a project root or a snapshot file.
    #[arg(
        value_name = "OLD",
        required_unless_present = "base",
        conflicts_with = "base"
    )]
    old: Option<PathBuf>,
    /// The newer side: a project root or a snapshot file [default: --root].
    #[arg(value_name = "NEW", requires = "old")]
    new: Option<PathBuf>,
    /// Compare the project at this git revision with the working tree.
    #[arg(long, value_name = "REV")]
    base: Option<String>,
    #[command(flatten)]
    sites: SitesArg,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Language of the text and markdown output.
    #[arg(long, value_name = "LANG", value_parser = parse_lang, default_value = "en")]
    lang: Lang,
    #[command(flatten)]
    root: RootArg,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
}

pub(crate) fn execute(args: Args) -> Outcome {
    let root = &args.root.root;
    let only = &args.sites.sites;
    let sites = match (&args.base, &args.old) {
        (Some(rev), _) => {
            let old = load_revision(root, rev)?;
            let new = inputs::load_project(root)?;
            inputs::compare(&old, &new, only)?
        }
        (None, Some(old_path)) => {
            let new_path = args.new.clone().unwrap_or_else(|| root.clone());
            if old_path.is_file() && new_path.is_file() {
                let old = notice_core::history::read_snapshot_file(old_path)?;
                let new = notice_core::history::read_snapshot_file(&new_path)?;
                inputs::compare_pair(&old.site, &new.site, only)?
            } else {
                let old = inputs::load_path(old_path)?;
                let new = inputs::load_path(&new_path)?;
                inputs::compare(&old, &new, only)?
            }
        }
        (None, None) => unreachable!("clap requires OLD or --base"),
    };
    stdout::print(&match args.format {
        Format::Text => report::text(&sites, args.lang),
        Format::Markdown => report::markdown(&sites, args.lang),
        Format::Json => json::json(&sites),
    })
}

/// The project at `root` as it was at git revision `rev`. A revision without `content/` has no
/// sites, so everything in the working tree shows as new.
fn load_revision(root: &Path, rev: &str) -> Result<Sites, Failure> {
    let revision = export_revision(root, rev)?;
    let Some(old_root) = &revision.root else {
        return Ok(Sites::new());
    };
    inputs::load_project(old_root).map_err(|mut failure| {
        let commit = &revision.commit;
        for diagnostic in &mut failure.diagnostics {
            diagnostic
                .notes
                .push(format!("in the project as of `{rev}` ({commit:.12})"));
        }
        failure
    })
}
