//! Cookies and similar technologies: each declared with its purpose and duration, none
//! described only in prose, non-essential ones resting on consent, and no "no cookies"
//! statement beside cookies (ePrivacy Art. 5(3); Act 917/2014 § 205; EDPB Guidelines 2/2023).

use super::content::missing_fields;
use super::vocabulary::{self as vocab, lists};
use super::walk::{origin_of, text_values};
use super::{Found, SiteView};
use crate::model::{CookieCategory, LegalBasis};
use crate::source::Origin;

pub(super) fn cookie_details(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let notice = site.notice();
    for cookie in &notice.cookies {
        missing_fields(
            site.item("cookies", &cookie.id),
            &format!("cookie `{}`", cookie.name),
            &[
                ("purpose", cookie.purpose.is_some()),
                ("duration", cookie.duration.is_some()),
            ],
            out,
        );
    }
    let named = named_in_text(site);
    if notice.none.cookies {
        if !notice.cookies.is_empty() || named.is_some() {
            out.push(Found::new(
                "`none.cookies` says the site sets no cookies, but the notice declares or describes cookies",
                site.locate(&["none", "cookies"]),
            ).help("remove `cookies = true` from `[none]`, or remove the cookies"));
        }
    } else if let (true, Some((origin, words))) = (notice.cookies.is_empty(), named) {
        out.push(Found::new(
            format!("`{words}`: cookies or trackers are described in text, but no `[[cookies]]` item declares them"),
            origin,
        ).help("add a `[[cookies]]` item for each cookie, with its `name`, `provider`, `category`, `purpose` and `duration`"));
    }
    if notice.cookies.is_empty() && !notice.none.cookies {
        needs_consent_in_text(site, out);
    }
    let consent = notice
        .purposes
        .iter()
        .any(|p| p.basis == Some(LegalBasis::Consent));
    let optional: Vec<_> = notice
        .cookies
        .iter()
        .filter(|c| c.category != CookieCategory::Necessary)
        .collect();
    if let (false, Some(first)) = (consent, optional.first()) {
        out.push(Found::new(
            format!("cookie `{}` is not strictly necessary, so it needs consent, but no purpose is based on consent", first.name),
            site.locate(&["cookies", &first.id, "category"]),
        ).help("add a `[[purposes]]` item for the cookies with `basis = \"consent\"`; only strictly necessary cookies may be set without consent"));
    }
}

/// The first words of a text (outside `[[cookies]]`) that say cookies or trackers are used,
/// in a sentence that does not say they are not.
fn named_in_text(site: &SiteView<'_>) -> Option<(Origin, String)> {
    let values = text_values(&site.site.merged);
    for value in values
        .iter()
        .filter(|v| !matches!(v.path.first(), Some(&"cookies" | &"rights" | &"authority")))
    {
        for part in &value.parts {
            for (s, e) in vocab::sentences(part.text) {
                let sentence = &part.text[s..e];
                if vocab::negated(sentence) {
                    continue;
                }
                if let Some((_, hit)) = vocab::find_named(sentence, lists::TRACKERS)
                    .into_iter()
                    .next()
                {
                    let words = hit.text(sentence);
                    return Some((origin_of(part.node, words), words.to_string()));
                }
            }
        }
    }
    None
}

/// Words by which a consent purpose covers cookies: not marketing alone (a newsletter's
/// consent is no consent to cookies).
const COOKIE_CONSENT: &[&str] = &[
    "eväste",
    "cookie",
    "kakor",
    "analy",
    "seurant",
    "spårning",
    "tracking",
    "statisti",
];

/// Cookies described only in text that are not strictly necessary (analytics, tracking,
/// marketing) need a purpose based on consent that covers them. Reported where the text offers
/// a browser opt-out instead (not consent), else at the words that make them non-essential.
fn needs_consent_in_text(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let notice = site.notice();
    let covered = notice.purposes.iter().any(|p| {
        let texts = [&p.title, &p.description].into_iter().flatten();
        p.basis == Some(LegalBasis::Consent)
            && texts
                .flat_map(vocab::strings)
                .any(|t| vocab::mentions(t, COOKIE_CONSENT))
    });
    if covered {
        return;
    }
    let values = text_values(&site.site.merged);
    let cookie_texts = values
        .iter()
        .filter(|v| !matches!(v.path.first(), Some(&"cookies" | &"rights" | &"authority")));
    for value in cookie_texts {
        for part in &value.parts {
            let about_cookies = value.path.as_slice() == ["intros", "cookies"]
                || vocab::mentions(part.text, &["eväste", "cookie", "kakor", "kakan"]);
            if !about_cookies {
                continue;
            }
            let Some(words) = vocab::sentences(part.text).into_iter().find_map(|(s, e)| {
                let sentence = &part.text[s..e];
                let hit = vocab::first(sentence, lists::NON_ESSENTIAL)
                    .filter(|_| !vocab::negated(sentence))?;
                Some(hit.text(sentence))
            }) else {
                continue;
            };
            let opt_out = vocab::first(part.text, lists::OPT_OUT).map(|h| h.text(part.text));
            let at = origin_of(part.node, opt_out.unwrap_or(words));
            out.push(Found::new(
                format!("cookies for `{words}` are not strictly necessary and need consent, but no purpose based on consent covers them"),
                at,
            ).help("add a `[[purposes]]` item for the cookies with `basis = \"consent\"`, declare each cookie in `[[cookies]]`, and ask for consent before setting them; refusing in the browser's settings is not consent"));
            return;
        }
    }
}
