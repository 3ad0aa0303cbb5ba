//! The page's sections: fixed ASCII anchors for the standard sections, and the data each section template receives.

use minijinja::value::Serde;
use serde::Serialize;

use super::labels::{self, section_title};
use super::text::{Html, PageText, tel_href};
use crate::diagnostic::Diagnostic;
use crate::model::{Notice, Person};

/// Standard sections in page order: (model key, anchor id). The anchors are part of the
/// public interface: links from elsewhere rely on them, so they never change with the text.
pub const STANDARD: [(&str, &str); 16] = [
    ("controller", "rekisterinpitaja"),
    ("contact", "yhteyshenkilo"),
    ("dpo", "tietosuojavastaava"),
    ("register_name", "rekisterin-nimi"),
    ("purposes", "kasittelyn-tarkoitus"),
    ("data_categories", "tietosisalto"),
    ("sources", "tietolahteet"),
    ("recipients", "luovutukset"),
    ("transfers", "siirrot"),
    ("retention", "sailytysaika"),
    ("data_requirement", "tietojen-antaminen"),
    ("automated_decisions", "automaattinen-paatoksenteko"),
    ("cookies", "evasteet"),
    ("security", "suojaus"),
    ("rights", "oikeudet"),
    ("authority", "valvontaviranomainen"),
];

/// Ids the page itself uses besides the sections.
pub const PAGE_IDS: [&str; 2] = ["main", "toc"];

/// Every id the page fixes before any custom section or generated heading id is made.
pub fn reserved_ids() -> impl Iterator<Item = &'static str> {
    STANDARD.into_iter().map(|(_, id)| id).chain(PAGE_IDS)
}

