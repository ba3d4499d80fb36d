//! Every message of the identifying-details check: `casebook check`, the
//! refusal in `casebook export`, and the tutor's export dialog.

pub const ACTION_POINT: &str = "action point";
pub const PROFILE: &str = "your profile";
pub const ASK_WRITE_ANYWAY: &str = "Write the log anyway? [y/N] ";

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
