//! The command line, through the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn casebook(data: &Path, args: &[&str]) -> Output {
    common::Launch::new(data, args).without("NO_COLOR").run()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn validate_passes_on_the_shipped_course_with_no_warnings() {
    let data = tempfile::tempdir().unwrap();
    let output = casebook(data.path(), &["validate"]);
    assert!(output.status.success(), "{}", stdout(&output));
    assert_eq!(stdout(&output), "1 course and 16 modules checked: no problems found.\n");
}

#[test]
fn validate_runs_from_any_directory_with_no_files_beside_it() {
    let data = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .arg("validate")
        .current_dir(data.path())
        .env("CASEBOOK_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(stdout(&output).contains("16 modules"));
}

/// Each folder in tests/fixtures/invalid breaks one rule; `expected.txt`
/// holds the exact messages, with file, line and column.
#[test]
fn each_invalid_fixture_gives_its_exact_message() {
    let data = tempfile::tempdir().unwrap();
    let mut fixtures: Vec<_> = std::fs::read_dir("tests/fixtures/invalid")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 20, "one fixture per rule");
    for fixture in fixtures {
        let path = fixture.to_str().unwrap();
        let expected = std::fs::read_to_string(fixture.join("expected.txt")).unwrap();
        let output = casebook(data.path(), &["validate", path]);
        // Windows joins the fixture's files to its path with `\`; the
        // messages themselves hold no backslash.
        let text = stdout(&output);
        let text = if cfg!(windows) { text.replace('\\', "/") } else { text };
        let problems: String = text
            .lines()
            .filter(|line| !line.contains(" checked: "))
            .map(|line| format!("{line}\n"))
            .collect();
        assert_eq!(problems, expected, "fixture {path}");
        let only_warnings = expected.lines().all(|line| line.contains(": warning: "));
        assert_eq!(output.status.success(), only_warnings, "exit status for {path}");
    }
}

#[test]
fn validate_checks_a_single_module_file_against_the_course_beside_it() {
    let data = tempfile::tempdir().unwrap();
    let output = casebook(
        data.path(),
        &["validate", "tests/fixtures/invalid/unknown-area/case.ron"],
    );
    assert!(!output.status.success());
    assert_eq!(
        stdout(&output).lines().next().unwrap(),
        "tests/fixtures/invalid/unknown-area/case.ron:4:11: unknown area \"desistence\", expected one of \"desistance\""
    );
}

#[test]
fn validate_reports_every_problem_in_a_run_not_just_the_first() {
    let data = tempfile::tempdir().unwrap();
    let output = casebook(
        data.path(),
        &[
            "validate",
            "tests/fixtures/invalid/unknown-field/case.ron",
            "tests/fixtures/invalid/empty-title/case.ron",
            "tests/fixtures/invalid/not-utf8/case.ron",
        ],
    );
    let text = stdout(&output);
    assert!(text.contains("unknown field \"tittle\""), "{text}");
    assert!(text.contains("empty section title"), "{text}");
    assert!(text.contains("not UTF-8"), "{text}");
    assert!(text.ends_with("3 errors, 0 warnings.\n"), "{text}");
}

#[test]
fn a_broken_module_in_the_users_modules_folder_fails_default_validate() {
    let data = tempfile::tempdir().unwrap();
    let course = data.path().join("modules").join("mine");
    std::fs::create_dir_all(&course).unwrap();
    std::fs::copy(
        "tests/fixtures/invalid/unknown-stage/course.ron",
        course.join("course.ron"),
    )
    .unwrap();
    std::fs::copy("tests/fixtures/invalid/unknown-stage/case.ron", course.join("case.ron")).unwrap();
    let output = casebook(data.path(), &["validate"]);
    assert!(!output.status.success());
    assert!(
        stdout(&output).contains("case.ron:5:12: unknown stage \"assessment\""),
        "{}",
        stdout(&output)
    );
}

