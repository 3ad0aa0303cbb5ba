//! Plain-words descriptions of changes in fi, sv and en: "Vastaanottaja lisätty: …", the reasons and the classes.

use super::{Change, ChangeKind, Class, ItemKind, Reason, Scalar, SectionKey};
use crate::labels::{self, pick};
use crate::model::{Lang, Section, Text};

/// One line saying what changed, e.g. "Recipient added: Example Accounting Ltd".
pub fn summary(change: &Change, lang: Lang, primary: Lang) -> String {
    let (noun, neuter) = noun(change, lang);
    let verb = verb(change.kind, neuter, lang);
    let label = match (&change.label, &change.section) {
        (Some(label), _) => plain(label, lang, primary),
        (None, SectionKey::Standard(section)) => labels::section_title(*section, lang).to_string(),
        (None, SectionKey::Custom(id)) => id.clone(),
        (None, SectionKey::Page) => change
            .field
            .map_or("", |f| field_label(f, lang))
            .to_string(),
    };
    let field = match (change.field, &change.section, change.kind) {
        (Some(field), SectionKey::Standard(_) | SectionKey::Custom(_), _)
        | (Some(field), SectionKey::Page, ChangeKind::Renamed) => {
            format!(" ({})", field_label(field, lang))
        }
        _ => String::new(),
    };
    format!("{noun} {verb}: {label}{field}")
}

fn plain(text: &Text, lang: Lang, primary: Lang) -> String {
    text.get(lang, primary).text.to_string()
}

/// What the change is about, and whether its Swedish noun is neuter (for the participle).
fn noun(change: &Change, lang: Lang) -> (&'static str, bool) {
    let kind = change.item.as_ref().map(|item| item.kind);
    match (kind, &change.section) {
        (Some(ItemKind::Purpose), _) => (
            pick(lang, "Käsittelyn tarkoitus", "Ändamål", "Purpose"),
            true,
        ),
        (Some(ItemKind::DataCategory), _) => (
            pick(lang, "Tietoryhmä", "Uppgiftskategori", "Data category"),
            false,
        ),
        (Some(ItemKind::Source), _) => (pick(lang, "Tietolähde", "Uppgiftskälla", "Source"), false),
        (Some(ItemKind::Recipient), _) => {
            (pick(lang, "Vastaanottaja", "Mottagare", "Recipient"), false)
        }
        (Some(ItemKind::Transfer), _) => (pick(lang, "Siirto", "Överföring", "Transfer"), false),
        (Some(ItemKind::Cookie), _) => (pick(lang, "Eväste", "Kaka", "Cookie"), false),
        (Some(ItemKind::Right), _) => (pick(lang, "Oikeus", "Rättighet", "Right"), false),
        (Some(ItemKind::Section), _) | (None, SectionKey::Standard(_) | SectionKey::Custom(_)) => {
            (pick(lang, "Osio", "Avsnitt", "Section"), true)
        }
        (None, SectionKey::Page) => (pick(lang, "Seloste", "Beskrivning", "Notice"), false),
    }
}

fn verb(kind: ChangeKind, neuter: bool, lang: Lang) -> &'static str {
    match (kind, neuter) {
        (ChangeKind::Added, false) => pick(lang, "lisätty", "tillagd", "added"),
        (ChangeKind::Added, true) => pick(lang, "lisätty", "tillagt", "added"),
        (ChangeKind::Removed, false) => pick(lang, "poistettu", "borttagen", "removed"),
        (ChangeKind::Removed, true) => pick(lang, "poistettu", "borttaget", "removed"),
        (ChangeKind::Changed, false) => pick(lang, "muutettu", "ändrad", "changed"),
        (ChangeKind::Changed, true) => pick(lang, "muutettu", "ändrat", "changed"),
        (ChangeKind::Renamed, _) => {
            pick(lang, "tunniste vaihdettu", "ny identifierare", "id renamed")
        }
    }
}

/// The name of a class in words, e.g. "Material change", as a heading for its changes.
pub fn class(class: Class, lang: Lang) -> &'static str {
    match class {
        Class::Material => pick(
            lang,
            "Olennainen muutos",
            "Väsentlig ändring",
            "Material change",
        ),
        Class::Editorial => pick(
            lang,
            "Toimituksellinen muutos",
            "Redaktionell ändring",
            "Editorial change",
        ),
    }
}

