//! `notice import`: an existing notice (plain text, Markdown, HTML, Word) turned into a site's
//! `notice.toml`, with every sentence of the input kept somewhere.
//!
//! Each input format is read into one [`Document`]: a flat list of [`Block`]s (headings,
//! paragraphs, list items, table rows) in reading order, each with the input lines it came
//! from. Everything after that (recognising sections, extracting facts, writing TOML) works
//! on the document alone, so every format imports to the same facts.

mod assemble;
mod document;
mod docx;
mod draft;
mod emit;
mod facts;
mod fill;
mod html;
mod inline;
mod items;
mod markdown;
mod parties;
mod read;
mod services;
mod standard;
mod statements;
mod structure;
mod table;
mod text;
mod vocabulary;
mod write;

#[cfg(test)]
mod facts_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod text_tests;

use std::path::{Path, PathBuf};

pub use document::{Block, BlockKind, Document, Format};
pub use draft::Mapping;
pub use read::{MAX_INPUT_BYTES, read_document};

use crate::diagnostic::Diagnostic;
use crate::error::{Failure, FailureKind};
use crate::model::Lang;
use crate::slug::slugify;

/// What `notice import` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The site to create under `content/`; by default a slug of the controller's name, or
    /// of the input file's name.
    pub site: Option<String>,
    /// Layers to extend; by default `fi-standard` when the notice's rights or authority texts
    /// are the standard layer's, and none otherwise.
    pub extends: Vec<String>,
    /// The notice's language; by default the one its words are in.
    pub lang: Option<Lang>,
    /// Only report the mapping: write nothing.
    pub dry_run: bool,
    /// Replace an existing site's `notice.toml`.
    pub force: bool,
}

/// What an import made of its input.
#[derive(Debug, Clone)]
pub struct ImportReport {
    /// The site's name (its directory under `content/`).
    pub site: String,
    /// The file written (or that would be), relative to the project root.
    pub path: PathBuf,
    /// The file's text.
    pub toml: String,
    /// Where each input block went.
    pub mapping: Vec<Mapping>,
    /// The standard sections that got content, by source key.
    pub sections: Vec<String>,
    /// The facts found, as "kind: value".
    pub facts: Vec<String>,
    /// Titles of the custom sections holding what no standard section took.
    pub custom: Vec<String>,
    /// Whether the file was written (false for `--dry-run`).
    pub written: bool,
}

/// Imports `document` into the project at `root`; `input` is the file it was read from.
/// Nothing is written on any error, nor with `dry_run`.
pub fn import(
    root: &Path,
    input: &Path,
    document: &Document,
    options: &ImportOptions,
) -> Result<ImportReport, Failure> {
    let shown = crate::origin::display_path(input);
    let lang = options.lang.unwrap_or_else(|| detect_language(document));
    let mut draft = assemble::assemble(document, lang);
    let sections = draft.mapped_sections();
    if sections.len() < 2 {
        return Err(Failure::new(
            FailureKind::Data,
            Diagnostic::error("this does not read as a privacy notice: no more than one of its sections was recognised")
                .at_path(shown)
                .help("import a tietosuojaseloste or privacy notice, with headings such as \"Rekisterinpitäjä\", \"Rekisterin tietosisältö\" or \"Rekisteröidyn oikeudet\""),
        ));
    }
    let stem = input
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("notice");
    let found_name = draft::get(&draft.controller, "name").and_then(|f| match &f.value {
        draft::Value::Text(name) => Some(name.clone()),
        draft::Value::Raw(_) => None,
    });
    let site = match &options.site {
        Some(site) => site.clone(),
        None => Some(slugify(found_name.as_deref().unwrap_or(stem)))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "imported".to_string()),
    };
    write::check_site_name(&site)?;
    // A text that names no controller leaves `controller.name` unset rather than invented:
    // `notice check` reports it (`controller-contact`).
    draft.extends = if options.extends.is_empty() {
        standard::extends_standard(root, &mut draft)
    } else {
        options.extends.clone()
    };
    let toml = emit::notice_toml(&draft, &shown);
    let path = PathBuf::from(crate::project::CONTENT_DIR)
        .join(&site)
        .join("notice.toml");
    let written = if options.dry_run {
        false
    } else {
        write::write_site(root, &site, &toml, options.force)?;
        true
    };
    let custom = draft
        .custom
        .iter()
        .filter_map(|fields| draft::get(fields, "title"))
        .filter_map(|f| match &f.value {
            draft::Value::Text(title) => Some(title.clone()),
            draft::Value::Raw(_) => None,
        })
        .collect();
    Ok(ImportReport {
        site,
        path,
        toml,
        mapping: {
            let mut mapping = draft.mapping.clone();
            mapping.sort_by_key(|m| m.lines.start);
            mapping
        },
        sections: sections.iter().map(|s| s.key().to_string()).collect(),
        facts: draft.facts.clone(),
        custom,
        written,
    })
}

/// The language most of the document's text is in: each block votes, with its number of
/// words, for the language whose common short words it uses most, so that a Finnish notice
/// with an English summary at its end reads as Finnish.
fn detect_language(document: &Document) -> Lang {
    let mut votes = [0usize; 3];
    for block in &document.blocks {
        let words: Vec<String> = block
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let count = |list: &[&str]| words.iter().filter(|w| list.contains(&w.as_str())).count();
        let counts = [
            count(FINNISH_WORDS),
            count(SWEDISH_WORDS),
            count(ENGLISH_WORDS),
        ];
        let best = counts.iter().copied().max().unwrap_or(0);
        if best > 0 && counts.iter().filter(|c| **c == best).count() == 1 {
            if let Some(lang) = counts.iter().position(|c| *c == best) {
                votes[lang] += words.len();
            }
        }
    }
    let [fi, sv, en] = votes;
    if sv > fi && sv >= en {
        Lang::Sv
    } else if en > fi && en > sv {
        Lang::En
    } else {
        Lang::Fi
    }
}

/// Short words common in Finnish notices, and in no Swedish or English one.
const FINNISH_WORDS: &[&str] = &[
    "ja",
    "tai",
    "on",
    "ei",
    "tiedot",
    "tietoja",
    "henkilötietoja",
    "sekä",
    "kun",
    "että",
    "jos",
    "voit",
    "sinun",
    "emme",
    "olla",
    "ovat",
    "tässä",
    "joka",
    "mukaisesti",
    "käsittelemme",
];

/// Short words common in Swedish notices.
const SWEDISH_WORDS: &[&str] = &[
    "och",
    "eller",
    "är",
    "inte",
    "uppgifter",
    "personuppgifter",
    "som",
    "att",
    "vi",
    "dina",
    "till",
    "för",
    "med",
    "av",
];

/// Short words common in English notices.
const ENGLISH_WORDS: &[&str] = &[
    "and", "or", "the", "is", "not", "data", "personal", "we", "to", "your", "of", "our",
];
