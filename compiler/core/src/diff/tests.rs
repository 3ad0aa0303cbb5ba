//! The classification rules, one case each: which edits are material and why.

use super::{ChangeKind, Class, Reason, Side, diff};
use crate::model::{Lang, Notice};
use crate::source::{SourceFile, parse};

const BASE: &str = r#"
[controller]
name = "Alfa Oy"
business_id = "2560057-1"
email = "a@alfa.example"

[[transfers]]
id = "mail"
recipient = "Mailer Inc."
country = "USA"
safeguard = "adequacy-dpf"

[[cookies]]
id = "prefs"
name = "prefs"
provider = "Alfa Oy"
category = "preferences"
duration = "1 vuosi"

[automated_decisions]
used = false

[[data_categories]]
id = "contact"
title = "Yhteystiedot"
retention = "5 vuotta"
"#;

fn notice(text: &str) -> Notice {
    let file = SourceFile::new("n.toml", text.to_string());
    crate::de::from_node(&parse(&file).unwrap()).unwrap()
}

/// `(kind, reason)` of each change made by replacing `from` with `to` in the base notice.
fn reasons(from: &str, to: &str) -> Vec<(ChangeKind, Reason)> {
    reasons_in(BASE, from, to)
}

/// `(kind, reason)` of each change made by replacing `from` with `to` in `base`.
fn reasons_in(base: &str, from: &str, to: &str) -> Vec<(ChangeKind, Reason)> {
    assert!(base.contains(from), "{from}");
    let old = notice(base);
    let new = notice(&base.replace(from, to));
    let languages = [Lang::Fi];
    let side = |n| Side {
        notice: n,
        languages: &languages,
    };
    diff(side(&old), side(&new))
        .iter()
        .map(|c| (c.kind, c.reason))
        .collect()
}

#[test]
fn controller_identity_is_material_contact_details_are_not() {
    assert_eq!(
        reasons("name = \"Alfa Oy\"", "name = \"Alfa Group Oy\""),
        [(ChangeKind::Changed, Reason::ControllerIdentity)]
    );
    assert_eq!(
        reasons("2560057-1", "1234567-1"),
        [(ChangeKind::Changed, Reason::ControllerIdentity)]
    );
    assert_eq!(
        reasons("a@alfa.example", "b@alfa.example"),
        [(ChangeKind::Changed, Reason::ContactDetails)]
    );
}

#[test]
fn transfer_destination_and_safeguard_are_material() {
    assert_eq!(
        reasons("safeguard = \"adequacy-dpf\"", "safeguard = \"scc\""),
        [(ChangeKind::Changed, Reason::TransferChanged)]
    );
    assert_eq!(
        reasons("country = \"USA\"", "country = \"Intia\""),
        [(ChangeKind::Changed, Reason::TransferChanged)]
    );
}

#[test]
fn retention_longer_is_material_shorter_is_not() {
    assert_eq!(
        reasons("5 vuotta", "10 vuotta"),
        [(ChangeKind::Changed, Reason::RetentionLonger)]
    );
    assert_eq!(
        reasons("5 vuotta", "3 vuotta"),
        [(ChangeKind::Changed, Reason::RetentionShorter)]
    );
    assert_eq!(
        reasons("5 vuotta", "viisi vuotta"),
        [(ChangeKind::Changed, Reason::Wording)]
    );
    assert_eq!(
        reasons("5 vuotta", "toistaiseksi"),
        [(ChangeKind::Changed, Reason::RetentionUnclear)]
    );
    assert_eq!(
        reasons("1 vuosi", "13 kuukautta"),
        [(ChangeKind::Changed, Reason::RetentionLonger)]
    );
}

#[test]
fn cookie_category_and_automated_decisions() {
    assert_eq!(
        reasons("category = \"preferences\"", "category = \"marketing\""),
        [(ChangeKind::Changed, Reason::CookieChanged)]
    );
    assert_eq!(
        reasons("used = false", "used = true"),
        [(ChangeKind::Changed, Reason::AutomatedDecisionsIntroduced)]
    );
    let off = BASE.replace("used = false", "used = true");
    let languages = [Lang::Fi];
    let side = |n| Side {
        notice: n,
        languages: &languages,
    };
    let (old, new) = (notice(&off), notice(BASE));
    let changes = diff(side(&old), side(&new));
    assert_eq!(
        changes[0].reason,
        Reason::Removal,
        "switching it off narrows processing"
    );
}

