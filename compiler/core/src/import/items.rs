//! List items into items: purposes, data categories, sources, recipients and rights, each
//! item's text as its title (or name), with only what that text itself states.

use super::assemble::{escape_markdown, markdown, strip_emphasis, without_number};
use super::document::{Block, BlockKind};
use super::draft::{Draft, Field, Fields};
use super::fill::intro;
use super::statements;
use crate::model::Section;
use crate::slug::{IdAllocator, slugify};

/// List items become items; a deeper item joins the description of the one before it. Text
/// around the list is the section's introduction. A section with no list: purposes become
/// one purpose described by the text; a plain comma list of data categories becomes items.
pub(crate) fn items(draft: &mut Draft, section: Section, blocks: &[Block], escape: bool) {
    let has_items = blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::ListItem { depth: 0 }));
    if !has_items {
        return items_from_text(draft, section, blocks, escape);
    }
    let mut around: Vec<Block> = Vec::new();
    // "Käytämme seuraavia henkilötietojen käsittelijöitä:": what the line leading a list of
    // recipients says they are, it says of each.
    let mut lead_role = None;
    for block in blocks {
        match block.kind {
            BlockKind::ListItem { depth: 0 } => {
                let text = if escape {
                    escape_markdown(&block.text)
                } else {
                    block.text.clone()
                };
                let mut item = item(draft, section, &text, &block.text);
                if let Some(role) = lead_role {
                    // The lead line states the role outright: it replaces a guess, and gives
                    // one to an item whose own text gives none.
                    item.retain(|f| !(f.key == "role" && f.comment.is_some()));
                    if !item.iter().any(|f| f.key == "role") {
                        let at = item
                            .iter()
                            .position(|f| f.key == "name")
                            .map_or(item.len(), |i| i + 1);
                        item.insert(at, Field::text("role", role));
                    }
                }
                let index = draft.items(section).len();
                draft.items(section).push(item);
                draft.map(&block.lines, format!("{}[{index}]", section.key()));
            }
            BlockKind::ListItem { .. }
                if draft.items.get(&section).is_some_and(|i| !i.is_empty()) =>
            {
                let text = if escape {
                    escape_markdown(&block.text)
                } else {
                    block.text.clone()
                };
                let items = draft.items(section);
                let last = items.len() - 1;
                append_description(&mut items[last], section, &text);
                draft.map(
                    &block.lines,
                    format!("{}[{last}].description", section.key()),
                );
            }
            _ => {
                lead_role = Some(block)
                    .filter(|b| section == Section::Recipients && b.text.trim_end().ends_with(':'))
                    .and_then(|b| statements::recipient_role(&b.text))
                    .and_then(|(role, sure)| sure.then_some(role));
                around.push(block.clone());
            }
        }
    }
    intro(draft, section, &around, escape);
}

/// A section of its own for one right ("10. Tarkastusoikeus", then how to ask), as the old
/// template gives each right: one rights item, the heading its title and the text its body.
/// With `only`, just that right ("Oikeus tehdä valitus valvontaviranomaiselle" above the
/// authority's details). False (nothing done) when the heading names no single right, or the
/// right is taken, or the section is a list or empty.
pub(crate) fn right_section(
    draft: &mut Draft,
    heading: &Block,
    blocks: &[Block],
    escape: bool,
    only: Option<&str>,
) -> bool {
    let title = without_number(&heading.text);
    let [right] = super::vocabulary::rights_in(&title)[..] else {
        return false;
    };
    if only.is_some_and(|id| id != right.id) {
        return false;
    }
    let ids = draft.item_ids.entry(Section::Rights).or_default();
    let listed = blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::ListItem { .. }));
    if blocks.is_empty() || listed || ids.is_taken(right.id) {
        return false;
    }
    ids.reserve(right.id);
    let index = draft.items(Section::Rights).len();
    let title = if escape {
        escape_markdown(&title)
    } else {
        title
    };
    draft.items(Section::Rights).push(vec![
        Field::text("id", right.id),
        Field::text("title", title),
        Field::text("body", markdown(blocks, escape)),
        Field::text("article", right.article),
    ]);
    draft.map(&heading.lines, format!("rights[{index}].title"));
    for block in blocks {
        draft.map(&block.lines, format!("rights[{index}].body"));
    }
    true
}

