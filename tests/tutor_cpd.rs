//! The tutor's side of CPD records (issue 16) and of Windows consoles
//! (issue 15): the record form on the completion screen, the year's line on
//! home, keys arriving in a burst, and ASCII symbols. Driven through `App`
//! with a `MemoryStore` and an injected clock.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use casebook::content;
use casebook::cpd::record::{CpdRecord, Written};
use casebook::journal::{CpdDraft, Profile};
use casebook::review::{Comment, ImportedReview, ModuleRef, Review, ReviewerKind, SignatureStatus};
use casebook::store::MemoryStore;
use casebook::tui::model::{Focus, Screen};
use casebook::tui::view;
use casebook::tui::{App, Msg};
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const COURSE: &str = "hmip-youth-2021";
const TIM_ID: &str = "desistance-assessing";
/// Tim's module: index 2 in course order; its questions are in the last section.
const TIM: usize = 2;

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_795_000_000 + seconds).unwrap()
}

fn on(when: &str) -> Timestamp {
    when.parse().unwrap()
}

fn welcomed_store() -> MemoryStore {
    MemoryStore {
        profile: Some(Profile {
            schema: 1,
            welcomed: true,
            ..Profile::default()
        }),
        ..MemoryStore::default()
    }
}

fn app_with(store: MemoryStore, width: u16, height: u16, now: Timestamp) -> App<MemoryStore> {
    let library = content::load_library(None, &[]);
    let mut app = App::new(library.courses, store, "/home/jo/.local/share/casebook".into());
    app.handle(Msg::Resize(width, height), now);
    app
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn type_text(app: &mut App<MemoryStore>, text: &str, now: Timestamp) {
    for c in text.chars() {
        let code = if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) };
        app.handle(key(code), now);
    }
}

fn press(app: &mut App<MemoryStore>, keys: &str, now: Timestamp) {
    for c in keys.chars() {
        app.handle(key(KeyCode::Char(c)), now);
    }
}

/// Reads Tim's module to its end, answering both questions, to the
/// completion screen.
fn complete_tim(app: &mut App<MemoryStore>, now: Timestamp) {
    app.handle(key(KeyCode::Home), now);
    for _ in 0..TIM {
        app.handle(key(KeyCode::Down), now);
    }
    app.handle(key(KeyCode::Enter), now);
    let last = app.model.courses[0].modules[TIM].sections.len() - 1;
    for _ in 0..last {
        app.handle(key(KeyCode::End), now);
        press(app, "l", now);
    }
    app.handle(key(KeyCode::End), now);
    press(app, "l", now);
    type_text(app, "My private first reflection.", now);
    app.handle(key(KeyCode::Esc), now);
    press(app, "l", now);
    type_text(app, "My private second reflection.", now);
    app.handle(key(KeyCode::Esc), now);
    press(app, "l", now);
    assert!(
        matches!(app.model.screen, Screen::Completion(_)),
        "the module is complete"
    );
}

fn form_text(app: &App<MemoryStore>, index: usize) -> String {
    app.model.cpd_form().expect("the CPD form is open").boxes[index]
        .text()
        .to_owned()
}

fn review_of_tim(kind: ReviewerKind) -> ImportedReview {
    ImportedReview {
        file: "reviews/20261120-1FC1087C-9A0B1C2D.review.json".into(),
        signature: SignatureStatus::Unsigned,
        review: Review {
            format: "casebook-review".into(),
            format_version: 1,
            log_id: "20261120-1FC1087C".into(),
            log_digest: format!("sha256:{}", "0".repeat(64)),
            learner: Some("Jo".into()),
            reviewer: casebook::review::format::Reviewer {
                name: "Sam Peer".into(),
                role: None,
                kind,
            },
            date: "2026-11-20".parse().unwrap(),
            casebook_version: "0.1.0".into(),
            modules: vec![ModuleRef {
                course: COURSE.into(),
                module: TIM_ID.into(),
            }],
            comments: vec![Comment {
                course: COURSE.into(),
                module: TIM_ID.into(),
                question: "stood-out".into(),
                question_text: "What stood out?".into(),
                reflection: "My private first reflection.".into(),
                comment: "You named the employer question well.".into(),
            }],
            overall_comments: Some("Bring this to team meeting.".into()),
            agreed_actions: None,
            next_review: None,
            identifying_check: None,
        },
    }
}

