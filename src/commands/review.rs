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
use crate::review::format::{FORMAT_NAME, FORMAT_VERSION, ModuleRef, Review, ReviewCheck, Reviewer, ReviewerKind};
use crate::review::imported::signature_path;
use crate::review::signing;
use crate::sanitise::sanitise;
use crate::store::{FileStore, Store};
use crate::supervision::{
    Answers, OnScreen, apply, check_import, check_signature, default_review_path, draft, import_message, keep,
    log_beside, signer_identities,
};
use crate::text;

use crate::exit;

mod plain;
use plain::{ask_plain, read_line};

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

    /// Write the review even when the identifying-details check finds something in your comments (you have read
    /// the findings and nothing in them identifies a child, family, victim or colleague)
    #[arg(long)]
    pub checked: bool,
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

pub(super) fn optional(text: String) -> Option<String> {
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
pub(super) fn say(out: &mut dyn Write, message: &str) -> Result<(), (String, u8)> {
    crate::messages::write_to(out, message)
        .and_then(|()| out.flush())
        .map_err(|_| (text::STDOUT_GONE.to_owned(), exit::FILE))
}

/// Asks for the answers on the full screen: given the log and where the
/// review will be written; `Ok(None)` when the reviewer leaves without
/// writing it.
pub type AskOnScreen<'a> = &'a mut dyn FnMut(&OnScreen) -> Result<Option<Answers>, String>;

/// `casebook review`: what it does, with the streams and clock given;
/// `courses` for the identifying-details check's allow list (the guide's
/// text and case names).
pub fn review_command(
    args: &ReviewArgs,
    (paths, courses): (&DataPaths, &[crate::content::Course]),
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    now: Timestamp,
) -> u8 {
    review_command_with(args, (paths, courses), input, out, err, now, None)
}

/// `casebook review`, asking on the full screen when `on_screen` is given
/// (the name and role, when asked, are still asked line by line first).
pub fn review_command_with(
    args: &ReviewArgs,
    (paths, courses): (&DataPaths, &[crate::content::Course]),
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    now: Timestamp,
    on_screen: Option<AskOnScreen>,
) -> u8 {
    match review_steps(args, (paths, courses), input, out, now, on_screen) {
        Ok(()) => exit::OK,
        Err((message, code)) => {
            let _ = crate::messages::write_to(err, &message);
            code
        }
    }
}

fn review_steps(
    args: &ReviewArgs,
    (paths, courses): (&DataPaths, &[crate::content::Course]),
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
    // The identifying-details check's allow list, with the reviewer's marks.
    let unmarked = crate::supervision::check::allow(courses, &profile, log.learner.name.as_deref());
    let marks = crate::export::identify::load_marks(paths).unwrap_or_default();
    let mut allow = unmarked.clone();
    for one in &marks {
        allow.add_mark(one.clone());
    }
    let on_screen_used = on_screen.is_some();
    let answers = match on_screen {
        Some(ask) => {
            let request = OnScreen {
                log: &log,
                destination: &destination,
                paths,
                peer: args.kind == ReviewerKind::Peer,
                allow: (!args.checked).then_some(&allow),
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
    let texts = crate::supervision::check::texts(&answers);
    // The full screen showed its findings and was told to write anyway.
    if !on_screen_used && !args.checked {
        cleared_plain(&log, paths, &answers, &texts, &allow, input, out)?;
    }
    let marked = crate::export::identify::marked_in(&texts, &unmarked, &marks);
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
        identifying_check: Some(ReviewCheck {
            run: true,
            marked_not_identifying: marked,
        }),
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

/// The plain review's question before writing: with findings in the
/// reviewer's words, they are listed and "write anyway?" asked; anything
/// but yes keeps the answers as a draft and refuses.
fn cleared_plain(
    log: &LogView,
    paths: &DataPaths,
    answers: &Answers,
    texts: &[(crate::export::identify::Place, String)],
    allow: &crate::identify::Allow,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<(), (String, u8)> {
    let found = crate::export::identify::findings_in(texts, allow);
    if found.is_empty() {
        return Ok(());
    }
    crate::commands::check::print_findings(out, &found).map_err(|_| (text::STDOUT_GONE.to_owned(), exit::FILE))?;
    say(out, text::identify::REVIEW_ASK_WRITE_ANYWAY)?;
    let answer = read_line(input).ok().flatten().unwrap_or_default();
    if crate::commands::check::is_yes(&answer) {
        return Ok(());
    }
    let draft = crate::supervision::check::draft_of(answers, &log.log_id, &log.digest);
    let kept = draft::save(paths, &log.log_id, &log.digest, &draft);
    Err((
        text::identify::review_refused(
            found.len(),
            kept.as_ref().ok().map(|path| crate::sanitise::path(path)).as_deref(),
        ),
        exit::FOUND,
    ))
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
