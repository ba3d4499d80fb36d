//! The learning records made from a journal's changes.

use super::*;
use crate::content::{Question, Section};

fn module() -> Module {
    let section = |title: &str, questions: &[&str]| Section {
        title: title.to_owned(),
        blocks: Vec::new(),
        questions: questions
            .iter()
            .map(|id| Question {
                id: (*id).to_owned(),
                text: format!("{id}?"),
                hint: None,
            })
            .collect(),
    };
    Module {
        id: "m".to_owned(),
        title: "M".to_owned(),
        subtitle: None,
        area: None,
        stage: None,
        minutes: None,
        sections: vec![section("One", &[]), section("Two", &["q1", "q2"])],
        notes: Vec::new(),
        path: String::new(),
    }
}

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + seconds).unwrap()
}

/// Issue 17: a review imported is sent as "received a review of" the
/// module, once, with its date and nothing of what the reviewer said.
#[test]
fn a_review_imported_is_an_event_once() {
    let module = module();
    let mut journal = ModuleJournal::new("c", "m");
    journal.answer("q1", "q1?", "An answer.".to_owned(), at(1));
    let mut seen = Seen::from_journal(Some(&journal), &module);
    let date = jiff::civil::date(2026, 11, 29);
    if let Some(reflection) = journal.reflections.get_mut("q1") {
        reflection.reviewed.push(crate::journal::model::ReviewedWording {
            text: "An answer.".to_owned(),
            date,
            reviewer: "Alex Morgan".to_owned(),
        });
    }
    assert_eq!(seen.observe(&journal, &module), vec![Event::ReviewImported { date }]);
    assert_eq!(seen.observe(&journal, &module), Vec::new(), "saved again, nothing new");
    let statement = super::super::statements::statement(
        &Event::ReviewImported { date },
        &super::super::statements::CourseInfo {
            id: "c".to_owned(),
            title: "C".to_owned(),
            version: None,
        },
        &module,
        &super::super::statements::Actor {
            home_page: "https://example.org".to_owned(),
            name: "learner".to_owned(),
        },
        true,
        "id",
        at(2),
    );
    let text = statement.to_string();
    assert!(text.contains("http://activitystrea.ms/schema/1.0/receive"), "{text}");
    assert!(text.contains("2026-11-29"), "{text}");
    assert!(
        !text.contains("Alex Morgan"),
        "who reviewed stays on the machine: {text}"
    );
}

#[test]
fn a_module_studied_through_gives_each_event_once() {
    let module = module();
    let mut journal = ModuleJournal::new("c", "m");
    let mut seen = Seen::from_journal(None, &module);
    assert_eq!(seen.observe(&journal, &module), Vec::new(), "opened, nothing done");

    journal.active_seconds = 20;
    journal.mark_read(0);
    assert_eq!(
        seen.observe(&journal, &module),
        vec![Event::Started, Event::SectionRead(0)]
    );
    assert_eq!(seen.observe(&journal, &module), Vec::new(), "saved again, nothing new");

    journal.mark_read(1);
    journal.answer("q1", "q1?", "Draft".to_owned(), at(1));
    journal.position.question = Some("q1".to_owned());
    journal.position.editing = true;
    assert_eq!(
        seen.observe(&journal, &module),
        vec![Event::SectionRead(1)],
        "an answer still being typed is not an event"
    );
    journal.answer("q1", "q1?", "Draft, finished.".to_owned(), at(2));
    journal.position.editing = false;
    assert_eq!(
        seen.observe(&journal, &module),
        vec![Event::Answered {
            question: "q1".to_owned(),
            text: "Draft, finished.".to_owned()
        }]
    );

    journal.skip("q2", "q2?", at(3));
    journal.record_completion(&module, at(3));
    journal.active_seconds = 600;
    assert_eq!(
        seen.observe(&journal, &module),
        vec![Event::Completed { active_seconds: 600 }],
        "a skipped question is not answered"
    );

    journal.set_action_point("Ask".to_owned(), at(4));
    assert_eq!(seen.observe(&journal, &module), Vec::new(), "typing the action point");
    journal.set_action_point("Ask about school.".to_owned(), at(5));
    assert_eq!(seen.observe(&journal, &module), Vec::new(), "still typing");
    assert_eq!(
        seen.observe(&journal, &module),
        vec![Event::ActionPoint {
            text: "Ask about school.".to_owned()
        }],
        "the same text at the next save: finished"
    );
    assert_eq!(seen.observe(&journal, &module), Vec::new());

    journal.answer("q1", "q1?", "Changed my mind.".to_owned(), at(6));
    assert_eq!(
        seen.observe(&journal, &module),
        vec![Event::Answered {
            question: "q1".to_owned(),
            text: "Changed my mind.".to_owned()
        }],
        "a changed answer is answered again; completion is not repeated"
    );
}

#[test]
fn what_a_journal_held_before_recording_began_is_not_news() {
    let module = module();
    let mut journal = ModuleJournal::new("c", "m");
    journal.active_seconds = 30;
    journal.mark_read(0);
    journal.answer("q1", "q1?", "Old answer.".to_owned(), at(1));
    journal.answer("q2", "q2?", "Open in the editor.".to_owned(), at(1));
    journal.position.question = Some("q2".to_owned());
    journal.position.editing = true;
    let mut seen = Seen::from_journal(Some(&journal), &module);
    journal.position.editing = false;
    assert_eq!(
        seen.observe(&journal, &module),
        vec![Event::Answered {
            question: "q2".to_owned(),
            text: "Open in the editor.".to_owned()
        }],
        "only the answer that was still open is recorded when its editor closes"
    );
}

