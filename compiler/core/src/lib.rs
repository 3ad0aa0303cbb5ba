//! The engine of `notice`: privacy notices (*tietosuojaseloste*, GDPR Art. 13/14) compiled
//! from layered TOML sources into static HTML pages, change logs, diffs and embeds.
//!
//! Data flows one way, and each layer only uses the ones below it:
//!
//! 1. **Sources**: [`origin`] keeps files and spans for diagnostics; `source` parses TOML
//!    with a position for every value; [`project`] finds the sites and layers under `content/`.
//! 2. **Merged model**: [`load`] resolves a site's `extends` chain and merges the layers with
//!    provenance into the typed [`model`]; [`history`] reads released versions back;
//!    [`workspace::Workspace`] opens a project once and loads its sites for every command.
//! 3. **Analyses**: [`diff`] compares two notices by meaning; [`render`] makes pages in
//!    memory (HTML, change logs, Atom, JSON-LD); [`check`] reviews the law's requirements;
//!    [`export`] shapes notices for other site generators; [`page_cache`] keeps the pages of
//!    released versions between builds.
//! 4. **Operations**: [`build`] renders and writes a project, [`release`] freezes versions,
//!    [`session`] rebuilds incrementally for a watcher.
//! 5. **Output**: [`output`] stages a tree beside the output directory and swaps it in,
//!    through one guard that never writes into the sources.
//!
//! Every fallible operation returns [`error::Failure`]: diagnostics with file:line:col, and a
//! kind that maps to an exit code.
//!
//! # Example
//!
//! Create a project, check it, and build it into a directory of your choice:
//!
//! ```
//! use notice_core::build::{BuildOptions, build};
//! use notice_core::check::{CheckOptions, check};
//! use notice_core::workspace::Workspace;
//!
//! let dir = tempfile::tempdir()?;
//! let today = notice_core::model::Date { year: 2026, month: 1, day: 15 };
//! let options = notice_core::init::Options { today, github: false, netlify: false };
//! notice_core::init::init(dir.path(), &options)?;
//!
//! let workspace = Workspace::open(dir.path())?;
//! let site = workspace.load(&workspace.select(&["esimerkki".to_string()])?[0])?;
//! assert_eq!(site.primary().code(), "fi");
//!
//! let findings = check(&workspace, &CheckOptions { sites: Vec::new() })?;
//! println!("{} finding(s)", findings.findings.len());
//!
//! let out = dir.path().join("public");
//! let options = BuildOptions { out: Some(out.clone()), sites: Vec::new(), drafts: true, waiting: None, cache_dir: None };
//! let report = build(&workspace, &options)?;
//! assert!(out.join("esimerkki/index.html").is_file());
//! assert!(report.pages > 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

pub mod build;
#[doc(hidden)]
pub mod cache;
pub mod check;
#[doc(hidden)]
pub mod de;
pub mod diagnostic;
pub mod diff;
pub mod error;
pub mod explain;
pub mod export;
#[doc(hidden)]
pub mod files;
pub mod history;
pub mod import;
pub mod init;
#[doc(hidden)]
pub mod labels;
pub mod load;
#[doc(hidden)]
pub mod merge;
pub mod model;
pub mod origin;
pub mod output;
pub mod page_cache;
pub mod project;
pub mod release;
pub mod render;
pub mod schema;
pub mod session;
#[doc(hidden)]
pub mod slug;
#[doc(hidden)]
pub mod source;
pub mod workspace;
