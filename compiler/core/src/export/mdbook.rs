//! `notice mdbook`: an mdBook preprocessor that replaces `{{#notice <site> [lang]}}` in chapters
//! with the notice's HTML.
//!
//! mdBook first runs `notice mdbook supports <renderer>`, then pipes `[context, book]` as JSON
//! and reads the book back. Books come in two shapes: `sections` (mdBook 0.4) and `items`
//! (later releases); both are accepted, and the book is returned in the shape it came in.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{ExportOptions, ExportedSite, collect};
use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::workspace::Workspace;

/// mdBook versions whose protocol this preprocessor was written for.
const SUPPORTED: [&str; 2] = ["0.4.", "0.5."];
const MARKER: &str = "{{#notice ";

/// Renderers whose output is HTML, where embedded HTML makes sense.
pub fn supports(renderer: &str) -> bool {
    renderer == "html"
}

/// Reads `[context, book]`, replaces the markers, and returns the book as JSON text, with any
/// warnings (such as an mdBook version it was not written for).
pub fn preprocess(input: &str, root: &Path) -> Result<(String, Vec<Diagnostic>), Failure> {
    let data_error = |message: String| -> Failure {
        Diagnostic::error(message).help("run `notice mdbook` as an mdBook preprocessor: it reads `[context, book]` JSON on stdin").into()
    };
    let value: Value = serde_json::from_str(input)
        .map_err(|err| data_error(format!("the input is not JSON: {err}")))?;
    let Value::Array(mut parts) = value else {
        return Err(data_error("expected a JSON array `[context, book]`".into()));
    };
    if parts.len() != 2 {
        return Err(data_error(format!(
            "expected `[context, book]`, found an array of {}",
            parts.len()
        )));
    }
    let mut book = parts.pop().expect("two parts");
    let context = parts.pop().expect("two parts");
    let mut warnings = Vec::new();
    let version = context
        .get("mdbook_version")
        .and_then(Value::as_str)
        .unwrap_or("");
    if !SUPPORTED.iter().any(|prefix| version.starts_with(prefix)) {
        warnings.push(Diagnostic::warning(format!(
            "mdBook {version:?} is newer or older than the versions notice was written for (0.4, 0.5); check the output"
        )));
    }
    let project_root = project_root(&context, root);
    let workspace = Workspace::open(&project_root)?;
    let options = book_options(&context)?;
    let sites = collect(&workspace, &options)?;
    warnings.extend(sites.iter().filter_map(|site| site.warning.clone()));

    let items = match book.as_object_mut() {
        Some(object) if object.contains_key("items") => object.get_mut("items"),
        Some(object) => object.get_mut("sections"),
        None => None,
    }
    .ok_or_else(|| data_error("the book has neither `items` nor `sections`".into()))?;
    let mut errors = Vec::new();
    replace_in_items(items, &sites, &mut errors);
    if !errors.is_empty() {
        return Err(Failure::combine(errors.into_iter().map(Failure::from)).expect("not empty"));
    }
    Ok((
        serde_json::to_string(&book).expect("JSON serializes"),
        warnings,
    ))
}

/// The project root: `[preprocessor.notice] root` in book.toml (relative to the book), else
/// `--root`.
fn project_root(context: &Value, cli_root: &Path) -> PathBuf {
    let book_root = context
        .get("root")
        .and_then(Value::as_str)
        .map(PathBuf::from)
        .unwrap_or_default();
    match context
        .pointer("/config/preprocessor/notice/root")
        .and_then(Value::as_str)
    {
        Some(root) => book_root.join(root),
        None => cli_root.to_path_buf(),
    }
}

/// `drafts`, `heading-level`, `no-title` and `id-prefix` from `[preprocessor.notice]`, the same
/// as `notice export`'s options.
fn book_options(context: &Value) -> Result<ExportOptions, Failure> {
    let table = context.pointer("/config/preprocessor/notice");
    let get = |key: &str| table.and_then(|t| t.get(key));
    let wrong = |key: &str, expected: &str| -> Failure {
        Diagnostic::error(format!(
            "`[preprocessor.notice] {key}` in book.toml must be {expected}"
        ))
        .help("see `notice mdbook` in notice's README for the options")
        .into()
    };
    let flag = |key: &str| match get(key) {
        None => Ok(false),
        Some(value) => value.as_bool().ok_or_else(|| wrong(key, "true or false")),
    };
    let heading_level = match get("heading-level") {
        None => None,
        Some(value) => Some(
            value
                .as_u64()
                .and_then(|n| u8::try_from(n).ok())
                .ok_or_else(|| wrong("heading-level", "1, 2 or 3"))?,
        ),
    };
    let id_prefix = match get("id-prefix") {
        None => String::new(),
        Some(value) => value
            .as_str()
            .ok_or_else(|| wrong("id-prefix", "a string such as \"notice-{site}-\""))?
            .to_string(),
    };
    Ok(ExportOptions {
        sites: Vec::new(),
        langs: Vec::new(),
        drafts: flag("drafts")?,
        embed: super::EmbedOptions {
            heading_level,
            no_title: flag("no-title")?,
            id_prefix,
        },
    })
}