fn course() -> Course {
    Course {
        id: "c".to_owned(),
        title: "C".to_owned(),
        publisher: None,
        published: Some("2021".to_owned()),
        licence: None,
        attribution: None,
        areas: Vec::new(),
        stages: Vec::new(),
        modules: vec![module()],
        origin: crate::content::Origin::Embedded,
    }
}

fn settings() -> LrsSettings {
    LrsSettings {
        schema: 1,
        endpoint: "https://lrs.example.org/xapi/".to_owned(),
        key: "k".to_owned(),
        secret: "s".to_owned(),
        account_home_page: "https://lrs.example.org".to_owned(),
        account_name: "learner".to_owned(),
        share_text: false,
        timeout_seconds: 30,
    }
}

fn waiting(paths: &DataPaths) -> Vec<String> {
    outbox::names(paths)
        .unwrap()
        .paths()
        .map(|path| {
            let entry = outbox::read(&path).unwrap();
            entry.statement["verb"]["id"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn a_save_that_fails_records_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let paths = DataPaths::at(folder.path());
    settings().save(&paths).unwrap();
    let inner = crate::store::MemoryStore {
        fail_with: Some("Disk quota exceeded".to_owned()),
        ..Default::default()
    };
    let recorder = Recorder::new(paths.clone(), &settings(), &[course()], Timestamp::now);
    let mut store = RecordingStore::new(inner, Some(recorder));
    let mut journal = ModuleJournal::new("c", "m");
    journal.mark_read(0);
    assert!(store.save_module(&journal).is_err());
    drop(store);
    assert!(
        waiting(&paths).is_empty(),
        "the journal does not hold it, so neither does the outbox"
    );
}

#[test]
fn statements_the_outbox_could_not_take_are_written_at_the_next_save() {
    let folder = tempfile::tempdir().unwrap();
    let paths = DataPaths::at(folder.path());
    settings().save(&paths).unwrap();
    let recorder = Recorder::new(paths.clone(), &settings(), &[course()], Timestamp::now);
    let mut store = RecordingStore::new(crate::store::MemoryStore::default(), Some(recorder));
    // A file where the outbox folder should be: nothing can be written in it.
    std::fs::write(paths.outbox_dir(), b"").unwrap();
    let mut journal = ModuleJournal::new("c", "m");
    journal.mark_read(0);
    assert_eq!(store.save_module(&journal), Ok(()), "the journal's save still succeeds");
    std::fs::remove_file(paths.outbox_dir()).unwrap();
    journal.mark_read(1);
    assert_eq!(store.save_module(&journal), Ok(()));
    assert_eq!(waiting(&paths), ["initialized", "experienced", "experienced"]);
}

/// Issue 24: the settings are read before each statement is recorded, so
/// an opt-out or `lrs forget` reaches a store that is already open.
#[test]
fn sharing_turned_off_or_forgotten_reaches_an_open_store() {
    let folder = tempfile::tempdir().unwrap();
    let paths = DataPaths::at(folder.path());
    let sharing = LrsSettings {
        share_text: true,
        ..settings()
    };
    sharing.save(&paths).unwrap();
    let recorder = Recorder::new(paths.clone(), &sharing, &[course()], Timestamp::now);
    let mut store = RecordingStore::new(crate::store::MemoryStore::default(), Some(recorder));
    let mut journal = ModuleJournal::new("c", "m");
    journal.answer("q1", "q1?", "Shared words.".to_owned(), at(1));
    store.save_module(&journal).unwrap();
    let everything = |paths: &DataPaths| -> String {
        outbox::names(paths)
            .unwrap()
            .paths()
            .map(|path| std::fs::read_to_string(path).unwrap())
            .collect()
    };
    assert!(
        everything(&paths).contains("Shared words."),
        "shared while sharing is on"
    );

    settings().save(&paths).unwrap();
    journal.answer("q2", "q2?", "Private words.".to_owned(), at(2));
    store.save_module(&journal).unwrap();
    assert_eq!(waiting(&paths), ["initialized", "answered", "answered"]);
    assert!(
        !everything(&paths).contains("Private words."),
        "sharing turned off in another terminal: no more text is recorded"
    );

    std::fs::remove_file(paths.lrs_settings_file()).unwrap();
    journal.answer("q1", "q1?", "After forgetting.".to_owned(), at(3));
    store.save_module(&journal).unwrap();
    drop(store);
    assert_eq!(
        waiting(&paths),
        ["initialized", "answered", "answered"],
        "forgotten: nothing more is recorded"
    );
}

#[test]
fn without_an_lrs_saves_pass_straight_through_and_nothing_is_recorded() {
    let folder = tempfile::tempdir().unwrap();
    let paths = DataPaths::at(folder.path());
    let mut store = RecordingStore::new(crate::store::FileStore::new(paths.clone()), None);
    let mut journal = ModuleJournal::new("c", "m");
    journal.mark_read(0);
    assert_eq!(store.save_module(&journal), Ok(()));
    assert!(store.load_module("c", "m").ok().flatten().is_some());
    drop(store);
    assert!(!paths.outbox_dir().exists());
}
