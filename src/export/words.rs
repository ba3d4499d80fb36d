//! The wording and the date, time and duration formats shared by the
//! human-readable formats (Markdown, HTML, plain text), so that the three
//! say the same things in the same words. Times are shown in UTC, with
//! "UTC" written after them: a log must read the same wherever it is made
//! or opened.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::model::{
    Log, ModuleLog, ModuleStatus, Period, QuestionLog, ReviewCommentLog, ReviewLog, ReviewedWordingLog,
};
use crate::review::ReviewerKind;

pub const TITLE: &str = "Reflective log";
pub const NOT_GIVEN: &str = "not given";
pub const NOT_RECORDED: &str = "not recorded";
pub const SKIPPED: &str = "Skipped.";
pub const NOT_ANSWERED: &str = "Not answered.";
pub const NO_LONGER_IN_MODULE: &str = "This question is no longer in the module.";
pub const NO_QUESTIONS: &str = "This module has no questions.";
pub const DECLARATION_HEADING: &str = "Learner's declaration";
pub const SUPERVISOR_HEADING: &str = "Supervisor's review";
pub const SUPERVISOR_INTRO: &str = "To be completed by the supervisor.";
pub const COMMENTS: &str = "Comments";
pub const AGREED_ACTIONS: &str = "Agreed actions";
pub const NEXT_REVIEW: &str = "Next review date";
pub const SUPERVISOR_NAME: &str = "Supervisor's name";
pub const ROLE: &str = "Role";
pub const DATE: &str = "Date";
pub const SIGNATURE: &str = "Signature";
pub const NAME: &str = "Name";
pub const DIGEST_HEADING: &str = "Digest";
pub const DIGEST_NOTE: &str = "\"casebook verify FILE\" recomputes this SHA-256 digest and says whether the file \
has changed since it was exported. It catches accidental or casual edits, not a determined forger. Filling in \
the file itself counts as a change: complete a printout or a copy.";

pub const REVIEWS_HEADING: &str = "Reviews received";
pub const OVERALL_COMMENTS: &str = "Overall comments";

/// "Supervisor's review", or "Peer reflection" (for a Social Work England
/// CPD record, which asks for at least one).
pub fn review_kind(kind: ReviewerKind) -> &'static str {
    match kind {
        ReviewerKind::Supervisor => "Supervisor's review",
        ReviewerKind::Peer => "Peer reflection",
    }
}

/// Above a reviewer's comment on a reflection.
pub fn comment_by(comment: &ReviewCommentLog) -> String {
    let kind = match comment.kind {
        ReviewerKind::Supervisor => "supervisor",
        ReviewerKind::Peer => "peer reflection",
    };
    format!(
        "Comment from {} ({kind}), {}:",
        one_line(&comment.reviewer),
        date(comment.date)
    )
}

/// Above the wording a reviewer saw, when the learner changed it since.
pub fn edited_after_review(reviewed: &ReviewedWordingLog) -> String {
    let reviews: Vec<(String, jiff::civil::Date)> = reviewed
        .reviews
        .iter()
        .map(|review| (one_line(&review.reviewer), review.reviewed))
        .collect();
    let named: Vec<(&str, jiff::civil::Date)> = reviews.iter().map(|(name, day)| (name.as_str(), *day)).collect();
    format!(
        "The learner edited this {}. The wording reviewed:",
        crate::text::after_reviews(&named)
    )
}

/// Whether a review's signature was checked, in words.
pub fn signature_state(review: &ReviewLog) -> String {
    let fingerprint = review.signature.key_fingerprint.as_deref().unwrap_or_default();
    match review.signature.status {
        "trusted" => format!(
            "verified: signed with the key the learner trusts for {} (fingerprint {fingerprint})",
            one_line(&review.reviewer)
        ),
        "untrusted" => format!(
            "signed by a key the learner has not trusted (fingerprint {fingerprint}), so it does not show who signed"
        ),
        "failed" => "did not verify when this log was written".to_owned(),
        _ => "not signed".to_owned(),
    }
}

pub fn review_heading(review: &ReviewLog) -> String {
    format!(
        "{}: {}, {}",
        review_kind(review.kind),
        one_line(&review.reviewer),
        date(review.date)
    )
}

pub fn review_fields(review: &ReviewLog) -> Vec<(&'static str, String)> {
    vec![
        ("Reviewer", review.reviewer.clone()),
        (ROLE, optional(review.role.as_deref())),
        ("Type", review_kind(review.kind).to_owned()),
        (DATE, date(review.date)),
        ("Log reviewed", review.log_id.clone()),
        ("Comments on reflections", review.comments.to_string()),
        (
            NEXT_REVIEW,
            review.next_review.map_or_else(|| "none set".to_owned(), date),
        ),
        (SIGNATURE, signature_state(review)),
    ]
}

/// `23 November 2026`.
pub fn date(day: Date) -> String {
    crate::text::date(day)
}

/// A journal's day key (`2026-11-23`) as a date, or as it is if it is not one.
pub fn day_key(key: &str) -> String {
    key.parse::<Date>().map_or_else(|_| key.to_owned(), date)
}