fn screen_text(app: &App<MemoryStore>) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.model.width, app.model.height)).unwrap();
    terminal.draw(|frame| view::draw(&app.model, frame)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn a_cpd_record_is_made_from_the_completion_screen_from_what_the_learner_writes() {
    let mut app = app_with(welcomed_store(), 80, 24, at(0));
    complete_tim(&mut app, at(1));
    press(&mut app, "c", at(2));
    assert!(app.model.cpd_form().is_some(), "c opens the CPD record form");
    // Nothing of the learner's reflections is put in for them.
    for index in 0..3 {
        assert_eq!(form_text(&app, index), "");
    }
    type_text(&mut app, "Ask about work early.", at(3));
    app.handle(key(KeyCode::Tab), at(4));
    type_text(&mut app, "Plans name an employer.\nChildren get a route in.", at(5));
    app.handle(ctrl('s'), at(6));
    assert!(
        app.model.cpd_form().is_none(),
        "the form closes once the record is saved"
    );
    assert_eq!(app.store.cpd.len(), 1);
    let record = &app.store.cpd[0];
    assert_eq!(record.texts.learning, "Ask about work early.");
    assert_eq!(record.texts.impact, "Plans name an employer.\nChildren get a route in.");
    assert_eq!(record.texts.peer_reflection, "");
    assert_eq!(record.modules[0].module, TIM_ID);
    let everything = format!("{:?}", record.texts);
    assert!(
        !everything.contains("private"),
        "no reflection is copied into the record"
    );
    let notice = app.model.notice.clone().unwrap_or_default();
    assert!(notice.contains(&record.id), "{notice}");
    assert!(
        notice.contains(&format!("casebook cpd export {}", record.id)),
        "{notice}"
    );
    // The year is counted again from the records as they now are.
    let (_, status) = app.model.cpd_year.as_ref().expect("the year's status");
    assert_eq!(status.records, vec![record.id.clone()]);
    // A second record the same day gets an id of its own.
    press(&mut app, "c", at(7));
    type_text(&mut app, "Another thing learnt.", at(8));
    app.handle(key(KeyCode::Tab), at(8));
    type_text(&mut app, "Another impact.", at(8));
    app.handle(ctrl('s'), at(9));
    assert_eq!(app.store.cpd.len(), 2);
    assert_ne!(app.store.cpd[0].id, app.store.cpd[1].id);
}

#[test]
fn a_record_needs_what_was_learnt_and_its_impact_and_a_failed_save_keeps_the_form() {
    let mut app = app_with(welcomed_store(), 80, 24, at(0));
    complete_tim(&mut app, at(1));
    press(&mut app, "c", at(2));
    type_text(&mut app, "Learnt this.", at(3));
    app.handle(ctrl('s'), at(4));
    assert!(app.store.cpd.is_empty());
    let form = app.model.cpd_form().expect("the form stays");
    assert!(form.problem.as_deref().unwrap_or_default().contains("impact"));
    assert_eq!(form.focus, 1, "the box still to write gets the focus");
    type_text(&mut app, "Impact.", at(5));
    app.store.fail_with = Some("No space left on device".into());
    app.handle(ctrl('s'), at(6));
    assert!(app.store.cpd.is_empty());
    let form = app.model.cpd_form().expect("the form stays after a failed save");
    let problem = form.problem.clone().unwrap_or_default();
    assert!(problem.contains("No space left on device"), "{problem}");
    assert!(problem.contains("cpd/"), "the file is named: {problem}");
    assert_eq!(form_text(&app, 0), "Learnt this.");
    // Esc closes the form; c opens it again as it was.
    app.store.fail_with = None;
    app.handle(key(KeyCode::Esc), at(7));
    assert!(app.model.cpd_form().is_none());
    press(&mut app, "c", at(8));
    assert_eq!(form_text(&app, 0), "Learnt this.");
    assert_eq!(form_text(&app, 1), "Impact.");
}

#[test]
fn a_peer_reviews_comments_are_offered_and_taken_only_when_the_learner_asks() {
    let store = MemoryStore {
        reviews: vec![review_of_tim(ReviewerKind::Peer)],
        ..welcomed_store()
    };
    let mut app = app_with(store, 80, 24, at(0));
    complete_tim(&mut app, at(1));
    press(&mut app, "c", at(2));
    assert_eq!(form_text(&app, 2), "", "never copied without the learner choosing");
    assert!(screen_text(&app).contains("Sam Peer reviewed this as your peer"));
    type_text(&mut app, "Learnt.", at(3));
    app.handle(key(KeyCode::Tab), at(3));
    type_text(&mut app, "Impact.", at(3));
    app.handle(ctrl('r'), at(4));
    let peer = form_text(&app, 2);
    assert!(peer.contains("You named the employer question well."), "{peer}");
    assert!(peer.contains("Bring this to team meeting."), "{peer}");
    assert_eq!(app.model.cpd_form().unwrap().focus, 2);
    app.handle(ctrl('s'), at(5));
    assert!(app.store.cpd[0].texts.peer_reflection.contains("employer question"));

    // A supervisor's review is not a peer reflection: nothing is offered.
    let store = MemoryStore {
        reviews: vec![review_of_tim(ReviewerKind::Supervisor)],
        ..welcomed_store()
    };
    let mut app = app_with(store, 80, 24, at(0));
    complete_tim(&mut app, at(1));
    press(&mut app, "c", at(2));
    app.handle(ctrl('r'), at(3));
    assert_eq!(form_text(&app, 2), "");
    assert!(!screen_text(&app).contains("Sam Peer"));
}

fn burst(keys: &[KeyCode]) -> Msg {
    Msg::Burst(
        keys.iter()
            .map(|code| KeyEvent::new(*code, KeyModifiers::NONE))
            .collect(),
    )
}

#[test]
fn keys_arriving_in_a_burst_are_typed_text_in_an_editor_tab_and_enter_included() {
    let mut app = app_with(welcomed_store(), 80, 24, at(0));
    complete_tim(&mut app, at(1));
    press(&mut app, "r", at(2));
    // The first question's answer box, open.
    let last = app.model.courses[0].modules[TIM].sections.len() - 1;
    if let Screen::Reader(reader) = &mut app.model.screen {
        reader.section = last;
    }
    app.handle(key(KeyCode::Tab), at(3));
    app.handle(key(KeyCode::Enter), at(3));
    let Screen::Reader(reader) = &app.model.screen else {
        panic!("the reader");
    };
    assert_eq!(reader.focus, Focus::Editor);
    let before = reader.editor.as_ref().unwrap().area.text().to_owned();
    app.handle(key(KeyCode::End), at(4));
    app.handle(
        burst(&[
            KeyCode::Char('a'),
            KeyCode::Tab,
            KeyCode::Char('b'),
            KeyCode::Enter,
            KeyCode::Char('c'),
        ]),
        at(4),
    );
    let Screen::Reader(reader) = &app.model.screen else {
        panic!("still the reader");
    };
    assert_eq!(reader.focus, Focus::Editor, "a pasted Tab does not move the focus");
    let text = reader.editor.as_ref().unwrap().area.text().to_owned();
    assert!(text.ends_with("a    b\nc"), "{before:?} then {text:?}");

    // In the CPD form a pasted Tab stays in the box; a typed one moves on.
    app.handle(key(KeyCode::Esc), at(5));
    complete_tim_again(&mut app, at(6));
    press(&mut app, "c", at(7));
    app.handle(
        burst(&[KeyCode::Char('x'), KeyCode::Tab, KeyCode::Enter, KeyCode::Char('y')]),
        at(8),
    );
    assert_eq!(app.model.cpd_form().unwrap().focus, 0);
    assert_eq!(form_text(&app, 0), "x    \ny");
    app.handle(key(KeyCode::Tab), at(9));
    assert_eq!(app.model.cpd_form().unwrap().focus, 1);

    // Outside an editor, keys in a burst are keys.
    app.handle(key(KeyCode::Esc), at(10));
    press(&mut app, "q", at(10));
    assert!(matches!(app.model.screen, Screen::Home));
    app.handle(key(KeyCode::Home), at(11));
    app.handle(burst(&[KeyCode::Char('j'), KeyCode::Char('j')]), at(11));
    assert_eq!(app.model.home.selected, 2);
}

/// Back to Tim's completion screen from home.
fn complete_tim_again(app: &mut App<MemoryStore>, now: Timestamp) {
    if !matches!(app.model.screen, Screen::Home) {
        press(app, "q", now);
    }
    app.handle(key(KeyCode::Home), now);
    for _ in 0..TIM {
        app.handle(key(KeyCode::Down), now);
    }
    app.handle(key(KeyCode::Enter), now);
    let last = app.model.courses[0].modules[TIM].sections.len() - 1;
    if let Screen::Reader(reader) = &mut app.model.screen {
        reader.section = last;
        reader.focus = Focus::Questions;
        reader.question = 1;
    }
    press(app, "l", now);
    assert!(matches!(app.model.screen, Screen::Completion(_)));
}

fn record(id: &str, peer: &str, made: Timestamp) -> CpdRecord {
    let mut record = CpdRecord::new(
        id.into(),
        &[],
        Written {
            learning: format!("Learning {id}"),
            impact: format!("Impact {id}"),
            peer_reflection: peer.into(),
        },
        &jiff::tz::TimeZone::UTC,
        made,
    );
    // Made of no module, it has no title or description; casebook always
    // writes them, and a record without them is a draft that does not count.
    record.texts.title = format!("Title {id}");
    record.texts.description = format!("Description {id}");
    record
}

fn store_with_one_record() -> MemoryStore {
    MemoryStore {
        cpd: vec![record("2026-03-02", "", on("2026-03-02T10:00:00Z"))],
        ..welcomed_store()
    }
}

fn home_line(app: &App<MemoryStore>) -> String {
    let screen = screen_text(app);
    screen
        .lines()
        .find(|line| line.contains("CPD"))
        .unwrap_or_default()
        .trim_matches(|c: char| c == '"' || c.is_whitespace())
        .to_owned()
}

#[test]
fn home_shows_the_registration_year_around_the_deadline_by_the_models_clock() {
    let mut app = app_with(store_with_one_record(), 80, 24, on("2026-11-29T12:00:00Z"));
    assert_eq!(
        home_line(&app),
        "CPD due 30 November (1 day left): 1 of 2 records · peer reflection: no"
    );
    // A minute before the deadline.
    app.handle(Msg::Tick, on("2026-11-30T23:59:00Z"));
    assert_eq!(
        home_line(&app),
        "CPD due today, 30 November, by 11.59pm: 1 of 2 records · peer reflection: no"
    );
    // The next registration year: last year's record no longer counts.
    app.handle(Msg::Tick, on("2026-12-01T00:00:00Z"));
    assert_eq!(
        home_line(&app),
        "CPD this year: 0 of 2 records · peer reflection: no · 364 days left"
    );
    // Well before the last 30 days, no alarm; a peer reflection counts.
    let store = MemoryStore {
        cpd: vec![record("2026-03-02", "Sam's view.", on("2026-03-02T10:00:00Z"))],
        ..welcomed_store()
    };
    let app = app_with(store, 40, 12, on("2026-06-01T09:00:00Z"));
    assert_eq!(home_line(&app), "CPD 1/2 · peer: yes · 182 days left");
    let app = app_with(store_with_one_record(), 40, 12, on("2026-11-29T12:00:00Z"));
    assert_eq!(home_line(&app), "CPD 1 day left! 1/2 · peer: no");
}

fn snapshot(name: &str, app: &App<MemoryStore>) {
    insta::assert_snapshot!(
        format!("{name}_{}x{}", app.model.width, app.model.height),
        screen_text(app)
    );
}

#[test]
fn snapshots_of_the_cpd_form_and_the_home_line() {
    for (width, height) in [(80, 24), (40, 12)] {
        let store = MemoryStore {
            reviews: vec![review_of_tim(ReviewerKind::Peer)],
            ..store_with_one_record()
        };
        let mut app = app_with(store, width, height, on("2026-11-29T12:00:00Z"));
        snapshot("cpd_home", &app);
        complete_tim(&mut app, on("2026-11-29T12:01:00Z"));
        snapshot("cpd_completion", &app);
        press(&mut app, "c", on("2026-11-29T12:02:00Z"));
        type_text(&mut app, "Ask about work early.", on("2026-11-29T12:03:00Z"));
        snapshot("cpd_form", &app);
    }
}

#[test]
fn ascii_symbols_replace_every_symbol_on_home_the_questions_and_completion() {
    const SYMBOLS: [char; 7] = ['◐', '✓', '⊘', '▸', '▶', '●', '○'];
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = app_with(welcomed_store(), width, height, at(0));
        app.handle(
            Msg::Start(casebook::tui::Startup {
                ascii: true,
                ..casebook::tui::Startup::default()
            }),
            at(0),
        );
        app.handle(Msg::Resize(width, height), at(0));
        complete_tim(&mut app, at(1));
        let check = |app: &App<MemoryStore>, name: &str| {
            let screen = screen_text(app);
            assert!(
                !screen.chars().any(|c| SYMBOLS.contains(&c)),
                "{name} at {width}x{height} has a symbol the classic console cannot show:\n{screen}"
            );
            // Nor the course's dashes, the separators or the borders (issue 25).
            let other: String = screen.chars().filter(|c| !c.is_ascii()).collect();
            assert!(
                other.is_empty(),
                "{name} at {width}x{height} draws {other:?} in ASCII mode:\n{screen}"
            );
            snapshot(name, app);
        };
        check(&app, "ascii_completion");
        press(&mut app, "q", at(3));
        app.handle(key(KeyCode::Down), at(4));
        check(&app, "ascii_home");
        app.handle(key(KeyCode::Up), at(4));
        app.handle(key(KeyCode::Enter), at(5));
        let last = app.model.courses[0].modules[TIM].sections.len() - 1;
        if let Screen::Reader(reader) = &mut app.model.screen {
            reader.section = last;
            reader.focus = Focus::Questions;
            reader.question = 0;
        }
        app.handle(Msg::Tick, at(6));
        check(&app, "ascii_questions");
    }
}

