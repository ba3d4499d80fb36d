//! The reflective log as data: built from the course, the journals, the
//! profile and the options, then written out by each format. The JSON format
//! is this structure serialised as it is (field order included), so the
//! names and shapes here are the documented schema (`assets/log-schema.json`).

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// The `format` field of every JSON log.
pub const FORMAT_NAME: &str = "casebook-log";
/// The JSON schema version; raised whenever a field changes meaning or is
/// removed (adding a field does not raise it).
/// - 2: a review's `signature.verified` is true only for a key the learner
///   trusts for that reviewer; `signature.status` says which state it is.
pub const FORMAT_VERSION: u32 = 2;

/// The learner's declaration, word for word, in every format.
pub const DECLARATION: &str = "I confirm that this log is my own work, and that it does not identify any child, \
family, victim or colleague.";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Log {
    pub format: &'static str,
    pub format_version: u32,
    pub log_id: String,
    pub exported: Timestamp,
    pub casebook_version: String,
    pub learner: Learner,
    pub period: Period,
    pub summary: Summary,
    pub courses: Vec<CourseLog>,
    pub declaration: String,
    /// That the identifying-details check ran before the log was written,
    /// and how many findings were marked not identifying (never the words).
    /// Absent from a log written without the check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifying_check: Option<IdentifyingCheck>,
    pub supervisor: SupervisorSection,
    /// Every review imported (`casebook import-review`), oldest first;
    /// absent when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<ReviewLog>,
    /// `sha256:` and 64 hex digits; always the last field.
    pub digest: String,
}

/// The profile; `None` where the learner left a field empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Learner {
    pub name: Option<String>,
    pub role: Option<String>,
    pub team: Option<String>,
    pub supervisor: Option<String>,
}

/// What the log records of the identifying-details check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct IdentifyingCheck {
    pub run: bool,
    pub marked_not_identifying: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// The first day covered: `--since`, else the first day studied.
    pub from: Option<Date>,
    /// The last day covered: `--until`, else the export date when `--since`
    /// was given, else the last day studied.
    pub to: Option<Date>,
    /// The date filters as given (`None` when not given).
    pub since: Option<Date>,
    pub until: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub modules: usize,
    pub questions: usize,
    pub answered: usize,
    pub skipped: usize,
    pub not_answered: usize,
    /// All active study time in the modules of the log.
    pub active_seconds: u64,
    /// The part of it in the period; `None` when no date filter was given.
    pub active_seconds_in_period: Option<u64>,
    pub action_points: Vec<ActionPointEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionPointEntry {
    pub course: String,
    pub module: String,
    pub module_title: String,
    pub text: String,
    pub created: Timestamp,
    pub updated: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CourseLog {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub licence: Option<String>,
    pub attribution: Option<String>,
    pub modules: Vec<ModuleLog>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleLog {
    pub id: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub area: Option<Named>,
    pub stage: Option<Named>,
    pub status: ModuleStatus,
    /// Sections in the module, and how many of them the learner has read.
    pub sections: usize,
    pub sections_read: usize,
    pub first_studied: Option<Timestamp>,
    pub last_studied: Option<Timestamp>,
    pub completed: Option<Timestamp>,
    pub active_seconds: u64,
    pub active_seconds_in_period: Option<u64>,
    /// Active time per local date, as the journal recorded it.
    pub days: Vec<StudyDay>,
    pub questions: Vec<QuestionLog>,
    pub action_point: Option<ActionPointLog>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ModuleStatus {
    NotStarted,
    InProgress,
    Complete,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StudyDay {
    pub date: String,
    pub active_seconds: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionLog {
    pub id: String,
    /// As worded when answered or skipped; the course's wording otherwise.
    pub question: String,
    pub status: QuestionStatus,
    /// Exactly as written; `None` unless answered.
    pub reflection: Option<String>,
    pub created: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    /// False for a reflection on a question the module no longer has.
    pub in_module: bool,
    /// The wording last reviewed, when the reflection was edited after it
    /// was reviewed; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edited_after_review: Option<ReviewedWordingLog>,
    /// Reviewers' comments on this reflection, oldest review first; absent
    /// when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub review_comments: Vec<ReviewCommentLog>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewedWordingLog {
    /// The last review's date.
    pub reviewed: Date,
    pub reviewer: String,
    pub text: String,
    /// Every review of this wording, oldest first (the last is the one above).
    pub reviews: Vec<ReviewerOn>,
}

/// A reviewer and the date of their review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewerOn {
    pub reviewer: String,
    pub reviewed: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewCommentLog {
    pub reviewer: String,
    pub kind: crate::review::ReviewerKind,
    pub date: Date,
    pub comment: String,
}

/// An imported review, as the log carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewLog {
    /// `supervisor`, or `peer` for a peer reflection.
    pub kind: crate::review::ReviewerKind,
    pub reviewer: String,
    pub role: Option<String>,
    pub date: Date,
    /// The log that was reviewed.
    pub log_id: String,
    pub comments: usize,
    pub overall_comments: Option<String>,
    pub agreed_actions: Option<String>,
    pub next_review: Option<Date>,
    /// Whether the review's SSH signature was checked when this log was
    /// written, and by which key.
    pub signature: SignatureLog,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatureLog {
    /// `trusted` (signed by a key the learner trusts for this reviewer: the
    /// only state that is verified), `untrusted` (signed, unchanged since,
    /// by a key the learner has not trusted), `failed` or `unsigned`.
    pub status: &'static str,
    pub signed: bool,
    /// True only for `trusted`.
    pub verified: bool,
    /// `SHA256:...`, as `ssh-keygen -l` shows it.
    pub key_fingerprint: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionStatus {
    Answered,
    Skipped,
    NotAnswered,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionPointLog {
    pub text: String,
    pub created: Timestamp,
    pub updated: Timestamp,
}

/// Left for the supervisor to fill in; only the name is known in advance
/// (from the learner's profile).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupervisorSection {
    pub name: Option<String>,
    pub role: Option<String>,
    pub comments: Option<String>,
    pub agreed_actions: Option<String>,
    pub next_review: Option<Date>,
    pub date: Option<Date>,
    pub signature: Option<String>,
}
