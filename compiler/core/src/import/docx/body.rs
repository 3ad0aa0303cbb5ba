//! `word/document.xml` into blocks: one walk over its events, paragraph by paragraph.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use super::styles::{Styles, attr};
use crate::import::document::{Block, BlockKind};
use crate::import::inline::{Inline, Marks, is_label};

/// Elements whose content is not the document's visible text: the fallback copy of a drawing
/// (its text box is read once, from the choice), deleted text, tracked changes' old properties.
const SKIPPED: &[&[u8]] = &[b"Fallback", b"delText", b"rPrChange", b"pPrChange"];

/// Reads the body's paragraphs and tables; `lines` count paragraphs, 1-based.
pub(super) fn read(
    xml: &str,
    styles: &Styles,
    links: &HashMap<String, String>,
) -> Result<Vec<Block>, quick_xml::Error> {
    let mut walk = Walk {
        styles,
        links,
        blocks: Vec::new(),
        paragraphs: 0,
        open: Vec::new(),
        marks: Marks::default(),
        link: None,
        in_ppr: false,
        in_rpr: false,
        in_text: false,
        field: None,
        field_link: false,
        skip: 0,
        tables: 0,
        row: None,
    };
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event()? {
            Event::Eof => break,
            Event::Start(e) => walk.start(&e, false),
            Event::Empty(e) => walk.start(&e, true),
            Event::End(e) => walk.end(e.local_name().as_ref()),
            Event::Text(e) => walk.text(&e.xml10_content()?),
            Event::GeneralRef(e) => {
                let name = e.decode()?;
                let resolved = match e.resolve_char_ref()? {
                    Some(c) => Some(c.to_string()),
                    None => resolve_predefined_entity(&name).map(str::to_string),
                };
                if let Some(text) = resolved {
                    walk.text(&text);
                }
            }
            _ => {}
        }
    }
    Ok(walk.blocks)
}

/// A paragraph being read.
struct Paragraph {
    style: Option<String>,
    level: Option<u8>,
    num_id: Option<String>,
    outline: Option<u8>,
    inline: Inline,
    first: usize,
}

/// A table row being read: its cells, and the paragraph it starts at.
struct Row {
    cells: Vec<String>,
    cell: Option<String>,
    first: usize,
}

struct Walk<'a> {
    styles: &'a Styles,
    links: &'a HashMap<String, String>,
    blocks: Vec<Block>,
    /// Paragraphs seen so far.
    paragraphs: usize,
    /// Open paragraphs: more than one inside a text box in a paragraph.
    open: Vec<Paragraph>,
    marks: Marks,
    link: Option<String>,
    in_ppr: bool,
    in_rpr: bool,
    in_text: bool,
    /// A field's instruction (`HYPERLINK "https://…"`) while it is being read, between the
    /// field's begin and separate marks.
    field: Option<String>,
    /// Whether the open link came from a field, to close at the field's end.
    field_link: bool,
    /// Depth inside a skipped element.
    skip: usize,
    /// Depth of nested tables; rows and cells are those of the outermost.
    tables: usize,
    row: Option<Row>,
}

