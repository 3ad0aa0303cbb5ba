//! Facts found in running text: Y-tunnus, e-mail addresses (obfuscated ones included), phone
//! numbers, web addresses, Finnish postal addresses, dates, and people's names.

use crate::model::Date;

/// Whether `id` is a Y-tunnus (`NNNNNNN-C`) with a valid check digit: weights 7, 9, 10, 5, 8,
/// 4, 2 on the seven digits; r = sum mod 11; r = 0 gives 0, r = 1 is never valid, otherwise
/// C = 11 − r.
pub(crate) fn business_id_valid(id: &str) -> bool {
    let bytes = id.as_bytes();
    if bytes.len() != 9
        || bytes[7] != b'-'
        || !id
            .bytes()
            .enumerate()
            .all(|(i, b)| i == 7 || b.is_ascii_digit())
    {
        return false;
    }
    let sum: u32 = [7, 9, 10, 5, 8, 4, 2]
        .iter()
        .zip(&bytes[..7])
        .map(|(w, d)| w * u32::from(d - b'0'))
        .sum();
    let check = u32::from(bytes[8] - b'0');
    match sum % 11 {
        0 => check == 0,
        1 => false,
        r => check == 11 - r,
    }
}

/// Every `NNNNNNN-C` in `text` that stands alone (no digit right before or after), with
/// whether its check digit is valid.
pub(crate) fn business_ids(text: &str) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for start in 0..chars.len().saturating_sub(8) {
        let candidate: String = chars[start..start + 9].iter().collect();
        let shaped = candidate
            .char_indices()
            .all(|(i, c)| if i == 7 { c == '-' } else { c.is_ascii_digit() });
        let alone = (start == 0 || !chars[start - 1].is_ascii_digit())
            && chars.get(start + 9).is_none_or(|c| !c.is_ascii_digit());
        if shaped && alone {
            let valid = business_id_valid(&candidate);
            found.push((candidate, valid));
        }
    }
    found
}

/// `text` with the usual e-mail obfuscations undone: "nimi (at) yritys.fi", "nimi[at]yritys.fi",
/// "nimi(a)yritys.fi", "yritys[dot]fi", "yritys (piste) fi".
pub(crate) fn deobfuscate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if let Some((replacement, len)) = obfuscation_at(rest) {
            while out.ends_with(' ') {
                out.pop();
            }
            out.push(replacement);
            rest = rest[len..].trim_start_matches(' ');
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The character an obfuscated "(at)" or "[dot]" at the start of `text` stands for, and its length.
fn obfuscation_at(text: &str) -> Option<(char, usize)> {
    let open = text.chars().next()?;
    let close = match open {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        _ => return None,
    };
    let end = text[1..].find(close)? + 1;
    let word = text[1..end].trim().to_lowercase();
    let replacement = match word.as_str() {
        "at" | "a" | "ät" | "@" | "miukumauku" => '@',
        "dot" | "piste" | "punkt" | "." => '.',
        _ => return None,
    };
    Some((replacement, end + 1))
}

/// The e-mail addresses in `text`, obfuscated ones included, in order and without repeats.
pub(crate) fn emails(text: &str) -> Vec<String> {
    let plain = deobfuscate(text);
    let local = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_alphanumeric() || ".-".contains(c);
    let mut found: Vec<String> = Vec::new();
    for (at, _) in plain.match_indices('@') {
        let start = plain[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| local(*c))
            .last()
            .map_or(at, |(i, _)| i);
        let end = plain[at + 1..]
            .char_indices()
            .find(|(_, c)| !domain(*c))
            .map_or(plain.len(), |(i, _)| at + 1 + i);
        let name = plain[start..at].trim_start_matches('.');
        let host = plain[at + 1..end].trim_end_matches(['.', '-']);
        let tld_ok = host.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty() && tld.len() >= 2 && tld.chars().all(char::is_alphabetic)
        });
        if !name.is_empty() && tld_ok {
            let email = format!("{name}@{host}");
            if !found.contains(&email) {
                found.push(email);
            }
        }
    }
    found
}

