//! References to GDPR articles, written the way each language cites law: fi "tietosuoja-asetuksen
//! 6 artiklan 1 kohdan f alakohta", sv "artikel 6.1 f i dataskyddsförordningen", en "GDPR Art.
//! 6(1)(f)". Every citation a page shows goes through [`Article::cite`], so the style is the same
//! everywhere and cannot drift between templates.

use crate::model::Lang;

/// A reference to a GDPR article, down to a paragraph, a point and a subparagraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article {
    number: u16,
    paragraph: Option<u16>,
    point: Option<char>,
    /// 2 for "second subparagraph" (Art. 49(1), second subparagraph).
    subparagraph: Option<u8>,
}

impl Article {
    /// The whole article, e.g. Art. 21.
    pub const fn new(number: u16) -> Article {
        Article {
            number,
            paragraph: None,
            point: None,
            subparagraph: None,
        }
    }

    /// A paragraph of the article, e.g. Art. 26(2).
    pub const fn paragraph(self, paragraph: u16) -> Article {
        Article {
            paragraph: Some(paragraph),
            ..self
        }
    }

    /// A point of the paragraph, e.g. Art. 6(1)(f).
    pub const fn point(self, point: char) -> Article {
        Article {
            point: Some(point),
            ..self
        }
    }

    /// A numbered subparagraph of the paragraph, e.g. Art. 49(1), second subparagraph.
    pub const fn subparagraph(self, subparagraph: u8) -> Article {
        Article {
            subparagraph: Some(subparagraph),
            ..self
        }
    }

    /// Reads a reference as the sources write it: `15`, `7(3)`, `6(1)(f)`, with an optional
    /// `Art.` in front. `None` for anything else, such as a range `15–18`.
    pub fn parse(text: &str) -> Option<Article> {
        let text = text.trim();
        let text = text
            .strip_prefix("Art.")
            .or_else(|| text.strip_prefix("art."))
            .unwrap_or(text)
            .trim();
        let (number, mut rest) = text.split_at(text.find('(').unwrap_or(text.len()));
        let mut article = Article::new(number.parse().ok()?);
        let mut parts = Vec::new();
        while let Some(inner) = rest.strip_prefix('(') {
            let end = inner.find(')')?;
            parts.push(&inner[..end]);
            rest = &inner[end + 1..];
        }
        if !rest.is_empty() || parts.len() > 2 {
            return None;
        }
        if let Some(paragraph) = parts.first() {
            article = article.paragraph(paragraph.parse().ok()?);
        }
        if let Some(point) = parts.get(1) {
            let mut chars = point.chars();
            let (Some(letter), None) = (chars.next(), chars.next()) else {
                return None;
            };
            if !letter.is_ascii_lowercase() {
                return None;
            }
            article = article.point(letter);
        }
        Some(article)
    }

    /// The citation in `lang`, in the nominative: fi "tietosuoja-asetuksen 6 artiklan 1 kohdan
    /// f alakohta", sv "artikel 6.1 f i dataskyddsförordningen", en "GDPR Art. 6(1)(f)".
    pub fn cite(self, lang: Lang) -> String {
        match lang {
            Lang::Fi => self.finnish(false),
            Lang::Sv => self.swedish(),
            Lang::En => self.english(),
        }
    }

    /// The citation in the Finnish genitive ("… 28 artiklan"), for phrases like "… mukainen";
    /// Swedish and English do not inflect it.
    pub fn cite_genitive(self, lang: Lang) -> String {
        match lang {
            Lang::Fi => self.finnish(true),
            _ => self.cite(lang),
        }
    }

