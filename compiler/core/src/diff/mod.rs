//! The meaning-level diff of two effective notices: what changed, where on the page, in which
//! language, and whether the change is material (Art. 13(3)) or editorial, with the reason.

pub mod comment;
mod compare;
mod fields;
pub mod inputs;
pub mod json;
pub mod phrases;
pub mod report;
#[cfg(test)]
mod report_tests;
mod retention;
#[cfg(test)]
mod tests;
mod unreleased;
mod walk;
pub mod words;

use crate::history::History;
use crate::load::LoadedSite;
use crate::model::{
    CookieCategory, Date, Derogation, Lang, LegalBasis, Notice, RecipientRole, RequirementKind,
    Safeguard, Section, SecurityMeasure, SpecialCategory, SpecialCategoryCondition, Text,
};

pub use unreleased::release_warning;
pub use words::{Op, Segment};

/// One side of a comparison: a typed notice and the languages it is published in.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The effective notice of this side.
    pub notice: &'a Notice,
    /// The languages this side publishes, primary first.
    pub languages: &'a [Lang],
}

/// Compares two effective notices. Sections are matched by key, list items by id, so
/// reordering changes nothing; text is compared word by word, ignoring whitespace and line
/// endings except paragraph breaks.
pub fn diff(old: Side<'_>, new: Side<'_>) -> Vec<Change> {
    compare::diff(old, new)
}

/// The changes since the latest released version, or `None` when the site has never been
/// released.
pub fn changes_since_latest(site: &LoadedSite, history: &History) -> Option<Vec<Change>> {
    let latest = history.latest()?;
    Some(diff(
        Side {
            notice: &latest.site.notice,
            languages: &latest.site.languages,
        },
        Side {
            notice: &site.notice,
            languages: &site.languages,
        },
    ))
}

/// Whether any of `changes` needs advance notice.
pub fn is_material(changes: &[Change]) -> bool {
    changes.iter().any(|c| c.reason.class() == Class::Material)
}

/// What happened to the changed thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// A list item, section or value is new (a text filled in counts as `Changed`).
    Added,
    /// A list item, section or value is gone (a text emptied counts as `Changed`).
    Removed,
    /// A value or text differs between the two sides.
    Changed,
    /// An item whose id changed and nothing else.
    Renamed,
}

impl ChangeKind {
    /// Stable id for machine output: `added`, `removed`, `changed` or `renamed`.
    pub fn id(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
            ChangeKind::Renamed => "renamed",
        }
    }
}

/// Material changes need advance notice to the people concerned (Art. 13(3)); editorial ones do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Needs advance notice before it takes effect.
    Material,
    /// Takes effect without advance notice.
    Editorial,
}

impl Class {
    /// Stable id for machine output: `material` or `editorial`.
    pub fn id(self) -> &'static str {
        match self {
            Class::Material => "material",
            Class::Editorial => "editorial",
        }
    }
}

/// Why a change is classed as it is. The class follows from the reason, never separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// Material: a new purpose of the processing.
    PurposeAdded,
    /// Material: a new recipient of the data.
    RecipientAdded,
    /// Material: a new transfer outside the EU/EEA.
    TransferAdded,
    /// Material: a new category of personal data.
    DataCategoryAdded,
    /// Material: a new cookie.
    CookieAdded,
    /// Material: a purpose's legal basis (Art. 6(1)) changed, or was set where none was.
    LegalBasisChanged,
    /// Material: a retention period or a cookie's duration got longer, compared in days.
    RetentionLonger,
    /// The retention text changed and no longer compares as a number of days: it may be longer.
    /// Material.
    RetentionUnclear,
    /// Material: the controller's name or business id (Y-tunnus) changed.
    ControllerIdentity,
    /// Material: a recipient's name, role or country changed.
    RecipientChanged,
    /// Material: a transfer's recipient, country or safeguard changed.
    TransferChanged,
    /// Material: a cookie's provider or category changed.
    CookieChanged,
    /// Material: automated decision-making or profiling is now used.
    AutomatedDecisionsIntroduced,
    /// Material: a purpose's Art. 9(2) condition is new or changed: special categories are
    /// processed on a ground the person was not told of.
    SpecialCategoryCondition,
    /// Material: a data category became, or became another, special category (Art. 9(1), 10).
    SpecialCategoryAdded,
    /// Material: a purpose is now direct marketing.
    DirectMarketingIntroduced,
    /// Material: a `[none]` statement was withdrawn, so there are now recipients, transfers or
    /// cookies where the notice said there were none.
    NoneWithdrawn,
    /// Material: the age from which a child consents alone was lowered, so younger children
    /// consent without their guardian.
    ChildrenAgeLowered,
    /// Material: a security measure the controller confirmed is no longer confirmed: less
    /// protection than the person was told of.
    SecurityMeasureRemoved,
    /// Editorial: a text reworded, or a retention text that kept its period; also a changed
    /// `updated` date, data requirement `kind`, cookie `name` or right `article`.
    Wording,
    /// Editorial: a text, source, right, section or detail was added where none was.
    InformationAdded,
    /// Editorial: something was removed or switched off, so the processing narrows.
    Removal,
    /// Editorial: a retention period or a cookie's duration got shorter.
    RetentionShorter,
    /// Editorial: addresses, e-mails, phones, web addresses, contact persons, the authority.
    ContactDetails,
    /// Editorial: an item's id changed and nothing else.
    IdRenamed,
    /// Editorial: the site publishes in other languages.
    LanguagesChanged,
}

