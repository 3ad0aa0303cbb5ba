//! The notice as JSON-LD with W3C Data Privacy Vocabulary (DPV) terms, for tools that read notices.

use serde_json::{Map, Value, json};

mod terms;

pub use terms::{
    derogation_iri, legal_basis_iri, right_iri, safeguard_iri, special_category_condition_iri,
};
use terms::{recipient_type, security_measure_iri};

use crate::load::LoadedSite;
use crate::model::{
    Authority, DataCategory, Purpose, Recipient, Safeguard, Source, Text, Transfer,
};

/// Language-tagged values of a text: one per language the site publishes.
fn texts(site: &LoadedSite, text: &Text) -> Value {
    let primary = site.primary();
    Value::Array(
        site.languages
            .iter()
            .map(
                |&lang| json!({ "@value": text.get(lang, primary).text, "@language": lang.code() }),
            )
            .collect(),
    )
}

fn named(site: &LoadedSite, kind: &str, name: &Text) -> Map<String, Value> {
    let mut node = Map::new();
    node.insert("@type".into(), json!(kind));
    node.insert("schema:name".into(), texts(site, name));
    node
}

/// The JSON-LD description of a notice. `id` is its public URL, when known.
pub fn notice_jsonld(site: &LoadedSite, id: Option<&str>) -> Value {
    let notice = &site.notice;
    let mut root = Map::new();
    root.insert(
        "@context".into(),
        json!({
            "dpv": "https://w3id.org/dpv#",
            "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
            "legal-fi": "https://w3id.org/dpv/legal/fi#",
            "pd": "https://w3id.org/dpv/pd#",
            "schema": "https://schema.org/"
        }),
    );
    root.insert(
        "@id".into(),
        json!(id.map_or_else(
            || format!("urn:x-notice:{}", site.name),
            |url| format!("{url}#notice")
        )),
    );
    root.insert("@type".into(), json!("dpv:Process"));
    if let Some(title) = &notice.title {
        root.insert("schema:name".into(), texts(site, title));
    }
    root.insert("dpv:hasDataController".into(), controller_node(site));
    let purposes = notice.purposes.iter().map(|p| purpose_node(site, p));
    root.insert("dpv:hasPurpose".into(), purposes.collect());
    let data = notice.data_categories.iter().map(|c| data_node(site, c));
    root.insert("dpv:hasPersonalData".into(), data.collect());
    if !notice.sources.is_empty() {
        let sources = notice.sources.iter().map(|s| source_node(site, s));
        root.insert("dpv:hasDataSource".into(), sources.collect());
    }
    let recipients = notice.recipients.iter().map(|r| recipient_node(site, r));
    root.insert("dpv:hasRecipient".into(), recipients.collect());
    if notice.children.is_some() {
        root.insert("dpv:hasDataSubject".into(), json!({ "@type": "dpv:Child" }));
    }
    if let Some(security) = &notice.security {
        let mut measures: Vec<&str> = security
            .measures
            .iter()
            .filter_map(|m| security_measure_iri(*m))
            .collect();
        measures.sort_unstable();
        measures.dedup();
        if !measures.is_empty() {
            let measures = measures.into_iter().map(|iri| json!({ "@id": iri }));
            root.insert(
                "dpv:hasTechnicalOrganisationalMeasure".into(),
                measures.collect(),
            );
        }
    }
    let transfers = notice.transfers.iter().map(|t| transfer_node(site, t));
    root.insert("dpv:hasProcess".into(), transfers.collect());
    if let Some(retention) = &notice.retention {
        root.insert(
            "dpv:hasStorageCondition".into(),
            json!({ "@type": "dpv:StorageDuration", "schema:description": texts(site, retention) }),
        );
    }
    let rights = notice.rights.iter().filter_map(|right| {
        let iri = right_iri(right.article.as_deref()?)?;
        let mut node = named(site, "dpv:DataSubjectRight", &right.title);
        node.insert("@id".into(), json!(iri));
        Some(Value::Object(node))
    });
    root.insert("dpv:hasRight".into(), rights.collect());
    if let Some(authority) = &notice.authority {
        root.insert("dpv:hasAuthority".into(), authority_node(site, authority));
    }
    Value::Object(root)
}

fn controller_node(site: &LoadedSite) -> Value {
    let controller = &site.notice.controller;
    // A notice may not name its controller: the node then says only what the notice does.
    let mut node = match &controller.name {
        Some(name) => named(site, "dpv:DataController", &Text::Plain(name.clone())),
        None => Map::from_iter([("@type".into(), json!("dpv:DataController"))]),
    };
    if let Some(id) = &controller.business_id {
        node.insert("schema:taxID".into(), json!(id));
    }
    if let Some(email) = &controller.email {
        node.insert("schema:email".into(), json!(email));
    }
    if let Some(address) = &controller.address {
        node.insert("schema:address".into(), texts(site, address));
    }
    Value::Object(node)
}

fn data_node(site: &LoadedSite, category: &DataCategory) -> Value {
    let mut node = named(site, "dpv:PersonalData", &category.title);
    if category.special_category.is_some() {
        node.insert(
            "@type".into(),
            json!(["dpv:PersonalData", "dpv:SpecialCategoryPersonalData"]),
        );
    }
    Value::Object(node)
}

