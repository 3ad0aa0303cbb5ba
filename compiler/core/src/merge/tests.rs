//! Unit tests of merging: ids, keyed lists, removal markers and their errors.

use super::*;
use crate::source::{SourceFile, parse};

fn table(name: &str, text: &str) -> Table {
    let file = SourceFile::new(name, text.to_string());
    let node = parse(&file).unwrap();
    validate_ids(&node, "").unwrap();
    match node.value {
        Value::Table(t) => t,
        _ => unreachable!(),
    }
}

fn merged(layers: &[(&str, &str)]) -> Result<Table, Diagnostic> {
    let mut base = Table::new();
    for (name, text) in layers {
        merge_table(&mut base, table(name, text), "")?;
    }
    Ok(base)
}

fn leaf<'a>(table: &'a Table, path: &[&str]) -> &'a Node {
    let mut node = &table[path[0]].node;
    for key in &path[1..] {
        node = &node.as_table().unwrap()[*key].node;
    }
    node
}

#[test]
fn later_scalar_wins_and_keeps_its_origin() {
    let t = merged(&[
        ("base.toml", "[authority]\nphone = \"1\"\nemail = \"a@b\"\n"),
        ("site.toml", "[authority]\nphone = \"2\"\n"),
    ])
    .unwrap();
    let phone = leaf(&t, &["authority", "phone"]);
    assert_eq!(phone.as_str(), Some("2"));
    assert_eq!(phone.origin.to_string(), "site.toml:2:9");
    assert_eq!(
        leaf(&t, &["authority", "email"]).origin.to_string(),
        "base.toml:3:9"
    );
}

#[test]
fn keyed_items_merge_append_and_remove() {
    let t = merged(&[
        (
            "base.toml",
            "[[rights]]\nid = \"a\"\nbody = \"A\"\ntitle = \"T\"\n[[rights]]\nid = \"b\"\nbody = \"B\"\n",
        ),
        (
            "site.toml",
            "[[rights]]\nid = \"c\"\nbody = \"C\"\n[[rights]]\nid = \"a\"\nbody = \"A2\"\n[[rights]]\nid = \"b\"\nremove = true\n",
        ),
    ])
    .unwrap();
    let Value::Array(items) = &t["rights"].node.value else {
        panic!()
    };
    let ids: Vec<_> = items
        .iter()
        .map(|i| i.as_table().unwrap()["id"].node.as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "c"]);
    let a = items[0].as_table().unwrap();
    assert_eq!(a["body"].node.as_str(), Some("A2"));
    assert_eq!(a["title"].node.origin.to_string(), "base.toml:4:9");
}

#[test]
fn a_language_table_replaces_the_inherited_text_whole() {
    let t = merged(&[
        (
            "base.toml",
            "[authority]\nname = { fi = \"A\", sv = \"B\", en = \"C\" }\n",
        ),
        (
            "site.toml",
            "[authority]\nname = { fi = \"X\", en = \"Y\" }\n",
        ),
    ])
    .unwrap();
    let name = leaf(&t, &["authority", "name"]).as_table().unwrap();
    assert_eq!(name.keys().collect::<Vec<_>>(), ["fi", "en"]);
    assert_eq!(name["fi"].node.origin.to_string(), "site.toml:2:15");
}

#[test]
fn plain_arrays_replace() {
    let t = merged(&[
        ("a.toml", "languages = [\"fi\", \"sv\"]\n"),
        ("b.toml", "languages = [\"en\"]\n"),
    ])
    .unwrap();
    let Value::Array(items) = &t["languages"].node.value else {
        panic!()
    };
    assert_eq!(items.len(), 1);
}

#[test]
fn removing_an_unknown_item_is_an_error_with_a_suggestion() {
    let err = merged(&[
        ("a.toml", "[[rights]]\nid = \"access\"\n"),
        ("b.toml", "[[rights]]\nid = \"acess\"\nremove = true\n"),
    ])
    .unwrap_err();
    assert_eq!(err.location().unwrap(), "b.toml:3:1");
    assert_eq!(err.help, ["did you mean `access`?"]);
}

#[test]
fn duplicate_ids_point_at_the_second() {
    let file = SourceFile::new(
        "d.toml",
        "[[purposes]]\nid = \"x\"\n[[purposes]]\nid = \"x\"\n".into(),
    );
    let err = validate_ids(&parse(&file).unwrap(), "").unwrap_err();
    assert_eq!(err.message, "duplicate id `x` in `purposes`");
    assert_eq!(err.location().unwrap(), "d.toml:4:6");
    assert_eq!(err.notes, ["`x` is first defined at d.toml:2:6"]);
}

