//! Statements are derived from journal changes as they are saved: a store
//! that wraps the real one, compares each journal with what it saw of it
//! before, and appends a statement per event to the outbox, whether or not
//! a network is there. With no LRS configured it only passes saves through.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use jiff::Timestamp;

use super::outbox;
use super::settings::LrsSettings;
use super::statements::{self, Actor, CourseInfo, Event};
use crate::content::{Course, Module};
use crate::folder::DataPaths;
use crate::journal::{ModuleJournal, Profile};
use crate::store::{Store, StoreError};

/// What the recorder has already recorded of one module.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen {
    studied: bool,
    sections: BTreeSet<usize>,
    /// Answers as last recorded, by question id.
    answers: BTreeMap<String, String>,
    action_point: Option<String>,
    /// An action point seen once: recorded when a later save finds it the
    /// same (the learner has stopped typing), or when the store closes.
    pending_action_point: Option<String>,
    completed: bool,
    /// Reviews the journal records, as (date, reviewer): a new one is a
    /// review imported.
    reviews: BTreeSet<(jiff::civil::Date, String)>,
}

/// The reviews a journal's reflections carry, as (date, reviewer).
fn reviews_in(journal: &ModuleJournal) -> BTreeSet<(jiff::civil::Date, String)> {
    journal
        .reflections
        .values()
        .flat_map(|reflection| &reflection.reviewed)
        .map(|reviewed| (reviewed.date, reviewed.reviewer.clone()))
        .collect()
}

/// Whether the learner is still writing this question's answer: the tutor
/// saves drafts as they type, and only a finished answer is an event.
fn editing(journal: &ModuleJournal, question: &str) -> bool {
    journal.position.editing && journal.position.question.as_deref() == Some(question)
}

fn action_text(journal: &ModuleJournal) -> Option<String> {
    journal
        .action_point
        .as_ref()
        .map(|point| point.text.clone())
        .filter(|text| !text.trim().is_empty())
}

impl Seen {
    /// What a journal saved before recording began already holds: none of
    /// it is news. An answer open in the editor is not counted, so that
    /// closing the editor records it.
    pub fn from_journal(journal: Option<&ModuleJournal>, module: &Module) -> Seen {
        let Some(journal) = journal else {
            return Seen::default();
        };
        Seen {
            studied: journal.studied(module),
            sections: journal.sections_read.clone(),
            answers: journal
                .reflections
                .iter()
                .filter(|(id, _)| journal.is_answered(id) && !editing(journal, id))
                .map(|(id, reflection)| (id.clone(), reflection.text.clone()))
                .collect(),
            action_point: action_text(journal),
            pending_action_point: None,
            completed: journal.completed.is_some(),
            reviews: reviews_in(journal),
        }
    }

    /// The events between what was seen and `journal`, in the order they
    /// happen in a module; `seen` then holds `journal`.
    pub fn observe(&mut self, journal: &ModuleJournal, module: &Module) -> Vec<Event> {
        let mut events = Vec::new();
        if !self.studied && journal.studied(module) {
            self.studied = true;
            events.push(Event::Started);
        }
        for &section in journal.sections_read.difference(&self.sections) {
            if section < module.sections.len() {
                events.push(Event::SectionRead(section));
            }
        }
        self.sections.extend(journal.sections_read.iter().copied());
        for (_, question) in module.questions() {
            let id = &question.id;
            if !journal.is_answered(id) {
                self.answers.remove(id);
                continue;
            }
            if editing(journal, id) {
                continue;
            }
            let text = journal
                .reflections
                .get(id)
                .map(|reflection| reflection.text.clone())
                .unwrap_or_default();
            if self.answers.get(id) != Some(&text) {
                self.answers.insert(id.clone(), text.clone());
                events.push(Event::Answered {
                    question: id.clone(),
                    text,
                });
            }
        }
        let action = action_text(journal);
        if action != self.action_point {
            if action.is_some() && action == self.pending_action_point {
                events.extend(self.settle_action_point());
            } else {
                self.pending_action_point = action;
            }
        } else {
            self.pending_action_point = None;
        }
        if !self.completed && journal.completed.is_some() {
            self.completed = true;
            events.push(Event::Completed {
                active_seconds: journal.active_seconds,
            });
        }
        let reviews = reviews_in(journal);
        for (date, _) in reviews.difference(&self.reviews) {
            events.push(Event::ReviewImported { date: *date });
        }
        self.reviews = reviews;
        events
    }

