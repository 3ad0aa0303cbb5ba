//! One module per command: its arguments and how it runs.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod diff;
pub(crate) mod explain;
pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod mdbook;
pub(crate) mod release;
pub(crate) mod schema;
pub(crate) mod watch;
