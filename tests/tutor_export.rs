//! The tutor's export dialog with a data folder on disk: the
//! identifying-details check before a log is written (the findings listed,
//! opened where they were written, marked, or written anyway), and one
//! export writing the JSON for a supervisor with a printable copy.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use casebook::content;
use casebook::folder::DataPaths;
use casebook::journal::Profile;
use casebook::store::{FileStore, Store};
use casebook::tui::model::{Focus, Screen};
use casebook::tui::{App, Msg};
use jiff::Timestamp;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Tim's module: index 2 in course order; its questions are in the last section.
const TIM: usize = 2;
const IDENTIFYING: &str = "I met Ms Patel, his teacher, to plan his return to school.";

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_795_000_000 + seconds).unwrap()
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn press(app: &mut App<FileStore>, keys: &str, now: Timestamp) {
    for c in keys.chars() {
        app.handle(key(KeyCode::Char(c)), now);
    }
}

fn type_text(app: &mut App<FileStore>, text: &str, now: Timestamp) {
    for c in text.chars() {
        app.handle(key(KeyCode::Char(c)), now);
    }
}

/// A tutor on a data folder at `data`, exporting into `exports`.
fn tutor(data: &Path, exports: &Path) -> App<FileStore> {
    let store = FileStore::new(DataPaths::at(data));
    let library = content::load_library(None, &[]);
    let mut app = App::new(library.courses, store, data.display().to_string());
    app.model.export_dir = exports.to_path_buf();
    app.handle(Msg::Resize(80, 24), at(0));
    app
}

/// A data folder whose learner has answered both of Tim's questions, the
/// first with `first`; the tutor is left on the completion screen.
fn answered(data: &Path, exports: &Path, first: &str) -> App<FileStore> {
    FileStore::new(DataPaths::at(data))
        .save_profile(&Profile {
            welcomed: true,
            name: "Amara Okafor".to_owned(),
            ..Profile::default()
        })
        .unwrap();
    let mut app = tutor(data, exports);
    app.handle(key(KeyCode::Home), at(1));
    for _ in 0..TIM {
        app.handle(key(KeyCode::Down), at(1));
    }
    app.handle(key(KeyCode::Enter), at(1));
    let last = app.model.courses[0].modules[TIM].sections.len() - 1;
    for _ in 0..last {
        app.handle(key(KeyCode::End), at(1));
        press(&mut app, "l", at(1));
    }
    app.handle(key(KeyCode::End), at(1));
    press(&mut app, "l", at(2));
    type_text(&mut app, first, at(3));
    app.handle(key(KeyCode::Esc), at(4));
    press(&mut app, "l", at(5));
    type_text(&mut app, "Steady work and someone who believes in him.", at(6));
    app.handle(key(KeyCode::Esc), at(7));
    press(&mut app, "l", at(8));
    assert!(
        matches!(app.model.screen, Screen::Completion(_)),
        "both questions answered"
    );
    app
}

fn files_in(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
}

fn finding_words<S: Store>(app: &App<S>) -> Vec<String> {
    let dialog = app.model.export().expect("the export dialog is open");
    let findings = dialog.findings.as_ref().expect("the check's findings are listed");
    findings.items.iter().map(|item| item.words.clone()).collect()
}

#[test]
fn the_dialog_lists_what_could_identify_someone_and_writes_nothing_until_the_learner_goes_on() {
    let data = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    let mut app = answered(data.path(), exports.path(), IDENTIFYING);
    press(&mut app, "e", at(10));
    app.handle(key(KeyCode::Enter), at(11));
    assert_eq!(finding_words(&app), ["Ms Patel"]);
    assert!(files_in(exports.path()).is_empty(), "nothing written yet");
    let item = &app.model.export().unwrap().findings.as_ref().unwrap().items[0];
    assert_eq!(item.module, "Tim, 17");
    assert!(item.reason.contains("title"), "{}", item.reason);

    // Esc goes back to the form, still writing nothing; Enter checks again.
    app.handle(key(KeyCode::Esc), at(12));
    assert!(app.model.export().unwrap().findings.is_none());
    assert!(files_in(exports.path()).is_empty());
    app.handle(key(KeyCode::Enter), at(13));
    assert_eq!(finding_words(&app), ["Ms Patel"]);

    // A paste under the list goes nowhere: the hidden file name is kept.
    let named = app.model.export().unwrap().path.text().to_owned();
    app.handle(Msg::Paste("/elsewhere/log.md".to_owned()), at(13));
    assert_eq!(app.model.export().unwrap().path.text(), named);

    // w: the learner has read it and goes on. The log says the check ran.
    press(&mut app, "w", at(14));
    assert!(app.model.export().is_none(), "written: the dialog closes");
    let written = files_in(exports.path());
    assert_eq!(written.len(), 1, "{written:?}");
    let markdown = std::fs::read_to_string(&written[0]).unwrap();
    assert!(markdown.contains("Ms Patel"), "the learner's words, as written");
}

