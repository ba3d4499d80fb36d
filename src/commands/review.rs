//! `casebook review`, `casebook import-review`, `casebook exports` and
//! `casebook verify REVIEW`: the glue between the review's pure parts, the
//! files and the terminal.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::export::reading::LogView;
use crate::export::{Verification, records};
use crate::folder::DataPaths;
use crate::folder::files::{Links, VERIFY_LIMIT, read_limited};
use crate::folder::lock::DataLock;
use crate::journal::Profile;
use crate::review::format::{Comment, FORMAT_NAME, FORMAT_VERSION, ModuleRef, Review, Reviewer, ReviewerKind};
use crate::review::imported::signature_path;
use crate::review::signing;
use crate::sanitise::sanitise;
use crate::store::{FileStore, Store};
use crate::supervision::{
    Answers, OnScreen, apply, check_import, check_signature, default_review_path, draft, import_message, keep,
    log_beside, parse_next_review, signer_identities,
};
use crate::text;

use crate::exit;

/// Reviews a learner's JSON log: a comment on each reflection, overall comments, agreed actions and the next review date
#[derive(clap::Args, Debug, Clone, PartialEq, Eq)]
pub struct ReviewArgs {
    /// The learner's log, exported as JSON (casebook export --format json)
    #[arg(value_name = "LOG.json")]
    pub log: PathBuf,

    /// Ask line by line, each answer ended by a line holding only "." (what runs without a terminal), instead of the
    /// full-screen review
    #[arg(long)]
    pub plain: bool,

    /// Review as the learner's supervisor, or as a peer (a peer reflection)
    #[arg(long = "as", value_enum, value_name = "WHO", default_value = "supervisor")]
    pub kind: ReviewerKind,

    /// Sign the review with this SSH private key (ed25519), writing REVIEW.sig beside it; a passphrase is asked for on
    /// the terminal (or taken from CASEBOOK_KEY_PASSPHRASE)
    #[arg(long, value_name = "KEY")]
    pub sign_with: Option<PathBuf>,

    /// Write the review to REVIEW (default: LOG-STEM.review.json beside the log); an existing file is never overwritten
    #[arg(short, long, value_name = "REVIEW")]
    pub output: Option<PathBuf>,
}

/// Imports a review of a log you exported: its comments show under your reflections and go into your next log
#[derive(clap::Args, Debug, Clone, PartialEq, Eq)]
pub struct ImportReviewArgs {
    /// The review file your supervisor or peer sent (its REVIEW.sig beside it, if signed)
    #[arg(value_name = "REVIEW")]
    pub review: PathBuf,

    /// Accept the review only if it is signed by a key in this file (ssh-keygen's allowed-signers format)
    #[arg(long, value_name = "FILE")]
    pub allowed_signers: Option<PathBuf>,

    /// Trust this public key (KEY.pub, from your reviewer) for the reviewer named in the review, then import it
    #[arg(long, value_name = "KEY.pub")]
    pub signer: Option<PathBuf>,
}

/// A line of input without its line ending; `None` at the end of input.
/// Bytes that are not UTF-8 (a Latin-1 terminal typing £) are replaced
/// rather than ending the review.
fn next_line(input: &mut dyn BufRead) -> io::Result<Option<String>> {
    let mut bytes = Vec::new();
    if input.read_until(b'\n', &mut bytes)? == 0 {
        return Ok(None);
    }
    let line = String::from_utf8_lossy(&bytes);
    Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned()))
}

/// One answer: lines up to one holding only `.`; `None` when the input
/// ends first. Surrounding blank lines are dropped.
fn read_answer(input: &mut dyn BufRead) -> io::Result<Option<String>> {
    let mut lines: Vec<String> = Vec::new();
    loop {
        let Some(line) = next_line(input)? else {
            return Ok(None);
        };
        if line.trim() == "." {
            break;
        }
        lines.push(line);
    }
    while lines.first().is_some_and(|line| line.trim().is_empty()) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|line| line.trim().is_empty()) {
        lines.pop();
    }
    Ok(Some(lines.join("\n")))
}