/// Phone numbers as written: starting with `+` or `0`, 7 to 13 digits, separated by single
/// spaces or hyphens; a Y-tunnus and postcodes are not phones.
pub(crate) fn phones(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts =
            (chars[i] == '+' || chars[i] == '0') && (i == 0 || !chars[i - 1].is_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() {
            let c = chars[end];
            let joined =
                (c == ' ' || c == '-') && chars.get(end + 1).is_some_and(char::is_ascii_digit);
            if c.is_ascii_digit() || joined {
                end += 1;
            } else {
                break;
            }
        }
        let number: String = chars[i..end].iter().collect();
        let digits = number.chars().filter(char::is_ascii_digit).count();
        let business_id = business_ids(&number).len() == 1 && number.len() == 9;
        if (7..=13).contains(&digits)
            && !business_id
            && chars.get(end).is_none_or(|c| !c.is_alphanumeric())
        {
            found.push(number.trim_end().to_string());
        }
        i = end.max(i + 1);
    }
    found
}

/// Web addresses (`https://…`, `http://…`, `www.…`), trailing punctuation left out.
pub(crate) fn urls(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|word| word.trim_start_matches(['(', '<', '"']))
        .filter(|word| {
            word.starts_with("https://") || word.starts_with("http://") || word.starts_with("www.")
        })
        .map(|word| {
            word.trim_end_matches(['.', ',', ';', ':', ')', '>', '"', ']'])
                .to_string()
        })
        .filter(|url| url.len() > 8)
        .collect()
}

/// The first date in `text`, Finnish (`1.2.2023`, `01.02.2023`) or ISO (`2023-02-01`).
pub(crate) fn date_in(text: &str) -> Option<Date> {
    numeric_date(text).or_else(|| worded_date(text))
}

/// Month names as dates write them: English, Swedish, and Finnish in the partitive
/// ("1. maaliskuuta 2024").
const MONTHS: [&[&str]; 12] = [
    &["january", "januari", "tammikuuta"],
    &["february", "februari", "helmikuuta"],
    &["march", "mars", "maaliskuuta"],
    &["april", "huhtikuuta"],
    &["may", "maj", "toukokuuta"],
    &["june", "juni", "kesäkuuta"],
    &["july", "juli", "heinäkuuta"],
    &["august", "augusti", "elokuuta"],
    &["september", "syyskuuta"],
    &["october", "oktober", "lokakuuta"],
    &["november", "marraskuuta"],
    &["december", "joulukuuta"],
];

/// "12 March 2024", "March 12, 2024", "12 mars 2024", "12. maaliskuuta 2024".
fn worded_date(text: &str) -> Option<Date> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_end_matches(['.', ':', ';', ')'])
                .trim_start_matches('(')
                .to_lowercase()
        })
        .collect();
    let month = |w: &str| {
        MONTHS
            .iter()
            .position(|names| names.contains(&w))
            .map(|i| i + 1)
    };
    let number = |w: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<u32>().ok())
            .flatten()
    };
    words.windows(3).find_map(|w| {
        let (day, month, year) = match (month(&w[0]), month(&w[1])) {
            (_, Some(m)) => (number(&w[0], 1..=2)?, m, number(&w[2], 4..=4)?),
            (Some(m), None) => (number(&w[1], 1..=2)?, m, number(&w[2], 4..=4)?),
            _ => return None,
        };
        Date::parse(&format!("{year:04}-{month:02}-{day:02}"))
    })
}

fn numeric_date(text: &str) -> Option<Date> {
    for word in text.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')') {
        // "*Päivitetty 1.2.2023*": emphasis around the date is no part of it.
        let word = word
            .trim_matches(['*', '_'])
            .trim_end_matches(['.', ':', ';']);
        if let Some(date) = Date::parse(word) {
            return Some(date);
        }
        let parts: Vec<&str> = word.split('.').collect();
        if let [d, m, y] = parts[..] {
            let numeric = |s: &str, max: usize| {
                !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
            };
            if numeric(d, 2) && numeric(m, 2) && y.len() == 4 && numeric(y, 4) {
                let iso = format!("{y}-{m:0>2}-{d:0>2}");
                if let Some(date) = Date::parse(&iso) {
                    return Some(date);
                }
            }
        }
    }
    None
}

/// Words that say a date is when the notice was made or last changed.
const UPDATED_WORDS: &[&str] = &[
    "päivitetty",
    "päivitys",
    "laatimispäivä",
    "laadittu",
    "päiväys",
    "muutettu",
    "voimassa",
    "uppdaterad",
    "upprättad",
    "ändrad",
    "datum",
    "updated",
    "last modified",
    "effective",
    "revised",
];

