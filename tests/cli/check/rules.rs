//! Each rule of the original set fails on its fixture at the exact file:line:col.

use super::{fails, findings, overlay};

#[test]
fn legal_basis() {
    fails(
        "legal-basis",
        &[("legal-basis", "content/legal-basis/notice.toml:5:6")],
    );
}

/// A purpose without its interest, and an interest named only in prose, at its words.
#[test]
fn legitimate_interest() {
    fails(
        "legitimate-interest",
        &[
            (
                "legitimate-interest",
                "content/interest-in-prose/notice.toml:10:75",
            ),
            (
                "legitimate-interest",
                "content/legitimate-interest/notice.toml:7:9",
            ),
        ],
    );
}

#[test]
fn consent_withdrawal_points_at_the_layer_that_set_the_basis() {
    fails(
        "consent-withdrawal",
        &[
            ("consent-withdrawal", "content/_shared/valmis.toml:22:9"),
            // Consent named only in prose: the right is missing from the whole notice.
            (
                "consent-withdrawal",
                "content/consent-in-prose/notice.toml:1:1",
            ),
        ],
    );
}

#[test]
fn retention() {
    fails(
        "retention",
        &[("retention", "content/retention/notice.toml:5:6")],
    );
}

/// An intro saying "no regular disclosures" is not the statement: the finding points at it.
#[test]
fn recipients() {
    fails(
        "recipients",
        &[("recipients", "content/recipients/notice.toml:10:14")],
    );
}

#[test]
fn transfers() {
    fails(
        "transfers",
        &[("transfers", "content/transfers/notice.toml:1:1")],
    );
}

#[test]
fn transfer_safeguard() {
    fails(
        "transfer-safeguard",
        &[(
            "transfer-safeguard",
            "content/transfer-safeguard/notice.toml:5:6",
        )],
    );
}

#[test]
fn complaint_right() {
    fails(
        "complaint-right",
        &[("complaint-right", "content/complaint-right/notice.toml:1:1")],
    );
}

#[test]
fn authority_contact() {
    fails(
        "authority-contact",
        &[
            ("anchor-links", "content/_shared/valmis.toml:106:55"),
            ("anchor-links", "content/_shared/valmis.toml:106:135"),
            (
                "authority-contact",
                "content/authority-contact/notice.toml:1:1",
            ),
            (
                "authority-contact",
                "content/authority-name-only/notice.toml:4:1",
            ),
        ],
    );
}

