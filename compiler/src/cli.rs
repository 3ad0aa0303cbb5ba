//! The command line: parses arguments, runs a command through the library, prints diagnostics, returns the exit code.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::build::{BuildOptions, build};
use crate::check::{CheckOptions, format};
use crate::diagnostic::{Diagnostic, render_all};
use crate::diff::{inputs, json, report};
use crate::error::{Failure, FailureKind};
use crate::history::release::{ReleaseOptions, release};
use crate::model::{Date, Lang, Text};
use crate::watch::WatchOptions;

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
    Build {
        /// Project root (the directory holding content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output directory [default: <root>/site].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Build only this site; repeat for more. The index page is left as it was.
        #[arg(long = "site", value_name = "NAME")]
        sites: Vec<String>,
        /// Render the sources as drafts ("not in force" banner) instead of the released versions.
        #[arg(long)]
        drafts: bool,
    },
    /// Freeze sites' effective notices as new versions in content/<site>/history/.
    Release {
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
        /// Project root (the directory holding content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Show what changed between two versions of the notices, by meaning, not by line.
    Diff {
        /// The older side: a project root or a snapshot file.
        #[arg(
            value_name = "OLD",
            required_unless_present = "base",
            conflicts_with = "base"
        )]
        old: Option<PathBuf>,
        /// The newer side: a project root or a snapshot file.
        #[arg(value_name = "NEW", requires = "old")]
        new: Option<PathBuf>,
        /// Compare the project at this git revision with the working tree.
        #[arg(long, value_name = "REV")]
        base: Option<String>,
        /// Only this site; repeat for more.
        #[arg(long = "site", value_name = "NAME")]
        sites: Vec<String>,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Language of the text and markdown output.
        #[arg(long, value_name = "LANG", value_parser = parse_lang, default_value = "en")]
        lang: Lang,
        /// Project root for `--base` (the directory holding content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Show a site's effective values and the file:line:col each came from.
    Explain {
        /// The site (its directory name under content/).
        site: String,
        /// Only values under this dotted path, e.g. `authority` or `rights.access.body`.
        path: Option<String>,
        /// Project root (the directory holding content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Check every site's effective notice: GDPR Art. 13/14 completeness and Finnish specifics.
    Check {
        /// Project root (the directory holding content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Check only this site; repeat for more.
        #[arg(long = "site", value_name = "NAME")]
        sites: Vec<String>,
        /// Output format: rustc-style diagnostics, a JSON document, or GitHub annotations.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Fail (exit 1) on warnings too, not only on errors.
        #[arg(long)]
        strict: bool,
    },
    /// Print the JSON Schema of the source format, for editors and validators.
    Schema {
        /// Print the schema of content/project.toml instead of layer and site files.
        #[arg(long)]
        project: bool,
    },
    /// Build, then rebuild on every change to content/ and the theme; optionally serve with live reload.
    Watch {
        /// Project root (the directory holding content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output directory [default: <root>/site].
        #[arg(long)]
        out: Option<PathBuf>,
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
    },
    /// Export the notices for another site generator: one JSON payload, or HTML fragments.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The JSON file to write (default: standard output), or the fragments' directory (required).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Only this site; repeat for more.
        #[arg(long = "site", value_name = "NAME")]
        sites: Vec<String>,
        /// Export the sources instead of the released versions.
        #[arg(long)]
        drafts: bool,
        /// Project root (the directory holding content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// mdBook preprocessor: replaces `{{#notice <site> [lang]}}` in chapters with the notice.
    Mdbook {
        #[command(subcommand)]
        supports: Option<MdbookQuery>,
        /// Project root, relative to the book [default: `[preprocessor.notice] root`, else .].
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Create a new project with the shared boilerplate and one example site.
    Init {
        /// Directory to create the project in.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build {
            root,
            out,
            sites,
            drafts,
        } => run_build(BuildOptions {
            root,
            out,
            sites,
            drafts,
        }),
        Command::Release {
            sites,
            all,
            effective,
            summary,
            summary_fi,
            summary_sv,
            summary_en,
            root,
        } => run_release(&ReleaseOptions {
            root,
            sites,
            all,
            effective,
            summary: summary_text(summary, [summary_fi, summary_sv, summary_en]),
        }),
        Command::Diff {
            old,
            new,
            base,
            sites,
            format,
            lang,
            root,
        } => run_diff(&DiffRequest {
            old,
            new,
            base,
            sites,
            format,
            lang,
            root,
        }),
        Command::Explain { site, path, root } => run_explain(&root, &site, path.as_deref()),
        Command::Check {
            root,
            sites,
            format,
            strict,
        } => run_check(&CheckOptions { root, sites }, format, strict),
        Command::Schema { project } => {
            let schema = if project {
                crate::schema::project_schema()
            } else {
                crate::schema::source_schema()
            };
            let _ = std::io::stdout().write_all(crate::schema::to_text(&schema).as_bytes());
            Ok(())
        }
        Command::Watch {
            root,
            out,
            serve,
            port,
            poll,
            debounce,
            released,
        } => crate::watch::watch(&WatchOptions {
            build: BuildOptions {
                root,
                out,
                sites: Vec::new(),
                drafts: !released,
            },
            serve: serve.then_some(port),
            poll,
            debounce: std::time::Duration::from_millis(debounce),
        }),
        Command::Export {
            format,
            out,
            sites,
            drafts,
            root,
        } => run_export(
            &crate::export::ExportOptions {
                root,
                sites,
                drafts,
            },
            format,
            out.as_deref(),
        ),
        Command::Mdbook { supports, root } => run_mdbook(supports, &root),
        Command::Init { dir } => run_init(&dir),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprint!("{}", render_all(&failure.diagnostics));
            ExitCode::from(failure.kind.exit_code())
        }
    }
}

