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
pub const SCHEMA: u32 = 2;

/// The profile's schema, counted apart from the journals'.
pub const PROFILE_SCHEMA: u32 = 1;

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
    #[serde(default, deserialize_with = "super::unique::map")]
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
    #[serde(default, deserialize_with = "super::unique::map")]
    pub days: BTreeMap<String, u64>,
    #[serde(default)]
    pub first_studied: Option<Timestamp>,
    #[serde(default)]
    pub last_studied: Option<Timestamp>,
    #[serde(default)]
    pub completed: Option<Timestamp>,
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
    /// The question being answered, if any.
    #[serde(default)]
    pub question: Option<String>,
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
        }
    }

    /// Answered: has text and was not skipped.
    pub fn is_answered(&self, question: &str) -> bool {
        self.reflections
            .get(question)
            .is_some_and(|reflection| !reflection.skipped && !reflection.text.trim().is_empty())
    }

    pub fn is_skipped(&self, question: &str) -> bool {
        self.reflections
            .get(question)
            .is_some_and(|reflection| reflection.skipped)
    }

    pub fn status(&self, module: &crate::content::Module) -> Status {
        let questions_done = module
            .questions()
            .all(|(_, question)| self.is_answered(&question.id) || self.is_skipped(&question.id));
        let all_read = (0..module.sections.len()).all(|index| self.sections_read.contains(&index));
        if self.completed.is_some() || (questions_done && all_read) {
            Status::Complete
        } else if self.sections_read.is_empty() && self.reflections.is_empty() && self.active_seconds == 0 {
            Status::NotStarted
        } else {
            Status::InProgress
        }
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

    pub fn answered_count(&self, module: &crate::content::Module) -> usize {
        module
            .questions()
            .filter(|(_, question)| self.is_answered(&question.id))
            .count()
    }

    pub fn skipped_count(&self, module: &crate::content::Module) -> usize {
        module
            .questions()
            .filter(|(_, question)| self.is_skipped(&question.id))
            .count()
    }
}
