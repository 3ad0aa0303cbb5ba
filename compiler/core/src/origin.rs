//! Where text came from: source files kept whole, byte spans into them, and paths as the user sees them.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file read from disk, kept whole so diagnostics can quote it.
#[derive(Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// The path as the user should see it (relative to where they ran the command, if possible).
    pub display: String,
    /// The whole text of the file.
    pub text: String,
}

impl SourceFile {
    /// A file named `display` holding `text`.
    pub fn new(display: impl Into<String>, text: String) -> Arc<SourceFile> {
        Arc::new(SourceFile {
            display: display.into(),
            text,
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let before = &self.text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            before.matches('\n').count() + 1,
            before[line_start..].chars().count() + 1,
        )
    }
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
}
