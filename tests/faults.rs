//! Fault injection through the real binary: signals, a panic, SIGKILL, a
//! second process, damaged and foreign files, a size limit, the umask. Each
//! test checks that no text was lost. The terminal ones run under tmux and
//! are skipped, with the reason printed, where tmux is missing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Pane, casebook_with_input, one_at_a_time, tmux_available};

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;
#[cfg(unix)]
use std::time::Instant;

use casebook::journal::ModuleJournal;

fn welcomed(data: &Path) {
    std::fs::write(data.join("profile.ron"), "(schema: 1, welcomed: true)\n").unwrap();
}

fn journal_path(data: &Path, module: &str) -> PathBuf {
    data.join("journal/hmip-youth-2021").join(format!("{module}.ron"))
}

/// A current journal for desistance-assessing with nothing in it yet.
fn write_started_journal(path: &Path) {
    std::fs::write(
        path,
        format!(
            "(schema: {}, course: \"hmip-youth-2021\", module: \"desistance-assessing\")\n",
            casebook::journal::SCHEMA
        ),
    )
    .unwrap();
}

fn parse(path: &Path) -> ModuleJournal {
    let text = std::fs::read_to_string(path).unwrap();
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&text)
        .unwrap()
}

/// Opens Tim's module at its first question, ready to type.
fn at_first_question(pane: &Pane) {
    pane.wait_for("What we expect");
    pane.keys(&["l", "l", "l", "l"]);
    pane.wait_for("Question 1 of 2");
}

fn answer(data: &Path) -> String {
    parse(&journal_path(data, "desistance-assessing")).reflections["stood-out"]
        .text
        .clone()
}

#[cfg(unix)]
#[test]
fn sighup_saves_the_text_exactly_and_exits_129_promptly() {
    let _serial = one_at_a_time();
    if !tmux_available("this fault-injection test") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    welcomed(data.path());
    let pane = Pane::start("hup", data.path(), "read desistance-assessing");
    at_first_question(&pane);
    pane.type_text("Typed just before the link dropped — ünïcödé");
    pane.wait_for("ünïcödé");
    pane.signal("HUP");
    let (status, took) = pane.exit_status();
    assert_eq!(status, 129);
    assert!(took < Duration::from_secs(2), "exited in {took:?}");
    assert_eq!(answer(data.path()), "Typed just before the link dropped — ünïcödé");
}

/// An answer far longer than most (over 64 KiB) is copied for a signal
/// once a burst of keys is over, not per key: a signal that comes while
/// the copy is behind still saves the last key typed, exactly. The test
/// stretches the burst's end to an hour (debug builds only), so that the
/// copy is surely behind when the signal comes.
#[cfg(unix)]
#[test]
fn a_signal_while_typing_in_a_very_long_answer_keeps_the_last_key() {
    let _serial = one_at_a_time();
    if !tmux_available("this fault-injection test") {
        return;
    }
    let long = "A long reflection on practice. ".repeat(3_000);
    for signal in ["HUP", "TERM"] {
        let data = tempfile::tempdir().unwrap();
        welcomed(data.path());
        let path = journal_path(data.path(), "desistance-assessing");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            &path,
            format!(
                "(schema: {}, course: \"hmip-youth-2021\", module: \"desistance-assessing\", \
                 reflections: {{\"develop-assessing\": (question: \"Q\", text: \"{long}\", \
                 created: \"2026-11-20T09:00:00Z\", updated: \"2026-11-20T09:00:00Z\")}})\n",
                casebook::journal::SCHEMA
            ),
        )
        .unwrap();
        let pane = Pane::start_with(
            &format!("long-{}", signal.to_lowercase()),
            data.path(),
            "",
            "CASEBOOK_FAULT_SNAPSHOT_LAGS=1",
            "read desistance-assessing",
        );
        // The first question, unanswered, comes first: it is skipped.
        at_first_question(&pane);
        pane.keys(&["Escape", "l"]);
        pane.wait_for("Skip it for now?");
        pane.keys(&["y"]);
        pane.wait_for("Question 2 of 2");
        pane.keys(&["Enter", "C-End"]);
        let typed = format!("and the last words before {signal}");
        pane.type_text(&typed);
        pane.wait_for(&format!("before {signal}"));
        pane.signal(signal);
        let (status, took) = pane.exit_status();
        assert!(status == 129 || status == 143, "{signal}: exit {status}");
        assert!(took < Duration::from_secs(2), "{signal}: exited in {took:?}");
        let saved = parse(&path).reflections["develop-assessing"].text.clone();
        assert!(
            saved.ends_with(&typed),
            "{signal}: the answer ends {:?}",
            &saved[saved.len() - 60..]
        );
        assert!(saved.starts_with(&long), "{signal}: the long answer is whole");
    }
}

/// desistance-assessing read and answered: from its first section, four
/// `l` reach its completion screen.
#[cfg(unix)]
fn write_completed_journal(path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let answer = |text: &str| {
        format!(
            "(question: \"Q\", text: \"{text}\", created: \"2026-11-20T09:00:00Z\", updated: \"2026-11-20T09:00:00Z\")"
        )
    };
    std::fs::write(
        path,
        format!(
            "(schema: {}, course: \"hmip-youth-2021\", module: \"desistance-assessing\", \
             reflections: {{\"stood-out\": {}, \"develop-assessing\": {}}}, sections_read: [0, 1, 2, 3])\n",
            casebook::journal::SCHEMA,
            answer("First."),
            answer("Second.")
        ),
    )
    .unwrap();
}

