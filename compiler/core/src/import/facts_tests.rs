//! Unit tests of fact extraction: Y-tunnus check digit, each e-mail obfuscation, phones,
//! Finnish dates and addresses.

use super::facts::*;
use crate::model::Date;

#[test]
fn business_id_check_digit() {
    assert!(business_id_valid("2560057-1"));
    assert!(business_id_valid("2873640-7"));
    assert!(!business_id_valid("2560057-2"));
    assert!(!business_id_valid("256005-71"));
    // r = 1 is never valid, whatever the check digit.
    let r1 = (0..10_000_000u32)
        .map(|n| format!("{n:07}"))
        .find(|d| {
            let s: u32 = [7, 9, 10, 5, 8, 4, 2]
                .iter()
                .zip(d.bytes())
                .map(|(w, b)| w * u32::from(b - b'0'))
                .sum();
            s % 11 == 1
        })
        .unwrap();
    assert!((0..10).all(|c| !business_id_valid(&format!("{r1}-{c}"))));
    assert_eq!(
        business_ids("Y-tunnus: 2560057-1."),
        [("2560057-1".to_string(), true)]
    );
    assert_eq!(business_ids("tilinumero 12560057-1"), []);
}

#[test]
fn every_obfuscation_is_undone() {
    for text in [
        "nimi (at) yritys.fi",
        "nimi(at)yritys.fi",
        "nimi[at]yritys.fi",
        "nimi [at] yritys.fi",
        "nimi(a)yritys.fi",
        "nimi@yritys[dot]fi",
        "nimi (at) yritys (dot) fi",
        "nimi@yritys.fi.",
    ] {
        assert_eq!(emails(text), ["nimi@yritys.fi"], "{text}");
    }
    assert_eq!(
        emails("Sähköposti: [email protected]"),
        Vec::<String>::new()
    );
    assert_eq!(
        emails("tietosuoja@om.fi tai tietosuoja@om.fi"),
        ["tietosuoja@om.fi"]
    );
}

#[test]
fn phones_are_found_but_not_ids_or_postcodes() {
    assert_eq!(phones("Vaihde 029 566 6700."), ["029 566 6700"]);
    assert_eq!(phones("puh. +358 29 566 6700"), ["+358 29 566 6700"]);
    assert_eq!(phones("040-1234567"), ["040-1234567"]);
    assert!(phones("Y-tunnus 0123456-7, 00521 Helsinki, 1.2.2023").is_empty());
}

#[test]
fn finnish_dates_and_update_lines() {
    let d = |y, m, d| {
        Some(Date {
            year: y,
            month: m,
            day: d,
        })
    };
    assert_eq!(updated_date("Laatimispäivä 1.2.2023"), d(2023, 2, 1));
    assert_eq!(
        updated_date("Päivitetty viimeksi: 29.11.2025"),
        d(2025, 11, 29)
    );
    assert_eq!(updated_date("Uppdaterad 03.04.2024"), d(2024, 4, 3));
    assert_eq!(updated_date("Last updated 2024-05-06"), d(2024, 5, 6));
    assert_eq!(updated_date("Last updated: 12 March 2024"), d(2024, 3, 12));
    assert_eq!(updated_date("Updated March 12, 2024"), d(2024, 3, 12));
    assert_eq!(updated_date("Uppdaterad 5 juni 2023"), d(2023, 6, 5));
    assert_eq!(
        updated_date("Päivitetty 1. maaliskuuta 2024"),
        d(2024, 3, 1)
    );
    assert_eq!(updated_date("Päivitetty 31.2.2024"), None);
    assert_eq!(updated_date("Tapahtuma 1.2.2023"), None);
}

#[test]
fn addresses_keep_what_is_written() {
    assert_eq!(
        addresses("Käyntiosoite: Ratapihantie 9, 00521 Helsinki"),
        ["Ratapihantie 9, 00521 Helsinki"]
    );
    assert_eq!(
        addresses("Ratapihantie 9, 6. krs, 00520 Helsinki."),
        ["Ratapihantie 9, 6. krs, 00520 Helsinki"]
    );
    assert_eq!(
        addresses("Postiosoite PL 800, 00531 Helsinki"),
        ["PL 800, 00531 Helsinki"]
    );
    assert_eq!(
        addresses("Tietosuojavaltuutetun toimisto Ratapihantie 9, 00521 Helsinki"),
        ["Ratapihantie 9, 00521 Helsinki"]
    );
    assert_eq!(
        addresses("Esimerkkitie 12 A, 40100 Jyväskylä"),
        ["Esimerkkitie 12 A, 40100 Jyväskylä"]
    );
}

#[test]
fn people_are_two_or_three_capitalised_words() {
    assert!(person_name("Maija Meikäläinen"));
    assert!(person_name("Anna-Liisa Esimerkki"));
    assert!(!person_name("Asiakaspalvelu"));
    assert!(!person_name("Sähköposti: a@b.fi"));
}

#[test]
fn the_update_label_is_found_after_a_subtitle_on_its_line() {
    let line =
        "Henkilötietolain (523/1999) 10 §:n mukainen rekisteriseloste Laatimispäivä 1.2.2019";
    let at = updated_label_at(line).unwrap();
    assert_eq!(&line[at..], "Laatimispäivä 1.2.2019");
    assert_eq!(updated_label_at("Päivitetty 1.2.2023"), None);
    assert_eq!(updated_label_at("Last updated: 12 May 2023"), None);
}