/// A CPD record not yet made: Ctrl-C (or q on home with the form closed but
/// its text kept) says so and stays; asking again leaves, its text saved as
/// the module's draft.
#[test]
fn leaving_with_a_cpd_record_half_written_asks_first() {
    let mut app = app_with(welcomed_store(), 80, 24, at(0));
    complete_tim(&mut app, at(1));
    press(&mut app, "c", at(2));
    type_text(&mut app, "Half a thought about what I learnt.", at(3));
    app.handle(ctrl('c'), at(4));
    assert!(!app.model.quit, "the first Ctrl-C stays");
    assert_eq!(app.model.notice.as_deref(), Some(casebook::text::CPD_FORM_NOT_MADE));
    assert_eq!(form_text(&app, 0), "Half a thought about what I learnt.");
    assert!(
        screen_text(&app).contains("what you wrote is kept with the module"),
        "the form shows why casebook stayed:\n{}",
        screen_text(&app)
    );
    app.handle(ctrl('c'), at(5));
    assert!(app.model.quit, "asked again, it leaves");
    assert_eq!(
        draft_saved(&app).map(|draft| draft.learning),
        Some("Half a thought about what I learnt.".to_owned()),
        "leaving saves the form's text as the module's draft"
    );

    // With nothing written in the form, Ctrl-C leaves at once.
    let mut app = app_with(welcomed_store(), 80, 24, at(0));
    complete_tim(&mut app, at(1));
    press(&mut app, "c", at(2));
    app.handle(ctrl('c'), at(3));
    assert!(app.model.quit);
}