impl Reason {
    /// Whether a change for this reason is material or editorial.
    pub fn class(self) -> Class {
        use Reason::*;
        match self {
            PurposeAdded
            | RecipientAdded
            | TransferAdded
            | DataCategoryAdded
            | CookieAdded
            | LegalBasisChanged
            | RetentionLonger
            | RetentionUnclear
            | ControllerIdentity
            | RecipientChanged
            | TransferChanged
            | CookieChanged
            | AutomatedDecisionsIntroduced
            | SpecialCategoryCondition
            | SpecialCategoryAdded
            | DirectMarketingIntroduced
            | NoneWithdrawn
            | ChildrenAgeLowered
            | SecurityMeasureRemoved => Class::Material,
            Wording | InformationAdded | Removal | RetentionShorter | ContactDetails
            | IdRenamed | LanguagesChanged => Class::Editorial,
        }
    }

    /// Stable id for machine output.
    pub fn id(self) -> &'static str {
        use Reason::*;
        match self {
            PurposeAdded => "purpose-added",
            RecipientAdded => "recipient-added",
            TransferAdded => "transfer-added",
            DataCategoryAdded => "data-category-added",
            CookieAdded => "cookie-added",
            LegalBasisChanged => "legal-basis-changed",
            RetentionLonger => "retention-longer",
            RetentionUnclear => "retention-unclear",
            ControllerIdentity => "controller-identity",
            RecipientChanged => "recipient-changed",
            TransferChanged => "transfer-changed",
            CookieChanged => "cookie-changed",
            AutomatedDecisionsIntroduced => "automated-decisions-introduced",
            SpecialCategoryCondition => "special-category-condition",
            SpecialCategoryAdded => "special-category-added",
            DirectMarketingIntroduced => "direct-marketing-introduced",
            NoneWithdrawn => "none-withdrawn",
            ChildrenAgeLowered => "children-age-lowered",
            SecurityMeasureRemoved => "security-measure-removed",
            Wording => "wording",
            InformationAdded => "information-added",
            Removal => "removal",
            RetentionShorter => "retention-shorter",
            ContactDetails => "contact-details",
            IdRenamed => "id-renamed",
            LanguagesChanged => "languages-changed",
        }
    }
}

/// Which part of the page a change is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SectionKey {
    /// The page itself: title, intro, languages, date.
    Page,
    /// A standard section.
    Standard(Section),
    /// A custom section, by id.
    Custom(String),
}

impl SectionKey {
    /// The anchor of the section on the notice page; `None` for the page itself.
    pub fn anchor(&self) -> Option<&str> {
        match self {
            SectionKey::Page => None,
            SectionKey::Standard(section) => Some(section.anchor()),
            SectionKey::Custom(id) => Some(id),
        }
    }

    /// Stable name for machine output: the model key, `page`, or `sections.<id>`.
    pub fn id(&self) -> String {
        match self {
            SectionKey::Page => "page".to_string(),
            SectionKey::Standard(section) => section.key().to_string(),
            SectionKey::Custom(id) => format!("sections.{id}"),
        }
    }
}

