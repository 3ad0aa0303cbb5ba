//! From a [`Document`] to a [`Draft`]: headings recognised (bold labels, "Label: text"
//! paragraphs and table rows included), the document cut into segments at headings, and each
//! segment filled into its section, or kept as a custom section in the input's order.

use super::document::{Block, BlockKind, Document, Format};
use super::draft::{Draft, Field};
use super::vocabulary::{HeadingMatch, section_of};
use super::{fill, parties, structure};
use crate::model::{Lang, Section};
use crate::slug::IdAllocator;

/// A heading and the blocks under it, up to the next heading.
pub(crate) struct Segment {
    pub(crate) heading: Option<Block>,
    pub(crate) matched: Option<HeadingMatch>,
    pub(crate) blocks: Vec<Block>,
}

/// Understands `document`, written in `lang`.
pub(crate) fn assemble(document: &Document, lang: Lang) -> Draft {
    let mut blocks = document.blocks.clone();
    structure::promote_title(&mut blocks);
    let blocks = recognise_headings(&blocks);
    let segments = segments(blocks);
    let mut draft = Draft {
        lang: Some(lang),
        ..Draft::default()
    };
    let mut ids = IdAllocator::default();
    for id in crate::model::reserved_ids() {
        ids.reserve(id);
    }
    let escape = document.format == Format::Text;
    for (index, segment) in segments.iter().enumerate() {
        match (&segment.heading, segment.matched) {
            (None, _) => fill::preamble(&mut draft, segment, escape),
            (Some(heading), None) if index == 0 || title_position(&segments, index) => {
                draft.title = Some(Field::text("title", heading.text.clone()));
                draft.map(&heading.lines, "title");
                fill::preamble(&mut draft, segment, escape);
            }
            (Some(heading), None) => custom(&mut draft, &mut ids, heading, &segment.blocks, escape),
            (Some(_), Some(_)) => fill::section(&mut draft, segment, escape),
        }
    }
    parties::whole_document(&mut draft, &segments);
    draft
}

/// Whether the unmapped heading at `index` is the page title: a level-1 heading before any
/// mapped section, with no title yet.
fn title_position(segments: &[Segment], index: usize) -> bool {
    let heading_level = segments[index].heading.as_ref().map(|h| &h.kind);
    matches!(heading_level, Some(BlockKind::Heading { level: 1 }))
        && segments[..index]
            .iter()
            .all(|s| s.matched.is_none() && s.heading.is_none())
}

fn custom(
    draft: &mut Draft,
    ids: &mut IdAllocator,
    heading: &Block,
    blocks: &[Block],
    escape: bool,
) {
    let title = without_number(&heading.text);
    let id = ids.allocate(&title, "osio");
    draft.map(&heading.lines, format!("sections.{id}.title"));
    for block in blocks {
        draft.map(&block.lines, format!("sections.{id}.body"));
    }
    draft.custom.push(vec![
        Field::text("id", id),
        Field::text("title", title),
        Field::text("body", markdown(blocks, escape)),
    ]);
}

/// A heading's text without emphasis and its number: the page numbers its sections itself,
/// so "10. Muutokset" is "Muutokset".
pub(crate) fn without_number(heading: &str) -> String {
    let title = strip_emphasis(heading);
    match title.split_once(' ') {
        Some((number, rest))
            if number
                .trim_end_matches(['.', ')'])
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.')
                && !rest.trim().is_empty() =>
        {
            rest.trim().to_string()
        }
        _ => title,
    }
}

/// Cuts the blocks at headings. A heading of level 3 or deeper starts a segment only when it
/// names a section; otherwise it stays in its section's text.
fn segments(blocks: Vec<Block>) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    for block in blocks {
        if let BlockKind::Heading { level } = block.kind {
            let matched = section_of(&block.text);
            if level <= 2 || matched.is_some() || segments.is_empty() {
                segments.push(Segment {
                    heading: Some(block),
                    matched,
                    blocks: Vec::new(),
                });
                continue;
            }
        }
        match segments.last_mut() {
            Some(segment) => segment.blocks.push(block),
            None => segments.push(Segment {
                heading: None,
                matched: None,
                blocks: vec![block],
            }),
        }
    }
    segments
}

/// Finds the headings layout alone does not mark: a paragraph in bold, a "Label: text"
/// paragraph or a table row whose label names a section. When a notice uses such labels for
/// at least two sections, any short capitalised label starts a section ("Mahdolliset
/// muutokset: …"). A heading that directly follows a section's heading, with nothing
/// between, and names no section itself is the section's first line ("1. Rekisterinpitäjä"
/// then "Yritys Oy").
fn recognise_headings(blocks: &[Block]) -> Vec<Block> {
    // A notice laid out with headings uses labels for sentences too ("…tarkoituksiin:"); one
    // laid out with labels uses them for every section.
    let headings = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }) && section_of(&b.text).is_some())
        .count();
    let label_mode = headings < 2
        && blocks
            .iter()
            .filter(|b| label_split(b, false).is_some())
            .count()
            >= 2;
    let register = super::table::register_rows(blocks);
    let mut out: Vec<Block> = Vec::new();
    for (block, in_register) in blocks.iter().zip(register) {
        if in_register {
            // A register table's rows are purposes, not sections (see `table`).
            out.push(block.clone());
            continue;
        }
        let demote = matches!(block.kind, BlockKind::Heading { .. })
            && section_of(&block.text).is_none()
            && out.last().is_some_and(|last| {
                matches!(last.kind, BlockKind::Heading { .. }) && section_of(&last.text).is_some()
            });
        if demote {
            out.push(Block {
                kind: BlockKind::Paragraph,
                ..block.clone()
            });
        } else if let Some((label, rest)) = label_split(block, label_mode)
            .filter(|_| label_mode || matches!(block.kind, BlockKind::TableRow { .. }))
        {
            out.push(Block {
                kind: BlockKind::Heading { level: 2 },
                text: label,
                lines: block.lines.clone(),
            });
            if !rest.is_empty() {
                out.push(Block {
                    kind: BlockKind::Paragraph,
                    text: rest,
                    lines: block.lines.clone(),
                });
            }
        } else if block.kind == BlockKind::Paragraph
            && bold_only(&block.text).is_some()
            && section_of(bold_only(&block.text).unwrap_or("")).is_some()
        {
            let text = bold_only(&block.text).unwrap_or_default().to_string();
            out.push(Block {
                kind: BlockKind::Heading { level: 2 },
                text,
                lines: block.lines.clone(),
            });
        } else {
            out.push(block.clone());
        }
    }
    out
}