/// The CPD record form's text is kept as a reflection is: SIGHUP while the
/// form is open saves it, exactly, as the module's draft, and the next run
/// puts it back in the form.
#[cfg(unix)]
#[test]
fn sighup_with_the_cpd_form_open_keeps_its_text_for_the_next_run() {
    let _serial = one_at_a_time();
    if !tmux_available("this fault-injection test") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    welcomed(data.path());
    let journal = journal_path(data.path(), "desistance-assessing");
    write_completed_journal(&journal);
    const LEARNT: &str = "Ask about work early — ünïcödé";
    const IMPACT: &str = "Plans name an employer";

    let pane = Pane::start("cpdhup", data.path(), "read desistance-assessing");
    pane.wait_for("What we expect");
    pane.keys(&["l", "l", "l", "l"]);
    pane.wait_for("Module complete");
    pane.keys(&["c"]);
    pane.wait_for("CPD record");
    pane.type_text(LEARNT);
    pane.wait_for("ünïcödé");
    pane.keys(&["Tab"]);
    pane.type_text(IMPACT);
    pane.wait_for("employer");
    pane.signal("HUP");
    let (status, took) = pane.exit_status();
    assert_eq!(status, 129);
    assert!(took < Duration::from_secs(2), "exited in {took:?}");
    let draft = parse(&journal).cpd_draft.expect("the form's text is kept as the draft");
    assert_eq!(draft.learning, LEARNT);
    assert_eq!(draft.impact, IMPACT);
    assert_eq!(draft.peer_reflection, "");
    drop(pane);

    let pane = Pane::start("cpdback", data.path(), "read desistance-assessing");
    pane.wait_for("What we expect");
    pane.keys(&["l", "l", "l", "l"]);
    pane.wait_for("Module complete");
    pane.keys(&["c"]);
    let screen = pane.wait_for(casebook::text::CPD_DRAFT_BACK);
    assert!(screen.contains(LEARNT) && screen.contains(IMPACT), "{screen}");
    pane.keys(&["C-c", "C-c"]);
    let (status, _) = pane.exit_status();
    assert_eq!(status, 0);
    let kept = parse(&journal).cpd_draft.expect("still kept, the record not made");
    assert_eq!((kept.learning.as_str(), kept.impact.as_str()), (LEARNT, IMPACT));
}

/// SIGTERM, and SIGINT sent by another process (in raw mode Ctrl-C is a
/// key, so only another process sends it): saved, terminal restored.
#[cfg(unix)]
#[test]
fn sigterm_and_sigint_save_restore_the_terminal_and_exit_143_and_130() {
    let _serial = one_at_a_time();
    if !tmux_available("this fault-injection test") {
        return;
    }
    for (signal, code) in [("TERM", 143), ("INT", 130)] {
        let data = tempfile::tempdir().unwrap();
        welcomed(data.path());
        let pane = Pane::start(&signal.to_lowercase(), data.path(), "read desistance-assessing");
        at_first_question(&pane);
        pane.type_text("Before the signal");
        pane.wait_for("the signal");
        pane.signal(signal);
        let (status, took) = pane.exit_status();
        assert_eq!(status, code, "{signal}");
        assert!(took < Duration::from_secs(2));
        assert_eq!(answer(data.path()), "Before the signal", "{signal}");
        let screen = pane.screen();
        assert!(
            !screen.contains("Question 1 of 2"),
            "{signal}: the tutor's screen is gone (alternate screen left):\n{screen}"
        );
    }
}

