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
    let sites = collect(
        &workspace,
        &ExportOptions {
            sites: Vec::new(),
            drafts: false,
        },
    )?;

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

/// Replaces each `{{#notice site [lang]}}` with the notice's HTML, as one HTML block.
fn replace_markers(
    content: &str,
    sites: &[ExportedSite],
    chapter: &str,
    errors: &mut Vec<Diagnostic>,
) -> String {
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(start) = rest.find(MARKER) {
        out.push_str(&rest[..start]);
        let after = &rest[start + MARKER.len()..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let args: Vec<&str> = after[..end].split_whitespace().collect();
        match html_for(sites, &args) {
            Ok(html) => out.push_str(&html),
            Err(message) => {
                errors.push(Diagnostic::error(format!("chapter {chapter:?}: {message}")).help("write `{{#notice <site>}}` or `{{#notice <site> <lang>}}` with a site of the project"));
                out.push_str(&rest[start..start + MARKER.len() + end + 2]);
            }
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
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
    let site = sites
        .iter()
        .find(|s| s.name == name)
        .ok_or_else(|| format!("no site named `{name}`"))?;
    let fragment = match lang {
        None => site.fragments.first(),
        Some(code) => site.fragments.iter().find(|f| f.lang.code() == code),
    }
    .ok_or_else(|| format!("`{name}` is not published in `{}`", lang.unwrap_or("?")))?;
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
}
