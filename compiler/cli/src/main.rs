//! The `notice` binary: parses the command line, runs one command through `notice_core`, and
//! maps the outcome to an exit code. Each command is one file under `cmd/`.

mod args;
mod cmd;
mod exit;
mod git;
mod stdout;
mod watch;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

// A build allocates many small strings and trees on every core; glibc's allocator spent a
// quarter of a full build's CPU time in malloc and free (README: Performance). The library
// leaves the choice of allocator to the program that embeds it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "notice",
    version,
    about = "Compile privacy notices (tietosuojaseloste) from TOML sources into static HTML"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build every site's notice into the output directory.
    Build(cmd::build::Args),
    /// Freeze sites' effective notices as new versions in content/<site>/history/.
    Release(cmd::release::Args),
    /// Show what changed between two versions of the notices, by meaning, not by line.
    Diff(cmd::diff::Args),
    /// Show a site's effective values and the file:line:col each came from.
    Explain(cmd::explain::Args),
    /// Check every site's effective notice: GDPR Art. 13/14 completeness and Finnish specifics.
    Check(cmd::check::Args),
    /// Print the JSON Schema of the source format, for editors and validators.
    Schema(cmd::schema::Args),
    /// Build, then rebuild on every change to content/ and the theme; optionally serve with live reload.
    Watch(cmd::watch::Args),
    /// Export the notices for another site generator: one JSON payload, or HTML fragments.
    Export(cmd::export::Args),
    /// mdBook preprocessor: replaces `{{#notice <site> [lang]}}` in chapters with the notice.
    Mdbook(cmd::mdbook::Args),
    /// Create a new project with the shared boilerplate and one example site.
    Init(cmd::init::Args),
    /// Turn an existing notice (text or Markdown) into a new site's sources.
    Import(cmd::import::Args),
}

fn main() -> ExitCode {
    let outcome = match Cli::parse().command {
        Command::Build(args) => cmd::build::execute(args),
        Command::Release(args) => cmd::release::execute(args),
        Command::Diff(args) => cmd::diff::execute(args),
        Command::Explain(args) => cmd::explain::execute(args),
        Command::Check(args) => cmd::check::execute(args),
        Command::Schema(args) => cmd::schema::execute(args),
        Command::Watch(args) => cmd::watch::execute(args),
        Command::Export(args) => cmd::export::execute(args),
        Command::Mdbook(args) => cmd::mdbook::execute(args),
        Command::Init(args) => cmd::init::execute(args),
        Command::Import(args) => cmd::import::execute(args),
    };
    exit::code(outcome)
}
