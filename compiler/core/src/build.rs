//! The build command's engine: load every selected site, render all pages in memory, then hand the tree to the writer.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use crate::cache;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::diff::Class;
use crate::error::{Failure, io_error};
use crate::history::release::changes_since_latest;
use crate::history::{History, load_history};
use crate::load::{Layers, LoadedSite, load_site};
use crate::output::{Scope, Stager, WriteReport};
use crate::project::{Project, SiteEntry};
use crate::render::site::{SiteInput, SiteOutput};
use crate::render::{self, ASSETS_DIR, IndexSite, Theme};

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Output directory; `<root>/site` when not given.
    pub out: Option<PathBuf>,
    /// Only these sites (all when empty). The index page is then left as it was.
    pub sites: Vec<String>,
    /// Render the sources as drafts instead of the released versions.
    pub drafts: bool,
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
    /// Each site as the index lists it.
    pub sites: Vec<IndexSite>,
    pub pages: usize,
    /// Sites whose page is not what their sources say: unreleased changes, or never released.
    pub warnings: Vec<Diagnostic>,
}

pub fn build(options: &BuildOptions) -> Result<BuildReport, Failure> {
    let project = Project::open(&options.root)?;
    let out_dir = output_dir(&project, options)?;
    let selected = select_sites(&project, &options.sites)?;
    let full = options.sites.is_empty();
    // Only a full build is cached: it speaks for the whole output tree.
    let fingerprint = full.then(|| cache::fingerprint(&project, &selected, options.drafts));
    if let Some(hit) = fingerprint
        .flatten()
        .and_then(|fingerprint| cache::lookup(&out_dir, fingerprint))
    {
        return Ok(BuildReport {
            out_dir,
            pages: hit.pages,
            write: WriteReport {
                written: Vec::new(),
                unchanged: hit.files.len(),
                removed: Vec::new(),
            },
            warnings: project
                .warnings
                .iter()
                .cloned()
                .chain(hit.warnings)
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
    let mut stager = Stager::new(&out_dir, scope)?;
    let mut files: Vec<(String, u64)> = Vec::new();
    let rendered = render_each(
        &project,
        &RenderRequest {
            sites: &selected,
            with_index: full,
            drafts: options.drafts,
        },
        &mut |path, bytes| {
            stager.place(&path, &bytes)?;
            files.push((path, bytes.len() as u64));
            Ok(())
        },
    )?;
    if let Some(text) = fingerprint.flatten().and_then(|fingerprint| {
        cache::contents(fingerprint, rendered.pages, &files, &rendered.warnings)
    }) {
        stager.place_cache(text);
    }
    let write = stager.finish()?;
    Ok(BuildReport {
        out_dir,
        pages: rendered.pages,
        write,
        warnings: project
            .warnings
            .iter()
            .cloned()
            .chain(rendered.warnings)
            .collect(),
    })
}

/// The output directory the options name (`<root>/site` by default), refused when it would
/// overwrite the project's sources.
pub(crate) fn output_dir(project: &Project, options: &BuildOptions) -> Result<PathBuf, Failure> {
    let out_dir = options
        .out
        .clone()
        .unwrap_or_else(|| project.root.join("site"));
    refuse_dangerous_output(project, &out_dir)?;
    Ok(out_dir)
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

/// What [`render_sites`] renders.
#[derive(Debug, Clone, Copy)]
pub struct RenderRequest<'a> {
    pub sites: &'a [SiteEntry],
    /// Also render `index.html`, the list of sites.
    pub with_index: bool,
    /// Render each site's sources under a draft banner instead of its released version.
    pub drafts: bool,
}

/// What rendering a site needs, loaded once and shared by every site of a build or rebuild.
pub struct BuildContext<'a> {
    pub project: &'a Project,
    pub theme: &'a Theme,
    pub layers: &'a Layers,
    /// Render each site's sources under a draft banner instead of its released version.
    pub drafts: bool,
}

/// One site, loaded and rendered in memory.
pub struct BuiltSite {
    /// The site as the index page lists it (its current page's title and languages).
    pub index: IndexSite,
    /// The layers its sources were merged from, in order: a rebuild after a layer edit
    /// re-renders the sites whose list names that layer.
    pub layers: Vec<String>,
    pub output: SiteOutput,
    /// Unreleased changes, or never released (not given for drafts).
    pub warning: Option<Diagnostic>,
}

impl BuildContext<'_> {
    pub fn site(&self, entry: &SiteEntry) -> Result<BuiltSite, Failure> {
        let history = load_history(self.project, &entry.name)?;
        self.site_with_history(entry, &history)
    }

    /// [`BuildContext::site`] with its released versions already read (watch keeps them).
    pub fn site_with_history(
        &self,
        entry: &SiteEntry,
        history: &History,
    ) -> Result<BuiltSite, Failure> {
        let sources = load_site(self.project, self.layers, entry)?;
        let input = SiteInput {
            sources: &sources,
            history,
            drafts: self.drafts,
        };
        let output = render::site::render_site(self.project, self.theme, &input)?;
        let warning = if self.drafts {
            None
        } else {
            release_warning(entry, &sources, history)
        };
        Ok(BuiltSite {
            index: IndexSite::of(input.current().0),
            layers: sources.layers.clone(),
            output,
            warning,
        })
    }

    /// `index.html` and the theme's assets: the files that belong to no site.
    pub fn shared_files(&self, sites: &[IndexSite]) -> Result<Vec<(String, Vec<u8>)>, Failure> {
        let mut files = vec![self.index(sites)?];
        files.extend(self.assets());
        Ok(files)
    }

    /// `index.html`, listing `sites`.
    pub fn index(&self, sites: &[IndexSite]) -> Result<(String, Vec<u8>), Failure> {
        let html = render::render_index(self.project, self.theme, sites)?;
        Ok(("index.html".to_string(), html))
    }

    /// The theme's static files, published under `assets/`.
    pub fn assets(&self) -> impl Iterator<Item = (String, Vec<u8>)> + '_ {
        self.theme
            .assets
            .iter()
            .map(|(name, bytes)| (format!("{ASSETS_DIR}/{name}"), bytes.clone()))
    }
}

