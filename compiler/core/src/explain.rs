//! `notice explain`: prints a site's effective values, each with the file:line:col of the layer that set it.

use std::fmt::Write as _;

use crate::diagnostic::{Diagnostic, did_you_mean, escape_controls};
use crate::error::Failure;
use crate::source::{Node, Value};

/// One line per leaf value under `filter` (a dotted path; list items are addressed by id).
pub fn explain(merged: &Node, filter: Option<&str>) -> Result<String, Failure> {
    let mut leaves = Vec::new();
    collect(merged, String::new(), &mut leaves);
    let below = filter.map(|filter| format!("{filter}."));
    let selected: Vec<&(String, &Node)> = leaves
        .iter()
        .filter(|(path, _)| match (filter, &below) {
            (Some(filter), Some(below)) => path == filter || path.starts_with(below.as_str()),
            _ => true,
        })
        .collect();
    if selected.is_empty() {
        let filter = filter.unwrap_or_default();
        let mut err = Diagnostic::error(format!("no value at `{filter}`"));
        let paths = leaves.iter().map(|(path, _)| path.as_str());
        if let Some(hint) = did_you_mean(filter, paths) {
            err = err.help(hint);
        } else {
            err = err.help("run `notice explain <site>` without a path to list every value");
        }
        return Err(Failure::usage(err));
    }
    // Only the selected values are rendered and located: one item of a list of thousands
    // costs one line, not the whole list.
    let mut out = String::new();
    for (path, node) in selected {
        // A layer's file name may hold control characters; values and keys cannot.
        let origin = node.origin.to_string();
        let origin = escape_controls(&origin);
        let _ = writeln!(out, "{path} = {}\n    from {origin}", inline(node));
    }
    Ok(out)
}

/// Every leaf value under `node` with its dotted path.
fn collect<'a>(node: &'a Node, path: String, leaves: &mut Vec<(String, &'a Node)>) {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match &node.value {
        Value::Table(table) => {
            for (key, entry) in table {
                collect(&entry.node, join(key), leaves);
            }
        }
        Value::Array(items) if crate::merge::is_keyed(items) => {
            for item in items {
                let id = item
                    .as_table()
                    .and_then(|t| t.get("id"))
                    .and_then(|entry| entry.node.as_str())
                    .unwrap_or_default();
                collect(item, join(id), leaves);
            }
        }
        _ => leaves.push((path, node)),
    }
}

/// A short TOML-like rendering of a value; long strings are cut so each line stays readable.
fn inline(node: &Node) -> String {
    match &node.value {
        Value::String(s) => {
            let flat = s.replace('\n', "⏎");
            let cut: String = flat.chars().take(72).collect();
            let ellipsis = if cut.len() < flat.len() { "…" } else { "" };
            let quoted = format!("{cut}{ellipsis}")
                .replace('\\', "\\\\")
                .replace('"', "\\\"");
            format!("\"{}\"", escape_controls(&quoted))
        }
        Value::Integer(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Boolean(b) => b.to_string(),
        Value::Datetime(d) => d.clone(),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(inline).collect::<Vec<_>>().join(", ")
        ),
        Value::Table(_) => "{…}".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{SourceFile, parse};

    /// A notice with `n` purposes, each on its own lines.
    fn purposes(n: usize) -> String {
        let mut text = String::from("[controller]\nname = \"Oy\"\n");
        for i in 0..n {
            text.push_str(&format!(
                "\n[[purposes]]\nid = \"p{i}\"\ntitle = \"Tarkoitus ä {i}\"\nbasis = \"contract\"\n"
            ));
        }
        text
    }

    #[test]
    fn explain_one_item_of_a_long_list_reads_the_file_once() {
        let text = purposes(4000);
        let file = SourceFile::new("n.toml", text.clone());
        let root = parse(&file).unwrap();
        let before = crate::origin::scanned();
        let one = explain(&root, Some("purposes.p5")).unwrap();
        let all = explain(&root, None).unwrap();
        let scanned = crate::origin::scanned() - before;
        assert!(
            one.starts_with("purposes.p5.id = \"p5\"\n    from n.toml:"),
            "{one}"
        );
        assert_eq!(all.matches("\n    from n.toml:").count(), 1 + 3 * 4000);
        // Locating every value is linear in the file's size, not in its size times its values.
        assert!(
            scanned <= 2 * text.len(),
            "scanned {scanned} bytes of a {}-byte file",
            text.len()
        );
    }

    #[test]
    fn a_path_not_in_the_notice_suggests_one_that_is() {
        let file = SourceFile::new("n.toml", purposes(2));
        let root = parse(&file).unwrap();
        let err = explain(&root, Some("purposes.p1.titel")).unwrap_err();
        assert_eq!(
            err.diagnostics[0].message,
            "no value at `purposes.p1.titel`"
        );
        assert_eq!(
            err.diagnostics[0].help,
            ["did you mean `purposes.p1.title`?"]
        );
    }
}
