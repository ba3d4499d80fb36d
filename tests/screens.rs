//! Screen snapshots: every screen at 80x24, 120x40 and 40x12, drawn by
//! `view` into ratatui's TestBackend. With NO_COLOR the same text shows, no
//! cell carries a colour, and the selection is still marked by reversal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use casebook::content;
use casebook::journal::Profile;
use casebook::store::MemoryStore;
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

/// "Skip it for now?" above the box, and the foot gives the keys to answer
/// it: the two agree.
#[test]
fn skip_prompt() {
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = take_aways(width, height);
        // Done writing; on to question 2 and out of its editor; on again
        // without an answer asks.
        keys(
            &mut app,
            &[KeyCode::Esc, KeyCode::Char('l'), KeyCode::Esc, KeyCode::Char('l')],
        );
        let screen = draw(&app).backend().to_string();
        assert!(screen.contains("y skip · a answer · Esc stay"), "{screen}");
        check("skip_prompt", app);
    }
}

fn ctrl_key(app: &mut App<MemoryStore>, c: KeyCode, second: i64) {
    app.handle(Msg::Key(KeyEvent::new(c, KeyModifiers::CONTROL)), at(second));
}

/// Words on screen, joined across lines and borders, to find a sentence
/// however it wraps.
fn words_on(screen: &str) -> String {
    screen
        .split(['"', '\n', '│'])
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

/// At 80x24 the prompts take the rows they need: the last one is whole.
/// At 40x12 there is no room, and the foot says so.
#[test]
fn prompts() {
    let mut app = take_aways(80, 24);
    ctrl_key(&mut app, KeyCode::Char('g'), 50);
    let screen = draw(&app).backend().to_string();
    assert!(
        words_on(&screen).contains("What will you change, and by when?"),
        "{screen}"
    );
    check("prompts", app);
    let mut small = take_aways(40, 12);
    ctrl_key(&mut small, KeyCode::Char('g'), 50);
    assert!(!matches!(&small.model.screen, casebook::tui::model::Screen::Reader(reader) if reader.prompts));
    let screen = draw(&small).backend().to_string();
    assert!(
        words_on(&screen).contains("No room for the prompts here: make the window taller."),
        "{screen}"
    );
    check("prompts", small);
}

/// Reading the text at 40x12, the prompts take the body: more than fit,
/// so they scroll (↓ or Ctrl-↓) down to the last, which shows whole.
#[test]
fn prompts_scroll_when_they_must() {
    let mut app = app(true, 40, 12);
    keys(&mut app, &[KeyCode::Down, KeyCode::Down, KeyCode::Enter]);
    ctrl_key(&mut app, KeyCode::Char('g'), 40);
    let first = draw(&app).backend().to_string();
    assert!(first.contains("more prompts: Ctrl-↓"), "{first}");
    keys(&mut app, &[KeyCode::Down; 12]);
    let screen = draw(&app).backend().to_string();
    assert!(
        words_on(&screen).contains("What will you change, and by when?"),
        "{screen}"
    );
    assert!(!screen.contains("more prompts"), "at the end:\n{screen}");
    check("prompts_scrolled", app);
}

/// At 40x12 the question is longer than the rows above the box: Ctrl-↓
/// scrolls it, so every word of it can be read, and the box keeps three rows.
#[test]
fn a_long_question_scrolls_above_the_box_on_a_small_screen() {
    let mut app = take_aways(40, 12);
    let question = app.model.courses[0].modules[2]
        .questions()
        .next()
        .map(|(_, question)| question.text.clone())
        .unwrap();
    let mut seen = String::new();
    for step in 0..8 {
        seen.push_str(&draw(&app).backend().to_string());
        ctrl_key(&mut app, KeyCode::Down, 60 + step);
    }
    let seen_words = words_on(&seen);
    for word in question.split_whitespace() {
        assert!(seen_words.contains(word), "{word:?} never shown");
    }
    let screen = draw(&app).backend().to_string();
    assert!(
        screen.contains("┌▶ Your reflection") && screen.contains("│très bien."),
        "{screen}"
    );
    check("question_scrolled", app);
}

/// The action point is written in a box titled for it.
#[test]
fn action_point() {
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = app(true, width, height);
        app.model.home.selected = 1;
        keys(&mut app, &[KeyCode::Enter]);
        let sections = app.model.courses[0].modules[1].sections.len();
        let read_and_on: Vec<KeyCode> = (0..sections).flat_map(|_| [KeyCode::End, KeyCode::Char('l')]).collect();
        keys(&mut app, &read_and_on);
        keys(&mut app, &[KeyCode::Char('a')]);
        keys(&mut app, &chars("Book supervision"));
        let screen = draw(&app).backend().to_string();
        assert!(
            screen.contains("Your action point") && !screen.contains("Your reflection"),
            "{screen}"
        );
        check("action_point", app);
    }
}

