//! Contact blocks merge key by key, so a site that overrides one key of an inherited block
//! silently keeps the layer's others: a new postal address beside the layer's old visiting
//! address. A block whose keys come from more than one file is reported.

use super::{Found, SiteView};
use crate::source::{Node, Table};

/// The contact blocks, as paths in the merged tree, and the sub-block each one holds (a key
/// that is its own block, not one of this block's values).
const BLOCKS: &[(&[&str], &str)] = &[
    (&["controller"], "representative"),
    (&["controller", "representative"], ""),
    (&["contact"], ""),
    (&["dpo"], ""),
    (&["authority"], ""),
];

pub(super) fn partial_override(site: &SiteView<'_>, out: &mut Vec<Found>) {
    for (path, sub_block) in BLOCKS {
        let Some(block) = node_at(&site.site.merged, path) else {
            continue;
        };
        let Some(table) = block.as_table() else {
            continue;
        };
        if let Some(found) = mixed(&path.join("."), block, table, sub_block) {
            out.push(found);
        }
    }
}

fn node_at<'a>(root: &'a Node, path: &[&str]) -> Option<&'a Node> {
    path.iter()
        .try_fold(root, |node, key| Some(&node.as_table()?.get(*key)?.node))
}

/// A finding when the block's keys come from more than one file, at the first key of the file
/// that merged into the block last (the block's own origin).
fn mixed(name: &str, block: &Node, table: &Table, sub_block: &str) -> Option<Found> {
    // Files in order of their first key, each with its keys in the block's order.
    let mut files: Vec<(&str, Vec<&str>)> = Vec::new();
    for (key, entry) in table.iter().filter(|(key, _)| *key != sub_block) {
        let file = entry.node.origin.file.display.as_str();
        match files.iter_mut().find(|(f, _)| *f == file) {
            Some((_, keys)) => keys.push(key),
            None => files.push((file, vec![key])),
        }
    }
    if files.len() < 2 {
        return None;
    }
    let overriding = block.origin.file.display.as_str();
    if let Some(at) = files.iter().position(|(file, _)| *file == overriding) {
        let own = files.remove(at);
        files.insert(0, own);
    }
    let first_key = files[0].1[0];
    let origin = table[first_key].key_origin.clone();
    let parts: Vec<String> = files
        .iter()
        .map(|(file, keys)| {
            let keys: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
            format!("{} from {file}", keys.join(", "))
        })
        .collect();
    let count = match files.len() {
        2 => "two".to_string(),
        3 => "three".to_string(),
        n => n.to_string(),
    };
    Some(Found::new(
        format!("`{name}` mixes {count} files: {}", parts.join("; ")),
        origin,
    ))
}