impl Walk<'_> {
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let local = e.local_name();
        let name = local.as_ref();
        if self.skip > 0 || SKIPPED.contains(&name) {
            self.skip += usize::from(!empty);
            return;
        }
        let val = || attr(e, b"val");
        match name {
            b"p" => {
                self.paragraphs += 1;
                self.open.push(Paragraph {
                    style: None,
                    level: None,
                    num_id: None,
                    outline: None,
                    inline: Inline::default(),
                    first: self.paragraphs,
                });
                if empty {
                    self.end(b"p");
                }
            }
            b"pPr" => self.in_ppr = !empty,
            b"rPr" => self.in_rpr = !empty,
            b"r" => self.marks = Marks::default(),
            b"t" => self.in_text = !empty,
            b"pStyle" if self.in_ppr => self.paragraph(|p| p.style = val()),
            b"ilvl" if self.in_ppr => {
                self.paragraph(|p| p.level = val().and_then(|v| v.parse().ok()))
            }
            b"numId" if self.in_ppr => self.paragraph(|p| p.num_id = val()),
            b"outlineLvl" if self.in_ppr => {
                self.paragraph(|p| p.outline = val().and_then(|v| v.parse().ok()))
            }
            b"b" if self.in_rpr => self.marks.bold = on(val()),
            b"i" if self.in_rpr => self.marks.italic = on(val()),
            // Tab stops are also `w:tab`, inside the paragraph's properties.
            b"tab" if !self.in_ppr => self.push("\t"),
            b"br" | b"cr" if !self.in_ppr => match attr(e, b"type").as_deref() {
                Some("page") | Some("column") => self.push(" "),
                _ => self.paragraph(|p| p.inline.line_break()),
            },
            b"noBreakHyphen" => self.push("-"),
            b"fldChar" => self.field_mark(attr(e, b"fldCharType").as_deref()),
            b"hyperlink" => {
                self.link = attr(e, b"id").and_then(|id| self.links.get(&id).cloned());
                if empty {
                    self.link = None;
                }
            }
            b"tbl" if !empty => self.tables += 1,
            b"tr" if self.tables == 1 && !empty => {
                self.row = Some(Row {
                    cells: Vec::new(),
                    cell: None,
                    first: self.paragraphs + 1,
                })
            }
            b"tc" if self.tables == 1 => {
                if let Some(row) = &mut self.row {
                    row.cell = Some(String::new());
                    if empty {
                        row.cells.push(String::new());
                    }
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match name {
            b"p" => {
                if let Some(paragraph) = self.open.pop() {
                    self.finish(paragraph);
                }
            }
            b"pPr" => self.in_ppr = false,
            b"rPr" => self.in_rpr = false,
            b"t" => self.in_text = false,
            b"hyperlink" => self.link = None,
            b"tbl" => self.tables = self.tables.saturating_sub(1),
            b"tc" if self.tables == 1 => {
                if let Some(row) = &mut self.row {
                    let cell = row.cell.take().unwrap_or_default();
                    row.cells.push(cell.trim().to_string());
                }
            }
            b"tr" if self.tables == 1 => {
                if let Some(row) = self.row.take() {
                    if row.cells.iter().any(|cell| !cell.is_empty()) {
                        self.blocks.push(Block {
                            text: row.cells.join(" | "),
                            kind: BlockKind::TableRow { cells: row.cells },
                            lines: row.first..self.paragraphs + 1,
                        });
                    }
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.skip > 0 {
            return;
        }
        match &mut self.field {
            // A field's instruction is in `w:instrText`, never in `w:t`.
            Some(instruction) if !self.in_text => instruction.push_str(text),
            _ if self.in_text => self.push(text),
            _ => {}
        }
    }

    /// A complex field's marks: a `HYPERLINK` field (as Word writes links pasted from other
    /// programs) links the text shown between its separate and end marks.
    fn field_mark(&mut self, mark: Option<&str>) {
        match mark {
            Some("begin") => self.field = Some(String::new()),
            Some("separate") => {
                if let Some(target) = self.field.take().as_deref().and_then(hyperlink_target) {
                    self.link = Some(target);
                    self.field_link = true;
                }
            }
            Some("end") => {
                self.field = None;
                if std::mem::take(&mut self.field_link) {
                    self.link = None;
                }
            }
            _ => {}
        }
    }

    fn push(&mut self, text: &str) {
        let (marks, link) = (self.marks, self.link.clone());
        self.paragraph(|p| p.inline.push(text, marks, link.as_deref()));
    }

    fn paragraph(&mut self, change: impl FnOnce(&mut Paragraph)) {
        if let Some(paragraph) = self.open.last_mut() {
            change(paragraph);
        }
    }

    /// A closed paragraph: into the open table cell, or a block of its own.
    fn finish(&mut self, paragraph: Paragraph) {
        if paragraph.inline.is_blank() {
            return;
        }
        if let Some(cell) = self.row.as_mut().and_then(|row| row.cell.as_mut()) {
            if !cell.is_empty() {
                cell.push('\n');
            }
            cell.push_str(&paragraph.inline.markdown());
            return;
        }
        let (kind, text) = self.kind(&paragraph);
        self.blocks.push(Block {
            kind,
            text,
            lines: paragraph.first..self.paragraphs + 1,
        });
    }

    fn kind(&self, paragraph: &Paragraph) -> (BlockKind, String) {
        let style = paragraph.style.as_deref().unwrap_or("");
        let level = self
            .styles
            .heading_level(style)
            .or_else(|| paragraph.outline.filter(|&l| l < 9).map(|l| (l + 2).min(6)));
        let inline = &paragraph.inline;
        if let Some(level) = level {
            return (BlockKind::Heading { level }, inline.plain());
        }
        let numbered = paragraph.num_id.as_deref().is_some_and(|id| id != "0");
        // A paragraph may switch its style's numbering off with numId 0.
        let unnumbered = paragraph.num_id.as_deref() == Some("0");
        if numbered || (!unnumbered && !style.is_empty() && self.styles.is_list(style)) {
            let depth = paragraph.level.unwrap_or(0);
            return (BlockKind::ListItem { depth }, inline.markdown());
        }
        if inline.all_bold() && is_label(&inline.plain()) {
            return (BlockKind::Heading { level: 3 }, inline.plain());
        }
        (BlockKind::Paragraph, inline.markdown())
    }
}

/// The address of a `HYPERLINK "…"` field instruction; None for other fields and for links
/// to a bookmark in the document (`\\l`).
fn hyperlink_target(instruction: &str) -> Option<String> {
    let rest = instruction.trim().strip_prefix("HYPERLINK")?;
    if rest.contains("\\l") {
        return None;
    }
    let start = rest.find('"')? + 1;
    let end = start + rest[start..].find('"')?;
    Some(rest[start..end].to_string())
}

/// A toggle property (`<w:b/>`, `<w:b w:val="0"/>`): on unless its value says off.
fn on(value: Option<String>) -> bool {
    !matches!(value.as_deref(), Some("0" | "false" | "off"))
}
