//! The facts real notices state render on the page in every language: the Art. 9(2) condition,
//! the Art. 6(3) law, Art. 13(2)(e) per purpose and category, Art. 49 derogations, public
//! sources, the joint controllers' arrangement, children's consent, security measures and the
//! `[none]` statements; the right to object stands apart when Art. 21(4) requires it.

use crate::support::Project;

const FULL: &str = r###"languages = ["fi", "sv", "en"]

[controller]
name = "Kahvila Esimerkki Oy"
phone = "09 123 4567"

[[purposes]]
id = "allergiat"
title = { fi = "Allergiatiedot", sv = "Allergiuppgifter", en = "Allergy data" }
basis = "consent"
special_category_condition = "explicit-consent"
requirement = { kind = "voluntary", consequences = { fi = "Ilman tietoa emme voi ottaa allergiaa huomioon.", sv = "Utan uppgiften kan vi inte beakta allergin.", en = "Without it we cannot take the allergy into account." } }

[[purposes]]
id = "kirjanpito"
description = { fi = "Kirjanpito hoidetaan lain mukaan.", sv = "Bokföringen sköts enligt lag.", en = "Bookkeeping is kept as the law requires." }
basis = "legal-obligation"
law = "Kirjanpitolaki (1336/1997) 2 luku 10 §"

[[purposes]]
id = "uutiskirje"
title = "Uutiskirje"
basis = "legitimate-interests"
legitimate_interest = "Asiakkaiden tiedottaminen."
direct_marketing = true

[[purposes]]
id = "ilman-perustetta"
title = "Ilman perustetta"

[children]
age_limit = 13

[[data_categories]]
id = "terveys"
title = "Allergiat"
special_category = "health"

[[sources]]
id = "ytj"
title = "Yritys- ja yhteisötietojärjestelmä"
public = true

[[recipients]]
id = "ketju"
name = "Ketju Oy"
role = "joint-controller"
arrangement = { fi = "Ketju vastaa rekisteröityjen pyyntöihin.", sv = "Kedjan besvarar begäranden.", en = "The chain answers requests." }

[[transfers]]
id = "tuki"
recipient = "Tuki Inc."
safeguard = "derogation"
derogation = "contract"

[none]
cookies = true

[security]
measures = ["encrypted-connections", "locked-premises"]

[[rights]]
id = "access"
article = "15"
title = "Oikeus saada pääsy tietoihin"
body = "Voit pyytää tietosi."

[[rights]]
id = "objection"
article = "21"
title = "Oikeus vastustaa käsittelyä"
body = "Voit vastustaa käsittelyä."

[authority]
name = "Tietosuojavaltuutetun toimisto"
phone = "029 566 6700"
website = { fi = "https://tietosuoja.fi", sv = "https://tietosuoja.fi/sv", en = "https://tietosuoja.fi/en" }
"###;

fn built(source: &str) -> Project {
    let project = Project::empty();
    project.write("content/kahvila/notice.toml", source);
    project.run(&["build"]).expect(0);
    project
}

#[test]
fn new_fields_render_in_every_language() {
    let project = built(FULL);
    let fi = project.read("site/kahvila/index.html");
    for expected in [
        "rekisteröidyn nimenomainen suostumus (tietosuoja-asetuksen 9 artiklan 2 kohdan a alakohta)",
        "Kirjanpitolaki (1336/1997) 2 luku 10 §",
        "Tietojen antaminen on vapaaehtoista. Ilman tietoa emme voi ottaa allergiaa huomioon.",
        "Voit milloin tahansa vastustaa tietojesi käsittelyä suoramarkkinointia varten",
        "Alle 13-vuotiaan lapsen puolesta suostumuksen antaa tai hyväksyy huoltaja",
        "terveyttä koskevat tiedot (tietosuoja-asetuksen 9 artiklan 1 kohta)",
        "(julkisesti saatavilla oleva lähde)",
        "Yhteisrekisterinpitäjien järjestelyn keskeinen sisältö",
        "tietosuoja-asetuksen 49 artiklan 1 kohdan b alakohta",
        "Sivusto ei käytä evästeitä eikä muita vastaavia tekniikoita.",
        "<li>Paperiset asiakirjat säilytetään lukitussa tilassa.</li>",
        "<a href=\"https://tietosuoja.fi\">",
    ] {
        assert!(fi.contains(expected), "fi page lacks {expected:?}");
    }
    let sv = project.read("site/kahvila/sv/index.html");
    for expected in [
        "artikel 9.2 a i dataskyddsförordningen",
        "(allmänt tillgänglig källa)",
        "För ett barn under 13 år ges eller godkänns samtycket av vårdnadshavaren",
        "<a href=\"https://tietosuoja.fi/sv\">",
    ] {
        assert!(sv.contains(expected), "sv page lacks {expected:?}");
    }
    let en = project.read("site/kahvila/en/index.html");
    for expected in [
        "GDPR Art. 9(2)(a)",
        "(publicly accessible source)",
        "GDPR Art. 49(1)(b)",
        "<a href=\"https://tietosuoja.fi/en\">",
        ">+358 29 566 6700</a>",
        ">+358 9 123 4567</a>",
    ] {
        assert!(en.contains(expected), "en page lacks {expected:?}");
    }
    let jsonld = project.read("site/kahvila/notice.jsonld");
    for iri in [
        "eu-gdpr:A9-2-a",
        "eu-gdpr:A49-1-b",
        "dpv:DirectMarketing",
        "dpv:SpecialCategoryPersonalData",
        "dpv:PublicDataSource",
        "dpv:JointDataControllersAgreement",
        "dpv:EncryptionInTransfer",
        "dpv:Child",
    ] {
        assert!(jsonld.contains(iri), "JSON-LD lacks {iri}");
    }
}

