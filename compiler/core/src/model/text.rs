//! Languages, translatable text (`"…"` or `{ fi = "…", sv = "…", en = "…" }`) and calendar dates.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::{Serialize, Serializer};

/// A language a notice can be published in. The compiler ships labels for these three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// Finnish, `fi`.
    Fi,
    /// Swedish, `sv`: Finland's other national language.
    Sv,
    /// English, `en`.
    En,
}

impl Lang {
    /// Every language the compiler supports.
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];
    const CODES: &'static [&'static str] = &["fi", "sv", "en"];

    /// The ISO 639-1 code, as written in the sources and in the page's `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language whose ISO 639-1 code is `code`, if the compiler supports it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::from_code(&code).ok_or_else(|| {
            let looks_like_code = code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase());
            let problem = if looks_like_code {
                format!("unsupported language code `{code}`")
            } else {
                format!("invalid language code `{code}`")
            };
            de::Error::custom(format!(
                "{problem}: expected a two-letter ISO 639-1 code, one of {}",
                crate::diagnostic::one_of(Lang::CODES)
            ))
        })
    }
}

/// The languages a site publishes: at least one, no repeats, the primary first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Languages(Vec<Lang>);

impl Languages {
    /// The primary language: listed first, and the fallback for a missing translation.
    pub fn primary(&self) -> Lang {
        self.0[0]
    }

    /// The languages in order, primary first.
    pub fn to_vec(&self) -> Vec<Lang> {
        self.0.clone()
    }
}

impl Default for Languages {
    fn default() -> Self {
        Languages(vec![Lang::Fi])
    }
}

impl<'de> Deserialize<'de> for Languages {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let listed = Vec::<Lang>::deserialize(deserializer)?;
        if listed.is_empty() {
            return Err(de::Error::custom(
                "`languages` is empty: list at least one language, like `languages = [\"fi\"]`",
            ));
        }
        let mut unique: Vec<Lang> = Vec::with_capacity(listed.len());
        for lang in listed {
            if !unique.contains(&lang) {
                unique.push(lang);
            }
        }
        Ok(Languages(unique))
    }
}

/// Text that is the same in every language, or given per language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Text {
    /// A plain string, the same in every language.
    Plain(String),
    /// A table of translations by language, with at least one.
    Localized(BTreeMap<Lang, String>),
}

/// A text resolved for one page language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localized<'a> {
    /// The text to show.
    pub text: &'a str,
    /// The language the text is actually in, when it differs from the page's (a fallback).
    pub fallback: Option<Lang>,
}

impl Text {
    /// The text for `lang`; falls back to `primary`, then to any language, so a missing
    /// translation never blanks a page. `notice check` reports the gap.
    pub fn get(&self, lang: Lang, primary: Lang) -> Localized<'_> {
        match self {
            Text::Plain(text) => Localized {
                text,
                fallback: None,
            },
            Text::Localized(map) => {
                if let Some(text) = map.get(&lang) {
                    return Localized {
                        text,
                        fallback: None,
                    };
                }
                let (found, text) = map
                    .get_key_value(&primary)
                    .or_else(|| map.iter().next())
                    .map_or((lang, ""), |(l, t)| (*l, t.as_str()));
                Localized {
                    text,
                    fallback: (found != lang).then_some(found),
                }
            }
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a table of languages like { fi = \"…\", en = \"…\" }")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
                Ok(Text::Plain(value.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut texts = BTreeMap::new();
                while let Some(lang) = map.next_key::<Lang>()? {
                    texts.insert(lang, map.next_value::<String>()?);
                }
                if texts.is_empty() {
                    return Err(de::Error::custom(
                        "empty language table: give at least one language, like { fi = \"…\" }",
                    ));
                }
                Ok(Text::Localized(texts))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

/// A calendar date, written as a TOML date (`2025-12-01`) or an ISO 8601 string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, e.g. 2025.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
}

impl Date {
    /// Reads exactly `YYYY-MM-DD`, a real day of the Gregorian calendar from the year 1 on;
    /// `None` for any other form.
    pub fn parse(text: &str) -> Option<Date> {
        // The shape is checked first: jiff's ISO 8601 parser also takes forms a notice does not
        // use, such as `20251201`, a time after the date, or a signed six-digit year.
        let shape = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !shape {
            return None;
        }
        // Month lengths and leap years are jiff's.
        Date::from_civil(text.parse().ok()?)
    }

    /// A jiff calendar date as a `Date`; `None` before the year 1, which jiff has (ISO 8601's
    /// year 0 is 1 BC) and no notice means.
    pub(crate) fn from_civil(date: jiff::civil::Date) -> Option<Date> {
        Some(Date {
            year: u16::try_from(date.year()).ok().filter(|year| *year >= 1)?,
            month: u8::try_from(date.month()).ok()?,
            day: u8::try_from(date.day()).ok()?,
        })
    }

    /// The Finnish way: day.month.year without leading zeros, e.g. `13.3.2023`.
    pub fn finnish(&self) -> String {
        format!("{}.{}.{}", self.day, self.month, self.year)
    }
}

impl fmt::Display for Date {
    /// ISO 8601, for machine output.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| {
            de::Error::custom(format!(
                "invalid date `{text}`: expected a calendar date as YYYY-MM-DD, like 2025-12-01"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_validate_the_calendar() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.finnish()).as_deref(),
            Some("29.2.2024")
        );
        assert_eq!(
            Date::parse("2000-02-29").map(|d| d.to_string()).as_deref(),
            Some("2000-02-29")
        );
        assert_eq!(
            Date::parse("0001-01-01").map(|d| d.to_string()).as_deref(),
            Some("0001-01-01")
        );
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2025-02-30",
            "2025-04-31",
            "2023-13-01",
            "2023-00-10",
            "2023-12-00",
            "0000-01-01",
            "2023-1-01",
            "20230101",
            "2023-01-01T10:00",
            "2023/01/01",
            "+2023-01-01",
            "２０２３-01-01",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::parse("2023-03-13").unwrap().finnish(), "13.3.2023");
        assert_eq!(Date::parse("2023-03-13").unwrap().to_string(), "2023-03-13");
    }

    #[derive(Debug, serde::Deserialize)]
    struct WithLanguages {
        languages: Languages,
    }

    fn languages(text: &str) -> Result<Languages, crate::diagnostic::Diagnostic> {
        let file = crate::source::SourceFile::new("l.toml", text.to_string());
        let node = crate::source::parse(&file).unwrap();
        crate::de::from_node::<WithLanguages>(&node).map(|w| w.languages)
    }

    #[test]
    fn languages_are_non_empty_and_unique() {
        let listed = languages("languages = [\"sv\", \"fi\", \"sv\"]").unwrap();
        assert_eq!(listed.to_vec(), [Lang::Sv, Lang::Fi]);
        assert_eq!(listed.primary(), Lang::Sv);
        let err = languages("\nlanguages = []").unwrap_err();
        assert!(
            err.message.starts_with("`languages` is empty"),
            "{}",
            err.message
        );
        assert_eq!(err.location().unwrap(), "l.toml:2:13");
    }

    #[test]
    fn text_falls_back_to_the_primary_language() {
        let text = Text::Localized(BTreeMap::from([(Lang::Fi, "Hei".to_string())]));
        assert_eq!(
            text.get(Lang::En, Lang::Fi),
            Localized {
                text: "Hei",
                fallback: Some(Lang::Fi)
            }
        );
        assert_eq!(text.get(Lang::Fi, Lang::Fi).fallback, None);
    }
}
