//! Loads one site: reads its source, resolves the `extends` chain of layers, merges them, and types the result.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::de;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error::Failure;
use crate::merge::{self, merge_table};
use crate::model::{Lang, Notice};
use crate::project::{Project, SiteEntry};
use crate::source::{self, Node, Origin, SourceFile, Table, Value};

/// A parsed layer file, its own `extends` taken out.
#[derive(Debug)]
struct Layer {
    name: String,
    extends: Vec<(String, Origin)>,
    table: Table,
}

/// Every layer of the project, parsed once and shared by all sites.
pub struct Layers {
    parsed: BTreeMap<String, Result<Layer, Failure>>,
}

impl Layers {
    /// Parses every layer file of the project; a broken one is reported by the sites using it.
    pub fn load(project: &Project) -> Layers {
        let parsed = project
            .layers
            .iter()
            .map(|name| {
                let layer = project
                    .read_source(&project.layer_path(name))
                    .and_then(|file| parse_layer(name, file));
                (name.clone(), layer)
            })
            .collect();
        Layers { parsed }
    }

    /// The layers a file's `extends` pulls in, in application order (each layer once).
    fn linearize<'a>(
        &'a self,
        extends: &[(String, Origin)],
        stack: &mut Vec<String>,
        out: &mut Vec<&'a Layer>,
    ) -> Result<(), Failure> {
        for (name, origin) in extends {
            if let Some(start) = stack.iter().position(|n| n == name) {
                let mut cycle = stack[start..].to_vec();
                cycle.push(name.clone());
                return Err(
                    Diagnostic::error(format!("circular layers: {}", cycle.join(" → ")))
                        .at(origin)
                        .help("a layer may not extend itself, directly or through others")
                        .into(),
                );
            }
            if out.iter().any(|layer| &layer.name == name) {
                continue;
            }
            let layer = match self.parsed.get(name) {
                Some(Ok(layer)) => layer,
                Some(Err(failure)) => return Err(failure.clone()),
                None => {
                    let mut err = Diagnostic::error(format!("unknown layer `{name}`"))
                        .at(origin)
                        .note(format!(
                            "layers are files in content/_shared/; found: {}",
                            if self.parsed.is_empty() {
                                "none".to_string()
                            } else {
                                self.parsed.keys().cloned().collect::<Vec<_>>().join(", ")
                            }
                        ));
                    if let Some(hint) = did_you_mean(name, self.parsed.keys().map(String::as_str)) {
                        err = err.help(hint);
                    }
                    return Err(err.into());
                }
            };
            stack.push(name.clone());
            self.linearize(&layer.extends, stack, out)?;
            stack.pop();
            out.push(layer);
        }
        Ok(())
    }
}

fn parse_layer(name: &str, file: Arc<SourceFile>) -> Result<Layer, Failure> {
    let (extends, table) = parse_with_extends(&file)?;
    Ok(Layer {
        name: name.to_string(),
        extends,
        table,
    })
}

/// Parses a source file, checks its ids, and separates `extends` from the content.
fn parse_with_extends(file: &Arc<SourceFile>) -> Result<(Vec<(String, Origin)>, Table), Failure> {
    let node = source::parse(file)?;
    merge::validate_ids(&node, "")?;
    let Value::Table(mut table) = node.value else {
        unreachable!("a TOML document is a table")
    };
    let extends = match table.shift_remove("extends") {
        None => Vec::new(),
        Some(entry) => layer_names(&entry.node)?,
    };
    Ok((extends, table))
}

fn layer_names(node: &Node) -> Result<Vec<(String, Origin)>, Diagnostic> {
    let wrong = |origin: &Origin, found: &str| {
        Diagnostic::error(format!(
            "wrong type: expected an array of layer names, found {found}"
        ))
        .at(origin)
        .help("write `extends = [\"fi-standard\"]`")
    };
    let Value::Array(items) = &node.value else {
        return Err(wrong(&node.origin, node.value.type_name()));
    };
    items
        .iter()
        .map(|item| match item.as_str() {
            Some(name) => Ok((name.to_string(), item.origin.clone())),
            None => Err(wrong(&item.origin, item.value.type_name())),
        })
        .collect()
}

