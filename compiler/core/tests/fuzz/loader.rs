//! The loader, merge and typed model under arbitrary bytes and mutated TOML: every input loads,
//! renders and checks, or fails with a located diagnostic and exit 65. Never a panic.

use std::path::Path;

use notice_core::build::{RenderRequest, render_sites};
use notice_core::check::{CheckOptions, check};
use notice_core::error::Failure;
use notice_core::workspace::Workspace;
use proptest::prelude::*;

use crate::support::{config, project_copy};

const SITE: &str = "kahvila-aurinko";

/// Loads, renders and checks the site; `Err` is the first failure.
fn load_render_check(root: &Path) -> Result<(), Failure> {
    let workspace = Workspace::open(root)?;
    let sites = workspace.select(&[SITE.to_string()])?;
    workspace.load(&sites[0])?;
    let request = RenderRequest {
        sites: &sites,
        with_index: true,
        drafts: true,
        cache: None,
    };
    render_sites(&workspace, &request)?;
    let options = CheckOptions {
        sites: vec![SITE.to_string()],
    };
    match check(&workspace, &options)?.load_failure() {
        Some(failure) => Err(failure),
        None => Ok(()),
    }
}

fn assert_clean_failure(outcome: Result<(), Failure>, input: &str) {
    let Err(failure) = outcome else { return };
    // Printed as the command line prints it: rendering the diagnostics must not panic either.
    let printed = failure.to_string();
    assert!(!printed.is_empty(), "{input}");
    assert_eq!(failure.kind.exit_code(), 65, "{input}\n{failure}");
    assert!(
        failure
            .diagnostics
            .iter()
            .any(|d| d.origin.is_some() || d.path.is_some()),
        "no location for {input}\n{failure}"
    );
}

/// A TOML value of any type, written as TOML: what a user might type after `key = `.
fn toml_value() -> impl Strategy<Value = String> {
    let string = any::<String>().prop_map(|s| toml_string(&s));
    prop_oneof![
        string.clone(),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<bool>().prop_map(|b| b.to_string()),
        (0u16..3000, 0u8..15, 0u8..35).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        prop::collection::vec(string.clone(), 0..3).prop_map(|v| format!("[{}]", v.join(", "))),
        (string.clone(), string).prop_map(|(a, b)| format!("{{ id = {a}, fi = {b} }}")),
        "\\PC{0,12}",
    ]
}

/// A basic TOML string holding `text` exactly.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One edit of a source file, by line.
#[derive(Debug, Clone)]
enum Edit {
    /// Replace the value of the `n`th `key = value` line.
    Value(usize, String),
    /// Delete the `n`th line.
    Delete(usize),
    /// Repeat the `n`th line (a duplicate key, or a repeated table header).
    Repeat(usize),
    /// Insert `key = value` before the `n`th line.
    Insert(usize, String, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), toml_value()).prop_map(|(n, v)| Edit::Value(n, v)),
        any::<usize>().prop_map(Edit::Delete),
        any::<usize>().prop_map(Edit::Repeat),
        (any::<usize>(), "[a-z_]{1,12}", toml_value()).prop_map(|(n, k, v)| Edit::Insert(n, k, v)),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let count = lines.len().max(1);
    match edit {
        Edit::Value(n, value) => {
            let keyed: Vec<usize> = (0..lines.len())
                .filter(|&i| {
                    !lines[i].trim_start().starts_with(['#', '[']) && lines[i].contains(" = ")
                })
                .collect();
            if let Some(&i) = keyed.get(n % keyed.len().max(1)) {
                let key = lines[i].split(" = ").next().unwrap_or_default().to_string();
                lines[i] = format!("{key} = {value}");
            }
        }
        Edit::Delete(n) if !lines.is_empty() => {
            lines.remove(n % count);
        }
        Edit::Repeat(n) if !lines.is_empty() => {
            let line = lines[n % count].clone();
            lines.insert(n % count, line);
        }
        Edit::Insert(n, key, value) => {
            lines.insert(n % (lines.len() + 1), format!("{key} = {value}"))
        }
        _ => {}
    }
    lines.join("\n") + "\n"
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_in_a_source_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), replace in any::<bool>()) {
        let project = project_copy();
        let path = project.path().join(format!("content/{SITE}/notice.toml"));
        let mut source = if replace { Vec::new() } else { std::fs::read(&path).unwrap() };
        source.extend_from_slice(&bytes);
        std::fs::write(&path, &source).unwrap();
        assert_clean_failure(load_render_check(project.path()), &format!("{bytes:?}"));
    }

    #[test]
    fn mutated_sources_load_or_fail_with_a_location(
        edits in prop::collection::vec(edit(), 1..4),
        file in prop::sample::select(vec![
            "kahvila-aurinko/notice.toml",
            "_shared/toimisto-verkkoapu.toml",
            "_shared/fi-standard.toml",
            "project.toml",
        ]),
    ) {
        let project = project_copy();
        let path = project.path().join("content").join(file);
        let mut text = std::fs::read_to_string(&path).unwrap();
        for edit in &edits {
            text = apply(&text, edit);
        }
        std::fs::write(&path, &text).unwrap();
        assert_clean_failure(load_render_check(project.path()), &format!("{file}: {edits:?}"));
    }
}
