//! `notice init`: a new project with the shared boilerplate and one example site.

use std::path::PathBuf;

use crate::exit::Outcome;
use crate::stdout;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Directory to create the project in.
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Also write .github/workflows/notice.yml: checks and a diff comment on pull requests.
    #[arg(long)]
    github: bool,
    /// Also write netlify.toml and rust-toolchain.toml, to deploy site/ on Netlify.
    #[arg(long)]
    netlify: bool,
}

pub(crate) fn execute(args: Args) -> Outcome {
    let options = notice_core::init::Options {
        // The starter notice's `updated` is the day it is written; nothing else reads the clock.
        today: notice_core::history::today_utc(),
        github: args.github,
        netlify: args.netlify,
    };
    let created = notice_core::init::init(&args.dir, &options)?;
    let mut text = String::new();
    for path in &created {
        text.push_str(&format!("created {}\n", args.dir.join(path).display()));
    }
    text.push_str(
        "next: replace the example values in content/esimerkki/notice.toml, then run `notice check` and `notice build`\n",
    );
    stdout::print(&text)
}
