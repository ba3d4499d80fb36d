//! What the learner sees of a supervisor's review in the tutor: comments
//! under each reflection, "edited after review" with the wording reviewed,
//! "reviewed by" on home, the latest review on the completion screen, and
//! importing a review from home (through a real data folder).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use casebook::content;
use casebook::folder::DataPaths;
use casebook::journal::Profile;
use casebook::review::format::{FORMAT_NAME, FORMAT_VERSION, Reviewer};
use casebook::review::{Comment, ImportedReview, ModuleRef, Review, ReviewerKind, SignatureStatus};
use casebook::store::{FileStore, MemoryStore, Store};
use casebook::tui::view;
use casebook::tui::{App, Msg};
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const ANSWER: &str = "The employer's support stood out.";
const COMMENT: &str = "Good: who else could you involve?";
const DIGEST: &str = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
/// Tim, 17: the module with take-away questions used throughout.
const TIM: usize = 2;

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_795_000_000 + seconds).unwrap()
}

fn profile() -> Profile {
    Profile {
        schema: 1,
        welcomed: true,
        ..Profile::default()
    }
}

fn key(app: &mut App<impl Store>, code: KeyCode, second: i64) {
    app.handle(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)), at(second));
}

fn typed(app: &mut App<impl Store>, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c), 5);
    }
}

fn screen(app: &App<impl Store>) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.model.width, app.model.height)).unwrap();
    terminal.draw(|frame| view::draw(&app.model, frame)).unwrap();
    terminal.backend().to_string()
}

