//! Where each page goes in the output tree, and how pages link to each other and to their
//! public URLs.

use crate::load::LoadedSite;
use crate::model::Lang;
use crate::project::Project;

/// `<dir>/index.html` in the primary language, `<dir>/<lang>/index.html` in the others.
pub(super) fn localized_path(dir: &str, primary: Lang, lang: Lang) -> String {
    if lang == primary {
        format!("{dir}/index.html")
    } else {
        format!("{dir}/{lang}/index.html")
    }
}

/// Output path of a site's current page in `lang`.
pub fn page_path(site: &LoadedSite, lang: Lang) -> String {
    localized_path(&site.name, site.primary(), lang)
}

/// The folder of an archived version's pages.
pub fn version_dir(site: &str, version: &str) -> String {
    format!("{site}/versions/{version}")
}

/// The change log in `lang`: `<site>/changes/index.html` in the primary language,
/// `<site>/<lang>/changes/index.html` in the others.
pub fn changes_path(site: &str, primary: Lang, lang: Lang) -> String {
    if lang == primary {
        format!("{site}/changes/index.html")
    } else {
        format!("{site}/{lang}/changes/index.html")
    }
}

/// The Atom feed of a site's changes.
pub fn feed_path(site: &str) -> String {
    format!("{site}/changes.xml")
}

/// The relative prefix from a page at `path` back to the output root.
pub(super) fn root_prefix(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// `lang` if the current page publishes it, else the primary language: where a link from a
/// page in `lang` to the current notice or its change log should go.
pub(super) fn nearest(languages: &[Lang], lang: Lang) -> Lang {
    if languages.contains(&lang) {
        lang
    } else {
        languages[0]
    }
}

/// The public URL of an output path when the project has a `base_url`; `index.html` is left
/// off.
pub fn canonical_url(project: &Project, path: &str) -> Option<String> {
    let base = project
        .settings
        .base_url
        .as_ref()?
        .as_str()
        .trim_end_matches('/');
    Some(format!("{base}/{}", path.trim_end_matches("index.html")))
}
