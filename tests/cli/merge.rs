//! Merge rules end to end: `{ remove = true }` deletes an inherited value of any kind.

use crate::support::Project;

/// What the layer `vakio` of `tests/fixtures/removal` puts on a page, one per kind of value,
/// each gone once the site `poisto` removes it.
const INHERITED: [&str; 7] = [
    "09 765 4321",                                  // controller.phone: a scalar
    "Käyntiosoite Lintulahdenkuja 4",               // authority.visiting_address: a text
    "Evästeet",                                     // intros.cookies: the only cookie content
    "Paperiaineisto säilytetään lukitussa tilassa", // security: a whole table
    "Oikeus saada pääsy tietoihin",                 // rights: a whole list
    "Suoramarkkinointi",                            // purposes.markkinointi: a list item
    "Automaattista päätöksentekoa",                 // automated_decisions: a whole table
];

#[test]
fn a_site_removes_one_inherited_value_of_each_kind() {
    let project = Project::fixture("removal");
    // The same layer without removals, so the test proves each text was there to remove.
    project.write("content/kaikki/notice.toml", "extends = [\"vakio\"]\n");
    project.run(&["build"]).expect(0);
    let kept = project.read("site/kaikki/index.html");
    let removed = project.read("site/poisto/index.html");
    for text in INHERITED {
        assert!(
            kept.contains(text),
            "the layer does not show {text:?}:\n{kept}"
        );
        assert!(
            !removed.contains(text),
            "{text:?} survived its removal:\n{removed}"
        );
    }
    assert!(removed.contains("Asiakassuhde") && removed.contains("PL 800, 00531 Helsinki"));
}

#[test]
fn removing_what_no_layer_sets_is_a_load_error_at_the_marker() {
    let project = Project::fixture("removal");
    project.write(
        "content/poisto/notice.toml",
        "extends = [\"vakio\"]\n[authority]\npostal_adress = { remove = true }\n",
    );
    let stderr = project.run(&["build"]).expect(65).stderr();
    assert!(
        stderr.contains("nothing to remove: no earlier layer sets `authority.postal_adress`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--> content/poisto/notice.toml:3:19\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `postal_address`?"),
        "{stderr}"
    );
}
