//! The notice as JSON-LD with W3C Data Privacy Vocabulary (DPV) terms, for tools that read notices.

use serde_json::{Map, Value, json};

use crate::load::LoadedSite;
use crate::model::{Authority, LegalBasis, Purpose, RecipientRole, Safeguard, Text, Transfer};

/// The IRI of a legal basis of Art. 6(1).
pub fn legal_basis_iri(basis: LegalBasis) -> String {
    format!("eu-gdpr:A6-1-{}", basis.letter())
}

/// The DPV term for a transfer safeguard.
pub fn safeguard_iri(safeguard: Safeguard) -> &'static str {
    match safeguard {
        Safeguard::Adequacy | Safeguard::AdequacyDpf => "eu-gdpr:A45-3",
        Safeguard::Scc => "dpv:StandardContractualClauses",
        Safeguard::Bcr => "dpv:BindingCorporateRules",
        Safeguard::Derogation => "eu-gdpr:A49-1",
    }
}

/// `eu-gdpr:A15` for "15", `eu-gdpr:A7-3` for "7(3)"; `None` for anything else.
pub fn right_iri(article: &str) -> Option<String> {
    let mut parts = article.trim().split(['(', ')']).filter(|p| !p.is_empty());
    let main = parts.next()?;
    if !main.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest: Vec<&str> = parts.collect();
    if rest
        .iter()
        .any(|p| !p.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return None;
    }
    let mut iri = format!("eu-gdpr:A{main}");
    for part in rest {
        iri.push('-');
        iri.push_str(part);
    }
    Some(iri)
}

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

fn recipient_type(role: RecipientRole) -> &'static str {
    match role {
        RecipientRole::Processor => "dpv:DataProcessor",
        RecipientRole::Controller => "dpv:DataController",
        RecipientRole::JointController => "dpv:JointDataControllers",
        RecipientRole::Authority => "dpv:Authority",
    }
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
    let data = notice
        .data_categories
        .iter()
        .map(|category| Value::Object(named(site, "dpv:PersonalData", &category.title)));
    root.insert("dpv:hasPersonalData".into(), data.collect());
    let recipients = notice.recipients.iter().map(|recipient| {
        Value::Object(named(site, recipient_type(recipient.role), &recipient.name))
    });
    root.insert("dpv:hasRecipient".into(), recipients.collect());
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
    let mut node = named(
        site,
        "dpv:DataController",
        &Text::Plain(controller.name.clone()),
    );
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

fn purpose_node(site: &LoadedSite, purpose: &Purpose) -> Value {
    let mut node = named(site, "dpv:Purpose", &purpose.title);
    if let Some(basis) = purpose.basis {
        node.insert(
            "dpv:hasLegalBasis".into(),
            json!({ "@id": legal_basis_iri(basis) }),
        );
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
        let iri = safeguard_iri(safeguard);
        // An adequacy decision (Art. 45(3)) and a derogation (Art. 49(1)) are legal bases in
        // DPV's GDPR extension; contractual clauses and corporate rules are DPV measures.
        let property = if iri.starts_with("eu-gdpr:") {
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
        node.insert("schema:url".into(), json!(website));
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
    fn legal_bases_map_to_article_6_1_points() {
        let expected = [
            (LegalBasis::Consent, "eu-gdpr:A6-1-a"),
            (LegalBasis::Contract, "eu-gdpr:A6-1-b"),
            (LegalBasis::LegalObligation, "eu-gdpr:A6-1-c"),
            (LegalBasis::VitalInterests, "eu-gdpr:A6-1-d"),
            (LegalBasis::PublicTask, "eu-gdpr:A6-1-e"),
            (LegalBasis::LegitimateInterests, "eu-gdpr:A6-1-f"),
        ];
        for (basis, iri) in expected {
            assert_eq!(legal_basis_iri(basis), iri);
        }
    }

    #[test]
    fn rights_map_to_articles() {
        assert_eq!(right_iri("15").as_deref(), Some("eu-gdpr:A15"));
        assert_eq!(right_iri("7(3)").as_deref(), Some("eu-gdpr:A7-3"));
        assert_eq!(right_iri("77").as_deref(), Some("eu-gdpr:A77"));
        assert_eq!(right_iri("Art. 15"), None);
    }

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
