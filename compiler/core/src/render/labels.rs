//! The fixed vocabulary of a notice page in fi, sv and en: section headings, legal terms and interface text.

use serde::Serialize;

use crate::model::{CookieCategory, Lang, LegalBasis, RecipientRole, RequirementKind, Safeguard};

/// Interface text for one language. Templates see it as `t`.
#[derive(Debug, Serialize)]
pub struct Labels {
    pub language_name: &'static str,
    pub toc: &'static str,
    pub skip_to_content: &'static str,
    pub self_link: &'static str,
    pub updated: &'static str,
    pub languages: &'static str,
    pub all_notices: &'static str,
    pub fallback_note: &'static str,
    pub business_id: &'static str,
    pub address: &'static str,
    pub visiting_address: &'static str,
    pub postal_address: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub website: &'static str,
    pub representative: &'static str,
    pub legal_basis: &'static str,
    pub legitimate_interest: &'static str,
    pub retention: &'static str,
    pub role: &'static str,
    pub country: &'static str,
    pub safeguard: &'static str,
    pub cookie_name: &'static str,
    pub cookie_provider: &'static str,
    pub cookie_purpose: &'static str,
    pub cookie_duration: &'static str,
    pub cookie_category: &'static str,
    pub security_manual: &'static str,
    pub security_electronic: &'static str,
    pub automated_none: &'static str,
    pub generated_by: &'static str,
    /// "Voimassa 1.12.2025 alkaen": the words before and after the date.
    pub in_force_before: &'static str,
    pub in_force_after: &'static str,
    pub replaced_on: &'static str,
    pub version: &'static str,
    pub change_log: &'static str,
    pub change_feed: &'static str,
    pub draft: &'static str,
    pub draft_note: &'static str,
    pub archived: &'static str,
    pub current_version: &'static str,
    pub first_version: &'static str,
    pub unreleased: &'static str,
    pub read_version: &'static str,
    pub back_to_notice: &'static str,
}

pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Fi => &FI,
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

static FI: Labels = Labels {
    language_name: "suomi",
    toc: "Sisällys",
    skip_to_content: "Siirry sisältöön",
    self_link: "Linkki tähän kohtaan",
    updated: "Päivitetty",
    languages: "Kieli",
    all_notices: "Kaikki tietosuojaselosteet",
    fallback_note: "Tätä tekstiä ei ole käännetty.",
    business_id: "Y-tunnus",
    address: "Osoite",
    visiting_address: "Käyntiosoite",
    postal_address: "Postiosoite",
    email: "Sähköposti",
    phone: "Puhelin",
    website: "Verkkosivut",
    representative: "Edustaja",
    legal_basis: "Oikeusperuste",
    legitimate_interest: "Oikeutettu etu",
    retention: "Säilytysaika",
    role: "Rooli",
    country: "Maa",
    safeguard: "Suojatoimi",
    cookie_name: "Eväste",
    cookie_provider: "Asettaja",
    cookie_purpose: "Tarkoitus",
    cookie_duration: "Voimassaolo",
    cookie_category: "Luokka",
    security_manual: "Manuaalinen aineisto",
    security_electronic: "Sähköisesti käsiteltävät tiedot",
    automated_none: "Automaattista päätöksentekoa tai profilointia ei tehdä.",
    generated_by: "Laadittu notice-työkalulla.",
    in_force_before: "Voimassa",
    in_force_after: " alkaen",
    replaced_on: "korvattu",
    version: "Versio",
    change_log: "Muutoshistoria",
    change_feed: "Muutokset syötteenä (Atom)",
    draft: "Luonnos, ei voimassa.",
    draft_note: "Tällä sivulla on julkaisemattomia muutoksia.",
    archived: "Tämä versio ei ole enää voimassa.",
    current_version: "Voimassa oleva versio",
    first_version: "Ensimmäinen julkaistu versio.",
    unreleased: "Julkaisemattomat muutokset",
    read_version: "Lue tämä versio",
    back_to_notice: "Takaisin tietosuojaselosteeseen",
};

