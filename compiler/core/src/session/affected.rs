//! Which sites a set of changed paths asks to rebuild.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::project::{CONTENT_DIR, LAYERS_DIR, SETTINGS_FILE, THEMES_DIR};

/// What a set of changed paths asks to rebuild.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Affected {
    /// Settings or theme changed: every page.
    pub everything: bool,
    /// Layers whose file changed: every site extending them.
    pub layers: BTreeSet<String>,
    /// Sites whose own folder changed.
    pub sites: BTreeSet<String>,
}

impl Affected {
    /// Classifies changed paths (absolute, or relative to `root`). Paths outside `content/`
    /// and the theme are ignored.
    pub fn of(root: &Path, theme: &str, paths: &[PathBuf]) -> Affected {
        let mut affected = Affected::default();
        for path in paths {
            let relative = path.strip_prefix(root).unwrap_or(path);
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            match parts
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice()
            {
                [THEMES_DIR, name, ..] if *name == theme => affected.everything = true,
                // The themes folder itself appeared or went away.
                [THEMES_DIR] => affected.everything = true,
                [CONTENT_DIR, SETTINGS_FILE] => affected.everything = true,
                [CONTENT_DIR, LAYERS_DIR, file] => {
                    if let Some(layer) = file.strip_suffix(".toml") {
                        affected.layers.insert(layer.to_string());
                    }
                }
                [CONTENT_DIR, site, ..] if !site.starts_with(['_', '.']) => {
                    affected.sites.insert((*site).to_string());
                }
                _ => {}
            }
        }
        affected
    }

    /// Whether nothing needs rebuilding.
    pub fn is_empty(&self) -> bool {
        !self.everything && self.layers.is_empty() && self.sites.is_empty()
    }

    /// A few words for the rebuild line: "content/kahvila", "layer fi-standard", "theme".
    pub fn describe(&self) -> String {
        if self.everything {
            return "settings or theme".to_string();
        }
        let mut parts: Vec<String> = self.layers.iter().map(|l| format!("layer {l}")).collect();
        parts.extend(self.sites.iter().map(|s| format!("site {s}")));
        parts.join(", ")
    }
}
