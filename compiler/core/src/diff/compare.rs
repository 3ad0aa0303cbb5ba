//! Walks two notices section by section and item by item, and records each change with its reason.

use std::collections::HashMap;

use super::fields::{self, Field, Item, TextRule};
use super::retention::{self, Comparison};
use super::words;
use super::{Change, ChangeKind, Class, ItemRef, LangWords, Reason, Scalar, SectionKey, Side};
use crate::model::{Lang, Person, Section, SecurityMeasure, Text};

pub(super) fn diff(old: Side<'_>, new: Side<'_>) -> Vec<Change> {
    let mut languages: Vec<Lang> = new.languages.to_vec();
    for lang in old.languages {
        if !languages.contains(lang) {
            languages.push(*lang);
        }
    }
    let mut differ = Differ {
        languages,
        changes: Vec::new(),
    };
    differ.notice(old, new);
    differ.changes
}

/// Where a change is: the section and, inside a list, the item.
#[derive(Clone)]
pub(super) struct Place {
    section: SectionKey,
    item: Option<ItemRef>,
    label: Option<Text>,
}

impl Place {
    pub(super) fn section(section: SectionKey) -> Place {
        Place {
            section,
            item: None,
            label: None,
        }
    }
}

pub(super) struct Differ {
    /// Every language either side publishes, the new side's first.
    languages: Vec<Lang>,
    changes: Vec<Change>,
}

impl Differ {
    fn push(
        &mut self,
        place: &Place,
        field: Option<&'static str>,
        kind: ChangeKind,
        reason: Reason,
    ) -> &mut Change {
        self.changes.push(Change {
            section: place.section.clone(),
            item: place.item.clone(),
            label: place.label.clone(),
            field,
            kind,
            reason,
            lang: None,
            before: None,
            after: None,
            words: Vec::new(),
            source: None,
        });
        self.changes.last_mut().expect("just pushed")
    }

    /// A change to a whole field, e.g. a block added or removed.
    pub(super) fn push_field(
        &mut self,
        at: &Place,
        field: &'static str,
        kind: ChangeKind,
        reason: Reason,
    ) {
        self.push(at, Some(field), kind, reason);
    }

    pub(super) fn fields<T>(&mut self, at: &Place, old: &T, new: &T, fields: &[Field<T>]) {
        for field in fields {
            match *field {
                Field::Text(name, get, rule) => self.text(at, name, get(old), get(new), rule),
                Field::Value(name, get, reason) => self.value(at, name, get(old), get(new), reason),
                Field::Person(name, get) => self.person(at, name, get(old), get(new)),
            }
        }
    }

    /// Compares a text field per language. A change made alike in every language (a plain
    /// text) is one change; translations edited each in their own words, for the same reason,
    /// are one change with a word diff per language; anything else is one change per language.
    pub(super) fn text(
        &mut self,
        at: &Place,
        field: &'static str,
        old: Option<&Text>,
        new: Option<&Text>,
        rule: TextRule,
    ) {
        let changed: Vec<(Lang, &str, &str)> = self
            .languages
            .iter()
            .map(|&lang| (lang, in_language(old, lang), in_language(new, lang)))
            .filter(|(_, o, n)| !words::same(Some(o), Some(n)))
            .collect();
        let Some(&(_, first_old, first_new)) = changed.first() else {
            return;
        };
        let reasons: Vec<Reason> = changed
            .iter()
            .map(|(_, o, n)| text_reason(o, n, rule))
            .collect();
        if changed.len() == self.languages.len() && reasons.iter().all(|r| *r == reasons[0]) {
            let alike = changed
                .iter()
                .all(|(_, o, n)| (*o, *n) == (first_old, first_new));
            let words = if alike {
                vec![LangWords {
                    lang: None,
                    segments: words::diff(first_old, first_new),
                }]
            } else {
                changed
                    .iter()
                    .map(|(lang, o, n)| LangWords {
                        lang: Some(*lang),
                        segments: words::diff(o, n),
                    })
                    .collect()
            };
            self.push(at, Some(field), ChangeKind::Changed, reasons[0])
                .words = words;
            return;
        }
        for ((lang, old_text, new_text), reason) in changed.into_iter().zip(reasons) {
            let change = self.push(at, Some(field), ChangeKind::Changed, reason);
            change.lang = Some(lang);
            change.words = vec![LangWords {
                lang: Some(lang),
                segments: words::diff(old_text, new_text),
            }];
        }
    }