/// Tim studied, then the export dialog from home, its file in /home/jo/logs.
#[cfg(unix)]
fn export_dialog(width: u16, height: u16) -> App<MemoryStore> {
    let mut app = take_aways(width, height);
    app.model.export_dir = "/home/jo/logs".into();
    keys(&mut app, &[KeyCode::Esc, KeyCode::Char('q'), KeyCode::Char('e')]);
    assert!(app.model.export().is_some());
    app
}

/// The dialog wraps its lines to the screen and says which folder the log
/// goes to and which modules it holds; dates get fields of their own.
/// (Unix only: its folder is a Unix path, which Windows joins with `\`.)
#[cfg(unix)]
#[test]
fn export() {
    for (width, height) in [(80, 24), (40, 12)] {
        let app = export_dialog(width, height);
        let screen = draw(&app).backend().to_string();
        assert!(screen.contains("Folder: /home/jo/logs"), "{screen}");
        check("export", app);
    }
    let mut app = export_dialog(80, 24);
    keys(&mut app, &[KeyCode::Up, KeyCode::Right, KeyCode::Right, KeyCode::Right]);
    let screen = draw(&app).backend().to_string();
    assert!(screen.contains("Includes 1 module: Tim, 17."), "{screen}");
    check("export_dates", app);
}

/// What the identifying-details check found, listed in the export dialog
/// before anything is written: the words, why, and where; the keys to open,
/// mark or go on always show, and the list scrolls to the one chosen.
#[cfg(unix)]
#[test]
fn export_findings() {
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = app(true, width, height);
        app.model.export_dir = "/home/jo/logs".into();
        app.model.home.selected = 2;
        keys(&mut app, &[KeyCode::Enter]);
        let sections = app.model.courses[0].modules[2].sections.len();
        keys(&mut app, &vec![KeyCode::Char('l'); sections]);
        keys(
            &mut app,
            &chars("I rang Mrs Ahmed on 07700 900123 about the flat at 14 Elm Road, LS6 2AB."),
        );
        keys(
            &mut app,
            &[KeyCode::Esc, KeyCode::Char('q'), KeyCode::Char('e'), KeyCode::Enter],
        );
        keys(&mut app, &[KeyCode::Down, KeyCode::Down, KeyCode::Down]);
        let screen = draw(&app).backend().to_string();
        assert!(screen.contains("LS6 2AB"), "the chosen finding in sight: {screen}");
        assert!(screen.contains("Enter open"), "{screen}");
        check("export_findings", app);
    }
}

