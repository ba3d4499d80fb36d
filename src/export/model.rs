//! The reflective log as data: built from the course, the journals, the
//! profile and the options, then written out by each format. The JSON format
//! is this structure serialised as it is (field order included), so the
//! names and shapes here are the documented schema (`assets/log-schema.json`).

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::{Options, Selected};
use crate::content::{Course, Module};
use crate::journal::{ModuleJournal, Profile, Status};
use crate::review::{ImportedReview, SignatureStatus};

/// The `format` field of every JSON log.
pub const FORMAT_NAME: &str = "casebook-log";
/// The JSON schema version; raised whenever a field changes meaning or is
/// removed (adding a field does not raise it).
pub const FORMAT_VERSION: u32 = 1;

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
    /// The review's date.
    pub reviewed: Date,
    pub reviewer: String,
    pub text: String,
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
    pub signed: bool,
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

/// The local dates with active time, parsed; dates that do not parse are
/// left out.
fn study_dates(journal: &ModuleJournal) -> Vec<Date> {
    journal
        .days
        .iter()
        .filter(|(_, seconds)| **seconds > 0)
        .filter_map(|(date, _)| date.parse::<Date>().ok())
        .collect()
}

fn within(date: Date, since: Option<Date>, until: Option<Date>) -> bool {
    since.is_none_or(|since| date >= since) && until.is_none_or(|until| date <= until)
}

fn utc_date(timestamp: Timestamp) -> Date {
    TimeZone::UTC.to_datetime(timestamp).date()
}

/// Whether a module was studied in the period (inclusive). A journal's
/// per-day record decides; one without it falls back on its first and last
/// study times (as UTC dates).
pub fn studied_in_period(journal: &ModuleJournal, since: Option<Date>, until: Option<Date>) -> bool {
    if since.is_none() && until.is_none() {
        return true;
    }
    let dates = study_dates(journal);
    if !dates.is_empty() {
        return dates.into_iter().any(|date| within(date, since, until));
    }
    let first = journal.first_studied.or(journal.last_studied).map(utc_date);
    let last = journal.last_studied.or(journal.first_studied).map(utc_date);
    match (first, last) {
        (Some(first), Some(last)) => {
            since.is_none_or(|since| last >= since) && until.is_none_or(|until| first <= until)
        }
        _ => false,
    }
}

