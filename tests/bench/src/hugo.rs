//! The equivalent Hugo site: one Markdown page per site with the headings and text of the
//! notice in its primary language, and a minimal layout (no theme, nothing fetched).

use std::fmt::Write;

use notice_core::labels::{
    self, cookie_category, legal_basis, recipient_role, requirement, safeguard, section_title,
};
use notice_core::model::{Lang, Notice, Section, Text};

/// `config.toml` (Debian's Hugo reads it as well as `hugo.toml`). Only the pages and the home
/// page are rendered, like `notice build`: no taxonomies, feeds, sitemap or 404 page.
pub(crate) const CONFIG: &str = r#"baseURL = "https://notices.example/"
languageCode = "fi"
title = "Tietosuojaselosteet"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false

[markup.tableOfContents]
startLevel = 2
endLevel = 2
"#;

pub(crate) const BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title>
<link rel="stylesheet" href="{{ "notice.css" | relURL }}">
</head>
<body>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"#;

pub(crate) const SINGLE: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<nav class="toc">{{ .TableOfContents }}</nav>
{{ .Content }}
{{ end }}
"#;

pub(crate) const INDEX: &str = r#"{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<ul>
{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
{{ end }}
"#;

/// The page of one site: front matter, then the notice's sections as `##` headings.
pub(crate) fn page(notice: &Notice, lang: Lang) -> String {
    let text = |t: &Text| t.get(lang, lang).text.to_string();
    let l = labels::labels(lang);
    let title = text(&labels::notice_title(notice, lang, lang));
    let mut s = String::with_capacity(16 * 1024);
    let _ = writeln!(s, "---\ntitle: \"{}\"\n---\n", title.replace('"', "\\\""));
    if let Some(intro) = &notice.intro {
        let _ = writeln!(s, "{}\n", text(intro));
    }
    let heading = |s: &mut String, section: Section| {
        let _ = writeln!(s, "## {}\n", section_title(section, lang));
        if let Some(intro) = section.intro(notice) {
            let _ = writeln!(s, "{}\n", text(intro));
        }
    };

    let c = &notice.controller;
    heading(&mut s, Section::Controller);
    if let Some(name) = &c.name {
        let _ = writeln!(s, "**{name}**  ");
    }
    if let Some(id) = &c.business_id {
        let _ = writeln!(s, "{}: {id}  ", l.business_id);
    }
    if let Some(address) = &c.address {
        let _ = writeln!(s, "{}: {}  ", l.address, text(address));
    }
    if let Some(email) = &c.email {
        let _ = writeln!(s, "{}: [{email}](mailto:{email})  ", l.email);
    }
    if let Some(website) = &c.website {
        let _ = writeln!(s, "{}: <{website}>", l.website);
    }
    s.push('\n');
    for (key, person) in [
        (Section::Contact, &notice.contact),
        (Section::Dpo, &notice.dpo),
    ] {
        let Some(person) = person else { continue };
        heading(&mut s, key);
        if let Some(role) = &person.role {
            let _ = writeln!(s, "{}  ", text(role));
        }
        if let Some(email) = &person.email {
            let _ = writeln!(s, "{}: [{email}](mailto:{email})  ", l.email);
        }
        if let Some(phone) = &person.phone {
            let _ = writeln!(s, "{}: {phone}", l.phone);
        }
        s.push('\n');
    }
    if let Some(name) = &notice.register_name {
        heading(&mut s, Section::RegisterName);
        let _ = writeln!(s, "{}\n", text(name));
    }
    if !notice.purposes.is_empty() {
        heading(&mut s, Section::Purposes);
        for p in &notice.purposes {
            if let Some(title) = &p.title {
                let _ = writeln!(s, "### {}\n", text(title));
            }
            if let Some(d) = &p.description {
                let _ = writeln!(s, "{}\n", text(d));
            }
            if let Some(basis) = p.basis {
                let _ = writeln!(
                    s,
                    "**{}:** {} (6(1)({}))\n",
                    l.legal_basis,
                    legal_basis(basis, lang),
                    basis.letter()
                );
            }
            if let Some(i) = &p.legitimate_interest {
                let _ = writeln!(s, "**{}:** {}\n", l.legitimate_interest, text(i));
            }
            if let Some(r) = &p.retention {
                let _ = writeln!(s, "**{}:** {}\n", l.retention, text(r));
            }
        }
    }
    if !notice.data_categories.is_empty() {
        heading(&mut s, Section::DataCategories);
        for c in &notice.data_categories {
            let _ = writeln!(s, "### {}\n", text(&c.title));
            if let Some(d) = &c.description {
                let _ = writeln!(s, "{}\n", text(d));
            }
            if let Some(r) = &c.retention {
                let _ = writeln!(s, "**{}:** {}\n", l.retention, text(r));
            }
        }
    }
    if !notice.sources.is_empty() {
        heading(&mut s, Section::Sources);
        for source in &notice.sources {
            let description = source.description.as_ref().map(text).unwrap_or_default();
            let _ = writeln!(s, "- **{}:** {description}", text(&source.title));
        }
        s.push('\n');
    }
    if !notice.recipients.is_empty() || notice.intros.recipients.is_some() {
        heading(&mut s, Section::Recipients);
        for r in &notice.recipients {
            let _ = writeln!(s, "### {}\n", text(&r.name));
            let role = r
                .role
                .map(|role| format!("{}: {}", l.role, recipient_role(role, lang)));
            let country = r
                .country
                .as_ref()
                .map(|c| format!("{}: {}", l.country, text(c)));
            let facts: Vec<String> = role.into_iter().chain(country).collect();
            s.push_str(&facts.join(" · "));
            s.push_str("\n\n");
            if let Some(d) = &r.description {
                let _ = writeln!(s, "{}\n", text(d));
            }
        }
    }
    if !notice.transfers.is_empty() || notice.intros.transfers.is_some() {
        heading(&mut s, Section::Transfers);
        for t in &notice.transfers {
            let _ = writeln!(s, "### {}\n", text(&t.recipient));
            if let Some(country) = &t.country {
                let _ = writeln!(s, "{}: {}  ", l.country, text(country));
            }
            if let Some(g) = t.safeguard {
                let _ = writeln!(s, "{}: {}", l.safeguard, safeguard(g, lang));
            }
            s.push('\n');
            if let Some(d) = &t.description {
                let _ = writeln!(s, "{}\n", text(d));
            }
        }
    }
    if let Some(r) = &notice.retention {
        heading(&mut s, Section::Retention);
        let _ = writeln!(s, "{}\n", text(r));
    }
    if let Some(req) = &notice.data_requirement {
        heading(&mut s, Section::DataRequirement);
        let _ = writeln!(s, "{}\n", requirement(req.kind, lang));
        if let Some(c) = &req.consequences {
            let _ = writeln!(s, "{}\n", text(c));
        }
    }
    if let Some(a) = &notice.automated_decisions {
        heading(&mut s, Section::AutomatedDecisions);
        let description = a.description.as_ref().map(text);
        let _ = writeln!(
            s,
            "{}\n",
            description.unwrap_or_else(|| l.automated_none.to_string())
        );
    }
    if !notice.cookies.is_empty() || notice.intros.cookies.is_some() {
        heading(&mut s, Section::Cookies);
        if !notice.cookies.is_empty() {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
                l.cookie_name,
                l.cookie_provider,
                l.cookie_purpose,
                l.cookie_duration,
                l.cookie_category
            );
            for c in &notice.cookies {
                let cell = |t: &Option<Text>| t.as_ref().map(text).unwrap_or_default();
                let _ = writeln!(
                    s,
                    "| `{}` | {} | {} | {} | {} |",
                    c.name,
                    text(&c.provider),
                    cell(&c.purpose),
                    cell(&c.duration),
                    cookie_category(c.category, lang)
                );
            }
            s.push('\n');
        }
    }
    if let Some(security) = &notice.security {
        heading(&mut s, Section::Security);
        for (label, value) in [
            (l.security_manual, &security.manual),
            (l.security_electronic, &security.electronic),
        ] {
            if let Some(value) = value {
                let _ = writeln!(s, "### {label}\n\n{}\n", text(value));
            }
        }
    }
    if !notice.rights.is_empty() {
        heading(&mut s, Section::Rights);
        for r in &notice.rights {
            let _ = writeln!(s, "### {}\n", text(&r.title));
            if let Some(body) = &r.body {
                let _ = writeln!(s, "{}\n", text(body));
            }
        }
    }
    if let Some(a) = &notice.authority {
        heading(&mut s, Section::Authority);
        let _ = writeln!(s, "**{}**  ", text(&a.name));
        if let Some(v) = &a.visiting_address {
            let _ = writeln!(s, "{}: {}  ", l.visiting_address, text(v));
        }
        if let Some(p) = &a.postal_address {
            let _ = writeln!(s, "{}: {}  ", l.postal_address, text(p));
        }
        if let Some(phone) = &a.phone {
            let _ = writeln!(s, "{}: {phone}  ", l.phone);
        }
        if let Some(email) = &a.email {
            let _ = writeln!(s, "{}: [{email}](mailto:{email})  ", l.email);
        }
        if let Some(website) = &a.website {
            let _ = writeln!(s, "{}: <{}>", l.website, text(website));
        }
        s.push('\n');
    }
    for section in &notice.sections {
        let _ = writeln!(
            s,
            "## {}\n\n{}\n",
            text(&section.title),
            text(&section.body)
        );
    }
    s
}
