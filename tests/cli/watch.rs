//! `notice watch`: the real binary on a temporary project, edited while it runs. Every wait is
//! bounded; nothing sleeps except to let the debounce pass.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant, SystemTime};

use crate::support::{Project, tree};

const WAIT: Duration = Duration::from_secs(30);
const ALPHA: &str = "content/alpha/notice.toml";

/// A running `notice watch`, killed when dropped.
struct Watch {
    child: Child,
    lines: Receiver<String>,
    /// Everything read so far, for failure messages.
    seen: Vec<String>,
}

impl Watch {
    fn start(project: &Project, extra: &[&str]) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_notice"))
            .args(["watch", "--debounce", "50"])
            .args(extra)
            .current_dir(project.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (sender, lines) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        for stream in [Box::new(stdout) as Box<dyn Read + Send>, Box::new(stderr)] {
            let sender = sender.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines() {
                    if sender.send(line.unwrap_or_default()).is_err() {
                        break;
                    }
                }
            });
        }
        let mut watch = Watch {
            child,
            lines,
            seen: Vec::new(),
        };
        watch.wait_for("watching ");
        watch
    }

    /// Reads lines until one contains `needle`; returns it.
    fn wait_for(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.contains(needle) {
                        return line;
                    }
                }
                Err(_) => break,
            }
        }
        panic!(
            "no line with {needle:?} within {WAIT:?}; saw:\n{}",
            self.seen.join("\n")
        );
    }

    /// Like [`Watch::wait_for`], but also finds a line already read: stdout and stderr
    /// arrive in no fixed order.
    fn has_seen_or_waits_for(&mut self, needle: &str) {
        if !self.seen.iter().any(|line| line.contains(needle)) {
            self.wait_for(needle);
        }
    }

    fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn modified(project: &Project, path: &str) -> SystemTime {
    std::fs::metadata(project.path().join("site").join(path))
        .unwrap()
        .modified()
        .unwrap()
}

#[test]
fn a_site_edit_rebuilds_that_site_only() {
    let project = Project::fixture("versions");
    let mut watch = Watch::start(&project, &[]);
    let old = project.backdate_output();
    project.edit(ALPHA, "Uutiskirje", "Kuukausikirje");
    let line = watch.wait_for("rebuilt alpha");
    assert!(line.contains("(site alpha)"), "{line}");
    assert!(
        project
            .read("site/alpha/index.html")
            .contains("Kuukausikirje")
    );
    assert!(
        project
            .read("site/alpha/index.html")
            .contains("class=\"banner draft\""),
        "watch shows drafts"
    );
    // alpha's English page changes too: its JSON-LD carries every language's title.
    for path in ["beta/index.html", "assets/notice.css", "index.html"] {
        assert_eq!(modified(&project, path), old, "{path} was rewritten");
    }
}

#[test]
fn a_layer_edit_rebuilds_every_dependent_site() {
    let project = Project::fixture("versions");
    let mut watch = Watch::start(&project, &[]);
    project.edit("content/_shared/base.toml", "029 566 6700", "029 566 6799");
    let line = watch.wait_for("(layer base)");
    assert!(line.contains("rebuilt alpha, beta"), "{line}");
    for page in ["site/alpha/index.html", "site/beta/index.html"] {
        assert!(project.read(page).contains("029 566 6799"), "{page}");
    }
}

#[test]
fn a_template_edit_rebuilds_every_page() {
    let project = Project::fixture("versions");
    project.override_builtin_template("base.html");
    let mut watch = Watch::start(&project, &[]);
    project.edit(
        "themes/default/templates/base.html",
        "<p>{{ t.generated_by }}</p>",
        "<p>{{ t.generated_by }} Muokattu teema.</p>",
    );
    let line = watch.wait_for("(settings or theme)");
    assert!(line.contains("rebuilt alpha, beta"), "{line}");
    for (path, html) in crate::support::pages(&project.path().join("site")) {
        assert!(html.contains("Muokattu teema."), "{path}");
    }
}