#[test]
fn enter_opens_the_words_where_they_were_written_with_the_cursor_on_them() {
    let data = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    let mut app = answered(data.path(), exports.path(), IDENTIFYING);
    press(&mut app, "e", at(10));
    for _ in 0..4 {
        app.handle(key(KeyCode::Tab), at(10));
    }
    app.handle(key(KeyCode::Enter), at(11));
    app.handle(key(KeyCode::Enter), at(12));
    assert!(app.model.overlay.is_none(), "the dialog gives way to the answer");
    let Screen::Reader(reader) = &app.model.screen else {
        panic!("the reader, at the question")
    };
    assert_eq!(reader.focus, Focus::Editor);
    assert_eq!(reader.question, 0, "the first question's answer");
    let editor = reader.editor.as_ref().unwrap();
    assert_eq!(editor.area.text(), IDENTIFYING);
    assert_eq!(editor.area.cursor_byte(), IDENTIFYING.find("Ms Patel").unwrap());
    assert!(app.model.notice.as_deref().unwrap().contains("Ms Patel"));

    // Changed there, the next export finds nothing and writes at once.
    for _ in 0.."Ms Patel".chars().count() {
        app.handle(key(KeyCode::Delete), at(13));
    }
    type_text(&mut app, "his teacher", at(13));
    app.handle(key(KeyCode::Esc), at(14));
    press(&mut app, "q", at(15));
    assert!(matches!(app.model.screen, Screen::Home), "home, as the notice says");
    press(&mut app, "e", at(15));
    assert_eq!(
        app.model.export().unwrap().formats.name(),
        "JSON + HTML",
        "the formats chosen before are offered again"
    );
    app.handle(key(KeyCode::Enter), at(16));
    assert!(app.model.export().is_none(), "no finding: written");
    let written = files_in(exports.path());
    assert_eq!(written.len(), 2, "{written:?}");
    let log = std::fs::read_to_string(&written[1]).unwrap();
    assert!(log.contains("I met his teacher, his teacher"), "the changed words");
}

#[test]
fn a_finding_marked_not_identifying_stays_marked_after_a_restart_and_is_counted_in_the_log() {
    let data = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    let mut app = answered(
        data.path(),
        exports.path(),
        "I met Ms Patel, his teacher. Tim lives near LS6 2AB with his gran.",
    );
    press(&mut app, "e", at(10));
    // JSON, so the log's record of the check can be read back.
    for _ in 0..2 {
        app.handle(key(KeyCode::Tab), at(10));
    }
    app.handle(key(KeyCode::Enter), at(11));
    assert_eq!(finding_words(&app), ["Ms Patel", "LS6 2AB"]);
    press(&mut app, "m", at(12));
    assert_eq!(finding_words(&app), ["LS6 2AB"], "the marked one leaves the list");
    assert!(DataPaths::at(data.path()).marks_file().exists(), "the mark is kept");
    // Esc, and the dialog closes with nothing written.
    app.handle(key(KeyCode::Esc), at(13));
    app.handle(key(KeyCode::Esc), at(13));
    assert!(app.model.export().is_none());
    press(&mut app, "q", at(14));
    assert!(files_in(exports.path()).is_empty());

    // A new session: the mark is remembered, the postcode is not.
    let mut app = tutor(data.path(), exports.path());
    press(&mut app, "e", at(20));
    for _ in 0..2 {
        app.handle(key(KeyCode::Tab), at(20));
    }
    app.handle(key(KeyCode::Enter), at(21));
    assert_eq!(finding_words(&app), ["LS6 2AB"]);
    press(&mut app, "m", at(22));
    assert!(
        app.model.export().unwrap().findings.is_none(),
        "none left: the form again"
    );
    assert!(
        app.model
            .export()
            .unwrap()
            .problem
            .as_deref()
            .unwrap()
            .contains("Enter writes"),
        "and it says Enter writes the log"
    );
    app.handle(key(KeyCode::Enter), at(23));
    assert!(app.model.export().is_none(), "written");
    let written = files_in(exports.path());
    assert_eq!(written.len(), 1, "{written:?}");
    let log: serde_json::Value = serde_json::from_slice(&std::fs::read(&written[0]).unwrap()).unwrap();
    assert_eq!(
        log["identifying_check"],
        serde_json::json!({"run": true, "marked_not_identifying": 2})
    );
    let marks = std::fs::read_to_string(DataPaths::at(data.path()).marks_file()).unwrap();
    assert!(
        !marks.contains("Patel") && !marks.contains("LS6"),
        "marks never keep the words: {marks}"
    );
}

