//! End to end: the real binary in tmux, as a learner uses it. Skipped,
//! with the reason printed, where tmux is not installed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{one_at_a_time, tmux_available, tmux_command};

use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Session {
    name: String,
}

impl Session {
    fn start(name: &str, data: &Path, args: &str) -> Session {
        let name = format!("casebook-{name}-{}", std::process::id());
        let command = format!(
            "env CASEBOOK_DATA_DIR='{}' TERM=xterm-256color {} {args}",
            data.display(),
            env!("CARGO_BIN_EXE_casebook")
        );
        let status = tmux_command()
            .args(["new-session", "-d", "-s", &name, "-x", "80", "-y", "24", &command])
            .status()
            .unwrap();
        assert!(status.success());
        Session { name }
    }

    fn screen(&self) -> String {
        let output = tmux_command()
            .args(["capture-pane", "-p", "-t", &self.name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {needle:?}; the screen shows:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// Named keys (Escape, Enter, C-c), one at a time, as a person types.
    fn keys(&self, keys: &[&str]) {
        for key in keys {
            tmux_command()
                .args(["send-keys", "-t", &self.name, key])
                .status()
                .unwrap();
            sleep(Duration::from_millis(120));
        }
    }

    fn type_text(&self, text: &str) {
        tmux_command()
            .args(["send-keys", "-t", &self.name, "-l", text])
            .status()
            .unwrap();
        sleep(Duration::from_millis(120));
    }

    fn is_running(&self) -> bool {
        tmux_command()
            .args(["has-session", "-t", &self.name])
            .output()
            .is_ok_and(|output| output.status.success())
    }

    fn wait_for_exit(&self) {
        let start = Instant::now();
        while self.is_running() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "casebook did not quit:\n{}",
                self.screen()
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = tmux_command().args(["kill-session", "-t", &self.name]).output();
    }
}

#[test]
fn type_a_reflection_quit_relaunch_and_find_it_where_it_was_left() {
    let _serial = one_at_a_time();
    if !tmux_available("the end-to-end terminal tests") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let first = Session::start("resume", data.path(), "read desistance-assessing");
    first.wait_for("Welcome to casebook");
    first.keys(&["Escape"]);
    first.wait_for("Assessment: Tim, 17");
    first.keys(&["Enter"]);
    first.wait_for("What we expect");
    first.keys(&["l", "l", "l"]);
    first.wait_for("Take-aways: applying the learning");
    first.keys(&["l"]);
    first.wait_for("Question 1 of 2");
    first.type_text("Café naïve — 日本語 ✓ the employer");
    first.wait_for("the employer");
    first.keys(&["C-c"]);
    first.wait_for_exit();

    let second = Session::start("resume2", data.path(), "read desistance-assessing");
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
    second.wait_for_exit();

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
    let session = Session::start("autosave", data.path(), "read desistance-assessing");
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