/// The kinds of list item a notice has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A purpose, `[[purposes]]`.
    Purpose,
    /// A category of personal data, `[[data_categories]]`.
    DataCategory,
    /// A source of the data, `[[sources]]`.
    Source,
    /// A recipient, `[[recipients]]`.
    Recipient,
    /// A transfer outside the EU/EEA, `[[transfers]]`.
    Transfer,
    /// A cookie, `[[cookies]]`.
    Cookie,
    /// A data-subject right, `[[rights]]`.
    Right,
    /// A custom section (`[[sections]]`).
    Section,
}

/// The list item a change is in, by kind and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRef {
    /// Which list the item is in.
    pub kind: ItemKind,
    /// The item's id on the newer side (the older side's for a removed item).
    pub id: String,
}

/// A value that is not free text, shown through the page vocabulary of each language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scalar {
    /// A purpose's legal basis.
    Basis(LegalBasis),
    /// A recipient's role.
    Role(RecipientRole),
    /// A transfer's safeguard.
    Safeguard(Safeguard),
    /// A cookie's category.
    Category(CookieCategory),
    /// Whether, and why, giving the data is required.
    Requirement(RequirementKind),
    /// A purpose's Art. 9(2) condition.
    Condition(SpecialCategoryCondition),
    /// A data category's special category.
    Special(SpecialCategory),
    /// A transfer's Art. 49(1) derogation.
    Derogation(Derogation),
    /// A security measure the controller confirms.
    Measure(SecurityMeasure),
    /// The age from which a child consents alone.
    Age(u8),
    /// A yes/no fact: automated decisions used, direct marketing, a public source, a `[none]`
    /// statement.
    Flag(bool),
    /// The date the notice was updated.
    Date(Date),
    /// A plain string: a name, business id, e-mail, phone, web address, article or item id.
    Str(String),
    /// The languages the site publishes, primary first.
    Languages(Vec<Lang>),
}

/// One change between two versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The part of the page the change is in.
    pub section: SectionKey,
    /// The list item the change is in, if any.
    pub item: Option<ItemRef>,
    /// What the changed thing is called: the item's title or name, for summaries.
    pub label: Option<Text>,
    /// The changed field within the section or item (`basis`, `retention`…).
    pub field: Option<&'static str>,
    /// Whether the thing was added, removed, changed or renamed.
    pub kind: ChangeKind,
    /// Why the change is classed as it is; decides material or editorial.
    pub reason: Reason,
    /// Set when the change concerns one language's text only.
    pub lang: Option<Lang>,
    /// The value before, when the field is not free text; `None` for texts or when absent.
    pub before: Option<Scalar>,
    /// The value after, when the field is not free text; `None` for texts or when absent.
    pub after: Option<Scalar>,
    /// Word diffs of a text field: one for all languages alike, or one per language when the
    /// translations changed each in their own words. Empty for other changes.
    pub words: Vec<LangWords>,
    /// Where the changed value is set in the sources, when the diff was of loaded sources.
    pub source: Option<SourceRef>,
}

/// A place in a source file: the file as the project names it (`content/_shared/x.toml`) and
/// its line and column, from 1.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct SourceRef {
    /// The file, relative to the project root.
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
}

/// The word diff of a text in one language, or in every language when `lang` is `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct LangWords {
    /// The language the diff is of, or `None` when every language changed alike.
    pub lang: Option<Lang>,
    /// The words in order, each run kept, inserted or deleted.
    pub segments: Vec<Segment>,
}

impl Change {
    /// Material or editorial, as the reason decides.
    pub fn class(&self) -> Class {
        self.reason.class()
    }

    /// Whether the change belongs on the `lang` page: language-independent, or about `lang`.
    pub fn concerns(&self, lang: Lang) -> bool {
        self.lang.is_none_or(|l| l == lang)
    }

    /// The source path of the changed value (`recipients.<id>.role`), for locating it in a
    /// merged tree; its nearest existing parent stands in for a value that is not there.
    pub fn source_path(&self) -> Vec<&str> {
        let mut path = match &self.section {
            SectionKey::Page => Vec::new(),
            SectionKey::Standard(section) => vec![section.key()],
            SectionKey::Custom(_) => vec!["sections"],
        };
        if let Some(item) = &self.item {
            path.push(item.id.as_str());
        }
        if let Some(field) = self.field.filter(|f| *f != "id") {
            path.push(field);
        }
        path
    }

    /// The word diff to show on a page in `lang`.
    pub fn words_for(&self, lang: Lang) -> &[Segment] {
        self.words
            .iter()
            .find(|w| w.lang.is_none_or(|l| l == lang))
            .map_or(&[], |w| &w.segments)
    }
}
