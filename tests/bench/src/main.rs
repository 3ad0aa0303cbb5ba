//! Benchmark tools for `notice` (see the README's Performance section and `tests/bench/run.sh`):
//!
//! - `notice-bench generate --sites N --out DIR` writes three projects of N sites:
//!   `DIR/full` (fi + en, three released versions per site, two shared layers),
//!   `DIR/pages` (the same sites in Finnish only, never released: one page per site), and
//!   `DIR/hugo`, the equivalent Hugo site (one Markdown page per site, Finnish).
//! - `notice-bench rebuild --root DIR --site NAME [--runs R] [--out DIR]` times the one-site
//!   rebuild as `notice watch` does it: a [`Session`] kept in memory, one site's source edited,
//!   `Session::rebuild` for that site. Prints one JSON line.

mod content;
mod hugo;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use notice_core::build::BuildOptions;
use notice_core::error::Failure;
use notice_core::history::{ReleaseInfo, snapshot_toml};
use notice_core::load::{Layers, load_site};
use notice_core::model::{Date, Lang, Text};
use notice_core::project::Project;
use notice_core::session::{Affected, Session};

use content::{MARKER, Version, agency_layer, site_name, site_source};

const FI_STANDARD: &str = include_str!("../../../content/_shared/fi-standard.toml");
const CSS: &str = include_str!("../../../compiler/core/theme/static/notice.css");

