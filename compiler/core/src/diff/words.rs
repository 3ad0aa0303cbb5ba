//! Word-level text diffs. Whitespace runs and line endings compare equal; paragraph breaks count.

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// A paragraph break, kept as a token so that joining or splitting paragraphs is a change.
pub const PARAGRAPH: &str = "¶";

/// What happened to a run of words between the old and the new text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// The words are in both texts.
    Equal,
    /// The words are only in the new text.
    Insert,
    /// The words are only in the old text.
    Delete,
}

impl Op {
    /// Stable id for machine output: `equal`, `insert` or `delete`.
    pub fn id(self) -> &'static str {
        match self {
            Op::Equal => "equal",
            Op::Insert => "insert",
            Op::Delete => "delete",
        }
    }
}

/// A run of words with the same fate; words are joined by single spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Whether the words were kept, inserted or deleted.
    pub op: Op,
    /// The words, with [`PARAGRAPH`] for a paragraph break.
    pub text: String,
}

/// The words of `text`, with a [`PARAGRAPH`] token for every blank-line break.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut blank_run = false;
    for line in text.lines() {
        if line.trim().is_empty() {
            blank_run = true;
            continue;
        }
        if blank_run && !out.is_empty() {
            out.push(PARAGRAPH);
        }
        blank_run = false;
        out.extend(line.split_whitespace());
    }
    out
}

/// Whether two texts say the same words; a missing text equals an empty one.
pub fn same(old: Option<&str>, new: Option<&str>) -> bool {
    let (old, new) = (old.unwrap_or(""), new.unwrap_or(""));
    // Most texts did not change at all: equal strings have equal words, with no allocation.
    old == new || tokens(old) == tokens(new)
}

/// The word diff of two texts. Myers' algorithm runs without a deadline, so the result
/// never depends on how busy the machine is.
pub fn diff(old: &str, new: &str) -> Vec<Segment> {
    let old = tokens(old);
    let new = tokens(new);
    let mut segments: Vec<Segment> = Vec::new();
    let mut push = |op: Op, words: &[&str]| {
        if words.is_empty() {
            return;
        }
        match segments.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(&words.join(" "));
            }
            _ => segments.push(Segment {
                op,
                text: words.join(" "),
            }),
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                push(Op::Equal, &old[old_index..old_index + len])
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(Op::Delete, &old[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(Op::Insert, &new[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(Op::Delete, &old[old_index..old_index + old_len]);
                push(Op::Insert, &new[new_index..new_index + new_len]);
            }
        }
    }
    segments
}

/// Shortens long unchanged runs to `context` words on each side of a change, with `…`.
pub fn with_context(segments: &[Segment], context: usize) -> Vec<Segment> {
    let last = segments.len().saturating_sub(1);
    segments
        .iter()
        .enumerate()
        .map(|(i, segment)| {
            if segment.op != Op::Equal {
                return segment.clone();
            }
            let words: Vec<&str> = segment.text.split(' ').collect();
            // Words kept after the previous change (head) and before the next one (tail).
            let (head, tail) = match (i == 0, i == last) {
                (true, true) => return segment.clone(),
                (true, false) => (0, context),
                (false, true) => (context, 0),
                (false, false) => (context, context),
            };
            if words.len() <= head + tail + 1 {
                return segment.clone();
            }
            let mut text = Vec::new();
            if head > 0 {
                text.extend_from_slice(&words[..head]);
            }
            text.push("…");
            if tail > 0 {
                text.extend_from_slice(&words[words.len() - tail..]);
            }
            Segment {
                op: Op::Equal,
                text: text.join(" "),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_line_endings_are_not_changes() {
        assert!(same(Some("a  b\r\nc"), Some("a b c")));
        assert!(same(Some("a\n\n\nb"), Some("a\r\n\r\nb")));
        assert!(same(None, Some("  \n")));
        assert!(
            !same(Some("a b"), Some("a\n\nb")),
            "a paragraph break is a change"
        );
    }

    #[test]
    fn diffs_words() {
        let segments = diff("säilytetään 2 vuotta", "säilytetään 10 vuotta");
        let shown: Vec<(Op, &str)> = segments.iter().map(|s| (s.op, s.text.as_str())).collect();
        assert_eq!(
            shown,
            [
                (Op::Equal, "säilytetään"),
                (Op::Delete, "2"),
                (Op::Insert, "10"),
                (Op::Equal, "vuotta")
            ]
        );
    }

    #[test]
    fn context_trims_long_unchanged_runs() {
        let segments = diff(
            "a b c d e f g h x i j k l m n",
            "a b c d e f g h y i j k l m n",
        );
        let trimmed = with_context(&segments, 2);
        let shown: Vec<&str> = trimmed.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(shown, ["… g h", "x", "y", "i j …"]);
    }
}
