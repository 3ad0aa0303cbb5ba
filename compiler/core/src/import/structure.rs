//! What the formats mark differently, made the same before a document is understood: a
//! title that a web page or Word document sets as a plain paragraph, a block of lines broken
//! with `<br>` (which copied text gives as lines of their own), and the links and emphasis
//! around a fact (`[x@y.fi](mailto:x@y.fi)`, `**Nimi:** …`).

use super::document::{Block, BlockKind};
use super::vocabulary::section_of;

/// Words that name a whole notice, in the titles real ones give themselves: "Tietosuojaseloste",
/// "Rekisteri- ja tietosuojaseloste", "Dataskyddsbeskrivning", "Privacy policy".
const TITLE_STEMS: &[&str] = &[
    "seloste",
    "tietosuoja",
    "yksityisyy",
    "dataskydd",
    "integritet",
    "personuppgift",
    "privacy",
    "data protection",
];

/// Whether `text` reads as a notice's title: short, not a sentence, and naming a notice.
pub(crate) fn is_title(text: &str) -> bool {
    let text = text.replace("**", "");
    let text = text.trim();
    let lower = text.to_lowercase();
    text.split_whitespace().count() <= 10
        && !text.ends_with(['.', ':', ',', ';'])
        && !text.contains('\n')
        && TITLE_STEMS.iter().any(|stem| lower.contains(stem))
}

/// The document's first block as its title (level-1 heading) when it is a paragraph that reads
/// as one: a saved page's `<p>Tietosuojaseloste</p>` is the same title as the copied text's
/// first line, and so is an old template's "REKISTERISELOSTE" above its subtitle.
pub(crate) fn promote_title(blocks: &mut [Block]) {
    let Some(first) = blocks.first() else {
        return;
    };
    if first.kind == BlockKind::Paragraph
        && is_title(&first.text)
        && section_of(&first.text).is_none()
    {
        let text = first.text.replace("**", "").trim().to_string();
        blocks[0] = Block {
            kind: BlockKind::Heading { level: 1 },
            text,
            lines: first.lines.clone(),
        };
    }
}

/// A paragraph's lines as paragraphs of their own: "Yritys Oy<br>Sähköposti: …" reads as the
/// copied text's two lines. Other blocks stay whole.
pub(crate) fn lines_of(block: &Block) -> Vec<Block> {
    if block.kind != BlockKind::Paragraph || !block.text.contains('\n') {
        return vec![block.clone()];
    }
    block
        .text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| Block {
            kind: BlockKind::Paragraph,
            text: line.to_string(),
            lines: block.lines.clone(),
        })
        .collect()
}

/// A block's text as its facts are read from it: emphasis dropped, and a link whose text is
/// its own address ("[x@y.fi](mailto:x@y.fi)", "[www.y.fi](https://www.y.fi)") reduced to
/// that text; a link with other words keeps them, and its address after them.
pub(crate) fn fact_text(text: &str) -> String {
    let text = text.replace("**", "").replace("__", "");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(open) = rest.find('[') {
        let Some((label, href, after)) = link_at(&rest[open..]) else {
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        };
        out.push_str(&rest[..open]);
        out.push_str(label);
        let target = href
            .trim_start_matches("mailto:")
            .trim_start_matches("tel:")
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/');
        if !label.contains(target) {
            out.push_str(" (");
            out.push_str(href);
            out.push(')');
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// "[label](href)rest" split into its parts.
fn link_at(text: &str) -> Option<(&str, &str, &str)> {
    let close = text.find("](")?;
    let label = &text[1..close];
    if label.contains(['[', ']']) {
        return None;
    }
    let end = text[close + 2..].find(')')? + close + 2;
    Some((label, &text[close + 2..end], &text[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
            lines: 1..2,
        }
    }

    #[test]
    fn titles_name_a_notice_in_any_of_the_three_languages() {
        for title in [
            "Tietosuoja- ja rekisteriseloste",
            "Rekisteriseloste",
            "**Tietosuojakäytäntö**",
            "Dataskyddsbeskrivning",
            "Privacy Policy",
            "Yksityisyydensuoja",
        ] {
            assert!(is_title(title), "{title}");
        }
        for not in [
            "Tietosuoja on meille tärkeää.",
            "Pikselitupa Digital",
            "Henkilötietoja käsitellään seuraaviin tarkoituksiin:",
        ] {
            assert!(!is_title(not), "{not}");
        }
    }

    #[test]
    fn a_first_paragraph_that_is_a_title_becomes_the_title_heading() {
        let mut blocks = vec![
            paragraph("Tietosuojaseloste"),
            Block {
                kind: BlockKind::Heading { level: 2 },
                text: "Rekisterinpitäjä".to_string(),
                lines: 2..3,
            },
        ];
        promote_title(&mut blocks);
        assert_eq!(blocks[0].kind, BlockKind::Heading { level: 1 });
        let mut sentence = vec![
            paragraph("Tietosuoja on meille tärkeää."),
            paragraph("Teksti."),
        ];
        promote_title(&mut sentence);
        assert_eq!(sentence[0].kind, BlockKind::Paragraph);
    }

    #[test]
    fn a_broken_paragraph_reads_as_its_lines() {
        let lines = lines_of(&paragraph("Yritys Oy\nSähköposti: a@b.example\n"));
        let texts: Vec<&str> = lines.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Yritys Oy", "Sähköposti: a@b.example"]);
    }

    #[test]
    fn links_and_emphasis_around_a_fact_are_dropped() {
        assert_eq!(
            fact_text("**Sähköposti:** [a@b.example](mailto:a@b.example)"),
            "Sähköposti: a@b.example"
        );
        assert_eq!(
            fact_text("[www.b.example](https://www.b.example/)"),
            "www.b.example"
        );
        assert_eq!(
            fact_text("Lue [tästä](https://b.example/x) lisää"),
            "Lue tästä (https://b.example/x) lisää"
        );
        assert_eq!(fact_text("[1] viite"), "[1] viite");
    }
}
