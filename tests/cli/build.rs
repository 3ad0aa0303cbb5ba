//! `notice build` on the example content: page layout, anchors, boilerplate propagation, determinism and safe output.

use std::collections::BTreeSet;
use std::time::SystemTime;

use crate::support::{Project, attribute_values, pages, tree};

#[test]
fn builds_every_site_and_language_with_the_index_and_css() {
    let project = Project::examples();
    let run = project.run(&["build"]).expect(0);
    let stdout = run.stdout();
    assert!(
        stdout.starts_with("built 40 pages into site: 49 written, 0 unchanged, 0 removed"),
        "{stdout}"
    );
    assert_eq!(run.stderr(), "", "the examples are released: no warnings");
    let built: BTreeSet<String> = tree(&project.path().join("site")).into_keys().collect();
    for path in [
        "index.html",
        "assets/notice.css",
        "kahvila-aurinko/index.html",
        "kahvila-aurinko/sv/index.html",
        "kahvila-aurinko/en/index.html",
        "pilvipalvelu-saas/index.html",
        "pilvipalvelu-saas/en/index.html",
        "toiminimi-koodaaja/index.html",
        "verkkoapu/index.html",
        "verkkoapu/en/index.html",
        "verkkoapu/changes/index.html",
        "verkkoapu/en/changes/index.html",
        "verkkoapu/changes.xml",
        "verkkoapu/notice.jsonld",
        "verkkoapu/versions/2024-03-01/index.html",
        "verkkoapu/versions/2025-01-01/en/index.html",
        "toiminimi-koodaaja/versions/2024-03-01/index.html",
    ] {
        assert!(built.contains(path), "missing {path}; built {built:?}");
    }
    let cafe_sv = project.read("site/kahvila-aurinko/sv/index.html");
    assert!(cafe_sv.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
}

#[test]
fn every_in_page_link_has_a_matching_id() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    let pages = pages(&project.path().join("site"));
    assert_eq!(pages.len(), 40);
    for (path, html) in &pages {
        let ids: Vec<&str> = attribute_values(html, "id");
        let unique: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{path} has duplicate ids: {ids:?}");
        for id in &ids {
            assert!(
                id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
                "{path}: id {id:?} is not ASCII"
            );
        }
        for href in attribute_values(html, "href") {
            if let Some(target) = href.strip_prefix('#') {
                assert!(
                    unique.contains(target),
                    "{path}: href=\"#{target}\" has no matching id"
                );
            }
        }
    }
}

/// The change log, the archive, the feed and the pages link to each other with relative links:
/// every one must reach an existing file, and every fragment an existing id there.
#[test]
fn every_relative_link_between_pages_resolves() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    let site = project.path().join("site");
    let files = tree(&site);
    let pages = pages(&site);
    let mut checked = 0;
    for (path, html) in &pages {
        for href in attribute_values(html, "href") {
            if href.starts_with('#') || href.contains(':') {
                continue;
            }
            let (file, fragment) = href.split_once('#').unwrap_or((href, ""));
            let mut parts: Vec<&str> = path.split('/').collect();
            parts.pop();
            for segment in file.split('/') {
                match segment {
                    ".." => {
                        assert!(parts.pop().is_some(), "{path}: {href} leaves the site");
                    }
                    "." | "" => {}
                    other => parts.push(other),
                }
            }
            let target = parts.join("/");
            assert!(
                files.contains_key(&target),
                "{path}: {href} -> {target} does not exist"
            );
            if !fragment.is_empty() {
                let ids = attribute_values(&pages[&target], "id");
                assert!(
                    ids.contains(&fragment),
                    "{path}: {href}: no id {fragment} in {target}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} links checked");
}

#[test]
fn sections_have_fixed_anchors_with_visible_self_links() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    for path in [
        "site/kahvila-aurinko/index.html",
        "site/kahvila-aurinko/en/index.html",
    ] {
        let html = project.read(path);
        for id in [
            "rekisterinpitaja",
            "kasittelyn-tarkoitus",
            "sailytysaika",
            "oikeudet",
            "valvontaviranomainen",
        ] {
            assert!(
                html.contains(&format!("<section id=\"{id}\">")),
                "{path}: no section {id}"
            );
            assert!(
                html.contains(&format!("<a class=\"self-link\" href=\"#{id}\">")),
                "{path}: no self-link {id}"
            );
            assert!(
                html.contains(&format!("<li><a href=\"#{id}\">")),
                "{path}: {id} not in the TOC"
            );
        }
    }
}

#[test]
fn markdown_headings_get_unique_transliterated_ids() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    let html = project.read("site/verkkoapu/index.html");
    assert!(
        html.contains("id=\"yhteydenotot-ja-sahkopostit\""),
        "{html}"
    );
    assert!(
        html.contains("id=\"yhteydenotot-ja-sahkopostit-2\""),
        "{html}"
    );
}

