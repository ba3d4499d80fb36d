//! What the learner sees of imported reviews: a reviewer's comments under
//! each reflection in the reader, "edited after review" with the wording
//! reviewed, "reviewed by" on home, and the latest review's overall
//! comments on the completion screen. Everything is read from the reviews
//! loaded into the model, never from disk.

use ratatui::text::{Line, Span};

use crate::review::{ImportedReview, ReviewerKind, comments_for, latest_review_of};
use crate::text;
use crate::tui::model::{Model, Reader, Screen};
use crate::tui::theme::Theme;

/// The selected question's id and its module's key, in the reader.
fn selected_question(model: &Model, reader: &Reader) -> Option<((String, String), String)> {
    let (course, module) = model.module(reader.course, reader.module)?;
    let question = module.sections.get(reader.section)?.questions.get(reader.question)?;
    Some(((course.id.clone(), module.id.clone()), question.id.clone()))
}

/// `w` in the reader: the wording a reviewer read, or the answer as it is
/// now. Only an answer edited since its review has two wordings.
pub(crate) fn toggle_reviewed_wording(model: &mut Model) {
    let Screen::Reader(reader) = &model.screen else { return };
    let edited = selected_question(model, reader).is_some_and(|(key, question)| {
        model
            .journal(&key)
            .is_some_and(|journal| journal.edited_after_review(&question).is_some())
    });
    if !edited {
        model.notice = Some(text::NOT_EDITED_AFTER_REVIEW.to_owned());
        return;
    }
    if let Screen::Reader(reader) = &mut model.screen {
        reader.show_reviewed = !reader.show_reviewed;
    }
}

/// Below this height the answer box is too small for comments: they go
/// above it, with the question, where Ctrl-↑ Ctrl-↓ scroll.
const COMMENTS_IN_BOX_HEIGHT: u16 = 20;

/// Whether a reviewer's comments sit above the answer box, with the
/// question: while writing (the box is the answer's alone, and the comment
/// being answered stays in sight) and on a short screen.
pub(crate) fn comments_above_box(model: &Model, reader: &Reader) -> bool {
    reader.focus == crate::tui::model::Focus::Editor || model.height < COMMENTS_IN_BOX_HEIGHT
}

/// The answer box's text for the selected question when it is not being
/// written in: the answer (or, toggled, the wording reviewed) and, on a
/// screen tall enough, each reviewer's comment under it, oldest first.
/// `None` when there is no review of it, so the box shows the answer as
/// before.
pub(crate) fn answer_with_comments(
    model: &Model,
    reader: &Reader,
    answer: &str,
    theme: Theme,
) -> Option<Vec<Line<'static>>> {
    let (key, question) = selected_question(model, reader)?;
    let edited = model
        .journal(&key)
        .and_then(|journal| journal.edited_after_review(&question));
    let comments = comment_lines(model, reader, theme);
    if edited.is_none() && comments.is_empty() {
        return None;
    }
    let mut lines: Vec<Line<'static>> = Vec::new();
    match edited {
        Some(reviewed) if reader.show_reviewed => {
            lines.push(Line::from(Span::styled(
                text::showing_reviewed_wording(&reviewed.reviewer, reviewed.date),
                theme.note(),
            )));
            lines.extend(reviewed.text.lines().map(|line| Line::from(line.to_owned())));
        }
        Some(_) => {
            lines.extend(answer.lines().map(|line| Line::from(line.to_owned())));
            lines.push(Line::from(Span::styled(
                text::edited_after_review(
                    &model
                        .journal(&key)
                        .map(|journal| journal.reviews_of_edited_wording(&question))
                        .unwrap_or_default(),
                ),
                theme.note(),
            )));
        }
        None => lines.extend(answer.lines().map(|line| Line::from(line.to_owned()))),
    }
    if !comments_above_box(model, reader) {
        for (words, style) in comments {
            lines.push(Line::from(Span::styled(words, style)));
        }
    }
    Some(lines)
}

/// Each reviewer's comment on the selected question, oldest first, as
/// lines (unwrapped) with their styles: a blank line, who and when, then
/// the comment.
pub(crate) fn comment_lines(model: &Model, reader: &Reader, theme: Theme) -> Vec<(String, ratatui::style::Style)> {
    let Some((key, question)) = selected_question(model, reader) else {
        return Vec::new();
    };
    let comments = comments_for(&model.reviews, &key.0, &key.1);
    let mut lines = Vec::new();
    for (imported, comment) in comments.get(question.as_str()).into_iter().flatten() {
        let reviewer = &imported.review.reviewer;
        lines.push((String::new(), theme.plain()));
        lines.push((
            text::review_comment_heading(
                &reviewer.name,
                reviewer.role.as_deref(),
                reviewer.kind == ReviewerKind::Peer,
                imported.review.date,
            ),
            theme.heading(),
        ));
        lines.extend(comment.comment.lines().map(|line| (line.to_owned(), theme.lead())));
    }
    lines
}

