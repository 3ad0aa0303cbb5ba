//! Integration tests: the real `notice` binary run against fixture trees from `tests/fixtures/` and the example content.

mod support;

mod build;
mod cache;
mod check;
mod commands;
mod deploy;
mod embed;
mod export;
mod guard;
mod hostile;
mod import;
mod import_defects;
mod import_formats;
mod import_support;
mod import_unseen;
mod init;
mod integrity;
mod invalid;
mod legal_render;
mod limits;
mod merge;
mod names;
mod output;
mod page_cache;
mod readme;
mod robustness;
mod schema;
mod seeds;
mod unstated;
mod versions;
mod watch;
mod writer;
