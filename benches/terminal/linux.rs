//! Speed and size: casebook beside `less` and `vim -u NONE`, measured from the
//! outside through an 80x24 pseudo-terminal, the way a learner on a slow SSH
//! link meets them.
//!
//! Run it with `cargo bench --bench terminal` (Linux; `less` and `vim` on the
//! PATH, a missing one is reported and left out). It prints a Markdown table:
//! first full frame, bytes written per page turn and per typed character,
//! whether the cost per character stays flat as a reflection grows, CPU time
//! per keystroke, peak memory and the release binary's size, each with its
//! target and the ratio against it. Options, after `--`:
//!
//! - `--quick`: skip the 20,000-character and 100 KB reflections;
//! - `--first-frame`: only the first-frame launches (for work on start-up);
//! - `--binary PATH`: measure that casebook build instead of this one's;
//! - `--dump DIR`: save every session's raw terminal output as `DIR/*.raw`;
//! - `--runs N`: launches per tool for the first-frame median (default 31);
//! - `--check`: the deterministic figures only (bytes per page turn and per
//!   typed character on the fixed script, their growth, the binary's size),
//!   casebook alone, against the budget: a figure over it fails the run
//!   (`.ci/run` runs this; the binary is held to `CHECK_BINARY_BYTES` until
//!   the 4 MiB target is met). Timed figures are never checked, only reported.
//!
//! Method (the one the issue's targets were set with): every program runs in its own 80x24 pty with `TERM=xterm-256color`. The
//! first full frame is the last byte written before the output stays quiet
//! for 150 ms. Keys are sent one at a time: the next key goes only once the
//! program has answered the last one and then been quiet for a moment, so no
//! frame is skipped and every byte is charged to the key that caused it. The
//! terminal answers no query (cursor position, device attributes, colours):
//! casebook must draw without a reply; queries seen are reported. Peak memory
//! is `VmHWM` from `/proc/PID/status`, polled while the program runs; CPU time
//! is the sum of `/proc/PID/task/*/schedstat`. Inputs: the reader text is the
//! shipped module's own plain text (from `casebook read MODULE --plain`), the
//! typed reflection is `benches/reflection.txt` (2,000 characters), repeated
//! for the longer runs. It needs nothing outside the repository but `less`
//! and `vim`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};
use std::{env, fs, thread};

use pty_process::Size;
use pty_process::blocking::{Command as PtyCommand, Pty};

const COLS: u16 = 80;
const ROWS: u16 = 24;
/// The module the reader and editor runs open.
const MODULE: &str = "desistance-assessing";
/// The typed reflection: 2,000 characters.
const REFLECTION: &str = include_str!("../reflection.txt");
/// Quiet window that ends the first frame (as in ptybench).
const FRAME_QUIET: Duration = Duration::from_millis(150);
/// Quiet window that ends a page turn or a navigation key.
const PAGE_QUIET: Duration = Duration::from_millis(60);
/// Quiet window after a typed key's answer, before the next key is sent.
const KEY_QUIET: Duration = Duration::from_millis(2);
/// How long a key may take to be answered at all.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(2);
/// How long a program may take to draw its first frame.
const START_TIMEOUT: Duration = Duration::from_secs(5);
/// A person's typing pace, for a short sample (casebook saves a draft 1.5 s
/// after the first unsaved change, and shows it).
const PACE: Duration = Duration::from_millis(150);
const PACED_CHARS: usize = 60;
/// Page turns for less and vim (casebook pages through the whole module).
const PAGE_TURNS: usize = 9;
/// Fewer bytes than this is not yet a full first frame at 80x24.
const MIN_FRAME_BYTES: usize = 500;
/// A key that writes fewer bytes than this did not turn a page. A turn the
/// terminal scrolls (rows kept, moved by a scroll region) can cost under
/// 300 bytes now, so only a key that wrote nothing is no turn.
const MIN_TURN_BYTES: usize = 1;

// Targets from issue 27 "Speed and size".
const TARGET_PAGE_BYTES: f64 = 1400.0;
const TARGET_CHAR_VS_VIM: f64 = 0.8;
const TARGET_FLAT: f64 = 0.10;
const TARGET_FIRST_FRAME_VS_LESS: f64 = 1.2;
const TARGET_PEAK_KB: u64 = 5 * 1024;
const TARGET_BINARY_BYTES: u64 = 4 * 1024 * 1024;
/// `vim -u NONE`'s bytes per typed character on the fixed script (14.5 to
/// 14.8 in every run so far): `--check` holds casebook to 0.8 of this
/// without starting vim, so that the check does not depend on vim.
const VIM_CHAR_BYTES: f64 = 14.5;
/// The release binary's ceiling in `--check` (CI): the 4 MiB target is not
/// met with every feature in (5.9 MiB after issue 27; what each part buys is
/// in assets/guides/speed.md), so CI holds it to what was reached, with
/// 0.1 MiB to spare, to catch growth, until a change brings it within the
/// target.
const CHECK_BINARY_BYTES: u64 = 6 * 1024 * 1024;

