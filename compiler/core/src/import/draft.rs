//! What the importer makes of a document before it is written: the notice's keys, each value
//! with an optional review comment, in the order the source format documents them.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::model::{Date, Lang, Section};
use crate::slug::IdAllocator;

/// One `key = value` line, its value already TOML, with a comment for the owner above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    pub(crate) key: String,
    pub(crate) value: Value,
    /// `# import: …` written above the line.
    pub(crate) comment: Option<String>,
}

/// A value to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    /// A string, written with TOML's escapes (multi-line when it has line breaks).
    Text(String),
    /// A literal: a boolean, a date, an array already in TOML.
    Raw(String),
}

impl Field {
    pub(crate) fn text(key: &str, text: impl Into<String>) -> Field {
        Field {
            key: key.to_string(),
            value: Value::Text(text.into()),
            comment: None,
        }
    }

    pub(crate) fn raw(key: &str, raw: impl Into<String>) -> Field {
        Field {
            key: key.to_string(),
            value: Value::Raw(raw.into()),
            comment: None,
        }
    }

    /// The field marked as a guess, quoting the input words it was guessed from.
    pub(crate) fn guessed(mut self, from: &str) -> Field {
        let quote: String = from.chars().take(80).collect();
        let ellipsis = if quote.len() < from.len() { "…" } else { "" };
        self.comment = Some(format!(
            "import: guessed from \"{}{ellipsis}\"",
            quote.replace(['\n', '\r'], " ")
        ));
        self
    }
}

/// A table: its fields in order, found by key.
pub(crate) type Fields = Vec<Field>;

pub(crate) fn get<'a>(fields: &'a Fields, key: &str) -> Option<&'a Field> {
    fields.iter().find(|f| f.key == key)
}

/// Sets `key` unless it is already set (the first statement of a fact wins).
pub(crate) fn set(fields: &mut Fields, field: Field) {
    if get(fields, &field.key).is_none() {
        fields.push(field);
    }
}

/// Where an input block went, for `--dry-run`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    /// The input lines (or, for Word, paragraphs), 1-based and end-exclusive.
    pub lines: Range<usize>,
    /// The output key, e.g. `purposes[2].title` or `sections.muutokset.body`.
    pub key: String,
}

/// A notice as the importer understood it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft {
    pub(crate) lang: Option<Lang>,
    pub(crate) extends: Vec<String>,
    pub(crate) title: Option<Field>,
    pub(crate) register_name: Option<Field>,
    pub(crate) updated: Option<Date>,
    pub(crate) intro: Vec<String>,
    pub(crate) retention: Vec<String>,
    pub(crate) controller: Fields,
    pub(crate) contact: Fields,
    pub(crate) dpo: Fields,
    pub(crate) authority: Fields,
    pub(crate) automated_decisions: Fields,
    /// `[security]`: `manual` and `electronic`, when the notice tells them apart.
    pub(crate) security: Fields,
    /// `[[purposes]]`, `[[data_categories]]`, `[[sources]]`, `[[recipients]]` and `[[rights]]`.
    pub(crate) items: BTreeMap<Section, Vec<Fields>>,
    /// `[none]`: recipients, transfers, cookies.
    pub(crate) none: Vec<&'static str>,
    pub(crate) intros: BTreeMap<Section, Vec<String>>,
    /// `[[sections]]`, in the input's order.
    pub(crate) custom: Vec<Fields>,
    pub(crate) mapping: Vec<Mapping>,
    /// Facts found, as "kind: value", for the summary.
    pub(crate) facts: Vec<String>,
    pub(crate) seen_facts: BTreeSet<String>,
    /// Sections found only by a stem other headings share, with the heading, for the
    /// `# import: guessed from` comment.
    pub(crate) guessed_sections: BTreeMap<Section, String>,
    /// The ids given to each section's items so far.
    pub(crate) item_ids: BTreeMap<Section, IdAllocator>,
}

impl Draft {
    pub(crate) fn map(&mut self, lines: &Range<usize>, key: impl Into<String>) {
        self.mapping.push(Mapping {
            lines: lines.clone(),
            key: key.into(),
        });
    }

    pub(crate) fn fact(&mut self, kind: &str, value: &str) {
        let fact = format!("{kind}: {value}");
        if self.seen_facts.insert(fact.clone()) {
            self.facts.push(fact);
        }
    }

    pub(crate) fn intro(&mut self, section: Section, text: String) {
        self.intros.entry(section).or_default().push(text);
    }

    pub(crate) fn items(&mut self, section: Section) -> &mut Vec<Fields> {
        self.items.entry(section).or_default()
    }

    pub(crate) fn state_none(&mut self, what: &'static str) {
        if !self.none.contains(&what) {
            self.none.push(what);
        }
    }

    /// Every section that got something: a value, an item, an introduction or a `[none]`.
    pub(crate) fn mapped_sections(&self) -> Vec<Section> {
        let mut sections: Vec<Section> = self
            .items
            .keys()
            .chain(self.intros.keys())
            .copied()
            .collect();
        let tables = [
            (Section::Controller, &self.controller),
            (Section::Contact, &self.contact),
            (Section::Dpo, &self.dpo),
            (Section::Authority, &self.authority),
            (Section::AutomatedDecisions, &self.automated_decisions),
            (Section::Security, &self.security),
        ];
        sections.extend(
            tables
                .iter()
                .filter(|(_, f)| !f.is_empty())
                .map(|(s, _)| *s),
        );
        if self.register_name.is_some() {
            sections.push(Section::RegisterName);
        }
        if !self.retention.is_empty() {
            sections.push(Section::Retention);
        }
        for (what, section) in [
            ("recipients", Section::Recipients),
            ("transfers", Section::Transfers),
            ("cookies", Section::Cookies),
        ] {
            if self.none.contains(&what) {
                sections.push(section);
            }
        }
        sections.sort_unstable();
        sections.dedup();
        sections
    }
}
