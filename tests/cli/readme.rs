//! The README's TOML examples are real: every ```toml block names its path on its first line,
//! and together they form a project that builds.

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
}
