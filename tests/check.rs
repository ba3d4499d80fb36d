//! The identifying-details check where a learner's text leaves the machine:
//! `casebook check` and `casebook export`, through the binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Output;

use casebook::content::{self, Course, Module};
use casebook::folder::DataPaths;
use casebook::journal::{ModuleJournal, Profile};
use casebook::store::{FileStore, Store};
use common::Launch;
use jiff::Timestamp;

const COURSE: &str = "hmip-youth-2021";

fn shipped() -> Course {
    let library = content::load_library(None, &[]);
    library.course(COURSE).expect("the shipped course").clone()
}

fn module<'a>(course: &'a Course, id: &str) -> &'a Module {
    course.modules.iter().find(|module| module.id == id).expect("module")
}

fn now() -> Timestamp {
    "2026-11-23T14:05:00Z".parse().unwrap()
}

/// Saves `answers` (one per question, in order) and an action point as the
/// learner's journal for `id`.
fn write(data: &Path, id: &str, answers: &[&str], action_point: Option<&str>) {
    let course = shipped();
    let module = module(&course, id);
    let mut journal = ModuleJournal::new(COURSE, id);
    let questions = module.sections.iter().flat_map(|section| &section.questions);
    for (question, answer) in questions.zip(answers) {
        journal.answer(&question.id, &question.text, (*answer).to_owned(), now());
    }
    if let Some(point) = action_point {
        journal.set_action_point(point.to_owned(), now());
    }
    FileStore::new(DataPaths::at(data)).save_module(&journal).unwrap();
}

fn casebook(data: &Path, args: &[&str]) -> Output {
    Launch::new(data, args).run()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn first_question(id: &str) -> String {
    let course = shipped();
    let module = module(&course, id);
    module
        .sections
        .iter()
        .flat_map(|section| &section.questions)
        .next()
        .unwrap()
        .text
        .clone()
}

#[test]
fn export_is_refused_without_checked_when_there_are_findings_and_written_with_it() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write(
        data.path(),
        "desistance-assessing",
        &["I visited Jayden at home in SE1 7PB."],
        None,
    );
    let log = out.path().join("log.md");
    let log_arg = log.to_str().unwrap();

    let refused = casebook(data.path(), &["export", "-o", log_arg]);
    assert_eq!(refused.status.code(), Some(7), "{}", text(&refused.stderr));
    let said = text(&refused.stderr);
    assert!(said.contains("\"Jayden\" looks like a person's first name"), "{said}");
    assert!(said.contains("\"SE1 7PB\" looks like a postcode"), "{said}");
    assert!(said.contains("--checked"), "{said}");
    assert!(!log.exists(), "nothing written when the check finds something");

    let written = casebook(data.path(), &["export", "--checked", "-o", log_arg]);
    assert_eq!(written.status.code(), Some(0), "{}", text(&written.stderr));
    let written = std::fs::read_to_string(&log).unwrap();
    assert!(written.contains("SE1 7PB"));
    assert!(
        written.contains("Identifying-details check: run before export; no finding marked not identifying."),
        "{written}"
    );
}

#[test]
fn each_kind_is_found_at_its_place() {
    let data = tempfile::tempdir().unwrap();
    write(
        data.path(),
        "desistance-assessing",
        &[
            "His NHS number is 943 476 5919 and his mum's phone is 07700 900123.",
            "The school, Oakfield Academy, emailed from head@oakfield.sch.uk about Mr Jones.",
        ],
        Some("Do a home visit to 14 Acacia Avenue next week. His NI number, AB 12 34 56 C, is on the form."),
    );
    let output = casebook(data.path(), &["check"]);
    assert_eq!(output.status.code(), Some(7), "{}", text(&output.stderr));
    let said = text(&output.stdout);
    let question = first_question("desistance-assessing");
    let shown: String = question.chars().take(20).collect();
    for (words, reason, place) in [
        ("943 476 5919", "looks like an NHS number", shown.as_str()),
        ("07700 900123", "looks like a phone number", shown.as_str()),
        ("Oakfield Academy", "names a school or college", "desistance-assessing"),
        (
            "head@oakfield.sch.uk",
            "looks like an email address",
            "desistance-assessing",
        ),
        ("Mr Jones", "names a person by title", "desistance-assessing"),
        (
            "14 Acacia Avenue",
            "looks like a house number and street",
            "action point",
        ),
        (
            "AB 12 34 56 C",
            "looks like a National Insurance number",
            "action point",
        ),
    ] {
        let line = said
            .lines()
            .find(|line| line.contains(&format!("\"{words}\"")))
            .unwrap_or_else(|| panic!("{words} not found in:\n{said}"));
        assert!(line.contains(reason), "{line}");
        assert!(line.contains(place), "{line} should say it is at {place}");
        assert!(line.contains("desistance-assessing"), "{line}");
    }
}

