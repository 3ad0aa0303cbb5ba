//! The rule registry: every rule of `notice check`, in the order of the README's table.

use super::{
    Found, SiteView, authority, content, cookies, finnish, legal, overrides, releases, retention,
    rights, syntax, texts, transfer_consistency, translation,
};
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
        checks: "recipients are listed, processors included, or `[none] recipients = true` states that no one receives the data",
        help: "add a `[[recipients]]` item for each recipient; processors (hosting, e-mail, accounting) are recipients too (Art. 4(9)). Only when truly no one receives the data, add `[none]` with `recipients = true`",
        run: content::recipients,
    },
    Rule {
        id: "transfers",
        article: Some("GDPR Art. 13(1)(f)"),
        severity: Severity::Error,
        checks: "transfers outside the EU/EEA are listed, or `[none] transfers = true` states that there are none",
        help: "add a `[[transfers]]` item for each transfer outside the EU/EEA, or `[none]` with `transfers = true` when there are none",
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
        checks: "the controller is named, and can be reached by e-mail or at a postal address: one finding for each that is missing, at `[controller]` (or the file's 1:1 when there is none)",
        help: "add `email = \"…\"` or `address = \"…\"` to `[controller]`",
        run: content::controller_contact,
    },
    Rule {
        id: "partial-override",
        article: Some("GDPR Art. 13(1)(a)-(b), 13(2)(d)"),
        severity: Severity::Warning,
        checks: "each contact block (`controller`, `controller.representative`, `contact`, `dpo`, `authority`) comes from one file, so an override cannot leave an inherited address or number beside it",
        help: "give the whole block in one file, or remove the inherited keys with `key = { remove = true }`",
        run: overrides::partial_override,
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
        article: Some("ePrivacy Directive Art. 5(3); Act 917/2014 § 205; EDPB Guidelines 2/2023"),
        severity: Severity::Error,
        checks: "every cookie states its purpose and duration; cookies or trackers named only in text are declared; a non-essential cookie has a consent purpose; `none.cookies` does not sit beside cookies",
        help: "add `purpose = \"…\"` and `duration = \"…\"` to the cookie",
        run: cookies::cookie_details,
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
        checks: "the `[authority]` block of the Data Protection Ombudsman matches the office's current details, field by field and per language; texts about the authority carry none of its former details (Ratapihantie 9, 00520/00521, tietosuoja@tietosuoja.fi, 029 56 16670)",
        help: "the Office of the Data Protection Ombudsman: Lintulahdenkuja 4, 00530 Helsinki; postal address PL 800, 00531 Helsinki; tietosuoja@om.fi; 029 566 6700. The `fi-standard` layer has them",
        run: authority::stale_authority,
    },
    Rule {
        id: "unreleased-changes",
        article: Some("GDPR Art. 12(1); EDPB Guidelines on transparency (WP260 rev.01)"),
        severity: Severity::Warning,
        checks: "the sources match the site's latest released version (sites never released are not checked)",
        help: "run `notice release <site>`; material changes need advance notice, so choose `--effective` ahead",
        run: releases::unreleased_changes,
    },
    // Legal depth (issue 14): the rules a lawyer applies beyond the presence of each item.
    // An error where the GDPR text requires the information; a warning where the finding is
    // a likely, not a certain, defect.
    Rule {
        id: "data-requirement",
        article: Some("GDPR Art. 13(2)(e)"),
        severity: Severity::Error,
        checks: "whether giving the data is a statutory or contractual requirement, and what follows from not giving it, is stated for the notice, every purpose or every data category",
        help: "add `[data_requirement]` with `kind` (`voluntary`, `contractual`, `statutory` or `contract-prerequisite`) and `consequences`, or a `requirement` to each purpose",
        run: legal::data_requirement,
    },
    Rule {
        id: "transfer-consistency",
        article: Some("GDPR Art. 13(1)(f), Arts. 44-49"),
        severity: Severity::Error,
        checks: "recipients outside the EU/EEA and well-known non-EU services named anywhere (Google, Meta, Microsoft, Mailchimp…) have a `[[transfers]]` item; no \"no transfers\" statement sits beside transfers; `adequacy-dpf` only for the United States",
        help: "add a `[[transfers]]` item naming the recipient, its `country` and `safeguard` (e.g. `adequacy-dpf` for a certified US company), or correct the statement that there are none",
        run: transfer_consistency::transfer_consistency,
    },
    Rule {
        id: "retention-criteria",
        article: Some("GDPR Art. 13(2)(a); EDPB Guidelines on transparency (WP260 rev.01)"),
        severity: Severity::Error,
        checks: "a retention text gives a period or the criteria that set it, not only \"as long as necessary\" or \"as long as the law allows\" (a missing retention is the `retention` rule's)",
        help: "give a period (\"2 vuotta asiakassuhteen päättymisestä\") or the criteria and the law that set it (\"Kirjanpitolain 2 luvun 10 §:n mukaan 6 vuotta…\")",
        run: retention::retention_criteria,
    },
    Rule {
        id: "special-category",
        article: Some("GDPR Arts. 9(2), 10"),
        severity: Severity::Error,
        checks: "special categories of data (health, allergies, special diets, religion, trade union, biometrics, sexual orientation, ethnicity, political opinions, genetics), declared or named in text, have an Art. 9(2) condition, `explicit-consent` where the basis is consent; criminal data has its `criminal_data_law`",
        help: "add `special_category_condition` to the purpose: `explicit-consent` when it rests on consent (Art. 9(2)(a)), otherwise the point of Art. 9(2) that applies",
        run: legal::special_category,
    },
    Rule {
        id: "repealed-law",
        article: Some("Tietosuojalaki 1050/2018, which repealed Act 523/1999"),
        severity: Severity::Error,
        checks: "no text refers to the repealed henkilötietolaki (523/1999, sv personuppgiftslagen, en Personal Data Act) or the abolished tietosuojalautakunta",
        help: "refer to the EU General Data Protection Regulation (tietosuoja-asetus, (EU) 2016/679) and the Tietosuojalaki (1050/2018)",
        run: legal::repealed_law,
    },
    Rule {
        id: "rights-complete",
        article: Some("GDPR Art. 13(2)(b)"),
        severity: Severity::Error,
        checks: "the rights of access (15), rectification (16), erasure (17), restriction (18) and, where a purpose rests on consent or contract, portability (20) are stated (21 is `object-right`'s, 7(3) `consent-withdrawal`'s, 77 `complaint-right`'s)",
        help: "add the missing `[[rights]]` items (`access`, `rectification`, `erasure`, `restriction`, `portability`) or extend the `fi-standard` layer, which has them",
        run: rights::rights_complete,
    },
    Rule {
        id: "object-right",
        article: Some("GDPR Arts. 13(2)(b), 21"),
        severity: Severity::Error,
        checks: "the right to object is stated when a purpose rests on legitimate interests or public task, and its unconditional form for direct marketing when a purpose is direct marketing",
        help: "add a `[[rights]]` item with `id = \"objection\"` and `article = \"21\"`, or extend the `fi-standard` layer",
        run: rights::object_right,
    },
    Rule {
        id: "legal-basis-law",
        article: Some("GDPR Arts. 6(3), 13(1)(c)"),
        severity: Severity::Error,
        checks: "a purpose that rests on a legal obligation or a public task names the law that lays it down",
        help: "add `law = \"…\"` to the purpose, e.g. `law = \"Kirjanpitolaki (1336/1997) 2 luku 10 §\"`",
        run: legal::legal_basis_law,
    },
    Rule {
        id: "stale-translation",
        article: None,
        severity: Severity::Warning,
        checks: "since the latest release, no text changed in the primary language while its other languages stayed as they were",
        help: "update the other languages of the text to say what the primary language now says",
        run: translation::stale_translation,
    },
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.id == id)
}