/// The screen's words with the borders and line breaks taken out, to find
/// a sentence however it wrapped.
fn words_on(app: &App<impl Store>) -> String {
    screen(app)
        .lines()
        .map(|line| line.trim_matches('"').replace(['│', '┌', '┐', '└', '┘', '─'], " "))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Opens Tim's take-aways and answers the first question (then stops
/// writing, so the answer is saved and only shown).
fn answer_tim<S: Store>(app: &mut App<S>) {
    app.model.home.selected = TIM;
    key(app, KeyCode::Enter, 1);
    let sections = app.model.courses[0].modules[TIM].sections.len();
    // Each section read to its end, then on.
    for _ in 0..sections {
        key(app, KeyCode::End, 2);
        key(app, KeyCode::Char('l'), 2);
    }
    typed(app, ANSWER);
    key(app, KeyCode::Esc, 6);
}

fn tim_ids(app: &App<impl Store>) -> (String, String, String) {
    let course = &app.model.courses[0];
    let module = &course.modules[TIM];
    let question = &module.sections.last().unwrap().questions[0];
    (course.id.clone(), module.id.clone(), question.id.clone())
}

/// A review of a log holding Tim, commenting on the first question as it
/// read `reflection`.
fn review_of(app: &App<impl Store>, log_id: &str, reflection: &str) -> Review {
    let (course, module, question) = tim_ids(app);
    Review {
        format: FORMAT_NAME.to_owned(),
        format_version: FORMAT_VERSION,
        log_id: log_id.to_owned(),
        log_digest: DIGEST.to_owned(),
        learner: Some("Jo Learner".to_owned()),
        reviewer: Reviewer {
            name: "Alex Reviewer".to_owned(),
            role: Some("Practice supervisor".to_owned()),
            kind: ReviewerKind::Supervisor,
        },
        date: jiff::civil::date(2026, 11, 23),
        casebook_version: "0.1.0".to_owned(),
        modules: vec![ModuleRef {
            course: course.clone(),
            module: module.clone(),
        }],
        comments: vec![Comment {
            course,
            module,
            question,
            question_text: "What stood out?".to_owned(),
            reflection: reflection.to_owned(),
            comment: COMMENT.to_owned(),
        }],
        overall_comments: Some("Thoughtful work overall.".to_owned()),
        agreed_actions: Some("Read the desistance chapter again.".to_owned()),
        next_review: Some(jiff::civil::date(2026, 12, 29)),
        identifying_check: None,
    }
}

/// The tutor on a memory store holding Tim's answer and a review of it;
/// when `edited`, the answer was changed after the review read it.
fn reviewed_app(width: u16, height: u16, edited: bool) -> App<MemoryStore> {
    let courses = content::load_library(None, &[]).courses;
    let mut first = App::new(
        courses.clone(),
        MemoryStore {
            profile: Some(profile()),
            ..MemoryStore::default()
        },
        "/home/jo/.local/share/casebook".into(),
    );
    answer_tim(&mut first);
    let reflection = if edited {
        "The first wording, as reviewed."
    } else {
        ANSWER
    };
    let review = review_of(&first, "20261123-1FC1087C", reflection);
    let mut store = first.store.clone();
    // The journal as `import-review` leaves it.
    for journal in store.modules.values_mut() {
        casebook::supervision::apply(journal, &review);
    }
    store.reviews = vec![ImportedReview {
        file: "/home/jo/.local/share/casebook/reviews/20261123-1FC1087C-AB12CD34.review.json".into(),
        review,
        signature: SignatureStatus::Unsigned,
    }];
    let mut app = App::new(courses, store, "/home/jo/.local/share/casebook".into());
    app.handle(Msg::Resize(width, height), at(0));
    app
}

/// Tim's take-aways with the first question selected, its answer shown.
fn reader_at_question(width: u16, height: u16, edited: bool) -> App<MemoryStore> {
    let mut app = reviewed_app(width, height, edited);
    app.model.home.selected = TIM;
    key(&mut app, KeyCode::Enter, 1);
    app
}

#[test]
fn the_reviewers_comment_shows_under_the_answer_it_concerns() {
    let app = reader_at_question(80, 24, false);
    insta::assert_snapshot!("review_comment_80x24", screen(&app));
    let words = words_on(&app);
    let answer = words.find(ANSWER).expect("the answer shows");
    let heading = words
        .find("Supervisor's comment: Alex Reviewer (Practice supervisor), 23 November 2026")
        .expect("the comment is labelled with who, their role and when");
    let comment = words.find(COMMENT).expect("the comment shows");
    assert!(answer < heading && heading < comment, "{words}");
    assert!(!words.contains("You edited this"), "not edited: {words}");

    // Writing, the comment stays in sight above the box.
    let mut writing = reader_at_question(80, 24, false);
    key(&mut writing, KeyCode::Enter, 7);
    insta::assert_snapshot!("review_comment_writing_80x24", screen(&writing));
    let words = words_on(&writing);
    let comment = words.find(COMMENT).expect("the comment shows while writing");
    let answer = words.find(ANSWER).unwrap();
    assert!(comment < answer, "above the box: {words}");

    // The second question has no comment: its box holds no comment.
    let mut app = app;
    key(&mut app, KeyCode::Down, 7);
    assert!(!words_on(&app).contains(COMMENT), "{}", words_on(&app));

    // On a small screen the comment is above the box, with the question,
    // and Ctrl-↓ scrolls down to it.
    let mut small = reader_at_question(40, 12, false);
    insta::assert_snapshot!("review_comment_40x12", screen(&small));
    for second in 0..20 {
        small.handle(
            Msg::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::CONTROL)),
            at(20 + second),
        );
    }
    insta::assert_snapshot!("review_comment_scrolled_40x12", screen(&small));
    let words = words_on(&small);
    assert!(words.contains("Supervisor's comment: Alex Reviewer"), "{words}");
    assert!(words.contains(COMMENT), "{words}");
}

/// A reflection of about 200 words, longer than the answer box at 80x24
/// and at 120x40.
fn long_answer() -> String {
    "The employer's support stood out, and the way the worker kept the family at the centre of the plan. "
        .repeat(11)
        .trim_end()
        .to_owned()
}