#[test]
fn dates_show_the_finnish_way_and_cookies_are_a_table() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    let html = project.read("site/verkkoapu/index.html");
    let updated = html.split("<time datetime=\"").nth(1).unwrap();
    let (iso, rest) = updated.split_once("\">").unwrap();
    let shown = &rest[..rest.find('<').unwrap()];
    let parts: Vec<u32> = iso.split('-').map(|p| p.parse().unwrap()).collect();
    assert_eq!(shown, format!("{}.{}.{}", parts[2], parts[1], parts[0]));
    assert!(
        html.contains("<table>") && html.contains("<code>_pk_id</code>"),
        "{html}"
    );
}

#[test]
fn pages_load_nothing_from_elsewhere_and_have_no_inline_code_or_style() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    for (path, html) in pages(&project.path().join("site")) {
        // The one script element allowed is the JSON-LD data block, which never runs.
        let scripts = html.matches("<script").count();
        let data_blocks = html
            .matches("<script type=\"application/ld+json\">")
            .count();
        assert_eq!(scripts, data_blocks, "{path} has a script");
        assert!(data_blocks <= 1, "{path} has {data_blocks} JSON-LD blocks");
        assert!(!html.contains(" style="), "{path} has an inline style");
        assert!(!html.contains("<style"), "{path} has a style element");
        let sources = attribute_values(&html, "src");
        assert!(sources.is_empty(), "{path} loads {sources:?}");
        for href in attribute_values(&html, "href")
            .into_iter()
            .filter(|h| h.ends_with(".css"))
        {
            assert!(!href.contains("://"), "{path} loads CSS from {href}");
        }
    }
}

#[test]
fn code_blocks_are_highlighted_with_classes() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    let html = project.read("site/pilvipalvelu-saas/index.html");
    assert!(html.contains("<code class=\"language-toml\">"), "{html}");
    assert!(html.contains("class=\"hl-"), "{html}");
}

/// Acceptance: a new phone number in the shared layer reaches every site that extends it, and
/// a site that overrides a rights text keeps its own text.
#[test]
fn boilerplate_edit_reaches_every_site_and_overrides_survive() {
    let project = Project::examples();
    project.run(&["build", "--drafts"]).expect(0);
    let overridden = "at the café counter";
    assert!(
        project
            .read("site/kahvila-aurinko/en/index.html")
            .contains(overridden)
    );
    project.edit(
        "content/_shared/fi-standard.toml",
        "029 566 6700",
        "029 566 9999",
    );
    project.run(&["build", "--drafts"]).expect(0);
    for (path, html) in pages(&project.path().join("site")) {
        // The index lists sites; the change logs and archived versions show released history.
        if path == "index.html" || path.contains("/changes/") || path.contains("/versions/") {
            continue;
        }
        // English pages show the number in international form; every `tel:` link dials
        // from abroad.
        let shown = if path.contains("/en/") {
            ">+358 29 566 9999</a>"
        } else {
            ">029 566 9999</a>"
        };
        assert!(html.contains(shown), "{path} lacks the new number");
        assert!(
            html.contains("href=\"tel:+358295669999\""),
            "{path} lacks the new tel: link"
        );
        assert!(
            !html.contains("029 566 6700"),
            "{path} still has the old number"
        );
    }
    let cafe = project.read("site/kahvila-aurinko/en/index.html");
    assert!(
        cafe.contains(overridden),
        "the café's own access-right text was lost"
    );
    let agency = project.read("site/verkkoapu/en/index.html");
    assert!(!agency.contains(overridden));
}