/// The label and text of a "Label: text" paragraph, a "**Label** text" paragraph, or a table
/// row, when the label names a section (or, with `any_label`, is a short capitalised label).
fn label_split(block: &Block, any_label: bool) -> Option<(String, String)> {
    let (label, rest) = match &block.kind {
        BlockKind::Paragraph => split_label(&block.text)?,
        BlockKind::TableRow { cells } if cells.len() >= 2 => {
            (cells[0].clone(), cells[1..].join(" "))
        }
        _ => return None,
    };
    let label = strip_emphasis(&label);
    let words = label.split_whitespace().count();
    let known = words <= 16 && section_of(&label).is_some();
    // A table's rows are labelled by its first column only when that names a section: a
    // header row ("Kohta | Sisältö") is not a section.
    let plausible = any_label
        && block.kind == BlockKind::Paragraph
        && words <= 5
        && label.starts_with(char::is_uppercase)
        && !label.chars().any(|c| c.is_ascii_digit());
    (known || plausible).then(|| (label, rest.trim().to_string()))
}

fn split_label(text: &str) -> Option<(String, String)> {
    if let Some(rest) = text.strip_prefix("**") {
        let end = rest.find("**")?;
        let label = rest[..end].trim_end_matches(':').to_string();
        let after = rest[end + 2..].trim_start_matches(':').to_string();
        return Some((label, after));
    }
    let at = text.find(": ").or_else(|| {
        // "Rekisterinpitäjä:" alone is a label; "Tietoja käsitellään seuraaviin tarkoituksiin:"
        // introduces a list.
        (text.ends_with(':') && text.split_whitespace().count() <= 3).then(|| text.len() - 1)
    })?;
    Some((text[..at].to_string(), text[at + 1..].to_string()))
}

/// The text of a paragraph that is all bold: `**Rekisterinpitäjä**`.
fn bold_only(text: &str) -> Option<&str> {
    let inner = text.strip_prefix("**")?.strip_suffix("**")?;
    (!inner.contains("**")).then(|| inner.trim().trim_end_matches(':'))
}

pub(crate) fn strip_emphasis(text: &str) -> String {
    text.replace("**", "").replace("__", "").trim().to_string()
}

/// Blocks as Markdown: list items as `- ` lines, table rows as a table, paragraphs apart.
/// Plain text is escaped so that it renders as written.
pub(crate) fn markdown(blocks: &[Block], escape: bool) -> String {
    let mut out = String::new();
    let mut previous: Option<&BlockKind> = None;
    let mut header_done = false;
    for block in blocks {
        let text = if escape {
            escape_markdown(&block.text)
        } else {
            block.text.clone()
        };
        let together = matches!(
            (previous, &block.kind),
            (Some(BlockKind::ListItem { .. }), BlockKind::ListItem { .. })
                | (Some(BlockKind::TableRow { .. }), BlockKind::TableRow { .. })
        );
        if !out.is_empty() {
            out.push_str(if together { "\n" } else { "\n\n" });
        }
        match &block.kind {
            BlockKind::ListItem { depth } => {
                out.push_str(&"  ".repeat(usize::from(*depth)));
                out.push_str("- ");
                out.push_str(&text);
            }
            BlockKind::TableRow { cells } => {
                if !together {
                    header_done = false;
                }
                let cells: Vec<String> = cells
                    .iter()
                    .map(|c| {
                        if escape {
                            escape_markdown(c)
                        } else {
                            c.clone()
                        }
                        .replace('|', "\\|")
                    })
                    .collect();
                out.push_str(&format!("| {} |", cells.join(" | ")));
                if !header_done {
                    out.push_str(&format!("\n|{}", "---|".repeat(cells.len())));
                    header_done = true;
                }
            }
            BlockKind::Heading { .. } => out.push_str(&format!("**{}**", strip_emphasis(&text))),
            BlockKind::Paragraph => out.push_str(&text),
        }
        previous = Some(&block.kind);
    }
    out
}

/// Plain text made safe to read as Markdown: a leading "1. ", "- ", "#" or ">" would start a
/// list, heading or quote, and "<tag" would be dropped as raw HTML.
pub(crate) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let mut rest = text;
    if digits > 0 && digits <= 9 && text[digits..].starts_with(['.', ')']) {
        // "1. Otsikko" would start an ordered list: "1\. Otsikko" does not.
        out.push_str(&text[..digits]);
        out.push('\\');
        rest = &text[digits..];
    } else if text.starts_with(['#', '>', '-', '+', '*', '=']) {
        out.push('\\');
    }
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        let tag = c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!');
        if tag || matches!(c, '\\' | '`' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The section a heading's second half names, when the heading names two.
pub(crate) fn second_section(segment: &Segment) -> Option<Section> {
    segment.matched.and_then(|m| m.also)
}
