//! `update` alone, with no store: effects go out, their results come back
//! as messages, and `update` decides what follows.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jiff::Timestamp;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::update;
use crate::journal::Profile;
use crate::tui::message::{Effect, Msg, Startup};
use crate::tui::model::{Model, Screen};

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_795_000_000 + seconds).unwrap()
}

fn model() -> Model {
    let profile = Profile {
        welcomed: true,
        ..Profile::default()
    };
    let mut model = Model::new(crate::content::load_library(None, &[]).courses, profile, "/data".into());
    update(&mut model, Msg::Resize(80, 24), at(0));
    model
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Opens Tim's module and types, so there is a draft to save.
fn with_draft(model: &mut Model) -> (String, String) {
    model.home.selected = 2;
    update(model, key(KeyCode::Enter), at(1));
    update(model, key(KeyCode::Tab), at(1));
    let Screen::Reader(reader) = &mut model.screen else {
        panic!("the reader opens");
    };
    let sections = model.courses[0].modules[2].sections.len();
    reader.section = sections - 1;
    update(model, key(KeyCode::Enter), at(2));
    update(model, key(KeyCode::Char('x')), at(3));
    model.key_of(0, 2).unwrap()
}

fn saves(effects: &[Effect]) -> Vec<&(String, String)> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::Save(key) => Some(key),
            _ => None,
        })
        .collect()
}

#[test]
fn quitting_waits_for_the_saves_and_leaves_when_they_are_done() {
    let mut model = model();
    let tim = with_draft(&mut model);
    let effects = update(
        &mut model,
        Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        at(4),
    );
    assert_eq!(saves(&effects), vec![&tim]);
    assert!(!model.quit, "not before the journal is on disk");
    update(&mut model, Msg::Saved(tim), at(4));
    assert!(model.quit);
}

#[test]
fn a_failed_save_cancels_quitting_and_is_retried_later_and_later() {
    let mut model = model();
    let tim = with_draft(&mut model);
    update(
        &mut model,
        Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        at(4),
    );
    update(&mut model, Msg::SaveFailed("disk full: /data/x.ron".into()), at(4));
    assert!(!model.quit);
    assert_eq!(model.notice.as_deref(), Some(crate::text::QUIT_NOT_SAVED));
    assert_eq!(model.retry_at, Some(at(6)), "tried again after 2 s");
    let effects = update(&mut model, Msg::Tick, at(6));
    assert_eq!(saves(&effects), vec![&tim]);
    update(&mut model, Msg::SaveFailed("disk full: /data/x.ron".into()), at(6));
    assert_eq!(model.retry_at, Some(at(10)), "then after 4 s");
    assert!(!model.quit, "a retry is not a quit");
    update(&mut model, Msg::Saved(tim), at(10));
    assert_eq!(model.save_error, None);
    assert_eq!(model.retry_at, None);
    assert!(
        !model.quit,
        "the learner asked to quit before it failed: they ask again"
    );
}

#[test]
fn a_lost_terminal_saves_and_quits_without_a_key() {
    let mut model = model();
    let tim = with_draft(&mut model);
    let effects = update(&mut model, Msg::TerminalFailed, at(5));
    assert_eq!(saves(&effects), vec![&tim]);
    update(&mut model, Msg::Saved(tim), at(5));
    assert!(model.quit);
}

#[test]
fn ctrl_q_leaves_only_while_saving_fails() {
    let mut model = model();
    let ctrl_q = Msg::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL));
    update(&mut model, ctrl_q.clone(), at(1));
    assert!(!model.quit);
    update(&mut model, Msg::SaveFailed("no room".into()), at(1));
    update(&mut model, ctrl_q, at(2));
    assert!(model.quit);
}

