//! The preview server of `notice watch --serve`: the output on 127.0.0.1 with the deployed
//! headers, a reload event after every rebuild, and the last build's error over the pages.
//! Requests are read by [`http`], within its limits on a request's head, and at most
//! [`MAX_CONNECTIONS`] are served at once.

#[path = "http.rs"]
mod http;

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notice_core::diagnostic::Diagnostic;
use notice_core::error::Failure;
use notice_core::render::escape;

use super::headers::deployed_headers;

/// Served from here only, never written into the output.
const RELOAD_SCRIPT: &str = include_str!("reload.js");
const OVERLAY_CSS: &str = include_str!("overlay.css");
const PREFIX: &str = "/__notice/";
/// How many ports after the asked one are tried when it is taken.
const PORT_TRIES: u16 = 20;
/// A comment line keeps idle event streams open through proxies and tells us a tab has closed.
const KEEPALIVE: Duration = Duration::from_secs(15);
/// Connections served at once, each on its own thread; every open page holds one for its event
/// stream. More get 503 at once, so a flood of connections cannot exhaust threads.
const MAX_CONNECTIONS: usize = 64;
/// How long writing a response may stall before the connection is dropped.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

struct State {
    out_dir: PathBuf,
    /// Sent with every response: `netlify.toml`'s, each checked when it was read.
    headers: Vec<(String, String)>,
    /// One sender per open event stream.
    clients: Mutex<Vec<Sender<u64>>>,
    /// The last build's diagnostics, while it failed.
    error: Mutex<Option<String>>,
    builds: Mutex<u64>,
    /// Connections being served.
    connections: AtomicUsize,
}

pub(crate) struct Server {
    pub(crate) port: u16,
    /// Problems with `netlify.toml`: headers that cannot be sent and were skipped, or why the
    /// server fell back to the default headers.
    pub(crate) problems: Vec<Diagnostic>,
    state: Arc<State>,
}

impl Server {
    /// Binds 127.0.0.1 at `port`, or the next free port, and serves from a background thread.
    pub(crate) fn start(root: &Path, out_dir: &Path, port: u16) -> Result<Server, Failure> {
        let (headers, problems) = deployed_headers(root);
        let (listener, port) = bind(port)?;
        let state = Arc::new(State {
            out_dir: out_dir.to_path_buf(),
            headers,
            clients: Mutex::new(Vec::new()),
            error: Mutex::new(None),
            builds: Mutex::new(0),
            connections: AtomicUsize::new(0),
        });
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                accept(&shared, stream);
            }
        });
        Ok(Server {
            port,
            problems,
            state,
        })
    }

    /// Records the outcome of a rebuild and tells every open page to reload.
    pub(crate) fn rebuilt(&self, error: Option<String>) {
        *self.state.error.lock().expect("not poisoned") = error;
        let build = {
            let mut builds = self.state.builds.lock().expect("not poisoned");
            *builds += 1;
            *builds
        };
        self.state
            .clients
            .lock()
            .expect("not poisoned")
            .retain(|client| client.send(build).is_ok());
    }
}

fn bind(port: u16) -> Result<(TcpListener, u16), Failure> {
    let mut last_error = String::new();
    for candidate in port..=port.saturating_add(PORT_TRIES) {
        match TcpListener::bind(("127.0.0.1", candidate)) {
            Ok(listener) => {
                let bound = listener.local_addr().map_or(candidate, |a| a.port());
                return Ok((listener, bound));
            }
            Err(err) => last_error = err.to_string(),
        }
    }
    Err(Failure::io(
        Diagnostic::error(format!(
            "cannot serve on 127.0.0.1 ports {port}–{}: {last_error}",
            port.saturating_add(PORT_TRIES)
        ))
        .help("pass a free port with `--port N`"),
    ))
}

