//! A review being written, kept like a learner's reflection: in the
//! reviewer's own data folder, one file per log (its id and digest), saved
//! as the reviewer goes and cleared once the review is written.

use std::path::PathBuf;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::export::reading::LogView;
use crate::folder::DataPaths;
use crate::folder::files::{JOURNAL_LIMIT, Links, Problem, read_limited};

/// One comment typed, on the reflection it concerns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftComment {
    pub course: String,
    pub module: String,
    pub question: String,
    pub text: String,
}

/// What the reviewer has typed so far, and where they were.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewDraft {
    pub log_id: String,
    pub log_digest: String,
    /// When it was last saved.
    pub saved: Option<Timestamp>,
    /// The page the reviewer was on.
    pub page: usize,
    pub comments: Vec<DraftComment>,
    pub overall: String,
    pub actions: String,
    pub next_review: String,
}

impl ReviewDraft {
    /// Whether anything was typed: an empty draft is not worth offering.
    pub fn is_empty(&self) -> bool {
        self.comments.iter().all(|comment| comment.text.trim().is_empty())
            && self.overall.trim().is_empty()
            && self.actions.trim().is_empty()
            && self.next_review.trim().is_empty()
    }

    /// The comment typed on a reflection, if any.
    pub fn comment(&self, course: &str, module: &str, question: &str) -> Option<&str> {
        self.comments
            .iter()
            .find(|comment| comment.course == course && comment.module == module && comment.question == question)
            .map(|comment| comment.text.as_str())
    }
}

/// The draft's file: named from a hash of the log's id and digest, never
/// from the log's own words (the log came from someone else).
pub fn draft_path(paths: &DataPaths, log: &LogView) -> PathBuf {
    path_for(paths, &log.log_id, &log.digest)
}

fn path_for(paths: &DataPaths, log_id: &str, log_digest: &str) -> PathBuf {
    let key = crate::digest::short_id(format!("{log_id}\n{log_digest}").as_bytes());
    paths.review_drafts_dir().join(format!("review-{key}.ron"))
}

/// The draft waiting for this log, if there is one with anything in it.
/// A draft that cannot be read is left where it is and not offered.
pub fn load(paths: &DataPaths, log: &LogView) -> Result<Option<ReviewDraft>, String> {
    let path = draft_path(paths, log);
    let bytes = match read_limited(&path, JOURNAL_LIMIT, Links::Refuse) {
        Ok(bytes) => bytes,
        Err(Problem::Missing) => return Ok(None),
        Err(problem) => return Err(crate::text::cannot_read_path(&path, &problem.reason())),
    };
    let text = String::from_utf8_lossy(&bytes);
    let draft: ReviewDraft = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&text)
        .map_err(|error| crate::text::cannot_read_path(&path, &error.to_string()))?;
    // Only a draft of exactly this log.
    let same = draft.log_id == log.log_id && draft.log_digest == log.digest;
    Ok((same && !draft.is_empty()).then_some(draft))
}

/// A draft that cannot be read is renamed aside (never deleted, never
/// written over) so a new one can be kept; returns where it went.
pub fn set_aside(paths: &DataPaths, log: &LogView, now: Timestamp) -> Result<PathBuf, String> {
    let path = draft_path(paths, log);
    let aside = crate::folder::ron_file::set_aside_path(&path, now);
    std::fs::rename(&path, &aside)
        .map(|()| aside)
        .map_err(|error| crate::text::cannot_read_path(&path, &crate::text::io_reason(&error)))
}

/// Writes the draft atomically, private to the reviewer; returns where.
pub fn save(paths: &DataPaths, log_id: &str, log_digest: &str, draft: &ReviewDraft) -> Result<PathBuf, String> {
    let path = path_for(paths, log_id, log_digest);
    crate::folder::ron_file::real_folder(&paths.review_drafts_dir()).map_err(|error| error.to_string())?;
    let text = crate::folder::ron_file::to_ron(draft)?;
    crate::folder::ron_file::write_atomic(&path, text.as_bytes()).map_err(|error| error.to_string())?;
    Ok(path)
}

/// Removes the draft once the review is written (a draft that is not there
/// is nothing to clear).
pub fn clear(paths: &DataPaths, log: &LogView) -> Result<(), String> {
    clear_file(paths, &log.log_id, &log.digest)
}

/// The same, by the log's id and digest.
pub fn clear_file(paths: &DataPaths, log_id: &str, log_digest: &str) -> Result<(), String> {
    let path = path_for(paths, log_id, log_digest);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(crate::text::cannot_read_path(&path, &crate::text::io_reason(&error))),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn log(id: &str) -> LogView {
        let json = serde_json::json!({
            "format": crate::export::FORMAT_NAME,
            "format_version": crate::export::FORMAT_VERSION,
            "log_id": id,
            "learner": { "name": null },
            "digest": "sha256:11",
            "courses": []
        });
        LogView::parse(json.to_string().as_bytes()).unwrap()
    }

    #[test]
    fn a_draft_goes_back_exactly_for_its_own_log_and_is_cleared() {
        let folder = tempfile::tempdir().unwrap();
        let paths = DataPaths::at(folder.path());
        let ours = log("20261123-AAAAAAAA");
        assert_eq!(load(&paths, &ours).unwrap(), None);
        let draft = ReviewDraft {
            log_id: ours.log_id.clone(),
            log_digest: ours.digest.clone(),
            comments: vec![DraftComment {
                course: "c".into(),
                module: "m".into(),
                question: "q".into(),
                text: "  Two lines,\n\"quoted\" and £ ✓ \u{1f600}  ".into(),
            }],
            ..ReviewDraft::default()
        };
        save(&paths, &ours.log_id, &ours.digest, &draft).unwrap();
        assert_eq!(load(&paths, &ours).unwrap(), Some(draft));
        assert_eq!(load(&paths, &log("20261123-BBBBBBBB")).unwrap(), None, "another log's");
        clear(&paths, &ours).unwrap();
        assert_eq!(load(&paths, &ours).unwrap(), None);
        clear(&paths, &ours).unwrap();

        // A draft that cannot be read is named, then set aside, not lost.
        std::fs::create_dir_all(paths.review_drafts_dir()).unwrap();
        std::fs::write(draft_path(&paths, &ours), "not ron {").unwrap();
        assert!(load(&paths, &ours).is_err());
        let aside = set_aside(&paths, &ours, Timestamp::now()).unwrap();
        assert_eq!(std::fs::read_to_string(aside).unwrap(), "not ron {");
        assert_eq!(load(&paths, &ours).unwrap(), None);
    }
}
