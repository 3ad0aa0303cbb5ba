//! The parties a notice names: the controller, its contact person, the DPO and the
//! supervisory authority, with their facts as written; and the facts found anywhere else in
//! the text (Y-tunnus, update date, known services, statements of "none").

use super::assemble::{Segment, markdown};
use super::document::Block;
use super::draft::{Draft, Field, Fields, get, set};
use super::{facts, services, statements, structure};
use crate::model::Section;

/// Labels that only introduce a fact ("Sähköposti: …"): a block of facts and labels alone is
/// used up by its facts; any other words keep it as text.
const LABELS: &[&str] = &[
    "sähköposti",
    "s-posti",
    "email",
    "e-mail",
    "e-post",
    "puhelin",
    "puh",
    "p",
    "tel",
    "phone",
    "telefon",
    "vaihde",
    "osoite",
    "käyntiosoite",
    "postiosoite",
    "address",
    "adress",
    "besöksadress",
    "postadress",
    "y-tunnus",
    "ytunnus",
    "business",
    "id",
    "fo-nummer",
    "nimi",
    "name",
    "namn",
    "www",
    "web",
    "verkkosivut",
    "kotisivu",
    "webbplats",
    "website",
    "yhteystiedot",
];

/// Authorities by the names notices give them, longest first so the full name is taken.
const AUTHORITY_NAMES: &[&str] = &[
    "tietosuojavaltuutetun toimisto",
    "dataombudsmannens byrå",
    "office of the data protection ombudsman",
    "tietosuojavaltuutettu",
    "tietosuojavaltuutetulle",
    "tietosuojavaltuutetun",
    "dataombudsmannen",
    "data protection ombudsman",
];

/// Fills the controller, contact, DPO or authority from its segment.
pub(crate) fn party(draft: &mut Draft, section: Section, blocks: &[Block], escape: bool) {
    let mut fields = std::mem::take(table(draft, section));
    let mut kept: Vec<Block> = Vec::new();
    // A block broken into lines ("Yritys Oy<br>Sähköposti: …") is read line by line, as the
    // copied text gives it; lines kept as text join up again as they were.
    let mut last_kept = None;
    let lines = blocks
        .iter()
        .enumerate()
        .flat_map(|(at, b)| structure::lines_of(b).into_iter().map(move |l| (at, l)));
    for (origin, block) in lines {
        let block = &block;
        let text = structure::fact_text(&block.text);
        let found = facts_of(&mut fields, section, &text);
        let named = name_of(&fields, section, &text);
        if let Some(name) = &named {
            set(&mut fields, Field::text("name", name.clone()));
        }
        // Used up when the block is nothing but its facts and their labels, all of which the
        // table now holds; anything more keeps the block in the section's text.
        let mut written: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
        written.extend(named.as_deref());
        let used_up =
            !written.is_empty() && found.iter().all(|f| f.stored) && only_facts(&text, &written);
        if used_up {
            let mut keys: Vec<&str> = named
                .iter()
                .map(|_| "name")
                .chain(found.iter().map(|f| f.key))
                .collect();
            keys.dedup();
            for key in keys {
                draft.map(&block.lines, format!("{}.{key}", section.key()));
            }
        } else {
            draft.map(&block.lines, format!("intros.{}", section.key()));
            match kept.last_mut() {
                Some(previous) if last_kept == Some(origin) => {
                    previous.text.push('\n');
                    previous.text.push_str(&block.text);
                }
                _ => kept.push(block.clone()),
            }
            last_kept = Some(origin);
        }
    }
    if section == Section::Authority && !fields.is_empty() && get(&fields, "name").is_none() {
        let name = blocks.iter().find_map(|b| authority_name(&b.text));
        fields.insert(
            0,
            Field::text(
                "name",
                name.unwrap_or_else(|| "Tietosuojavaltuutetun toimisto".to_string()),
            )
            .guessed("valvontaviranomainen"),
        );
    }
    for fact in &fields {
        if let super::draft::Value::Text(value) = &fact.value {
            draft.fact(&format!("{}.{}", section.key(), fact.key), value);
        }
    }
    // Keys in the order the README documents them, whatever order the text gave the facts.
    let order = [
        "name",
        "business_id",
        "visiting_address",
        "postal_address",
        "address",
        "email",
        "phone",
        "website",
    ];
    fields.sort_by_key(|f| {
        order
            .iter()
            .position(|k| *k == f.key)
            .unwrap_or(order.len())
    });
    *table(draft, section) = fields;
    if !kept.is_empty() {
        draft.intro(section, markdown(&kept, escape));
    }
}

