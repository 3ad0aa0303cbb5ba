//! What `styles.xml` says about paragraph styles, and where the document's links point.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// The paragraph styles by id.
#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
}

#[derive(Debug, Default)]
struct Style {
    /// The style's name, which Word writes in English whatever the interface language
    /// ("heading 1" for a Finnish Word's "Otsikko1").
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    numbered: bool,
}

/// How many `basedOn` steps are followed: enough for any real chain, and an end to a cycle.
const MAX_BASED_ON: usize = 16;

impl Styles {
    /// Reads `styles.xml`.
    pub(super) fn parse(xml: &str) -> Result<Styles, quick_xml::Error> {
        let mut reader = Reader::from_str(xml);
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        loop {
            match reader.read_event()? {
                Event::Eof => break,
                Event::Start(e) | Event::Empty(e) => {
                    let local = e.local_name();
                    match (local.as_ref(), &mut current) {
                        (b"style", _) => {
                            current =
                                Some((attr(&e, b"styleId").unwrap_or_default(), Style::default()));
                        }
                        (b"name", Some((_, style))) => {
                            style.name = attr(&e, b"val").unwrap_or_default().to_lowercase()
                        }
                        (b"basedOn", Some((_, style))) => style.based_on = attr(&e, b"val"),
                        (b"outlineLvl", Some((_, style))) => {
                            style.outline = attr(&e, b"val").and_then(|v| v.parse().ok())
                        }
                        (b"numPr", Some((_, style))) => style.numbered = true,
                        _ => {}
                    }
                }
                Event::End(e) if e.local_name().as_ref() == b"style" => {
                    if let Some((id, style)) = current.take() {
                        styles.by_id.insert(id, style);
                    }
                }
                _ => {}
            }
        }
        Ok(styles)
    }

    /// The heading level of a paragraph in style `id`: the title 1, Word's "heading N" N + 1
    /// (Word documents title themselves with Title and number sections with Heading 1, as a
    /// page has one `h1` and `h2` sections), or what the style's outline level says.
    pub(super) fn heading_level(&self, id: &str) -> Option<u8> {
        self.chain(id).find_map(|(id, style)| {
            let name = style.map_or("", |style| style.name.as_str());
            level_by_name(name)
                .or_else(|| level_by_name(&id.to_lowercase()))
                .or_else(|| {
                    style
                        .and_then(|style| style.outline)
                        .filter(|&l| l < 9)
                        .map(|l| (l + 2).min(6))
                })
        })
    }

    /// Whether a paragraph in style `id` is a list item: the style is numbered or a list style.
    pub(super) fn is_list(&self, id: &str) -> bool {
        self.chain(id).any(|(id, style)| {
            let name = style.map_or(String::new(), |style| style.name.clone());
            style.is_some_and(|style| style.numbered)
                || name.starts_with("list")
                || id.to_lowercase().starts_with("list")
        })
    }

    /// The style and those it is based on, nearest first.
    fn chain<'a>(&'a self, id: &'a str) -> impl Iterator<Item = (&'a str, Option<&'a Style>)> {
        let mut next = Some(id);
        std::iter::from_fn(move || {
            let id = next?;
            let style = self.by_id.get(id);
            next = style.and_then(|style| style.based_on.as_deref());
            Some((id, style))
        })
        .take(MAX_BASED_ON)
    }
}

/// "title" → 1, "heading N" (or the id "HeadingN") → N + 1, at most 6.
fn level_by_name(name: &str) -> Option<u8> {
    if name == "title" {
        return Some(1);
    }
    let number = name.strip_prefix("heading")?.trim();
    number
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=9).contains(n))
        .map(|n| (n + 1).min(6))
}

/// The targets of the document's relationships by id (`r:id` of `w:hyperlink`).
pub(super) fn links(xml: &str) -> Result<HashMap<String, String>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut links = HashMap::new();
    loop {
        match reader.read_event()? {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, b"Id"), attr(&e, b"Target")) {
                    links.insert(id, target);
                }
            }
            _ => {}
        }
    }
    Ok(links)
}

/// An attribute's value by local name (whatever its namespace prefix), entities decoded.
pub(super) fn attr(element: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|attribute| attribute.key.local_name().as_ref() == local)
        .and_then(|attribute| {
            attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|value| value.into_owned())
        })
}
