//! Shared by the tests that drive the real binary under tmux.
#![allow(dead_code, clippy::unwrap_used)]

pub mod schema;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// tmux on a private socket, so tests never touch the user's own sessions,
/// one per test process, so that two test runs at once (or two test
/// binaries) never share a server that one of them is shutting down.
pub fn tmux_command() -> Command {
    let mut command = Command::new("tmux");
    command.args(["-L", &format!("casebook-tests-{}", std::process::id())]);
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

/// Says plainly that a test is skipped because `tool` is missing, or fails
/// it where `.ci/run` said it installed the tool (`CASEBOOK_CI_TOOLS`): in
/// CI a test must never pass by skipping what could have run.
pub fn skipped_without(tool: &str, why: &str) {
    let promised = std::env::var("CASEBOOK_CI_TOOLS").unwrap_or_default();
    if promised.split_whitespace().any(|installed| installed == tool) {
        panic!("{tool} was installed by .ci/run, yet {why}");
    }
    eprintln!("SKIPPED: {why}");
}

/// Whether tmux is here; when not, says plainly that the test is skipped.
pub fn tmux_available(what: &str) -> bool {
    let found = tmux_command()
        .arg("-V")
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        skipped_without(
            "tmux",
            &format!("tmux is not installed, so {what} cannot run (.ci/run installs it)"),
        );
    }
    found
}

/// casebook in a tmux pane, driven as a learner drives it.
pub struct Pane {
    name: String,
    /// The shell writes casebook's exit status here when it ends.
    status_file: PathBuf,
    _status_dir: tempfile::TempDir,
}

impl Pane {
    /// Starts casebook in a detached 80x24 tmux pane that stays after exit,
    /// so its exit status and last screen can be read.
    /// `shell` runs first (a trap, a ulimit); `env` adds variables. The
    /// shell waits for casebook and records its exit status in a file.
    pub fn start_with(tag: &str, data: &Path, shell: &str, env: &str, args: &str) -> Pane {
        Pane::start_binary(Path::new(env!("CARGO_BIN_EXE_casebook")), tag, data, shell, env, args)
    }

    /// The same, for another build of casebook (the release build made for
    /// the crash test, say).
    pub fn start_binary(binary: &Path, tag: &str, data: &Path, shell: &str, env: &str, args: &str) -> Pane {
        let name = format!("cbfault-{tag}-{}", std::process::id());
        let status_dir = tempfile::tempdir().unwrap();
        let status_file = status_dir.path().join("status");
        // `env` sets the variables; a command given in `env` of its own
        // (`setsid -w`) then runs casebook.
        let (variables, runner) = match env.split_once("setsid -w") {
            Some((variables, _)) => (variables, "setsid -w"),
            None => (env, ""),
        };
        let command = format!(
            "{shell} env {variables} CASEBOOK_DATA_DIR='{}' TERM=xterm-256color {runner} {} {args}; echo $? > '{}'",
            data.display(),
            binary.display(),
            status_file.display()
        );
        tmux(&[
            "new-session",
            "-d",
            "-s",
            &name,
            "-x",
            "80",
            "-y",
            "24",
            "sh",
            "-c",
            &command,
        ]);
        tmux(&["set-option", "-t", &name, "remain-on-exit", "on"]);
        Pane {
            name,
            status_file,
            _status_dir: status_dir,
        }
    }

    pub fn start(tag: &str, data: &Path, args: &str) -> Pane {
        Pane::start_with(tag, data, "", "", args)
    }

    /// Starts casebook in a session of its own (`setsid`), with the pane's
    /// shell ignoring hang-ups: when the pane goes, its terminal goes with
    /// it but no SIGHUP reaches casebook, as when a terminal window or
    /// remote link dies without sending one. The shell still records the
    /// exit status.
    pub fn start_without_hangup(tag: &str, data: &Path, args: &str) -> Pane {
        Pane::start_with(tag, data, "trap '' HUP;", "setsid -w", args)
    }

