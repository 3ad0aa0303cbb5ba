//! The typed notice: every row of the GDPR Art. 13/14 table, as read from a merged source tree.

mod base_url;
mod contact;
mod processing;
mod required;
mod section;
mod text;

pub use base_url::BaseUrl;
pub use contact::{
    Email, HELP_MARK, Phone, WebUrl, invalid, is_email, is_phone, is_web_url, web_text,
};
pub use processing::{
    DataCategory, DataRequirement, Derogation, LegalBasis, Purpose, Recipient, RecipientRole,
    RequirementKind, Safeguard, Source, SpecialCategory, SpecialCategoryCondition, Transfer,
};
pub use required::required_enum_values;
pub use section::{OBJECTION_ANCHOR, PAGE_IDS, Section, reserved_ids};
pub use text::{Date, Lang, Languages, Localized, Text};

use serde::{Deserialize, Serialize};

/// One site's effective notice, after the layers are merged.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// Languages the site publishes; the first is primary. Defaults to the project's.
    pub languages: Option<Languages>,
    /// The page title, e.g. "Asiakasrekisterin tietosuojaseloste".
    pub title: Option<Text>,
    /// Name of the register (rekisterin nimi).
    pub register_name: Option<Text>,
    /// When the notice was last updated.
    pub updated: Option<Date>,
    /// Opening paragraph(s), Markdown.
    pub intro: Option<Text>,
    /// Who decides on the processing, with identity and contact details (Art. 13(1)(a)).
    /// Optional, like each of its keys: a notice that never says who the controller is is
    /// recorded as such, and `notice check` reports it (`controller-contact`).
    #[serde(default)]
    pub controller: Controller,
    /// Contact person for matters about the register.
    pub contact: Option<Person>,
    /// Data protection officer, if one is appointed (Art. 13(1)(b)).
    pub dpo: Option<Person>,
    /// Why the data are processed, each purpose with its legal basis (Art. 13(1)(c)).
    #[serde(default)]
    pub purposes: Vec<Purpose>,
    /// The categories of personal data processed (Art. 14(1)(d)).
    #[serde(default)]
    pub data_categories: Vec<DataCategory>,
    /// Where the data come from (Art. 14(2)(f)).
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Recipients or categories of recipients, processors included (Art. 13(1)(e)).
    #[serde(default)]
    pub recipients: Vec<Recipient>,
    /// Transfers outside the EU/EEA and their safeguards (Art. 13(1)(f), Arts. 45–49).
    #[serde(default)]
    pub transfers: Vec<Transfer>,
    /// Retention periods or the criteria that set them, Markdown (Art. 13(2)(a)).
    pub retention: Option<Text>,
    /// Whether the person must give the data, and what follows if not (Art. 13(2)(e)).
    pub data_requirement: Option<DataRequirement>,
    /// Whether automated decisions or profiling take place (Art. 22, Art. 13(2)(f)).
    pub automated_decisions: Option<AutomatedDecisions>,
    /// Cookies and similar technologies the site sets.
    #[serde(default)]
    pub cookies: Vec<Cookie>,
    /// How the register is protected, for paper and electronic records.
    pub security: Option<Security>,
    /// The data subject's rights (Arts. 15–22), usually the standard texts of `fi-standard`.
    #[serde(default)]
    pub rights: Vec<Right>,
    /// The supervisory authority a complaint can be lodged with (Art. 13(2)(d), Art. 77).
    pub authority: Option<Authority>,
    /// Extra sections after the standard ones.
    #[serde(default)]
    pub sections: Vec<CustomSection>,
    /// Optional Markdown shown at the top of a standard section, keyed by section.
    #[serde(default)]
    pub intros: Intros,
    /// Items the notice states there are none of, as opposed to leaving them unstated.
    #[serde(default)]
    pub none: NoneStated,
    /// Services offered to children on the basis of consent (Art. 8, Tietosuojalaki 1050/2018 § 5).
    pub children: Option<Children>,
}

