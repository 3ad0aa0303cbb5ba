//! Rules on what the law requires a notice to say about its bases: Art. 13(2)(e), Art. 6(3),
//! Arts. 9–10, and references to repealed law.

use super::vocabulary::{self as vocab, lists};
use super::walk::{Part, TextValue, origin_of, origin_of_span, text_values};
use super::{Found, SiteView};
use crate::model::{LegalBasis, Purpose, SpecialCategory, SpecialCategoryCondition};

/// Art. 13(2)(e): stated for the whole notice, or for every purpose, or every data category.
pub(super) fn data_requirement(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let notice = site.notice();
    let categories = &notice.data_categories;
    let per_category = !categories.is_empty() && categories.iter().all(|c| c.requirement.is_some());
    if notice.data_requirement.is_some() || per_category {
        return;
    }
    let stated_somewhere = notice.purposes.iter().any(|p| p.requirement.is_some())
        || categories.iter().any(|c| c.requirement.is_some());
    if !stated_somewhere {
        out.push(Found::new(
            "the notice does not say whether giving the data is a statutory or contractual requirement, or what follows from not giving it",
            site.root(),
        ));
        return;
    }
    for purpose in notice.purposes.iter().filter(|p| p.requirement.is_none()) {
        out.push(Found::new(
            format!(
                "purpose `{}` does not say whether giving the data is required",
                purpose.id
            ),
            site.item("purposes", &purpose.id),
        ));
    }
}

fn texts_of(purpose: &Purpose) -> impl Iterator<Item = &str> {
    [
        &purpose.title,
        &purpose.description,
        &purpose.legitimate_interest,
        &purpose.law,
    ]
    .into_iter()
    .flatten()
    .flat_map(vocab::strings)
}

/// Art. 6(3): a legal obligation or a public task is laid down by a law the notice names.
pub(super) fn legal_basis_law(site: &SiteView<'_>, out: &mut Vec<Found>) {
    for purpose in &site.notice().purposes {
        let needs_law = matches!(
            purpose.basis,
            Some(LegalBasis::LegalObligation | LegalBasis::PublicTask)
        );
        if !needs_law
            || purpose.law.is_some()
            || texts_of(purpose).any(|t| vocab::names_a_law(t).is_some())
        {
            continue;
        }
        out.push(Found::new(
            format!(
                "purpose `{}` rests on a legal obligation or public task but names no law",
                purpose.id
            ),
            site.locate(&["purposes", &purpose.id, "basis"]),
        ));
    }
}

/// Texts that are the notice's own words about its processing: not the standard rights and
/// authority texts, which explain the law to everyone.
fn own_texts<'a>(site: &'a SiteView<'_>) -> Vec<TextValue<'a>> {
    text_values(&site.site.merged)
        .into_iter()
        .filter(|v| !matches!(v.path.first(), Some(&"rights" | &"authority")))
        .collect()
}

/// Arts. 9(2) and 10: special categories and criminal data need their condition. One problem,
/// one finding: a declared category is reported at its declaration, a purpose at the first
/// words that name special data, and text elsewhere only when nothing else was reported.
pub(super) fn special_category(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let notice = site.notice();
    let any_condition = notice
        .purposes
        .iter()
        .any(|p| p.special_category_condition.is_some());
    let any_criminal_law = notice
        .purposes
        .iter()
        .any(|p| p.criminal_data_law.is_some());
    let (declared, declared_criminal) = declared(site, any_condition, any_criminal_law, out);
    let texts = own_texts(site);
    let in_purposes = in_purposes(site, &texts, out);
    if !any_condition && !declared && !in_purposes {
        let elsewhere = texts.iter().filter(|v| v.path.first() != Some(&"purposes"));
        if let Some((value, part, name, words)) = first_named(elsewhere, lists::SPECIAL) {
            out.push(Found::new(
                format!("`{}` names {name}, a special category of data, but no purpose states an Art. 9(2) condition", value.dotted()),
                origin_of(part.node, words),
            ));
        }
    }
    if any_criminal_law || declared_criminal {
        return;
    }
    if let Some((value, part, _, words)) =
        first_named(texts.iter(), &[("criminal data", lists::CRIMINAL)])
    {
        out.push(Found::new(
            format!("`{}` names data on criminal offences, but no purpose names the law that allows it (Art. 10)", value.dotted()),
            origin_of(part.node, words),
        ).help(CRIMINAL_HELP));
    }
}

