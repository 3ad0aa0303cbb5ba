//! The Data Protection Ombudsman's details: the `[authority]` block compared with the office's
//! current details, and the office's former details in texts about it.

use super::vocabulary::{self as vocab, lists};
use super::walk::{TextValue, origin_of, text_values};
use super::{Found, SiteView};
use crate::model::Lang;

/// The current details per field: the accepted values for each language (`None`: any language).
/// Compared without case, spaces or punctuation. Source: tietosuoja.fi, "Yhteystiedot".
const CURRENT: &[(&str, Option<Lang>, &[&str])] = &[
    (
        "visiting_address",
        Some(Lang::Fi),
        &["Lintulahdenkuja 4, 00530 Helsinki"],
    ),
    (
        "visiting_address",
        Some(Lang::Sv),
        &["Fågelviksgränden 4, 00530 Helsingfors"],
    ),
    (
        "visiting_address",
        Some(Lang::En),
        &[
            "Lintulahdenkuja 4, 00530 Helsinki, Finland",
            "Lintulahdenkuja 4, 00530 Helsinki",
        ],
    ),
    (
        "postal_address",
        Some(Lang::Fi),
        &["PL 800, 00531 Helsinki"],
    ),
    (
        "postal_address",
        Some(Lang::Sv),
        &["PB 800, 00531 Helsingfors"],
    ),
    (
        "postal_address",
        Some(Lang::En),
        &["PL 800, 00531 Helsinki, Finland", "PL 800, 00531 Helsinki"],
    ),
    ("phone", None, &["029 566 6700", "+358 29 566 6700"]),
    ("email", None, &["tietosuoja@om.fi"]),
    (
        "website",
        Some(Lang::Fi),
        &["tietosuoja.fi", "tietosuoja.fi/fi"],
    ),
    ("website", Some(Lang::Sv), &["tietosuoja.fi/sv"]),
    ("website", Some(Lang::En), &["tietosuoja.fi/en"]),
];

/// The former details, as notices still print them.
const STALE: &[&str] = &["ratapihantie 9", "bangårdsvägen 9", "00520$", "00521$"];

/// The former e-mail address; the office's is tietosuoja@om.fi.
const OLD_EMAIL: &str = "tietosuoja@tietosuoja.fi";

/// The office's former advice line, 029 56 16670, written with any spacing.
const OLD_PHONE: &str = "295616670";

fn normalise(text: &str) -> String {
    let text = text.to_lowercase();
    let text = text
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let text = text.trim_start_matches("www.").trim_end_matches('/');
    let text = text.replace("+358", "0");
    text.chars()
        .filter(|c| c.is_alphanumeric() || *c == '@' || *c == '/')
        .collect()
}

pub(super) fn stale_authority(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let values = text_values(&site.site.merged);
    let block: Vec<&TextValue<'_>> = values
        .iter()
        .filter(|v| v.path.first() == Some(&"authority"))
        .collect();
    if block.iter().any(|v| is_the_ombudsman(v)) {
        for value in &block {
            compare(value, out);
        }
    }
    for value in values.iter().filter(|v| about_the_authority(v)) {
        let authority_section = matches!(
            value.path.as_slice(),
            ["intros", "authority"] | ["rights", "complaint", ..]
        );
        for part in &value.parts {
            let topic = authority_section || vocab::mentions(part.text, lists::AUTHORITY);
            let words = if topic {
                stale_words(part.text)
            } else {
                old_email(part.text).map(|(s, e)| &part.text[s..e])
            };
            if let Some(words) = words {
                out.push(Found::new(
                    format!(
                        "`{}` has the Data Protection Ombudsman's former details: `{words}`",
                        value.part_path(part)
                    ),
                    origin_of(part.node, words),
                ));
            }
        }
    }
}

/// Texts that may speak of the authority: not the block itself (compared field by field),
/// and never the address of a controller, recipient, source or person. Within them, the former
/// street address, postcodes and phone count only in a text about the authority (the
/// complaint right, the authority's intro, or a text naming it): a recipient may well be in
/// Pasila.
fn about_the_authority(value: &TextValue<'_>) -> bool {
    !matches!(
        value.path.first(),
        Some(
            &"authority"
                | &"controller"
                | &"contact"
                | &"dpo"
                | &"representative"
                | &"recipients"
                | &"transfers"
                | &"sources"
        )
    )
}