/// `23 November 2026 at 14:05 UTC`.
pub fn time(timestamp: Timestamp) -> String {
    let at = TimeZone::UTC.to_datetime(timestamp);
    format!("{} at {:02}:{:02} UTC", date(at.date()), at.hour(), at.minute())
}

/// Active time to the nearest minute: `1 hour 5 minutes`, `40 minutes`,
/// `less than a minute`, `none`.
pub fn duration(seconds: u64) -> String {
    if seconds == 0 {
        return "none".to_owned();
    }
    let minutes = seconds.saturating_add(30) / 60;
    if minutes == 0 {
        return "less than a minute".to_owned();
    }
    let plural = |count: u64, word: &str| {
        if count == 1 {
            format!("{count} {word}")
        } else {
            format!("{count} {word}s")
        }
    };
    match (minutes / 60, minutes % 60) {
        (0, minutes) => plural(minutes, "minute"),
        (hours, 0) => plural(hours, "hour"),
        (hours, minutes) => format!("{} {}", plural(hours, "hour"), plural(minutes, "minute")),
    }
}

pub fn period(period: &Period) -> String {
    match (period.from, period.to) {
        (Some(from), Some(to)) if from == to => date(from),
        (Some(from), Some(to)) => format!("{} to {}", date(from), date(to)),
        (Some(from), None) => format!("from {}", date(from)),
        (None, Some(to)) => format!("up to {}", date(to)),
        (None, None) => NOT_RECORDED.to_owned(),
    }
}

pub fn optional(value: Option<&str>) -> String {
    value.unwrap_or(NOT_GIVEN).to_owned()
}

/// `complete`, or `complete · 1 skipped` when questions were skipped: a
/// supervisor sees at once that complete does not mean every answer.
pub fn module_status(module: &ModuleLog) -> String {
    let skipped = module
        .questions
        .iter()
        .filter(|question| question.in_module && question.status == super::model::QuestionStatus::Skipped)
        .count();
    match module.status {
        ModuleStatus::NotStarted => crate::text::STATUS_NOT_STARTED.to_owned(),
        ModuleStatus::InProgress => crate::text::STATUS_IN_PROGRESS.to_owned(),
        ModuleStatus::Complete => crate::text::status_complete(skipped),
    }
}

/// `3 answered, 1 skipped, 1 not answered (5 questions)`.
pub fn question_counts(log: &Log) -> String {
    let summary = &log.summary;
    let questions = if summary.questions == 1 {
        "1 question".to_owned()
    } else {
        format!("{} questions", summary.questions)
    };
    format!(
        "{} answered, {} skipped, {} not answered ({questions})",
        summary.answered, summary.skipped, summary.not_answered
    )
}

/// The total, with the part in the period when a date filter was given.
pub fn total_time(log: &Log) -> String {
    match log.summary.active_seconds_in_period {
        Some(in_period) if in_period != log.summary.active_seconds => format!(
            "{} in the period ({} in all, in these modules)",
            duration(in_period),
            duration(log.summary.active_seconds)
        ),
        _ => duration(log.summary.active_seconds),
    }
}

pub fn module_time(module: &ModuleLog) -> String {
    match module.active_seconds_in_period {
        Some(in_period) if in_period != module.active_seconds => format!(
            "{} ({} in the period)",
            duration(module.active_seconds),
            duration(in_period)
        ),
        _ => duration(module.active_seconds),
    }
}

/// `20 November 2026 (25 minutes); 23 November 2026 (15 minutes)`.
pub fn days(module: &ModuleLog) -> Option<String> {
    let days: Vec<String> = module
        .days
        .iter()
        .filter(|day| day.active_seconds > 0)
        .map(|day| format!("{} ({})", day_key(&day.date), duration(day.active_seconds)))
        .collect();
    (!days.is_empty()).then(|| days.join("; "))
}

/// `Assessing for desistance (Tim, 17: referral order)`.
pub fn module_name(module: &ModuleLog) -> String {
    match &module.subtitle {
        Some(subtitle) => format!("{} ({subtitle})", module.title),
        None => module.title.clone(),
    }
}

/// A module's line in the summary: `Title (Case): complete, 40 minutes`.
pub fn module_line(module: &ModuleLog) -> String {
    format!(
        "{}: {}, {}",
        module_name(module),
        module_status(module),
        module_time(module)
    )
}

/// When an action point was set: `set on 23 November 2026`, with the day
/// it was last changed if that was another day.
pub fn action_point_set(created: Timestamp, updated: Timestamp) -> String {
    let created_day = TimeZone::UTC.to_datetime(created).date();
    let updated_day = TimeZone::UTC.to_datetime(updated).date();
    if created_day == updated_day {
        format!("set on {}", date(created_day))
    } else {
        format!("set on {}; last changed on {}", date(created_day), date(updated_day))
    }
}

/// The same as a sentence: `Set on 23 November 2026.`
pub fn action_point_date(created: Timestamp, updated: Timestamp) -> String {
    let set = action_point_set(created, updated);
    let mut chars = set.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}

