//! HTML into a [`Document`]: the page's main content, without its navigation, banners, share
//! widgets and scripts, as headings, paragraphs, list items and table rows.
//!
//! Parsed by scraper (html5ever, the HTML5 parsing algorithm browsers use), so broken markup
//! reads as a browser would show it; entities are decoded by the parser.

mod furniture;
mod sink;

use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};

use super::document::{Block, BlockKind, Document, Format};
use super::inline::{Inline, Marks, is_label};
use furniture::{cloudflare_email, dropped};
use sink::{Lines, NodeId};

/// Reads an HTML page (or fragment).
pub(crate) fn read_html(input: &str) -> Document {
    let (html, lines) = sink::parse(input);
    let mut walker = Walker {
        lines: &lines,
        blocks: Vec::new(),
        inline: Inline::default(),
        span: None,
        marks: Marks::default(),
        link: None,
        list_depth: None,
        in_item: false,
        in_cell: false,
        depth: 0,
    };
    if let Some(root) = main_content(&html) {
        walker.children(root);
        walker.flush();
    }
    Document {
        format: Format::Html,
        blocks: walker.blocks,
    }
}

/// How deep a page may nest its elements. Real pages nest a few dozen levels; the HTML5 tree
/// builder's work grows with the square of the depth (each new element scans the open ones), so
/// a hostile page of a million nested elements would take hours, not an error message.
pub(crate) const MAX_NESTING: usize = 2000;

/// How deeply `input` nests its elements, estimated from its tags without parsing: each start
/// tag opens a level and each end tag closes one, except void elements and those HTML closes
/// implicitly (`<p>`, `<li>`, table cells), which old pages leave unclosed.
pub(crate) fn nesting(input: &str) -> usize {
    const NOT_NESTING: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "tbody", "thead",
    ];
    let (mut depth, mut deepest) = (0usize, 0usize);
    for tag in input.split('<').skip(1) {
        let (closing, tag) = match tag.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, tag),
        };
        let name: String = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Where the notice is: the page's `<main>`, else its main role, its `<article>`, a WordPress
/// post's `.entry-content`, else the whole `<body>`.
fn main_content(html: &Html) -> Option<ElementRef<'_>> {
    ["main", "[role=main]", "article", ".entry-content", "body"]
        .iter()
        .filter_map(|selector| Selector::parse(selector).ok())
        .find_map(|selector| html.select(&selector).next())
}

/// How deep the walk recurses into nested elements; real pages nest a few dozen levels.
const MAX_DEPTH: usize = 200;

/// Elements that break a table cell's text into lines rather than into blocks.
const CELL_BREAKS: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "ul",
    "ol",
    "div",
    "table",
    "tr",
    "dl",
    "dt",
    "dd",
    "section",
    "blockquote",
];

/// The walk over the main content, building blocks as it goes.
struct Walker<'a> {
    lines: &'a Lines,
    blocks: Vec<Block>,
    /// The text of the block being built.
    inline: Inline,
    /// The source lines of the block being built.
    span: Option<(usize, usize)>,
    marks: Marks,
    link: Option<String>,
    /// None outside lists; 0 inside the outermost.
    list_depth: Option<u8>,
    /// Whether the text being built belongs to a list item.
    in_item: bool,
    /// Whether the text being built is a table cell's.
    in_cell: bool,
    /// How deeply the walk has recursed.
    depth: usize,
}

