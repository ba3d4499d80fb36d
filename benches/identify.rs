//! The identifying-details check's time on a reflective log of about 3 MB.
//!
//! Run it with `cargo bench --bench identify`. The log is made like an
//! exported one: a heading and a question for each answer, and answers
//! built from `benches/reflection.txt` and the labelled sentences in
//! `tests/fixtures/identify/labelled.txt` (about half of which hold an
//! identifying detail), repeated to 3 MB. The allow list holds the learner's
//! name, the case names and a hundred marks, as an export's would. It prints
//! the median and slowest of five runs, and fails if the median reaches a
//! second.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::env;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use casebook::identify::{Allow, check, mark};

const REFLECTION: &str = include_str!("reflection.txt");
const LABELLED: &str = include_str!("../tests/fixtures/identify/labelled.txt");
const SIZE: usize = 3_000_000;
const RUNS: usize = 5;
const LIMIT: Duration = Duration::from_secs(1);

fn main() -> ExitCode {
    if !env::args().any(|arg| arg == "--bench") {
        // `cargo test --all-targets` runs bench targets without `--bench`.
        println!("identify benchmark: not run under `cargo test`; run `cargo bench --bench identify`");
        return ExitCode::SUCCESS;
    }
    let log = log_text(SIZE);
    let mut allow = Allow::new();
    allow.add_name("Amara Okafor");
    for name in [
        "Sophie", "Daniel", "Tomasz", "Mason", "Tim", "Kai", "James", "Theo", "Farooq", "Phoebe", "Wayne", "Sam",
    ] {
        allow.add_name(name);
    }
    for finding in check(&log, &Allow::new()).iter().step_by(97).take(100) {
        allow.add_mark(mark(&log, finding));
    }

    let mut times = Vec::with_capacity(RUNS);
    let mut found = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        found = black_box(check(black_box(&log), &allow)).len();
        times.push(started.elapsed());
    }
    times.sort();
    let median = times[RUNS / 2];
    let slowest = times[RUNS - 1];
    let megabytes = log.len() as f64 / 1_000_000.0;
    println!("| log | findings | median ms | slowest ms | MB/s |");
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| {megabytes:.1} MB | {found} | {:.0} | {:.0} | {:.1} |",
        median.as_secs_f64() * 1000.0,
        slowest.as_secs_f64() * 1000.0,
        megabytes / median.as_secs_f64()
    );
    if median >= LIMIT {
        eprintln!("the check took {median:?} on {megabytes:.1} MB: it must stay under {LIMIT:?}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// A log of `size` bytes shaped like an export: headings, questions, answers.
fn log_text(size: usize) -> String {
    let sentences: Vec<&str> = LABELLED
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once(" | ").map(|(_, sentence)| sentence))
        .collect();
    let mut log = String::with_capacity(size + 4096);
    let mut entry = 0;
    while log.len() < size {
        entry += 1;
        log.push_str(&format!(
            "## Entry {entry}: Assessing for desistance\n\n**What stood out to you in this case illustration?**\n\n"
        ));
        log.push_str(REFLECTION);
        log.push_str("\n\n");
        for sentence in sentences.iter().cycle().skip(entry * 7 % sentences.len()).take(12) {
            log.push_str(sentence);
            log.push(' ');
        }
        log.push_str("\n\n");
    }
    log
}