/// The name of the terminal query (a request the terminal answers on the
/// input side) that `sequence`, one whole escape sequence, makes, if any.
fn query_name(sequence: &[u8]) -> Option<&'static str> {
    if let Some(body) = sequence.strip_prefix(b"\x1b]") {
        // OSC 10/11/12 with "?": ask for a colour.
        return [&b"10;?"[..], b"11;?", b"12;?"]
            .iter()
            .any(|ask| body.starts_with(ask))
            .then_some("colour (OSC 10/11/12)");
    }
    let body = sequence.strip_prefix(b"\x1b[")?;
    let (&last, params) = body.split_last()?;
    match (params, last) {
        (b"6" | b"?6", b'n') => Some("cursor position (CPR)"),
        (b"" | b"0", b'c') => Some("device attributes (DA1)"),
        (b">" | b">0", b'c') => Some("device attributes (DA2)"),
        (b">" | b">0", b'q') => Some("terminal version (XTVERSION)"),
        (b"?", b'u') => Some("keyboard protocol"),
        (_, b'p') if params.ends_with(b"$") => Some("mode (DECRQM)"),
        (b"14" | b"16" | b"18", b't') => Some("window size (XTWINOPS)"),
        _ => None,
    }
}

/// Every query in `out`, counted by name.
fn queries_in(out: &[u8]) -> BTreeMap<&'static str, usize> {
    let mut seen = BTreeMap::new();
    let mut i = 0;
    while let Some(start) = out[i..].iter().position(|&b| b == 0x1b).map(|at| i + at) {
        let end = sequence_end(out, start);
        if let Some(name) = query_name(&out[start..end]) {
            *seen.entry(name).or_insert(0) += 1;
        }
        i = end.max(start + 1);
    }
    seen
}

/// Where the escape sequence starting at `start` ends (exclusive).
fn sequence_end(out: &[u8], start: usize) -> usize {
    match out.get(start + 1) {
        // CSI: parameters and intermediates, then one final byte 0x40..=0x7e.
        Some(b'[') => out[start + 2..]
            .iter()
            .position(|b| (0x40..=0x7e).contains(b))
            .map_or(out.len(), |at| start + 2 + at + 1),
        // OSC: up to BEL or ST (ESC \\).
        Some(b']') => out[start + 2..]
            .iter()
            .position(|&b| b == 0x07 || b == 0x1b)
            .map_or(out.len(), |at| start + 2 + at + 1),
        Some(_) => start + 2,
        None => out.len(),
    }
}

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

pub fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    if !args.iter().any(|arg| arg == "--bench") {
        // `cargo test --all-targets` runs bench targets without `--bench`.
        println!("terminal benchmark: not run under `cargo test`; run `cargo bench --bench terminal`");
        return ExitCode::SUCCESS;
    }
    match Options::parse(&args).and_then(|options| run(&options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("terminal benchmark: {error}");
            ExitCode::FAILURE
        }
    }
}

struct Options {
    check: bool,
    quick: bool,
    first_frame_only: bool,
    binary: Option<PathBuf>,
    dump: Option<PathBuf>,
    runs: usize,
}

impl Options {
    fn parse(args: &[String]) -> Result<Self> {
        let mut options = Options {
            check: false,
            quick: false,
            first_frame_only: false,
            binary: None,
            dump: None,
            runs: 31,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--bench" => {}
                "--quick" => options.quick = true,
                "--check" => options.check = true,
                "--first-frame" => options.first_frame_only = true,
                "--binary" => options.binary = Some(PathBuf::from(args.next().ok_or("--binary needs a path")?)),
                "--dump" => options.dump = Some(PathBuf::from(args.next().ok_or("--dump needs a folder")?)),
                "--runs" => options.runs = args.next().ok_or("--runs needs a number")?.parse()?,
                other => {
                    return Err(format!(
                        "unknown option {other:?} (known: --quick, --first-frame, --check, --binary PATH, --dump DIR, --runs N)"
                    )
                    .into());
                }
            }
        }
        options.runs = options.runs.max(1);
        Ok(options)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Tool {
    Casebook,
    Less,
    Vim,
}

impl Tool {
    fn name(self) -> &'static str {
        match self {
            Tool::Casebook => "casebook",
            Tool::Less => "less",
            Tool::Vim => "vim -u NONE",
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Tool::Casebook => "casebook",
            Tool::Less => "less",
            Tool::Vim => "vim",
        }
    }

    /// Keys that leave the program, sent one at a time.
    fn quit_keys(self) -> &'static [&'static str] {
        match self {
            Tool::Casebook => &["\x03"],
            Tool::Less => &["q"],
            Tool::Vim => &["\x1b", ":", "q", "!", "\r"],
        }
    }
}

/// What every tool is given: the binaries, the text to read, a scratch folder.
struct Setup {
    casebook: PathBuf,
    less: Option<PathBuf>,
    vim: Option<PathBuf>,
    /// The module's plain text, twice over, for less and vim.
    text_file: PathBuf,
    /// Sections in the module.
    sections: usize,
    scratch: tempfile::TempDir,
    dump: Option<PathBuf>,
}

impl Setup {
    fn tools(&self) -> Vec<Tool> {
        let mut tools = vec![Tool::Casebook];
        if self.less.is_some() {
            tools.push(Tool::Less);
        }
        if self.vim.is_some() {
            tools.push(Tool::Vim);
        }
        tools
    }

    /// Starts `tool` on the module (casebook: in the reader, with a fresh data
    /// folder whose profile skips the welcome form).
    fn start(&self, tool: Tool) -> Result<Session> {
        match tool {
            Tool::Casebook => {
                let data = tempfile::tempdir_in(self.scratch.path())?;
                fs::write(data.path().join("profile.ron"), "(schema: 1, welcomed: true)\n")?;
                let env = vec![("CASEBOOK_DATA_DIR".into(), data.path().into())];
                let mut session = Session::spawn(tool, &self.casebook, &["read".into(), MODULE.into()], env)?;
                session.data = Some(data);
                Ok(session)
            }
            Tool::Less => {
                let program = self.less.as_ref().ok_or("less is not installed")?;
                let env = vec![("LESSHISTFILE".into(), "-".into())];
                Session::spawn(tool, program, &[self.text_file.clone().into()], env)
            }
            Tool::Vim => {
                let program = self.vim.as_ref().ok_or("vim is not installed")?;
                let args = ["-u".into(), "NONE".into(), self.text_file.clone().into()];
                Session::spawn(tool, program, &args, Vec::new())
            }
        }
    }

