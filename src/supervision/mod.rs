//! The supervision round trip's checks and answers, between the review file
//! and the log: what a reviewer wrote, and whether a review received may be
//! imported (its signature, its signer, the log it reviews).

pub mod check;
pub mod draft;
mod facts;

pub use facts::{ModuleFacts, module_facts};

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::exit;
use crate::export::records;
use crate::folder::DataPaths;
use crate::folder::files::{JOURNAL_LIMIT, Links, read_limited};
use crate::review::format::{Comment, Review, ReviewerKind};
use crate::review::imported::{self, signature_path};
use crate::review::signing::{self, SignatureProblem};
use crate::text;

/// The default review file: `casebook-log-2026-11-23.review.json` beside
/// `casebook-log-2026-11-23.json`, or `...peer-review.json` for a peer's, so
/// a supervisor's and a peer's review of one log never take the same name.
pub fn default_review_path(log: &Path, kind: ReviewerKind) -> PathBuf {
    let stem = log
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| "log".to_owned());
    let ending = match kind {
        ReviewerKind::Supervisor => "review.json",
        ReviewerKind::Peer => "peer-review.json",
    };
    log.with_file_name(format!("{stem}.{ending}"))
}

/// The log a review sits beside by default: the reverse of [`default_review_path`].
pub fn log_beside(review: &Path) -> Option<PathBuf> {
    let name = review.file_name()?.to_string_lossy().into_owned();
    let stem = name
        .strip_suffix(".peer-review.json")
        .or_else(|| name.strip_suffix(".review.json"))?;
    Some(review.with_file_name(format!("{stem}.json")))
}

/// What a reviewer wrote, however it was asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    /// Only the reflections with a comment, in log order.
    pub comments: Vec<Comment>,
    pub overall: String,
    pub actions: String,
    pub next_review: Option<Date>,
}

/// What the full-screen review is given: the log, where the review will
/// be written, the reviewer's data folder (for the draft), and whether it
/// is a peer's.
pub struct OnScreen<'a> {
    pub log: &'a crate::export::reading::LogView,
    pub destination: &'a Path,
    pub paths: &'a DataPaths,
    pub peer: bool,
    /// The identifying-details check's allow list (with the reviewer's
    /// marks): findings are shown before the review is written. `None`
    /// with `--checked`: written without asking.
    pub allow: Option<&'a crate::identify::Allow>,
}

/// Who signed a review, and its `.sig` exactly as checked.
pub type CheckedSignature = (signing::Signed, Vec<u8>);

/// Checks a review's signature: `None` when it has no `.sig`; else who
/// signed it, and the signature's bytes exactly as checked (read once, so
/// what is kept is what was checked).
pub fn check_signature(review_path: &Path, bytes: &[u8]) -> Result<Option<CheckedSignature>, (String, u8)> {
    let sig_path = signature_path(review_path);
    match read_limited(&sig_path, signing::KEY_FILE_LIMIT, Links::Follow) {
        Err(crate::folder::files::Problem::Missing) => Ok(None),
        Err(problem) => Err((text::cannot_read_path(&sig_path, &problem.reason()), exit::FILE)),
        Ok(signature) => signing::check(&signature, bytes)
            .map(|signed| Some((signed, signature)))
            .map_err(|problem: SignatureProblem| {
                (
                    text::review_signature_failed(review_path, &problem.reason()),
                    exit::REFUSED,
                )
            }),
    }
}

/// Who an allowed-signers file says signed it; refused when nobody.
pub fn signer_identities(allowed: &Path, signed: Option<&signing::Signed>) -> Result<Vec<String>, (String, u8)> {
    let file = signing::read_allowed_signers_file(allowed).map_err(|message| (message, exit::FILE))?;
    let Some(signed) = signed else {
        return Err((text::review_not_signed_but_required(allowed), exit::REFUSED));
    };
    let principals = signing::principals_for(&file.signers, &signed.key, jiff::Timestamp::now());
    if principals.is_empty() {
        // The lines skipped may be why: say which, after the refusal.
        let refusal = if signing::allowed_at_another_time(&file.signers, &signed.key) {
            text::review_key_not_valid_now(&signed.fingerprint, allowed)
        } else {
            text::review_unknown_key(&signed.fingerprint, allowed)
        };
        let message = std::iter::once(refusal)
            .chain(file.warnings)
            .collect::<Vec<_>>()
            .join("\n");
        return Err((message, exit::REFUSED));
    }
    Ok(principals)
}

/// A review that passed every check of `import-review`, ready to keep.
#[derive(Debug, Clone)]
pub struct CheckedReview {
    pub review: Review,
    /// The file exactly as received (what the signature covers).
    pub bytes: Vec<u8>,
    /// Its `.sig`, when it came with one.
    pub signature: Option<Vec<u8>>,
    pub signed: Option<signing::Signed>,
    /// Who the allowed-signers file says signed it, when one was given.
    pub identities: Option<Vec<String>>,
    /// Signed by a key the learner trusts (`casebook trust`) for the
    /// reviewer's name: verified.
    pub trusted: bool,
}