fn print_warnings(warnings: &[Diagnostic]) {
    if !warnings.is_empty() {
        eprint!("{}", render_all(warnings));
    }
}

fn run_build(options: BuildOptions) -> Result<(), Failure> {
    let report = build(&options)?;
    print_warnings(&report.warnings);
    let write = &report.write;
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(
        stdout,
        "built {} pages into {}: {} written, {} unchanged, {} removed",
        report.pages,
        crate::source::display_path(&report.out_dir),
        write.written.len(),
        write.unchanged,
        write.removed.len()
    );
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
}

/// Prints the findings in `format`; exits 1 when they fail the check, and with the sources' own
/// exit code (65 or 74) when a site could not be read, loaded or rendered.
fn run_check(options: &CheckOptions, format: Format, strict: bool) -> Result<(), Failure> {
    let report = crate::check::check(options)?;
    print_warnings(&report.warnings);
    let mut stdout = std::io::stdout().lock();
    match format {
        Format::Human => {
            print_warnings(&format::diagnostics(&report));
            let _ = writeln!(stdout, "{}", format::summary(&report, strict));
        }
        Format::Json => {
            let _ = stdout.write_all(format::json(&report, strict).as_bytes());
        }
        Format::Github => {
            let broken = report
                .broken
                .as_ref()
                .map_or(&[][..], |b| &b.diagnostics[..]);
            let _ = stdout.write_all(format::github(&report, broken).as_bytes());
        }
    }
    if let Some(broken) = report.broken {
        return Err(broken);
    }
    if report.fails(strict) {
        return Err(Failure {
            kind: FailureKind::Findings,
            diagnostics: Vec::new(),
        });
    }
    Ok(())
}

fn run_explain(root: &std::path::Path, site: &str, path: Option<&str>) -> Result<(), Failure> {
    let project = crate::project::Project::open(root)?;
    let entries = crate::build::select_sites(&project, &[site.to_string()])?;
    let layers = crate::load::Layers::load(&project);
    let loaded = crate::load::load_site(&project, &layers, &entries[0])?;
    let text = crate::explain::explain(&loaded.merged, path)?;
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(
        stdout,
        "# {site}: layers {}",
        describe_layers(&loaded.layers)
    );
    let _ = stdout.write_all(text.as_bytes());
    Ok(())
}

fn describe_layers(layers: &[String]) -> String {
    if layers.is_empty() {
        "(none)".to_string()
    } else {
        layers.join(" → ")
    }
}

fn run_init(dir: &std::path::Path) -> Result<(), Failure> {
    let created = crate::init::init(dir)?;
    let mut stdout = std::io::stdout().lock();
    for path in &created {
        let _ = writeln!(stdout, "created {}", dir.join(path).display());
    }
    let _ = writeln!(
        stdout,
        "next: edit content/esimerkki/notice.toml, then run `notice build`"
    );
    Ok(())
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text)
        .ok_or_else(|| format!("`{text}` is not a date: write YYYY-MM-DD, like 2025-12-01"))
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(text).ok_or_else(|| format!("`{text}` is not a language: use fi, sv or en"))
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

