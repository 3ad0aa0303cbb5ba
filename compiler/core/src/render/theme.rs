//! Themes: minijinja templates (autoescaped, strict undefined) and static assets, built in or from `themes/<name>/`, overridable file by file.

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};
use crate::files::files_under;
use crate::project::Project;
use crate::source::{Origin, SourceFile, display_path};

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_str!(concat!("../../theme/templates/", $name)))),*]
    };
}

/// The default theme, compiled in so a project made by `notice init` needs no theme files.
const BUILTIN_TEMPLATES: [(&str, &str); 24] = builtin!(
    "base.html",
    "page.html",
    "notice-body.html",
    "section.html",
    "index.html",
    "changes.html",
    "changes.xml",
    "macros.html",
    "sections/controller.html",
    "sections/contact.html",
    "sections/register_name.html",
    "sections/purposes.html",
    "sections/data_categories.html",
    "sections/sources.html",
    "sections/recipients.html",
    "sections/transfers.html",
    "sections/retention.html",
    "sections/data_requirement.html",
    "sections/automated_decisions.html",
    "sections/cookies.html",
    "sections/security.html",
    "sections/rights.html",
    "sections/authority.html",
    "sections/custom.html",
);

const BUILTIN_ASSETS: [(&str, &[u8]); 1] = [(
    "notice.css",
    include_bytes!("../../theme/static/notice.css"),
)];

/// A loaded theme: a ready template environment and the assets to publish under `assets/`,
/// and the Markdown every page rendered with it shares.
pub struct Theme {
    env: Environment<'static>,
    /// Rendered Markdown shared by every page of this theme.
    pub markdown: super::markdown::Memo,
    /// Template name → the file it came from, for error locations.
    files: BTreeMap<String, Arc<SourceFile>>,
    /// Static files, published under `assets/`.
    pub assets: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// Loads the built-in default theme, then lays the project's `themes/<name>/` over it:
    /// a template or asset there replaces the built-in one of the same name.
    pub fn load(project: &Project) -> Result<Theme, Failure> {
        let mut files: BTreeMap<String, Arc<SourceFile>> = BUILTIN_TEMPLATES
            .iter()
            .map(|(name, text)| {
                let display = format!("(built-in) themes/default/templates/{name}");
                (name.to_string(), SourceFile::new(display, text.to_string()))
            })
            .collect();
        let mut assets: BTreeMap<String, Vec<u8>> = BUILTIN_ASSETS
            .iter()
            .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
            .collect();
        let dir = project.theme_dir();
        if dir.is_dir() {
            project.ensure_inside(&dir)?;
            // Links are followed only while they stay inside the project.
            let within = Some(project.canonical_root());
            for (name, path) in files_under(&dir.join("templates"), within)? {
                files.insert(name, project.read_source(&path)?);
            }
            for (name, path) in files_under(&dir.join("static"), within)? {
                let bytes =
                    std::fs::read(&path).map_err(|err| io_error("read file", &path, &err))?;
                assets.insert(name, bytes);
            }
        } else if project.settings.theme != "default" {
            return Err(Diagnostic::error(format!("unknown theme `{}`", project.settings.theme))
                .at_path(display_path(&dir))
                .help("create the theme folder, or set `theme = \"default\"` in content/project.toml")
                .into());
        }

        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_formatter(html_formatter);
        for (name, file) in &files {
            env.add_template_owned(name.clone(), file.text.clone())
                .map_err(|err| template_error(&err, &files))?;
        }
        Ok(Theme {
            env,
            markdown: super::markdown::Memo::default(),
            files,
            assets,
        })
    }

    /// Hands every template's and static file's name and bytes to `field`, in name order:
    /// what the page cache keys on, besides the program, the settings and the snapshots.
    pub(crate) fn hash_into(&self, field: &mut dyn FnMut(&[u8])) {
        // The counts keep a template from hashing like a static file of the same name and bytes.
        field(&(self.files.len() as u64).to_le_bytes());
        for (name, file) in &self.files {
            field(name.as_bytes());
            field(file.text.as_bytes());
        }
        field(&(self.assets.len() as u64).to_le_bytes());
        for (name, bytes) in &self.assets {
            field(name.as_bytes());
            field(bytes);
        }
    }

    /// Renders `template` with `context`; errors name the template file and line.
    pub fn render(&self, template: &str, context: minijinja::Value) -> Result<String, Diagnostic> {
        let template = self
            .env
            .get_template(template)
            .map_err(|err| template_error(&err, &self.files))?;
        template
            .render(context)
            .map_err(|err| template_error(&err, &self.files))
    }
}

/// minijinja's HTML escaping also turns `/` into `&#x2f;`, which is valid but makes every URL
/// unreadable in the source. Escaping `& < > " '` is all that HTML text and quoted attributes need.
fn html_formatter(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &minijinja::Value,
) -> Result<(), minijinja::Error> {
    if matches!(state.auto_escape(), AutoEscape::Html) && !value.is_safe() {
        if let Some(text) = value.as_str() {
            return super::highlight::escape_into(out, text).map_err(|_| {
                minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "cannot write output")
            });
        }
    }
    minijinja::escape_formatter(out, state, value)
}

/// A template error as a diagnostic at the template file and line. Errors raised inside an
/// included template are reported where they happened, not at the `include`.
fn template_error(err: &minijinja::Error, files: &BTreeMap<String, Arc<SourceFile>>) -> Diagnostic {
    let mut innermost = err;
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        if let Some(inner) = cause.downcast_ref::<minijinja::Error>() {
            if inner.name().is_some() && inner.line().is_some() {
                innermost = inner;
            }
        }
        source = cause.source();
    }
    let detail = innermost
        .detail()
        .map(|d| format!(": {d}"))
        .unwrap_or_default();
    let mut diagnostic = Diagnostic::error(format!("template error: {}{detail}", innermost.kind()));
    let file = innermost.name().and_then(|name| files.get(name));
    match (file, innermost.line()) {
        (Some(file), Some(line)) => {
            let span = innermost.range().unwrap_or_else(|| {
                let start = line_start(&file.text, line);
                start..start
            });
            diagnostic = diagnostic.at(&Origin::new(file, span));
        }
        (Some(file), None) => diagnostic = diagnostic.at_path(file.display.clone()),
        _ => {}
    }
    diagnostic.help("fix the template; `notice` themes use minijinja (Jinja2) syntax with strict undefined variables")
}

fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}
