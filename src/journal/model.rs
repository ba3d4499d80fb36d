//! What casebook keeps about a learner's work on one module, saved as
//! human-readable RON with a schema version.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// A gap between two inputs counts as study time up to this long: a learner
/// who walks away is not studying.
pub const IDLE_CAP_SECONDS: i64 = 5 * 60;

/// The journal schema this binary writes. A file with a newer number is
/// never overwritten; an older one is migrated when it is next saved, after
/// a copy of it is kept (see `store`).
///
/// - 1: the first.
/// - 2: adds `written_by`, the casebook that last wrote the file, so that a
///   journal too new for an older casebook can say which version to get.
/// - 3: adds `position.editing`, so that a module reopens in its editor only
///   when casebook was closed (or killed) with the editor open.
/// - 4: adds `reviewed` to each reflection: the wording a supervisor or peer
///   reviewed, kept when the learner edits it afterwards.
/// - 5: adds `cpd_draft`, the tutor's CPD record form as the learner left
///   it before making the record.
pub const SCHEMA: u32 = 5;

/// The profile's schema, counted apart from the journals'.
/// - 2: `cpd_registered`, the learner's registration or renewal date for
///   each layout whose period rolls from it (Social Care Wales, the
///   Probation Institute).
pub const PROFILE_SCHEMA: u32 = 2;

/// This casebook, as recorded in the journals it writes.
pub const WRITTEN_BY: &str = concat!("casebook ", env!("CARGO_PKG_VERSION"));

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleJournal {
    pub schema: u32,
    /// Missing in schema 1.
    #[serde(default)]
    pub written_by: String,
    pub course: String,
    pub module: String,
    /// By question id.
    #[serde(default, deserialize_with = "crate::folder::unique::map")]
    pub reflections: BTreeMap<String, Reflection>,
    #[serde(default)]
    pub action_point: Option<ActionPoint>,
    /// Indices of the sections the learner has read.
    #[serde(default)]
    pub sections_read: BTreeSet<usize>,
    #[serde(default)]
    pub position: Position,
    /// Active study time, in whole seconds.
    #[serde(default)]
    pub active_seconds: u64,
    /// Active seconds per local date (`2026-11-23`), for dated CPD records.
    #[serde(default, deserialize_with = "crate::folder::unique::map")]
    pub days: BTreeMap<String, u64>,
    #[serde(default)]
    pub first_studied: Option<Timestamp>,
    #[serde(default)]
    pub last_studied: Option<Timestamp>,
    #[serde(default)]
    pub completed: Option<Timestamp>,
    /// The tutor's CPD record form, written in but not yet made into a
    /// record (schema 5). Never part of a log: it is not a reflection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpd_draft: Option<CpdDraft>,
}

/// What the learner has typed into the tutor's CPD record form so far, kept
/// exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CpdDraft {
    #[serde(default)]
    pub learning: String,
    #[serde(default)]
    pub impact: String,
    #[serde(default)]
    pub peer_reflection: String,
}

impl CpdDraft {
    /// Nothing but white space in any of the three boxes: nothing to keep.
    pub fn is_blank(&self) -> bool {
        [&self.learning, &self.impact, &self.peer_reflection]
            .iter()
            .all(|text| text.trim().is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reflection {
    /// The question as worded when the learner answered it.
    pub question: String,
    pub text: String,
    /// True when the learner chose to skip the question (text may be empty).
    #[serde(default)]
    pub skipped: bool,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// Every wording a reviewer saw, oldest first, from the first imported
    /// review on (schema 4). Editing the text never changes these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviewed: Vec<ReviewedWording>,
}

/// A reflection as a supervisor or peer reviewed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewedWording {
    pub text: String,
    /// The review's date.
    pub date: jiff::civil::Date,
    pub reviewer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionPoint {
    /// What the learner will do differently, and by when.
    pub text: String,
    pub created: Timestamp,
    pub updated: Timestamp,
}

/// Where the learner left off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub section: usize,
    pub scroll: u16,
    /// The question selected, if any.
    #[serde(default)]
    pub question: Option<String>,
    /// The question's editor was open: casebook was closed or killed while
    /// the learner was writing, so reopening goes straight back to it.
    #[serde(default)]
    pub editing: bool,
}

/// The learner's profile, all optional, shown at the head of an exported log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub schema: u32,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub supervisor: String,
    /// Set once the first-run welcome has been seen.
    #[serde(default)]
    pub welcomed: bool,
    /// For each CPD layout with a rolling period (by its id), the date the
    /// learner registered or last renewed (schema 2).
    #[serde(default)]
    pub cpd_registered: BTreeMap<String, jiff::civil::Date>,
}

impl Profile {
    /// Brings a profile read from an older schema up to this one, in
    /// memory; the file changes only when saved.
    pub fn migrate(mut self) -> Self {
        if self.schema < 2 {
            // No registration date was kept before schema 2.
            self.schema = 2;
        }
        self
    }
}

/// How far a learner is through a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Complete,
}