    /// The action point waiting to be recorded, now.
    pub fn settle_action_point(&mut self) -> Option<Event> {
        let text = self.pending_action_point.take()?;
        self.action_point = Some(text.clone());
        Some(Event::ActionPoint { text })
    }
}

/// A module as statements need it: titles and questions, not its text
/// (made when the tutor starts, so nothing more is copied than that).
fn outline(module: &Module) -> Module {
    Module {
        id: module.id.clone(),
        title: module.title.clone(),
        subtitle: module.subtitle.clone(),
        area: None,
        stage: None,
        minutes: None,
        sections: module
            .sections
            .iter()
            .map(|section| crate::content::Section {
                title: section.title.clone(),
                blocks: Vec::new(),
                questions: section.questions.clone(),
            })
            .collect(),
        notes: Vec::new(),
        path: String::new(),
    }
}

pub struct Recorder {
    paths: DataPaths,
    actor: Actor,
    share_text: bool,
    modules: HashMap<(String, String), (CourseInfo, Module)>,
    seen: HashMap<(String, String), Seen>,
    /// Statements the outbox could not take (a full disk): tried again at
    /// the next save.
    unwritten: Vec<serde_json::Value>,
    clock: fn() -> Timestamp,
    /// Told of each write, so the tutor's sender need not poll.
    wake: Option<super::sync::Wake>,
    /// The courses, for the identifying-details check's allow list (made
    /// the first time a statement carries words).
    courses: Vec<Course>,
    allow: Option<crate::identify::Allow>,
}

impl Recorder {
    /// Rings `wake` whenever statements reach the outbox.
    pub fn with_wake(mut self, wake: super::sync::Wake) -> Self {
        self.wake = Some(wake);
        self
    }

    pub fn new(paths: DataPaths, settings: &LrsSettings, courses: &[Course], clock: fn() -> Timestamp) -> Self {
        let modules = courses
            .iter()
            .flat_map(|course| {
                let info = CourseInfo {
                    id: course.id.clone(),
                    title: course.title.clone(),
                    version: course.published.clone(),
                };
                course
                    .modules
                    .iter()
                    .map(move |module| ((course.id.clone(), module.id.clone()), (info.clone(), outline(module))))
            })
            .collect();
        Recorder {
            paths,
            actor: Actor {
                home_page: settings.account_home_page.clone(),
                name: settings.account_name.clone(),
            },
            share_text: settings.share_text,
            modules,
            seen: HashMap::new(),
            unwritten: Vec::new(),
            clock,
            wake: None,
            // Kept only where statements carry words (the guide's text is
            // then allowed); sharing turned on while running checks without
            // it, which finds more, never less.
            courses: if settings.share_text {
                courses.to_vec()
            } else {
                Vec::new()
            },
            allow: None,
        }
    }