#[test]
fn list_shows_every_module_in_course_order() {
    let data = tempfile::tempdir().unwrap();
    let output = casebook(data.path(), &["list"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("Effective practice guide: Case supervision – youth"));
    // The course line, 16 modules and the three areas' names above theirs.
    assert_eq!(lines.len(), 20, "{text}");
    assert!(lines[1].trim_start().starts_with("introduction "));
    let sophie = lines
        .iter()
        .position(|line| line.contains("child-safety-assessing"))
        .unwrap();
    for part in [
        "not started",
        "Sophie, 15: six-month referral order — Assessing to keep the child safe",
    ] {
        assert!(lines[sophie].contains(part), "{} shows {part}", lines[sophie]);
    }
    let area = lines[..sophie]
        .iter()
        .rev()
        .find(|line| !line.starts_with("  "))
        .unwrap();
    assert_eq!(*area, " Keeping the child safe", "under its area's name");
    // Piped, nothing is cut: a script sees every title whole.
    assert!(
        text.contains("Daniel, 17: seven-month youth rehabilitation order — Implementing and delivering"),
        "{text}"
    );
}

#[test]
fn a_course_passed_with_modules_shows_up_in_list() {
    let data = tempfile::tempdir().unwrap();
    let extra = tempfile::tempdir().unwrap();
    let course = extra.path().join("local-course");
    std::fs::create_dir_all(&course).unwrap();
    for file in ["course.ron", "welcome.ron", "desistance-assessing.ron"] {
        std::fs::copy(
            Path::new("tests/fixtures/valid/local-course").join(file),
            course.join(file),
        )
        .unwrap();
    }
    let output = casebook(data.path(), &["--modules", extra.path().to_str().unwrap(), "list"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("Local practice examples (local-practice)"), "{text}");
    assert!(
        text.contains("Alex, 16: referral order — Assessing with the family"),
        "{text}"
    );
}

#[test]
fn version_and_help_describe_every_flag() {
    let data = tempfile::tempdir().unwrap();
    let version = casebook(data.path(), &["--version"]);
    assert_eq!(stdout(&version), format!("casebook {}\n", env!("CARGO_PKG_VERSION")));
    let help = stdout(&casebook(data.path(), &["--help"]));
    for flag in ["--data-dir", "--modules", "--help", "--version", "list", "validate"] {
        assert!(help.contains(flag), "--help mentions {flag}");
    }
}

fn casebook_with_input(data: &Path, args: &[&str], input: &str) -> Output {
    common::casebook_with_input(data, args, input, &[])
}

#[test]
fn plain_mode_answers_the_questions_in_order_from_piped_input() {
    let data = tempfile::tempdir().unwrap();
    let output = casebook_with_input(
        data.path(),
        &["read", "desistance-assessing", "--plain"],
        "First reflection,\nover two lines — with “quotes”.\n.\nSecond one.\n.\n",
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = stdout(&output);
    assert!(text.contains("Section 1 of"), "{text}");
    assert!(text.contains("Question 1 of 2: What stood out to you"), "{text}");
    assert!(
        !text.contains('┌') && !text.contains('│'),
        "no box drawing in plain mode"
    );
    assert!(!text.contains("Press Enter"), "no pauses when input is not a terminal");
    assert!(
        text.contains("\n\nSection 1 of") && !text.contains("\n\n\n"),
        "one blank line between parts, never two:\n{text}"
    );
    let journal =
        std::fs::read_to_string(data.path().join("journal/hmip-youth-2021/desistance-assessing.ron")).unwrap();
    let parsed: casebook::journal::ModuleJournal = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&journal)
        .unwrap();
    assert_eq!(
        parsed.reflections["stood-out"].text,
        "First reflection,\nover two lines — with “quotes”."
    );
    assert_eq!(
        parsed.reflections.values().filter(|r| r.text == "Second one.").count(),
        1
    );
    assert!(
        parsed.completed.is_some(),
        "every question answered and every section read"
    );

    // The list shows the progress.
    let list = stdout(&casebook(data.path(), &["list"]));
    let line = list.lines().find(|line| line.contains("desistance-assessing")).unwrap();
    assert!(line.contains("complete"), "{line}");
}

/// Once every question is answered or skipped, plain mode asks for the
/// action point, as the completion screen does; a second run shows it and
/// a full stop keeps it.
#[test]
fn plain_mode_asks_for_an_action_point_at_the_end() {
    let data = tempfile::tempdir().unwrap();
    let output = casebook_with_input(
        data.path(),
        &["read", "desistance-assessing", "--plain"],
        "One.\n.\n.\nShadow a referral order panel by March.\n.\n",
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout(&output).contains("Action point: what will I do differently, and by when?"));
    let path = data.path().join("journal/hmip-youth-2021/desistance-assessing.ron");
    let read = |path: &std::path::Path| -> casebook::journal::ModuleJournal {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap()
    };
    let first = read(&path).action_point.unwrap();
    assert_eq!(first.text, "Shadow a referral order panel by March.");

    let again = casebook_with_input(data.path(), &["read", "desistance-assessing", "--plain"], ".\n.\n.\n");
    assert!(
        stdout(&again).contains("Shadow a referral order panel by March."),
        "the saved one is shown"
    );
    assert_eq!(
        read(&path).action_point.unwrap(),
        first,
        "a full stop keeps it as it was"
    );
}

#[test]
fn plain_mode_stops_asking_at_the_end_of_input_and_keeps_what_was_given() {
    let data = tempfile::tempdir().unwrap();
    let output = casebook_with_input(
        data.path(),
        &["read", "child-safety-planning", "--plain"],
        "Only one answer\n",
    );
    assert!(output.status.success());
    let list = stdout(&casebook(data.path(), &["list"]));
    let line = list
        .lines()
        .find(|line| line.contains("child-safety-planning"))
        .unwrap();
    assert!(line.contains("in progress") && line.contains("1/3 answered"), "{line}");
}

#[test]
fn reading_an_unknown_module_says_how_to_find_the_right_id() {
    let data = tempfile::tempdir().unwrap();
    let output = casebook(data.path(), &["read", "no-such-module", "--plain"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("casebook list"));
}

#[test]
fn an_unwritable_data_folder_is_reported_before_anything_opens() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let output = casebook(&file, &["read", "desistance-assessing", "--plain"]);
    assert_eq!(output.status.code(), Some(3));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("not-a-folder") && message.contains("--data-dir"),
        "{message}"
    );
}

#[test]
fn export_and_verify_through_the_binary() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let nothing = casebook(data.path(), &["export", "-o", "-"]);
    assert_eq!(nothing.status.code(), Some(1), "nothing studied yet: nothing to export");
    casebook_with_input(
        data.path(),
        &["read", "desistance-assessing", "--plain"],
        "My <script>answer</script>\n.\n.\n",
    );
    let markdown = casebook(data.path(), &["export", "--format", "md", "-o", "-"]);
    assert!(
        markdown.status.success(),
        "{}",
        String::from_utf8_lossy(&markdown.stderr)
    );
    assert!(stdout(&markdown).contains("Assessing for desistance"));
    let file = out.path().join("log.html");
    let html = casebook(
        data.path(),
        &[
            "export",
            "desistance-assessing",
            "--format",
            "html",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(html.status.success(), "{}", String::from_utf8_lossy(&html.stderr));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("&lt;script&gt;") && !written.contains("<script>answer"));
    assert!(
        casebook(data.path(), &["verify", file.to_str().unwrap()])
            .status
            .success()
    );
    let again = casebook(
        data.path(),
        &["export", "--format", "html", "-o", file.to_str().unwrap()],
    );
    assert_eq!(again.status.code(), Some(3), "never overwrites");
    std::fs::write(&file, written.replacen("answer", "answe!", 1)).unwrap();
    assert_eq!(
        casebook(data.path(), &["verify", file.to_str().unwrap()]).status.code(),
        Some(1)
    );
}

fn journal_in(data: &Path, module: &str) -> casebook::journal::ModuleJournal {
    let path = data.join(format!("journal/hmip-youth-2021/{module}.ron"));
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&std::fs::read_to_string(path).unwrap())
        .unwrap()
}

