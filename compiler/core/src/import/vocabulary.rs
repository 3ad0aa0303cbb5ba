//! The words real notices use for their sections and for the data subject's rights, in Finnish,
//! Swedish and English. Finnish inflects (`tarkoitus`, `tarkoitukseen`, `tarkoituksiin`), so
//! every entry is a lowercase stem matched anywhere in the text, not a whole word.

use crate::model::Section;

/// A stem that names a section in a heading. `sure` is false for stems that also occur in
/// other sections' headings ("säilytetään" in "how is it stored?"), so the mapping is marked
/// for review.
struct Stem {
    stem: &'static str,
    section: Section,
    sure: bool,
}

const fn sure(stem: &'static str, section: Section) -> Stem {
    Stem {
        stem,
        section,
        sure: true,
    }
}

const fn guess(stem: &'static str, section: Section) -> Stem {
    Stem {
        stem,
        section,
        sure: false,
    }
}

use Section::*;

/// The established Finnish template's headings (Henkilötietolaki-era "rekisteriseloste" and
/// the GDPR-era "tietosuojaseloste"), the question forms web pages use, and their Swedish and
/// English equivalents.
const SECTION_STEMS: &[Stem] = &[
    sure("rekisterinpitäjä", Controller),
    sure("rekisterin pitäjä", Controller),
    sure("personuppgiftsansvarig", Controller),
    sure("registeransvarig", Controller),
    sure("data controller", Controller),
    sure("controller", Controller),
    guess("who we are", Controller),
    sure("yhteyshenkilö", Contact),
    sure("kontaktperson", Contact),
    sure("contact person", Contact),
    guess("yhteyst", Contact),
    guess("yhteyden", Contact),
    guess("yhteyttä", Contact),
    guess("kontakt", Contact),
    guess("contact", Contact),
    sure("tietosuojavastaava", Dpo),
    sure("dataskyddsombud", Dpo),
    sure("data protection officer", Dpo),
    sure("rekisterin nimi", RegisterName),
    sure("registrets namn", RegisterName),
    sure("name of the register", RegisterName),
    sure("tarkoitu", Purposes),
    sure("käsittelyn peruste", Purposes),
    sure("oikeusperuste", Purposes),
    guess("peruste", Purposes),
    sure("ändamål", Purposes),
    sure("rättslig grund", Purposes),
    sure("purpose", Purposes),
    sure("legal basis", Purposes),
    guess("why we", Purposes),
    sure("tietosisäl", DataCategories),
    sure("rekisterin sisältö", DataCategories),
    sure("tietoryhm", DataCategories),
    sure("millaisia tietoja", DataCategories),
    sure("mitä tietoja", DataCategories),
    guess("kerättävät tiedot", DataCategories),
    guess("käsiteltävät tiedot", DataCategories),
    sure("registrets innehåll", DataCategories),
    sure("kategorier av personuppgifter", DataCategories),
    guess("vilka uppgifter", DataCategories),
    sure("categories of personal data", DataCategories),
    guess("data we collect", DataCategories),
    guess("what data", DataCategories),
    sure("lähte", Sources),
    guess("mistä", Sources),
    sure("uppgiftskäll", Sources),
    sure("källor", Sources),
    sure("source", Sources),
    sure("luovut", Recipients),
    sure("vastaanottaj", Recipients),
    guess("kuka käsittelee", Recipients),
    sure("mottagare", Recipients),
    sure("utlämn", Recipients),
    sure("recipient", Recipients),
    sure("disclos", Recipients),
    guess("share", Recipients),
    sure("ulkopuol", Transfers),
    sure("tietojen siirt", Transfers),
    guess("siirro", Transfers),
    sure("överför", Transfers),
    sure("tredjeland", Transfers),
    sure("transfer", Transfers),
    sure("outside the eu", Transfers),
    sure("säilytysai", Retention),
    sure("säilytysaj", Retention),
    sure("kuinka kauan", Retention),
    guess("säilyt", Retention),
    sure("lagringstid", Retention),
    sure("hur länge", Retention),
    sure("retention", Retention),
    sure("how long", Retention),
    sure("tietojen antami", DataRequirement),
    guess("velvollisuus antaa", DataRequirement),
    sure("skyldighet att lämna", DataRequirement),
    sure("requirement to provide", DataRequirement),
    sure("obligation to provide", DataRequirement),
    sure("automaattinen päätö", AutomatedDecisions),
    sure("automaattis", AutomatedDecisions),
    sure("automatisoi", AutomatedDecisions),
    sure("profilointi", AutomatedDecisions),
    sure("automatiserat", AutomatedDecisions),
    sure("profilering", AutomatedDecisions),
    sure("automated decision", AutomatedDecisions),
    sure("profiling", AutomatedDecisions),
    sure("eväste", Cookies),
    sure("cookie", Cookies),
    sure("kakor", Cookies),
    sure("suojau", Security),
    sure("suojata", Security),
    sure("tietoturva", Security),
    sure("säkerhet", Security),
    sure("skydd av", Security),
    sure("security", Security),
    guess("protect", Security),
    sure("oikeude", Rights),
    sure("tarkastusoikeu", Rights),
    sure("oikeus tarkastaa", Rights),
    sure("kielto-oikeu", Rights),
    guess("korjaami", Rights),
    sure("rätt till insyn", Rights),
    sure("right of access", Rights),
    sure("oikeuksi", Rights),
    // "Sinun oikeutesi", "Teidän oikeutenne": possessive forms, not "oikeutettu etu".
    sure("oikeutesi", Rights),
    sure("oikeutenne", Rights),
    guess("vaikuttaa", Rights),
    sure("rättighet", Rights),
    sure("rights", Rights),
    sure("valvontaviranomai", Authority),
    sure("tietosuojavaltuutet", Authority),
    sure("tillsynsmyndighet", Authority),
    sure("dataombudsman", Authority),
    sure("supervisory authority", Authority),
    guess("valitu", Authority),
    guess("complaint", Authority),
];

