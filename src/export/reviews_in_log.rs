//! The reviews a log carries: each comment under its reflection, and each
//! review's reviewer, kind and signature.

use super::model::*;
use crate::review::{ImportedReview, SignatureStatus};

/// Puts each imported review's comments under the reflections they concern.
pub(super) fn add_comments(module: &mut ModuleLog, course: &str, reviews: &[ImportedReview]) {
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

pub(super) fn review_log(imported: &ImportedReview) -> ReviewLog {
    let review = &imported.review;
    let (status, signed, verified, key_fingerprint) = match &imported.signature {
        SignatureStatus::Unsigned => ("unsigned", false, false, None),
        SignatureStatus::Trusted { fingerprint } => ("trusted", true, true, Some(fingerprint.clone())),
        SignatureStatus::Untrusted { fingerprint } => ("untrusted", true, false, Some(fingerprint.clone())),
        SignatureStatus::Failed { .. } => ("failed", true, false, None),
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
            status,
            signed,
            verified,
            key_fingerprint,
        },
    }
}
