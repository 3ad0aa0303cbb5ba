//! Writes a snapshot as readable TOML: sections as `[headers]`, texts as dotted `key.fi = …` lines,
//! long texts as multi-line strings, keys in the order the sources gave them.

use std::fmt::Write;

use super::{ReleaseInfo, seal};
use crate::load::LoadedSite;
use crate::model::{Lang, Text};
use crate::source::{Node, Table, Value};

/// The snapshot file of `site` released as `release`: self-contained, with the languages written
/// out, so a later change to the project's defaults or to a layer never alters it.
pub fn snapshot_toml(site: &LoadedSite, release: &ReleaseInfo) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}, version {}: the effective notice as released by `notice release`.",
        site.name, release.version
    );
    out.push_str("# Frozen: later edits to the sources or shared layers never change it. Do not edit by hand.\n");
    out.push_str("\n[release]\n");
    let _ = writeln!(out, "version = {}", string(&release.version));
    let _ = writeln!(out, "effective = {}", release.effective);
    match &release.summary {
        Some(Text::Plain(text)) => {
            let _ = writeln!(out, "summary = {}", string(text));
        }
        Some(Text::Localized(texts)) => {
            for (lang, text) in texts {
                let _ = writeln!(out, "summary.{lang} = {}", string(text));
            }
        }
        None => {}
    }
    let layers: Vec<String> = release.layers.iter().map(|l| string(l)).collect();
    let _ = writeln!(out, "layers = [{}]", layers.join(", "));

    let notice = notice_table(site);
    // The seal goes last in [release], over everything else in the file.
    let digest = seal::digest_line(&[&out, &notice]);
    out.push_str(&digest);
    out.push_str(&notice);
    out
}

/// The `[notice]` table of a snapshot of `site`, to the end of the file. A site whose table comes
/// out the same as a released version's has not changed since: the build cache compares these
/// instead of reading the version back.
pub fn notice_table(site: &LoadedSite) -> String {
    let mut notice = String::from("\n[notice]\n");
    let languages: Vec<String> = site.languages.iter().map(|l| string(l.code())).collect();
    let _ = writeln!(notice, "languages = [{}]", languages.join(", "));
    if let Value::Table(table) = &site.merged.value {
        // Written above, from the site's languages; not cloned away: a notice is 25 KB.
        write_body(&mut notice, "notice", table, Some("languages"));
    }
    notice
}

/// `table`'s keys under `[path]`, except `skip`.
fn write_body(out: &mut String, path: &str, table: &Table, skip: Option<&str>) {
    let table = || table.iter().filter(|(key, _)| Some(key.as_str()) != skip);
    for (key, entry) in table() {
        if is_inline(&entry.node) {
            write_dotted(out, &bare_or_quoted(key), &entry.node);
        }
    }
    for (key, entry) in table() {
        let child = format!("{path}.{}", bare_or_quoted(key));
        match &entry.node.value {
            Value::Array(items) if is_array_of_tables(items) => {
                for item in items {
                    let _ = write!(out, "\n[[{child}]]\n");
                    if let Value::Table(table) = &item.value {
                        write_body(out, &child, table, None);
                    }
                }
            }
            Value::Table(table) if !is_inline(&entry.node) => {
                let _ = write!(out, "\n[{child}]\n");
                write_body(out, &child, table, None);
            }
            _ => {}
        }
    }
}

/// Scalars, arrays of scalars, empty tables and texts (`{ fi = …, en = … }`) are written on
/// key lines; every other table gets a header.
fn is_inline(node: &Node) -> bool {
    match &node.value {
        Value::Table(table) => table.is_empty() || is_text_table(table),
        Value::Array(items) => !is_array_of_tables(items),
        _ => true,
    }
}

fn is_text_table(table: &Table) -> bool {
    table
        .iter()
        .all(|(key, entry)| Lang::from_code(key).is_some() && entry.node.as_str().is_some())
}

fn is_array_of_tables(items: &[Node]) -> bool {
    !items.is_empty()
        && items
            .iter()
            .all(|item| matches!(item.value, Value::Table(_)))
}

fn write_dotted(out: &mut String, key: &str, node: &Node) {
    match &node.value {
        Value::Table(table) if !table.is_empty() => {
            for (sub, entry) in table {
                write_dotted(out, &format!("{key}.{}", bare_or_quoted(sub)), &entry.node);
            }
        }
        _ => {
            let _ = writeln!(out, "{key} = {}", inline_value(node));
        }
    }
}