/// Saving has been failing (NOT SAVED) when SIGTERM or SIGHUP arrives: the
/// text goes to a private fallback file, named on the terminal, and the
/// next start puts it back in the journal.
// LD_PRELOAD: Linux only.
#[cfg(target_os = "linux")]
#[test]
fn a_signal_while_saves_fail_keeps_the_text_in_a_fallback_file_offered_back_next_time() {
    let _serial = one_at_a_time();
    if !tmux_available("this fault-injection test") {
        return;
    }
    let tools = tempfile::tempdir().unwrap();
    let Some(injector) = fault_injector(tools.path()) else {
        return;
    };
    for signal in ["TERM", "HUP"] {
        let data = tempfile::tempdir().unwrap();
        let state = tempfile::tempdir().unwrap();
        welcomed(data.path());
        let full = data.path().join("disk-is-full");
        let env = format!(
            "LD_PRELOAD='{}' FAULTFS_AT=write FAULTFS_SWITCH='{}' FAULTFS_TARGET='{}' XDG_STATE_HOME='{}'",
            injector.display(),
            full.display(),
            data.path().join("journal").display(),
            state.path().display()
        );
        let pane = Pane::start_with("fallback", data.path(), "", &env, "read desistance-assessing");
        at_first_question(&pane);
        pane.type_text("Saved first.");
        pane.keys(&["C-s"]);
        pane.wait_for("saved");
        std::fs::write(&full, b"").unwrap();
        pane.type_text(" Only in the fallback.");
        pane.keys(&["C-s"]);
        pane.wait_for("NOT SAVED");
        pane.signal(signal);
        let (status, _) = pane.exit_status();
        assert_eq!(status, if signal == "TERM" { 143 } else { 129 });
        assert_eq!(
            answer(data.path()),
            "Saved first.",
            "{signal}: the journal is as last saved"
        );
        // In the user's own state folder, which outlives a logout and a reboot.
        let kept: Vec<PathBuf> = std::fs::read_dir(state.path().join("casebook"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        assert_eq!(kept.len(), 1, "{signal}: one fallback file: {kept:?}");
        let text = std::fs::read_to_string(&kept[0]).unwrap();
        assert!(text.contains("Saved first. Only in the fallback."), "{text}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&kept[0]).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{signal}: private");
            let folder = std::fs::metadata(state.path().join("casebook"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(folder, 0o700, "{signal}: in a private folder");
        }
        if signal == "TERM" {
            let screen = pane.screen();
            let name = kept[0].file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                screen.replace('\n', "").contains(&name),
                "{signal}: says where:\n{screen}"
            );
        }

        // The disk has room again: the next start puts the text back.
        std::fs::remove_file(&full).unwrap();
        let again = Pane::start_with("fallback2", data.path(), "", &env, "read desistance-assessing");
        again.wait_for("could not be saved last time is back");
        assert_eq!(answer(data.path()), "Saved first. Only in the fallback.");
        // The answer box opened again holds the text taken back (taken back
        // after the first frame, it must not keep the older text it opened
        // with, which leaving would save over it).
        again.wait_for("Saved first. Only in the fallback.");
        assert!(
            !kept[0].exists(),
            "{signal}: the fallback file goes once the text is back"
        );
        again.keys(&["C-c"]);
        let _ = again.exit_status();
        assert_eq!(
            answer(data.path()),
            "Saved first. Only in the fallback.",
            "{signal}: leaving keeps the text taken back"
        );
    }
}

/// Plain mode saves what was typed, half an answer included, on SIGINT
/// (Ctrl-C), SIGHUP and SIGTERM, and says so; the next run offers it back.
#[cfg(unix)]
#[test]
fn plain_mode_saves_the_answer_being_typed_when_interrupted() {
    use std::io::{Read, Write};
    for (signal, code) in [("INT", 130), ("HUP", 129), ("TERM", 143)] {
        let data = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_casebook"))
            .args(["read", "desistance-assessing", "--plain"])
            .env("CASEBOOK_DATA_DIR", data.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(b"A finished answer.\n.\nHalf of a second\nthought")
            .unwrap();
        stdin.write_all(b" still going\n").unwrap();
        stdin.flush().unwrap();
        // The lines are read as they come; give it a moment to read them.
        let start = Instant::now();
        while !journal_path(data.path(), "desistance-assessing").exists() && start.elapsed() < Duration::from_secs(5) {
            sleep(Duration::from_millis(20));
        }
        sleep(Duration::from_millis(300));
        Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        let mut stderr = String::new();
        child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        assert_eq!(
            std::os::unix::process::ExitStatusExt::into_raw(status) >> 8,
            code,
            "{signal}: {stderr}"
        );
        if signal != "HUP" {
            assert!(stderr.contains(casebook::text::PLAIN_INTERRUPTED), "{signal}: {stderr}");
        }
        let journal = parse(&journal_path(data.path(), "desistance-assessing"));
        assert_eq!(journal.reflections["stood-out"].text, "A finished answer.");
        assert_eq!(
            journal.reflections["develop-assessing"].text, "Half of a second\nthought still going",
            "{signal}"
        );
        drop(stdin);
        let again = casebook_with_input(
            data.path(),
            &["read", "desistance-assessing", "--plain"],
            ".\n.\n.\n",
            &[],
        );
        assert!(String::from_utf8_lossy(&again.stdout).contains("thought still going"));
    }
}

#[test]
fn a_panic_restores_the_terminal_saves_drafts_and_exits_101() {
    if !cfg!(debug_assertions) {
        eprintln!(
            "SKIPPED: the F12 panic switch works only in a debug build (tests/hostile.rs checks release ignores it)"
        );
        return;
    }
    a_panic_saves_drafts_and_exits_101(Path::new(env!("CARGO_BIN_EXE_casebook")));
}

/// The release build aborts on a panic rather than unwinding (`panic =
/// "abort"`): its panic hook must still restore the terminal, save the
/// drafts and exit with 101. Run against a release build made with the F12
/// switch built in (`CASEBOOK_BUILD_FAULT_SWITCH=1 cargo build --release`),
/// named by `CASEBOOK_RELEASE_FAULT_BINARY`, as `.ci/run` does.
#[test]
fn a_panic_in_the_release_build_restores_saves_and_exits_101() {
    let Some(binary) = std::env::var_os("CASEBOOK_RELEASE_FAULT_BINARY") else {
        eprintln!(
            "SKIPPED: no release build with the F12 switch named by CASEBOOK_RELEASE_FAULT_BINARY (.ci/run makes one)"
        );
        return;
    };
    let binary = Path::new(&binary);
    assert!(
        binary.is_file(),
        "CASEBOOK_RELEASE_FAULT_BINARY names no file: {}",
        binary.display()
    );
    a_panic_saves_drafts_and_exits_101(binary);
}

fn a_panic_saves_drafts_and_exits_101(binary: &Path) {
    let _serial = one_at_a_time();
    if !tmux_available("this fault-injection test") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    welcomed(data.path());
    let pane = Pane::start_binary(
        binary,
        "panic",
        data.path(),
        "",
        "CASEBOOK_FAULT_PANIC_ON_F12=1",
        "read desistance-assessing",
    );
    at_first_question(&pane);
    pane.type_text("Words before the crash");
    pane.wait_for("before the crash");
    pane.keys(&["F12"]);
    let (status, _) = pane.exit_status();
    assert_eq!(status, 101);
    assert_eq!(answer(data.path()), "Words before the crash");
    let screen: String = pane.screen().lines().collect();
    assert!(screen.contains("reflections were saved in"), "{screen}");
    assert!(
        !screen.contains("Words before the crash"),
        "the message never repeats what the learner wrote"
    );
}

#[cfg(unix)]
#[test]
fn sigkill_while_typing_keeps_everything_up_to_the_last_autosave() {
    let _serial = one_at_a_time();
    if !tmux_available("this fault-injection test") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    welcomed(data.path());
    let pane = Pane::start("kill", data.path(), "read desistance-assessing");
    at_first_question(&pane);
    pane.type_text("Autosaved part.");
    let path = journal_path(data.path(), "desistance-assessing");
    let start = Instant::now();
    while !std::fs::read_to_string(&path).is_ok_and(|text| text.contains("Autosaved part.")) {
        assert!(start.elapsed() < Duration::from_secs(5), "autosave within seconds");
        sleep(Duration::from_millis(100));
    }
    pane.type_text(" Lost in the last second.");
    pane.signal("KILL");
    let _ = pane.exit_status();
    let text = answer(data.path());
    assert!(text.starts_with("Autosaved part."), "{text}");

    // Relaunch: the text is back in the editor, at the same question, and
    // the learner is told why.
    let again = Pane::start("kill2", data.path(), "read desistance-assessing");
    let screen = again.wait_for("Question 1 of 2");
    assert!(screen.contains("Autosaved part."), "{screen}");
    assert!(screen.contains("was not closed normally"), "{screen}");

    // After an ordinary quit, the next start says nothing of the kind.
    again.keys(&["C-c"]);
    assert_eq!(again.exit_status().0, 0);
    let third = Pane::start("kill3", data.path(), "read desistance-assessing");
    let screen = third.wait_for("Question 1 of 2");
    assert!(!screen.contains("was not closed normally"), "{screen}");
    third.keys(&["C-c"]);
}

#[test]
fn a_second_casebook_on_the_same_folder_is_refused_and_a_stale_lock_is_taken_over() {
    let _serial = one_at_a_time();
    if !tmux_available("this fault-injection test") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    welcomed(data.path());
    let first = Pane::start("lock", data.path(), "");
    first.wait_for("Enter open");
    let second = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["read", "desistance-assessing", "--plain"])
        .env("CASEBOOK_DATA_DIR", data.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(4));
    let message = String::from_utf8_lossy(&second.stderr);
    assert!(message.contains(&format!("process {}", first.pid())), "{message}");
    assert!(
        !journal_path(data.path(), "desistance-assessing").exists(),
        "the second wrote nothing"
    );

    first.signal("KILL");
    let _ = first.exit_status();
    assert!(
        data.path().join("casebook.lock").exists(),
        "a stale lock file is left behind"
    );
    let third = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["read", "desistance-assessing", "--plain"])
        .env("CASEBOOK_DATA_DIR", data.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(third.status.success(), "{}", String::from_utf8_lossy(&third.stderr));
}

#[cfg(unix)]
#[test]
fn a_size_limit_at_save_shows_not_saved_and_leaves_the_old_file_intact() {
    let _serial = one_at_a_time();
    if !tmux_available("this fault-injection test") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    welcomed(data.path());
    let journal = journal_path(data.path(), "desistance-assessing");
    std::fs::create_dir_all(journal.parent().unwrap()).unwrap();
    write_started_journal(&journal);
    // A 1 KB file size limit: casebook itself must keep SIGXFSZ from killing it.
    let pane = Pane::start_with("full", data.path(), "ulimit -f 2;", "", "read desistance-assessing");
    at_first_question(&pane);
    sleep(Duration::from_millis(300));
    // The small saves on the way fit; this is the last good version.
    let old = std::fs::read_to_string(&journal).unwrap();
    pane.type_text(&"A long reflection that will not fit. ".repeat(60));
    // All of it in the box first, so the failure seen is Ctrl-S's.
    pane.wait_for("420 words");
    pane.keys(&["C-s"]);
    let screen = pane.wait_for("NOT SAVED");
    assert!(screen.contains("desistance-assessing.ron"), "names the file:\n{screen}");
    assert_eq!(
        std::fs::read_to_string(&journal).unwrap(),
        old,
        "the old file is intact"
    );
    let _ = parse(&journal);
    let leftovers: Vec<_> = std::fs::read_dir(journal.parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no partial temporary file left: {leftovers:?}");
    pane.keys(&["C-c"]);
    let screen = pane.wait_for("has not quit");
    assert!(screen.contains("NOT SAVED"), "{screen}");
}

#[cfg(unix)]
#[test]
fn files_are_private_whatever_the_umask() {
    let data = tempfile::tempdir().unwrap();
    let home = data.path().join("casebook-data");
    let status = Command::new("sh")
        .args([
            "-c",
            &format!(
                "umask 000; printf 'x\\n.\\n' | exec {} read desistance-assessing --plain >/dev/null",
                env!("CARGO_BIN_EXE_casebook")
            ),
        ])
        .env("CASEBOOK_DATA_DIR", &home)
        .status()
        .unwrap();
    assert!(status.success());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&home), 0o700);
        assert_eq!(mode(&home.join("journal")), 0o700);
        assert_eq!(mode(&home.join("journal/hmip-youth-2021")), 0o700);
        assert_eq!(mode(&journal_path(&home, "desistance-assessing")), 0o600);
        assert_eq!(mode(&home.join("casebook.lock")), 0o600);
    }
}