/// Loads and renders sites in memory. Every site is attempted, so one run reports every
/// broken site, not just the first.
pub fn render_sites(project: &Project, request: &RenderRequest<'_>) -> Result<Rendered, Failure> {
    let mut files = BTreeMap::new();
    let summary = render_each(project, request, &mut |path, bytes| {
        files.insert(path, bytes);
        Ok(())
    })?;
    Ok(Rendered {
        files,
        sites: summary.sites,
        pages: summary.pages,
        warnings: summary.warnings,
    })
}

/// What [`render_each`] tells besides the files.
struct RenderSummary {
    sites: Vec<IndexSite>,
    pages: usize,
    warnings: Vec<Diagnostic>,
}

/// A file to hand on: its output path and bytes.
type Sink<'s> = dyn FnMut(String, Vec<u8>) -> Result<(), Failure> + 's;

/// Renders every requested site, on as many threads as there are cores, and hands each file
/// to `sink` as soon as its site is done, so memory holds a few sites at a time, never the
/// whole output. Sites are independent, so the files are the same as on one thread; the
/// warnings and the index keep the sites' order, and failures are sorted, so nothing in the
/// output depends on which thread finished first.
fn render_each(
    project: &Project,
    request: &RenderRequest<'_>,
    sink: &mut Sink<'_>,
) -> Result<RenderSummary, Failure> {
    let theme = Theme::load(project)?;
    let layers = Layers::load(project);
    let context = BuildContext {
        project,
        theme: &theme,
        layers: &layers,
        drafts: request.drafts,
    };
    let sites = request.sites;
    let mut index: Vec<Option<IndexSite>> = vec![None; sites.len()];
    let mut site_warnings: Vec<Option<Diagnostic>> = vec![None; sites.len()];
    let mut failures = Vec::new();
    let mut pages = 0;
    let mut sink_failure = None;
    let mut take = |i: usize, result: Result<BuiltSite, Failure>| -> Result<(), Failure> {
        match result {
            Ok(built) => {
                pages += built.output.pages;
                for (path, bytes) in built.output.files {
                    sink(path, bytes)?;
                }
                site_warnings[i] = built.warning;
                index[i] = Some(built.index);
            }
            Err(failure) => failures.push(failure),
        }
        Ok(())
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(sites.len());
    if threads <= 1 {
        for (i, entry) in sites.iter().enumerate() {
            if let Err(failure) = take(i, context.site(entry)) {
                sink_failure = Some(failure);
                break;
            }
        }
    } else {
        let next = AtomicUsize::new(0);
        // A short queue: workers wait rather than pile up rendered sites in memory.
        let (sender, receiver) = mpsc::sync_channel(threads * 2);
        std::thread::scope(|scope| {
            for _ in 0..threads {
                let sender = sender.clone();
                let (next, context) = (&next, &context);
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(entry) = sites.get(i) else { break };
                        // The receiver is gone when writing failed: stop.
                        if sender.send((i, context.site(entry))).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(sender);
            for (i, result) in receiver {
                if let Err(failure) = take(i, result) {
                    sink_failure = Some(failure);
                    break;
                }
            }
        });
    }
    if let Some(failure) = sink_failure {
        return Err(failure);
    }
    if let Some(failure) = Failure::combine(failures) {
        return Err(failure);
    }
    let index: Vec<IndexSite> = index.into_iter().flatten().collect();
    // A `--site` build leaves the index as it was, so it is not rendered at all.
    if request.with_index {
        let (path, bytes) = context.index(&index)?;
        sink(path, bytes)?;
        pages += 1;
    }
    for (path, bytes) in context.assets() {
        sink(path, bytes)?;
    }
    Ok(RenderSummary {
        sites: index,
        pages,
        warnings: site_warnings.into_iter().flatten().collect(),
    })
}

/// What is published is what was released: a build says when the sources have moved on.
fn release_warning(
    entry: &SiteEntry,
    sources: &LoadedSite,
    history: &History,
) -> Option<Diagnostic> {
    let name = &entry.name;
    let path = crate::source::display_path(&entry.source);
    let Some(changes) = changes_since_latest(sources, history) else {
        return Some(
            Diagnostic::warning(format!("`{name}` has no released version yet"))
                .at_path(path)
                .note("its page shows the sources, with no effective date or change log")
                .help(format!(
                    "run `notice release {name}` to publish it as a version"
                )),
        );
    };
    if changes.is_empty() {
        return None;
    }
    let latest = history.latest().expect("changes imply a version");
    let material = changes
        .iter()
        .filter(|c| c.class() == Class::Material)
        .count();
    Some(
        Diagnostic::warning(format!(
            "unreleased changes in {name}: run `notice release {name}`"
        ))
        .at_path(path)
        .note(format!(
            "{} change(s) since version {}, {material} material; the page still shows version {}",
            changes.len(),
            latest.id,
            latest.id
        ))
        .help("`notice diff` lists the changes; `notice build --drafts` previews them"),
    )
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
