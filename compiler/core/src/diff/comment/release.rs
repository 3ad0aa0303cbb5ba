//! The comment's release line: whether the changes are published, and for a release its
//! version, effective date and days of notice.

use std::fmt::Write;

use super::{CommentOptions, OPEN_SITE_LIST};
use crate::diff::report::{SiteDiff, SiteStatus, md_escape};
use crate::labels::pick;
use crate::model::{Date, Lang};

/// Whether the changes are released: for released sites their version, effective date and
/// days of notice; for the others, that nothing is published until `notice release`.
pub(super) fn release_lines(
    out: &mut String,
    sites: &[SiteDiff],
    options: &CommentOptions<'_>,
    material: bool,
) {
    let Some(releases) = options.releases else {
        return;
    };
    let lang = options.lang;
    let live = sites.iter().filter(|s| s.status != SiteStatus::Removed);
    let unreleased = live
        .clone()
        .filter(|s| !releases.contains_key(&s.site))
        .count();
    let mut released: Vec<(&str, Date, Vec<&str>)> = Vec::new();
    for site in live.filter(|s| releases.contains_key(&s.site)) {
        let release = &releases[&site.site];
        match released.iter_mut().find(|(v, _, _)| *v == release.version) {
            Some((_, _, names)) => names.push(&site.site),
            None => released.push((&release.version, release.effective, vec![&site.site])),
        }
    }
    for (version, effective, names) in released {
        let names = if names.len() <= OPEN_SITE_LIST {
            names.join(", ")
        } else {
            format!("{}", names.len())
        };
        let days = days_between(options.today, effective);
        let line = released_line(version, effective, &names, material.then_some(days), lang);
        let _ = writeln!(out, "{}\n", md_escape(&line));
    }
    if unreleased > 0 {
        // Art. 13(3) GDPR: people are told before their data is processed for a new purpose;
        // the transparency guidelines (WP260 rev.01, paras 29-30) ask the same, in advance, for
        // any fundamental change to a notice. "Rekisteröity" / "den registrerade" is the data
        // subject in the Finnish and Swedish texts of the GDPR.
        let line = pick(
            lang,
            "Ei julkaistu: julkaistut selosteet eivät muutu ennen komentoa `notice release`. Olennaisista muutoksista on ilmoitettava rekisteröidyille etukäteen, ennen kuin ne tulevat voimaan.",
            "Inte publicerat: de publicerade beskrivningarna ändras inte förrän `notice release` körs. Väsentliga ändringar ska meddelas de registrerade i förväg, innan de träder i kraft.",
            "Not released: the published notices do not change until `notice release`. Material changes need advance notice to the people concerned before they take effect.",
        );
        let _ = writeln!(out, "**{line}**\n");
    }
}

fn released_line(
    version: &str,
    effective: Date,
    sites: &str,
    days: Option<i64>,
    lang: Lang,
) -> String {
    let notice = match (days, lang) {
        (None, _) => String::new(),
        (Some(d), Lang::Fi) if d > 0 => {
            format!("; olennaisista muutoksista ilmoitetaan {d} päivää etukäteen")
        }
        (Some(d), Lang::Sv) if d > 0 => {
            format!("; väsentliga ändringar meddelas {d} dagar i förväg")
        }
        (Some(d), Lang::En) if d > 0 => format!("; {d} days of notice for the material changes"),
        (Some(_), Lang::Fi) => "; olennaisista muutoksista ei ilmoiteta etukäteen".into(),
        (Some(_), Lang::Sv) => "; väsentliga ändringar meddelas inte i förväg".into(),
        (Some(_), Lang::En) => "; no advance notice for the material changes".into(),
    };
    match lang {
        Lang::Fi => format!(
            "Julkaistu: versio {version} ({sites}), voimassa {} alkaen{notice}.",
            effective.finnish()
        ),
        Lang::Sv => {
            format!("Publicerat: version {version} ({sites}), gäller från {effective}{notice}.")
        }
        Lang::En => {
            format!("Released: version {version} ({sites}), in effect from {effective}{notice}.")
        }
    }
}

/// Days from `from` to `to`, negative when `to` is earlier.
fn days_between(from: Date, to: Date) -> i64 {
    let civil = |d: Date| jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8);
    match (civil(from), civil(to)) {
        (Ok(from), Ok(to)) => from.until(to).map_or(0, |span| i64::from(span.get_days())),
        _ => 0,
    }
}
