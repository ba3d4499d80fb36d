//! The supervision round trip: `review`, `import-review`, `exports` and
//! `verify REVIEW`.

use std::path::Path;

pub fn cannot_read_path(path: &Path, reason: &str) -> String {
    format!("Cannot read {}: {reason}.", path.display())
}

pub const STDOUT_GONE: &str = "Standard output could not be written, so casebook stopped.";

pub fn review_log_changed(path: &Path) -> String {
    format!(
        "{}: the log was changed after it was exported (its SHA-256 digest does not match), so it is not reviewed. \
Ask the learner for a fresh export (casebook export --format json).",
        path.display()
    )
}

pub fn review_log_no_digest(path: &Path) -> String {
    format!(
        "{}: this is not a log casebook exported (no casebook digest found). \
Ask the learner for their log as JSON (casebook export --format json).",
        path.display()
    )
}

pub fn review_log_unusable(path: &Path, reason: &str) -> String {
    format!(
        "{}: cannot be reviewed: {reason}. casebook reviews the JSON log: ask the learner for \
casebook export --format json.",
        path.display()
    )
}

pub fn log_not_json(reason: &str) -> String {
    format!("it is not a casebook JSON log ({reason})")
}

pub fn log_too_new(version: u32) -> String {
    format!("it is a newer log format (version {version}); update casebook to review it")
}

pub fn review_exists(path: &Path) -> String {
    format!(
        "{} already exists, and casebook never overwrites a file. Choose another name with -o REVIEW.",
        path.display()
    )
}

pub fn review_profile_unreadable(error: &str) -> String {
    format!("Cannot read your profile, which holds your name and role: {error}.")
}

pub fn review_intro(log_id: &str, learner: Option<&str>, reflections: usize, modules: usize, peer: bool) -> String {
    let learner = learner.unwrap_or("a learner who gave no name");
    let reflections = if reflections == 1 {
        "1 reflection".to_owned()
    } else {
        format!("{reflections} reflections")
    };
    let modules = if modules == 1 {
        "1 module".to_owned()
    } else {
        format!("{modules} modules")
    };
    let what = if peer {
        "a peer reflection on"
    } else {
        "a supervisor's review of"
    };
    format!(
        "Reviewing log {log_id} by {learner} ({what} it): {reflections} in {modules}.\n\
The log has not been changed by accident or casually since it was exported \
(its SHA-256 digest matches; a digest does not stop a determined forger)."
    )
}

pub const REVIEW_ASK_NAME: &str = "Your name, as the learner will see it (one line):";
pub const REVIEW_ASK_ROLE: &str = "Your role, for example Practice supervisor (one line):";

pub fn review_profile_saved(path: &Path, with_role: bool) -> String {
    if with_role {
        format!(
            "Kept in your profile ({}), so you will not be asked again.",
            path.display()
        )
    } else {
        format!(
            "Your name is kept in your profile ({}). You gave no role, so you will be asked for it next time.",
            path.display()
        )
    }
}

pub fn review_profile_not_saved(error: &str) -> String {
    format!("Your name and role could not be kept in your profile ({error}); you will be asked again next time.")
}

pub const REVIEW_HOW_TO_ANSWER: &str = "End each answer with a line holding only \".\"; a \".\" alone leaves it empty.";

pub fn review_module_heading(title: &str, subtitle: Option<&str>, id: &str) -> String {
    match subtitle {
        Some(subtitle) => format!("\n== {title}: {subtitle} ({id}) =="),
        None => format!("\n== {title} ({id}) =="),
    }
}

