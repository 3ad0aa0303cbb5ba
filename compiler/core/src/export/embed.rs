//! Makes a rendered fragment safe to place in someone else's page: a wrapper carrying the
//! language, headings moved to the host's level, ids that cannot clash with the host's.
//!
//! The fragments come from our own templates, where text is HTML-escaped: `<h2`, ` id="` and
//! ` href="#` only ever occur in tags, so rewriting them as text is exact.

use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::model::Lang;

/// How a fragment is fitted into a host page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// The level of the fragment's top heading (1 to 3): the title, or with `no_title` the
    /// section headings. `None` keeps the levels of the standalone page.
    pub heading_level: Option<u8>,
    /// Leave out the notice's `<h1>` title, for a host page that has its own.
    pub no_title: bool,
    /// Put before every id and in-page link, after `{site}` and `{lang}` are replaced by the
    /// site's name and the fragment's language.
    pub id_prefix: String,
}

impl EmbedOptions {
    /// Refuses a heading level outside 1 to 3 and a prefix that is not an id's characters.
    pub fn validate(&self) -> Result<(), Failure> {
        if let Some(level) = self.heading_level {
            if !(1..=3).contains(&level) {
                return Err(Failure::usage(
                    Diagnostic::error(format!("`--heading-level {level}` is out of range"))
                        .help("the notice's top heading can be h1, h2 or h3: pass 1, 2 or 3"),
                ));
            }
        }
        let literal = self.id_prefix.replace("{site}", "").replace("{lang}", "");
        if let Some(bad) = literal
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        {
            return Err(Failure::usage(
                Diagnostic::error(format!(
                    "`--id-prefix {}` contains {bad:?}, which has no place in an id",
                    self.id_prefix
                ))
                .help("use letters, digits, `-`, `_`, and `{site}` or `{lang}`, e.g. `notice-{site}-`"),
            ));
        }
        Ok(())
    }

    /// The prefix for one site and language.
    pub fn prefix(&self, site: &str, lang: Lang) -> String {
        self.id_prefix
            .replace("{site}", site)
            .replace("{lang}", lang.code())
    }

    /// How many levels every heading moves down (the title's level is 1, a section's 2).
    fn shift(&self) -> u8 {
        let top = if self.no_title { 2 } else { 1 };
        self.heading_level
            .map_or(0, |level| level.saturating_sub(top))
    }

    /// `html` fitted into a host page: title dropped if asked, headings shifted, ids
    /// prefixed, all inside `<div class="notice" lang="…">`.
    pub fn apply(&self, html: &str, site: &str, lang: Lang) -> String {
        let mut html = html.trim().to_string();
        if self.no_title {
            html = drop_title(&html);
        }
        let html = shift_headings(&html, self.shift());
        let html = prefix_ids(&html, &self.prefix(site, lang));
        format!(
            "<div class=\"notice\" lang=\"{}\">\n{}\n</div>\n",
            lang.code(),
            html.trim()
        )
    }
}

/// Removes the title `<h1>…</h1>` (the templates give it no attributes).
fn drop_title(html: &str) -> String {
    match (html.find("<h1>"), html.find("</h1>")) {
        (Some(start), Some(end)) if start < end => {
            let after = html[end + "</h1>".len()..].trim_start_matches('\n');
            format!("{}{after}", &html[..start])
        }
        _ => html.to_string(),
    }
}

