//! The page's sections: the standard ones in page order under their fixed anchors, then the custom ones, with the data each section template receives.

use minijinja::value::Serde;
use serde::Serialize;

use super::text::{Html, PageText, tel_href};
use crate::diagnostic::Diagnostic;
use crate::labels::{self, section_title};
use crate::model::{Notice, Person, Section};

/// One `<section>` of the page. `template` names `sections/<template>.html` in the theme.
#[derive(Debug, Serialize)]
pub struct SectionView {
    /// The section's anchor.
    pub id: String,
    /// The template under `sections/` that renders it.
    pub template: &'static str,
    /// The heading.
    pub title: Html,
    /// The heading as plain text, for machine output.
    pub label: String,
    /// The notice's introduction to the section.
    pub intro: Option<Html>,
    /// What the template shows; undefined when the section has only an intro.
    pub data: minijinja::Value,
}

#[derive(Serialize)]
struct PersonView {
    name: Option<String>,
    role: Option<Html>,
    address: Option<Html>,
    email: Option<String>,
    phone: Option<String>,
    tel: Option<String>,
}

fn person(page: &PageText<'_>, person: &Person) -> PersonView {
    PersonView {
        name: person.name.clone(),
        role: person.role.as_ref().map(|t| page.plain(t)),
        address: person.address.as_ref().map(|t| page.plain(t)),
        email: person.email.clone(),
        phone: person.phone.clone(),
        tel: person.phone.as_deref().map(tel_href),
    }
}

/// Builds every section that has content, in the standard order, then the custom sections.
pub fn build(page: &PageText<'_>) -> Result<Vec<SectionView>, Diagnostic> {
    let notice = &page.site.notice;
    let mut sections = Vec::new();
    for section in Section::ALL {
        let intro = page.optional_block(section.intro(notice), &["intros", section.key()])?;
        if let Some(data) = standard_data(page, notice, section)?
            .or_else(|| intro.as_ref().map(|_| minijinja::Value::UNDEFINED))
        {
            sections.push(SectionView {
                id: section.anchor().to_string(),
                // A contact person and a DPO are both people: one template shows either.
                template: match section {
                    Section::Dpo => Section::Contact.key(),
                    _ => section.key(),
                },
                title: Html(section_title(section, page.lang).to_string()),
                label: section_title(section, page.lang).to_string(),
                intro,
                data,
            });
        }
    }
    for section in &notice.sections {
        sections.push(SectionView {
            id: section.id.clone(),
            template: "custom",
            title: page.plain(&section.title),
            label: page.string(&section.title),
            intro: None,
            data: minijinja::Value::from(
                page.block(&section.body, &["sections", &section.id, "body"])?,
            ),
        });
    }
    Ok(sections)
}

/// The data of a standard section, or `None` when the notice says nothing for it.
fn standard_data(
    page: &PageText<'_>,
    notice: &Notice,
    section: Section,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    match section {
        Section::Controller => controller_data(page, notice),
        Section::Contact => contact_data(page, notice),
        Section::Dpo => dpo_data(page, notice),
        Section::RegisterName => register_name_data(page, notice),
        Section::Purposes => purposes_data(page, notice),
        Section::DataCategories => data_categories_data(page, notice),
        Section::Sources => sources_data(page, notice),
        Section::Recipients => recipients_data(page, notice),
        Section::Transfers => transfers_data(page, notice),
        Section::Retention => retention_data(page, notice),
        Section::DataRequirement => data_requirement_data(page, notice),
        Section::AutomatedDecisions => automated_decisions_data(page, notice),
        Section::Cookies => cookies_data(page, notice),
        Section::Security => security_data(page, notice),
        Section::Rights => rights_data(page, notice),
        Section::Authority => authority_data(page, notice),
    }
}

fn controller_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let c = &notice.controller;
    Ok(Some(minijinja::context! {
        name => c.name.as_str(),
        business_id => c.business_id.as_deref(),
        address => c.address.as_ref().map(|t| page.plain(t)),
        email => c.email.as_deref(),
        phone => c.phone.as_deref(),
        tel => c.phone.as_deref().map(tel_href),
        website => page.web_url(c.website.as_deref(), &["controller", "website"])?,
        representative => c.representative.as_ref().map(|p| Serde(person(page, p))),
    }))
}

fn contact_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    Ok(notice
        .contact
        .as_ref()
        .map(|p| minijinja::Value::from(Serde(person(page, p)))))
}

fn dpo_data(page: &PageText<'_>, notice: &Notice) -> Result<Option<minijinja::Value>, Diagnostic> {
    Ok(notice
        .dpo
        .as_ref()
        .map(|p| minijinja::Value::from(Serde(person(page, p)))))
}

fn register_name_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    Ok(notice
        .register_name
        .as_ref()
        .map(|name| minijinja::context! { name => page.plain(name) }))
}