/// Tim's take-aways at a question whose long answer was reviewed.
fn long_answer_reviewed(width: u16, height: u16) -> App<MemoryStore> {
    let courses = content::load_library(None, &[]).courses;
    let mut first = App::new(
        courses.clone(),
        MemoryStore {
            profile: Some(profile()),
            ..MemoryStore::default()
        },
        "/home/jo/.local/share/casebook".into(),
    );
    first.model.home.selected = TIM;
    key(&mut first, KeyCode::Enter, 1);
    let sections = first.model.courses[0].modules[TIM].sections.len();
    for _ in 0..sections {
        key(&mut first, KeyCode::End, 2);
        key(&mut first, KeyCode::Char('l'), 2);
    }
    first.handle(Msg::Paste(long_answer()), at(3));
    key(&mut first, KeyCode::Esc, 6);
    let review = review_of(&first, "20261123-1FC1087C", &long_answer());
    let mut store = first.store.clone();
    for journal in store.modules.values_mut() {
        casebook::supervision::apply(journal, &review);
    }
    store.reviews = vec![ImportedReview {
        file: "/home/jo/.local/share/casebook/reviews/20261123-1FC1087C-AB12CD34.review.json".into(),
        review,
        signature: SignatureStatus::Unsigned,
    }];
    let mut app = App::new(courses, store, "/home/jo/.local/share/casebook".into());
    app.handle(Msg::Resize(width, height), at(0));
    app.model.home.selected = TIM;
    key(&mut app, KeyCode::Enter, 1);
    app
}

/// Reading, not writing: under a long answer the comment is marked as
/// below at every size, and the reader's paging keys bring it into view
/// with who wrote it and when, never opening the editor.
#[test]
fn a_comment_under_a_long_answer_is_marked_and_paged_to_while_reading() {
    for (width, height) in [(40, 12), (80, 24), (120, 40)] {
        let mut app = long_answer_reviewed(width, height);
        let first = screen(&app);
        let heading = "Supervisor's comment: Alex Reviewer";
        let whole = |app: &App<MemoryStore>| {
            let words = words_on(app);
            words.contains(heading) && words.contains(COMMENT)
        };
        if !whole(&app) {
            assert!(
                first.contains("↓ more below (PgDn)") || first.contains("↓ more┘") || first.contains("more: Ctrl-↓"),
                "{width}x{height}: the box says there is more\n{first}"
            );
        }
        let mut presses = 0;
        while !whole(&app) {
            key(&mut app, KeyCode::PageDown, 7);
            presses += 1;
            assert!(
                presses <= 6,
                "{width}x{height}: PgDn never showed the comment\n{}",
                screen(&app)
            );
        }
        eprintln!("{width}x{height}: the comment in sight after {presses} keys");
        assert!(
            !matches!(&app.model.screen, casebook::tui::model::Screen::Reader(reader) if reader.focus == casebook::tui::model::Focus::Editor),
            "{width}x{height}: no editor was opened"
        );
        insta::assert_snapshot!(format!("review_comment_read_{width}x{height}"), screen(&app));
        // Home: back to the top of the answer.
        key(&mut app, KeyCode::Home, 8);
        assert!(
            words_on(&app).contains("The employer's support stood out"),
            "{width}x{height}"
        );
    }
}

#[test]
fn w_shows_the_wording_reviewed_of_an_answer_edited_since() {
    let mut app = reader_at_question(80, 24, true);
    let now = words_on(&app);
    assert!(now.contains(ANSWER), "{now}");
    assert!(
        now.contains("You edited this after Alex Reviewer's review on 23 November 2026. w: show the wording reviewed."),
        "{now}"
    );
    assert!(!now.contains("The first wording, as reviewed."), "{now}");

    key(&mut app, KeyCode::Char('w'), 7);
    insta::assert_snapshot!("review_wording_80x24", screen(&app));
    let reviewed = words_on(&app);
    assert!(reviewed.contains("The first wording, as reviewed."), "{reviewed}");
    assert!(
        reviewed.contains("The wording Alex Reviewer reviewed on 23 November 2026 (w: as it is now):"),
        "{reviewed}"
    );
    assert!(!reviewed.contains(ANSWER), "{reviewed}");
    assert!(reviewed.contains(COMMENT), "the comment stays: {reviewed}");

    key(&mut app, KeyCode::Char('w'), 8);
    assert!(words_on(&app).contains(ANSWER), "w again: the answer as it is now");

    // Another question starts on its answer as it is now.
    key(&mut app, KeyCode::Char('w'), 9);
    key(&mut app, KeyCode::Down, 10);
    key(&mut app, KeyCode::Up, 11);
    assert!(words_on(&app).contains(ANSWER), "{}", words_on(&app));
}

