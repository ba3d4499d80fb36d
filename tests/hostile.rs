//! Files casebook reads may be hostile: a journal copied from another
//! machine or edited to point elsewhere, a link or a named pipe planted in
//! the data folder, a file too large to read, a shared data folder. Through
//! the real binary, each test checks that nothing outside the data folder
//! changes, nothing hangs, and the learner is told what happened and what
//! to do.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
#[cfg(unix)]
use std::process::Command;
use std::process::{Output, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

const COURSE: &str = "hmip-youth-2021";

fn journal_path(data: &Path, module: &str) -> PathBuf {
    data.join("journal").join(COURSE).join(format!("{module}.ron"))
}

fn write_journal(data: &Path, module: &str, text: &str) -> PathBuf {
    let path = journal_path(data, module);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

/// A journal with one answer, filed under `module` but naming `course` and `named`.
fn journal_text(course: &str, named: &str) -> String {
    format!(
        "(schema: 2, course: {course:?}, module: {named:?}, reflections: {{\"stood-out\": (question: \"Q\", \
         text: \"An answer of {named}\", created: \"2026-11-20T09:10:00Z\", updated: \"2026-11-20T09:10:00Z\")}})\n"
    )
}

/// Runs casebook on `data` with `stdin` piped in; fails the test, after
/// killing it, if it has not finished within ten seconds (a hang).
fn run(data: &Path, args: &[&str], stdin: &[u8]) -> Output {
    run_to(data, args, stdin, Stdio::piped())
}

fn run_to(data: &Path, args: &[&str], stdin: &[u8], stdout: Stdio) -> Output {
    let mut child = common::Launch::new(data, args).input(stdin).stdout(stdout).spawn();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("casebook {args:?} hung for more than ten seconds");
        }
        sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path).unwrap().permissions().mode() & 0o7777
}

/// Every name under a folder, with its bytes (folders as None) and mode.
#[cfg(unix)]
fn snapshot(folder: &Path) -> Vec<(PathBuf, Option<Vec<u8>>, u32)> {
    let mut found = vec![(folder.to_path_buf(), None, mode(folder))];
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            found.extend(snapshot(&path));
        } else {
            found.push((path.clone(), std::fs::read(&path).ok(), mode(&path)));
        }
    }
    found
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}

/// The row of `list` for a module and the lines under it up to the next row.
fn list_entry(list: &str, module: &str) -> (String, Vec<String>) {
    let mut lines = list.lines().skip_while(|line| !line.contains(&format!(" {module} ")));
    let row = lines
        .next()
        .unwrap_or_else(|| panic!("no row for {module}:\n{list}"))
        .to_owned();
    let under = lines
        .take_while(|line| line.starts_with("      "))
        .map(str::to_owned)
        .collect();
    (row, under)
}

// ------------------------------------------------------------- 1. misplaced journals

#[cfg(unix)]
#[test]
fn a_journal_naming_a_path_outside_the_data_folder_writes_nothing_there() {
    for escape in ["relative", "absolute"] {
        let top = tempfile::tempdir().unwrap();
        let data = top.path().join("data");
        std::fs::create_dir(&data).unwrap();
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).unwrap();
        let sentinel = top.path().join("sentinel");
        std::fs::create_dir(&sentinel).unwrap();
        std::fs::write(sentinel.join("keep.txt"), "precious").unwrap();
        std::fs::set_permissions(&sentinel, std::fs::Permissions::from_mode(0o755)).unwrap();
        let course = match escape {
            "relative" => "../../sentinel".to_owned(),
            _ => sentinel.display().to_string(),
        };
        let journal = write_journal(&data, "desistance-assessing", &journal_text(&course, "escape"));
        let before = snapshot(&sentinel);
        let bytes = std::fs::read(&journal).unwrap();

        let plain = run(
            &data,
            &["read", "desistance-assessing", "--plain"],
            b"My answer.\n.\nAnother.\n.\n",
        );
        assert_eq!(plain.status.code(), Some(3), "{escape}: {}", stderr(&plain));
        let message = stderr(&plain);
        assert!(
            message.contains("belongs to module \"escape\"") && message.contains("press x"),
            "{escape}: {message}"
        );
        let list = run(&data, &["list"], b"");
        assert!(list.status.success());
        let (row, under) = list_entry(&stdout(&list), "desistance-assessing");
        assert!(row.contains("cannot be read"), "{escape}: {row}");
        assert!(
            under.join(" ").contains("copied or renamed here by hand"),
            "{escape}: {under:?}"
        );

        assert_eq!(snapshot(&sentinel), before, "{escape}: nothing outside changed");
        assert_eq!(
            std::fs::read(&journal).unwrap(),
            bytes,
            "{escape}: the journal is untouched"
        );
        assert!(!top.path().join("escape.ron").exists());
    }
}