/// The standard layer every removal test starts from: one value of each kind.
const LAYER: &str = r#"
languages = ["fi", "sv"]
[controller]
name = "Oy"
phone = "09 123"
[authority]
name = { fi = "Tietosuojavaltuutettu", en = "Ombudsman" }
visiting_address = { fi = "Lintulahdenkuja 4", en = "Lintulahdenkuja 4" }
[intros]
cookies = "Evästeet"
rights = "Oikeudet"
[automated_decisions]
used = false
[security]
manual = "Lukitut tilat"
[[rights]]
id = "access"
body = "A"
"#;

fn removed(site: &str, path: &[&str]) -> Table {
    let t = merged(&[("layer.toml", LAYER), ("site.toml", site)]).unwrap();
    let (last, parents) = path.split_last().unwrap();
    let parent = if parents.is_empty() {
        &t
    } else {
        leaf(&t, parents).as_table().unwrap()
    };
    assert!(!parent.contains_key(*last), "{path:?} survived: {parent:?}");
    t
}

#[test]
fn a_marker_removes_an_inherited_scalar() {
    let t = removed(
        "[controller]\nphone = { remove = true }\n",
        &["controller", "phone"],
    );
    assert_eq!(leaf(&t, &["controller", "name"]).as_str(), Some("Oy"));
}

#[test]
fn a_marker_removes_an_inherited_text() {
    let t = removed(
        "authority.visiting_address = { remove = true }\n",
        &["authority", "visiting_address"],
    );
    assert!(
        leaf(&t, &["authority"])
            .as_table()
            .unwrap()
            .contains_key("name")
    );
}

#[test]
fn a_marker_removes_an_inherited_intro() {
    let t = removed(
        "[intros]\ncookies = { remove = true }\n",
        &["intros", "cookies"],
    );
    assert_eq!(leaf(&t, &["intros", "rights"]).as_str(), Some("Oikeudet"));
}

#[test]
fn a_marker_removes_an_inherited_table() {
    removed(
        "[automated_decisions]\nremove = true\n",
        &["automated_decisions"],
    );
    removed("security = { remove = true }\n", &["security"]);
}

#[test]
fn a_marker_removes_an_inherited_list() {
    removed("rights = { remove = true }\n", &["rights"]);
    removed("languages = { remove = true }\n", &["languages"]);
}

#[test]
fn a_marker_removes_an_inherited_list_item() {
    let t = merged(&[
        ("layer.toml", LAYER),
        ("site.toml", "[[rights]]\nid = \"access\"\nremove = true\n"),
    ])
    .unwrap();
    assert!(matches!(&t["rights"].node.value, Value::Array(items) if items.is_empty()));
}

#[test]
fn removing_an_unset_key_is_an_error_at_the_marker_with_a_suggestion() {
    let err = merged(&[
        ("layer.toml", LAYER),
        (
            "site.toml",
            "[authority]\nvisiting_adress = { remove = true }\n",
        ),
    ])
    .unwrap_err();
    assert_eq!(
        err.message,
        "nothing to remove: no earlier layer sets `authority.visiting_adress`"
    );
    assert_eq!(err.location().unwrap(), "site.toml:2:21");
    assert_eq!(err.help, ["did you mean `visiting_address`?"]);
}

#[test]
fn a_marker_inside_a_new_value_is_an_error() {
    for site in [
        "[authority]\nfax = { remove = true }\n",
        "[dpo]\nphone = { remove = true }\n",
        "[[rights]]\nid = \"new\"\nbody = { remove = true }\n",
        "[[purposes]]\nid = \"p\"\ntitle = { remove = true }\n",
        "controller = \"x\"\n[intros]\ncookies = { x = { remove = true } }\n",
    ] {
        let err = merged(&[("layer.toml", LAYER), ("site.toml", site)]).unwrap_err();
        assert!(
            err.message.starts_with("nothing to remove"),
            "{site}: {err:?}"
        );
        assert!(err.location().unwrap().starts_with("site.toml:"), "{site}");
    }
    let err = merged(&[("site.toml", "[dpo]\nphone = { remove = true }\n")]).unwrap_err();
    assert_eq!(
        err.message,
        "nothing to remove: no earlier layer sets `dpo.phone`"
    );
}

#[test]
fn remove_false_or_beside_other_keys_is_an_error_with_a_hint() {
    let err = merged(&[
        ("layer.toml", LAYER),
        ("site.toml", "[controller]\nphone = { remove = false }\n"),
    ])
    .unwrap_err();
    assert_eq!(err.message, "`remove = false` has no meaning");
    assert_eq!(err.location().unwrap(), "site.toml:2:20");
    assert!(err.help[0].contains("{ remove = true }"), "{:?}", err.help);

    let err = merged(&[
        ("layer.toml", LAYER),
        ("site.toml", "[security]\nremove = true\nmanual = \"x\"\n"),
    ])
    .unwrap_err();
    assert_eq!(
        err.message,
        "a table marked `remove = true` takes no other keys, found `manual`"
    );
    assert_eq!(err.location().unwrap(), "site.toml:3:1");
    assert!(!err.help.is_empty());
}
