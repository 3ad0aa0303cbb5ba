//! Whether an imported notice's rights or authority texts are the `fi-standard` layer's: then
//! the site extends the layer instead of copying them. A notice whose texts differ does not
//! extend it, as the layer would hide what the notice lacks.

use std::collections::BTreeSet;
use std::path::Path;

use super::draft::{Draft, Value};
use crate::model::Section;

const STANDARD: &str = include_str!("../../assets/fi-standard.toml");

/// The share of a text's runs of three words the standard layer must also have for the text
/// to be its.
const SAME_TEXT: f64 = 0.85;

/// `["fi-standard"]` when the project has the layer and the notice's rights or authority text
/// is the layer's (then that text is left to the layer); otherwise no layer.
pub(crate) fn extends_standard(root: &Path, draft: &mut Draft) -> Vec<String> {
    let layer = root
        .join(crate::project::CONTENT_DIR)
        .join("_shared/fi-standard.toml");
    if !layer.is_file() {
        return Vec::new();
    }
    let standard = trigrams(STANDARD);
    let rights = section_text(draft, Section::Rights);
    let authority = section_text(draft, Section::Authority);
    let rights_match = is_standard(&rights, &standard);
    let authority_match = is_standard(&authority, &standard);
    if rights_match {
        draft.items.remove(&Section::Rights);
        draft.intros.remove(&Section::Rights);
    }
    if authority_match {
        draft.authority.clear();
        draft.intros.remove(&Section::Authority);
    }
    if rights_match || authority_match {
        vec!["fi-standard".to_string()]
    } else {
        Vec::new()
    }
}

/// Whether `text` is the standard's own wording: most of its runs of three words are the
/// standard's. Words alone are not enough: a list of rights' short titles ("Right to
/// erasure", "Right to withdraw your consent at any time") shares nearly every word with the
/// standard, yet says it in the notice's own way, which the import keeps.
fn is_standard(text: &str, standard: &BTreeSet<String>) -> bool {
    let own = trigrams(text);
    own.len() >= 25 && {
        let shared = own.iter().filter(|w| standard.contains(*w)).count();
        shared as f64 / own.len() as f64 >= SAME_TEXT
    }
}

/// All text a section got: its items' texts, its table's values and its introduction.
fn section_text(draft: &Draft, section: Section) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let fields = draft.items.get(&section).into_iter().flatten().flatten();
    let table = if section == Section::Authority {
        draft.authority.as_slice()
    } else {
        &[]
    };
    for field in fields.chain(table) {
        if let Value::Text(text) = &field.value {
            parts.push(text);
        }
    }
    parts.extend(
        draft
            .intros
            .get(&section)
            .into_iter()
            .flatten()
            .map(String::as_str),
    );
    parts.join(" ")
}

/// The distinct runs of three consecutive words of a text, lowercased.
fn trigrams(text: &str) -> BTreeSet<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.windows(3).map(|w| w.join(" ")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_rights_text_is_recognised_and_other_text_is_not() {
        let standard = trigrams(STANDARD);
        let copied: String = STANDARD
            .lines()
            .filter(|l| !l.starts_with(['[', '#']))
            .take(40)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(is_standard(&copied, &standard));
        let own = "Rekisteröidyllä on oikeus tarkastaa, mitä hänestä koskevia tietoja henkilötietorekisteriin on tallennettu. Kirjallinen tarkastuspyyntö tulee lähettää allekirjoitettuna sähköisessä muodossa rekisteristä vastaavalle henkilölle. Tarkastusoikeus on maksuton enintään kerran vuodessa toteutettuna.";
        assert!(!is_standard(own, &standard));
        let titles = "Right of access. Right to rectification. Right to erasure. Right to restriction of processing. Right to data portability. Right to object. Right to withdraw your consent at any time.";
        assert!(
            !is_standard(titles, &standard),
            "a list of titles in the notice's own words"
        );
    }
}
