//! Plain text, as copied from a web page or a PDF, read into a [`Document`]. Structure comes
//! from layout alone: numbered, all-caps, question-form and short stand-alone lines are
//! headings; bullet lines are list items; tab-separated lines are table rows; hard-wrapped
//! lines are joined into paragraphs. Page artefacts (share-plugin credits, "back to top"
//! links, tracking-pixel names, stray HTML tags) are left out.

use super::document::{Block, BlockKind, Document, Format};

/// Lines that are page chrome, not notice text, compared lowercased and trimmed.
const ARTEFACT_LINES: &[&str] = &[
    "fbpx",
    "takaisin ylös",
    "takaisin alkuun",
    "tillbaka upp",
    "till toppen",
    "back to top",
    "scroll to top",
    "to top",
    "↑",
    "jaa",
    "jaa tämä:",
    "dela",
    "share",
    "share this:",
    "tulosta",
    "skriv ut",
    "print",
    "menu",
    "valikko",
    "meny",
    "skip to content",
    "siirry sisältöön",
    "hoppa till innehåll",
];

/// Whether a whole line is page chrome: a known artefact line, or a plugin's credit line.
pub(crate) fn is_artefact(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    ARTEFACT_LINES.contains(&lower.as_str())
        || lower.contains("plugin powered by")
        || (lower.starts_with("powered by") && lower.split_whitespace().count() <= 6)
}

/// Reads plain text. Never fails: any text is some document, possibly an empty one.
pub(crate) fn read_text(input: &str) -> Document {
    let lines: Vec<(usize, String)> = input
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, clean_line(line)))
        .collect();
    let groups = groups(&lines);
    let mut blocks = Vec::new();
    for (index, group) in groups.iter().enumerate() {
        let followed = index + 1 < groups.len();
        read_group(group, followed, blocks.is_empty(), &mut blocks);
    }
    Document {
        format: Format::Text,
        blocks,
    }
}

/// A line without stray HTML tags, entities, carriage returns or trailing blanks; an artefact
/// line becomes blank.
fn clean_line(line: &str) -> String {
    let text = strip_tags(line)
        .replace('\u{a0}', " ")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    let text = text.trim_end();
    if is_artefact(text) {
        String::new()
    } else {
        text.to_string()
    }
}

