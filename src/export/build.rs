//! A log built from the journals: what was studied in the period, each
//! reflection and its reviews, the learner and the summary.

use super::model::*;
use super::reviews_in_log::{add_comments, review_log};
use super::{Options, Selected};
use crate::content::{Course, Module};
use crate::journal::{ModuleJournal, Profile, Status};
use crate::review::ImportedReview;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use std::collections::BTreeMap;

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
                        reviews: journal
                            .reviews_of_edited_wording(&question.id)
                            .into_iter()
                            .map(|(reviewer, reviewed)| ReviewerOn {
                                reviewer: reviewer.to_owned(),
                                reviewed,
                            })
                            .collect(),
                    });
        }
    }
    list
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
        sections: module.sections.len(),
        sections_read: journal.progress(module).read,
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
        identifying_check: None,
        reviews: reviews_in_log,
        digest: String::new(),
    })
}