static SV: Labels = Labels {
    language_name: "svenska",
    toc: "Innehåll",
    skip_to_content: "Hoppa till innehållet",
    self_link: "Länk till detta avsnitt",
    updated: "Uppdaterad",
    languages: "Språk",
    all_notices: "Alla dataskyddsbeskrivningar",
    fallback_note: "Denna text har inte översatts.",
    business_id: "FO-nummer",
    address: "Adress",
    visiting_address: "Besöksadress",
    postal_address: "Postadress",
    email: "E-post",
    phone: "Telefon",
    website: "Webbplats",
    representative: "Företrädare",
    legal_basis: "Rättslig grund",
    legitimate_interest: "Berättigat intresse",
    retention: "Lagringstid",
    role: "Roll",
    country: "Land",
    safeguard: "Skyddsåtgärd",
    cookie_name: "Kaka",
    cookie_provider: "Leverantör",
    cookie_purpose: "Syfte",
    cookie_duration: "Giltighetstid",
    cookie_category: "Kategori",
    security_manual: "Manuellt material",
    security_electronic: "Elektroniskt behandlade uppgifter",
    automated_none: "Inget automatiserat beslutsfattande eller profilering förekommer.",
    generated_by: "Skapad med verktyget notice.",
    in_force_before: "Gäller från",
    in_force_after: "",
    replaced_on: "ersatt",
    version: "Version",
    change_log: "Ändringshistorik",
    change_feed: "Ändringarna som flöde (Atom)",
    draft: "Utkast, inte i kraft.",
    draft_note: "Denna sida visar opublicerade ändringar.",
    archived: "Denna version gäller inte längre.",
    current_version: "Gällande version",
    first_version: "Första publicerade versionen.",
    unreleased: "Opublicerade ändringar",
    read_version: "Läs denna version",
    back_to_notice: "Tillbaka till dataskyddsbeskrivningen",
};

static EN: Labels = Labels {
    language_name: "English",
    toc: "Contents",
    skip_to_content: "Skip to content",
    self_link: "Link to this section",
    updated: "Updated",
    languages: "Language",
    all_notices: "All privacy notices",
    fallback_note: "This text has not been translated.",
    business_id: "Business ID",
    address: "Address",
    visiting_address: "Visiting address",
    postal_address: "Postal address",
    email: "Email",
    phone: "Phone",
    website: "Website",
    representative: "Representative",
    legal_basis: "Legal basis",
    legitimate_interest: "Legitimate interest",
    retention: "Retention period",
    role: "Role",
    country: "Country",
    safeguard: "Safeguard",
    cookie_name: "Cookie",
    cookie_provider: "Provider",
    cookie_purpose: "Purpose",
    cookie_duration: "Duration",
    cookie_category: "Category",
    security_manual: "Manual records",
    security_electronic: "Electronically processed data",
    automated_none: "No automated decision-making or profiling takes place.",
    generated_by: "Compiled with notice.",
    in_force_before: "In force from",
    in_force_after: "",
    replaced_on: "replaced on",
    version: "Version",
    change_log: "Change history",
    change_feed: "Changes as a feed (Atom)",
    draft: "Draft, not in force.",
    draft_note: "This page shows unreleased changes.",
    archived: "This version is no longer in force.",
    current_version: "Current version",
    first_version: "First published version.",
    unreleased: "Unreleased changes",
    read_version: "Read this version",
    back_to_notice: "Back to the privacy notice",
};