#[test]
fn a_journal_copied_under_another_modules_name_is_never_saved_over_the_other() {
    let data = tempfile::tempdir().unwrap();
    let original = journal_text(COURSE, "desistance-planning");
    let planning = write_journal(data.path(), "desistance-planning", &original);
    let copy = write_journal(data.path(), "desistance-assessing", &original);

    let plain = run(
        data.path(),
        &["read", "desistance-assessing", "--plain"],
        b"Typed into the copy.\n.\n",
    );
    assert_eq!(plain.status.code(), Some(3));
    assert!(
        stderr(&plain).contains("belongs to module \"desistance-planning\""),
        "{}",
        stderr(&plain)
    );
    assert_eq!(std::fs::read_to_string(&planning).unwrap(), original);
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), original);

    // The module it was copied from still opens and saves as usual.
    let own = run(
        data.path(),
        &["read", "desistance-planning", "--plain"],
        b".\nA new answer.\n.\n",
    );
    assert!(own.status.success(), "{}", stderr(&own));
    assert!(std::fs::read_to_string(&planning).unwrap().contains("A new answer."));
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), original);
}

#[test]
fn a_journal_with_unsafe_ids_is_refused_before_anything_touches_the_disk() {
    use casebook::journal::ModuleJournal;
    use casebook::store::{FileStore, Store, StoreError};
    let top = tempfile::tempdir().unwrap();
    let data = top.path().join("data");
    let mut store = FileStore::new(casebook::folder::DataPaths::at(&data));
    for (course, module) in [("../..", "x"), ("/tmp", "x"), (COURSE, "../../../x"), (COURSE, "")] {
        let result = store.save_module(&ModuleJournal::new(course, module));
        assert!(
            matches!(result, Err(StoreError::Refused { .. })),
            "{course}/{module}: {result:?}"
        );
    }
    assert!(!data.exists(), "not even the data folder was made");
    assert_eq!(std::fs::read_dir(top.path()).unwrap().count(), 0);
}

#[cfg(unix)]
#[test]
fn an_existing_data_folder_keeps_its_permissions() {
    let top = tempfile::tempdir().unwrap();
    let data = top.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o750)).unwrap();
    let plain = run(&data, &["read", "desistance-assessing", "--plain"], b"An answer.\n.\n");
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert_eq!(mode(&data), 0o750, "casebook changes only the folders it makes");
    assert_eq!(mode(&data.join("journal")), 0o700);
    assert_eq!(mode(&journal_path(&data, "desistance-assessing")), 0o600);
}

// ------------------------------------------------------------- 2. links and the data folder

#[cfg(unix)]
#[test]
fn a_lock_file_linked_to_another_file_is_refused_and_that_file_untouched() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("thesis.txt");
    std::fs::write(&victim, "three years of work").unwrap();
    std::os::unix::fs::symlink(&victim, data.path().join("casebook.lock")).unwrap();
    let plain = run(data.path(), &["read", "introduction", "--plain"], b"");
    assert_eq!(plain.status.code(), Some(3));
    let message = stderr(&plain);
    assert!(
        message.contains("casebook.lock") && message.contains("symbolic link") && message.contains("rm "),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "three years of work");

    // A link to nowhere is not followed to make a file either.
    std::fs::remove_file(data.path().join("casebook.lock")).unwrap();
    let nowhere = outside.path().join("made-by-casebook");
    std::os::unix::fs::symlink(&nowhere, data.path().join("casebook.lock")).unwrap();
    let plain = run(data.path(), &["read", "introduction", "--plain"], b"");
    assert_eq!(plain.status.code(), Some(3));
    assert!(!nowhere.exists());
}

