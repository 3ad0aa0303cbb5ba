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

/// The check fixture's passing site and a second site with a TOML syntax error.
fn with_a_broken_site() -> Project {
    let project = Project::fixture("check/base");
    project.write("content/rikki/notice.toml", "[controller\nname = \"X\"\n");
    project
}

#[test]
fn check_json_reports_the_sites_that_failed_to_load() {
    let project = with_a_broken_site();
    let run = project.run(&["check", "--format", "json"]).expect(65);
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(report["schema_version"], 2);
    assert_eq!(report["sites"], serde_json::json!(["kahvila", "rikki"]));
    assert_eq!(report["unchecked"], serde_json::json!(["rikki"]));
    assert_eq!(report["errors"], 1, "{report:#}");
    let finding = &report["findings"][0];
    assert_eq!(finding["rule"], "load-error");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["file"], "content/rikki/notice.toml");
    assert_eq!(
        (&finding["line"], &finding["column"]),
        (&1.into(), &12.into())
    );
    assert_eq!(finding["sites"], serde_json::json!(["rikki"]));
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .starts_with("invalid TOML"),
        "{finding:#}"
    );
    assert!(!finding["help"].as_str().unwrap().is_empty());
    // The error stream still has it for a person reading the log.
    assert!(run.stderr().contains("--> content/rikki/notice.toml:1:12"));
}

#[test]
fn check_summary_says_which_sites_could_not_be_checked() {
    let project = with_a_broken_site();
    let run = project.run(&["check"]).expect(65);
    assert_eq!(
        run.stdout(),
        "checked 1 site, could not check 1 site (`rikki`): 1 error, 0 warnings\n"
    );
    assert_eq!(
        run.stderr()
            .matches("--> content/rikki/notice.toml:1:12")
            .count(),
        1,
        "reported once: {}",
        run.stderr()
    );
}

/// Issue 14: with one site that fails to load, `check` said "checked 1 site: no findings"
/// and exited 65. Every format must say that the site was not checked.
#[test]
fn check_of_a_lone_site_that_fails_to_load_never_says_no_findings() {
    let project = Project::fixture("invalid/missing-field");
    let human = project.run(&["check"]).expect(65);
    assert_eq!(
        human.stdout(),
        "checked 0 sites, could not check 1 site (`kahvila`): 1 error, 0 warnings\n"
    );
    let json = project.run(&["check", "--format", "json"]).expect(65);
    let report: serde_json::Value = serde_json::from_str(&json.stdout()).unwrap();
    assert_eq!(report["unchecked"], serde_json::json!(["kahvila"]));
    assert_eq!(report["errors"], 1);
    assert_eq!(report["findings"][0]["rule"], "load-error");
    let github = project.run(&["check", "--format", "github"]).expect(65);
    assert!(
        github.stdout().starts_with(
            "::error file=content/kahvila/notice.toml,line=3,col=1,title=load-error::missing required key `title`"
        ),
        "{}",
        github.stdout()
    );
}

#[test]
fn check_github_annotates_every_load_failure() {
    let project = with_a_broken_site();
    project.write("content/kahvila/history/notes.txt", "not a version\n");
    let run = project.run(&["check", "--format", "github"]).expect(65);
    let lines: Vec<String> = run.stdout().lines().map(str::to_string).collect();
    assert!(
        lines.iter().any(|l| l.starts_with(
            "::error file=content/rikki/notice.toml,line=1,col=12,title=load-error::invalid TOML"
        )),
        "{lines:#?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with(
            "::error file=content/kahvila/history/notes.txt,title=load-error::`notes.txt` is not a snapshot file name"
        )),
        "{lines:#?}"
    );
    assert_eq!(run.stderr(), "", "nothing unescaped beside the annotations");
}

/// GitHub Actions reads workflow commands from every line of a job's output, stderr included.
fn forged_commands(run: &crate::support::Run) -> Vec<String> {
    format!("{}\n{}", run.stdout(), run.stderr())
        .lines()
        .filter(|line| line.starts_with("::") && line.contains("FAKE") && !line.contains("%0A"))
        .map(str::to_string)
        .collect()
}

