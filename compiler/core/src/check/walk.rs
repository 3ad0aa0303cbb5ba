//! Every string of a merged notice with its dotted path, language and origin, for the rules that read text.

use crate::merge::{is_keyed, is_language_table};
use crate::model::Lang;
use crate::source::{Node, Origin, Table, Value};

/// A string value, or a text given per language, somewhere in the merged tree.
#[derive(Debug)]
pub(super) struct TextValue<'a> {
    /// Keys from the root, list items by their id: `["purposes", "uutiskirje", "retention"]`.
    pub(super) path: Vec<&'a str>,
    /// The string itself, or the language table.
    pub(super) node: &'a Node,
    /// One part for a plain string (no language); one per language for a language table.
    pub(super) parts: Vec<Part<'a>>,
    /// The languages the table gives; empty for a plain string.
    pub(super) given: Vec<Lang>,
}

/// One string: a plain value, or the text of one language.
#[derive(Debug)]
pub(super) struct Part<'a> {
    pub(super) lang: Option<Lang>,
    pub(super) text: &'a str,
    pub(super) node: &'a Node,
}

/// Keys whose values are Markdown (the rest are plain text): see the README's source format.
/// Everything under `[intros]` is Markdown too.
const MARKDOWN_KEYS: &[&str] = &[
    "intro",
    "retention",
    "description",
    "legitimate_interest",
    "purpose",
    "duration",
    "body",
    "consequences",
    "manual",
    "electronic",
];

impl<'a> TextValue<'a> {
    /// The field's own key, e.g. `retention`.
    pub(super) fn key(&self) -> &'a str {
        self.path.last().copied().unwrap_or_default()
    }

    /// The path as `notice explain` writes it: `purposes.uutiskirje.retention`.
    pub(super) fn dotted(&self) -> String {
        self.path.join(".")
    }

    pub(super) fn is_markdown(&self) -> bool {
        self.path.first() == Some(&"intros") || MARKDOWN_KEYS.contains(&self.key())
    }

    /// The pages (languages of `published`, `primary` first) on which `part` is shown: its own
    /// language, and every language the text lacks that falls back to it. Mirrors `Text::get`.
    pub(super) fn pages(&self, part: &Part<'_>, published: &[Lang], primary: Lang) -> Vec<Lang> {
        let Some(lang) = part.lang else {
            return published.to_vec();
        };
        published
            .iter()
            .copied()
            .filter(|&page| {
                let shown = if self.given.contains(&page) {
                    page
                } else if self.given.contains(&primary) {
                    primary
                } else {
                    self.given.iter().copied().min().unwrap_or(page)
                };
                shown == lang
            })
            .collect()
    }
}

impl TextValue<'_> {
    /// The path of one part, with its language: `rights.access.body.fi`.
    pub(super) fn part_path(&self, part: &Part<'_>) -> String {
        match part.lang {
            Some(lang) => format!("{}.{lang}", self.dotted()),
            None => self.dotted(),
        }
    }
}

/// A link in a Markdown text.
#[derive(Debug)]
pub(super) struct Link<'v, 'a> {
    pub(super) url: String,
    pub(super) value: &'v TextValue<'a>,
    pub(super) part: &'v Part<'a>,
}

/// Every link in the Markdown values, in source order.
pub(super) fn links<'v, 'a>(values: &'v [TextValue<'a>]) -> Vec<Link<'v, 'a>> {
    let mut out = Vec::new();
    for value in values.iter().filter(|value| value.is_markdown()) {
        for part in &value.parts {
            for url in crate::render::markdown::link_urls(part.text) {
                out.push(Link { url, value, part });
            }
        }
    }
    out
}

/// Every string in the tree except ids and plain arrays (such as `languages`), in source order.
pub(super) fn text_values(root: &Node) -> Vec<TextValue<'_>> {
    let mut out = Vec::new();
    if let Value::Table(table) = &root.value {
        walk_table(table, &mut Vec::new(), &mut out);
    }
    out
}

fn walk_table<'a>(table: &'a Table, path: &mut Vec<&'a str>, out: &mut Vec<TextValue<'a>>) {
    for (key, entry) in table {
        if key == "id" {
            continue;
        }
        path.push(key);
        walk_node(&entry.node, path, out);
        path.pop();
    }
}

