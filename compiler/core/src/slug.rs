//! ASCII anchor ids: one slug function for headings, the table of contents and every other output, plus collision-free allocation.

use std::collections::BTreeSet;

/// Turns text into an ASCII slug: `Henkilötietojen käsittely` → `henkilotietojen-kasittely`.
///
/// Nordic letters lose their marks (ä→a, ö→o, å→a), `ß`→`ss`, `æ`→`ae`; anything else that is
/// not a letter or digit becomes a single hyphen.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        let replacement: &str = match c.to_lowercase().next().unwrap_or(c) {
            c @ ('a'..='z' | '0'..='9') => {
                push_word(&mut slug, &mut pending_hyphen, c.encode_utf8(&mut [0; 4]));
                continue;
            }
            'ä' | 'å' | 'á' | 'à' | 'â' | 'ã' => "a",
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'õ' => "o",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'ü' | 'ú' | 'ù' | 'û' => "u",
            'í' | 'ì' | 'î' | 'ï' => "i",
            'š' => "s",
            'ž' => "z",
            'ç' => "c",
            'ñ' => "n",
            'ß' => "ss",
            'æ' => "ae",
            _ => {
                pending_hyphen = !slug.is_empty();
                continue;
            }
        };
        push_word(&mut slug, &mut pending_hyphen, replacement);
    }
    slug
}

fn push_word(slug: &mut String, pending_hyphen: &mut bool, part: &str) {
    if *pending_hyphen {
        slug.push('-');
        *pending_hyphen = false;
    }
    slug.push_str(part);
}

/// Hands out unique ids for one page. Fixed ids are reserved first, so a generated heading
/// id can never take a section's anchor; generated ids get `-2`, `-3`… on collision.
#[derive(Debug, Default, Clone)]
pub struct IdAllocator {
    taken: BTreeSet<String>,
}

impl IdAllocator {
    pub fn reserve(&mut self, id: &str) {
        self.taken.insert(id.to_string());
    }

    /// A fresh id derived from `text` (or `fallback` when the text has no letters or digits).
    pub fn allocate(&mut self, text: &str, fallback: &str) -> String {
        let mut base = slugify(text);
        if base.is_empty() {
            base = fallback.to_string();
        }
        let mut candidate = base.clone();
        let mut counter = 2;
        while self.taken.contains(&candidate) {
            candidate = format!("{base}-{counter}");
            counter += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates_finnish_and_swedish() {
        assert_eq!(
            slugify("Henkilötietojen käsittely"),
            "henkilotietojen-kasittely"
        );
        assert_eq!(slugify("Säilytysaika"), "sailytysaika");
        assert_eq!(slugify("Ålands Öar"), "alands-oar");
        assert_eq!(
            slugify("  §5 — Evästeet (cookies)!  "),
            "5-evasteet-cookies"
        );
        assert_eq!(slugify("Straße"), "strasse");
        assert_eq!(slugify("???"), "");
    }

    #[test]
    fn generated_ids_never_collide_with_reserved_ones() {
        let mut ids = IdAllocator::default();
        ids.reserve("sailytysaika");
        assert_eq!(ids.allocate("Säilytysaika", "h"), "sailytysaika-2");
        assert_eq!(ids.allocate("Säilytysaika", "h"), "sailytysaika-3");
        assert_eq!(ids.allocate("Muu", "h"), "muu");
        assert_eq!(ids.allocate("!!", "otsikko"), "otsikko");
        assert_eq!(ids.allocate("!!", "otsikko"), "otsikko-2");
    }
}
