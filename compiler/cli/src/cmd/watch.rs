//! `notice watch`: build, then rebuild on every change; optionally serve with live reload.

use std::time::Duration;

use notice_core::build::BuildOptions;

use crate::args::{OutArg, RootArg};
use crate::exit::Outcome;
use crate::watch::{WatchOptions, watch};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    root: RootArg,
    #[command(flatten)]
    out: OutArg,
    /// Serve the output on 127.0.0.1 and reload open pages after each rebuild.
    #[arg(long)]
    serve: bool,
    /// Port for --serve; the next free one is used when it is taken.
    #[arg(long, default_value_t = 8000, requires = "serve")]
    port: u16,
    /// Poll for changes instead of waiting for file-system events (network drives, some containers).
    #[arg(long)]
    poll: bool,
    /// Milliseconds without further changes before a rebuild starts.
    #[arg(long, value_name = "MS", default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    debounce: u64,
    /// Show the released versions instead of the sources as drafts.
    #[arg(long)]
    released: bool,
}

pub(crate) fn execute(args: Args) -> Outcome {
    watch(&WatchOptions {
        root: args.root.root,
        build: BuildOptions {
            out: args.out.out,
            sites: Vec::new(),
            drafts: !args.released,
            waiting: Some(crate::stdout::waiting),
            cache_dir: None,
        },
        serve: args.serve.then_some(args.port),
        poll: args.poll,
        debounce: Duration::from_millis(args.debounce),
    })?;
    Ok(())
}