impl Walker<'_> {
    fn children(&mut self, element: ElementRef<'_>) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => {
                    // Source line breaks are whitespace; `\n` in a block's text is a `<br>`.
                    let text = text.replace(['\n', '\r', '\t'], " ");
                    self.inline.push(&text, self.marks, self.link.as_deref());
                    self.widen(child.id());
                }
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, element: ElementRef<'_>) {
        if dropped(element) {
            return;
        }
        if self.depth >= MAX_DEPTH {
            // Deeper than any real page: its text is kept, read without recursing further, so
            // that a hostile page cannot exhaust the stack.
            for text in element.text() {
                self.inline
                    .push(&text.replace(['\n', '\r', '\t'], " "), self.marks, None);
            }
            self.widen(element.id());
            return;
        }
        self.depth += 1;
        self.element_within_depth(element);
        self.depth -= 1;
    }

    fn element_within_depth(&mut self, element: ElementRef<'_>) {
        if let Some(encoded) = element.value().attr("data-cfemail") {
            if let Some(address) = cloudflare_email(encoded) {
                self.inline.push(&address, self.marks, None);
                self.widen(element.id());
                return;
            }
        }
        let name = element.value().name();
        if self.in_cell && CELL_BREAKS.contains(&name) {
            // Inside a table cell, block structure only breaks the cell's lines.
            self.flush();
            self.children(element);
            self.flush();
            return;
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.heading(element),
            "p" => {
                self.flush();
                self.widen(element.id());
                self.children(element);
                self.flush();
            }
            "li" => self.item(element),
            "ul" | "ol" | "menu" => {
                self.flush();
                let outer = self.list_depth;
                self.list_depth = Some(outer.map_or(0, |depth| depth.saturating_add(1)));
                self.children(element);
                self.flush();
                self.list_depth = outer;
            }
            "table" => self.table(element),
            "br" => self.inline.line_break(),
            "a" => self.link(element),
            "strong" | "b" => self.marked(
                element,
                Marks {
                    bold: true,
                    ..self.marks
                },
            ),
            "em" | "i" => self.marked(
                element,
                Marks {
                    italic: true,
                    ..self.marks
                },
            ),
            "div" | "section" | "article" | "main" | "header" | "blockquote" | "figure"
            | "figcaption" | "dl" | "dt" | "dd" | "address" | "details" | "summary" | "center"
            | "hr" | "pre" | "fieldset" | "body" | "html" => {
                self.flush();
                self.children(element);
                self.flush();
            }
            _ => self.children(element),
        }
    }

    fn heading(&mut self, element: ElementRef<'_>) {
        self.flush();
        self.widen(element.id());
        self.children(element);
        let level = element.value().name()[1..].parse().unwrap_or(2);
        let text = self.inline.plain();
        self.push(BlockKind::Heading { level }, text);
    }

    fn item(&mut self, element: ElementRef<'_>) {
        self.flush();
        let outer = self.in_item;
        self.in_item = true;
        self.children(element);
        self.flush();
        self.in_item = outer;
    }

    fn marked(&mut self, element: ElementRef<'_>, marks: Marks) {
        let outer = std::mem::replace(&mut self.marks, marks);
        self.children(element);
        self.marks = outer;
    }

    fn link(&mut self, element: ElementRef<'_>) {
        let href = element.value().attr("href").map(str::to_string);
        let inner = href.or_else(|| self.link.clone());
        let outer = std::mem::replace(&mut self.link, inner);
        self.children(element);
        self.link = outer;
    }

    /// One block per row, its cells' texts in order; a table nested in a cell is read into
    /// that cell.
    fn table(&mut self, table: ElementRef<'_>) {
        self.flush();
        for row in rows(table) {
            let mut cells = Vec::new();
            for cell in row.children().filter_map(ElementRef::wrap) {
                if matches!(cell.value().name(), "td" | "th") {
                    self.in_cell = true;
                    self.children(cell);
                    self.in_cell = false;
                    cells.push(self.inline.markdown());
                    self.inline.clear();
                }
            }
            self.widen(row.id());
            if cells.iter().any(|cell| !cell.is_empty()) {
                let text = cells.join(" | ");
                self.push(BlockKind::TableRow { cells }, text);
            } else {
                self.span = None;
            }
        }
    }

    /// The pending text as a block: a list item inside `<li>`, a level-3 heading when it is a
    /// short paragraph all in bold (a label, as old notices mark their sections), else a
    /// paragraph.
    fn flush(&mut self) {
        if self.in_cell {
            if !self.inline.is_blank() {
                self.inline.line_break();
            }
            return;
        }
        if self.inline.is_blank() {
            self.inline.clear();
            self.span = None;
            return;
        }
        let (kind, text) = match self.list_depth {
            Some(depth) if self.in_item => (BlockKind::ListItem { depth }, self.inline.markdown()),
            _ if self.inline.all_bold() && is_label(&self.inline.plain()) => {
                (BlockKind::Heading { level: 3 }, self.inline.plain())
            }
            _ => (BlockKind::Paragraph, self.inline.markdown()),
        };
        self.push(kind, text);
    }

    fn push(&mut self, kind: BlockKind, text: String) {
        let (start, end) = self.span.take().unwrap_or((1, 1));
        self.inline.clear();
        if !text.is_empty() {
            self.blocks.push(Block {
                kind,
                text,
                lines: start..end + 1,
            });
        }
    }

    /// Adds `node`'s source lines to the block being built.
    fn widen(&mut self, node: NodeId) {
        if let Some(&(first, last)) = self.lines.get(&node) {
            self.span = Some(match self.span {
                Some((start, end)) => (start.min(first), end.max(last)),
                None => (first, last),
            });
        }
    }
}

/// A table's rows, in order, through its head, bodies and foot, not those of nested tables.
fn rows(table: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    let mut rows = Vec::new();
    for child in table.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "tr" => rows.push(child),
            "thead" | "tbody" | "tfoot" => rows.extend(rows_of_section(child)),
            _ => {}
        }
    }
    rows
}

fn rows_of_section(section: ElementRef<'_>) -> impl Iterator<Item = ElementRef<'_>> {
    section
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|child| child.value().name() == "tr")
}

#[cfg(test)]
mod tests;
