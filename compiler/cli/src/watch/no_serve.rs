//! The preview server when `notice` is built without its `serve` feature: `--serve` is refused
//! with a message that says how to get it; watching and rebuilding work as usual.

use std::path::Path;

use notice_core::diagnostic::Diagnostic;
use notice_core::error::Failure;

pub(crate) struct Server {
    pub(crate) port: u16,
    pub(crate) problems: Vec<Diagnostic>,
}

impl Server {
    pub(crate) fn start(_root: &Path, _out_dir: &Path, _port: u16) -> Result<Server, Failure> {
        Err(Failure::usage(
            Diagnostic::error("this `notice` was built without the preview server").help(
                "rebuild it with the default features (`cargo install notice`), or drop `--serve`",
            ),
        ))
    }

    pub(crate) fn rebuilt(&self, _error: Option<String>) {}
}
