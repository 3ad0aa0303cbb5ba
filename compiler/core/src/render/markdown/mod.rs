//! Markdown to safe HTML: raw HTML off, images refused, links limited to http(s), mailto, tel and in-page anchors, ASCII heading ids.

use std::collections::HashMap;
use std::fmt::{self, Write};
use std::sync::Mutex;

use comrak::adapters::{HeadingAdapter, HeadingMeta};
use comrak::nodes::{NodeValue, Sourcepos};
use comrak::options::Plugins;
use comrak::{Arena, Options};

use super::highlight::{ClassHighlighter, escape};
use crate::slug::IdAllocator;

/// Why a Markdown text was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownError {
    /// What is wrong with the text.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.strikethrough = true;
    // Raw HTML is dropped (comrak's default); say so explicitly so nobody flips it.
    options.render.r#unsafe = false;
    options
}

/// The longest Markdown text that is rendered, in bytes. comrak's parse tree takes up to some
/// 170 bytes of memory per byte of text (a 10 MB text of `*a* **b** `c`` took 1.7 GB, a list
/// of one-letter items 1.5 GB), so one text's size is bounded. A notice's longest texts are a
/// few kilobytes; 256 KiB is far above any, and keeps a text under about 50 MB while rendered.
pub const MAX_TEXT_BYTES: usize = 256 * 1024;

/// Rendered Markdown, shared by every page rendered with one theme. The shared layers put the
/// same texts (the rights, the authority, the security measures) on every site, in every
/// version and language: a full build of 1,000 sites rendered each of them 6,000 times.
///
/// Only texts without headings are kept: a heading's id depends on the page's other ids. The
/// memo holds at most [`Memo::CAPACITY`] texts and [`Memo::BUDGET`] bytes and then stops
/// growing; the layers' texts, which every site repeats, are in it long before then. What it
/// returns is exactly what rendering would, so the output never depends on it.
#[derive(Default)]
pub struct Memo {
    kept: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    html: HashMap<String, String>,
    /// The bytes of Markdown and HTML held.
    bytes: usize,
}

impl Memo {
    /// The most texts the memo keeps.
    pub const CAPACITY: usize = 4096;
    /// The most bytes of Markdown and HTML the memo keeps: a few long texts must not make it
    /// hold a copy of every page.
    pub const BUDGET: usize = 16 * 1024 * 1024;

    fn get(&self, markdown: &str) -> Option<String> {
        let kept = self
            .kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        kept.html.get(markdown).cloned()
    }

    fn keep(&self, markdown: &str, rendered: &str) {
        let mut kept = self
            .kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let bytes = markdown.len() + rendered.len();
        if kept.html.len() < Self::CAPACITY && kept.bytes + bytes <= Self::BUDGET {
            kept.bytes += bytes;
            kept.html.insert(markdown.to_string(), rendered.to_string());
        }
    }
}

/// Renders Markdown for one page. `ids` is the page's id allocator, so generated heading ids
/// never collide with section anchors or each other. Headings are shifted down by
/// `heading_offset` levels so a `#` inside a section sits below the section's own heading.
pub fn render(
    markdown: &str,
    ids: &Mutex<IdAllocator>,
    heading_offset: u8,
    memo: &Memo,
) -> Result<String, MarkdownError> {
    if markdown.len() > MAX_TEXT_BYTES {
        return Err(too_long(markdown));
    }
    if let Some(html) = plain_paragraph(markdown) {
        return Ok(html);
    }
    if let Some(html) = memo.get(markdown) {
        return Ok(html);
    }
    let rendered = render_with_comrak(markdown, ids, heading_offset)?;
    if !rendered.has_headings {
        memo.keep(markdown, &rendered.html);
    }
    Ok(rendered.html)
}

fn too_long(markdown: &str) -> MarkdownError {
    MarkdownError {
        message: format!(
            "this text is {} KiB of Markdown, more than the {} KiB a text may have",
            markdown.len().div_ceil(1024),
            MAX_TEXT_BYTES / 1024
        ),
        help: "split it into custom sections (`[[sections]]`), or publish the long document elsewhere and link to it".into(),
    }
}

struct Rendered {
    html: String,
    /// Whether it took ids from the page's allocator.
    has_headings: bool,
}

