//! Legal terms and section headings in fi, sv and en, for pages, change logs and diffs.

use super::article::Article;
use crate::model::{
    CookieCategory, Lang, LegalBasis, RecipientRole, RequirementKind, Safeguard, Section,
};

/// The heading of a standard section.
pub fn section_title(section: Section, lang: Lang) -> &'static str {
    let [fi, sv, en] = match section {
        Section::Controller => ["Rekisterinpitäjä", "Personuppgiftsansvarig", "Controller"],
        Section::Contact => [
            "Yhteyshenkilö rekisteriä koskevissa asioissa",
            "Kontaktperson i ärenden som gäller registret",
            "Contact person for the register",
        ],
        Section::Dpo => [
            "Tietosuojavastaava",
            "Dataskyddsombud",
            "Data protection officer",
        ],
        Section::RegisterName => ["Rekisterin nimi", "Registrets namn", "Name of the register"],
        Section::Purposes => [
            "Henkilötietojen käsittelyn tarkoitus ja oikeusperuste",
            "Ändamål och rättslig grund för behandlingen",
            "Purposes and legal basis of the processing",
        ],
        Section::DataCategories => [
            "Rekisterin tietosisältö",
            "Registrets datainnehåll",
            "Categories of personal data",
        ],
        Section::Sources => [
            "Säännönmukaiset tietolähteet",
            "Regelbundna uppgiftskällor",
            "Sources of the data",
        ],
        // Processors are recipients too (Art. 4(9)), and *luovutus* alone means disclosure to
        // third parties: the heading follows Art. 13(1)(e) "vastaanottajat".
        Section::Recipients => [
            "Tietojen vastaanottajat ja säännönmukaiset luovutukset",
            "Mottagare av uppgifterna och regelmässiga utlämnanden",
            "Recipients of the data and regular disclosures",
        ],
        Section::Transfers => [
            "Tietojen siirto EU:n tai ETA:n ulkopuolelle",
            "Överföring av uppgifter utanför EU eller EES",
            "Transfers outside the EU/EEA",
        ],
        Section::Retention => [
            "Henkilötietojen säilytysaika",
            "Lagringstid för personuppgifter",
            "Retention period",
        ],
        Section::DataRequirement => [
            "Tietojen antamisen vaatimus",
            "Skyldighet att lämna uppgifter",
            "Whether providing the data is required",
        ],
        Section::AutomatedDecisions => [
            "Automaattinen päätöksenteko ja profilointi",
            "Automatiserat beslutsfattande och profilering",
            "Automated decision-making and profiling",
        ],
        Section::Cookies => ["Evästeet", "Kakor", "Cookies"],
        Section::Security => [
            "Rekisterin suojauksen periaatteet",
            "Principer för skydd av registret",
            "Security principles",
        ],
        Section::Rights => [
            "Rekisteröidyn oikeudet",
            "Den registrerades rättigheter",
            "Your rights",
        ],
        // Not titled like the Art. 77 right, which the rights section already names.
        Section::Authority => [
            "Valvontaviranomainen",
            "Tillsynsmyndighet",
            "Supervisory authority",
        ],
    };
    pick(lang, fi, sv, en)
}

/// The text for `lang` of a fixed phrase given in all three languages.
pub fn pick(lang: Lang, fi: &'static str, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fi => fi,
        Lang::Sv => sv,
        Lang::En => en,
    }
}

pub fn legal_basis(basis: LegalBasis, lang: Lang) -> &'static str {
    match basis {
        LegalBasis::Consent => pick(lang, "suostumus", "samtycke", "consent"),
        LegalBasis::Contract => pick(lang, "sopimus", "avtal", "contract"),
        LegalBasis::LegalObligation => pick(
            lang,
            "lakisääteinen velvoite",
            "rättslig förpliktelse",
            "legal obligation",
        ),
        LegalBasis::VitalInterests => pick(
            lang,
            "elintärkeä etu",
            "grundläggande intresse",
            "vital interests",
        ),
        LegalBasis::PublicTask => pick(
            lang,
            "yleinen etu tai julkisen vallan käyttö",
            "allmänt intresse eller myndighetsutövning",
            "public task",
        ),
        LegalBasis::LegitimateInterests => pick(
            lang,
            "oikeutettu etu",
            "berättigat intresse",
            "legitimate interests",
        ),
    }
}