/// Tim's journal as the store last saved it.
fn tim_saved(app: &App<MemoryStore>) -> casebook::journal::ModuleJournal {
    app.store
        .modules
        .get(&(COURSE.to_owned(), TIM_ID.to_owned()))
        .cloned()
        .expect("Tim's journal is saved")
}

/// The CPD draft in Tim's journal as the store last saved it.
fn draft_saved(app: &App<MemoryStore>) -> Option<CpdDraft> {
    tim_saved(app).cpd_draft
}

fn draft(learning: &str, impact: &str, peer_reflection: &str) -> CpdDraft {
    CpdDraft {
        learning: learning.into(),
        impact: impact.into(),
        peer_reflection: peer_reflection.into(),
    }
}

/// Tim's module complete, the CPD form open, and two boxes written in at
/// second 3 (nothing saved of them yet).
fn form_written(app: &mut App<MemoryStore>) {
    complete_tim(app, at(1));
    press(app, "c", at(2));
    type_text(app, "Half a thought,\n  kept exactly. ", at(3));
    app.handle(key(KeyCode::Tab), at(3));
    type_text(app, "Some impact.", at(3));
}

#[test]
fn text_typed_in_the_cpd_form_is_saved_as_the_modules_draft_after_the_autosave_delay() {
    let mut app = app_with(welcomed_store(), 80, 24, at(0));
    form_written(&mut app);
    assert_eq!(
        draft_saved(&app),
        None,
        "nothing of the form is saved while it is typed"
    );
    app.handle(Msg::Tick, at(4));
    assert_eq!(
        draft_saved(&app),
        None,
        "not before the learner pauses as long as for a reflection"
    );
    app.handle(Msg::Tick, at(5));
    assert_eq!(
        draft_saved(&app),
        Some(draft("Half a thought,\n  kept exactly. ", "Some impact.", "")),
        "saved exactly as typed, a second and a half after typing stops"
    );
    assert!(app.model.unsaved.is_empty());
    assert!(app.model.cpd_form().is_some(), "the form stays open");

    // Saving fails: the form says NOT SAVED, as the screen's foot would.
    app.store.fail_with = Some("No space left on device".into());
    type_text(&mut app, " More.", at(6));
    app.handle(Msg::Tick, at(8));
    let screen = screen_text(&app);
    assert!(screen.contains("NOT SAVED"), "{screen}");
    assert_eq!(draft_saved(&app).unwrap().impact, "Some impact.");
    app.store.fail_with = None;
    app.handle(Msg::Tick, at(20));
    assert_eq!(
        draft_saved(&app).unwrap().impact,
        "Some impact. More.",
        "the retry saves it"
    );
    assert!(!screen_text(&app).contains("NOT SAVED"));
}