#[test]
fn removals_are_editorial_additions_of_listed_kinds_material() {
    let removed = reasons(
        "[[transfers]]\nid = \"mail\"\nrecipient = \"Mailer Inc.\"\ncountry = \"USA\"\nsafeguard = \"adequacy-dpf\"\n",
        "",
    );
    assert_eq!(removed, [(ChangeKind::Removed, Reason::Removal)]);
    assert_eq!(Reason::Removal.class(), Class::Editorial);
    let added = reasons(
        "[automated_decisions]",
        "[[purposes]]\nid = \"ads\"\ntitle = \"Mainonta\"\n\n[automated_decisions]",
    );
    assert_eq!(added, [(ChangeKind::Added, Reason::PurposeAdded)]);
    assert_eq!(Reason::PurposeAdded.class(), Class::Material);
}

/// A notice with every fact the Art. 6(3), 9, 13(2)(e), 21, 26, 49 and `[none]` fields state.
const LEGAL: &str = r#"
[controller]
name = "Alfa Oy"

[[purposes]]
id = "allergy"
title = "Allergiat"
basis = "consent"
special_category_condition = "explicit-consent"
law = "Laki A"
requirement = { kind = "voluntary", consequences = "Ei seurauksia." }
direct_marketing = false

[[data_categories]]
id = "health"
title = "Terveys"

[[sources]]
id = "ytj"
title = "YTJ"

[[recipients]]
id = "chain"
name = "Ketju Oy"
role = "joint-controller"
arrangement = "Ketju vastaa pyyntöihin."

[[transfers]]
id = "support"
recipient = "Tuki Inc."
safeguard = "derogation"
derogation = "contract"

[children]
age_limit = 15

[none]
cookies = true

[security]
measures = ["firewalls", "backups"]
"#;

fn legal_reasons(from: &str, to: &str) -> Vec<(ChangeKind, Reason)> {
    reasons_in(LEGAL, from, to)
}

#[test]
fn art_9_condition_and_special_category_are_material() {
    assert_eq!(
        legal_reasons("\"explicit-consent\"", "\"health-care\""),
        [(ChangeKind::Changed, Reason::SpecialCategoryCondition)]
    );
    assert_eq!(
        legal_reasons(
            "title = \"Terveys\"",
            "title = \"Terveys\"\nspecial_category = \"health\""
        ),
        [(ChangeKind::Added, Reason::SpecialCategoryAdded)]
    );
    assert_eq!(Reason::SpecialCategoryAdded.class(), Class::Material);
}

#[test]
fn direct_marketing_turned_on_is_material_off_is_not() {
    assert_eq!(
        legal_reasons("direct_marketing = false", "direct_marketing = true"),
        [(ChangeKind::Changed, Reason::DirectMarketingIntroduced)]
    );
    let on = LEGAL.replace("direct_marketing = false", "direct_marketing = true");
    let languages = [Lang::Fi];
    let side = |n| Side {
        notice: n,
        languages: &languages,
    };
    let (old, new) = (notice(&on), notice(LEGAL));
    assert_eq!(diff(side(&old), side(&new))[0].reason, Reason::Removal);
}

#[test]
fn a_new_or_changed_derogation_is_material() {
    assert_eq!(
        legal_reasons(
            "derogation = \"contract\"",
            "derogation = \"explicit-consent\""
        ),
        [(ChangeKind::Changed, Reason::TransferChanged)]
    );
    assert_eq!(
        legal_reasons("derogation = \"contract\"\n", ""),
        [(ChangeKind::Removed, Reason::Removal)]
    );
}

#[test]
fn withdrawing_a_none_statement_is_material() {
    assert_eq!(
        legal_reasons("cookies = true", "cookies = false"),
        [(ChangeKind::Changed, Reason::NoneWithdrawn)]
    );
    assert_eq!(
        legal_reasons("cookies = true", "cookies = true\ntransfers = true"),
        [(ChangeKind::Changed, Reason::InformationAdded)]
    );
}

#[test]
fn a_lowered_children_age_limit_is_material_a_raised_one_is_not() {
    assert_eq!(
        legal_reasons("age_limit = 15", "age_limit = 13"),
        [(ChangeKind::Changed, Reason::ChildrenAgeLowered)]
    );
    assert_eq!(
        legal_reasons("age_limit = 15", "age_limit = 16"),
        [(ChangeKind::Changed, Reason::Wording)]
    );
}

#[test]
fn a_removed_security_measure_is_material_an_added_one_is_not() {
    assert_eq!(
        legal_reasons("[\"firewalls\", \"backups\"]", "[\"backups\"]"),
        [(ChangeKind::Removed, Reason::SecurityMeasureRemoved)]
    );
    assert_eq!(
        legal_reasons(
            "[\"firewalls\", \"backups\"]",
            "[\"backups\", \"firewalls\", \"encrypted-storage\"]"
        ),
        [(ChangeKind::Added, Reason::InformationAdded)]
    );
}

