//! The supervisor's full-screen review through the real binary under tmux
//! at 80x24: the draft kept through Ctrl-C, SIGHUP and SIGKILL and offered
//! back, the learner's whole record on screen, and reading four
//! reflections in a few keys. Skipped, with the reason printed, where tmux
//! is missing (`.ci/run` installs it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::thread::sleep;
use std::time::Duration;

use serde_json::Value;

const ACTION_POINT: &str = "Bring the school into the next planning meeting by 12 January.";
/// Typed by the reviewer: punctuation, quotes, a pound sign and two lines.
const FIRST_COMMENT: &str = "Good start: \"who else\" could help? It costs £0 to ask.";
const FIRST_COMMENT_MORE: &str = "Say more about the school's part (50% of it).";
const SECOND_COMMENT: &str = "Half-way thought; with a semicolon & an ampersand";

fn private_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    folder
}

struct Desk {
    learner: tempfile::TempDir,
    reviewer: tempfile::TempDir,
    desk: tempfile::TempDir,
}

impl Desk {
    fn new() -> Desk {
        Desk {
            learner: private_folder(),
            reviewer: private_folder(),
            desk: tempfile::tempdir().unwrap(),
        }
    }

    fn learner_runs(&self, args: &[&str], input: &str) -> Output {
        let output = common::Launch::new(self.learner.path(), args)
            .in_folder(self.desk.path())
            .input(input)
            .run();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        output
    }

    /// The learner answers `module` in plain mode and exports a JSON log.
    fn log(&self, answers: &[(&str, &str)]) -> PathBuf {
        for (module, input) in answers {
            self.learner_runs(&["read", module, "--plain"], input);
        }
        self.learner_runs(&["export", "--format", "json", "-o", "log.json"], "");
        self.desk.path().join("log.json")
    }

    fn review_pane(&self, tag: &str, log: &Path) -> common::Pane {
        common::Pane::start(tag, self.reviewer.path(), &format!("review '{}'", log.display()))
    }

    fn drafts(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.reviewer.path().join("review-drafts"))
            .map(|entries| entries.filter_map(Result::ok).map(|entry| entry.path()).collect())
            .unwrap_or_default()
    }

    fn review(&self) -> Value {
        serde_json::from_slice(&std::fs::read(self.desk.path().join("log.review.json")).unwrap()).unwrap()
    }
}

/// A screen's words with all spacing taken out, to find a phrase however
/// the terminal wrapped it.
fn squeezed(screen: &str) -> String {
    screen.split_whitespace().collect()
}

/// Name and role, asked once, line by line, before the full screen.
fn introduce(pane: &common::Pane) {
    pane.wait_for("Your name");
    for line in ["Alex Reviewer", "Practice supervisor"] {
        pane.type_text(line);
        pane.keys(&["Enter"]);
    }
}

/// Into the first comment box, two lines typed, on to the second
/// reflection and half a comment typed there.
fn comment_half_way(pane: &common::Pane) {
    pane.wait_for("Reflection 1 of 2");
    pane.keys(&["Tab"]);
    pane.type_text(FIRST_COMMENT);
    pane.keys(&["Enter"]);
    pane.type_text(FIRST_COMMENT_MORE);
    pane.keys(&["Tab", "Right"]);
    pane.wait_for("Reflection 2 of 2");
    pane.keys(&["Tab"]);
    pane.type_text(SECOND_COMMENT);
}

/// Starts the review again: the draft is offered, carried on, and the
/// review written from it; every comment typed is in it as typed.
fn carry_on_and_write(desk: &Desk, log: &Path, tag: &str) {
    let pane = desk.review_pane(tag, log);
    let offer = pane.wait_for("A draft of this review is waiting");
    assert!(squeezed(&offer).contains("(2comments)"), "{offer}");
    pane.keys(&["Enter"]);
    let screen = pane.wait_for("Reflection 2 of 2");
    assert!(screen.contains(SECOND_COMMENT), "{screen}");
    // On through the pages about the whole log to the date, and write.
    pane.keys(&["Right", "Tab", "Right", "Tab", "Right", "Enter"]);
    let (status, _) = pane.exit_status();
    assert_eq!(status, 0, "{}", pane.screen());
    let review = desk.review();
    assert_eq!(
        review["comments"][0]["comment"],
        format!("{FIRST_COMMENT}\n{FIRST_COMMENT_MORE}"),
        "character for character"
    );
    assert_eq!(review["comments"][1]["comment"], SECOND_COMMENT);
    assert!(
        desk.drafts().is_empty(),
        "a written review clears its draft: {:?}",
        desk.drafts()
    );
}

fn two_reflections(desk: &Desk) -> PathBuf {
    desk.log(&[(
        "desistance-assessing",
        &format!("First reflection.\n.\nSecond reflection.\n.\n{ACTION_POINT}\n.\n"),
    )])
}

