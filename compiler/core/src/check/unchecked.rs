//! What kept sites from being checked: a source that does not read, parse or type, a theme that
//! does not render, a modified archive. Each problem is reported once, with every site it hit.

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::error::{Failure, FailureKind};

/// The id under which such problems appear among the findings of `--format json` and
/// `--format github`. It is no rule: nothing was checked.
pub const LOAD_ERROR: &str = "load-error";

/// One problem that kept sites from being checked.
#[derive(Debug, Clone)]
pub struct LoadError {
    /// The problem, as `notice build` would report it.
    pub diagnostic: Diagnostic,
    /// The sites it kept from being checked (fully), sorted.
    pub sites: Vec<String>,
}

/// Collects load errors across sites; the same broken layer is one error with many sites.
#[derive(Default)]
pub(super) struct LoadErrors {
    /// By location, then the whole rendered diagnostic, which is also what makes two equal.
    errors: BTreeMap<(String, usize, String), LoadError>,
    kind: Option<FailureKind>,
}

impl LoadErrors {
    /// Records every diagnostic of `failure` for each of `sites`.
    pub(super) fn add<'a>(
        &mut self,
        failure: Failure,
        sites: impl Iterator<Item = &'a str> + Clone,
    ) {
        self.kind = self.kind.max(Some(failure.kind));
        for diagnostic in failure.diagnostics {
            let (file, offset) = match (&diagnostic.origin, &diagnostic.path) {
                (Some(origin), _) => (origin.file.display.clone(), origin.span.start),
                (None, Some(path)) => (path.to_string(), 0),
                (None, None) => (String::new(), 0),
            };
            let key = (file, offset, diagnostic.to_string());
            let error = self.errors.entry(key).or_insert_with(|| LoadError {
                diagnostic,
                sites: Vec::new(),
            });
            error.sites.extend(sites.clone().map(str::to_string));
        }
    }

    /// The errors in output order, and the kind of failure they make (exit 65 or 74).
    pub(super) fn finish(self) -> (Vec<LoadError>, Option<FailureKind>) {
        let errors = self
            .errors
            .into_values()
            .map(|mut error| {
                error.sites.sort();
                error.sites.dedup();
                error
            })
            .collect();
        (errors, self.kind)
    }
}
