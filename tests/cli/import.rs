//! `notice import`: the seeds (real notices, names replaced) import, build and keep every fact
//! and nearly every word; the project is never changed by a refused or dry run.

use crate::import_support::{project_with, round_trip};
use crate::support::tree;

#[test]
fn seed_000_imports_builds_and_keeps_every_fact() {
    round_trip("seed-000.txt", "seed-000");
}

#[test]
fn seed_001_imports_builds_and_keeps_every_fact() {
    round_trip("seed-001.txt", "seed-001");
}

#[test]
fn seed_002_imports_builds_and_keeps_every_fact() {
    round_trip("seed-002.txt", "seed-002");
}

#[test]
fn import_refuses_to_overwrite_a_site_without_force() {
    let project = project_with("seed-000.txt");
    project
        .run(&["import", "seed-000.txt", "--site", "pikselitupa"])
        .expect(0);
    project.edit(
        "content/pikselitupa/notice.toml",
        "Pikselitupa Digital",
        "Pikselitupa Digital Oy",
    );
    let before = tree(project.path());
    let run = project
        .run(&["import", "seed-000.txt", "--site", "pikselitupa"])
        .expect(2);
    assert!(run.stderr().contains("--force"), "{}", run.stderr());
    assert_eq!(
        tree(project.path()),
        before,
        "a refused import changed the project"
    );
    project
        .run(&["import", "seed-000.txt", "--site", "pikselitupa", "--force"])
        .expect(0);
    assert!(
        !project
            .read("content/pikselitupa/notice.toml")
            .contains("Pikselitupa Digital Oy")
    );
}

#[test]
fn dry_run_prints_the_mapping_and_writes_nothing() {
    let project = project_with("seed-002.txt");
    let before = tree(project.path());
    let run = project
        .run(&["import", "seed-002.txt", "--dry-run"])
        .expect(0);
    assert_eq!(tree(project.path()), before, "--dry-run wrote something");
    let out = run.stdout();
    assert!(out.contains("nothing was written"), "{out}");
    assert!(out.contains("→ data_categories"), "{out}");
    assert!(out.contains("→ purposes[0].description"), "{out}");
}

#[test]
fn the_site_name_defaults_to_the_controllers_name() {
    let project = project_with("seed-000.txt");
    project.run(&["import", "seed-000.txt"]).expect(0);
    assert!(
        project
            .read("content/pikselitupa-digital/notice.toml")
            .contains("name = \"Pikselitupa Digital\"")
    );
}

#[test]
fn text_that_is_not_a_notice_is_refused_and_nothing_is_written() {
    let project = project_with("seed-000.txt");
    project.write("resepti.txt", "Mustikkapiirakka\n\nSekoita voi ja sokeri. Lisää jauhot.\n\nPaista 200 asteessa 25 minuuttia.\n");
    project.write("tyhja.txt", "  \n\n");
    std::fs::write(
        project.path().join("roska.txt"),
        [0x00_u8, 0x01, 0x02, 0x03, 0xff, 0xfe, 0xfa],
    )
    .unwrap();
    let before = tree(project.path());
    for (file, message) in [
        ("resepti.txt", "does not read as a privacy notice"),
        ("tyhja.txt", "the file is empty"),
        ("roska.txt", "is binary data"),
    ] {
        let run = project.run(&["import", file]).expect(65);
        assert!(run.stderr().contains(message), "{file}: {}", run.stderr());
        assert!(
            run.stderr().contains(file),
            "{file}: the error names the file: {}",
            run.stderr()
        );
    }
    assert_eq!(tree(project.path()), before);
}

#[test]
fn markdown_input_imports_its_lists_and_headings() {
    let project = project_with("seed-000.txt");
    project.write(
        "seloste.md",
        "# Tietosuojaseloste\n\n## Rekisterinpitäjä\n\n**Sammal Oy**, Y-tunnus 2560057-1\n\nsähköposti: tietosuoja (at) sammal.example\n\n## Rekisterin tietosisältö\n\n- Nimi\n- Sähköpostiosoite\n\n## Rekisteröidyn oikeudet\n\n- Oikeus tarkastaa omat tietonsa\n",
    );
    project
        .run(&["import", "seloste.md", "--site", "sammal"])
        .expect(0);
    let toml = project.read("content/sammal/notice.toml");
    for expected in [
        "business_id = \"2560057-1\"",
        "email = \"tietosuoja@sammal.example\"",
        "title = \"Sähköpostiosoite\"",
        "id = \"access\"",
    ] {
        assert!(toml.contains(expected), "{expected} missing:\n{toml}");
    }
    project.run(&["build"]).expect(0);
}

/// Seed 000 lists its rights as one-line bullets: each imports as a title with no body, not
/// as `body = ""`, and the site builds.
#[test]
fn a_right_listed_by_its_title_alone_imports_with_no_empty_body() {
    let project = project_with("seed-000.txt");
    project
        .run(&["import", "seed-000.txt", "--site", "s"])
        .expect(0);
    let toml = project.read("content/s/notice.toml");
    assert!(
        toml.contains("id = \"access\"\ntitle = \"Tarkistaa itseään koskevat tiedot\"\n"),
        "{toml}"
    );
    assert!(
        !toml.contains("body = \"\""),
        "an empty body was written:\n{toml}"
    );
    project.run(&["build"]).expect(0);
}