/// What the notice says there is none of (`[none]`). Leaving a list empty says nothing, and
/// `notice check` reports it; `none.transfers = true` states that there are no transfers, and
/// the page says so in each language's standard words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NoneStated {
    /// No one receives the data: no disclosures and no processors (Art. 13(1)(e)).
    #[serde(default)]
    pub recipients: bool,
    /// No data is transferred outside the EU/EEA (Art. 13(1)(f)).
    #[serde(default)]
    pub transfers: bool,
    /// The site sets no cookies and uses no similar technologies.
    #[serde(default)]
    pub cookies: bool,
}

/// Consent-based services offered directly to children (Art. 8).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Children {
    /// The age from which a child consents alone; in Finland 13 (Tietosuojalaki 1050/2018 § 5).
    pub age_limit: u8,
    /// How consent is obtained from the holder of parental responsibility for younger children, Markdown.
    pub description: Option<Text>,
}

/// The controller: who decides on the purposes and means of the processing (Art. 13(1)(a)).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    /// Legal name of the controller; unset when the notice does not name it, which
    /// `notice check` reports rather than the writer inventing a name.
    pub name: Option<String>,
    /// Y-tunnus, `NNNNNNN-C`.
    pub business_id: Option<String>,
    /// Postal address, plain text.
    pub address: Option<Text>,
    /// E-mail address, shown as a `mailto:` link.
    pub email: Option<Email>,
    /// Phone number as people write it; the page links it with `tel:`.
    pub phone: Option<Phone>,
    /// Web address; must be an absolute `https://` or `http://` address.
    pub website: Option<WebUrl>,
    /// Representative in the EU (Art. 27), for controllers established elsewhere.
    pub representative: Option<Person>,
}

/// A contact: the register's contact person, the DPO, or a representative.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The person's name; optional, e.g. when a role or team is given instead.
    pub name: Option<String>,
    /// Role or team, e.g. "Asiakaspalvelu".
    pub role: Option<Text>,
    /// Postal address, plain text.
    pub address: Option<Text>,
    /// E-mail address, shown as a `mailto:` link.
    pub email: Option<Email>,
    /// Phone number as people write it; the page links it with `tel:`.
    pub phone: Option<Phone>,
}

/// Automated decision-making and profiling (Art. 13(2)(f)); stated even when not used.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecisions {
    /// Whether automated decisions (Art. 22) or profiling take place.
    pub used: bool,
    /// The logic involved and its consequences, Markdown; if absent and unused, says "none".
    pub description: Option<Text>,
}

/// A cookie or similar technology the site sets.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cookie {
    /// Merge key across layers; stays stable when the text changes.
    pub id: String,
    /// The cookie's name as the browser shows it, e.g. `_pk_id`.
    pub name: String,
    /// Who sets the cookie: the site itself or a third party.
    pub provider: Text,
    /// Why the cookie is set, Markdown.
    pub purpose: Option<Text>,
    /// How long the cookie lives, Markdown; a longer duration is a material change.
    pub duration: Option<Text>,
    /// What kind of cookie it is.
    pub category: CookieCategory,
}

/// What kind of cookie a cookie is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CookieCategory {
    /// Strictly necessary for the site to work (välttämätön).
    Necessary,
    /// Remembers the visitor's choices (toiminnallinen, "functional").
    Preferences,
    /// Measures how the site is used (analytiikka).
    Analytics,
    /// Used for advertising and marketing (markkinointi).
    Marketing,
}

/// Security principles, manual and electronic (Finnish practice, Art. 32 context).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Security {
    /// Standard measures the controller confirms it takes; each renders as a standard sentence
    /// in every language, so no controller asserts a measure by inheriting a text.
    #[serde(default)]
    pub measures: Vec<SecurityMeasure>,
    /// How paper (manual) records are protected, Markdown.
    pub manual: Option<Text>,
    /// How electronic records are protected, Markdown.
    pub electronic: Option<Text>,
}

