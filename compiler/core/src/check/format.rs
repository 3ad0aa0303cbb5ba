//! Output formats of `notice check`: human diagnostics, versioned JSON, and GitHub workflow commands.

use std::fmt::Write as _;

use serde::Serialize;

use super::{CheckReport, Finding};
use crate::diagnostic::{Diagnostic, Severity};

/// Version of the `--format json` document. Raise it on any change that could break a reader
/// (a removed or renamed key, a changed meaning); adding a key keeps it.
pub const SCHEMA_VERSION: u32 = 1;

/// The findings as diagnostics, in output order.
pub fn diagnostics(report: &CheckReport) -> Vec<Diagnostic> {
    report.findings.iter().map(Finding::to_diagnostic).collect()
}

/// The closing line of the human format, e.g. `checked 4 sites: 2 errors, 1 warning`.
pub fn summary(report: &CheckReport, strict: bool) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let mut line = format!("checked {}: ", count(report.sites.len(), "site"));
    if errors + warnings == 0 {
        line.push_str("no findings");
    } else {
        line.push_str(&count(errors, "error"));
        line.push_str(", ");
        line.push_str(&count(warnings, "warning"));
        if strict && warnings > 0 {
            line.push_str(" (warnings fail with --strict)");
        }
    }
    line
}

#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: u32,
    strict: bool,
    sites: &'a [String],
    errors: usize,
    warnings: usize,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: &'a str,
    article: Option<&'a str>,
    message: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
    language: Option<&'a str>,
    sites: &'a [String],
    notes: &'a [String],
    help: &'a str,
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The report as a JSON document (see the README for its fields), ending in a newline.
pub fn json(report: &CheckReport, strict: bool) -> String {
    let findings = report
        .findings
        .iter()
        .map(|finding| {
            let (line, column) = finding.origin.line_col();
            JsonFinding {
                rule: finding.rule.id,
                severity: severity_name(finding.rule.severity),
                article: finding.rule.article,
                message: &finding.message,
                file: &finding.origin.file.display,
                line,
                column,
                language: finding.language.map(|lang| lang.code()),
                sites: &finding.sites,
                notes: &finding.notes,
                help: &finding.help,
            }
        })
        .collect();
    let document = JsonReport {
        schema_version: SCHEMA_VERSION,
        strict,
        sites: &report.sites,
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        findings,
    };
    let mut text = serde_json::to_string_pretty(&document)
        .unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"));
    text.push('\n');
    text
}

/// The findings (and any other diagnostics with a location) as GitHub Actions workflow
/// commands, so they show up as annotations on a pull request.
pub fn github(report: &CheckReport, others: &[Diagnostic]) -> String {
    let mut out = String::new();
    for finding in &report.findings {
        let mut message = finding.message.clone();
        for note in &finding.notes {
            let _ = write!(message, "\nnote: {note}");
        }
        let _ = write!(message, "\nhelp: {}", finding.help);
        let title = match finding.rule.article {
            Some(article) => format!("{} ({article})", finding.rule.id),
            None => finding.rule.id.to_string(),
        };
        let (line, col) = finding.origin.line_col();
        command(
            &mut out,
            finding.rule.severity,
            Some((&finding.origin.file.display, line, col)),
            &title,
            &message,
        );
    }
    for diagnostic in others {
        let position = diagnostic.origin.as_ref().map(|origin| {
            let (line, col) = origin.line_col();
            (origin.file.display.as_str(), line, col)
        });
        let mut message = diagnostic.message.clone();
        for help in &diagnostic.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        command(&mut out, diagnostic.severity, position, "notice", &message);
    }
    out
}

fn command(
    out: &mut String,
    severity: Severity,
    position: Option<(&str, usize, usize)>,
    title: &str,
    message: &str,
) {
    let _ = write!(out, "::{} ", severity_name(severity));
    if let Some((file, line, col)) = position {
        let _ = write!(out, "file={},line={line},col={col},", escape_property(file));
    }
    let _ = writeln!(
        out,
        "title={}::{}",
        escape_property(title),
        escape_data(message)
    );
}

/// Workflow-command message escaping: `%`, CR and LF.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Workflow-command property escaping: as for messages, plus `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(escape_data("100% done\r\nnext"), "100%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        let mut out = String::new();
        command(
            &mut out,
            Severity::Warning,
            Some(("content/a,b/notice.toml", 3, 7)),
            "sources (GDPR Art. 14(2)(f))",
            "no sources\nhelp: add one",
        );
        assert_eq!(
            out,
            "::warning file=content/a%2Cb/notice.toml,line=3,col=7,title=sources (GDPR Art. 14(2)(f))::no sources%0Ahelp: add one\n"
        );
    }
}