#[test]
fn reopening_the_cpd_form_puts_the_draft_back_and_says_so() {
    let mut app = app_with(welcomed_store(), 80, 24, at(0));
    form_written(&mut app);
    // Esc saves the draft at once, with no wait for the autosave.
    app.handle(key(KeyCode::Esc), at(3));
    assert!(app.model.cpd_form().is_none());
    assert_eq!(
        draft_saved(&app),
        Some(draft("Half a thought,\n  kept exactly. ", "Some impact.", ""))
    );

    // A later run of casebook, from what was saved.
    let store = MemoryStore {
        modules: app.store.modules.clone(),
        reviews: vec![review_of_tim(ReviewerKind::Peer)],
        ..welcomed_store()
    };
    let mut later = app_with(store, 80, 24, at(100));
    complete_tim_again(&mut later, at(101));
    assert_eq!(later.model.notice, None);
    press(&mut later, "c", at(102));
    assert_eq!(form_text(&later, 0), "Half a thought,\n  kept exactly. ");
    assert_eq!(form_text(&later, 1), "Some impact.");
    assert_eq!(form_text(&later, 2), "");
    assert_eq!(later.model.notice.as_deref(), Some(casebook::text::CPD_DRAFT_BACK));
    let screen = screen_text(&later);
    assert!(screen.contains(casebook::text::CPD_DRAFT_BACK), "{screen}");
    // The notice goes at the next key, or the next text arriving at once;
    // the peer review's offer shows again.
    later.handle(Msg::Paste(" Pasted.".into()), at(103));
    let screen = screen_text(&later);
    assert!(!screen.contains(casebook::text::CPD_DRAFT_BACK), "{screen}");
    assert!(screen.contains("Sam Peer reviewed this as your peer"), "{screen}");

    // With no draft kept, the form opens empty and says nothing.
    let mut fresh = app_with(welcomed_store(), 80, 24, at(0));
    complete_tim(&mut fresh, at(1));
    press(&mut fresh, "c", at(2));
    assert_eq!(fresh.model.notice, None);
    assert_eq!(form_text(&fresh, 0), "");
}

