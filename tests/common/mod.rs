//! Shared by the tests that drive the real binary under tmux.
#![allow(dead_code, clippy::unwrap_used)]

use std::process::Command;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// tmux on a private socket, so tests never touch the user's own sessions.
pub fn tmux_command() -> Command {
    let mut command = Command::new("tmux");
    command.args(["-L", "casebook-tests"]);
    command
}

/// Runs tmux and returns what it printed.
pub fn tmux(args: &[&str]) -> String {
    let output = tmux_command().args(args).output().unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

static SERIAL: Mutex<()> = Mutex::new(());

/// One tmux test at a time, so a server shutting down after the last
/// session of one test never races the next test's start.
pub fn one_at_a_time() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Whether tmux is here; when not, says plainly that the test is skipped.
pub fn tmux_available(what: &str) -> bool {
    let found = tmux_command()
        .arg("-V")
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        eprintln!("SKIPPED: tmux is not installed, so {what} cannot run (.ci/run installs it)");
    }
    found
}