#[test]
fn law_consequences_and_arrangement_wording_is_editorial() {
    assert_eq!(
        legal_reasons("Laki A", "Laki B"),
        [(ChangeKind::Changed, Reason::Wording)]
    );
    assert_eq!(
        legal_reasons("Ei seurauksia.", "Ei mitään seurauksia."),
        [(ChangeKind::Changed, Reason::Wording)]
    );
    assert_eq!(
        legal_reasons(
            "Ketju vastaa pyyntöihin.",
            "Ketju vastaa kaikkiin pyyntöihin."
        ),
        [(ChangeKind::Changed, Reason::Wording)]
    );
    assert_eq!(
        legal_reasons("title = \"YTJ\"", "title = \"YTJ\"\npublic = true"),
        [(ChangeKind::Changed, Reason::Wording)]
    );
}

#[test]
fn new_fields_and_values_are_named_in_every_language() {
    use super::phrases::{before_after, field_label};
    for field in [
        "law",
        "special_category_condition",
        "criminal_data_law",
        "requirement",
        "consequences",
        "direct_marketing",
        "special_category",
        "public",
        "arrangement",
        "derogation",
        "none",
        "children",
        "age_limit",
        "measures",
    ] {
        for lang in [Lang::Fi, Lang::Sv, Lang::En] {
            assert_ne!(
                field_label(field, lang),
                field_label("no-such-field", lang),
                "{field} has no name in {lang:?}"
            );
        }
    }
    let old = notice(LEGAL);
    let new = notice(&LEGAL.replace(
        "derogation = \"contract\"",
        "derogation = \"public-register\"",
    ));
    let languages = [Lang::Fi];
    let side = |n| Side {
        notice: n,
        languages: &languages,
    };
    let change = &diff(side(&old), side(&new))[0];
    assert_eq!(
        before_after(change, Lang::En).as_deref(),
        Some(
            "performance of a contract between the data subject and the controller, or pre-contractual measures taken at the data subject's request (GDPR Art. 49(1)(b)) → transfer from a register which by law is intended to provide information to the public (GDPR Art. 49(1)(g))"
        )
    );
}

/// Values a notice may leave unstated: stating a recipient's role later is a recipient change
/// (material), and giving a title-only right a body is information added, like any text
/// filled in.
#[test]
fn a_role_or_right_body_stated_later_is_classified() {
    let languages = [Lang::Fi];
    let side = |n| Side {
        notice: n,
        languages: &languages,
    };
    let unstated = LEGAL.replace("role = \"joint-controller\"\n", "");
    let (old, new) = (notice(&unstated), notice(LEGAL));
    let changes: Vec<_> = diff(side(&old), side(&new))
        .iter()
        .map(|c| (c.kind, c.reason))
        .collect();
    assert_eq!(changes, [(ChangeKind::Added, Reason::RecipientChanged)]);
    assert_eq!(Reason::RecipientChanged.class(), Class::Material);
    let right = |body: &str| {
        notice(&format!(
            "{LEGAL}\n[[rights]]\nid = \"access\"\ntitle = \"Tarkastusoikeus\"\n{body}"
        ))
    };
    let (old, new) = (right(""), right("body = \"Voit pyytää tietosi.\"\n"));
    let changes: Vec<_> = diff(side(&old), side(&new))
        .iter()
        .map(|c| (c.kind, c.reason))
        .collect();
    assert_eq!(changes, [(ChangeKind::Changed, Reason::InformationAdded)]);
}

/// A controller named later changes who the controller is (material); a name dropped is a
/// removal, like any value removed (`notice check` then reports the unnamed controller).
#[test]
fn naming_an_unnamed_controller_is_material() {
    let unnamed = BASE.replace("name = \"Alfa Oy\"\n", "");
    let languages = [Lang::Fi];
    let side = |n| Side {
        notice: n,
        languages: &languages,
    };
    let (old, new) = (notice(&unnamed), notice(BASE));
    let reasons = |changes: Vec<super::Change>| -> Vec<_> {
        changes.iter().map(|c| (c.kind, c.reason)).collect()
    };
    assert_eq!(
        reasons(diff(side(&old), side(&new))),
        [(ChangeKind::Added, Reason::ControllerIdentity)]
    );
    assert_eq!(Reason::ControllerIdentity.class(), Class::Material);
    assert_eq!(
        reasons(diff(side(&new), side(&old))),
        [(ChangeKind::Removed, Reason::Removal)]
    );
}
