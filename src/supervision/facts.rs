//! What a reviewer is told of each module of a log, on the full screen and
//! line by line alike: how far the learner got, the time it took, what
//! they skipped and their action point.

use crate::export::reading::ModuleView;
use crate::text;

pub struct ModuleFacts {
    /// Status, sections read, questions answered and skipped, study time.
    pub status: String,
    /// "Skipped: QUESTION", one for each.
    pub skipped: Vec<String>,
    /// The action point with its date; `None` when there is none.
    pub action_point: Option<String>,
}

pub fn module_facts(module: &ModuleView) -> ModuleFacts {
    let count = |status: &str| {
        module
            .questions
            .iter()
            .filter(|question| question.status == status)
            .count()
    };
    ModuleFacts {
        status: text::review_module_status(
            &module.status,
            (module.sections_read, module.sections),
            count("answered"),
            module.questions.len(),
            count("skipped"),
            module.active_seconds,
        ),
        skipped: module
            .questions
            .iter()
            .filter(|question| question.status == "skipped")
            .map(|question| text::review_skipped_question(&question.question))
            .collect(),
        action_point: module
            .action_point
            .as_ref()
            .filter(|point| !point.text.trim().is_empty())
            .map(|point| {
                let day = point.updated.to_zoned(jiff::tz::TimeZone::system()).date();
                text::review_action_point(day, &point.text)
            }),
    }
}
