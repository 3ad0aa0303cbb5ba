//! What the `notice import` tests share: a project to import into, and the round trip that
//! imports a fixture, builds it, and measures facts present and words kept.

use crate::support::{Project, repo_root};

/// A project with the standard layer and Finnish as its language, and `file` copied in
/// byte for byte (a Word fixture is a ZIP).
pub(crate) fn project_with(file: &str) -> Project {
    let project = Project::empty();
    project.write("content/project.toml", "languages = [\"fi\"]\n");
    let standard =
        std::fs::read_to_string(repo_root().join("content/_shared/fi-standard.toml")).unwrap();
    project.write("content/_shared/fi-standard.toml", &standard);
    std::fs::copy(fixture(file), project.path().join(file)).unwrap();
    project
}

/// The path of an import fixture.
pub(crate) fn fixture(file: &str) -> std::path::PathBuf {
    repo_root().join("tests/fixtures/import").join(file)
}

/// A page's visible text: tags dropped, entities decoded, whitespace collapsed.
pub(crate) fn page_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        let after = &rest[open..];
        let skip_to = ["<script", "<style"]
            .iter()
            .find(|tag| after.starts_with(*tag))
            .and_then(|tag| after.find(&format!("</{}", &tag[1..])))
            .unwrap_or(0);
        rest = after[skip_to..]
            .find('>')
            .map_or("", |close| &after[skip_to + close + 1..]);
    }
    text.push_str(rest);
    let decoded = text
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of a text, lowercased, without punctuation.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Lines that are page chrome in the seeds, as the README's artefact rule describes them.
fn is_artefact(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    ["fbpx", "takaisin ylös", "tillbaka upp", "back to top"].contains(&lower.as_str())
        || lower.contains("plugin powered by")
}

/// A line without its section number ("1. ", " 2.3 "): numbering is layout, which the page
/// gives its own way.
fn without_section_number(line: &str) -> &str {
    let trimmed = line.trim_start();
    let number = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(0);
    if number > 0
        && trimmed[number..].starts_with(' ')
        && trimmed.starts_with(|c: char| c.is_ascii_digit())
    {
        &trimmed[number..]
    } else {
        line
    }
}

/// Imports, builds and checks a fixture: every fact of `{facts}.facts` on the page, 98 % of
/// the words kept, and `notice check` finding the notice's defects (exit 1, never 65).
pub(crate) fn round_trip(file: &str, facts: &str) {
    let project = project_with(file);
    let site = facts.to_string();
    let run = project.run(&["import", file, "--site", &site]).expect(0);
    assert!(
        run.stdout()
            .contains(&format!("notice check --site {site}")),
        "{}",
        run.stdout()
    );
    let toml = project.read(&format!("content/{site}/notice.toml"));
    assert!(
        toml.starts_with("#:schema ../../compiler/schema/notice.schema.json\n"),
        "{toml}"
    );
    project.run(&["build"]).expect(0);
    let page = page_text(&project.read(&format!("site/{site}/index.html")));

    let facts = std::fs::read_to_string(fixture(&format!("{facts}.facts"))).unwrap();
    let missing: Vec<&str> = facts
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter(|fact| !page.contains(&fact.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect();
    assert!(
        missing.is_empty(),
        "facts missing from the page: {missing:#?}\n\n{page}\n\n{toml}"
    );

    let input_words = input_words(file);
    let page_words: std::collections::BTreeSet<String> = words(&page).into_iter().collect();
    let lost: Vec<&String> = input_words
        .iter()
        .filter(|w| !page_words.contains(*w))
        .collect();
    let kept = 1.0 - lost.len() as f64 / input_words.len() as f64;
    assert!(
        kept >= 0.98,
        "only {:.1} % of the words kept; lost: {lost:?}\n\n{toml}",
        kept * 100.0
    );

    let check = project.run(&["check", "--site", &site]);
    assert_eq!(
        check.code(),
        1,
        "check should find the seed's defects:\n{}{}",
        check.stdout(),
        check.stderr()
    );
}

/// The words of an input, page artefacts dropped: a text's lines as written, and for the
/// other formats the text its reader takes from the file (the page's menu, scripts and
/// footer are not the notice), link targets left out as the page shows only their text.
fn input_words(file: &str) -> Vec<String> {
    let path = fixture(file);
    if file.ends_with(".txt") {
        let input = std::fs::read_to_string(&path).unwrap();
        return input
            .lines()
            .filter(|l| !is_artefact(l))
            .map(without_section_number)
            .flat_map(words)
            .collect();
    }
    let document = notice_core::import::read_document(&path).unwrap();
    document
        .blocks
        .iter()
        .map(|b| without_link_targets(&b.text))
        .filter(|text| !is_artefact(text))
        .flat_map(|text| words(&text))
        .collect()
}

/// Markdown text without its links' targets: "[tästä](https://x.example)" is "tästä".
fn without_link_targets(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        out.push_str(&rest[..at]);
        rest = rest[at + 2..]
            .find(')')
            .map_or("", |end| &rest[at + 2 + end + 1..]);
    }
    out.push_str(rest);
    out
}
