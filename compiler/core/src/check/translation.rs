//! Translations left behind: since the latest release, a text changed in the primary language
//! while its other languages stayed as they were.

use std::collections::BTreeMap;

use super::walk::{TextValue, text_values};
use super::{Found, SiteView};
use crate::model::Lang;

/// The text of `lang`, with runs of whitespace made one space (re-wrapping is no change).
fn text_of(value: &TextValue<'_>, lang: Lang) -> Option<String> {
    let part = value.parts.iter().find(|p| p.lang == Some(lang))?;
    Some(part.text.split_whitespace().collect::<Vec<_>>().join(" "))
}

pub(super) fn stale_translation(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let (Some(released), Some((version, _))) = (site.released, &site.unreleased) else {
        return;
    };
    let primary = site.site.primary();
    let before_values = text_values(&released.merged);
    let before: BTreeMap<String, &TextValue<'_>> =
        before_values.iter().map(|v| (v.dotted(), v)).collect();
    for value in text_values(&site.site.merged) {
        let Some(old) = before.get(&value.dotted()) else {
            continue;
        };
        let (Some(now), Some(then)) = (text_of(&value, primary), text_of(old, primary)) else {
            continue;
        };
        if now == then {
            continue;
        }
        let stale: Vec<Lang> = value
            .given
            .iter()
            .copied()
            .filter(|&lang| lang != primary && site.site.languages.contains(&lang))
            .filter(|&lang| {
                text_of(&value, lang).is_some() && text_of(&value, lang) == text_of(old, lang)
            })
            .collect();
        let (Some(&first), Some(part)) = (
            stale.first(),
            value.parts.iter().find(|p| p.lang == Some(primary)),
        ) else {
            continue;
        };
        let langs: Vec<String> = stale.iter().map(|l| format!("`{l}`")).collect();
        out.push(
            Found::new(
                format!(
                    "`{}` changed in `{primary}` since version {version}, but its {} text did not",
                    value.dotted(),
                    langs.join(", ")
                ),
                part.node.origin.clone(),
            )
            .language(first),
        );
    }
}
