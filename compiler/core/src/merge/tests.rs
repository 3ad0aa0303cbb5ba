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