    fn save_dump(&self, session: &Session, phase: &str) -> Result<()> {
        if let Some(dir) = &self.dump {
            fs::create_dir_all(dir)?;
            fs::write(dir.join(format!("{}-{phase}.raw", session.tool.slug())), &session.out)?;
        }
        Ok(())
    }
}

/// One program running in its own pseudo-terminal.
struct Session {
    tool: Tool,
    child: Child,
    pty: Arc<Pty>,
    output: Receiver<(Instant, Vec<u8>)>,
    started: Instant,
    out: Vec<u8>,
    last_byte: Option<Instant>,
    closed: bool,
    peak_kb: u64,
    polled: Instant,
    data: Option<tempfile::TempDir>,
}

impl Session {
    fn spawn(tool: Tool, program: &Path, args: &[OsString], extra_env: Vec<(OsString, OsString)>) -> Result<Self> {
        let (pty, pts) = pty_process::blocking::open()?;
        pty.resize(Size::new(ROWS, COLS))?;
        // A clean environment, so the user's own settings (NO_COLOR, LESS,
        // LESSOPEN, COLUMNS, ...) do not change the figures.
        let mut command = PtyCommand::new(program)
            .args(args)
            .env_clear()
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .envs(extra_env);
        for key in ["PATH", "HOME"] {
            if let Some(value) = env::var_os(key) {
                command = command.env(key, value);
            }
        }
        let started = Instant::now();
        let child = command.spawn(pts)?;
        let pty = Arc::new(pty);
        let (sender, output) = mpsc::channel();
        let reader = Arc::clone(&pty);
        thread::spawn(move || {
            let mut buffer = vec![0u8; 64 * 1024];
            loop {
                match (&*reader).read(&mut buffer) {
                    Ok(0) => break,
                    Ok(n) => {
                        if sender.send((Instant::now(), buffer[..n].to_vec())).is_err() {
                            break;
                        }
                    }
                    Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                    // EIO: the program closed the terminal.
                    Err(_) => break,
                }
            }
        });
        Ok(Session {
            tool,
            child,
            pty,
            output,
            started,
            out: Vec::new(),
            last_byte: None,
            closed: false,
            peak_kb: 0,
            polled: started,
            data: None,
        })
    }

    fn take(&mut self, (at, bytes): (Instant, Vec<u8>)) -> usize {
        self.last_byte = Some(at);
        self.out.extend_from_slice(&bytes);
        bytes.len()
    }

    fn poll_memory(&mut self, force: bool) {
        if force || self.polled.elapsed() >= Duration::from_millis(20) {
            self.polled = Instant::now();
            self.peak_kb = self.peak_kb.max(peak_rss_kb(self.child.id()).unwrap_or(0));
        }
    }

    /// Reads until no byte has come for `quiet`, or `limit` has passed.
    fn read_until_quiet(&mut self, quiet: Duration, limit: Duration) -> usize {
        let end = Instant::now() + limit;
        let mut read = 0;
        while !self.closed {
            self.poll_memory(false);
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match self.output.recv_timeout(quiet.min(left)) {
                Ok(chunk) => read += self.take(chunk),
                Err(RecvTimeoutError::Timeout) => {
                    if left > quiet {
                        break;
                    }
                }
                Err(RecvTimeoutError::Disconnected) => self.closed = true,
            }
        }
        read
    }

    /// Reads whatever comes for `time`.
    fn read_for(&mut self, time: Duration) -> usize {
        let end = Instant::now() + time;
        let mut read = 0;
        while !self.closed {
            self.poll_memory(false);
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match self.output.recv_timeout(left.min(Duration::from_millis(20))) {
                Ok(chunk) => read += self.take(chunk),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => self.closed = true,
            }
        }
        read
    }

    fn send(&mut self, bytes: &[u8]) -> Result<()> {
        (&*self.pty).write_all(bytes)?;
        Ok(())
    }

    /// Waits for the first full frame: output, then `FRAME_QUIET` of silence.
    /// Returns its time since spawn and its size, or None if nothing came.
    /// A program that sets the terminal up and then waits (for a reply to a
    /// query, say) has not drawn a frame: a frame is at least a screenful's
    /// worth of text.
    fn first_frame(&mut self) -> Option<(Duration, usize)> {
        while !self.closed && self.started.elapsed() < START_TIMEOUT {
            // Returns once output has been quiet for FRAME_QUIET.
            self.read_until_quiet(FRAME_QUIET, START_TIMEOUT.saturating_sub(self.started.elapsed()));
            if self.out.len() >= MIN_FRAME_BYTES {
                break;
            }
        }
        let last = self.last_byte.filter(|_| self.out.len() >= MIN_FRAME_BYTES)?;
        Some((last - self.started, self.out.len()))
    }

