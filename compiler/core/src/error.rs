//! The failure type every command returns, and its mapping to process exit codes.

use crate::diagnostic::{self, Diagnostic};

/// What kind of failure ended a command; decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FailureKind {
    /// `notice check` found problems: exit 1.
    Findings,
    /// Wrong command line or not a project: exit 2.
    Usage,
    /// Bad source data, templates included: exit 65 (EX_DATAERR).
    Data,
    /// An input file named on the command line does not exist: exit 66 (EX_NOINPUT).
    NoInput,
    /// Reading or writing files failed: exit 74 (EX_IOERR).
    Io,
}

impl FailureKind {
    /// The process exit code for this kind: 1, 2, 65, 66 or 74.
    pub fn exit_code(self) -> u8 {
        match self {
            FailureKind::Findings => 1,
            FailureKind::Usage => 2,
            FailureKind::Data => 65,
            FailureKind::NoInput => 66,
            FailureKind::Io => 74,
        }
    }
}

/// A failed command: its kind and everything worth telling the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Decides the exit code.
    pub kind: FailureKind,
    /// What to print, sorted by location.
    pub diagnostics: Vec<Diagnostic>,
}

impl Failure {
    /// A failure of `kind` with one diagnostic.
    pub fn new(kind: FailureKind, diagnostic: Diagnostic) -> Self {
        Failure {
            kind,
            diagnostics: vec![diagnostic],
        }
    }

    /// An I/O failure (exit 74).
    pub fn io(diagnostic: Diagnostic) -> Self {
        Failure::new(FailureKind::Io, diagnostic)
    }

    /// A missing input file (exit 66): `notice import` was given a path with nothing there.
    pub fn no_input(diagnostic: Diagnostic) -> Self {
        Failure::new(FailureKind::NoInput, diagnostic)
    }

    /// A usage failure (exit 2): a wrong command line, or not a project.
    pub fn usage(diagnostic: Diagnostic) -> Self {
        Failure::new(FailureKind::Usage, diagnostic)
    }

    /// Combines failures from several sites; the worst kind decides the exit code, and
    /// diagnostics are sorted and de-duplicated (a broken shared layer is reported once).
    pub fn combine(failures: impl IntoIterator<Item = Failure>) -> Option<Failure> {
        let mut kind = None;
        let mut diagnostics = Vec::new();
        for failure in failures {
            kind = kind.max(Some(failure.kind));
            diagnostics.extend(failure.diagnostics);
        }
        diagnostic::sort(&mut diagnostics);
        diagnostics.dedup();
        kind.map(|kind| Failure { kind, diagnostics })
    }
}

/// The diagnostics as the command line prints them.
impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(diagnostic::render_all(&self.diagnostics).trim_end())
    }
}

impl std::error::Error for Failure {}

impl From<Diagnostic> for Failure {
    fn from(diagnostic: Diagnostic) -> Self {
        Failure::new(FailureKind::Data, diagnostic)
    }
}

/// An I/O error on `path`, as a diagnostic naming the path.
pub fn io_error(action: &str, path: &std::path::Path, err: &std::io::Error) -> Failure {
    Failure::io(
        Diagnostic::error(format!("cannot {action}: {err}"))
            .at_path(crate::origin::display_path(path)),
    )
}