/// A standard security measure a controller confirms (`security.measures`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecurityMeasure {
    /// Personal data is not kept on paper.
    NoPaperRecords,
    /// Paper records are kept in locked premises.
    LockedPremises,
    /// Paper records are destroyed securely when no longer needed.
    SecureDisposal,
    /// Access is limited to those whose duties require it.
    NeedToKnowAccess,
    /// Each user signs in with personal credentials.
    PersonalCredentials,
    /// Sign-in requires more than a password.
    MultiFactorAuthentication,
    /// Data is transmitted over encrypted connections (TLS).
    EncryptedConnections,
    /// Stored data is encrypted.
    EncryptedStorage,
    /// Servers are protected by firewalls.
    Firewalls,
    /// Data is backed up regularly.
    Backups,
    /// Use of the data is logged.
    AccessLogging,
    /// Staff are bound by confidentiality and instructed in data protection.
    StaffConfidentiality,
    /// Every processor has an agreement under Art. 28.
    ProcessorAgreements,
}

/// One data-subject right; the standard texts come from the boilerplate layer.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Right {
    /// Merge key across layers, e.g. `access` or `erasure` as `fi-standard` defines them.
    pub id: String,
    /// Heading of the right, e.g. "Oikeus saada pääsy tietoihin".
    pub title: Text,
    /// What the right means and how to use it, Markdown. Optional: real notices often list
    /// a right by its title alone, and the page then shows the title only.
    pub body: Option<Text>,
    /// GDPR article, e.g. "15" or "7(3)".
    pub article: Option<String>,
}

/// The supervisory authority (Art. 13(2)(d)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// The authority, e.g. "Tietosuojavaltuutetun toimisto"; `fi-standard` supplies it.
    pub name: Text,
    /// Street address for visitors.
    pub visiting_address: Option<Text>,
    /// Postal address.
    pub postal_address: Option<Text>,
    /// Phone number; the page links it with `tel:`, and English pages show it in
    /// international form.
    pub phone: Option<Phone>,
    /// E-mail address.
    pub email: Option<Email>,
    /// Web address, per language where the authority has pages in each (tietosuoja.fi/sv,
    /// tietosuoja.fi/en); each an absolute `https://` or `http://` address.
    #[serde(default, deserialize_with = "web_text")]
    pub website: Option<Text>,
}

/// A section of the notice's own, shown after the standard sections.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CustomSection {
    /// The section's anchor: lowercase ASCII letters, digits and hyphens.
    pub id: String,
    /// Heading of the section.
    pub title: Text,
    /// Content of the section, Markdown.
    pub body: Text,
}

/// Optional Markdown shown at the top of each standard section.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Intros {
    /// Shown above the controller's details.
    pub controller: Option<Text>,
    /// Shown above the contact person.
    pub contact: Option<Text>,
    /// Shown above the data protection officer.
    pub dpo: Option<Text>,
    /// Shown above the register's name.
    pub register_name: Option<Text>,
    /// Shown above the purposes and their legal bases.
    pub purposes: Option<Text>,
    /// Shown above the categories of personal data.
    pub data_categories: Option<Text>,
    /// Shown above the sources of the data.
    pub sources: Option<Text>,
    /// Shown above the recipients. Free text: "there are none" is `none.recipients`, not an intro.
    pub recipients: Option<Text>,
    /// Shown above the transfers. Free text: "there are none" is `none.transfers`, not an intro.
    pub transfers: Option<Text>,
    /// Shown above the retention statement.
    pub retention: Option<Text>,
    /// Shown above whether giving the data is required.
    pub data_requirement: Option<Text>,
    /// Shown above the automated decision-making statement.
    pub automated_decisions: Option<Text>,
    /// Shown above the cookies.
    pub cookies: Option<Text>,
    /// Shown above the security principles.
    pub security: Option<Text>,
    /// Shown above the data subject's rights.
    pub rights: Option<Text>,
    /// Shown above the supervisory authority.
    pub authority: Option<Text>,
}

/// Project-wide settings from `content/project.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Title of the index page that lists the sites.
    pub title: Option<Text>,
    /// Where `site/` is published, e.g. `https://notices.example`. Used for canonical links.
    pub base_url: Option<BaseUrl>,
    /// Languages for sites that do not declare their own; the first is primary.
    pub languages: Languages,
    /// Theme folder name under `themes/`; `default` is built in.
    #[serde(default = "default_theme")]
    pub theme: String,
}

fn default_theme() -> String {
    "default".to_string()
}
