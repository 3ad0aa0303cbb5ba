//! `notice import`: an existing notice (text, Markdown, HTML or Word) turned into a site's sources.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use notice_core::import::{ImportOptions, ImportReport, import, read_document};
use notice_core::model::Lang;
use notice_core::origin::display_path;

use crate::args::{RootArg, parse_lang};
use crate::exit::Outcome;
use crate::stdout;

/// How many facts the summary lists by name.
const MAX_FACTS_SHOWN: usize = 40;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The notice to import: plain text (as copied from a web page or PDF), Markdown, HTML or Word (.docx).
    file: PathBuf,
    /// The site to create under content/ [default: a slug of the controller's name, or of the file's name].
    #[arg(long, value_name = "NAME")]
    site: Option<String>,
    /// A layer the site extends; repeat (or separate with commas) for more, in order
    /// [default: fi-standard when the notice's rights or authority texts are that layer's;
    /// otherwise none].
    #[arg(long, value_name = "LAYER", value_delimiter = ',')]
    extends: Vec<String>,
    /// The notice's language [default: the one its words are in].
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(flatten)]
    root: RootArg,
    /// Print where each part of the input would go, and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Replace the site's notice.toml if the site already exists.
    #[arg(long)]
    force: bool,
}

pub(crate) fn execute(args: Args) -> Outcome {
    let document = read_document(&args.file)?;
    let options = ImportOptions {
        site: args.site,
        extends: args.extends,
        lang: args.lang,
        dry_run: args.dry_run,
        force: args.force,
    };
    let report = import(&args.root.root, &args.file, &document, &options)?;
    stdout::print(&summary(&args.file, &report))
}

fn summary(file: &Path, report: &ImportReport) -> String {
    let mut out = String::new();
    if !report.written {
        let _ = writeln!(
            out,
            "dry run: {} would be written; nothing was written",
            report.path.display()
        );
        for mapping in &report.mapping {
            let lines = &mapping.lines;
            let range = if lines.end <= lines.start + 1 {
                format!("line {}", lines.start)
            } else {
                format!("lines {}–{}", lines.start, lines.end - 1)
            };
            let _ = writeln!(out, "  {range:<14} → {}", mapping.key);
        }
    } else {
        let _ = writeln!(
            out,
            "imported {} → {}",
            display_path(file),
            report.path.display()
        );
    }
    let _ = writeln!(
        out,
        "sections mapped ({}): {}",
        report.sections.len(),
        report.sections.join(", ")
    );
    let _ = writeln!(out, "facts found ({}):", report.facts.len());
    // A long list of facts (a register's worth of e-mails) is summed up, not printed whole.
    for fact in report.facts.iter().take(MAX_FACTS_SHOWN) {
        let _ = writeln!(out, "  {fact}");
    }
    if report.facts.len() > MAX_FACTS_SHOWN {
        let _ = writeln!(out, "  … and {} more", report.facts.len() - MAX_FACTS_SHOWN);
    }
    let _ = writeln!(
        out,
        "text kept in custom sections ({}){}",
        report.custom.len(),
        if report.custom.is_empty() {
            String::new()
        } else {
            format!(": {}", report.custom.join(", "))
        }
    );
    let _ = writeln!(
        out,
        "review the `# import:` comments, then run `notice check --site {}`",
        report.site
    );
    out
}
