//! Reviews imported into a learner's data folder: kept byte for byte in
//! `reviews/` (with the `.sig` beside each signed one, so the signature can
//! be checked again at any time), and read back for the log, `list` and the
//! tutor.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::format::{Comment, Review};
use super::signing;
use crate::folder::DataPaths;
use crate::folder::StoreError;
use crate::folder::files::{JOURNAL_LIMIT, Links, Problem, read_limited};

/// Whether an imported review's signature checks out now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureStatus {
    /// No `.sig` came with it.
    Unsigned,
    /// The signature matches, made by a key the learner trusts for the
    /// reviewer's name (`casebook trust`): the only state called verified.
    Trusted { fingerprint: String },
    /// The signature matches, but its key is not one the learner trusts for
    /// the reviewer's name: it shows the review is unchanged since that key
    /// signed it, not who signed it.
    Untrusted { fingerprint: String },
    /// The stored review or its signature was changed after it was imported.
    Failed { reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedReview {
    /// The stored copy in the data folder.
    pub file: PathBuf,
    pub review: Review,
    pub signature: SignatureStatus,
}

/// `20261123-1FC1087C-9A0B1C2D.review.json`: the log's id and a short hash
/// of the review's bytes, so the same review imported twice is one file.
pub fn stored_name(review: &Review, bytes: &[u8]) -> String {
    let id = if crate::folder::is_plain_name(&review.log_id) && review.log_id.len() <= 64 {
        review.log_id.as_str()
    } else {
        "log"
    };
    format!("{id}-{}.review.json", crate::digest::short_id(bytes))
}

/// `NAME.sig` beside `NAME`.
pub fn signature_path(review: &Path) -> PathBuf {
    let mut name = review
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    name.push(".sig");
    review.with_file_name(name)
}

fn refused(path: &Path, problem: &Problem) -> StoreError {
    match problem {
        Problem::Io(_) | Problem::Missing => StoreError::Io {
            path: path.to_path_buf(),
            reason: problem.reason(),
        },
        _ => StoreError::Refused {
            path: path.to_path_buf(),
            reason: problem.reason(),
        },
    }
}

/// Reads one stored review and checks its signature again.
fn load_one(path: &Path, trusted: &[signing::AllowedSigner]) -> Result<ImportedReview, StoreError> {
    let bytes = read_limited(path, JOURNAL_LIMIT, Links::Refuse).map_err(|problem| refused(path, &problem))?;
    let review = Review::parse(&bytes).map_err(|problem| StoreError::Damaged {
        path: path.to_path_buf(),
        line: problem.line,
        column: problem.column,
        reason: problem.reason,
    })?;
    let sig_path = signature_path(path);
    let signature = match read_limited(&sig_path, signing::KEY_FILE_LIMIT, Links::Refuse) {
        Err(Problem::Missing) => SignatureStatus::Unsigned,
        Err(problem) => SignatureStatus::Failed {
            reason: problem.reason(),
        },
        Ok(signature) => match signing::check(&signature, &bytes) {
            Ok(signed)
                if super::trust::trusted_for(trusted, &signed.key, &review.reviewer.name, jiff::Timestamp::now()) =>
            {
                SignatureStatus::Trusted {
                    fingerprint: signed.fingerprint,
                }
            }
            Ok(signed) => SignatureStatus::Untrusted {
                fingerprint: signed.fingerprint,
            },
            Err(problem) => SignatureStatus::Failed {
                reason: problem.reason(),
            },
        },
    };
    Ok(ImportedReview {
        file: path.to_path_buf(),
        review,
        signature,
    })
}

/// Every imported review, oldest first, and the stored files that could
/// not be read (each is reported; the others still count).
pub fn load(paths: &DataPaths) -> (Vec<ImportedReview>, Vec<StoreError>) {
    let dir = paths.reviews_dir();
    // A link in place of the folder would lead reads outside the data folder.
    if let Err(problem) = crate::folder::ron_file::real_folder(&dir) {
        return (Vec::new(), vec![problem]);
    }
    let mut names: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.to_string_lossy().ends_with(".review.json"))
            .collect(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return (Vec::new(), Vec::new()),
        Err(error) => {
            return (
                Vec::new(),
                vec![StoreError::Io {
                    path: dir,
                    reason: crate::text::io_reason(&error),
                }],
            );
        }
    };
    names.sort();
    let mut reviews = Vec::new();
    let mut problems = Vec::new();
    // A trust file that cannot be read trusts nothing, and says why.
    let trusted = super::trust::load(paths).unwrap_or_else(|reason| {
        problems.push(StoreError::Refused {
            path: paths.trusted_signers_file(),
            reason,
        });
        Vec::new()
    });
    for path in names {
        match load_one(&path, &trusted) {
            Ok(review) => reviews.push(review),
            Err(problem) => problems.push(problem),
        }
    }
    reviews.sort_by(|a, b| (a.review.date, &a.file).cmp(&(b.review.date, &b.file)));
    (reviews, problems)
}

/// A module's comments by question id, each with the review it came from,
/// oldest review first: what the tutor shows under each reflection.
pub type ModuleComments<'a> = BTreeMap<&'a str, Vec<(&'a ImportedReview, &'a Comment)>>;

pub fn comments_for<'a>(reviews: &'a [ImportedReview], course: &str, module: &str) -> ModuleComments<'a> {
    let mut comments: ModuleComments<'a> = BTreeMap::new();
    for imported in reviews {
        for comment in &imported.review.comments {
            if comment.course == course && comment.module == module {
                comments
                    .entry(comment.question.as_str())
                    .or_default()
                    .push((imported, comment));
            }
        }
    }
    comments
}

/// The latest review of a log that covered a module: "reviewed by NAME on
/// DATE" on home and in `list`.
pub fn latest_review_of<'a>(reviews: &'a [ImportedReview], course: &str, module: &str) -> Option<&'a ImportedReview> {
    reviews
        .iter()
        .filter(|imported| {
            imported
                .review
                .modules
                .iter()
                .any(|reviewed| reviewed.course == course && reviewed.module == module)
        })
        .max_by_key(|imported| imported.review.date)
}
