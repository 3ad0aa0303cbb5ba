//! `notice schema`: the committed schema files are its exact output, and every example source
//! points at the right one with a `#:schema` directive, so editors validate and complete them.

use crate::support::{Project, repo_root};

#[test]
fn committed_schemas_are_the_generated_ones() {
    let project = Project::empty();
    for (args, path) in [
        (&["schema"][..], "compiler/schema/notice.schema.json"),
        (
            &["schema", "--project"][..],
            "compiler/schema/project.schema.json",
        ),
    ] {
        let generated = project.run(args).expect(0).stdout();
        let committed = std::fs::read_to_string(repo_root().join(path)).unwrap();
        assert!(
            generated == committed,
            "{path} is stale: run `cargo run -- {}` > {path}",
            args.join(" ")
        );
    }
}

#[test]
fn every_example_source_names_its_schema() {
    let content = repo_root().join("content");
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        // Released snapshots (`<site>/history/`) are written by `notice release`, not edited.
        if path.extension().is_none_or(|ext| ext != "toml")
            || path.components().any(|c| c.as_os_str() == "history")
        {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let first = text.lines().next().unwrap_or_default();
        let target = first
            .strip_prefix("#:schema ")
            .unwrap_or_else(|| panic!("{} does not start with `#:schema`", path.display()));
        let expected = if path.ends_with("content/project.toml") {
            "project.schema.json"
        } else {
            "notice.schema.json"
        };
        let resolved = path.parent().unwrap().join(target).canonicalize().unwrap();
        assert_eq!(
            resolved,
            repo_root()
                .join("compiler/schema")
                .join(expected)
                .canonicalize()
                .unwrap(),
            "{}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 7, "found only {checked} example sources");
}
