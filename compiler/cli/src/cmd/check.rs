//! `notice check`: the findings of every rule, as diagnostics, JSON or GitHub annotations.

use notice_core::check::{CheckOptions, check, format};
use notice_core::error::{Failure, FailureKind};

use crate::args::{RootArg, SitesArg};
use crate::exit::Outcome;
use crate::stdout;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    root: RootArg,
    #[command(flatten)]
    sites: SitesArg,
    /// Output format: rustc-style diagnostics, a JSON document, or GitHub annotations.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Fail (exit 1) on warnings too, not only on errors.
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
}

/// Prints the findings; exits 1 when they fail the check, and with the sources' own exit code
/// (65 or 74) when a site could not be read, loaded or rendered.
pub(crate) fn execute(args: Args) -> Outcome {
    let workspace = args.root.open()?;
    let report = check(
        &workspace,
        &CheckOptions {
            sites: args.sites.sites,
        },
    )?;
    stdout::warn(&report.warnings);
    match args.format {
        Format::Human => {
            stdout::warn(&format::diagnostics(&report));
            stdout::println(&format::summary(&report, args.strict))?;
        }
        Format::Json => stdout::print(&format::json(&report, args.strict))?,
        Format::Github => {
            let broken = report
                .broken
                .as_ref()
                .map_or(&[][..], |b| &b.diagnostics[..]);
            stdout::print(&format::github(&report, broken))?;
        }
    }
    if let Some(broken) = report.broken {
        return Err(broken.into());
    }
    if report.fails(args.strict) {
        return Err(Failure {
            kind: FailureKind::Findings,
            diagnostics: Vec::new(),
        }
        .into());
    }
    Ok(())
}