/// What a heading names: its first section, a second one when the heading names two
/// ("luovutukset ja siirto EU:n ulkopuolelle"), and whether the mapping is certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HeadingMatch {
    /// The section the heading names first.
    pub(crate) section: Section,
    /// A second section the heading also names, if any.
    pub(crate) also: Option<Section>,
    /// Whether only a stem that other headings share matched.
    pub(crate) sure: bool,
}

/// The section(s) a heading names, by the stem that occurs earliest in it (longest first on a
/// tie): "Säännönmukaiset tietojen luovutukset ja tietojen siirto EU:n ulkopuolelle" names the
/// recipients first, then the transfers.
pub(crate) fn section_of(heading: &str) -> Option<HeadingMatch> {
    let text = normalise(heading);
    if text.is_empty() || text.split_whitespace().count() > 16 {
        return None;
    }
    // (position, -length, index) for each stem found, earliest and longest first.
    let mut found: Vec<(usize, std::cmp::Reverse<usize>, usize)> = SECTION_STEMS
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            text.find(s.stem)
                .map(|at| (at, std::cmp::Reverse(s.stem.len()), i))
        })
        .collect();
    found.sort_unstable();
    let first = &SECTION_STEMS[found.first()?.2];
    let also = found
        .iter()
        .map(|f| &SECTION_STEMS[f.2])
        .find(|s| s.section != first.section && s.sure)
        .map(|s| s.section);
    // Sure when any certain stem names the same section ("mistä lähteistä": "lähte").
    let sure = found
        .iter()
        .map(|f| &SECTION_STEMS[f.2])
        .any(|s| s.section == first.section && s.sure);
    Some(HeadingMatch {
        section: first.section,
        also,
        sure,
    })
}

/// A heading lowercased, its numbering ("1.", "2.3") and trailing punctuation removed.
pub(crate) fn normalise(heading: &str) -> String {
    let lower = heading.trim().to_lowercase();
    let without_number =
        lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')');
    without_number
        .trim()
        .trim_end_matches([':', '?', '.', '!'])
        .trim()
        .to_string()
}

/// A data subject's right: its id in `fi-standard`, its GDPR article, and the stems that name it.
pub(crate) struct RightWords {
    /// The right's id, as `fi-standard` defines it.
    pub(crate) id: &'static str,
    /// The article, as `article` is written in the source format.
    pub(crate) article: &'static str,
    stems: &'static [&'static str],
}

/// Every right of Arts. 15–18, 20–22, 7(3) and 77, with the words notices use for it.
pub(crate) const RIGHTS: &[RightWords] = &[
    RightWords {
        id: "access",
        article: "15",
        stems: &[
            "tarkast",
            "tarkist",
            "pääsy",
            "saada tieto",
            "tillgång",
            "registerutdrag",
            "access",
        ],
    },
    RightWords {
        id: "rectification",
        article: "16",
        stems: &["korja", "oikai", "täydent", "rättel", "rectif", "correct"],
    },
    RightWords {
        id: "erasure",
        article: "17",
        stems: &[
            "poist", "unohde", "radera", "radering", "glömd", "erasure", "delet",
        ],
    },
    RightWords {
        id: "restriction",
        article: "18",
        stems: &["rajoit", "begräns", "restrict"],
    },
    RightWords {
        id: "portability",
        article: "20",
        stems: &[
            "siirtoa toiseen",
            "siirto toiseen",
            "siirtää tiedot",
            "järjestelmästä toiseen",
            "dataportab",
            "portab",
        ],
    },
    RightWords {
        id: "objection",
        article: "21",
        stems: &["vastust", "invänd", "object"],
    },
    RightWords {
        id: "automated-decisions",
        article: "22",
        stems: &["automaattis", "automatiser", "automated"],
    },
    RightWords {
        id: "withdraw-consent",
        article: "7(3)",
        stems: &["peruut", "peruu", "återkalla", "withdraw"],
    },
    RightWords {
        id: "complaint",
        article: "77",
        stems: &["valitu", "valittaa", "klagomål", "complain", "lodge"],
    },
];

