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

/// Rendered Markdown, shared by every page rendered with one theme. The shared layers put the
/// same texts (the rights, the authority, the security measures) on every site, in every
/// version and language: a full build of 1,000 sites rendered each of them 6,000 times.
///
/// Only texts without headings are kept: a heading's id depends on the page's other ids. The
/// memo holds at most [`Memo::CAPACITY`] texts and then stops growing; the layers' texts, which
/// every site repeats, are in it long before then. What it returns is exactly what rendering
/// would, so the output never depends on it.
#[derive(Default)]
pub struct Memo {
    html: Mutex<HashMap<String, String>>,
}

impl Memo {
    /// The most texts the memo keeps.
    pub const CAPACITY: usize = 4096;

    fn get(&self, markdown: &str) -> Option<String> {
        let html = self
            .html
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        html.get(markdown).cloned()
    }

    fn keep(&self, markdown: &str, rendered: &str) {
        let mut html = self
            .html
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if html.len() < Self::CAPACITY {
            html.insert(markdown.to_string(), rendered.to_string());
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
/// (autolinks such as `www.example.fi` included). `notice check` validates them.
pub fn link_urls(markdown: &str) -> Vec<String> {
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
mod tests {
    use super::*;

    fn md(text: &str) -> Result<String, MarkdownError> {
        render(
            text,
            &Mutex::new(IdAllocator::default()),
            2,
            &Memo::default(),
        )
    }

    #[test]
    fn raw_html_is_dropped() {
        let html = md("Hei <script>alert(1)</script> <b>x</b>").unwrap();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
    }

    #[test]
    fn disallowed_links_and_images_are_errors() {
        assert!(md("[x](javascript:alert(1))").is_err());
        assert!(md("[x](ftp://example.com)").is_err());
        assert!(md("[x](/relative)").is_err());
        assert!(md("![logo](https://cdn.example/logo.png)").is_err());
        for ok in [
            "[a](https://a.example)",
            "[b](mailto:a@b.example)",
            "[c](tel:+358295666700)",
            "[d](#oikeudet)",
        ] {
            assert!(md(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn headings_get_unique_ascii_ids_below_the_section_level() {
        let ids = Mutex::new(IdAllocator::default());
        ids.lock().unwrap().reserve("evasteet");
        let html = render(
            "# Evästeet\n\n## Yhteydenotot ja sähköpostit\n\n## Yhteydenotot ja sähköpostit\n",
            &ids,
            2,
            &Memo::default(),
        )
        .unwrap();
        assert!(
            html.contains("<h3 id=\"evasteet-2\">Evästeet</h3>"),
            "{html}"
        );
        assert!(
            html.contains("<h4 id=\"yhteydenotot-ja-sahkopostit\">"),
            "{html}"
        );
        assert!(
            html.contains("<h4 id=\"yhteydenotot-ja-sahkopostit-2\">"),
            "{html}"
        );
    }

    #[test]
    fn gfm_tables_and_autolinks() {
        let html = md("| a | b |\n|---|---|\n| 1 | 2 |\n\nSee www.example.com").unwrap();
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("href=\"http://www.example.com\""), "{html}");
    }

    #[test]
    fn toml_code_is_highlighted_with_classes_only() {
        let html = md("```toml\n[controller]\nname = \"Oy\" # x\n```\n").unwrap();
        assert!(
            html.contains("<pre class=\"code\"><code class=\"language-toml\">"),
            "{html}"
        );
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="), "{html}");
    }

    #[test]
    fn link_urls_include_autolinks() {
        assert_eq!(
            link_urls("[a](#oikeudet), www.example.fi and <mailto:a@b.fi>; ![i](x.png)"),
            ["#oikeudet", "http://www.example.fi", "mailto:a@b.fi"]
        );
    }

    #[test]
    fn plain_sentences_skip_the_parser_with_the_same_html() {
        let comrak = |text: &str| {
            render_with_comrak(text, &Mutex::new(IdAllocator::default()), 2)
                .unwrap()
                .html
        };
        for plain in [
            "Asiakas itse",
            "Kaksi vuotta asiakassuhteen päättymisestä.",
            "Six years from the end of the financial year (Accounting Act).",
            "The controller's legitimate interest: keeping the website secure, 100 % of the time.",
            "Ääni – ja kuva/ääni; 13 kk?",
        ] {
            assert_eq!(plain_paragraph(plain), Some(comrak(plain)), "{plain}");
        }
        for syntax in [
            "12. joulukuuta",
            "- lista",
            "*tärkeä*",
            "a_b_c",
            "Katso www.example.fi",
            "Katso https://example.fi",
            "a@b.fi",
            "A & B",
            "Sano \"hei\"",
            "rivi\ntoinen",
            "kaksi  väliä",
            "loppuväli ",
            "# Otsikko",
            "a | b",
            "~~pois~~",
            "<b>x</b>",
            "x\\y",
            "[linkki](#oikeudet)",
            "",
        ] {
            assert_eq!(plain_paragraph(syntax), None, "{syntax}");
        }
    }

    #[test]
    fn inline_rendering_drops_the_paragraph() {
        let ids = Mutex::new(IdAllocator::default());
        assert_eq!(
            render_inline("13 kk *ensimmäisestä*", &ids, &Memo::default()).unwrap(),
            "13 kk <em>ensimmäisestä</em>"
        );
    }

    #[test]
    fn the_memo_gives_what_rendering_gives_and_never_keeps_headings() {
        let memo = Memo::default();
        let page = || Mutex::new(IdAllocator::default());
        let list = "- **nimi**\n- sähköposti\n";
        let first = render(list, &page(), 2, &memo).unwrap();
        assert_eq!(memo.get(list).as_deref(), Some(first.as_str()));
        assert_eq!(render(list, &page(), 2, &memo).unwrap(), first);

        let heading = "## Evästeet\n\nTeksti *tässä*.";
        let ids = page();
        let once = render(heading, &ids, 2, &memo).unwrap();
        assert_eq!(memo.get(heading), None);
        let twice = render(heading, &ids, 2, &memo).unwrap();
        assert!(once.contains("id=\"evasteet\""), "{once}");
        assert!(
            twice.contains("id=\"evasteet-2\""),
            "the page's ids: {twice}"
        );

        for i in 0..Memo::CAPACITY + 10 {
            render(&format!("*{i}*"), &page(), 2, &memo).unwrap();
        }
        assert_eq!(memo.html.lock().unwrap().len(), Memo::CAPACITY);
    }
}
