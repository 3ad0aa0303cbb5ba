//! Hostile and odd bytes in sources: never a panic, always exit 65 at the file:line:col of the
//! first bad byte, from every command that reads sources.

use crate::support::{Project, Run};

const ALPHA: &str = "content/alpha/notice.toml";

/// Runs every command that reads the sources of `project`, each expected to fail with exit 65;
/// `diff` compares a clean copy of the fixture with it.
fn every_reading_command(project: &Project) -> Vec<(String, Run)> {
    let clean = Project::fixture("versions");
    let out = project.path().join("export-out");
    let commands: Vec<Vec<&str>> = vec![
        vec!["build"],
        vec!["check"],
        vec!["check", "--format", "json"],
        vec!["explain", "alpha"],
        vec!["diff", clean.path().to_str().unwrap(), "."],
        vec!["export", "--format", "json", "--out", out.to_str().unwrap()],
    ];
    commands
        .into_iter()
        .map(|args| (args.join(" "), project.run(&args)))
        .collect()
}

/// Asserts that every reading command exits 65 and names `location` with `message`.
fn every_command_rejects(project: &Project, location: &str, message: &str) {
    for (command, run) in every_reading_command(project) {
        assert_eq!(
            run.code(),
            65,
            "notice {command}\n--- stdout\n{}\n--- stderr\n{}",
            run.stdout(),
            run.stderr()
        );
        let stderr = run.stderr();
        assert!(
            stderr.contains(&format!("--> {location}\n")) && stderr.contains(message),
            "notice {command}: expected {location} and {message:?} in:\n{stderr}"
        );
    }
}

fn write_bytes(project: &Project, path: &str, bytes: &[u8]) {
    std::fs::write(project.path().join(path), bytes).unwrap();
}

#[test]
fn invalid_utf8_in_a_source_is_exit_65_at_the_first_bad_byte() {
    let project = Project::fixture("versions");
    let text = project.read(ALPHA).replace("Alfa Oy\"", "Alfa \u{1}Oy\"");
    let mut bytes = text.into_bytes();
    let at = bytes.iter().position(|&b| b == 1).unwrap();
    bytes[at] = 0xff;
    write_bytes(&project, ALPHA, &bytes);
    every_command_rejects(
        &project,
        &format!("{ALPHA}:5:14"),
        "file is not UTF-8: byte 0xFF",
    );
}

#[test]
fn a_utf16_source_is_exit_65_and_named_as_utf16() {
    let project = Project::fixture("versions");
    let mut bytes = vec![0xff, 0xfe];
    for unit in project.read(ALPHA).encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    write_bytes(&project, ALPHA, &bytes);
    every_command_rejects(
        &project,
        &format!("{ALPHA}:1:1"),
        "file is UTF-16, not UTF-8",
    );

    // Without a byte-order mark, UTF-16 is ASCII with NUL bytes: valid UTF-8, but not text.
    let bytes: Vec<u8> = "title = 1"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    write_bytes(&project, ALPHA, &bytes);
    every_command_rejects(&project, &format!("{ALPHA}:1:2"), "NUL byte");
}

#[test]
fn a_bare_cr_at_an_error_position_is_exit_65_not_a_panic() {
    let project = Project::fixture("versions");
    let text = project.read(ALPHA);
    let lines = text.lines().count();
    project.write(ALPHA, &format!("{text}x = 1\r"));
    // The parser reports the place a line feed was expected: right after the CR.
    every_command_rejects(
        &project,
        &format!("{ALPHA}:{}:7", lines + 1),
        "carriage return must be followed by newline",
    );
}

#[test]
fn invalid_bytes_in_a_layer_and_a_snapshot_are_exit_65_too() {
    let project = Project::fixture("versions");
    let layer = "content/_shared/base.toml";
    let mut bytes = project.read(layer).into_bytes();
    bytes.extend(b"\n# \xc3\n");
    write_bytes(&project, layer, &bytes);
    let lines = newlines(&bytes);
    let run = project.run(&["build"]).expect(65);
    assert!(
        run.stderr().contains(&format!("--> {layer}:{}:3\n", lines)),
        "{}",
        run.stderr()
    );

    let project = Project::fixture("versions");
    project
        .run(&["release", "alpha", "--effective", "2025-06-01"])
        .expect(0);
    let snapshot = "content/alpha/history/2025-06-01.toml";
    let mut bytes = project.read(snapshot).into_bytes();
    bytes.extend(b"# \x80\n");
    write_bytes(&project, snapshot, &bytes);
    let lines = newlines(&bytes);
    let run = project.run(&["build"]).expect(65);
    assert!(
        run.stderr()
            .contains(&format!("--> {snapshot}:{lines}:3\n")),
        "{}",
        run.stderr()
    );
}

fn newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

#[test]
fn a_source_over_the_size_limit_is_exit_65_naming_the_limit() {
    let project = Project::fixture("versions");
    // Valid TOML (one long comment), so only the limit can refuse it.
    let text = format!("{}\n# {}\n", project.read(ALPHA), "x".repeat(10_000_000));
    project.write(ALPHA, &text);
    let run = project.run(&["build"]).expect(65);
    let stderr = run.stderr();
    assert!(
        stderr.contains("file is too large") && stderr.contains(&format!("--> {ALPHA}\n")),
        "{stderr}"
    );
    assert!(stderr.contains("10 MB"), "{stderr}");
}

#[test]
fn a_control_character_in_a_source_value_is_exit_65_at_the_value() {
    let project = Project::fixture("versions");
    let text = project.read(ALPHA);
    let line = text.lines().position(|l| l.starts_with("title")).unwrap() + 1;
    let title = text.lines().nth(line - 1).unwrap();
    project.edit(ALPHA, title, "title = \"S\\u001b\\u0008\"");
    every_command_rejects(
        &project,
        &format!("{ALPHA}:{line}:9"),
        "a string holds the control character U+001B",
    );
}

#[test]
fn an_integer_too_large_is_reported_as_written() {
    let project = Project::fixture("versions");
    let text = project.read(ALPHA);
    project.write(ALPHA, &format!("updated = 99999999999999999999\n{text}"));
    let run = project.run(&["build"]).expect(65);
    let stderr = run.stderr();
    assert!(
        stderr.contains("integer `99999999999999999999` is too large")
            && stderr.contains(&format!("--> {ALPHA}:1:11\n")),
        "{stderr}"
    );
    assert!(!stderr.contains("9223372036854775807"), "{stderr}");
}

#[test]
fn a_layer_file_named_with_escapes_is_shown_escaped() {
    let project = Project::fixture("versions");
    project.write("content/_shared/x\u{1b}]0;PWNED\u{7}\u{1b}[2J.toml", "");
    project.edit(ALPHA, "extends = [\"base\"]", "extends = [\"bsae\"]");
    for command in ["build", "check"] {
        let run = project.run(&[command]).expect(65);
        let stderr = run.stderr();
        assert!(
            stderr.contains("x\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J"),
            "notice {command}: {stderr}"
        );
        assert!(
            !stderr.contains(['\u{1b}', '\u{7}']),
            "notice {command}: {stderr}"
        );
    }
}