#[test]
fn stray_temporary_files_from_a_killed_save_are_swept_at_start() {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("journal/hmip-youth-2021");
    std::fs::create_dir_all(&folder).unwrap();
    let stray = folder.join(".casebook-tmp-desistance-assessing.ron-Ab12Cd34");
    std::fs::write(&stray, "half a journ").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["read", "introduction", "--plain"])
        .env("CASEBOOK_DATA_DIR", data.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(!stray.exists());
}

/// Damaged journals of each kind: reported with path and position, and
/// their bytes never change.
#[test]
fn damaged_journals_are_reported_and_never_touched() {
    let newer = format!(
        "written by a newer casebook (file version 99; this casebook reads up to {})",
        casebook::journal::SCHEMA
    );
    let cases: [(&str, &[u8], &str); 6] = [
        (
            "truncated",
            b"(schema: 1, course: \"hmip-youth-2021\", module: \"desist",
            "1:",
        ),
        (
            "hand-edited",
            b"(schema: 1, course: \"hmip-youth-2021\", module: \"desistance-assessing\", colour: 3)\n",
            "1:",
        ),
        ("not-utf8", b"(schema: 1, course: \"\xff\xfe\")", "1:"),
        ("garbage", b"\x00\x01\x02 not ron at all", "1:"),
        (
            "newer",
            b"(schema: 99, course: \"hmip-youth-2021\", module: \"desistance-assessing\", future: true)\n",
            &newer,
        ),
        (
            "newer, naming its casebook",
            b"(schema: 99, written_by: \"casebook 9.1.0\", course: \"hmip-youth-2021\", future: true)\n",
            "written by casebook 9.1.0 (file version 99",
        ),
    ];
    for (name, bytes, expected) in cases {
        let data = tempfile::tempdir().unwrap();
        let journal = journal_path(data.path(), "desistance-assessing");
        std::fs::create_dir_all(journal.parent().unwrap()).unwrap();
        std::fs::write(&journal, bytes).unwrap();
        let list = Command::new(env!("CARGO_BIN_EXE_casebook"))
            .arg("list")
            .env("CASEBOOK_DATA_DIR", data.path())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&list.stdout);
        // The row says it cannot be read; the lines under it say why.
        let mut lines = text.lines().skip_while(|line| !line.contains("desistance-assessing"));
        let row = lines.next().unwrap();
        assert!(row.contains("cannot be read"), "{name}: {row}");
        let line: String = lines.take_while(|line| line.starts_with("      ")).collect();
        assert!(line.contains("desistance-assessing.ron"), "{name}: {line}");
        assert!(line.contains(expected), "{name}: {line}");
        let plain = Command::new(env!("CARGO_BIN_EXE_casebook"))
            .args(["read", "desistance-assessing", "--plain"])
            .env("CASEBOOK_DATA_DIR", data.path())
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(!plain.status.success(), "{name}: plain mode refuses to write over it");
        assert!(
            String::from_utf8_lossy(&plain.stderr).contains("desistance-assessing.ron"),
            "{name}"
        );
        assert_eq!(
            std::fs::read(&journal).unwrap(),
            bytes,
            "{name}: the file's bytes are unchanged"
        );
    }
}