/// Every check `import-review` makes, with nothing written: the review
/// parses, its signature (if any) matches (and its key is allowed, when an
/// allowed-signers file is given), and it reviews a log this data folder
/// exported, digest for digest. The error is the message and exit code.
/// The most a review may hold, checked before anything is kept: a review
/// is a few pages of comments, and what it adds to a journal must never
/// take the journal past what casebook reads back (16 MiB).
pub const REVIEW_FILE_LIMIT: u64 = 2 * 1024 * 1024;
/// Characters in one comment, and in the overall comments or agreed actions.
pub const COMMENT_LIMIT: usize = 20_000;
/// Comments in one review (a log has a few dozen reflections at most).
pub const COMMENTS_LIMIT: usize = 1_000;

/// Why a review is too large to keep, if it is.
fn over_limits(review: &Review, bytes: usize) -> Option<String> {
    if u64::try_from(bytes).unwrap_or(u64::MAX) > REVIEW_FILE_LIMIT {
        return Some(text::review_too_large(REVIEW_FILE_LIMIT / 1024 / 1024));
    }
    if review.comments.len() > COMMENTS_LIMIT {
        return Some(text::review_too_many_comments(review.comments.len(), COMMENTS_LIMIT));
    }
    let long = review
        .comments
        .iter()
        .map(|comment| comment.comment.chars().count())
        .chain(review.overall_comments.iter().map(|text| text.chars().count()))
        .chain(review.agreed_actions.iter().map(|text| text.chars().count()))
        .any(|length| length > COMMENT_LIMIT);
    long.then(|| text::review_comment_too_long(COMMENT_LIMIT))
}

pub fn check_import(
    paths: &DataPaths,
    path: &Path,
    allowed_signers: Option<&Path>,
) -> Result<CheckedReview, (String, u8)> {
    // Read no further than a review may be: a larger file is refused unread.
    let bytes = read_limited(path, REVIEW_FILE_LIMIT, Links::Follow).map_err(|problem| match problem {
        crate::folder::files::Problem::TooLarge { .. } => (
            text::review_refused(path, &text::review_too_large(REVIEW_FILE_LIMIT / 1024 / 1024)),
            exit::REFUSED,
        ),
        other => (text::cannot_read_path(path, &other.reason()), exit::FILE),
    })?;
    let review = Review::parse(&bytes).map_err(|problem| {
        (
            text::review_unusable(path, problem.line, problem.column, &problem.reason),
            exit::REFUSED,
        )
    })?;
    if let Some(reason) = over_limits(&review, bytes.len()) {
        return Err((text::review_refused(path, &reason), exit::REFUSED));
    }
    let (signed, signature) = check_signature(path, &bytes)?.unzip();
    let identities = match allowed_signers {
        Some(allowed) => Some(signer_identities(allowed, signed.as_ref())?),
        None => None,
    };

    // Only a review of a log this data folder exported, exactly as exported.
    let records = records::load(paths).map_err(|error| (error.to_string(), exit::FILE))?;
    let same_log: Vec<_> = records.iter().filter(|record| record.log_id == review.log_id).collect();
    if same_log.is_empty() {
        return Err((
            text::review_unknown_log(&review.log_id, review.learner.as_deref()),
            exit::REFUSED,
        ));
    }
    if !same_log.iter().any(|record| record.wrote(&review.log_digest)) {
        return Err((text::review_digest_mismatch(&review.log_id), exit::REFUSED));
    }
    let exported: std::collections::BTreeSet<&str> = same_log
        .iter()
        .flat_map(|record| record.modules.iter().map(String::as_str))
        .collect();
    if let Some(stray) = review
        .modules
        .iter()
        .map(|module| format!("{}/{}", module.course, module.module))
        .chain(
            review
                .comments
                .iter()
                .map(|comment| format!("{}/{}", comment.course, comment.module)),
        )
        .find(|module| !exported.contains(module.as_str()))
    {
        return Err((text::review_module_not_in_log(&stray, &review.log_id), exit::REFUSED));
    }
    // The learner's words are what this data folder sent, never what the
    // review file says they were: each quote must be the reflection the
    // log carried. (An export recorded before casebook kept these digests
    // has none: a review of it is checked by the log's digest alone.)
    let sent: std::collections::BTreeMap<&str, &str> = same_log
        .iter()
        .filter(|record| record.wrote(&review.log_digest))
        .flat_map(|record| {
            record
                .reflections
                .iter()
                .map(|(key, digest)| (key.as_str(), digest.as_str()))
        })
        .collect();
    if !sent.is_empty() {
        for comment in &review.comments {
            let key = format!("{}/{}/{}", comment.course, comment.module, comment.question);
            let module = format!("{}/{}", comment.course, comment.module);
            match sent.get(key.as_str()) {
                None => {
                    return Err((
                        text::review_quote_not_in_log(&module, &comment.question, &review.log_id),
                        exit::REFUSED,
                    ));
                }
                Some(digest) if *digest != crate::digest::of_text(&comment.reflection) => {
                    return Err((
                        text::review_quote_differs(&module, &comment.question, &review.log_id),
                        exit::REFUSED,
                    ));
                }
                Some(_) => {}
            }
        }
    }
    let trusted = signed.as_ref().is_some_and(|signed| {
        crate::review::trust::load(paths).is_ok_and(|keys| {
            crate::review::trust::trusted_for(&keys, &signed.key, &review.reviewer.name, jiff::Timestamp::now())
        })
    });
    Ok(CheckedReview {
        review,
        bytes,
        signature,
        signed,
        identities,
        trusted,
    })
}

