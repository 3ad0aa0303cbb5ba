//! `notice init`: a new project with the shared boilerplate and one example site.

use std::path::PathBuf;

use crate::exit::Outcome;
use crate::stdout;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Directory to create the project in.
    #[arg(default_value = ".")]
    dir: PathBuf,
}

pub(crate) fn execute(args: Args) -> Outcome {
    let created = notice_core::init::init(&args.dir)?;
    let mut text = String::new();
    for path in &created {
        text.push_str(&format!("created {}\n", args.dir.join(path).display()));
    }
    text.push_str("next: edit content/esimerkki/notice.toml, then run `notice build`\n");
    stdout::print(&text)
}
