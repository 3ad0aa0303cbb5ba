//! The typed notice: every row of the GDPR Art. 13/14 table, as read from a merged source tree.

mod base_url;
mod processing;
mod section;
mod text;

pub use base_url::BaseUrl;
pub use processing::{
    DataCategory, DataRequirement, LegalBasis, Purpose, Recipient, RecipientRole, RequirementKind,
    Safeguard, Source, Transfer,
};
pub use section::{PAGE_IDS, Section, reserved_ids};
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
}

/// The controller: who decides on the purposes and means of the processing (Art. 13(1)(a)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    /// Legal name of the controller; required after merging.
    pub name: String,
    /// Y-tunnus, `NNNNNNN-C`.
    pub business_id: Option<String>,
    /// Postal address, plain text.
    pub address: Option<Text>,
    /// E-mail address, shown as a `mailto:` link.
    pub email: Option<String>,
    /// Phone number as people write it; the page links it with `tel:`.
    pub phone: Option<String>,
    /// Web address; must be an absolute `https://` or `http://` address.
    pub website: Option<String>,
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
    pub email: Option<String>,
    /// Phone number as people write it; the page links it with `tel:`.
    pub phone: Option<String>,
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
    /// How paper (manual) records are protected, Markdown.
    pub manual: Option<Text>,
    /// How electronic records are protected, Markdown.
    pub electronic: Option<Text>,
}

/// One data-subject right; the standard texts come from the boilerplate layer.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Right {
    /// Merge key across layers, e.g. `access` or `erasure` as `fi-standard` defines them.
    pub id: String,
    /// Heading of the right, e.g. "Oikeus saada pääsy tietoihin".
    pub title: Text,
    /// What the right means and how to use it, Markdown.
    pub body: Text,
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
    /// Phone number; the page links it with `tel:`.
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Web address; must be an absolute `https://` or `http://` address.
    pub website: Option<String>,
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
    /// Shown above the recipients; alone it can state that there are no regular disclosures.
    pub recipients: Option<Text>,
    /// Shown above the transfers; alone it can state that there are none outside the EU/EEA.
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