#[test]
fn setting_a_damaged_journal_aside_keeps_its_bytes_under_a_new_name() {
    use casebook::store::{FileStore, Store};
    let data = tempfile::tempdir().unwrap();
    let journal = journal_path(data.path(), "desistance-assessing");
    std::fs::create_dir_all(journal.parent().unwrap()).unwrap();
    let bytes = b"(schema: 1, course: \"\xff half";
    std::fs::write(&journal, bytes).unwrap();
    let mut store = FileStore::new(casebook::folder::DataPaths::at(data.path()));
    assert!(store.load_module("hmip-youth-2021", "desistance-assessing").is_err());
    let now = jiff::Timestamp::from_second(1_795_000_000).unwrap();
    let aside = store.set_aside("hmip-youth-2021", "desistance-assessing", now).unwrap();
    assert!(!journal.exists());
    assert_eq!(std::fs::read(&aside).unwrap(), bytes);
    assert!(
        aside
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("desistance-assessing.ron.set-aside-2026")
    );
    assert_eq!(
        store.load_module("hmip-youth-2021", "desistance-assessing").unwrap(),
        None,
        "afresh"
    );
}

/// A journal from the casebook before CPD drafts (schema 4) loads with no
/// draft, is saved as schema 5 (a copy of the old file kept), and a draft
/// then round-trips through the file exactly.
#[test]
fn a_schema_4_journal_loads_and_saves_as_schema_5_with_no_cpd_draft() {
    use casebook::journal::CpdDraft;
    use casebook::store::{FileStore, Store};
    let data = tempfile::tempdir().unwrap();
    let journal = journal_path(data.path(), "desistance-assessing");
    std::fs::create_dir_all(journal.parent().unwrap()).unwrap();
    let older = "(schema: 4, written_by: \"casebook 0.0.9\", course: \"hmip-youth-2021\", \
                 module: \"desistance-assessing\", reflections: {\"stood-out\": (question: \"Q\", \
                 text: \"Rewritten.\", created: \"2026-11-20T09:00:00Z\", updated: \"2026-11-21T09:00:00Z\", \
                 reviewed: [(text: \"First.\", date: \"2026-11-20\", reviewer: \"Alex\")])}, \
                 sections_read: [0, 1], active_seconds: 600)\n";
    std::fs::write(&journal, older).unwrap();
    let mut store = FileStore::new(casebook::folder::DataPaths::at(data.path()));
    let loaded = store
        .load_module("hmip-youth-2021", "desistance-assessing")
        .unwrap()
        .unwrap();
    assert_eq!(loaded.schema, 5);
    assert_eq!(loaded.cpd_draft, None);
    assert_eq!(loaded.reflections["stood-out"].reviewed[0].text, "First.");
    assert_eq!(
        std::fs::read_to_string(&journal).unwrap(),
        older,
        "reading never writes"
    );

    store.save_module(&loaded).unwrap();
    let saved = std::fs::read_to_string(&journal).unwrap();
    assert!(saved.contains("schema: 5"), "{saved}");
    assert!(!saved.contains("cpd_draft"), "no draft, no field: {saved}");
    let written = ModuleJournal {
        written_by: casebook::journal::WRITTEN_BY.to_owned(),
        ..loaded.clone()
    };
    assert_eq!(parse(&journal), written, "everything else as it was");
    let copy = journal.with_file_name("desistance-assessing.ron.schema-4.bak");
    assert_eq!(std::fs::read_to_string(copy).unwrap(), older);

    let mut drafted = loaded.clone();
    let draft = CpdDraft {
        learning: "Line one,\n  \"quoted\" — ünïcödé ".into(),
        impact: String::new(),
        peer_reflection: "Sam said so.".into(),
    };
    assert!(drafted.set_cpd_draft(draft.clone()));
    store.save_module(&drafted).unwrap();
    let reloaded = store
        .load_module("hmip-youth-2021", "desistance-assessing")
        .unwrap()
        .unwrap();
    assert_eq!(reloaded.cpd_draft, Some(draft));
}