#[cfg(unix)]
#[test]
fn a_journal_or_profile_that_is_a_link_is_reported_and_left_a_link() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("elsewhere.ron");
    let text = journal_text(COURSE, "desistance-assessing");
    std::fs::write(&victim, &text).unwrap();
    let journal = journal_path(data.path(), "desistance-assessing");
    std::fs::create_dir_all(journal.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&victim, &journal).unwrap();

    let plain = run(
        data.path(),
        &["read", "desistance-assessing", "--plain"],
        b"Answer.\n.\n",
    );
    assert_eq!(plain.status.code(), Some(3));
    assert!(stderr(&plain).contains("symbolic link"), "{}", stderr(&plain));
    assert!(std::fs::symlink_metadata(&journal).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), text);

    let list = run(data.path(), &["list"], b"");
    let (row, under) = list_entry(&stdout(&list), "desistance-assessing");
    assert!(row.contains("cannot be read"), "{row}");
    assert!(under.join(" ").contains("symbolic link"), "{under:?}");

    std::fs::remove_file(&journal).unwrap();
    let profile = outside.path().join("profile.ron");
    std::fs::write(&profile, "(schema: 1, name: \"Someone else\")\n").unwrap();
    std::os::unix::fs::symlink(&profile, data.path().join("profile.ron")).unwrap();
    let export = run(data.path(), &["export", "-o", "-"], b"");
    assert_eq!(export.status.code(), Some(3));
    assert!(stderr(&export).contains("symbolic link"), "{}", stderr(&export));
}

#[cfg(unix)]
#[test]
fn a_data_folder_others_can_write_to_is_refused_with_the_fix() {
    let top = tempfile::tempdir().unwrap();
    let data = top.path().join("shared");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o770)).unwrap();
    for args in [&["read", "introduction", "--plain"][..], &["export", "-o", "-"]] {
        let output = run(&data, args, b"");
        assert_eq!(output.status.code(), Some(3), "{args:?}");
        let message = stderr(&output);
        assert!(
            message.contains(&data.display().to_string()) && message.contains(&format!("chmod 700 {}", data.display())),
            "{args:?}: {message}"
        );
    }
    assert_eq!(mode(&data), 0o770, "left for the learner to change");
    assert!(!data.join("casebook.lock").exists(), "nothing was written in it");
}

#[cfg(unix)]
#[test]
fn a_data_folder_owned_by_another_user_is_refused() {
    let top = tempfile::tempdir().unwrap();
    let data = top.path().join("theirs");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).unwrap();
    // Given to nobody (65534): only root can do that, as the tests run here.
    if let Err(error) = std::os::unix::fs::chown(&data, Some(65534), Some(65534)) {
        eprintln!("SKIPPED: cannot give a folder to another user ({error}); run the tests as root to check this");
        return;
    }
    let output = run(&data, &["read", "introduction", "--plain"], b"");
    assert_eq!(output.status.code(), Some(3));
    assert!(
        stderr(&output).contains("belongs to another user"),
        "{}",
        stderr(&output)
    );
    assert!(!data.join("casebook.lock").exists());
}

// ------------------------------------------------------------- 8. named pipes

