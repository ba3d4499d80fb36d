//! The review file, as written and read: JSON, documented in
//! `assets/review-schema.json`, and the parts of a JSON log that a review is
//! made from.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The `format` field of every review.
pub const FORMAT_NAME: &str = "casebook-review";
/// Raised whenever a field is added, changes meaning or is removed. 2 adds
/// `identifying_check`; a review of version 1 (without it) is still read.
pub const FORMAT_VERSION: u32 = 2;
/// The SSH signature namespace: a signature made for anything else (a git
/// commit, a file) is never taken for a review's.
pub const NAMESPACE: &str = "casebook-review";

/// Supervisor, or peer (Social Work England asks for at least one CPD
/// record with a peer reflection).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum ReviewerKind {
    /// A supervisor's review
    Supervisor,
    /// A peer reflection
    Peer,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reviewer {
    pub name: String,
    pub role: Option<String>,
    pub kind: ReviewerKind,
}

/// One module of the log reviewed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleRef {
    pub course: String,
    pub module: String,
}

/// A reviewer's comment on one reflection, with the reflection as the
/// reviewer read it, so the learner keeps the reviewed wording even after
/// editing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub course: String,
    pub module: String,
    pub question: String,
    /// The question as worded in the log.
    pub question_text: String,
    /// The learner's reflection as it was in the log.
    pub reflection: String,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub format: String,
    pub format_version: u32,
    pub log_id: String,
    /// The reviewed JSON log's digest (`sha256:` and 64 hex digits).
    pub log_digest: String,
    pub learner: Option<String>,
    pub reviewer: Reviewer,
    /// The day the review was written (UTC).
    pub date: Date,
    pub casebook_version: String,
    pub modules: Vec<ModuleRef>,
    /// In log order; only reflections with a comment.
    pub comments: Vec<Comment>,
    pub overall_comments: Option<String>,
    pub agreed_actions: Option<String>,
    pub next_review: Option<Date>,
    /// That the identifying-details check ran on the reviewer's own words
    /// before the review was written, and how many findings were marked
    /// not identifying (never the words). Absent from older reviews.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifying_check: Option<ReviewCheck>,
}

/// What a review records of the identifying-details check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewCheck {
    pub run: bool,
    pub marked_not_identifying: usize,
}

impl Review {
    /// The review as written to a file: pretty JSON, one trailing newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text.into_bytes()
    }

    /// Reads a review file's bytes, or says what is wrong with them and
    /// where.
    pub fn parse(bytes: &[u8]) -> Result<Review, ReviewProblem> {
        let at = |error: &serde_json::Error| ReviewProblem {
            line: error.line(),
            column: error.column().max(1),
            reason: crate::text::review_not_json(&strip_position(error)),
        };
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|error| at(&error))?;
        let whole = |reason: String| ReviewProblem {
            line: 1,
            column: 1,
            reason,
        };
        if value.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT_NAME) {
            return Err(whole(crate::text::REVIEW_NOT_A_REVIEW.to_owned()));
        }
        let version = value
            .get("format_version")
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0);
        if version > u64::from(FORMAT_VERSION) {
            return Err(whole(crate::text::review_too_new(version, FORMAT_VERSION)));
        }
        // Parsed again from the bytes, so a wrong field is reported where it is.
        serde_json::from_slice(bytes).map_err(|error| at(&error))
    }

    /// Whether a file's bytes claim to be a review (for `verify`, which
    /// takes logs too).
    pub fn looks_like_review(bytes: &[u8]) -> bool {
        serde_json::from_slice::<serde_json::Value>(bytes)
            .ok()
            .and_then(|value| {
                value
                    .get("format")
                    .and_then(|format| format.as_str().map(str::to_owned))
            })
            .is_some_and(|format| format == FORMAT_NAME)
    }
}

/// Why a review file was not read, and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewProblem {
    pub line: usize,
    pub column: usize,
    pub reason: String,
}

/// serde_json's message without its " at line L column C": the position is
/// given as file:line:column instead.
fn strip_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}
