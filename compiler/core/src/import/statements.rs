//! What a sentence states: a legal basis, a recipient's role, that there are no transfers,
//! no disclosures, no cookies, no automated decisions. A statement of "none" counts only when
//! no sentence of the notice admits an exception to it.

use super::draft::Draft;
use super::services::sentences;

/// Words that qualify a statement: "paitsi", "kuitenkin", "saattavat", "may", "except".
/// Each starts at a word ("utom" is not the one in "automatisoitu").
const EXCEPTIONS: &[&str] = &[
    " paitsi",
    " lukuun ottamatta",
    " kuitenkin",
    " saatta",
    " voidaan",
    " voi ",
    " voivat",
    " ellei",
    " poikkeu",
    " except",
    " however",
    " unless",
    " may ",
    " might",
    " utom ",
    " dock ",
    " kan ",
    " såvida",
];

/// Words that deny: "ei", "eikä", "emme", "not", "inte", "no".
const NEGATIONS: &[&str] = &[
    " ei ",
    " eikä ",
    " emme ",
    " mitään ",
    " not ",
    "n't ",
    " never ",
    " inte ",
    " inga ",
    " ingen ",
    " aldrig ",
    " no ",
];

/// Whether `text` contains any of `words`, with punctuation read as spaces so that a word
/// list can mark word starts and ends with a space.
fn has_any(text: &str, words: &[&str]) -> bool {
    let spaced: String = text
        .to_lowercase()
        .chars()
        .map(|c| if ",.;:!?()\"".contains(c) { ' ' } else { c })
        .collect();
    let padded = format!(" {spaced} ");
    words.iter().any(|w| padded.contains(w))
}