/// Moves `<hN` and `</hN>` down by `shift` levels, at most to h6.
fn shift_headings(html: &str, shift: u8) -> String {
    if shift == 0 {
        return html.to_string();
    }
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for (at, _) in html.match_indices('<') {
        let name = if bytes.get(at + 1) == Some(&b'/') {
            at + 2
        } else {
            at + 1
        };
        let is_heading = bytes.get(name) == Some(&b'h')
            && matches!(bytes.get(name + 1), Some(b'1'..=b'6'))
            && matches!(bytes.get(name + 2), Some(b' ' | b'>'));
        if is_heading {
            let level = (bytes[name + 1] - b'0' + shift).min(6);
            out.push_str(&html[copied..name + 1]);
            out.push(char::from(b'0' + level));
            copied = name + 2;
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// Attributes whose value is an id, or a space-separated list of ids.
const ID_ATTRIBUTES: [&str; 4] = [
    " id=\"",
    " aria-labelledby=\"",
    " aria-describedby=\"",
    " for=\"",
];

/// Puts `prefix` before every id, every reference to one, and every in-page link.
fn prefix_ids(html: &str, prefix: &str) -> String {
    if prefix.is_empty() {
        return html.to_string();
    }
    let mut html = html.replace(" href=\"#", &format!(" href=\"#{prefix}"));
    for attribute in ID_ATTRIBUTES {
        html = prefix_lists(&html, attribute, prefix);
    }
    html
}

fn prefix_lists(html: &str, attribute: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(attribute) {
        let value_start = at + attribute.len();
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        out.push_str(&rest[..value_start]);
        let ids: Vec<String> = rest[value_start..value_start + len]
            .split_whitespace()
            .map(|id| format!("{prefix}{id}"))
            .collect();
        out.push_str(&ids.join(" "));
        rest = &rest[value_start + len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "<h1>Seloste</h1>\n<nav class=\"toc\" aria-labelledby=\"toc\">\n<h2 id=\"toc\">Sisältö</h2>\n<a href=\"#oikeudet\">Oikeudet</a></nav>\n<section id=\"oikeudet\">\n<h2>Oikeudet</h2>\n<h3 id=\"x\">x</h3><h6>y</h6><hr><header>z</header>\n</section>";

    #[test]
    fn every_fragment_is_wrapped_with_its_language() {
        let html = EmbedOptions::default().apply(BODY, "s", Lang::En);
        assert!(html.starts_with("<div class=\"notice\" lang=\"en\">\n<h1>Seloste</h1>"));
        assert!(html.ends_with("</section>\n</div>\n"));
    }

    #[test]
    fn heading_level_two_shifts_every_heading_down_one_at_most_to_h6() {
        let options = EmbedOptions {
            heading_level: Some(2),
            ..EmbedOptions::default()
        };
        let html = options.apply(BODY, "s", Lang::Fi);
        assert!(html.contains("<h2>Seloste</h2>"), "{html}");
        assert!(html.contains("<h3 id=\"toc\">Sisältö</h3>"), "{html}");
        assert!(
            html.contains("<h4 id=\"x\">x</h4><h6>y</h6><hr><header>z</header>"),
            "{html}"
        );
    }

    #[test]
    fn no_title_drops_the_h1_and_the_level_applies_to_the_sections() {
        let options = EmbedOptions {
            heading_level: Some(3),
            no_title: true,
            ..EmbedOptions::default()
        };
        let html = options.apply(BODY, "s", Lang::Fi);
        assert!(!html.contains("Seloste"), "{html}");
        assert!(html.contains("<h3>Oikeudet</h3>"), "{html}");
    }

    #[test]
    fn the_id_prefix_reaches_ids_references_and_in_page_links() {
        let options = EmbedOptions {
            id_prefix: "n-{site}-{lang}-".into(),
            ..EmbedOptions::default()
        };
        let html = options.apply(BODY, "kahvila", Lang::Sv);
        assert!(
            html.contains("aria-labelledby=\"n-kahvila-sv-toc\""),
            "{html}"
        );
        assert!(html.contains("<h2 id=\"n-kahvila-sv-toc\">"), "{html}");
        assert!(html.contains("href=\"#n-kahvila-sv-oikeudet\""), "{html}");
        assert!(
            html.contains("<section id=\"n-kahvila-sv-oikeudet\">"),
            "{html}"
        );
        assert!(!html.contains("id=\"oikeudet\""), "{html}");
    }

    #[test]
    fn bad_levels_and_prefixes_are_refused() {
        for options in [
            EmbedOptions {
                heading_level: Some(4),
                ..EmbedOptions::default()
            },
            EmbedOptions {
                heading_level: Some(0),
                ..EmbedOptions::default()
            },
            EmbedOptions {
                id_prefix: "a b".into(),
                ..EmbedOptions::default()
            },
            EmbedOptions {
                id_prefix: "x\"".into(),
                ..EmbedOptions::default()
            },
        ] {
            assert_eq!(options.validate().unwrap_err().kind.exit_code(), 2);
        }
        let fine = EmbedOptions {
            id_prefix: "notice-{site}-".into(),
            heading_level: Some(2),
            no_title: false,
        };
        assert!(fine.validate().is_ok());
    }
}
