//! The command line: parses arguments, runs a command through the library, prints diagnostics, returns the exit code.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::build::{BuildOptions, build};
use crate::check::{CheckOptions, format};
use crate::diagnostic::{Diagnostic, render_all};
use crate::error::{Failure, FailureKind};

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
        Command::Build { root, out, sites } => run_build(BuildOptions { root, out, sites }),
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
