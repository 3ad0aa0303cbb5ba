//! Finding a project on disk: settings, site directories and layer files, with symlinks kept inside the project.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::de;
use crate::diagnostic::Diagnostic;
use crate::error::{Failure, io_error};
use crate::files::outside_the_project;
use crate::merge::is_slug;
use crate::model::Settings;
use crate::slug::slugify;
use crate::source::{self, SourceFile, display_path};

/// The folder of a project that holds its sources.
pub const CONTENT_DIR: &str = "content";
/// Project-wide settings, inside `content/`.
pub const SETTINGS_FILE: &str = "project.toml";
/// The folder of `content/` that holds shared layers.
pub const LAYERS_DIR: &str = "_shared";
/// A site's source file, inside its folder of `content/`.
pub const SITE_FILE: &str = "notice.toml";
/// The folder of a project that holds its themes.
pub const THEMES_DIR: &str = "themes";
/// The output folder of the theme's static files.
pub const ASSETS_DIR: &str = "assets";
/// Names a site may not have: its output folder would be one the output already uses.
pub const RESERVED_SITE_NAMES: [&str; 1] = [ASSETS_DIR];

/// A project: its settings and the sites and layers found under `content/`.
#[derive(Debug)]
pub struct Project {
    /// The directory holding `content/`, as given.
    pub root: PathBuf,
    canonical_root: PathBuf,
    /// `content/project.toml`, or its defaults.
    pub settings: Settings,
    /// Sites, sorted by name.
    pub sites: Vec<SiteEntry>,
    /// Layer names (file stems under `content/_shared/`), sorted.
    pub layers: Vec<String>,
    /// Problems that do not stop a build, such as a directory without `notice.toml`.
    pub warnings: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// A site found under `content/`.
pub struct SiteEntry {
    /// Its directory name, which is also its output folder.
    pub name: String,
    /// Its `notice.toml`.
    pub source: PathBuf,
}

impl Project {
    /// Reads the settings and lists the sites and layers of the project at `root`.
    pub fn open(root: &Path) -> Result<Project, Failure> {
        let content = root.join(CONTENT_DIR);
        if !content.is_dir() {
            return Err(Failure::usage(
                Diagnostic::error("not a notice project: no `content/` directory")
                    .at_path(display_path(root))
                    .help("run `notice init` to create a project, or pass `--root DIR`"),
            ));
        }
        let canonical_root = root
            .canonicalize()
            .map_err(|err| io_error("resolve the project root", root, &err))?;
        let mut project = Project {
            root: root.to_path_buf(),
            canonical_root,
            settings: Settings {
                title: None,
                base_url: None,
                languages: crate::model::Languages::default(),
                theme: "default".into(),
            },
            sites: Vec::new(),
            layers: Vec::new(),
            warnings: Vec::new(),
        };
        let settings_path = content.join(SETTINGS_FILE);
        if settings_path.exists() {
            let file = project.read_source(&settings_path)?;
            let node = source::parse(&file)?;
            project.settings = de::from_node(&node)?;
            check_theme_name(&project.settings.theme, &node)?;
        }
        project.discover(&content)?;
        Ok(project)
    }

    fn discover(&mut self, content: &Path) -> Result<(), Failure> {
        let mut problems = Vec::new();
        for entry in read_dir_sorted(content)? {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if !path.is_dir() || name.starts_with('.') {
                continue;
            }
            if name == LAYERS_DIR {
                self.layers = list_layers(path)?;
                continue;
            }
            match examine(name, path) {
                Found::Site(site) => self.sites.push(site),
                Found::Warning(warning) => self.warnings.push(warning),
                Found::Problem(problem) => problems.push(problem),
                Found::Nothing => {}
            }
        }
        match Failure::combine(problems) {
            Some(failure) => Err(failure),
            None => Ok(()),
        }
    }

    /// Looks again at the named directories of `content/` only, by the rules of
    /// [`Project::open`]: for a watch rebuild that knows which sites changed, instead of listing
    /// a content folder of thousands of sites on every save. Warnings are not repeated.
    pub fn refresh_sites(&mut self, names: &BTreeSet<String>) -> Result<(), Failure> {
        let content = self.content_dir();
        let mut problems = Vec::new();
        for name in names {
            if name == LAYERS_DIR || name.starts_with('.') {
                continue;
            }
            self.sites.retain(|site| &site.name != name);
            let path = content.join(name);
            if !path.is_dir() {
                continue;
            }
            match examine(name.clone(), &path) {
                Found::Site(site) => {
                    let at = self.sites.partition_point(|s| s.name < site.name);
                    self.sites.insert(at, site);
                }
                Found::Problem(problem) => problems.push(problem),
                Found::Warning(_) | Found::Nothing => {}
            }
        }
        match Failure::combine(problems) {
            Some(failure) => Err(failure),
            None => Ok(()),
        }
    }

    /// Lists `content/_shared/` again, for a rebuild after a layer file changed.
    pub fn refresh_layers(&mut self) -> Result<(), Failure> {
        let dir = self.content_dir().join(LAYERS_DIR);
        self.layers = if dir.is_dir() {
            list_layers(&dir)?
        } else {
            Vec::new()
        };
        Ok(())
    }

    /// `<root>/content`.
    pub fn content_dir(&self) -> PathBuf {
        self.root.join(CONTENT_DIR)
    }

