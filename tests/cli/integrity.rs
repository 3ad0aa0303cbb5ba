//! What the tool reports must be true: a hand-edited archive is refused, a site that could not
//! be checked is in the machine-readable output, and a misspelt site name is an error rather
//! than an empty diff.

use crate::support::Project;

#[test]
fn diff_with_an_unknown_site_is_a_usage_error() {
    let project = Project::fixture("versions");
    let run = project.run(&["diff", ".", "--site", "alpah"]).expect(2);
    assert!(
        run.stderr().contains("no site named `alpah`")
            && run.stderr().contains("did you mean `alpha`?"),
        "{}",
        run.stderr()
    );
    assert_eq!(run.stdout(), "");

    // Two snapshot files: the site must be the one they are of.
    project
        .run(&["release", "alpha", "--effective", "2025-06-01"])
        .expect(0);
    let snapshot = "content/alpha/history/2025-06-01.toml";
    let run = project
        .run(&["diff", snapshot, snapshot, "--site", "beta"])
        .expect(2);
    assert!(
        run.stderr().contains("no site named `beta`"),
        "{}",
        run.stderr()
    );
    project
        .run(&["diff", snapshot, snapshot, "--site", "alpha"])
        .expect(0);
}