#[test]
fn the_export_dialog_asks_the_file_system_once_when_it_opens() {
    let mut model = model();
    let _ = with_draft(&mut model);
    update(&mut model, key(KeyCode::Esc), at(4));
    update(&mut model, key(KeyCode::Char('q')), at(4));
    let effects = update(&mut model, key(KeyCode::Char('e')), at(5));
    let asked: Vec<&Effect> = effects
        .iter()
        .filter(|effect| matches!(effect, Effect::PrepareExport(_)))
        .collect();
    assert_eq!(asked.len(), 1, "{effects:?}");
    for code in [KeyCode::Tab, KeyCode::Char('x'), KeyCode::Backspace, KeyCode::BackTab] {
        assert_eq!(update(&mut model, key(code), at(6)), Vec::new(), "{code:?}");
    }
    let Some(Effect::PrepareExport(names)) = asked.first().copied().cloned() else {
        panic!()
    };
    assert_eq!(
        names.len(),
        crate::export::Formats::CHOICES.len(),
        "one name per choice"
    );
    let free: Vec<std::path::PathBuf> = names.iter().map(|(name, _)| name.with_extension("free")).collect();
    let recorded = Some((
        jiff::civil::date(2026, 11, 2),
        crate::export::Formats::one(crate::export::Format::Json),
    ));
    update(
        &mut model,
        Msg::ExportPrepared {
            free: free.clone(),
            last: recorded,
        },
        at(7),
    );
    let dialog = model.export().unwrap();
    assert_eq!(dialog.defaults, free);
    assert_eq!(
        dialog.formats,
        crate::export::Formats::one(crate::export::Format::Json),
        "the last format recorded"
    );
    assert_eq!(model.last_export, recorded);
}

#[test]
fn start_up_opens_the_module_named_and_says_what_it_was_told() {
    let mut model = model();
    let startup = Startup {
        color: false,
        content_errors: 2,
        notice: Some("Drafts put back.".into()),
        open: Some((0, 2)),
        size: Some((100, 30)),
        ..Startup::default()
    };
    update(&mut model, Msg::Start(startup), at(1));
    assert!(matches!(&model.screen, Screen::Reader(reader) if reader.module == 2));
    assert_eq!((model.width, model.height, model.color), (100, 30, false));
    assert_eq!(model.content_errors, 2);
    assert_eq!(model.notice.as_deref(), Some("Drafts put back."));
}

#[test]
fn esc_on_home_does_nothing_and_only_q_quits() {
    let mut model = model();
    let selected = model.home.selected;
    assert_eq!(update(&mut model, key(KeyCode::Esc), at(1)), Vec::new());
    assert!(!model.quit && !model.quitting);
    assert!(matches!(model.screen, Screen::Home));
    assert_eq!(model.home.selected, selected);
    update(&mut model, key(KeyCode::Char('q')), at(2));
    assert!(model.quit);
}

#[test]
fn esc_everywhere_else_goes_back() {
    let mut model = model();
    model.home.selected = 2;
    update(&mut model, key(KeyCode::Enter), at(1));
    update(&mut model, key(KeyCode::Esc), at(2));
    assert!(matches!(model.screen, Screen::Home), "reader -> home");
    update(&mut model, key(KeyCode::Char('u')), at(3));
    update(&mut model, key(KeyCode::Esc), at(4));
    assert!(matches!(model.screen, Screen::Home), "profile -> home");
    assert!(!model.quit);
}

/// Space pages down, and at the end of a section moves on, as it does in
/// a pager.
#[test]
fn space_at_the_end_of_a_section_moves_on() {
    let mut model = model();
    model.home.selected = 2;
    update(&mut model, key(KeyCode::Enter), at(1));
    let section = |model: &Model| match &model.screen {
        Screen::Reader(reader) => (reader.section, reader.scroll),
        _ => panic!("the reader"),
    };
    assert_eq!(section(&model), (0, 0));
    let mut pages = 0;
    while section(&model).0 == 0 {
        update(&mut model, key(KeyCode::Char(' ')), at(2));
        pages += 1;
        assert!(pages < 50, "Space never left the section");
    }
    assert!(pages > 1, "Space paged through the section first");
    assert_eq!(section(&model), (1, 0));
}

/// Ctrl-↓ and Ctrl-↑ scroll a question too long for the rows above the
/// box; another question starts at its top.
#[test]
fn a_long_question_scrolls_and_the_next_starts_at_its_top() {
    let mut model = model();
    let _ = with_draft(&mut model);
    update(&mut model, Msg::Resize(40, 12), at(3));
    let scroll = |model: &Model| match &model.screen {
        Screen::Reader(reader) => reader.question_scroll,
        _ => panic!("the reader"),
    };
    let ctrl = |code| Msg::Key(KeyEvent::new(code, KeyModifiers::CONTROL));
    for _ in 0..20 {
        update(&mut model, ctrl(KeyCode::Down), at(4));
    }
    let bottom = scroll(&model);
    assert!(bottom > 0, "the question scrolls");
    assert_eq!(
        bottom,
        crate::tui::layout::question_max_scroll(&model),
        "and stops at its end"
    );
    update(&mut model, ctrl(KeyCode::Up), at(5));
    assert_eq!(scroll(&model), bottom - 1);
    update(&mut model, key(KeyCode::Esc), at(6));
    update(&mut model, key(KeyCode::Down), at(7));
    assert_eq!(scroll(&model), 0, "question 2 starts at its top");
}