#[test]
fn w_on_an_answer_not_edited_since_says_so() {
    let mut app = reader_at_question(80, 24, false);
    key(&mut app, KeyCode::Char('w'), 7);
    assert_eq!(
        app.model.notice.as_deref(),
        Some("This answer has not been edited since it was reviewed.")
    );
    assert!(words_on(&app).contains(ANSWER));
}

#[test]
fn home_says_who_reviewed_a_module_and_when() {
    for (width, height, name) in [(80, 24, "list"), (120, 40, "grid"), (40, 12, "list")] {
        let mut app = reviewed_app(width, height, false);
        app.model.home.selected = TIM;
        let shown = screen(&app);
        insta::assert_snapshot!(format!("review_home_{name}_{width}x{height}"), shown);
        let words = words_on(&app);
        if height >= 24 {
            // The details under the list name the reviewer and the day.
            assert!(
                words.contains("reviewed by Alex Reviewer on 23 November 2026"),
                "{width}x{height}: {words}"
            );
        }
        // The module's own row or cell is marked, wherever it is drawn.
        let marked = shown
            .lines()
            .filter(|line| line.contains("reviewed") && !line.contains("reviewed by Alex Reviewer on"))
            .count()
            + shown
                .lines()
                .filter(|line| line.contains("Tim") && line.contains("reviewed by"))
                .count();
        assert!(marked >= 1, "{width}x{height}: a row or cell says reviewed\n{shown}");
    }
    // A module not reviewed says nothing of reviews.
    let mut app = reviewed_app(80, 24, false);
    app.model.home.selected = TIM + 1;
    let shown = screen(&app);
    assert_eq!(shown.matches("reviewed").count(), 1, "only Tim's row: {shown}");
}

#[test]
fn the_completion_screen_shows_the_latest_reviews_comments_actions_and_next_date() {
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = reviewed_app(width, height, false);
        app.model.home.selected = TIM;
        key(&mut app, KeyCode::Enter, 1);
        // On to the second question (its editor opens), out of the editor,
        // and on past it, skipping it: the completion screen.
        key(&mut app, KeyCode::Right, 2);
        key(&mut app, KeyCode::Esc, 3);
        key(&mut app, KeyCode::Right, 4);
        key(&mut app, KeyCode::Char('y'), 5);
        let words = words_on(&app);
        insta::assert_snapshot!(format!("review_completion_{width}x{height}"), screen(&app));
        assert!(words.contains("Module complete"), "{words}");
        if height >= 24 {
            for expected in [
                "Supervisor's review: Alex Reviewer, 23 November 2026",
                "Overall comments: Thoughtful work overall.",
                "Agreed actions: Read the desistance chapter again.",
                "Next review: 29 December 2026",
            ] {
                assert!(words.contains(expected), "{expected}: {words}");
            }
        }
    }
}

/// A supervisor's overall comments far longer than a screen: one long
/// paragraph (so it is wrapped into many rows) and a few short lines.
fn long_comments() -> String {
    let paragraph = "Your reflection on the transition back to school shows a clear grasp of the \
                     desistance literature, and the way you tied Tim's own account to it was careful. "
        .repeat(12);
    format!("{paragraph}\nFirst point to carry forward.\nSecond point to carry forward.")
}

/// Tim's completion screen (the second question skipped) with a review
/// whose overall comments are `overall`.
fn completion_with_review(width: u16, height: u16, overall: &str) -> App<MemoryStore> {
    let mut app = reviewed_app(width, height, false);
    app.model.reviews[0].review.overall_comments = Some(overall.to_owned());
    app.model.home.selected = TIM;
    key(&mut app, KeyCode::Enter, 1);
    key(&mut app, KeyCode::Right, 2);
    key(&mut app, KeyCode::Esc, 3);
    key(&mut app, KeyCode::Right, 4);
    key(&mut app, KeyCode::Char('y'), 5);
    // Home: at the top already, it only clears the notice of the skip, so
    // the foot shows what it says about scrolling.
    key(&mut app, KeyCode::Home, 6);
    app
}

