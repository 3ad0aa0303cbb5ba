//! Legal bases named in prose: a notice converted from free text often names its bases in a
//! sentence ("Käsittelyn perusteet: sopimus, suostumus tai oikeutettu etu") tied to no purpose.
//! `legal-basis` reports the purposes without a `basis`; these find what such a sentence still
//! requires: the interest (Art. 13(1)(d)) and the right to withdraw consent (Art. 13(2)(c)).

use super::vocabulary::{self as vocab};
use super::walk::{TextValue, origin_of_span, text_values};
use crate::source::Origin;

/// Legitimate interests as a basis, in fi, sv and en.
const LEGITIMATE_INTERESTS: &[&str] = &[
    "oikeutet etu",
    "oikeutet edu",
    "berättig intress",
    "legitimate interest",
];

/// Consent, in fi, sv and en.
const CONSENT: &[&str] = &["suostumu", "samtyck", "consent"];

/// Texts that describe the processing and its bases: the purposes, their intro, retention
/// (which says "until consent is withdrawn") — not a recipients text's "not without your consent".
fn about_bases<'a>(values: &'a [TextValue<'a>]) -> impl Iterator<Item = &'a TextValue<'a>> {
    values.iter().filter(|v| {
        matches!(
            v.path.as_slice(),
            ["purposes", ..]
                | ["intros", "purposes"]
                | ["retention"]
                | ["data_categories", _, "retention"]
        )
    })
}

/// Where prose names `patterns` as a basis, outside negated sentences.
fn named(root: &crate::source::Node, patterns: &[&str]) -> Option<(Origin, String)> {
    let values = text_values(root);
    for value in about_bases(&values) {
        for part in &value.parts {
            for (s, e) in vocab::sentences(part.text) {
                let sentence = &part.text[s..e];
                let Some(hit) = vocab::first(sentence, patterns) else {
                    continue;
                };
                if vocab::negated(sentence) {
                    continue;
                }
                let (start, end) = (s + hit.start, s + hit.end);
                let origin = origin_of_span(part.node, part.text, start, end);
                return Some((origin, part.text[start..end].to_string()));
            }
        }
    }
    None
}

/// Where prose names legitimate interests as a basis.
pub(super) fn legitimate_interests(root: &crate::source::Node) -> Option<(Origin, String)> {
    named(root, LEGITIMATE_INTERESTS)
}

/// Where prose names consent as a basis.
pub(super) fn consent(root: &crate::source::Node) -> Option<(Origin, String)> {
    named(root, CONSENT)
}
