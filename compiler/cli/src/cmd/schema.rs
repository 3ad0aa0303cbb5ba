//! `notice schema`: the JSON Schema of the source format, for editors and validators.

use notice_core::schema;

use crate::exit::Outcome;
use crate::stdout;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Print the schema of content/project.toml instead of layer and site files.
    #[arg(long)]
    project: bool,
}

pub(crate) fn execute(args: Args) -> Outcome {
    let schema = if args.project {
        schema::project_schema()
    } else {
        schema::source_schema()
    };
    stdout::print(&schema::to_text(&schema))
}
