//! The schema of layer and site files: every key of the source format, with its description.

use serde_json::{Value, json};

use super::{
    enumeration, languages, list, markdown, object, string, text, web_address, with_header,
};

/// The schema of layer files (`content/_shared/*.toml`) and site files (`content/*/notice.toml`).
pub fn source_schema() -> Value {
    let mut schema = object(
        "A notice source: a layer in content/_shared/ or a site's notice.toml. Keys are required only after merging, so a file may leave out anything a layer supplies.",
        vec![
            (
                "extends",
                json!({
                    "description": "Layers (file stems in content/_shared/) applied before this file, in order. Not part of the notice.",
                    "type": "array",
                    "items": { "type": "string" },
                }),
            ),
            (
                "languages",
                languages("Languages this site publishes, primary first. Default: the project's."),
            ),
            (
                "title",
                text(
                    "Page title and heading. Default: the controller's name, else \"Tietosuojaseloste\" / \"Dataskyddsbeskrivning\" / \"Privacy notice\".",
                ),
            ),
            (
                "register_name",
                text("Name of the register (rekisterin nimi)."),
            ),
            (
                "updated",
                json!({
                    "description": "When the current version took effect: a TOML date like 2025-12-01.",
                    "type": "string",
                    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                }),
            ),
            (
                "intro",
                markdown("Opening text above the table of contents."),
            ),
            (
                "retention",
                markdown(
                    "General retention statement, or the criteria that set retention (GDPR Art. 13(2)(a)).",
                ),
            ),
            ("controller", controller()),
            ("contact", person("Contact person for the register.")),
            (
                "dpo",
                person("Data protection officer, if one is appointed (GDPR Art. 13(1)(b))."),
            ),
            (
                "purposes",
                list(
                    "Purposes of the processing and the legal basis of each (GDPR Art. 13(1)(c)).",
                    vec![
                        (
                            "title",
                            text("The purpose as a heading; optional when `description` says it."),
                        ),
                        ("description", markdown("What is done.")),
                        (
                            "basis",
                            enumeration(
                                "Legal basis, GDPR Art. 6(1): consent (a), contract (b), legal-obligation (c), vital-interests (d), public-task (e), legitimate-interests (f).",
                                &[
                                    "consent",
                                    "contract",
                                    "legal-obligation",
                                    "vital-interests",
                                    "public-task",
                                    "legitimate-interests",
                                ],
                            ),
                        ),
                        (
                            "legitimate_interest",
                            markdown(
                                "The interest pursued, when the basis is legitimate-interests (GDPR Art. 13(1)(d)).",
                            ),
                        ),
                        (
                            "law",
                            text(
                                "The law behind a legal-obligation or public-task basis (GDPR Art. 6(3)).",
                            ),
                        ),
                        (
                            "special_category_condition",
                            enumeration(
                                "The GDPR Art. 9(2) condition for special categories of data: explicit-consent (a), employment (b), vital-interests (c), not-for-profit (d), made-public (e), legal-claims (f), substantial-public-interest (g), health-care (h), public-health (i), archiving-research (j).",
                                &[
                                    "explicit-consent",
                                    "employment",
                                    "vital-interests",
                                    "not-for-profit",
                                    "made-public",
                                    "legal-claims",
                                    "substantial-public-interest",
                                    "health-care",
                                    "public-health",
                                    "archiving-research",
                                ],
                            ),
                        ),
                        (
                            "criminal_data_law",
                            text(
                                "The law that authorises processing data on criminal convictions and offences (GDPR Art. 10).",
                            ),
                        ),
                        ("requirement", requirement()),
                        (
                            "direct_marketing",
                            boolean(
                                "The purpose is direct marketing, which the person may always object to (GDPR Art. 21(2)-(3)).",
                            ),
                        ),
                        ("retention", markdown("Retention for this purpose.")),
                    ],
                ),
            ),
            (
                "data_categories",
                list(
                    "Categories of personal data.",
                    vec![
                        ("title", text("The category.")),
                        ("description", markdown("Details.")),
                        ("retention", markdown("Retention for this category.")),
                        (
                            "special_category",
                            enumeration(
                                "The special category (GDPR Art. 9(1)) or criminal-offence data (Art. 10) this is.",
                                &[
                                    "ethnic-origin",
                                    "political-opinions",
                                    "beliefs",
                                    "trade-union",
                                    "genetic",
                                    "biometric",
                                    "health",
                                    "sexual-orientation",
                                    "criminal-offences",
                                ],
                            ),
                        ),
                        ("requirement", requirement()),
                    ],
                ),
            ),
            (
                "sources",
                list(
                    "Sources of the data (GDPR Art. 14(2)(f)).",
                    vec![
                        ("title", text("The source.")),
                        ("description", markdown("Details.")),
                        (
                            "public",
                            boolean("The source is publicly accessible (GDPR Art. 14(2)(f))."),
                        ),
                    ],
                ),
            ),
            (
                "recipients",
                list(
                    "Recipients or categories of recipients, processors included (GDPR Art. 13(1)(e)).",
                    vec![
                        ("name", text("Recipient or category of recipients.")),
                        (
                            "role",
                            enumeration(
                                "The recipient's role; leave it out when the notice does not state it.",
                                &["processor", "controller", "joint-controller", "authority"],
                            ),
                        ),
                        ("description", markdown("What they do with the data.")),
                        ("country", text("Where they process it.")),
                        (
                            "arrangement",
                            markdown(
                                "For a joint controller: the essence of the arrangement (GDPR Art. 26(2)).",
                            ),
                        ),
                    ],
                ),
            ),
            (
                "transfers",
                list(
                    "Transfers outside the EU/EEA (GDPR Art. 13(1)(f)).",
                    vec![
                        ("recipient", text("Who receives the data.")),
                        ("country", text("Destination country.")),
                        (
                            "safeguard",
                            enumeration(
                                "adequacy (Art. 45), adequacy-dpf (EU-US Data Privacy Framework, 10 July 2023), scc (Art. 46(2)(c)), bcr (Art. 47), derogation (Art. 49).",
                                &["adequacy", "adequacy-dpf", "scc", "bcr", "derogation"],
                            ),
                        ),
                        (
                            "derogation",
                            enumeration(
                                "The GDPR Art. 49(1) derogation, when safeguard is derogation: explicit-consent (a), contract (b), contract-in-interest (c), public-interest (d), legal-claims (e), vital-interests (f), public-register (g), compelling-legitimate-interests (second subparagraph).",
                                &[
                                    "explicit-consent",
                                    "contract",
                                    "contract-in-interest",
                                    "public-interest",
                                    "legal-claims",
                                    "vital-interests",
                                    "public-register",
                                    "compelling-legitimate-interests",
                                ],
                            ),
                        ),
                        ("description", markdown("Details.")),
                    ],
                ),
            ),
            (
                "cookies",
                list(
                    "Cookies the site sets.",
                    vec![
                        (
                            "name",
                            string("The cookie's name as the browser shows it, e.g. _pk_id."),
                        ),
                        ("provider", text("Who sets it.")),
                        ("purpose", markdown("Why.")),
                        ("duration", markdown("How long it lives.")),
                        (
                            "category",
                            enumeration(
                                "Cookie category.",
                                &["necessary", "preferences", "analytics", "marketing"],
                            ),
                        ),
                    ],
                ),
            ),
            (
                "rights",
                list(
                    "Data subject rights; fi-standard defines access, rectification, erasure, restriction, portability, objection, automated-decisions, withdraw-consent and complaint.",
                    vec![
                        ("title", text("Heading of the right.")),
                        (
                            "body",
                            markdown(
                                "Explanation; optional, a right may be stated by its title alone.",
                            ),
                        ),
                        ("article", string("GDPR article, e.g. \"15\" or \"7(3)\".")),
                    ],
                ),
            ),
            (
                "sections",
                list(
                    "Custom sections after the standard ones; the id is the section's anchor.",
                    vec![("title", text("Heading.")), ("body", markdown("Content."))],
                ),
            ),
            ("data_requirement", requirement()),
            (
                "automated_decisions",
                object(
                    "Automated decision-making and profiling (GDPR Art. 13(2)(f)); state it even when there is none.",
                    vec![
                        (
                            "used",
                            json!({ "description": "Whether automated decisions or profiling take place.", "type": "boolean" }),
                        ),
                        ("description", markdown("Logic and consequences.")),
                    ],
                ),
            ),
            (
                "security",
                object(
                    "Security principles (Finnish practice).",
                    vec![
                        (
                            "measures",
                            json!({
                                "description": "Standard measures the controller confirms it takes; each renders as a standard sentence.",
                                "type": "array",
                                "items": {
                                    "type": "string",
                                    "enum": [
                                        "no-paper-records",
                                        "locked-premises",
                                        "secure-disposal",
                                        "need-to-know-access",
                                        "personal-credentials",
                                        "multi-factor-authentication",
                                        "encrypted-connections",
                                        "encrypted-storage",
                                        "firewalls",
                                        "backups",
                                        "access-logging",
                                        "staff-confidentiality",
                                        "processor-agreements",
                                    ],
                                },
                            }),
                        ),
                        ("manual", markdown("Paper records.")),
                        ("electronic", markdown("Electronic records.")),
                    ],
                ),
            ),
            (
                "authority",
                object(
                    "The supervisory authority (GDPR Art. 13(2)(d)); fi-standard supplies it.",
                    vec![
                        ("name", text("The authority.")),
                        ("visiting_address", text("Visiting address.")),
                        ("postal_address", text("Postal address.")),
                        ("phone", phone("Phone number.")),
                        ("email", email("E-mail address.")),
                        (
                            "website",
                            json!({
                                "description": "Web address, or one per language like { fi = \"https://tietosuoja.fi\", en = \"https://tietosuoja.fi/en\" }.",
                                "anyOf": [
                                    web_address("Web address."),
                                    {
                                        "type": "object",
                                        "additionalProperties": false,
                                        "minProperties": 1,
                                        "properties": {
                                            "fi": web_address("Finnish page."),
                                            "sv": web_address("Swedish page."),
                                            "en": web_address("English page."),
                                        },
                                    },
                                ],
                            }),
                        ),
                    ],
                ),
            ),
            (
                "intros",
                object(
                    "Markdown shown at the top of a standard section; a section appears when it has content or an intro.",
                    [
                        "controller",
                        "contact",
                        "dpo",
                        "register_name",
                        "purposes",
                        "data_categories",
                        "sources",
                        "recipients",
                        "transfers",
                        "retention",
                        "data_requirement",
                        "automated_decisions",
                        "cookies",
                        "security",
                        "rights",
                        "authority",
                    ]
                    .into_iter()
                    .map(|key| (key, markdown(&format!("Intro of the `{key}` section."))))
                    .collect(),
                ),
            ),
        ],
    );
    let extra = [
        (
            "none",
            object(
                "What the notice states there is none of; an empty list alone states nothing.",
                vec![
                    (
                        "recipients",
                        boolean(
                            "No one receives the data, processors included (GDPR Art. 13(1)(e)).",
                        ),
                    ),
                    (
                        "transfers",
                        boolean("No data is transferred outside the EU/EEA (GDPR Art. 13(1)(f))."),
                    ),
                    (
                        "cookies",
                        boolean("The site sets no cookies and uses no similar technologies."),
                    ),
                ],
            ),
        ),
        (
            "children",
            object(
                "Consent-based services offered to children (GDPR Art. 8, Tietosuojalaki 1050/2018 § 5).",
                vec![
                    (
                        "age_limit",
                        json!({ "description": "The age from which a child consents alone; 13 in Finland.", "type": "integer", "minimum": 0, "maximum": 255 }),
                    ),
                    (
                        "description",
                        markdown("How consent is obtained for younger children."),
                    ),
                ],
            ),
        ),
    ];
    if let Some(properties) = schema["properties"].as_object_mut() {
        for (key, value) in extra {
            properties.insert(key.to_string(), value);
        }
    }
    super::removable(&mut schema);
    with_header(&mut schema, "notice source (layer or site)");
    schema["definitions"]["remove"] = super::remove_definition();
    schema
}