#[test]
fn ctrl_c_half_way_keeps_every_comment_and_the_next_review_offers_them() {
    if !common::tmux_available("the review draft test") {
        return;
    }
    let _serial = common::one_at_a_time();
    let desk = Desk::new();
    let log = two_reflections(&desk);
    let pane = desk.review_pane("draft-ctrl-c", &log);
    introduce(&pane);
    comment_half_way(&pane);
    pane.keys(&["C-c"]);
    let (status, _) = pane.exit_status();
    assert_eq!(status, 0, "leaving on purpose: {}", pane.screen());
    let said = squeezed(&pane.screen());
    assert!(said.contains("keptasadraftin"), "says where: {said}");
    assert!(said.contains("review-drafts"), "{said}");
    assert_eq!(desk.drafts().len(), 1);
    drop(pane);
    carry_on_and_write(&desk, &log, "draft-ctrl-c-again");
}

#[test]
fn a_dropped_connection_or_sigterm_keeps_every_comment_and_the_next_review_offers_them() {
    if !common::tmux_available("the review draft test") {
        return;
    }
    let _serial = common::one_at_a_time();
    for (signal, status) in [("HUP", 129), ("TERM", 143)] {
        let desk = Desk::new();
        let log = two_reflections(&desk);
        let pane = desk.review_pane(&format!("draft-{signal}"), &log);
        introduce(&pane);
        comment_half_way(&pane);
        // As soon as the last key is on screen, before a pause could save
        // it: the signal itself saves what was just typed.
        pane.wait_for(SECOND_COMMENT);
        pane.signal(signal);
        let (code, _) = pane.exit_status();
        assert_eq!(code, status, "{signal}: {}", pane.screen());
        drop(pane);
        carry_on_and_write(&desk, &log, &format!("draft-{signal}-again"));
    }
}

#[test]
fn killed_outright_the_last_autosave_is_offered() {
    if !common::tmux_available("the review draft test") {
        return;
    }
    let _serial = common::one_at_a_time();
    let desk = Desk::new();
    let log = two_reflections(&desk);
    let pane = desk.review_pane("draft-kill", &log);
    introduce(&pane);
    comment_half_way(&pane);
    // A pause in typing saves the draft a second or so later.
    pane.wait_for(SECOND_COMMENT);
    sleep(Duration::from_millis(2500));
    pane.signal("KILL");
    let (status, _) = pane.exit_status();
    assert_eq!(status, 137, "{}", pane.screen());
    drop(pane);
    carry_on_and_write(&desk, &log, "draft-kill-again");
}

#[test]
fn the_action_point_and_status_are_on_the_review_screen() {
    if !common::tmux_available("the review record test") {
        return;
    }
    let _serial = common::one_at_a_time();
    let desk = Desk::new();
    let log = two_reflections(&desk);
    let pane = desk.review_pane("record", &log);
    introduce(&pane);
    let screen = squeezed(&pane.wait_for("Reflection 1 of 2"));
    assert!(screen.contains(&squeezed(ACTION_POINT)), "{screen}");
    assert!(
        screen.contains("Complete·4of4sectionsread·2of2questionsanswered"),
        "{screen}"
    );
    assert!(screen.contains("studytime"), "{screen}");
    // Esc and y: left on purpose, nothing typed, no draft, exit 0.
    pane.keys(&["Escape", "y"]);
    let (status, _) = pane.exit_status();
    assert_eq!(status, 0, "{}", pane.screen());
    assert!(desk.drafts().is_empty());
}

/// About 150 words of practice reflection, ending with its own marker.
fn reflection(number: usize) -> String {
    let sentence = "I noticed how the worker brought the school and the family into the assessment early, \
                    which helped the child feel heard and gave a fuller picture of his strengths. ";
    let mut text = String::new();
    while text.split_whitespace().count() < 140 {
        text.push_str(sentence);
    }
    format!("{text}End of reflection {number}.")
}

#[test]
fn four_reflections_of_150_words_are_read_to_their_end_in_at_most_ten_keys() {
    if !common::tmux_available("the review reading test") {
        return;
    }
    let _serial = common::one_at_a_time();
    let desk = Desk::new();
    let log = desk.log(&[
        (
            "desistance-assessing",
            &format!("{}\n.\n{}\n.\n{ACTION_POINT}\n.\n", reflection(1), reflection(2)),
        ),
        (
            "desistance-planning",
            &format!("{}\n.\n{}\n.\n.\n.\n", reflection(3), reflection(4)),
        ),
    ]);
    let pane = desk.review_pane("reading", &log);
    introduce(&pane);
    pane.wait_for("Reflection 1 of 4");
    let mut seen = [false; 4];
    let mut keys = 0;
    loop {
        let screen = pane.screen();
        for (index, seen) in seen.iter_mut().enumerate() {
            *seen |= screen.contains(&format!("End of reflection {}.", index + 1));
        }
        if seen.iter().all(|seen| *seen) {
            break;
        }
        assert!(keys < 10, "after {keys} keys, read to the end: {seen:?}\n{screen}");
        pane.keys(&["Space"]);
        keys += 1;
    }
    eprintln!("four reflections of about 150 words read to their end at 80x24 in {keys} keys");
    assert!(keys <= 10);
}
