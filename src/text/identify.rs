//! Every message of the identifying-details check: `casebook check`, the
//! refusal in `casebook export`, and the tutor's export dialog.

pub const ACTION_POINT: &str = "action point";
pub const PROFILE: &str = "your profile";
pub const ASK_WRITE_ANYWAY: &str = "Write the log anyway? [y/N] ";
pub const REVIEW_OVERALL: &str = "overall comments";
pub const REVIEW_ACTIONS: &str = "agreed actions";

/// A reviewer's comment, in a list of findings: `comment on "question"`.
pub fn comment_on(question: &str) -> String {
    format!("comment on {question}")
}

// The tutor's export dialog, when the check finds something.
pub const FINDINGS_TITLE: &str = "Before this log leaves your computer";
pub const ALL_MARKED: &str = "Every finding is marked not identifying: Enter writes the log.";
pub const MARK_NO_FOLDER: &str =
    "casebook has no data folder this time, so a mark cannot be kept: change the words, or w to write anyway.";

pub fn findings_intro(count: usize) -> String {
    let things = if count == 1 {
        "1 thing".to_owned()
    } else {
        format!("{count} things")
    };
    format!(
        "Nothing is written yet. The check found {things} that could identify a child, family, victim or colleague. It can be wrong either way: read each one."
    )
}

/// [`findings_intro`] for a small screen.
pub fn findings_intro_short(count: usize) -> String {
    let found = if count == 1 {
        "1 finding".to_owned()
    } else {
        format!("{count} findings")
    };
    format!("{found}; nothing written yet.")
}

/// A finding in the dialog: the words and why.
pub fn finding_said(words: &str, reason: &str) -> String {
    format!("\"{words}\" {reason}")
}

/// Where a finding is, under it.
pub fn finding_place(module: &str, what: &str) -> String {
    if module.is_empty() {
        format!("in {what}")
    } else {
        format!("in {module}, {what}")
    }
}

/// Said at the foot when a finding is opened where it was written.
pub fn opened(words: &str, reason: &str) -> String {
    format!(
        "\"{words}\" {reason}: change the words if they could identify someone, then export again (e on the home or the module's last screen)."
    )
}

pub fn mark_failed(reason: &str) -> String {
    format!("The mark could not be kept ({reason}): change the words, or w to write anyway.")
}

/// One finding, numbered for `--mark N`.
pub fn finding_line(number: usize, module: &str, what: &str, words: &str, reason: &str) -> String {
    let at = if module.is_empty() {
        what.to_owned()
    } else {
        format!("{module}, {what}")
    };
    format!("{number}. {at}: \"{words}\" {reason}")
}

/// A question, shortened for a list of findings.
pub fn question(text: &str) -> String {
    const MOST: usize = 60;
    if text.chars().count() <= MOST {
        format!("\"{text}\"")
    } else {
        let cut: String = text.chars().take(MOST - 3).collect();
        format!("\"{}...\"", cut.trim_end())
    }
}

pub fn export_refused(count: usize) -> String {
    format!(
        "Not written: {} in the log may identify someone (listed above). Change the text, mark a finding that \
         does not identify anyone with `casebook check --mark N`, or write the log anyway with --checked.",
        findings(count)
    )
}

pub const REVIEW_ASK_WRITE_ANYWAY: &str =
    "Write the review anyway? Type yes to write it; anything else keeps what you wrote as a draft and writes nothing.";

/// `draft`: where the answers were kept, already made safe to show.
pub fn review_refused(count: usize, draft: Option<&str>) -> String {
    let kept = match draft {
        Some(path) => format!(
            " What you wrote is kept as a draft ({path}): `casebook review LOG.json` on the full screen carries on \
             from it."
        ),
        None => String::new(),
    };
    format!(
        "Not written: {} in your review may identify someone (listed above).{kept} Change the words, or write \
         the review anyway with --checked.",
        findings(count)
    )
}

/// The full-screen review's list of findings, above them.
pub fn review_screen_found(count: usize) -> String {
    format!(
        "Before the review is written: {} in your words may identify someone. Nothing is written yet, and \
         nothing you typed is lost.",
        findings(count)
    )
}

