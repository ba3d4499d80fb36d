//! The identifying-details check on a reviewer's own words, before the
//! review is written: each comment (on its reflection), the overall comments
//! and the agreed actions. Never flagged: the guide's text and case names,
//! the reviewer's own name and role, and the learner's name as the log
//! gives it.

use super::Answers;
use super::draft::{DraftComment, ReviewDraft};
use crate::content::Course;
use crate::export::identify::{Part, Place, allow_for_courses};
use crate::identify::Allow;
use crate::journal::Profile;

/// The reviewer's texts, each with its place, in the order written.
pub fn texts(answers: &Answers) -> Vec<(Place, String)> {
    let mut texts: Vec<(Place, String)> = answers
        .comments
        .iter()
        .map(|comment| {
            (
                Place {
                    course: comment.course.clone(),
                    module: comment.module.clone(),
                    question: Some(comment.question.clone()),
                    what: Part::ReviewComment(comment.question_text.clone()),
                },
                comment.comment.clone(),
            )
        })
        .collect();
    for (text, what) in [
        (&answers.overall, Part::ReviewOverall),
        (&answers.actions, Part::ReviewActions),
    ] {
        if !text.trim().is_empty() {
            texts.push((
                Place {
                    course: String::new(),
                    module: String::new(),
                    question: None,
                    what,
                },
                text.clone(),
            ));
        }
    }
    texts
}

/// The allow list for a review, without marks: the courses' text and case
/// names, the reviewer's name and role (and the supervisor named in their
/// profile), and the learner's name.
pub fn allow(courses: &[Course], reviewer: &Profile, learner: Option<&str>) -> Allow {
    let mut allow = allow_for_courses(courses);
    allow.add_name(&reviewer.name);
    allow.add_name(&reviewer.supervisor);
    // A role may name a place ("Team manager, Oakfield YOT"): its words
    // are the reviewer's own.
    if !reviewer.role.trim().is_empty() {
        allow.add_name(&reviewer.role);
        allow.add_words(&reviewer.role);
    }
    if let Some(learner) = learner {
        allow.add_name(learner);
    }
    allow
}

/// The answers kept as a draft, so a review refused for its findings loses
/// nothing: the full-screen review carries on from it.
pub fn draft_of(answers: &Answers, log_id: &str, log_digest: &str) -> ReviewDraft {
    ReviewDraft {
        log_id: log_id.to_owned(),
        log_digest: log_digest.to_owned(),
        saved: Some(jiff::Timestamp::now()),
        page: 0,
        comments: answers
            .comments
            .iter()
            .map(|comment| DraftComment {
                course: comment.course.clone(),
                module: comment.module.clone(),
                question: comment.question.clone(),
                text: comment.comment.clone(),
            })
            .collect(),
        overall: answers.overall.clone(),
        actions: answers.actions.clone(),
        next_review: answers.next_review.map(|date| date.to_string()).unwrap_or_default(),
    }
}
