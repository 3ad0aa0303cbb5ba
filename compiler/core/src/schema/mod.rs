//! JSON Schemas of the source format, for editors (Taplo, Even Better TOML) and independent validators.
//!
//! One schema covers layer and site files alike. What is required is decided after merging
//! (a layer may supply it), so a single file requires nothing except each list item's `id`.
//! `content/project.toml` has a schema of its own. Both are written in JSON Schema draft-04, the
//! draft every TOML editor tool understands. A test checks that the schema and the model accept
//! exactly the same keys, so the two cannot drift apart.

mod source;

use serde_json::{Map, Value, json};

pub use source::source_schema;

/// Where the schemas are committed, relative to the repository root; example sources point
/// at them with a `#:schema` directive.
pub const SOURCE_SCHEMA_PATH: &str = "compiler/schema/notice.schema.json";
/// Where the committed schema of `content/project.toml` lives, from the repository root.
pub const PROJECT_SCHEMA_PATH: &str = "compiler/schema/project.schema.json";

const DRAFT: &str = "http://json-schema.org/draft-04/schema#";

/// A schema as the text `notice schema` prints: pretty JSON with a final newline.
pub fn to_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The schema of `content/project.toml`.
pub fn project_schema() -> Value {
    let mut schema = object(
        "Project settings for notice: content/project.toml. Not merged with anything.",
        vec![
            ("title", text("Title of the index page.")),
            (
                "base_url",
                web_address(
                    "Where site/ is published, e.g. https://notices.example. Adds canonical and hreflang links.",
                ),
            ),
            (
                "languages",
                languages(
                    "Languages for sites that declare none; the first is primary and the index page's language.",
                ),
            ),
            (
                "theme",
                json!({
                    "description": "Theme name: a folder under themes/, [a-z0-9-]+; default \"default\" (built in).",
                    "type": "string",
                    "pattern": "^[a-z0-9-]+$",
                }),
            ),
        ],
    );
    schema["required"] = json!(["languages"]);
    with_header(&mut schema, "notice project settings");
    schema
}

/// Puts `$schema` and `title` first, as editors expect, and the shared definitions last.
fn with_header(schema: &mut Value, title: &str) {
    let mut header = Map::new();
    header.insert("$schema".into(), json!(DRAFT));
    header.insert("title".into(), json!(title));
    if let Value::Object(body) = schema.take() {
        header.extend(body);
    }
    header.insert("definitions".into(), json!({ "text": text_definition() }));
    *schema = Value::Object(header);
    unknown_keys_where_they_are(schema);
}

fn object(description: &str, properties: Vec<(&str, Value)>) -> Value {
    json!({
        "description": description,
        "type": "object",
        "additionalProperties": false,
        "properties": Map::from_iter(properties.into_iter().map(|(k, v)| (k.to_string(), v))),
    })
}

/// An array of tables merged by `id` across layers; `{ id = "x", remove = true }` deletes an
/// inherited item and may hold no other keys.
fn list(description: &str, properties: Vec<(&str, Value)>) -> Value {
    let mut all = vec![
        (
            "id",
            json!({
                "description": "Merge key across layers: lowercase a-z, 0-9 and -.",
                "type": "string",
                "pattern": "^[a-z0-9-]+$",
            }),
        ),
        (
            "remove",
            json!({
                "description": "Deletes the inherited item with this id; takes no other keys.",
                "enum": [true],
            }),
        ),
    ];
    all.extend(properties);
    let mut item = object(description, all);
    item["required"] = json!(["id"]);
    item["dependencies"] = json!({ "remove": { "maxProperties": 2 } });
    json!({ "description": description, "type": "array", "items": item })
}

