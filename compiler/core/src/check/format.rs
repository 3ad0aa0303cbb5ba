//! Output formats of `notice check`: human diagnostics, versioned JSON, and GitHub workflow commands.

use std::fmt::Write as _;

use serde::Serialize;

use super::{CheckReport, Finding, LOAD_ERROR, LoadError};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Origin;

/// Version of the `--format json` document. Raise it on any change that could break a reader
/// (a removed or renamed key, a changed meaning); adding a key keeps it.
///
/// 2: sites that could not be checked are findings with the rule `load-error`, whose `line`
/// and `column` (and `file`) may be null, and are listed in `unchecked`.
pub const SCHEMA_VERSION: u32 = 2;

/// The load errors and then the findings as diagnostics, in output order.
pub fn diagnostics(report: &CheckReport) -> Vec<Diagnostic> {
    let load_errors = report.load_errors.iter().map(|e| e.diagnostic.clone());
    load_errors
        .chain(report.findings.iter().map(Finding::to_diagnostic))
        .collect()
}

/// The closing line of the human format, e.g. `checked 4 sites: 2 errors, 1 warning`, or
/// ``checked 3 sites, could not check 1 site (`kahvila`): 1 error, 0 warnings``.
pub fn summary(report: &CheckReport, strict: bool) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let unchecked = report.unchecked();
    let checked = report.sites.len() - unchecked.len();
    let mut line = format!("checked {}", count(checked, "site"));
    if !unchecked.is_empty() {
        let names: Vec<String> = unchecked.iter().map(|site| format!("`{site}`")).collect();
        let _ = write!(
            line,
            ", could not check {} ({})",
            count(unchecked.len(), "site"),
            names.join(", ")
        );
    }
    line.push_str(": ");
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
    unchecked: Vec<&'a str>,
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
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    language: Option<&'a str>,
    sites: &'a [String],
    notes: &'a [String],
    help: String,
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A finding of the JSON document for a problem that kept sites from being checked.
fn json_load_error(error: &LoadError) -> JsonFinding<'_> {
    let diagnostic = &error.diagnostic;
    let (file, position) = match (&diagnostic.origin, &diagnostic.path) {
        (Some(origin), _) => (Some(origin.file.display.as_str()), Some(origin.line_col())),
        (None, Some(path)) => (Some(path.as_str()), None),
        (None, None) => (None, None),
    };
    JsonFinding {
        rule: LOAD_ERROR,
        severity: severity_name(diagnostic.severity),
        article: None,
        message: &diagnostic.message,
        file,
        line: position.map(|(line, _)| line),
        column: position.map(|(_, column)| column),
        language: None,
        sites: &error.sites,
        notes: &diagnostic.notes,
        help: diagnostic.help.join("\n"),
    }
}

fn json_finding(finding: &Finding) -> JsonFinding<'_> {
    let (line, column) = finding.origin.line_col();
    JsonFinding {
        rule: finding.rule.id,
        severity: severity_name(finding.rule.severity),
        article: finding.rule.article,
        message: &finding.message,
        file: Some(&finding.origin.file.display),
        line: Some(line),
        column: Some(column),
        language: finding.language.map(|lang| lang.code()),
        sites: &finding.sites,
        notes: &finding.notes,
        help: finding.help.clone(),
    }
}

/// The report as a JSON document (see the README for its fields), ending in a newline.
pub fn json(report: &CheckReport, strict: bool) -> String {
    let load_errors = report.load_errors.iter().map(json_load_error);
    let findings = load_errors
        .chain(report.findings.iter().map(json_finding))
        .collect();
    let document = JsonReport {
        schema_version: SCHEMA_VERSION,
        strict,
        sites: &report.sites,
        unchecked: report.unchecked(),
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        findings,
    };
    let mut text = serde_json::to_string_pretty(&document)
        .unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"));
    text.push('\n');
    text
}

/// The load errors, findings and project warnings as GitHub Actions workflow commands, so they
/// show up as annotations on a pull request. Every file name, title and message goes through
/// the workflow-command escaping: a line break in any of them cannot start a command of its own.
pub fn github(report: &CheckReport) -> String {
    let mut out = String::new();
    for error in &report.load_errors {
        github_diagnostic(&mut out, &error.diagnostic, LOAD_ERROR);
    }
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
        let place = Place::At(&finding.origin.file.display, line, col);
        command(&mut out, finding.rule.severity, place, &title, &message);
    }
    for warning in &report.warnings {
        github_diagnostic(&mut out, warning, "notice");
    }
    out
}

/// Diagnostics that stopped `notice check` before it had a report (not a project, an unknown
/// site) as workflow commands, escaped like the report's.
pub fn github_failure(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        github_diagnostic(&mut out, diagnostic, "notice");
    }
    out
}

fn github_diagnostic(out: &mut String, diagnostic: &Diagnostic, title: &str) {
    let position = diagnostic.origin.as_ref().map(Origin::line_col);
    let place = match (&diagnostic.origin, position, &diagnostic.path) {
        (Some(origin), Some((line, col)), _) => Place::At(&origin.file.display, line, col),
        (_, _, Some(path)) => Place::File(path),
        _ => Place::Nowhere,
    };
    let mut message = diagnostic.message.clone();
    for note in &diagnostic.notes {
        let _ = write!(message, "\nnote: {note}");
    }
    for help in &diagnostic.help {
        let _ = write!(message, "\nhelp: {help}");
    }
    command(out, diagnostic.severity, place, title, &message);
}

/// What an annotation is attached to.
#[derive(Clone, Copy)]
enum Place<'a> {
    /// The run as a whole.
    Nowhere,
    /// A whole file or folder.
    File(&'a str),
    /// A file, line and column.
    At(&'a str, usize, usize),
}

fn command(out: &mut String, severity: Severity, place: Place<'_>, title: &str, message: &str) {
    let _ = write!(out, "::{} ", severity_name(severity));
    match place {
        Place::Nowhere => {}
        Place::File(file) => {
            let _ = write!(out, "file={},", escape_property(file));
        }
        Place::At(file, line, col) => {
            let _ = write!(out, "file={},line={line},col={col},", escape_property(file));
        }
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
            Place::At("content/a,b/notice.toml", 3, 7),
            "sources (GDPR Art. 14(2)(f))",
            "no sources\nhelp: add one",
        );
        assert_eq!(
            out,
            "::warning file=content/a%2Cb/notice.toml,line=3,col=7,title=sources (GDPR Art. 14(2)(f))::no sources%0Ahelp: add one\n"
        );
    }
}