/// Fault 7: a question answered before offered only replace or keep. A
/// line holding only + adds to it, as a new paragraph; each run says which
/// of the three happened.
#[test]
fn plain_mode_adds_to_replaces_or_keeps_an_earlier_answer_and_says_which() {
    let data = tempfile::tempdir().unwrap();
    let read = |input: &str| {
        let output = casebook_with_input(data.path(), &["read", "desistance-assessing", "--plain"], input);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        // Messages are wrapped to the terminal's width: compared as words.
        stdout(&output).split_whitespace().collect::<Vec<_>>().join(" ")
    };
    read("First thoughts.\n.\n.\n.\n");
    let text = read("+\nA second paragraph.\n.\n.\n.\n");
    assert!(text.contains(casebook::text::PLAIN_REVISE), "{text}");
    assert!(text.contains(casebook::text::PLAIN_ADDED), "{text}");
    let journal = journal_in(data.path(), "desistance-assessing");
    assert_eq!(
        journal.reflections["stood-out"].text,
        "First thoughts.\n\nA second paragraph."
    );
    assert!(journal.is_skipped("develop-assessing"));

    let text = read(".\n.\n.\n");
    assert!(text.contains(casebook::text::PLAIN_KEPT), "{text}");
    assert_eq!(
        journal_in(data.path(), "desistance-assessing").reflections["stood-out"],
        journal.reflections["stood-out"],
        "kept exactly, even its time"
    );

    let text = read("Replaced.\n.\n.\n.\n");
    assert!(text.contains(casebook::text::PLAIN_REPLACED), "{text}");
    assert_eq!(
        journal_in(data.path(), "desistance-assessing").reflections["stood-out"].text,
        "Replaced."
    );
}