/// Serves a new connection on a thread of its own, or refuses it when too many are open.
fn accept(state: &Arc<State>, mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    if state.connections.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
        state.connections.fetch_sub(1, Ordering::SeqCst);
        let _ = http::respond(&mut stream, 503, &[], b"too many connections", false);
        return;
    }
    let state = Arc::clone(state);
    std::thread::spawn(move || {
        /// Counts the connection as closed however its thread ends.
        struct Open(Arc<State>);
        impl Drop for Open {
            fn drop(&mut self) {
                self.0.connections.fetch_sub(1, Ordering::SeqCst);
            }
        }
        let open = Open(state);
        serve_connection(&open.0, stream);
    });
}

/// One request on a connection: what is asked for, and where to answer.
struct Exchange {
    stream: TcpStream,
    /// A HEAD request: the response goes without its body.
    head_only: bool,
}

fn serve_connection(state: &State, mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(http::HEAD_TIMEOUT));
    let head = match http::read_head(&mut stream) {
        Ok(head) => head,
        Err(refusal) => {
            if let Some(status) = refusal.status() {
                let body = format!("{}\n", http::reason(status).to_ascii_lowercase());
                let kind = [("Content-Type", "text/plain; charset=utf-8")];
                let _ = http::respond(&mut stream, status, &kind, body.as_bytes(), false);
                http::linger(&mut stream);
            }
            return;
        }
    };
    let exchange = Exchange {
        stream,
        head_only: head.method == "HEAD",
    };
    if !matches!(head.method.as_str(), "GET" | "HEAD") {
        return send(
            state,
            exchange,
            405,
            "text/plain; charset=utf-8",
            b"method not allowed".to_vec(),
        );
    }
    respond(state, exchange, &head.target);
}

fn respond(state: &State, exchange: Exchange, url: &str) {
    let path = url.split(['?', '#']).next().unwrap_or_default().to_string();
    match path.strip_prefix(PREFIX) {
        Some("reload.js") => send(
            state,
            exchange,
            200,
            "text/javascript; charset=utf-8",
            RELOAD_SCRIPT.as_bytes().to_vec(),
        ),
        Some("overlay.css") => send(
            state,
            exchange,
            200,
            "text/css; charset=utf-8",
            OVERLAY_CSS.as_bytes().to_vec(),
        ),
        Some("events") => events(state, exchange),
        Some(_) => not_found(state, exchange),
        None => match resolve(&state.out_dir, &path) {
            Resolved::File(file) => file_response(state, exchange, &file),
            Resolved::Directory => {
                // The target was checked to be visible ASCII, so it cannot split the header.
                let location = format!("{path}/");
                let mut stream = exchange.stream;
                let _ = http::respond(
                    &mut stream,
                    301,
                    &[("Location", &location)],
                    b"",
                    exchange.head_only,
                );
            }
            Resolved::Missing => not_found(state, exchange),
        },
    }
}

enum Resolved {
    File(PathBuf),
    /// A directory asked for without its trailing slash: relative links need it.
    Directory,
    Missing,
}

/// Maps a URL path into the output directory. Anything that could step outside it (`..` in any
/// encoding, backslashes, NUL, a symlink out) is missing, and so is a path that decodes to
/// invalid UTF-8. A `%` without two hex digits after it stays as it is (the WHATWG URL rule).
fn resolve(out_dir: &Path, url_path: &str) -> Resolved {
    let Ok(decoded) = percent_encoding::percent_decode_str(url_path).decode_utf8() else {
        return Resolved::Missing;
    };
    if decoded.contains(['\\', '\0']) {
        return Resolved::Missing;
    }
    let mut path = out_dir.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if Path::new(segment)
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        {
            return Resolved::Missing;
        }
        path.push(segment);
    }
    let (Ok(real), Ok(base)) = (path.canonicalize(), out_dir.canonicalize()) else {
        return Resolved::Missing;
    };
    if !real.starts_with(&base) {
        return Resolved::Missing;
    }
    if real.is_dir() {
        if !decoded.ends_with('/') && !decoded.is_empty() {
            return Resolved::Directory;
        }
        let index = real.join("index.html");
        return if index.is_file() {
            Resolved::File(index)
        } else {
            Resolved::Missing
        };
    }
    if real.is_file() {
        Resolved::File(real)
    } else {
        Resolved::Missing
    }
}

