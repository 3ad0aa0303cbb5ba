//! `notice explain`: a site's effective values and where each came from.

use crate::args::RootArg;
use crate::exit::Outcome;
use crate::stdout;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The site (its directory name under content/).
    site: String,
    /// Only values under this dotted path, e.g. `authority` or `rights.access.body`.
    path: Option<String>,
    #[command(flatten)]
    root: RootArg,
}

pub(crate) fn execute(args: Args) -> Outcome {
    let workspace = args.root.open()?;
    let entries = workspace.select(std::slice::from_ref(&args.site))?;
    let loaded = workspace.load(&entries[0])?;
    let text = notice_core::explain::explain(&loaded.merged, args.path.as_deref())?;
    let layers = if loaded.layers.is_empty() {
        "(none)".to_string()
    } else {
        loaded.layers.join(" → ")
    };
    stdout::print(&format!("# {}: layers {layers}\n{text}", args.site))
}