/// Lets every value of a source file be the removal marker `{ remove = true }` instead, as
/// merging allows (every property except `extends` and a list item's `id` and `remove`).
///
/// Taplo reports an error about a table at every key and value inside it, so a table is never
/// wrapped in `anyOf` (one unknown key would fail both forms and flag the whole table): a table
/// takes `remove` as one more key, allowed only alone; a list may be a table holding `remove`
/// instead (each keyword applies to its own type). Other values become
/// `anyOf: [their shape, #/definitions/remove]`, their description kept on top for editors.
fn removable(schema: &mut Value) {
    if let Some(items) = schema.get_mut("items") {
        removable(items);
    }
    // Not into `anyOf` forms: those are language tables (`website`), which merge as one value.
    let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for (key, value) in properties.iter_mut() {
        if ["extends", "id", "remove"].contains(&key.as_str()) {
            continue;
        }
        removable(value);
        match value["type"].as_str() {
            Some("object") => {
                value["properties"]["remove"] = remove_key();
                value["dependencies"] = json!({ "remove": { "maxProperties": 1 } });
            }
            Some("array") => {
                value["type"] = json!(["array", "object"]);
                value["properties"] = json!({ "remove": remove_key() });
                value["required"] = json!(["remove"]);
                value["additionalProperties"] = json!(false);
            }
            _ => {
                let description = value
                    .as_object_mut()
                    .and_then(|shape| shape.remove("description"))
                    .unwrap_or(Value::Null);
                *value = json!({
                    "description": description,
                    "anyOf": [value.take(), { "$ref": "#/definitions/remove" }],
                });
            }
        }
    }
}

/// The `remove` key of a table that may be the removal marker.
fn remove_key() -> Value {
    json!({
        "description": "Deletes the inherited value at this key; takes no other keys. Removing what no earlier layer set is an error.",
        "enum": [true],
    })
}

/// Taplo reports `additionalProperties: false` at every key and value of the table, once per
/// key (hundreds of copies for the top level), so an unknown key is refused where it is
/// instead: its value matches no schema, which Taplo reports once, at that key.
fn unknown_keys_where_they_are(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                if key == "additionalProperties" && *value == json!(false) {
                    // Validators print the `not` schema in their message: it names the problem.
                    *value = json!({
                        "description": "No other keys: check the spelling.",
                        "not": { "title": "unknown key: check its spelling" },
                    });
                } else {
                    unknown_keys_where_they_are(value);
                }
            }
        }
        Value::Array(values) => values.iter_mut().for_each(unknown_keys_where_they_are),
        _ => {}
    }
}

/// The removal marker: a table holding exactly `remove = true`.
fn remove_definition() -> Value {
    json!({
        "description": "Deletes the inherited value at this key; removing what no earlier layer set is an error.",
        "type": "object",
        "additionalProperties": false,
        "required": ["remove"],
        "properties": { "remove": { "enum": [true] } },
    })
}

fn string(description: &str) -> Value {
    json!({ "description": description, "type": "string" })
}

fn web_address(description: &str) -> Value {
    json!({ "description": description, "type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://" })
}

fn enumeration(description: &str, values: &[&str]) -> Value {
    json!({ "description": description, "type": "string", "enum": values })
}

fn languages(description: &str) -> Value {
    json!({
        "description": description,
        "type": "array",
        "minItems": 1,
        "items": { "enum": ["fi", "sv", "en"] },
    })
}

/// A Text field: its own description, the shape from `definitions.text`.
fn text(description: &str) -> Value {
    json!({ "description": description, "allOf": [{ "$ref": "#/definitions/text" }] })
}

/// Text: one string for every language, or a table of languages.
fn text_definition() -> Value {
    json!({
        "description": "The same string in every language, or a table of languages: { fi = \"…\", sv = \"…\", en = \"…\" }.",
        "anyOf": [
            { "type": "string" },
            {
                "type": "object",
                "additionalProperties": false,
                "minProperties": 1,
                "properties": {
                    "fi": { "description": "Finnish.", "type": "string" },
                    "sv": { "description": "Swedish.", "type": "string" },
                    "en": { "description": "English.", "type": "string" },
                },
            },
        ],
    })
}

