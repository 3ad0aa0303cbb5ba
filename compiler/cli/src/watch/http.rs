//! Just enough HTTP/1.1 for the preview server, with limits: one request per connection (a GET
//! or HEAD, whose body is never read), its head read up to [`MAX_HEAD_BYTES`] and
//! [`MAX_HEADER_LINES`], one response, then the connection closes (the event stream keeps its
//! own until the page goes away). The server needs nothing from the request but its method and
//! target, so headers are counted and skipped, never stored: a client sending endless headers
//! gets 431 after 16 KiB instead of filling memory.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::Duration;

/// The most bytes of a request's head (request line and headers) read before refusing it with
/// 431. Browsers send 1–2 KiB; Node's limit is the same 16 KiB.
pub(super) const MAX_HEAD_BYTES: usize = 16 * 1024;
/// The most header lines a request may have.
pub(super) const MAX_HEADER_LINES: usize = 100;
/// How long a client may take to send its head: a connection that trickles it in is dropped.
pub(super) const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// A request's method and target, from its request line.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Head {
    pub(super) method: String,
    pub(super) target: String,
}

/// Why a request was not read; `Closed` gets no response.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Refusal {
    /// 400: not an HTTP/1.x request head.
    Malformed,
    /// 431: the head is over [`MAX_HEAD_BYTES`] or [`MAX_HEADER_LINES`].
    TooLarge,
    /// The client went away or was too slow.
    Closed,
}

impl Refusal {
    /// The response status for the refusal, if one is sent.
    pub(super) fn status(&self) -> Option<u16> {
        match self {
            Refusal::Malformed => Some(400),
            Refusal::TooLarge => Some(431),
            Refusal::Closed => None,
        }
    }
}

/// Reads a request head from `stream`, at most [`MAX_HEAD_BYTES`] of it.
pub(super) fn read_head(stream: &mut impl Read) -> Result<Head, Refusal> {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0_u8; 1024];
    loop {
        if let Some(end) = end_of_head(&head) {
            head.truncate(end);
            return parse_head(&head);
        }
        let room = MAX_HEAD_BYTES - head.len();
        if room == 0 {
            return Err(Refusal::TooLarge);
        }
        let take = room.min(chunk.len());
        let read = match stream.read(&mut chunk[..take]) {
            Ok(0) | Err(_) => return Err(Refusal::Closed),
            Ok(read) => read,
        };
        head.extend_from_slice(&chunk[..read]);
    }
}

/// Where the head ends: before its blank line (CRLF CRLF, or bare LFs as RFC 9112 allows).
fn end_of_head(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = bytes.windows(2).position(|w| w == b"\n\n");
    crlf.into_iter().chain(lf).min()
}

fn parse_head(bytes: &[u8]) -> Result<Head, Refusal> {
    let text = std::str::from_utf8(bytes).map_err(|_| Refusal::Malformed)?;
    let mut lines = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line));
    let request_line = lines.next().ok_or(Refusal::Malformed)?;
    let mut headers = 0;
    for line in lines {
        if !line.contains(':') {
            return Err(Refusal::Malformed);
        }
        headers += 1;
        if headers > MAX_HEADER_LINES {
            return Err(Refusal::TooLarge);
        }
    }
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refusal::Malformed);
    };
    let token = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic());
    // The target goes into a `Location` header: visible ASCII only, so it cannot split one.
    let target_ok = target.starts_with('/') && target.bytes().all(|b| b.is_ascii_graphic());
    if !token(method) || !target_ok || !version.starts_with("HTTP/1.") {
        return Err(Refusal::Malformed);
    }
    Ok(Head {
        method: method.to_string(),
        target: target.to_string(),
    })
}

/// Writes a whole response and closes the exchange: `head_only` leaves out the body (for HEAD).
pub(super) fn respond(
    stream: &mut impl Write,
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    let mut out = Vec::with_capacity(256 + if head_only { 0 } else { body.len() });
    write!(out, "HTTP/1.1 {status} {}\r\n", reason(status))?;
    for (name, value) in headers {
        write!(out, "{name}: {value}\r\n")?;
    }
    write!(
        out,
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if !head_only {
        out.extend_from_slice(body);
    }
    stream.write_all(&out)?;
    stream.flush()
}

/// The most bytes of a refused request read and dropped after the refusal.
const LINGER_BYTES: u64 = 1024 * 1024;
/// How long a refused client may keep sending before its connection is closed.
const LINGER_TIME: Duration = Duration::from_secs(2);

/// After refusing a request that is still being sent, reads and drops a bounded rest of it
/// before closing: closing with unread data resets the connection, and the client would lose
/// the refusal.
pub(super) fn linger(stream: &mut TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(LINGER_TIME));
    let _ = io::copy(&mut stream.take(LINGER_BYTES), &mut io::sink());
}

/// The reason phrase of a status this server sends.
pub(super) fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<Head, Refusal> {
        read_head(&mut &bytes[..])
    }

    #[test]
    fn a_request_head_gives_its_method_and_target() {
        let head =
            read(b"GET /alpha/?x=1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\nbody").unwrap();
        assert_eq!(
            (head.method.as_str(), head.target.as_str()),
            ("GET", "/alpha/?x=1")
        );
        assert_eq!(read(b"HEAD / HTTP/1.0\n\n").unwrap().method, "HEAD");
    }

    #[test]
    fn malformed_heads_are_refused() {
        for bad in [
            &b"GET /\r\n\r\n"[..],
            b"GET / HTTP/2\r\n\r\n",
            b"GET a HTTP/1.1\r\n\r\n",
            b"GET /a\x01b HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
            b"G\xc3\xa4T / HTTP/1.1\r\n\r\n",
        ] {
            assert_eq!(
                read(bad),
                Err(Refusal::Malformed),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        assert_eq!(read(b"GET / HTTP/1.1\r\n"), Err(Refusal::Closed));
    }

    /// A client that sends a request line and then header lines forever, counting what was
    /// taken from it.
    struct Endless {
        served: usize,
    }

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            const START: &[u8] = b"GET / HTTP/1.1\r\n";
            const LINE: &[u8] = b"X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
            for (i, byte) in buf.iter_mut().enumerate() {
                let at = self.served + i;
                *byte = match at.checked_sub(START.len()) {
                    None => START[at],
                    Some(after) => LINE[after % LINE.len()],
                };
            }
            self.served += buf.len();
            Ok(buf.len())
        }
    }

    #[test]
    fn endless_headers_stop_at_the_limit() {
        let mut endless = Endless { served: 0 };
        assert_eq!(read_head(&mut endless), Err(Refusal::TooLarge));
        assert_eq!(
            endless.served, MAX_HEAD_BYTES,
            "nothing is read past the limit"
        );
        let mut many = b"GET / HTTP/1.1\r\n".to_vec();
        for i in 0..=MAX_HEADER_LINES {
            many.extend_from_slice(format!("X-{i}: v\r\n").as_bytes());
        }
        many.extend_from_slice(b"\r\n");
        assert!(many.len() < MAX_HEAD_BYTES);
        assert_eq!(read(&many), Err(Refusal::TooLarge));
    }

    #[test]
    fn responses_carry_length_and_close() {
        let mut out = Vec::new();
        respond(
            &mut out,
            404,
            &[("Content-Type", "text/plain")],
            b"not found",
            false,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found"
        );
        let mut out = Vec::new();
        respond(&mut out, 200, &[], b"body", true).unwrap();
        assert!(
            String::from_utf8(out)
                .unwrap()
                .ends_with("Content-Length: 4\r\nConnection: close\r\n\r\n")
        );
    }
}
