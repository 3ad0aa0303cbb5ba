//! The README's TOML examples are real: every ```toml block names its path on its first line,
//! and together they form a project that builds and passes `notice check --strict`. The README's
//! table of check rules matches the rule registry.

use crate::support::{Project, repo_root};

#[test]
fn readme_toml_examples_build() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let project = Project::empty();
    let mut files = Vec::new();
    let mut rest = readme.as_str();
    while let Some(start) = rest.find("```toml\n") {
        let body = &rest[start + 8..];
        let end = body.find("```").expect("unclosed toml block");
        let block = &body[..end];
        let path = block
            .lines()
            .next()
            .and_then(|line| line.strip_prefix("# "))
            .unwrap_or_else(|| panic!("a README toml block must start with `# <path>`:\n{block}"));
        assert!(
            path.starts_with("content/") && path.ends_with(".toml"),
            "bad path {path}"
        );
        project.write(path, block);
        files.push(path.to_string());
        rest = &body[end + 3..];
    }
    assert!(
        files.iter().any(|f| f.ends_with("/notice.toml")),
        "no site example in README: {files:?}"
    );
    let standard =
        std::fs::read_to_string(repo_root().join("content/_shared/fi-standard.toml")).unwrap();
    project.write("content/_shared/fi-standard.toml", &standard);
    let run = project.run(&["build"]);
    assert_eq!(
        run.code(),
        0,
        "README examples do not build:\n{}",
        run.stderr()
    );
    let check = project.run(&["check", "--strict"]);
    assert_eq!(
        check.code(),
        0,
        "README examples fail notice check:\n{}",
        check.stderr()
    );
}

/// The README's table of `notice check` rules has one row per rule, saying exactly what the
/// registry says.
#[test]
fn readme_lists_every_check_rule() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let rows: Vec<&str> = readme
        .lines()
        .filter(|line| line.starts_with("| `") && line.split(" | ").count() == 5)
        .filter(|line| {
            let severity = line.split(" | ").nth(2).unwrap_or_default();
            severity == "error" || severity == "warning"
        })
        .collect();
    let expected: Vec<String> = notice_core::check::RULES
        .iter()
        .map(|rule| {
            let severity = match rule.severity {
                notice_core::diagnostic::Severity::Error => "error",
                notice_core::diagnostic::Severity::Warning => "warning",
            };
            format!(
                "| `{}` | {} | {severity} | {} | {} |",
                rule.id,
                rule.article.unwrap_or("—"),
                rule.checks,
                rule.help
            )
        })
        .collect();
    assert_eq!(rows, expected);
}

/// Every test the README's Guarantees table names exists, so a promise cannot outlive the test
/// that shows it.
#[test]
fn every_test_named_in_the_guarantees_exists() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let start = readme.find("## Guarantees").expect("a Guarantees section");
    let section = &readme[start..];
    let section = &section[..section[3..]
        .find("\n## ")
        .map_or(section.len(), |end| end + 3)];
    let mut sources = String::new();
    for dir in [
        "tests/cli",
        "compiler/core/src",
        "compiler/core/tests",
        "compiler/cli/src",
    ] {
        for entry in walkdir::WalkDir::new(repo_root().join(dir)) {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "rs") {
                sources.push_str(&std::fs::read_to_string(entry.path()).unwrap());
            }
        }
    }
    let mut named = 0;
    for row in section.lines().filter(|line| line.starts_with("| **")) {
        let tests = row.rsplit('|').nth(1).expect("a last column");
        for name in tests.split('`').skip(1).step_by(2) {
            let function = name.rsplit("::").next().unwrap();
            assert!(
                sources.contains(&format!("fn {function}(")),
                "the Guarantees table names `{name}`, which is no test"
            );
            named += 1;
        }
    }
    assert!(named >= 10, "only {named} tests named");
}
