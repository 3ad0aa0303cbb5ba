//! What the fuzz targets share: the case budget, a throwaway copy of the example project, and
//! the parsers that check output is well-formed.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use proptest::test_runner::Config;

/// Cases per target: `NOTICE_FUZZ_CASES`, else a few dozen. No failure files are written into
/// the source tree; a failure prints its minimal input instead.
pub(crate) fn config() -> Config {
    let cases = std::env::var("NOTICE_FUZZ_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(24);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// The repository's example project.
pub(crate) fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

/// A temporary project holding a copy of the examples' `content/`.
pub(crate) fn project_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    copy_tree(&examples(), &dir.path().join("content"));
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create a folder");
    for entry in std::fs::read_dir(from).expect("read the examples") {
        let entry = entry.expect("a directory entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

/// What an HTML tokenizer saw: parse errors, and the tags in order (name, start or end).
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Tokens {
    pub(crate) errors: Vec<String>,
    pub(crate) tags: Vec<(String, bool)>,
    /// Every attribute value, for the link checks.
    pub(crate) attributes: Vec<(String, String)>,
}

struct Sink(RefCell<Tokens>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut tokens = self.0.borrow_mut();
        match token {
            Token::ParseError(error) => tokens.errors.push(error.into_owned()),
            Token::TagToken(Tag {
                kind, name, attrs, ..
            }) => {
                for attr in attrs {
                    let name = attr.name.local.to_string();
                    tokens.attributes.push((name, attr.value.to_string()));
                }
                tokens
                    .tags
                    .push((name.to_string(), kind == TagKind::StartTag));
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Tokenizes `html` as a browser would, reporting every parse error exactly.
pub(crate) fn tokenize(html: &str) -> Tokens {
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from(html));
    let options = TokenizerOpts {
        exact_errors: true,
        ..TokenizerOpts::default()
    };
    let tokenizer = Tokenizer::new(Sink(RefCell::new(Tokens::default())), options);
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.0.take()
}

/// Asserts that `html` has no tokenizer errors, no script or event-handler attributes, and
/// links only to http(s), mailto, tel, or relative places.
pub(crate) fn assert_safe_html(html: &str) -> Tokens {
    let tokens = tokenize(html);
    assert!(tokens.errors.is_empty(), "{:?} in {html}", tokens.errors);
    for (name, _) in &tokens.tags {
        assert!(
            name != "script" || html.contains("application/ld+json"),
            "script in {html}"
        );
        assert!(name != "style" && name != "iframe", "{name} in {html}");
    }
    for (name, value) in &tokens.attributes {
        assert!(!name.starts_with("on"), "event handler {name} in {html}");
        if name == "href" || name == "src" {
            let scheme = value.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
            let allowed = match scheme {
                Some(scheme) if !scheme.contains(['/', '?', '#']) => {
                    ["http", "https", "mailto", "tel"].contains(&scheme.as_str())
                }
                _ => true,
            };
            assert!(allowed, "link {value:?} in {html}");
        }
    }
    tokens
}
