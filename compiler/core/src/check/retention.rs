//! Retention that says only "as long as necessary" (Art. 13(2)(a)).
//!
//! `retention` owns a retention statement that is missing altogether (for the notice or for a
//! purpose); this rule owns one that is there but gives neither a period nor criteria.

use super::vocabulary::{self as vocab, lists};
use super::walk::{origin_of, text_values};
use super::{Found, SiteView};

pub(super) fn retention_criteria(site: &SiteView<'_>, out: &mut Vec<Found>) {
    // A general statement beside a period for every purpose only adds to them ("the periods
    // are given for each purpose"), so it is not read alone.
    let notice = site.notice();
    let every_purpose =
        !notice.purposes.is_empty() && notice.purposes.iter().all(|p| p.retention.is_some());
    let values = text_values(&site.site.merged);
    let retention = values.iter().filter(|v| v.key() == "retention");
    for value in retention.filter(|v| !(every_purpose && v.path.len() == 1)) {
        // One finding for the text, at its first vague language: one problem, one finding.
        if let Some((part, words)) = value
            .parts
            .iter()
            .find_map(|part| Some((part, vague(part.text)?)))
        {
            out.push(Found::new(
                format!(
                    "`{}` keeps data only \"as long as necessary\": `{words}` gives neither a period nor the criteria that set it",
                    value.part_path(part)
                ),
                origin_of(part.node, words),
            ));
        }
    }
}

/// The vague words of a retention text that gives no period, criteria or named law.
fn vague(text: &str) -> Option<&str> {
    if vocab::gives_period(text)
        || vocab::mentions(text, lists::CRITERIA)
        || vocab::names_a_law(text).is_some()
    {
        return None;
    }
    vocab::sentences(text).into_iter().find_map(|(start, end)| {
        let sentence = &text[start..end];
        let as_long = vocab::first(sentence, lists::AS_LONG_AS)
            .or_else(|| vocab::first(sentence, lists::NO_LONGER))
            .filter(|_| vocab::mentions(sentence, lists::NECESSARY));
        let by_law = vocab::first(sentence, lists::LAW_IN_GENERAL)
            .filter(|_| vocab::mentions(sentence, lists::LAW_SAYS));
        let hit = as_long.or(by_law)?;
        Some(&text[start + hit.start..start + hit.end])
    })
}

#[cfg(test)]
mod tests {
    use super::vague;

    #[test]
    fn only_as_long_as_necessary_is_vague() {
        for text in [
            "Tietoja säilytetään niin kauan kuin on tarpeen.",
            "niin kauan kuin se on tarpeellista käyttötarkoituksen kannalta",
            "Så länge som det behövs.",
            "As long as is necessary for the purposes.",
            "Tiedot säilytetään lain sallimissa säilytysajoissa.",
            "Tiedot poistetaan, kun niitä ei enää tarvita.",
            "Data is deleted once it is no longer needed.",
        ] {
            assert!(vague(text).is_some(), "{text}");
        }
        for text in [
            "Kaksi vuotta asiakassuhteen päättymisestä.",
            "Niin kauan kuin on tarpeen, enintään 6 kuukautta.",
            "Kunnes peruutat tilauksen.",
            "Kirjanpitolain edellyttämän ajan.",
            "As long as your account is open, then deleted until the month ends.",
        ] {
            assert!(vague(text).is_none(), "{text}");
        }
    }
}