#[cfg(unix)]
#[test]
fn a_named_pipe_in_place_of_a_journal_profile_or_lock_never_hangs() {
    let data = tempfile::tempdir().unwrap();
    let journal = journal_path(data.path(), "desistance-assessing");
    std::fs::create_dir_all(journal.parent().unwrap()).unwrap();
    mkfifo(&journal);
    let list = run(data.path(), &["list"], b"");
    let (row, under) = list_entry(&stdout(&list), "desistance-assessing");
    assert!(row.contains("cannot be read"), "{row}");
    assert!(under.join(" ").contains("named pipe"), "{under:?}");
    let plain = run(data.path(), &["read", "desistance-assessing", "--plain"], b"x\n.\n");
    assert_eq!(plain.status.code(), Some(3));
    assert!(stderr(&plain).contains("named pipe"), "{}", stderr(&plain));
    let export = run(data.path(), &["export", "-o", "-"], b"");
    assert_eq!(export.status.code(), Some(3));
    assert!(stderr(&export).contains("named pipe"), "{}", stderr(&export));
    std::fs::remove_file(&journal).unwrap();

    mkfifo(&data.path().join("profile.ron"));
    let export = run(data.path(), &["export", "-o", "-"], b"");
    assert_eq!(export.status.code(), Some(3));
    assert!(stderr(&export).contains("profile.ron"), "{}", stderr(&export));
    std::fs::remove_file(data.path().join("profile.ron")).unwrap();

    // Left, emptied, by the runs above.
    std::fs::remove_file(data.path().join("casebook.lock")).unwrap();
    mkfifo(&data.path().join("casebook.lock"));
    let plain = run(data.path(), &["read", "introduction", "--plain"], b"");
    assert_eq!(plain.status.code(), Some(3));
    assert!(
        stderr(&plain).contains("casebook.lock") && stderr(&plain).contains("named pipe"),
        "{}",
        stderr(&plain)
    );
}

#[cfg(unix)]
#[test]
fn the_tutor_starts_with_a_named_pipe_for_a_journal_and_the_profile() {
    let _serial = common::one_at_a_time();
    if !common::tmux_available("this test of the tutor") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let journal = journal_path(data.path(), "desistance-assessing");
    std::fs::create_dir_all(journal.parent().unwrap()).unwrap();
    mkfifo(&journal);
    mkfifo(&data.path().join("profile.ron"));
    let pane = common::Pane::start("fifo", data.path(), "");
    let screen = pane.wait_for("named pipe");
    assert!(screen.contains("profile"), "{screen}");
    pane.keys(&["q"]);
    assert_eq!(pane.exit_status().0, 0);
}

#[cfg(unix)]
#[test]
fn verify_on_a_pipe_or_a_device_ends_with_a_message() {
    let data = tempfile::tempdir().unwrap();
    let pipe = data.path().join("log.md");
    mkfifo(&pipe);
    for target in [pipe.as_path(), Path::new("/dev/zero")] {
        let output = run(data.path(), &["verify", target.to_str().unwrap()], b"");
        assert_eq!(output.status.code(), Some(3), "{}", target.display());
        assert!(
            stderr(&output).contains(&target.display().to_string()) && stderr(&output).contains("not a regular file"),
            "{}",
            stderr(&output)
        );
    }
}

// ------------------------------------------------------------- 9. the start-up sweep

#[test]
fn the_sweep_removes_only_casebooks_own_temporary_files() {
    let data = tempfile::tempdir().unwrap();
    let folder = journal_path(data.path(), "x").parent().unwrap().to_path_buf();
    std::fs::create_dir_all(&folder).unwrap();
    let keep = [
        folder.join(".x.ron.AbC123"),
        folder.join(".notes.ron.backup1"),
        data.path().join(".profile.ron.Zz9yX8"),
    ];
    for path in &keep {
        std::fs::write(path, "someone else's").unwrap();
    }
    let ours = [
        folder.join(".casebook-tmp-desistance-assessing.ron-Ab12Cd34"),
        data.path().join(".casebook-tmp-profile.ron-Ab12Cd34"),
    ];
    for path in &ours {
        std::fs::write(path, "half a journ").unwrap();
    }
    let plain = run(data.path(), &["read", "introduction", "--plain"], b"");
    assert!(plain.status.success(), "{}", stderr(&plain));
    for path in &keep {
        assert_eq!(
            std::fs::read_to_string(path).unwrap(),
            "someone else's",
            "{}",
            path.display()
        );
    }
    for path in &ours {
        assert!(!path.exists(), "{} swept", path.display());
    }
}

// ------------------------------------------------------------- 10. duplicate keys

