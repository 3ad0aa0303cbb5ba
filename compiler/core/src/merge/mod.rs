//! Layered merge of source trees with provenance: later layers win, tables merge by key, `id`-keyed lists merge by item.
//!
//! Rules:
//! - scalars: the later layer wins;
//! - tables: merged key by key;
//! - arrays of tables that carry an `id`: merged item by item; an item `{ id = "x", remove = true }`
//!   deletes the inherited item `x`; new ids are appended in order;
//! - every other array: replaced whole;
//! - a language table (`{ fi = "…", en = "…" }`) is one text, so it replaces the inherited
//!   text whole rather than merging language by language: a stale translation must not survive
//!   an override;
//! - wherever a value may stand, a table holding exactly `remove = true` deletes the inherited
//!   value at that key, whatever it is (scalar, text, table, list). Removing what no earlier
//!   layer set is an error, so a marker never reaches the typed model.
//!
//! Every value keeps the origin of the file that set it, so errors and `notice explain` can
//! point at the right layer.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::source::{Entry, Node, Origin, Table, Value};

/// The key that marks an inherited list item for deletion.
pub const REMOVE_KEY: &str = "remove";

/// Checks one file's `id`-keyed lists before merging: every item has a well-formed, unique `id`.
pub fn validate_ids(node: &Node, path: &str) -> Result<(), Diagnostic> {
    validate_ids_at(node, &mut path.to_string())
}