fn walk_node<'a>(node: &'a Node, path: &mut Vec<&'a str>, out: &mut Vec<TextValue<'a>>) {
    match &node.value {
        Value::String(text) => out.push(TextValue {
            path: path.clone(),
            node,
            parts: vec![Part {
                lang: None,
                text,
                node,
            }],
            given: Vec::new(),
        }),
        Value::Table(table) if is_language_table(table) => {
            let parts: Vec<Part<'a>> = table
                .iter()
                .filter_map(|(code, entry)| {
                    Some(Part {
                        lang: Some(Lang::from_code(code)?),
                        text: entry.node.as_str()?,
                        node: &entry.node,
                    })
                })
                .collect();
            out.push(TextValue {
                path: path.clone(),
                node,
                given: parts.iter().filter_map(|p| p.lang).collect(),
                parts,
            });
        }
        Value::Table(table) => walk_table(table, path, out),
        Value::Array(items) if is_keyed(items) => {
            for item in items {
                let id = item
                    .as_table()
                    .and_then(|t| t.get("id"))
                    .and_then(|e| e.node.as_str());
                if let (Some(id), Some(table)) = (id, item.as_table()) {
                    path.push(id);
                    walk_table(table, path, out);
                    path.pop();
                }
            }
        }
        _ => {}
    }
}

/// The origin of `needle` inside a string's source text, when it is written there as is;
/// otherwise the string's own origin. Points a finding at the exact words that cause it.
pub(super) fn origin_of(node: &Node, needle: &str) -> Origin {
    let origin = &node.origin;
    let found = origin
        .file
        .text
        .get(origin.span.clone())
        .filter(|_| !needle.is_empty())
        .and_then(|source| source.find(needle));
    match found {
        Some(offset) => {
            let start = origin.span.start + offset;
            Origin::new(&origin.file, start..start + needle.len())
        }
        None => origin.clone(),
    }
}

/// The origin of the words at `start..end` of `text` (the string of `node`): like [`origin_of`],
/// but the same words written twice are told apart by how many times they came before.
pub(super) fn origin_of_span(node: &Node, text: &str, start: usize, end: usize) -> Origin {
    let needle = &text[start..end];
    let before = text[..start].matches(needle).count();
    let origin = &node.origin;
    let source = origin
        .file
        .text
        .get(origin.span.clone())
        .unwrap_or_default();
    match source.match_indices(needle).nth(before) {
        Some((offset, _)) if !needle.is_empty() => {
            let at = origin.span.start + offset;
            Origin::new(&origin.file, at..at + needle.len())
        }
        _ => origin_of(node, needle),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{SourceFile, parse};

    fn values(text: &str) -> Vec<(String, Option<Lang>, String)> {
        let file = SourceFile::new("t.toml", text.to_string());
        let root = parse(&file).unwrap();
        text_values(&root)
            .iter()
            .flat_map(|value| {
                value
                    .parts
                    .iter()
                    .map(|part| (value.dotted(), part.lang, part.text.to_string()))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn walks_tables_lists_and_languages_but_not_ids() {
        let found = values(
            "languages = [\"fi\"]\n[controller]\nname = \"Oy\"\n[[purposes]]\nid = \"a\"\ntitle = { fi = \"T\", en = \"E\" }\n",
        );
        assert_eq!(
            found,
            [
                ("controller.name".to_string(), None, "Oy".to_string()),
                (
                    "purposes.a.title".to_string(),
                    Some(Lang::Fi),
                    "T".to_string()
                ),
                (
                    "purposes.a.title".to_string(),
                    Some(Lang::En),
                    "E".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_missing_language_falls_back_like_the_page_does() {
        let file = SourceFile::new("t.toml", "t = { sv = \"S\", en = \"E\" }\n".into());
        let root = parse(&file).unwrap();
        let values = text_values(&root);
        let value = &values[0];
        let published = [Lang::Fi, Lang::Sv, Lang::En];
        // fi is primary but missing: the fi page falls back to the first given language, sv.
        assert_eq!(
            value.pages(&value.parts[0], &published, Lang::Fi),
            [Lang::Fi, Lang::Sv]
        );
        assert_eq!(
            value.pages(&value.parts[1], &published, Lang::Fi),
            [Lang::En]
        );
    }

    #[test]
    fn origin_of_finds_the_words_inside_the_string() {
        let file = SourceFile::new("t.toml", "a = \"PL 800, 00521 Helsinki\"\n".into());
        let root = parse(&file).unwrap();
        let values = text_values(&root);
        assert_eq!(
            origin_of(values[0].node, "00521").to_string(),
            "t.toml:1:14"
        );
        assert_eq!(origin_of(values[0].node, "zzz").to_string(), "t.toml:1:5");
    }

    #[test]
    fn the_same_words_twice_are_located_apart() {
        let file = SourceFile::new("t.toml", "a = \"laki ja laki\"\n".into());
        let root = parse(&file).unwrap();
        let values = text_values(&root);
        let text = values[0].parts[0].text;
        assert_eq!(
            origin_of_span(values[0].node, text, 8, 12).to_string(),
            "t.toml:1:14"
        );
    }
}
