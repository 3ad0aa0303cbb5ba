//! Embedding a notice in someone else's site: `notice export`'s errors when there is nothing
//! to export, the self-contained fragments (wrapper, heading level, id prefix, stylesheet), and
//! drafts with the unreleased-changes warning; and Zola's shortcode, rendered with Tera.

use std::collections::BTreeSet;

use crate::export::section_ids;
use crate::support::{Project, attribute_values, repo_root};

fn fragments(project: &Project, extra: &[&str]) -> crate::support::Run {
    let mut args = vec!["export", "--format", "fragments", "--out", "fragments"];
    args.extend_from_slice(extra);
    project.run(&args)
}

#[test]
fn export_in_a_folder_without_sites_exits_65_instead_of_exporting_nothing() {
    // A Hugo site has a content/ of its own; export run there used to say "exported 0".
    let project = Project::empty();
    project.write("content/tietosuoja.md", "---\ntitle: x\n---\n");
    let run = fragments(&project, &[]).expect(65);
    assert!(
        run.stderr().contains("no sites to export"),
        "{}",
        run.stderr()
    );
    assert!(run.stderr().contains("--root DIR"), "{}", run.stderr());
    assert!(!project.path().join("fragments").exists());
}

#[test]
fn export_of_an_unknown_site_exits_65_naming_the_sites() {
    let project = Project::examples();
    let run = fragments(&project, &["--site", "kahvila"]).expect(65);
    let stderr = run.stderr();
    assert!(stderr.contains("no site named `kahvila`"), "{stderr}");
    assert!(
        stderr.contains("kahvila-aurinko, pilvipalvelu-saas, toiminimi-koodaaja, verkkoapu"),
        "{stderr}"
    );
    project
        .run(&["export", "--format", "json", "--site", "nope"])
        .expect(65);
}

#[test]
fn export_of_an_unpublished_language_exits_65_naming_the_languages() {
    let project = Project::examples();
    let run = fragments(&project, &["--site", "kahvila-aurinko", "--lang", "de"]).expect(65);
    let stderr = run.stderr();
    assert!(
        stderr.contains("`kahvila-aurinko` is not published in `de`"),
        "{stderr}"
    );
    assert!(stderr.contains("its languages: fi, sv, en"), "{stderr}");
}

#[test]
fn export_lang_writes_only_that_language() {
    let project = Project::examples();
    fragments(&project, &["--site", "kahvila-aurinko", "--lang", "en"]).expect(0);
    assert!(
        project
            .path()
            .join("fragments/kahvila-aurinko/en.html")
            .is_file()
    );
    assert!(
        !project
            .path()
            .join("fragments/kahvila-aurinko/fi.html")
            .exists()
    );
}

#[test]
fn fragments_come_with_a_stylesheet_scoped_under_notice() {
    let project = Project::examples();
    fragments(&project, &[]).expect(0);
    let css = project.read("fragments/notice-embed.css");
    assert!(css.contains(".notice .visually-hidden {"), "{css}");
    let selectors: Vec<&str> = css
        .lines()
        .filter(|line| line.contains('{') && !line.trim_start().starts_with('@'))
        .flat_map(|line| line[..line.find('{').unwrap()].split(','))
        .map(str::trim)
        .collect();
    assert!(selectors.len() > 10, "{selectors:?}");
    let global: Vec<&&str> = selectors
        .iter()
        .filter(|s| !s.starts_with(".notice"))
        .collect();
    assert!(global.is_empty(), "rules outside .notice: {global:?}");
    let json = project
        .run(&["export", "--format", "json"])
        .expect(0)
        .stdout();
    assert!(
        json.contains("\"stylesheet\": \"/* notice-embed.css"),
        "the JSON carries it too"
    );
}

#[test]
fn embed_options_give_one_top_heading_level_and_prefixed_ids_that_resolve() {
    let project = Project::examples();
    let args = [
        "--no-title",
        "--heading-level",
        "2",
        "--id-prefix",
        "notice-{site}-",
    ];
    fragments(&project, &args).expect(0);
    let html = project.read("fragments/kahvila-aurinko/fi.html");
    assert!(
        html.starts_with("<div class=\"notice\" lang=\"fi\">\n"),
        "{html}"
    );
    assert!(!html.contains("<h1"), "the title is left to the host page");
    assert!(html.contains("<section id=\"notice-kahvila-aurinko-valvontaviranomainen\">\n<h2>"));
    let ids: BTreeSet<&str> = attribute_values(&html, "id").into_iter().collect();
    assert!(
        ids.iter()
            .all(|id| id.starts_with("notice-kahvila-aurinko-")),
        "{ids:?}"
    );
    let links: Vec<&str> = attribute_values(&html, "href")
        .into_iter()
        .filter_map(|href| href.strip_prefix('#'))
        .collect();
    assert!(!links.is_empty());
    assert!(
        links.iter().all(|l| ids.contains(l)),
        "every in-page link resolves"
    );
    let section = project.read("fragments/kahvila-aurinko/fi/valvontaviranomainen.html");
    assert!(section.contains("<section id=\"notice-kahvila-aurinko-valvontaviranomainen\">"));
    fragments(&project, &["--heading-level", "4"]).expect(2);
    fragments(&project, &["--id-prefix", "a b"]).expect(2);
}