fn run_release(options: &ReleaseOptions) -> Result<(), Failure> {
    let report = release(options)?;
    let mut stdout = std::io::stdout().lock();
    for released in &report.released {
        let what = match &released.changes {
            None => "first version".to_string(),
            Some(changes) => {
                let material = crate::diff::is_material(changes);
                format!(
                    "{} change(s), {}",
                    changes.len(),
                    if material { "material" } else { "editorial" }
                )
            }
        };
        let _ = writeln!(
            stdout,
            "released {} version {} ({what}): {}",
            released.site,
            released.version,
            crate::source::display_path(&released.path)
        );
    }
    for site in &report.unchanged {
        let _ = writeln!(stdout, "unchanged {site}: nothing to release");
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum DiffFormat {
    Text,
    Markdown,
    Json,
}

struct DiffRequest {
    old: Option<PathBuf>,
    new: Option<PathBuf>,
    base: Option<String>,
    sites: Vec<String>,
    format: DiffFormat,
    lang: Lang,
    root: PathBuf,
}

fn run_diff(request: &DiffRequest) -> Result<(), Failure> {
    let sites = match (&request.base, &request.old) {
        (Some(rev), _) => {
            let old = inputs::load_revision(&request.root, rev)?;
            let new = inputs::load_project(&request.root)?;
            inputs::compare(&old, &new, &request.sites)
        }
        (None, Some(old_path)) => {
            let new_path = request.new.clone().unwrap_or_else(|| request.root.clone());
            if old_path.is_file() && new_path.is_file() {
                let old = crate::history::read_snapshot_file(old_path)?;
                let new = crate::history::read_snapshot_file(&new_path)?;
                inputs::compare_pair(&old.site, &new.site)
            } else {
                let old = inputs::load_path(old_path)?;
                let new = inputs::load_path(&new_path)?;
                inputs::compare(&old, &new, &request.sites)
            }
        }
        (None, None) => unreachable!("clap requires OLD or --base"),
    };
    let output = match request.format {
        DiffFormat::Text => report::text(&sites, request.lang),
        DiffFormat::Markdown => report::markdown(&sites, request.lang),
        DiffFormat::Json => json::json(&sites),
    };
    let _ = std::io::stdout().lock().write_all(output.as_bytes());
    Ok(())
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    Json,
    Fragments,
}

#[derive(Debug, Subcommand)]
enum MdbookQuery {
    /// Exits 0 when the renderer is supported (html), 1 otherwise.
    Supports { renderer: String },
}

fn run_export(
    options: &crate::export::ExportOptions,
    format: ExportFormat,
    out: Option<&std::path::Path>,
) -> Result<(), Failure> {
    let sites = crate::export::collect(options)?;
    match (format, out) {
        (ExportFormat::Json, None) => {
            let _ = std::io::stdout()
                .lock()
                .write_all(crate::export::json(&sites).as_bytes());
        }
        (ExportFormat::Json, Some(path)) => {
            crate::output::write_file(path, crate::export::json(&sites).as_bytes())?;
        }
        (ExportFormat::Fragments, Some(dir)) => {
            let files = crate::export::fragment_files(&sites);
            let report = crate::output::write(dir, &files, &crate::output::Scope::All)?;
            let _ = writeln!(
                std::io::stdout().lock(),
                "exported {} fragments into {}: {} written, {} unchanged, {} removed",
                files.len(),
                crate::source::display_path(dir),
                report.written.len(),
                report.unchanged,
                report.removed.len()
            );
        }
        (ExportFormat::Fragments, None) => {
            return Err(Failure::usage(
                Diagnostic::error("`--format fragments` writes a directory: pass `--out DIR`")
                    .help("for example `notice export --format fragments --out notice-fragments`"),
            ));
        }
    }
    Ok(())
}

fn run_mdbook(query: Option<MdbookQuery>, root: &std::path::Path) -> Result<(), Failure> {
    if let Some(MdbookQuery::Supports { renderer }) = query {
        return if crate::export::mdbook::supports(&renderer) {
            Ok(())
        } else {
            Err(Failure::new(
                FailureKind::Findings,
                Diagnostic::error(format!("renderer `{renderer}` is not supported; only html")),
            ))
        };
    }
    let mut input = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut input).map_err(|err| {
        Failure::io(Diagnostic::error(format!(
            "cannot read standard input: {err}"
        )))
    })?;
    let (book, warnings) = crate::export::mdbook::preprocess(&input, root)?;
    print_warnings(&warnings);
    let _ = std::io::stdout().lock().write_all(book.as_bytes());
    Ok(())
}