/// One `<section>` of the page. `template` names `sections/<template>.html` in the theme.
#[derive(Debug, Serialize)]
pub struct SectionView {
    pub id: String,
    pub template: &'static str,
    pub title: Html,
    /// The heading as plain text, for machine output.
    pub label: String,
    pub intro: Option<Html>,
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
    for (key, id) in STANDARD {
        let intro = page.optional_block(intro_for(notice, key), &["intros", key])?;
        if let Some(data) = standard_data(page, notice, key)?
            .or_else(|| intro.as_ref().map(|_| minijinja::Value::UNDEFINED))
        {
            sections.push(SectionView {
                id: id.to_string(),
                // A contact person and a DPO are both people: one template shows either.
                template: if key == "dpo" { "contact" } else { key },
                title: Html(section_title(key, page.lang).to_string()),
                label: section_title(key, page.lang).to_string(),
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

pub(crate) fn intro_for<'n>(notice: &'n Notice, key: &str) -> Option<&'n crate::model::Text> {
    let intros = &notice.intros;
    match key {
        "controller" => intros.controller.as_ref(),
        "contact" => intros.contact.as_ref(),
        "dpo" => intros.dpo.as_ref(),
        "register_name" => intros.register_name.as_ref(),
        "purposes" => intros.purposes.as_ref(),
        "data_categories" => intros.data_categories.as_ref(),
        "sources" => intros.sources.as_ref(),
        "recipients" => intros.recipients.as_ref(),
        "transfers" => intros.transfers.as_ref(),
        "retention" => intros.retention.as_ref(),
        "data_requirement" => intros.data_requirement.as_ref(),
        "automated_decisions" => intros.automated_decisions.as_ref(),
        "cookies" => intros.cookies.as_ref(),
        "security" => intros.security.as_ref(),
        "rights" => intros.rights.as_ref(),
        "authority" => intros.authority.as_ref(),
        _ => None,
    }
}

/// The data of a standard section, or `None` when the notice says nothing for it.
fn standard_data(
    page: &PageText<'_>,
    notice: &Notice,
    key: &str,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let lang = page.lang;
    let value = match key {
        "controller" => {
            let c = &notice.controller;
            Some(minijinja::context! {
                name => c.name.as_str(),
                business_id => c.business_id.as_deref(),
                address => c.address.as_ref().map(|t| page.plain(t)),
                email => c.email.as_deref(),
                phone => c.phone.as_deref(),
                tel => c.phone.as_deref().map(tel_href),
                website => page.web_url(c.website.as_deref(), &["controller", "website"])?,
                representative => c.representative.as_ref().map(|p| Serde(person(page, p))),
            })
        }
        "contact" => notice
            .contact
            .as_ref()
            .map(|p| minijinja::Value::from(Serde(person(page, p)))),
        "dpo" => notice
            .dpo
            .as_ref()
            .map(|p| minijinja::Value::from(Serde(person(page, p)))),
        "register_name" => notice
            .register_name
            .as_ref()
            .map(|name| minijinja::context! { name => page.plain(name) }),
        "purposes" => non_empty(&notice.purposes, |p| {
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
        })?,
        "data_categories" => non_empty(&notice.data_categories, |c| {
            let path = |field| ["data_categories", c.id.as_str(), field];
            Ok(minijinja::context! {
                id => c.id.as_str(),
                title => page.plain(&c.title),
                description => page.optional_inline(c.description.as_ref(), &path("description"))?,
                retention => page.optional_inline(c.retention.as_ref(), &path("retention"))?,
            })
        })?,
        "sources" => non_empty(&notice.sources, |s| {
            Ok(minijinja::context! {
                id => s.id.as_str(),
                title => page.plain(&s.title),
                description => page.optional_inline(s.description.as_ref(), &["sources", &s.id, "description"])?,
            })
        })?,
        "recipients" => non_empty(&notice.recipients, |r| {
            let path = |field| ["recipients", r.id.as_str(), field];
            Ok(minijinja::context! {
                id => r.id.as_str(),
                name => page.plain(&r.name),
                role => labels::recipient_role(r.role, lang),
                description => page.optional_inline(r.description.as_ref(), &path("description"))?,
                country => r.country.as_ref().map(|t| page.plain(t)),
            })
        })?,
        "transfers" => non_empty(&notice.transfers, |t| {
            Ok(minijinja::context! {
                id => t.id.as_str(),
                recipient => page.plain(&t.recipient),
                country => t.country.as_ref().map(|c| page.plain(c)),
                safeguard => t.safeguard.map(|s| labels::safeguard(s, lang)),
                description => page.optional_inline(t.description.as_ref(), &["transfers", &t.id, "description"])?,
            })
        })?,
        "retention" => page
            .optional_block(notice.retention.as_ref(), &["retention"])?
            .map(|body| minijinja::context! { body }),
        "data_requirement" => match &notice.data_requirement {
            Some(req) => Some(minijinja::context! {
                statement => labels::requirement(req.kind, lang),
                consequences => page.optional_block(req.consequences.as_ref(), &["data_requirement", "consequences"])?,
            }),
            None => None,
        },
        "automated_decisions" => match &notice.automated_decisions {
            Some(auto) => Some(minijinja::context! {
                used => auto.used,
                description => page.optional_block(auto.description.as_ref(), &["automated_decisions", "description"])?,
            }),
            None => None,
        },
        "cookies" => non_empty(&notice.cookies, |c| {
            let path = |field| ["cookies", c.id.as_str(), field];
            Ok(minijinja::context! {
                id => c.id.as_str(),
                name => c.name.as_str(),
                provider => page.plain(&c.provider),
                purpose => page.optional_inline(c.purpose.as_ref(), &path("purpose"))?,
                duration => page.optional_inline(c.duration.as_ref(), &path("duration"))?,
                category => labels::cookie_category(c.category, lang),
            })
        })?,
        "security" => match &notice.security {
            Some(security) => Some(minijinja::context! {
                manual => page.optional_block(security.manual.as_ref(), &["security", "manual"])?,
                electronic => page.optional_block(security.electronic.as_ref(), &["security", "electronic"])?,
            }),
            None => None,
        },
        "rights" => non_empty(&notice.rights, |r| {
            Ok(minijinja::context! {
                id => r.id.as_str(),
                title => page.plain(&r.title),
                body => page.block(&r.body, &["rights", &r.id, "body"])?,
                article => r.article.as_deref(),
            })
        })?,
        "authority" => match &notice.authority {
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
        },
        _ => None,
    };
    Ok(value)
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
