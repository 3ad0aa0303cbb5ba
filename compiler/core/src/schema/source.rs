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
                text("Page title and heading. Default: the controller's name."),
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
                        ("title", text("The purpose.")),
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
                                "The recipient's role.",
                                &["processor", "controller", "joint-controller", "authority"],
                            ),
                        ),
                        ("description", markdown("What they do with the data.")),
                        ("country", text("Where they process it.")),
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
                        ("body", markdown("Explanation.")),
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
            (
                "data_requirement",
                object(
                    "Whether giving the data is a statutory or contractual requirement (GDPR Art. 13(2)(e)).",
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
                ),
            ),
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
                        ("phone", string("Phone number.")),
                        ("email", string("E-mail address.")),
                        ("website", web_address("Web address.")),
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
    with_header(&mut schema, "notice source (layer or site)");
    schema
}

fn person(description: &str) -> Value {
    object(description, person_properties())
}

fn person_properties() -> Vec<(&'static str, Value)> {
    vec![
        ("name", string("Name.")),
        ("role", text("Role or team, e.g. Asiakaspalvelu.")),
        ("address", text("Postal address.")),
        ("email", string("E-mail address.")),
        ("phone", string("Phone number, e.g. 029 566 6700.")),
    ]
}

fn controller() -> Value {
    let mut properties = person_properties();
    properties[0].1 = string("Legal name (required after merging).");
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
