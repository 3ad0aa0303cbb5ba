//! Rendering many sites at once, on every core, handing each file on as soon as its site is
//! done, with results that do not depend on which thread finished first.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::site::{BuildContext, BuiltSite, shared_source};
use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::output::CacheDir;
use crate::page_cache::PageCache;
use crate::project::SiteEntry;
use crate::render::{IndexSite, Theme};
use crate::workspace::Workspace;

/// What [`render_sites`] renders.
#[derive(Debug, Clone, Copy)]
pub struct RenderRequest<'a> {
    /// The sites to render.
    pub sites: &'a [SiteEntry],
    /// Also render `index.html`, the list of sites.
    pub with_index: bool,
    /// Render each site's sources under a draft banner instead of its released version.
    pub drafts: bool,
    /// Keep the pages of released versions here between builds (drafts never use it).
    pub cache: Option<&'a CacheDir>,
}

/// The rendered output of a project, before anything touches the disk.
pub struct Rendered {
    /// Output path → bytes.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Each site as the index lists it.
    pub sites: Vec<IndexSite>,
    /// Pages among the files.
    pub pages: usize,
    /// Sites whose page is not what their sources say: unreleased changes, or never released.
    pub warnings: Vec<Diagnostic>,
}

/// Loads and renders sites in memory. Every site is attempted, so one run reports every
/// broken site, not just the first.
pub fn render_sites(
    workspace: &Workspace,
    request: &RenderRequest<'_>,
) -> Result<Rendered, Failure> {
    let mut files = BTreeMap::new();
    let summary = render_each(workspace, request, &mut |_from, path, bytes| {
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
pub(super) struct RenderSummary {
    pub(super) sites: Vec<IndexSite>,
    pub(super) pages: usize,
    pub(super) warnings: Vec<Diagnostic>,
}

/// A file to hand on: what made it (for messages: "site `kahvila`"), its output path and bytes.
pub(super) type Sink<'s> = dyn FnMut(&str, String, Vec<u8>) -> Result<(), Failure> + 's;

/// Renders every requested site, on as many threads as there are cores, and hands each file
/// to `sink` as soon as its site is done, so memory holds a few sites at a time, never the
/// whole output. Sites are independent, so the files are the same as on one thread; the
/// warnings and the index keep the sites' order, and failures are sorted, so nothing in the
/// output depends on which thread finished first.
pub(super) fn render_each(
    workspace: &Workspace,
    request: &RenderRequest<'_>,
    sink: &mut Sink<'_>,
) -> Result<RenderSummary, Failure> {
    let theme = Theme::load(workspace.project())?;
    let cache = match request.cache {
        Some(dir) if !request.drafts => {
            Some(PageCache::new(dir.clone(), workspace.project(), &theme))
        }
        _ => None,
    };
    let context = BuildContext {
        workspace,
        theme: &theme,
        drafts: request.drafts,
        cache: cache.as_ref(),
    };
    let mut collected = Collected::new(request.sites.len(), sink);
    for_each_rendered(
        request.sites,
        |entry| context.site(entry),
        |i, result| collected.take(i, &request.sites[i].name, result),
    )?;
    let Collected {
        index,
        warnings,
        failures,
        mut pages,
        sink,
    } = collected;
    if let Some(failure) = Failure::combine(failures) {
        return Err(failure);
    }
    let mut warnings: Vec<Diagnostic> = warnings.into_iter().flatten().collect();
    if let Some(cache) = &cache {
        // Only a build of every site knows which entries are still wanted.
        if request.with_index {
            cache.prune();
        }
        warnings.extend(cache.take_warning());
    }
    let index: Vec<IndexSite> = index.into_iter().flatten().collect();
    // A `--site` build leaves the index as it was, so it is not rendered at all.
    if request.with_index {
        let (path, bytes) = context.index(&index)?;
        sink(&shared_source(&path), path, bytes)?;
        pages += 1;
    }
    for (path, bytes) in context.assets() {
        sink(&shared_source(&path), path, bytes)?;
    }
    Ok(RenderSummary {
        sites: index,
        pages,
        warnings,
    })
}

/// What the rendered sites have given so far, kept in the sites' order.
struct Collected<'a, 's> {
    index: Vec<Option<IndexSite>>,
    warnings: Vec<Option<Diagnostic>>,
    failures: Vec<Failure>,
    pages: usize,
    sink: &'a mut Sink<'s>,
}

impl<'a, 's> Collected<'a, 's> {
    fn new(sites: usize, sink: &'a mut Sink<'s>) -> Self {
        Collected {
            index: vec![None; sites],
            warnings: vec![None; sites],
            failures: Vec::new(),
            pages: 0,
            sink,
        }
    }

    /// Takes the `i`th site's result. Only a failing sink ends the build early; a broken site
    /// is kept for the combined report.
    fn take(
        &mut self,
        i: usize,
        name: &str,
        result: Result<BuiltSite, Failure>,
    ) -> Result<(), Failure> {
        match result {
            Ok(built) => {
                self.pages += built.output.pages;
                let from = format!("site `{name}`");
                for (path, bytes) in built.output.files {
                    (self.sink)(&from, path, bytes)?;
                }
                self.warnings[i] = built.warning;
                self.index[i] = Some(built.index);
            }
            Err(failure) => self.failures.push(failure),
        }
        Ok(())
    }
}

/// Runs `render` on each site, on as many threads as there are cores, and hands `(position,
/// what it returned)` to `take` on this thread, in the order the sites finish. Stops at the
/// first error `take` returns. `render` is the caller's, so work that belongs with the render
/// (a watch session fingerprints each file) runs on the workers too.
pub(crate) fn for_each_rendered<E: Sync, T: Send>(
    sites: &[E],
    render: impl Fn(&E) -> T + Sync,
    mut take: impl FnMut(usize, T) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(sites.len());
    if threads <= 1 {
        for (i, entry) in sites.iter().enumerate() {
            take(i, render(entry))?;
        }
        return Ok(());
    }
    let next = AtomicUsize::new(0);
    // A short queue: workers wait rather than pile up rendered sites in memory.
    let (sender, receiver) = mpsc::sync_channel(threads * 2);
    let render = &render;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(entry) = sites.get(i) else { break };
                    // The receiver is gone when writing failed: stop.
                    if sender.send((i, render(entry))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // Returning drops the receiver, which stops the workers.
        receiver
            .into_iter()
            .try_for_each(|(i, result)| take(i, result))
    })
}
