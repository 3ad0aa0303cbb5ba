//! Integration tests: the real `notice` binary run against fixture trees from `tests/fixtures/` and the example content.

mod support;

mod build;
mod cache;
mod check;
mod commands;
mod deploy;
mod export;
mod guard;
mod hostile;
mod integrity;
mod invalid;
mod limits;
mod names;
mod output;
mod readme;
mod robustness;
mod schema;
mod versions;
mod watch;
mod writer;
