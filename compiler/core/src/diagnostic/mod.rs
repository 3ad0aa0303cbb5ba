//! User-facing diagnostics: what went wrong, where (file:line:col with the source snippet), and how to fix it.

mod show;

use std::fmt::{self, Write as _};

use show::Snippet;
pub use show::escape_controls;

use crate::origin::Origin;

/// How bad a diagnostic is. Errors stop a build; warnings are printed and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Stops the command.
    Error,
    /// Printed; the command goes on.
    Warning,
}

/// One message for the user, optionally anchored in a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable code for the kind of problem, e.g. a `notice check` rule id; shown as
    /// `error[code]`. A reference to the static id, a thin pointer, keeps `Result<_, Diagnostic>`
    /// small.
    pub code: Option<&'static &'static str>,
    /// What went wrong, in one sentence.
    pub message: String,
    /// The span in a source file the message is about, quoted when printed.
    pub origin: Option<Origin>,
    /// A path the message is about when there is no position in a file (a directory, a symlink).
    /// A boxed `String`, a thin pointer, to keep `Result<_, Diagnostic>` small.
    pub path: Option<Box<String>>,
    /// Secondary facts, e.g. where a duplicate was first defined.
    pub notes: Vec<String>,
    /// Suggested fixes.
    pub help: Vec<String>,
}

impl Diagnostic {
    /// An error with `message`.
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: None,
            message: message.into(),
            origin: None,
            path: None,
            notes: Vec::new(),
            help: Vec::new(),
        }
    }

    /// A warning with `message`.
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// Tags the diagnostic with a stable code, such as a check rule's id.
    pub fn code(mut self, code: &'static &'static str) -> Self {
        self.code = Some(code);
        self
    }

    /// Anchors the diagnostic at a span of a source file.
    pub fn at(mut self, origin: &Origin) -> Self {
        self.origin = Some(origin.clone());
        self
    }

    /// Names a path the diagnostic is about, when there is no span to quote.
    pub fn at_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(Box::new(path.into()));
        self
    }

    /// Adds a secondary fact.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Adds a suggested fix.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    /// `file:line:col` of the diagnostic, or the bare path, if it has either.
    pub fn location(&self) -> Option<String> {
        match (&self.origin, &self.path) {
            (Some(origin), _) => Some(origin.to_string()),
            (None, Some(path)) => Some(path.to_string()),
            (None, None) => None,
        }
    }

    /// A stable order for printing many diagnostics: by file, then position, then text.
    fn sort_key(&self) -> (Option<(&str, usize)>, Option<&str>, &str) {
        (
            self.origin
                .as_ref()
                .map(|o| (o.file.display.as_str(), o.span.start)),
            self.path.as_deref().map(String::as_str),
            &self.message,
        )
    }
}

/// Sorts diagnostics so that output does not depend on discovery order.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

impl fmt::Display for Diagnostic {
    /// Renders in the rustc style:
    ///
    /// ```text
    /// error: unknown key `retention_perod`
    ///    --> content/cafe/notice.toml:12:1
    ///    |
    /// 12 | retention_perod = "2 years"
    ///    | ^^^^^^^^^^^^^^^
    ///    = help: did you mean `retention`?
    /// ```
    ///
    /// Everything but the labels is shown through [`escape_controls`]: messages quote values
    /// and file names, which may hold control characters.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let message = escape_controls(&self.message);
        match self.code {
            Some(code) => writeln!(f, "{label}[{code}]: {message}")?,
            None => writeln!(f, "{label}: {message}")?,
        }
        let mut gutter = String::from(" ");
        if let Some(origin) = &self.origin {
            let line_number = origin.file.line_col(origin.span.start).0;
            let snippet = Snippet::new(&origin.file.text, origin.span.clone(), line_number);
            gutter = " ".repeat(snippet.line_number.to_string().len() + 1);
            writeln!(f, "{gutter}--> {}", escape_controls(&origin.to_string()))?;
            writeln!(f, "{gutter}|")?;
            writeln!(f, "{} | {}", snippet.line_number, snippet.line)?;
            writeln!(
                f,
                "{gutter}| {}{}",
                " ".repeat(snippet.caret_offset),
                "^".repeat(snippet.caret_len)
            )?;
        } else if let Some(path) = &self.path {
            writeln!(f, "{gutter}--> {}", escape_controls(path))?;
        }
        for note in &self.notes {
            writeln!(f, "{gutter}= note: {}", escape_controls(note))?;
        }
        for help in &self.help {
            writeln!(f, "{gutter}= help: {}", escape_controls(help))?;
        }
        Ok(())
    }
}

/// Formats a list of names as "`a`, `b` or `c`" for "expected …" messages.
pub fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        None => String::from("nothing"),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// The closest candidate to a misspelt name, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(wrong, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, candidate)| format!("did you mean `{candidate}`?"))
}

/// Renders several diagnostics, separated by blank lines.
pub fn render_all(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        let _ = writeln!(out, "{diagnostic}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::origin::SourceFile;

    #[test]
    fn suggests_the_closest_key() {
        let keys = ["retention", "retention_period", "recipients"];
        assert_eq!(
            did_you_mean("retention_perod", keys).as_deref(),
            Some("did you mean `retention_period`?")
        );
        assert_eq!(did_you_mean("zzz", keys), None);
    }

    #[test]
    fn lists_alternatives_in_prose() {
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
        assert_eq!(one_of(&["a"]), "`a`");
    }

    #[test]
    fn a_code_is_shown_after_the_severity() {
        let text = Diagnostic::warning("no sources")
            .code(&"sources")
            .at_path("content/a/notice.toml")
            .to_string();
        assert_eq!(
            text,
            "warning[sources]: no sources\n --> content/a/notice.toml\n"
        );
    }

    #[test]
    fn control_characters_in_messages_paths_and_lines_are_escaped() {
        let file = SourceFile::new("x\u{1b}[2J.toml", "a = \"\u{7}\"\n".to_string());
        let text = Diagnostic::error("bad \u{1b}]0;PWNED\u{7}")
            .at(&Origin::new(&file, 4..7))
            .note("line\nbreak")
            .help("tab\there")
            .to_string();
        assert_eq!(
            text,
            "error: bad \\u{1b}]0;PWNED\\u{7}\n  --> x\\u{1b}[2J.toml:1:5\n  |\n1 | a = \"\\u{7}\"\n  |     ^^^^^^^\n  = note: line\\nbreak\n  = help: tab\\there\n"
        );
        let text = Diagnostic::error("x").at_path("a\nb").to_string();
        assert_eq!(text, "error: x\n --> a\\nb\n");
    }

    #[test]
    fn snippet_points_at_the_span_in_characters() {
        let file = SourceFile::new("x.toml", "a = 1\nnimi = \"Äö\" # x\n".to_string());
        let start = file.text.find("\"Äö\"").unwrap();
        let origin = Origin::new(&file, start..start + "\"Äö\"".len());
        let text = Diagnostic::error("bad").at(&origin).to_string();
        assert_eq!(
            text,
            "error: bad\n  --> x.toml:2:8\n  |\n2 | nimi = \"Äö\" # x\n  |        ^^^^\n"
        );
    }
}