const LAST_LINE: &str = "Next review: 29 December 2026";

/// The screen's rows between the title and the two rows of the foot.
fn body_rows(app: &App<impl Store>) -> Vec<String> {
    let shown = screen(app);
    let rows: Vec<String> = shown.lines().map(|row| row.trim_matches('"').to_owned()).collect();
    rows[1..rows.len() - 2].to_vec()
}

#[test]
fn a_long_review_on_the_completion_screen_scrolls_to_its_last_line_and_no_further() {
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = completion_with_review(width, height, &long_comments());
        let first = screen(&app);
        insta::assert_snapshot!(format!("review_completion_long_{width}x{height}"), first);
        assert!(
            !first.contains(LAST_LINE),
            "{width}x{height}: cut off at first\n{first}"
        );
        assert!(first.contains("↓ more below"), "{width}x{height}: says so\n{first}");
        assert!(!first.contains("↑ more above"), "{width}x{height}: at the top\n{first}");
        assert!(
            first.contains("↓↑ scroll"),
            "{width}x{height}: the footer offers the keys\n{first}"
        );

        // A line at a time, in screen rows: the long paragraph is many rows,
        // and j goes through every one of them to the last line.
        let mut presses = 0;
        while !screen(&app).contains(LAST_LINE) {
            key(&mut app, KeyCode::Char('j'), 7);
            presses += 1;
            assert!(presses < 200, "{width}x{height}: j never reached the end");
        }
        let end = screen(&app);
        insta::assert_snapshot!(format!("review_completion_long_end_{width}x{height}"), end);
        let rows = body_rows(&app);
        assert!(
            rows.last().is_some_and(|row| row.contains(LAST_LINE)),
            "{width}x{height}: the last line is on the last row\n{end}"
        );
        assert!(end.contains("↑ more above"), "{width}x{height}\n{end}");
        assert!(!end.contains("↓ more below"), "{width}x{height}\n{end}");

        // No further: every key that scrolls down leaves the screen as it is.
        for code in [
            KeyCode::Char('j'),
            KeyCode::Down,
            KeyCode::PageDown,
            KeyCode::Char(' '),
            KeyCode::End,
        ] {
            key(&mut app, code, 8);
            assert_eq!(screen(&app), end, "{width}x{height}: {code:?} scrolled past the end");
        }
        // And back: a line up hides the last line; Home is the first screen.
        key(&mut app, KeyCode::Char('k'), 9);
        assert!(!screen(&app).contains(LAST_LINE), "{width}x{height}");
        key(&mut app, KeyCode::Home, 9);
        assert_eq!(screen(&app), first, "{width}x{height}");
        // End in one go.
        key(&mut app, KeyCode::End, 9);
        assert_eq!(screen(&app), end, "{width}x{height}");
    }
}

#[test]
fn the_completion_screen_pages_and_opens_at_its_top() {
    let mut app = completion_with_review(80, 24, &long_comments());
    let first = body_rows(&app);
    assert!(!screen(&app).contains(LAST_LINE));
    // A page keeps the last row read in sight, at the top.
    key(&mut app, KeyCode::PageDown, 7);
    let paged = body_rows(&app);
    assert_eq!(paged[0], first[first.len() - 1]);
    key(&mut app, KeyCode::Char('b'), 8);
    assert_eq!(body_rows(&app), first, "b: a page back up");
    key(&mut app, KeyCode::Char(' '), 8);
    assert_eq!(body_rows(&app), paged, "Space: a page down");

    // Scrolled to the end, read again and on through the module: the
    // completion screen opens at its top.
    key(&mut app, KeyCode::End, 9);
    assert!(screen(&app).contains(LAST_LINE));
    key(&mut app, KeyCode::Char('r'), 10);
    let sections = app.model.courses[0].modules[TIM].sections.len();
    for _ in 0..sections {
        key(&mut app, KeyCode::End, 11);
        key(&mut app, KeyCode::Char('l'), 11);
    }
    let again = screen(&app);
    assert!(again.contains("Module complete"), "{again}");
    assert!(again.contains("Time spent"), "{again}");
    assert!(!again.contains(LAST_LINE), "{again}");
}