#[test]
fn a_question_given_twice_in_a_journal_is_damage_and_the_file_is_kept() {
    let data = tempfile::tempdir().unwrap();
    let reflection = |text: &str| {
        format!(
            "(question: \"Q\", text: \"{text}\", created: \"2026-11-20T09:10:00Z\", updated: \"2026-11-20T09:10:00Z\")"
        )
    };
    let text = format!(
        "(\n    schema: 2,\n    course: \"{COURSE}\",\n    module: \"desistance-assessing\",\n    reflections: {{\n        \"stood-out\": {},\n        \"stood-out\": {},\n    }},\n)\n",
        reflection("First"),
        reflection("Second")
    );
    let journal = write_journal(data.path(), "desistance-assessing", &text);
    let list = run(data.path(), &["list"], b"");
    let (row, under) = list_entry(&stdout(&list), "desistance-assessing");
    assert!(row.contains("cannot be read"), "{row}");
    let under = under.join(" ");
    assert!(
        under.contains("desistance-assessing.ron:7:") && under.contains("\"stood-out\" is given twice"),
        "{under}"
    );
    assert!(under.contains("press x"), "{under}");
    let plain = run(
        data.path(),
        &["read", "desistance-assessing", "--plain"],
        b"A third.\n.\n",
    );
    assert_eq!(plain.status.code(), Some(3));
    assert_eq!(std::fs::read_to_string(&journal).unwrap(), text);
}

// ------------------------------------------------------------- limits

#[test]
fn files_over_their_size_limit_are_refused_quickly() {
    let data = tempfile::tempdir().unwrap();
    let journal = write_journal(data.path(), "desistance-assessing", "");
    // Sparse: 17 MiB on paper, nothing on disk.
    std::fs::File::options()
        .write(true)
        .open(&journal)
        .unwrap()
        .set_len(17 * 1024 * 1024)
        .unwrap();
    let start = Instant::now();
    let list = run(data.path(), &["list"], b"");
    let (_, under) = list_entry(&stdout(&list), "desistance-assessing");
    assert!(under.join(" ").contains("larger than 16 MiB"), "{under:?}");
    assert!(start.elapsed() < Duration::from_secs(5), "took {:?}", start.elapsed());

    let course = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/valid/local-course/course.ron",
        course.path().join("course.ron"),
    )
    .unwrap();
    let module = course.path().join("huge.ron");
    std::fs::File::create(&module)
        .unwrap()
        .set_len(5 * 1024 * 1024)
        .unwrap();
    let validate = run(data.path(), &["validate", course.path().to_str().unwrap()], b"");
    assert_eq!(validate.status.code(), Some(1));
    assert!(stdout(&validate).contains("larger than 4 MiB"), "{}", stdout(&validate));

    let log = data.path().join("log.md");
    std::fs::File::create(&log).unwrap().set_len(65 * 1024 * 1024).unwrap();
    let verify = run(data.path(), &["verify", log.to_str().unwrap()], b"");
    assert_eq!(verify.status.code(), Some(3));
    assert!(stderr(&verify).contains("larger than 64 MiB"), "{}", stderr(&verify));
}

// ------------------------------------------------------------- messages

// /dev/full and /dev/null: Unix devices.
#[cfg(unix)]
#[test]
fn output_problems_are_named_and_never_pass_for_success() {
    let data = tempfile::tempdir().unwrap();
    let full = || std::fs::File::options().write(true).open("/dev/full").map(Stdio::from);
    let Ok(_) = full() else {
        eprintln!("SKIPPED: there is no /dev/full here to stand for a full disk");
        return;
    };
    let list = run_to(data.path(), &["list"], b"", full().unwrap());
    assert_ne!(list.status.code(), Some(0));
    assert!(stderr(&list).contains("No space left"), "{}", stderr(&list));
    let validate = run_to(data.path(), &["validate"], b"", full().unwrap());
    assert_ne!(validate.status.code(), Some(0));
    assert!(stderr(&validate).contains("No space left"), "{}", stderr(&validate));

    let answered = run(
        data.path(),
        &["read", "desistance-assessing", "--plain"],
        b"An answer.\n.\n",
    );
    assert!(answered.status.success(), "{}", stderr(&answered));
    let export = run_to(data.path(), &["export", "-o", "-"], b"", full().unwrap());
    assert_eq!(export.status.code(), Some(3));
    assert!(stderr(&export).contains("No space left"), "{}", stderr(&export));

    let log = data.path().join("log.md");
    let written = run(data.path(), &["export", "-o", log.to_str().unwrap()], b"");
    assert!(written.status.success(), "{}", stderr(&written));
    let verify = run_to(data.path(), &["verify", log.to_str().unwrap()], b"", full().unwrap());
    assert_ne!(verify.status.code(), Some(0));
    assert!(stderr(&verify).contains("No space left"), "{}", stderr(&verify));

    let into_folder = run(data.path(), &["export", "-o", data.path().to_str().unwrap()], b"");
    assert_eq!(into_folder.status.code(), Some(3));
    assert!(stderr(&into_folder).contains("is a folder"), "{}", stderr(&into_folder));
    let device = run(data.path(), &["export", "-o", "/dev/full"], b"");
    assert_eq!(device.status.code(), Some(3));
    assert!(
        stderr(&device).contains("a device, not a regular file"),
        "{}",
        stderr(&device)
    );
}

