//! `notice diff --format json`: the stable, versioned machine form of a diff.

use indexmap::IndexMap;
use serde::Serialize;

use super::report::SiteDiff;
use super::{Change, phrases};
use crate::model::Lang;

/// Bumped when a field of the JSON output changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: u32,
    summary: JsonTotals,
    sites: Vec<JsonSite<'a>>,
}

#[derive(Serialize)]
struct JsonTotals {
    sites_changed: usize,
    sites_with_material_changes: usize,
}

#[derive(Serialize)]
struct JsonSite<'a> {
    site: &'a str,
    status: &'static str,
    material: bool,
    languages: Vec<&'static str>,
    changes: Vec<JsonChange<'a>>,
}

/// One change as `notice diff --format json` and the JSON export write it; see [`change_json`].
#[derive(Serialize)]
pub struct JsonChange<'a> {
    section: String,
    anchor: Option<&'a str>,
    item: Option<JsonItem<'a>>,
    field: Option<&'static str>,
    kind: &'static str,
    class: &'static str,
    reason: &'static str,
    lang: Option<&'static str>,
    summary: IndexMap<&'static str, String>,
    before: Option<String>,
    after: Option<String>,
    words: Vec<JsonWords<'a>>,
    /// Where the change was made: a layer's file for a change every site of the layer shares.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a super::SourceRef>,
}

#[derive(Serialize)]
struct JsonWords<'a> {
    lang: Option<&'static str>,
    segments: Vec<JsonSegment<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    kind: &'static str,
    id: &'a str,
}

#[derive(Serialize)]
struct JsonSegment<'a> {
    op: &'static str,
    text: &'a str,
}

/// The JSON report; each change's summary is given in every language of the site, primary first.
pub fn json(sites: &[SiteDiff]) -> String {
    let report = JsonReport {
        schema_version: SCHEMA_VERSION,
        summary: JsonTotals {
            sites_changed: sites.len(),
            sites_with_material_changes: sites.iter().filter(|s| s.is_material()).count(),
        },
        sites: sites.iter().map(json_site).collect(),
    };
    let mut out = serde_json::to_string_pretty(&report).expect("plain data serializes");
    out.push('\n');
    out
}

fn json_site(site: &SiteDiff) -> JsonSite<'_> {
    JsonSite {
        site: &site.site,
        status: site.status.id(),
        material: site.is_material(),
        languages: site.languages.iter().map(|l| l.code()).collect(),
        changes: site
            .ordered()
            .into_iter()
            .map(|change| change_json(change, &site.languages))
            .collect(),
    }
}

fn item_kind_id(kind: super::ItemKind) -> &'static str {
    use super::ItemKind::*;
    match kind {
        Purpose => "purpose",
        DataCategory => "data_category",
        Source => "source",
        Recipient => "recipient",
        Transfer => "transfer",
        Cookie => "cookie",
        Right => "right",
        Section => "section",
    }
}

/// One change in the JSON form, with its summary in each of `languages` (primary first).
pub fn change_json<'a>(change: &'a Change, languages: &[Lang]) -> JsonChange<'a> {
    let primary = languages[0];
    JsonChange {
        section: change.section.id(),
        anchor: change.section.anchor(),
        item: change.item.as_ref().map(|item| JsonItem {
            kind: item_kind_id(item.kind),
            id: &item.id,
        }),
        field: change.field,
        kind: change.kind.id(),
        class: change.class().id(),
        reason: change.reason.id(),
        lang: change.lang.map(Lang::code),
        summary: languages
            .iter()
            .map(|&lang| (lang.code(), phrases::summary(change, lang, primary)))
            .collect(),
        before: change.before.as_ref().map(|v| phrases::scalar(v, primary)),
        after: change.after.as_ref().map(|v| phrases::scalar(v, primary)),
        words: change
            .words
            .iter()
            .map(|w| JsonWords {
                lang: w.lang.map(Lang::code),
                segments: w
                    .segments
                    .iter()
                    .map(|s| JsonSegment {
                        op: s.op.id(),
                        text: &s.text,
                    })
                    .collect(),
            })
            .collect(),
        source: change.source.as_ref(),
    }
}