/// One line (a name, a date); `None` when the input ends first.
fn read_line(input: &mut dyn BufRead) -> io::Result<Option<String>> {
    Ok(next_line(input)?.map(|line| line.trim().to_owned()))
}

fn optional(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

/// Reads and checks a JSON log: the digest casebook computes over its bytes
/// must match, and be the one its `digest` field states. The view's digest
/// is then the computed one, which a review names.
fn read_log(path: &Path) -> Result<LogView, (String, u8)> {
    let bytes = read_limited(path, VERIFY_LIMIT, Links::Follow)
        .map_err(|problem| (text::cannot_read_path(path, &problem.reason()), exit::FILE))?;
    let computed = match crate::export::verify(&bytes) {
        Verification::Matches { digest } => digest,
        Verification::Differs { .. } => return Err((text::review_log_changed(path), exit::REFUSED)),
        Verification::NoDigest => return Err((text::review_log_no_digest(path), exit::REFUSED)),
    };
    let mut view =
        LogView::parse(&bytes).map_err(|reason| (text::review_log_unusable(path, &reason), exit::REFUSED))?;
    if view.digest != computed {
        return Err((text::review_log_changed(path), exit::REFUSED));
    }
    view.digest = computed;
    Ok(view)
}

/// Writes a whole message, and fails the command when it cannot be shown:
/// a reviewer must see every question they answer.
fn say(out: &mut dyn Write, message: &str) -> Result<(), (String, u8)> {
    crate::messages::write_to(out, message)
        .and_then(|()| out.flush())
        .map_err(|_| (text::STDOUT_GONE.to_owned(), exit::FILE))
}

/// Asks for the answers on the full screen: given the log and where the
/// review will be written; `Ok(None)` when the reviewer leaves without
/// writing it.
pub type AskOnScreen<'a> = &'a mut dyn FnMut(&OnScreen) -> Result<Option<Answers>, String>;

/// `casebook review`: what it does, with the streams and clock given.
pub fn review_command(
    args: &ReviewArgs,
    paths: &DataPaths,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    now: Timestamp,
) -> u8 {
    review_command_with(args, paths, input, out, err, now, None)
}

/// `casebook review`, asking on the full screen when `on_screen` is given
/// (the name and role, when asked, are still asked line by line first).
pub fn review_command_with(
    args: &ReviewArgs,
    paths: &DataPaths,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    now: Timestamp,
    on_screen: Option<AskOnScreen>,
) -> u8 {
    match review_steps(args, paths, input, out, now, on_screen) {
        Ok(()) => exit::OK,
        Err((message, code)) => {
            let _ = crate::messages::write_to(err, &message);
            code
        }
    }
}

fn review_steps(
    args: &ReviewArgs,
    paths: &DataPaths,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    now: Timestamp,
    on_screen: Option<AskOnScreen>,
) -> Result<(), (String, u8)> {
    let log = read_log(&args.log)?;
    let destination = args
        .output
        .clone()
        .unwrap_or_else(|| default_review_path(&args.log, args.kind));
    let destination = std::path::absolute(&destination).unwrap_or(destination);
    let signature_file = signature_path(&destination);
    // Nothing is asked before it is sure the review can be written.
    for path in std::iter::once(&destination).chain(args.sign_with.as_ref().map(|_| &signature_file)) {
        if path.symlink_metadata().is_ok() {
            return Err((text::review_exists(path), exit::FILE));
        }
    }
    let key = match &args.sign_with {
        Some(path) => Some(signing::load_key(path).map_err(|message| (message, exit::FILE))?),
        None => None,
    };

    let mut store = FileStore::new(paths.clone());
    let mut profile = store
        .load_profile()
        .map_err(|error| (text::review_profile_unreadable(&error.to_string()), exit::FILE))?
        .unwrap_or_default();
    let mut profile_changed = false;
    let reflections: Vec<_> = log.reflections().collect();
    let modules = log.modules().count();
    say(
        out,
        &text::review_intro(
            &log.log_id,
            log.learner.name.as_deref(),
            reflections.len(),
            modules,
            args.kind == ReviewerKind::Peer,
        ),
    )?;
    let ended = || (text::REVIEW_INPUT_ENDED.to_owned(), exit::REFUSED);
    let io_failed = |error: io::Error| (text::review_input_failed(&text::io_reason(&error)), exit::FILE);
    // A review says who wrote it: the name is asked until it is given.
    while profile.name.trim().is_empty() {
        say(out, text::REVIEW_ASK_NAME)?;
        profile.name = read_line(input).map_err(io_failed)?.ok_or_else(ended)?;
        profile_changed = true;
    }
    if profile.role.trim().is_empty() {
        say(out, text::REVIEW_ASK_ROLE)?;
        let role = read_line(input).map_err(io_failed)?.ok_or_else(ended)?;
        profile.role = role;
        profile_changed = true;
    }
    if profile_changed {
        // Asked once: kept in the reviewer's own profile.
        let saved = store.save_profile(&Profile {
            schema: crate::journal::PROFILE_SCHEMA,
            ..profile.clone()
        });
        let message = match saved {
            Ok(()) => text::review_profile_saved(&paths.profile_file(), !profile.role.trim().is_empty()),
            Err(error) => text::review_profile_not_saved(&error.to_string()),
        };
        say(out, &message)?;
    }
    let answers = match on_screen {
        Some(ask) => {
            let request = OnScreen {
                log: &log,
                destination: &destination,
                paths,
                peer: args.kind == ReviewerKind::Peer,
            };
            let asked = ask(&request).map_err(|reason| (text::review_screen_failed(&reason), exit::FILE))?;
            match asked {
                Some(answers) => answers,
                None => {
                    // Left on purpose: what was typed is kept as a draft.
                    let message = match draft::load(paths, &log) {
                        Ok(Some(_)) => text::review_draft_kept(
                            &draft::draft_path(paths, &log).display().to_string(),
                            &args.log.display().to_string(),
                        ),
                        _ => text::REVIEW_LEFT_EMPTY.to_owned(),
                    };
                    say(out, &message)?;
                    return Ok(());
                }
            }
        }
        None => ask_plain(&log, input, out)?,
    };
    let Answers {
        comments,
        overall,
        actions,
        next_review,
    } = answers;

    let review = Review {
        format: FORMAT_NAME.to_owned(),
        format_version: FORMAT_VERSION,
        log_id: log.log_id.clone(),
        log_digest: log.digest.clone(),
        learner: log.learner.name.clone(),
        reviewer: Reviewer {
            name: profile.name.trim().to_owned(),
            role: optional(profile.role.trim().to_owned()),
            kind: args.kind,
        },
        date: crate::export::export_date(now),
        casebook_version: env!("CARGO_PKG_VERSION").to_owned(),
        modules: log
            .modules()
            .map(|(course, module)| ModuleRef {
                course: course.id.clone(),
                module: module.id.clone(),
            })
            .collect(),
        comments,
        overall_comments: optional(overall),
        agreed_actions: optional(actions),
        next_review,
    };
    let bytes = review.to_bytes();
    // Signed before anything is written, so a key that fails leaves nothing half done.
    let signature = match &key {
        Some(key) => Some(signing::sign(key, &bytes).map_err(|message| (message, exit::FILE))?),
        None => None,
    };
    let written = crate::export::write_new_file(&destination, &bytes)
        .map_err(|error| (text::review_not_written(&error.to_string()), exit::FILE))?;
    say(out, &text::review_written(review.comments.len(), &written))?;
    // Written: its draft has done its work.
    if let Err(problem) = draft::clear(paths, &log) {
        say(out, &text::review_draft_not_cleared(&problem))?;
    }
    if let (Some(signature), Some(key)) = (signature, &key) {
        let signed = crate::export::write_new_file(&signature_file, signature.as_bytes())
            .map_err(|error| (text::signature_not_written(&error.to_string(), &written), exit::FILE))?;
        say(
            out,
            &text::review_signed(&signing::fingerprint(key.public_key()), &signed),
        )?;
    }
    say(out, &text::review_send(&written, key.is_some()))?;
    Ok(())
}

/// The plain flow's questions, in order: a comment on each reflection,
/// overall comments, agreed actions and the next review date.
fn ask_plain(log: &LogView, input: &mut dyn BufRead, out: &mut dyn Write) -> Result<Answers, (String, u8)> {
    let ended = || (text::REVIEW_INPUT_ENDED.to_owned(), exit::REFUSED);
    let io_failed = |error: io::Error| (text::review_input_failed(&text::io_reason(&error)), exit::FILE);
    let reflections: Vec<_> = log.reflections().collect();
    say(out, text::REVIEW_HOW_TO_ANSWER)?;

    let mut comments = Vec::new();
    let mut module_shown: Option<(String, String)> = None;
    for (number, (course, module, question, reflection)) in reflections.iter().enumerate() {
        let here = (course.id.clone(), module.id.clone());
        if module_shown.as_ref() != Some(&here) {
            say(
                out,
                &text::review_module_heading(&module.title, module.subtitle.as_deref(), &module.id),
            )?;
            // The whole record, as on the full screen.
            let facts = crate::supervision::module_facts(module);
            say(out, &facts.status)?;
            for skipped in &facts.skipped {
                say(out, skipped)?;
            }
            say(
                out,
                facts.action_point.as_deref().unwrap_or(text::REVIEW_NO_ACTION_POINT),
            )?;
            module_shown = Some(here);
        }
        // Both wordings of one edited since an earlier review.
        let edited = question
            .edited_after_review
            .as_ref()
            .map(|old| (old.reviewer.as_str(), old.reviewed, old.text.as_str()));
        let shown = text::review_reflection(number + 1, reflections.len(), &question.question, reflection, edited);
        say(out, &shown)?;
        let comment = read_answer(input).map_err(io_failed)?.ok_or_else(ended)?;
        if let Some(comment) = optional(comment) {
            comments.push(Comment {
                course: course.id.clone(),
                module: module.id.clone(),
                question: question.id.clone(),
                question_text: question.question.clone(),
                reflection: (*reflection).to_owned(),
                comment,
            });
        }
    }
    say(out, text::REVIEW_ASK_OVERALL)?;
    let overall = read_answer(input).map_err(io_failed)?.ok_or_else(ended)?;
    say(out, text::REVIEW_ASK_ACTIONS)?;
    let actions = read_answer(input).map_err(io_failed)?.ok_or_else(ended)?;
    say(out, text::REVIEW_ASK_NEXT)?;
    let next_review = loop {
        let line = read_line(input).map_err(io_failed)?.ok_or_else(ended)?;
        match parse_next_review(&line) {
            Ok(date) => break date,
            Err(message) => say(out, &text::review_date_again(&message))?,
        }
    };

    Ok(Answers {
        comments,
        overall,
        actions,
        next_review,
    })
}

/// `casebook import-review`.
/// `courses`: the modules known, so that, when an LRS is configured, the
/// import is recorded as a statement like any other event.
pub fn import_command(
    args: &ImportReviewArgs,
    paths: &DataPaths,
    courses: &[crate::content::Course],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    match import_steps(args, paths, courses, out) {
        Ok(()) => exit::OK,
        Err((message, code)) => {
            let _ = crate::messages::write_to(err, &message);
            code
        }
    }
}

fn import_steps(
    args: &ImportReviewArgs,
    paths: &DataPaths,
    courses: &[crate::content::Course],
    out: &mut dyn Write,
) -> Result<(), (String, u8)> {
    let mut checked = check_import(paths, &args.review, args.allowed_signers.as_deref())?;
    if let Some(signer) = &args.signer {
        crate::supervision::trust_signer(paths, &mut checked, signer)?;
    }
    let _lock = match DataLock::acquire(paths) {
        Ok(lock) => lock,
        Err(error) => return Err((error.to_string(), error.exit_code())),
    };

    // Every journal concerned is read before anything is written: one that
    // cannot be read stops the import with nothing changed. With an LRS
    // configured, the saves record "received a review" statements.
    let mut store = crate::lrs::recording_store(paths, courses);
    let mut journals = Vec::new();
    let concerned: std::collections::BTreeSet<(&str, &str)> = checked
        .review
        .comments
        .iter()
        .map(|comment| (comment.course.as_str(), comment.module.as_str()))
        .collect();
    for (course, module) in concerned {
        match store.load_module(course, module) {
            Ok(Some(journal)) => journals.push(journal),
            Ok(None) => {}
            Err(error) => return Err((text::review_journal_unreadable(&error.to_string()), exit::FILE)),
        }
    }
    let (stored, again) = keep(paths, &checked).map_err(|message| (message, exit::FILE))?;
    for journal in &mut journals {
        if apply(journal, &checked.review) {
            store
                .save_module(journal)
                .map_err(|error| (text::review_journal_not_saved(&error.to_string()), exit::FILE))?;
        }
    }
    say(out, &import_message(&checked, &stored, again))?;
    Ok(())
}

/// `casebook exports`: every log this data folder exported.
pub fn exports_command(paths: &DataPaths, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let records = match records::load(paths) {
        Ok(records) => records,
        Err(error) => {
            let _ = crate::messages::write_to(err, &error.to_string());
            return exit::FILE;
        }
    };
    let mut text = String::new();
    if records.is_empty() {
        text.push_str(text::NO_EXPORTS);
        text.push('\n');
    } else {
        text.push_str(&text::exports_heading(records.len(), &records::file(paths)));
        text.push('\n');
        for record in &records {
            text.push_str(&text::export_line(
                &crate::export::words::time(record.exported),
                &record.log_id,
                &record.formats(),
                &record.modules,
                &record.digest,
            ));
            text.push('\n');
        }
    }
    match out.write_all(sanitise(&text).as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => exit::OK,
        Err(error) => {
            let _ = crate::messages::write_to(err, &text::stdout_failed(&text::io_reason(&error)));
            exit::FILE
        }
    }
}

/// `casebook verify REVIEW`: the signature, and whether the review belongs
/// to the log beside it (or the one named).
pub fn verify_review(
    path: &Path,
    bytes: &[u8],
    allowed_signers: Option<&Path>,
    log: Option<&Path>,
) -> (Vec<String>, u8) {
    let mut said = Vec::new();
    let review = match Review::parse(bytes) {
        Ok(review) => review,
        Err(problem) => {
            return (
                vec![text::review_unusable(
                    path,
                    problem.line,
                    problem.column,
                    &problem.reason,
                )],
                exit::REFUSED,
            );
        }
    };
    let signed = match check_signature(path, bytes) {
        Ok(signed) => signed.map(|(signed, _)| signed),
        Err((message, code)) => return (vec![message], code),
    };
    match (&signed, allowed_signers) {
        (None, _) => {
            said.push(text::verify_review_unsigned(
                path,
                &crate::review::imported::signature_path(path)
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            ));
            return (said, exit::REFUSED);
        }
        (Some(signed), None) => said.push(text::verify_review_signed_unchecked(path, &signed.fingerprint)),
        (Some(signed), Some(allowed)) => match signer_identities(allowed, Some(signed)) {
            Ok(identities) => said.push(text::verify_review_signed_by(
                path,
                &signed.fingerprint,
                &identities.join(", "),
                allowed,
            )),
            Err((message, code)) => return (vec![message], code),
        },
    }
    let log = log
        .map(Path::to_path_buf)
        .or_else(|| log_beside(path).filter(|log| log.exists()));
    match log {
        Some(log) => match read_log(&log) {
            Ok(view) if view.log_id == review.log_id && view.digest == review.log_digest => {
                // The review's quotes must be the log's own words.
                let quoted_wrongly = review.comments.iter().find(|comment| {
                    !view.reflections().any(|(course, module, question, text)| {
                        course.id == comment.course
                            && module.id == comment.module
                            && question.id == comment.question
                            && text == comment.reflection
                    })
                });
                if let Some(comment) = quoted_wrongly {
                    said.push(text::review_quote_differs(
                        &format!("{}/{}", comment.course, comment.module),
                        &comment.question,
                        &review.log_id,
                    ));
                    return (said, exit::REFUSED);
                }
                said.push(text::verify_review_belongs(&log));
            }
            Ok(_) => {
                said.push(text::verify_review_other_log(&log, &review.log_id));
                return (said, exit::REFUSED);
            }
            Err((message, code)) => {
                said.push(message);
                return (said, code);
            }
        },
        None => said.push(text::verify_review_no_log(&review.log_id)),
    }
    (said, exit::OK)
}