fn inline_value(node: &Node) -> String {
    match &node.value {
        Value::String(text) => string(text),
        Value::Integer(n) => n.to_string(),
        Value::Float(f) if f.is_nan() => "nan".to_string(),
        Value::Float(f) if f.is_infinite() => if *f > 0.0 { "inf" } else { "-inf" }.to_string(),
        Value::Float(f) => format!("{f:?}"),
        Value::Boolean(b) => b.to_string(),
        Value::Datetime(text) => text.clone(),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(inline_value).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Table(table) => {
            let entries: Vec<String> = table
                .iter()
                .map(|(key, entry)| {
                    format!("{} = {}", bare_or_quoted(key), inline_value(&entry.node))
                })
                .collect();
            if entries.is_empty() {
                "{}".to_string()
            } else {
                format!("{{ {} }}", entries.join(", "))
            }
        }
    }
}

fn bare_or_quoted(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare {
        key.to_string()
    } else {
        basic_string(key)
    }
}

/// A TOML string: multi-line when the text has line breaks, so Markdown stays readable.
/// `notice import` writes its strings with it too: one TOML string writer in the project.
pub(crate) fn string(text: &str) -> String {
    if text.contains('\n') {
        multi_line_string(text)
    } else {
        basic_string(text)
    }
}

fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let bytes = text.as_bytes();
    // Text between escapes is copied as a whole: most strings have no escape at all.
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        // Only these bytes start a char that may need an escape: a quote, a backslash, or the
        // start of a control character. Each is ASCII or a lead byte, so `at` is on a char
        // boundary when one is found.
        let byte = bytes[at];
        if !(byte == b'"' || byte == b'\\' || crate::source::may_start_control(byte)) {
            at += 1;
            continue;
        }
        let c = text[at..].chars().next().unwrap_or_default();
        let next = at + c.len_utf8();
        let simple = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\t' => Some("\\t"),
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            _ => None,
        };
        if simple.is_none() && !c.is_control() {
            at = next;
            continue;
        }
        out.push_str(&text[copied..at]);
        match simple {
            Some(escape) => out.push_str(escape),
            None => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
        }
        copied = next;
        at = next;
    }
    out.push_str(&text[copied..]);
    out.push('"');
    out
}

fn multi_line_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // The line break right after the opening quotes is not part of the value.
    out.push_str("\"\"\"\n");
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // A quote next to another, or last, could close the string early.
            '"' if matches!(chars.peek(), Some('"') | None) => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\t' => out.push(c),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{SourceFile, parse};

    fn round_trip(text: &str) -> String {
        let toml = format!("x = {}\n", string(text));
        let file = SourceFile::new("t.toml", toml.clone());
        let node = parse(&file).unwrap_or_else(|e| panic!("{toml}\n{e}"));
        node.as_table().unwrap()["x"]
            .node
            .as_str()
            .unwrap()
            .to_string()
    }

    /// What `basic_string` wrote before it scanned bytes: one char at a time.
    fn basic_string_by_chars(text: &str) -> String {
        let mut out = String::from('"');
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    #[test]
    fn the_byte_scan_escapes_exactly_what_the_char_loop_did() {
        for text in [
            "",
            "plain ascii",
            "\"",
            "a\\b\tc\rd\ne",
            "\u{0}\u{1f}\u{7f}",
            // C1 controls share their lead byte 0xC2 with printable Latin-1 signs.
            "\u{80}\u{9f} \u{a0}nbsp §©«»",
            "ääkköset, 日本語 ja 😀 \"lainaus\" lopussa\\",
        ] {
            assert_eq!(basic_string(text), basic_string_by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn strings_survive_a_round_trip() {
        for text in [
            "plain",
            "quote \" and backslash \\ and tab\t",
            "two lines\nsecond",
            "\nleading newline",
            "ends in a quote\n\"",
            "three quotes \"\"\" inside\nand \"\" two",
            "trailing backslash \\\nnext",
            "crlf\r\nline",
            // Other control characters are refused when sources are read (source.rs).
            "ääkköset ja 😀\n",
        ] {
            assert_eq!(round_trip(text), text);
        }
    }

    #[test]
    fn keys_are_quoted_only_when_needed() {
        assert_eq!(bare_or_quoted("retention_period"), "retention_period");
        assert_eq!(bare_or_quoted("a.b"), "\"a.b\"");
        assert_eq!(bare_or_quoted(""), "\"\"");
    }
}