// /dev/full and /dev/null: Unix devices.
#[cfg(unix)]
#[test]
fn a_data_folder_or_course_path_that_is_not_a_folder_says_so() {
    let scratch = tempfile::tempdir().unwrap();
    let plain = run(Path::new("/dev/null"), &["read", "introduction", "--plain"], b"");
    assert_eq!(plain.status.code(), Some(3));
    assert!(
        stderr(&plain).contains("/dev/null: it is not a folder"),
        "{}",
        stderr(&plain)
    );
    let validate = run(scratch.path(), &["validate", "/dev/null"], b"");
    assert_eq!(validate.status.code(), Some(1));
    assert!(
        stdout(&validate).contains("/dev/null") && stdout(&validate).contains("neither a file nor a folder"),
        "{}",
        stdout(&validate)
    );
}

#[test]
fn a_damaged_journal_keeps_lists_columns_and_says_what_to_do() {
    let data = tempfile::tempdir().unwrap();
    write_journal(
        data.path(),
        "desistance-assessing",
        "(schema: 2, course: \"hmip-youth-2021\", modu",
    );
    let list = run(data.path(), &["list"], b"");
    let text = stdout(&list);
    let (row, under) = list_entry(&text, "desistance-assessing");
    let (neighbour, _) = list_entry(&text, "desistance-planning");
    // The time and the title start in the same columns as on the row below.
    let time_at = |line: &str| line.find("  -  ").unwrap();
    assert_eq!(time_at(&row), time_at(&neighbour), "columns kept:\n{row}\n{neighbour}");
    let under = under.join(" ");
    assert!(under.contains("desistance-assessing.ron:1:"), "{under}");
    assert!(under.contains("damaged, cut short or edited by hand"), "{under}");
    assert!(under.contains("press x"), "{under}");
}

/// The fault switch that makes F12 panic is for the debug build the tests
/// drive; a release build ignores it.
#[test]
fn the_panic_switch_does_nothing_in_a_release_build() {
    if cfg!(debug_assertions) {
        eprintln!(
            "SKIPPED: this is a debug build, where the switch works (tests/faults.rs); run `cargo test --release --test hostile`"
        );
        return;
    }
    let _serial = common::one_at_a_time();
    if !common::tmux_available("this test of the release build") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("profile.ron"), "(schema: 1, welcomed: true)\n").unwrap();
    let pane = common::Pane::start_with("nof12", data.path(), "", "CASEBOOK_FAULT_PANIC_ON_F12=1", "");
    pane.wait_for("Enter open");
    pane.keys(&["F12"]);
    sleep(Duration::from_millis(300));
    assert!(
        pane.screen().contains("Enter open"),
        "still running:\n{}",
        pane.screen()
    );
    pane.keys(&["q"]);
    assert_eq!(pane.exit_status().0, 0);
}