fn file_response(state: &State, exchange: Exchange, file: &Path) {
    let Ok(mut bytes) = std::fs::read(file) else {
        return not_found(state, exchange);
    };
    let kind = content_type(file);
    if kind.starts_with("text/html") {
        bytes = inject(state, &bytes);
    }
    send(state, exchange, 200, kind, bytes);
}

/// Adds the reload script, and while the last build failed its error, before `</body>`.
fn inject(state: &State, html: &[u8]) -> Vec<u8> {
    let html = String::from_utf8_lossy(html);
    let mut extra = format!("<script src=\"{PREFIX}reload.js\"></script>\n");
    if let Some(error) = state.error.lock().expect("not poisoned").as_ref() {
        extra.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"{PREFIX}overlay.css\">\n<div class=\"notice-watch-error\" role=\"alert\"><p><strong>notice: the last build failed.</strong> The page shows the last good output.</p><pre>{}</pre></div>\n",
            escape(error)
        ));
    }
    match html.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &html[..at], &html[at..]).into_bytes(),
        None => format!("{html}{extra}").into_bytes(),
    }
}

fn content_type(file: &Path) -> &'static str {
    match file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "xml" => "application/atom+xml; charset=utf-8",
        "json" | "jsonld" => "application/json",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn send(state: &State, exchange: Exchange, status: u16, kind: &str, body: Vec<u8>) {
    let own = [("Content-Type", kind), ("Cache-Control", "no-store")];
    let deployed = state.headers.iter().map(|(n, v)| (n.as_str(), v.as_str()));
    let headers: Vec<(&str, &str)> = own.into_iter().chain(deployed).collect();
    let mut stream = exchange.stream;
    let _ = http::respond(&mut stream, status, &headers, &body, exchange.head_only);
}

fn not_found(state: &State, exchange: Exchange) {
    send(
        state,
        exchange,
        404,
        "text/plain; charset=utf-8",
        b"not found".to_vec(),
    );
}

/// A server-sent event stream: `reload` after every rebuild. It holds its own thread.
fn events(state: &State, exchange: Exchange) {
    let (sender, receiver) = mpsc::channel();
    state.clients.lock().expect("not poisoned").push(sender);
    let mut stream = exchange.stream;
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n";
    if stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.flush())
        .is_err()
    {
        return;
    }
    stream_events(&receiver, &mut stream);
}

fn stream_events(receiver: &Receiver<u64>, stream: &mut dyn Write) {
    loop {
        let message = match receiver.recv_timeout(KEEPALIVE) {
            Ok(build) => format!("event: reload\ndata: {build}\n\n"),
            Err(RecvTimeoutError::Timeout) => ": keepalive\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if stream
            .write_all(message.as_bytes())
            .and_then(|()| stream.flush())
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_in_any_encoding_stays_inside() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(out.join("a")).unwrap();
        std::fs::write(out.join("a/index.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "s").unwrap();
        for path in [
            "/../secret.txt",
            "/a/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/..%5csecret.txt",
            "/a%00/index.html",
            "/%zz",
            "/%2",
            "/%",
            "/a/%ff",
            "/%C3%28",
            "/%252e%252e/secret.txt",
        ] {
            assert!(matches!(resolve(&out, path), Resolved::Missing), "{path}");
        }
        assert!(matches!(resolve(&out, "/a/"), Resolved::File(_)));
        assert!(matches!(resolve(&out, "/a"), Resolved::Directory));
        std::fs::write(out.join("a/ä ö.txt"), "x").unwrap();
        for path in [
            "/%61/index.html",
            "/a%2Findex.html",
            "/a/%C3%A4%20%c3%b6.txt",
        ] {
            assert!(matches!(resolve(&out, path), Resolved::File(_)), "{path}");
        }
    }
}