/// Kills casebook at random moments while it saves, many times over: the
/// journal always parses and is either the old or the new version, and the
/// next start leaves no temporary file behind.
#[test]
fn many_kills_during_saves_never_leave_a_broken_journal() {
    let data = tempfile::tempdir().unwrap();
    let path = journal_path(data.path(), "desistance-assessing");
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut versions: Vec<String> = vec![String::new()];
    let mut saved_rounds = 0;
    for round in 0..25u64 {
        let answer = format!("Round {round}: {}", "a long reflection line. ".repeat(2000));
        let mut child = Command::new(env!("CARGO_BIN_EXE_casebook"))
            .args(["read", "desistance-assessing", "--plain"])
            .env("CASEBOOK_DATA_DIR", data.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().unwrap();
            let _ = stdin.write_all(format!("{answer}\n.\n").as_bytes());
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // From "before the first write" to "long after the last".
        sleep(Duration::from_micros(seed % 150_000));
        let _ = child.kill();
        let _ = child.wait();
        versions.push(answer);
        if path.exists() {
            let text = parse(&path)
                .reflections
                .get("stood-out")
                .map(|r| r.text.clone())
                .unwrap_or_default();
            assert!(
                versions.contains(&text),
                "round {round}: the journal is an old or the new version"
            );
            if versions.last() == Some(&text) {
                saved_rounds += 1;
            }
        }
    }
    assert!(saved_rounds > 0, "some rounds got as far as saving");
    // The next start sweeps any temporary file a kill left behind.
    let status = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["read", "introduction", "--plain"])
        .env("CASEBOOK_DATA_DIR", data.path())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|name| !name.starts_with('.')),
        "no temporary files: {names:?}"
    );
}

/// A journal written by the first casebook (schema 1) is read as it is,
/// and before it is first written over in the new schema a byte-for-byte
/// copy is kept beside it; a copy already there is never replaced.
#[test]
fn an_older_journal_is_migrated_and_a_copy_of_the_old_file_kept() {
    let fixture = Path::new("tests/fixtures/journals/schema-1/journal/hmip-youth-2021/child-safety-planning.ron");
    let original = std::fs::read(fixture).unwrap();
    let older = parse(fixture);
    let data = tempfile::tempdir().unwrap();
    let journal = journal_path(data.path(), "child-safety-planning");
    let backup = journal.with_file_name("child-safety-planning.ron.schema-1.bak");
    std::fs::create_dir_all(journal.parent().unwrap()).unwrap();
    std::fs::write(&journal, &original).unwrap();
    let casebook = |args: &[&str], input: &str| {
        let output = casebook_with_input(data.path(), args, input, &[]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    };

    // Reading never writes: list shows its progress, the file is untouched.
    let list = casebook(&["list"], "");
    let row = list
        .lines()
        .find(|line| line.contains("child-safety-planning"))
        .unwrap();
    // Its third question was never answered or skipped, so it is not complete
    // whatever the old file's `completed` says.
    assert!(
        row.contains("in progress: 5/5 read, 1/3 answered, 1 skipped") && row.contains("25 min"),
        "{row}"
    );
    assert_eq!(std::fs::read(&journal).unwrap(), original);
    assert!(!backup.exists());

    // The first save keeps the old file, then writes the new schema.
    casebook(
        &["read", "child-safety-planning", "--plain"],
        ".\n.\nA third answer.\n.\n",
    );
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        original,
        "the copy is the old file, byte for byte"
    );
    let migrated = parse(&journal);
    assert_eq!(migrated.schema, casebook::journal::SCHEMA);
    assert_eq!(migrated.written_by, casebook::journal::WRITTEN_BY);
    assert_eq!(migrated.reflections["stood-out"], older.reflections["stood-out"]);
    assert_eq!(migrated.reflections["develop-planning"].text, "A third answer.");
    assert_eq!(migrated.action_point, older.action_point);
    assert_eq!(migrated.days, older.days);
    assert_eq!(migrated.active_seconds, older.active_seconds);
    assert_eq!(migrated.first_studied, older.first_studied);

    // Later saves leave the copy alone, and so does a second migration.
    std::fs::write(&journal, &original).unwrap();
    std::fs::write(&backup, b"an even older copy").unwrap();
    casebook(&["read", "child-safety-planning", "--plain"], ".\n.\n.\n");
    assert_eq!(std::fs::read(&backup).unwrap(), b"an even older copy");
    assert_eq!(parse(&journal).schema, casebook::journal::SCHEMA);
}