/// `edited`: who reviewed it before, when, and the wording they read, for a
/// reflection the learner changed since.
pub fn review_reflection(
    number: usize,
    total: usize,
    question: &str,
    reflection: &str,
    edited: Option<(&str, jiff::civil::Date, &str)>,
) -> String {
    let indent = |text: &str| {
        text.lines()
            .map(|line| format!("    {line}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let before = edited
        .map(|(reviewer, date, old)| format!("\n{}\n{}", super::review_edited_note(reviewer, date), indent(old)))
        .unwrap_or_default();
    format!(
        "\nReflection {number} of {total}. Question: {question}\nThe learner wrote:\n{}{before}\nYour comment:",
        indent(reflection)
    )
}

pub const REVIEW_ASK_OVERALL: &str = "\nOverall comments:";
pub const REVIEW_ASK_ACTIONS: &str = "\nAgreed actions:";
pub const REVIEW_ASK_NEXT: &str = "\nNext review date (YYYY-MM-DD, or \".\" for none):";

pub fn review_date_again(message: &str) -> String {
    format!("{message}. Try again, or \".\" for none:")
}

pub const REVIEW_INPUT_ENDED: &str =
    "The input ended before the review was finished, so nothing was written. Run casebook review again.";

pub fn review_input_failed(reason: &str) -> String {
    format!("Cannot read your answers: {reason}. Nothing was written.")
}

pub fn review_not_written(error: &str) -> String {
    format!("{error} Choose another place with -o REVIEW; nothing was written.")
}

pub fn review_written(comments: usize, path: &Path) -> String {
    let comments = if comments == 1 {
        "1 comment".to_owned()
    } else {
        format!("{comments} comments")
    };
    format!("\nWrote the review ({comments}) to {}", path.display())
}

pub fn signature_not_written(error: &str, review: &Path) -> String {
    format!(
        "The review was written to {}, but its signature was not: {error} Remove the review and run casebook review again.",
        review.display()
    )
}

pub fn review_signed(fingerprint: &str, path: &Path) -> String {
    format!("Signed it with key {fingerprint}: {}", path.display())
}

pub fn review_send(path: &Path, signed: bool) -> String {
    let files = if signed {
        "the review and its .sig file"
    } else {
        "the review"
    };
    format!(
        "Send {files} to the learner; they add it to their record with: casebook import-review {}",
        path.display()
    )
}

pub fn review_unusable(path: &Path, line: usize, column: usize, reason: &str) -> String {
    format!(
        "{}:{line}:{column}: {reason}. Ask the reviewer to send the file again, unchanged.",
        path.display()
    )
}

pub fn review_not_json(reason: &str) -> String {
    format!("not a casebook review ({reason})")
}

pub const REVIEW_NOT_A_REVIEW: &str = "not a casebook review (its \"format\" is not \"casebook-review\")";

pub fn review_too_new(version: u64, known: u32) -> String {
    format!("a newer review format (version {version}; this casebook reads up to {known}); update casebook to read it")
}

pub fn review_signature_failed(path: &Path, reason: &str) -> String {
    format!("{}: refused: {reason}. Nothing was changed.", path.display())
}

pub fn signature_unreadable(reason: &str) -> String {
    format!("the .sig file is not an SSH signature ({reason})")
}

pub fn signature_wrong_namespace(namespace: &str, expected: &str) -> String {
    format!("the signature was made for \"{namespace}\", not for a casebook review (\"{expected}\")")
}

pub fn signature_does_not_match(fingerprint: &str) -> String {
    format!(
        "the signature (key {fingerprint}) does not match the review: the review was changed after it was signed, \
or the .sig belongs to another file"
    )
}

pub fn review_not_signed_but_required(allowed: &Path) -> String {
    format!(
        "the review is not signed, and --allowed-signers {} asks for a signature. Nothing was changed.",
        allowed.display()
    )
}

pub fn review_unknown_key(fingerprint: &str, allowed: &Path) -> String {
    format!(
        "refused: the review is signed by key {fingerprint}, which {} does not allow to sign casebook reviews. \
Nothing was changed.",
        allowed.display()
    )
}

pub fn review_key_not_valid_now(fingerprint: &str, allowed: &Path) -> String {
    format!(
        "refused: the review is signed by key {fingerprint}, which {} allows to sign casebook reviews only at \
other times (its valid-after or valid-before), not now. Nothing was changed. Ask whoever keeps that file \
whether the key is still the reviewer's.",
        allowed.display()
    )
}

pub fn review_unknown_log(log_id: &str, learner: Option<&str>) -> String {
    let whose = learner.map(|name| format!(" (a log by {name})")).unwrap_or_default();
    format!(
        "Refused: this review is of log {log_id}{whose}, which was not exported from this data folder: it may be \
another learner's log. \"casebook exports\" lists the logs you exported. Nothing was changed."
    )
}

pub fn review_digest_mismatch(log_id: &str) -> String {
    format!(
        "Refused: the review is of log {log_id}, but it does not match the log you exported (the digests differ), so the log it \
reviewed was changed. Nothing was changed."
    )
}

pub fn review_module_not_in_log(module: &str, log_id: &str) -> String {
    format!("Refused: the review comments on {module}, which log {log_id} did not include. Nothing was changed.")
}

/// A review quotes a reflection in other words than the log carried.
pub fn review_quote_differs(module: &str, question: &str, log_id: &str) -> String {
    format!(
        "Refused: the review quotes your reflection on {module} (question {question}) in words that are not the ones log {log_id} carried, so the review file was changed after it was written. Nothing was changed. Ask your reviewer to send the review again, as casebook wrote it."
    )
}

/// A review comments on a question the log carried no reflection for.
pub fn review_quote_not_in_log(module: &str, question: &str, log_id: &str) -> String {
    format!(
        "Refused: the review comments on a reflection on {module} (question {question}) that log {log_id} did not carry. Nothing was changed."
    )
}

pub fn review_journal_unreadable(error: &str) -> String {
    format!("Cannot read the answers the review comments on, so nothing was imported: {error}.")
}

pub fn review_journal_not_saved(error: &str) -> String {
    format!(
        "The review was stored, but your answers could not be saved with it: {error}. Run casebook import-review again."
    )
}

pub const REVIEW_UNSIGNED: &str = "The review is not signed.";

pub fn review_signed_unchecked(fingerprint: &str) -> String {
    format!(
        "Its signature matches, made by key {fingerprint}; that key was not checked against anyone \
(give --allowed-signers FILE to check it)."
    )
}

pub fn review_signed_trusted(reviewer: &str, fingerprint: &str) -> String {
    format!("Verified: signed with the key you trust for {reviewer} (fingerprint {fingerprint}).")
}

pub fn review_signed_untrusted(reviewer: &str, fingerprint: &str) -> String {
    format!(
        "Signed by a key you have not trusted (fingerprint {fingerprint}), so it shows the review is unchanged since \
that key signed it, not that {reviewer} signed it. If it is {reviewer}'s key (check the fingerprint with them), \
trust it with: casebook trust KEY.pub --name \"{reviewer}\""
    )
}

pub fn review_signed_by(fingerprint: &str, identities: &str) -> String {
    format!("Its signature matches, made by key {fingerprint}, allowed for {identities}.")
}

pub fn review_already_imported(reviewer: &str, date: jiff::civil::Date) -> String {
    format!(
        "This review by {reviewer} of {} was already imported; nothing new to add.",
        super::format::date(date)
    )
}

pub fn review_imported(
    reviewer: &str,
    role: Option<&str>,
    peer: bool,
    date: jiff::civil::Date,
    comments: usize,
) -> String {
    let who = match (role, peer) {
        (Some(role), true) => format!("{reviewer} ({role}, peer reflection)"),
        (None, true) => format!("{reviewer} (peer reflection)"),
        (Some(role), false) => format!("{reviewer} ({role})"),
        (None, false) => reviewer.to_owned(),
    };
    let comments = if comments == 1 {
        "1 comment on a reflection".to_owned()
    } else {
        format!("{comments} comments on reflections")
    };
    format!(
        "Imported the review by {who} of {}: {comments}. Your next log includes it.",
        super::format::date(date)
    )
}

pub fn stored_in(path: &Path) -> String {
    format!("Kept in {}", path.display())
}

pub const NO_EXPORTS: &str = "No log has been exported from this data folder yet.";

pub fn exports_heading(count: usize, path: &Path) -> String {
    let logs = if count == 1 {
        "1 log".to_owned()
    } else {
        format!("{count} logs")
    };
    format!(
        "{logs} exported from this data folder (recorded in {}):",
        path.display()
    )
}

pub fn export_line(time: &str, log_id: &str, format: &str, modules: &[String], digest: &str) -> String {
    let count = if modules.len() == 1 {
        "1 module".to_owned()
    } else {
        format!("{} modules", modules.len())
    };
    format!(
        "  {time}  {log_id}  {format:<4}  {count}: {}  {digest}",
        modules.join(", ")
    )
}

/// `signature_name`: the file name a signature of it would have.
pub fn verify_review_unsigned(path: &Path, signature_name: &str) -> String {
    format!(
        "{}: the review is not signed (no {signature_name} beside it), so nothing shows who wrote it or that it is unchanged.",
        path.display(),
    )
}

pub fn verify_review_signed_unchecked(path: &Path, fingerprint: &str) -> String {
    format!(
        "{}: the signature matches: the review is as key {fingerprint} signed it. That key is not checked against \
anyone; give --allowed-signers FILE to check whose it is.",
        path.display()
    )
}

pub fn verify_review_signed_by(path: &Path, fingerprint: &str, identities: &str, allowed: &Path) -> String {
    format!(
        "{}: the signature matches, by key {fingerprint}, which {} allows for {identities}.",
        path.display(),
        allowed.display()
    )
}

pub fn verify_review_belongs(log: &Path) -> String {
    format!(
        "It is a review of {}, exactly as exported (the digests match).",
        log.display()
    )
}

pub fn verify_review_other_log(log: &Path, log_id: &str) -> String {
    format!(
        "It is not a review of {}: it reviews log {log_id}, and that log differs (its id or digest).",
        log.display()
    )
}

pub fn verify_review_no_log(log_id: &str) -> String {
    format!("It reviews log {log_id}; name the log with --log FILE to check that it belongs to it.")
}

pub fn review_too_large(limit_mib: u64) -> String {
    format!("it is larger than a review can be ({limit_mib} MiB)")
}

pub fn review_too_many_comments(count: usize, limit: usize) -> String {
    format!("it has {count} comments, more than a review can hold ({limit})")
}

pub fn review_comment_too_long(limit: usize) -> String {
    format!(
        "a comment in it is longer than a review's comments can be ({} characters)",
        super::format::grouped(limit)
    )
}

pub fn review_refused(path: &Path, reason: &str) -> String {
    format!(
        "Refused {}: {reason}. Nothing was changed. Ask your reviewer to send it again as casebook wrote it.",
        path.display()
    )
}

pub fn reviewed_by(name: &str, date: jiff::civil::Date) -> String {
    format!("reviewed by {name} on {}", super::format::date(date))
}

pub fn export_not_recorded(path: &Path, reason: &str) -> String {
    format!(
        "Wrote the log to {}, but could not record the export in the data folder ({reason}), so a review of this log \
cannot be imported. Export it again once the data folder can be written.",
        path.display()
    )
}

pub fn stdout_export_not_recorded(reason: &str) -> String {
    format!(
        "The log was written to standard output, but the export could not be recorded in the data folder ({reason}), \
so a review of it cannot be imported."
    )
}

pub fn review_left_out(problem: &str) -> String {
    format!("An imported review could not be read and is left out of the log: {problem}.")
}

pub fn plain_edited_after_review(reviews: &[(&str, jiff::civil::Date)]) -> String {
    format!(
        "You edited this answer {}. The wording reviewed:",
        super::feedback::after_reviews(reviews)
    )
}

pub fn plain_review_comment(reviewer: &str, peer: bool, date: jiff::civil::Date) -> String {
    let kind = if peer { "peer reflection" } else { "supervisor" };
    format!("Comment from {reviewer} ({kind}), {}:", super::format::date(date))
}