/// The dialog's period picks the modules and the dates of the log; dates
/// that cannot be used are said in the dialog, which stays open.
#[test]
fn the_export_period_chooses_what_the_log_holds() {
    let mut model = model();
    let tim = with_draft(&mut model);
    update(&mut model, key(KeyCode::Esc), at(4));
    update(&mut model, key(KeyCode::Char('q')), at(4));
    update(&mut model, key(KeyCode::Char('e')), at(5));
    // Up to the period; "this month".
    update(&mut model, key(KeyCode::Up), at(6));
    update(&mut model, key(KeyCode::Right), at(6));
    let effects = update(&mut model, key(KeyCode::Enter), at(7));
    let Some(Effect::Export {
        modules, since, until, ..
    }) = effects.first()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(modules, &vec![tim.clone()]);
    assert_eq!(*since, Some(jiff::civil::date(2026, 11, 1)));
    assert_eq!(*until, None);
    // Dates: from a day after Tim was studied, nothing; a date that is not
    // one, said so.
    update(&mut model, key(KeyCode::Right), at(8));
    update(&mut model, key(KeyCode::Right), at(8));
    update(&mut model, key(KeyCode::Down), at(8));
    for c in "2026-11-19".chars() {
        update(&mut model, key(KeyCode::Char(c)), at(8));
    }
    assert_eq!(update(&mut model, key(KeyCode::Enter), at(9)), Vec::new());
    let problem = model.export().unwrap().problem.clone().unwrap();
    assert!(
        problem.contains("is after the last"),
        "the last day is today: {problem}"
    );
    update(&mut model, key(KeyCode::Down), at(9));
    update(
        &mut model,
        Msg::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
        at(9),
    );
    assert_eq!(update(&mut model, key(KeyCode::Enter), at(9)), Vec::new());
    let dialog = model.export().unwrap();
    assert_eq!(dialog.problem.as_deref(), Some(crate::text::EXPORT_NOTHING_IN_PERIOD));
    update(&mut model, key(KeyCode::Up), at(9));
    update(&mut model, key(KeyCode::Backspace), at(10));
    update(&mut model, key(KeyCode::Char('x')), at(10));
    assert_eq!(update(&mut model, key(KeyCode::Enter), at(10)), Vec::new());
    let problem = model.export().unwrap().problem.clone().unwrap();
    assert!(problem.contains("is not a date"), "{problem}");
}

/// A log written: the day and the format are remembered for the next.
#[test]
fn an_export_is_remembered_for_the_next() {
    let mut model = model();
    let _ = with_draft(&mut model);
    update(&mut model, key(KeyCode::Esc), at(4));
    update(&mut model, key(KeyCode::Char('q')), at(4));
    update(&mut model, key(KeyCode::Char('e')), at(5));
    update(&mut model, key(KeyCode::Tab), at(5));
    let effects = update(
        &mut model,
        Msg::Exported {
            paths: vec!["/logs/a.html".into()],
            unrecorded: None,
        },
        at(6),
    );
    assert_eq!(effects, Vec::new());
    assert!(model.export().is_none());
    assert_eq!(
        model.last_export,
        Some((
            jiff::civil::date(2026, 11, 18),
            crate::export::Formats::one(crate::export::Format::Html)
        ))
    );
    update(&mut model, key(KeyCode::Char('e')), at(7));
    assert_eq!(
        model.export().unwrap().formats,
        crate::export::Formats::one(crate::export::Format::Html)
    );
}

