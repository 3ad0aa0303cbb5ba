//! `notice init`: a new project that starts green, finds its schemas, carries today's date,
//! and optionally a GitHub workflow and a Netlify configuration.

use std::path::Path;

use crate::support::Project;

#[test]
fn init_scaffolds_a_project_that_builds() {
    let project = Project::empty();
    let stdout = project.run(&["init", "uusi"]).expect(0).stdout();
    assert!(stdout.contains("content/esimerkki/notice.toml"), "{stdout}");
    let run = project.run(&["build", "--root", "uusi"]).expect(0);
    assert!(run.stdout().contains("built"), "{}", run.stdout());
    let page = project.read("uusi/site/esimerkki/index.html");
    assert!(
        page.contains("Lintulahdenkuja 4, 00530 Helsinki"),
        "the boilerplate carries the current address"
    );
    assert!(!page.contains("Ratapihantie"));
    let again = project.run(&["init", "uusi"]).expect(2);
    assert!(
        again
            .stderr()
            .contains("a notice project already exists here")
    );
}

/// Issue 17: `notice check` reported 2 errors and a warning on a fresh project.
#[test]
fn notice_init_then_check_strict_exits_0() {
    let project = Project::empty();
    project.run(&["init", "uusi"]).expect(0);
    let run = project
        .run(&["check", "--strict", "--root", "uusi"])
        .expect(0);
    assert!(run.stdout().contains("no findings"), "{}", run.stdout());
}

/// Every TOML file init writes names its schema, and the schema is there: a relative path
/// leads to a file in the project, a URL is the public schema of a third-party format.
#[test]
fn every_toml_file_init_writes_has_a_schema_directive_that_resolves() {
    let project = Project::empty();
    project
        .run(&["init", "--github", "--netlify", "uusi"])
        .expect(0);
    let root = project.path().join("uusi");
    let tomls: Vec<_> = walkdir::WalkDir::new(&root)
        .into_iter()
        .map(|entry| entry.unwrap().into_path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    assert_eq!(tomls.len(), 5, "{tomls:?}");
    for path in tomls {
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap_or_default();
        let target = first
            .strip_prefix("#:schema ")
            .unwrap_or_else(|| panic!("{} starts with {first:?}", path.display()));
        if target.starts_with("https://") {
            assert!(
                !path.starts_with(root.join("content")),
                "{}",
                path.display()
            );
            continue;
        }
        let schema = path.parent().unwrap().join(target);
        let schema_text = std::fs::read_to_string(&schema)
            .unwrap_or_else(|err| panic!("{}: {target}: {err}", path.display()));
        let parsed: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
        assert!(parsed.get("properties").is_some(), "{}", schema.display());
    }
    let written = project.read("uusi/schema/notice.schema.json");
    let current = project.run(&["schema"]).expect(0).stdout();
    assert_eq!(
        written, current,
        "the schema matches the binary that wrote it"
    );
}

/// The starter site's `updated` is the day `init` ran (UTC), not a date fixed in the template.
#[test]
fn init_dates_the_starter_notice_today() {
    let before = notice_core::history::today_utc().to_string();
    let project = Project::empty();
    project.run(&["init", "uusi"]).expect(0);
    let after = notice_core::history::today_utc().to_string();
    let site = project.read("uusi/content/esimerkki/notice.toml");
    let updated = site
        .lines()
        .find_map(|line| line.strip_prefix("updated = "))
        .expect("an updated line");
    assert!(
        updated == before || updated == after,
        "updated = {updated}, today is {before}"
    );
    assert!(!site.contains("{{"), "no template placeholder is left");
}

#[test]
fn init_ignores_the_output_folder() {
    let project = Project::empty();
    project.run(&["init", "uusi"]).expect(0);
    let ignore = project.read("uusi/.gitignore");
    assert!(ignore.lines().any(|line| line == "/site"), "{ignore}");
}

#[test]
fn init_github_writes_a_workflow_that_runs_the_action() {
    let project = Project::empty();
    let stdout = project
        .run(&["init", "--github", "uusi"])
        .expect(0)
        .stdout();
    assert!(stdout.contains(".github/workflows/notice.yml"), "{stdout}");
    let workflow = project.read("uusi/.github/workflows/notice.yml");
    assert!(workflow.contains("uses: OWNER/notice@main"), "{workflow}");
    assert!(workflow.contains("base: ${{ github.base_ref }}"));
    assert!(workflow.contains("concurrency:"));
    assert!(workflow.contains("pull-requests: write"));
    assert!(!Path::new(&project.path().join("uusi/netlify.toml")).exists());
}

#[test]
fn init_netlify_writes_a_build_that_installs_notice_with_a_cache() {
    let project = Project::empty();
    project.run(&["init", "--netlify", "uusi"]).expect(0);
    let config: toml::Table = toml::from_str(&project.read("uusi/netlify.toml")).unwrap();
    let build = config["build"].as_table().unwrap();
    assert_eq!(build["publish"].as_str(), Some("site"));
    let command = build["command"].as_str().unwrap();
    assert!(command.contains("cargo install --locked"), "{command}");
    assert!(
        command.contains(".notice-ref"),
        "installs only when the ref changed"
    );
    assert!(command.ends_with("notice build"), "{command}");
    let environment = build["environment"].as_table().unwrap();
    assert!(environment.contains_key("NOTICE_REF"));
    let toolchain: toml::Table = toml::from_str(&project.read("uusi/rust-toolchain.toml")).unwrap();
    assert_eq!(toolchain["toolchain"]["channel"].as_str(), Some("stable"));
    assert!(!project.path().join("uusi/.github").exists());
}

/// The README's workflow for a content-only repository is the one `notice init --github`
/// writes (comments and blank lines aside), so the documented example cannot drift.
#[test]
fn readme_content_repository_workflow_is_the_one_init_writes() {
    let readme = std::fs::read_to_string(crate::support::repo_root().join("README.md")).unwrap();
    let start = readme
        .find("```yaml\n# .github/workflows/notice.yml\n")
        .expect("the README shows the workflow");
    let block = &readme[start + "```yaml\n".len()..];
    let block = &block[..block.find("```").unwrap()];
    let project = Project::empty();
    project.run(&["init", "--github", "uusi"]).expect(0);
    let written = project.read("uusi/.github/workflows/notice.yml");
    let significant = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(significant(block), significant(&written));
}
