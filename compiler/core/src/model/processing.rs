//! What a notice says of the processing itself: purposes and their legal bases, the data, where
//! it comes from, who receives it, transfers abroad, and whether giving it is required.

use serde::{Deserialize, Serialize};

use super::Text;

/// A purpose of the processing and its legal basis (Art. 13(1)(c)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    /// Merge key across layers; stays stable when the text changes.
    pub id: String,
    /// The purpose, e.g. "Pöytävarausten hoitaminen".
    pub title: Text,
    /// What is done with the data for this purpose, Markdown.
    pub description: Option<Text>,
    /// The legal basis of the processing for this purpose (Art. 6(1)).
    pub basis: Option<LegalBasis>,
    /// Required when the basis is `legitimate-interests` (Art. 13(1)(d)).
    pub legitimate_interest: Option<Text>,
    /// How long the data are kept for this purpose (Art. 13(2)(a)), Markdown.
    pub retention: Option<Text>,
}

/// Art. 6(1) (a)–(f).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LegalBasis {
    /// Art. 6(1)(a): the person has consented; they may withdraw it at any time (Art. 7(3)).
    Consent,
    /// Art. 6(1)(b): necessary for a contract with the person, or for steps before one.
    Contract,
    /// Art. 6(1)(c): necessary to comply with a legal obligation of the controller.
    LegalObligation,
    /// Art. 6(1)(d): necessary to protect the vital interests of the person or another.
    VitalInterests,
    /// Art. 6(1)(e): a task in the public interest or in the exercise of official authority.
    PublicTask,
    /// Art. 6(1)(f): the legitimate interests of the controller or of a third party.
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

/// A category of personal data the register holds (Art. 14(1)(d)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DataCategory {
    /// Merge key across layers; stays stable when the text changes.
    pub id: String,
    /// The category, e.g. "Maksutiedot".
    pub title: Text,
    /// What the category contains, Markdown.
    pub description: Option<Text>,
    /// How long data of this category are kept (Art. 13(2)(a)), Markdown.
    pub retention: Option<Text>,
}

/// A source of the personal data (Art. 14(2)(f)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Merge key across layers; stays stable when the text changes.
    pub id: String,
    /// The source, e.g. "Rekisteröity itse" when the person gives the data.
    pub title: Text,
    /// Details of the source, Markdown.
    pub description: Option<Text>,
}

/// A recipient or category of recipients of the data, processors included (Art. 13(1)(e)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// Merge key across layers; stays stable when the text changes.
    pub id: String,
    /// The recipient, or a category of recipients.
    pub name: Text,
    /// In what capacity the recipient receives the data.
    pub role: RecipientRole,
    /// What the recipient does with the data, Markdown.
    pub description: Option<Text>,
    /// Where the recipient processes the data.
    pub country: Option<Text>,
}

/// The capacity in which a recipient receives the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecipientRole {
    /// Processes the data on the controller's behalf (Art. 28), e.g. a hosting provider.
    Processor,
    /// A controller in its own right, deciding its own purposes for the data it receives.
    Controller,
    /// Decides the purposes and means together with the controller (Art. 26).
    JointController,
    /// A public authority the data are disclosed to.
    Authority,
}

/// A transfer outside the EU/EEA (Art. 13(1)(f)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// Merge key across layers; stays stable when the text changes.
    pub id: String,
    /// Who receives the data outside the EU/EEA.
    pub recipient: Text,
    /// The destination country.
    pub country: Option<Text>,
    /// The ground the transfer relies on (Arts. 45–49).
    pub safeguard: Option<Safeguard>,
    /// Details of the transfer, Markdown.
    pub description: Option<Text>,
}

/// The ground a transfer outside the EU/EEA relies on (Arts. 45–49).
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
    /// Whether the person must give the data, and on what ground.
    pub kind: RequirementKind,
    /// What happens if the person does not give the data.
    pub consequences: Option<Text>,
}

/// Whether, and why, the person must give the data (Art. 13(2)(e)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequirementKind {
    /// Giving the data is voluntary.
    Voluntary,
    /// Giving the data is a contractual requirement.
    Contractual,
    /// Giving the data is required by law.
    Statutory,
    /// Needed to enter into a contract.
    ContractPrerequisite,
}
