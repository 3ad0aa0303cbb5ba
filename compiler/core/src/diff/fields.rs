//! Which fields of each section and list item the diff compares, and how a change to each is classed.

use super::{ItemKind, Reason, Scalar};
use crate::model::{
    Authority, AutomatedDecisions, Children, Controller, Cookie, CustomSection, DataCategory,
    DataRequirement, Notice, Person, Purpose, Recipient, Right, Security, Source, Text, Transfer,
};

/// How a changed text is classed.
#[derive(Debug, Clone, Copy)]
pub(super) enum TextRule {
    Wording,
    /// A period: longer is material, shorter editorial, unreadable material.
    Retention,
    Always(Reason),
}

/// One compared field: its name in the sources, how to read it, and how a change is classed.
pub(super) enum Field<T> {
    /// A translatable text, compared word by word in each language.
    Text(&'static str, fn(&T) -> Option<&Text>, TextRule),
    /// Any other value, shown through the page vocabulary.
    Value(&'static str, fn(&T) -> Option<Scalar>, Reason),
    /// A nested contact person.
    Person(&'static str, fn(&T) -> Option<&Person>),
}

use Field::{Text as T, Value as V};

/// A free-form string as a value; blank counts as absent.
/// A string field, or a typed one that reads as a string (`Email`, `Phone`, `WebUrl`).
fn string<S: std::ops::Deref<Target = str>>(value: &Option<S>) -> Option<Scalar> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| Scalar::Str(s.to_string()))
}

pub(super) fn page() -> Vec<Field<Notice>> {
    vec![
        T("title", |n| n.title.as_ref(), TextRule::Wording),
        V("updated", |n| n.updated.map(Scalar::Date), Reason::Wording),
        T("intro", |n| n.intro.as_ref(), TextRule::Wording),
    ]
}

pub(super) fn register_name() -> Vec<Field<Notice>> {
    vec![T(
        "register_name",
        |n| n.register_name.as_ref(),
        TextRule::Wording,
    )]
}

pub(super) fn retention() -> Vec<Field<Notice>> {
    vec![T(
        "retention",
        |n| n.retention.as_ref(),
        TextRule::Retention,
    )]
}

pub(super) fn controller() -> Vec<Field<Controller>> {
    let contact = TextRule::Always(Reason::ContactDetails);
    vec![
        V(
            "name",
            |c| c.name.clone().map(Scalar::Str),
            Reason::ControllerIdentity,
        ),
        V(
            "business_id",
            |c| string(&c.business_id),
            Reason::ControllerIdentity,
        ),
        T("address", |c| c.address.as_ref(), contact),
        V("email", |c| string(&c.email), Reason::ContactDetails),
        V("phone", |c| string(&c.phone), Reason::ContactDetails),
        V("website", |c| string(&c.website), Reason::ContactDetails),
        Field::Person("representative", |c| c.representative.as_ref()),
    ]
}

pub(super) fn person() -> Vec<Field<Person>> {
    let contact = TextRule::Always(Reason::ContactDetails);
    vec![
        V("name", |p| string(&p.name), Reason::ContactDetails),
        T("role", |p| p.role.as_ref(), contact),
        T("address", |p| p.address.as_ref(), contact),
        V("email", |p| string(&p.email), Reason::ContactDetails),
        V("phone", |p| string(&p.phone), Reason::ContactDetails),
    ]
}

pub(super) fn data_requirement() -> Vec<Field<DataRequirement>> {
    vec![
        V(
            "kind",
            |r| Some(Scalar::Requirement(r.kind)),
            Reason::Wording,
        ),
        T(
            "consequences",
            |r| r.consequences.as_ref(),
            TextRule::Wording,
        ),
    ]
}

pub(super) fn automated_decisions() -> Vec<Field<AutomatedDecisions>> {
    vec![
        V(
            "used",
            |a| Some(Scalar::Flag(a.used)),
            Reason::AutomatedDecisionsIntroduced,
        ),
        T("description", |a| a.description.as_ref(), TextRule::Wording),
    ]
}

/// The children's consent (`[children]`). Only a lowered age limit is material; a raised one
/// protects more children, and is `Wording`.
pub(super) fn children() -> Vec<Field<Children>> {
    vec![T(
        "description",
        |c| c.description.as_ref(),
        TextRule::Wording,
    )]
}

/// A security measure added is more protection, editorial; removed ones are compared apart
/// (`Differ::measures`), as material.
pub(super) fn security() -> Vec<Field<Security>> {
    vec![
        T("manual", |s| s.manual.as_ref(), TextRule::Wording),
        T("electronic", |s| s.electronic.as_ref(), TextRule::Wording),
    ]
}

pub(super) fn authority() -> Vec<Field<Authority>> {
    let contact = TextRule::Always(Reason::ContactDetails);
    vec![
        T("name", |a| Some(&a.name), contact),
        T("visiting_address", |a| a.visiting_address.as_ref(), contact),
        T("postal_address", |a| a.postal_address.as_ref(), contact),
        V("phone", |a| string(&a.phone), Reason::ContactDetails),
        V("email", |a| string(&a.email), Reason::ContactDetails),
        T("website", |a| a.website.as_ref(), contact),
    ]
}

/// A list item the diff matches by id and compares field by field.
pub(super) trait Item: Clone + PartialEq + Sized {
    const KIND: ItemKind;
    /// Why adding one is a change, and so of which class.
    const ADDED: Reason;
    fn id(&self) -> &str;
    /// What the item is called in summaries.
    fn label(&self) -> Text;
    /// The item with its id blanked, to recognise a rename.
    fn without_id(&self) -> Self;
    fn fields() -> Vec<Field<Self>>;
}

macro_rules! item {
    ($type:ty, $kind:expr, $added:expr, |$it:ident| $label:expr, [$($field:expr),* $(,)?]) => {
        impl Item for $type {
            const KIND: ItemKind = $kind;
            const ADDED: Reason = $added;
            fn id(&self) -> &str {
                &self.id
            }
            fn label(&self) -> Text {
                let $it = self;
                $label
            }
            fn without_id(&self) -> Self {
                Self { id: String::new(), ..self.clone() }
            }
            fn fields() -> Vec<Field<Self>> {
                vec![$($field),*]
            }
        }
    };
}

item!(
    Purpose,
    ItemKind::Purpose,
    Reason::PurposeAdded,
    |p| p.title.clone().unwrap_or_else(|| Text::Plain(p.id.clone())),
    [
        T("title", |p| p.title.as_ref(), TextRule::Wording),
        T("description", |p| p.description.as_ref(), TextRule::Wording),
        V(
            "basis",
            |p| p.basis.map(Scalar::Basis),
            Reason::LegalBasisChanged
        ),
        T(
            "legitimate_interest",
            |p| p.legitimate_interest.as_ref(),
            TextRule::Wording
        ),
        // The law's wording is editorial; a changed basis is what is material.
        T("law", |p| p.law.as_ref(), TextRule::Wording),
        V(
            "special_category_condition",
            |p| p.special_category_condition.map(Scalar::Condition),
            Reason::SpecialCategoryCondition
        ),
        T(
            "criminal_data_law",
            |p| p.criminal_data_law.as_ref(),
            TextRule::Wording
        ),
        V(
            "requirement",
            |p| p.requirement.as_ref().map(|r| Scalar::Requirement(r.kind)),
            Reason::Wording
        ),
        T(
            "consequences",
            |p| p.requirement.as_ref().and_then(|r| r.consequences.as_ref()),
            TextRule::Wording
        ),
        V(
            "direct_marketing",
            |p| Some(Scalar::Flag(p.direct_marketing)),
            Reason::DirectMarketingIntroduced
        ),
        T("retention", |p| p.retention.as_ref(), TextRule::Retention),
    ]
);

item!(
    DataCategory,
    ItemKind::DataCategory,
    Reason::DataCategoryAdded,
    |c| c.title.clone(),
    [
        T("title", |c| Some(&c.title), TextRule::Wording),
        T("description", |c| c.description.as_ref(), TextRule::Wording),
        T("retention", |c| c.retention.as_ref(), TextRule::Retention),
        V(
            "special_category",
            |c| c.special_category.map(Scalar::Special),
            Reason::SpecialCategoryAdded
        ),
        V(
            "requirement",
            |c| c.requirement.as_ref().map(|r| Scalar::Requirement(r.kind)),
            Reason::Wording
        ),
        T(
            "consequences",
            |c| c.requirement.as_ref().and_then(|r| r.consequences.as_ref()),
            TextRule::Wording
        ),
    ]
);

item!(
    Source,
    ItemKind::Source,
    Reason::InformationAdded,
    |s| s.title.clone(),
    [
        T("title", |s| Some(&s.title), TextRule::Wording),
        T("description", |s| s.description.as_ref(), TextRule::Wording),
        V("public", |s| Some(Scalar::Flag(s.public)), Reason::Wording),
    ]
);

item!(
    Recipient,
    ItemKind::Recipient,
    Reason::RecipientAdded,
    |r| r.name.clone(),
    [
        T(
            "name",
            |r| Some(&r.name),
            TextRule::Always(Reason::RecipientChanged)
        ),
        V(
            "role",
            |r| r.role.map(Scalar::Role),
            Reason::RecipientChanged
        ),
        T("description", |r| r.description.as_ref(), TextRule::Wording),
        T(
            "country",
            |r| r.country.as_ref(),
            TextRule::Always(Reason::RecipientChanged)
        ),
        T("arrangement", |r| r.arrangement.as_ref(), TextRule::Wording),
    ]
);

item!(
    Transfer,
    ItemKind::Transfer,
    Reason::TransferAdded,
    |t| t.recipient.clone(),
    [
        T(
            "recipient",
            |t| Some(&t.recipient),
            TextRule::Always(Reason::TransferChanged)
        ),
        T(
            "country",
            |t| t.country.as_ref(),
            TextRule::Always(Reason::TransferChanged)
        ),
        V(
            "safeguard",
            |t| t.safeguard.map(Scalar::Safeguard),
            Reason::TransferChanged
        ),
        V(
            "derogation",
            |t| t.derogation.map(Scalar::Derogation),
            Reason::TransferChanged
        ),
        T("description", |t| t.description.as_ref(), TextRule::Wording),
    ]
);

item!(
    Cookie,
    ItemKind::Cookie,
    Reason::CookieAdded,
    |c| Text::Plain(c.name.clone()),
    [
        V(
            "name",
            |c| Some(Scalar::Str(c.name.clone())),
            Reason::Wording
        ),
        T(
            "provider",
            |c| Some(&c.provider),
            TextRule::Always(Reason::CookieChanged)
        ),
        T("purpose", |c| c.purpose.as_ref(), TextRule::Wording),
        T("duration", |c| c.duration.as_ref(), TextRule::Retention),
        V(
            "category",
            |c| Some(Scalar::Category(c.category)),
            Reason::CookieChanged
        ),
    ]
);

item!(
    Right,
    ItemKind::Right,
    Reason::InformationAdded,
    |r| r.title.clone(),
    [
        T("title", |r| Some(&r.title), TextRule::Wording),
        T("body", |r| r.body.as_ref(), TextRule::Wording),
        V("article", |r| string(&r.article), Reason::Wording),
    ]
);

item!(
    CustomSection,
    ItemKind::Section,
    Reason::InformationAdded,
    |s| s.title.clone(),
    [
        T("title", |s| Some(&s.title), TextRule::Wording),
        T("body", |s| Some(&s.body), TextRule::Wording),
    ]
);