pub fn recipient_role(role: RecipientRole, lang: Lang) -> &'static str {
    match role {
        RecipientRole::Processor => pick(
            lang,
            "henkilötietojen käsittelijä",
            "personuppgiftsbiträde",
            "processor",
        ),
        RecipientRole::Controller => pick(
            lang,
            "rekisterinpitäjä",
            "personuppgiftsansvarig",
            "controller",
        ),
        RecipientRole::JointController => pick(
            lang,
            "yhteisrekisterinpitäjä",
            "gemensamt personuppgiftsansvarig",
            "joint controller",
        ),
        RecipientRole::Authority => pick(lang, "viranomainen", "myndighet", "authority"),
    }
}

/// A transfer safeguard in words, with the article it rests on cited in the page's style.
pub fn safeguard(safeguard: Safeguard, lang: Lang) -> String {
    let (name, article) = match safeguard {
        Safeguard::Adequacy => (
            pick(
                lang,
                "Euroopan komission tietosuojan riittävyyttä koskeva päätös",
                "Europeiska kommissionens beslut om adekvat skyddsnivå",
                "European Commission adequacy decision",
            ),
            Article::new(45),
        ),
        Safeguard::AdequacyDpf => (
            pick(
                lang,
                "EU:n ja Yhdysvaltojen välinen tietosuojakehys (Data Privacy Framework), komission riittävyyspäätös 10.7.2023",
                "Dataskyddsramen mellan EU och USA (Data Privacy Framework), kommissionens beslut om adekvat skyddsnivå 10.7.2023",
                "EU-US Data Privacy Framework, Commission adequacy decision of 10 July 2023",
            ),
            Article::new(45),
        ),
        Safeguard::Scc => (
            pick(
                lang,
                "Euroopan komission vakiosopimuslausekkeet",
                "Europeiska kommissionens standardavtalsklausuler",
                "European Commission standard contractual clauses",
            ),
            Article::new(46).paragraph(2).point('c'),
        ),
        // GDPR fi Arts. 4(20) and 47: "yritystä koskevat sitovat säännöt".
        Safeguard::Bcr => (
            pick(
                lang,
                "Yritystä koskevat sitovat säännöt",
                "Bindande företagsbestämmelser",
                "Binding corporate rules",
            ),
            Article::new(47),
        ),
        Safeguard::Derogation => (
            pick(
                lang,
                "Erityistilanteita koskeva poikkeus",
                "Undantag i särskilda situationer",
                "Derogation for specific situations",
            ),
            Article::new(49),
        ),
    };
    format!("{name} ({})", article.cite(lang))
}

pub fn cookie_category(category: CookieCategory, lang: Lang) -> &'static str {
    match category {
        CookieCategory::Necessary => pick(lang, "välttämätön", "nödvändig", "necessary"),
        CookieCategory::Preferences => pick(lang, "toiminnallinen", "funktionell", "preferences"),
        CookieCategory::Analytics => pick(lang, "analytiikka", "analys", "analytics"),
        CookieCategory::Marketing => pick(lang, "markkinointi", "marknadsföring", "marketing"),
    }
}

pub fn requirement(kind: RequirementKind, lang: Lang) -> &'static str {
    match kind {
        RequirementKind::Voluntary => pick(
            lang,
            "Tietojen antaminen on vapaaehtoista.",
            "Det är frivilligt att lämna uppgifterna.",
            "Providing the data is voluntary.",
        ),
        RequirementKind::Contractual => pick(
            lang,
            "Tietojen antaminen perustuu sopimukseen.",
            "Skyldigheten att lämna uppgifterna följer av ett avtal.",
            "Providing the data is a contractual requirement.",
        ),
        RequirementKind::Statutory => pick(
            lang,
            "Tietojen antaminen on lakisääteinen vaatimus.",
            "Skyldigheten att lämna uppgifterna följer av lag.",
            "Providing the data is a statutory requirement.",
        ),
        RequirementKind::ContractPrerequisite => pick(
            lang,
            "Tietojen antaminen on edellytys sopimuksen tekemiselle.",
            "Uppgifterna behövs för att ett avtal ska kunna ingås.",
            "Providing the data is necessary to enter into a contract.",
        ),
    }
}