fn table(draft: &mut Draft, section: Section) -> &mut Fields {
    match section {
        Section::Contact => &mut draft.contact,
        Section::Dpo => &mut draft.dpo,
        Section::Authority => &mut draft.authority,
        _ => &mut draft.controller,
    }
}

/// A fact found in a block: as written, the key it belongs under, and whether the table holds
/// it now (a second e-mail, or a Y-tunnus with a wrong check digit, does not fit and stays text).
struct Found {
    text: String,
    key: &'static str,
    stored: bool,
}

/// Sets the facts `text` gives and returns them.
fn facts_of(fields: &mut Fields, section: Section, text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let mut store =
        |fields: &mut Fields, key: &'static str, written: String, field: Option<Field>| {
            let stored = field.is_some_and(|field| {
                let value = field.value.clone();
                set(fields, field);
                get(fields, key).is_some_and(|f| f.value == value)
            });
            found.push(Found {
                text: written,
                key,
                stored,
            });
        };
    if section == Section::Controller {
        for (id, valid) in facts::business_ids(text) {
            let field = valid.then(|| Field::text("business_id", id.clone()));
            store(fields, "business_id", id, field);
        }
    }
    for address in facts::addresses(text) {
        let lower = address.to_lowercase();
        let postal = ["pl ", "pb ", "p.o.", "po box"]
            .iter()
            .any(|p| lower.starts_with(p));
        let key = match section {
            Section::Authority if postal => "postal_address",
            Section::Authority => "visiting_address",
            _ => "address",
        };
        store(
            fields,
            key,
            address.clone(),
            Some(Field::text(key, address)),
        );
    }
    for email in facts::emails(text) {
        store(
            fields,
            "email",
            email.clone(),
            Some(Field::text("email", email)),
        );
    }
    for phone in facts::phones(text) {
        store(
            fields,
            "phone",
            phone.clone(),
            Some(Field::text("phone", phone)),
        );
    }
    if matches!(section, Section::Controller | Section::Authority) {
        for url in facts::urls(text) {
            // "www.yritys.fi": the model wants an absolute address; the scheme is a guess.
            let field = if url.starts_with("http") {
                Field::text("website", url.clone())
            } else {
                Field::text("website", format!("https://{url}")).guessed(&url)
            };
            store(fields, "website", url, Some(field));
        }
    }
    found
}

/// Whether `text` is nothing but `found` facts and their labels.
fn only_facts(text: &str, written: &[&str]) -> bool {
    let mut rest = facts::deobfuscate(text);
    for fact in written {
        rest = rest.replace(fact, " ");
    }
    rest.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .all(|w| LABELS.contains(&w.to_lowercase().as_str()))
}

/// The name a block gives: for the controller a short line of its own (or "Nimi: …"), for a
/// person their name, for the authority its name as written.
fn name_of(fields: &Fields, section: Section, text: &str) -> Option<String> {
    if get(fields, "name").is_some() {
        return None;
    }
    let text = text.trim();
    let labelled = ["nimi:", "name:", "namn:", "yritys:", "company:", "företag:"]
        .iter()
        .find_map(|l| {
            text.to_lowercase()
                .starts_with(l)
                .then(|| text.get(l.len()..).unwrap_or("").trim().to_string())
        });
    match section {
        Section::Authority => authority_name(text).filter(|_| text.split_whitespace().count() <= 6),
        _ if labelled
            .as_ref()
            .is_some_and(|n| !n.is_empty() && n.split_whitespace().count() <= 6) =>
        {
            labelled
        }
        Section::Controller => {
            // A line of its own ("Leipomo Oy"), or what comes before the first comma of a
            // line of details ("Leipomo Oy, Y-tunnus 2560057-1, Myllytie 4, …").
            let first = text.split(',').next().unwrap_or(text).trim();
            let short = first.split_whitespace().count() <= 8
                && !first.contains([':', '@', '.'])
                && !first.chars().any(|c| c.is_ascii_digit())
                && first.starts_with(char::is_uppercase)
                && (first.len() == text.len() || company_form(first));
            short.then(|| first.to_string())
        }
        _ => facts::person_name(text).then(|| text.to_string()),
    }
}