    /// Sends one key and reads its answer: the bytes written and the time to
    /// the first of them.
    fn key(&mut self, key: &[u8], quiet: Duration) -> Result<(usize, Option<Duration>)> {
        let sent = Instant::now();
        self.send(key)?;
        let mut read = 0;
        let mut latency = None;
        match self.output.recv_timeout(ANSWER_TIMEOUT) {
            Ok(chunk) => {
                latency = Some(chunk.0.saturating_duration_since(sent));
                read += self.take(chunk);
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => self.closed = true,
        }
        read += self.read_until_quiet(quiet, ANSWER_TIMEOUT);
        Ok((read, latency))
    }

    /// Types `text` one character at a time (a newline as Enter).
    fn type_text(&mut self, text: &str) -> Result<Typing> {
        let cpu_before = cpu_ns(self.child.id());
        let mut typing = Typing::default();
        let mut buffer = [0u8; 4];
        for c in text.chars() {
            let key: &str = if c == '\n' { "\r" } else { c.encode_utf8(&mut buffer) };
            let (bytes, latency) = self.key(key.as_bytes(), KEY_QUIET)?;
            typing.keys += 1;
            typing.bytes += bytes;
            typing.latencies.extend(latency);
        }
        self.poll_memory(true);
        typing.cpu_ns = cpu_before
            .zip(cpu_ns(self.child.id()))
            .map(|(a, b)| b.saturating_sub(a));
        Ok(typing)
    }

    /// Types `text` at a person's pace: one key every `pace`, counting all
    /// that comes back meanwhile (autosave notices included).
    fn type_paced(&mut self, text: &str, pace: Duration) -> Result<Typing> {
        let mut typing = Typing::default();
        let mut buffer = [0u8; 4];
        for c in text.chars() {
            let key: &str = if c == '\n' { "\r" } else { c.encode_utf8(&mut buffer) };
            self.send(key.as_bytes())?;
            typing.keys += 1;
            typing.bytes += self.read_for(pace);
        }
        typing.bytes += self.read_until_quiet(FRAME_QUIET, ANSWER_TIMEOUT);
        Ok(typing)
    }

    /// Pastes `text` as a bracketed paste and waits for the program to settle.
    fn paste(&mut self, text: &str) -> Result<()> {
        self.send(b"\x1b[200~")?;
        self.send(text.as_bytes())?;
        self.send(b"\x1b[201~")?;
        self.read_until_quiet(FRAME_QUIET, Duration::from_secs(60));
        Ok(())
    }

    /// Quits with the tool's own keys; kills it if it has not gone in 3 s.
    fn quit(&mut self) -> Result<()> {
        self.poll_memory(true);
        for key in self.tool.quit_keys() {
            self.send(key.as_bytes())?;
            self.read_for(Duration::from_millis(20));
        }
        let end = Instant::now() + Duration::from_secs(3);
        while Instant::now() < end {
            if self.child.try_wait()?.is_some() {
                return Ok(());
            }
            self.poll_memory(true);
            self.read_for(Duration::from_millis(5));
        }
        eprintln!("terminal benchmark: {} did not quit; killing it", self.tool.name());
        self.child.kill()?;
        self.child.wait()?;
        Ok(())
    }

    fn queries(&self) -> BTreeMap<&'static str, usize> {
        queries_in(&self.out)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time of every thread of `pid` so far, in nanoseconds.
fn cpu_ns(pid: u32) -> Option<u64> {
    let mut total = 0;
    for task in fs::read_dir(format!("/proc/{pid}/task")).ok()? {
        let stat = fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total)
}

#[derive(Default, Clone)]
struct Typing {
    keys: usize,
    bytes: usize,
    latencies: Vec<Duration>,
    cpu_ns: Option<u64>,
}

impl Typing {
    fn per_key(&self) -> f64 {
        self.bytes as f64 / self.keys.max(1) as f64
    }

    fn cpu_us_per_key(&self) -> Option<f64> {
        self.cpu_ns.map(|ns| ns as f64 / 1000.0 / self.keys.max(1) as f64)
    }

    fn add(&mut self, other: &Typing) {
        self.keys += other.keys;
        self.bytes += other.bytes;
        self.latencies.extend_from_slice(&other.latencies);
        self.cpu_ns = self.cpu_ns.zip(other.cpu_ns).map(|(a, b)| a + b);
    }
}

/// A reflection typed in, first and last quarter measured apart.
#[derive(Clone)]
struct Reflection {
    /// Every typed character (the middle half is pasted in long runs).
    typed: Typing,
    first: Typing,
    last: Typing,
}

impl Reflection {
    fn growth(&self) -> f64 {
        self.last.per_key() / self.first.per_key().max(f64::MIN_POSITIVE) - 1.0
    }
}

#[derive(Default)]
struct Figures {
    first_frames: Vec<Duration>,
    first_frame_bytes: Vec<usize>,
    /// Bytes of each page turn (Space in less and casebook, Ctrl-F in vim).
    page_turns: Vec<usize>,
    /// casebook only: bytes of each move to the next section.
    section_turns: Vec<usize>,
    short: Option<Reflection>,
    long: Option<Reflection>,
    /// Typing at a person's pace, after the 2,000 characters.
    paced: Option<Typing>,
    /// casebook only: typing into a reflection of about 100 KB.
    huge: Option<(usize, Typing)>,
    peak_kb: u64,
    queries: BTreeMap<&'static str, usize>,
    binary_bytes: Option<u64>,
    problems: Vec<String>,
}

impl Figures {
    fn absorb(&mut self, session: &Session) {
        self.peak_kb = self.peak_kb.max(session.peak_kb);
        for (name, count) in session.queries() {
            *self.queries.entry(name).or_insert(0) += count;
        }
    }

    fn all_turns(&self) -> Vec<usize> {
        self.page_turns.iter().chain(&self.section_turns).copied().collect()
    }
}

/// `--check`: casebook's deterministic figures against the budget.
fn check(setup: &Setup) -> Result<()> {
    let mut figures = Figures::default();
    let mut session = setup.start(Tool::Casebook)?;
    session
        .first_frame()
        .ok_or("casebook drew no first frame when the terminal answers no query")?;
    page_casebook(&mut session, setup.sections, &mut figures)?;
    session.quit()?;
    let short = REFLECTION.trim_end_matches('\n');
    let mut session = open_editor(setup, Tool::Casebook)?;
    let typed = type_reflection(&mut session, short, false)?;
    session.quit()?;
    check_saved(&session, short, &mut figures);
    let size = fs::metadata(&setup.casebook)?.len();
    let turn = mean(&figures.all_turns()).ok_or("no page was turned")?;
    let per_char = typed.typed.per_key();
    let char_budget = TARGET_CHAR_VS_VIM * VIM_CHAR_BYTES;
    let growth = typed.growth();
    let rows = [
        (
            format!("bytes per page turn: {turn:.0} (budget {TARGET_PAGE_BYTES:.0})"),
            turn <= TARGET_PAGE_BYTES,
        ),
        (
            format!(
                "bytes per typed character: {per_char:.1}, {:.2}x vim's {VIM_CHAR_BYTES} (budget {char_budget:.1}, {TARGET_CHAR_VS_VIM}x vim)",
                per_char / VIM_CHAR_BYTES
            ),
            per_char <= char_budget,
        ),
        (
            format!(
                "per-character bytes, last quarter against the first: {:.2} (budget {:.2})",
                1.0 + growth,
                1.0 + TARGET_FLAT
            ),
            growth <= TARGET_FLAT,
        ),
        (
            format!(
                "release binary: {size} bytes, {:.2} MiB (ceiling {:.1} MiB; issue 27's target {} MiB{})",
                size as f64 / 1024.0 / 1024.0,
                CHECK_BINARY_BYTES as f64 / 1024.0 / 1024.0,
                TARGET_BINARY_BYTES / 1024 / 1024,
                if size <= TARGET_BINARY_BYTES {
                    ", met"
                } else {
                    ", not yet met"
                }
            ),
            size <= CHECK_BINARY_BYTES,
        ),
    ];
    let mut missed = figures.problems.clone();
    for (row, ok) in rows {
        println!("{} {row}", if ok { "ok    " } else { "MISSED" });
        if !ok {
            missed.push(row);
        }
    }
    if missed.is_empty() {
        Ok(())
    } else {
        Err(format!("over budget: {}", missed.join("; ")).into())
    }
}

fn run(options: &Options) -> Result<()> {
    let setup = prepare(options)?;
    if options.check {
        return check(&setup);
    }
    let tools = setup.tools();
    let mut figures: BTreeMap<Tool, Figures> = tools.iter().map(|&tool| (tool, Figures::default())).collect();
    let clock = Instant::now();
    for tool in [Tool::Less, Tool::Vim] {
        if !tools.contains(&tool) {
            eprintln!("terminal benchmark: {} not found on PATH; left out", tool.name());
        }
    }

    eprintln!("first frames ({} launches each)...", options.runs);
    for _ in 0..options.runs {
        for &tool in &tools {
            let mut session = setup.start(tool)?;
            let frame = session.first_frame();
            session.quit()?;
            let entry = figures.entry(tool).or_default();
            entry.absorb(&session);
            match frame {
                Some((time, bytes)) => {
                    entry.first_frames.push(time);
                    entry.first_frame_bytes.push(bytes);
                }
                None => entry.problems.push(format!(
                    "drew nothing within {} s when the terminal answers no query",
                    START_TIMEOUT.as_secs()
                )),
            }
            setup.save_dump(&session, "start")?;
        }
    }

    if !options.first_frame_only {
        interact(options, &setup, &tools, &mut figures)?;
    }
    if let Ok(metadata) = fs::metadata(&setup.casebook) {
        figures.entry(Tool::Casebook).or_default().binary_bytes = Some(metadata.len());
    }
    for (tool, path) in [(Tool::Less, &setup.less), (Tool::Vim, &setup.vim)] {
        if let Some(metadata) = path.as_ref().and_then(|path| fs::metadata(path).ok()) {
            figures.entry(tool).or_default().binary_bytes = Some(metadata.len());
        }
    }
    eprintln!("done in {:.0} s\n", clock.elapsed().as_secs_f64());
    print!("{}", report(&figures, &setup));
    Ok(())
}

/// Page turns and typing: everything after the first frames.
fn interact(options: &Options, setup: &Setup, tools: &[Tool], figures: &mut BTreeMap<Tool, Figures>) -> Result<()> {
    eprintln!("page turns...");
    for &tool in tools {
        let entry = figures.entry(tool).or_default();
        let mut session = setup.start(tool)?;
        session.first_frame();
        match tool {
            Tool::Casebook => page_casebook(&mut session, setup.sections, entry)?,
            Tool::Less | Tool::Vim => {
                let key: &[u8] = if tool == Tool::Less { b" " } else { b"\x06" };
                for _ in 0..PAGE_TURNS {
                    entry.page_turns.push(session.key(key, PAGE_QUIET)?.0);
                }
            }
        }
        session.quit()?;
        entry.absorb(&session);
        setup.save_dump(&session, "pages")?;
    }

    eprintln!("typing a 2,000-character reflection...");
    let short = REFLECTION.trim_end_matches('\n');
    for &tool in tools.iter().filter(|&&tool| tool != Tool::Less) {
        let entry = figures.entry(tool).or_default();
        let mut session = open_editor(setup, tool)?;
        entry.short = Some(type_reflection(&mut session, short, false)?);
        let paced: String = short.chars().take(PACED_CHARS).collect();
        entry.paced = Some(session.type_paced(&format!(" {paced}"), PACE)?);
        session.quit()?;
        check_saved(&session, short, entry);
        entry.absorb(&session);
        setup.save_dump(&session, "type-2k")?;
    }

    if !options.quick {
        eprintln!("typing a 20,000-character reflection, then at 100 KB (casebook)...");
        let entry = figures.entry(Tool::Casebook).or_default();
        let long = short.repeat(10);
        let mut session = open_editor(setup, Tool::Casebook)?;
        entry.long = Some(type_reflection(&mut session, &long, true)?);
        // Grow the reflection to about 100 KB, then type a few hundred more.
        let filler = format!("\n{}", short.repeat(40));
        session.paste(&filler)?;
        let tail: String = short.chars().take(400).collect();
        let at = long.len() + filler.len();
        entry.huge = Some((at, session.type_text(&tail)?));
        session.quit()?;
        check_saved(&session, &tail, entry);
        entry.absorb(&session);
        setup.save_dump(&session, "type-20k-100k")?;
    }

    Ok(())
}

/// Finds the tools and writes the text less and vim page through.
fn prepare(options: &Options) -> Result<Setup> {
    let casebook = (options.binary.clone()).unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_casebook")));
    let scratch = tempfile::tempdir()?;
    let data = tempfile::tempdir_in(scratch.path())?;
    let plain = Command::new(&casebook)
        .args(["read", MODULE, "--plain"])
        .env("CASEBOOK_DATA_DIR", data.path())
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()?;
    if !plain.status.success() {
        return Err(format!(
            "`casebook read {MODULE} --plain` failed: {}",
            String::from_utf8_lossy(&plain.stderr)
        )
        .into());
    }
    let text = String::from_utf8(plain.stdout)?;
    // The guide's text, without the closing line that names the journal file.
    let text = text.split("\nEnd of module").next().unwrap_or(&text).to_owned();
    let sections = text
        .lines()
        .filter_map(|line| line.strip_prefix("Section "))
        .filter_map(|rest| rest.split(':').next()?.split(" of ").nth(1)?.parse::<usize>().ok())
        .max()
        .ok_or("no \"Section N of M\" line in the module's plain text")?;
    let text_file = scratch.path().join(format!("{MODULE}.txt"));
    fs::write(&text_file, format!("{text}\n{text}\n"))?;
    Ok(Setup {
        casebook,
        less: which("less"),
        vim: which("vim"),
        text_file,
        sections,
        scratch,
        dump: options.dump.clone(),
    })
}

fn which(program: &str) -> Option<PathBuf> {
    env::split_paths(&env::var_os("PATH")?)
        .map(|dir| dir.join(program))
        .find(|path| path.is_file())
}

/// Pages through the whole module: Space while it moves, then `l` to the next
/// section, each counted as a page turn.
fn page_casebook(session: &mut Session, sections: usize, figures: &mut Figures) -> Result<()> {
    for section in 1..=sections {
        for _ in 0..50 {
            let (bytes, _) = session.key(b" ", PAGE_QUIET)?;
            if bytes < MIN_TURN_BYTES {
                break;
            }
            figures.page_turns.push(bytes);
        }
        if section < sections {
            figures.section_turns.push(session.key(b"l", PAGE_QUIET)?.0);
        }
    }
    Ok(())
}

/// Starts `tool` with its cursor in an empty answer: casebook at the first
/// take-away question's editor, vim in insert mode on a new last line.
fn open_editor(setup: &Setup, tool: Tool) -> Result<Session> {
    let mut session = setup.start(tool)?;
    session.first_frame();
    let keys: Vec<&[u8]> = match tool {
        // `l` to the take-aways, where one more `l` opens the first answer.
        Tool::Casebook => vec![&b"l"[..]; setup.sections],
        Tool::Vim => vec![&b"G"[..], &b"o"[..]],
        Tool::Less => Vec::new(),
    };
    for key in keys {
        session.key(key, PAGE_QUIET)?;
    }
    Ok(session)
}

/// Types `text`; with `paste_middle`, types the first and last quarter and
/// pastes the middle half (only the quarters are measured).
fn type_reflection(session: &mut Session, text: &str, paste_middle: bool) -> Result<Reflection> {
    let chars: Vec<char> = text.chars().collect();
    let quarter = chars.len() / 4;
    let part = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    let first = session.type_text(&part(0, quarter))?;
    let mut typed = first.clone();
    if paste_middle {
        session.paste(&part(quarter, chars.len() - quarter))?;
    } else {
        typed.add(&session.type_text(&part(quarter, chars.len() - quarter))?);
    }
    let last = session.type_text(&part(chars.len() - quarter, chars.len()))?;
    typed.add(&last);
    Ok(Reflection { typed, first, last })
}

/// casebook: the typed text must be in the saved journal, or the keys did
/// not reach the editor and the typing figures mean nothing.
fn check_saved(session: &Session, typed: &str, figures: &mut Figures) {
    let Some(data) = &session.data else { return };
    let needle: String = typed
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if !tree_contains(data.path(), needle.trim()) {
        figures
            .problems
            .push("the typed text is not in the saved journal: the keys did not reach the answer editor".into());
    }
}

fn tree_contains(dir: &Path, needle: &str) -> bool {
    let Ok(entries) = fs::read_dir(dir) else { return false };
    entries.flatten().any(|entry| {
        let path = entry.path();
        if path.is_dir() {
            tree_contains(&path, needle)
        } else {
            fs::read_to_string(&path).is_ok_and(|text| text.contains(needle))
        }
    })
}

fn median(values: &[f64]) -> Option<f64> {
    let mut values = values.to_vec();
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

fn mean(values: &[usize]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<usize>() as f64 / values.len() as f64)
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// 1234567.8 -> "1,234,568"; small numbers keep one decimal.
fn num(value: f64) -> String {
    if value.abs() < 100.0 {
        return format!("{value:.1}");
    }
    let digits = format!("{:.0}", value.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0.0 { format!("-{out}") } else { out }
}

fn pct(value: f64) -> String {
    format!("{:+.0}%", value * 100.0)
}

fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "**MISSED**" }
}

fn report(figures: &BTreeMap<Tool, Figures>, setup: &Setup) -> String {
    let empty = Figures::default();
    let get = |tool: Tool| figures.get(&tool).unwrap_or(&empty);
    let (cb, less, vim) = (get(Tool::Casebook), get(Tool::Less), get(Tool::Vim));
    let dash = || "–".to_owned();
    let frame = |f: &Figures| median(&f.first_frames.iter().map(|&d| ms(d)).collect::<Vec<_>>());
    let turn = |f: &Figures| mean(&f.all_turns());
    let per_char = |f: &Figures| f.short.as_ref().map(|r| r.typed.per_key());
    let show = |value: Option<f64>| value.map_or_else(dash, num);
    let mut rows: Vec<[String; 6]> = Vec::new();

    // First frame.
    let (cb_frame, less_frame) = (frame(cb), frame(less));
    let ratio = cb_frame.zip(less_frame).map(|(c, l)| c / l);
    let fastest = |f: &Figures| f.first_frames.iter().min().map(|&d| ms(d));
    let with_min = |f: &Figures| match (frame(f), fastest(f)) {
        (Some(median), Some(min)) => format!("{median:.1} (min {min:.1})"),
        _ => dash(),
    };
    rows.push([
        format!("first full frame, ms: median (fastest) of {}", cb.first_frames.len()),
        with_min(cb),
        with_min(less),
        with_min(vim),
        format!("<= {TARGET_FIRST_FRAME_VS_LESS}x less"),
        ratio.map_or_else(dash, |r| {
            format!("{r:.2}x less {}", verdict(r <= TARGET_FIRST_FRAME_VS_LESS))
        }),
    ]);
    let frame_bytes = |f: &Figures| median(&f.first_frame_bytes.iter().map(|&b| b as f64).collect::<Vec<_>>());
    rows.push([
        "first frame, bytes".into(),
        show(frame_bytes(cb)),
        show(frame_bytes(less)),
        show(frame_bytes(vim)),
        String::new(),
        String::new(),
    ]);

    // Page turns.
    let cb_turn = turn(cb);
    rows.push([
        format!(
            "bytes per page turn (casebook: {} Space + {} next-section; less: Space; vim: Ctrl-F)",
            cb.page_turns.len(),
            cb.section_turns.len()
        ),
        show(cb_turn),
        show(turn(less)),
        show(turn(vim)),
        format!("<= {}", num(TARGET_PAGE_BYTES)),
        cb_turn.map_or_else(dash, |t| {
            format!("{:.2}x {}", t / TARGET_PAGE_BYTES, verdict(t <= TARGET_PAGE_BYTES))
        }),
    ]);
    rows.push([
        "  of which: Space within a section / `l` to the next section".into(),
        format!("{} / {}", show(mean(&cb.page_turns)), show(mean(&cb.section_turns))),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]);

    // Typing.
    let (cb_char, vim_char) = (per_char(cb), per_char(vim));
    rows.push([
        "bytes per typed character (2,000-character reflection)".into(),
        show(cb_char),
        dash(),
        show(vim_char),
        format!("<= {TARGET_CHAR_VS_VIM}x vim"),
        cb_char.zip(vim_char).map_or_else(dash, |(c, v)| {
            format!("{:.2}x vim {}", c / v, verdict(c <= TARGET_CHAR_VS_VIM * v))
        }),
    ]);
    let flat_row = |label: &str, cb_r: Option<&Reflection>, vim_r: Option<&Reflection>| -> [String; 6] {
        let cell = |r: Option<&Reflection>| {
            r.map_or_else(dash, |r| {
                format!(
                    "{} -> {} ({})",
                    num(r.first.per_key()),
                    num(r.last.per_key()),
                    pct(r.growth())
                )
            })
        };
        [
            label.to_owned(),
            cell(cb_r),
            dash(),
            cell(vim_r),
            format!("within {:.0}%", TARGET_FLAT * 100.0),
            cb_r.map_or_else(dash, |r| verdict(r.growth().abs() <= TARGET_FLAT).to_owned()),
        ]
    };
    rows.push(flat_row(
        "bytes per char, first -> last quarter, 2,000 characters",
        cb.short.as_ref(),
        vim.short.as_ref(),
    ));
    rows.push(flat_row(
        "bytes per char, first -> last quarter, 20,000 characters",
        cb.long.as_ref(),
        vim.long.as_ref(),
    ));
    let latency = |f: &Figures| {
        f.short
            .as_ref()
            .and_then(|r| median(&r.typed.latencies.iter().map(|&d| ms(d)).collect::<Vec<_>>()))
            .map(|v| format!("{v:.2}"))
            .unwrap_or_else(dash)
    };
    rows.push([
        "key echo latency, ms (median, 2,000 characters)".into(),
        latency(cb),
        dash(),
        latency(vim),
        String::new(),
        String::new(),
    ]);
    // CPU per key: first and last quarter, and (casebook) at 100 kB.
    let cpu_cell = |r: Option<&Reflection>, huge: Option<f64>| {
        r.and_then(|r| r.first.cpu_us_per_key().zip(r.last.cpu_us_per_key()))
            .map_or_else(dash, |(a, b)| match huge {
                Some(h) => format!("{} -> {} -> {}", num(a), num(b), num(h)),
                None => format!("{} -> {}", num(a), num(b)),
            })
    };
    let cb_long = cb.long.as_ref().or(cb.short.as_ref());
    let cb_cpu_start = cb_long.and_then(|r| r.first.cpu_us_per_key());
    let cb_cpu_huge = cb.huge.as_ref().and_then(|(_, t)| t.cpu_us_per_key());
    let cb_cpu_end = cb_cpu_huge.or(cb_long.and_then(|r| r.last.cpu_us_per_key()));
    rows.push([
        format!(
            "CPU per keystroke, us: first -> last quarter{}",
            match (&cb.long, &cb.huge) {
                (Some(_), Some(_)) => " of 20,000 characters -> at 100 kB (vim: of 2,000)",
                (Some(_), None) => " of 20,000 characters (vim: of 2,000)",
                _ => " of 2,000 characters",
            }
        ),
        cpu_cell(cb_long, cb_cpu_huge),
        dash(),
        cpu_cell(vim.short.as_ref(), None),
        format!("flat (within {:.0}%)", TARGET_FLAT * 100.0),
        cb_cpu_start.zip(cb_cpu_end).map_or_else(dash, |(a, b)| {
            format!("{:.1}x {}", b / a, verdict(b / a <= 1.0 + TARGET_FLAT))
        }),
    ]);
    let paced = |f: &Figures| f.paced.as_ref().map(Typing::per_key);
    rows.push([
        format!(
            "bytes per typed character at a person's pace ({PACED_CHARS} keys, one per {} ms)",
            PACE.as_millis()
        ),
        show(paced(cb)),
        dash(),
        show(paced(vim)),
        String::new(),
        paced(cb)
            .zip(paced(vim))
            .map_or_else(dash, |(c, v)| format!("{:.2}x vim", c / v)),
    ]);
    if let Some((at, typing)) = &cb.huge {
        rows.push([
            format!("bytes per typed character at {} kB", at / 1000),
            num(typing.per_key()),
            dash(),
            dash(),
            String::new(),
            String::new(),
        ]);
    }

    // Memory, size, queries.
    let peak = |f: &Figures| (f.peak_kb > 0).then(|| f.peak_kb as f64 / 1024.0);
    let mb = |value: Option<f64>| value.map_or_else(dash, |v| format!("{v:.1}"));
    rows.push([
        "peak memory (VmHWM), MB".into(),
        mb(peak(cb)),
        mb(peak(less)),
        mb(peak(vim)),
        format!("<= {} MB", TARGET_PEAK_KB / 1024),
        peak(cb).map_or_else(dash, |p| {
            format!(
                "{:.2}x {}",
                p * 1024.0 / TARGET_PEAK_KB as f64,
                verdict(cb.peak_kb <= TARGET_PEAK_KB)
            )
        }),
    ]);
    let size = |f: &Figures| f.binary_bytes.map(|b| b as f64 / 1024.0 / 1024.0);
    rows.push([
        "binary size, MB (less, vim: the installed binary alone)".into(),
        mb(size(cb)),
        mb(size(less)),
        mb(size(vim)),
        format!("<= {} MB", TARGET_BINARY_BYTES / 1024 / 1024),
        cb.binary_bytes.map_or_else(dash, |b| {
            format!(
                "{:.2}x {}",
                b as f64 / TARGET_BINARY_BYTES as f64,
                verdict(b <= TARGET_BINARY_BYTES)
            )
        }),
    ]);
    let queries = |f: &Figures| {
        if f.queries.is_empty() {
            "none".to_owned()
        } else {
            f.queries
                .iter()
                .map(|(name, n)| format!("{name} x{n}"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    rows.push([
        "terminal queries sent (none is answered)".into(),
        queries(cb),
        queries(less),
        queries(vim),
        "none waited on".into(),
        verdict(!cb.first_frames.is_empty() && cb.problems.is_empty()).to_owned(),
    ]);

    let mut out = format!(
        "casebook beside less and vim, {COLS}x{ROWS} pseudo-terminal, TERM=xterm-256color, \
         module `{MODULE}` ({} sections)\n\n",
        setup.sections
    );
    out.push_str("| measure | casebook | less | vim -u NONE | target | casebook against target |\n");
    out.push_str("| --- | ---: | ---: | ---: | --- | --- |\n");
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    for (tool, figures) in figures {
        for problem in &figures.problems {
            out.push_str(&format!("\n{}: {problem}", tool.name()));
        }
    }
    out.push_str(
        "\n\nKeys are typed one at a time, each once the last one's answer is on screen. Of the \
         20,000-character reflection only the first and last quarter are typed; the middle half is pasted.\n",
    );
    out
}
