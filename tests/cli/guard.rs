//! The one guard every command that writes passes: never into or over the project, never
//! through a symlink into the sources, never over a file notice did not make.

use std::os::unix::fs::symlink;

use crate::support::{Project, tree};

/// Regression (issue 18, defect 6): `notice export --format fragments --out .` (or `content`,
/// `themes`) swapped the project root away and rebuilt it from hard links, and
/// `--format json --out content/<site>/notice.toml` overwrote a source with JSON.
#[test]
fn export_refuses_to_write_over_the_project() {
    let project = Project::examples();
    project.write("README.md", "mine\n");
    let before = tree(project.path());
    for out in [
        ".",
        "content",
        "themes",
        "content/verkkoapu",
        "themes/default",
    ] {
        let stderr = project
            .run(&["export", "--format", "fragments", "--out", out])
            .expect(2)
            .stderr();
        assert!(
            stderr.contains("refusing to write into a directory that holds the project's sources"),
            "{out}: {stderr}"
        );
    }
    for out in ["content/verkkoapu/notice.toml", "content/project.toml", "."] {
        let stderr = project
            .run(&["export", "--format", "json", "--out", out])
            .expect(2)
            .stderr();
        assert!(stderr.contains("refusing to write"), "{out}: {stderr}");
    }
    let stderr = project
        .run(&["export", "--format", "json", "--out", "README.md"])
        .expect(2)
        .stderr();
    assert!(
        stderr.contains("refusing to write over `README.md`: it was not made by notice"),
        "{stderr}"
    );
    assert!(tree(project.path()) == before, "the project changed");
    // Its own export it replaces, as every run of a generator's build does.
    for _ in 0..2 {
        project
            .run(&["export", "--format", "json", "--out", "export.json"])
            .expect(0);
    }
    assert!(
        project
            .read("export.json")
            .contains("\"schema_version\": 1")
    );
}

/// Regression (issue 18, defect 9): a symlinked `site/` was replaced by a directory and its
/// target never written, and `--out out/sub` with `out -> content` wrote into `content/sub`.
#[test]
fn a_symlinked_output_is_followed_and_never_leads_into_the_sources() {
    let project = Project::examples();
    let elsewhere = tempfile::tempdir().unwrap();
    let public = elsewhere.path().join("public");
    std::fs::create_dir(&public).unwrap();
    symlink(&public, project.path().join("site")).unwrap();
    for _ in 0..2 {
        project.run(&["build"]).expect(0);
        let link = std::fs::symlink_metadata(project.path().join("site")).unwrap();
        assert!(link.file_type().is_symlink(), "the link was replaced");
        assert!(public.join("verkkoapu/index.html").is_file());
    }
    // The staging tree and the lock sit beside the target, not beside the link.
    assert!(elsewhere.path().join(".public.notice-lock").is_file());

    let sources = tree(&project.path().join("content"));
    symlink(project.path().join("content"), project.path().join("out")).unwrap();
    for out in ["out", "out/sub", "out/../content/x"] {
        let stderr = project.run(&["build", "--out", out]).expect(2).stderr();
        assert!(
            stderr.contains("refusing to write into a directory that holds the project's sources"),
            "{out}: {stderr}"
        );
    }
    assert!(tree(&project.path().join("content")) == sources);

    // A link to nowhere is refused, not replaced.
    symlink(
        elsewhere.path().join("missing"),
        project.path().join("gone"),
    )
    .unwrap();
    let stderr = project.run(&["build", "--out", "gone"]).expect(2).stderr();
    assert!(stderr.contains("symlink to a missing"), "{stderr}");
    assert!(
        std::fs::symlink_metadata(project.path().join("gone"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}
