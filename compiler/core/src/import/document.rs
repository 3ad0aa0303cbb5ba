//! The format-independent form of an imported notice: blocks in reading order, with where each came from.

use std::ops::Range;

/// The input formats `notice import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Plain text, as copied from a web page or a PDF.
    Text,
    /// Markdown (CommonMark with tables).
    Markdown,
    /// An HTML page, saved from a browser or exported from a CMS.
    Html,
    /// A Word document (Office Open XML, `.docx`).
    Docx,
}

/// What a block is, as its input marked it (or, for plain text, as its layout suggests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading; `level` 1 is the document's title, 2 a section, and so on.
    Heading {
        /// The heading level, 1–6.
        level: u8,
    },
    /// A paragraph of running text.
    Paragraph,
    /// One item of a bulleted or numbered list; `depth` 0 is the outermost list.
    ListItem {
        /// How deeply the list is nested.
        depth: u8,
    },
    /// One row of a table, its cells in order.
    TableRow {
        /// The cells' texts.
        cells: Vec<String>,
    },
}

/// One block of the input: its kind, its text (inline markup reduced to Markdown: emphasis,
/// links), and the 1-based input lines it spans, for `--dry-run`'s mapping. For formats without
/// lines (Word), `lines` counts paragraphs instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The block's text; for a table row, its cells joined by " | ".
    pub text: String,
    /// The input lines (or paragraphs) the block came from, 1-based and end-exclusive.
    pub lines: Range<usize>,
}

/// An imported notice before it is understood: its blocks in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The format the input was read as.
    pub format: Format,
    /// The blocks, in reading order, page artefacts (navigation, scripts, share buttons)
    /// already left out by the reader.
    pub blocks: Vec<Block>,
}
