//! The reflection editor's cost per key, in process, as the paragraph grows.
//!
//! Run it with `cargo bench --bench editor` (`-- --quick` leaves out the 2 MB paragraph). Each
//! editor holds one paragraph (no newline) of 20 kB, 200 kB or 2 MB, made of
//! `benches/reflection.txt` repeated. With the cursor in the middle of the paragraph and then at its
//! end, it types 200 characters, presses Enter and Backspace 50 times each, and moves Up 20 rows
//! and Down 20 rows. After every key it draws the answer box as the tutor does: a bordered block
//! 80 columns by 12 rows, the editor drawn into its inner area with `Editor::render`. A key's time
//! is the `input` call plus that draw. Each scenario runs on a fresh editor whose first draw (which
//! wraps what the screen needs) is timed apart; the table gives the median and the slowest key in
//! µs. One more row types into 2 MB split into 100-byte paragraphs, for comparison.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::env;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use casebook::editor::Editor;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

const REFLECTION: &str = include_str!("reflection.txt");
/// The answer box in an 80x24 terminal, border included.
const BOX: Rect = Rect::new(0, 0, 80, 12);
const TYPED_CHARACTERS: usize = 200;
const ENTER_BACKSPACE_PAIRS: usize = 50;
const ROWS_MOVED: usize = 20;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    if !args.iter().any(|arg| arg == "--bench") {
        // `cargo test --all-targets` runs bench targets without `--bench`.
        println!("editor benchmark: not run under `cargo test`; run `cargo bench --bench editor`");
        return ExitCode::SUCCESS;
    }
    let quick = args.iter().any(|arg| arg == "--quick");
    let mut sizes = vec![20_000, 200_000];
    if !quick {
        sizes.push(2_000_000);
    }

    println!("| text | cursor | keys | first draw ms | median µs/key | max µs/key |");
    println!("|---|---|---|---:|---:|---:|");
    for &size in &sizes {
        let paragraph = one_paragraph(size);
        for cursor in [Cursor::Middle, Cursor::End] {
            for scenario in [Scenario::Typing, Scenario::EnterBackspace, Scenario::UpDown] {
                let (first_draw, keys) = run(&paragraph, cursor, scenario);
                print_row(
                    &format!("1 paragraph, {}", bytes(size)),
                    cursor.name(),
                    scenario.name(),
                    first_draw,
                    keys,
                );
            }
        }
    }
    let size = 2_000_000;
    let paragraphs = many_paragraphs(size, 100);
    let (first_draw, keys) = run(&paragraphs, Cursor::Middle, Scenario::Typing);
    print_row(
        &format!("100 B paragraphs, {}", bytes(size)),
        Cursor::Middle.name(),
        Scenario::Typing.name(),
        first_draw,
        keys,
    );
    ExitCode::SUCCESS
}

#[derive(Clone, Copy)]
enum Cursor {
    Middle,
    End,
}

impl Cursor {
    fn name(self) -> &'static str {
        match self {
            Cursor::Middle => "middle",
            Cursor::End => "end",
        }
    }
}

#[derive(Clone, Copy)]
enum Scenario {
    Typing,
    EnterBackspace,
    UpDown,
}

impl Scenario {
    fn name(self) -> &'static str {
        match self {
            Scenario::Typing => "type 200 characters",
            Scenario::EnterBackspace => "Enter, Backspace ×50",
            Scenario::UpDown => "Up ×20, Down ×20",
        }
    }

    fn keys(self) -> Vec<KeyEvent> {
        let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
        match self {
            Scenario::Typing => REFLECTION
                .chars()
                .filter(|c| !c.is_control())
                .take(TYPED_CHARACTERS)
                .map(|c| key(KeyCode::Char(c)))
                .collect(),
            Scenario::EnterBackspace => [key(KeyCode::Enter), key(KeyCode::Backspace)].repeat(ENTER_BACKSPACE_PAIRS),
            Scenario::UpDown => [vec![key(KeyCode::Up); ROWS_MOVED], vec![key(KeyCode::Down); ROWS_MOVED]].concat(),
        }
    }
}

/// `REFLECTION` repeated into one paragraph of about `size` bytes.
fn one_paragraph(size: usize) -> String {
    let flat = REFLECTION.replace('\n', " ");
    let mut text = flat.repeat(size / flat.len() + 1);
    text.truncate(char_boundary_at_or_before(&text, size));
    text
}

/// About `size` bytes of paragraphs of `length` bytes each.
fn many_paragraphs(size: usize, length: usize) -> String {
    let text = one_paragraph(size);
    let mut out = String::with_capacity(size + size / length);
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let (line, tail) = rest.split_at(char_boundary_at_or_before(rest, length));
        out.push_str(line);
        out.push('\n');
        rest = tail;
    }
    out
}

/// A fresh editor holding `text` with the cursor placed; returns its first draw and each key's time.
fn run(text: &str, cursor: Cursor, scenario: Scenario) -> (Duration, Vec<Duration>) {
    let mut editor = match cursor {
        Cursor::End => Editor::new(text).with_limit(usize::MAX),
        Cursor::Middle => {
            let middle = char_boundary_at_or_before(text, text.len() / 2);
            let (before, after) = text.split_at(middle);
            let mut editor = Editor::new(after).with_limit(usize::MAX);
            editor.input(KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL));
            editor.insert_str(before);
            editor
        }
    };
    let mut buf = Buffer::empty(BOX);
    let started = Instant::now();
    draw(&editor, &mut buf);
    let first_draw = started.elapsed();

    let times = scenario
        .keys()
        .into_iter()
        .map(|key| {
            let started = Instant::now();
            black_box(editor.input(key));
            draw(&editor, &mut buf);
            started.elapsed()
        })
        .collect();
    black_box(editor.text().len());
    (first_draw, times)
}

/// The answer box as the tutor's view draws it.
fn draw(editor: &Editor, buf: &mut Buffer) {
    let block = Block::bordered().title("Your answer");
    let inner = block.inner(BOX);
    block.render(BOX, buf);
    black_box(editor.render(inner, buf, Style::default()));
}

fn print_row(text: &str, cursor: &str, keys: &str, first_draw: Duration, mut times: Vec<Duration>) {
    times.sort_unstable();
    let micros = |d: Duration| d.as_secs_f64() * 1e6;
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    let max = times.last().copied().unwrap_or_default();
    println!(
        "| {text} | {cursor} | {keys} | {:.1} | {:.1} | {:.1} |",
        first_draw.as_secs_f64() * 1e3,
        micros(median),
        micros(max)
    );
}

fn bytes(size: usize) -> String {
    if size >= 1_000_000 {
        format!("{} MB", size / 1_000_000)
    } else {
        format!("{} kB", size / 1_000)
    }
}

/// The last char boundary of `text` at or before `at` (`str::floor_char_boundary` is newer than
/// the crate's minimum Rust).
fn char_boundary_at_or_before(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}
