//! The data of the list sections about the processing itself: purposes, data categories,
//! sources, recipients and transfers, each item with every fact the model holds for it.

use super::text::{Html, PageText};
use crate::diagnostic::Diagnostic;
use crate::labels::{self, Article};
use crate::model::{DataRequirement, Notice};

/// A value with the article it rests on, e.g. "oikeutettu etu (tietosuoja-asetuksen 6 artiklan
/// 1 kohdan f alakohta)".
fn with_article(text: &str, article: Article, page: &PageText<'_>) -> String {
    format!("{text} ({})", article.cite(page.lang))
}

/// Art. 13(2)(e) for one purpose or category: the standard statement, then the consequences.
fn requirement(
    page: &PageText<'_>,
    requirement: Option<&DataRequirement>,
    path: &[&str],
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let Some(req) = requirement else {
        return Ok(None);
    };
    let mut consequences_path = path.to_vec();
    consequences_path.push("consequences");
    Ok(Some(minijinja::context! {
        statement => labels::requirement(req.kind, page.lang),
        consequences => page.optional_inline(req.consequences.as_ref(), &consequences_path)?,
    }))
}

pub(super) fn purposes(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let lang = page.lang;
    let children = match &notice.children {
        Some(c) => Some(minijinja::context! {
            statement => labels::children(c.age_limit, lang),
            description => page.optional_block(c.description.as_ref(), &["children", "description"])?,
        }),
        None => None,
    };
    if notice.purposes.is_empty() && children.is_none() {
        return Ok(None);
    }
    let items = notice
        .purposes
        .iter()
        .map(|p| {
            let path = |field| ["purposes", p.id.as_str(), field];
            let basis = p.basis.map(|b| {
                let article = Article::new(6).paragraph(1).point(b.letter());
                with_article(labels::legal_basis(b, lang), article, page)
            });
            let condition = p.special_category_condition.map(|c| {
                let text = labels::special_category_condition(c, lang);
                with_article(text, labels::special_category_condition_article(c), page)
            });
            let criminal_data_law = page
                .optional_inline(p.criminal_data_law.as_ref(), &path("criminal_data_law"))?
                .map(|law| Html(with_article(&law.0, Article::new(10), page)));
            let legitimate_interest =
                page.optional_inline(p.legitimate_interest.as_ref(), &path("legitimate_interest"))?;
            let law = page.optional_inline(p.law.as_ref(), &path("law"))?;
            let requirement = requirement(page, p.requirement.as_ref(), &path("requirement"))?;
            let direct_marketing = p.direct_marketing.then(|| labels::direct_marketing(lang));
            let retention = page.optional_inline(p.retention.as_ref(), &path("retention"))?;
            // A list only when it has an entry: an empty `<dl>` is invalid HTML and says nothing.
            let facts = basis.is_some()
                || legitimate_interest.is_some()
                || law.is_some()
                || condition.is_some()
                || criminal_data_law.is_some()
                || requirement.is_some()
                || direct_marketing.is_some()
                || retention.is_some();
            Ok(minijinja::context! {
                id => p.id.as_str(),
                title => p.title.as_ref().map(|t| page.plain(t)),
                description => page.optional_block(p.description.as_ref(), &path("description"))?,
                basis,
                legitimate_interest,
                law,
                special_category_condition => condition,
                criminal_data_law,
                requirement,
                direct_marketing,
                retention,
                facts,
            })
        })
        .collect::<Result<Vec<_>, Diagnostic>>()?;
    Ok(Some(minijinja::context! { items, children }))
}

pub(super) fn data_categories(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let lang = page.lang;
    non_empty(&notice.data_categories, |c| {
        let path = |field| ["data_categories", c.id.as_str(), field];
        Ok(minijinja::context! {
            id => c.id.as_str(),
            title => page.plain(&c.title),
            description => page.optional_inline(c.description.as_ref(), &path("description"))?,
            retention => page.optional_inline(c.retention.as_ref(), &path("retention"))?,
            special_category => c.special_category.map(|s| {
                with_article(labels::special_category(s, lang), labels::special_category_article(s), page)
            }),
            requirement => requirement(page, c.requirement.as_ref(), &path("requirement"))?,
        })
    })
}

pub(super) fn sources(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let lang = page.lang;
    non_empty(&notice.sources, |s| {
        Ok(minijinja::context! {
            id => s.id.as_str(),
            title => page.plain(&s.title),
            description => page.optional_inline(s.description.as_ref(), &["sources", &s.id, "description"])?,
            public => s.public.then(|| labels::public_source(lang)),
        })
    })
}

/// The recipients, or the standard statement that there are none (`none.recipients`). A
/// statement beside listed recipients would contradict them: the list wins, and
/// `notice check` reports the contradiction.
pub(super) fn recipients(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let lang = page.lang;
    let none = (notice.none.recipients && notice.recipients.is_empty())
        .then(|| labels::no_recipients(lang));
    let items = notice
        .recipients
        .iter()
        .map(|r| {
            let path = |field| ["recipients", r.id.as_str(), field];
            Ok(minijinja::context! {
                id => r.id.as_str(),
                name => page.plain(&r.name),
                role => r.role.map(|role| labels::recipient_role(role, lang)),
                description => page.optional_inline(r.description.as_ref(), &path("description"))?,
                country => r.country.as_ref().map(|t| page.plain(t)),
                arrangement => page.optional_inline(r.arrangement.as_ref(), &path("arrangement"))?,
                arrangement_article => Article::new(26).paragraph(2).cite(lang),
            })
        })
        .collect::<Result<Vec<_>, Diagnostic>>()?;
    Ok((none.is_some() || !items.is_empty()).then(|| minijinja::context! { items, none }))
}

/// The transfers, or the standard statement that there are none (`none.transfers`).
pub(super) fn transfers(
    page: &PageText<'_>,
    notice: &Notice,
) -> Result<Option<minijinja::Value>, Diagnostic> {
    let lang = page.lang;
    let none =
        (notice.none.transfers && notice.transfers.is_empty()).then(|| labels::no_transfers(lang));
    let items = notice
        .transfers
        .iter()
        .map(|t| {
            let derogation = t.derogation.map(|d| {
                with_article(labels::derogation(d, lang), labels::derogation_article(d), page)
            });
            Ok(minijinja::context! {
                id => t.id.as_str(),
                recipient => page.plain(&t.recipient),
                country => t.country.as_ref().map(|c| page.plain(c)),
                safeguard => t.safeguard.map(|s| labels::safeguard(s, lang)),
                derogation,
                description => page.optional_inline(t.description.as_ref(), &["transfers", &t.id, "description"])?,
            })
        })
        .collect::<Result<Vec<_>, Diagnostic>>()?;
    Ok((none.is_some() || !items.is_empty()).then(|| minijinja::context! { items, none }))
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