#[test]
fn making_the_record_clears_the_draft_and_saves_the_journal() {
    let mut app = app_with(welcomed_store(), 80, 24, at(0));
    form_written(&mut app);
    app.handle(Msg::Tick, at(5));
    assert!(draft_saved(&app).is_some());
    let saves = app.store.saves;
    app.handle(ctrl('s'), at(6));
    assert_eq!(app.store.cpd.len(), 1, "the record is made");
    assert_eq!(app.store.cpd[0].texts.impact, "Some impact.");
    assert_eq!(draft_saved(&app), None, "the draft is gone from the saved journal");
    assert!(app.store.saves > saves);
    assert!(app.model.unsaved.is_empty());
    // The next form starts empty.
    press(&mut app, "c", at(7));
    assert_eq!(form_text(&app, 0), "");
    assert_eq!(form_text(&app, 1), "");
}

/// The form has no discard key: emptying its boxes leaves no draft.
#[test]
fn emptying_the_cpd_forms_boxes_keeps_no_draft() {
    let mut app = app_with(welcomed_store(), 80, 24, at(0));
    complete_tim(&mut app, at(1));
    press(&mut app, "c", at(2));
    type_text(&mut app, "Gone soon.", at(3));
    app.handle(Msg::Tick, at(5));
    assert_eq!(draft_saved(&app).unwrap().learning, "Gone soon.");
    for _ in 0.."Gone soon.".len() {
        app.handle(key(KeyCode::Backspace), at(6));
    }
    app.handle(Msg::Tick, at(8));
    assert_eq!(draft_saved(&app), None);
}