const CRIMINAL_HELP: &str = "add `criminal_data_law = \"…\"` to the purpose that processes it, e.g. \"Laki rikostaustan selvittämisestä (504/2002)\"";

/// Categories declared special (Art. 9) or criminal (Art. 10) with no condition or law:
/// whether each kind was reported.
fn declared(
    site: &SiteView<'_>,
    any_condition: bool,
    any_criminal_law: bool,
    out: &mut Vec<Found>,
) -> (bool, bool) {
    let (mut special, mut criminal) = (false, false);
    for category in &site.notice().data_categories {
        let Some(kind) = category.special_category else {
            continue;
        };
        let at = site.locate(&["data_categories", &category.id, "special_category"]);
        if kind == SpecialCategory::CriminalOffences && !any_criminal_law {
            criminal = true;
            out.push(Found::new(
                format!("data category `{}` is data on criminal offences, but no purpose names the law that allows it (Art. 10)", category.id),
                at,
            ).help(CRIMINAL_HELP));
        } else if kind != SpecialCategory::CriminalOffences && !any_condition {
            special = true;
            out.push(Found::new(
                format!("data category `{}` is a special category of data, but no purpose states its Art. 9(2) condition", category.id),
                at,
            ));
        }
    }
    (special, criminal)
}

/// Purposes whose texts name special data without the right condition: one finding each.
fn in_purposes(site: &SiteView<'_>, texts: &[TextValue<'_>], out: &mut Vec<Found>) -> bool {
    let mut any = false;
    for purpose in &site.notice().purposes {
        let own = texts
            .iter()
            .filter(|v| matches!(v.path.as_slice(), ["purposes", id, ..] if *id == purpose.id));
        let Some((_, part, name, words)) = first_named(own, lists::SPECIAL) else {
            continue;
        };
        let condition = purpose.special_category_condition;
        let message = if purpose.basis == Some(LegalBasis::Consent)
            && condition != Some(SpecialCategoryCondition::ExplicitConsent)
        {
            format!(
                "purpose `{}` processes {name} on consent, but its condition is not `explicit-consent` (Art. 9(2)(a))",
                purpose.id
            )
        } else if condition.is_none() {
            format!(
                "purpose `{}` names {name}, a special category of data, but states no Art. 9(2) condition",
                purpose.id
            )
        } else {
            continue;
        };
        any = true;
        out.push(Found::new(message, origin_of(part.node, words)));
    }
    any
}

/// The first text part naming one of `named`: the value, the part, the name and the words.
fn first_named<'v, 'a: 'v>(
    values: impl Iterator<Item = &'v TextValue<'a>>,
    named: &[vocab::Named],
) -> Option<(&'v TextValue<'a>, &'v Part<'a>, &'static str, &'a str)> {
    values
        .flat_map(|v| v.parts.iter().map(move |p| (v, p)))
        .find_map(|(v, p)| {
            let (name, hit) = vocab::find_named(p.text, named).into_iter().next()?;
            Some((v, p, name, hit.text(p.text)))
        })
}

/// The henkilötietolaki 523/1999 was repealed by Tietosuojalaki 1050/2018 on 1 January 2019,
/// and the tietosuojalautakunta abolished with it.
pub(super) fn repealed_law(site: &SiteView<'_>, out: &mut Vec<Found>) {
    for value in text_values(&site.site.merged) {
        for part in &value.parts {
            // Every reference: each is a sentence to correct.
            let hits = vocab::find_named(part.text, lists::REPEALED)
                .into_iter()
                .filter(|(_, h)| !vocab::mentions(h.text(part.text), lists::REPEALED_EXCEPT));
            let mut last_end = None;
            for (name, hit) in hits {
                // "henkilötietolaki (523/1999)" is one reference, not two.
                let number = hit
                    .text(part.text)
                    .starts_with(|c: char| c.is_ascii_digit());
                let follows = last_end.is_some_and(|end| hit.start <= end + 3);
                last_end = Some(hit.end);
                if number && follows {
                    continue;
                }
                let words = hit.text(part.text);
                out.push(Found::new(
                    format!(
                        "`{}` refers to the repealed {name}: `{words}`",
                        value.part_path(part)
                    ),
                    origin_of_span(part.node, part.text, hit.start, hit.end),
                ));
            }
        }
    }
}