const USAGE: &str = "usage: notice-bench generate --sites N --out DIR
       notice-bench rebuild --root DIR --site NAME [--runs R] [--out DIR]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("generate") => generate_command(&args[1..]),
        Some("rebuild") => rebuild_command(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("notice-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `--name value` pairs.
fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn required(args: &[String], name: &str) -> Result<String, String> {
    flag(args, name).ok_or_else(|| format!("missing {name}\n{USAGE}"))
}

fn number(args: &[String], name: &str, default: Option<usize>) -> Result<usize, String> {
    match flag(args, name) {
        Some(text) => text
            .parse()
            .map_err(|_| format!("{name} wants a number, got `{text}`")),
        None => default.ok_or_else(|| format!("missing {name}\n{USAGE}")),
    }
}

fn failure(failure: &Failure) -> String {
    notice_core::diagnostic::render_all(&failure.diagnostics)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn generate_command(args: &[String]) -> Result<(), String> {
    let sites = number(args, "--sites", None)?;
    let out = PathBuf::from(required(args, "--out")?);
    let started = Instant::now();
    for dir in ["full", "pages", "hugo"] {
        let dir = out.join(dir);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
    }
    let pages = generate_pages(&out.join("pages"), sites)?;
    let full = generate_full(&out.join("full"), sites)?;
    generate_hugo(&out.join("hugo"), sites, &out.join("full"))?;
    println!(
        "generated {sites} sites in {}: full ({full} files), pages ({pages} files), hugo, in {:.1} s",
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn write_project(root: &Path, languages: &str) -> Result<(), String> {
    let content = root.join("content");
    write(
        &content.join("project.toml"),
        &format!(
            "title = {{ fi = \"Tietosuojaselosteet\", en = \"Privacy notices\" }}\nbase_url = \"https://notices.example\"\nlanguages = {languages}\n"
        ),
    )?;
    write(&content.join("_shared/fi-standard.toml"), FI_STANDARD)?;
    write(&content.join("_shared/toimisto.toml"), &agency_layer())
}

/// One language, one version: the sources of the latest version, never released.
fn generate_pages(root: &Path, sites: usize) -> Result<usize, String> {
    write_project(root, "[\"fi\"]")?;
    for index in 1..=sites {
        let path = root
            .join("content")
            .join(site_name(index))
            .join("notice.toml");
        write(&path, &site_source(index, Version::Third, &["fi"]))?;
    }
    Ok(sites + 3)
}

/// Two languages and three released versions per site. Each version's snapshot is what
/// `notice release` would write: the site loaded and merged through the library, then frozen
/// with `snapshot_toml`. The sources end at the third version, so nothing is unreleased.
fn generate_full(root: &Path, sites: usize) -> Result<usize, String> {
    write_project(root, "[\"fi\", \"en\"]")?;
    let langs = ["fi", "en"];
    let source = |index| {
        root.join("content")
            .join(site_name(index))
            .join("notice.toml")
    };
    for index in 1..=sites {
        write(&source(index), &site_source(index, Version::First, &langs))?;
    }
    let project = Project::open(root).map_err(|f| failure(&f))?;
    let layers = Layers::load(&project);
    let releases = [
        (
            Version::First,
            "2024-03-01",
            "Ensimmäinen julkaistu versio.",
            "First published version.",
        ),
        (
            Version::Second,
            "2025-01-01",
            "Johdantoa on selkeytetty.",
            "The introduction is clearer.",
        ),
        (
            Version::Third,
            "2025-12-01",
            "Uusi käyttötarkoitus.",
            "A new purpose.",
        ),
    ];
    for (entry, index) in project.sites.iter().zip(1..) {
        for (version, date, fi, en) in releases {
            if version != Version::First {
                write(&source(index), &site_source(index, version, &langs))?;
            }
            let site = load_site(&project, &layers, entry).map_err(|f| failure(&f))?;
            let release = ReleaseInfo {
                version: date.to_string(),
                effective: Date::parse(date).expect("a valid date"),
                summary: Some(Text::Localized(
                    [(Lang::Fi, fi.to_string()), (Lang::En, en.to_string())].into(),
                )),
                layers: site.layers.clone(),
            };
            let path = entry
                .source
                .with_file_name("history")
                .join(format!("{date}.toml"));
            write(&path, &snapshot_toml(&site, &release))?;
        }
    }
    Ok(sites * 4 + 3)
}

/// The Hugo site, from the merged notices of the full project in Finnish, the primary language.
fn generate_hugo(root: &Path, sites: usize, full: &Path) -> Result<(), String> {
    write(&root.join("config.toml"), hugo::CONFIG)?;
    write(&root.join("layouts/_default/baseof.html"), hugo::BASEOF)?;
    write(&root.join("layouts/_default/single.html"), hugo::SINGLE)?;
    write(&root.join("layouts/index.html"), hugo::INDEX)?;
    write(&root.join("static/notice.css"), CSS)?;
    let project = Project::open(full).map_err(|f| failure(&f))?;
    let layers = Layers::load(&project);
    for entry in project.sites.iter().take(sites) {
        let site = load_site(&project, &layers, entry).map_err(|f| failure(&f))?;
        let page = hugo::page(&site.notice, site.primary());
        write(
            &root.join("content").join(format!("{}.md", entry.name)),
            &page,
        )?;
    }
    Ok(())
}

/// Replaces the edit marker `kierros <n>` with `kierros <round>`: a real text change.
fn bump(text: &str, round: usize) -> Option<String> {
    let stem = MARKER.trim_end_matches('0');
    let start = text.find(stem)? + stem.len();
    let end = start + text[start..].bytes().take_while(u8::is_ascii_digit).count();
    Some(format!("{}{round}{}", &text[..start], &text[end..]))
}

fn rebuild_command(args: &[String]) -> Result<(), String> {
    let root = PathBuf::from(required(args, "--root")?);
    let site = required(args, "--site")?;
    let runs = number(args, "--runs", Some(21))?;
    let out = flag(args, "--out").map(PathBuf::from);
    let source = root.join("content").join(&site).join("notice.toml");
    let original = std::fs::read_to_string(&source).map_err(|e| format!("{site}: {e}"))?;
    let options = BuildOptions {
        out,
        sites: Vec::new(),
        // As `notice watch` does by default: the sources, as drafts.
        drafts: true,
        waiting: None,
        cache_dir: None,
    };
    let (mut session, first) = Session::start(&root, options).map_err(|f| failure(&f))?;
    if let Some(f) = &first.failure {
        return Err(failure(f));
    }
    let affected = Affected {
        everything: false,
        layers: BTreeSet::new(),
        sites: BTreeSet::from([site.clone()]),
    };
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut written = Vec::with_capacity(runs);
    let result = (|| {
        for round in 1..=runs {
            let edited = bump(&original, round)
                .ok_or_else(|| format!("{site}: no `{MARKER}` marker to edit"))?;
            write(&source, &edited)?;
            let started = Instant::now();
            let rebuild = session.rebuild(&affected).map_err(|f| failure(&f))?;
            times.push(started.elapsed());
            if let Some(f) = &rebuild.failure {
                return Err(failure(f));
            }
            written.push(rebuild.written);
        }
        Ok(())
    })();
    write(&source, &original)?;
    result?;
    let mut sorted = times.clone();
    sorted.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{{\"site\": \"{site}\", \"runs\": {runs}, \"median_ms\": {:.3}, \"min_ms\": {:.3}, \"max_ms\": {:.3}, \"written\": {}, \"first_build_ms\": {:.1}}}",
        ms(sorted[sorted.len() / 2]),
        ms(sorted[0]),
        ms(sorted[sorted.len() - 1]),
        written.iter().max().copied().unwrap_or(0),
        ms(first.took)
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bump_changes_only_the_marker() {
        assert_eq!(
            bump("a kierros 0. b kierros 0", 12).unwrap(),
            "a kierros 12. b kierros 0"
        );
        assert_eq!(bump("a kierros 12.", 3).unwrap(), "a kierros 3.");
        assert_eq!(bump("nothing", 1), None);
    }

    #[test]
    fn generated_projects_build() {
        let dir = std::env::temp_dir().join(format!("notice-bench-test-{}", std::process::id()));
        generate_command(&[
            "--sites".into(),
            "3".into(),
            "--out".into(),
            dir.display().to_string(),
        ])
        .unwrap();
        for (project, pages) in [("pages", 3 + 1), ("full", 3 * 8 + 1)] {
            let workspace = notice_core::workspace::Workspace::open(&dir.join(project))
                .unwrap_or_else(|f| panic!("{project}: {}", failure(&f)));
            let options = BuildOptions {
                out: None,
                sites: Vec::new(),
                drafts: false,
                waiting: None,
                cache_dir: None,
            };
            let report = notice_core::build::build(&workspace, &options)
                .unwrap_or_else(|f| panic!("{project}: {}", failure(&f)));
            assert_eq!(report.pages, pages, "{project}");
        }
        let page = std::fs::read_to_string(dir.join("hugo/content/site-00001.md")).unwrap();
        assert!(page.contains("## Rekisterinpitäjä"), "{page}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