#[test]
fn an_lrs_refusing_the_key_is_said_at_once_and_stays_on_the_home_screen() {
    let mut model = model();
    update(&mut model, Msg::RecordsRefused(401), at(1));
    let mut screen = words_on(&model);
    assert!(
        screen.contains("refused casebook's key and secret (401)") && screen.contains("\"casebook lrs set\" again."),
        "said at once, whole, with what to do:\n{screen}"
    );
    // The next key clears the notice; the home screen's foot still says so.
    update(&mut model, key(KeyCode::Down), at(2));
    assert_eq!(model.notice, None);
    screen = words_on(&model);
    assert!(!screen.contains("(401)"), "{screen}");
    assert!(screen.contains(crate::text::RECORDS_NOT_SENT), "{screen}");
}

/// The screen's words, however they wrapped.
fn words_on(model: &Model) -> String {
    drawn(model)
        .lines()
        .map(|line| line.trim_matches('"'))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Tim's completion screen at 80x24, with an action point of `steps` lines.
fn completion_with_action_point(steps: usize) -> Model {
    let mut model = model();
    let tim = model.key_of(0, 2).unwrap();
    let point = (1..=steps)
        .map(|step| format!("Step {step} of the plan."))
        .collect::<Vec<_>>()
        .join("\n");
    model.journal_mut(&tim).set_action_point(point, at(1));
    model.screen = Screen::Completion(crate::tui::model::Completion {
        course: 0,
        module: 2,
        editor: None,
        dirty_since: None,
        scroll: 0,
    });
    model
}

fn completion_scroll(model: &Model) -> u16 {
    match &model.screen {
        Screen::Completion(completion) => completion.scroll,
        _ => panic!("the completion screen"),
    }
}

fn drawn(model: &Model) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(model.width, model.height)).unwrap();
    terminal.draw(|frame| crate::tui::view::draw(model, frame)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn a_long_action_point_scrolls_to_its_end_and_stops_there() {
    let mut model = completion_with_action_point(40);
    assert!(!drawn(&model).contains("Step 40 of the plan."));
    // Rows: a blank, time spent, answers, a blank, the heading, 40 steps;
    // 21 show below the title.
    let max = 45 - 21;
    for _ in 0..max + 5 {
        update(&mut model, key(KeyCode::Char('j')), at(2));
    }
    assert_eq!(completion_scroll(&model), max);
    let end = drawn(&model);
    assert!(end.contains("Step 40 of the plan."), "{end}");
    assert!(!end.contains("Time spent"), "{end}");

    // A taller window shows more: the scroll comes back to what is needed.
    update(&mut model, Msg::Resize(80, 40), at(3));
    assert_eq!(completion_scroll(&model), 45 - 37);
    // Tall enough for it all: no scroll at all.
    update(&mut model, Msg::Resize(80, 60), at(3));
    assert_eq!(completion_scroll(&model), 0);
    update(&mut model, key(KeyCode::End), at(4));
    assert_eq!(completion_scroll(&model), 0);
}

#[test]
fn the_completion_screens_own_keys_keep_their_meaning_while_it_scrolls() {
    let mut model = completion_with_action_point(40);
    update(&mut model, key(KeyCode::End), at(2));
    update(&mut model, key(KeyCode::Char('e')), at(3));
    assert!(model.export().is_some(), "e exports");
    update(&mut model, key(KeyCode::Esc), at(4));

    // Writing the action point, j and k are typed.
    update(&mut model, key(KeyCode::Char('a')), at(5));
    update(&mut model, key(KeyCode::Char('j')), at(6));
    update(&mut model, key(KeyCode::Char('k')), at(6));
    let Screen::Completion(completion) = &model.screen else {
        panic!("the completion screen");
    };
    assert!(completion.editor.as_ref().unwrap().text().contains("jk"));
    // Done writing: the longer point is kept and the scroll stays within it.
    update(&mut model, key(KeyCode::Esc), at(7));
    update(&mut model, key(KeyCode::Char('j')), at(8));
    assert_eq!(completion_scroll(&model), 45 - 21);
}

/// What a signal or a panic saves (`pending_journals`) holds the CPD form's
/// text from the first key, with no wait for the autosave; a read-only
/// module's form is never in it.
#[test]
fn the_rescue_snapshot_carries_the_cpd_forms_text_at_once() {
    use crate::tui::model::Completion;
    use crate::tui::session::pending_journals;
    let mut model = model();
    let tim = model.key_of(0, 2).unwrap();
    model.screen = Screen::Completion(Completion {
        course: 0,
        module: 2,
        editor: None,
        dirty_since: None,
        scroll: 0,
    });
    // Opening the form saves the module first: that save is done.
    update(&mut model, key(KeyCode::Char('c')), at(1));
    update(&mut model, Msg::Saved(tim.clone()), at(1));
    assert!(model.cpd_form().is_some(), "c opens the form");
    assert!(
        pending_journals(&model, at(1)).is_empty(),
        "nothing written, nothing pending"
    );
    for typed in "Mid-thought".chars() {
        update(&mut model, key(KeyCode::Char(typed)), at(2));
    }
    update(&mut model, key(KeyCode::Tab), at(2));
    update(&mut model, Msg::Paste("Pasted impact.\n".into()), at(2));
    let pending = pending_journals(&model, at(2));
    assert_eq!(pending.len(), 1);
    assert_eq!(&(pending[0].course.clone(), pending[0].module.clone()), &tim);
    let draft = pending[0].cpd_draft.clone().expect("the form's text is pending");
    assert_eq!(draft.learning, "Mid-thought");
    assert_eq!(draft.impact, "Pasted impact.\n");
    assert_eq!(
        model.autosave_due(),
        Some(at(2) + jiff::SignedDuration::from_millis(1500))
    );

    model.damaged.insert(tim, "damaged".into());
    update(&mut model, key(KeyCode::Char('!')), at(3));
    assert!(
        pending_journals(&model, at(3)).is_empty(),
        "a read-only module is never written"
    );
}

/// A paste while the help covers the answer box, or while the window is
/// too small to draw it, types nothing where the learner cannot see.
#[test]
fn a_paste_under_the_help_or_in_a_window_too_small_types_nothing() {
    let mut model = model();
    with_draft(&mut model);
    let typed = |model: &Model| match &model.screen {
        Screen::Reader(reader) => reader.editor.as_ref().map(|editor| editor.area.text().to_owned()),
        _ => None,
    };
    assert_eq!(typed(&model).as_deref(), Some("x"));
    update(&mut model, key(KeyCode::F(1)), at(4));
    assert!(model.help, "F1 opens the help over the box");
    update(&mut model, Msg::Paste("pasted under the help".into()), at(5));
    update(&mut model, key(KeyCode::Esc), at(6));
    assert!(!model.help);
    assert_eq!(typed(&model).as_deref(), Some("x"));
    update(&mut model, Msg::Resize(10, 3), at(7));
    update(&mut model, Msg::Paste("pasted unseen".into()), at(8));
    update(&mut model, Msg::Resize(80, 24), at(9));
    assert_eq!(typed(&model).as_deref(), Some("x"));
    // With the box in sight, a paste is typed as ever.
    update(&mut model, Msg::Paste("y".into()), at(10));
    assert_eq!(typed(&model).as_deref(), Some("xy"));
}

/// Finding 5 of issue 24: an answer had no limit, so one over 16 MiB was
/// saved and its journal could never be read again. A paste takes what
/// fits, the learner is told how much was left out, and a key pressed in a
/// full box is not taken either.
#[test]
fn a_paste_past_the_limit_takes_what_fits_and_says_how_much_was_not_taken() {
    use crate::folder::files::TEXT_LIMIT;
    use crate::tui::session::pending_journals;
    let mut model = model();
    let tim = with_draft(&mut model);
    let pasted = "é".repeat(TEXT_LIMIT + 1_233);
    update(&mut model, Msg::Paste(pasted), at(5));
    let notice = model.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("at most 200,000 characters") && notice.contains("1,234 characters"),
        "{notice}"
    );
    let pending = pending_journals(&model, at(5));
    let answer = pending
        .iter()
        .find(|journal| (journal.course.clone(), journal.module.clone()) == tim)
        .and_then(|journal| journal.reflections.values().next())
        .map(|reflection| reflection.text.chars().count());
    assert_eq!(answer, Some(TEXT_LIMIT), "the box is full, and no fuller");
    update(&mut model, key(KeyCode::Char('z')), at(6));
    let notice = model.notice.clone().unwrap_or_default();
    assert!(notice.contains("1 character you typed"), "{notice}");
    // Room made, typing is taken again and the notice goes.
    update(&mut model, key(KeyCode::Backspace), at(7));
    update(&mut model, key(KeyCode::Char('z')), at(8));
    assert_eq!(model.notice, None);
}