#[test]
fn a_completion_screen_that_fits_does_not_scroll_or_say_more() {
    let mut app = completion_with_review(80, 24, "Thoughtful work overall.");
    let fits = screen(&app);
    assert!(fits.contains(LAST_LINE), "{fits}");
    for mark in ["↓ more below", "↑ more above", "↓↑ scroll"] {
        assert!(!fits.contains(mark), "{mark}: {fits}");
    }
    for code in [KeyCode::Char('j'), KeyCode::PageDown, KeyCode::End] {
        key(&mut app, code, 7);
        assert_eq!(screen(&app), fits, "{code:?}");
    }
}

// ------------------------------------------------------------------ import

struct Folder {
    _dir: tempfile::TempDir,
    paths: DataPaths,
    desk: std::path::PathBuf,
}

fn folder() -> Folder {
    let dir = tempfile::tempdir().unwrap();
    let paths = DataPaths::at(dir.path().join("data"));
    let desk = dir.path().join("desk");
    std::fs::create_dir_all(&desk).unwrap();
    Folder { _dir: dir, paths, desk }
}

/// The tutor on a real data folder, Tim answered and saved, and an export
/// of log `20261123-1FC1087C` recorded.
fn file_app(folder: &Folder) -> App<FileStore> {
    let store = FileStore::new(folder.paths.clone());
    let mut app = App::new(
        content::load_library(None, &[]).courses,
        store,
        folder.paths.root().display().to_string(),
    );
    app.handle(Msg::Resize(80, 24), at(0));
    // The first run's welcome, closed.
    key(&mut app, KeyCode::Esc, 0);
    answer_tim(&mut app);
    key(&mut app, KeyCode::Char('q'), 7);
    let (course, module, _) = tim_ids(&app);
    casebook::export::records::append(
        &folder.paths,
        casebook::export::records::ExportRecord {
            log_id: "20261123-1FC1087C".to_owned(),
            digest: DIGEST.to_owned(),
            exported: at(0),
            format: "json".to_owned(),
            modules: vec![format!("{course}/{module}")],
            // As an export made before casebook kept each reflection's digest.
            reflections: Default::default(),
            copies: Vec::new(),
        },
    )
    .unwrap();
    app
}

fn journal_file(folder: &Folder, app: &App<FileStore>) -> String {
    let (course, module, _) = tim_ids(app);
    std::fs::read_to_string(folder.paths.journal_file(&course, &module).unwrap()).unwrap()
}

/// Opens the import dialog on home and asks for `path`.
fn import(app: &mut App<FileStore>, path: &std::path::Path) {
    key(app, KeyCode::Char('i'), 8);
    assert!(app.model.review_import().is_some(), "i on home opens the dialog");
    typed(app, &path.display().to_string());
    key(app, KeyCode::Enter, 9);
}

