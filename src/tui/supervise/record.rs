//! The learner's record as the reviewer reads it, page by page: each
//! reflection under its question (both wordings where it was edited after
//! an earlier review), and each module's status, study time and action
//! point. Paragraphs here; the screen wraps them to its width.

use crate::export::reading::{LogView, ModuleView};
use crate::text;

/// How a paragraph is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tone {
    Title,
    Heading,
    Lead,
    Note,
    Plain,
    Alarm,
}

pub(super) type Para = (String, Tone);

/// One answered reflection of the log.
pub(super) struct Reflection {
    pub(super) course: String,
    pub(super) module: String,
    pub(super) question_id: String,
    pub(super) question: String,
    pub(super) text: String,
    /// The module's title (and case).
    pub(super) heading: String,
    /// The module's facts, over its first reflection only.
    pub(super) facts: Vec<Para>,
    /// The note and the wording reviewed before, when edited since.
    pub(super) edited: Option<(String, String)>,
}

fn heading(module: &ModuleView) -> String {
    match &module.subtitle {
        Some(subtitle) => format!("{}: {subtitle}", module.title),
        None => module.title.clone(),
    }
}

/// Status, sections read, questions answered and skipped, study time, the
/// skipped questions, and the action point with its date.
pub(super) fn module_facts(module: &ModuleView) -> Vec<Para> {
    let facts = crate::supervision::module_facts(module);
    let mut paras = vec![(facts.status, Tone::Note)];
    paras.extend(facts.skipped.into_iter().map(|skipped| (skipped, Tone::Note)));
    paras.push(match facts.action_point {
        Some(point) => (point, Tone::Lead),
        None => (text::REVIEW_NO_ACTION_POINT.to_owned(), Tone::Note),
    });
    paras
}

pub(super) fn reflections(log: &LogView) -> Vec<Reflection> {
    let mut shown_module: Option<(String, String)> = None;
    log.reflections()
        .map(|(course, module, question, reflection)| {
            let here = (course.id.clone(), module.id.clone());
            let first = shown_module.as_ref() != Some(&here);
            shown_module = Some(here);
            Reflection {
                course: course.id.clone(),
                module: module.id.clone(),
                question_id: question.id.clone(),
                question: question.question.clone(),
                text: reflection.to_owned(),
                heading: heading(module),
                facts: if first { module_facts(module) } else { Vec::new() },
                edited: question.edited_after_review.as_ref().map(|reviewed| {
                    (
                        text::review_edited_note(&reviewed.reviewer, reviewed.reviewed),
                        reviewed.text.clone(),
                    )
                }),
            }
        })
        .collect()
}

/// The page before the overall comments: every module with its facts.
pub(super) fn summary(log: &LogView) -> Vec<Para> {
    let mut lines = vec![(text::REVIEW_SCREEN_SUMMARY.to_owned(), Tone::Heading)];
    for (_, module) in log.modules() {
        lines.push((String::new(), Tone::Plain));
        lines.push((heading(module), Tone::Title));
        lines.extend(module_facts(module));
    }
    lines
}

/// The agreed actions' page: the learner's action points to answer.
pub(super) fn action_points(log: &LogView) -> Vec<Para> {
    let mut lines = vec![(text::REVIEW_SCREEN_POINTS.to_owned(), Tone::Heading)];
    for (_, module) in log.modules() {
        let point = crate::supervision::module_facts(module)
            .action_point
            .unwrap_or_else(|| text::REVIEW_NO_ACTION_POINT.to_owned());
        lines.push((format!("{}. {point}", heading(module)), Tone::Plain));
    }
    lines
}