/// The latest review of a module on home, by (course, module) index.
fn latest(model: &Model, course: usize, module: usize) -> Option<&ImportedReview> {
    let key = model.key_of(course, module)?;
    latest_review_of(&model.reviews, &key.0, &key.1)
}

/// "reviewed by NAME on DATE", for home's details.
pub(crate) fn reviewed_by(model: &Model, course: usize, module: usize) -> Option<String> {
    let review = &latest(model, course, module)?.review;
    Some(text::reviewed_by(&review.reviewer.name, review.date))
}

/// A module's status in home's list with its review mark: "reviewed by
/// NAME on DATE" in up to half the row, else "reviewed" after the status
/// in up to three fifths, else its symbol and "reviewed".
pub(crate) fn status_with_review(model: &Model, course: usize, module: usize, status: String, row: usize) -> String {
    let Some(mark) = reviewed_by(model, course, module) else {
        return status;
    };
    let (symbol, _) =
        crate::tui::widgets::status_words(crate::text::symbols(model.ascii), model.status(course, module));
    [
        (format!("{status} · {mark}"), row / 2),
        (format!("{status} · {}", text::REVIEWED_SHORT), row * 3 / 5),
        (format!("{symbol} {}", text::REVIEWED_SHORT), row),
    ]
    .into_iter()
    .find(|(label, room)| label.chars().count() <= *room)
    .map_or(status, |(label, _)| label)
}

/// A grid cell's status for a reviewed module: its status and
/// "reviewed" when both fit, else its symbol and "reviewed". `None` for a
/// module not reviewed.
pub(crate) fn cell_with_review(
    model: &Model,
    course: usize,
    module: usize,
    status: &str,
    symbol: &str,
    width: usize,
) -> Option<String> {
    latest(model, course, module)?;
    let marked = [
        format!("{status} · {}", text::REVIEWED_SHORT),
        format!("{symbol} {}", text::REVIEWED_SHORT),
    ]
    .into_iter()
    .find(|label| label.chars().count() <= width);
    Some(marked.unwrap_or_else(|| symbol.to_owned()))
}

/// The completion screen's review: who reviewed the module and when, the
/// overall comments, agreed actions and next review date of the latest
/// review that covered it, as lines (unwrapped) with their styles. Empty
/// when none did.
pub(crate) fn completion_lines(
    model: &Model,
    course: usize,
    module: usize,
    theme: Theme,
) -> Vec<(String, ratatui::style::Style)> {
    let Some(imported) = latest(model, course, module) else {
        return Vec::new();
    };
    let review = &imported.review;
    let mut lines = vec![
        (String::new(), theme.plain()),
        (
            text::review_heading(
                &review.reviewer.name,
                review.reviewer.kind == ReviewerKind::Peer,
                review.date,
            ),
            theme.heading(),
        ),
    ];
    // Whether a signature says who wrote it: only a key the learner trusts
    // does. (An unsigned review claims nothing, and says nothing here.)
    let signature = match &imported.signature {
        crate::review::SignatureStatus::Trusted { fingerprint } => {
            Some(text::tutor_signature_trusted(&review.reviewer.name, fingerprint))
        }
        crate::review::SignatureStatus::Untrusted { fingerprint } => Some(text::tutor_signature_untrusted(fingerprint)),
        crate::review::SignatureStatus::Failed { .. } => Some(text::TUTOR_SIGNATURE_FAILED.to_owned()),
        crate::review::SignatureStatus::Unsigned => None,
    };
    lines.extend(signature.map(|words| (words, theme.note())));
    for (label, body) in [
        (text::REVIEW_OVERALL, &review.overall_comments),
        (text::REVIEW_ACTIONS, &review.agreed_actions),
    ] {
        let Some(body) = body.as_deref().filter(|body| !body.trim().is_empty()) else {
            continue;
        };
        lines.push((format!("{label}:"), theme.title()));
        lines.extend(body.lines().map(|line| (line.to_owned(), theme.plain())));
    }
    if let Some(next) = review.next_review {
        lines.push((text::next_review_on(next), theme.plain()));
    }
    lines
}
