//! Matching the vocabulary of real notices: words in fi, sv and en, found case-insensitively on
//! word boundaries, so that rules recognise what a notice says however it is phrased.
//!
//! A pattern is one or more words separated by spaces. Each word matches a word of the text
//! that starts with it (a stem: Finnish inflects, so `allergi` finds "allergioista"), unless it
//! ends in `$`, when it must match the whole word (`aws$` does not find "awsome"). The words
//! of a pattern match consecutive words of the text. The lists live in [`lists`].

pub(super) mod lists;

/// A word of a text: its byte span and its lowercase form.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) lower: String,
}

/// The words of `text`: maximal runs of letters and digits. `EU:n` is the words `eu` and `n`.
pub(super) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    start: s,
                    end: i,
                    lower: text[s..i].to_lowercase(),
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn word_matches(word: &str, token: &str) -> bool {
    match token.strip_suffix('$') {
        Some(whole) => word == whole,
        None => word.starts_with(token),
    }
}

/// A match: the byte span in the text, and the pattern's index in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) pattern: usize,
}

impl Hit {
    /// The matched words as written.
    pub(super) fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Every match of any of `patterns` in `text`, in text order; at one position the first
/// pattern of the list that matches wins, so lists put longer, more specific patterns first.
pub(super) fn find(text: &str, patterns: &[&str]) -> Vec<Hit> {
    let words = words(text);
    let tokens: Vec<Vec<&str>> = patterns
        .iter()
        .map(|p| p.split_whitespace().collect())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let hit = tokens.iter().enumerate().find_map(|(pattern, tokens)| {
            let window = words.get(i..i + tokens.len())?;
            let all = window
                .iter()
                .zip(tokens)
                .all(|(w, t)| word_matches(&w.lower, t));
            all.then(|| Hit {
                start: window[0].start,
                end: window[window.len() - 1].end,
                pattern,
            })
        });
        match hit {
            Some(hit) => {
                i += tokens[hit.pattern].len();
                out.push(hit);
            }
            None => i += 1,
        }
    }
    out
}

/// The first match of any of `patterns` in `text`.
pub(super) fn first(text: &str, patterns: &[&str]) -> Option<Hit> {
    find(text, patterns).into_iter().next()
}

/// Whether any of `patterns` occurs in `text`.
pub(super) fn mentions(text: &str, patterns: &[&str]) -> bool {
    first(text, patterns).is_some()
}

/// A named thing and the patterns that name it, e.g. a service and its spellings.
pub(super) type Named = (&'static str, &'static [&'static str]);

/// Every mention of a named thing in `text`: the name, and where its words are.
pub(super) fn find_named(text: &str, named: &[Named]) -> Vec<(&'static str, Hit)> {
    let flat: Vec<(&str, &str)> = named
        .iter()
        .flat_map(|(name, patterns)| patterns.iter().map(move |p| (*name, *p)))
        .collect();
    let patterns: Vec<&str> = flat.iter().map(|(_, p)| *p).collect();
    find(text, &patterns)
        .into_iter()
        .map(|hit| (flat[hit.pattern].0, hit))
        .collect()
}

/// The sentences of `text` as byte spans: split at `.`, `!`, `?`, `;` and line breaks, except a
/// dot between digits or letters (`6.1`, `esim.` stays with its sentence only when no space follows).
pub(super) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let next_is_space = bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace);
        let ends = matches!(c, '!' | '?' | ';' | '\n') || (c == '.' && next_is_space);
        if ends {
            out.push((start, i));
            start = i + c.len_utf8();
        }
    }
    out.push((start, text.len()));
    out.retain(|(s, e)| !text[*s..*e].trim().is_empty());
    out
}

/// Whether the sentence says "not": a negation word of fi, sv or en.
pub(super) fn negated(sentence: &str) -> bool {
    mentions(sentence, lists::NEGATION)
}

#[cfg(test)]
mod tests;

/// Finnish endings of a law's name: "kirjanpito|laki", "-lain", "-laissa"…
const FI_LAW_ENDINGS: &[&str] = &[
    "laki", "lain", "laissa", "lakia", "lakiin", "laista", "lakien", "laeissa", "lakeihin",
];

/// Where `text` names a statute: a law's name (fi `kirjanpitolaki`, `-lain`; sv `bokföringslagen`;
/// en `… Act`), a section sign `§`, or a statute number (`1336/1997`, `1998:204`).
pub(super) fn names_a_law(text: &str) -> Option<(usize, usize)> {
    if let Some(at) = text.find('§') {
        return Some((at, at + '§'.len_utf8()));
    }
    for word in &words(text) {
        let w = &word.lower;
        let excluded = lists::NOT_A_LAW.iter().any(|x| w.starts_with(x));
        let fi = FI_LAW_ENDINGS
            .iter()
            .any(|e| w.len() > e.len() + 2 && w.ends_with(e));
        let sv = ["lagen", "lagens"]
            .iter()
            .any(|e| w.len() > e.len() + 2 && w.ends_with(e));
        let en = w == "act" && text[word.start..].starts_with('A');
        if (fi || sv || en) && !excluded {
            return Some((word.start, word.end));
        }
        let number = !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
        if let Some(end) = statute_number(text, word.end).filter(|_| number) {
            return Some((word.start, end));
        }
    }
    None
}

/// Whether a number ending at `at` goes on as `/YYYY` or `:N`, like a statute number.
fn statute_number(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let sep = rest.chars().next()?;
    // The separator may be any character, of any width in bytes.
    let digits = rest[sep.len_utf8()..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    let ok = match sep {
        '/' => digits == 4,
        ':' => digits >= 1,
        _ => false,
    };
    ok.then_some(at + sep.len_utf8() + digits)
}

/// Whether `text` gives a period (a number and a time unit: "6 vuotta", "kuusi kuukautta",
/// "30 days") or a year or date.
pub(super) fn gives_period(text: &str) -> bool {
    let words = words(text);
    words.iter().enumerate().any(|(i, word)| {
        let w = &word.lower;
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        let number = digits == w.len() || mentions(w, lists::NUMBER_WORDS);
        if digits == 4 && digits == w.len() && (1990..=2100).contains(&w.parse().unwrap_or(0)) {
            return true;
        }
        if digits > 0 && digits < w.len() && mentions(&w[digits..], lists::TIME_UNITS) {
            return true;
        }
        number
            && words[i + 1..]
                .iter()
                .take(2)
                .any(|next| mentions(&next.lower, lists::TIME_UNITS))
    })
}

/// Every language's string of a text, for matching words in any of them.
pub(super) fn strings(text: &crate::model::Text) -> Vec<&str> {
    match text {
        crate::model::Text::Plain(s) => vec![s.as_str()],
        crate::model::Text::Localized(map) => map.values().map(String::as_str).collect(),
    }
}