#[test]
fn the_learners_own_name_and_supervisors_are_not_flagged_but_someone_elses_is() {
    let data = tempfile::tempdir().unwrap();
    let mut store = FileStore::new(DataPaths::at(data.path()));
    store
        .save_profile(&Profile {
            name: "Amara Okafor".to_owned(),
            supervisor: "Declan Murphy".to_owned(),
            ..Profile::default()
        })
        .unwrap();
    write(
        data.path(),
        "desistance-assessing",
        &["Amara Okafor reflecting: Declan Murphy and I talked it through."],
        None,
    );
    let clear = casebook(data.path(), &["check"]);
    assert_eq!(clear.status.code(), Some(0), "{}", text(&clear.stdout));
    assert!(text(&clear.stdout).contains("No identifying details found"));

    write(
        data.path(),
        "desistance-assessing",
        &["Amara Okafor reflecting: I asked Jayden."],
        None,
    );
    let found = casebook(data.path(), &["check"]);
    assert_eq!(found.status.code(), Some(7));
    assert!(text(&found.stdout).contains("\"Jayden\""), "{}", text(&found.stdout));
    assert!(!text(&found.stdout).contains("\"Amara"), "{}", text(&found.stdout));
}

#[test]
fn a_marked_finding_stays_marked_after_a_restart_and_comes_back_when_its_sentence_changes() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write(
        data.path(),
        "desistance-assessing",
        &["Reece told me he had not slept properly. Nothing else."],
        None,
    );
    let found = casebook(data.path(), &["check"]);
    assert_eq!(found.status.code(), Some(7), "{}", text(&found.stdout));
    assert!(text(&found.stdout).contains("1. "), "{}", text(&found.stdout));

    let marked = casebook(data.path(), &["check", "--mark", "1"]);
    assert_eq!(marked.status.code(), Some(0), "{}", text(&marked.stderr));
    let kept = std::fs::read_to_string(data.path().join("marks.ron")).unwrap();
    assert!(!kept.contains("Reece"), "marks.ron never holds the words: {kept}");

    // A new run (a restart): still marked, and export writes without --checked.
    let again = casebook(data.path(), &["check"]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stdout));
    assert!(text(&again.stdout).contains("1 finding marked not identifying"));
    let log = out.path().join("log.json");
    let written = casebook(
        data.path(),
        &["export", "--format", "json", "-o", log.to_str().unwrap()],
    );
    assert_eq!(written.status.code(), Some(0), "{}", text(&written.stderr));
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&log).unwrap()).unwrap();
    assert_eq!(
        json["identifying_check"],
        serde_json::json!({ "run": true, "marked_not_identifying": 1 })
    );

    // The same words in a changed sentence: the mark no longer holds.
    write(
        data.path(),
        "desistance-assessing",
        &["Reece told me he had not slept properly for weeks. Nothing else."],
        None,
    );
    let back = casebook(data.path(), &["check"]);
    assert_eq!(back.status.code(), Some(7), "{}", text(&back.stdout));
}

#[test]
fn marking_a_finding_that_is_not_there_is_refused() {
    let data = tempfile::tempdir().unwrap();
    write(data.path(), "desistance-assessing", &["I asked Jayden."], None);
    let output = casebook(data.path(), &["check", "--mark", "2"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("there is only finding 1"),
        "{}",
        text(&output.stderr)
    );
    assert!(!data.path().join("marks.ron").exists());
}

#[test]
fn the_whole_guide_exported_with_its_own_wording_gives_no_finding() {
    // Every module, each question answered with the guide's own text (its
    // blocks, then the question and hint), and its case name as the action
    // point: the check finds nothing and the log is written.
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let course = shipped();
    assert_eq!(course.modules.len(), 16);
    let mut store = FileStore::new(DataPaths::at(data.path()));
    for module in &course.modules {
        let mut journal = ModuleJournal::new(COURSE, &module.id);
        let guide: Vec<String> = module
            .sections
            .iter()
            .flat_map(|section| section.blocks.iter().flat_map(|block| block.texts().to_vec()))
            .collect();
        for section in &module.sections {
            for question in &section.questions {
                let mut answer = guide.join("\n\n");
                answer.push_str(&format!(
                    "\n\n{}\n{}",
                    question.text,
                    question.hint.clone().unwrap_or_default()
                ));
                journal.answer(&question.id, &question.text, answer, now());
            }
        }
        journal.set_action_point(casebook::content::short_name(module).to_owned(), now());
        store.save_module(&journal).unwrap();
    }
    let check = casebook(data.path(), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    let log = out.path().join("log.md");
    let written = casebook(data.path(), &["export", "-o", log.to_str().unwrap()]);
    assert_eq!(written.status.code(), Some(0), "{}", text(&written.stderr));
    assert!(log.exists());
}
