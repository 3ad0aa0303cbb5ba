//! Every writer under arbitrary values: a site's pages, change log, Atom feed, JSON-LD and the
//! export payload are rendered with arbitrary names and titles, then parsed back. Pages must
//! tokenize without an error, and notice pages keep exactly the tags they have with plain
//! values (a value is text, never markup); the feed must be well-formed XML; the JSON-LD must
//! parse as JSON. (A change log's `<del>`/`<ins>` markup rightly depends on which words the old
//! and new texts share, so its tags are not compared.)
//!
//! Values have no control characters: the loader refuses those in sources, so no writer sees
//! them.

use notice_core::history::History;
use notice_core::load::LoadedSite;
use notice_core::model::Text;
use notice_core::render::Theme;
use notice_core::render::site::{SiteInput, render_site};
use notice_core::workspace::Workspace;
use proptest::prelude::*;

use crate::support::{assert_safe_html, config, examples, tokenize};

/// Every file of the café's site, rendered as drafts with `name` as its title, controller,
/// first recipient and first purpose, and `intro` as its intro.
fn render_with(name: &str, intro: &str) -> Vec<(String, Vec<u8>)> {
    let workspace = Workspace::open(&examples().join("..")).expect("the examples open");
    let entry = workspace
        .select(&["kahvila-aurinko".to_string()])
        .expect("the café");
    let mut site: LoadedSite = workspace.load(&entry[0]).expect("the café loads");
    let history: History = workspace.history(&site.name).expect("its history");
    let notice = &mut site.notice;
    notice.title = Some(Text::Plain(name.to_string()));
    notice.controller.name = Some(name.to_string());
    notice.intro = Some(Text::Plain(intro.to_string()));
    if let Some(recipient) = notice.recipients.first_mut() {
        recipient.name = Text::Plain(name.to_string());
    }
    if let Some(purpose) = notice.purposes.first_mut() {
        purpose.title = Some(Text::Plain(name.to_string()));
    }
    let theme = Theme::load(workspace.project()).expect("the built-in theme");
    let input = SiteInput {
        sources: &site,
        history: &history,
        drafts: true,
    };
    match render_site(workspace.project(), &theme, &input) {
        Ok(output) => output.files,
        // An intro is Markdown and may be refused (a javascript: link); a name never is.
        Err(diagnostic) => {
            assert!(!intro.is_empty(), "{diagnostic:?}");
            Vec::new()
        }
    }
}

/// The JSON-LD block a page carries, as JSON text.
fn jsonld_block(html: &str) -> Option<&str> {
    let start = html.find("<script type=\"application/ld+json\">")?;
    let rest = &html[start..];
    let body = &rest[rest.find('>')? + 1..];
    Some(&body[..body.find("</script>")?])
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_writer_is_well_formed_for_any_value(name in "\\PC{1,40}", intro in "\\PC{0,40}") {
        let files = render_with(&name, &intro);
        // Blank texts render nothing, so the plain values are blank where these are.
        let blank_or = |text: &str, plain: &'static str| if text.trim().is_empty() { text.to_string() } else { plain.to_string() };
        let plain = render_with(&blank_or(&name, "Nimi"), &blank_or(&intro, "Esittely."));
        prop_assume!(!files.is_empty());
        prop_assert_eq!(files.len(), plain.len());
        for ((path, bytes), (plain_path, plain_bytes)) in files.iter().zip(&plain) {
            prop_assert_eq!(path, plain_path);
            let text = std::str::from_utf8(bytes).expect("UTF-8 output");
            let plain_text = std::str::from_utf8(plain_bytes).expect("UTF-8 output");
            if path.ends_with(".html") {
                let tokens = assert_safe_html(text);
                // The intro is Markdown: its tags are compared only when it is plain words.
                let plain_words = !intro.starts_with(' ')
                    && intro.split(' ').all(|word| word.chars().all(char::is_alphanumeric));
                if plain_words && !path.contains("/changes/") {
                    prop_assert_eq!(&tokens.tags, &tokenize(plain_text).tags, "{}", path);
                }
                if let Some(json) = jsonld_block(text) {
                    serde_json::from_str::<serde_json::Value>(json).expect("the page's JSON-LD parses");
                }
            } else if path.ends_with(".xml") {
                roxmltree::Document::parse(text).unwrap_or_else(|err| panic!("{path}: {err}\n{text}"));
            } else if path.ends_with(".jsonld") {
                serde_json::from_str::<serde_json::Value>(text).expect("notice.jsonld parses");
            }
        }
    }
}