    /// What the identifying-details check finds in each statement's words
    /// (none for a statement without words). A statement with findings is
    /// held in the outbox: the learner chose to share their words, not to
    /// let a child's name leave unnoticed; `casebook sync` lists what it
    /// found and sends it only with `--checked` (or once each finding is
    /// marked not identifying).
    fn checked(&mut self, statements: &[serde_json::Value]) -> Vec<(serde_json::Value, Vec<outbox::Held>)> {
        let carrying_words = statements.iter().any(|statement| outbox::response(statement).is_some());
        let allow = carrying_words.then(|| {
            let courses = &self.courses;
            let mut allow = self
                .allow
                .get_or_insert_with(|| crate::export::identify::allow_for_courses(courses))
                .clone();
            let store = crate::store::FileStore::new(self.paths.clone());
            if let Ok(Some(profile)) = store.load_profile() {
                allow.add_name(&profile.name);
                allow.add_name(&profile.supervisor);
            }
            for mark in crate::export::identify::load_marks(&self.paths).unwrap_or_default() {
                allow.add_mark(mark);
            }
            allow
        });
        statements
            .iter()
            .map(|statement| {
                let held = match (outbox::response(statement), &allow) {
                    (Some(text), Some(allow)) => crate::identify::check(text, allow)
                        .into_iter()
                        .map(|finding| outbox::Held {
                            kind: finding.kind,
                            start: finding.start,
                            end: finding.end,
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                (statement.clone(), held)
            })
            .collect()
    }

    /// The settings as they are now, read before each statement is
    /// recorded: `casebook lrs forget` or `lrs set` in another terminal
    /// reaches a tutor that is already open. None when forgotten (or no
    /// longer readable): nothing more is recorded.
    fn refresh(&mut self) -> Option<()> {
        let settings = LrsSettings::load(&self.paths).ok().flatten()?;
        self.actor = Actor {
            home_page: settings.account_home_page,
            name: settings.account_name,
        };
        self.share_text = settings.share_text;
        Some(())
    }

    fn write(&mut self, key: &(String, String), events: Vec<Event>) {
        if events.is_empty() && self.unwritten.is_empty() {
            return;
        }
        if self.refresh().is_none() {
            // Forgotten: what was held back for a full disk goes too.
            self.unwritten.clear();
            return;
        }
        if !self.share_text {
            for statement in &mut self.unwritten {
                outbox::strip_text(statement);
            }
        }
        let now = (self.clock)();
        if let Some((course, module)) = self.modules.get(key) {
            for event in &events {
                self.unwritten.push(statements::statement(
                    event,
                    course,
                    module,
                    &self.actor,
                    self.share_text,
                    &statements::new_uuid(),
                    now,
                ));
            }
        }
        if self.unwritten.is_empty() {
            return;
        }
        // The journal is saved already; a statement the disk will not take
        // now waits in memory for the next save rather than undo it.
        let statements = self.checked(&self.unwritten.clone());
        if let Ok(written) = outbox::append_held(&self.paths, &statements, now) {
            self.unwritten.clear();
            self.settle_written(&written);
            if let Some(wake) = &self.wake {
                wake.notify();
            }
        }
    }

    /// `lrs forget` or `lrs set` may have run between reading the settings
    /// and writing `written`, after it had cleared the outbox: read again,
    /// forgotten settings remove them, and sharing turned off takes their
    /// words out.
    fn settle_written(&self, written: &[PathBuf]) {
        match LrsSettings::load(&self.paths).ok().flatten() {
            Some(settings) if settings.share_text || !self.share_text => {}
            Some(_) => {
                for path in written {
                    if let Ok(mut entry) = outbox::read(path)
                        && outbox::strip_text(&mut entry.statement)
                    {
                        entry.held.clear();
                        let _ = outbox::write(path, &entry);
                    }
                }
            }
            None => {
                for path in written {
                    let _ = outbox::remove(path);
                }
            }
        }
    }

    /// Records any action point still waiting, for every module.
    fn settle_all(&mut self) {
        let keys: Vec<(String, String)> = self.seen.keys().cloned().collect();
        for key in keys {
            if let Some(event) = self.seen.get_mut(&key).and_then(Seen::settle_action_point) {
                self.write(&key, vec![event]);
            }
        }
    }
}

/// The real store, with a recorder when an LRS is configured.
pub struct RecordingStore<S: Store> {
    inner: S,
    recorder: Option<Recorder>,
}

impl<S: Store> RecordingStore<S> {
    pub fn new(inner: S, recorder: Option<Recorder>) -> Self {
        RecordingStore { inner, recorder }
    }

    pub fn inner(&self) -> &S {
        &self.inner
    }

    pub fn is_recording(&self) -> bool {
        self.recorder.is_some()
    }
}

impl<S: Store> Drop for RecordingStore<S> {
    fn drop(&mut self) {
        if let Some(recorder) = &mut self.recorder {
            recorder.settle_all();
        }
    }
}

impl<S: Store> Store for RecordingStore<S> {
    fn load_module(&self, course: &str, module: &str) -> Result<Option<ModuleJournal>, StoreError> {
        self.inner.load_module(course, module)
    }

    fn load_modules(&self, course: &str, modules: &[&str]) -> Vec<Result<Option<ModuleJournal>, StoreError>> {
        self.inner.load_modules(course, modules)
    }

    fn save_module(&mut self, journal: &ModuleJournal) -> Result<(), StoreError> {
        let Some(recorder) = &mut self.recorder else {
            return self.inner.save_module(journal);
        };
        let key = (journal.course.clone(), journal.module.clone());
        let Some((_, module)) = recorder.modules.get(&key) else {
            return self.inner.save_module(journal);
        };
        if !recorder.seen.contains_key(&key) {
            // What the journal held before this run: an unreadable one
            // counts as nothing recorded yet.
            let before = self.inner.load_module(&key.0, &key.1).ok().flatten();
            recorder
                .seen
                .insert(key.clone(), Seen::from_journal(before.as_ref(), module));
        }
        self.inner.save_module(journal)?;
        // Work on another module means the learner has left this one's
        // action point.
        let others: Vec<(String, String)> = recorder.seen.keys().filter(|other| **other != key).cloned().collect();
        for other in others {
            if let Some(event) = recorder.seen.get_mut(&other).and_then(Seen::settle_action_point) {
                recorder.write(&other, vec![event]);
            }
        }
        let events = match (recorder.modules.get(&key), recorder.seen.get_mut(&key)) {
            (Some((_, module)), Some(seen)) => seen.observe(journal, module),
            _ => Vec::new(),
        };
        recorder.write(&key, events);
        Ok(())
    }

    fn load_profile(&self) -> Result<Option<Profile>, StoreError> {
        self.inner.load_profile()
    }

    fn save_profile(&mut self, profile: &Profile) -> Result<(), StoreError> {
        self.inner.save_profile(profile)
    }

    fn module_path(&self, course: &str, module: &str) -> PathBuf {
        self.inner.module_path(course, module)
    }

    // Every method with a default is passed on too: the default would
    // quietly do nothing for the store underneath.
    fn cpd_records(&self) -> Vec<crate::cpd::record::CpdRecord> {
        self.inner.cpd_records()
    }

    fn next_cpd_id(&self, today: jiff::civil::Date) -> String {
        self.inner.next_cpd_id(today)
    }

    fn save_cpd_record(&mut self, record: &crate::cpd::record::CpdRecord) -> Result<PathBuf, String> {
        self.inner.save_cpd_record(record)
    }

    fn discard_cpd_record(&mut self, id: &str) -> Result<(), String> {
        self.inner.discard_cpd_record(id)
    }

    fn create_cpd_record(
        &mut self,
        record: &mut crate::cpd::record::CpdRecord,
        today: jiff::civil::Date,
    ) -> Result<PathBuf, String> {
        self.inner.create_cpd_record(record, today)
    }

    fn imported_reviews(&self) -> (Vec<crate::review::ImportedReview>, Vec<StoreError>) {
        self.inner.imported_reviews()
    }

    fn data_paths(&self) -> Option<&crate::folder::DataPaths> {
        self.inner.data_paths()
    }

    fn record_export(&self, record: crate::export::records::ExportRecord) -> Result<(), StoreError> {
        self.inner.record_export(record)
    }

    fn set_aside(&mut self, course: &str, module: &str, now: Timestamp) -> Result<PathBuf, StoreError> {
        let result = self.inner.set_aside(course, module, now);
        if let Some(recorder) = &mut self.recorder {
            // The module starts afresh: what it records next is news.
            recorder
                .seen
                .insert((course.to_owned(), module.to_owned()), Seen::default());
        }
        result
    }
}

#[cfg(test)]
#[path = "record_tests.rs"]
mod tests;
