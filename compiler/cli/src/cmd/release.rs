//! `notice release`: freezes sites' effective notices as new versions in their history.

use notice_core::model::{Date, Lang, Text};
use notice_core::release::{ReleaseOptions, release};
use notice_core::source::display_path;

use crate::args::{RootArg, parse_date};
use crate::exit::Outcome;
use crate::stdout;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The sites to release.
    #[arg(
        value_name = "SITE",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    sites: Vec<String>,
    /// Release every site that has unreleased changes.
    #[arg(long)]
    all: bool,
    /// The date the new version takes effect [default: today, UTC].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    effective: Option<Date>,
    /// What changed, in a sentence for readers of the change log (every language).
    #[arg(long, value_name = "TEXT")]
    summary: Option<String>,
    /// The summary in Finnish; overrides --summary on Finnish pages.
    #[arg(long, value_name = "TEXT")]
    summary_fi: Option<String>,
    /// The summary in Swedish; overrides --summary on Swedish pages.
    #[arg(long, value_name = "TEXT")]
    summary_sv: Option<String>,
    /// The summary in English; overrides --summary on English pages.
    #[arg(long, value_name = "TEXT")]
    summary_en: Option<String>,
    #[command(flatten)]
    root: RootArg,
}

pub(crate) fn execute(args: Args) -> Outcome {
    let summary = summary_text(
        args.summary,
        [args.summary_fi, args.summary_sv, args.summary_en],
    );
    let workspace = args.root.open()?;
    let report = release(
        &workspace,
        &ReleaseOptions {
            sites: args.sites,
            all: args.all,
            effective: args.effective,
            summary,
        },
    )?;
    let mut text = String::new();
    for released in &report.released {
        let what = match &released.changes {
            None => "first version".to_string(),
            Some(changes) => {
                let class = if notice_core::diff::is_material(changes) {
                    "material"
                } else {
                    "editorial"
                };
                format!("{} change(s), {class}", changes.len())
            }
        };
        text.push_str(&format!(
            "released {} version {} ({what}): {}\n",
            released.site,
            released.version,
            display_path(&released.path)
        ));
    }
    for site in &report.unchanged {
        text.push_str(&format!("unchanged {site}: nothing to release\n"));
    }
    stdout::print(&text)
}

/// One text from `--summary` and the per-language flags (`[fi, sv, en]`).
fn summary_text(all: Option<String>, per_language: [Option<String>; 3]) -> Option<Text> {
    if per_language.iter().all(Option::is_none) {
        return all.map(Text::Plain);
    }
    let texts = Lang::ALL
        .into_iter()
        .zip(per_language)
        .filter_map(|(lang, text)| Some((lang, text.or_else(|| all.clone())?)))
        .collect();
    Some(Text::Localized(texts))
}