/// Input that is not UTF-8 (a Latin-1 terminal typing £) used to end the
/// session and lose the answer.
#[test]
fn plain_mode_reads_input_that_is_not_utf8_and_says_so_once() {
    use std::io::Write;
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["read", "desistance-assessing", "--plain"])
        .env("CASEBOOK_DATA_DIR", data.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"It cost \xa35 a caf\xe9 visit.\n.\nAnd \xa3 again.\n.\n.\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = stdout(&output);
    assert_eq!(text.matches(casebook::text::PLAIN_UNDECODABLE).count(), 1, "{text}");
    let journal = journal_in(data.path(), "desistance-assessing");
    assert_eq!(
        journal.reflections["stood-out"].text,
        "It cost \u{fffd}5 a caf\u{fffd} visit."
    );
    assert_eq!(journal.reflections["develop-assessing"].text, "And \u{fffd} again.");
}

/// Fault 5 in `list`: complete with a question skipped says how many.
#[test]
fn list_says_how_many_questions_a_complete_module_skipped() {
    let data = tempfile::tempdir().unwrap();
    let input = "An answer.\n.\n.\n.\n";
    let output = casebook_with_input(data.path(), &["read", "desistance-assessing", "--plain"], input);
    assert!(output.status.success());
    let list = stdout(&casebook(data.path(), &["list"]));
    let line = list.lines().find(|line| line.contains("desistance-assessing")).unwrap();
    assert!(line.contains("complete · 1 skipped"), "{line}");
}

/// On a managed PC casebook may start in a folder the learner cannot write
/// to; a log with no `-o` then goes to their Documents folder, and the
/// message says where. (Unix only: the current folder is removed from under
/// the process, which works as root too, where permissions would not.)
#[cfg(unix)]
#[test]
fn export_goes_to_documents_when_the_current_folder_cannot_be_used() {
    let data = tempfile::tempdir().unwrap();
    let answered = casebook_with_input(
        data.path(),
        &["read", "desistance-assessing", "--plain"],
        "An answer.\n.\n",
    );
    assert!(answered.status.success());
    let home = tempfile::tempdir().unwrap();
    let documents = home.path().join("Papers");
    std::fs::create_dir(&documents).unwrap();
    std::fs::create_dir(home.path().join(".config")).unwrap();
    std::fs::write(
        home.path().join(".config").join("user-dirs.dirs"),
        "XDG_DOCUMENTS_DIR=\"$HOME/Papers\"\n",
    )
    .unwrap();
    let gone = home.path().join("gone");
    std::fs::create_dir(&gone).unwrap();
    let output = Command::new("sh")
        .args(["-c", "cd \"$1\" && rmdir \"$1\" && exec \"$2\" export", "sh"])
        .arg(&gone)
        .arg(env!("CARGO_BIN_EXE_casebook"))
        .env("CASEBOOK_DATA_DIR", data.path())
        .env("HOME", home.path())
        .env_remove("XDG_CONFIG_HOME")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let written: Vec<String> = std::fs::read_dir(&documents)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(
        written[0].starts_with("casebook-log-") && written[0].ends_with(".md"),
        "{written:?}"
    );
    assert!(
        stdout(&output).contains(&documents.join(&written[0]).display().to_string()),
        "{}",
        stdout(&output)
    );
}

/// A case's name finds its module, and a near miss is answered with the
/// module meant (issue 25).
#[test]
fn a_module_is_found_by_its_case_and_a_near_miss_is_told_what_was_meant() {
    let data = tempfile::tempdir().unwrap();
    let by_case = casebook_with_input(data.path(), &["read", "tim", "--plain"], "q\n");
    assert!(by_case.status.success(), "{}", String::from_utf8_lossy(&by_case.stderr));
    assert!(stdout(&by_case).contains("Tim, 17"), "{}", stdout(&by_case));

    let near = casebook(data.path(), &["read", "desistance-assesing", "--plain"]);
    assert!(!near.status.success());
    let said = String::from_utf8_lossy(&near.stderr);
    assert!(said.contains("Did you mean desistance-assessing (Tim, 17)?"), "{said}");
    let typo = casebook(data.path(), &["export", "tomas"]);
    assert!(String::from_utf8_lossy(&typo.stderr).contains("child-safety-planning (Tomasz, 17)"));

    let nothing_near = casebook(data.path(), &["read", "xyz", "--plain"]);
    assert!(!String::from_utf8_lossy(&nothing_near.stderr).contains("Did you mean"));
}