    /// The pane and its terminal go away (the window is closed).
    pub fn close(&self) {
        tmux(&["kill-session", "-t", &self.name]);
    }

    pub fn screen(&self) -> String {
        tmux(&["capture-pane", "-p", "-t", &self.name])
    }

    pub fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {needle:?}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            tmux(&["send-keys", "-t", &self.name, key]);
            sleep(Duration::from_millis(120));
        }
    }

    pub fn type_text(&self, text: &str) {
        tmux(&["send-keys", "-t", &self.name, "-l", text]);
    }

    /// casebook's process id: the child of the pane's shell.
    pub fn pid(&self) -> u32 {
        let shell = tmux(&["display-message", "-p", "-t", &self.name, "#{pane_pid}"]);
        let start = Instant::now();
        loop {
            let output = Command::new("pgrep").args(["-P", shell.trim()]).output().unwrap();
            if let Some(pid) = String::from_utf8_lossy(&output.stdout)
                .lines()
                .next()
                .and_then(|pid| pid.trim().parse().ok())
            {
                return pid;
            }
            assert!(start.elapsed() < Duration::from_secs(5), "casebook is not running");
            sleep(Duration::from_millis(20));
        }
    }

    pub fn signal(&self, signal: &str) {
        Command::new("kill")
            .args([&format!("-{signal}"), &self.pid().to_string()])
            .status()
            .unwrap();
    }

    /// Waits for the process to end and returns its exit status (128 +
    /// the signal for a process killed by one) and how long it took.
    pub fn exit_status(&self) -> (i32, Duration) {
        let start = Instant::now();
        loop {
            if let Some(status) = std::fs::read_to_string(&self.status_file)
                .ok()
                .and_then(|text| text.trim().parse().ok())
            {
                return (status, start.elapsed());
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "casebook did not exit:\n{}",
                self.screen()
            );
            sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        tmux(&["kill-session", "-t", &self.name]);
    }
}

/// The one way the tests launch the real binary: a data folder, the
/// arguments, and what is piped in. Input is written from a thread and a
/// pipe closed early is not an error, so a casebook that refuses a command
/// without reading never blocks the test.
pub struct Launch {
    command: Command,
    input: Vec<u8>,
}

impl Launch {
    pub fn new(data: &Path, args: &[&str]) -> Launch {
        let mut command = Command::new(env!("CARGO_BIN_EXE_casebook"));
        command
            .args(args)
            .env("CASEBOOK_DATA_DIR", data)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        Launch {
            command,
            input: Vec::new(),
        }
    }

    pub fn input(mut self, input: impl AsRef<[u8]>) -> Launch {
        self.input = input.as_ref().to_vec();
        self
    }

    pub fn env(mut self, name: &str, value: impl AsRef<std::ffi::OsStr>) -> Launch {
        self.command.env(name, value);
        self
    }

    pub fn without(mut self, name: &str) -> Launch {
        self.command.env_remove(name);
        self
    }

    /// Runs it in another working folder (where logs are written).
    pub fn in_folder(mut self, folder: &Path) -> Launch {
        self.command.current_dir(folder);
        self
    }

    /// Options given before the command's own arguments (`--modules DIR`).
    pub fn command(&mut self) -> &mut Command {
        &mut self.command
    }

    pub fn stdout(mut self, stdout: std::process::Stdio) -> Launch {
        self.command.stdout(stdout);
        self
    }

    pub fn spawn(mut self) -> std::process::Child {
        use std::io::Write;
        let mut child = self.command.spawn().unwrap();
        let mut pipe = child.stdin.take().unwrap();
        let input = self.input;
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
        child
    }

    pub fn run(self) -> Output {
        self.spawn().wait_with_output().unwrap()
    }
}

/// Runs casebook with `input` piped to it and `env` added.
pub fn casebook_with_input(data: &Path, args: &[&str], input: &str, env: &[(&str, &std::ffi::OsStr)]) -> Output {
    env.iter()
        .fold(Launch::new(data, args).input(input), |launch, (name, value)| {
            launch.env(name, value)
        })
        .run()
}
