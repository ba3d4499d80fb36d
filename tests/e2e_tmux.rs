//! End to end: the real binary in tmux, as a learner uses it. Skipped,
//! with the reason printed, where tmux is not installed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Pane, one_at_a_time, tmux_available};

use std::thread::sleep;
use std::time::{Duration, Instant};

#[test]
fn type_a_reflection_quit_relaunch_and_find_it_where_it_was_left() {
    let _serial = one_at_a_time();
    if !tmux_available("the end-to-end terminal tests") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let first = Pane::start("resume", data.path(), "read desistance-assessing");
    first.wait_for("Welcome to casebook");
    // The welcome done, the module asked for opens.
    first.keys(&["Escape"]);
    first.wait_for("What we expect");
    first.keys(&["l", "l", "l"]);
    first.wait_for("Take-aways: applying the learning");
    first.keys(&["l"]);
    first.wait_for("Question 1 of 2");
    first.type_text("Café naïve — 日本語 ✓ the employer");
    first.wait_for("the employer");
    first.keys(&["C-c"]);
    let _ = first.exit_status();

    let second = Pane::start("resume2", data.path(), "read desistance-assessing");
    let screen = second.wait_for("Question 1 of 2");
    assert!(
        screen.contains("Café naïve — 日本語 ✓ the employer"),
        "the draft is back in the editor:\n{screen}"
    );
    assert!(
        screen.contains("Take-aways: applying the learning"),
        "at the same section:\n{screen}"
    );
    second.type_text(", and his mum.");
    second.wait_for("his mum.");
    second.keys(&["Escape"]);
    second.keys(&["q"]);
    second.wait_for("Enter open");
    second.keys(&["q"]);
    let _ = second.exit_status();

    let journal =
        std::fs::read_to_string(data.path().join("journal/hmip-youth-2021/desistance-assessing.ron")).unwrap();
    assert!(
        journal.contains("Café naïve — 日本語 ✓ the employer, and his mum."),
        "{journal}"
    );
}

#[test]
fn a_draft_is_saved_within_seconds_without_leaving_the_editor() {
    let _serial = one_at_a_time();
    if !tmux_available("the end-to-end terminal tests") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("profile.ron"), "(schema: 1, welcomed: true)\n").unwrap();
    let session = Pane::start("autosave", data.path(), "read desistance-assessing");
    session.wait_for("What we expect");
    session.keys(&["l", "l", "l", "l"]);
    session.wait_for("Question 1 of 2");
    session.type_text("Saved while I pause");
    session.wait_for("saved");
    let path = data.path().join("journal/hmip-youth-2021/desistance-assessing.ron");
    let start = Instant::now();
    loop {
        if std::fs::read_to_string(&path).is_ok_and(|journal| journal.contains("Saved while I pause")) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the draft reached the disk within a few seconds"
        );
        sleep(Duration::from_millis(100));
    }
}

/// Fault 1: a module whose question was last selected (its editor closed)
/// reopened in the editor, so q, n and j went into the saved answer.
#[test]
fn reopening_after_an_answer_is_in_reading_mode_and_keys_do_not_type() {
    let _serial = one_at_a_time();
    if !tmux_available("the end-to-end terminal tests") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("profile.ron"), "(schema: 1, welcomed: true)\n").unwrap();
    let first = Pane::start("reopen", data.path(), "read desistance-assessing");
    first.wait_for("What we expect");
    first.keys(&["l", "l", "l", "l"]);
    first.wait_for("Question 1 of 2");
    first.type_text("My first answer.");
    first.wait_for("My first answer.");
    first.keys(&["Escape"]);
    first.wait_for("Enter write");
    first.keys(&["q"]);
    first.wait_for("Enter open");
    first.keys(&["q"]);
    let _ = first.exit_status();

    let second = Pane::start("reopen2", data.path(), "read desistance-assessing");
    let screen = second.wait_for("Enter write");
    assert!(screen.contains("My first answer."), "{screen}");
    second.keys(&["j", "k", "n"]);
    second.keys(&["Escape"]);
    second.keys(&["q"]);
    second.wait_for("Enter open");
    second.keys(&["q"]);
    let _ = second.exit_status();
    let journal =
        std::fs::read_to_string(data.path().join("journal/hmip-youth-2021/desistance-assessing.ron")).unwrap();
    assert!(journal.contains("text: \"My first answer.\""), "{journal}");
}

fn journal_text(data: &std::path::Path) -> String {
    std::fs::read_to_string(data.join("journal/hmip-youth-2021/desistance-assessing.ron")).unwrap_or_default()
}

/// Issue 24, finding 7: in plain mode Ctrl-C threw away the line being
/// typed (the terminal drops it with the signal), although casebook said
/// that everything typed was saved.
#[test]
fn ctrl_c_in_plain_mode_keeps_the_line_being_typed() {
    let _serial = one_at_a_time();
    if !tmux_available("the end-to-end terminal tests") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let pane = Pane::start("plainctrlc", data.path(), "read desistance-assessing --plain");
    // Through the sections, a screenful at a time, to the first question.
    let start = Instant::now();
    while !pane.screen().contains("Type your answer") {
        assert!(start.elapsed() < Duration::from_secs(10), "{}", pane.screen());
        if pane.screen().contains("Press Enter") {
            pane.keys(&["Enter"]);
        }
        sleep(Duration::from_millis(100));
    }
    pane.type_text("A line ended with Enter");
    pane.keys(&["Enter"]);
    pane.type_text("and half of the next");
    pane.wait_for("and half of the next");
    pane.keys(&["C-c"]);
    let (status, _) = pane.exit_status();
    assert_eq!(status, 130, "{}", pane.screen());
    // The message as the learner reads it, its wrapped rows joined again.
    let screen = pane.screen().replace('\n', "");
    assert!(screen.contains("with the line you were typing"), "{screen}");
    let journal = journal_text(data.path());
    assert!(
        journal.contains("A line ended with Enter\\nand half of the next"),
        "{journal}"
    );
}

/// Issue 24, finding 8: a terminal that went away without a hang-up
/// signal reaching casebook left it spinning for ever at full speed, or
/// ending with SIGABRT (134). Now it notices, saves and ends with its own
/// exit code, 6.
#[cfg(target_os = "linux")]
#[test]
fn a_terminal_that_goes_away_without_a_hang_up_ends_with_exit_code_6_and_the_draft_saved() {
    let _serial = one_at_a_time();
    if !tmux_available("the end-to-end terminal tests") {
        return;
    }
    for (tag, typing) in [("deadidle", false), ("deadtyping", true)] {
        let data = tempfile::tempdir().unwrap();
        std::fs::write(data.path().join("profile.ron"), "(schema: 1, welcomed: true)\n").unwrap();
        let pane = Pane::start_without_hangup(tag, data.path(), "read desistance-assessing");
        pane.wait_for("What we expect");
        pane.keys(&["l", "l", "l", "l"]);
        pane.wait_for("Question 1 of 2");
        if typing {
            // Typed, and the window closed before the autosave.
            pane.type_text("Typed just before the window went");
            pane.wait_for("the window went");
        } else {
            pane.keys(&["Escape"]);
            pane.wait_for("Enter write");
        }
        pane.close();
        let (status, took) = pane.exit_status();
        assert_eq!(status, 6, "{tag}: casebook's own code for a terminal that went away");
        assert!(took < Duration::from_secs(5), "{tag}: noticed in {took:?}");
        if typing {
            let journal = journal_text(data.path());
            assert!(journal.contains("Typed just before the window went"), "{journal}");
        }
    }
}
