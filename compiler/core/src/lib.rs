//! `notice` compiles privacy notices (tietosuojaseloste) from layered TOML sources into static HTML.
//!
//! The pipeline: [`project`] finds the sources, [`source`] parses them with spans, [`load`]
//! resolves layers and [`merge`]s them with provenance, [`de`] types the result into the
//! [`model`], [`render`] produces pages in memory, and [`output`] swaps them into place.
//! [`check`] reviews the merged notices for completeness.

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
pub mod init;
#[doc(hidden)]
pub mod labels;
pub mod load;
#[doc(hidden)]
pub mod merge;
pub mod model;
pub mod origin;
pub mod output;
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
