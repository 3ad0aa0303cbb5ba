//! How a command ends: its failure printed to stderr, and the process exit code.

use std::process::ExitCode;

use notice_core::diagnostic::render_all;
use notice_core::error::Failure;

/// Why a command stopped early.
#[derive(Debug)]
pub(crate) enum Stop {
    /// The library's failure: its diagnostics are printed and its kind decides the exit code.
    Failed(Failure),
    /// Standard output was closed by its reader (`notice diff | head`): nothing more is worth
    /// saying, so the command ends quietly with success, as ripgrep and the coreutils do.
    PipeClosed,
}

impl From<Failure> for Stop {
    fn from(failure: Failure) -> Self {
        Stop::Failed(failure)
    }
}

/// What every command returns.
pub(crate) type Outcome = Result<(), Stop>;

/// Prints a failure's diagnostics and picks the exit code: 0, 1 (findings), 2 (usage),
/// 65 (bad data), 66 (missing input) or 74 (I/O).
pub(crate) fn code(outcome: Outcome) -> ExitCode {
    match outcome {
        Ok(()) | Err(Stop::PipeClosed) => ExitCode::SUCCESS,
        Err(Stop::Failed(failure)) => {
            eprint!("{}", render_all(&failure.diagnostics));
            ExitCode::from(failure.kind.exit_code())
        }
    }
}
