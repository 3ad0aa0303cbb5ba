//! `notice diff`: what changed between two versions of the notices, by meaning, not by line.

use std::path::{Path, PathBuf};

use notice_core::diff::comment::{self, CommentOptions};
use notice_core::diff::inputs::{self, Releases, Sites};
use notice_core::diff::report::SiteDiff;
use notice_core::diff::{json, report};
use notice_core::error::Failure;
use notice_core::model::{Date, Lang};

use crate::args::{RootArg, SitesArg, parse_lang};
use crate::exit::Outcome;
use crate::git::{Revision, export_revision};
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
    /// The longest markdown comment, cut by whole sites [default: 60000, under GitHub's 65536].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1000..))]
    max_chars: Option<u32>,
    /// Where the full report is, named in the note of a cut markdown comment.
    #[arg(
        long,
        value_name = "TEXT",
        default_value = "the job summary of this workflow run"
    )]
    full_report: String,
    /// The day a release's days of notice are counted from [default: today, UTC].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    today: Option<Date>,
    #[command(flatten)]
    root: RootArg,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
}

/// GitHub refuses a comment over 65,536 characters; this leaves room for what a workflow adds.
const DEFAULT_MAX_CHARS: usize = 60_000;

/// What was compared: the changed sites, how many sites there were, and what the comment needs
/// to know about the projects (none of it for two snapshot files).
struct Compared {
    sites: Vec<SiteDiff>,
    total: usize,
    /// The sites with a release the older side did not have.
    releases: Option<Releases>,
    base_url: Option<String>,
}

pub(crate) fn execute(args: Args) -> Outcome {
    let compared = compare(&args)?;
    let sites = &compared.sites;
    stdout::print(&match args.format {
        Format::Text => report::text(sites, args.lang),
        Format::Markdown => {
            let today = args.today.unwrap_or_else(notice_core::history::today_utc);
            let mut options = CommentOptions::new(args.lang, compared.total, today);
            options.base_url = compared.base_url.as_deref();
            options.releases = compared.releases.as_ref();
            options.max_chars = Some(args.max_chars.map_or(DEFAULT_MAX_CHARS, |n| n as usize));
            options.full_report = &args.full_report;
            comment::comment(sites, &options)
        }
        Format::Json => json::json(sites),
    })
}

fn compare(args: &Args) -> Result<Compared, Failure> {
    let root = &args.root.root;
    let only = &args.sites.sites;
    let (old_root, new_root, old, new) = match (&args.base, &args.old) {
        (Some(rev), _) => {
            let revision = export_revision(root, rev)?;
            let old = load_revision(&revision, rev)?;
            let old_root = revision.root.clone();
            // The export lives as long as `revision`; its releases are read before it goes.
            let old_releases = match &old_root {
                Some(path) => inputs::latest_releases(path)?,
                None => Releases::new(),
            };
            let new = inputs::load_project(root)?;
            let releases = inputs::new_releases(&old_releases, &inputs::latest_releases(root)?);
            return Ok(Compared {
                sites: inputs::compare(&old, &new, only)?,
                total: inputs::site_count(&old, &new, only),
                releases: Some(releases),
                base_url: base_url(root)?,
            });
        }
        (None, Some(old_path)) => {
            let new_path = args.new.clone().unwrap_or_else(|| root.clone());
            if old_path.is_file() && new_path.is_file() {
                let old = notice_core::history::read_snapshot_file(old_path)?;
                let new = notice_core::history::read_snapshot_file(&new_path)?;
                return Ok(Compared {
                    sites: inputs::compare_pair(&old.site, &new.site, only)?,
                    total: 1,
                    releases: None,
                    base_url: None,
                });
            }
            let old = inputs::load_path(old_path)?;
            let new = inputs::load_path(&new_path)?;
            (old_path.clone(), new_path, old, new)
        }
        (None, None) => unreachable!("clap requires OLD or --base"),
    };
    // Releases and links only when both sides are projects.
    let projects = old_root.is_dir() && new_root.is_dir();
    let releases = if projects {
        let before = inputs::latest_releases(&old_root)?;
        Some(inputs::new_releases(
            &before,
            &inputs::latest_releases(&new_root)?,
        ))
    } else {
        None
    };
    Ok(Compared {
        sites: inputs::compare(&old, &new, only)?,
        total: inputs::site_count(&old, &new, only),
        releases,
        base_url: if new_root.is_dir() {
            base_url(&new_root)?
        } else {
            None
        },
    })
}

/// The project's `base_url`, for links to the published pages.
fn base_url(root: &Path) -> Result<Option<String>, Failure> {
    let project = notice_core::project::Project::open(root)?;
    Ok(project
        .settings
        .base_url
        .map(|url| url.as_str().to_string()))
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| format!("`{text}` is not a date; expected YYYY-MM-DD"))
}

/// The project as it was at git revision `rev`, exported. A revision without `content/` has no
/// sites, so everything in the working tree shows as new.
fn load_revision(revision: &Revision, rev: &str) -> Result<Sites, Failure> {
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
