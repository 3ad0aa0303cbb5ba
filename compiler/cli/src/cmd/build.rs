//! `notice build`: every site's pages, staged and swapped into the output directory.

use notice_core::build::{BuildOptions, build};
use notice_core::source::display_path;

use crate::args::{CacheArg, OutArg, RootArg, SitesArg};
use crate::exit::Outcome;
use crate::stdout;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    root: RootArg,
    #[command(flatten)]
    out: OutArg,
    #[command(flatten)]
    sites: SitesArg,
    /// Render the sources as drafts ("not in force" banner) instead of the released versions.
    #[arg(long)]
    drafts: bool,
    #[command(flatten)]
    cache: CacheArg,
}

pub(crate) fn execute(args: Args) -> Outcome {
    let workspace = args.root.open()?;
    let report = build(
        &workspace,
        &BuildOptions {
            out: args.out.out,
            sites: args.sites.sites,
            drafts: args.drafts,
            waiting: Some(stdout::waiting),
            cache_dir: args.cache.dir(&args.root.root),
        },
    )?;
    stdout::warn(&report.warnings);
    let write = &report.write;
    stdout::println(&format!(
        "built {} pages into {}: {} written, {} unchanged, {} removed",
        report.pages,
        display_path(&report.out_dir),
        write.written.len(),
        write.unchanged,
        write.removed.len()
    ))
}