impl ModuleJournal {
    /// Brings a journal read from an older schema up to this one, in memory.
    /// Each step is one schema; the file on disk changes only when saved.
    pub fn migrate(mut self) -> Self {
        if self.schema < 2 {
            // Schema 1 has every field of 2 but `written_by`, which stays empty
            // until casebook writes the file.
            self.schema = 2;
        }
        if self.schema < 3 {
            // Schema 2 did not say whether the editor was open: reopen in
            // reading mode, where no key can change a saved answer.
            self.position.editing = false;
            self.schema = 3;
        }
        if self.schema < 4 {
            // Nothing was reviewed before schema 4: every `reviewed` is empty.
            self.schema = 4;
        }
        if self.schema < 5 {
            // No CPD form was kept before schema 5: `cpd_draft` is none.
            self.schema = 5;
        }
        self
    }

    pub fn new(course: &str, module: &str) -> Self {
        ModuleJournal {
            schema: SCHEMA,
            written_by: WRITTEN_BY.to_owned(),
            course: course.to_owned(),
            module: module.to_owned(),
            reflections: BTreeMap::new(),
            action_point: None,
            sections_read: BTreeSet::new(),
            position: Position::default(),
            active_seconds: 0,
            days: BTreeMap::new(),
            first_studied: None,
            last_studied: None,
            completed: None,
            cpd_draft: None,
        }
    }

    /// Answered: the reflection has text. Text is never hidden by a skip
    /// (a journal from an earlier casebook can hold both): what the learner
    /// wrote always counts and always reaches the log.
    pub fn is_answered(&self, question: &str) -> bool {
        self.reflections
            .get(question)
            .is_some_and(|reflection| !reflection.text.trim().is_empty())
    }

    /// Skipped: set aside by the learner, with no text written.
    pub fn is_skipped(&self, question: &str) -> bool {
        self.reflections
            .get(question)
            .is_some_and(|reflection| reflection.skipped && reflection.text.trim().is_empty())
    }

    /// Answered or skipped: the tutor does not pause at it again.
    pub fn is_resolved(&self, question: &str) -> bool {
        self.is_answered(question) || self.is_skipped(question)
    }

    /// Writes the learner's text for a question, keeping when it was first
    /// written. `wording` is the question as the course has it now, kept
    /// with the text it was answered with. Empty text on a question with an
    /// answer withdraws it (the log shows it as not answered). Returns
    /// whether the journal changed: the same text again changes nothing,
    /// not even the time it was last updated.
    pub fn answer(&mut self, question: &str, wording: &str, text: String, now: Timestamp) -> bool {
        let has_text = !text.trim().is_empty();
        match self.reflections.get_mut(question) {
            Some(reflection) if reflection.text == text => {
                // An answer that an earlier casebook marked skipped is an answer.
                let unskip = has_text && reflection.skipped;
                if unskip {
                    reflection.skipped = false;
                    reflection.updated = now;
                }
                unskip
            }
            Some(reflection) => {
                if has_text {
                    reflection.skipped = false;
                    wording.clone_into(&mut reflection.question);
                }
                reflection.text = text;
                reflection.updated = now;
                true
            }
            None if text.is_empty() => false,
            None => {
                self.reflections.insert(
                    question.to_owned(),
                    Reflection {
                        question: wording.to_owned(),
                        text,
                        skipped: false,
                        created: now,
                        updated: now,
                        reviewed: Vec::new(),
                    },
                );
                true
            }
        }
    }

