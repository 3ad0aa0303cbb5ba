//! `notice export`: the notices for another site generator, as one JSON payload or HTML fragments.

use std::path::PathBuf;

use notice_core::diagnostic::Diagnostic;
use notice_core::error::Failure;
use notice_core::export::{self, ExportOptions};
use notice_core::output::{self, Scope};
use notice_core::source::display_path;

use crate::args::{RootArg, SitesArg};
use crate::exit::Outcome;
use crate::stdout;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[arg(long, value_enum)]
    format: Format,
    /// The JSON file to write (default: standard output), or the fragments' directory (required).
    #[arg(long)]
    out: Option<PathBuf>,
    #[command(flatten)]
    sites: SitesArg,
    /// Export the sources instead of the released versions.
    #[arg(long)]
    drafts: bool,
    #[command(flatten)]
    root: RootArg,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Json,
    Fragments,
}

pub(crate) fn execute(args: Args) -> Outcome {
    let workspace = args.root.open()?;
    let sites = export::collect(
        &workspace,
        &ExportOptions {
            sites: args.sites.sites,
            drafts: args.drafts,
        },
    )?;
    match (args.format, args.out) {
        (Format::Json, None) => stdout::print(&export::json(&sites)),
        (Format::Json, Some(path)) => {
            output::write_file(&path, export::json(&sites).as_bytes())?;
            Ok(())
        }
        (Format::Fragments, Some(dir)) => {
            let files = export::fragment_files(&sites);
            let report = output::write(&dir, &files, &Scope::All)?;
            stdout::println(&format!(
                "exported {} fragments into {}: {} written, {} unchanged, {} removed",
                files.len(),
                display_path(&dir),
                report.written.len(),
                report.unchanged,
                report.removed.len()
            ))
        }
        (Format::Fragments, None) => Err(Failure::usage(
            Diagnostic::error("`--format fragments` writes a directory: pass `--out DIR`")
                .help("for example `notice export --format fragments --out notice-fragments`"),
        )
        .into()),
    }
}
