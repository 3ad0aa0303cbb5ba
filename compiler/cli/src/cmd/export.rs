//! `notice export`: the notices for another site generator, as one JSON payload or HTML fragments.

use std::path::PathBuf;

use notice_core::diagnostic::Diagnostic;
use notice_core::error::Failure;
use notice_core::export::{self, EmbedOptions, ExportOptions};
use notice_core::output::{self, OutputDir, OutputFile, Scope, guard};
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
    /// Only this language (a code such as `fi`); repeat for more [default: every published one].
    #[arg(long = "lang", value_name = "CODE")]
    langs: Vec<String>,
    /// Export the sources instead of the released versions (a preview of unreleased changes).
    #[arg(long)]
    drafts: bool,
    /// The level of the notice's top heading, 1 to 3 (the title, or with `--no-title` the
    /// section headings); the rest shift with it [default: as on the standalone page].
    #[arg(long, value_name = "N")]
    heading_level: Option<u8>,
    /// Leave out the notice's title (`<h1>`), for a host page that has its own.
    #[arg(long)]
    no_title: bool,
    /// Put before every id and in-page link; `{site}` and `{lang}` are replaced, e.g.
    /// `notice-{site}-` gives `#notice-kahvila-aurinko-oikeudet`.
    #[arg(long, value_name = "PREFIX", default_value = "")]
    id_prefix: String,
    #[command(flatten)]
    root: RootArg,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Json,
    Fragments,
}

/// How a JSON export begins: a file that begins otherwise was not made by notice, and is
/// never written over.
const JSON_EXPORT_START: &[u8] = b"{\n  \"schema_version\": ";

/// Where an export goes, checked by the guard before anything is rendered.
enum Target {
    Stdout,
    File(OutputFile),
    Fragments(OutputDir),
}

pub(crate) fn execute(args: Args) -> Outcome {
    let workspace = args.root.open()?;
    let root = &workspace.project().root;
    let target = match (args.format, &args.out) {
        (Format::Json, None) => Target::Stdout,
        (Format::Json, Some(path)) => {
            Target::File(guard::output_file(root, path, JSON_EXPORT_START)?)
        }
        (Format::Fragments, Some(dir)) => Target::Fragments(guard::output_dir(root, dir)?),
        (Format::Fragments, None) => {
            return Err(Failure::usage(
                Diagnostic::error("`--format fragments` writes a directory: pass `--out DIR`")
                    .help("for example `notice export --format fragments --out notice-fragments`"),
            )
            .into());
        }
    };
    let sites = export::collect(
        &workspace,
        &ExportOptions {
            sites: args.sites.sites,
            langs: args.langs,
            drafts: args.drafts,
            embed: EmbedOptions {
                heading_level: args.heading_level,
                no_title: args.no_title,
                id_prefix: args.id_prefix,
            },
        },
    )?;
    let warnings: Vec<_> = sites.iter().filter_map(|s| s.warning.clone()).collect();
    stdout::warn(&warnings);
    match target {
        Target::Stdout => stdout::print(&export::json(&sites)),
        Target::File(file) => {
            output::write_file(&file, export::json(&sites).as_bytes())?;
            Ok(())
        }
        Target::Fragments(dir) => {
            let files = export::fragment_files(&sites);
            let lock = dir.lock(Some(stdout::waiting))?;
            let report = output::write(lock, &files, &Scope::All)?;
            stdout::warn(&report.warnings);
            stdout::println(&format!(
                "exported {} files into {}: {} written, {} unchanged, {} removed",
                files.len(),
                display_path(dir.shown()),
                report.written.len(),
                report.unchanged,
                report.removed.len()
            ))
        }
    }
}