fn markdown(description: &str) -> Value {
    text(&format!("{description} Markdown."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Notice, Settings};
    use serde::Deserialize;

    /// A document that sets every key the schema allows (except `extends`, `remove` and the
    /// removal marker, which never reach the model).
    fn every_key(root: &Value, schema: &Value) -> Value {
        if let Some(values) = schema.get("enum") {
            return values[0].clone();
        }
        if let Some(forms) = schema.get("anyOf").and_then(Value::as_array) {
            // A removable value: its own shape, not the marker (which never reaches the model).
            let removal = json!({ "$ref": "#/definitions/remove" });
            if forms.last() == Some(&removal) {
                return every_key(root, &forms[0]);
            }
            return every_key(root, &forms[1]);
        }
        if let Some(reference) = schema["allOf"][0]["$ref"].as_str() {
            let name = reference.strip_prefix("#/definitions/").unwrap();
            return every_key(root, &root["definitions"][name]);
        }
        // A list that may also be the removal marker is a list here.
        let kind = schema["type"].as_str().or(schema["type"][0].as_str());
        match kind {
            Some("object") => Value::Object(
                schema["properties"]
                    .as_object()
                    .unwrap()
                    .iter()
                    .filter(|(key, _)| *key != "extends" && *key != "remove")
                    .map(|(key, value)| (key.clone(), every_key(root, value)))
                    .collect(),
            ),
            Some("array") => json!([every_key(root, &schema["items"])]),
            Some("boolean") => json!(false),
            Some("integer") => json!(13),
            Some("string") if schema["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" => {
                json!("2025-12-01")
            }
            Some("string") if schema["pattern"] == "^[Hh][Tt][Tt][Pp][Ss]?://" => {
                json!("https://notices.example")
            }
            Some("string") if schema["format"] == "email" => json!("tietosuoja@example.fi"),
            Some("string") if schema["pattern"] == source::PHONE_PATTERN => json!("029 566 6700"),
            Some("string") => json!("x"),
            other => panic!("unexpected schema type {other:?}"),
        }
    }

    /// The model rejects unknown keys, so it accepts everything the schema lists only if the
    /// schema lists nothing extra; and it serialises every field it has (absent ones as null),
    /// so the round trip equals the document only if the schema lists every field.
    #[test]
    fn the_source_schema_lists_exactly_the_model_keys() {
        let schema = source_schema();
        let document = every_key(&schema, &schema);
        let notice = Notice::deserialize(&document).unwrap();
        assert_eq!(serde_json::to_value(&notice).unwrap(), document);
    }

    /// Every value but `extends` and a list item's `id` may be the removal marker: a scalar or
    /// text as an `anyOf` form, a table through a `remove` key allowed alone, a list as a table
    /// holding `remove`.
    #[test]
    fn the_source_schema_accepts_the_removal_marker_wherever_merging_does() {
        let schema = source_schema();
        let removable = &schema["properties"];
        for path in [
            &removable["controller"]["properties"]["phone"],
            &removable["authority"]["properties"]["visiting_address"],
            &removable["intros"]["properties"]["cookies"],
            &removable["rights"]["items"]["properties"]["body"],
        ] {
            assert_eq!(path["anyOf"][1]["$ref"], "#/definitions/remove", "{path}");
        }
        for table in [&removable["security"], &removable["controller"]] {
            assert_eq!(
                table["properties"]["remove"]["enum"],
                json!([true]),
                "{table}"
            );
            assert_eq!(table["dependencies"]["remove"]["maxProperties"], 1);
            assert!(table.get("anyOf").is_none(), "{table}");
        }
        let list = &removable["rights"];
        assert_eq!(list["type"], json!(["array", "object"]));
        assert_eq!(list["required"], json!(["remove"]));
        assert_eq!(list["properties"]["remove"]["enum"], json!([true]));
        assert!(removable["extends"].get("anyOf").is_none());
        let item = &removable["rights"]["items"]["properties"];
        assert!(item["id"].get("anyOf").is_none() && item["remove"].get("anyOf").is_none());
        let website = &removable["authority"]["properties"]["website"]["anyOf"][0];
        assert!(
            website["anyOf"][1]["properties"]["fi"]
                .get("anyOf")
                .is_none()
        );
        assert_eq!(
            schema["definitions"]["remove"]["required"],
            json!(["remove"])
        );
    }

    /// No table refuses an unknown key with `additionalProperties: false`, which Taplo reports
    /// at every key of the table; the key's own value is refused instead.
    #[test]
    fn no_table_refuses_unknown_keys_as_a_whole() {
        for schema in [source_schema(), project_schema()] {
            let text = to_text(&schema);
            let whole = text.matches("\"additionalProperties\": false").count();
            // Only the removal marker, which is one form of an `anyOf` anyway.
            assert!(whole <= 1, "{whole} in {text}");
        }
    }

    #[test]
    fn the_project_schema_lists_exactly_the_settings_keys() {
        let schema = project_schema();
        let document = every_key(&schema, &schema);
        let settings = Settings::deserialize(&document).unwrap();
        assert_eq!(serde_json::to_value(&settings).unwrap(), document);
    }

    #[test]
    fn the_schema_starts_with_its_draft() {
        let text = to_text(&source_schema());
        assert!(
            text.starts_with(
                "{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"title\""
            ),
            "{text}"
        );
    }
}