    /// The file of the layer `name`: `content/_shared/<name>.toml`.
    pub fn layer_path(&self, name: &str) -> PathBuf {
        self.content_dir()
            .join(LAYERS_DIR)
            .join(format!("{name}.toml"))
    }

    /// The folder of the theme the settings name: `themes/<name>`.
    pub fn theme_dir(&self) -> PathBuf {
        self.root.join(THEMES_DIR).join(&self.settings.theme)
    }

    /// Reads a project file, refusing symlinks that lead outside the project.
    pub fn read_source(&self, path: &Path) -> Result<Arc<SourceFile>, Failure> {
        self.ensure_inside(path)?;
        source::read(path, display_path(path))
    }

    /// Errors when `path` resolves (through symlinks) to somewhere outside the project root.
    pub fn ensure_inside(&self, path: &Path) -> Result<(), Failure> {
        let resolved = path
            .canonicalize()
            .map_err(|err| io_error("read file", path, &err))?;
        if resolved.starts_with(&self.canonical_root) {
            return Ok(());
        }
        Err(outside_the_project(path, &resolved, &self.canonical_root))
    }

    /// The project root with every symlink resolved.
    pub fn canonical_root(&self) -> &Path {
        &self.canonical_root
    }
}

/// A theme is a folder of `themes/`, so its name is a slug, like a site's: never a path that
/// leads elsewhere (`../../etc`, `/etc`).
fn check_theme_name(theme: &str, settings: &source::Node) -> Result<(), Failure> {
    if is_slug(theme) {
        return Ok(());
    }
    let mut diagnostic = Diagnostic::error(format!("invalid theme name `{theme}`"))
        .note("a theme is a folder of `themes/`: use lowercase a-z, 0-9 and `-`")
        .help(format!(
            "name the theme's folder `themes/{}` and set `theme = \"{}\"`",
            slugify(theme),
            slugify(theme)
        ));
    if let Some(origin) = source::find_origin(settings, &["theme"]) {
        diagnostic = diagnostic.at(&origin);
    }
    Err(Failure::from(diagnostic))
}

/// What a directory of `content/` is.
enum Found {
    Site(SiteEntry),
    /// A directory without `notice.toml`: skipped, with a warning.
    Warning(Diagnostic),
    Problem(Failure),
    /// A folder starting with `_`: not a site.
    Nothing,
}

fn examine(name: String, path: &Path) -> Found {
    if name.starts_with('_') {
        return Found::Nothing;
    }
    let source = path.join(SITE_FILE);
    if !source.exists() {
        return Found::Warning(
            Diagnostic::warning(format!("`{name}` has no {SITE_FILE}; skipped"))
                .at_path(display_path(path)),
        );
    }
    if !is_slug(&name) {
        return Found::Problem(Failure::from(
            Diagnostic::error(format!("invalid site name `{name}`"))
                .at_path(display_path(path))
                .note("site names become URLs: use lowercase a-z, 0-9 and `-`")
                .help(format!("rename the directory to `{}`", slugify(&name))),
        ));
    }
    if RESERVED_SITE_NAMES.contains(&name.as_str()) {
        return Found::Problem(Failure::from(
            Diagnostic::error(format!("the site name `{name}` is reserved"))
                .at_path(display_path(path))
                .note(format!(
                    "the output's `{name}/` folder holds the theme's static files, which would replace the site's pages"
                ))
                .help(format!("rename the directory, e.g. to `{name}-site`")),
        ));
    }
    Found::Site(SiteEntry { name, source })
}

fn list_layers(dir: &Path) -> Result<Vec<String>, Failure> {
    Ok(read_dir_sorted(dir)?
        .into_iter()
        .filter_map(|e| {
            let file = e.file_name().to_string_lossy().into_owned();
            file.strip_suffix(".toml").map(str::to_owned)
        })
        .collect())
}

fn read_dir_sorted(dir: &Path) -> Result<Vec<walkdir::DirEntry>, Failure> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .map(|entry| {
            entry.map_err(|err| {
                let path = err.path().unwrap_or(dir).to_path_buf();
                let io = err
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("filesystem loop"));
                io_error("list directory", &path, &io)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(root: &Path, name: &str) {
        std::fs::create_dir_all(root.join("content").join(name)).unwrap();
        std::fs::write(
            root.join("content").join(name).join(SITE_FILE),
            "[controller]\nname = \"Oy\"\n",
        )
        .unwrap();
    }

    #[test]
    fn refreshing_named_sites_matches_opening_the_project_again() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        site(root, "alpha");
        site(root, "beta");
        let mut project = Project::open(root).unwrap();
        std::fs::remove_dir_all(root.join("content/beta")).unwrap();
        site(root, "aardvark");
        std::fs::create_dir_all(root.join("content/gamma")).unwrap();
        let changed = ["beta", "aardvark", "gamma"].map(String::from).into();
        project.refresh_sites(&changed).unwrap();
        assert_eq!(project.sites, Project::open(root).unwrap().sites);

        site(root, "Bad_Name");
        let err = project
            .refresh_sites(&BTreeSet::from(["Bad_Name".to_string()]))
            .unwrap_err();
        assert_eq!(err.diagnostics[0].message, "invalid site name `Bad_Name`");
    }
}
