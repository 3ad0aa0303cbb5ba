//! The typed notice: every row of the GDPR Art. 13/14 table, as read from a merged source tree.

mod section;
mod text;

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
    pub controller: Controller,
    /// Contact person for matters about the register.
    pub contact: Option<Person>,
    /// Data protection officer, if one is appointed.
    pub dpo: Option<Person>,
    #[serde(default)]
    pub purposes: Vec<Purpose>,
    #[serde(default)]
    pub data_categories: Vec<DataCategory>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub recipients: Vec<Recipient>,
    #[serde(default)]
    pub transfers: Vec<Transfer>,
    /// Retention periods or the criteria that set them, Markdown.
    pub retention: Option<Text>,
    pub data_requirement: Option<DataRequirement>,
    pub automated_decisions: Option<AutomatedDecisions>,
    #[serde(default)]
    pub cookies: Vec<Cookie>,
    pub security: Option<Security>,
    #[serde(default)]
    pub rights: Vec<Right>,
    pub authority: Option<Authority>,
    /// Extra sections after the standard ones.
    #[serde(default)]
    pub sections: Vec<CustomSection>,
    /// Optional Markdown shown at the top of a standard section, keyed by section.
    #[serde(default)]
    pub intros: Intros,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    pub name: String,
    /// Y-tunnus, `NNNNNNN-C`.
    pub business_id: Option<String>,
    pub address: Option<Text>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    /// Representative in the EU (Art. 27), for controllers established elsewhere.
    pub representative: Option<Person>,
}

/// A contact: the register's contact person, the DPO, or a representative.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: Option<String>,
    /// Role or team, e.g. "Asiakaspalvelu".
    pub role: Option<Text>,
    pub address: Option<Text>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    pub id: String,
    pub title: Text,
    pub description: Option<Text>,
    pub basis: Option<LegalBasis>,
    /// Required when the basis is `legitimate-interests` (Art. 13(1)(d)).
    pub legitimate_interest: Option<Text>,
    pub retention: Option<Text>,
}

/// Art. 6(1) (a)–(f).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LegalBasis {
    Consent,
    Contract,
    LegalObligation,
    VitalInterests,
    PublicTask,
    LegitimateInterests,
}

impl LegalBasis {
    /// The point of Art. 6(1) this basis is, `a` to `f`.
    pub fn letter(self) -> char {
        match self {
            LegalBasis::Consent => 'a',
            LegalBasis::Contract => 'b',
            LegalBasis::LegalObligation => 'c',
            LegalBasis::VitalInterests => 'd',
            LegalBasis::PublicTask => 'e',
            LegalBasis::LegitimateInterests => 'f',
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DataCategory {
    pub id: String,
    pub title: Text,
    pub description: Option<Text>,
    pub retention: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: Text,
    pub description: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    pub id: String,
    pub name: Text,
    pub role: RecipientRole,
    pub description: Option<Text>,
    pub country: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecipientRole {
    Processor,
    Controller,
    JointController,
    Authority,
}

/// A transfer outside the EU/EEA (Art. 13(1)(f)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    pub id: String,
    pub recipient: Text,
    pub country: Option<Text>,
    pub safeguard: Option<Safeguard>,
    pub description: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Safeguard {
    /// Adequacy decision, Art. 45.
    Adequacy,
    /// The EU–US Data Privacy Framework adequacy decision of 10 July 2023.
    AdequacyDpf,
    /// Standard contractual clauses, Art. 46(2)(c).
    Scc,
    /// Binding corporate rules, Art. 47.
    Bcr,
    /// A derogation for a specific situation, Art. 49.
    Derogation,
}

/// Whether giving the data is a statutory or contractual requirement (Art. 13(2)(e)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DataRequirement {
    pub kind: RequirementKind,
    /// What happens if the person does not give the data.
    pub consequences: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequirementKind {
    Voluntary,
    Contractual,
    Statutory,
    /// Needed to enter into a contract.
    ContractPrerequisite,
}

/// Automated decision-making and profiling (Art. 13(2)(f)); stated even when not used.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecisions {
    pub used: bool,
    pub description: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cookie {
    pub id: String,
    /// The cookie's name as the browser shows it, e.g. `_pk_id`.
    pub name: String,
    pub provider: Text,
    pub purpose: Option<Text>,
    pub duration: Option<Text>,
    pub category: CookieCategory,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CookieCategory {
    Necessary,
    Preferences,
    Analytics,
    Marketing,
}

/// Security principles, manual and electronic (Finnish practice, Art. 32 context).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Security {
    pub manual: Option<Text>,
    pub electronic: Option<Text>,
}

/// One data-subject right; the standard texts come from the boilerplate layer.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Right {
    pub id: String,
    pub title: Text,
    pub body: Text,
    /// GDPR article, e.g. "15" or "7(3)".
    pub article: Option<String>,
}

/// The supervisory authority (Art. 13(2)(d)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    pub name: Text,
    pub visiting_address: Option<Text>,
    pub postal_address: Option<Text>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CustomSection {
    /// The section's anchor: lowercase ASCII letters, digits and hyphens.
    pub id: String,
    pub title: Text,
    pub body: Text,
}

/// Optional Markdown shown at the top of each standard section.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Intros {
    pub controller: Option<Text>,
    pub contact: Option<Text>,
    pub dpo: Option<Text>,
    pub register_name: Option<Text>,
    pub purposes: Option<Text>,
    pub data_categories: Option<Text>,
    pub sources: Option<Text>,
    pub recipients: Option<Text>,
    pub transfers: Option<Text>,
    pub retention: Option<Text>,
    pub data_requirement: Option<Text>,
    pub automated_decisions: Option<Text>,
    pub cookies: Option<Text>,
    pub security: Option<Text>,
    pub rights: Option<Text>,
    pub authority: Option<Text>,
}

/// Project-wide settings from `content/project.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Title of the index page that lists the sites.
    pub title: Option<Text>,
    /// Where `site/` is published, e.g. `https://notices.example`. Used for canonical links.
    pub base_url: Option<String>,
    /// Languages for sites that do not declare their own; the first is primary.
    pub languages: Languages,
    /// Theme folder name under `themes/`; `default` is built in.
    #[serde(default = "default_theme")]
    pub theme: String,
}

fn default_theme() -> String {
    "default".to_string()
}