/// A link in place of the journal folder, or a course's folder inside it,
/// would send every journal read and write outside the data folder.
#[cfg(unix)]
#[test]
fn a_link_in_place_of_a_journal_folder_is_never_written_through() {
    for linked in ["journal", "journal/hmip-youth-2021"] {
        let data = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let link = data.path().join(linked);
        std::fs::create_dir_all(link.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(outside.path(), &link).unwrap();
        let before = snapshot(outside.path());
        let output = run(
            data.path(),
            &["read", "public-safety-reviewing", "--plain"],
            b"An answer.\n.\n",
        );
        assert!(!output.status.success(), "{linked}: {}", stdout(&output));
        assert!(stderr(&output).contains("is a link"), "{linked}: {}", stderr(&output));
        assert_eq!(
            snapshot(outside.path()),
            before,
            "{linked}: nothing written through the link"
        );
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    }
}

/// A link planted in place of the CPD records', the outbox's or the user
/// layouts' folder is never followed: what it leads to is neither read
/// nor removed, and casebook says which folder it refused.
#[cfg(unix)]
#[test]
fn links_in_place_of_the_cpd_outbox_and_layouts_folders_are_refused() {
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    // What the links lead to: files that look like casebook's own.
    std::fs::write(elsewhere.path().join("20261129-1.ron"), "(schema: 1)").unwrap();
    std::fs::write(elsewhere.path().join("0001.json"), "{}").unwrap();
    let before = snapshot(elsewhere.path());
    for folder in ["cpd", "outbox", "layouts"] {
        std::os::unix::fs::symlink(elsewhere.path(), data.path().join(folder)).unwrap();
    }
    let records = run(data.path(), &["cpd", "list"], b"");
    assert!(
        stderr(&records).contains("cpd") && stderr(&records).contains(casebook::text::FOLDER_IS_LINK),
        "the records' folder is refused, by name:\n{}{}",
        stdout(&records),
        stderr(&records)
    );
    let validate = run(data.path(), &["validate"], b"");
    let said = format!("{}{}", stdout(&validate), stderr(&validate));
    assert!(
        said.contains("layouts") && said.contains(casebook::text::FOLDER_IS_LINK),
        "the layouts' folder is refused, by name:\n{said}"
    );
    let status = run(data.path(), &["sync", "--status"], b"");
    let said = format!("{}{}", stdout(&status), stderr(&status));
    assert!(
        said.contains("outbox") && said.contains(casebook::text::FOLDER_IS_LINK),
        "the outbox is refused, by name:\n{said}"
    );
    assert_eq!(snapshot(elsewhere.path()), before, "nothing there changed");
}

/// Issue 24, finding 5: an answer over 16 MiB was saved ("Saved", exit 0)
/// and from then on casebook refused to read that module's journal. Now an
/// answer holds at most 200,000 characters: plain mode keeps the first
/// 200,000, says how many were not taken, and the journal reads back.
#[test]
fn an_answer_past_the_limit_is_cut_at_it_said_so_and_its_journal_still_reads_back() {
    let data = tempfile::tempdir().unwrap();
    // 17 MiB in lines of 1 MiB, then the full stop; the second question skipped.
    let line = "Ω".repeat(512 * 1024);
    let mut input = String::new();
    for _ in 0..17 {
        input.push_str(&line);
        input.push('\n');
    }
    input.push_str(".\n.\n");
    let output = run(
        data.path(),
        &["read", "desistance-assessing", "--plain"],
        input.as_bytes(),
    );
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}\n{}", stderr(&output));
    let said = out.replace('\n', " ");
    assert!(
        said.contains(
            "An answer holds at most 200,000 characters: the first 200,000 characters you typed are kept, \
                       and the other 8,712,912 characters were not taken."
        ),
        "{out}"
    );
    // Read back: the module opens again, showing the answer it kept (its
    // 400 KB printed where the test need not read it).
    let again = run_to(
        data.path(),
        &["read", "desistance-assessing", "--plain"],
        b".\n.\n",
        Stdio::null(),
    );
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let list = run(data.path(), &["list"], b"");
    assert!(!stdout(&list).contains("cannot be read"), "{}", stdout(&list));
    let journal = std::fs::read_to_string(journal_path(data.path(), "desistance-assessing")).unwrap();
    assert_eq!(journal.matches('Ω').count(), 200_000, "the answer kept, no more");
}
