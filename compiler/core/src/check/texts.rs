//! Rules on texts as pages show them: every published language present, and in-page links that land.

use super::walk::{links, origin_of, text_values};
use super::{Found, SiteView};
use crate::diagnostic::did_you_mean;
use crate::model::Lang;

pub(super) fn translations(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let primary = site.site.primary();
    for value in text_values(&site.site.merged) {
        if value.given.is_empty() {
            continue;
        }
        for &lang in site
            .site
            .languages
            .iter()
            .filter(|l| !value.given.contains(l))
        {
            let shown = if value.given.contains(&primary) {
                primary
            } else {
                value.given.iter().copied().min().unwrap_or(primary)
            };
            out.push(
                Found::new(
                    format!("`{}` has no `{lang}` text", value.dotted()),
                    value.node.origin.clone(),
                )
                .language(lang)
                .help(format!(
                    "add `{lang} = \"…\"` to this text; until then the `{lang}` page shows the `{shown}` text"
                )),
            );
        }
    }
}

pub(super) fn anchor_links(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let Some(page_ids) = &site.page_ids else {
        return;
    };
    let values = text_values(&site.site.merged);
    for link in links(&values) {
        let Some(target) = link.url.strip_prefix('#').filter(|t| !t.is_empty()) else {
            continue;
        };
        let pages = link
            .value
            .pages(link.part, &site.site.languages, site.site.primary());
        let missing: Vec<Lang> = pages
            .iter()
            .copied()
            .filter(|page| page_ids.get(page).is_none_or(|ids| !ids.contains(target)))
            .collect();
        let Some(first) = missing.first() else {
            continue;
        };
        let on = if missing.len() == site.site.languages.len() {
            String::from("on the page")
        } else {
            let names: Vec<String> = missing.iter().map(|l| format!("`{l}`")).collect();
            format!("on the {} page", names.join(", "))
        };
        let mut found = Found::new(
            format!(
                "link to `#{target}` in `{}` has no target {on}",
                link.value.part_path(link.part)
            ),
            origin_of(link.part.node, &link.url),
        );
        let ids = page_ids
            .get(first)
            .into_iter()
            .flatten()
            .map(String::as_str);
        if let Some(hint) = did_you_mean(target, ids) {
            found = found.help(hint);
        }
        out.push(found);
    }
}