/// Whether giving data is required (GDPR Art. 13(2)(e)): for the notice, a purpose or a category.
fn requirement() -> Value {
    object(
        "Whether giving the data is a statutory or contractual requirement, and what follows if it is not given (GDPR Art. 13(2)(e)).",
        vec![
            (
                "kind",
                enumeration(
                    "The requirement.",
                    &[
                        "voluntary",
                        "contractual",
                        "statutory",
                        "contract-prerequisite",
                    ],
                ),
            ),
            (
                "consequences",
                markdown("What happens if the data is not given."),
            ),
        ],
    )
}

/// An e-mail address; the compiler checks it fully when it reads the file.
fn email(description: &str) -> Value {
    json!({ "description": description, "type": "string", "format": "email" })
}

/// A phone number: digits with spaces, `-`, `/`, `.` or parentheses, an optional leading `+`.
fn phone(description: &str) -> Value {
    json!({ "description": description, "type": "string", "pattern": PHONE_PATTERN })
}

/// The shape of [`crate::model::Phone`], less its count of 6 to 15 digits.
pub(super) const PHONE_PATTERN: &str = "^[+]?[0-9(][0-9 ()./-]*$";

fn boolean(description: &str) -> Value {
    json!({ "description": description, "type": "boolean" })
}

fn person(description: &str) -> Value {
    object(description, person_properties())
}

fn person_properties() -> Vec<(&'static str, Value)> {
    vec![
        ("name", string("Name.")),
        ("role", text("Role or team, e.g. Asiakaspalvelu.")),
        ("address", text("Postal address.")),
        ("email", email("E-mail address.")),
        ("phone", phone("Phone number, e.g. 029 566 6700.")),
    ]
}

fn controller() -> Value {
    let mut properties = person_properties();
    properties[0].1 = string(
        "Legal name. Leave it out when the notice does not name the controller: `notice check` reports that.",
    );
    properties.remove(1);
    properties.insert(
        1,
        (
            "business_id",
            json!({
                "description": "Y-tunnus: seven digits, a hyphen and a check digit (NNNNNNN-C).",
                "type": "string",
                "pattern": "^[0-9]{7}-[0-9]$",
            }),
        ),
    );
    properties.push(("website", web_address("Web address.")));
    properties.push((
        "representative",
        person("EU representative (GDPR Art. 27)."),
    ));
    object("The controller (GDPR Art. 13(1)(a)).", properties)
}
