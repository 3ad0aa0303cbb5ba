//! Completeness rules: the items GDPR Arts. 13 and 14 require a notice to state, and cookie details.

use super::{Found, SiteView};
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
    let Some((first, others)) = consent.split_first() else {
        return;
    };
    if has_right(&notice.rights, "withdraw-consent", "7(3)") {
        return;
    }
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
    if notice.recipients.is_empty() && notice.intros.recipients.is_none() {
        out.push(Found::new(
            "the notice lists no recipients and does not say that there are none",
            site.root(),
        ));
    }
}

pub(super) fn transfers(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let notice = site.notice();
    if notice.transfers.is_empty() && notice.intros.transfers.is_none() {
        out.push(Found::new(
            "the notice does not say whether data is transferred outside the EU/EEA",
            site.root(),
        ));
    }
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

/// One finding for each field a list item lacks, at the item.
fn missing_fields(origin: Origin, item: &str, fields: &[(&str, bool)], out: &mut Vec<Found>) {
    for (field, _) in fields.iter().filter(|(_, present)| !present) {
        out.push(Found::new(format!("{item} has no {field}"), origin.clone()));
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
    if controller.email.is_none() && controller.address.is_none() {
        out.push(Found::new(
            format!(
                "the controller `{}` has neither an e-mail nor a postal address",
                controller.name
            ),
            site.locate(&["controller"]),
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

pub(super) fn cookie_details(site: &SiteView<'_>, out: &mut Vec<Found>) {
    for cookie in &site.notice().cookies {
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
}