/// Most texts of a notice are one plain sentence or two: no Markdown syntax, nothing to
/// escape. Such a text is one paragraph of itself, exactly as comrak renders it, without
/// building a parse tree for it (a tenth of a build's time went there). Anything that might
/// be syntax (a leading digit or symbol, `*_[]<>&"#|~!@\`, a URL, a line break, a double or
/// trailing space) goes through comrak.
fn plain_paragraph(markdown: &str) -> Option<String> {
    let first = markdown.chars().next()?;
    let url = markdown.contains("://")
        || markdown
            .as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"www."));
    if !first.is_alphabetic() || url || markdown.contains("  ") || markdown.ends_with(' ') {
        return None;
    }
    let plain = markdown.chars().all(|c| match c {
        ' ' | '.' | ',' | ';' | ':' | '?' | '(' | ')' | '%' | '\'' | '/' | '-' => true,
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        c => !c.is_whitespace() && !c.is_control(),
    });
    plain.then(|| format!("<p>{markdown}</p>\n"))
}

fn render_with_comrak(
    markdown: &str,
    ids: &Mutex<IdAllocator>,
    heading_offset: u8,
) -> Result<Rendered, MarkdownError> {
    let options = options();
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, markdown, &options);
    for node in root.descendants() {
        match &node.data().value {
            NodeValue::Link(link) if !link_allowed(&link.url) => {
                return Err(MarkdownError {
                    message: format!("link to `{}` is not allowed", link.url),
                    help: "links may use https:, http:, mailto:, tel: or point to an anchor on the page (#id)"
                        .into(),
                });
            }
            NodeValue::Image(image) => {
                return Err(MarkdownError {
                    message: format!("image `{}` is not allowed", image.url),
                    help: "a privacy notice loads nothing from elsewhere; describe the image in text or link to it"
                        .into(),
                });
            }
            _ => {}
        }
    }
    let headings = HeadingIds {
        ids,
        offset: heading_offset,
    };
    let mut plugins = Plugins::default();
    plugins.render.heading_adapter = Some(&headings);
    let has_code = root
        .descendants()
        .any(|node| matches!(node.data().value, NodeValue::CodeBlock(_)));
    let has_headings = root
        .descendants()
        .any(|node| matches!(node.data().value, NodeValue::Heading(_)));
    if has_code {
        plugins.render.codefence_syntax_highlighter = Some(&ClassHighlighter);
    }
    let mut html = String::new();
    comrak::format_html_with_plugins(root, &options, &mut html, &plugins).map_err(|_| {
        MarkdownError {
            message: "Markdown could not be rendered".into(),
            help: "simplify the text".into(),
        }
    })?;
    Ok(Rendered { html, has_headings })
}

/// The destination of every link in a Markdown text, parsed exactly as for rendering
/// (autolinks such as `www.example.fi` included). `notice check` validates them. A text over
/// [`MAX_TEXT_BYTES`] is not parsed: rendering refuses it.
pub fn link_urls(markdown: &str) -> Vec<String> {
    if markdown.len() > MAX_TEXT_BYTES {
        return Vec::new();
    }
    let options = options();
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, markdown, &options);
    root.descendants()
        .filter_map(|node| match &node.data().value {
            NodeValue::Link(link) => Some(link.url.to_string()),
            _ => None,
        })
        .collect()
}

/// Renders a short text for a table cell or list item: a single paragraph loses its `<p>`.
pub fn render_inline(
    markdown: &str,
    ids: &Mutex<IdAllocator>,
    memo: &Memo,
) -> Result<String, MarkdownError> {
    let html = render(markdown, ids, 2, memo)?;
    let trimmed = html.trim_end();
    if let Some(inner) = trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        if !inner.contains("<p>") {
            return Ok(inner.to_string());
        }
    }
    Ok(html)
}

fn link_allowed(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["https://", "http://", "mailto:", "tel:", "#"]
        .iter()
        .any(|prefix| lower.starts_with(prefix))
}

struct HeadingIds<'a> {
    ids: &'a Mutex<IdAllocator>,
    offset: u8,
}

impl HeadingIds<'_> {
    fn level(&self, heading: &HeadingMeta) -> u8 {
        (heading.level + self.offset).min(6)
    }
}

impl HeadingAdapter for HeadingIds<'_> {
    fn enter(
        &self,
        output: &mut dyn Write,
        heading: &HeadingMeta,
        _sourcepos: Option<Sourcepos>,
    ) -> fmt::Result {
        let id = self
            .ids
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .allocate(&heading.content, "otsikko");
        write!(output, "<h{} id=\"{}\">", self.level(heading), escape(&id))
    }

    fn exit(&self, output: &mut dyn Write, heading: &HeadingMeta) -> fmt::Result {
        write!(output, "</h{}>", self.level(heading))
    }
}

#[cfg(test)]
mod tests;
