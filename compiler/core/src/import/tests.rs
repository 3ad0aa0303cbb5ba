//! Properties of the whole importer: any input, however malformed, reads, assembles and
//! writes without a panic, and what is written is TOML that parses.

use proptest::prelude::*;

use super::markdown::read_markdown;
use super::text::read_text;
use super::{assemble, emit};
use crate::model::Lang;
use crate::source::{SourceFile, parse};

/// Lines built from the pieces real notices and their artefacts are made of.
fn notice_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("1. Rekisterinpitäjä".to_string()),
        Just("REKISTERÖIDYN OIKEUDET".to_string()),
        Just("Mihin tietojani käytetään?".to_string()),
        Just("Rekisterin tietosisältö: Nimi, osoite ja puhelin.".to_string()),
        Just("  • Nimi".to_string()),
        Just("- **Sähköposti**".to_string()),
        Just("nimi (at) yritys.fi [dot] 040 123 4567 2560057-1".to_string()),
        Just("Ratapihantie 9, 00521 Helsinki".to_string()),
        Just("Tieto\tAika\t\"\"\"\\".to_string()),
        Just("<p>fbpx</p> Takaisin ylös".to_string()),
        Just("Päivitetty 31.12.2025".to_string()),
        Just(String::new()),
        "\\PC{0,40}",
    ];
    prop::collection::vec(piece, 0..30).prop_map(|lines| lines.join("\n"))
}

fn written_toml_parses(document: &super::Document) {
    let draft = assemble::assemble(document, Lang::Fi);
    let toml = emit::notice_toml(&draft, "input.txt");
    let file = SourceFile::new("notice.toml", toml.clone());
    assert!(parse(&file).is_ok(), "not TOML:\n{toml}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_text_imports_to_toml_that_parses(input in notice_like()) {
        written_toml_parses(&read_text(&input));
        written_toml_parses(&read_markdown(&input));
    }
}