#[test]
fn check_github_output_cannot_be_forged_by_file_names() {
    let project = Project::fixture("check/base");
    let forged = "x\n::error file=x::FAKE";
    // A layer whose file name carries a workflow command, with a finding located in it…
    project.edit(
        "content/kahvila/notice.toml",
        "extends = [",
        "extends = [\"x\\n::error file=x::FAKE\", ",
    );
    project.write(
        &format!("content/_shared/{forged}.toml"),
        "[[purposes]]\nid = \"pahis\"\ntitle = \"Pahis\"\ndescription = \"x\"\n",
    );
    // …a stray file in a history folder, a load error naming the file…
    project.write(&format!("content/kahvila/history/{forged}.toml"), "");
    let run = project.run(&["check", "--format", "github"]).expect(65);
    assert_eq!(forged_commands(&run), Vec::<String>::new());
    assert!(
        run.stdout().contains("x%0A%3A%3Aerror file=x%3A%3AFAKE"),
        "{}",
        run.stdout()
    );

    // …and a site folder whose name stops the check before it has a report.
    let project = Project::fixture("check/base");
    project.write(&format!("content/{forged}/notice.toml"), "");
    let run = project.run(&["check", "--format", "github"]);
    assert_ne!(run.code(), 0);
    assert_eq!(forged_commands(&run), Vec::<String>::new());
    assert!(run.stdout().starts_with("::error "), "{}", run.stdout());
}

const ARCHIVED: &str = "content/kahvila-aurinko/history/2024-03-01.toml";

#[test]
fn hand_edited_archive_is_refused() {
    let project = Project::examples();
    project.edit(
        ARCHIVED,
        "name = \"Kahvila Aurinko Oy\"",
        "name = \"Kahvila Varjo Oy\"",
    );
    let build = project.run(&["build"]).expect(65);
    let stderr = build.stderr();
    assert!(
        stderr.contains("error: this released version was changed after it was released")
            && stderr.contains(&format!("--> {ARCHIVED}:8:10\n"))
            && stderr.contains(&format!("git checkout -- {ARCHIVED}"))
            && stderr.contains("release a new version"),
        "{stderr}"
    );
    assert!(
        !project.path().join("site").exists(),
        "nothing is published"
    );

    let check = project.run(&["check", "--format", "json"]).expect(65);
    let report: serde_json::Value = serde_json::from_str(&check.stdout()).unwrap();
    assert_eq!(report["unchecked"], serde_json::json!(["kahvila-aurinko"]));
    assert_eq!(report["findings"][0]["rule"], "load-error");
    assert_eq!(report["findings"][0]["file"], ARCHIVED);

    // Restoring the released text is the fix.
    project.edit(
        ARCHIVED,
        "name = \"Kahvila Varjo Oy\"",
        "name = \"Kahvila Aurinko Oy\"",
    );
    project.run(&["build"]).expect(0);
}

#[test]
fn archive_effective_date_out_of_line_with_its_version_is_refused() {
    let project = Project::examples();
    project.edit(ARCHIVED, "effective = 2024-03-01", "effective = 2030-01-01");
    let build = project.run(&["build"]).expect(65);
    let stderr = build.stderr();
    assert!(
        stderr.contains(
            "error: version `2024-03-01` says it takes effect on 2030-01-01, not on 2024-03-01"
        ) && stderr.contains(&format!("--> {ARCHIVED}:6:13\n"))
            && stderr.contains("restore `effective = 2024-03-01`"),
        "{stderr}"
    );
    project.run(&["check"]).expect(65);
}

#[test]
fn release_seals_the_snapshot_it_writes() {
    let project = Project::fixture("versions");
    project
        .run(&["release", "alpha", "--effective", "2025-06-01"])
        .expect(0);
    let path = "content/alpha/history/2025-06-01.toml";
    let snapshot = project.read(path);
    let digest = snapshot
        .lines()
        .find_map(|line| line.strip_prefix("digest = \"sha256:"))
        .expect("a digest line");
    assert_eq!(digest.len(), 64 + 1, "{digest}");
    project.run(&["build"]).expect(0);
    // One changed character anywhere, even in a comment, breaks the seal.
    project.write(path, &snapshot.replacen("# alpha", "# Alpha", 1));
    project.run(&["build"]).expect(65);
}