#[test]
fn export_warns_about_unreleased_changes_and_drafts_show_them() {
    let project = Project::examples();
    project.edit(
        "content/kahvila-aurinko/notice.toml",
        "Pöytävarausten tietosuojaseloste",
        "Pöytävarausten päivitetty tietosuojaseloste",
    );
    let run = fragments(&project, &["--site", "kahvila-aurinko"]).expect(0);
    assert!(
        run.stderr()
            .contains("unreleased changes in kahvila-aurinko"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr()
            .contains("`notice export --drafts` previews them"),
        "{}",
        run.stderr()
    );
    assert!(
        !project
            .read("fragments/kahvila-aurinko/fi.html")
            .contains("päivitetty tietosuojaseloste")
    );
    let run = fragments(&project, &["--site", "kahvila-aurinko", "--drafts"]).expect(0);
    assert_eq!(run.stderr(), "");
    assert!(
        project
            .read("fragments/kahvila-aurinko/fi.html")
            .contains("päivitetty tietosuojaseloste")
    );
}

/// Renders Zola's shortcode with Tera, Zola's engine, over `notice-export.json`; `load_data`
/// is Zola's, given here as Zola gives it, and `config` as a Zola site without `extra`.
fn zola_shortcode(project: &Project, args: &[(&str, &str)]) -> Result<String, String> {
    let shortcode =
        std::fs::read_to_string(repo_root().join("themes/zola/templates/shortcodes/notice.html"))
            .unwrap();
    let mut tera = tera::Tera::default();
    let dir = project.path().to_path_buf();
    tera.register_function(
        "load_data",
        move |args: &std::collections::HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
            let path = args["path"].as_str().unwrap();
            let text = std::fs::read_to_string(dir.join(path)).unwrap();
            Ok(serde_json::from_str(&text).unwrap())
        },
    );
    tera.add_raw_template("notice.html", &shortcode).unwrap();
    let mut context = tera::Context::new();
    context.insert("config", &serde_json::json!({ "extra": {} }));
    for (key, value) in args {
        context.insert(*key, value);
    }
    tera.render("notice.html", &context).map_err(|err| {
        let mut message = err.to_string();
        let mut source = std::error::Error::source(&err);
        while let Some(inner) = source {
            message.push_str(&format!(": {inner}"));
            source = inner.source();
        }
        message
    })
}

#[test]
fn zola_shortcode_renders_the_exported_data() {
    let project = Project::examples();
    project
        .run(&["export", "--format", "json", "--out", "notice-export.json"])
        .expect(0);
    project.run(&["build"]).expect(0);
    let html = zola_shortcode(
        &project,
        &[
            ("site", "verkkoapu"),
            ("lang", "en"),
            ("path", "notice-export.json"),
        ],
    )
    .unwrap();
    assert_eq!(
        section_ids(&html),
        section_ids(&project.read("site/verkkoapu/en/index.html"))
    );
    // Without `lang` or `path`: the primary language, from notice-export.json.
    let primary = zola_shortcode(&project, &[("site", "kahvila-aurinko")]).unwrap();
    assert!(
        primary.starts_with("<div class=\"notice\" lang=\"fi\">"),
        "{primary}"
    );
}

#[test]
fn zola_shortcode_stops_the_build_on_an_unknown_site_or_language() {
    let project = Project::examples();
    project
        .run(&["export", "--format", "json", "--out", "notice-export.json"])
        .expect(0);
    let unknown = zola_shortcode(&project, &[("site", "kahvila")]).unwrap_err();
    assert!(
        unknown.contains("no site named `kahvila` in notice-export.json; its sites: kahvila-aurinko, pilvipalvelu-saas"),
        "{unknown}"
    );
    let lang =
        zola_shortcode(&project, &[("site", "kahvila-aurinko"), ("lang", "de")]).unwrap_err();
    assert!(
        lang.contains("`kahvila-aurinko` is not exported in `de`; its languages: fi, sv, en"),
        "{lang}"
    );
}
