//! What a real notice leaves unsaid stays unsaid: a right listed by its title alone, a notice
//! that never names its controller, a recipient whose role is not given. Each builds without an
//! invented value, and the page shows nothing empty in its place.

use crate::support::Project;

fn built(source: &str) -> Project {
    let project = Project::empty();
    project.write("content/seloste/notice.toml", source);
    project.run(&["build"]).expect(0);
    project
}

/// A right stated by its title alone ("Tarkistaa itseään koskevat tiedot"), as real notices
/// list them in one-line bullets: the page shows the heading and no empty body after it.
#[test]
fn a_right_with_only_a_title_builds_with_no_empty_body() {
    let project = built(
        r#"languages = ["fi"]
title = "Tietosuojaseloste"

[controller]
name = "Pikselitupa Oy"

[[rights]]
id = "access"
title = "Tarkistaa itseään koskevat tiedot"

[[rights]]
id = "objection"
article = "21"
title = "Vastustaa tietojensa käsittelyä"
"#,
    );
    let page = project.read("site/seloste/index.html");
    assert!(
        page.contains("<h3>Tarkistaa itseään koskevat tiedot</h3>\n</div>"),
        "the right's heading is followed by the end of its item:\n{page}"
    );
    assert!(
        page.contains("Vastustaa tietojensa käsittelyä <span class=\"article\">"),
        "{page}"
    );
    assert!(
        !page.contains("<p></p>") && !page.contains("none"),
        "{page}"
    );
}

/// A recipient the notice names without saying in what capacity it receives the data
/// ("ulkopuoliset palvelun- tai ohjelmantarjoajat"): no role is printed, and the JSON-LD calls
/// it a plain `dpv:Recipient` rather than guessing processor or controller.
#[test]
fn a_recipient_whose_role_is_not_stated_shows_no_role() {
    let project = built(
        r#"languages = ["fi", "en"]

[controller]
name = "Verkkopalvelu Oy"

[[recipients]]
id = "tarjoajat"
name = "Ulkopuoliset palvelun- tai ohjelmantarjoajat"

[[recipients]]
id = "pilvi"
name = "Pilvi Oy"
country = "Suomi"

[[recipients]]
id = "posti"
name = "Posti"
role = "processor"
"#,
    );
    let page = project.read("site/seloste/index.html");
    assert!(
        page.contains("<li><strong>Ulkopuoliset palvelun- tai ohjelmantarjoajat</strong></li>"),
        "{page}"
    );
    assert!(
        page.contains("<li><strong>Pilvi Oy</strong> (Suomi)</li>"),
        "{page}"
    );
    assert!(
        page.contains("<li><strong>Posti</strong> (henkilötietojen käsittelijä)</li>"),
        "{page}"
    );
    let jsonld: serde_json::Value =
        serde_json::from_str(&project.read("site/seloste/notice.jsonld")).unwrap();
    let types: Vec<&str> = jsonld["dpv:hasRecipient"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["@type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        ["dpv:Recipient", "dpv:Recipient", "dpv:DataProcessor"]
    );
}

/// Regression: a notice with no `title` that never names its controller (`name = ""`, as the
/// seed conversions had to write) rendered `<title></title>` and `<h1></h1>`. The page title
/// falls back to the controller's name, and without one (unset or blank) to the word for a
/// privacy notice in the page's language.
#[test]
fn a_notice_without_title_or_controller_name_has_no_empty_title_or_heading() {
    let blank = built(
        "languages = [\"fi\"]\n\n[controller]\nname = \"\"\nemail = \"tietosuoja@esimerkki.example\"\n",
    );
    let html = blank.read("site/seloste/index.html");
    assert!(
        !html.contains("<title></title>") && !html.contains("<h1></h1>"),
        "{html}"
    );
    assert!(html.contains("<title>Tietosuojaseloste</title>"), "{html}");
    let project = built(
        r#"languages = ["fi", "sv", "en"]

[controller]
email = "tietosuoja@esimerkki.example"
"#,
    );
    for (page, title) in [
        ("site/seloste/index.html", "Tietosuojaseloste"),
        ("site/seloste/sv/index.html", "Dataskyddsbeskrivning"),
        ("site/seloste/en/index.html", "Privacy notice"),
    ] {
        let html = project.read(page);
        assert!(
            html.contains(&format!("<title>{title}</title>")),
            "{page}:\n{html}"
        );
        assert!(
            html.contains(&format!("<h1>{title}</h1>")),
            "{page}:\n{html}"
        );
        assert!(!html.contains("<dd class=\"name\">"), "{page}:\n{html}");
    }
    let index = project.read("site/index.html");
    assert!(
        index.contains("<a href=\"seloste/index.html\">Tietosuojaseloste</a>"),
        "{index}"
    );
    assert!(!index.contains("<span class=\"controller\">"), "{index}");
    let jsonld: serde_json::Value =
        serde_json::from_str(&project.read("site/seloste/notice.jsonld")).unwrap();
    assert_eq!(
        jsonld["dpv:hasDataController"],
        serde_json::json!({ "@type": "dpv:DataController", "schema:email": "tietosuoja@esimerkki.example" })
    );
}

/// A notice with no `[controller]` table at all builds, and a name falls back to the title.
#[test]
fn a_notice_with_no_controller_table_builds_and_a_name_titles_the_page() {
    let project = built("languages = [\"fi\"]\n");
    let page = project.read("site/seloste/index.html");
    assert!(page.contains("<title>Tietosuojaseloste</title>"), "{page}");
    let named = built("languages = [\"fi\"]\n\n[controller]\nname = \"Sammal Oy\"\n");
    let page = named.read("site/seloste/index.html");
    assert!(
        page.contains("<title>Sammal Oy</title>") && page.contains("<h1>Sammal Oy</h1>"),
        "{page}"
    );
}
