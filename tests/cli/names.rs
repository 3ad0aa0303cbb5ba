//! Names that decide where files are read from or written to: site names that the output
//! reserves, and theme names and theme links that could lead out of the project.

use std::os::unix::fs::symlink;
use std::time::{Duration, Instant};

use crate::support::{Project, copy_tree};

/// Regression (issue 18, defect 8): a site named `assets` shared its output folder with the
/// theme's static files, so a static `index.html` silently replaced the site's page.
#[test]
fn a_site_named_assets_is_refused() {
    let project = Project::examples();
    copy_tree(
        &project.path().join("content/verkkoapu"),
        &project.path().join("content/assets"),
    );
    project.write("themes/default/static/index.html", "STATIC");
    let stderr = project.run(&["build"]).expect(65).stderr();
    assert!(
        stderr.contains("the site name `assets` is reserved") && stderr.contains("content/assets"),
        "{stderr}"
    );
    assert!(!project.path().join("site").exists());
}

/// Regression (issue 18, defect 18): a theme's `static/etcdir -> /etc` walked all of `/etc`
/// before failing with an unrelated message; `theme = "../../../../etc"` was accepted; and an
/// absolute theme path was called a symlink.
#[test]
fn theme_links_and_names_cannot_leave_the_project() {
    let project = Project::examples();
    std::fs::create_dir_all(project.path().join("themes/default/static")).unwrap();
    symlink("/etc", project.path().join("themes/default/static/etcdir")).unwrap();
    let started = Instant::now();
    let stderr = project.run(&["build"]).expect(65).stderr();
    assert!(
        stderr.contains("error: symlink leads outside the project")
            && stderr.contains("--> themes/default/static/etcdir\n"),
        "{stderr}"
    );
    assert!(started.elapsed() < Duration::from_secs(20));
    std::fs::remove_file(project.path().join("themes/default/static/etcdir")).unwrap();

    for theme in ["../../../../etc", "/etc", "Rikki"] {
        project.write(
            "content/project.toml",
            &format!("languages = [\"fi\"]\ntheme = \"{theme}\"\n"),
        );
        let stderr = project.run(&["build"]).expect(65).stderr();
        assert!(
            stderr.contains(&format!("invalid theme name `{theme}`"))
                && stderr.contains("--> content/project.toml:2:9")
                && !stderr.contains("symlink"),
            "{theme}: {stderr}"
        );
    }
    // A theme folder that is itself a link out of the project is refused, as a symlink.
    project.write(
        "content/project.toml",
        "languages = [\"fi\"]\ntheme = \"muualla\"\n",
    );
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir(elsewhere.path().join("static")).unwrap();
    symlink(elsewhere.path(), project.path().join("themes/muualla")).unwrap();
    let stderr = project.run(&["build"]).expect(65).stderr();
    assert!(
        stderr.contains("error: symlink leads outside the project\n --> themes/muualla\n"),
        "{stderr}"
    );
}