    fn finnish(self, genitive: bool) -> String {
        // The last unit named takes the case; the ones before it are in the genitive.
        let mut text = format!("tietosuoja-asetuksen {} ", self.number);
        let mut units: Vec<(String, &str, &str)> = vec![(String::new(), "artikla", "artiklan")];
        if let Some(paragraph) = self.paragraph {
            units.push((format!("{paragraph} "), "kohta", "kohdan"));
        }
        if let Some(point) = self.point {
            units.push((format!("{point} "), "alakohta", "alakohdan"));
        }
        if let Some(sub) = self.subparagraph {
            let ordinal = ordinal(sub, ["ensimmäinen", "toinen", "kolmas"], "");
            units.push((format!("{ordinal} "), "alakohta", "alakohdan"));
        }
        let last = units.len() - 1;
        for (i, (lead, nominative, inflected)) in units.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(lead);
            text.push_str(if i < last || genitive {
                inflected
            } else {
                nominative
            });
        }
        text
    }

    fn swedish(self) -> String {
        let mut text = format!("artikel {}", self.number);
        if let Some(paragraph) = self.paragraph {
            text.push_str(&format!(".{paragraph}"));
        }
        if let Some(point) = self.point {
            text.push_str(&format!(" {point}"));
        }
        if let Some(sub) = self.subparagraph {
            let ordinal = ordinal(sub, ["första", "andra", "tredje"], "");
            text.push_str(&format!(" {ordinal} stycket"));
        }
        text.push_str(" i dataskyddsförordningen");
        text
    }

    fn english(self) -> String {
        let mut text = format!("GDPR Art. {}", self.number);
        if let Some(paragraph) = self.paragraph {
            text.push_str(&format!("({paragraph})"));
        }
        if let Some(point) = self.point {
            text.push_str(&format!("({point})"));
        }
        if let Some(sub) = self.subparagraph {
            let ordinal = ordinal(sub, ["first", "second", "third"], "");
            text.push_str(&format!(", {ordinal} subparagraph"));
        }
        text
    }
}

/// An article reference as the sources wrote it (a rights item's `article`), cited in `lang`;
/// a reference that does not parse is shown as written after the regulation's name.
pub fn cite_text(reference: &str, lang: Lang) -> String {
    match Article::parse(reference) {
        Some(article) => article.cite(lang),
        None => {
            let law = super::pick(lang, "tietosuoja-asetus", "dataskyddsförordningen", "GDPR");
            format!("{law} {}", reference.trim())
        }
    }
}

fn ordinal(n: u8, words: [&'static str; 3], fallback: &'static str) -> &'static str {
    match n {
        1..=3 => words[usize::from(n - 1)],
        _ => fallback,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(article: Article) -> [String; 3] {
        [Lang::Fi, Lang::Sv, Lang::En].map(|lang| article.cite(lang))
    }

    #[test]
    fn cites_a_point_in_national_style() {
        assert_eq!(
            all(Article::new(6).paragraph(1).point('f')),
            [
                "tietosuoja-asetuksen 6 artiklan 1 kohdan f alakohta",
                "artikel 6.1 f i dataskyddsförordningen",
                "GDPR Art. 6(1)(f)",
            ]
        );
    }

    #[test]
    fn cites_articles_and_paragraphs() {
        assert_eq!(
            all(Article::new(21)),
            [
                "tietosuoja-asetuksen 21 artikla",
                "artikel 21 i dataskyddsförordningen",
                "GDPR Art. 21",
            ]
        );
        assert_eq!(
            all(Article::new(26).paragraph(2)),
            [
                "tietosuoja-asetuksen 26 artiklan 2 kohta",
                "artikel 26.2 i dataskyddsförordningen",
                "GDPR Art. 26(2)",
            ]
        );
    }

    #[test]
    fn cites_a_subparagraph() {
        assert_eq!(
            all(Article::new(49).paragraph(1).subparagraph(2)),
            [
                "tietosuoja-asetuksen 49 artiklan 1 kohdan toinen alakohta",
                "artikel 49.1 andra stycket i dataskyddsförordningen",
                "GDPR Art. 49(1), second subparagraph",
            ]
        );
    }

    #[test]
    fn finnish_genitive_inflects_the_last_unit() {
        assert_eq!(
            Article::new(28).cite_genitive(Lang::Fi),
            "tietosuoja-asetuksen 28 artiklan"
        );
        assert_eq!(
            Article::new(9)
                .paragraph(2)
                .point('a')
                .cite_genitive(Lang::Fi),
            "tietosuoja-asetuksen 9 artiklan 2 kohdan a alakohdan"
        );
    }

    #[test]
    fn parses_what_sources_write() {
        assert_eq!(Article::parse("15"), Some(Article::new(15)));
        assert_eq!(Article::parse("7(3)"), Some(Article::new(7).paragraph(3)));
        assert_eq!(
            Article::parse("Art. 13(2)(e)"),
            Some(Article::new(13).paragraph(2).point('e'))
        );
        assert_eq!(Article::parse("15–18"), None);
        assert_eq!(Article::parse("6(1)(ff)"), None);
        assert_eq!(cite_text("15–18", Lang::En), "GDPR 15–18");
        assert_eq!(
            cite_text("77", Lang::Sv),
            "artikel 77 i dataskyddsförordningen"
        );
    }
}