#[test]
fn an_atomic_save_is_seen() {
    let project = Project::fixture("versions");
    let mut watch = Watch::start(&project, &[]);
    // What editors do: write a temporary file, then rename it over the original.
    let text = project.read(ALPHA).replace("Uutiskirje", "Tiedote");
    project.write("content/alpha/.notice.toml.tmp123", &text);
    std::fs::rename(
        project.path().join("content/alpha/.notice.toml.tmp123"),
        project.path().join(ALPHA),
    )
    .unwrap();
    watch.wait_for("rebuilt alpha");
    assert!(project.read("site/alpha/index.html").contains("Tiedote"));
}

#[test]
fn a_bad_save_keeps_the_old_page_and_the_fix_recovers() {
    let project = Project::fixture("versions");
    let mut watch = Watch::start(&project, &[]);
    let good = project.read("site/alpha/index.html");
    let source = project.read(ALPHA);
    project.write(ALPHA, &source.replace("[controller]", "[controller"));
    watch.wait_for("failed alpha");
    watch.has_seen_or_waits_for("--> content/alpha/notice.toml:4:12");
    assert!(watch.is_running());
    assert_eq!(project.read("site/alpha/index.html"), good);
    project.write(ALPHA, &source.replace("Uutiskirje", "Korjattu"));
    watch.wait_for("rebuilt alpha");
    assert!(project.read("site/alpha/index.html").contains("Korjattu"));
}

