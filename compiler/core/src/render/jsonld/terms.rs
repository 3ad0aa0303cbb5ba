//! The DPV terms the JSON-LD uses for the notice's fixed values. Each was checked against the
//! W3C DPV 2.1 sources (`dpv/dpv.csv`, `legal/eu/gdpr/eu-gdpr.csv` in github.com/w3c/dpv).

use crate::model::{
    Derogation, LegalBasis, RecipientRole, Safeguard, SecurityMeasure, SpecialCategoryCondition,
};

/// The IRI of a legal basis of Art. 6(1).
pub fn legal_basis_iri(basis: LegalBasis) -> String {
    format!("eu-gdpr:A6-1-{}", basis.letter())
}

/// The DPV term for a transfer safeguard. DPV's GDPR extension has no term for Art. 49(1) as a
/// whole, only for each derogation ([`derogation_iri`]); a derogation not named is a
/// `dpv:DataTransferLegalBasis`.
pub fn safeguard_iri(safeguard: Safeguard) -> &'static str {
    match safeguard {
        Safeguard::Adequacy | Safeguard::AdequacyDpf => "eu-gdpr:A45-3",
        Safeguard::Scc => "dpv:StandardContractualClauses",
        Safeguard::Bcr => "dpv:BindingCorporateRules",
        Safeguard::Derogation => "dpv:DataTransferLegalBasis",
    }
}

/// The DPV term of an Art. 49(1) derogation: `eu-gdpr:A49-1-a` … `A49-1-g`. DPV names the
/// compelling-legitimate-interests derogation of Art. 49(1), second subparagraph, `A49-2`.
pub fn derogation_iri(derogation: Derogation) -> String {
    match derogation.letter() {
        Some(letter) => format!("eu-gdpr:A49-1-{letter}"),
        None => "eu-gdpr:A49-2".to_string(),
    }
}

/// The DPV term of an Art. 9(2) condition: `eu-gdpr:A9-2-a` … `A9-2-j`.
pub fn special_category_condition_iri(condition: SpecialCategoryCondition) -> String {
    format!("eu-gdpr:A9-2-{}", condition.letter())
}

/// The DPV measure a confirmed security measure is, where DPV has one that fits exactly.
pub(super) fn security_measure_iri(measure: SecurityMeasure) -> Option<&'static str> {
    Some(match measure {
        SecurityMeasure::LockedPremises => "dpv:PhysicalSecureStorage",
        SecurityMeasure::NeedToKnowAccess => "dpv:AccessControlMethod",
        SecurityMeasure::MultiFactorAuthentication => "dpv:MultiFactorAuthentication",
        SecurityMeasure::EncryptedConnections => "dpv:EncryptionInTransfer",
        SecurityMeasure::EncryptedStorage => "dpv:EncryptionAtRest",
        SecurityMeasure::Backups => "dpv:DataBackupProtocols",
        SecurityMeasure::ProcessorAgreements => "dpv:DataProcessingAgreement",
        _ => return None,
    })
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

/// The DPV type of a recipient; plain `dpv:Recipient` when the notice does not give the role.
pub(super) fn recipient_type(role: Option<RecipientRole>) -> &'static str {
    match role {
        Some(RecipientRole::Processor) => "dpv:DataProcessor",
        Some(RecipientRole::Controller) => "dpv:DataController",
        Some(RecipientRole::JointController) => "dpv:JointDataControllers",
        Some(RecipientRole::Authority) => "dpv:Authority",
        None => "dpv:Recipient",
    }
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
    fn art_9_and_art_49_terms_are_dpv_names() {
        assert_eq!(
            special_category_condition_iri(SpecialCategoryCondition::ExplicitConsent),
            "eu-gdpr:A9-2-a"
        );
        assert_eq!(
            special_category_condition_iri(SpecialCategoryCondition::ArchivingResearch),
            "eu-gdpr:A9-2-j"
        );
        assert_eq!(derogation_iri(Derogation::Contract), "eu-gdpr:A49-1-b");
        assert_eq!(
            derogation_iri(Derogation::PublicRegister),
            "eu-gdpr:A49-1-g"
        );
        assert_eq!(
            derogation_iri(Derogation::CompellingLegitimateInterests),
            "eu-gdpr:A49-2"
        );
    }

    #[test]
    fn rights_map_to_articles() {
        assert_eq!(right_iri("15").as_deref(), Some("eu-gdpr:A15"));
        assert_eq!(right_iri("7(3)").as_deref(), Some("eu-gdpr:A7-3"));
        assert_eq!(right_iri("77").as_deref(), Some("eu-gdpr:A77"));
        assert_eq!(right_iri("Art. 15"), None);
    }
}
