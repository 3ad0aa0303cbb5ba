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
        Some(port) => Some(start_server(&session, port, &first)?),
        None => None,
    };
    let (sender, receiver) = mpsc::channel();
    let stop = sender.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Message::Stop);
    })
    .map_err(|err| Failure::io(Diagnostic::error(format!("cannot handle Ctrl-C: {err}"))))?;
    let mut folders = Folders::watch(options, sender, session.root())?;
    say!(
        "watching {}/ and {}/ (Ctrl-C to stop)",
        display_path(&folders.root.join(CONTENT_DIR)),
        display_path(&folders.root.join(THEMES_DIR))
    );
    // After a rebuild panicked, the session may hold half-updated state: the next one reads
    // and renders everything again.
    let mut recover = false;
    while let Some(paths) = next_batch(&receiver, options.debounce) {
        let replaced = folders.follow(&paths);
        let mut affected = Affected::of(&folders.root, session.theme_name(), &paths);
        affected.everything |= !replaced.is_empty() || recover;
        if affected.is_empty() {
            continue;
        }
        let what = match replaced.as_slice() {
            [] => affected.describe(),
            names => format!("{}/ replaced", names.join("/ and ")),
        };
        let outcome = catch_panic(|| session.rebuild(&affected));
        recover = outcome.is_err();
        let failure = match outcome {
            Ok(Ok(rebuild)) => {
                // The server learns first, so a page fetched after the line is printed is current.
                if let Some(server) = &server {
                    server.rebuilt(rebuild.failure.as_ref().map(|f| render_all(&f.diagnostics)));
                }
                report(&rebuild, &what);
                continue;
            }
            // Writing the output failed: say so and keep watching; the next save retries.
            Ok(Err(failure)) => render_all(&failure.diagnostics),
            Err(panic) => render_all(&[Diagnostic::error(format!(
                "internal error: the rebuild panicked: {panic}"
            ))
            .note("this is a bug in notice: please report it")
            .help("still watching: the next save rebuilds everything")]),
        };
        eprint!("{failure}");
        if let Some(server) = &server {
            server.rebuilt(Some(failure));
        }
    }
    say!("stopped");
    Ok(())
}

fn start_server(session: &Session, port: u16, first: &Rebuild) -> Result<serve::Server, Failure> {
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
    Ok(server)
}

/// Runs `work`, turning a panic into its message: the README promises that nothing a user
/// saves ends the watch, and a bug in one rebuild should not either.
fn catch_panic<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    // The session is not touched again until its next rebuild, which reloads everything.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_string())
    })
}

/// The folders watched recursively, below a root watched on its own.
const FOLDERS: [&str; 2] = [CONTENT_DIR, THEMES_DIR];

/// The file-system watch on the project: the root, and `content/` and `themes/` in depth.
struct Folders {
    watcher: Box<dyn Watcher>,
    /// The canonical project root: events name absolute paths under what is watched, and
    /// watching the canonical root makes them comparable with it.
    root: PathBuf,
}

impl Folders {
    fn watch(
        options: &WatchOptions,
        sender: mpsc::Sender<Message>,
        root: &Path,
    ) -> Result<Folders, Failure> {
        let handler = move |event| {
            let _ = sender.send(Message::Files(event));
        };
        let watcher: Box<dyn Watcher> = if options.poll {
            let config = notify::Config::default()
                .with_poll_interval(options.debounce.max(Duration::from_millis(100)));
            Box::new(notify::PollWatcher::new(handler, config).map_err(watch_error)?)
        } else {
            Box::new(notify::recommended_watcher(handler).map_err(watch_error)?)
        };
        let root = root
            .canonicalize()
            .map_err(|err| io_error("resolve the project root", root, &err))?;
        let mut folders = Folders { watcher, root };
        // Directories, not files: an editor's atomic save replaces the file, which a watch on
        // the file itself would lose. The output directory is never watched.
        let content = folders.root.join(CONTENT_DIR);
        folders
            .watcher
            .watch(&content, RecursiveMode::Recursive)
            .map_err(watch_error)?;
        folders
            .watcher
            .watch(&folders.root, RecursiveMode::NonRecursive)
            .map_err(watch_error)?;
        folders.rewatch(THEMES_DIR);
        Ok(folders)
    }

    /// Watches again each folder that `paths` show was created, deleted or moved as a whole
    /// (`rm -rf content && cp -r backup content`, `mv content x; mv x content`): to the OS it
    /// is a new folder, and the watch on the old one is gone. Returns the folders that were,
    /// so the caller rebuilds everything from them.
    fn follow(&mut self, paths: &[PathBuf]) -> Vec<&'static str> {
        let mut replaced = Vec::new();
        for name in FOLDERS {
            if paths.iter().any(|path| *path == self.root.join(name)) {
                self.rewatch(name);
                replaced.push(name);
            }
        }
        replaced
    }

    /// Drops any watch on `root/name` and watches it again if it is there; while it is not,
    /// the watch on the root sees it come back.
    fn rewatch(&mut self, name: &str) {
        let dir = self.root.join(name);
        let _ = self.watcher.unwatch(&dir);
        if dir.is_dir() {
            if let Err(err) = self.watcher.watch(&dir, RecursiveMode::Recursive) {
                eprint!("{}", render_all(&watch_error(err).diagnostics));
            }
        }
    }
}

fn watch_error(err: notify::Error) -> Failure {
    let path = err.paths.first().cloned().unwrap_or_default();
    io_error("watch", &path, &std::io::Error::other(err.to_string()))
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
    fn a_panicking_rebuild_is_caught_with_its_message() {
        assert_eq!(catch_panic(|| 5), Ok(5));
        assert_eq!(catch_panic(|| -> u8 { panic!("boom") }), Err("boom".into()));
        let site = "alpha";
        let caught = catch_panic(|| -> u8 { panic!("boom in {site}") });
        assert_eq!(caught, Err("boom in alpha".into()));
    }

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