    pub(super) fn value(
        &mut self,
        at: &Place,
        field: &'static str,
        old: Option<Scalar>,
        new: Option<Scalar>,
        reason: Reason,
    ) {
        if old == new {
            return;
        }
        let (kind, reason) = match (&old, &new) {
            (None, _) if reason.class() == Class::Editorial => {
                (ChangeKind::Added, Reason::InformationAdded)
            }
            (None, _) => (ChangeKind::Added, reason),
            (_, None) => (ChangeKind::Removed, Reason::Removal),
            // Switching something off narrows the processing.
            (_, Some(Scalar::Flag(false))) => (ChangeKind::Changed, Reason::Removal),
            _ => (ChangeKind::Changed, reason),
        };
        let change = self.push(at, Some(field), kind, reason);
        change.before = old;
        change.after = new;
    }

    /// A `[none]` statement: withdrawing it is material, since the notice no longer says there
    /// are none; making it is editorial.
    pub(super) fn none_statement(&mut self, at: &Place, old: bool, new: bool) {
        if old == new {
            return;
        }
        let reason = if old {
            Reason::NoneWithdrawn
        } else {
            Reason::InformationAdded
        };
        let change = self.push(at, Some("none"), ChangeKind::Changed, reason);
        change.before = Some(Scalar::Flag(old));
        change.after = Some(Scalar::Flag(new));
    }

    /// The children's age limit: lowered is material (younger children consent without their
    /// guardian), raised is editorial (more children are protected).
    pub(super) fn age_limit(&mut self, at: &Place, old: u8, new: u8) {
        if old == new {
            return;
        }
        let reason = if new < old {
            Reason::ChildrenAgeLowered
        } else {
            Reason::Wording
        };
        let change = self.push(at, Some("age_limit"), ChangeKind::Changed, reason);
        change.before = Some(Scalar::Age(old));
        change.after = Some(Scalar::Age(new));
    }

    /// Confirmed security measures as a set: each one added is editorial (more protection),
    /// each one removed is material (less protection than the person was told of).
    pub(super) fn measures(
        &mut self,
        at: &Place,
        old: &[SecurityMeasure],
        new: &[SecurityMeasure],
    ) {
        let sorted = |list: &[SecurityMeasure]| {
            let mut list = list.to_vec();
            list.sort_unstable();
            list.dedup();
            list
        };
        let (old, new) = (sorted(old), sorted(new));
        for measure in &new {
            if !old.contains(measure) {
                let change = self.push(
                    at,
                    Some("measures"),
                    ChangeKind::Added,
                    Reason::InformationAdded,
                );
                change.after = Some(Scalar::Measure(*measure));
            }
        }
        for measure in &old {
            if !new.contains(measure) {
                let change = self.push(
                    at,
                    Some("measures"),
                    ChangeKind::Removed,
                    Reason::SecurityMeasureRemoved,
                );
                change.before = Some(Scalar::Measure(*measure));
            }
        }
    }

    /// The controller's representative: added or removed whole, else compared field by field,
    /// every change named after the representative.
    pub(super) fn person(
        &mut self,
        at: &Place,
        field: &'static str,
        old: Option<&Person>,
        new: Option<&Person>,
    ) {
        match (old, new) {
            (None, None) => {}
            (None, Some(_)) => {
                self.push(at, Some(field), ChangeKind::Added, Reason::InformationAdded);
            }
            (Some(_), None) => {
                self.push(at, Some(field), ChangeKind::Removed, Reason::Removal);
            }
            (Some(old), Some(new)) => {
                let start = self.changes.len();
                self.fields(at, old, new, &fields::person());
                for change in &mut self.changes[start..] {
                    change.field = Some(field);
                }
            }
        }
    }

