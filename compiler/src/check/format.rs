//! Output formats of `notice check`: human diagnostics.

use super::{CheckReport, Finding};
use crate::diagnostic::{Diagnostic, Severity};

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
