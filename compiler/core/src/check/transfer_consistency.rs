//! Whether what the notice says about transfers outside the EU/EEA fits what it says elsewhere:
//! recipients abroad and well-known non-EU services need a transfer item, a "no transfers"
//! statement must not sit beside transfers, and the EU-US Data Privacy Framework covers only
//! the United States.

use std::collections::BTreeSet;

use super::vocabulary::{self as vocab, lists};
use super::walk::{TextValue, origin_of, text_values};
use super::{Found, SiteView};
use crate::model::{Notice, Safeguard, Text};
use crate::source::Origin;

/// Something that sends data outside the EU/EEA: where the notice names it, and what it is.
struct Abroad {
    origin: Origin,
    what: String,
}

pub(super) fn transfer_consistency(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let notice = site.notice();
    let values = text_values(&site.site.merged);
    let own: Vec<&TextValue<'_>> = values
        .iter()
        .filter(|v| {
            !matches!(
                v.path.first(),
                Some(&"transfers" | &"rights" | &"authority")
            )
        })
        // An address is not a service: "sites.google.com" as a website names no transfer.
        .filter(|v| !matches!(v.key(), "website" | "email" | "phone"))
        .collect();
    dpf_outside_us(site, out);
    let abroad = abroad(site, notice, &own);
    match no_transfers_statement(site, notice, &own) {
        None => {
            for item in abroad {
                out.push(Found::new(
                    format!("{}, but no `[[transfers]]` item covers it", item.what),
                    item.origin,
                ));
            }
        }
        Some((at, statement)) => {
            let said =
                format!("the notice says no data is transferred outside the EU/EEA ({statement})");
            // A listed transfer or a text admitting one makes the statement false: one finding,
            // at the statement, which is what has to change.
            let admitted = admission(&own);
            if let Some(first) = notice.transfers.first() {
                out.push(Found::new(
                    format!("{said}, but lists transfer `{}`", first.id),
                    at,
                ));
            } else if let Some(words) = admitted {
                out.push(Found::new(
                    format!("{said}, but also that data may be kept or processed outside it: \"{words}\""),
                    at,
                ));
            }
            for item in abroad {
                out.push(Found::new(
                    format!("{}, but {said}", item.what),
                    item.origin,
                ));
            }
        }
    }
}

/// (c) An adequacy decision under the Data Privacy Framework exists for the United States only.
fn dpf_outside_us(site: &SiteView<'_>, out: &mut Vec<Found>) {
    for transfer in &site.notice().transfers {
        let Some(country) = &transfer.country else {
            continue;
        };
        let us = vocab::strings(country)
            .iter()
            .any(|c| vocab::mentions(c, lists::UNITED_STATES));
        if transfer.safeguard == Some(Safeguard::AdequacyDpf) && !us {
            out.push(Found::new(
                format!("transfer `{}` relies on the EU-US Data Privacy Framework, which covers only the United States", transfer.id),
                site.locate(&["transfers", &transfer.id, "safeguard"]),
            ).help("use `adequacy` for a country with its own adequacy decision (Art. 45), or `scc`, `bcr` or `derogation`"));
        }
    }
}

fn lower_strings(text: &Text) -> Vec<String> {
    vocab::strings(text)
        .into_iter()
        .map(str::to_lowercase)
        .collect()
}

/// Recipients outside the EU/EEA and services named in the notice's texts that no transfer covers.
fn abroad(site: &SiteView<'_>, notice: &Notice, own: &[&TextValue<'_>]) -> Vec<Abroad> {
    let transfer_texts: Vec<String> = notice
        .transfers
        .iter()
        .flat_map(|t| [Some(&t.recipient), t.description.as_ref()])
        .flatten()
        .flat_map(lower_strings)
        .collect();
    let mut found = Vec::new();
    let mut reported_recipients = BTreeSet::new();
    for recipient in &notice.recipients {
        let Some(country) = &recipient.country else {
            continue;
        };
        let strings = vocab::strings(country);
        if strings.iter().any(|c| vocab::mentions(c, lists::EU_EEA)) {
            continue;
        }
        let names = lower_strings(&recipient.name);
        let covered = transfer_texts.iter().any(|t| {
            names
                .iter()
                .any(|n| t.contains(n.as_str()) || n.contains(t.as_str()))
        });
        if !covered {
            reported_recipients.insert(recipient.id.as_str());
            found.push(Abroad {
                origin: site.locate(&["recipients", &recipient.id, "country"]),
                what: format!(
                    "recipient `{}` is in {}, outside the EU/EEA",
                    vocab::strings(&recipient.name)[0],
                    strings[0]
                ),
            });
        }
    }
    let mut seen = BTreeSet::new();
    for value in own {
        if let ["recipients", id, ..] = value.path.as_slice() {
            if reported_recipients.contains(id) {
                continue;
            }
        }
        for part in &value.parts {
            for (name, hit) in vocab::find_named(part.text, lists::SERVICES) {
                let sentence = sentence_at(part.text, hit.start);
                let patterns = lists::SERVICES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or(&[][..], |s| s.1);
                let covered = transfer_texts.iter().any(|t| vocab::mentions(t, patterns));
                if covered || vocab::negated(sentence) || !seen.insert(name) {
                    continue;
                }
                found.push(Abroad {
                    origin: origin_of(part.node, hit.text(part.text)),
                    what: format!(
                        "`{}` names {name}, a service that transfers data outside the EU/EEA",
                        value.dotted()
                    ),
                });
            }
        }
    }
    found
}

/// The sentence of `text` that contains byte `at`.
fn sentence_at(text: &str, at: usize) -> &str {
    vocab::sentences(text)
        .into_iter()
        .find(|(s, e)| (*s..=*e).contains(&at))
        .map_or(text, |(s, e)| &text[s..e])
}

/// Sentences about data outside the EU/EEA: `(negated, origin, words)` in source order.
fn outside_sentences<'a>(own: &[&'a TextValue<'a>]) -> Vec<(bool, Origin, &'a str)> {
    let mut found = Vec::new();
    for value in own {
        for part in &value.parts {
            for (s, e) in vocab::sentences(part.text) {
                let sentence = &part.text[s..e];
                let Some(hit) = vocab::first(sentence, lists::OUTSIDE) else {
                    continue;
                };
                if !vocab::mentions(sentence, lists::TRANSFER_VERBS) {
                    continue;
                }
                let words = &sentence[hit.start..hit.end];
                found.push((
                    vocab::negated(sentence),
                    origin_of(part.node, words),
                    sentence.trim(),
                ));
            }
        }
    }
    found
}

/// Where the notice says that no data leaves the EU/EEA (`[none] transfers = true`, or a
/// sentence), and how to name it in a message.
fn no_transfers_statement(
    site: &SiteView<'_>,
    notice: &Notice,
    own: &[&TextValue<'_>],
) -> Option<(Origin, String)> {
    if notice.none.transfers {
        let at = site.locate(&["none", "transfers"]);
        return Some((at, String::from("`none.transfers = true`")));
    }
    outside_sentences(own)
        .into_iter()
        .find(|(negated, _, _)| *negated)
        .map(|(_, origin, words)| (origin, format!("\"{words}\"")))
}

/// A sentence that says data may be kept or processed outside the EU/EEA.
fn admission<'a>(own: &[&'a TextValue<'a>]) -> Option<&'a str> {
    outside_sentences(own)
        .into_iter()
        .find(|(negated, _, _)| !*negated)
        .map(|(_, _, words)| words)
}