/// Whether the `[authority]` block is the Finnish Data Protection Ombudsman.
fn is_the_ombudsman(value: &TextValue<'_>) -> bool {
    value.parts.iter().any(|p| {
        let lower = p.text.to_lowercase();
        vocab::mentions(
            p.text,
            &[
                "tietosuojavaltuut",
                "dataombudsman",
                "data protection ombudsman",
            ],
        ) || lower.contains("tietosuoja.fi")
            || lower.ends_with("@om.fi")
    })
}

fn compare(value: &TextValue<'_>, out: &mut Vec<Found>) {
    let field = value.key();
    for part in &value.parts {
        let accepted: Vec<&str> = CURRENT
            .iter()
            .filter(|(f, lang, _)| {
                *f == field && (part.lang.is_none() || lang.is_none() || *lang == part.lang)
            })
            .flat_map(|(_, _, values)| values.iter().copied())
            .collect();
        let Some(current) = accepted.first() else {
            continue;
        };
        let written = normalise(part.text);
        if accepted.iter().any(|a| normalise(a) == written) {
            continue;
        }
        out.push(
            Found::new(
                format!(
                    "`{}` is `{}`, but the Data Protection Ombudsman's is `{current}`",
                    value.part_path(part),
                    part.text
                ),
                part.node.origin.clone(),
            )
            .help(format!(
                "write `{current}`; the `fi-standard` layer has the office's current details"
            )),
        );
    }
}

/// The first former detail written in `text`.
fn stale_words(text: &str) -> Option<&str> {
    let found = vocab::first(text, STALE).map(|hit| (hit.start, hit.end));
    let email = old_email(text);
    let phone = old_phone(text);
    [found, email, phone]
        .into_iter()
        .flatten()
        .min()
        .map(|(s, e)| &text[s..e])
}

/// The former e-mail address, which was only ever the office's: flagged in any text.
fn old_email(text: &str) -> Option<(usize, usize)> {
    let at = text.to_ascii_lowercase().find(OLD_EMAIL)?;
    Some((at, at + OLD_EMAIL.len()))
}

/// Where the former advice line is written, in any spacing or with +358.
fn old_phone(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        if !(bytes[start].is_ascii_digit() || bytes[start] == b'+') {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < bytes.len()
            && (bytes[end].is_ascii_digit() || matches!(bytes[end], b' ' | b'-' | b'+'))
        {
            end += 1;
        }
        let digits: String = text[start..end]
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        if digits.ends_with(OLD_PHONE) && (digits.len() == 10 || digits.starts_with("358")) {
            return Some((start, text[..end].trim_end().len()));
        }
        start = end.max(start + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn former_details_are_found_as_written() {
        assert_eq!(
            stale_words("RATAPIHANTIE 9, 6. krs, 00521 Helsinki"),
            Some("RATAPIHANTIE 9")
        );
        assert_eq!(
            stale_words("PL 800, 00531 Helsinki; tietosuoja@om.fi"),
            None
        );
        assert_eq!(stale_words("puh. 0052011"), None);
        assert_eq!(
            stale_words("Skriv till tietosuoja@tietosuoja.fi"),
            Some("tietosuoja@tietosuoja.fi")
        );
        assert_eq!(
            stale_words("neuvonta 029 56 16670 ma-pe"),
            Some("029 56 16670")
        );
        assert_eq!(stale_words("+358 29 561 6670"), Some("+358 29 561 6670"));
        assert_eq!(stale_words("029 566 6700"), None);
    }

    #[test]
    fn current_details_compare_without_spacing_or_case() {
        assert_eq!(
            normalise("PL 800,  00531 HELSINKI"),
            normalise("PL 800, 00531 Helsinki")
        );
        assert_eq!(normalise("+358 29 566 6700"), normalise("029 566 6700"));
        assert_eq!(
            normalise("https://www.tietosuoja.fi/"),
            normalise("tietosuoja.fi")
        );
    }
}
