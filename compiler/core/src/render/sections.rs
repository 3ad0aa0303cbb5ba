//! The page's sections: the standard ones in page order under their fixed anchors, then the custom ones, with the data each section template receives.

use minijinja::value::Serde;
use serde::Serialize;

use super::processing;
use super::text::{Html, PageText, display_phone, tel_href};
use crate::diagnostic::Diagnostic;
use crate::labels::{self, section_title};
use crate::model::{Controller, LegalBasis, Notice, OBJECTION_ANCHOR, Person, Right, Section};

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
        email: person.email.clone().map(String::from),
        phone: person.phone.as_deref().map(|p| display_phone(p, page.lang)),
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
        Section::Purposes => processing::purposes(page, notice),
        Section::DataCategories => processing::data_categories(page, notice),
        Section::Sources => processing::sources(page, notice),
        Section::Recipients => processing::recipients(page, notice),
        Section::Transfers => processing::transfers(page, notice),
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
    // Nothing stated of the controller: no empty list (the section still shows its intro).
    if *c == Controller::default() {
        return Ok(None);
    }
    Ok(Some(minijinja::context! {
        name => c.name.as_deref(),
        business_id => c.business_id.as_deref(),
        address => c.address.as_ref().map(|t| page.plain(t)),
        email => c.email.as_deref(),
        phone => c.phone.as_deref().map(|p| display_phone(p, page.lang)),
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

/// The cookies, or the standard statement that there are none (`none.cookies`).
fn cookies_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let lang = page.lang;
    let none = (notice.none.cookies && notice.cookies.is_empty()).then(|| labels::no_cookies(lang));
    let items = notice
        .cookies
        .iter()
        .map(|c| {
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
        .collect::<Result<Vec<_>, Diagnostic>>()?;
    Ok((none.is_some() || !items.is_empty()).then(|| minijinja::context! { items, none }))
}

/// The measures the controller confirms, each as its standard sentence in page order (the
/// order of the values, so layers listing them differently still render alike), then the
/// notice's own texts.
fn security_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let Some(security) = &notice.security else {
        return Ok(None);
    };
    let mut measures = security.measures.clone();
    measures.sort_unstable();
    measures.dedup();
    let measures: Vec<String> = measures
        .into_iter()
        .map(|m| labels::security_measure(m, page.lang))
        .collect();
    Ok(Some(minijinja::context! {
        measures,
        manual => page.optional_block(security.manual.as_ref(), &["security", "manual"])?,
        electronic => page.optional_block(security.electronic.as_ref(), &["security", "electronic"])?,
    }))
}

/// The rights. When any purpose rests on legitimate interests or a public task, or is direct
/// marketing, the right to object is taken out of the list and shown first, on its own:
/// Art. 21(4) requires it to be presented clearly and separately from any other information.
fn rights_data(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    if notice.rights.is_empty() {
        return Ok(None);
    }
    let view = |r: &Right| -> Result<minijinja::Value, Diagnostic> {
        Ok(minijinja::context! {
            id => r.id.as_str(),
            title => page.plain(&r.title),
            body => page.optional_block(r.body.as_ref(), &["rights", &r.id, "body"])?,
            article => r.article.as_deref().map(|a| labels::cite_text(a, page.lang)),
        })
    };
    let apart = objection_apart(notice);
    let objection = apart.map(view).transpose()?;
    let items = notice
        .rights
        .iter()
        .filter(|r| apart.is_none_or(|o| !std::ptr::eq(*r, o)))
        .map(view)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(minijinja::context! {
        objection,
        objection_anchor => OBJECTION_ANCHOR,
        items,
    }))
}

/// The right to object, when Art. 21(4) requires it to stand apart from the other rights.
pub fn objection_apart(notice: &Notice) -> Option<&Right> {
    let needed = notice.purposes.iter().any(|p| {
        p.direct_marketing
            || matches!(
                p.basis,
                Some(LegalBasis::LegitimateInterests | LegalBasis::PublicTask)
            )
    });
    if !needed {
        return None;
    }
    notice
        .rights
        .iter()
        .find(|r| r.id == "objection")
        .or_else(|| {
            notice
                .rights
                .iter()
                .find(|r| r.article.as_deref().map(str::trim) == Some("21"))
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
            phone => a.phone.as_deref().map(|p| display_phone(p, page.lang)),
            tel => a.phone.as_deref().map(tel_href),
            email => a.email.as_deref(),
            website => page.web_url(a.website.as_ref().map(|t| page.string(t)).as_deref(), &["authority", "website"])?,
        }),
        None => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{SourceFile, parse};

    fn notice(text: &str) -> Notice {
        let file = SourceFile::new("n.toml", text.to_string());
        crate::de::from_node(&parse(&file).unwrap()).unwrap()
    }

    const RIGHTS: &str = r#"
[controller]
name = "Alfa Oy"

[[rights]]
id = "vastustus"
article = "21"
title = "Oikeus vastustaa"
body = "Voit vastustaa."

[[purposes]]
id = "p"
title = "P"
"#;

    #[test]
    fn objection_stands_apart_for_public_task_found_by_article() {
        let task = notice(&format!("{RIGHTS}basis = \"public-task\"\n"));
        assert_eq!(
            objection_apart(&task).map(|r| r.id.as_str()),
            Some("vastustus")
        );
        let marketing = notice(&format!(
            "{RIGHTS}basis = \"consent\"\ndirect_marketing = true\n"
        ));
        assert!(objection_apart(&marketing).is_some());
    }

    #[test]
    fn objection_stays_in_the_list_for_consent_and_contract() {
        for basis in ["consent", "contract", "legal-obligation", "vital-interests"] {
            let n = notice(&format!("{RIGHTS}basis = \"{basis}\"\n"));
            assert!(objection_apart(&n).is_none(), "{basis}");
        }
    }
}