/// `line` without anything that looks like an HTML tag (`<p>`, `</div>`, `<br/>`, `<!-- -->`).
fn strip_tags(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let tag_like = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after
            .find('>')
            .filter(|&close| tag_like && !after[..close].contains('<'))
        {
            Some(close) => {
                out.push_str(&rest[..open]);
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Runs of non-blank lines.
fn groups(lines: &[(usize, String)]) -> Vec<Vec<(usize, String)>> {
    let mut groups = Vec::new();
    let mut current: Vec<(usize, String)> = Vec::new();
    for (number, line) in lines {
        if line.trim().is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
        } else {
            current.push((*number, line.clone()));
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

fn read_group(group: &[(usize, String)], followed: bool, first: bool, blocks: &mut Vec<Block>) {
    if let [(number, line)] = group {
        if let Some(level) = heading_level(line, followed, first) {
            blocks.push(block(
                BlockKind::Heading { level },
                line.trim(),
                *number,
                *number,
            ));
            return;
        }
    }
    let width = group
        .iter()
        .map(|(_, l)| l.trim().chars().count())
        .max()
        .unwrap_or(0);
    let mut open: Option<Block> = None;
    for (index, (number, line)) in group.iter().enumerate() {
        let trimmed = line.trim();
        let previous = index.checked_sub(1).map_or("", |i| group[i].1.trim());
        let kind = if let Some(item) = bullet(line) {
            flush(&mut open, blocks);
            open = Some(block(
                BlockKind::ListItem { depth: depth(line) },
                item,
                *number,
                *number,
            ));
            continue;
        } else if let Some(cells) = table_cells(line) {
            flush(&mut open, blocks);
            let text = cells.join(" | ");
            blocks.push(block(
                BlockKind::TableRow { cells },
                &text,
                *number,
                *number,
            ));
            continue;
        } else if index == 0
            && group.len() > 1
            && (strong_heading(line) || (named_heading(line) && !continues_sentence(group)))
        {
            BlockKind::Heading { level: 2 }
        } else {
            BlockKind::Paragraph
        };
        if let Some(current) = open.as_mut() {
            let continues = match current.kind {
                BlockKind::ListItem { .. } => {
                    line.starts_with([' ', '\t']) || wraps(previous, trimmed, width)
                }
                BlockKind::Paragraph => {
                    kind == BlockKind::Paragraph && wraps(previous, trimmed, width)
                }
                _ => false,
            };
            if continues {
                current.text = join_wrapped(&current.text, trimmed);
                current.lines.end = number + 1;
                continue;
            }
        }
        flush(&mut open, blocks);
        open = Some(block(kind, trimmed, *number, *number));
    }
    flush(&mut open, blocks);
}

fn flush(open: &mut Option<Block>, blocks: &mut Vec<Block>) {
    if let Some(block) = open.take() {
        blocks.push(block);
    }
}

fn block(kind: BlockKind, text: &str, first: usize, last: usize) -> Block {
    Block {
        kind,
        text: text.to_string(),
        lines: first..last + 1,
    }
}

/// Whether `next` continues `previous` across a hard wrap: the previous line ends in a
/// hyphen, or the next starts in lowercase mid-sentence, or the previous runs to near the
/// group's widest line (`width`) and does not end a sentence well short of it.
fn wraps(previous: &str, next: &str, width: usize) -> bool {
    let length = previous.chars().count();
    let sentence_end = previous.ends_with(['.', '!', '?', ':']);
    // Contact details are written one to a line: "Maija Esimerkki" / "maija (at) yritys.fi".
    let fact_line =
        !super::facts::emails(next).is_empty() || !super::facts::phones(next).is_empty();
    let lowercase_next = next.trim_start().starts_with(char::is_lowercase)
        && !sentence_end
        && length * 2 >= width
        && !fact_line;
    // A column of short lines (a name over an address) is not wrapped text.
    let long = length >= 30 && width >= 50 && length * 10 >= width * 6;
    // "A) Manuaalinen aineisto" / "B) Sähköinen aineisto": each enumerated point is its own.
    let enumerated = next.split_once(')').is_some_and(|(marker, _)| {
        (1..=2).contains(&marker.len()) && marker.chars().all(char::is_alphanumeric)
    });
    !enumerated
        && (previous.ends_with('-')
            || lowercase_next
            || (long && !(sentence_end && length * 4 < width * 3)))
}

/// Joins a wrapped line to the text before it. A word split at a hyphen ("tieto-\nsuoja")
/// keeps its hyphen: Finnish compounds are written with one ("kirjanpito-ohjelma").
fn join_wrapped(text: &str, next: &str) -> String {
    if text.ends_with('-') {
        format!("{text}{next}")
    } else {
        format!("{} {next}", text.trim_end())
    }
}

/// The text of a bullet line without its bullet.
fn bullet(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    ["• ", "- ", "* ", "– ", "· ", "o ", "▪ ", "◦ ", "‣ ", "→ "]
        .iter()
        .find_map(|b| trimmed.strip_prefix(b))
        .or_else(|| trimmed.strip_prefix('•'))
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// Bullets indented further than the usual two to four spaces are nested.
fn depth(line: &str) -> u8 {
    let indent = line.len() - line.trim_start().len();
    u8::from(indent >= 6)
}

/// The cells of a tab-separated row with at least two non-empty cells.
fn table_cells(line: &str) -> Option<Vec<String>> {
    let cells: Vec<String> = line
        .split('\t')
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    (line.contains('\t') && cells.len() >= 2).then_some(cells)
}

/// Whether a line alone in its group is a heading, and its level.
fn heading_level(line: &str, followed: bool, first: bool) -> Option<u8> {
    let text = line.trim();
    if strong_heading(text) {
        return Some(number_depth(text));
    }
    let words = text.split_whitespace().count();
    let short_title = followed
        && words <= 8
        && text.starts_with(char::is_uppercase)
        && !text.ends_with(['.', ',', ';', ':', '!'])
        && !has_fact(text);
    short_title.then_some(if first { 1 } else { 2 })
}

/// A short line that names a section ("Who we are", "Tietojen lähteet"), directly followed by
/// its text without a blank line.
fn named_heading(line: &str) -> bool {
    let text = line.trim();
    text.split_whitespace().count() <= 8
        && text.starts_with(char::is_uppercase)
        && !text.ends_with(['.', ',', ';', ':', '!'])
        && !has_fact(text)
        && !text.contains(':')
        && super::vocabulary::section_of(text).is_some()
}

/// Whether the group's second line carries on the first one's sentence (starts in lowercase).
fn continues_sentence(group: &[(usize, String)]) -> bool {
    group
        .get(1)
        .is_some_and(|(_, line)| line.trim_start().starts_with(char::is_lowercase))
}

/// Numbered ("1.", "1 ", "2.3"), all-caps and question-form lines: headings even when text
/// follows them without a blank line.
fn strong_heading(line: &str) -> bool {
    let text = line.trim();
    let words = text.split_whitespace().count();
    if words == 0 || words > 14 || has_fact(text) {
        return false;
    }
    let numbered = number_prefix(text).is_some_and(|rest| {
        rest.starts_with(char::is_uppercase) && !rest.ends_with(['.', ',', ';'])
    });
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    let question = text.ends_with('?') && words <= 12 && text.starts_with(char::is_uppercase);
    numbered || all_caps || question
}

/// The text after a section number ("1.", "1", "2.3.", "4)") and its space.
fn number_prefix(text: &str) -> Option<&str> {
    let end = text.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ')'))?;
    let number = &text[..end];
    let rest = &text[end..];
    (number.starts_with(|c: char| c.is_ascii_digit()) && number.len() <= 6 && rest.starts_with(' '))
        .then(|| rest.trim_start())
}

/// "2.3 Otsikko" is a level-3 heading; every other heading is level 2.
fn number_depth(text: &str) -> u8 {
    let number = text.split_whitespace().next().unwrap_or("");
    if number_prefix(text).is_some() && number.trim_end_matches('.').contains('.') {
        3
    } else {
        2
    }
}

/// Lines carrying a date, e-mail or web address are content, not headings.
fn has_fact(text: &str) -> bool {
    text.contains('@')
        || text.contains("http")
        || text.contains("www.")
        || super::facts::date_in(text).is_some()
}