    /// An optional standard section: added or removed as one change, else compared field by field.
    pub(super) fn section<T>(
        &mut self,
        section: Section,
        old: Option<&T>,
        new: Option<&T>,
        added: Reason,
        fields: &[Field<T>],
    ) {
        let at = Place::section(SectionKey::Standard(section));
        match (old, new) {
            (None, None) => {}
            (None, Some(_)) => {
                self.push(&at, None, ChangeKind::Added, added);
            }
            (Some(_), None) => {
                self.push(&at, None, ChangeKind::Removed, Reason::Removal);
            }
            (Some(old), Some(new)) => self.fields(&at, old, new, fields),
        }
    }

    /// A list matched by id: order is not a change; an item that only changed id is a rename.
    pub(super) fn list<'a, T: Item>(&mut self, section: SectionKey, old: &'a [T], new: &'a [T]) {
        let place = |item: &T| Place {
            section: match &section {
                SectionKey::Custom(_) => SectionKey::Custom(item.id().to_string()),
                other => other.clone(),
            },
            item: Some(ItemRef {
                kind: T::KIND,
                id: item.id().to_string(),
            }),
            label: Some(item.label()),
        };
        // By id, so matching two lists of thousands is not a scan of one per item of the other.
        let by_id = |items: &'a [T]| {
            let mut ids: HashMap<&'a str, &'a T> = HashMap::with_capacity(items.len());
            for item in items {
                ids.entry(item.id()).or_insert(item);
            }
            ids
        };
        let (old_ids, new_ids) = (by_id(old), by_id(new));
        let removed: Vec<&T> = old
            .iter()
            .filter(|o| !new_ids.contains_key(o.id()))
            .collect();
        let mut renamed: Vec<&str> = Vec::new();
        for item in new {
            let at = place(item);
            if let Some(before) = old_ids.get(item.id()) {
                self.fields(&at, *before, item, &T::fields());
                continue;
            }
            let from = removed
                .iter()
                .find(|r| !renamed.contains(&r.id()) && r.without_id() == item.without_id());
            match from {
                Some(from) => {
                    renamed.push(from.id());
                    let change = self.push(&at, Some("id"), ChangeKind::Renamed, Reason::IdRenamed);
                    change.before = Some(Scalar::Str(from.id().to_string()));
                    change.after = Some(Scalar::Str(item.id().to_string()));
                }
                None => {
                    self.push(&at, None, ChangeKind::Added, T::ADDED);
                }
            }
        }
        for item in removed.into_iter().filter(|r| !renamed.contains(&r.id())) {
            self.push(&place(item), None, ChangeKind::Removed, Reason::Removal);
        }
    }
}

fn text_reason(old: &str, new: &str, rule: TextRule) -> Reason {
    if words::tokens(old).is_empty() {
        return Reason::InformationAdded;
    }
    if words::tokens(new).is_empty() {
        return Reason::Removal;
    }
    match rule {
        TextRule::Wording => Reason::Wording,
        TextRule::Always(reason) => reason,
        TextRule::Retention => match retention::compare(old, new) {
            Comparison::Longer => Reason::RetentionLonger,
            Comparison::Shorter => Reason::RetentionShorter,
            Comparison::Same => Reason::Wording,
            Comparison::Unclear => Reason::RetentionUnclear,
        },
    }
}

/// The text a language would be given: its own translation, or the same plain text.
fn in_language(text: Option<&Text>, lang: Lang) -> &str {
    match text {
        None => "",
        Some(Text::Plain(text)) => text,
        Some(Text::Localized(map)) => map.get(&lang).map_or("", String::as_str),
    }
}
