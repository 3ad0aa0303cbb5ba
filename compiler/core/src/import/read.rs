//! Reading an input file into a [`Document`]: its format found by content first and extension
//! second, its text decoded, and everything that is not a readable notice refused with a reason.

use std::fs::File;
use std::io::{ErrorKind, Read};
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};
use crate::origin::display_path;

use super::document::{Document, Format};
use super::{docx, html, markdown, text};

/// The largest input `notice import` reads: a notice is a few pages; a Word document with
/// pictures stays well below this.
pub const MAX_INPUT_BYTES: u64 = 10 * 1024 * 1024;

/// Reads `path` as a notice in any of the [`Format`]s.
///
/// Fails with exit 66 when nothing is at `path`, 74 when it cannot be read, and 65 when it is
/// empty, over [`MAX_INPUT_BYTES`], binary, or a ZIP archive that is not a readable Word
/// document (a renamed archive of something else, a corrupt one, or one that would unpack to
/// more than the importer reads).
pub fn read_document(path: &Path) -> Result<Document, Failure> {
    let shown = display_path(path);
    let bytes = read_bounded(path, &shown)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(refuse(
            &shown,
            "the file is empty",
            "give the file that holds the notice's text (.txt, .md, .html or .docx)",
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return docx::read_docx(&bytes, &shown);
    }
    if let Some(refusal) = known_binary(&bytes) {
        return Err(refuse(&shown, refusal.0, refusal.1));
    }
    let Some(text) = decode(&bytes) else {
        return Err(refuse(
            &shown,
            "the file is binary data, not text, HTML or a Word document",
            "give the notice as a .txt, .md, .html or .docx file",
        ));
    };
    Ok(match text_format(&text, path) {
        Format::Html if html::nesting(&text) > html::MAX_NESTING => {
            return Err(refuse(
                &shown,
                &format!(
                    "the page nests its elements more than {} deep, which no real page does",
                    html::MAX_NESTING
                ),
                "save the page again from the browser, or copy the notice's text into a .txt file",
            ));
        }
        Format::Html => html::read_html(&text),
        Format::Markdown => markdown::read_markdown(&text),
        Format::Text | Format::Docx => text::read_text(&text),
    })
}

/// The file's bytes, refused before reading when the file is over the limit, and read no
/// further than one byte past it (for files whose size the metadata does not tell: pipes,
/// devices, a file still growing).
fn read_bounded(path: &Path, shown: &str) -> Result<Vec<u8>, Failure> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == ErrorKind::NotFound => {
            return Err(Failure::no_input(
                Diagnostic::error("no such file").at_path(shown).help(
                    "check the path; `notice import` reads one file: .txt, .md, .html or .docx",
                ),
            ));
        }
        Err(err) => return Err(io_error("read the file", path, &err)),
    };
    let metadata = file
        .metadata()
        .map_err(|err| io_error("read the file", path, &err))?;
    if metadata.is_dir() {
        return Err(Failure::no_input(
            Diagnostic::error("this is a directory, not a file")
                .at_path(shown)
                .help("give the file that holds the notice (.txt, .md, .html or .docx)"),
        ));
    }
    if metadata.len() > MAX_INPUT_BYTES {
        return Err(too_large(shown));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| io_error("read the file", path, &err))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(shown));
    }
    Ok(bytes)
}

fn too_large(shown: &str) -> Failure {
    refuse(
        shown,
        "the file is over 10 MB, far more than a privacy notice",
        "give the notice alone: save only its page or document, without attachments",
    )
}

/// A bad-data refusal (exit 65) naming the input file.
pub(crate) fn refuse(shown: &str, message: &str, help: &str) -> Failure {
    Failure::from(Diagnostic::error(message).at_path(shown).help(help))
}

/// Formats that are easy to mistake for a notice, with what to do instead.
fn known_binary(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"%PDF") {
        return Some((
            "the file is a PDF, which `notice import` does not read",
            "copy the notice's text from the PDF into a .txt file, or import the document it was made from",
        ));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some((
            "the file is an old Word (.doc) or other Office binary document",
            "open it in Word or LibreOffice and save it as .docx",
        ));
    }
    None
}

/// The text of `bytes`: UTF-8 (a byte order mark dropped), UTF-16 with a byte order mark, or
/// else Windows-1252, which Finnish Word and Notepad exports often are. A file that is UTF-8 but
/// for a few bytes (a Windows-1252 paragraph pasted into it) keeps both: each byte that is not
/// part of valid UTF-8 is read as Windows-1252. None for binary data: NUL bytes, or control
/// characters no text has.
fn decode(bytes: &[u8]) -> Option<String> {
    let text = if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return None;
        }
        text.into_owned()
    } else {
        utf8_else_windows_1252(bytes)
    };
    looks_like_text(&text).then_some(text)
}

/// UTF-8 where the bytes are UTF-8, Windows-1252 (which maps every byte) where they are not.
fn utf8_else_windows_1252(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                return text;
            }
            Err(err) => {
                let (valid, after) = rest.split_at(err.valid_up_to());
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let invalid = err.error_len().unwrap_or(after.len());
                let (decoded, _) =
                    encoding_rs::WINDOWS_1252.decode_without_bom_handling(&after[..invalid]);
                text.push_str(&decoded);
                rest = &after[invalid..];
            }
        }
    }
}

/// Whether `text` is text: no NUL, and control characters (other than tab, newline, carriage
/// return and form feed) in at most one character of a thousand. Random bytes have one in
/// eight; a real notice, none, or a stray one pasted in.
fn looks_like_text(text: &str) -> bool {
    let mut controls = 0usize;
    let mut total = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return false;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            controls += 1;
        }
    }
    controls * 1000 <= total
}

/// The format of a text file: HTML when it starts as a page does, Markdown when its extension
/// or its structure says so, otherwise plain text.
fn text_format(text: &str, path: &Path) -> Format {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if starts_like_html(text)
        || (matches!(extension.as_str(), "html" | "htm" | "xhtml")
            && text.trim_start().starts_with('<'))
    {
        Format::Html
    } else if matches!(extension.as_str(), "md" | "markdown") || has_markdown_structure(text) {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Whether the text opens as an HTML page or fragment: a doctype, `<html>`, a comment or a
/// block element first. A stray tag inside copied text does not count.
fn starts_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head: String = start
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if !head.starts_with('<') {
        return false;
    }
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
        "<main",
        "<article",
        "<div",
        "<section",
        "<h1",
        "<h2",
        "<h3",
        "<p>",
        "<p ",
        "<ul",
        "<ol",
        "<table",
    ]
    .iter()
    .any(|tag| head.starts_with(tag))
        || (head.starts_with("<?xml") || head.starts_with("<!--")) && head.contains("<html")
}

/// Whether the text is written in Markdown: an ATX heading (`## Rekisterinpitäjä`) or a table's
/// delimiter row, which plain text copied from a page does not have.
fn has_markdown_structure(text: &str) -> bool {
    text.lines().any(|line| {
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        let atx = (1..=6).contains(&hashes) && line[hashes..].starts_with(' ');
        let delimiter = line.trim().starts_with('|')
            && line.contains("---")
            && line
                .trim()
                .chars()
                .all(|c| matches!(c, '|' | '-' | ':' | ' '));
        atx || delimiter
    })
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