/// A mark that cannot be kept (no data folder here) is said in the list,
/// which stays, and nothing is written.
#[cfg(unix)]
#[test]
fn a_mark_that_cannot_be_kept_is_said_in_the_findings() {
    let mut app = app(true, 80, 24);
    app.model.export_dir = "/nonexistent/logs".into();
    app.model.home.selected = 2;
    keys(&mut app, &[KeyCode::Enter]);
    let sections = app.model.courses[0].modules[2].sections.len();
    keys(&mut app, &vec![KeyCode::Char('l'); sections]);
    keys(&mut app, &chars("I rang Mrs Ahmed about the plan."));
    keys(
        &mut app,
        &[KeyCode::Esc, KeyCode::Char('q'), KeyCode::Char('e'), KeyCode::Enter],
    );
    keys(&mut app, &[KeyCode::Char('m')]);
    let screen = draw(&app).backend().to_string();
    assert!(screen.contains("could not be kept"), "{screen}");
    assert!(screen.contains("\"Mrs Ahmed\""), "the finding stays listed: {screen}");
}

/// At 120 columns every stage's name and every case show whole, and a
/// module in progress says so in its cell.
#[test]
fn the_grid_cuts_no_stage_or_case_it_has_room_for() {
    let mut app = take_aways(120, 40);
    keys(&mut app, &[KeyCode::Esc, KeyCode::Char('q')]);
    let screen = draw(&app).backend().to_string();
    let course = &app.model.courses[0];
    for stage in &course.stages {
        for word in stage.title.split_whitespace() {
            assert!(screen.contains(word), "{:?}:\n{screen}", stage.title);
        }
    }
    for module in course.modules.iter().filter(|module| module.stage.is_some()) {
        let case = casebook::tui::view::short_name(module);
        assert!(screen.contains(case), "{case}:\n{screen}");
    }
    assert!(!screen.contains('…'), "nothing cut:\n{screen}");
    check("grid_in_progress", app);
}

/// A course with more stages than fit across the screen is a list, not a
/// grid of empty cells.
#[test]
fn a_course_with_more_stages_than_fit_is_a_list() {
    let mut app = app(true, 120, 40);
    let course = &mut app.model.courses[0];
    course.stages = (0..300)
        .map(|index| casebook::content::Stage {
            id: format!("stage-{index}"),
            title: format!("Stage {index}"),
        })
        .collect();
    for (index, module) in course.modules.iter_mut().enumerate() {
        if module.stage.is_some() {
            module.stage = Some(format!("stage-{index}"));
        }
    }
    let screen = draw(&app).backend().to_string();
    assert!(
        screen.contains("▸ Introduction"),
        "the list marks the selection:\n{screen}"
    );
    assert!(screen.contains("Stage 2: Tim, 17"), "{screen}");
    keys(&mut app, &[KeyCode::Down, KeyCode::Down]);
    assert_eq!(app.model.home.selected, 2, "the arrows move down the list");
}

/// The profile opened from home does not tell the learner to press u.
#[test]
fn profile_from_home() {
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = app(true, width, height);
        keys(&mut app, &[KeyCode::Char('u')]);
        keys(&mut app, &chars("Jo"));
        let screen = draw(&app).backend().to_string();
        assert!(!screen.contains("Press u"), "{screen}");
        check("profile", app);
    }
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

/// Each label has a space before its value, at every size.
#[test]
fn profile_labels_keep_a_space_before_the_value() {
    for (width, height) in SIZES {
        let mut app = app(true, width, height);
        keys(&mut app, &[KeyCode::Char('u'), KeyCode::Up]);
        keys(&mut app, &chars("Ann"));
        let screen = draw(&app).backend().to_string();
        assert!(screen.contains("Supervisor Ann"), "{width}x{height}:\n{screen}");
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
        // The folder is never broken across lines: whole on a line of its
        // own, or with its middle taken out and both ends kept.
        let lines: Vec<&str> = screen.lines().map(|line| line.trim_matches('"').trim()).collect();
        let whole = lines.contains(&folder);
        let (start, end) = (&folder[..6], &folder[folder.len() - 6..]);
        let cut = lines
            .iter()
            .any(|line| line.contains('…') && line.starts_with(start) && line.ends_with(end));
        assert!(whole || cut, "{folder}:\n{screen}");
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
