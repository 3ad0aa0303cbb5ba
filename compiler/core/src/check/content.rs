//! Completeness rules: the items GDPR Arts. 13 and 14 require a notice to state.

use super::{Found, SiteView, stated_bases};
use crate::model::{LegalBasis, Right};
use crate::source::Origin;

pub(super) fn legal_basis(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let purposes = &site.notice().purposes;
    if purposes.is_empty() {
        out.push(
            Found::new("the notice states no purposes of processing", site.root())
                .help("add a `[[purposes]]` item for each purpose, each with its `basis`"),
        );
    }
    for purpose in purposes.iter().filter(|p| p.basis.is_none()) {
        out.push(Found::new(
            format!("purpose `{}` has no legal basis", purpose.id),
            site.item("purposes", &purpose.id),
        ));
    }
}

pub(super) fn legitimate_interest(site: &SiteView<'_>, out: &mut Vec<Found>) {
    for purpose in &site.notice().purposes {
        if purpose.basis == Some(LegalBasis::LegitimateInterests)
            && purpose.legitimate_interest.is_none()
        {
            out.push(Found::new(
                format!(
                    "purpose `{}` relies on legitimate interests but does not name the interest",
                    purpose.id
                ),
                site.locate(&["purposes", &purpose.id, "basis"]),
            ));
        }
    }
    let notice = site.notice();
    let stated = notice.purposes.iter().any(|p| {
        p.basis == Some(LegalBasis::LegitimateInterests) || p.legitimate_interest.is_some()
    });
    if !stated {
        if let Some((origin, words)) = stated_bases::legitimate_interests(&site.site.merged) {
            out.push(Found::new(
                format!("`{words}` is named as a basis, but no purpose rests on it or states the interest"),
                origin,
            ).help("give each purpose its `basis`; for `legitimate-interests`, add `legitimate_interest = \"…\"` saying whose interest it is and why it outweighs the person's"));
        }
    }
}

fn has_right(rights: &[Right], id: &str, article: &str) -> bool {
    rights
        .iter()
        .any(|right| right.id == id || right.article.as_deref() == Some(article))
}

pub(super) fn consent_withdrawal(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let notice = site.notice();
    let consent: Vec<&str> = notice
        .purposes
        .iter()
        .filter(|p| p.basis == Some(LegalBasis::Consent))
        .map(|p| p.id.as_str())
        .collect();
    if has_right(&notice.rights, "withdraw-consent", "7(3)") {
        return;
    }
    let Some((first, others)) = consent.split_first() else {
        // No purpose's basis is consent, but the prose may name it as one.
        if let Some((_, words)) = stated_bases::consent(&site.site.merged) {
            out.push(Found::new(
                format!("the notice names consent (`{words}`) as a basis, but the right to withdraw it is not stated"),
                site.root(),
            ));
        }
        return;
    };
    let mut found = Found::new(
        format!(
            "purpose `{first}` is based on consent, but the right to withdraw it is not stated"
        ),
        site.locate(&["purposes", first, "basis"]),
    );
    if !others.is_empty() {
        let others: Vec<String> = others.iter().map(|id| format!("`{id}`")).collect();
        found = found.note(format!("also based on consent: {}", others.join(", ")));
    }
    out.push(found);
}

pub(super) fn retention(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let notice = site.notice();
    let per_category = !notice.data_categories.is_empty()
        && notice.data_categories.iter().all(|c| c.retention.is_some());
    if notice.retention.is_some() || per_category {
        return;
    }
    let missing: Vec<_> = notice
        .purposes
        .iter()
        .filter(|p| p.retention.is_none())
        .collect();
    if notice.purposes.is_empty() {
        out.push(Found::new(
            "the notice states no retention period",
            site.root(),
        ));
    }
    for purpose in missing {
        out.push(Found::new(
            format!("purpose `{}` states no retention period", purpose.id),
            site.item("purposes", &purpose.id),
        ));
    }
}

pub(super) fn recipients(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let notice = site.notice();
    if notice.recipients.is_empty() && !notice.none.recipients {
        out.push(Found::new(
            "the notice lists no recipients and does not say that there are none",
            unstated_at(site, "recipients"),
        ));
    }
}

