//! The rule registry: every rule of `notice check`, in the order of the README's table.

use super::{Found, SiteView, content, finnish, releases, syntax, texts};
use crate::diagnostic::Severity;

/// One check: what it enforces, how bad a failure is, and how to fix it.
#[derive(Debug)]
pub struct Rule {
    /// Stable id, used in output, in `--format json` and in the README's table.
    pub id: &'static str,
    /// The provision the rule enforces, where there is one, e.g. `GDPR Art. 13(1)(c)`.
    pub article: Option<&'static str>,
    /// Whether a finding fails the check (errors) or only with `--strict` (warnings).
    pub severity: Severity,
    /// What the rule checks, in one line.
    pub checks: &'static str,
    /// How to fix a finding, unless the finding gives a more specific hint.
    pub help: &'static str,
    pub(super) run: fn(&SiteView<'_>, &mut Vec<Found>),
}

/// Every rule, in the order of the README's table.
pub const RULES: &[Rule] = &[
    Rule {
        id: "legal-basis",
        article: Some("GDPR Art. 13(1)(c)"),
        severity: Severity::Error,
        checks: "the notice states its purposes, and every purpose has a legal basis",
        help: "set `basis` to `consent`, `contract`, `legal-obligation`, `vital-interests`, `public-task` or `legitimate-interests`",
        run: content::legal_basis,
    },
    Rule {
        id: "legitimate-interest",
        article: Some("GDPR Art. 13(1)(d)"),
        severity: Severity::Error,
        checks: "a purpose based on legitimate interests (Art. 6(1)(f)) names the interest",
        help: "add `legitimate_interest = \"…\"` saying whose interest it is and why it outweighs the person's",
        run: content::legitimate_interest,
    },
    Rule {
        id: "consent-withdrawal",
        article: Some("GDPR Art. 13(2)(c)"),
        severity: Severity::Error,
        checks: "when a purpose is based on consent (Art. 6(1)(a)), the right to withdraw consent is stated",
        help: "add a `[[rights]]` item with `id = \"withdraw-consent\"` (the `fi-standard` layer has one)",
        run: content::consent_withdrawal,
    },
    Rule {
        id: "retention",
        article: Some("GDPR Art. 13(2)(a)"),
        severity: Severity::Error,
        checks: "a retention period or its criteria: a general `retention`, or one for every purpose or every data category",
        help: "add `retention = \"…\"` to the purpose, or a general `retention` statement with the criteria",
        run: content::retention,
    },
    Rule {
        id: "recipients",
        article: Some("GDPR Art. 13(1)(e)"),
        severity: Severity::Error,
        checks: "recipients are listed, or `[intros] recipients` states that there are no regular disclosures",
        help: "add `[[recipients]]` items (processors too), or `[intros] recipients = \"Tietoja ei luovuteta säännönmukaisesti.\"`",
        run: content::recipients,
    },
    Rule {
        id: "transfers",
        article: Some("GDPR Art. 13(1)(f)"),
        severity: Severity::Error,
        checks: "transfers outside the EU/EEA are listed, or `[intros] transfers` states that there are none",
        help: "add `[[transfers]]` items, or `[intros] transfers = \"Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.\"`",
        run: content::transfers,
    },
    Rule {
        id: "transfer-safeguard",
        article: Some("GDPR Art. 13(1)(f)"),
        severity: Severity::Error,
        checks: "every transfer outside the EU/EEA names its destination country and its safeguard",
        help: "set `country` and `safeguard` (`adequacy`, `adequacy-dpf`, `scc`, `bcr` or `derogation`)",
        run: content::transfer_safeguard,
    },
    Rule {
        id: "complaint-right",
        article: Some("GDPR Art. 13(2)(d)"),
        severity: Severity::Error,
        checks: "the right to lodge a complaint with a supervisory authority (Art. 77) is stated",
        help: "add a `[[rights]]` item with `id = \"complaint\"`, or extend the `fi-standard` layer",
        run: content::complaint_right,
    },
    Rule {
        id: "authority-contact",
        article: Some("GDPR Art. 13(2)(d)"),
        severity: Severity::Error,
        checks: "the supervisory authority is named with contact details (an address, e-mail or phone)",
        help: "extend the `fi-standard` layer, which has the Data Protection Ombudsman's current details, or fill in `[authority]`",
        run: content::authority_contact,
    },
    Rule {
        id: "controller-contact",
        article: Some("GDPR Art. 13(1)(a)"),
        severity: Severity::Error,
        checks: "the controller is identified with an e-mail or a postal address",
        help: "add `email = \"…\"` or `address = \"…\"` to `[controller]`",
        run: content::controller_contact,
    },
    Rule {
        id: "automated-decisions",
        article: Some("GDPR Art. 13(2)(f)"),
        severity: Severity::Error,
        checks: "automated decision-making and profiling are stated, even when there are none, and described when used",
        help: "add `[automated_decisions]` with `used = false` (or extend `fi-standard`); with `used = true`, add a `description` of the logic and its consequences",
        run: content::automated_decisions,
    },
    Rule {
        id: "sources",
        article: Some("GDPR Art. 14(2)(f)"),
        severity: Severity::Warning,
        checks: "the sources of the data are stated (required when data is not collected from the person)",
        help: "add `[[sources]]` items; when all data comes from the person, say so with one source, e.g. `title = \"Rekisteröity itse\"`",
        run: content::sources,
    },
    Rule {
        id: "cookie-details",
        article: Some("Act 917/2014 § 205"),
        severity: Severity::Error,
        checks: "every cookie states its purpose and its duration",
        help: "add `purpose = \"…\"` and `duration = \"…\"` to the cookie",
        run: content::cookie_details,
    },
    Rule {
        id: "business-id",
        article: None,
        severity: Severity::Error,
        checks: "the controller's Y-tunnus has the form NNNNNNN-C and a valid check digit",
        help: "copy the Y-tunnus from the Finnish business register (ytj.fi)",
        run: finnish::business_id,
    },
    Rule {
        id: "email-syntax",
        article: None,
        severity: Severity::Error,
        checks: "every `email` and every `mailto:` link is a syntactically valid e-mail address",
        help: "write the address as `name@domain.fi`, without spaces or brackets",
        run: syntax::email,
    },
    Rule {
        id: "url-syntax",
        article: None,
        severity: Severity::Error,
        checks: "every `website` and every web link is an absolute `https://` or `http://` address with a host",
        help: "write the address in full, like `https://www.example.fi/page`",
        run: syntax::url,
    },
    Rule {
        id: "phone-syntax",
        article: None,
        severity: Severity::Error,
        checks: "every `phone` and every `tel:` link is a phone number: digits, spaces, `-`, `(` `)`, an optional leading `+`",
        help: "write the number like `029 566 6700` or `+358 29 566 6700`",
        run: syntax::phone,
    },
    Rule {
        id: "translations",
        article: None,
        severity: Severity::Error,
        checks: "every text given per language has every language the site publishes",
        help: "add the missing language to the text; until then the page falls back to another language",
        run: texts::translations,
    },
    Rule {
        id: "anchor-links",
        article: None,
        severity: Severity::Error,
        checks: "every in-page Markdown link (`#id`) points to an anchor that exists on each page showing it",
        help: "link to a section anchor (see the README's table), a custom section id or a heading's id",
        run: texts::anchor_links,
    },
    Rule {
        id: "stale-authority",
        article: Some("GDPR Art. 13(2)(d)"),
        severity: Severity::Error,
        checks: "no value carries the Data Protection Ombudsman's former details: Ratapihantie 9 (sv Bangårdsvägen 9), the postcodes 00520 and 00521, tietosuoja@tietosuoja.fi; the own `address` of the controller and of persons is exempt",
        help: "the Office of the Data Protection Ombudsman: Lintulahdenkuja 4, 00530 Helsinki; postal address PL 800, 00531 Helsinki; tietosuoja@om.fi; 029 566 6700. The `fi-standard` layer has them",
        run: finnish::stale_authority,
    },
    Rule {
        id: "unreleased-changes",
        article: Some("GDPR Art. 13(3)"),
        severity: Severity::Warning,
        checks: "the sources match the site's latest released version (sites never released are not checked)",
        help: "run `notice release <site>`; material changes need advance notice, so choose `--effective` ahead",
        run: releases::unreleased_changes,
    },
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.id == id)
}
