//! Building: every selected site loaded and rendered in memory, then the tree handed to the
//! output writer (or, when nothing changed, the build cache's word that the output is current).

mod parallel;
mod site;

use std::path::PathBuf;

pub(crate) use parallel::for_each_rendered;
pub use parallel::{RenderRequest, Rendered, render_sites};
pub(crate) use site::shared_source;
pub use site::{BuildContext, BuiltSite};

use crate::cache;
use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::output::{OutputDir, Scope, Stager, Waiting, WriteReport, guard};
use crate::project::Project;
use crate::render::ASSETS_DIR;
use crate::workspace::Workspace;
use parallel::render_each;

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Output directory; `<root>/site` when not given.
    pub out: Option<PathBuf>,
    /// Only these sites (all when empty). The index page is then left as it was.
    pub sites: Vec<String>,
    /// Render the sources as drafts instead of the released versions.
    pub drafts: bool,
    /// Called once when another build is writing the same output and this one waits for it.
    pub waiting: Option<Waiting>,
    /// The page cache folder, kept between builds; `None` renders every page.
    pub cache_dir: Option<PathBuf>,
}

/// What a build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Where the output went.
    pub out_dir: PathBuf,
    /// Pages rendered (or, on a cache hit, the pages of the build it repeats).
    pub pages: usize,
    /// Files written, unchanged and removed.
    pub write: WriteReport,
    /// Problems that did not stop the build, such as unreleased changes.
    pub warnings: Vec<Diagnostic>,
}

/// Builds the selected sites into the output directory: renders every page in memory, stages
/// the tree beside the output and swaps it in. A full build of an unchanged project is
/// answered from the build cache without rendering.
pub fn build(workspace: &Workspace, options: &BuildOptions) -> Result<BuildReport, Failure> {
    let project = workspace.project();
    let out = output_dir(project, options)?;
    let cache_dir = options
        .cache_dir
        .as_deref()
        .map(|dir| guard::cache_dir(&project.root, dir))
        .transpose()?;
    let selected = workspace.select(&options.sites)?;
    // Held until the new tree is in place: a second build waits, then sees this one's cache.
    let mut lock = out.lock(options.waiting)?;
    let out_dir = out.shown().to_path_buf();
    let full = options.sites.is_empty();
    // Only a full build is cached: it speaks for the whole output tree.
    let fingerprint = full.then(|| cache::fingerprint(project, &selected, options.drafts));
    if let Some(hit) = fingerprint
        .flatten()
        .and_then(|fingerprint| cache::lookup(out.path(), fingerprint))
    {
        return Ok(BuildReport {
            out_dir,
            pages: hit.pages,
            write: WriteReport {
                written: Vec::new(),
                unchanged: hit.files.len(),
                removed: Vec::new(),
                warnings: Vec::new(),
            },
            warnings: project
                .warnings
                .iter()
                .cloned()
                .chain(hit.warnings)
                .chain(lock.take_warnings())
                .collect(),
        });
    }
    let scope = if full {
        Scope::All
    } else {
        let mut prefixes: Vec<String> = selected.iter().map(|s| format!("{}/", s.name)).collect();
        prefixes.push(format!("{ASSETS_DIR}/"));
        Scope::Prefixes(prefixes)
    };
    let mut stager = Stager::new(lock, scope)?;
    let mut files: Vec<(String, u64)> = Vec::new();
    let rendered = render_each(
        workspace,
        &RenderRequest {
            sites: &selected,
            with_index: full,
            drafts: options.drafts,
            cache: cache_dir.as_ref(),
        },
        &mut |from, path, bytes| {
            stager.place(from, &path, &bytes)?;
            files.push((path, bytes.len() as u64));
            Ok(())
        },
    )?;
    if let Some(text) = fingerprint.flatten().and_then(|fingerprint| {
        cache::contents(fingerprint, rendered.pages, &files, &rendered.warnings)
    }) {
        stager.place_cache(text);
    }
    let mut write = stager.finish()?;
    let write_warnings = std::mem::take(&mut write.warnings);
    Ok(BuildReport {
        out_dir,
        pages: rendered.pages,
        write,
        warnings: project
            .warnings
            .iter()
            .cloned()
            .chain(rendered.warnings)
            .chain(write_warnings)
            .collect(),
    })
}

/// The output directory the options name (`<root>/site` by default), as the guard passes it:
/// refused when it would write into the project's sources or over files notice did not make.
pub fn output_dir(project: &Project, options: &BuildOptions) -> Result<OutputDir, Failure> {
    let out_dir = options
        .out
        .clone()
        .unwrap_or_else(|| project.root.join("site"));
    guard::output_dir(&project.root, &out_dir)
}
