//! `notice explain`, the packaged standard layer and usage errors (`notice init`: init.rs).

use crate::support::Project;

/// `notice init` writes the standard layer compiled into the library, which must be the one the
/// examples use: a boilerplate fix made in one place only would ship to new projects or to the
/// examples, not both.
#[test]
fn the_standard_layer_init_writes_is_the_examples_standard_layer() {
    let root = crate::support::repo_root();
    let packaged = std::fs::read_to_string(root.join("compiler/core/assets/fi-standard.toml"))
        .expect("the library's copy");
    let example = std::fs::read_to_string(root.join("content/_shared/fi-standard.toml"))
        .expect("the examples' copy");
    assert!(
        packaged == example,
        "compiler/core/assets/fi-standard.toml and content/_shared/fi-standard.toml differ: \
         copy the edited one over the other"
    );
}

#[test]
fn explain_shows_each_value_with_the_layer_that_set_it() {
    let project = Project::examples();
    let stdout = project
        .run(&["explain", "kahvila-aurinko", "authority.phone"])
        .expect(0)
        .stdout();
    let phone_line = project
        .read("content/_shared/fi-standard.toml")
        .lines()
        .position(|line| line.starts_with("phone = "))
        .unwrap()
        + 1;
    assert_eq!(
        stdout,
        format!(
            "# kahvila-aurinko: layers fi-standard → toimisto-verkkoapu\nauthority.phone = \"029 566 6700\"\n    from content/_shared/fi-standard.toml:{phone_line}:9\n"
        )
    );
    let access = project
        .run(&["explain", "kahvila-aurinko", "rights.access"])
        .expect(0)
        .stdout();
    assert!(access.contains("rights.access.body.en = "), "{access}");
    let body_from = access
        .lines()
        .skip_while(|l| !l.starts_with("rights.access.body.en"))
        .nth(1)
        .unwrap();
    assert!(
        body_from.contains("from content/kahvila-aurinko/notice.toml:"),
        "{access}"
    );
    let title_from = access
        .lines()
        .skip_while(|l| !l.starts_with("rights.access.title.en"))
        .nth(1)
        .unwrap();
    assert!(
        title_from.contains("from content/_shared/fi-standard.toml:"),
        "{access}"
    );
}

#[test]
fn explain_unknown_path_suggests() {
    let project = Project::examples();
    let stderr = project
        .run(&["explain", "verkkoapu", "authority.phon"])
        .expect(2)
        .stderr();
    assert!(
        stderr.contains("did you mean `authority.phone`?"),
        "{stderr}"
    );
}

#[test]
fn unknown_site_is_a_usage_error_with_a_suggestion() {
    let project = Project::examples();
    let stderr = project
        .run(&["build", "--site", "verkoapu"])
        .expect(2)
        .stderr();
    assert!(stderr.contains("no site named `verkoapu`"), "{stderr}");
    assert!(stderr.contains("did you mean `verkkoapu`?"), "{stderr}");
}

#[test]
fn bad_flags_and_missing_projects_exit_2() {
    let project = Project::empty();
    project.run(&["build", "--no-such-flag"]).expect(2);
    let stderr = project.run(&["build"]).expect(2).stderr();
    assert!(stderr.contains("not a notice project"), "{stderr}");
}
