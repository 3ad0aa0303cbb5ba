//! `notice explain`: prints a site's effective values, each with the file:line:col of the layer that set it.

use std::fmt::Write as _;

use crate::diagnostic::{Diagnostic, did_you_mean, escape_controls};
use crate::error::Failure;
use crate::source::{Node, Value};

/// One line per leaf value under `filter` (a dotted path; list items are addressed by id).
pub fn explain(merged: &Node, filter: Option<&str>) -> Result<String, Failure> {
    let mut lines = Vec::new();
    collect(merged, "", &mut lines);
    let selected: Vec<&(String, String, String)> = match filter {
        None => lines.iter().collect(),
        Some(filter) => lines
            .iter()
            .filter(|(path, _, _)| path == filter || path.starts_with(&format!("{filter}.")))
            .collect(),
    };
    if selected.is_empty() {
        let filter = filter.unwrap_or_default();
        let mut err = Diagnostic::error(format!("no value at `{filter}`"));
        let paths = lines.iter().map(|(path, _, _)| path.as_str());
        if let Some(hint) = did_you_mean(filter, paths) {
            err = err.help(hint);
        } else {
            err = err.help("run `notice explain <site>` without a path to list every value");
        }
        return Err(Failure::usage(err));
    }
    let mut out = String::new();
    for (path, value, origin) in selected {
        // A layer's file name may hold control characters; values and keys cannot.
        let origin = escape_controls(origin);
        let _ = writeln!(out, "{path} = {value}\n    from {origin}");
    }
    Ok(out)
}

fn collect(node: &Node, path: &str, lines: &mut Vec<(String, String, String)>) {
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
                collect(&entry.node, &join(key), lines);
            }
        }
        Value::Array(items) if crate::merge::is_keyed(items) => {
            for item in items {
                let id = item
                    .as_table()
                    .and_then(|t| t["id"].node.as_str())
                    .unwrap_or_default();
                collect(item, &join(id), lines);
            }
        }
        _ => lines.push((path.to_string(), inline(node), node.origin.to_string())),
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