/// The date a line gives as the notice's preparation or update date, if it says so.
pub(crate) fn updated_date(line: &str) -> Option<Date> {
    let lower = line.to_lowercase();
    UPDATED_WORDS
        .iter()
        .any(|w| lower.contains(w))
        .then(|| date_in(line))
        .flatten()
}

/// Where in `line` its update or preparation label begins ("Laatimispäivä 1.2.2019" after a
/// subtitle on the same line), when text comes before it.
pub(crate) fn updated_label_at(line: &str) -> Option<usize> {
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        return None;
    }
    let at = UPDATED_WORDS.iter().filter_map(|w| lower.find(w)).min()?;
    // "Last updated", "Senast uppdaterad": a word or two before the label belong to it.
    (at > 0 && line.is_char_boundary(at) && line[..at].split_whitespace().count() >= 3)
        .then_some(at)
}

/// Finnish postal addresses in `text`, as written: the street (or `PL 800`) before a postcode,
/// the postcode and the town: "Ratapihantie 9, 00521 Helsinki".
pub(crate) fn addresses(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    for (i, _) in text.char_indices() {
        let postcode = bytes.len() >= i + 7
            && bytes[i..i + 5].iter().all(u8::is_ascii_digit)
            && bytes[i + 5] == b' '
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && text[i + 6..].starts_with(char::is_uppercase);
        if !postcode {
            continue;
        }
        let town_len = text[i + 6..]
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(text.len() - i - 6);
        let end = i + 6 + town_len;
        let before = text[..i].trim_end_matches([' ', ',']);
        let start = street_start(before);
        let street = without_label(before[start..].trim());
        if !street.is_empty() && street.chars().any(|c| c.is_ascii_digit()) {
            found.push(format!("{street}, {}", &text[i..end]));
        }
    }
    found
}

/// Labels written before an address, which are not part of it.
const ADDRESS_LABELS: &[&str] = &[
    "käyntiosoite",
    "postiosoite",
    "osoite",
    "besöksadress",
    "postadress",
    "adress",
    "visiting address",
    "postal address",
    "address",
];

fn without_label(street: &str) -> &str {
    let lower = street.to_lowercase();
    ADDRESS_LABELS
        .iter()
        .find(|label| lower.starts_with(*label))
        .map_or(street, |label| {
            street
                .get(label.len()..)
                .unwrap_or(street)
                .trim_start_matches([':', ' '])
        })
}

/// Where the street part of an address ends `before` begins: the last one or two
/// comma-separated chunks ("Ratapihantie 9, 6. krs"), after any label such as "Käyntiosoite:".
fn street_start(before: &str) -> usize {
    let cut = |s: &str| s.rfind([':', '\n', ';', '(']).map_or(0, |i| i + 1);
    let sentence = before.rfind(". ").filter(|&i| {
        // A floor ("6. krs") is not the end of a sentence.
        !before[..i].ends_with(|c: char| c.is_ascii_digit())
    });
    let floor = sentence.map_or(0, |i| i + 2).max(cut(before));
    let mut start = before.rfind(',').map_or(floor, |i| (i + 1).max(floor));
    let chunk = &before[start..];
    if chunk.contains("krs")
        || chunk.contains("kerros")
        || chunk.contains("vån")
        || chunk.contains("floor")
    {
        start = before[..start.saturating_sub(1)]
            .rfind(',')
            .map_or(floor, |i| (i + 1).max(floor));
    }
    // "Yritys Oy Koivukuja 3": the street is the last capitalised word followed by a number.
    let chunk_end = before[start..]
        .find(',')
        .map_or(before.len(), |i| start + i);
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = start;
    for word in before[start..chunk_end].split(' ') {
        if !word.is_empty() {
            words.push((at, word));
        }
        at += word.len() + 1;
    }
    let street = words.windows(2).rposition(|pair| {
        pair[0].1.starts_with(char::is_uppercase)
            && pair[1].1.starts_with(|c: char| c.is_ascii_digit())
    });
    street.map_or(start, |i| words[i].0)
}

/// Whether `line` is a person's name alone: two or three capitalised words of letters.
pub(crate) fn person_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && w.split('-')
                    .all(|part| part.chars().skip(1).all(char::is_lowercase))
                && chars.all(|c| c.is_alphabetic() || c == '-')
        })
}
