//! `notice watch`: rebuilds what a saved change affects, and optionally serves the output with
//! live reload. Errors never end the watch; Ctrl-C ends it between rebuilds.

#[cfg(feature = "serve")]
mod headers;
#[cfg(not(feature = "serve"))]
#[path = "no_serve.rs"]
mod serve;
#[cfg(feature = "serve")]
mod serve;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

use notice_core::build::BuildOptions;
use notice_core::diagnostic::{Diagnostic, render_all};
use notice_core::error::{Failure, io_error};
use notice_core::project::{CONTENT_DIR, THEMES_DIR};
use notice_core::session::{Affected, Rebuild, Session};
use notice_core::source::display_path;

/// How `notice watch` runs.
#[derive(Debug, Clone)]
pub(crate) struct WatchOptions {
    /// The project root.
    pub(crate) root: PathBuf,
    /// What to build; `drafts` is on unless `--released` was given.
    pub(crate) build: BuildOptions,
    /// Serve the output on 127.0.0.1 with live reload, from this port (or the next free one).
    pub(crate) serve: Option<u16>,
    /// Poll the file system instead of waiting for its events (network drives, some containers).
    pub(crate) poll: bool,
    /// Quiet time after the last event before a rebuild starts.
    pub(crate) debounce: Duration,
}

/// Prints a line and flushes it at once (a piped reader waits for it); a closed stdout is ignored,
/// so a watch whose reader went away keeps working instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, $($arg)*);
        let _ = out.flush();
    }};
}

enum Message {
    Files(notify::Result<notify::Event>),
    Stop,
}

/// Runs until Ctrl-C. Only a project that cannot be opened at all ends it with an error.
pub(crate) fn watch(options: &WatchOptions) -> Result<(), Failure> {
    let (session, first) = Session::start(&options.root, options.build.clone())?;
    let mut session = session;
    report(&first, "initial build");
    let server = match options.serve {
        Some(port) => {
            let server = serve::Server::start(session.root(), session.out_dir(), port)?;
            for problem in &server.problems {
                eprint!("{}", render_all(std::slice::from_ref(problem)));
            }
            server.rebuilt(first.failure.as_ref().map(|f| render_all(&f.diagnostics)));
            say!(
                "serving {} at http://127.0.0.1:{}/",
                display_path(session.out_dir()),
                server.port
            );
            Some(server)
        }
        None => None,
    };

    let (sender, receiver) = mpsc::channel();
    let stop = sender.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Message::Stop);
    })
    .map_err(|err| Failure::io(Diagnostic::error(format!("cannot handle Ctrl-C: {err}"))))?;
    let handler = move |event| {
        let _ = sender.send(Message::Files(event));
    };
    let mut watcher: Box<dyn Watcher> = if options.poll {
        let config = notify::Config::default()
            .with_poll_interval(options.debounce.max(Duration::from_millis(100)));
        Box::new(notify::PollWatcher::new(handler, config).map_err(watch_error)?)
    } else {
        Box::new(notify::recommended_watcher(handler).map_err(watch_error)?)
    };
    // Events name absolute paths under what is watched; watching the canonical root makes them
    // comparable with it.
    let root = session
        .root()
        .canonicalize()
        .map_err(|err| io_error("resolve the project root", session.root(), &err))?;
    // Directories, not files: an editor's atomic save replaces the file, which a watch on the
    // file itself would lose. The output directory is never watched.
    watcher
        .watch(&root.join(CONTENT_DIR), RecursiveMode::Recursive)
        .map_err(watch_error)?;
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(watch_error)?;
    let mut themes_watched = watch_themes(watcher.as_mut(), &root);
    say!(
        "watching {}/ and {}/ (Ctrl-C to stop)",
        display_path(&root.join(CONTENT_DIR)),
        display_path(&root.join(THEMES_DIR))
    );
    while let Some(paths) = next_batch(&receiver, options.debounce) {
        if !themes_watched {
            themes_watched = watch_themes(watcher.as_mut(), &root);
        }
        let affected = Affected::of(&root, session.theme_name(), &paths);
        if affected.is_empty() {
            continue;
        }
        match session.rebuild(&affected) {
            Ok(rebuild) => {
                // The server learns first, so a page fetched after the line is printed is current.
                if let Some(server) = &server {
                    server.rebuilt(rebuild.failure.as_ref().map(|f| render_all(&f.diagnostics)));
                }
                report(&rebuild, &affected.describe());
            }
            // Writing the output failed: say so and keep watching; the next save retries.
            Err(failure) => eprint!("{}", render_all(&failure.diagnostics)),
        }
    }
    say!("stopped");
    Ok(())
}

fn watch_error(err: notify::Error) -> Failure {
    let path = err.paths.first().cloned().unwrap_or_default();
    io_error("watch", &path, &std::io::Error::other(err.to_string()))
}

fn watch_themes(watcher: &mut dyn Watcher, root: &Path) -> bool {
    let themes = root.join(THEMES_DIR);
    themes.is_dir() && watcher.watch(&themes, RecursiveMode::Recursive).is_ok()
}

/// Waits for the next change, then gathers events until `debounce` passes without one; each
/// path counts once. `None` when Ctrl-C was pressed.
fn next_batch(receiver: &Receiver<Message>, debounce: Duration) -> Option<Vec<PathBuf>> {
    let mut paths = BTreeSet::new();
    loop {
        let message = if paths.is_empty() {
            receiver.recv().ok()?
        } else {
            match receiver.recv_timeout(debounce) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => return Some(paths.into_iter().collect()),
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        };
        match message {
            Message::Stop => return None,
            Message::Files(Ok(event)) if !matches!(event.kind, EventKind::Access(_)) => {
                paths.extend(event.paths.into_iter().filter(|p| !is_scratch_file(p)));
            }
            Message::Files(_) => {}
        }
    }
}

/// Editors' temporary and backup files, which never affect a build.
fn is_scratch_file(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return true;
    };
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".swo")
        || name.starts_with(".#")
        || name == "4913"
        || name.contains("___jb_tmp___")
        || name.contains("___jb_old___")
        || name.ends_with(".notice-tmp")
}

/// Prints the one line a rebuild gets, and any diagnostics.
fn report(rebuild: &Rebuild, what: &str) {
    let sites = match rebuild.sites.len() {
        0 => "no sites".to_string(),
        1..=3 => rebuild.sites.join(", "),
        n => format!("{n} sites"),
    };
    let took = rebuild.took.as_secs_f64() * 1000.0;
    match &rebuild.failure {
        None => say!(
            "rebuilt {sites} ({what}): {} written, {} removed in {took:.0} ms",
            rebuild.written,
            rebuild.removed
        ),
        Some(failure) => {
            eprint!("{}", render_all(&failure.diagnostics));
            say!(
                "failed {sites} ({what}): kept the last good output; {} written, {} removed in {took:.0} ms",
                rebuild.written,
                rebuild.removed
            );
        }
    }
    if !rebuild.warnings.is_empty() {
        eprint!("{}", render_all(&rebuild.warnings));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_scratch_files_are_ignored() {
        for name in [
            "notice.toml~",
            ".notice.toml.swp",
            ".#notice.toml",
            "4913",
            "notice.toml___jb_tmp___",
            ".index.html.notice-tmp",
        ] {
            assert!(is_scratch_file(Path::new(name)), "{name}");
        }
        for name in ["notice.toml", "fi-standard.toml", "page.html"] {
            assert!(!is_scratch_file(Path::new(name)), "{name}");
        }
    }
}
