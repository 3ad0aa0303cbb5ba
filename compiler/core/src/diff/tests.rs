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
    assert!(BASE.contains(from), "{from}");
    let old = notice(BASE);
    let new = notice(&BASE.replace(from, to));
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
