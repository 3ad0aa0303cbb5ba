//! `notice init`: scaffolds a new project with the shared Finnish boilerplate and one example
//! site that passes `notice check --strict`, the JSON Schemas its `#:schema` lines point at, and
//! optionally a GitHub workflow and a Netlify configuration.

use std::fs;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};
use crate::model::Date;

const PROJECT_SETTINGS: &str = r#"#:schema ../schema/project.schema.json
# Project settings for notice. See the README for every key.
title = { fi = "Tietosuojaselosteet", en = "Privacy notices" }
# Where site/ is published; used for canonical links.
# base_url = "https://notices.example"
# Languages for sites that do not declare their own; the first is primary.
languages = ["fi", "en"]
theme = "default"
"#;

const BOILERPLATE: &str = include_str!("../assets/fi-standard.toml");
const STARTER_SITE: &str = include_str!("../assets/scaffold/notice.toml");
const GITHUB_WORKFLOW: &str = include_str!("../assets/scaffold/notice.yml");
const NETLIFY: &str = include_str!("../assets/scaffold/netlify.toml");
const RUST_TOOLCHAIN: &str = include_str!("../assets/scaffold/rust-toolchain.toml");
/// The output, and the lock file beside it that builds take turns with.
const GITIGNORE: &str = "/site\n/.site.notice-lock\n";
/// Where the starter site's `updated` date goes: the day the project is created.
const TODAY: &str = "{{today}}";
/// The `#:schema` line of the sources, relative to `content/<dir>/`. A new project has no copy
/// of the notice repository, so `init` writes the schemas into the project (`schema/`): they
/// work offline, and they match the binary that wrote the project.
const SOURCE_SCHEMA_DIRECTIVE: &str = "#:schema ../../schema/notice.schema.json\n";

/// What `notice init` writes besides the project itself.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The date the starter site's current version takes effect (`updated`): today, in UTC.
    pub today: Date,
    /// Also write `.github/workflows/notice.yml`, which runs the notice GitHub Action.
    pub github: bool,
    /// Also write `netlify.toml` and `rust-toolchain.toml` for deploying on Netlify.
    pub netlify: bool,
}

/// The files `init` writes for `options`, relative to the project directory, with their text.
pub fn files(options: &Options) -> Vec<(&'static str, String)> {
    let mut files = vec![
        (
            "schema/notice.schema.json",
            crate::schema::to_text(&crate::schema::source_schema()),
        ),
        (
            "schema/project.schema.json",
            crate::schema::to_text(&crate::schema::project_schema()),
        ),
        ("content/project.toml", PROJECT_SETTINGS.to_string()),
        (
            "content/_shared/fi-standard.toml",
            format!(
                "{SOURCE_SCHEMA_DIRECTIVE}{}",
                without_schema_directive(BOILERPLATE)
            ),
        ),
        (
            "content/esimerkki/notice.toml",
            STARTER_SITE.replace(TODAY, &options.today.to_string()),
        ),
    ];
    if options.github {
        files.push((".github/workflows/notice.yml", GITHUB_WORKFLOW.to_string()));
    }
    if options.netlify {
        files.push(("netlify.toml", NETLIFY.to_string()));
        files.push(("rust-toolchain.toml", RUST_TOOLCHAIN.to_string()));
    }
    files.push((".gitignore", GITIGNORE.to_string()));
    files
}

/// Creates the project in `dir`. Refuses to overwrite anything: an existing file is an error,
/// except `.gitignore`, which is kept as it is.
pub fn init(dir: &Path, options: &Options) -> Result<Vec<String>, Failure> {
    let files = files(options);
    let existing = files
        .iter()
        .map(|(path, _)| *path)
        .find(|path| *path != ".gitignore" && dir.join(path).exists());
    if let Some(first) = existing {
        return Err(Failure::usage(
            Diagnostic::error("a notice project already exists here")
                .at_path(crate::source::display_path(&dir.join(first)))
                .help(
                    "run `notice init` in an empty directory, or `notice build` to build this one",
                ),
        ));
    }
    let mut created = Vec::new();
    for (path, text) in files {
        let target = dir.join(path);
        if path == ".gitignore" && target.exists() {
            continue;
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|err| io_error("create directory", parent, &err))?;
        }
        fs::write(&target, text).map_err(|err| io_error("write file", &target, &err))?;
        created.push(path.to_string());
    }
    Ok(created)
}

/// The boilerplate's `#:schema` directive points into the notice repository; a new project
/// gets its own (`SOURCE_SCHEMA_DIRECTIVE`) instead.
fn without_schema_directive(text: &str) -> &str {
    if text.starts_with("#:schema ") {
        text.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_site_is_dated_with_the_given_day() {
        let today = Date {
            year: 2031,
            month: 2,
            day: 3,
        };
        let options = Options {
            today,
            github: false,
            netlify: false,
        };
        let files = files(&options);
        let (_, site) = files
            .iter()
            .find(|(path, _)| *path == "content/esimerkki/notice.toml")
            .unwrap();
        assert!(site.contains("\nupdated = 2031-02-03\n"), "{site}");
    }
}