#[test]
fn one_export_writes_the_json_and_a_printable_copy_under_one_log_id_recorded_once() {
    let data = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    let mut app = answered(data.path(), exports.path(), "Steady work matters.");
    press(&mut app, "e", at(10));
    // Markdown, HTML, JSON, text, then JSON + HTML.
    for _ in 0..4 {
        app.handle(key(KeyCode::Tab), at(10));
    }
    let dialog = app.model.export().unwrap();
    assert_eq!(dialog.formats.name(), "JSON + HTML");
    assert!(dialog.path.text().ends_with(".json"), "{}", dialog.path.text());
    app.handle(key(KeyCode::Enter), at(11));
    assert!(app.model.export().is_none(), "written: the dialog closes");
    let written = files_in(exports.path());
    let extensions: Vec<String> = written
        .iter()
        .map(|path| path.extension().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(extensions, ["html", "json"], "{written:?}");
    assert_eq!(written[0].file_stem(), written[1].file_stem(), "side by side");
    let notice = app.model.notice.clone().unwrap();
    assert!(
        notice.contains(".json") && notice.contains("printable copy"),
        "{notice}"
    );

    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&written[1]).unwrap()).unwrap();
    let log_id = json["log_id"].as_str().unwrap().to_owned();
    let html = std::fs::read_to_string(&written[0]).unwrap();
    assert!(html.contains(&log_id), "the copy carries the same log id");
    for path in &written {
        let bytes = std::fs::read(path).unwrap();
        assert!(
            matches!(
                casebook::export::verify(&bytes),
                casebook::export::Verification::Matches { .. }
            ),
            "{} is sealed with its own digest",
            path.display()
        );
    }
    let records = casebook::export::records::load(&DataPaths::at(data.path())).unwrap();
    assert_eq!(records.len(), 1, "one export, recorded once: {records:?}");
    assert_eq!(records[0].log_id, log_id);
    assert_eq!(records[0].formats(), "json + html");

    // The next export remembers both formats and offers names free for both.
    press(&mut app, "e", at(12));
    let dialog = app.model.export().unwrap();
    assert_eq!(dialog.formats.name(), "JSON + HTML");
    app.handle(key(KeyCode::Enter), at(13));
    let written = files_in(exports.path());
    assert_eq!(written.len(), 4, "{written:?}");
    assert!(written.iter().any(|path| path.to_string_lossy().ends_with("-2.html")));
}

#[test]
fn a_copy_that_cannot_be_written_leaves_no_half_export_behind() {
    let data = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    let mut app = answered(data.path(), exports.path(), "Steady work matters.");
    press(&mut app, "e", at(10));
    for _ in 0..4 {
        app.handle(key(KeyCode::Tab), at(10));
    }
    // Someone else's file where the copy would go.
    let main = PathBuf::from(app.model.export().unwrap().path.text());
    let copy = main.with_extension("html");
    std::fs::write(&copy, "someone else's").unwrap();
    // (The names were found free when the dialog opened.)
    app.handle(key(KeyCode::Enter), at(11));
    let dialog = app.model.export().expect("the dialog stays open");
    assert!(
        dialog.problem.as_deref().unwrap().contains(&copy.display().to_string()),
        "{:?}",
        dialog.problem
    );
    assert_eq!(
        files_in(exports.path()),
        std::slice::from_ref(&copy),
        "no JSON left without its copy"
    );
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), "someone else's");
    let suggestion = dialog.suggestion.clone().unwrap();
    assert!(suggestion.to_string_lossy().ends_with("-2.json"), "{suggestion:?}");
    assert!(
        casebook::export::records::load(&DataPaths::at(data.path()))
            .unwrap()
            .is_empty(),
        "nothing recorded"
    );
}
