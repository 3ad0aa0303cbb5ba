//! `notice mdbook`: the mdBook preprocessor protocol, replacing `{{#notice …}}` in chapters.

use std::io::Read;
use std::path::PathBuf;

use notice_core::diagnostic::Diagnostic;
use notice_core::error::{Failure, FailureKind};
use notice_core::export::mdbook;

use crate::exit::Outcome;
use crate::stdout;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    supports: Option<Query>,
    /// Project root, relative to the book [default: `[preprocessor.notice] root`, else .].
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

#[derive(Debug, clap::Subcommand)]
enum Query {
    /// Exits 0 when the renderer is supported (html), 1 otherwise.
    Supports { renderer: String },
}

pub(crate) fn execute(args: Args) -> Outcome {
    if let Some(Query::Supports { renderer }) = args.supports {
        if mdbook::supports(&renderer) {
            return Ok(());
        }
        return Err(Failure::new(
            FailureKind::Findings,
            Diagnostic::error(format!("renderer `{renderer}` is not supported; only html")),
        )
        .into());
    }
    let mut input = String::new();
    std::io::stdin()
        .lock()
        .read_to_string(&mut input)
        .map_err(|err| {
            Failure::io(Diagnostic::error(format!(
                "cannot read standard input: {err}"
            )))
        })?;
    let (book, warnings) = mdbook::preprocess(&input, &args.root)?;
    stdout::warn(&warnings);
    stdout::print(&book)
}