/// Regression: a purpose with no basis rendered `<dl></dl>`, and one with no title an empty
/// `<h3></h3>`.
#[test]
fn purpose_without_title_or_basis_renders_no_empty_elements() {
    let project = built(FULL);
    for page in ["index.html", "sv/index.html", "en/index.html"] {
        let html = project.read(&format!("site/kahvila/{page}"));
        assert!(!html.contains("<dl>\n</dl>"), "{page} has an empty list");
        assert!(!html.contains("<h3></h3>"), "{page} has an empty heading");
        assert!(
            !html.contains("<dl class=\"contact\">\n</dl>"),
            "{page} has an empty contact list"
        );
    }
    let fi = project.read("site/kahvila/index.html");
    assert!(fi.contains("<div class=\"item\">\n<p>Kirjanpito hoidetaan lain mukaan.</p>"));
}

/// Art. 21(4): with a legitimate-interests purpose the right to object is its own block under
/// a fixed anchor, first in the rights section, and not repeated in the list.
#[test]
fn objection_stands_apart_when_legitimate_interests_are_relied_on() {
    let project = built(FULL);
    let fi = project.read("site/kahvila/index.html");
    let block = fi
        .find("<div class=\"objection\" id=\"vastustamisoikeus\">")
        .expect("no separate objection block");
    let access = fi.find("<h3>Oikeus saada pääsy tietoihin").unwrap();
    assert!(block < access, "the objection block is not first");
    assert_eq!(fi.matches("<h3>Oikeus vastustaa käsittelyä").count(), 1);
}

#[test]
fn objection_stays_in_the_list_without_legitimate_interests_or_marketing() {
    let source = FULL
        .replace("basis = \"legitimate-interests\"", "basis = \"consent\"")
        .replace("legitimate_interest = \"Asiakkaiden tiedottaminen.\"\n", "")
        .replace("direct_marketing = true", "direct_marketing = false");
    let project = built(&source);
    let fi = project.read("site/kahvila/index.html");
    assert!(!fi.contains("vastustamisoikeus"), "objection set apart");
    assert!(fi.contains("Oikeus vastustaa käsittelyä"));
}

#[test]
fn none_statements_make_the_section_appear() {
    let source = FULL.replace(
        "[none]\ncookies = true",
        "[none]\nrecipients = true\ntransfers = true\ncookies = true",
    );
    let mut source = source;
    for list in ["[[recipients]]", "[[transfers]]"] {
        let start = source.find(list).unwrap();
        let end = source[start + 2..].find("\n\n").unwrap() + start + 4;
        source.replace_range(start..end, "");
    }
    let project = built(&source);
    let fi = project.read("site/kahvila/index.html");
    assert!(fi.contains("<section id=\"luovutukset\">"));
    assert!(fi.contains(
        "eikä niitä käsittele rekisterinpitäjän lukuun yksikään henkilötietojen käsittelijä"
    ));
    assert!(fi.contains("Henkilötietoja ei siirretä EU:n tai ETA:n ulkopuolelle."));
    let en = project.read("site/kahvila/en/index.html");
    assert!(en.contains("Personal data is not transferred outside the EU/EEA."));
}
