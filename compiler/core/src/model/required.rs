//! The allowed values of the model's required enum keys, for the "missing required key" error.
//!
//! serde tells a deserializer only the name of a missing field, not its type, so the values
//! come from this table. Each entry reads its values from the enum type itself (serde hands
//! every enum's variant names to `deserialize_enum`), so a renamed or added value cannot be
//! missed; a test checks that each field really has the enum the table names.

use serde::Deserialize;
use serde::de::{self, Visitor};

use super::{CookieCategory, RequirementKind};

/// The values a required key accepts, when the key is an enum: `category` (of a cookie) and
/// `kind` (of a data requirement). A recipient's `role` is optional, so it is not here.
pub fn required_enum_values(field: &str) -> Option<&'static [&'static str]> {
    match field {
        "category" => Some(variants::<CookieCategory>()),
        "kind" => Some(variants::<RequirementKind>()),
        _ => None,
    }
}

/// The names an enum deserialises from, as serde's derive lists them.
fn variants<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    match T::deserialize(VariantNames) {
        Err(Captured(names)) => names,
        Ok(_) => &[],
    }
}

/// A deserializer that holds no value: it only catches the variant names serde passes to
/// `deserialize_enum`.
struct VariantNames;

#[derive(Debug)]
struct Captured(&'static [&'static str]);

impl std::fmt::Display for Captured {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "variants {:?}", self.0)
    }
}

impl std::error::Error for Captured {}

impl de::Error for Captured {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Captured(&[])
    }
}

impl<'de> de::Deserializer<'de> for VariantNames {
    type Error = Captured;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Captured> {
        Err(Captured(&[]))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Captured> {
        Err(Captured(variants))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cookie, DataRequirement};
    use serde_json::json;

    /// The enum values a struct's field really accepts: serde's unknown-variant error for a
    /// value no enum has lists them.
    fn accepted<T: for<'de> Deserialize<'de> + std::fmt::Debug>(
        mut document: serde_json::Value,
        field: &str,
    ) -> String {
        document[field] = json!("no-such-value");
        serde_json::from_value::<T>(document)
            .unwrap_err()
            .to_string()
    }

    fn listed(field: &str) -> String {
        let values: Vec<String> = required_enum_values(field)
            .unwrap()
            .iter()
            .map(|v| format!("`{v}`"))
            .collect();
        values.join(", ")
    }

    /// If a field's type changes to another enum, or the table names the wrong one, the
    /// values differ.
    #[test]
    fn each_required_enum_key_lists_the_values_its_field_accepts() {
        let cases = [
            (
                "category",
                accepted::<Cookie>(
                    json!({ "id": "x", "name": "x", "provider": "x" }),
                    "category",
                ),
            ),
            ("kind", accepted::<DataRequirement>(json!({}), "kind")),
        ];
        for (field, error) in cases {
            assert!(
                error.contains(&format!("expected one of {}", listed(field))),
                "{field}: the table says {}, serde says {error}",
                listed(field)
            );
        }
        assert_eq!(
            required_enum_values("category").unwrap(),
            ["necessary", "preferences", "analytics", "marketing"]
        );
        // Optional keys are left out: a missing `role` is no error to explain.
        assert_eq!(required_enum_values("role"), None);
        assert_eq!(required_enum_values("name"), None);
    }
}