/// Standard section headings, by section key.
pub fn section_title(key: &str, lang: Lang) -> &'static str {
    let [fi, sv, en] = match key {
        "controller" => ["Rekisterinpitäjä", "Personuppgiftsansvarig", "Controller"],
        "contact" => [
            "Yhteyshenkilö rekisteriä koskevissa asioissa",
            "Kontaktperson i ärenden som gäller registret",
            "Contact person for the register",
        ],
        "dpo" => [
            "Tietosuojavastaava",
            "Dataskyddsombud",
            "Data protection officer",
        ],
        "register_name" => ["Rekisterin nimi", "Registrets namn", "Name of the register"],
        "purposes" => [
            "Henkilötietojen käsittelyn tarkoitus ja oikeusperuste",
            "Ändamål och rättslig grund för behandlingen",
            "Purposes and legal basis of the processing",
        ],
        "data_categories" => [
            "Rekisterin tietosisältö",
            "Registrets datainnehåll",
            "Categories of personal data",
        ],
        "sources" => [
            "Säännönmukaiset tietolähteet",
            "Regelbundna uppgiftskällor",
            "Sources of the data",
        ],
        "recipients" => [
            "Tietojen säännönmukaiset luovutukset",
            "Regelbundna utlämnanden av uppgifter",
            "Recipients of the data",
        ],
        "transfers" => [
            "Tietojen siirto EU:n tai ETA:n ulkopuolelle",
            "Överföring av uppgifter utanför EU eller EES",
            "Transfers outside the EU/EEA",
        ],
        "retention" => [
            "Henkilötietojen säilytysaika",
            "Lagringstid för personuppgifter",
            "Retention period",
        ],
        "data_requirement" => [
            "Tietojen antamisen vaatimus",
            "Skyldighet att lämna uppgifter",
            "Whether providing the data is required",
        ],
        "automated_decisions" => [
            "Automaattinen päätöksenteko ja profilointi",
            "Automatiserat beslutsfattande och profilering",
            "Automated decision-making and profiling",
        ],
        "cookies" => ["Evästeet", "Kakor", "Cookies"],
        "security" => [
            "Rekisterin suojauksen periaatteet",
            "Principer för skydd av registret",
            "Security principles",
        ],
        "rights" => [
            "Rekisteröidyn oikeudet",
            "Den registrerades rättigheter",
            "Your rights",
        ],
        "authority" => [
            "Oikeus tehdä valitus valvontaviranomaiselle",
            "Rätt att lämna klagomål till tillsynsmyndigheten",
            "Right to lodge a complaint with the supervisory authority",
        ],
        _ => ["", "", ""],
    };
    pick(lang, fi, sv, en)
}

pub(crate) fn pick(
    lang: Lang,
    fi: &'static str,
    sv: &'static str,
    en: &'static str,
) -> &'static str {
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

pub fn safeguard(safeguard: Safeguard, lang: Lang) -> &'static str {
    match safeguard {
        Safeguard::Adequacy => pick(
            lang,
            "Euroopan komission tietosuojan riittävyyttä koskeva päätös (45 artikla)",
            "Europeiska kommissionens beslut om adekvat skyddsnivå (artikel 45)",
            "European Commission adequacy decision (Article 45)",
        ),
        Safeguard::AdequacyDpf => pick(
            lang,
            "EU:n ja Yhdysvaltojen välinen tietosuojakehys (Data Privacy Framework), komission riittävyyspäätös 10.7.2023",
            "Dataskyddsramen mellan EU och USA (Data Privacy Framework), kommissionens beslut om adekvat skyddsnivå 10.7.2023",
            "EU-US Data Privacy Framework, Commission adequacy decision of 10 July 2023",
        ),
        Safeguard::Scc => pick(
            lang,
            "Euroopan komission vakiosopimuslausekkeet (46 artiklan 2 kohdan c alakohta)",
            "Europeiska kommissionens standardavtalsklausuler (artikel 46.2 c)",
            "European Commission standard contractual clauses (Article 46(2)(c))",
        ),
        Safeguard::Bcr => pick(
            lang,
            "Sitovat yrityskohtaiset säännöt (47 artikla)",
            "Bindande företagsbestämmelser (artikel 47)",
            "Binding corporate rules (Article 47)",
        ),
        Safeguard::Derogation => pick(
            lang,
            "Erityistilanteita koskeva poikkeus (49 artikla)",
            "Undantag i särskilda situationer (artikel 49)",
            "Derogation for specific situations (Article 49)",
        ),
    }
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