/// Keeps a checked review (and its `.sig`) in the data folder's `reviews/`.
/// Returns where, and whether it was there already.
pub fn keep(paths: &DataPaths, checked: &CheckedReview) -> Result<(PathBuf, bool), String> {
    crate::folder::ron_file::real_folder(&paths.reviews_dir()).map_err(|error| error.to_string())?;
    let stored = paths
        .reviews_dir()
        .join(imported::stored_name(&checked.review, &checked.bytes));
    let again = read_limited(&stored, JOURNAL_LIMIT, Links::Refuse).is_ok_and(|existing| existing == checked.bytes);
    if !again {
        crate::folder::ron_file::write_atomic(&stored, &checked.bytes).map_err(|error| error.to_string())?;
    }
    if let Some(signature) = &checked.signature {
        crate::folder::ron_file::write_atomic(&signature_path(&stored), signature)
            .map_err(|error| error.to_string())?;
    }
    Ok((stored, again))
}

/// Records in a module's journal the wording of each reflection the review
/// commented on (see `ModuleJournal::record_review`). Returns whether the
/// journal changed. The tutor calls this on the journals it holds.
pub fn apply(journal: &mut crate::journal::ModuleJournal, review: &Review) -> bool {
    let mut changed = false;
    for comment in &review.comments {
        if comment.course == journal.course && comment.module == journal.module {
            changed |= journal.record_review(
                &comment.question,
                &comment.reflection,
                review.date,
                &review.reviewer.name,
            );
        }
    }
    changed
}

/// What `import-review` says once a review is kept.
pub fn import_message(checked: &CheckedReview, stored: &Path, again: bool) -> String {
    let review = &checked.review;
    let signature = match (&checked.signed, &checked.identities) {
        (None, _) => text::REVIEW_UNSIGNED.to_owned(),
        (Some(signed), _) if checked.trusted => text::review_signed_trusted(&review.reviewer.name, &signed.fingerprint),
        (Some(signed), None) => text::review_signed_untrusted(&review.reviewer.name, &signed.fingerprint),
        (Some(signed), Some(identities)) => text::review_signed_by(&signed.fingerprint, &identities.join(", ")),
    };
    let message = if again {
        text::review_already_imported(&review.reviewer.name, review.date)
    } else {
        text::review_imported(
            &review.reviewer.name,
            review.reviewer.role.as_deref(),
            review.reviewer.kind == ReviewerKind::Peer,
            review.date,
            review.comments.len(),
        )
    };
    format!("{message}\n{signature}\n{}", text::stored_in(stored))
}

/// The next review date as typed: `YYYY-MM-DD`, or `.` (or nothing) for
/// none. For the plain flow and the tutor's review screen.
pub fn parse_next_review(line: &str) -> Result<Option<Date>, String> {
    if line.trim() == "." || line.trim().is_empty() {
        return Ok(None);
    }
    crate::export::parse_date(line.trim()).map(Some)
}

/// `import-review --signer KEY.pub`: trusts the key for the name the
/// review gives, only once the review has checked out and that very key
/// signed it; otherwise refuses, trusting nothing.
pub fn trust_signer(paths: &DataPaths, checked: &mut CheckedReview, signer: &Path) -> Result<(), (String, u8)> {
    let key = crate::review::trust::read_public_key(signer).map_err(|message| (message, exit::FILE))?;
    match &checked.signed {
        Some(signed) if signed.key.key_data() == key.key_data() => {
            crate::review::trust::trust(paths, signer, &checked.review.reviewer.name)
                .map_err(|message| (message, exit::FILE))?;
            checked.trusted = true;
            Ok(())
        }
        signed => Err((
            text::signer_did_not_sign(signer, signed.as_ref().map(|signed| signed.fingerprint.as_str())),
            exit::REFUSED,
        )),
    }
}