#[test]
fn same_sources_give_identical_bytes_whatever_the_tz_and_lang() {
    let project = Project::examples();
    project
        .run_with_env(
            &["build", "--out", "out-a"],
            &[
                ("TZ", "Pacific/Kiritimati"),
                ("LANG", "fi_FI.UTF-8"),
                ("LC_ALL", "fi_FI.UTF-8"),
            ],
        )
        .expect(0);
    project
        .run_with_env(
            &["build", "--out", "out-b"],
            &[
                ("TZ", "America/Los_Angeles"),
                ("LANG", "C"),
                ("LC_ALL", "C"),
            ],
        )
        .expect(0);
    let a = tree(&project.path().join("out-a"));
    let b = tree(&project.path().join("out-b"));
    assert!(a.len() > 10);
    assert_eq!(a, b);
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    let site = project.path().join("site");
    let before = tree(&site);
    let mtimes_before = mtimes(&site);
    project.edit(
        "content/verkkoapu/notice.toml",
        "[controller]",
        "[controller]\nnmae = \"typo\"",
    );
    let stderr = project.run(&["build"]).expect(65).stderr();
    assert!(stderr.contains("unknown key `nmae`"), "{stderr}");
    assert_eq!(tree(&site), before);
    assert_eq!(mtimes(&site), mtimes_before);
    let leftovers: Vec<_> = std::fs::read_dir(project.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The lock file stays: removing it would let two builds lock different files.
        .filter(|name| name.contains("notice-") && name != ".site.notice-lock")
        .collect();
    assert!(leftovers.is_empty(), "staging left behind: {leftovers:?}");
}

#[test]
fn unchanged_files_are_not_rewritten() {
    let project = Project::examples();
    project.run(&["build", "--drafts"]).expect(0);
    let site = project.path().join("site");
    let old = project.backdate_output();
    project.edit(
        "content/verkkoapu/notice.toml",
        "[controller]",
        "# comment only\n[controller]",
    );
    project.edit(
        "content/toiminimi-koodaaja/notice.toml",
        "\nupdated = 2025-",
        "\nupdated = 2024-",
    );
    let stdout = project.run(&["build", "--drafts"]).expect(0).stdout();
    assert!(
        stdout.contains(": 2 written, 47 unchanged, 0 removed"),
        "{stdout}"
    );
    for (path, modified) in mtimes(&site) {
        // The draft page, and the change log that lists the unreleased edit.
        let changed = path == "toiminimi-koodaaja/index.html"
            || path == "toiminimi-koodaaja/changes/index.html";
        assert_eq!(modified != old, changed, "{path}");
    }
}

#[test]
fn files_notice_did_not_make_are_kept_and_removed_sites_disappear() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    project.write("site/_redirects", "/old /new 301\n");
    let built = tree(&project.path().join("site"));
    let agency_files = built.keys().filter(|p| p.starts_with("verkkoapu/")).count();
    assert_eq!(agency_files, 12);
    std::fs::remove_dir_all(project.path().join("content/verkkoapu")).unwrap();
    let stdout = project.run(&["build"]).expect(0).stdout();
    assert!(
        stdout.contains(": 1 written, 36 unchanged, 12 removed"),
        "{stdout}"
    );
    assert!(!project.path().join("site/verkkoapu").exists());
    assert_eq!(project.read("site/_redirects"), "/old /new 301\n");
}

