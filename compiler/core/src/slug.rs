//! ASCII anchor ids: one slug function for headings, the table of contents and every other output, plus collision-free allocation.

use std::collections::{BTreeSet, HashMap};

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
    /// For each slug handed out, the suffix to try next: a heading that repeats a thousand
    /// times on a page must not try every suffix already given to it again (a 10 MB text of
    /// repeated headings took ten minutes).
    next_suffix: HashMap<String, u64>,
    /// How many candidate ids were looked up, so a test can show the work stays linear.
    #[cfg(test)]
    probes: usize,
}

impl IdAllocator {
    pub fn reserve(&mut self, id: &str) {
        self.taken.insert(id.to_string());
    }

    /// Whether `id` is reserved or already handed out.
    pub fn is_taken(&self, id: &str) -> bool {
        self.taken.contains(id)
    }

    /// A fresh id derived from `text` (or `fallback` when the text has no letters or digits).
    pub fn allocate(&mut self, text: &str, fallback: &str) -> String {
        let mut base = slugify(text);
        if base.is_empty() {
            base = fallback.to_string();
        }
        // Every suffix below the remembered one was taken when it was tried, and ids are never
        // given back: starting there hands out exactly the id a search from the start would.
        let mut suffix = self.next_suffix.get(&base).copied().unwrap_or(1);
        loop {
            let candidate = match suffix {
                1 => base.clone(),
                n => format!("{base}-{n}"),
            };
            #[cfg(test)]
            {
                self.probes += 1;
            }
            if !self.taken.contains(&candidate) {
                self.taken.insert(candidate.clone());
                self.next_suffix.insert(base, suffix + 1);
                return candidate;
            }
            suffix += 1;
        }
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
        // A generated id that takes another text's slug is skipped over later.
        assert_eq!(ids.allocate("Muu 2", "h"), "muu-2");
        assert_eq!(ids.allocate("Muu", "h"), "muu-3");
    }

    #[test]
    fn a_heading_repeated_thousands_of_times_is_linear_work() {
        let mut ids = IdAllocator::default();
        ids.reserve("otsikko-3");
        let mut given = BTreeSet::new();
        for _ in 0..5000 {
            assert!(given.insert(ids.allocate("Otsikko", "h")));
        }
        assert!(given.contains("otsikko") && given.contains("otsikko-5001"));
        assert!(
            !given.contains("otsikko-3"),
            "a reserved id is never handed out"
        );
        // One look-up per id, plus the reserved one skipped: not one per earlier id.
        assert!(ids.probes <= 5001, "{} probes for 5000 ids", ids.probes);
    }
}