/// Why the change has its class, in words.
pub fn reason(reason: Reason, lang: Lang) -> &'static str {
    use Reason::*;
    match reason {
        PurposeAdded => pick(
            lang,
            "uusi käsittelyn tarkoitus",
            "nytt ändamål",
            "a new purpose",
        ),
        RecipientAdded => pick(
            lang,
            "uusi vastaanottaja",
            "ny mottagare",
            "a new recipient",
        ),
        TransferAdded => pick(
            lang,
            "uusi siirto EU:n tai ETA:n ulkopuolelle",
            "ny överföring utanför EU eller EES",
            "a new transfer outside the EU/EEA",
        ),
        DataCategoryAdded => pick(
            lang,
            "uusi tietoryhmä",
            "ny uppgiftskategori",
            "a new category of personal data",
        ),
        CookieAdded => pick(lang, "uusi eväste", "ny kaka", "a new cookie"),
        LegalBasisChanged => pick(
            lang,
            "oikeusperuste muuttui",
            "den rättsliga grunden ändrades",
            "the legal basis changed",
        ),
        RetentionLonger => pick(
            lang,
            "säilytysaika piteni",
            "lagringstiden förlängdes",
            "the retention period is longer",
        ),
        RetentionUnclear => pick(
            lang,
            "säilytysaika muuttui, eikä sen voi todeta lyhentyneen",
            "lagringstiden ändrades och kan ha förlängts",
            "the retention period changed and may be longer",
        ),
        ControllerIdentity => pick(
            lang,
            "rekisterinpitäjän tunnistetiedot muuttuivat",
            "den personuppgiftsansvariges identitet ändrades",
            "the controller's identity changed",
        ),
        RecipientChanged => pick(
            lang,
            "vastaanottaja muuttui",
            "mottagaren ändrades",
            "the recipient changed",
        ),
        TransferChanged => pick(
            lang,
            "siirron kohde tai suojatoimi muuttui",
            "överföringens mottagare eller skyddsåtgärd ändrades",
            "the transfer's destination or safeguard changed",
        ),
        CookieChanged => pick(
            lang,
            "evästeen asettaja tai luokka muuttui",
            "kakans leverantör eller kategori ändrades",
            "the cookie's provider or category changed",
        ),
        AutomatedDecisionsIntroduced => pick(
            lang,
            "automaattinen päätöksenteko otettiin käyttöön",
            "automatiserat beslutsfattande infördes",
            "automated decision-making was introduced",
        ),
        SpecialCategoryCondition => pick(
            lang,
            "erityisten henkilötietoryhmien käsittelyperuste muuttui",
            "villkoret för behandling av särskilda kategorier av personuppgifter ändrades",
            "the condition for processing special categories of data changed",
        ),
        SpecialCategoryAdded => pick(
            lang,
            "käsitellään erityisiin henkilötietoryhmiin kuuluvia tietoja",
            "särskilda kategorier av personuppgifter behandlas",
            "special categories of personal data are processed",
        ),
        DirectMarketingIntroduced => pick(
            lang,
            "tietoja käytetään suoramarkkinointiin",
            "uppgifterna används för direktmarknadsföring",
            "the data is used for direct marketing",
        ),
        NoneWithdrawn => pick(
            lang,
            "seloste ei enää totea, ettei niitä ole",
            "beskrivningen anger inte längre att sådana saknas",
            "the notice no longer states that there are none",
        ),
        ChildrenAgeLowered => pick(
            lang,
            "lapsen oman suostumuksen ikäraja laski",
            "åldersgränsen för barns eget samtycke sänktes",
            "the age from which a child consents alone was lowered",
        ),
        SecurityMeasureRemoved => pick(
            lang,
            "suojaustoimenpide poistui",
            "en skyddsåtgärd togs bort",
            "a security measure was removed",
        ),
        Wording => pick(lang, "sanamuoto", "formulering", "wording"),
        InformationAdded => pick(
            lang,
            "lisätty tieto",
            "tillagd information",
            "information added",
        ),
        Removal => pick(lang, "poisto", "borttagning", "removal"),
        RetentionShorter => pick(
            lang,
            "säilytysaika lyheni",
            "lagringstiden förkortades",
            "the retention period is shorter",
        ),
        ContactDetails => pick(lang, "yhteystiedot", "kontaktuppgifter", "contact details"),
        IdRenamed => pick(
            lang,
            "vain tunniste vaihtui",
            "endast identifieraren ändrades",
            "only the id changed",
        ),
        LanguagesChanged => pick(
            lang,
            "julkaisukielet muuttuivat",
            "publiceringsspråken ändrades",
            "the published languages changed",
        ),
    }
}