#[test]
fn a_deleted_site_loses_its_output_and_a_new_one_appears() {
    let project = Project::fixture("versions");
    let mut watch = Watch::start(&project, &[]);
    assert!(project.path().join("site/beta/index.html").exists());
    std::fs::remove_dir_all(project.path().join("content/beta")).unwrap();
    let line = watch.wait_for("(site beta)");
    assert!(
        line.contains(": 1 written, 2 removed"),
        "the index; beta's page and JSON-LD: {line}"
    );
    assert!(
        !project.path().join("site/beta").exists(),
        "{:?}",
        tree(&project.path().join("site")).keys()
    );
    assert!(!project.read("site/index.html").contains("beta/index.html"));
    project.write(
        "content/gamma/notice.toml",
        "[controller]\nname = \"Gamma Oy\"\n",
    );
    watch.wait_for("rebuilt gamma");
    assert!(project.read("site/gamma/index.html").contains("Gamma Oy"));
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Sends a raw request and returns the whole response (the server closes non-stream responses).
fn get(port: u16, target: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(WAIT)).unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn serve_reloads_clients_refuses_traversal_and_sends_the_deployed_headers() {
    let project = Project::fixture("versions");
    std::fs::copy(
        crate::support::repo_root().join("netlify.toml"),
        project.path().join("netlify.toml"),
    )
    .unwrap();
    let port = free_port();
    let mut watch = Watch::start(&project, &["--serve", "--port", &port.to_string()]);
    let serving = format!("at http://127.0.0.1:{port}/");
    assert!(
        watch.seen.iter().any(|l| l.contains(&serving)),
        "{:?}",
        watch.seen
    );

    let page = get(port, "/alpha/");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(
        page.contains("<script src=\"/__notice/reload.js\"></script>\n</body>"),
        "{page}"
    );
    let csp = page
        .lines()
        .find(|l| {
            l.to_ascii_lowercase()
                .starts_with("content-security-policy:")
        })
        .unwrap();
    assert!(
        csp.contains("default-src 'none'")
            && csp.contains("script-src 'self'")
            && csp.contains("connect-src 'self'"),
        "{csp}"
    );
    assert!(
        page.to_ascii_lowercase()
            .contains("referrer-policy: no-referrer"),
        "{page}"
    );
    assert!(
        !project.read("site/alpha/index.html").contains("reload.js"),
        "the script is never written to site/"
    );

    for target in [
        "/../netlify.toml",
        "/alpha/../../netlify.toml",
        "/%2e%2e/netlify.toml",
        "/%2E%2E%2Fnetlify.toml",
        "/..%5Cnetlify.toml",
    ] {
        let response = get(port, target);
        assert!(response.starts_with("HTTP/1.1 404"), "{target}: {response}");
    }

    let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
    events.set_read_timeout(Some(WAIT)).unwrap();
    write!(
        events,
        "GET /__notice/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(events);
    let mut line = String::new();
    while !line.starts_with(": connected") {
        line.clear();
        reader.read_line(&mut line).unwrap();
    }
    project.edit(ALPHA, "Uutiskirje", "Kuukausikirje");
    watch.wait_for("rebuilt alpha");
    loop {
        line.clear();
        assert!(
            reader.read_line(&mut line).unwrap() > 0,
            "the event stream ended"
        );
        if line.starts_with("event: reload") {
            break;
        }
    }

    // While the last build failed, pages carry the error; the next good build clears it.
    project.edit(ALPHA, "[controller]", "[controller");
    watch.wait_for("failed alpha");
    let page = get(port, "/alpha/");
    assert!(
        page.contains("class=\"notice-watch-error\"") && page.contains("content/alpha/notice.toml"),
        "{page}"
    );
    project.edit(ALPHA, "[controller", "[controller]");
    watch.wait_for("rebuilt alpha");
    assert!(!get(port, "/alpha/").contains("notice-watch-error"));
}

#[test]
fn ctrl_c_stops_cleanly() {
    let project = Project::fixture("versions");
    let mut watch = Watch::start(&project, &[]);
    let status = Command::new("kill")
        .args(["-INT", &watch.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    watch.wait_for("stopped");
    let code = watch.child.wait().unwrap().code();
    assert_eq!(code, Some(0));
    let leftovers: Vec<String> = tree(project.path())
        .into_keys()
        .filter(|p| p.contains("notice-tmp") || p.contains("notice-staging"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// A header value that cannot be sent (here non-ASCII) used to panic in every request's
/// thread, so every page got HTTP 500. It is now reported once, at start, with its place in
/// netlify.toml, and skipped; the other headers are still sent.
#[test]
fn a_non_ascii_header_in_netlify_toml_is_an_error_not_a_panic() {
    let project = Project::fixture("versions");
    project.write(
        "netlify.toml",
        "[[headers]]\n  for = \"/*\"\n  [headers.values]\n    Referrer-Policy = \"no-referrer\"\n    X-Huom = \"tietosuoja – ä\"\n",
    );
    let port = free_port();
    let mut watch = Watch::start(&project, &["--serve", "--port", &port.to_string()]);
    watch.has_seen_or_waits_for("`X-Huom`");
    watch.has_seen_or_waits_for("--> netlify.toml:5:14");

    let page = get(port, "/alpha/");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    let lower = page.to_ascii_lowercase();
    assert!(lower.contains("referrer-policy: no-referrer"), "{page}");
    assert!(!lower.contains("x-huom"), "{page}");
    assert!(
        lower.contains("content-security-policy: default-src 'none'"),
        "the default policy, as netlify.toml has none: {page}"
    );
    assert!(watch.is_running());
}

/// Bytes that are not UTF-8, or a bare CR, used to panic the rebuild, which ended the watch
/// and its server. They are an error line now, and the next good save is built.
#[test]
fn a_save_with_invalid_utf8_or_a_bare_cr_is_reported_and_the_watch_goes_on() {
    let project = Project::fixture("versions");
    let port = free_port();
    let mut watch = Watch::start(&project, &["--serve", "--port", &port.to_string()]);
    let source = project.read(ALPHA);
    let mut bytes = source.clone().into_bytes();
    bytes.extend(b"\xff\n");
    std::fs::write(project.path().join(ALPHA), bytes).unwrap();
    watch.wait_for("failed alpha");
    watch.has_seen_or_waits_for("file is not UTF-8");
    project.write(ALPHA, &format!("{source}x = 1\r"));
    watch.wait_for("failed alpha");
    watch.has_seen_or_waits_for("carriage return");
    assert!(watch.is_running());
    project.write(ALPHA, &source.replace("Uutiskirje", "Korjattu"));
    watch.wait_for("rebuilt alpha");
    assert!(project.read("site/alpha/index.html").contains("Korjattu"));
    assert!(get(port, "/alpha/").contains("Korjattu"));
}

/// After `content/` was replaced, the watch on the old folder was gone and no later save
/// was seen. The watch follows the new folder, which is built at once.
#[test]
fn the_watch_survives_the_content_folder_being_replaced_by_a_copy() {
    let project = Project::fixture("versions");
    let mut watch = Watch::start(&project, &[]);
    let content = project.path().join("content");
    let backup = project.path().join("backup");
    crate::support::copy_tree(&content, &backup);
    std::fs::write(
        backup.join("alpha/notice.toml"),
        project.read(ALPHA).replace("Uutiskirje", "Varmuuskopio"),
    )
    .unwrap();
    std::fs::remove_dir_all(&content).unwrap();
    crate::support::copy_tree(&backup, &content);
    watch.wait_for("rebuilt alpha, beta");
    assert!(
        project
            .read("site/alpha/index.html")
            .contains("Varmuuskopio")
    );
    project.edit(ALPHA, "Varmuuskopio", "Kuukausikirje");
    watch.wait_for("rebuilt alpha (site alpha)");
    assert!(
        project
            .read("site/alpha/index.html")
            .contains("Kuukausikirje")
    );
}

#[test]
fn the_watch_survives_the_content_folder_being_moved_away_and_back() {
    let project = Project::fixture("versions");
    let mut watch = Watch::start(&project, &[]);
    let content = project.path().join("content");
    let away = project.path().join("away");
    std::fs::rename(&content, &away).unwrap();
    // Let the move away be a batch of its own: the project is then gone, and says so.
    watch.wait_for("failed");
    std::fs::rename(&away, &content).unwrap();
    watch.wait_for("rebuilt alpha, beta (content/ replaced)");
    project.edit(ALPHA, "Uutiskirje", "Kuukausikirje");
    watch.wait_for("rebuilt alpha (site alpha)");
    assert!(
        project
            .read("site/alpha/index.html")
            .contains("Kuukausikirje")
    );
}

/// The preview server read a request's headers without limit: 166 MB were accepted. A head over
/// 16 KiB now gets 431 as soon as the limit is reached, and the server goes on serving.
#[test]
fn serve_refuses_oversized_request_headers_with_431() {
    let project = Project::fixture("versions");
    let port = free_port();
    let _watch = Watch::start(&project, &["--serve", "--port", &port.to_string()]);

    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(WAIT)).unwrap();
    let mut writer = stream.try_clone().unwrap();
    // Far more than the limit, sent from another thread so the reply can be read meanwhile;
    // the server stops reading, so the writes may fail.
    let sender = std::thread::spawn(move || {
        let _ = writer.write_all(b"GET /alpha/ HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        let line = format!("X-Padding: {}\r\n", "a".repeat(1000));
        for _ in 0..200 {
            if writer.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let response = String::from_utf8_lossy(&response);
    assert!(
        response.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"),
        "{response}"
    );
    sender.join().unwrap();

    // Too many header lines, each short, are refused the same way.
    let mut many = String::from("GET /alpha/ HTTP/1.1\r\n");
    for i in 0..200 {
        many.push_str(&format!("X-{i}: v\r\n"));
    }
    many.push_str("\r\n");
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(WAIT)).unwrap();
    stream.write_all(many.as_bytes()).unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    assert!(response.starts_with("HTTP/1.1 431 "), "{response}");

    assert!(get(port, "/alpha/").starts_with("HTTP/1.1 200"));
}