fn purposes_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let lang = page.lang;
    non_empty(&notice.purposes, |p| {
        let path = |field| ["purposes", p.id.as_str(), field];
        Ok(minijinja::context! {
            id => p.id.as_str(),
            title => page.plain(&p.title),
            description => page.optional_block(p.description.as_ref(), &path("description"))?,
            basis => p.basis.map(|b| labels::legal_basis(b, lang)),
            basis_point => p.basis.map(|b| format!("6(1)({})", b.letter())),
            legitimate_interest => page.optional_inline(p.legitimate_interest.as_ref(), &path("legitimate_interest"))?,
            retention => page.optional_inline(p.retention.as_ref(), &path("retention"))?,
        })
    })
}

fn data_categories_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    non_empty(&notice.data_categories, |c| {
        let path = |field| ["data_categories", c.id.as_str(), field];
        Ok(minijinja::context! {
            id => c.id.as_str(),
            title => page.plain(&c.title),
            description => page.optional_inline(c.description.as_ref(), &path("description"))?,
            retention => page.optional_inline(c.retention.as_ref(), &path("retention"))?,
        })
    })
}

fn sources_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    non_empty(&notice.sources, |s| {
        Ok(minijinja::context! {
            id => s.id.as_str(),
            title => page.plain(&s.title),
            description => page.optional_inline(s.description.as_ref(), &["sources", &s.id, "description"])?,
        })
    })
}

fn recipients_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let lang = page.lang;
    non_empty(&notice.recipients, |r| {
        let path = |field| ["recipients", r.id.as_str(), field];
        Ok(minijinja::context! {
            id => r.id.as_str(),
            name => page.plain(&r.name),
            role => labels::recipient_role(r.role, lang),
            description => page.optional_inline(r.description.as_ref(), &path("description"))?,
            country => r.country.as_ref().map(|t| page.plain(t)),
        })
    })
}

fn transfers_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let lang = page.lang;
    non_empty(&notice.transfers, |t| {
        Ok(minijinja::context! {
            id => t.id.as_str(),
            recipient => page.plain(&t.recipient),
            country => t.country.as_ref().map(|c| page.plain(c)),
            safeguard => t.safeguard.map(|s| labels::safeguard(s, lang)),
            description => page.optional_inline(t.description.as_ref(), &["transfers", &t.id, "description"])?,
        })
    })
}

fn retention_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    Ok(page
        .optional_block(notice.retention.as_ref(), &["retention"])?
        .map(|body| minijinja::context! { body }))
}

fn data_requirement_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let lang = page.lang;
    Ok(match &notice.data_requirement {
        Some(req) => Some(minijinja::context! {
            statement => labels::requirement(req.kind, lang),
            consequences => page.optional_block(req.consequences.as_ref(), &["data_requirement", "consequences"])?,
        }),
        None => None,
    })
}

fn automated_decisions_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    Ok(match &notice.automated_decisions {
        Some(auto) => Some(minijinja::context! {
            used => auto.used,
            description => page.optional_block(auto.description.as_ref(), &["automated_decisions", "description"])?,
        }),
        None => None,
    })
}

fn cookies_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let lang = page.lang;
    non_empty(&notice.cookies, |c| {
        let path = |field| ["cookies", c.id.as_str(), field];
        Ok(minijinja::context! {
            id => c.id.as_str(),
            name => c.name.as_str(),
            provider => page.plain(&c.provider),
            purpose => page.optional_inline(c.purpose.as_ref(), &path("purpose"))?,
            duration => page.optional_inline(c.duration.as_ref(), &path("duration"))?,
            category => labels::cookie_category(c.category, lang),
        })
    })
}

fn security_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    Ok(match &notice.security {
        Some(security) => Some(minijinja::context! {
            manual => page.optional_block(security.manual.as_ref(), &["security", "manual"])?,
            electronic => page.optional_block(security.electronic.as_ref(), &["security", "electronic"])?,
        }),
        None => None,
    })
}

fn rights_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    non_empty(&notice.rights, |r| {
        Ok(minijinja::context! {
            id => r.id.as_str(),
            title => page.plain(&r.title),
            body => page.block(&r.body, &["rights", &r.id, "body"])?,
            article => r.article.as_deref(),
        })
    })
}

fn authority_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    Ok(match &notice.authority {
        Some(a) => Some(minijinja::context! {
            name => page.plain(&a.name),
            visiting_address => a.visiting_address.as_ref().map(|t| page.plain(t)),
            postal_address => a.postal_address.as_ref().map(|t| page.plain(t)),
            phone => a.phone.as_deref(),
            tel => a.phone.as_deref().map(tel_href),
            email => a.email.as_deref(),
            website => page.web_url(a.website.as_deref(), &["authority", "website"])?,
        }),
        None => None,
    })
}

/// `{ items = [...] }` for a non-empty list, `None` for an empty one.
fn non_empty<T>(
    items: &[T],
    view: impl Fn(&T) -> Result<minijinja::Value, Diagnostic>,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    if items.is_empty() {
        return Ok(None);
    }
    let items = items.iter().map(view).collect::<Result<Vec<_>, _>>()?;
    Ok(Some(minijinja::context! { items }))
}
