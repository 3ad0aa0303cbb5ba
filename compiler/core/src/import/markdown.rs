//! Markdown (CommonMark with tables) read into a [`Document`] with comrak, the parser the
//! renderer already uses. Paragraphs and list items keep their inline Markdown (emphasis,
//! links) exactly as written, sliced from the input by the parser's source positions.

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, Options};

use super::document::{Block, BlockKind, Document, Format};

/// Reads Markdown. Never fails: CommonMark gives every text a meaning.
pub(crate) fn read_markdown(input: &str) -> Document {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, input, &options);
    let lines: Vec<&str> = input.lines().collect();
    let mut blocks = Vec::new();
    for child in root.children() {
        walk(child, &lines, None, &mut blocks);
    }
    Document {
        format: Format::Markdown,
        blocks,
    }
}

/// Adds the blocks of `node`; `item_depth` is the depth of the list item it is in, if any.
fn walk<'a>(
    node: &'a AstNode<'a>,
    lines: &[&str],
    item_depth: Option<u8>,
    blocks: &mut Vec<Block>,
) {
    let (value, pos) = {
        let data = node.data();
        (data.value.clone(), data.sourcepos)
    };
    let range = pos.start.line..pos.end.line + 1;
    let mut push = |kind: BlockKind, text: String| {
        if !text.trim().is_empty() {
            blocks.push(Block {
                kind,
                text: text.trim().to_string(),
                lines: range.clone(),
            });
        }
    };
    match value {
        NodeValue::Heading(heading) => push(
            BlockKind::Heading {
                level: heading.level,
            },
            node.collect_text(),
        ),
        NodeValue::Paragraph => {
            let kind = match item_depth {
                // Only the item's first paragraph is the item; later ones are its text.
                Some(depth) if node.previous_sibling().is_none() => BlockKind::ListItem { depth },
                _ => BlockKind::Paragraph,
            };
            push(
                kind,
                source_slice(
                    lines,
                    pos.start.line,
                    pos.start.column,
                    pos.end.line,
                    pos.end.column,
                ),
            );
        }
        NodeValue::CodeBlock(code) => push(BlockKind::Paragraph, code.literal.to_string()),
        NodeValue::HtmlBlock(html) => push(BlockKind::Paragraph, strip_html(&html.literal)),
        NodeValue::TableRow(_) => {
            let cells: Vec<String> = node
                .children()
                .map(|cell| cell.collect_text().trim().to_string())
                .collect();
            let text = cells.join(" | ");
            push(BlockKind::TableRow { cells }, text);
        }
        NodeValue::List(_) => {
            let depth = item_depth.map_or(0, |d| d.saturating_add(1));
            for item in node.children() {
                for child in item.children() {
                    walk(child, lines, Some(depth), blocks);
                }
            }
        }
        _ => {
            for child in node.children() {
                walk(child, lines, item_depth, blocks);
            }
        }
    }
}

/// The input between two source positions (1-based lines, 1-based byte columns), its lines
/// trimmed and joined with spaces.
fn source_slice(
    lines: &[&str],
    first: usize,
    first_col: usize,
    last: usize,
    last_col: usize,
) -> String {
    let mut parts = Vec::new();
    for number in first..=last {
        let Some(line) = lines.get(number.wrapping_sub(1)) else {
            continue;
        };
        let start = if number == first {
            first_col.saturating_sub(1)
        } else {
            0
        };
        let end = if number == last {
            last_col.min(line.len())
        } else {
            line.len()
        };
        if let Some(part) = line.get(start.min(end)..end) {
            parts.push(part.trim());
        }
    }
    // Short lines are lines on purpose ("**Yritys Oy**", "Y-tunnus: …", "Puhelin: …"), as a
    // saved page's `<br>` gives them; long ones are running text wrapped by its writer.
    let short_lines = parts.len() > 1 && parts.iter().all(|p| p.chars().count() <= SHORT_LINE);
    parts.join(if short_lines { "\n" } else { " " })
}

/// The longest line a block of short lines (an address, a list of contact details) has.
const SHORT_LINE: usize = 60;

/// The text of an HTML block without its tags.
fn strip_html(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_tables_and_inline_markup() {
        let doc = read_markdown(
            "# Tietosuojaseloste\n\n## 1. Rekisterinpitäjä\n\n**Yritys Oy**, [sivut](https://yritys.example)\nrivi kaksi\n\n- Nimi\n- Sähköposti\n  - alakohta\n\n| Tieto | Aika |\n|---|---|\n| Nimi | 2 v |\n",
        );
        let got: Vec<(BlockKind, &str, std::ops::Range<usize>)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind.clone(), b.text.as_str(), b.lines.clone()))
            .collect();
        assert_eq!(
            got[0],
            (BlockKind::Heading { level: 1 }, "Tietosuojaseloste", 1..2)
        );
        assert_eq!(
            got[1],
            (BlockKind::Heading { level: 2 }, "1. Rekisterinpitäjä", 3..4)
        );
        assert_eq!(
            got[2],
            (
                BlockKind::Paragraph,
                "**Yritys Oy**, [sivut](https://yritys.example)\nrivi kaksi",
                5..7
            )
        );
        assert_eq!(got[3], (BlockKind::ListItem { depth: 0 }, "Nimi", 8..9));
        assert_eq!(
            got[4],
            (BlockKind::ListItem { depth: 0 }, "Sähköposti", 9..10)
        );
        assert_eq!(
            got[5],
            (BlockKind::ListItem { depth: 1 }, "alakohta", 10..11)
        );
        assert_eq!(got[6].1, "Tieto | Aika");
        assert_eq!(
            got[7].0,
            BlockKind::TableRow {
                cells: vec!["Nimi".into(), "2 v".into()]
            }
        );
    }

    #[test]
    fn short_lines_stay_lines_and_wrapped_text_joins() {
        let doc = read_markdown(
            "**Yritys Oy**\nY-tunnus: 2560057-1\n\nTämä on pitkä kappale, jonka kirjoittaja on rivittänyt omaan\nmakuunsa kahdelle riville, kuten tekstieditori usein tekee ne.\n",
        );
        assert_eq!(doc.blocks[0].text, "**Yritys Oy**\nY-tunnus: 2560057-1");
        assert!(!doc.blocks[1].text.contains('\n'), "{}", doc.blocks[1].text);
    }
}