pub const REVIEW_SCREEN_FOUND_END: &str = "Go back and change it (e), or write the review anyway (w) if nothing \
     listed identifies a child, family, victim or colleague. The check helps; it cannot promise.";

/// After `casebook sync`, under the findings of the statements kept back
/// (the learner's words, shared with `--share-text`).
pub fn lrs_held(count: usize) -> String {
    let statements = if count == 1 {
        "1 statement was".to_owned()
    } else {
        format!("{count} statements were")
    };
    format!(
        "{statements} not sent: your words in them may identify someone (listed above). Send them \
         anyway with `casebook sync --checked`, mark a finding that does not identify anyone with `casebook \
         check --mark N`, or stop sharing your words with `casebook lrs set` without --share-text."
    )
}

/// `casebook sync --status`: records kept back for their findings.
pub fn lrs_held_waiting(count: usize) -> String {
    let statements = if count == 1 {
        "1 statement is".to_owned()
    } else {
        format!("{count} statements are")
    };
    format!("{statements} kept back: their words may identify someone; `casebook sync` lists what was found.")
}

pub const ASK_WRITE_RECORDS_ANYWAY: &str = "Write the records anyway? [y/N] ";

pub fn cpd_refused(count: usize) -> String {
    format!(
        "Not written: {} in the records may identify someone (listed above). Change the text with `casebook cpd \
         edit RECORD`, mark a finding that does not identify anyone with `casebook cpd check --mark N` (naming the \
         same records, if you named any), or write the records anyway with --checked.",
        findings(count)
    )
}

pub fn cpd_check_found(count: usize) -> String {
    format!(
        "{} may identify someone. Mark one that does not with `casebook cpd check --mark N`. The check helps; it \
         cannot promise.",
        findings(count)
    )
}

pub fn cpd_check_clear(records: usize, marked: usize) -> String {
    let records = if records == 1 {
        "1 record".to_owned()
    } else {
        format!("{records} records")
    };
    format!(
        "No identifying details found in {records}{}. The check helps; it cannot promise: read your records \
         before they leave your computer.",
        marked_words(marked)
    )
}

fn marked_words(marked: usize) -> String {
    match marked {
        0 => String::new(),
        1 => " (1 finding marked not identifying)".to_owned(),
        n => format!(" ({n} findings marked not identifying)"),
    }
}

pub fn check_found(count: usize) -> String {
    format!(
        "{} may identify someone. Mark one that does not with `casebook check --mark N`. The check helps; it \
         cannot promise.",
        findings(count)
    )
}

pub fn check_clear(texts: usize, marked: usize) -> String {
    let texts = if texts == 1 {
        "1 text".to_owned()
    } else {
        format!("{texts} texts")
    };
    let marked = match marked {
        0 => String::new(),
        1 => " (1 finding marked not identifying)".to_owned(),
        n => format!(" ({n} findings marked not identifying)"),
    };
    format!(
        "No identifying details found in {texts}{marked}. The check helps; it cannot promise: read your log \
         before it leaves your computer."
    )
}

pub fn marked(number: usize, words: &str) -> String {
    format!(
        "Finding {number} (\"{words}\") marked not identifying; it stays marked until the sentence around it changes."
    )
}

pub fn no_such_finding(number: usize, count: usize) -> String {
    match count {
        0 => format!("There is no finding {number}: the check found nothing."),
        1 => format!("There is no finding {number}: there is only finding 1."),
        _ => format!("There is no finding {number}: choose one from 1 to {count}."),
    }
}

pub fn cannot_keep_mark(reason: &str) -> String {
    format!("The mark could not be kept: {reason}")
}

pub fn cannot_read_marks(reason: &str) -> String {
    format!("The marks of findings could not be read ({reason}); every finding is shown.")
}

/// The line the Markdown and plain-text logs carry about the check.
pub fn log_line(marked: usize) -> String {
    match marked {
        0 => "Identifying-details check: run before export; no finding marked not identifying.".to_owned(),
        1 => "Identifying-details check: run before export; 1 finding marked not identifying.".to_owned(),
        n => format!("Identifying-details check: run before export; {n} findings marked not identifying."),
    }
}

fn findings(count: usize) -> String {
    if count == 1 {
        "1 finding".to_owned()
    } else {
        format!("{count} findings")
    }
}
