//! `notice check`: the findings of every rule, as diagnostics, JSON or GitHub annotations.

use notice_core::check::{CheckOptions, check, format};
use notice_core::error::{Failure, FailureKind};

use crate::args::{RootArg, SitesArg};
use crate::exit::{Outcome, Stop};
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
/// (65 or 74) when a site could not be read, loaded or rendered. Sites that could not be
/// checked are part of every format's report, not only of the error stream.
pub(crate) fn execute(args: Args) -> Outcome {
    if args.format != Format::Github {
        return run(args);
    }
    // In a GitHub Actions log every line is read for workflow commands, stderr included: a
    // failure before the report is printed as escaped annotations too.
    match run(args) {
        Err(Stop::Failed(failure)) if !failure.diagnostics.is_empty() => {
            stdout::print(&format::github_failure(&failure.diagnostics))?;
            Err(without_diagnostics(failure).into())
        }
        outcome => outcome,
    }
}

fn run(args: Args) -> Outcome {
    let workspace = args.root.open()?;
    let report = check(
        &workspace,
        &CheckOptions {
            sites: args.sites.sites,
        },
    )?;
    // The load errors already went out with the report wherever a reader sees them.
    let mut load_failure = report.load_failure();
    match args.format {
        Format::Human => {
            stdout::warn(&report.warnings);
            stdout::warn(&format::diagnostics(&report));
            stdout::println(&format::summary(&report, args.strict))?;
            load_failure = load_failure.map(without_diagnostics);
        }
        // Also on stderr, for a person reading the job's log.
        Format::Json => {
            stdout::warn(&report.warnings);
            stdout::print(&format::json(&report, args.strict))?;
        }
        // Nothing unescaped may reach a GitHub Actions log: warnings and load errors are
        // annotations too, and nothing goes to stderr.
        Format::Github => {
            stdout::print(&format::github(&report))?;
            load_failure = load_failure.map(without_diagnostics);
        }
    }
    if let Some(failure) = load_failure {
        return Err(failure.into());
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

/// The failure's exit code without printing its diagnostics again.
fn without_diagnostics(failure: Failure) -> Failure {
    Failure {
        kind: failure.kind,
        diagnostics: Vec::new(),
    }
}
