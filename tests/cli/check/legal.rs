//! The rules a lawyer applies beyond each item's presence (issue 14): each fails on its
//! fixture at the exact words or value, and its counterpart in `pass/` passes.

use super::{fails, findings, overlay};

/// The finding's message, by rule and position in a `--format json` run.
fn message(run: &crate::support::Run, index: usize) -> String {
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    report["findings"][index]["message"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn data_requirement() {
    fails(
        "data-requirement",
        &[(
            "data-requirement",
            "content/data-requirement/notice.toml:1:1",
        )],
    );
}

#[test]
fn transfer_consistency_finds_services_recipients_contradictions_and_dpf() {
    let run = fails(
        "transfer-consistency",
        &[
            (
                "transfer-consistency",
                "content/no-transfers-contradiction/notice.toml:6:13",
            ),
            (
                "transfer-consistency",
                "content/transfer-consistency/notice.toml:5:26",
            ),
            (
                "transfer-consistency",
                "content/transfer-consistency/notice.toml:11:11",
            ),
            (
                "transfer-consistency",
                "content/transfer-consistency/notice.toml:17:13",
            ),
        ],
    );
    assert!(
        message(&run, 0).ends_with("but lists transfer `postitus`"),
        "{}",
        run.stdout()
    );
    assert!(
        message(&run, 1).contains("names Google Analytics"),
        "{}",
        run.stdout()
    );
    assert!(message(&run, 2).contains("recipient `Ledger Ltd` is in Iso-Britannia"));
    assert!(message(&run, 3).contains("covers only the United States"));
}

/// A "no transfers" statement beside a text that admits data may be stored outside the EU/EEA
/// is one finding, at the statement.
#[test]
fn a_no_transfers_statement_beside_an_admission_is_reported_at_the_statement() {
    let project = overlay("pass");
    project.write(
        "content/admitted/notice.toml",
        "extends = [\"valvonta\", \"automaatio\", \"yhteystiedot\", \"vaatimus\", \"valmis\"]\n\n[[transfers]]\nid = \"postitus\"\nremove = true\n\n[[recipients]]\nid = \"postitus\"\ncountry = \"Suomi\"\n\n[none]\ntransfers = true\n\n[intros]\nsecurity = \"Palveluntarjoajat saattavat säilyttää tietoja EU:n ulkopuolella.\"\n",
    );
    let run = project
        .run(&["check", "--site", "admitted", "--format", "json"])
        .expect(1);
    assert_eq!(
        findings(&run),
        [(
            "transfer-consistency".to_string(),
            "content/admitted/notice.toml:12:13".to_string()
        )]
    );
    assert!(
        message(&run, 0).contains("saattavat säilyttää"),
        "{}",
        run.stdout()
    );
}

#[test]
fn retention_criteria_is_one_finding_per_text_at_the_vague_words() {
    let run = fails(
        "retention-criteria",
        &[(
            "retention-criteria",
            "content/retention-criteria/notice.toml:6:41",
        )],
    );
    assert!(
        message(&run, 0).contains("`niin kauan kuin`"),
        "{}",
        run.stdout()
    );
}

#[test]
fn special_category_needs_explicit_consent_and_criminal_data_its_law() {
    let run = fails(
        "special-category",
        &[
            (
                "special-category",
                "content/criminal-record/notice.toml:8:20",
            ),
            (
                "special-category",
                "content/special-category/notice.toml:7:29",
            ),
        ],
    );
    assert!(
        message(&run, 1).contains("processes allergies on consent"),
        "{}",
        run.stdout()
    );
}

#[test]
fn repealed_law_is_found_at_the_words_in_any_inflection() {
    let run = fails(
        "repealed-law",
        &[("repealed-law", "content/repealed-law/notice.toml:3:25")],
    );
    assert!(
        message(&run, 0).ends_with("`henkilötietolain`"),
        "{}",
        run.stdout()
    );
}

#[test]
fn rights_complete_names_every_missing_right_in_one_finding() {
    let run = fails(
        "rights-complete",
        &[("rights-complete", "content/rights-complete/notice.toml:1:1")],
    );
    assert_eq!(
        message(&run, 0),
        "the notice does not state the right(s) to rectification (Art. 16), data portability (Art. 20)"
    );
}

#[test]
fn object_right_for_legitimate_interests_and_for_direct_marketing() {
    let run = fails(
        "object-right",
        &[
            ("object-right", "content/_shared/valmis.toml:28:9"),
            ("object-right", "content/direct-marketing/notice.toml:6:6"),
        ],
    );
    // The direct-marketing finding points at the right to object that leaves it out.
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(
        report["findings"][0]["sites"],
        serde_json::json!(["object-right"])
    );
    assert_eq!(
        report["findings"][1]["sites"],
        serde_json::json!(["direct-marketing"])
    );
}

#[test]
fn legal_basis_law() {
    fails(
        "legal-basis-law",
        &[("legal-basis-law", "content/legal-basis-law/notice.toml:7:9")],
    );
}

#[test]
fn stale_translation_is_a_warning_at_the_changed_primary_text() {
    let project = overlay("stale-translation");
    project.run(&["check"]).expect(0);
    let run = project
        .run(&["check", "--strict", "--format", "json"])
        .expect(1);
    assert_eq!(
        findings(&run),
        [
            (
                "unreleased-changes",
                "content/stale-translation/notice.toml:7:13"
            ),
            (
                "stale-translation",
                "content/stale-translation/notice.toml:7:20"
            ),
        ]
        .map(|(rule, at)| (rule.to_string(), at.to_string()))
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(report["findings"][1]["language"], "en");
}

/// Regression: `stale-authority` flagged any `00520` outside an `address` key, so a recipient
/// whose office is in Pasila was reported as the Ombudsman's former address.
#[test]
fn a_recipient_at_pasilankatu_1_00520_helsinki_is_not_the_ombudsman() {
    let run = overlay("pass")
        .run(&["check", "--site", "recipient-in-pasila", "--format", "json"])
        .expect(0);
    assert_eq!(findings(&run), []);
}
