//! Where text came from: source files kept whole, byte spans into them, and paths as the user sees them.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// A file read from disk, kept whole so diagnostics can quote it.
pub struct SourceFile {
    /// The path as the user should see it (relative to where they ran the command, if possible).
    pub display: String,
    /// The whole text of the file.
    pub text: String,
    /// Where each line starts, found on the first lookup: a file with thousands of values is
    /// asked for thousands of positions, and counting lines from the start each time made
    /// `explain` and `check` quadratic in the file's size.
    lines: OnceLock<LineIndex>,
}

/// The byte offset each line starts at, four bytes a line, with the top bit set when the line
/// has a non-ASCII character (an ASCII line's columns are its byte offsets, nothing to count).
/// `None` for a text of 2 GiB or more, whose positions are counted from the start instead.
type LineIndex = Option<Vec<u32>>;

const NON_ASCII: u32 = 1 << 31;

impl SourceFile {
    /// A file named `display` holding `text`.
    pub fn new(display: impl Into<String>, text: String) -> Arc<SourceFile> {
        Arc::new(SourceFile {
            display: display.into(),
            text,
            lines: OnceLock::new(),
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let Some(lines) = self.lines.get_or_init(|| line_starts(&self.text)) else {
            count_scanned(offset);
            let before = &self.text[..offset];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let line = before.matches('\n').count() + 1;
            return (line, before[line_start..].chars().count() + 1);
        };
        // The first line starts at 0, so at least one start is at or before any offset.
        let line = lines.partition_point(|start| (start & !NON_ASCII) as usize <= offset);
        let start = lines[line - 1];
        let line_start = (start & !NON_ASCII) as usize;
        let column = if start & NON_ASCII == 0 {
            offset - line_start
        } else {
            count_scanned(offset - line_start);
            self.text[line_start..offset].chars().count()
        };
        (line, column + 1)
    }
}

fn line_starts(text: &str) -> LineIndex {
    if u32::try_from(text.len()).map_or(true, |len| len >= NON_ASCII) {
        return None;
    }
    count_scanned(text.len());
    let count = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut lines = Vec::with_capacity(count);
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let flag = if line.is_ascii() { 0 } else { NON_ASCII };
        // Below 2 GiB, checked above.
        lines.push(offset as u32 | flag);
        offset += line.len();
    }
    if lines.last().is_none_or(|_| text.ends_with('\n')) {
        // The empty line after a final line break, or the one line of an empty file.
        lines.push(offset as u32);
    }
    Some(lines)
}

impl PartialEq for SourceFile {
    fn eq(&self, other: &Self) -> bool {
        self.display == other.display && self.text == other.text
    }
}

impl Eq for SourceFile {}

impl fmt::Debug for SourceFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SourceFile")
            .field("display", &self.display)
            .field("text", &self.text)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
thread_local! {
    /// Bytes of source text looked through to turn offsets into line:col, so a test can show
    /// the work grows with the file, not with the file times its values.
    static SCANNED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
fn count_scanned(bytes: usize) {
    SCANNED.with(|scanned| scanned.set(scanned.get() + bytes));
}

#[cfg(not(test))]
fn count_scanned(_bytes: usize) {}

/// Bytes of source text looked through by [`SourceFile::line_col`] on this thread so far.
#[cfg(test)]
pub(crate) fn scanned() -> usize {
    SCANNED.with(std::cell::Cell::get)
}

/// The nearest character boundary of `text` at or before `offset`, at most its length.
pub(crate) fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The nearest character boundary of `text` at or after `offset`, at most its length.
pub(crate) fn ceil_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// Where a value came from: a byte span in a source file.
#[derive(Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file the span is in.
    pub file: Arc<SourceFile>,
    /// Byte offsets into the file's text.
    pub span: Range<usize>,
}

impl Origin {
    /// The span `span` of `file`.
    pub fn new(file: &Arc<SourceFile>, span: Range<usize>) -> Origin {
        Origin {
            file: Arc::clone(file),
            span,
        }
    }

    /// 1-based line and column (in characters) of the span's start.
    pub fn line_col(&self) -> (usize, usize) {
        self.file.line_col(self.span.start)
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, col) = self.line_col();
        write!(f, "{}:{line}:{col}", self.file.display)
    }
}

impl fmt::Debug for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Origin({self})")
    }
}

/// The path to show for `path`: relative to the current directory when it lies below it.
pub fn display_path(path: &Path) -> String {
    let relative: PathBuf = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let shown = relative.to_string_lossy().into_owned();
    match shown.strip_prefix("./").unwrap_or(&shown) {
        // The current directory itself.
        "" => ".".to_string(),
        rest => rest.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let file = SourceFile::new("n.toml", "ä = 1\nöö = 2".into());
        assert_eq!(file.line_col(7), (2, 1));
        assert_eq!(file.line_col(11), (2, 3));
    }

    #[test]
    fn line_col_agrees_with_counting_line_breaks() {
        let text = "a = 1\n\nä = \"ö\"\r\nlast";
        let file = SourceFile::new("n.toml", text.into());
        for offset in 0..=text.len() + 2 {
            let before = &text[..floor_char_boundary(text, offset)];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let expected = (
                before.matches('\n').count() + 1,
                before[line_start..].chars().count() + 1,
            );
            assert_eq!(file.line_col(offset), expected, "offset {offset}");
        }
        let ends_in_newline = SourceFile::new("n.toml", "x\n".into());
        assert_eq!(ends_in_newline.line_col(2), (2, 1));
        assert_eq!(SourceFile::new("n.toml", String::new()).line_col(0), (1, 1));
    }
}