fn replace_in_items(items: &mut Value, sites: &[ExportedSite], errors: &mut Vec<Diagnostic>) {
    let Some(items) = items.as_array_mut() else {
        return;
    };
    for item in items {
        let Some(chapter) = item.get_mut("Chapter") else {
            continue;
        };
        if let Some(content) = chapter.get("content").and_then(Value::as_str) {
            let name = chapter
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let replaced = replace_markers(content, sites, &name, errors);
            chapter["content"] = Value::String(replaced);
        }
        if let Some(sub_items) = chapter.get_mut("sub_items") {
            replace_in_items(sub_items, sites, errors);
        }
    }
}

/// Replaces each `{{#notice site [lang]}}` with the notice's HTML, as one HTML block, outside
/// code fences and inline code (a book documenting the directive shows it there), and turns
/// the escape `\{{#notice …}}` into the literal directive, as mdBook does for `{{#include}}`.
fn replace_markers(
    content: &str,
    sites: &[ExportedSite],
    chapter: &str,
    errors: &mut Vec<Diagnostic>,
) -> String {
    let mut out = String::with_capacity(content.len());
    let mut text = String::new();
    let mut fence: Option<(u8, usize)> = None;
    for line in content.split_inclusive('\n') {
        match fence {
            Some((ch, len)) => {
                out.push_str(line);
                if closes_fence(line, ch, len) {
                    fence = None;
                }
            }
            None => match opens_fence(line) {
                Some(opened) => {
                    out.push_str(&expand_text(&text, sites, chapter, errors));
                    text.clear();
                    out.push_str(line);
                    fence = Some(opened);
                }
                None => text.push_str(line),
            },
        }
    }
    out.push_str(&expand_text(&text, sites, chapter, errors));
    out
}

/// The fence character and length when `line` opens a fenced code block (CommonMark: up to
/// three spaces, then at least three backticks or tildes; a backtick fence's info string has
/// no backtick).
fn opens_fence(line: &str) -> Option<(u8, usize)> {
    let trimmed = strip_indent(line)?;
    let ch = *trimmed.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = trimmed.bytes().take_while(|&b| b == ch).count();
    let info = &trimmed[len..];
    (len >= 3 && !(ch == b'`' && info.contains('`'))).then_some((ch, len))
}

fn closes_fence(line: &str, ch: u8, len: usize) -> bool {
    strip_indent(line).is_some_and(|trimmed| {
        let run = trimmed.bytes().take_while(|&b| b == ch).count();
        run >= len && trimmed[run..].trim().is_empty()
    })
}

/// `line` without up to three leading spaces; `None` when indented more (not a fence).
fn strip_indent(line: &str) -> Option<&str> {
    let spaces = line.bytes().take_while(|&b| b == b' ').count();
    (spaces <= 3).then(|| &line[spaces..])
}

/// Expands the directives of text outside fences, copying inline code spans verbatim.
fn expand_text(
    text: &str,
    sites: &[ExportedSite],
    chapter: &str,
    errors: &mut Vec<Diagnostic>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        if rest.starts_with('`') {
            let span = code_span_len(rest);
            out.push_str(&rest[..span]);
            at += span;
        } else if let Some(escaped) = rest.strip_prefix('\\').filter(|r| r.starts_with(MARKER)) {
            out.push_str(MARKER);
            at += rest.len() - escaped.len() + MARKER.len();
        } else if let Some(after) = rest.strip_prefix(MARKER) {
            let Some(end) = after.find("}}") else {
                out.push_str(rest);
                break;
            };
            let args: Vec<&str> = after[..end].split_whitespace().collect();
            match html_for(sites, &args) {
                Ok(html) => out.push_str(&html),
                Err(message) => {
                    errors.push(Diagnostic::error(format!("chapter {chapter:?}: {message}")).help("write `{{#notice <site>}}` or `{{#notice <site> <lang>}}` with a site of the project"));
                    out.push_str(&rest[..MARKER.len() + end + 2]);
                }
            }
            at += MARKER.len() + end + 2;
        } else {
            let ch = rest.chars().next().expect("not at the end");
            out.push(ch);
            at += ch.len_utf8();
        }
    }
    out
}

