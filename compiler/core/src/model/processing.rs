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
    /// The purpose as a heading, e.g. "Pöytävarausten hoitaminen". Optional: a notice that
    /// describes a purpose in one paragraph has no title for it, and none is invented; a purpose
    /// then needs a `description`.
    pub title: Option<Text>,
    /// What is done with the data for this purpose, Markdown.
    pub description: Option<Text>,
    /// The legal basis of the processing for this purpose (Art. 6(1)).
    pub basis: Option<LegalBasis>,
    /// Required when the basis is `legitimate-interests` (Art. 13(1)(d)).
    pub legitimate_interest: Option<Text>,
    /// The law that lays down a `legal-obligation` or `public-task` basis (Art. 6(3)), e.g.
    /// "Kirjanpitolaki (1336/1997) 2 luku 10 §".
    pub law: Option<Text>,
    /// The Art. 9(2) condition, when the purpose processes special categories of data.
    pub special_category_condition: Option<SpecialCategoryCondition>,
    /// The law that authorises processing data on criminal convictions and offences (Art. 10).
    pub criminal_data_law: Option<Text>,
    /// Whether giving the data for this purpose is required, and what follows if not (Art. 13(2)(e)).
    pub requirement: Option<DataRequirement>,
    /// Whether the purpose is direct marketing, which the person may always object to (Art. 21(2)–(3)).
    #[serde(default)]
    pub direct_marketing: bool,
    /// How long the data are kept for this purpose (Art. 13(2)(a)), Markdown.
    pub retention: Option<Text>,
}

/// The condition of Art. 9(2) that allows processing special categories of personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpecialCategoryCondition {
    /// Art. 9(2)(a): the person's explicit consent.
    ExplicitConsent,
    /// Art. 9(2)(b): obligations and rights in employment, social security and social protection law.
    Employment,
    /// Art. 9(2)(c): vital interests of a person unable to consent.
    VitalInterests,
    /// Art. 9(2)(d): a not-for-profit body's members, with political, philosophical, religious or trade-union aims.
    NotForProfit,
    /// Art. 9(2)(e): data the person has manifestly made public.
    MadePublic,
    /// Art. 9(2)(f): establishing, exercising or defending legal claims.
    LegalClaims,
    /// Art. 9(2)(g): substantial public interest, on the basis of law.
    SubstantialPublicInterest,
    /// Art. 9(2)(h): preventive or occupational medicine, health or social care.
    HealthCare,
    /// Art. 9(2)(i): public interest in the area of public health.
    PublicHealth,
    /// Art. 9(2)(j): archiving in the public interest, scientific or historical research, statistics.
    ArchivingResearch,
}

impl SpecialCategoryCondition {
    /// The point of Art. 9(2) this condition is, `a` to `j`.
    pub fn letter(self) -> char {
        match self {
            SpecialCategoryCondition::ExplicitConsent => 'a',
            SpecialCategoryCondition::Employment => 'b',
            SpecialCategoryCondition::VitalInterests => 'c',
            SpecialCategoryCondition::NotForProfit => 'd',
            SpecialCategoryCondition::MadePublic => 'e',
            SpecialCategoryCondition::LegalClaims => 'f',
            SpecialCategoryCondition::SubstantialPublicInterest => 'g',
            SpecialCategoryCondition::HealthCare => 'h',
            SpecialCategoryCondition::PublicHealth => 'i',
            SpecialCategoryCondition::ArchivingResearch => 'j',
        }
    }
}

/// A special category of personal data (Art. 9(1)), or data on criminal offences (Art. 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpecialCategory {
    /// Racial or ethnic origin.
    EthnicOrigin,
    /// Political opinions.
    PoliticalOpinions,
    /// Religious or philosophical beliefs.
    Beliefs,
    /// Trade union membership.
    TradeUnion,
    /// Genetic data.
    Genetic,
    /// Biometric data processed to uniquely identify a person.
    Biometric,
    /// Data concerning health, allergies and medically required diets included.
    Health,
    /// A person's sex life or sexual orientation.
    SexualOrientation,
    /// Criminal convictions and offences (Art. 10, not Art. 9).
    CriminalOffences,
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
    /// The special category (Art. 9(1)) or criminal-offence data (Art. 10) this is, if any.
    pub special_category: Option<SpecialCategory>,
    /// Whether giving data of this category is required, and what follows if not (Art. 13(2)(e)).
    pub requirement: Option<DataRequirement>,
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
    /// Whether the source is publicly accessible, e.g. the trade register (Art. 14(2)(f)).
    #[serde(default)]
    pub public: bool,
}

/// A recipient or category of recipients of the data, processors included (Art. 13(1)(e)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// Merge key across layers; stays stable when the text changes.
    pub id: String,
    /// The recipient, or a category of recipients.
    pub name: Text,
    /// In what capacity the recipient receives the data; unset when the notice does not say
    /// ("ulkopuoliset palveluntarjoajat"), so nothing is invented.
    pub role: Option<RecipientRole>,
    /// What the recipient does with the data, Markdown.
    pub description: Option<Text>,
    /// Where the recipient processes the data.
    pub country: Option<Text>,
    /// For a joint controller: the essence of the arrangement between the controllers,
    /// who answers the person's requests included (Art. 26(2)), Markdown.
    pub arrangement: Option<Text>,
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
    /// Which derogation of Art. 49(1) applies, when `safeguard` is `derogation`.
    pub derogation: Option<Derogation>,
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

/// A derogation for a specific situation (Art. 49(1)), for a transfer with no adequacy decision
/// or appropriate safeguard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Derogation {
    /// Art. 49(1)(a): explicit consent, after being told of the risks.
    ExplicitConsent,
    /// Art. 49(1)(b): necessary for a contract with the person, or steps before one.
    Contract,
    /// Art. 49(1)(c): necessary for a contract made in the person's interest with another.
    ContractInInterest,
    /// Art. 49(1)(d): important reasons of public interest.
    PublicInterest,
    /// Art. 49(1)(e): establishing, exercising or defending legal claims.
    LegalClaims,
    /// Art. 49(1)(f): vital interests of a person unable to consent.
    VitalInterests,
    /// Art. 49(1)(g): from a register open to consultation by the public.
    PublicRegister,
    /// Art. 49(1), second subparagraph: compelling legitimate interests, not repetitive, few persons.
    CompellingLegitimateInterests,
}

impl Derogation {
    /// The point of Art. 49(1) this derogation is, `a` to `g`; `None` for the second subparagraph.
    pub fn letter(self) -> Option<char> {
        match self {
            Derogation::ExplicitConsent => Some('a'),
            Derogation::Contract => Some('b'),
            Derogation::ContractInInterest => Some('c'),
            Derogation::PublicInterest => Some('d'),
            Derogation::LegalClaims => Some('e'),
            Derogation::VitalInterests => Some('f'),
            Derogation::PublicRegister => Some('g'),
            Derogation::CompellingLegitimateInterests => None,
        }
    }
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
