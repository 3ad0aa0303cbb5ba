//! Finding a project on disk: settings, site directories and layer files, with symlinks kept inside the project.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::de;
use crate::diagnostic::Diagnostic;
use crate::error::{Failure, FailureKind, io_error};
use crate::merge::is_slug;
use crate::model::Settings;
use crate::slug::slugify;
use crate::source::{self, SourceFile, display_path};

pub const CONTENT_DIR: &str = "content";
pub const SETTINGS_FILE: &str = "project.toml";
pub const LAYERS_DIR: &str = "_shared";
pub const SITE_FILE: &str = "notice.toml";
pub const THEMES_DIR: &str = "themes";

/// A project: its settings and the sites and layers found under `content/`.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    canonical_root: PathBuf,
    pub settings: Settings,
    /// Sites, sorted by name.
    pub sites: Vec<SiteEntry>,
    /// Layer names (file stems under `content/_shared/`), sorted.
    pub layers: Vec<String>,
    /// Problems that do not stop a build, such as a directory without `notice.toml`.
    pub warnings: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteEntry {
    pub name: String,
    pub source: PathBuf,
}

impl Project {
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
                self.layers = read_dir_sorted(path)?
                    .into_iter()
                    .filter_map(|e| {
                        let file = e.file_name().to_string_lossy().into_owned();
                        file.strip_suffix(".toml").map(str::to_owned)
                    })
                    .collect();
                continue;
            }
            if name.starts_with('_') {
                continue;
            }
            let source = path.join(SITE_FILE);
            if !source.exists() {
                self.warnings.push(
                    Diagnostic::warning(format!("`{name}` has no {SITE_FILE}; skipped"))
                        .at_path(display_path(path)),
                );
                continue;
            }
            if !is_slug(&name) {
                problems.push(Failure::from(
                    Diagnostic::error(format!("invalid site name `{name}`"))
                        .at_path(display_path(path))
                        .note("site names become URLs: use lowercase a-z, 0-9 and `-`")
                        .help(format!("rename the directory to `{}`", slugify(&name))),
                ));
                continue;
            }
            self.sites.push(SiteEntry { name, source });
        }
        match Failure::combine(problems) {
            Some(failure) => Err(failure),
            None => Ok(()),
        }
    }

    pub fn content_dir(&self) -> PathBuf {
        self.root.join(CONTENT_DIR)
    }

    pub fn layer_path(&self, name: &str) -> PathBuf {
        self.content_dir()
            .join(LAYERS_DIR)
            .join(format!("{name}.toml"))
    }

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
        Err(Failure::new(
            FailureKind::Data,
            Diagnostic::error("symlink leads outside the project")
                .at_path(display_path(path))
                .note(format!("it resolves to {}", resolved.display()))
                .help("copy the file into the project instead of linking to it"),
        ))
    }
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
