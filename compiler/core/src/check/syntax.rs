//! Syntax of contact details: e-mail addresses, web addresses and phone numbers, in fields and in Markdown links.

use super::walk::{links, origin_of, text_values};
use super::{Found, SiteView};

pub(super) fn email(site: &SiteView<'_>, out: &mut Vec<Found>) {
    check(
        site,
        out,
        &Kind {
            what: "e-mail address",
            key: "email",
            in_link: |url| {
                strip_scheme(url, "mailto:").map(|rest| rest.split('?').next().unwrap_or(rest))
            },
            valid: valid_email,
        },
    );
}

pub(super) fn url(site: &SiteView<'_>, out: &mut Vec<Found>) {
    check(
        site,
        out,
        &Kind {
            what: "web address",
            key: "website",
            in_link: |url| {
                (strip_scheme(url, "https://").is_some() || strip_scheme(url, "http://").is_some())
                    .then_some(url)
            },
            valid: valid_web_url,
        },
    );
}

pub(super) fn phone(site: &SiteView<'_>, out: &mut Vec<Found>) {
    check(
        site,
        out,
        &Kind {
            what: "phone number",
            key: "phone",
            in_link: |url| strip_scheme(url, "tel:"),
            valid: valid_phone,
        },
    );
}

/// One kind of contact detail: the field that holds it, and how links carry it.
struct Kind {
    what: &'static str,
    key: &'static str,
    /// The detail inside a link's URL, when the link is of this kind.
    in_link: fn(&str) -> Option<&str>,
    valid: fn(&str) -> bool,
}

fn check(site: &SiteView<'_>, out: &mut Vec<Found>, kind: &Kind) {
    let values = text_values(&site.site.merged);
    for value in values.iter().filter(|v| v.key() == kind.key) {
        for part in value.parts.iter().filter(|p| !(kind.valid)(p.text)) {
            out.push(Found::new(
                format!(
                    "invalid {} `{}` in `{}`",
                    kind.what,
                    part.text,
                    value.part_path(part)
                ),
                part.node.origin.clone(),
            ));
        }
    }
    for link in links(&values) {
        let Some(detail) = (kind.in_link)(&link.url) else {
            continue;
        };
        if !(kind.valid)(detail) {
            out.push(Found::new(
                format!(
                    "invalid {} `{detail}` in a link in `{}`",
                    kind.what,
                    link.value.part_path(link.part)
                ),
                origin_of(link.part.node, &link.url),
            ));
        }
    }
}

/// `url` without its `scheme`, compared without regard to ASCII case.
fn strip_scheme<'a>(url: &'a str, scheme: &str) -> Option<&'a str> {
    url.get(..scheme.len())
        .filter(|prefix| prefix.eq_ignore_ascii_case(scheme))
        .map(|_| &url[scheme.len()..])
}

/// `local@domain.tld`: a local part without spaces or brackets, and a valid domain.
fn valid_email(address: &str) -> bool {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    local_ok && valid_domain(domain)
}

/// Dot-separated labels of letters, digits and inner hyphens, ending in a top-level domain of
/// at least two letters. Letters may be non-ASCII (`ääkköset.fi`).
fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let tld_ok = labels
        .last()
        .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    labels.len() >= 2 && labels.iter().all(|label| valid_label(label)) && tld_ok
}

/// One label of a domain name: letters and digits, with hyphens inside, at most 63 bytes.
fn valid_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 63
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// `https://` or `http://`, a host (a domain or `localhost`), an optional port, and then a path,
/// query or fragment without spaces. The url crate parses it; the checks around it keep what
/// this rule asked for before and the crate alone would let through.
fn valid_web_url(text: &str) -> bool {
    // The url crate drops tabs and line breaks anywhere and spaces at either end, as browsers
    // do with typed input; an address printed in a notice must work as it is written.
    if text.chars().any(char::is_whitespace) {
        return false;
    }
    let Ok(url) = url::Url::parse(text) else {
        return false;
    };
    if !matches!(url.scheme(), "https" | "http") {
        return false;
    }
    // Written out with `//`: the url crate also reads `https:example.fi` and `https:\\example.fi`
    // as web addresses, forms a reader copying the address should not meet.
    if !text
        .get(url.scheme().len()..)
        .is_some_and(|rest| rest.starts_with("://"))
    {
        return false;
    }
    // A user name or password before the host (`https://user:pass@host/`) has no place in a
    // public notice, and readers' browsers warn about it.
    if !url.username().is_empty() || url.password().is_some() {
        return false;
    }
    match url.host() {
        Some(url::Host::Domain(host)) => host == "localhost" || valid_web_host(host),
        // An IP address is no address to give readers: a notice names its sites.
        Some(url::Host::Ipv4(_) | url::Host::Ipv6(_)) | None => false,
    }
}

/// A host as the url crate gives it: lower-case ASCII, with internationalised labels as `xn--`
/// A-labels. Like a mail domain it needs a dot and a top-level domain of letters (which the
/// crate does not ask for: `https://example` parses), or of an A-label (`.рф` is `.xn--p1ai`).
fn valid_web_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let tld_ok = labels.last().is_some_and(|tld| {
        tld.starts_with("xn--") || (tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
    });
    labels.len() >= 2 && labels.iter().all(|label| valid_label(label)) && tld_ok
}

/// Digits with the usual separators (spaces, `-`, `/`, `.`, parentheses) and an optional leading
/// `+`; between 6 and 15 digits (the longest international number).
fn valid_phone(phone: &str) -> bool {
    let body = phone.strip_prefix('+').unwrap_or(phone);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    body.chars()
        .all(|c| c.is_ascii_digit() || " -/.()".contains(c))
        && body.starts_with(|c: char| c.is_ascii_digit() || c == '(')
        && (6..=15).contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for ok in [
            "tietosuoja@om.fi",
            "matti.meikalainen+tietosuoja@esimerkki.example",
            "info@ääkköset.fi",
        ] {
            assert!(valid_email(ok), "{ok}");
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
            assert!(!valid_email(bad), "{bad}");
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
            assert!(valid_web_url(ok), "{ok}");
        }
        for bad in [
            "www.example.fi",
            "https://",
            "https://example",
            "https://exa mple.fi",
            "https://example.fi:port/",
            "ftp://example.fi",
            // What the url crate parses but this rule keeps refusing.
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
            assert!(!valid_web_url(bad), "{bad}");
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
            assert!(valid_phone(ok), "{ok}");
        }
        for bad in [
            "112",
            "puh. 09 123 4567",
            "+358 40 123 4567 ext 5",
            "++358 40 1234567",
            "1234567890123456",
        ] {
            assert!(!valid_phone(bad), "{bad}");
        }
    }
}
