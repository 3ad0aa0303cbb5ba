//! Contact details as typed values: an e-mail address, a phone number and a web address are
//! checked when the source is read, so a notice can never print `tietosuoja (at) esimerkki.fi`
//! as a broken `mailto:` link. The validators are shared with `notice check`, which applies
//! them to `mailto:`, `tel:` and web links inside Markdown.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Deref;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Lang, Text};

/// Separates a deserialisation error's message from its fix hint: the typed model cannot build
/// a located diagnostic itself, so it says both in serde's one message string and the
/// deserializer (`de.rs`) splits them.
pub const HELP_MARK: &str = "\u{1f}help: ";

/// A serde error with a message and a fix hint (see [`HELP_MARK`]).
pub fn invalid<E: de::Error>(message: impl fmt::Display, help: impl fmt::Display) -> E {
    E::custom(format!("{message}{HELP_MARK}{help}"))
}

macro_rules! contact_string {
    ($(#[$doc:meta])* $name:ident, $what:literal, $valid:ident, $hint:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            /// The value if it is valid; otherwise the error message and its fix hint.
            pub fn parse(text: &str) -> Result<$name, (String, String)> {
                if $valid(text) {
                    Ok($name(text.to_string()))
                } else {
                    Err((format!(concat!("invalid ", $what, " `{}`"), text), $hint(text)))
                }
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                $name::parse(&text).map_err(|(message, help)| invalid(message, help))
            }
        }
    };
}

contact_string!(
    /// An e-mail address, `name@domain.fi`.
    Email,
    "e-mail address",
    is_email,
    email_hint
);
contact_string!(
    /// A phone number: digits with spaces, `-`, `/`, `.` or parentheses, an optional leading `+`.
    Phone,
    "phone number",
    is_phone,
    phone_hint
);
contact_string!(
    /// An absolute `https://` or `http://` web address with a host.
    WebUrl,
    "web address",
    is_web_url,
    web_url_hint
);

/// The `website` of the authority: a web address for every language, or one per language,
/// each checked. It reads into a [`Text`], which the pages already know how to show.
pub fn web_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Text>, D::Error> {
    struct WebTextVisitor;
    impl<'de> Visitor<'de> for WebTextVisitor {
        type Value = Text;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a web address or a table of languages like { fi = \"https://…\" }")
        }
        fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
            WebUrl::parse(value)
                .map(|url| Text::Plain(url.into()))
                .map_err(|(message, help)| invalid(message, help))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
            let mut texts = BTreeMap::new();
            while let Some(lang) = map.next_key::<Lang>()? {
                // Each language's address is typed on its own, so an error points at it.
                texts.insert(lang, map.next_value::<WebUrl>()?.into());
            }
            if texts.is_empty() {
                return Err(de::Error::custom(
                    "empty language table: give at least one language, like { fi = \"https://…\" }",
                ));
            }
            Ok(Text::Localized(texts))
        }
    }
    deserializer.deserialize_any(WebTextVisitor).map(Some)
}

/// `local@domain.tld`: a local part without spaces or brackets, and a valid domain.
pub fn is_email(address: &str) -> bool {
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
    local_ok && is_domain(domain)
}

/// Dot-separated labels of letters, digits and inner hyphens, ending in a top-level domain of
/// at least two letters. Letters may be non-ASCII (`ääkköset.fi`).
fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let tld_ok = labels
        .last()
        .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    labels.len() >= 2 && labels.iter().all(|label| is_label(label)) && tld_ok
}

/// One label of a domain name: letters and digits, with hyphens inside, at most 63 bytes.
fn is_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 63
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// `https://` or `http://`, a host (a domain or `localhost`), an optional port, and then a path,
/// query or fragment without spaces. The url crate parses it; the checks around it keep out
/// what the crate alone would let through.
pub fn is_web_url(text: &str) -> bool {
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
        Some(url::Host::Domain(host)) => host == "localhost" || is_web_host(host),
        // An IP address is no address to give readers: a notice names its sites.
        Some(url::Host::Ipv4(_) | url::Host::Ipv6(_)) | None => false,
    }
}

/// A host as the url crate gives it: lower-case ASCII, with internationalised labels as `xn--`
/// A-labels. Like a mail domain it needs a dot and a top-level domain of letters (which the
/// crate does not ask for: `https://example` parses), or of an A-label (`.рф` is `.xn--p1ai`).
fn is_web_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let tld_ok = labels.last().is_some_and(|tld| {
        tld.starts_with("xn--") || (tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
    });
    labels.len() >= 2 && labels.iter().all(|label| is_label(label)) && tld_ok
}

/// Digits with the usual separators (spaces, `-`, `/`, `.`, parentheses) and an optional leading
/// `+`; between 6 and 15 digits (the longest international number).
pub fn is_phone(phone: &str) -> bool {
    let body = phone.strip_prefix('+').unwrap_or(phone);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    body.chars()
        .all(|c| c.is_ascii_digit() || " -/.()".contains(c))
        && body.starts_with(|c: char| c.is_ascii_digit() || c == '(')
        && (6..=15).contains(&digits)
}

/// How real notices hide `@` and `.` from address harvesters, longest first so that
/// ` (at) ` is not read as ` at ` with brackets left over.
const OBFUSCATIONS: &[(&str, &str)] = &[
    (" (at) ", "@"),
    (" [at] ", "@"),
    ("(at)", "@"),
    ("[at]", "@"),
    ("(a)", "@"),
    (" at ", "@"),
    (" (dot) ", "."),
    (" [dot] ", "."),
    ("(dot)", "."),
    ("[dot]", "."),
    (" dot ", "."),
];

/// The fix for an invalid e-mail address: the address with its obfuscation undone, when that
/// makes a valid one.
fn email_hint(text: &str) -> String {
    let mut address = text.trim().to_string();
    for (hidden, plain) in OBFUSCATIONS {
        address = replace_ignoring_case(&address, hidden, plain);
    }
    if is_email(&address) {
        format!("write it as `{address}`: a notice's address must work as a link")
    } else {
        "write the address as `name@domain.fi`, without spaces or brackets".to_string()
    }
}

/// `text` with every `from` (compared without regard to ASCII case) replaced by `to`.
fn replace_ignoring_case(text: &str, from: &str, to: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    while let Some(found) = lower[rest..].find(from) {
        out.push_str(&text[rest..rest + found]);
        out.push_str(to);
        rest += found + from.len();
    }
    out.push_str(&text[rest..]);
    out
}

/// The fix for an invalid phone number: the number without a leading label like `puh.`,
/// when that makes a valid one.
fn phone_hint(text: &str) -> String {
    let number = text.trim_start_matches(|c: char| !(c.is_ascii_digit() || c == '+' || c == '('));
    if number != text && is_phone(number) {
        format!("write only the number: `{number}`")
    } else {
        "write the number like `029 566 6700` or `+358 29 566 6700`".to_string()
    }
}

/// The fix for an invalid web address: with `https://` in front, when that makes a valid one.
fn web_url_hint(text: &str) -> String {
    let with_scheme = format!("https://{}", text.trim_start_matches("//"));
    if !text.contains("://") && is_web_url(&with_scheme) {
        format!("write it with its scheme: `{with_scheme}`")
    } else {
        "write the address in full, like `https://www.example.fi/page`".to_string()
    }
}

#[cfg(test)]
mod tests;
