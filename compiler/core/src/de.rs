//! Deserialises a merged [`Node`] tree into typed structs, turning serde's errors into located diagnostics.
//!
//! serde reports *what* went wrong; this deserializer knows *where*, because every node carries
//! its origin. The innermost node that sees an error stamps its origin on it.

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use crate::diagnostic::{Diagnostic, did_you_mean, one_of};
use crate::model::{HELP_MARK, required_enum_values};
use crate::source::{Entry, Node, Origin, Value};

/// Deserialises `T` from a node tree.
pub fn from_node<'de, T: de::Deserialize<'de>>(node: &'de Node) -> Result<T, Diagnostic> {
    T::deserialize(NodeDeserializer { node }).map_err(DeError::into_diagnostic)
}

#[derive(Debug)]
pub struct DeError {
    message: String,
    help: Option<String>,
    origin: Option<Origin>,
}

impl DeError {
    fn located(mut self, origin: &Origin) -> Self {
        if self.origin.is_none() {
            self.origin = Some(origin.clone());
        }
        self
    }

    fn into_diagnostic(self) -> Diagnostic {
        let mut diagnostic = Diagnostic::error(self.message);
        if let Some(origin) = &self.origin {
            diagnostic = diagnostic.at(origin);
        }
        if let Some(help) = self.help {
            diagnostic = diagnostic.help(help);
        }
        diagnostic
    }

    fn with_help(message: String, help: Option<String>) -> Self {
        DeError {
            message,
            help,
            origin: None,
        }
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    /// A model type's own check says its fix after [`HELP_MARK`]; it becomes the help.
    fn custom<T: fmt::Display>(msg: T) -> Self {
        let text = msg.to_string();
        match text.split_once(HELP_MARK) {
            Some((message, help)) => {
                DeError::with_help(message.to_string(), Some(help.to_string()))
            }
            None => DeError::with_help(text, None),
        }
    }

    fn invalid_type(unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        DeError::with_help(
            format!(
                "wrong type: expected {expected}, found {}",
                describe(&unexpected)
            ),
            None,
        )
    }

    fn invalid_value(unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        DeError::with_help(
            format!("invalid value {unexpected}: expected {expected}"),
            None,
        )
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let help = did_you_mean(field, expected.iter().copied())
            .unwrap_or_else(|| format!("expected one of {}", one_of(expected)));
        DeError::with_help(format!("unknown key `{field}`"), Some(help))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let help = did_you_mean(variant, expected.iter().copied())
            .map(|hint| format!("{hint} (expected {})", one_of(expected)))
            .unwrap_or_else(|| format!("expected {}", one_of(expected)));
        DeError::with_help(format!("unknown value `{variant}`"), Some(help))
    }

    fn missing_field(field: &'static str) -> Self {
        let help = match required_enum_values(field) {
            Some(values) => format!("add `{field} = …`, one of {}", one_of(values)),
            None => format!("add `{field} = …` to this table"),
        };
        DeError::with_help(format!("missing required key `{field}`"), Some(help))
    }
}

fn describe(unexpected: &de::Unexpected<'_>) -> String {
    match unexpected {
        de::Unexpected::Str(s) => format!("string \"{s}\""),
        de::Unexpected::Map => "table".to_string(),
        de::Unexpected::Seq => "array".to_string(),
        other => other.to_string(),
    }
}

struct NodeDeserializer<'de> {
    node: &'de Node,
}

impl<'de> de::Deserializer<'de> for NodeDeserializer<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let node = self.node;
        let result = match &node.value {
            Value::String(s) | Value::Datetime(s) => visitor.visit_borrowed_str(s),
            Value::Integer(i) => visitor.visit_i64(*i),
            Value::Float(f) => visitor.visit_f64(*f),
            Value::Boolean(b) => visitor.visit_bool(*b),
            Value::Array(items) => visitor.visit_seq(SeqAccess {
                items: items.iter(),
            }),
            Value::Table(table) => visitor.visit_map(MapAccess {
                entries: table.iter(),
                value: None,
            }),
        };
        result.map_err(|err| err.located(&node.origin))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let origin = &self.node.origin;
        visitor.visit_some(self).map_err(|err| err.located(origin))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let node = self.node;
        match &node.value {
            Value::String(s) => visitor
                .visit_enum(s.as_str().into_deserializer())
                .map_err(|err: DeError| err.located(&node.origin)),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let origin = &self.node.origin;
        visitor
            .visit_newtype_struct(self)
            .map_err(|err| err.located(origin))
    }

    /// A value nobody reads is not walked: a snapshot's whole notice is skipped this way
    /// while its `[release]` table is typed.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

struct SeqAccess<'de> {
    items: std::slice::Iter<'de, Node>,
}

impl<'de> de::SeqAccess<'de> for SeqAccess<'de> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.items.next() {
            // Types that validate after reading (languages, dates) fail after the node's own
            // deserializer returned, so the element stamps its origin here too.
            Some(node) => seed
                .deserialize(NodeDeserializer { node })
                .map(Some)
                .map_err(|err| err.located(&node.origin)),
            None => Ok(None),
        }
    }
}

struct MapAccess<'de> {
    entries: indexmap::map::Iter<'de, String, Entry>,
    value: Option<&'de Node>,
}

impl<'de> de::MapAccess<'de> for MapAccess<'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((key, entry)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(&entry.node);
        let key_deserializer: de::value::BorrowedStrDeserializer<'de, DeError> =
            de::value::BorrowedStrDeserializer::new(key);
        seed.deserialize(key_deserializer)
            .map(Some)
            .map_err(|err| err.located(&entry.key_origin))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let node = self
            .value
            .take()
            .ok_or_else(|| <DeError as de::Error>::custom("value requested before key"))?;
        seed.deserialize(NodeDeserializer { node })
            .map_err(|err| err.located(&node.origin))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{SourceFile, parse};
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        count: Option<u8>,
        kind: Option<Kind>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        Processor,
        Controller,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
    }

    fn error_for(text: &str) -> Diagnostic {
        let file = SourceFile::new("t.toml", text.to_string());
        let node = parse(&file).unwrap();
        from_node::<Doc>(&node).unwrap_err()
    }

    #[test]
    fn unknown_key_points_at_the_key_and_suggests() {
        let err = error_for("[[items]]\nid = \"a\"\ncuont = 1\n");
        assert_eq!(err.message, "unknown key `cuont`");
        assert_eq!(err.location().unwrap(), "t.toml:3:1");
        assert_eq!(err.help, ["did you mean `count`?"]);
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let err = error_for("[[items]]\nid = \"a\"\ncount = \"many\"\n");
        assert_eq!(
            err.message,
            "wrong type: expected u8, found string \"many\""
        );
        assert_eq!(err.location().unwrap(), "t.toml:3:9");
    }

    #[test]
    fn missing_field_points_at_the_table() {
        let err = error_for("[[items]]\nid = \"a\"\n[[items]]\ncount = 2\n");
        assert_eq!(err.message, "missing required key `id`");
        assert_eq!(err.location().unwrap(), "t.toml:3:1");
    }

    #[test]
    fn unknown_variant_suggests() {
        let err = error_for("[[items]]\nid = \"a\"\nkind = \"procesor\"\n");
        assert_eq!(err.message, "unknown value `procesor`");
        assert_eq!(err.location().unwrap(), "t.toml:3:8");
        assert_eq!(
            err.help,
            ["did you mean `processor`? (expected `processor` or `controller`)"]
        );
    }
}