/// A recipient whose text gives no hint of its role is imported without one, not as a
/// controller by default; one whose text names it keeps its role.
#[test]
fn a_recipient_whose_role_the_text_does_not_give_imports_without_one() {
    let project = project_with("seed-000.txt");
    project.write(
        "seloste.md",
        "# Tietosuojaseloste\n\n## Rekisterinpitäjä\n\n**Sammal Oy**, Y-tunnus 2560057-1\n\n## Rekisterin tietosisältö\n\n- Nimi\n- Sähköpostiosoite\n\n## Tietojen säännönmukaiset luovutukset\n\n- Yhteistyökumppanit\n- Verohallinto\n",
    );
    project
        .run(&["import", "seloste.md", "--site", "sammal"])
        .expect(0);
    let toml = project.read("content/sammal/notice.toml");
    assert!(
        toml.contains("name = \"Yhteistyökumppanit\"\n\n"),
        "the recipient got a role:\n{toml}"
    );
    assert!(
        toml.contains("name = \"Verohallinto\"\nrole = \"authority\"\n"),
        "{toml}"
    );
    project.run(&["build"]).expect(0);
}

#[test]
fn stale_authority_details_are_kept_as_written_so_check_flags_them() {
    let project = project_with("seed-000.txt");
    project.write(
        "seloste.txt",
        "Tietosuojaseloste\n\nLaatimispäivä 1.2.2023\n\n1. Rekisterinpitäjä\n\nPaju Palvelut Oy\nY-tunnus: 2560057-1\nKoivukuja 3, 33100 Tampere\nasiakaspalvelu(at)paju.example\n\n2. Yhteyshenkilö rekisteriä koskevissa asioissa\n\nMaija Esimerkki\nmaija.esimerkki[at]paju[dot]example\npuh. 040 123 4567\n\n3. Tietosuojavastaava\n\nTeemu Testinen\ndpo (a) paju.example\n\n4. Rekisterin tietosisältö\n\n• Nimi\n• Puhelinnumero\n\n5. Valvontaviranomainen\n\nTietosuojavaltuutetun toimisto\nRatapihantie 9, 00521 Helsinki\ntietosuoja@om.fi\n",
    );
    project
        .run(&["import", "seloste.txt", "--site", "paju"])
        .expect(0);
    let toml = project.read("content/paju/notice.toml");
    for expected in [
        "updated = 2023-02-01",
        "name = \"Paju Palvelut Oy\"",
        "business_id = \"2560057-1\"",
        "address = \"Koivukuja 3, 33100 Tampere\"",
        "email = \"asiakaspalvelu@paju.example\"",
        "name = \"Maija Esimerkki\"",
        "email = \"maija.esimerkki@paju.example\"",
        "phone = \"040 123 4567\"",
        "name = \"Teemu Testinen\"",
        "email = \"dpo@paju.example\"",
        "name = \"Tietosuojavaltuutetun toimisto\"",
        "visiting_address = \"Ratapihantie 9, 00521 Helsinki\"",
    ] {
        assert!(toml.contains(expected), "{expected} missing:\n{toml}");
    }
    let check = project.run(&["check", "--site", "paju"]).expect(1);
    assert!(
        check.stderr().contains("stale-authority") || check.stdout().contains("stale-authority"),
        "{}{}",
        check.stdout(),
        check.stderr()
    );
}

#[test]
fn swedish_and_english_notices_map_by_the_same_vocabulary() {
    let project = project_with("seed-000.txt");
    project.write(
        "dataskydd.txt",
        "Dataskyddsbeskrivning\n\nUppdaterad 5.6.2024\n\nPersonuppgiftsansvarig\n\nEkorre Ab\nekorre [at] ekorre.example\n\nÄNDAMÅL MED BEHANDLINGEN\n\n- Kundrelation\n- Fakturering\n\nRegistrets innehåll\n\n- Namn\n- E-postadress\n\nÖverföring av uppgifter utanför EU eller EES\n\nUppgifter överförs inte utanför EU eller EES.\n",
    );
    project.write(
        "privacy.md",
        "# Privacy notice\n\n## Controller\n\nFox Studio Ltd\n\n## What data we collect\n\n- Name\n- Email address\n\n## Your rights\n\n- Right to access your data\n- Right to object to processing\n",
    );
    project
        .run(&["import", "dataskydd.txt", "--site", "ekorre"])
        .expect(0);
    let sv = project.read("content/ekorre/notice.toml");
    for expected in [
        "languages = [\"sv\"]",
        "updated = 2024-06-05",
        "name = \"Ekorre Ab\"",
        "email = \"ekorre@ekorre.example\"",
        "title = \"Kundrelation\"",
        "title = \"E-postadress\"",
        "transfers = true",
    ] {
        assert!(sv.contains(expected), "{expected} missing:\n{sv}");
    }
    project
        .run(&["import", "privacy.md", "--site", "fox", "--lang", "en"])
        .expect(0);
    let en = project.read("content/fox/notice.toml");
    for expected in [
        "languages = [\"en\"]",
        "name = \"Fox Studio Ltd\"",
        "title = \"Email address\"",
        "id = \"access\"",
        "id = \"objection\"",
    ] {
        assert!(en.contains(expected), "{expected} missing:\n{en}");
    }
    project.run(&["build"]).expect(0);
}