/// The name of a source field, as a reader would say it.
pub fn field_label(field: &str, lang: Lang) -> &'static str {
    let t = labels::labels(lang);
    match field {
        "title" => pick(lang, "otsikko", "rubrik", "title"),
        "intro" => pick(lang, "johdanto", "inledning", "introduction"),
        "languages" => pick(lang, "kielet", "språk", "languages"),
        "updated" => pick(lang, "päivitetty", "uppdaterad", "updated"),
        "name" => pick(lang, "nimi", "namn", "name"),
        "description" | "body" => pick(lang, "teksti", "text", "text"),
        "basis" => t.legal_basis,
        "legitimate_interest" => t.legitimate_interest,
        "retention" | "duration" => t.retention,
        "role" => t.role,
        "country" => t.country,
        "safeguard" => t.safeguard,
        "recipient" => pick(lang, "vastaanottaja", "mottagare", "recipient"),
        "provider" => t.cookie_provider,
        "purpose" => t.cookie_purpose,
        "category" => t.cookie_category,
        "business_id" => t.business_id,
        "address" => t.address,
        "visiting_address" => t.visiting_address,
        "postal_address" => t.postal_address,
        "email" => t.email,
        "phone" => t.phone,
        "website" => t.website,
        "representative" => t.representative,
        "manual" => t.security_manual,
        "electronic" => t.security_electronic,
        "article" => pick(lang, "artikla", "artikel", "article"),
        "used" => pick(lang, "käytössä", "används", "in use"),
        "kind" => pick(lang, "vaatimus", "skyldighet", "requirement"),
        "consequences" => pick(lang, "seuraukset", "följder", "consequences"),
        "id" => pick(lang, "tunniste", "identifierare", "id"),
        "register_name" => labels::section_title(Section::RegisterName, lang),
        "law" => t.law,
        "special_category_condition" => t.special_category_condition,
        "criminal_data_law" => t.criminal_data_law,
        "requirement" => t.requirement,
        "direct_marketing" => t.direct_marketing,
        "special_category" => t.special_category,
        "public" => pick(
            lang,
            "julkisesti saatavilla",
            "allmänt tillgänglig",
            "publicly accessible",
        ),
        "arrangement" => t.arrangement,
        "derogation" => t.derogation,
        "none" => pick(
            lang,
            "toteamus, ettei niitä ole",
            "uppgift om att sådana saknas",
            "statement that there are none",
        ),
        "children" => pick(
            lang,
            "lasten suostumus",
            "barns samtycke",
            "children's consent",
        ),
        "age_limit" => pick(lang, "ikäraja", "åldersgräns", "age limit"),
        "measures" => pick(
            lang,
            "suojaustoimenpide",
            "skyddsåtgärd",
            "security measure",
        ),
        _ => pick(lang, "tieto", "uppgift", "field"),
    }
}

/// A non-text value in the page's vocabulary.
pub fn scalar(value: &Scalar, lang: Lang) -> String {
    match value {
        Scalar::Basis(basis) => labels::legal_basis(*basis, lang).to_string(),
        Scalar::Role(role) => labels::recipient_role(*role, lang).to_string(),
        Scalar::Safeguard(safeguard) => labels::safeguard(*safeguard, lang).to_string(),
        Scalar::Category(category) => labels::cookie_category(*category, lang).to_string(),
        Scalar::Requirement(kind) => labels::requirement(*kind, lang).to_string(),
        Scalar::Condition(condition) => {
            let article = labels::special_category_condition_article(*condition);
            let text = labels::special_category_condition(*condition, lang);
            format!("{text} ({})", article.cite(lang))
        }
        Scalar::Special(category) => labels::special_category(*category, lang).to_string(),
        Scalar::Derogation(derogation) => {
            let article = labels::derogation_article(*derogation);
            let text = labels::derogation(*derogation, lang);
            format!("{text} ({})", article.cite(lang))
        }
        Scalar::Measure(measure) => labels::security_measure(*measure, lang),
        Scalar::Age(age) => age.to_string(),
        Scalar::Flag(true) => pick(lang, "kyllä", "ja", "yes").to_string(),
        Scalar::Flag(false) => pick(lang, "ei", "nej", "no").to_string(),
        Scalar::Date(date) => date.finnish(),
        Scalar::Str(text) => text.clone(),
        Scalar::Languages(languages) => languages
            .iter()
            .map(|l| labels::labels(*l).language_name)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The "before → after" line of a non-text change, when it has one.
pub fn before_after(change: &Change, lang: Lang) -> Option<String> {
    let show = |v: &Option<Scalar>| {
        v.as_ref()
            .map_or_else(|| "–".to_string(), |v| scalar(v, lang))
    };
    (change.before.is_some() || change.after.is_some())
        .then(|| format!("{} → {}", show(&change.before), show(&change.after)))
}
