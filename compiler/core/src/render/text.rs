//! Turns a site's model values into page-ready HTML for one language, locating any refused value in its source.

use std::sync::Mutex;

use serde::{Serialize, Serializer};

use super::highlight::escape;
use super::markdown;
use crate::diagnostic::Diagnostic;
use crate::load::LoadedSite;
use crate::model::{Lang, Text};
use crate::slug::IdAllocator;
use crate::source::find_origin;

/// HTML that is already safe (escaped or produced by the Markdown renderer). Templates print
/// it as is; everything else they see is autoescaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Html(pub String);

impl From<Html> for minijinja::Value {
    fn from(html: Html) -> Self {
        minijinja::Value::from_safe_string(html.0)
    }
}

impl Serialize for Html {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        minijinja::Value::from_safe_string(self.0.clone()).serialize(serializer)
    }
}

/// Rendering state for one page: the site, the language and the page's id allocator.
pub struct PageText<'a> {
    pub site: &'a LoadedSite,
    pub lang: Lang,
    pub ids: Mutex<IdAllocator>,
    memo: &'a markdown::Memo,
}

impl<'a> PageText<'a> {
    /// Section anchors, the page's own ids and custom section ids are reserved before any
    /// Markdown heading id is made, so a heading can never take one of them.
    pub fn new(site: &'a LoadedSite, lang: Lang, memo: &'a markdown::Memo) -> Self {
        let mut ids = IdAllocator::default();
        for id in crate::model::reserved_ids() {
            ids.reserve(id);
        }
        for section in &site.notice.sections {
            ids.reserve(&section.id);
        }
        PageText {
            site,
            lang,
            ids: Mutex::new(ids),
            memo,
        }
    }

    /// Plain text (names, titles), escaped; marked with its language when it is a fallback.
    pub fn plain(&self, text: &Text) -> Html {
        let localized = text.get(self.lang, self.site.primary());
        let escaped = escape(localized.text);
        Html(match localized.fallback {
            Some(lang) => format!("<span lang=\"{lang}\">{escaped}</span>"),
            None => escaped,
        })
    }

    /// The text as a plain string, for attributes and `<title>`.
    pub fn string(&self, text: &Text) -> String {
        text.get(self.lang, self.site.primary()).text.to_string()
    }

    /// Block Markdown (paragraphs, lists, tables, code).
    pub fn block(&self, text: &Text, path: &[&str]) -> Result<Html, Diagnostic> {
        let localized = text.get(self.lang, self.site.primary());
        let html = markdown::render(localized.text, &self.ids, 2, self.memo)
            .map_err(|err| self.refused(err, path))?;
        Ok(Html(match localized.fallback {
            Some(lang) => format!("<div lang=\"{lang}\">{html}</div>"),
            None => html,
        }))
    }

    /// Inline Markdown, for table cells and short fields.
    pub fn inline(&self, text: &Text, path: &[&str]) -> Result<Html, Diagnostic> {
        let localized = text.get(self.lang, self.site.primary());
        let html = markdown::render_inline(localized.text, &self.ids, self.memo)
            .map_err(|err| self.refused(err, path))?;
        Ok(Html(match localized.fallback {
            Some(lang) => format!("<span lang=\"{lang}\">{html}</span>"),
            None => html,
        }))
    }

    pub fn optional_block(
        &self,
        text: Option<&Text>,
        path: &[&str],
    ) -> Result<Option<Html>, Diagnostic> {
        text.map(|text| self.block(text, path)).transpose()
    }

    pub fn optional_inline(
        &self,
        text: Option<&Text>,
        path: &[&str],
    ) -> Result<Option<Html>, Diagnostic> {
        text.map(|text| self.inline(text, path)).transpose()
    }

    /// A web address for an `href`: only http(s) is allowed.
    pub fn web_url(&self, url: Option<&str>, path: &[&str]) -> Result<Option<String>, Diagnostic> {
        let Some(url) = url else { return Ok(None) };
        let lower = url.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            return Ok(Some(url.to_string()));
        }
        let mut err = Diagnostic::error(format!("`{url}` is not a web address")).help(format!(
            "write it with its scheme, like `https://{}`",
            url.trim_start_matches("//")
        ));
        if let Some(origin) = find_origin(&self.site.merged, path) {
            err = err.at(&origin);
        }
        Err(err)
    }

    fn refused(&self, err: markdown::MarkdownError, path: &[&str]) -> Diagnostic {
        let mut diagnostic = Diagnostic::error(err.message).help(err.help);
        let mut in_language = path.to_vec();
        in_language.push(self.lang.code());
        let origin = find_origin(&self.site.merged, &in_language)
            .or_else(|| find_origin(&self.site.merged, path));
        if let Some(origin) = origin {
            diagnostic = diagnostic.at(&origin);
        }
        diagnostic
    }
}

/// A phone number in international form: a Finnish domestic number ("029 566 6700") loses its
/// leading 0 and gets +358 ("+358 29 566 6700"); "00" is the international call prefix and
/// becomes "+". A number already in `+` form, or one without a trunk prefix (a service number
/// like "116 117"), is kept as written. Spacing is kept, so the number reads as it was given.
pub(super) fn international_phone(phone: &str) -> String {
    let phone = phone.trim();
    if let Some(rest) = phone.strip_prefix("00") {
        return format!("+{}", rest.trim_start());
    }
    match phone.strip_prefix('0') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => format!("+358 {rest}"),
        _ => phone.to_string(),
    }
}

/// The phone number as a page in `lang` shows it: English pages, read from abroad, show the
/// international form; Finnish and Swedish pages keep the number as written.
pub(super) fn display_phone(phone: &str, lang: Lang) -> String {
    match lang {
        Lang::En => international_phone(phone),
        Lang::Fi | Lang::Sv => phone.trim().to_string(),
    }
}

/// `tel:` target for a phone number, always international so it dials from any country:
/// digits and a leading `+` only.
pub(super) fn tel_href(phone: &str) -> String {
    let mut href = String::from("tel:");
    for (i, c) in international_phone(phone).chars().enumerate() {
        if c.is_ascii_digit() || (i == 0 && c == '+') {
            href.push(c);
        }
    }
    href
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tel_href_is_international() {
        assert_eq!(tel_href("029 566 6700"), "tel:+358295666700");
        assert_eq!(tel_href("+358 29 566 6700"), "tel:+358295666700");
        assert_eq!(tel_href("00358 29 566 6700"), "tel:+358295666700");
        assert_eq!(tel_href("116 117"), "tel:116117");
    }

    #[test]
    fn english_pages_show_finnish_numbers_in_international_form() {
        assert_eq!(display_phone("029 566 6700", Lang::En), "+358 29 566 6700");
        assert_eq!(display_phone("029 566 6700", Lang::Fi), "029 566 6700");
        assert_eq!(display_phone("029 566 6700", Lang::Sv), "029 566 6700");
        assert_eq!(display_phone("+46 8 123 456", Lang::En), "+46 8 123 456");
        assert_eq!(international_phone(" 040-123 4567 "), "+358 40-123 4567");
    }
}
