//! Reads retention periods ("2 vuotta", "6 months", "tio år") out of free text, to tell a longer
//! period from a shorter one.

use std::cmp::Ordering;

/// How a new retention text compares with the old.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Comparison {
    Longer,
    Shorter,
    Same,
    /// One side names no period that can be read as days: it may be longer.
    Unclear,
}

pub(super) fn compare(old: &str, new: &str) -> Comparison {
    match (longest_days(old), longest_days(new)) {
        (Some(old), Some(new)) => match new.cmp(&old) {
            Ordering::Greater => Comparison::Longer,
            Ordering::Less => Comparison::Shorter,
            Ordering::Equal => Comparison::Same,
        },
        _ => Comparison::Unclear,
    }
}

/// The longest period the text names, in days (a month is 30, a year 365).
pub(super) fn longest_days(text: &str) -> Option<u64> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == ',' || c == '.'))
        .map(|w| w.trim_matches(|c| c == ',' || c == '.'))
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .filter_map(|pair| Some(quantity(pair[0])? * unit_days(pair[1])? / 10))
        .max()
}

/// A count in tenths, so "1,5 vuotta" is 15.
fn quantity(word: &str) -> Option<u64> {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse::<u64>().ok().map(|n| n.saturating_mul(10));
    }
    if let Some((whole, fraction)) = word.split_once([',', '.']) {
        if fraction.len() == 1
            && [whole, fraction]
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Some(
                whole.parse::<u64>().ok()?.saturating_mul(10) + fraction.parse::<u64>().ok()?,
            );
        }
    }
    const NUMBER_WORDS: [(&[&str], u64); 10] = [
        (&["yksi", "yhden", "yhdeksi", "one", "en", "ett"], 1),
        (&["kaksi", "kahden", "kahdeksi", "two", "två"], 2),
        (&["kolme", "kolmen", "three", "tre"], 3),
        (&["neljä", "neljän", "four", "fyra"], 4),
        (&["viisi", "viiden", "five", "fem"], 5),
        (&["kuusi", "kuuden", "six", "sex"], 6),
        (&["seitsemän", "seven", "sju"], 7),
        (&["kahdeksan", "eight", "åtta"], 8),
        (&["kymmenen", "ten", "tio"], 10),
        (&["kaksitoista", "twelve", "tolv"], 12),
    ];
    NUMBER_WORDS
        .iter()
        .find(|(words, _)| words.contains(&word))
        .map(|(_, n)| n * 10)
}

fn unit_days(word: &str) -> Option<u64> {
    // Longer prefixes first: "vuorokausi" (a day) must not be read as "vuosi" (a year).
    const UNITS: [(&str, u64); 15] = [
        ("vuorokau", 1),
        ("vrk", 1),
        ("päiv", 1),
        ("dygn", 1),
        ("dag", 1),
        ("day", 1),
        ("viik", 7),
        ("veck", 7),
        ("week", 7),
        ("kuukau", 30),
        ("månad", 30),
        ("month", 30),
        ("vuo", 365),
        ("år", 365),
        ("year", 365),
    ];
    if word == "kk" {
        return Some(30);
    }
    UNITS
        .iter()
        .find(|(prefix, _)| word.starts_with(prefix))
        .map(|(_, days)| *days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_periods_in_three_languages() {
        assert_eq!(longest_days("Tiedot säilytetään 2 vuotta."), Some(730));
        assert_eq!(
            longest_days("kuusi kuukautta asiakkuuden päättymisestä"),
            Some(180)
        );
        assert_eq!(longest_days("sparas i tio år"), Some(3650));
        assert_eq!(longest_days("kept for 30 days, backups 90 days"), Some(90));
        assert_eq!(longest_days("1,5 vuotta"), Some(547));
        assert_eq!(longest_days("14 vuorokautta"), Some(14));
        assert_eq!(longest_days("niin kauan kuin asiakkuus kestää"), None);
    }

    #[test]
    fn compares_old_and_new() {
        assert_eq!(compare("2 vuotta", "10 vuotta"), Comparison::Longer);
        assert_eq!(compare("10 years", "24 months"), Comparison::Shorter);
        assert_eq!(compare("2 vuotta", "kaksi vuotta"), Comparison::Same);
        assert_eq!(compare("2 vuotta", "toistaiseksi"), Comparison::Unclear);
    }
}