/// [`validate_ids`] with the dotted path in one buffer, extended and cut back as it descends:
/// every source and snapshot passes through here, and a new string per key was a tenth of a
/// full build's time.
fn validate_ids_at(node: &Node, path: &mut String) -> Result<(), Diagnostic> {
    match &node.value {
        Value::Table(table) => {
            for (key, entry) in table {
                // Strings, dates and the like hold no lists.
                if !matches!(entry.node.value, Value::Table(_) | Value::Array(_)) {
                    continue;
                }
                let len = path.len();
                if len > 0 {
                    path.push('.');
                }
                path.push_str(key);
                validate_ids_at(&entry.node, path)?;
                path.truncate(len);
            }
        }
        Value::Array(items) if is_keyed(items) => {
            // By id: a list of thousands of items is checked in one pass, not one per item.
            let mut seen: HashMap<&str, &Origin> = HashMap::with_capacity(items.len());
            for item in items {
                let (id, origin) = item_id(item, path)?;
                if let Some(first) = seen.get(id) {
                    return Err(
                        Diagnostic::error(format!("duplicate id `{id}` in `{path}`"))
                            .at(origin)
                            .note(format!("`{id}` is first defined at {first}"))
                            .help("give each item its own id, or merge the two items"),
                    );
                }
                seen.insert(id, origin);
                let len = path.len();
                path.push('.');
                path.push_str(id);
                validate_ids_at(item, path)?;
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for item in items {
                validate_ids_at(item, path)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// A table whose keys are all language codes is a translatable text, not a record.
pub fn is_language_table(table: &Table) -> bool {
    !table.is_empty()
        && table
            .keys()
            .all(|key| crate::model::Lang::from_code(key).is_some())
}

/// An array is keyed when any of its items is a table with an `id`; then all must have one.
pub fn is_keyed(items: &[Node]) -> bool {
    items
        .iter()
        .any(|item| item.as_table().is_some_and(|t| t.contains_key("id")))
}

fn item_id<'a>(item: &'a Node, path: &str) -> Result<(&'a str, &'a Origin), Diagnostic> {
    let Some(table) = item.as_table() else {
        return Err(Diagnostic::error(format!(
            "wrong type: items of `{path}` are tables with an `id`, found {}",
            item.value.type_name()
        ))
        .at(&item.origin));
    };
    let Some(entry) = table.get("id") else {
        return Err(
            Diagnostic::error(format!("missing required key `id` in an item of `{path}`"))
                .at(&item.origin)
                .help("list items are merged across layers by their `id`; add `id = \"…\"`"),
        );
    };
    let Some(id) = entry.node.as_str() else {
        return Err(Diagnostic::error(format!(
            "wrong type: expected a string id, found {}",
            entry.node.value.type_name()
        ))
        .at(&entry.node.origin));
    };
    if !is_slug(id) {
        return Err(Diagnostic::error(format!("invalid id `{id}`"))
            .at(&entry.node.origin)
            .help(format!(
                "ids are anchors and merge keys: use lowercase a-z, 0-9 and `-`, like `{}`",
                crate::slug::slugify(id)
            )));
    }
    Ok((id, &entry.node.origin))
}

/// `[a-z0-9-]+`: the shape of site names, layer names and ids.
pub fn is_slug(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Merges `overlay` on top of `base` (both tables).
pub fn merge_table(base: &mut Table, overlay: Table, path: &str) -> Result<(), Diagnostic> {
    for (key, entry) in overlay {
        let child_path = join(path, &key);
        if let Some(origin) = removal_marker(&entry.node, false)? {
            if !base.contains_key(&key) {
                let mut err = nothing_to_remove(&child_path, &origin);
                if let Some(hint) = did_you_mean(&key, base.keys().map(String::as_str)) {
                    err = err.help(hint);
                }
                return Err(err);
            }
            // `shift_remove` keeps the order of the keys that stay, which output follows.
            base.shift_remove(&key);
            continue;
        }
        match base.get_mut(&key) {
            Some(existing) => merge_entry(existing, entry, &child_path)?,
            None => {
                reject_markers(&entry.node, &mut child_path.clone())?;
                base.insert(key, entry);
            }
        }
    }
    Ok(())
}

fn merge_entry(existing: &mut Entry, entry: Entry, path: &str) -> Result<(), Diagnostic> {
    match (&mut existing.node.value, entry.node.value) {
        (Value::Table(base), Value::Table(overlay))
            if !is_language_table(base) || !is_language_table(&overlay) =>
        {
            merge_table(base, overlay, path)?;
            existing.key_origin = entry.key_origin;
            existing.node.origin = entry.node.origin;
        }
        (Value::Array(base), Value::Array(overlay)) if is_keyed(base) && is_keyed(&overlay) => {
            merge_keyed(base, overlay, path)?;
            existing.key_origin = entry.key_origin;
            existing.node.origin = entry.node.origin;
        }
        (_, value) => {
            let node = Node {
                value,
                origin: entry.node.origin,
            };
            reject_markers(&node, &mut path.to_string())?;
            *existing = Entry {
                key_origin: entry.key_origin,
                node,
            };
        }
    }
    Ok(())
}

fn merge_keyed(base: &mut Vec<Node>, overlay: Vec<Node>, path: &str) -> Result<(), Diagnostic> {
    // The base's items by id, each in a slot that a removal empties: a site that adds thousands
    // of items to a layer's list finds each in one lookup, not in a scan of the growing list.
    let mut slots: Vec<Option<Node>> = std::mem::take(base).into_iter().map(Some).collect();
    let mut index: HashMap<String, usize> = HashMap::with_capacity(slots.len() + overlay.len());
    for (at, slot) in slots.iter().enumerate() {
        if let Some(id) = slot.as_ref().and_then(id_of) {
            // The first item of an id, as a scan from the start would find it.
            index.entry(id.to_string()).or_insert(at);
        }
    }
    let result = overlay
        .into_iter()
        .try_for_each(|item| merge_item(&mut slots, &mut index, item, path));
    *base = slots.into_iter().flatten().collect();
    result
}

/// Merges one overlay item into the base's slots: it overrides, removes or appends.
fn merge_item(
    slots: &mut Vec<Option<Node>>,
    index: &mut HashMap<String, usize>,
    item: Node,
    path: &str,
) -> Result<(), Diagnostic> {
    let (id, removal) = {
        let (id, _) = item_id(&item, path)?;
        (id.to_string(), removal_marker(&item, true)?)
    };
    match (index.get(&id).copied(), removal) {
        (Some(at), Some(_)) => {
            slots[at] = None;
            index.remove(&id);
        }
        (None, Some(remove_origin)) => {
            let known: Vec<&str> = slots.iter().flatten().filter_map(id_of).collect();
            let mut err = nothing_to_remove_item(path, &id, &remove_origin);
            if let Some(hint) = did_you_mean(&id, known) {
                err = err.help(hint);
            }
            return Err(err);
        }
        (Some(at), None) => {
            let Value::Table(overlay_table) = item.value else {
                unreachable!("item_id checked that the item is a table")
            };
            let existing = slots[at].as_mut().expect("indexed slots are full");
            if let Value::Table(base_table) = &mut existing.value {
                merge_table(base_table, overlay_table, &format!("{path}.{id}"))?;
            }
            existing.origin = item.origin;
        }
        (None, None) => {
            let mut item_path = format!("{path}.{id}");
            for (key, entry) in item.as_table().into_iter().flatten() {
                let len = item_path.len();
                item_path.push('.');
                item_path.push_str(key);
                reject_markers(&entry.node, &mut item_path)?;
                item_path.truncate(len);
            }
            index.insert(id, slots.len());
            slots.push(Some(item));
        }
    }
    Ok(())
}

/// The `id` of a list item, if it has a string one.
fn id_of(node: &Node) -> Option<&str> {
    node.as_table()?.get("id")?.node.as_str()
}

/// `Some(origin of the marker)` when `node` is a removal marker: a table holding `remove = true`
/// and nothing else, or (for a list item, `item`) `id` and `remove = true`.
fn removal_marker(node: &Node, item: bool) -> Result<Option<Origin>, Diagnostic> {
    let Some(table) = node.as_table() else {
        return Ok(None);
    };
    let Some(entry) = table.get(REMOVE_KEY) else {
        return Ok(None);
    };
    match entry.node.value {
        Value::Boolean(true) => {
            let extra = table
                .iter()
                .find(|(k, _)| *k != REMOVE_KEY && !(item && *k == "id"));
            if let Some((key, other)) = extra {
                let (what, keep) = if item {
                    ("an item marked", "keep only `id` and `remove = true`")
                } else {
                    ("a table marked", "write `key = { remove = true }` alone")
                };
                return Err(Diagnostic::error(format!(
                    "{what} `remove = true` takes no other keys, found `{key}`"
                ))
                .at(&other.key_origin)
                .help(format!(
                    "{keep} to delete the inherited value, or drop `remove` to override it"
                )));
            }
            Ok(Some(entry.key_origin.clone()))
        }
        Value::Boolean(false) => Err(Diagnostic::error("`remove = false` has no meaning")
            .at(&entry.node.origin)
            .help(if item {
                "delete the `remove` key to keep or override the item"
            } else {
                "delete the `remove` key: to keep the inherited value, leave the key out; to delete it, write `key = { remove = true }`"
            })),
        ref other => Err(Diagnostic::error(format!(
            "wrong type: expected `remove = true`, found {}",
            other.type_name()
        ))
        .at(&entry.node.origin)
        .help("`remove` takes only `true`: `key = { remove = true }` deletes the inherited value")),
    }
}

fn nothing_to_remove(path: &str, origin: &Origin) -> Diagnostic {
    Diagnostic::error(format!("nothing to remove: no earlier layer sets `{path}`")).at(origin)
}

fn nothing_to_remove_item(path: &str, id: &str, origin: &Origin) -> Diagnostic {
    Diagnostic::error(format!(
        "nothing to remove: no earlier layer has `{path}` item `{id}`"
    ))
    .at(origin)
}

/// A value that enters the tree without a base (new key, new item, replacement) must hold no
/// removal marker anywhere: it would have nothing to remove, and must not reach the model.
/// `path` is a buffer extended and cut back as the walk descends.
fn reject_markers(node: &Node, path: &mut String) -> Result<(), Diagnostic> {
    match &node.value {
        Value::Table(table) => {
            if let Some(origin) = removal_marker(node, false)? {
                return Err(nothing_to_remove(path, &origin));
            }
            for (key, entry) in table {
                if !matches!(entry.node.value, Value::Table(_) | Value::Array(_)) {
                    continue;
                }
                let len = path.len();
                path.push('.');
                path.push_str(key);
                reject_markers(&entry.node, path)?;
                path.truncate(len);
            }
        }
        Value::Array(items) if is_keyed(items) => {
            for item in items {
                let (id, _) = item_id(item, path)?;
                if let Some(origin) = removal_marker(item, true)? {
                    return Err(nothing_to_remove_item(path, id, &origin));
                }
                let Some(table) = item.as_table() else {
                    continue;
                };
                let len = path.len();
                path.push('.');
                path.push_str(id);
                for (key, entry) in table {
                    let inner = path.len();
                    path.push('.');
                    path.push_str(key);
                    reject_markers(&entry.node, path)?;
                    path.truncate(inner);
                }
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for item in items {
                reject_markers(item, path)?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests;