/// The length of the inline code span at the start of `text` (a run of backticks up to the
/// next run of the same length), or of the bare run when nothing closes it.
fn code_span_len(text: &str) -> usize {
    let open = text.bytes().take_while(|&b| b == b'`').count();
    let mut at = open;
    while let Some(found) = text[at..].find('`') {
        let start = at + found;
        let run = text[start..].bytes().take_while(|&b| b == b'`').count();
        if run == open {
            return start + run;
        }
        at = start + run;
    }
    open
}

fn html_for(sites: &[ExportedSite], args: &[&str]) -> Result<String, String> {
    let (name, lang) = match args {
        [name] => (*name, None),
        [name, lang] => (*name, Some(*lang)),
        _ => {
            return Err(format!(
                "`{{{{#notice {}}}}}` needs a site name and optionally a language",
                args.join(" ")
            ));
        }
    };
    let site = sites.iter().find(|s| s.name == name).ok_or_else(|| {
        let names: Vec<&str> = sites.iter().map(|s| s.name.as_str()).collect();
        format!(
            "no site named `{name}`; the project's sites: {}",
            names.join(", ")
        )
    })?;
    let fragment = match lang {
        None => site.fragments.first(),
        Some(code) => site.fragments.iter().find(|f| f.lang.code() == code),
    }
    .ok_or_else(|| {
        let codes: Vec<&str> = site.languages.iter().map(|l| l.code()).collect();
        format!(
            "`{name}` is not published in `{}`; its languages: {}",
            lang.unwrap_or("?"),
            codes.join(", ")
        )
    })?;
    Ok(as_one_html_block(&fragment.body))
}

/// `html` as one Markdown HTML block. A blank line would end the block, and Markdown would read
/// what follows as Markdown, a code block's text included; dropping blank lines lost them from
/// `<pre>`. So a blank line ends in the character reference `&#10;` instead of a line break:
/// the line is no longer blank, and HTML reads the reference as the same line break.
fn as_one_html_block(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for line in html.trim().split('\n') {
        out.push_str(line);
        if line.trim().is_empty() {
            out.push_str("&#10;");
        } else {
            out.push('\n');
        }
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_in_code_blocks_survive_as_one_html_block() {
        let html = "\n<h2>T</h2>\n<pre><code>a\n\n  \nb\n</code></pre>\n\n<p>x</p>\n\n";
        let block = as_one_html_block(html);
        assert_eq!(
            block,
            "<h2>T</h2>\n<pre><code>a\n&#10;  &#10;b\n</code></pre>\n&#10;<p>x</p>"
        );
        // As mdBook's Markdown parser reads a chapter: the block passes through whole.
        let mut options = comrak::Options::default();
        options.render.r#unsafe = true;
        let chapter = format!("# Luku\n\n{block}\n\nJälkeen\n");
        assert_eq!(
            comrak::markdown_to_html(&chapter, &options),
            format!("<h1>Luku</h1>\n{block}\n<p>Jälkeen</p>\n")
        );
    }

    /// Replaces markers with no sites: a directive that is expanded becomes an error.
    fn expand(content: &str) -> (String, usize) {
        let mut errors = Vec::new();
        let out = replace_markers(content, &[], "c", &mut errors);
        (out, errors.len())
    }

    #[test]
    fn mdbook_directive_in_a_code_fence_is_not_expanded() {
        for content in [
            "```md\n{{#notice kahvila}}\n```\n",
            "~~~~\n{{#notice kahvila}}\n```\n{{#notice kahvila}}\n~~~~\n",
            "   ```\n{{#notice kahvila}}\n",
        ] {
            assert_eq!(expand(content), (content.to_string(), 0), "{content}");
        }
        let (_, errors) = expand("```\nx\n```\n{{#notice kahvila}}\n");
        assert_eq!(errors, 1, "after the fence closes, directives expand again");
    }

    #[test]
    fn mdbook_directive_in_inline_code_is_not_expanded() {
        for content in [
            "Write `{{#notice kahvila}}` in a chapter.\n",
            "Or ``{{#notice kahvila fi}} with ` inside``.\n",
        ] {
            assert_eq!(expand(content), (content.to_string(), 0), "{content}");
        }
        assert_eq!(
            expand("a ` b {{#notice kahvila}}\n").1,
            1,
            "an unclosed backtick is text"
        );
    }

    #[test]
    fn mdbook_escaped_directive_renders_literally_without_the_backslash() {
        assert_eq!(
            expand("Write \\{{#notice kahvila fi}} here.\n"),
            ("Write {{#notice kahvila fi}} here.\n".to_string(), 0)
        );
        assert_eq!(
            expand("`\\{{#notice kahvila}}`\n"),
            ("`\\{{#notice kahvila}}`\n".to_string(), 0),
            "inside code the text is kept as written"
        );
    }
}
