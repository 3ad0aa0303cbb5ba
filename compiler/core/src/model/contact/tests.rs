//! Unit tests of contact details: the validators, and the hints that rewrite what real notices write.

use super::*;

#[test]
fn emails() {
    for ok in [
        "tietosuoja@om.fi",
        "matti.meikalainen+tietosuoja@esimerkki.example",
        "info@ääkköset.fi",
    ] {
        assert!(is_email(ok), "{ok}");
    }
    for bad in [
        "tietosuoja(at)om.fi",
        "[email protected]",
        "a@b",
        "a@@b.fi",
        "a b@c.fi",
        "@om.fi",
        "a@om.f1",
        "a@-om.fi",
        ".a@om.fi",
        "",
    ] {
        assert!(!is_email(bad), "{bad}");
    }
}

#[test]
fn web_addresses() {
    for ok in [
        "https://tietosuoja.fi",
        "http://www.example.fi/a/b?c=d#e",
        "HTTPS://Example.FI:8443/",
        "https://localhost/x",
        "https://ääkköset.fi/tietosuoja",
        "https://пример.рф",
        "https://example.fi/?q=%C3%A4",
    ] {
        assert!(is_web_url(ok), "{ok}");
    }
    for bad in [
        "www.example.fi",
        "https://",
        "https://example",
        "https://exa mple.fi",
        "https://example.fi:port/",
        "ftp://example.fi",
        // What the url crate parses but a notice keeps refusing.
        "https:example.fi",
        "https:\\\\example.fi",
        "https://example.fi/a\tb",
        "https://exa\nmple.fi",
        " https://example.fi",
        "https://user:salasana@example.fi/",
        "https://127.0.0.1/",
        "https://[::1]/",
        "https://-example.fi",
        "https://ex_ample.fi",
        "https://example.f1",
        "https://example.fi./",
        // What the url crate refuses.
        "https://example.fi:99999/",
        "https://exa<mple.fi",
        "http://",
    ] {
        assert!(!is_web_url(bad), "{bad}");
    }
}

#[test]
fn phone_numbers() {
    for ok in [
        "029 566 6700",
        "+358 29 566 6700",
        "09 123 4567",
        "+358 (0)40 123 4567",
        "040-1234567",
    ] {
        assert!(is_phone(ok), "{ok}");
    }
    for bad in [
        "112",
        "puh. 09 123 4567",
        "+358 40 123 4567 ext 5",
        "++358 40 1234567",
        "1234567890123456",
    ] {
        assert!(!is_phone(bad), "{bad}");
    }
}

#[test]
fn an_obfuscated_address_is_rewritten_in_the_hint() {
    for (written, plain) in [
        ("tietosuoja (at) esimerkki.fi", "tietosuoja@esimerkki.fi"),
        ("tietosuoja(at)esimerkki.fi", "tietosuoja@esimerkki.fi"),
        ("tietosuoja[at]esimerkki.fi", "tietosuoja@esimerkki.fi"),
        ("tietosuoja AT esimerkki.fi", "tietosuoja@esimerkki.fi"),
        ("tietosuoja(a)esimerkki.fi", "tietosuoja@esimerkki.fi"),
        (
            "tietosuoja [at] esimerkki [dot] fi",
            "tietosuoja@esimerkki.fi",
        ),
        ("tietosuoja(at)esimerkki(dot)fi", "tietosuoja@esimerkki.fi"),
    ] {
        let (message, help) = Email::parse(written).unwrap_err();
        assert_eq!(message, format!("invalid e-mail address `{written}`"));
        assert!(
            help.starts_with(&format!("write it as `{plain}`")),
            "{written}: {help}"
        );
    }
    let (_, help) = Email::parse("tietosuoja").unwrap_err();
    assert_eq!(
        help,
        "write the address as `name@domain.fi`, without spaces or brackets"
    );
}

#[test]
fn phone_and_web_hints_give_the_fixed_value_when_there_is_one() {
    assert_eq!(
        Phone::parse("puh. 09 123 4567").unwrap_err().1,
        "write only the number: `09 123 4567`"
    );
    assert!(
        Phone::parse("soita meille")
            .unwrap_err()
            .1
            .contains("029 566 6700")
    );
    assert_eq!(
        WebUrl::parse("www.esimerkki.fi").unwrap_err().1,
        "write it with its scheme: `https://www.esimerkki.fi`"
    );
    assert!(
        WebUrl::parse("https://kahvila")
            .unwrap_err()
            .1
            .contains("in full")
    );
}

#[test]
fn valid_values_deref_display_and_serialise_as_their_string() {
    let email = Email::parse("a@b.fi").unwrap();
    assert_eq!(&*email, "a@b.fi");
    assert_eq!(email.to_string(), "a@b.fi");
    assert_eq!(serde_json::to_value(&email).unwrap(), "a@b.fi");
    assert_eq!(Some(email).as_deref(), Some("a@b.fi"));
}
