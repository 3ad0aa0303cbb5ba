//! Versions: `notice release`, `notice diff` (between projects, snapshots and git revisions),
//! and the pages built from released history. The fixture `tests/fixtures/versions` is a
//! project with two sites on one layer; the helpers here edit it and read `notice diff`'s JSON.

mod comment;
mod diff;
mod release;

use serde_json::Value;

use crate::support::Project;

const ALPHA: &str = "content/alpha/notice.toml";
const LAYER: &str = "content/_shared/base.toml";

/// `(section, item id, field, kind, class, reason)` of every change of `site` in a JSON diff.
pub(super) fn changes(json: &str, site: &str) -> Vec<[String; 6]> {
    let report: Value = serde_json::from_str(json).unwrap();
    let sites = report["sites"].as_array().unwrap();
    let Some(found) = sites.iter().find(|s| s["site"] == site) else {
        return Vec::new();
    };
    let text = |v: &Value| v.as_str().unwrap_or("-").to_string();
    found["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            [
                text(&c["section"]),
                text(&c["item"]["id"]),
                text(&c["field"]),
                text(&c["kind"]),
                text(&c["class"]),
                text(&c["reason"]),
            ]
        })
        .collect()
}

pub(super) fn row(parts: [&str; 6]) -> [String; 6] {
    parts.map(str::to_string)
}

/// A copy of the fixture in a git repository with one commit.
pub(super) fn committed_fixture() -> Project {
    let project = Project::fixture("versions");
    project.commit_all("first");
    project
}

/// The edits the diff tests make to `alpha`: a recipient, a legal basis, a longer retention
/// period and a wording fix.
pub(super) fn edit_alpha(project: &Project) {
    project.edit(
        ALPHA,
        "[[cookies]]",
        "[[recipients]]\nid = \"accounting\"\nname = \"Tilitoimisto Esimerkki Oy\"\nrole = \"processor\"\n\n[[cookies]]",
    );
    project.edit(
        ALPHA,
        "basis = \"consent\"",
        "basis = \"legitimate-interests\"",
    );
    project.edit(ALPHA, "2 vuotta tilauksesta.", "10 vuotta tilauksesta.");
    project.edit(ALPHA, "2 years from the order.", "10 years from the order.");
    project.edit(ALPHA, "Kirjautuminen.", "Sisäänkirjautuminen.");
}
