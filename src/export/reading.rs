//! A JSON log read back, for the supervisor who reviews it.

use serde::Deserialize;

/// The parts of a JSON log a review needs. Anything else in the log is
/// left unread.
#[derive(Debug, Clone, Deserialize)]
pub struct LogView {
    pub format: String,
    pub format_version: u32,
    pub log_id: String,
    pub learner: LearnerView,
    pub courses: Vec<CourseView>,
    pub digest: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LearnerView {
    pub name: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CourseView {
    pub id: String,
    pub title: String,
    pub modules: Vec<ModuleView>,
}

/// A module as the reviewer must see it: where the learner got to, the
/// time it took, the action point, and each question.
#[derive(Debug, Clone, Deserialize)]
pub struct ModuleView {
    pub id: String,
    pub title: String,
    pub subtitle: Option<String>,
    /// `not_started`, `in_progress` or `complete`.
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub sections: usize,
    #[serde(default)]
    pub sections_read: usize,
    #[serde(default)]
    pub active_seconds: u64,
    pub questions: Vec<QuestionView>,
    #[serde(default)]
    pub action_point: Option<ActionPointView>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ActionPointView {
    pub text: String,
    pub updated: jiff::Timestamp,
}

#[derive(Debug, Clone, Deserialize)]
pub struct QuestionView {
    pub id: String,
    pub question: String,
    /// `answered`, `skipped` or `not_answered`.
    #[serde(default)]
    pub status: String,
    pub reflection: Option<String>,
    /// The wording reviewed before, when the learner edited it since.
    #[serde(default)]
    pub edited_after_review: Option<ReviewedView>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ReviewedView {
    pub reviewed: jiff::civil::Date,
    pub reviewer: String,
    pub text: String,
}

impl LogView {
    /// Reads a JSON log whose digest has already been checked.
    pub fn parse(bytes: &[u8]) -> Result<LogView, String> {
        let log: LogView =
            serde_json::from_slice(bytes).map_err(|error| crate::text::log_not_json(&error.to_string()))?;
        if log.format != super::FORMAT_NAME {
            return Err(crate::text::log_not_json("its \"format\" is not \"casebook-log\""));
        }
        if log.format_version > super::FORMAT_VERSION {
            return Err(crate::text::log_too_new(log.format_version));
        }
        Ok(log)
    }

    /// Every module, as (course, module).
    pub fn modules(&self) -> impl Iterator<Item = (&CourseView, &ModuleView)> {
        self.courses
            .iter()
            .flat_map(|course| course.modules.iter().map(move |module| (course, module)))
    }

    /// Every answered reflection, in log order.
    pub fn reflections(&self) -> impl Iterator<Item = (&CourseView, &ModuleView, &QuestionView, &str)> {
        self.modules().flat_map(|(course, module)| {
            module.questions.iter().filter_map(move |question| {
                question
                    .reflection
                    .as_deref()
                    .filter(|text| !text.trim().is_empty())
                    .map(|text| (course, module, question, text))
            })
        })
    }
}
