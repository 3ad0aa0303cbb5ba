//! The seal of a released version: `notice release` writes, last in `[release]`, a line
//! `digest = "sha256:…"` with the SHA-256 of the snapshot's text without that line. A released
//! version never changes, so a snapshot whose text no longer matches its digest was edited by
//! hand, and is refused rather than published.
//!
//! The digest covers the text as it is, comments and blank lines included, with CRLF line
//! breaks read as LF (a checkout on Windows may convert them). `sed '/^digest = /d' FILE |
//! sha256sum` gives the same digest for a snapshot without a `digest = ` line inside a text.
//! It detects edits; it is no signature: the repository's history is the record of who
//! released what.

use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

use sha2::{Digest as _, Sha256};

use crate::diagnostic::Diagnostic;
use crate::source::{Node, Origin, SourceFile, Value};

/// The key of the digest in `[release]`.
const KEY: &str = "digest";
/// How a digest value starts: the name of its algorithm.
const PREFIX: &str = "sha256:";

/// The `digest = "sha256:…"` line for a snapshot whose text, without that line, is `parts`
/// joined.
pub(super) fn digest_line(parts: &[&str]) -> String {
    format!("{KEY} = \"{}\"\n", digest(parts))
}

/// `sha256:` and the SHA-256 of `parts` joined, in lowercase hex, with CRLF read as LF.
fn digest(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        for (i, piece) in part.split("\r\n").enumerate() {
            if i > 0 {
                hasher.update(b"\n");
            }
            hasher.update(piece.as_bytes());
        }
    }
    let mut text = String::from(PREFIX);
    for byte in hasher.finalize().iter() {
        let _ = write!(text, "{byte:02x}");
    }
    text
}

/// Takes the digest out of a parsed snapshot's `[release]` table, so the table can be typed
/// without it, and checks it against the file's text.
pub(super) fn verify(file: &Arc<SourceFile>, root: &mut Node) -> Result<(), Diagnostic> {
    let Some(release) = root.as_table().and_then(|table| table.get("release")) else {
        // Typing the file reports the missing table.
        return Ok(());
    };
    let release_origin = release.key_origin.clone();
    let Value::Table(release) = &mut release_node(root).value else {
        return Ok(());
    };
    let Some(entry) = release.shift_remove(KEY) else {
        return Err(Diagnostic::error("this released version has no digest")
            .at(&release_origin)
            .note(format!("`notice release` seals every snapshot with a `{KEY} = \"{PREFIX}…\"` line in `[release]`, so a hand edit cannot pass for a release"))
            .help(restore_help(file)));
    };
    let written = match entry.node.as_str() {
        Some(text) if is_digest(text) => text,
        _ => {
            return Err(Diagnostic::error(format!(
                "`{KEY}` must be `\"{PREFIX}\"` and 64 lowercase hex digits"
            ))
            .at(&entry.node.origin)
            .help(restore_help(file)));
        }
    };
    let line = line_of(&file.text, &entry.key_origin);
    let actual = digest(&[&file.text[..line.start], &file.text[line.end..]]);
    if actual == written {
        return Ok(());
    }
    Err(
        Diagnostic::error("this released version was changed after it was released")
            .at(&entry.node.origin)
            .note("its text no longer matches the digest `notice release` wrote; released versions never change, and the published change log must not either")
            .help(restore_help(file)),
    )
}

fn release_node(root: &mut Node) -> &mut Node {
    let Value::Table(table) = &mut root.value else {
        unreachable!("a TOML document is a table")
    };
    &mut table.get_mut("release").expect("looked up above").node
}

fn is_digest(text: &str) -> bool {
    text.strip_prefix(PREFIX).is_some_and(|hex| {
        hex.len() == 64
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// The whole line, its line break included, that `origin` starts on.
fn line_of(text: &str, origin: &Origin) -> Range<usize> {
    let at = origin.span.start.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    start..end
}

fn restore_help(file: &SourceFile) -> String {
    format!(
        "restore the file as released: `git checkout -- {}` (or `git log` it to find the released text); to change a notice, edit its sources and release a new version with `notice release`",
        file.display
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse;

    fn sealed(before: &str, after: &str) -> String {
        format!("{before}{}{after}", digest_line(&[before, after]))
    }

    fn check(text: &str) -> Result<(), Diagnostic> {
        let file = SourceFile::new("s.toml", text.to_string());
        let mut root = parse(&file).unwrap();
        verify(&file, &mut root)
    }

    const HEAD: &str = "[release]\nversion = \"2025-06-01\"\n";
    const TAIL: &str = "\n[notice]\ntitle = \"A\"\n";

    #[test]
    fn a_sealed_snapshot_passes_and_its_digest_leaves_the_tree() {
        let text = sealed(HEAD, TAIL);
        assert!(text.contains("\ndigest = \"sha256:"), "{text}");
        let file = SourceFile::new("s.toml", text.clone());
        let mut root = parse(&file).unwrap();
        verify(&file, &mut root).unwrap();
        assert!(
            !root.as_table().unwrap()["release"]
                .node
                .as_table()
                .unwrap()
                .contains_key(KEY)
        );
        // A checkout that turned every line break into CRLF is the same text.
        check(&text.replace('\n', "\r\n")).unwrap();
    }

    #[test]
    fn any_edit_breaks_the_seal() {
        let text = sealed(HEAD, TAIL);
        for (from, to) in [
            ("\"A\"", "\"B\""),
            ("\n[notice]", "\n# note\n[notice]"),
            ("2025", "2026"),
        ] {
            let err = check(&text.replacen(from, to, 1)).unwrap_err();
            assert_eq!(
                err.message,
                "this released version was changed after it was released"
            );
        }
        let no_digest = check(&format!("{HEAD}{TAIL}")).unwrap_err();
        assert_eq!(no_digest.message, "this released version has no digest");
        let upper = check(&text.replace("sha256:", "SHA256:")).unwrap_err();
        assert!(
            upper.message.starts_with("`digest` must be"),
            "{}",
            upper.message
        );
    }

    #[test]
    fn the_digest_is_sha256_of_the_text_without_its_line() {
        // `printf 'a\nb\n' | sha256sum`
        assert_eq!(
            digest(&["a\n", "b\n"]),
            "sha256:911169ddaaf146aff539f58c26c489af3b892dff0fe283c1c264c65ae5aa59a2"
        );
    }
}
