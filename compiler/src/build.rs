//! The build command's engine: load every selected site, render all pages in memory, then hand the tree to the writer.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error::{Failure, io_error};
use crate::load::{Layers, LoadedSite, load_site};
use crate::output::{self, Scope, WriteReport};
use crate::project::{Project, SiteEntry};
use crate::render::{self, ASSETS_DIR, Theme};

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Output directory; `<root>/site` when not given.
    pub out: Option<PathBuf>,
    /// Only these sites (all when empty). The index page is then left as it was.
    pub sites: Vec<String>,
}

#[derive(Debug)]
pub struct BuildReport {
    pub out_dir: PathBuf,
    pub pages: usize,
    pub write: WriteReport,
    pub warnings: Vec<Diagnostic>,
}

/// The rendered output of a project, before anything touches the disk.
pub struct Rendered {
    pub files: BTreeMap<String, Vec<u8>>,
    pub sites: Vec<LoadedSite>,
    pub pages: usize,
}

pub fn build(options: &BuildOptions) -> Result<BuildReport, Failure> {
    let project = Project::open(&options.root)?;
    let out_dir = options
        .out
        .clone()
        .unwrap_or_else(|| project.root.join("site"));
    refuse_dangerous_output(&project, &out_dir)?;
    let selected = select_sites(&project, &options.sites)?;
    let rendered = render_sites(&project, &selected, options.sites.is_empty())?;
    let scope = if options.sites.is_empty() {
        Scope::All
    } else {
        let mut prefixes: Vec<String> = selected.iter().map(|s| format!("{}/", s.name)).collect();
        prefixes.push(format!("{ASSETS_DIR}/"));
        Scope::Prefixes(prefixes)
    };
    let write = output::write(&out_dir, &rendered.files, &scope)?;
    Ok(BuildReport {
        out_dir,
        pages: rendered.pages,
        write,
        warnings: project.warnings.clone(),
    })
}

/// The sites named on the command line, or all of them.
pub fn select_sites(project: &Project, names: &[String]) -> Result<Vec<SiteEntry>, Failure> {
    if names.is_empty() {
        return Ok(project.sites.clone());
    }
    let mut selected = Vec::new();
    for name in names {
        match project.sites.iter().find(|site| &site.name == name) {
            Some(site) if !selected.contains(site) => selected.push(site.clone()),
            Some(_) => {}
            None => {
                let mut err = Diagnostic::error(format!("no site named `{name}`"));
                match did_you_mean(name, project.sites.iter().map(|s| s.name.as_str())) {
                    Some(hint) => err = err.help(hint),
                    None => {
                        err = err
                            .help("sites are the directories of content/ that hold a notice.toml")
                    }
                }
                return Err(Failure::usage(err));
            }
        }
    }
    selected.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(selected)
}

/// Loads and renders `sites` in memory. Every site is attempted, so one run reports every
/// broken site, not just the first.
pub fn render_sites(
    project: &Project,
    sites: &[SiteEntry],
    with_index: bool,
) -> Result<Rendered, Failure> {
    let theme = Theme::load(project)?;
    let layers = Layers::load(project);
    let mut files = BTreeMap::new();
    let mut loaded = Vec::new();
    let mut failures = Vec::new();
    let mut pages = 0;
    for entry in sites {
        let result = load_site(project, &layers, entry).and_then(|site| {
            let site_pages = render::render_site(project, &theme, &site)?;
            Ok((site, site_pages))
        });
        match result {
            Ok((site, site_pages)) => {
                pages += site_pages.len();
                files.extend(site_pages);
                loaded.push(site);
            }
            Err(failure) => failures.push(failure),
        }
    }
    if let Some(failure) = Failure::combine(failures) {
        return Err(failure);
    }
    if with_index {
        files.insert(
            "index.html".to_string(),
            render::render_index(project, &theme, &loaded)?,
        );
        pages += 1;
    }
    for (name, bytes) in &theme.assets {
        files.insert(format!("{ASSETS_DIR}/{name}"), bytes.clone());
    }
    Ok(Rendered {
        files,
        sites: loaded,
        pages,
    })
}

/// The output directory is replaced whole on every build, so it must not hold the sources.
fn refuse_dangerous_output(project: &Project, out_dir: &Path) -> Result<(), Failure> {
    let absolute = |path: &Path| -> Result<PathBuf, Failure> {
        let path = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir()
                .map_err(|err| io_error("read the current directory", path, &err))?
                .join(path)
        };
        Ok(normalize(&path))
    };
    let out = absolute(out_dir)?;
    let root = absolute(&project.root)?;
    let protected = [root.clone(), root.join("content"), root.join("themes")];
    if protected
        .iter()
        .any(|p| p.starts_with(&out) || out.starts_with(p) && p != &root)
    {
        return Err(Failure::usage(
            Diagnostic::error("refusing to build into a directory that holds the project's sources")
                .at_path(crate::source::display_path(out_dir))
                .help("the output directory is replaced on every build; choose a separate one, like `--out site`"),
        ));
    }
    Ok(())
}

/// Resolves `.` and `..` without touching the disk (the output may not exist yet).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