/// Whether a name ends in a company form: "Oy", "Ab", "Ky", "Tmi", "ry", "Ltd".
fn company_form(name: &str) -> bool {
    let last = name
        .split_whitespace()
        .last()
        .unwrap_or("")
        .trim_end_matches('.');
    let first = name.split_whitespace().next().unwrap_or("");
    [
        "Oy", "Oyj", "Ab", "Abp", "Ky", "Ay", "ry", "Tmi", "Osk", "Ltd", "Inc", "GmbH", "AB",
    ]
    .contains(&last)
        || ["Tmi", "Toiminimi", "Osuuskunta"].contains(&first)
}

/// The authority's name as `text` writes it: where it is written as a name (capitalised),
/// rather than inflected in a sentence ("…toimistolle: Tietosuojavaltuutetun toimisto, …").
fn authority_name(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    AUTHORITY_NAMES.iter().find_map(|name| {
        let found: Vec<&str> = lower
            .match_indices(name)
            .filter_map(|(at, _)| text.get(at..at + name.len()))
            .collect();
        let capitalised = found.iter().find(|n| n.starts_with(char::is_uppercase));
        capitalised.or(found.first()).map(|n| n.to_string())
    })
}

/// Facts the whole text gives beyond its sections: the update date, the Y-tunnus, the
/// authority's details where a right mentions them, known services, statements of "none".
pub(crate) fn whole_document(draft: &mut Draft, segments: &[Segment]) {
    let all: Vec<&Block> = segments
        .iter()
        .flat_map(|s| s.heading.iter().chain(&s.blocks))
        .collect();
    if draft.updated.is_none() {
        if let Some((block, date)) = all
            .iter()
            .find_map(|b| facts::updated_date(&b.text).map(|d| (b, d)))
        {
            draft.updated = Some(date);
            draft.fact("updated", &date.to_string());
            draft.map(&block.lines, "updated");
        }
    }
    let outside_people = |s: &&Segment| {
        !matches!(
            s.matched.map(|m| m.section),
            Some(Section::Contact | Section::Dpo | Section::Authority)
        )
    };
    for segment in segments.iter().filter(outside_people) {
        for block in &segment.blocks {
            for (id, valid) in facts::business_ids(&block.text) {
                if valid {
                    set(
                        &mut draft.controller,
                        Field::text("business_id", id.clone()),
                    );
                    draft.fact("controller.business_id", &id);
                } else {
                    draft.fact("invalid Y-tunnus (check digit), kept as text", &id);
                }
            }
            // "Pyynnöt osoitteeseen tietosuoja (at) yritys.fi": with no e-mail of its own in
            // the controller's section, the address the notice gives elsewhere is the
            // controller's, most likely; marked for review. Never one beside the authority.
            if get(&draft.controller, "email").is_none() && authority_name(&block.text).is_none() {
                if let Some(email) = facts::emails(&block.text).into_iter().next() {
                    draft
                        .controller
                        .push(Field::text("email", email.clone()).guessed(&block.text));
                    draft.fact("controller.email", &email);
                }
            }
        }
    }
    if draft.authority.is_empty() {
        if let Some(block) = all
            .iter()
            .find(|b| authority_name(&b.text).is_some() && !facts::addresses(&b.text).is_empty())
        {
            let mut scratch = Draft::default();
            party(
                &mut scratch,
                Section::Authority,
                std::slice::from_ref(block),
                false,
            );
            draft.authority = scratch.authority;
            draft.map(&block.lines, "authority");
        }
    }
    let text: String = all
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for service in services::services_in(&text) {
        let recipients = draft.items(Section::Recipients);
        // Listed already, by its id or by name ("Google Ireland Limited (Google Analytics)").
        let words = service.id.replace('-', " ");
        let listed = recipients.iter().any(|r| {
            get(r, "id")
                .is_some_and(|f| f.value == super::draft::Value::Text(service.id.to_string()))
                || get(r, "name").is_some_and(|f| match &f.value {
                    super::draft::Value::Text(name) => name.to_lowercase().contains(&words),
                    super::draft::Value::Raw(_) => false,
                })
        });
        if listed {
            continue;
        }
        recipients.push(vec![
            Field::text("id", service.id),
            Field::text("name", service.name),
            Field::text("role", "processor").guessed(&service.quote),
        ]);
        draft.fact("service", service.name);
    }
    statements::apply_none(draft, &text);
}
