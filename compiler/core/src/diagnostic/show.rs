//! Showing text on a terminal: control characters escaped so no value, file name or source
//! line can move the cursor, retitle the window or clear the screen, and the quoted source
//! line of a diagnostic with its carets under the span, whatever bytes the span covers.

use std::borrow::Cow;
use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::origin::{ceil_char_boundary, floor_char_boundary};

/// `text` with every control character (C0, DEL and C1, line breaks and tabs included) written
/// as its Rust escape, e.g. ESC as `\u{1b}` and a line break as `\n`. Every human output passes
/// text it did not write itself through this.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Columns a tab takes in a quoted line; a fixed width keeps the carets under it.
const TAB: &str = "    ";

/// A piece of a source line as it is printed: tabs as spaces, other control characters (a bare
/// carriage return among them) escaped.
fn shown(segment: &str) -> String {
    escape_controls(&segment.replace('\t', TAB)).into_owned()
}

/// The source line a span starts on, and where to draw the carets, in terminal columns.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Snippet {
    /// 1-based, counting `\n` line breaks as [`crate::origin::SourceFile::line_col`] does.
    pub(super) line_number: usize,
    /// The line as printed, without its line break.
    pub(super) line: String,
    /// Columns before the first caret.
    pub(super) caret_offset: usize,
    /// Carets to draw, at least one.
    pub(super) caret_len: usize,
}

impl Snippet {
    /// The snippet for `span` of `text`, which starts on line `line_number` (the caller knows
    /// it from the file's line index, so quoting many spans of a file stays linear). Any span
    /// is accepted: past the end, reversed, or off a character boundary; the carets then cover
    /// the nearest whole characters on the line.
    pub(super) fn new(text: &str, span: Range<usize>, line_number: usize) -> Snippet {
        let start = floor_char_boundary(text, span.start);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        // The CR of a CRLF line break is not shown; a bare CR is part of the line, escaped.
        let crlf = line_end < text.len() && text[line_start..line_end].ends_with('\r');
        let content_end = if crlf { line_end - 1 } else { line_end };
        let caret_start = start.min(content_end);
        let caret_end = ceil_char_boundary(text, span.end)
            .min(content_end)
            .max(caret_start);
        Snippet {
            line_number,
            line: shown(&text[line_start..content_end]),
            caret_offset: shown(&text[line_start..caret_start]).width(),
            caret_len: shown(&text[caret_start..caret_end]).width().max(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line `offset` is on, as the file's line index tells the renderer.
    fn line_of(text: &str, offset: usize) -> usize {
        crate::origin::SourceFile::new("t", text.to_string())
            .line_col(offset)
            .0
    }

    fn snippet(text: &str, span: Range<usize>) -> (usize, String, usize, usize) {
        let s = Snippet::new(text, span.clone(), line_of(text, span.start));
        (s.line_number, s.line, s.caret_offset, s.caret_len)
    }

    #[test]
    fn control_characters_are_escaped_and_plain_text_is_borrowed() {
        assert_eq!(
            escape_controls("a\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{9b}b\u{7f}\0"),
            "a\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J\\u{9b}b\\u{7f}\\0"
        );
        assert_eq!(escape_controls("x\ny\r\tz"), "x\\ny\\r\\tz");
        assert!(matches!(escape_controls("Äö 漢字 🙂"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_bare_cr_at_the_span_is_shown_escaped() {
        assert_eq!(snippet("x = 1\r", 5..6), (1, "x = 1\\r".into(), 5, 2));
        assert_eq!(snippet("a\rb = 1\n", 1..2), (1, "a\\rb = 1".into(), 1, 2));
    }

    #[test]
    fn a_crlf_line_break_is_not_part_of_the_line() {
        let text = "a = 1\r\nb = \r\n";
        assert_eq!(snippet(text, 7..8), (2, "b = ".into(), 0, 1));
        // On the CR or the LF of the break: one caret after the line.
        assert_eq!(snippet(text, 11..12), (2, "b = ".into(), 4, 1));
        assert_eq!(snippet(text, 12..13), (2, "b = ".into(), 4, 1));
        assert_eq!(snippet(text, 5..7), (1, "a = 1".into(), 5, 1));
    }

    #[test]
    fn spans_at_or_past_the_end_point_after_the_last_character() {
        assert_eq!(snippet("a = 1", 5..5), (1, "a = 1".into(), 5, 1));
        assert_eq!(snippet("a = 1", 9..12), (1, "a = 1".into(), 5, 1));
        assert_eq!(snippet("a = 1\n", 6..6), (2, String::new(), 0, 1));
        assert_eq!(snippet("", 0..3), (1, String::new(), 0, 1));
        #[allow(clippy::reversed_empty_ranges)]
        let reversed = 3..1;
        assert_eq!(snippet("a = 1", reversed), (1, "a = 1".into(), 3, 1));
    }

    #[test]
    fn tabs_and_wide_characters_keep_the_carets_under_the_span() {
        let text = "\tk = \"漢字\" # 🙂";
        let start = text.find('"').unwrap();
        let end = text.rfind('"').unwrap() + 1;
        assert_eq!(
            snippet(text, start..end),
            (1, "    k = \"漢字\" # 🙂".into(), 8, 6)
        );
        let smile = text.find('🙂').unwrap();
        assert_eq!(snippet(text, smile..smile + 4).3, 2);
    }

    #[test]
    fn spans_off_character_boundaries_widen_to_whole_characters() {
        let text = "ä = \"ö\"";
        // Inside `ä` (bytes 0..2) and inside `ö` (bytes 6..8).
        assert_eq!(snippet(text, 1..7), (1, text.into(), 0, 6));
    }

    #[test]
    fn every_span_of_awkward_text_renders_without_panicking() {
        let text = "a\r\n\rä\t漢\u{1b}\n\n🙂\r\u{301}x\r";
        for start in 0..=text.len() + 2 {
            for end in 0..=text.len() + 2 {
                let s = Snippet::new(text, start..end, line_of(text, start));
                assert!(s.caret_len >= 1);
                assert!(!s.line.contains(['\r', '\n', '\t', '\u{1b}']), "{s:?}");
                assert!(s.caret_offset <= s.line.width(), "{start}..{end}: {s:?}");
            }
        }
    }
}