#[test]
fn guessed_mappings_are_marked_for_review_and_nothing_is_invented() {
    let project = project_with("seed-002.txt");
    project
        .run(&["import", "seed-002.txt", "--site", "s"])
        .expect(0);
    let toml = project.read("content/s/notice.toml");
    for expected in [
        "# import: guessed from \"1. MITEN TIETOJANI SÄILYTETÄÄN?\"\nretention = ",
        "# import: guessed from \"Google Analytics\"\nrole = \"processor\"",
        "[none]\ntransfers = true\n",
    ] {
        assert!(toml.contains(expected), "{expected} missing:\n{toml}");
    }
    // The seed states no legal basis per purpose, no cookie, no transfer and no controller's
    // name: none is made up (the site's name does not stand in for the controller's).
    for invented in [
        "basis =",
        "[[cookies]]",
        "[[transfers]]",
        "safeguard",
        "name = \"s\"",
    ] {
        assert!(!toml.contains(invented), "{invented} was invented:\n{toml}");
    }
}

#[test]
fn the_old_template_maps_every_numbered_heading() {
    let project = project_with("old-template.txt");
    let run = project.run(&["import", "old-template.txt"]).expect(0);
    assert!(
        run.stdout()
            .contains("text kept in custom sections (1): Muutokset tähän selosteeseen"),
        "{}",
        run.stdout()
    );
    let toml = project.read("content/tilitoimisto-numerokas-oy/notice.toml");
    for expected in [
        "register_name = \"Asiakasrekisteri\"",
        "updated = 2023-02-01",
        "phone = \"09 123 4567\"",
        "name = \"Liisa Laskija\"",
        "manual = \"A) Manuaalinen aineisto: säilytetään lukitussa tilassa.\"",
        "electronic = \"B) Sähköisesti tallennetut tiedot: suojattu salasanoin.\"",
        // A right's own numbered section is that right, its text the body.
        "id = \"access\"\ntitle = \"Tarkastusoikeus\"\nbody = \"Rekisteröidyllä on oikeus tarkastaa tietonsa.\"",
        "[none]\ntransfers = true\nrecipients = true\n",
        "postal_address = \"PL 800, 00521 Helsinki\"",
        "id = \"muutokset-tahan-selosteeseen\"",
    ] {
        assert!(toml.contains(expected), "{expected} missing:\n{toml}");
    }
    project.run(&["build"]).expect(0);
    let check = project
        .run(&["check", "--site", "tilitoimisto-numerokas-oy"])
        .expect(1);
    assert!(
        check.stderr().contains("stale-authority"),
        "{}",
        check.stderr()
    );
}

#[test]
fn a_notice_laid_out_as_a_table_maps_by_its_first_column() {
    let project = project_with("table.md");
    project.run(&["import", "table.md"]).expect(0);
    let toml = project.read("content/kahvila-esimerkki-oy/notice.toml");
    for expected in [
        "[controller]\nname = \"Kahvila Esimerkki Oy\"\nbusiness_id = \"2560057-1\"\naddress = \"Kahvikuja 1, 20100 Turku\"\n",
        "retention = \"Tietoja säilytetään kaksi vuotta.\"",
        "title = \"puhelinnumero\"",
        "id = \"google-analytics\"",
        "rights = \"Sinulla on oikeus tarkastaa tietosi ja vaatia niiden korjaamista.\"",
    ] {
        assert!(toml.contains(expected), "{expected} missing:\n{toml}");
    }
    assert!(
        !toml.contains("[[sections]]"),
        "the table's header row is not a section:\n{toml}"
    );
    project.run(&["build"]).expect(0);
}

#[test]
fn an_english_notice_with_headings_over_their_text_maps() {
    let project = project_with("english.txt");
    project.run(&["import", "english.txt"]).expect(0);
    let toml = project.read("content/fox-studio-ltd/notice.toml");
    for expected in [
        "languages = [\"en\"]",
        "updated = 2024-03-12",
        "[controller]\nname = \"Fox Studio Ltd\"\nbusiness_id = \"2560057-1\"\naddress = \"Mäkitie 2, 00100 Helsinki\"\nemail = \"hello@fox.example\"\n",
        "title = \"Your IP address\"",
        "# import: guessed from \"To send our newsletter with your consent\"\nbasis = \"consent\"",
        "id = \"mailchimp\"",
    ] {
        assert!(toml.contains(expected), "{expected} missing:\n{toml}");
    }
    project.run(&["build"]).expect(0);
}
