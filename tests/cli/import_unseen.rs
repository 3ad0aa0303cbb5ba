//! `notice import` on notices written in styles the seeds do not show, all fictional: the old
//! Henkilötietolaki register template, a modern notice with a register table and an English
//! summary, a Swedish notice in Markdown, and an English one written in Word. Each imports
//! with every fact on the built page, nearly every word kept, and `notice check` finding the
//! gaps the notice really has.

use crate::import_support::{project_with, round_trip};

/// Imports a fixture and asserts that each fact landed in its field.
fn fields_hold(file: &str, site: &str, expected: &[&str], absent: &[&str]) {
    let project = project_with(file);
    project.run(&["import", file, "--site", site]).expect(0);
    let toml = project.read(&format!("content/{site}/notice.toml"));
    for fact in expected {
        assert!(toml.contains(fact), "{fact} missing:\n{toml}");
    }
    for fact in absent {
        assert!(!toml.contains(fact), "{fact} present:\n{toml}");
    }
}

/// `notice check` on an imported fixture: exit 1, with these rules among its findings and
/// not those (a gap the notice does not have).
fn check_finds(file: &str, site: &str, found: &[&str], not_found: &[&str]) {
    let project = project_with(file);
    project.run(&["import", file, "--site", site]).expect(0);
    let check = project.run(&["check", "--site", site]).expect(1);
    let out = format!("{}{}", check.stdout(), check.stderr());
    for rule in found {
        assert!(
            out.contains(&format!("[{rule}]")),
            "{rule} not found:\n{out}"
        );
    }
    for rule in not_found {
        assert!(!out.contains(&format!("[{rule}]")), "{rule} found:\n{out}");
    }
}

#[test]
fn the_old_register_template_imports_with_every_fact() {
    round_trip("register-template.txt", "register-template");
    fields_hold(
        "register-template.txt",
        "kivijalka",
        &[
            "title = \"Rekisteriseloste\"",
            "updated = 2019-02-01",
            "intro = \"Henkilötietolain (523/1999) 10 §:n mukainen rekisteriseloste\"",
            "[controller]\nname = \"Rakennusliike Kivijalka Oy\"\nbusiness_id = \"1618033-3\"\naddress = \"Sorakuja 12 B, 40100 Jyväskylä\"\nphone = \"014 765 4321\"",
            "email = \"ritva.routala@kivijalka.example\"\nphone = \"040 123 4567\"",
            "register_name = \"Kivijalan asiakas- ja urakoitsijarekisteri\"",
            "id = \"access\"\ntitle = \"Tarkastusoikeus\"",
            "id = \"rectification\"\ntitle = \"Oikeus vaatia tiedon korjaamista\"",
        ],
        &[],
    );
    check_finds(
        "register-template.txt",
        "kivijalka",
        &[
            "repealed-law",
            "complaint-right",
            "authority-contact",
            "legal-basis",
        ],
        &["rights-complete: the notice does not state the right(s) to access"],
    );
}

#[test]
fn a_register_table_maps_to_purposes_with_basis_and_retention() {
    round_trip("gdpr-table.html", "gdpr-table");
    fields_hold(
        "gdpr-table.html",
        "voimala",
        &[
            "languages = [\"fi\"]",
            "name = \"Voimala Liikunta Oy\"",
            "id = \"tilojen-turvallisuus\"\ntitle = \"Tilojen turvallisuus\"\nbasis = \"legitimate-interests\"\ndescription = \"**Tietoryhmä:** Kulunvalvonnan kirjautumistiedot\"\nretention = \"3 kuukautta\"",
            "title = \"Maksu- ja laskutustiedot\"",
            "id = \"erasure\"",
            "id = \"complaint\"",
            "name = \"Tietosuojavaltuutetun toimisto\"",
            "id = \"privacy-notice-in-english\"",
        ],
        &["[contact]", "name = \"tietosuojavaltuutetun toimisto\""],
    );
    check_finds(
        "gdpr-table.html",
        "voimala",
        &["legitimate-interest", "legal-basis-law"],
        &[
            "legal-basis",
            "retention",
            "complaint-right",
            "transfer-consistency",
        ],
    );
}

#[test]
fn a_swedish_markdown_notice_imports_with_every_fact() {
    round_trip("dataskydd.md", "dataskydd");
    fields_hold(
        "dataskydd.md",
        "batservice",
        &[
            "languages = [\"sv\"]",
            "updated = 2024-09-03",
            "[controller]\nname = \"Skärgårdens Båtservice Ab\"\nbusiness_id = \"3344556-7\"",
            "id = \"erasure\"\ntitle = \"Rätt till radering\"",
            "id = \"complaint\"",
            // "…än våra personuppgiftsbiträden:" leads the list: each is a processor.
            "name = \"Bokföringsbyrån som sköter vår bokföring\"\nrole = \"processor\"",
        ],
        &[],
    );
    check_finds(
        "dataskydd.md",
        "batservice",
        &["legal-basis-law", "automated-decisions"],
        &["complaint-right", "transfers"],
    );
}

#[test]
fn an_english_word_notice_imports_with_every_fact() {
    round_trip("english-word.docx", "english-word");
    fields_hold(
        "english-word.docx",
        "lakeside",
        &[
            "languages = [\"en\"]",
            "updated = 2023-05-12",
            "[controller]\nname = \"Lakeside Design Oy\"\nbusiness_id = \"4455667-6\"\naddress = \"Rantakatu 8, 90100 Oulu\"\nemail = \"privacy@lakeside.example\"",
            "[dpo]\nname = \"Aino Aaltonen\"\nemail = \"dpo@lakeside.example\"\nphone = \"+358 40 765 4321\"",
            "name = \"Google Ireland Limited (Google Analytics and reCAPTCHA)\"\nrole = \"processor\"",
            "visiting_address = \"Ratapihantie 9, 6. krs, 00520 Helsinki\"",
            "id = \"withdraw-consent\"\ntitle = \"Right to withdraw your consent at any time\"",
        ],
        // The services are listed by the notice's own recipients: not twice.
        &[
            "id = \"mailchimp\"",
            "id = \"google-analytics\"",
            "intro = \"Last\"",
        ],
    );
    check_finds(
        "english-word.docx",
        "lakeside",
        &["stale-authority", "legitimate-interest"],
        &["complaint-right", "rights-complete"],
    );
}
