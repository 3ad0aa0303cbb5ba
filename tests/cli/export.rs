//! `notice export` (JSON and fragments), the JSON-LD of every page, and the mdBook
//! preprocessor protocol (the Zola shortcode is in embed.rs). Hugo and Eleventy are built for
//! real by tests/integrations/run (from .ci/run).

use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::support::{Project, Run, attribute_values, repo_root};

fn export_json(project: &Project) -> Value {
    let run = project.run(&["export", "--format", "json"]).expect(0);
    serde_json::from_str(&run.stdout()).unwrap()
}

/// The ids of the `<section>`s of a standalone page.
pub(crate) fn section_ids(html: &str) -> Vec<String> {
    html.match_indices("<section id=\"")
        .map(|(at, needle)| {
            let rest = &html[at + needle.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

#[test]
fn json_export_has_every_site_language_and_section_of_the_pages() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    let export = export_json(&project);
    assert_eq!(export["schema_version"], 1);
    let sites = export["sites"].as_array().unwrap();
    let names: Vec<&str> = sites.iter().map(|s| s["site"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "kahvila-aurinko",
            "pilvipalvelu-saas",
            "toiminimi-koodaaja",
            "verkkoapu"
        ]
    );
    let cafe = &sites[0];
    assert_eq!(cafe["primary_language"], "fi");
    assert_eq!(cafe["version"]["id"], "2027-01-01");
    assert_eq!(cafe["notice"]["controller"]["name"], "Kahvila Aurinko Oy");
    assert_eq!(cafe["changes"][0]["version"], "2027-01-01");
    assert_eq!(cafe["changes"][0]["class"], "material");
    for (lang, page) in [
        ("fi", "index.html"),
        ("sv", "sv/index.html"),
        ("en", "en/index.html"),
    ] {
        let standalone = project.read(&format!("site/kahvila-aurinko/{page}"));
        let exported: Vec<String> = cafe["pages"][lang]["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(exported, section_ids(&standalone), "{lang}");
        assert_eq!(
            cafe["pages"][lang]["path"],
            format!("kahvila-aurinko/{page}")
        );
        for section in cafe["pages"][lang]["sections"].as_array().unwrap() {
            let wrapped = section["html"].as_str().unwrap();
            let html = wrapped
                .strip_prefix(&format!("<div class=\"notice\" lang=\"{lang}\">\n"))
                .and_then(|html| html.strip_suffix("\n</div>\n"))
                .expect("each fragment is wrapped with its language");
            assert!(
                standalone.contains(html),
                "{lang}: section {} differs from the page",
                section["id"]
            );
        }
    }
}

#[test]
fn fragments_are_body_only_html_with_the_pages_ids() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    let run = project
        .run(&["export", "--format", "fragments", "--out", "fragments"])
        .expect(0);
    assert!(run.stdout().starts_with("exported "), "{}", run.stdout());
    let whole = project.read("fragments/kahvila-aurinko/sv.html");
    assert!(!whole.contains("<html") && !whole.contains("<head") && !whole.contains("<body"));
    let page = project.read("site/kahvila-aurinko/sv/index.html");
    // Everything but the page's own landmark is in the fragment.
    let page_ids: BTreeSet<&str> = attribute_values(&page, "id")
        .into_iter()
        .filter(|id| *id != "main")
        .collect();
    let fragment_ids: BTreeSet<&str> = attribute_values(&whole, "id").into_iter().collect();
    assert_eq!(
        fragment_ids, page_ids,
        "the fragment has exactly the page's ids"
    );
    let section = project.read("fragments/kahvila-aurinko/sv/valvontaviranomainen.html");
    assert!(
        section.starts_with(
            "<div class=\"notice\" lang=\"sv\">\n<section id=\"valvontaviranomainen\">"
        ),
        "{section}"
    );
    assert!(section.contains("Fågelviksgränden 4"), "{section}");
    let refused = project.run(&["export", "--format", "fragments"]).expect(2);
    assert!(
        refused.stderr().contains("pass `--out DIR`"),
        "{}",
        refused.stderr()
    );
}

#[test]
fn pages_embed_dpv_json_ld_with_the_legal_basis_of_each_purpose() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    let jsonld: Value =
        serde_json::from_str(&project.read("site/pilvipalvelu-saas/notice.jsonld")).unwrap();
    let export = export_json(&project);
    let saas = export["sites"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["site"] == "pilvipalvelu-saas")
        .unwrap();
    let expected_iri = |basis: &str| match basis {
        "consent" => "eu-gdpr:A6-1-a",
        "contract" => "eu-gdpr:A6-1-b",
        "legal-obligation" => "eu-gdpr:A6-1-c",
        "vital-interests" => "eu-gdpr:A6-1-d",
        "public-task" => "eu-gdpr:A6-1-e",
        "legitimate-interests" => "eu-gdpr:A6-1-f",
        other => panic!("unknown basis {other}"),
    };
    let purposes = saas["notice"]["purposes"].as_array().unwrap();
    let described = jsonld["dpv:hasPurpose"].as_array().unwrap();
    assert_eq!(purposes.len(), described.len());
    for (purpose, node) in purposes.iter().zip(described) {
        assert_eq!(
            node["dpv:hasLegalBasis"]["@id"],
            expected_iri(purpose["basis"].as_str().unwrap())
        );
    }
    assert_eq!(jsonld["dpv:hasAuthority"]["@id"], "legal-fi:DPA-FI");
    assert_eq!(
        jsonld["@id"],
        "https://notices.example/pilvipalvelu-saas/#notice"
    );
    let transfer = &jsonld["dpv:hasProcess"][0];
    assert_eq!(transfer["dpv:hasProcessing"]["@id"], "dpv:Transfer");
    let page = project.read("site/pilvipalvelu-saas/en/index.html");
    let block = page
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .unwrap();
    let embedded: Value = serde_json::from_str(&block[..block.find("</script>").unwrap()]).unwrap();
    assert_eq!(embedded, jsonld, "the page embeds the same description");
}

/// Runs `notice mdbook` with `input` on stdin.
fn mdbook(project: &Project, args: &[&str], input: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_notice"))
        .arg("mdbook")
        .args(args)
        .current_dir(project.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    Run(child.wait_with_output().unwrap())
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(repo_root().join("tests/fixtures/mdbook").join(name)).unwrap()
}

#[test]
fn mdbook_preprocessor_fills_markers_in_the_sections_shape() {
    let project = Project::examples();
    let run = mdbook(&project, &[], &fixture("book-sections.json")).expect(0);
    let book: Value = serde_json::from_str(&run.stdout()).unwrap();
    let sections = book["sections"].as_array().expect("the shape it came in");
    assert_eq!(
        sections[0]["Chapter"]["content"],
        "# Johdanto\n\nEi merkkiä.\n"
    );
    assert_eq!(sections[1], "Separator");
    let chapter = sections[2]["Chapter"]["content"].as_str().unwrap();
    assert!(
        chapter.starts_with("# Tietosuoja\n\n<div class=\"notice\" lang=\"fi\">\n<h1>")
            && !chapter.contains("{{#notice"),
        "{chapter}"
    );
    assert!(
        chapter.contains("<section id=\"valvontaviranomainen\">")
            && chapter.contains("Lintulahdenkuja 4")
    );
    let inserted = &chapter["# Tietosuoja\n\n".len()..];
    assert!(
        !inserted.trim_end().contains("\n\n"),
        "no blank lines inside the HTML block"
    );
    let english = sections[2]["Chapter"]["sub_items"][0]["Chapter"]["content"]
        .as_str()
        .unwrap();
    assert!(
        english.contains("Lintulahdenkuja 4, 00530 Helsinki, Finland"),
        "{english}"
    );
    assert_eq!(run.stderr(), "");
}

#[test]
fn mdbook_preprocessor_fills_markers_in_the_items_shape_with_the_configured_root() {
    let project = Project::examples();
    std::fs::create_dir_all(project.path().join("book")).unwrap();
    let run = mdbook(&project, &[], &fixture("book-items.json")).expect(0);
    let book: Value = serde_json::from_str(&run.stdout()).unwrap();
    let items = book["items"].as_array().unwrap();
    assert_eq!(items[0]["PartTitle"], "Käytännöt");
    let content = items[1]["Chapter"]["content"].as_str().unwrap();
    assert!(
        content.starts_with("Ennen\n\n<div class=\"notice\" lang=\"fi\">\n<h1>")
            && content.ends_with("\n\nJälkeen\n"),
        "{content}"
    );
}

/// A blank line ends a Markdown HTML block, so the preprocessor removed them all from the
/// notice's HTML, and with them the blank lines inside a code block's `<pre>`.
#[test]
fn mdbook_preprocessor_keeps_blank_lines_inside_code_blocks() {
    // beta has no releases, so its sources are what the book shows.
    let project = Project::fixture("versions");
    let site = "content/beta/notice.toml";
    let text = project.read(site);
    project.write(
        site,
        &format!("{text}\n[intros]\npurposes = \"\"\"\nEsimerkki:\n\n```\nrivi 1\n\n  \nrivi 4\n```\n\"\"\"\n"),
    );
    std::fs::create_dir_all(project.path().join("book")).unwrap();
    let input = fixture("book-items.json").replace("toiminimi-koodaaja fi", "beta fi");
    let run = mdbook(&project, &[], &input).expect(0);
    let book: Value = serde_json::from_str(&run.stdout()).unwrap();
    let content = book["items"][1]["Chapter"]["content"].as_str().unwrap();
    let inserted = content
        .strip_prefix("Ennen\n\n")
        .and_then(|c| c.strip_suffix("\n\nJälkeen\n"))
        .unwrap();
    assert!(
        !inserted.lines().any(|line| line.trim().is_empty()),
        "a blank line would end the HTML block:\n{inserted}"
    );
    // HTML reads the character reference as the line break it stands for.
    let html = inserted.replace("&#10;", "\n");
    assert!(
        html.contains(">rivi 1\n\n  \nrivi 4\n</code></pre>"),
        "{inserted}"
    );
}

#[test]
fn mdbook_preprocessor_protocol_edges() {
    let project = Project::examples();
    mdbook(&project, &["supports", "html"], "").expect(0);
    mdbook(&project, &["supports", "latex"], "").expect(1);
    let old = fixture("book-sections.json").replace("0.4.40", "0.3.7");
    let run = mdbook(&project, &[], &old).expect(0);
    assert!(
        run.stderr().contains("warning: mdBook \"0.3.7\""),
        "{}",
        run.stderr()
    );
    let unknown =
        fixture("book-sections.json").replace("{{#notice kahvila-aurinko}}", "{{#notice kahvila}}");
    let run = mdbook(&project, &[], &unknown).expect(65);
    assert!(
        run.stderr()
            .contains("chapter \"Tietosuoja\": no site named `kahvila`"),
        "{}",
        run.stderr()
    );
    mdbook(&project, &[], "not json").expect(65);
}

#[test]
fn mdbook_two_notices_in_a_chapter_with_book_toml_options_have_no_duplicate_ids() {
    let project = Project::examples();
    std::fs::create_dir_all(project.path().join("book")).unwrap();
    let mut input: Value = serde_json::from_str(&fixture("book-items.json")).unwrap();
    input[0]["config"]["preprocessor"]["notice"] = serde_json::json!({
        "root": "..", "id-prefix": "n-{site}-", "no-title": true, "heading-level": 2
    });
    input[1]["items"][1]["Chapter"]["content"] = Value::from(
        "{{#notice toiminimi-koodaaja fi}}\n\n{{#notice kahvila-aurinko}}\n\n\
         Kirjoita `{{#notice x}}` tai \\{{#notice x}}.\n",
    );
    let run = mdbook(&project, &[], &input.to_string()).expect(0);
    let book: Value = serde_json::from_str(&run.stdout()).unwrap();
    let content = book["items"][1]["Chapter"]["content"].as_str().unwrap();
    let ids = attribute_values(content, "id");
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "duplicate ids in {content}");
    assert!(ids.iter().all(|id| id.starts_with("n-")), "{ids:?}");
    assert!(!content.contains("<h1"), "{content}");
    assert!(
        content.ends_with("Kirjoita `{{#notice x}}` tai {{#notice x}}.\n"),
        "{content}"
    );
    input[0]["config"]["preprocessor"]["notice"]["heading-level"] = Value::from("two");
    let refused = mdbook(&project, &[], &input.to_string()).expect(65);
    assert!(
        refused.stderr().contains("heading-level"),
        "{}",
        refused.stderr()
    );
}
