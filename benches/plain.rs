//! Plain mode's time for one long answer, piped: `cargo bench --bench plain`
//! (`-- --binary PATH` times another casebook, an older one say).
//!
//! For answers of 1, 3 and 5 MB (lines of 79 characters and a line end, as
//! a pasted document arrives) and one of exactly the 200,000 characters an
//! answer holds, it runs `casebook read desistance-assessing --plain` in a
//! fresh data folder with the answer and a full stop on standard input, the
//! second question skipped, and reports the wall time from start to exit
//! and the size of the journal it saved. Issue 24 measured 1.6 s, 15.5 s
//! and 92 s for 1, 3 and 5 MB, when each line typed rebuilt the whole
//! answer so far.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.iter().any(|arg| arg == "--bench") {
        // `cargo test --all-targets` runs bench targets without `--bench`.
        println!("plain benchmark: not run under `cargo test`; run `cargo bench --bench plain`");
        return ExitCode::SUCCESS;
    }
    let mut binary = PathBuf::from(env!("CARGO_BIN_EXE_casebook"));
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--binary" {
            binary = rest.next().map(PathBuf::from).unwrap_or(binary);
        }
    }
    println!("casebook: {}", binary.display());
    println!("| answer piped | wall time, s | journal saved, KB | exit |");
    println!("|---|---:|---:|---:|");
    let line = format!("{}\n", "x".repeat(79));
    for megabytes in [1usize, 3, 5] {
        let answer = line.repeat(megabytes * 1_000_000 / line.len());
        row(&binary, &format!("{megabytes} MB"), &answer);
    }
    row(
        &binary,
        "200,000 characters (the limit)",
        &line.repeat(200_000 / line.len()),
    );
    ExitCode::SUCCESS
}

fn row(binary: &Path, name: &str, answer: &str) {
    let data = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let mut child = Command::new(binary)
        .args(["read", "desistance-assessing", "--plain"])
        .env("CASEBOOK_DATA_DIR", data.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = format!("{answer}.\n.\n");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let status = child.wait().unwrap();
    let took = started.elapsed();
    let _ = writer.join();
    let journal = data.path().join("journal/hmip-youth-2021/desistance-assessing.ron");
    let size = std::fs::metadata(journal).map_or(0, |metadata| metadata.len());
    println!(
        "| {name} | {:.2} | {} | {} |",
        took.as_secs_f64(),
        size / 1024,
        status
            .code()
            .map_or_else(|| "signal".to_owned(), |code| code.to_string())
    );
}
