//! The fixed vocabulary of a notice page in fi, sv and en: section headings, legal terms and interface text.

use serde::Serialize;

mod article;
mod facts;
mod terms;
pub use article::{Article, cite_text};
pub use facts::{
    children, derogation, derogation_article, direct_marketing, no_cookies, no_recipients,
    no_transfers, public_source, security_measure, special_category, special_category_article,
    special_category_condition, special_category_condition_article,
};
pub use terms::{
    cookie_category, legal_basis, pick, recipient_role, requirement, safeguard, section_title,
};

use crate::model::{Lang, Notice, Text};

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
    /// A notice's title when it has neither a `title` nor a controller's name.
    pub notice: &'static str,
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
    pub law: &'static str,
    pub special_category_condition: &'static str,
    pub criminal_data_law: &'static str,
    pub direct_marketing: &'static str,
    pub special_category: &'static str,
    pub arrangement: &'static str,
    pub derogation: &'static str,
    /// Art. 13(2)(e) for one purpose or data category.
    pub requirement: &'static str,
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

/// The title of a notice's page in `lang`: its `title`, else the controller's name, else the
/// word for a privacy notice. A notice may leave both unstated (real notices that never name
/// their controller), and a page, feed or index entry must still have a title; a blank value
/// counts as unstated.
pub fn notice_title(notice: &Notice, lang: Lang, primary: Lang) -> Text {
    title_or_name(
        notice.title.as_ref(),
        notice.controller.name.as_deref(),
        lang,
        primary,
    )
}

/// [`notice_title`] from the two values it reads, for a caller that keeps only those.
pub fn title_or_name(title: Option<&Text>, name: Option<&str>, lang: Lang, primary: Lang) -> Text {
    let stated = |t: &&Text| !t.get(lang, primary).text.trim().is_empty();
    if let Some(title) = title.filter(stated) {
        return title.clone();
    }
    let name = name.map(str::trim);
    Text::Plain(
        name.filter(|n| !n.is_empty())
            .unwrap_or(labels(lang).notice)
            .to_string(),
    )
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
    notice: "Tietosuojaseloste",
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
    law: "Laki, johon käsittely perustuu",
    special_category_condition: "Erityisiä henkilötietoryhmiä koskeva käsittelyperuste",
    criminal_data_law: "Rikostietojen käsittelyn mahdollistava laki",
    direct_marketing: "Suoramarkkinointi",
    special_category: "Erityinen henkilötietoryhmä",
    arrangement: "Yhteisrekisterinpitäjien järjestelyn keskeinen sisältö",
    derogation: "Poikkeus",
    requirement: "Tietojen antamisen vaatimus",
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
    notice: "Dataskyddsbeskrivning",
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
    law: "Lag som behandlingen grundar sig på",
    special_category_condition: "Villkor för behandling av särskilda kategorier av personuppgifter",
    criminal_data_law: "Lag som tillåter behandling av uppgifter om lagöverträdelser",
    direct_marketing: "Direktmarknadsföring",
    special_category: "Särskild kategori av personuppgifter",
    arrangement: "Det väsentliga innehållet i de gemensamt personuppgiftsansvarigas arrangemang",
    derogation: "Undantag",
    requirement: "Skyldighet att lämna uppgifter",
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
    notice: "Privacy notice",
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
    law: "Law the processing is based on",
    special_category_condition: "Condition for processing special categories of data",
    criminal_data_law: "Law authorising the processing of criminal offence data",
    direct_marketing: "Direct marketing",
    special_category: "Special category of personal data",
    arrangement: "The essence of the joint controllers' arrangement",
    derogation: "Derogation",
    requirement: "Whether providing the data is required",
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