fn items_from_text(draft: &mut Draft, section: Section, blocks: &[Block], escape: bool) {
    match section {
        Section::Purposes if !blocks.is_empty() => {
            let index = draft.items(section).len();
            // A purpose told in running text names its bases among others ("asiakassuhteeseen
            // … tai suostumukseen perustuen"): none is assigned, and no title is invented.
            let id = draft
                .item_ids
                .entry(section)
                .or_default()
                .allocate(&format!("tarkoitus-{}", index + 1), "tarkoitus");
            let purpose = vec![
                Field::text("id", id),
                Field::text("description", markdown(blocks, escape)),
            ];
            draft.items(section).push(purpose);
            for block in blocks {
                draft.map(&block.lines, format!("purposes[{index}].description"));
            }
        }
        Section::DataCategories if blocks.len() == 1 && comma_list(&blocks[0].text).is_some() => {
            let block = &blocks[0];
            for part in comma_list(&block.text).unwrap_or_default() {
                let text = if escape {
                    escape_markdown(&part)
                } else {
                    part.clone()
                };
                let item = item(draft, section, &text, &part);
                draft.items(section).push(item);
            }
            draft.map(&block.lines, "data_categories[..].title");
        }
        _ => intro(draft, section, blocks, escape),
    }
}

/// The parts of a plain list written as a sentence: "Nimi, sähköposti, yritys ja osoite."
fn comma_list(text: &str) -> Option<Vec<String>> {
    let body = text.trim().trim_end_matches('.');
    let parts: Vec<String> = body
        .split(", ")
        .flat_map(|p| p.split(" ja ").chain(std::iter::empty()))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let listy = parts.len() >= 3
        && parts
            .iter()
            .all(|p| p.split_whitespace().count() <= 4 && !p.contains(['.', ':', '(']))
        && !body.contains(". ");
    listy.then_some(parts)
}

/// One item from a list item's text: the text as its title (or name), with what the text
/// itself says of it.
fn item(draft: &mut Draft, section: Section, text: &str, raw: &str) -> Fields {
    let ids = draft.item_ids.entry(section).or_default();
    match section {
        Section::Recipients => {
            let id = new_id(ids, section, raw);
            let mut fields = vec![Field::text("id", id), Field::text("name", text)];
            if let Some((role, sure)) = statements::recipient_role(raw) {
                let field = Field::text("role", role);
                fields.push(if sure { field } else { field.guessed(raw) });
            }
            fields
        }
        Section::Rights => {
            // The first right the item names gives its standard id, unless an earlier item
            // took it; an item naming several keeps one item (its text is not split).
            let found = super::vocabulary::rights_in(raw);
            let standard = found.first().filter(|right| !ids.is_taken(right.id));
            let id = match standard {
                Some(right) => {
                    ids.reserve(right.id);
                    right.id.to_string()
                }
                None => new_id(ids, section, raw),
            };
            // No body: a right listed by its title alone says nothing more, and the model
            // takes it so; text under the item becomes its body (`append_description`).
            let mut fields = vec![Field::text("id", id), Field::text("title", text)];
            if let Some(right) = standard {
                let field = Field::text("article", right.article);
                fields.push(if found.len() > 1 {
                    field.guessed(raw)
                } else {
                    field
                });
            }
            fields
        }
        Section::Purposes => {
            let mut fields = vec![
                Field::text("id", new_id(ids, section, raw)),
                Field::text("title", text),
            ];
            if let Some((basis, quote)) = statements::single_basis(raw) {
                fields.push(Field::text("basis", basis).guessed(&quote));
            }
            fields
        }
        _ => vec![
            Field::text("id", new_id(ids, section, raw)),
            Field::text("title", text),
        ],
    }
}

/// A stable id from the item's first words, unique within its section.
pub(crate) fn new_id(ids: &mut IdAllocator, section: Section, text: &str) -> String {
    let words: String = strip_emphasis(text)
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    let mut base = slugify(&words);
    base.truncate(40);
    let base = base.trim_end_matches('-');
    ids.allocate(base, &section.key().replace('_', "-"))
}

fn append_description(item: &mut Fields, section: Section, text: &str) {
    let key = if section == Section::Rights {
        "body"
    } else {
        "description"
    };
    match item.iter_mut().find(|f| f.key == key) {
        Some(Field {
            value: super::draft::Value::Text(existing),
            ..
        }) if !existing.is_empty() => {
            existing.push_str("\n- ");
            existing.push_str(text);
        }
        Some(Field {
            value: super::draft::Value::Text(existing),
            ..
        }) => *existing = format!("- {text}"),
        // A right's body goes right after its title, before `article`, in the README's order.
        _ => {
            let at = match section {
                Section::Rights => item.iter().position(|f| f.key == "title").map(|i| i + 1),
                _ => None,
            };
            item.insert(
                at.unwrap_or(item.len()),
                Field::text(key, format!("- {text}")),
            );
        }
    }
}
