//! Screen snapshots: every screen at 80x24, 120x40 and 40x12, drawn by
//! `view` into ratatui's TestBackend. With NO_COLOR the same text shows, no
//! cell carries a colour, and the selection is still marked by reversal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use casebook::content;
use casebook::journal::{MemoryStore, Profile};
use casebook::tui::view;
use casebook::tui::{App, Msg};
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (40, 12)];

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_795_000_000 + seconds).unwrap()
}

fn app(welcomed: bool, width: u16, height: u16) -> App<MemoryStore> {
    let profile = Profile {
        schema: 1,
        welcomed,
        ..Profile::default()
    };
    let store = MemoryStore {
        profile: Some(profile),
        ..MemoryStore::default()
    };
    let mut app = App::new(
        content::load_library(None, &[]).courses,
        store,
        "/home/jo/.local/share/casebook".into(),
    );
    app.handle(Msg::Resize(width, height), at(0));
    app
}

fn keys(app: &mut App<MemoryStore>, keys: &[KeyCode]) {
    for (index, code) in keys.iter().enumerate() {
        app.handle(Msg::Key(KeyEvent::new(*code, KeyModifiers::NONE)), at(index as i64 + 1));
    }
}

fn chars(text: &str) -> Vec<KeyCode> {
    text.chars().map(KeyCode::Char).collect()
}

fn draw(app: &App<MemoryStore>) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.model.width, app.model.height)).unwrap();
    terminal.draw(|frame| view::draw(&app.model, frame)).unwrap();
    terminal
}

/// Snapshots the screen with colour, then checks the NO_COLOR rendering
/// shows the same text with no colour at all.
fn check(name: &str, mut app: App<MemoryStore>) {
    app.model.color = true;
    let coloured = draw(&app);
    let text = coloured.backend().to_string();
    insta::assert_snapshot!(format!("{name}_{}x{}", app.model.width, app.model.height), text);
    app.model.color = false;
    let plain = draw(&app);
    assert_eq!(
        plain.backend().to_string(),
        text,
        "{name}: NO_COLOR shows the same text"
    );
    for cell in plain.backend().buffer().content() {
        assert!(
            cell.fg == Color::Reset && cell.bg == Color::Reset,
            "{name}: no colour with NO_COLOR"
        );
    }
}

/// Tim's take-aways, with an answer being written.
fn take_aways(width: u16, height: u16) -> App<MemoryStore> {
    let mut app = app(true, width, height);
    app.model.home.selected = 2;
    keys(&mut app, &[KeyCode::Enter]);
    let sections = app.model.courses[0].modules[2].sections.len();
    keys(&mut app, &vec![KeyCode::Char('l'); sections]);
    keys(&mut app, &chars("The employer's support stood out — très bien."));
    app
}

#[test]
fn home() {
    for (width, height) in SIZES {
        let mut app = app(true, width, height);
        app.model.home.selected = 3;
        check("home", app);
    }
}

#[test]
fn home_marks_the_selection_without_colour() {
    for (width, height) in SIZES {
        let mut app = app(true, width, height);
        app.model.color = false;
        app.model.home.selected = 2;
        let terminal = draw(&app);
        let buffer = terminal.backend().buffer();
        let reversed: String = buffer
            .content()
            .iter()
            .filter(|cell| cell.modifier.contains(Modifier::REVERSED))
            .map(|cell| cell.symbol())
            .collect();
        assert!(
            reversed.contains("Tim"),
            "{width}x{height}: the selected case is drawn reversed: {reversed:?}"
        );
    }
}

#[test]
fn reader() {
    for (width, height) in SIZES {
        let mut app = app(true, width, height);
        keys(
            &mut app,
            &[KeyCode::Down, KeyCode::Down, KeyCode::Enter, KeyCode::Char('l')],
        );
        check("reader", app);
    }
}

#[test]
fn take_aways_editor() {
    for (width, height) in SIZES {
        check("take_aways", take_aways(width, height));
    }
}

#[test]
fn skip_prompt() {
    let mut app = take_aways(80, 24);
    keys(&mut app, &[KeyCode::Esc]);
    app.handle(Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)), at(100));
    keys(&mut app, &[KeyCode::Down, KeyCode::Char('l')]);
    check("skip_prompt", app);
}

#[test]
fn completion() {
    for (width, height) in SIZES {
        let mut app = app(true, width, height);
        app.model.home.selected = 1;
        keys(&mut app, &[KeyCode::Enter]);
        let sections = app.model.courses[0].modules[1].sections.len();
        // Each section read to its end, then on.
        let read_and_on: Vec<KeyCode> = (0..sections).flat_map(|_| [KeyCode::End, KeyCode::Char('l')]).collect();
        keys(&mut app, &read_and_on);
        check("completion", app);
    }
}

#[test]
fn help() {
    for (width, height) in SIZES {
        let mut app = app(true, width, height);
        keys(&mut app, &[KeyCode::Char('?')]);
        check("help_home", app);
    }
    let mut app = take_aways(80, 24);
    keys(&mut app, &[KeyCode::F(1)]);
    check("help_editor", app);
}

#[test]
fn welcome() {
    for (width, height) in SIZES {
        let mut app = app(false, width, height);
        keys(&mut app, &chars("Jo"));
        check("welcome", app);
    }
}

/// However long the data folder's path, the welcome's first sentence (where
/// reflections are kept, and what never to write) is shown whole at 40x12.
#[test]
fn the_welcome_sentence_on_privacy_is_whole_on_a_small_screen() {
    for folder in [
        "/home/jo/.local/share/casebook",
        "/home/a-practitioner-with-a-long-name/.local/share/casebook",
        "/mnt/usb-stick/casebook-portable/north-team/jo-bloggs-2026/reflections/2026/spring-term/practice/weekly",
        "C:\\Users\\a.practitioner\\AppData\\Roaming\\casebook\\data",
    ] {
        let mut app = App::new(
            content::load_library(None, &[]).courses,
            MemoryStore::default(),
            folder.into(),
        );
        app.handle(Msg::Resize(40, 12), at(0));
        let screen = draw(&app).backend().to_string();
        let words = screen.split(['"', '\n']).map(str::trim).collect::<Vec<_>>().join(" ");
        let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains("never anything that could identify a real child, family, victim or colleague."),
            "{folder}:\n{screen}"
        );
        assert!(
            screen.contains("▶ Name"),
            "the field being filled in shows too:\n{screen}"
        );
    }
}

#[test]
fn too_small() {
    let app = app(true, 30, 8);
    check("too_small", app);
}

#[test]
fn any_size_from_one_by_one_up_draws_without_panicking() {
    let mut app = take_aways(80, 24);
    for width in [1u16, 2, 5, 20, 39, 40, 41, 60, 99, 100, 101, 200] {
        for height in [1u16, 2, 5, 11, 12, 13, 30, 60] {
            app.handle(Msg::Resize(width, height), at(1000));
            let _ = draw(&app);
        }
    }
}