pub(super) fn transfers(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let notice = site.notice();
    if notice.transfers.is_empty() && !notice.none.transfers {
        out.push(Found::new(
            "the notice does not say whether data is transferred outside the EU/EEA",
            unstated_at(site, "transfers"),
        ));
    }
}

/// Where a list that is neither filled nor stated empty is reported: at the section's intro
/// when there is one (a notice converted from free text says "no disclosures" there, while
/// processors keep the data: the words to correct), else at the site's notice.toml.
fn unstated_at(site: &SiteView<'_>, section: &str) -> Origin {
    site.origin_at(&["intros", section])
        .unwrap_or_else(|| site.root())
}

pub(super) fn transfer_safeguard(site: &SiteView<'_>, out: &mut Vec<Found>) {
    for transfer in &site.notice().transfers {
        missing_fields(
            site.item("transfers", &transfer.id),
            &format!("transfer `{}`", transfer.id),
            &[
                ("destination country", transfer.country.is_some()),
                ("safeguard", transfer.safeguard.is_some()),
            ],
            out,
        );
    }
}

/// One finding for a list item that lacks fields, naming them all: one item, one finding.
pub(super) fn missing_fields(
    origin: Origin,
    item: &str,
    fields: &[(&str, bool)],
    out: &mut Vec<Found>,
) {
    let missing: Vec<&str> = fields
        .iter()
        .filter(|(_, present)| !present)
        .map(|(field, _)| *field)
        .collect();
    if !missing.is_empty() {
        out.push(Found::new(
            format!("{item} has no {}", missing.join(" and no ")),
            origin,
        ));
    }
}

pub(super) fn complaint_right(site: &SiteView<'_>, out: &mut Vec<Found>) {
    if !has_right(&site.notice().rights, "complaint", "77") {
        out.push(Found::new(
            "the right to lodge a complaint with a supervisory authority is not stated",
            site.root(),
        ));
    }
}

pub(super) fn authority_contact(site: &SiteView<'_>, out: &mut Vec<Found>) {
    match &site.notice().authority {
        None => out.push(Found::new(
            "the supervisory authority and its contact details are missing",
            site.root(),
        )),
        Some(authority)
            if authority.visiting_address.is_none()
                && authority.postal_address.is_none()
                && authority.email.is_none()
                && authority.phone.is_none() =>
        {
            out.push(Found::new(
                "the supervisory authority has no contact details",
                site.locate(&["authority"]),
            ));
        }
        Some(_) => {}
    }
}

pub(super) fn controller_contact(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let controller = &site.notice().controller;
    // At `[controller]` when the notice has one, else at the site's notice.toml.
    let at = site.locate(&["controller"]);
    let name = controller.name.as_deref().filter(|n| !n.trim().is_empty());
    if name.is_none() {
        out.push(
            Found::new("the notice does not name the controller", at.clone())
                .help("add `name = \"…\"`, the controller's legal name, to `[controller]`"),
        );
    }
    if controller.email.is_none() && controller.address.is_none() {
        let who = name.map_or_else(
            || "the controller".to_string(),
            |n| format!("the controller `{n}`"),
        );
        out.push(Found::new(
            format!("{who} has neither an e-mail nor a postal address"),
            at,
        ));
    }
}

pub(super) fn automated_decisions(site: &SiteView<'_>, out: &mut Vec<Found>) {
    match &site.notice().automated_decisions {
        None => out.push(Found::new(
            "the notice does not say whether automated decision-making or profiling takes place",
            site.root(),
        )),
        Some(auto) if auto.used && auto.description.is_none() => out.push(Found::new(
            "automated decision-making is used but not described",
            site.locate(&["automated_decisions", "used"]),
        )),
        Some(_) => {}
    }
}

pub(super) fn sources(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let notice = site.notice();
    if notice.sources.is_empty() && notice.intros.sources.is_none() {
        out.push(Found::new(
            "the notice does not say where the data comes from",
            site.root(),
        ));
    }
}
