//! Unit tests of the plain-text reader: headings by layout, bullets, wrapped lines, tables
//! and page artefacts.

use super::document::BlockKind;
use super::text::read_text;

fn kinds(input: &str) -> Vec<(BlockKind, String)> {
    read_text(input)
        .blocks
        .into_iter()
        .map(|b| (b.kind, b.text))
        .collect()
}

fn h(level: u8, text: &str) -> (BlockKind, String) {
    (BlockKind::Heading { level }, text.to_string())
}

fn p(text: &str) -> (BlockKind, String) {
    (BlockKind::Paragraph, text.to_string())
}

fn li(text: &str) -> (BlockKind, String) {
    (BlockKind::ListItem { depth: 0 }, text.to_string())
}

#[test]
fn headings_by_layout() {
    let input = "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n\nYritys Oy\n\n 1. MITEN TIETONI SUOJATAAN?\n\nHyvin.\n\nMihin voin ottaa yhteyttä?\n\nSoita.\n\nLyhyt otsikko\n\nTeksti.\n";
    assert_eq!(
        kinds(input),
        [
            h(1, "Tietosuojaseloste"),
            h(2, "1. Rekisterinpitäjä"),
            h(2, "Yritys Oy"),
            h(2, "1. MITEN TIETONI SUOJATAAN?"),
            p("Hyvin."),
            h(2, "Mihin voin ottaa yhteyttä?"),
            p("Soita."),
            h(2, "Lyhyt otsikko"),
            p("Teksti."),
        ]
    );
}

#[test]
fn bullets_become_items_and_wrapped_lines_join() {
    let input = "Tarkoitukset:\n\n  • Asiakassuhde\n  - Laskutus\n  * Markkinointi\n  – Analytiikka\n  · Kehitys\n  o Viestintä\n\nTämä on pitkä rivi, joka on katkaistu kesken virkkeen, kuten \nPDF-tiedostoista kopioitaessa käy.\nLyhyt rivi\nToinen.\n";
    assert_eq!(
        kinds(input),
        [
            p("Tarkoitukset:"),
            li("Asiakassuhde"),
            li("Laskutus"),
            li("Markkinointi"),
            li("Analytiikka"),
            li("Kehitys"),
            li("Viestintä"),
            p(
                "Tämä on pitkä rivi, joka on katkaistu kesken virkkeen, kuten PDF-tiedostoista kopioitaessa käy."
            ),
            p("Lyhyt rivi"),
            p("Toinen."),
        ]
    );
}

#[test]
fn artefacts_and_stray_tags_are_dropped() {
    let input = "fbpx\n\nTakaisin ylös\n\nTillbaka upp\n\n<p>Teksti <b>on</b> tässä.</p>\n\nBack to top\n\nWordpress Social Share Plugin powered by Ultimatelysocial\n";
    assert_eq!(kinds(input), [p("Teksti on tässä.")]);
}

#[test]
fn tab_separated_lines_are_table_rows() {
    let doc = read_text("Tieto\tSäilytysaika\nNimi\t2 vuotta\n");
    assert_eq!(
        doc.blocks[1].kind,
        BlockKind::TableRow {
            cells: vec!["Nimi".into(), "2 vuotta".into()]
        }
    );
    assert_eq!(doc.blocks[1].lines, 2..3);
}

#[test]
fn a_line_naming_a_section_heads_the_text_under_it() {
    assert_eq!(
        kinds(
            "Rekisterin tietosisältö\nNimi ja osoite.\n\nRekisterin käyttötarkoitus: Asiakkaiden\npalvelu.\n"
        ),
        [
            h(2, "Rekisterin tietosisältö"),
            p("Nimi ja osoite."),
            p("Rekisterin käyttötarkoitus: Asiakkaiden palvelu."),
        ]
    );
}

#[test]
fn dates_and_addresses_are_not_headings() {
    assert_eq!(
        kinds("Päivitetty 1.2.2023\n\nTeksti.\n"),
        [p("Päivitetty 1.2.2023"), p("Teksti.")]
    );
}