fn source_node(site: &LoadedSite, source: &Source) -> Value {
    let mut node = named(site, "dpv:DataSource", &source.title);
    if source.public {
        node.insert(
            "@type".into(),
            json!(["dpv:DataSource", "dpv:PublicDataSource"]),
        );
    }
    Value::Object(node)
}

fn recipient_node(site: &LoadedSite, recipient: &Recipient) -> Value {
    let mut node = named(site, recipient_type(recipient.role), &recipient.name);
    if let Some(arrangement) = &recipient.arrangement {
        node.insert(
            "dpv:hasLegalMeasure".into(),
            json!({
                "@type": "dpv:JointDataControllersAgreement",
                "schema:description": texts(site, arrangement),
            }),
        );
    }
    Value::Object(node)
}

fn purpose_node(site: &LoadedSite, purpose: &Purpose) -> Value {
    let mut node = Map::new();
    node.insert(
        "@type".into(),
        if purpose.direct_marketing {
            json!(["dpv:Purpose", "dpv:DirectMarketing"])
        } else {
            json!("dpv:Purpose")
        },
    );
    if let Some(title) = &purpose.title {
        node.insert("schema:name".into(), texts(site, title));
    }
    if let Some(description) = &purpose.description {
        node.insert("schema:description".into(), texts(site, description));
    }
    let mut bases: Vec<Value> = Vec::new();
    if let Some(basis) = purpose.basis {
        bases.push(json!({ "@id": legal_basis_iri(basis) }));
    }
    if let Some(condition) = purpose.special_category_condition {
        bases.push(json!({ "@id": special_category_condition_iri(condition) }));
    }
    match bases.len() {
        0 => {}
        1 => {
            node.insert("dpv:hasLegalBasis".into(), bases.remove(0));
        }
        _ => {
            node.insert("dpv:hasLegalBasis".into(), Value::Array(bases));
        }
    }
    if let Some(retention) = &purpose.retention {
        node.insert(
            "dpv:hasStorageCondition".into(),
            json!({ "@type": "dpv:StorageDuration", "schema:description": texts(site, retention) }),
        );
    }
    Value::Object(node)
}

fn transfer_node(site: &LoadedSite, transfer: &Transfer) -> Value {
    let mut node = Map::new();
    node.insert("@type".into(), json!("dpv:Process"));
    node.insert("dpv:hasProcessing".into(), json!({ "@id": "dpv:Transfer" }));
    node.insert(
        "dpv:hasRecipient".into(),
        Value::Object(named(site, "dpv:Recipient", &transfer.recipient)),
    );
    if let Some(country) = &transfer.country {
        node.insert(
            "dpv:hasThirdCountry".into(),
            json!({ "@type": "dpv:ThirdCountry", "schema:name": texts(site, country) }),
        );
    }
    if let Some(safeguard) = transfer.safeguard {
        let iri = match (safeguard, transfer.derogation) {
            (Safeguard::Derogation, Some(derogation)) => derogation_iri(derogation),
            _ => safeguard_iri(safeguard).to_string(),
        };
        // An adequacy decision (Art. 45(3)) and a derogation (Art. 49) are legal bases in
        // DPV; contractual clauses and corporate rules are DPV measures.
        let property = if iri.starts_with("eu-gdpr:") || iri == "dpv:DataTransferLegalBasis" {
            "dpv:hasLegalBasis"
        } else {
            "dpv:hasTechnicalOrganisationalMeasure"
        };
        node.insert(property.into(), json!({ "@id": iri }));
    }
    Value::Object(node)
}

fn authority_node(site: &LoadedSite, authority: &Authority) -> Value {
    let mut node = named(site, "dpv:DataProtectionAuthority", &authority.name);
    node.insert("@id".into(), json!("legal-fi:DPA-FI"));
    if let Some(address) = &authority.postal_address {
        node.insert("schema:address".into(), texts(site, address));
    }
    if let Some(email) = &authority.email {
        node.insert("schema:email".into(), json!(email));
    }
    if let Some(phone) = &authority.phone {
        node.insert("schema:telephone".into(), json!(phone));
    }
    if let Some(website) = &authority.website {
        // One address per language the site publishes, each once.
        let mut urls: Vec<&str> = Vec::new();
        for &lang in &site.languages {
            let url = website.get(lang, site.primary()).text;
            if !urls.contains(&url) {
                urls.push(url);
            }
        }
        let urls = match urls.as_slice() {
            [one] => json!(one),
            many => json!(many),
        };
        node.insert("schema:url".into(), urls);
    }
    Value::Object(node)
}

/// The JSON-LD as the text of a `notice.jsonld` file, without its final newline.
pub fn text(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("plain data serializes")
}

/// JSON text (from [`text`]) for a `<script type="application/ld+json">` block: `<`, `>` and
/// `&` are escaped as JSON `\u` sequences, so no text can close the block.
pub fn script_text(json: &str) -> String {
    let mut script = String::with_capacity(json.len() + 64);
    let mut plain = 0;
    for (at, byte) in json.bytes().enumerate() {
        let escaped = match byte {
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            b'&' => "\\u0026",
            _ => continue,
        };
        script.push_str(&json[plain..at]);
        script.push_str(escaped);
        plain = at + 1;
    }
    script.push_str(&json[plain..]);
    script
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_text_cannot_close_the_script_block() {
        let text = script_text(&text(&json!({ "x": "</script><!-- & >" })));
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["x"], "</script><!-- & >");
    }
}