/// Builds the LD_PRELOAD fault injector (`tests/fixtures/faultfs.c`), or
/// says plainly why the test that needs it is skipped.
#[cfg(target_os = "linux")]
fn fault_injector(folder: &Path) -> Option<PathBuf> {
    let library = folder.join("libfaultfs.so");
    let built = Command::new("cc")
        .args(["-shared", "-fPIC", "-o"])
        .arg(&library)
        .arg("tests/fixtures/faultfs.c")
        .arg("-ldl")
        .status()
        .is_ok_and(|status| status.success());
    if !built {
        common::skipped_without(
            "cc",
            "no C compiler (cc) built the full-disk fault injector; install gcc to run this test",
        );
        return None;
    }
    Some(library)
}

/// A disk that fills up while the learner types, failing the save at the
/// write, at the sync or at the rename: NOT SAVED with the reason and path,
/// the old file intact, no temporary file left behind; once there is room
/// again, the retry saves the text without the learner doing anything.
// LD_PRELOAD: Linux only.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_at_write_sync_or_rename_keeps_the_old_file_and_a_later_save_succeeds() {
    let _serial = one_at_a_time();
    if !tmux_available("this fault-injection test") {
        return;
    }
    let tools = tempfile::tempdir().unwrap();
    let Some(injector) = fault_injector(tools.path()) else {
        return;
    };
    for at in ["write", "sync", "rename"] {
        let data = tempfile::tempdir().unwrap();
        welcomed(data.path());
        let journal = journal_path(data.path(), "desistance-assessing");
        let full = data.path().join("disk-is-full");
        let env = format!(
            "LD_PRELOAD='{}' FAULTFS_AT={at} FAULTFS_SWITCH='{}' FAULTFS_TARGET='{}'",
            injector.display(),
            full.display(),
            data.path().join("journal").display()
        );
        let pane = Pane::start_with(
            &format!("enospc-{at}"),
            data.path(),
            "",
            &env,
            "read desistance-assessing",
        );
        at_first_question(&pane);
        pane.type_text("Written before the disk filled.");
        pane.keys(&["C-s"]);
        pane.wait_for("saved");
        let old = std::fs::read(&journal).unwrap();
        assert!(String::from_utf8_lossy(&old).contains("Written before the disk filled."));

        std::fs::write(&full, b"").unwrap();
        pane.type_text(" Written while it was full.");
        pane.keys(&["C-s"]);
        let screen = pane.wait_for("NOT SAVED");
        assert!(screen.contains("No space left on device"), "{at}: says why:\n{screen}");
        assert!(
            screen.contains("desistance-assessing.ron"),
            "{at}: names the file:\n{screen}"
        );
        assert_eq!(std::fs::read(&journal).unwrap(), old, "{at}: the old file is intact");
        let names: Vec<_> = std::fs::read_dir(journal.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["desistance-assessing.ron"], "{at}: no temporary file left");

        // Room again: the retry, with nothing pressed, writes the text.
        std::fs::remove_file(&full).unwrap();
        let start = Instant::now();
        while !answer(data.path()).ends_with("Written while it was full.") {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "{at}: the retry did not save:\n{}",
                pane.screen()
            );
            sleep(Duration::from_millis(100));
        }
        assert_eq!(
            answer(data.path()),
            "Written before the disk filled. Written while it was full."
        );
        pane.wait_for("· saved");
        assert!(!pane.screen().contains("NOT SAVED"), "{at}: the alarm clears");
        pane.keys(&["C-c"]);
        assert_eq!(pane.exit_status().0, 0, "{at}: quits normally once saved");
    }
}

/// A file-size limit kills a process at its first write past it (SIGXFSZ)
/// unless it is caught: export and plain mode must say so, keep the text
/// and leave no hidden partial file.
#[cfg(unix)]
#[test]
fn a_file_size_limit_never_kills_export_or_plain_mode() {
    let data = tempfile::tempdir().unwrap();
    let long = "A long reflection that will not fit under the limit. ".repeat(60);
    let output = casebook_with_input(
        data.path(),
        &["read", "desistance-assessing", "--plain"],
        &format!("{long}\n.\n.\n.\n"),
        &[],
    );
    assert!(output.status.success());
    let out = tempfile::tempdir().unwrap();
    let log = out.path().join("log.md");
    let limited = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 1; exec '{}' export -o '{}'",
            env!("CARGO_BIN_EXE_casebook"),
            log.display()
        ))
        .env("CASEBOOK_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert_eq!(limited.status.code(), Some(3), "exits with the output code, not killed");
    let stderr = String::from_utf8_lossy(&limited.stderr);
    assert!(
        stderr.contains("too large") || stderr.contains("File too large"),
        "{stderr}"
    );
    let left: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "nothing left behind, hidden or not: {left:?}");

    let plain = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "printf 'More words.\\n.\\n' | (ulimit -f 1; exec '{}' read desistance-assessing --plain)",
            env!("CARGO_BIN_EXE_casebook")
        ))
        .env("CASEBOOK_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert_eq!(
        plain.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&plain.stderr)
    );
    let shown = String::from_utf8_lossy(&plain.stdout);
    assert!(shown.contains("NOT SAVED") || String::from_utf8_lossy(&plain.stderr).contains("NOT SAVED"));
    assert!(shown.contains("More words."), "the answer is printed, not lost");
}

