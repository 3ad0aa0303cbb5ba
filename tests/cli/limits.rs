//! Resource bounds on hostile input: what would take memory or time without limit is refused
//! with a clear error, at its place.

use crate::support::Project;

/// A 10 MB Markdown intro took 3 s and 1 GB of memory (comrak's parse tree is some 100–170
/// bytes per byte of text). A text over 256 KiB is now refused before it is parsed.
#[test]
fn a_markdown_text_over_the_limit_is_refused_at_its_place() {
    let project = Project::empty();
    project.write("content/project.toml", "languages = [\"fi\"]\n");
    let intro = "*a* **b** `c` ".repeat(300 * 1024 / 14);
    project.write(
        "content/iso/notice.toml",
        &format!(
            "title = \"Iso\"\nintro = \"\"\"\n{intro}\"\"\"\n\n[controller]\nname = \"Iso Oy\"\n"
        ),
    );
    let run = project.run(&["build"]).expect(65);
    let stderr = run.stderr();
    assert!(
        stderr.contains(
            "error: this text is 300 KiB of Markdown, more than the 256 KiB a text may have"
        ) && stderr.contains("--> content/iso/notice.toml:2:9\n"),
        "{stderr}"
    );
    // A long text within the limit builds.
    project.write(
        "content/iso/notice.toml",
        &format!(
            "title = \"Iso\"\nintro = \"\"\"\n{}\"\"\"\n\n[controller]\nname = \"Iso Oy\"\n",
            &intro[..200 * 1024]
        ),
    );
    project.run(&["build"]).expect(0);
}
