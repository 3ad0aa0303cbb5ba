//! Source files and their parsed TOML trees, where every key and value remembers the file:line:col it came from.

use std::path::Path;
use std::sync::Arc;

use indexmap::IndexMap;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Diagnostic;
use crate::error::Failure;
pub use crate::origin::{Origin, SourceFile, display_path};

/// A TOML value with its origin. Merging layers keeps each value's own origin.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    /// Kept as its TOML text (e.g. `2025-12-01`); the model validates what it needs.
    Datetime(String),
    Array(Vec<Node>),
    Table(Table),
}

impl Value {
    /// The TOML type name, for "expected …, found …" messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::String(_) => "string",
            Value::Integer(_) => "integer",
            Value::Float(_) => "float",
            Value::Boolean(_) => "boolean",
            Value::Datetime(_) => "date",
            Value::Array(_) => "array",
            Value::Table(_) => "table",
        }
    }
}

/// A table keeps its keys in source order; merged tables keep the order keys first appeared in.
pub type Table = IndexMap<String, Entry>;

/// A key with its own origin, and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key_origin: Origin,
    pub node: Node,
}

impl Node {
    pub fn as_table(&self) -> Option<&Table> {
        match &self.value {
            Value::Table(table) => Some(table),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Reads a file for parsing. I/O failures are reported with the path.
pub fn read(path: &Path, display: String) -> Result<Arc<SourceFile>, Failure> {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok(SourceFile::new(display, text)),
            Err(err) => {
                let valid_up_to = err.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
                let file = SourceFile::new(display, text);
                Err(Diagnostic::error("file is not valid UTF-8")
                    .at(&Origin::new(&file, valid_up_to..valid_up_to + 1))
                    .help("save the file as UTF-8")
                    .into())
            }
        },
        Err(err) => Err(Failure::io(
            Diagnostic::error(format!("cannot read file: {err}")).at_path(display),
        )),
    }
}

/// Parses a TOML file into a [`Node`] tree.
pub fn parse(file: &Arc<SourceFile>) -> Result<Node, Diagnostic> {
    let parsed = DeTable::parse(&file.text).map_err(|err| {
        let span = err.span().unwrap_or(0..0);
        Diagnostic::error(format!("invalid TOML: {}", err.message().trim_end()))
            .at(&Origin::new(file, span))
            .help("see https://toml.io/en/v1.0.0 for the TOML syntax")
    })?;
    let root = parsed.into_inner();
    Ok(Node {
        value: Value::Table(convert_table(file, root)),
        origin: Origin::new(file, 0..0),
    })
}

fn convert_table(file: &Arc<SourceFile>, table: DeTable<'_>) -> Table {
    table
        .into_iter()
        .map(|(key, value)| {
            let key_origin = Origin::new(file, key.span());
            let origin = Origin::new(file, value.span());
            let node = Node {
                value: convert_value(file, value.into_inner()),
                origin,
            };
            (key.into_inner().into_owned(), Entry { key_origin, node })
        })
        .collect()
}

fn convert_value(file: &Arc<SourceFile>, value: DeValue<'_>) -> Value {
    match value {
        DeValue::String(s) => Value::String(s.into_owned()),
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            let digits = digits.trim_start_matches("0x").trim_start_matches("0o");
            let digits = digits.trim_start_matches("0b").trim_start_matches('+');
            // Out-of-range integers have no meaning in a notice; saturate rather than fail here,
            // the model rejects integers wherever they appear.
            Value::Integer(i64::from_str_radix(digits, i.radix()).unwrap_or(i64::MAX))
        }
        DeValue::Float(f) => Value::Float(f.as_str().replace('_', "").parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => Value::Boolean(b),
        DeValue::Datetime(d) => Value::Datetime(d.to_string()),
        DeValue::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|item| {
                    let origin = Origin::new(file, item.span());
                    Node {
                        value: convert_value(file, item.into_inner()),
                        origin,
                    }
                })
                .collect(),
        ),
        DeValue::Table(table) => Value::Table(convert_table(file, table)),
    }
}

/// Finds where a value was set, following a path of keys; list items are addressed by `id`.
/// A language table is entered for the page language when the path ends on it.
pub fn find_origin(root: &Node, path: &[&str]) -> Option<Origin> {
    let mut node = root;
    for segment in path {
        node = match &node.value {
            Value::Table(table) => &table.get(*segment)?.node,
            Value::Array(items) => items.iter().find(|item| {
                item.as_table()
                    .and_then(|t| t.get("id"))
                    .and_then(|e| e.node.as_str())
                    == Some(segment)
            })?,
            _ => return None,
        };
    }
    Some(node.origin.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_and_value_origins() {
        let file = SourceFile::new("n.toml", "[controller]\nname = \"Oy\"\n".into());
        let root = parse(&file).unwrap();
        let controller = &root.as_table().unwrap()["controller"];
        assert_eq!(controller.key_origin.to_string(), "n.toml:1:2");
        let name = &controller.node.as_table().unwrap()["name"];
        assert_eq!(name.key_origin.to_string(), "n.toml:2:1");
        assert_eq!(name.node.origin.to_string(), "n.toml:2:8");
    }

    #[test]
    fn syntax_error_has_a_location() {
        let file = SourceFile::new("n.toml", "a = 1\nb = \n".into());
        let err = parse(&file).unwrap_err();
        assert_eq!(err.location().unwrap(), "n.toml:2:5");
    }
}