/// Plain mode cannot wait for room on the disk once its input has ended:
/// it prints the answers it could not save and exits with the data-folder
/// code, so a script notices and the words are not lost.
// LD_PRELOAD: Linux only.
#[cfg(target_os = "linux")]
#[test]
fn plain_mode_on_a_full_disk_prints_the_answers_it_could_not_save() {
    let tools = tempfile::tempdir().unwrap();
    let Some(injector) = fault_injector(tools.path()) else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let full = data.path().join("disk-is-full");
    std::fs::write(&full, b"").unwrap();
    let target = data.path().join("journal");
    let output = casebook_with_input(
        data.path(),
        &["read", "desistance-assessing", "--plain"],
        "Words that must not vanish — café.\n.\n",
        &[
            ("LD_PRELOAD", injector.as_os_str()),
            ("FAULTFS_AT", "write".as_ref()),
            ("FAULTFS_SWITCH", full.as_os_str()),
            ("FAULTFS_TARGET", target.as_os_str()),
        ],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(
        stdout.contains("NOT SAVED") && stdout.contains("Words that must not vanish — café."),
        "{stdout}"
    );
    assert!(!stdout.contains("Saved."), "never claims a save that failed:\n{stdout}");
    assert!(
        stderr.contains("No space left on device") && stderr.contains("desistance-assessing.ron"),
        "{stderr}"
    );
}

/// The emergency save on a signal or a panic goes through the same store:
/// an older journal's copy is kept there too, and the file is stamped.
#[test]
fn an_emergency_save_also_keeps_the_older_copy() {
    let fixture = Path::new("tests/fixtures/journals/schema-1/journal/hmip-youth-2021/child-safety-planning.ron");
    let original = std::fs::read(fixture).unwrap();
    let data = tempfile::tempdir().unwrap();
    let journal = journal_path(data.path(), "child-safety-planning");
    std::fs::create_dir_all(journal.parent().unwrap()).unwrap();
    std::fs::write(&journal, &original).unwrap();
    let mut draft = parse(&journal);
    draft
        .reflections
        .get_mut("stood-out")
        .unwrap()
        .text
        .push_str(" Typed just before the link dropped.");
    let snapshot = casebook::rescue::Snapshot::default();
    snapshot.replace(vec![draft]);
    let paths = casebook::folder::DataPaths::resolve(Some(data.path().to_path_buf())).unwrap();
    assert_eq!(snapshot.save_all(&paths), casebook::rescue::Rescued::Saved);
    assert_eq!(
        std::fs::read(journal.with_file_name("child-safety-planning.ron.schema-1.bak")).unwrap(),
        original
    );
    let saved = parse(&journal);
    assert_eq!(saved.written_by, casebook::journal::WRITTEN_BY);
    assert!(
        saved.reflections["stood-out"]
            .text
            .ends_with("Typed just before the link dropped.")
    );
}

/// Loading a course's journals at once gives what loading each would: the
/// saved ones, the damaged ones as errors, the rest as not started, and a
/// journal folder that cannot be listed as each module's own error.
#[test]
fn journals_loaded_together_match_journals_loaded_one_by_one() {
    use casebook::store::{FileStore, Store};
    let data = tempfile::tempdir().unwrap();
    let saved = journal_path(data.path(), "desistance-assessing");
    std::fs::create_dir_all(saved.parent().unwrap()).unwrap();
    write_started_journal(&saved);
    std::fs::write(journal_path(data.path(), "desistance-planning"), "(schema: 2, cou").unwrap();
    let store = FileStore::new(casebook::folder::DataPaths::at(data.path()));
    let modules = ["desistance-assessing", "desistance-planning", "desistance-reviewing"];
    let shown = |results: Vec<_>| -> Vec<String> { results.iter().map(|result| format!("{result:?}")).collect() };
    let one_by_one = |store: &FileStore| {
        shown(
            modules
                .iter()
                .map(|module| store.load_module("hmip-youth-2021", module))
                .collect(),
        )
    };
    let together = |store: &FileStore| shown(store.load_modules("hmip-youth-2021", &modules));
    let loaded = together(&store);
    assert_eq!(loaded, one_by_one(&store));
    assert!(loaded[0].starts_with("Ok(Some(") && loaded[1].starts_with("Err(") && loaded[2] == "Ok(None)");

    // A file where the course's folder should be: every module says so.
    let blocked = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(blocked.path().join("journal")).unwrap();
    std::fs::write(blocked.path().join("journal/hmip-youth-2021"), "not a folder").unwrap();
    let store = FileStore::new(casebook::folder::DataPaths::at(blocked.path()));
    let loaded = together(&store);
    assert_eq!(loaded, one_by_one(&store));
    assert!(loaded.iter().all(|result| result.starts_with("Err(")), "{loaded:?}");
}

/// Piped answers are written at most once a second; if the output then
/// fails (the reader of a pipe goes away), the answers already read are
/// still saved, and none was called "Saved." before it was.
#[test]
fn plain_mode_saves_what_it_read_when_its_output_goes_away() {
    use std::io::{BufRead, BufReader, Write};
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["read", "public-safety-reviewing", "--plain"])
        .env("CASEBOOK_DATA_DIR", data.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdin
        .write_all(b"Answer one.\n.\nAnswer two.\n.\nAnswer three.\n.\n")
        .unwrap();
    stdin.flush().unwrap();
    let mut outcomes = Vec::new();
    let mut line = String::new();
    while outcomes.len() < 3 {
        line.clear();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "output ended early");
        if line.starts_with("Saved") || line.starts_with("Recorded") {
            outcomes.push(line.trim().to_owned());
        }
    }
    drop(stdout);
    let _ = stdin.write_all(b"Answer four.\n.\nAnswer five.\n.\n");
    drop(stdin);
    let status = child.wait().unwrap();
    assert!(!status.success(), "the broken output is an error");
    let journal = parse(&journal_path(data.path(), "public-safety-reviewing"));
    let texts: Vec<&str> = journal
        .reflections
        .values()
        .map(|reflection| reflection.text.as_str())
        .collect();
    for answer in ["Answer one.", "Answer two.", "Answer three."] {
        assert!(texts.contains(&answer), "{answer} kept: {texts:?} ({outcomes:?})");
    }
    assert_eq!(outcomes[0], "Saved.", "the first answer is written at once");
}
