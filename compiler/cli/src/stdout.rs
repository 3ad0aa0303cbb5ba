//! Writing a command's result to standard output, where a failed write is an error (exit 74)
//! and a closed pipe a quiet stop.

use std::io::{ErrorKind, Write};

use notice_core::diagnostic::{Diagnostic, render_all};
use notice_core::error::Failure;

use crate::exit::Stop;

/// Writes `text` to standard output and flushes it, so a full disk (`> /dev/full`) is reported
/// here rather than lost when the buffer is dropped at exit.
pub(crate) fn print(text: &str) -> Result<(), Stop> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|err| match err.kind() {
            ErrorKind::BrokenPipe => Stop::PipeClosed,
            _ => Stop::Failed(Failure::io(Diagnostic::error(format!(
                "cannot write to standard output: {err}"
            )))),
        })
}

/// [`print`] with a line break after `line`.
pub(crate) fn println(line: &str) -> Result<(), Stop> {
    print(&format!("{line}\n"))
}

/// Prints diagnostics that do not stop the command, such as warnings, to standard error.
pub(crate) fn warn(diagnostics: &[Diagnostic]) {
    if !diagnostics.is_empty() {
        eprint!("{}", render_all(diagnostics));
    }
}

/// Says, once, that another build holds the output and this one waits for it (on standard
/// error, like the diagnostics: it is no result).
pub(crate) fn waiting(out: &std::path::Path) {
    eprintln!(
        "waiting for another build of {}…",
        notice_core::source::display_path(out)
    );
}
