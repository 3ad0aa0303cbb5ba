//! Syntax of contact details in Markdown links: `mailto:`, web and `tel:` links. The `email`,
//! `phone` and `website` fields are typed (`model::Email` and the like), so a bad one is a load
//! error before any rule runs; a link inside a text is only a string, and is checked here.

use super::walk::{links, origin_of, text_values};
use super::{Found, SiteView};
use crate::model::{is_email, is_phone, is_web_url};

pub(super) fn email(site: &SiteView<'_>, out: &mut Vec<Found>) {
    check(
        site,
        out,
        &Kind {
            what: "e-mail address",
            in_link: |url| {
                strip_scheme(url, "mailto:").map(|rest| rest.split('?').next().unwrap_or(rest))
            },
            valid: is_email,
        },
    );
}

pub(super) fn url(site: &SiteView<'_>, out: &mut Vec<Found>) {
    check(
        site,
        out,
        &Kind {
            what: "web address",
            in_link: |url| {
                (strip_scheme(url, "https://").is_some() || strip_scheme(url, "http://").is_some())
                    .then_some(url)
            },
            valid: is_web_url,
        },
    );
}

pub(super) fn phone(site: &SiteView<'_>, out: &mut Vec<Found>) {
    check(
        site,
        out,
        &Kind {
            what: "phone number",
            in_link: |url| strip_scheme(url, "tel:"),
            valid: is_phone,
        },
    );
}

/// One kind of contact detail, and how links carry it.
struct Kind {
    what: &'static str,
    /// The detail inside a link's URL, when the link is of this kind.
    in_link: fn(&str) -> Option<&str>,
    valid: fn(&str) -> bool,
}

fn check(site: &SiteView<'_>, out: &mut Vec<Found>, kind: &Kind) {
    let values = text_values(&site.site.merged);
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
