//! `notice` compiles privacy notices (tietosuojaseloste) from layered TOML sources into static HTML.
//!
//! The pipeline: [`project`] finds the sources, [`source`] parses them with spans, [`load`]
//! resolves layers and [`merge`]s them with provenance, [`de`] types the result into the
//! [`model`], [`render`] produces pages in memory, and [`output`] swaps them into place.
//! [`check`] reviews the merged notices for completeness.

pub mod build;
pub mod cache;
pub mod check;
pub mod de;
pub mod diagnostic;
pub mod diff;
pub mod error;
pub mod explain;
pub mod export;
pub mod files;
pub mod history;
pub mod init;
pub mod labels;
pub mod load;
pub mod merge;
pub mod model;
pub mod origin;
pub mod output;
pub mod project;
pub mod release;
pub mod render;
pub mod schema;
pub mod session;
pub mod slug;
pub mod source;
pub mod workspace;