#[test]
fn a_read_only_module_never_gets_a_cpd_draft() {
    let mut app = app_with(welcomed_store(), 80, 24, at(0));
    complete_tim(&mut app, at(1));
    app.handle(Msg::Tick, at(1));
    let before = tim_saved(&app);
    let tim = (COURSE.to_owned(), TIM_ID.to_owned());
    app.model.damaged.insert(tim.clone(), "line 3: expected a map".into());
    press(&mut app, "c", at(2));
    type_text(&mut app, "Written in a read-only module.", at(3));
    app.handle(Msg::Tick, at(10));
    // Nothing can be saved, so nothing falls due: an autosave due for ever
    // would keep the tutor from waiting for keys.
    assert_eq!(app.model.autosave_due(), None);
    app.handle(key(KeyCode::Esc), at(11));
    assert_eq!(tim_saved(&app), before, "never written");
    assert_eq!(
        app.model.journal(&tim).and_then(|journal| journal.cpd_draft.clone()),
        None
    );
    // Leaving says plainly that this text cannot be kept.
    app.handle(ctrl('c'), at(12));
    assert!(!app.model.quit);
    assert_eq!(
        app.model.notice.as_deref(),
        Some(casebook::text::CPD_FORM_NOT_MADE_NOT_KEPT)
    );
    app.handle(ctrl('c'), at(13));
    assert!(app.model.quit);
    assert_eq!(tim_saved(&app), before, "not even on the way out");
}

/// `x` on the completion screen discards the module's newest record: it
/// leaves the year's count, and the foot says how to bring it back.
#[test]
fn x_on_the_completion_screen_discards_the_modules_newest_cpd_record() {
    let mut app = app_with(welcomed_store(), 80, 24, at(0));
    complete_tim(&mut app, at(1));
    press(&mut app, "x", at(2));
    assert!(
        app.model.notice.clone().unwrap_or_default().contains("none to discard"),
        "{:?}",
        app.model.notice
    );
    press(&mut app, "c", at(3));
    type_text(&mut app, "Ask about work early.", at(4));
    app.handle(key(KeyCode::Tab), at(5));
    type_text(&mut app, "Plans name an employer.", at(6));
    app.handle(ctrl('s'), at(7));
    let id = app.store.cpd[0].id.clone();
    press(&mut app, "x", at(8));
    assert!(app.store.cpd.is_empty(), "the record left the records");
    let notice = app.model.notice.clone().unwrap_or_default();
    assert!(notice.contains(&format!("casebook cpd restore {id}")), "{notice}");
    let (_, status) = app.model.cpd_year.as_ref().expect("the year's status");
    assert!(status.records.is_empty(), "not counted");
}