/// A site after merging: the provenance tree and the typed notice.
#[derive(Debug, Clone)]
pub struct LoadedSite {
    /// The site's name (its directory under `content/`).
    pub name: String,
    /// Layer names in the order they were applied.
    pub layers: Vec<String>,
    /// The merged tree; every value keeps its origin.
    pub merged: Node,
    /// The typed notice.
    pub notice: Notice,
    /// Published languages, primary first.
    pub languages: Vec<Lang>,
}

impl LoadedSite {
    /// The primary language, the first published one.
    pub fn primary(&self) -> Lang {
        self.languages[0]
    }
}

/// Reads, layers, merges and types one site.
pub fn load_site(
    project: &Project,
    layers: &Layers,
    site: &SiteEntry,
) -> Result<LoadedSite, Failure> {
    let file = project.read_source(&site.source)?;
    let (extends, own) = parse_with_extends(&file)?;
    let mut applied = Vec::new();
    layers.linearize(&extends, &mut Vec::new(), &mut applied)?;

    let mut merged = Table::new();
    for layer in &applied {
        merge_table(&mut merged, layer.table.clone(), "")?;
    }
    merge_table(&mut merged, own, "")?;
    let merged = Node {
        value: Value::Table(merged),
        origin: Origin::new(&file, 0..0),
    };
    let notice: Notice = de::from_node(&merged)?;
    check_custom_section_ids(&merged)?;
    check_purposes_are_named(&notice, &merged)?;
    let languages = notice
        .languages
        .as_ref()
        .unwrap_or(&project.settings.languages)
        .to_vec();
    Ok(LoadedSite {
        name: site.name.clone(),
        layers: applied.iter().map(|layer| layer.name.clone()).collect(),
        merged,
        notice,
        languages,
    })
}

/// `title` is optional, so a purpose that a real notice describes in one paragraph needs no
/// invented heading; but a purpose with neither a title nor a description would be an empty
/// entry on the page, so it is refused at its item (the last file that touched it).
fn check_purposes_are_named(notice: &Notice, merged: &Node) -> Result<(), Diagnostic> {
    let Some(purpose) = notice
        .purposes
        .iter()
        .find(|p| p.title.is_none() && p.description.is_none())
    else {
        return Ok(());
    };
    let origin = item_origin(merged, "purposes", &purpose.id).unwrap_or(&merged.origin);
    Err(Diagnostic::error(format!(
        "purpose `{}` has neither a `title` nor a `description`",
        purpose.id
    ))
    .at(origin)
    .help(
        "add `description = \"…\"` saying what is done with the data, or a short `title = \"…\"`",
    ))
}

/// The merged node of the list item `id` of `list`.
fn item_origin<'a>(merged: &'a Node, list: &str, id: &str) -> Option<&'a Origin> {
    let Value::Array(items) = &merged.as_table()?.get(list)?.node.value else {
        return None;
    };
    items
        .iter()
        .find(|item| {
            item.as_table()
                .and_then(|t| t.get("id"))
                .and_then(|e| e.node.as_str())
                == Some(id)
        })
        .map(|item| &item.origin)
}

fn check_custom_section_ids(merged: &Node) -> Result<(), Diagnostic> {
    let Some(Value::Array(items)) = merged
        .as_table()
        .and_then(|t| t.get("sections"))
        .map(|e| &e.node.value)
    else {
        return Ok(());
    };
    for item in items {
        let Some(id) = item.as_table().and_then(|t| t.get("id")) else {
            continue;
        };
        if let Some(name) = id
            .node
            .as_str()
            .filter(|name| crate::model::reserved_ids().any(|id| id == *name))
        {
            return Err(Diagnostic::error(format!(
                "custom section id `{name}` is taken by a standard section"
            ))
            .at(&id.node.origin)
            .help(format!("choose another id, like `{name}-lisatiedot`")));
        }
    }
    Ok(())
}
