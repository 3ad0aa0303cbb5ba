//! The meaning-level diff of two effective notices: what changed, where on the page, in which
//! language, and whether the change is material (Art. 13(3)) or editorial, with the reason.

mod compare;
mod fields;
pub mod inputs;
pub mod json;
pub mod phrases;
pub mod report;
mod retention;
#[cfg(test)]
mod tests;
pub mod words;

use crate::history::History;
use crate::load::LoadedSite;
use crate::model::{
    CookieCategory, Date, Lang, LegalBasis, Notice, RecipientRole, RequirementKind, Safeguard,
    Section, Text,
};

pub use words::{Op, Segment};

/// One side of a comparison: a typed notice and the languages it is published in.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub notice: &'a Notice,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
    /// An item whose id changed and nothing else.
    Renamed,
}

impl ChangeKind {
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
    Material,
    Editorial,
}

impl Class {
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
    PurposeAdded,
    RecipientAdded,
    TransferAdded,
    DataCategoryAdded,
    CookieAdded,
    LegalBasisChanged,
    RetentionLonger,
    /// The retention text changed and no longer compares as a number of days: it may be longer.
    RetentionUnclear,
    ControllerIdentity,
    RecipientChanged,
    TransferChanged,
    CookieChanged,
    AutomatedDecisionsIntroduced,
    Wording,
    InformationAdded,
    Removal,
    RetentionShorter,
    ContactDetails,
    IdRenamed,
    LanguagesChanged,
}

impl Reason {
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
            | AutomatedDecisionsIntroduced => Class::Material,
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
    Purpose,
    DataCategory,
    Source,
    Recipient,
    Transfer,
    Cookie,
    Right,
    /// A custom section (`[[sections]]`).
    Section,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRef {
    pub kind: ItemKind,
    pub id: String,
}

/// A value that is not free text, shown through the page vocabulary of each language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scalar {
    Basis(LegalBasis),
    Role(RecipientRole),
    Safeguard(Safeguard),
    Category(CookieCategory),
    Requirement(RequirementKind),
    Flag(bool),
    Date(Date),
    Str(String),
    Languages(Vec<Lang>),
}

/// One change between two versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub section: SectionKey,
    pub item: Option<ItemRef>,
    /// What the changed thing is called: the item's title or name, for summaries.
    pub label: Option<Text>,
    /// The changed field within the section or item (`basis`, `retention`…).
    pub field: Option<&'static str>,
    pub kind: ChangeKind,
    pub reason: Reason,
    /// Set when the change concerns one language's text only.
    pub lang: Option<Lang>,
    pub before: Option<Scalar>,
    pub after: Option<Scalar>,
    /// Word diffs of a text field: one for all languages alike, or one per language when the
    /// translations changed each in their own words. Empty for other changes.
    pub words: Vec<LangWords>,
}

/// The word diff of a text in one language, or in every language when `lang` is `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct LangWords {
    pub lang: Option<Lang>,
    pub segments: Vec<Segment>,
}

impl Change {
    pub fn class(&self) -> Class {
        self.reason.class()
    }

    /// Whether the change belongs on the `lang` page: language-independent, or about `lang`.
    pub fn concerns(&self, lang: Lang) -> bool {
        self.lang.is_none_or(|l| l == lang)
    }

    /// The word diff to show on a page in `lang`.
    pub fn words_for(&self, lang: Lang) -> &[Segment] {
        self.words
            .iter()
            .find(|w| w.lang.is_none_or(|l| l == lang))
            .map_or(&[], |w| &w.segments)
    }
}
