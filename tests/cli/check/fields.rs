//! Typed fields with an invalid value (an obfuscated e-mail, a phone with words, a website
//! without a domain) are load errors (exit 65) in `build` and `check`, not findings.

use super::overlay;

/// Writes `body` as the site of the fixture `name` (over the base layers) and expects both
/// `build` and `check` to refuse it with exit 65 at `location`, with `help` as the fix.
fn field_is_a_load_error(name: &str, body: &str, location: &str, help: &str) {
    let project = overlay(name);
    project.write(
        &format!("content/{name}/notice.toml"),
        &format!("extends = [\"valvonta\", \"automaatio\", \"yhteystiedot\", \"vaatimus\", \"valmis\"]\n{body}"),
    );
    for command in ["build", "check"] {
        let stderr = project.run(&[command]).expect(65).stderr();
        assert!(
            stderr.contains(&format!("--> content/{name}/notice.toml:{location}\n")),
            "{command}: {stderr}"
        );
        assert!(
            stderr.contains(&format!("= help: {help}")),
            "{command}: {stderr}"
        );
    }
    assert!(!project.path().join("site").exists());
}

#[test]
fn an_obfuscated_email_field_is_a_load_error_not_a_broken_mailto_link() {
    field_is_a_load_error(
        "email-syntax",
        "[contact]\nemail = \"tietosuoja (at) esimerkki.fi\"\n",
        "3:9",
        "write it as `tietosuoja@esimerkki.fi`",
    );
    field_is_a_load_error(
        "email-syntax",
        "[contact]\nname = \"Tietosuoja\"\nemail = \"tietosuoja[at]esimerkki[dot]fi\"\n",
        "4:9",
        "write it as `tietosuoja@esimerkki.fi`",
    );
}

#[test]
fn a_phone_field_with_words_is_a_load_error() {
    field_is_a_load_error(
        "phone-syntax",
        "[dpo]\nphone = \"puh. 09 123 4567\"\n",
        "3:9",
        "write only the number: `09 123 4567`",
    );
}

#[test]
fn a_website_field_without_a_domain_is_a_load_error_in_each_language() {
    field_is_a_load_error(
        "url-syntax",
        "[contact]\nname = \"x\"\n[controller]\nwebsite = \"https://kahvila\"\n",
        "5:11",
        "write the address in full, like `https://www.example.fi/page`",
    );
    field_is_a_load_error(
        "url-syntax",
        "[authority]\nwebsite = { fi = \"https://tietosuoja.fi\", en = \"tietosuoja.fi/en\" }\n",
        "3:48",
        "write it with its scheme: `https://tietosuoja.fi/en`",
    );
}