#[test]
fn partial_override_names_the_block_its_keys_and_both_files() {
    let project = overlay("partial-override");
    project.run(&["check"]).expect(0);
    let run = project
        .run(&["check", "--strict", "--format", "json"])
        .expect(1);
    assert_eq!(
        findings(&run),
        [(
            "partial-override".to_string(),
            "content/partial-override/notice.toml:6:1".to_string()
        )]
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(
        report["findings"][0]["message"],
        "`authority` mixes two files: `postal_address` from content/partial-override/notice.toml; \
         `name`, `visiting_address`, `phone`, `email`, `website` from content/_shared/valvonta.toml"
    );
    assert_eq!(report["findings"][0]["severity"], "warning");
}

#[test]
fn removing_the_inherited_keys_settles_a_partial_override() {
    let project = overlay("partial-override");
    project.write(
        "content/partial-override/notice.toml",
        "extends = [\"valvonta\", \"automaatio\", \"yhteystiedot\", \"vaatimus\", \"valmis\"]\n\
         [authority]\n\
         name = \"Tietosuojavaltuutetun toimisto\"\n\
         postal_address = \"PL 800, 00531 Helsinki\"\n\
         visiting_address = { remove = true }\n\
         phone = { remove = true }\n\
         email = { remove = true }\n\
         website = { remove = true }\n",
    );
    let run = project
        .run(&["check", "--strict", "--format", "json"])
        .expect(0);
    assert_eq!(findings(&run), [], "{}", run.stdout());
}

/// One finding per problem: an unnamed controller and a controller that cannot be reached are
/// two, at `[controller]` when the notice has one, else at the file's 1:1.
#[test]
fn controller_contact_points_at_the_controller_table() {
    let run = fails(
        "controller-contact",
        &[
            (
                "controller-contact",
                "content/controller-contact/notice.toml:5:1",
            ),
            (
                "controller-contact",
                "content/no-controller/notice.toml:1:1",
            ),
            (
                "controller-contact",
                "content/no-controller/notice.toml:1:1",
            ),
            (
                "controller-contact",
                "content/unnamed-controller/notice.toml:5:1",
            ),
        ],
    );
    let out = run.stdout();
    for message in [
        "the controller `Kahvila Esimerkki Oy` has neither an e-mail nor a postal address",
        "the controller has neither an e-mail nor a postal address",
        "the notice does not name the controller",
    ] {
        assert!(out.contains(message), "{message} missing:\n{out}");
    }
}

#[test]
fn automated_decisions() {
    fails(
        "automated-decisions",
        &[
            (
                "automated-decisions",
                "content/automated-decisions/notice.toml:1:1",
            ),
            (
                "automated-decisions",
                "content/profiling-undescribed/notice.toml:5:8",
            ),
        ],
    );
}

#[test]
fn sources_is_a_warning_that_fails_only_with_strict() {
    let project = overlay("sources");
    let run = project.run(&["check"]).expect(0);
    assert_eq!(run.stdout(), "checked 2 sites: 0 errors, 1 warning\n");
    assert!(
        run.stderr()
            .starts_with("warning[sources]: the notice does not say where the data comes from\n  --> content/sources/notice.toml:1:1\n"),
        "{}",
        run.stderr()
    );
    let strict = project.run(&["check", "--strict"]).expect(1);
    assert_eq!(
        strict.stdout(),
        "checked 2 sites: 0 errors, 1 warning (warnings fail with --strict)\n"
    );
    let json = project
        .run(&["check", "--strict", "--format", "json"])
        .expect(1);
    assert_eq!(
        findings(&json),
        [(
            "sources".to_string(),
            "content/sources/notice.toml:1:1".to_string()
        )]
    );
}

/// Undeclared cookies: missing purpose and duration, a tracker named only in text, an analytics
/// cookie without a consent purpose, and `none.cookies` beside a declared cookie.
#[test]
fn cookie_details() {
    fails(
        "cookie-details",
        &[
            (
                "cookie-details",
                "content/analytics-without-consent/notice.toml:16:12",
            ),
            ("cookie-details", "content/cookie-details/notice.toml:5:6"),
            ("cookie-details", "content/cookies-in-text/notice.toml:3:38"),
            (
                "cookie-details",
                "content/none-but-cookies/notice.toml:5:11",
            ),
        ],
    );
}

#[test]
fn business_id() {
    let run = fails(
        "business-id",
        &[("business-id", "content/business-id/notice.toml:5:15")],
    );
    assert!(
        run.stdout().contains("`2560057` gives `1`"),
        "{}",
        run.stdout()
    );
}

#[test]
fn email_syntax() {
    fails(
        "email-syntax",
        &[("email-syntax", "content/email-syntax/notice.toml:7:57")],
    );
}

#[test]
fn url_syntax() {
    fails(
        "url-syntax",
        &[("url-syntax", "content/url-syntax/notice.toml:7:36")],
    );
}

#[test]
fn phone_syntax() {
    fails(
        "phone-syntax",
        &[("phone-syntax", "content/phone-syntax/notice.toml:7:45")],
    );
}

#[test]
fn translations_name_the_field_and_the_language() {
    let run = fails(
        "translations",
        &[("translations", "content/translations/notice.toml:6:9")],
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    let finding = &report["findings"][0];
    assert_eq!(finding["language"], "en");
    assert_eq!(
        finding["message"],
        "`purposes.arvonta.title` has no `en` text"
    );
}

#[test]
fn anchor_links_follow_each_page_language() {
    let run = fails(
        "anchor-links",
        &[
            ("anchor-links", "content/anchor-links/notice.toml:7:41"),
            ("anchor-links", "content/anchor-links/notice.toml:7:85"),
        ],
    );
    assert!(
        run.stdout().contains("did you mean `oikeudet`?"),
        "{}",
        run.stdout()
    );
}

#[test]
fn a_stale_address_in_a_shared_layer_is_reported_at_the_layer_once_for_all_its_sites() {
    // The layer's postal address is compared with the current one field by field; the site's
    // own intro about the authority has the former e-mail (fi) and advice line (en).
    let project = overlay("stale-authority");
    project.write(
        "content/toinen/notice.toml",
        "extends = [\"valvonta\", \"vanha-valvonta\", \"automaatio\", \"yhteystiedot\", \"vaatimus\", \"valmis\"]\n",
    );
    let run = project.run(&["check", "--format", "json"]).expect(1);
    assert_eq!(
        findings(&run),
        [
            (
                "stale-authority",
                "content/_shared/vanha-valvonta.toml:4:25"
            ),
            (
                "stale-authority",
                "content/_shared/vanha-valvonta.toml:4:56"
            ),
            (
                "stale-authority",
                "content/stale-authority/notice.toml:10:63"
            ),
            (
                "stale-authority",
                "content/stale-authority/notice.toml:10:137"
            ),
        ]
        .map(|(rule, at)| (rule.to_string(), at.to_string()))
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(
        report["findings"][0]["sites"],
        serde_json::json!(["stale-authority", "toinen"])
    );
    assert!(
        report["findings"][0]["help"]
            .as_str()
            .unwrap()
            .contains("PL 800, 00531 Helsinki"),
        "the hint names the current detail"
    );
    assert_eq!(
        report["findings"][0]["message"],
        "`authority.postal_address.fi` is `PL 800, 00521 Helsinki`, but the Data Protection Ombudsman's is `PL 800, 00531 Helsinki`"
    );
    let human = project.run(&["check"]).expect(1).stderr();
    assert!(
        human.contains("= note: in sites `stale-authority`, `toinen`"),
        "{human}"
    );
}

#[test]
fn unreleased_changes_is_a_warning_at_the_changed_value() {
    let project = overlay("unreleased-changes");
    let run = project.run(&["check"]).expect(0);
    assert_eq!(run.stdout(), "checked 2 sites: 0 errors, 1 warning\n");
    assert!(
        run.stderr()
            .contains("= note: Recipient added: Tilitoimisto Esimerkki Oy (material)"),
        "{}",
        run.stderr()
    );
    let json = project
        .run(&["check", "--strict", "--format", "json"])
        .expect(1);
    assert_eq!(
        findings(&json),
        [(
            "unreleased-changes".to_string(),
            "content/unreleased-changes/notice.toml:4:1".to_string()
        )]
    );
    // Releasing the change clears the finding.
    project
        .run(&["release", "unreleased-changes", "--effective", "2025-02-01"])
        .expect(0);
    project.run(&["check", "--strict"]).expect(0);
}

/// Issue 17: with both a layer and the site's own file changed since the release, the finding
/// pointed at the layer (the first change in page order), did not name its site, and listed its
/// notes in the site's primary language inside an English message.
#[test]
fn unreleased_changes_points_at_the_sites_own_change_when_a_layer_changed_too() {
    let project = overlay("unreleased-changes");
    let layer = project.path().join("content/_shared/valmis.toml");
    let text = std::fs::read_to_string(&layer).unwrap();
    let retitled = text.replace("en = \"Privacy notice\"", "en = \"Privacy statement\"");
    assert_ne!(text, retitled, "the layer's title line moved");
    std::fs::write(&layer, retitled).unwrap();
    let json = project
        .run(&["check", "--strict", "--format", "json"])
        .expect(1);
    assert_eq!(
        findings(&json),
        [(
            "unreleased-changes".to_string(),
            "content/unreleased-changes/notice.toml:4:1".to_string()
        )]
    );
    let human = project.run(&["check"]).expect(0).stderr();
    assert!(
        human.contains("]: unreleased-changes: 9 unreleased change(s) since version 2025-01-01"),
        "{human}"
    );
    assert!(human.contains("= note: Recipient added"), "{human}");
    assert!(!human.contains("Vastaanottaja"), "{human}");
}