/// The rights an item names, in the order it names them.
pub(crate) fn rights_in(text: &str) -> Vec<&'static RightWords> {
    let lower = text.to_lowercase();
    let mut found: Vec<(usize, &'static RightWords)> = RIGHTS
        .iter()
        .filter_map(|r| {
            r.stems
                .iter()
                .filter_map(|stem| lower.find(stem))
                .min()
                .map(|at| (at, r))
        })
        .collect();
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(heading: &str) -> Option<Section> {
        section_of(heading).map(|m| m.section)
    }

    #[test]
    fn numbered_template_headings_map_in_every_language() {
        assert_eq!(section("1. Rekisterinpitäjä"), Some(Controller));
        assert_eq!(
            section("2. Henkilötietojen käsittelyn tarkoitus ja perusteet"),
            Some(Purposes)
        );
        assert_eq!(section("3. Rekisterin tietosisältö"), Some(DataCategories));
        assert_eq!(section("Tietojen lähteet"), Some(Sources));
        assert_eq!(section("Rekisterin suojauksen periaatteet"), Some(Security));
        assert_eq!(section("Rekisteröidyn oikeudet"), Some(Rights));
        assert_eq!(section("Evästeet (cookies)"), Some(Cookies));
        assert_eq!(section("Tietojen säilytysaika"), Some(Retention));
        assert_eq!(section("Personuppgiftsansvarig"), Some(Controller));
        assert_eq!(section("Registrets innehåll"), Some(DataCategories));
        assert_eq!(section("Lagringstid"), Some(Retention));
        assert_eq!(section("Your rights"), Some(Rights));
        assert_eq!(section("Supervisory authority"), Some(Authority));
        assert_eq!(section("Tietosuojavastaava"), Some(Dpo));
        assert_eq!(section("10. Tarkastusoikeus"), Some(Rights));
        assert_eq!(section("7. Sinun oikeutesi"), Some(Rights));
        assert_eq!(section("Oikeutenne"), Some(Rights));
        assert_eq!(section("Muut asiat"), None);
    }

    #[test]
    fn question_form_headings_match_by_stem() {
        assert_eq!(
            section("MIHIN TARKOITUKSEEN TIETOJANI KÄYTETÄÄN?"),
            Some(Purposes)
        );
        assert_eq!(
            section("MILLAISIA TIETOJA MINUSTA KERÄTÄÄN?"),
            Some(DataCategories)
        );
        assert_eq!(
            section("MISTÄ LÄHTEISTÄ TIETOJANI KERÄTÄÄN?"),
            Some(Sources)
        );
        assert_eq!(
            section("KUINKA KAUAN TIETOJANI SÄILYTETÄÄN?"),
            Some(Retention)
        );
        assert_eq!(
            section("LUOVUTETAANKO TIETOJANI KOLMANSILLE OSAPUOLILLE?"),
            Some(Recipients)
        );
        assert_eq!(section("KÄYTETÄÄNKÖ SIVUSTOLLA EVÄSTEITÄ?"), Some(Cookies));
    }

    #[test]
    fn a_heading_naming_two_items_maps_to_the_first_and_remembers_the_second() {
        let m =
            section_of("Säännönmukaiset tietojen luovutukset ja tietojen siirto EU:n ulkopuolelle")
                .unwrap();
        assert_eq!((m.section, m.also), (Recipients, Some(Transfers)));
    }

    #[test]
    fn shared_stems_are_marked_as_guesses() {
        assert!(!section_of("MITEN TIETOJANI SÄILYTETÄÄN?").unwrap().sure);
        assert!(section_of("Tietojen säilytysaika").unwrap().sure);
    }

    #[test]
    fn rights_are_found_by_stem_in_order() {
        let ids = |t: &str| rights_in(t).iter().map(|r| r.id).collect::<Vec<_>>();
        assert_eq!(ids("Tarkistaa itseään koskevat tiedot"), ["access"]);
        assert_eq!(
            ids(
                "Pyytää tietojen poistamista, käsittelyn rajoittamista tai siirtoa toiseen järjestelmään"
            ),
            ["erasure", "restriction", "portability"]
        );
        assert_eq!(ids("Tehdä valitus tietosuojavaltuutetulle"), ["complaint"]);
        assert_eq!(
            ids("Peruuttaa suostumuksen milloin tahansa"),
            ["withdraw-consent"]
        );
        assert_eq!(ids("Rätt att göra invändningar"), ["objection"]);
    }
}