#[test]
fn importing_from_home_applies_saves_and_shows_the_review() {
    let folder = folder();
    let mut app = file_app(&folder);
    assert!(app.model.reviews.is_empty());
    let review = review_of(&app, "20261123-1FC1087C", ANSWER);
    let file = folder.desk.join("log.review.json");
    std::fs::write(&file, review.to_bytes()).unwrap();
    assert!(!journal_file(&folder, &app).contains("reviewed:"));

    key(&mut app, KeyCode::Char('i'), 8);
    insta::assert_snapshot!("review_import_80x24", screen(&app));
    key(&mut app, KeyCode::Esc, 8);
    assert!(app.model.review_import().is_none(), "Esc closes it");
    import(&mut app, &file);

    assert!(app.model.review_import().is_none(), "the dialog closes");
    let notice = app.model.notice.clone().unwrap_or_default();
    assert!(
        notice.starts_with("Imported the review by Alex Reviewer (Practice supervisor)"),
        "{notice}"
    );
    assert_eq!(app.model.reviews.len(), 1, "the reviews are read again");
    assert!(app.model.unsaved.is_empty(), "the journal is saved");
    let saved = journal_file(&folder, &app);
    assert!(
        saved.contains("reviewed:") && saved.contains("Alex Reviewer"),
        "{saved}"
    );
    assert_eq!(
        std::fs::read_dir(folder.paths.reviews_dir()).unwrap().count(),
        1,
        "kept in reviews/"
    );
    app.model.home.selected = TIM;
    assert!(words_on(&app).contains("reviewed by Alex Reviewer on 23 November 2026"));
}

#[test]
fn a_refused_review_says_why_and_changes_nothing() {
    let folder = folder();
    let mut app = file_app(&folder);
    let before = journal_file(&folder, &app);
    // A review of a log this data folder never exported.
    let review = review_of(&app, "20261123-99999999", ANSWER);
    let file = folder.desk.join("other.review.json");
    std::fs::write(&file, review.to_bytes()).unwrap();
    import(&mut app, &file);

    let problem = app
        .model
        .review_import()
        .and_then(|dialog| dialog.problem.clone())
        .expect("the dialog stays open with the reason");
    assert!(problem.contains("20261123-99999999"), "{problem}");
    app.handle(Msg::Resize(40, 12), at(10));
    // The screen shows the temporary folder's path, which wraps as Unix
    // lays it out (Windows' is another length, with `\`).
    if cfg!(unix) {
        insta::assert_snapshot!("review_import_refused_40x12", screen(&app));
    }
    assert!(app.model.reviews.is_empty());
    assert_eq!(journal_file(&folder, &app), before, "the journal is unchanged");
    assert!(
        !folder.paths.reviews_dir().exists() || std::fs::read_dir(folder.paths.reviews_dir()).unwrap().count() == 0
    );

    // A file that is not there is refused too, with its path.
    key(&mut app, KeyCode::Esc, 11);
    import(&mut app, &folder.desk.join("missing.review.json"));
    let problem = app.model.review_import().unwrap().problem.clone().unwrap();
    assert!(problem.contains("missing.review.json"), "{problem}");
}

#[test]
fn enter_with_no_path_asks_for_one() {
    let folder = folder();
    let mut app = file_app(&folder);
    key(&mut app, KeyCode::Char('i'), 8);
    key(&mut app, KeyCode::Enter, 9);
    assert_eq!(
        app.model.review_import().unwrap().problem.as_deref(),
        Some("Type the path of the review file first.")
    );
}

/// Issue 21: the tutor says whether a review's signature shows who wrote
/// it: verified only for a key the learner trusts for that reviewer.
#[test]
fn the_completion_screen_says_whether_a_signature_is_from_a_trusted_key() {
    for (status, expected) in [
        (
            SignatureStatus::Untrusted {
                fingerprint: "SHA256:untrustedkey".to_owned(),
            },
            "Signed by a key you have not trusted (SHA256:untrustedkey)",
        ),
        (
            SignatureStatus::Trusted {
                fingerprint: "SHA256:trustedkey".to_owned(),
            },
            "Verified: signed with the key you trust for Alex Reviewer",
        ),
    ] {
        let mut app = reviewed_app(120, 40, false);
        app.model.reviews[0].signature = status;
        app.model.home.selected = TIM;
        key(&mut app, KeyCode::Enter, 1);
        key(&mut app, KeyCode::Right, 2);
        key(&mut app, KeyCode::Esc, 3);
        key(&mut app, KeyCode::Right, 4);
        key(&mut app, KeyCode::Char('y'), 5);
        let words = screen(&app)
            .lines()
            .map(|row| row.trim_matches('"').trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(words.contains(expected), "{words}");
        if expected.starts_with("Signed by") {
            assert!(!words.contains("Verified"), "{words}");
        }
    }
}