fn seconds_in_period(journal: &ModuleJournal, options: &Options) -> Option<u64> {
    if options.since.is_none() && options.until.is_none() {
        return None;
    }
    if study_dates(journal).is_empty() {
        // No per-day record: the whole time is the best there is.
        return Some(journal.active_seconds);
    }
    Some(
        journal
            .days
            .iter()
            .filter(|(date, _)| {
                date.parse::<Date>()
                    .is_ok_and(|date| within(date, options.since, options.until))
            })
            .map(|(_, seconds)| *seconds)
            .sum(),
    )
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn learner(profile: Option<&Profile>) -> Learner {
    profile.map_or_else(Learner::default, |profile| Learner {
        name: non_empty(&profile.name),
        role: non_empty(&profile.role),
        team: non_empty(&profile.team),
        supervisor: non_empty(&profile.supervisor),
    })
}

fn questions(module: &Module, journal: &ModuleJournal) -> Vec<QuestionLog> {
    let mut list: Vec<QuestionLog> = module
        .questions()
        .map(|(_, question)| {
            let reflection = journal.reflections.get(&question.id);
            let status = if journal.is_answered(&question.id) {
                QuestionStatus::Answered
            } else if journal.is_skipped(&question.id) {
                QuestionStatus::Skipped
            } else {
                QuestionStatus::NotAnswered
            };
            let worded = match (status, reflection) {
                (QuestionStatus::Answered | QuestionStatus::Skipped, Some(reflection))
                    if !reflection.question.trim().is_empty() =>
                {
                    reflection.question.clone()
                }
                _ => question.text.clone(),
            };
            let recorded = reflection.filter(|_| status != QuestionStatus::NotAnswered);
            QuestionLog {
                id: question.id.clone(),
                question: worded,
                status,
                reflection: reflection
                    .filter(|_| status == QuestionStatus::Answered)
                    .map(|reflection| reflection.text.clone()),
                created: recorded.map(|reflection| reflection.created),
                updated: recorded.map(|reflection| reflection.updated),
                in_module: true,
                edited_after_review: None,
                review_comments: Vec::new(),
            }
        })
        .collect();
    // Reflections on questions the module no longer has are still the
    // learner's work: kept, after the module's own questions.
    for (id, reflection) in &journal.reflections {
        if module.questions().any(|(_, question)| &question.id == id) {
            continue;
        }
        if reflection.text.trim().is_empty() {
            continue;
        }
        list.push(QuestionLog {
            id: id.clone(),
            question: reflection.question.clone(),
            status: QuestionStatus::Answered,
            reflection: Some(reflection.text.clone()),
            created: Some(reflection.created),
            updated: Some(reflection.updated),
            in_module: false,
            edited_after_review: None,
            review_comments: Vec::new(),
        });
    }
    for question in &mut list {
        if question.status == QuestionStatus::Answered {
            question.edited_after_review =
                journal
                    .edited_after_review(&question.id)
                    .map(|reviewed| ReviewedWordingLog {
                        reviewed: reviewed.date,
                        reviewer: reviewed.reviewer.clone(),
                        text: reviewed.text.clone(),
                    });
        }
    }
    list
}

/// Puts each imported review's comments under the reflections they concern.
fn add_comments(module: &mut ModuleLog, course: &str, reviews: &[ImportedReview]) {
    let comments = crate::review::comments_for(reviews, course, &module.id);
    for question in &mut module.questions {
        if let Some(found) = comments.get(question.id.as_str()) {
            question.review_comments = found
                .iter()
                .map(|(imported, comment)| ReviewCommentLog {
                    reviewer: imported.review.reviewer.name.clone(),
                    kind: imported.review.reviewer.kind,
                    date: imported.review.date,
                    comment: comment.comment.clone(),
                })
                .collect();
        }
    }
}

fn review_log(imported: &ImportedReview) -> ReviewLog {
    let review = &imported.review;
    let (signed, verified, key_fingerprint) = match &imported.signature {
        SignatureStatus::Unsigned => (false, false, None),
        SignatureStatus::Verified { fingerprint } => (true, true, Some(fingerprint.clone())),
        SignatureStatus::Failed { .. } => (true, false, None),
    };
    ReviewLog {
        kind: review.reviewer.kind,
        reviewer: review.reviewer.name.clone(),
        role: review.reviewer.role.clone(),
        date: review.date,
        log_id: review.log_id.clone(),
        comments: review.comments.len(),
        overall_comments: review.overall_comments.clone(),
        agreed_actions: review.agreed_actions.clone(),
        next_review: review.next_review,
        signature: SignatureLog {
            signed,
            verified,
            key_fingerprint,
        },
    }
}

fn module_log(course: &Course, module: &Module, journal: &ModuleJournal, options: &Options) -> ModuleLog {
    let named = |id: &Option<String>, title: fn(&Course, &str) -> Option<String>| {
        id.as_ref().map(|id| Named {
            id: id.clone(),
            title: title(course, id).unwrap_or_else(|| id.clone()),
        })
    };
    ModuleLog {
        id: module.id.clone(),
        title: module.title.clone(),
        subtitle: module.subtitle.clone(),
        area: named(&module.area, |course, id| course.area_title(id).map(str::to_owned)),
        stage: named(&module.stage, |course, id| course.stage_title(id).map(str::to_owned)),
        status: match journal.status(module) {
            Status::NotStarted => ModuleStatus::NotStarted,
            Status::InProgress => ModuleStatus::InProgress,
            Status::Complete => ModuleStatus::Complete,
        },
        first_studied: journal.first_studied,
        last_studied: journal.last_studied,
        completed: journal.completed,
        active_seconds: journal.active_seconds,
        active_seconds_in_period: seconds_in_period(journal, options),
        days: journal
            .days
            .iter()
            .map(|(date, seconds)| StudyDay {
                date: date.clone(),
                active_seconds: *seconds,
            })
            .collect(),
        questions: questions(module, journal),
        action_point: journal.action_point.as_ref().map(|point| ActionPointLog {
            text: point.text.clone(),
            created: point.created,
            updated: point.updated,
        }),
    }
}

/// The first and last days of study in the log.
fn studied_span(modules: &[(&Module, &ModuleJournal)]) -> (Option<Date>, Option<Date>) {
    let mut dates: Vec<Date> = Vec::new();
    for (_, journal) in modules {
        let days = study_dates(journal);
        if days.is_empty() {
            dates.extend(journal.first_studied.map(utc_date));
            dates.extend(journal.last_studied.map(utc_date));
        } else {
            dates.extend(days);
        }
    }
    (dates.iter().min().copied(), dates.iter().max().copied())
}

/// Builds the log from what was selected, keeping only modules studied (in
/// the period, when one is given), courses in the order given and modules
/// in course order. `None` when nothing remains. The log id and digest are
/// left empty for [`super::render`] to fill in.
pub fn build(
    selected: &[Selected<'_>],
    profile: Option<&Profile>,
    options: &Options,
    reviews: &[ImportedReview],
) -> Option<Log> {
    let mut kept: Vec<Selected<'_>> = Vec::new();
    for &(course, module, journal) in selected {
        let duplicate = kept
            .iter()
            .any(|(other_course, other, _)| other_course.id == course.id && other.id == module.id);
        if !duplicate && journal.studied(module) && studied_in_period(journal, options.since, options.until) {
            kept.push((course, module, journal));
        }
    }
    if kept.is_empty() {
        return None;
    }
    // Courses in order of first appearance; modules in course order.
    let mut course_order: Vec<&Course> = Vec::new();
    for (course, _, _) in &kept {
        if !course_order.iter().any(|seen| seen.id == course.id) {
            course_order.push(course);
        }
    }
    let mut courses = Vec::new();
    for course in course_order {
        let mut in_course: BTreeMap<usize, (&Module, &ModuleJournal)> = BTreeMap::new();
        for (other, module, journal) in &kept {
            if other.id == course.id {
                let index = course
                    .modules
                    .iter()
                    .position(|candidate| candidate.id == module.id)
                    .unwrap_or(usize::MAX - in_course.len());
                in_course.insert(index, (module, journal));
            }
        }
        courses.push(CourseLog {
            id: course.id.clone(),
            title: course.title.clone(),
            publisher: course.publisher.clone(),
            published: course.published.clone(),
            licence: course.licence.clone(),
            attribution: course.attribution.clone(),
            modules: in_course
                .values()
                .map(|(module, journal)| {
                    let mut log = module_log(course, module, journal, options);
                    add_comments(&mut log, &course.id, reviews);
                    log
                })
                .collect(),
        });
    }

    let pairs: Vec<(&Module, &ModuleJournal)> = kept.iter().map(|(_, module, journal)| (*module, *journal)).collect();
    let (first, last) = studied_span(&pairs);
    let filtered = options.since.is_some() || options.until.is_some();
    let period = Period {
        from: options.since.or(first),
        to: options
            .until
            .or_else(|| options.since.map(|_| utc_date(options.now)))
            .or(last),
        since: options.since,
        until: options.until,
    };

    let all_modules = || courses.iter().flat_map(|course| course.modules.iter());
    let all_questions = || all_modules().flat_map(|module| module.questions.iter());
    let count = |status| all_questions().filter(|question| question.status == status).count();
    let summary = Summary {
        modules: all_modules().count(),
        questions: all_questions().count(),
        answered: count(QuestionStatus::Answered),
        skipped: count(QuestionStatus::Skipped),
        not_answered: count(QuestionStatus::NotAnswered),
        active_seconds: all_modules().map(|module| module.active_seconds).sum(),
        active_seconds_in_period: filtered.then(|| {
            all_modules()
                .map(|module| module.active_seconds_in_period.unwrap_or(0))
                .sum()
        }),
        action_points: courses
            .iter()
            .flat_map(|course| {
                course.modules.iter().filter_map(move |module| {
                    module.action_point.as_ref().map(|point| ActionPointEntry {
                        course: course.id.clone(),
                        module: module.id.clone(),
                        module_title: module.title.clone(),
                        text: point.text.clone(),
                        created: point.created,
                        updated: point.updated,
                    })
                })
            })
            .collect(),
    };

    // Only the reviews of modules in this log.
    let reviews_in_log = reviews
        .iter()
        .filter(|imported| {
            imported.review.modules.iter().any(|reviewed| {
                courses.iter().any(|course| {
                    course.id == reviewed.course && course.modules.iter().any(|module| module.id == reviewed.module)
                })
            })
        })
        .map(review_log)
        .collect();
    let learner = learner(profile);
    Some(Log {
        format: FORMAT_NAME,
        format_version: FORMAT_VERSION,
        log_id: String::new(),
        // Whole seconds: a log needs no finer export time.
        exported: Timestamp::from_second(options.now.as_second()).unwrap_or(options.now),
        casebook_version: options.casebook_version.clone(),
        supervisor: SupervisorSection {
            name: learner.supervisor.clone(),
            role: None,
            comments: None,
            agreed_actions: None,
            next_review: None,
            date: None,
            signature: None,
        },
        learner,
        period,
        summary,
        courses,
        declaration: DECLARATION.to_owned(),
        reviews: reviews_in_log,
        digest: String::new(),
    })
}