    /// Adds a paragraph to a question's answer (or starts it): plain
    /// mode's "add to it".
    pub fn add_to_answer(&mut self, question: &str, wording: &str, more: &str, now: Timestamp) -> bool {
        let existing = self
            .reflections
            .get(question)
            .map(|reflection| reflection.text.clone())
            .unwrap_or_default();
        // The saved text is kept exactly; the new paragraph starts after a
        // blank line, made of what line ends the text already has.
        let separator = if existing.trim().is_empty() || existing.ends_with("\n\n") {
            ""
        } else if existing.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        let text = if existing.trim().is_empty() {
            more.to_owned()
        } else {
            format!("{existing}{separator}{more}")
        };
        self.answer(question, wording, text, now)
    }

    /// Whether the learner may skip a question: only while it has no text,
    /// so a skip can never hide what they wrote.
    pub fn can_skip(&self, question: &str) -> bool {
        !self.is_answered(question)
    }

    /// Marks a question skipped, for now. Refused (false) when it has text;
    /// a question already skipped is left as it is.
    pub fn skip(&mut self, question: &str, wording: &str, now: Timestamp) -> bool {
        if !self.can_skip(question) {
            return false;
        }
        match self.reflections.get_mut(question) {
            Some(reflection) if reflection.skipped => false,
            Some(reflection) => {
                reflection.skipped = true;
                wording.clone_into(&mut reflection.question);
                reflection.updated = now;
                true
            }
            None => {
                self.reflections.insert(
                    question.to_owned(),
                    Reflection {
                        question: wording.to_owned(),
                        text: String::new(),
                        skipped: true,
                        created: now,
                        updated: now,
                        reviewed: Vec::new(),
                    },
                );
                true
            }
        }
    }

    /// Keeps the CPD form's text as a draft; a blank form keeps none.
    /// Returns whether the journal changed.
    pub fn set_cpd_draft(&mut self, draft: CpdDraft) -> bool {
        let draft = (!draft.is_blank()).then_some(draft);
        if self.cpd_draft == draft {
            return false;
        }
        self.cpd_draft = draft;
        true
    }

    /// Writes the action point, by the same rules as an answer.
    pub fn set_action_point(&mut self, text: String, now: Timestamp) -> bool {
        match &mut self.action_point {
            Some(point) if point.text == text => false,
            Some(point) => {
                point.text = text;
                point.updated = now;
                true
            }
            None if text.trim().is_empty() => false,
            None => {
                self.action_point = Some(ActionPoint {
                    text,
                    created: now,
                    updated: now,
                });
                true
            }
        }
    }

    /// Records that a section's last line has been on the learner's screen
    /// (or printed, in plain mode). Returns whether that is news.
    pub fn mark_read(&mut self, section: usize) -> bool {
        self.sections_read.insert(section)
    }

    /// How far through the module the learner is, counted against the
    /// module as the course has it now.
    pub fn progress(&self, module: &crate::content::Module) -> Progress {
        let mut progress = Progress {
            sections: module.sections.len(),
            read: (0..module.sections.len())
                .filter(|index| self.sections_read.contains(index))
                .count(),
            ..Progress::default()
        };
        for (_, question) in module.questions() {
            progress.questions += 1;
            if self.is_answered(&question.id) {
                progress.answered += 1;
            } else if self.is_skipped(&question.id) {
                progress.skipped += 1;
            }
        }
        progress
    }

    /// Complete: every section read to its end and every question answered
    /// or skipped. Not started: nothing read, written or timed.
    pub fn status(&self, module: &crate::content::Module) -> Status {
        if self.progress(module).is_complete() {
            Status::Complete
        } else if self.sections_read.is_empty() && self.reflections.is_empty() && self.active_seconds == 0 {
            Status::NotStarted
        } else {
            Status::InProgress
        }
    }

    /// Records the first time the module was complete; later changes (an
    /// answer withdrawn) show in `status`, the date stays.
    pub fn record_completion(&mut self, module: &crate::content::Module, now: Timestamp) -> bool {
        if self.completed.is_none() && self.progress(module).is_complete() {
            self.completed = Some(now);
            return true;
        }
        false
    }

    /// Whether the module has been studied at all: a journal that records
    /// nothing (opened, nothing read, answered or timed) is left out of logs.
    pub fn studied(&self, module: &crate::content::Module) -> bool {
        self.status(module) != Status::NotStarted || self.action_point.is_some()
    }

    /// The first question, in the module's order, that has no answer
    /// (skipped or not yet reached): (section index, index in the section).
    pub fn first_unanswered(&self, module: &crate::content::Module) -> Option<(usize, usize)> {
        module.sections.iter().enumerate().find_map(|(section_index, section)| {
            section
                .questions
                .iter()
                .position(|question| !self.is_answered(&question.id))
                .map(|index| (section_index, index))
        })
    }

