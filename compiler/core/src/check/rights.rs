//! The data subject's rights (Art. 13(2)(b)): each applicable right stated, and the right to
//! object (Art. 21) where the bases or direct marketing call for it.
//!
//! One missing right is one finding: `rights-complete` owns Arts. 15–18 and 20,
//! `object-right` owns Art. 21, `consent-withdrawal` Art. 7(3) and `complaint-right` Art. 77.

use super::vocabulary::{self as vocab, lists};
use super::walk::{origin_of, text_values};
use super::{Found, SiteView};
use crate::model::{LegalBasis, Notice, Purpose, Right};

/// Whether the right of `article` (`"15"`…`"21"`) is stated: by its article, its standard id, or
/// a right whose title or body names it in fi, sv or en (one item may state several).
fn stated(rights: &[Right], article: &str) -> bool {
    rights.iter().any(|right| states(right, article))
}

/// Whether one right item states the right of `article`.
fn states(right: &Right, article: &str) -> bool {
    let (_, id, words) = lists::RIGHTS
        .iter()
        .find(|(a, _, _)| *a == article)
        .expect("a right of the list");
    {
        let by_article = right.article.as_deref().is_some_and(|a| {
            a == article
                || a.strip_prefix(article)
                    .is_some_and(|rest| rest.starts_with('('))
        });
        let texts = vocab::strings(&right.title)
            .into_iter()
            .chain(right.body.iter().flat_map(vocab::strings));
        by_article || right.id == *id || texts.into_iter().any(|t| vocab::mentions(t, words))
    }
}

fn any_basis(notice: &Notice, bases: &[LegalBasis]) -> bool {
    notice
        .purposes
        .iter()
        .any(|p| p.basis.is_some_and(|b| bases.contains(&b)))
}

pub(super) fn rights_complete(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let notice = site.notice();
    // Art. 20(1)(a): portability applies only to processing based on consent or contract.
    let portability = any_basis(notice, &[LegalBasis::Consent, LegalBasis::Contract]);
    let names = [
        ("15", "access (Art. 15)"),
        ("16", "rectification (Art. 16)"),
        ("17", "erasure (Art. 17)"),
        ("18", "restriction of processing (Art. 18)"),
        ("20", "data portability (Art. 20)"),
    ];
    let missing: Vec<&str> = names
        .iter()
        .filter(|(article, _)| *article != "20" || portability)
        .filter(|(article, _)| !stated(&notice.rights, article))
        .map(|(_, name)| *name)
        .collect();
    if missing.is_empty() {
        return;
    }
    // At the site's notice.toml, like every item missing from the whole notice.
    let at = site.root();
    out.push(Found::new(
        format!(
            "the notice does not state the right(s) to {}",
            missing.join(", ")
        ),
        at,
    ));
}

pub(super) fn object_right(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let notice = site.notice();
    let general: Vec<&Purpose> = notice
        .purposes
        .iter()
        .filter(|p| {
            matches!(
                p.basis,
                Some(LegalBasis::LegitimateInterests | LegalBasis::PublicTask)
            )
        })
        .collect();
    let objection = stated(&notice.rights, "21");
    if let Some(first) = general.first().filter(|_| !objection) {
        let mut found = Found::new(
            format!(
                "purpose `{}` rests on legitimate interests or a public task, but the right to object (Art. 21) is not stated",
                first.id
            ),
            site.locate(&["purposes", &first.id, "basis"]),
        );
        if general.len() > 1 {
            let others: Vec<String> = general[1..].iter().map(|p| format!("`{}`", p.id)).collect();
            found = found.note(format!("also: {}", others.join(", ")));
        }
        out.push(found);
        return;
    }
    let Some(at) = marketing_purpose(site) else {
        return;
    };
    let marketing_stated = notice.rights.iter().any(|right| {
        vocab::strings(&right.title)
            .into_iter()
            .chain(right.body.iter().flat_map(vocab::strings))
            .any(|t| vocab::mentions(t, lists::MARKETING))
    });
    // At the right to object that leaves it out, which is what to extend; else at the purpose.
    let objection = notice.rights.iter().find(|r| states(r, "21"));
    let at = objection.map_or(at, |right| site.item("rights", &right.id));
    if !marketing_stated {
        out.push(Found::new(
            "a purpose is direct marketing, but no right states that the person may object to direct marketing at any time (Art. 21(2)–(3))",
            at,
        ).help("state in the right to object (`id = \"objection\"`) that the person may object to direct marketing at any time, and that the data are then no longer processed for it; the `fi-standard` layer has the text"));
    }
}

/// Where the first direct-marketing purpose says so: its `direct_marketing` flag, or the words
/// of its title or description that name marketing (newsletter, markkinointi, marknadsföring).
fn marketing_purpose(site: &SiteView<'_>) -> Option<crate::source::Origin> {
    let notice = site.notice();
    if let Some(purpose) = notice.purposes.iter().find(|p| p.direct_marketing) {
        return Some(site.locate(&["purposes", &purpose.id, "direct_marketing"]));
    }
    text_values(&site.site.merged)
        .iter()
        .filter(|v| matches!(v.path.as_slice(), ["purposes", _, "title" | "description"]))
        .flat_map(|v| &v.parts)
        .find_map(|part| {
            let hit = vocab::first(part.text, lists::MARKETING)?;
            Some(origin_of(part.node, hit.text(part.text)))
        })
}