/// Whether a sentence speaks of transfers outside the EU/EEA (not of "kolmannet osapuolet",
/// third parties, which is disclosure).
pub(crate) fn mentions_transfer(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let outside = ["ulkopuol", "outside", "utanför"]
        .iter()
        .any(|w| lower.contains(w))
        && ["eu", "eta", "ees", "eea", "euroop"]
            .iter()
            .any(|w| lower.contains(w));
    outside
        || [
            "kolmansiin maihin",
            "kolmanteen maahan",
            "third countr",
            "tredje land",
            "tredjeländer",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// `[none]` entries the whole text states without exception.
pub(crate) fn apply_none(draft: &mut Draft, text: &str) {
    let all = sentences(text);
    let transfers: Vec<&&str> = all.iter().filter(|s| mentions_transfer(s)).collect();
    if transfers.iter().any(|s| has_any(s, NEGATIONS))
        && !transfers.iter().any(|s| has_any(s, EXCEPTIONS))
    {
        draft.state_none("transfers");
        draft.fact("none", "transfers outside the EU/EEA");
    }
    let cookies: Vec<&&str> = all
        .iter()
        .filter(|s| has_any(s, &["eväst", "cookie", "kakor"]))
        .collect();
    let denied = cookies.iter().any(|s| {
        has_any(
            s,
            &[
                "ei käytä",
                "emme käytä",
                "ei käytetä",
                "does not use",
                "do not use",
                "no cookies",
                "använder inte",
                "inga kakor",
            ],
        )
    });
    if denied && !cookies.iter().any(|s| has_any(s, EXCEPTIONS)) && cookies.len() <= 2 {
        draft.state_none("cookies");
        draft.fact("none", "cookies");
    }
    let disclosures: Vec<&&str> = all
        .iter()
        .filter(|s| has_any(s, &["luovut", "disclos", "utlämn", "lämnas ut", "share"]))
        .collect();
    let processors = has_any(
        text,
        &[
            "palveluntarjoaj",
            "alihankkij",
            "yhteistyökumppan",
            "käsittelijä",
            "ulkoist",
            "processor",
            "provider",
            "leverantör",
            "biträd",
            "hosting",
            "säännönmukaisesti",
        ],
    );
    let no_recipients = draft
        .items
        .get(&crate::model::Section::Recipients)
        .is_none_or(Vec::is_empty);
    if no_recipients
        && !processors
        && disclosures.iter().any(|s| has_any(s, NEGATIONS))
        && !disclosures.iter().any(|s| has_any(s, EXCEPTIONS))
    {
        draft.state_none("recipients");
        draft.fact("none", "recipients");
    }
}

/// Whether the text says no automated decisions are made, without exception.
pub(crate) fn denies_automated_decisions(text: &str) -> bool {
    has_any(
        text,
        &[
            "ei tehdä",
            "ei käytetä",
            "ei suoriteta",
            "ei ole",
            "emme tee",
            "emme käytä",
            "not used",
            "no automated",
            "does not",
            "do not",
            "förekommer inte",
            "används inte",
            "görs inte",
            "inga automatiserade",
        ],
    ) && !has_any(text, EXCEPTIONS)
}

/// The legal bases of Art. 6(1), by the words for them in fi, sv and en.
const BASES: &[(&str, &[&str])] = &[
    ("consent", &["suostumu", "samtycke", "consent"]),
    ("contract", &["sopimu", "avtal", "contract"]),
    (
        "legal-obligation",
        &[
            "lakisääteinen velvoite",
            "lakisääteisen velvoitteen",
            "rättslig förpliktelse",
            "legal obligation",
        ],
    ),
    (
        "vital-interests",
        &["elintärkeä", "grundläggande intresse", "vital interest"],
    ),
    (
        "public-task",
        &[
            "yleisen edun",
            "yleistä etua",
            "julkisen vallan",
            "allmänt intresse",
            "public interest",
            "official authority",
        ],
    ),
    (
        "legitimate-interests",
        &[
            "oikeutettu etu",
            "oikeutetun edun",
            "oikeutettuun etuun",
            "berättigat intresse",
            "legitimate interest",
        ],
    ),
];

/// The one legal basis a purpose's own text states, with the words that state it; `None` when
/// it states none or several ("sopimus, suostumus tai oikeutettu etu" is no basis of any one).
pub(crate) fn single_basis(text: &str) -> Option<(&'static str, String)> {
    let lower = text.to_lowercase();
    let found: Vec<(&str, &str)> = BASES
        .iter()
        .filter_map(|(basis, words)| {
            words
                .iter()
                .find(|w| lower.contains(*w))
                .map(|w| (*basis, *w))
        })
        .collect();
    match found[..] {
        [(basis, _)] => Some((basis, text.to_string())),
        _ => None,
    }
}

/// The role a recipient's text suggests, and whether the text says it outright; `None` when
/// the text gives no hint, since a recipient's role is optional and is not to be made up.
pub(crate) fn recipient_role(text: &str) -> Option<(&'static str, bool)> {
    let lower = text.to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if any(&[
        "viranomai",
        "myndighet",
        "authorit",
        "poliisi",
        "polis",
        "police",
        "verohallin",
    ]) {
        Some(("authority", true))
    } else if any(&[
        "henkilötietojen käsittelijä",
        "personuppgiftsbiträd",
        "processor",
    ]) {
        Some(("processor", true))
    } else if any(&[
        "palveluntarjoaj",
        "toimittaja",
        "alihankkij",
        "hosting",
        "tilitoimisto",
        "kirjanpit",
        "bokför",
        "accounting",
        "accountant",
        "leverantör",
        "biträde",
        "provider",
        "supplier",
        "vendor",
        "ulkoist",
    ]) {
        Some(("processor", false))
    } else if any(&["lain", "laki", "lag ", "law"]) {
        Some(("authority", false))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none_of(text: &str) -> Vec<&'static str> {
        let mut draft = Draft::default();
        apply_none(&mut draft, text);
        draft.none
    }

    #[test]
    fn stated_none_is_structured() {
        assert_eq!(
            none_of("Mitään henkilötietoja ei siirretä EU:n tai ETA:n ulkopuolelle."),
            ["transfers"]
        );
        assert_eq!(none_of("Sivusto ei käytä evästeitä."), ["cookies"]);
        assert_eq!(
            none_of("Tietoja ei luovuteta kolmansille osapuolille."),
            ["recipients"]
        );
    }

    #[test]
    fn none_with_an_exception_is_left_as_text() {
        assert!(none_of("Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle. Osa palveluntarjoajista saattaa säilyttää tietoja EU:n ulkopuolella.").is_empty());
        assert!(none_of("Henkilötietoja ei luovuteta kolmansille osapuolille ilman suostumustasi, paitsi lain velvoittamana.").is_empty());
        assert!(none_of("Emme luovuta tietoja kolmansille osapuolille. Voimme kuitenkin luovuttaa tietoja viranomaisille.").is_empty());
        // Third parties are not third countries.
        assert!(
            none_of("Tietoja ei anneta kolmansille osapuolille.")
                .iter()
                .all(|n| *n != "transfers")
        );
    }

    #[test]
    fn a_basis_is_taken_only_when_the_text_states_one() {
        assert_eq!(
            single_basis("Markkinointi (vain asiakkaan suostumuksella)").map(|b| b.0),
            Some("consent")
        );
        assert_eq!(
            single_basis("Käsittelyn perusteet: sopimus, suostumus tai oikeutettu etu."),
            None
        );
        assert_eq!(single_basis("Asiakassuhteen hoitaminen"), None);
    }

    #[test]
    fn automated_decisions_denied() {
        assert!(denies_automated_decisions(
            "Automatisoituja yksittäispäätöksiä ei tehdä."
        ));
        assert!(!denies_automated_decisions(
            "Profilointia käytetään markkinoinnissa."
        ));
    }
}