    /// Where the learner goes back to in a module: the section and, where
    /// one was selected, the question (its index in the section). Once every
    /// section is read, a place that is not a question is the first question
    /// still open, since that is what is left to do.
    pub fn resume_place(&self, module: &crate::content::Module) -> (usize, Option<usize>) {
        let section = self.position.section.min(module.sections.len().saturating_sub(1));
        let question = self.position.question.as_ref().and_then(|id| {
            module
                .sections
                .get(section)
                .and_then(|content| content.questions.iter().position(|question| &question.id == id))
        });
        if question.is_none()
            && self.first_unread(module).is_none()
            && let Some((open_section, open_question)) = self.first_unanswered(module)
        {
            return (open_section, Some(open_question));
        }
        (section, question)
    }

    /// The first section not yet read to its end.
    pub fn first_unread(&self, module: &crate::content::Module) -> Option<usize> {
        (0..module.sections.len()).find(|index| !self.sections_read.contains(index))
    }

    /// Counts the time since the learner's previous input (`since`), up to
    /// the idle cap, as active study on `now`'s local date. `carry` keeps the
    /// milliseconds short of a whole second for the next call.
    pub fn count_study(
        &mut self,
        since: Option<Timestamp>,
        now: Timestamp,
        carry: &mut i64,
        timezone: &jiff::tz::TimeZone,
    ) {
        let gap = since.map_or(0, |last| {
            i64::try_from(now.duration_since(last).as_millis())
                .unwrap_or(0)
                .clamp(0, IDLE_CAP_SECONDS * 1000)
        });
        *carry += gap;
        let seconds = u64::try_from(*carry / 1000).unwrap_or(0);
        *carry %= 1000;
        self.first_studied.get_or_insert(now);
        self.last_studied = Some(now);
        if seconds > 0 {
            self.active_seconds += seconds;
            *self
                .days
                .entry(now.to_zoned(timezone.clone()).date().to_string())
                .or_insert(0) += seconds;
        }
    }

    /// Records that a reviewer saw a reflection worded as `text` on `date`:
    /// the wording is kept from then on, whatever the learner writes later.
    /// The same wording from the same reviewer on the same day again changes
    /// nothing, nor does a question the journal has no reflection on (the
    /// comment is still in the stored review). Returns whether the journal
    /// changed.
    pub fn record_review(&mut self, question: &str, text: &str, date: jiff::civil::Date, reviewer: &str) -> bool {
        let Some(reflection) = self.reflections.get_mut(question) else {
            return false;
        };
        let seen = ReviewedWording {
            text: text.to_owned(),
            date,
            reviewer: reviewer.to_owned(),
        };
        if reflection.reviewed.contains(&seen) {
            return false;
        }
        reflection.reviewed.push(seen);
        true
    }

    /// The last wording reviewed, when the learner has changed the text
    /// since: what the log shows as "edited after review".
    pub fn edited_after_review(&self, question: &str) -> Option<&ReviewedWording> {
        let reflection = self.reflections.get(question)?;
        let last = reflection.reviewed.last()?;
        (last.text != reflection.text).then_some(last)
    }

    /// Every review of the wording last reviewed, oldest first, when the
    /// learner has changed the text since: who reviewed what they changed.
    pub fn reviews_of_edited_wording(&self, question: &str) -> Vec<(&str, jiff::civil::Date)> {
        let Some(last) = self.edited_after_review(question) else {
            return Vec::new();
        };
        self.reflections
            .get(question)
            .map(|reflection| {
                reflection
                    .reviewed
                    .iter()
                    .filter(|seen| seen.text == last.text)
                    .map(|seen| (seen.reviewer.as_str(), seen.date))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn answered_count(&self, module: &crate::content::Module) -> usize {
        self.progress(module).answered
    }

    pub fn skipped_count(&self, module: &crate::content::Module) -> usize {
        self.progress(module).skipped
    }
}

/// Counts for one module: see `ModuleJournal::progress`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub sections: usize,
    pub read: usize,
    pub questions: usize,
    pub answered: usize,
    pub skipped: usize,
}

impl Progress {
    pub fn is_complete(&self) -> bool {
        self.read == self.sections && self.answered + self.skipped == self.questions
    }
}
