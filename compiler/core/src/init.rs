//! `notice init`: scaffolds a new project with the shared Finnish boilerplate and one example site.

use std::fs;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};

const PROJECT_SETTINGS: &str = r#"# Project settings for notice. See the README for every key.
title = { fi = "Tietosuojaselosteet", en = "Privacy notices" }
# Where site/ is published; used for canonical links.
# base_url = "https://notices.example"
# Languages for sites that do not declare their own; the first is primary.
languages = ["fi", "en"]
theme = "default"
"#;

const BOILERPLATE: &str = include_str!("../assets/fi-standard.toml");
const STARTER_SITE: &str = include_str!("../assets/scaffold/notice.toml");
/// The output, and the lock file beside it that builds take turns with.
const GITIGNORE: &str = "/site\n/.site.notice-lock\n";

/// The files `init` writes, relative to the project directory.
pub const FILES: [(&str, &str); 4] = [
    ("content/project.toml", PROJECT_SETTINGS),
    ("content/_shared/fi-standard.toml", BOILERPLATE),
    ("content/esimerkki/notice.toml", STARTER_SITE),
    (".gitignore", GITIGNORE),
];

/// Creates the project in `dir`. Refuses to overwrite anything: existing files are errors.
pub fn init(dir: &Path) -> Result<Vec<String>, Failure> {
    let existing: Vec<&str> = FILES
        .iter()
        .map(|(path, _)| *path)
        .filter(|path| dir.join(path).exists() && *path != ".gitignore")
        .collect();
    if let Some(first) = existing.first() {
        return Err(Failure::usage(
            Diagnostic::error("a notice project already exists here")
                .at_path(crate::source::display_path(&dir.join(first)))
                .help(
                    "run `notice init` in an empty directory, or `notice build` to build this one",
                ),
        ));
    }
    let mut created = Vec::new();
    for (path, text) in FILES {
        let target = dir.join(path);
        if path == ".gitignore" && target.exists() {
            continue;
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|err| io_error("create directory", parent, &err))?;
        }
        fs::write(&target, without_schema_directive(text))
            .map_err(|err| io_error("write file", &target, &err))?;
        created.push(path.to_string());
    }
    Ok(created)
}

/// The boilerplate's `#:schema` directive points into the notice repository, which a new
/// project does not have, so the line is left out (see the README for editor set-up).
fn without_schema_directive(text: &str) -> &str {
    if text.starts_with("#:schema ") {
        text.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        text
    }
}