/// The fields of a module's header, as (label, value).
pub fn module_fields(log: &Log, course_title: &str, module: &ModuleLog) -> Vec<(&'static str, String)> {
    let mut fields = Vec::new();
    if log.courses.len() > 1 {
        fields.push(("Course", course_title.to_owned()));
    }
    if let Some(subtitle) = &module.subtitle {
        fields.push(("Case", subtitle.clone()));
    }
    if let Some(area) = &module.area {
        fields.push(("Area", area.title.clone()));
    }
    if let Some(stage) = &module.stage {
        fields.push(("Stage", stage.title.clone()));
    }
    fields.push(("Status", module_status(module).to_owned()));
    fields.push((
        "First studied",
        module.first_studied.map_or_else(|| NOT_RECORDED.to_owned(), time),
    ));
    fields.push((
        "Last studied",
        module.last_studied.map_or_else(|| NOT_RECORDED.to_owned(), time),
    ));
    if let Some(days) = days(module) {
        fields.push(("Days studied", days));
    }
    fields.push(("Active time", module_time(module)));
    fields
}

/// The header's fields about the learner and the export, as (label, value).
pub fn header_fields(log: &Log) -> Vec<(&'static str, String)> {
    vec![
        ("Learner", optional(log.learner.name.as_deref())),
        ("Role", optional(log.learner.role.as_deref())),
        ("Team", optional(log.learner.team.as_deref())),
        ("Supervisor", optional(log.learner.supervisor.as_deref())),
        ("Period covered", period(&log.period)),
        ("Exported", time(log.exported)),
        ("Log id", log.log_id.clone()),
        ("casebook version", log.casebook_version.clone()),
    ]
}

/// A course's fields, as (label, value), the ones it has.
pub fn course_fields(course: &super::model::CourseLog) -> Vec<(&'static str, String)> {
    [
        ("Publisher", &course.publisher),
        ("Published", &course.published),
        ("Licence", &course.licence),
        ("Attribution", &course.attribution),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.as_ref().map(|value| (label, value.clone())))
    .collect()
}

pub fn summary_fields(log: &Log) -> Vec<(&'static str, String)> {
    vec![
        ("Modules covered", log.summary.modules.to_string()),
        ("Questions", question_counts(log)),
        ("Active time (CPD)", total_time(log)),
    ]
}

/// The question's heading: `Question 2`.
pub fn question_heading(number: usize) -> String {
    format!("Question {number}")
}

pub fn question_state(question: &QuestionLog) -> Option<&'static str> {
    match question.status {
        super::model::QuestionStatus::Answered => None,
        super::model::QuestionStatus::Skipped => Some(SKIPPED),
        super::model::QuestionStatus::NotAnswered => Some(NOT_ANSWERED),
    }
}

/// User text made safe to show: line endings made `\n`, control characters
/// other than tab and newline replaced with U+FFFD, leading and trailing
/// blank lines and each line's trailing spaces removed. (JSON keeps the
/// text exactly; this is for the human-readable formats.)
pub fn clean(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let replaced: String = unified
        .chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    let lines: Vec<&str> = replaced.split('\n').map(str::trim_end).collect();
    let first = lines.iter().position(|line| !line.is_empty()).unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|line| !line.is_empty())
        .map_or(first, |last| last + 1);
    lines.get(first..last).unwrap_or_default().join("\n")
}

/// A one-line text (a title, a name, a question): cleaned, with any line
/// breaks made spaces.
pub fn one_line(text: &str) -> String {
    clean(text).split('\n').map(str::trim).collect::<Vec<_>>().join(" ")
}

/// The paragraphs of a cleaned text: runs of blank lines separate them;
/// each paragraph is its lines.
pub fn paragraphs(text: &str) -> Vec<Vec<String>> {
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in clean(text).split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.to_owned());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(0), "none");
        assert_eq!(duration(20), "less than a minute");
        assert_eq!(duration(30), "1 minute");
        assert_eq!(duration(60 * 40), "40 minutes");
        assert_eq!(duration(3600), "1 hour");
        assert_eq!(duration(3600 + 5 * 60 + 10), "1 hour 5 minutes");
        assert_eq!(duration(2 * 3600 + 60), "2 hours 1 minute");
    }

    #[test]
    fn dates_and_times_are_british_and_utc() {
        let day: Date = "2026-11-03".parse().unwrap();
        assert_eq!(date(day), "3 November 2026");
        let at: Timestamp = "2026-06-01T23:30:00+01:00".parse().unwrap();
        assert_eq!(time(at), "1 June 2026 at 22:30 UTC");
    }

    #[test]
    fn clean_unifies_line_endings_and_trims_blank_edges() {
        assert_eq!(clean("\n\n a\r\nb \rc\u{7}\n\n"), " a\nb\nc\u{FFFD}");
        assert_eq!(paragraphs("a\nb\n\n\n c"), vec![vec!["a", "b"], vec![" c"]]);
    }
}