#[test]
fn site_filter_rebuilds_only_the_named_site() {
    let project = Project::examples();
    project.run(&["build", "--drafts"]).expect(0);
    project.edit(
        "content/_shared/fi-standard.toml",
        "029 566 6700",
        "029 566 9999",
    );
    project
        .run(&["build", "--drafts", "--site", "verkkoapu"])
        .expect(0);
    assert!(
        project
            .read("site/verkkoapu/index.html")
            .contains("029 566 9999")
    );
    assert!(
        project
            .read("site/kahvila-aurinko/index.html")
            .contains("029 566 6700")
    );
    assert!(project.path().join("site/index.html").exists());
}

#[test]
fn refuses_to_build_into_the_sources() {
    let project = Project::examples();
    for out in [".", "content", "content/site", ".."] {
        let stderr = project.run(&["build", "--out", out]).expect(2).stderr();
        assert!(
            stderr.contains("refusing to write into a directory that holds the project's sources"),
            "{out}: {stderr}"
        );
    }
    assert!(project.path().join("content/project.toml").exists());
}

#[test]
fn page_snapshot() {
    let project = Project::examples();
    project.run(&["build"]).expect(0);
    insta::assert_snapshot!(
        "toiminimi-koodaaja",
        project.read("site/toiminimi-koodaaja/index.html")
    );
    insta::assert_snapshot!(
        "kahvila-aurinko-en",
        project.read("site/kahvila-aurinko/en/index.html")
    );
    insta::assert_snapshot!("index", project.read("site/index.html"));
}

fn mtimes(dir: &std::path::Path) -> Vec<(String, SystemTime)> {
    tree(dir)
        .into_keys()
        .map(|path| {
            let modified = std::fs::metadata(dir.join(&path))
                .unwrap()
                .modified()
                .unwrap();
            (path, modified)
        })
        .collect()
}

/// Found in review: heading ids were allocated before custom section ids were reserved, so a
/// heading whose text slugged to a custom section's id duplicated that id on the page.
#[test]
fn regression_heading_cannot_take_a_custom_section_id() {
    let project = Project::empty();
    project.write(
        "content/kahvila/notice.toml",
        r###"languages = ["fi"]

[controller]
name = "Kahvila Esimerkki Oy"

[[sections]]
id = "ensin"
title = "Ensin"
body = "## Lisätiedot\n\nOtsikko, joka on samalla myöhemmän osion tunniste."

[[sections]]
id = "lisatiedot"
title = "Lisätiedot"
body = "Osion teksti."
"###,
    );
    project.run(&["build"]).expect(0);
    let html = project.read("site/kahvila/index.html");
    assert!(html.contains("<section id=\"lisatiedot\">"), "{html}");
    assert!(
        html.contains("<h4 id=\"lisatiedot-2\">Lisätiedot</h4>"),
        "{html}"
    );
}

#[test]
fn a_project_theme_overrides_single_templates_and_assets() {
    let project = Project::examples();
    project.edit(
        "content/project.toml",
        "theme = \"default\"",
        "theme = \"toimisto\"",
    );
    project.write(
        "themes/toimisto/templates/sections/register_name.html",
        "<p class=\"rekisteri\">{{ section.data.name }}</p>\n",
    );
    project.write(
        "themes/toimisto/static/brand.css",
        "body { color: #123; }\n",
    );
    project.run(&["build"]).expect(0);
    let html = project.read("site/verkkoapu/index.html");
    assert!(
        html.contains("<p class=\"rekisteri\">"),
        "the override was not used"
    );
    assert!(
        html.contains("<section id=\"rekisterinpitaja\">"),
        "built-in templates still apply"
    );
    assert_eq!(
        project.read("site/assets/brand.css"),
        "body { color: #123; }\n"
    );
    assert!(project.path().join("site/assets/notice.css").exists());
}

#[test]
fn an_unknown_theme_is_an_error() {
    let project = Project::examples();
    project.edit(
        "content/project.toml",
        "theme = \"default\"",
        "theme = \"puuttuu\"",
    );
    let stderr = project.run(&["build"]).expect(65).stderr();
    assert!(stderr.contains("unknown theme `puuttuu`"), "{stderr}");
}
