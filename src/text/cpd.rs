//! CPD records: layouts, `casebook cpd`, and the tutor's CPD form.

pub const LAYOUT_BAD_ID: &str = "a layout's id must be one plain name (letters, digits, dashes), as --layout takes it";
pub const LAYOUT_NO_TITLE: &str = "a layout needs a title";
pub const LAYOUT_NO_FIELDS: &str = "a layout needs at least one field";
pub const LAYOUT_NO_LABEL: &str = "a field needs a label, as the form words it";
pub const LAYOUT_ZERO_WORDS: &str = "a word limit of 0 leaves no room: leave `words` out for no limit";

pub fn layout_not_a_date(name: &str) -> String {
    format!("`{name}` must be a month and day, written MM-DD (for example \"11-30\"), that every year has")
}

pub fn layout_unknown_field(field: &str, known: &[&str]) -> String {
    format!("unknown field \"{field}\"; a record has: {}", known.join(", "))
}

pub fn layout_duplicate_field(field: &str) -> String {
    format!("field \"{field}\" is given twice; each field appears once")
}

pub fn cpd_unknown_layout(layout: &str, known: &[&str]) -> String {
    format!(
        "There is no CPD layout \"{layout}\". Choose one of: {}.",
        known.join(", ")
    )
}

/// The starting text for a record's description: what the learning was,
/// then the guide's own words on what the case shows (`opening`).
pub fn cpd_description(course: &str, module: &str, case: Option<&str>, opening: Option<&str>) -> String {
    let studied = match case {
        Some(case) => format!(
            "I studied \"{module}\" ({case}) in {course}, a real-practice case example with take-away questions, and wrote reflections on my own practice."
        ),
        None => format!("I studied \"{module}\" in {course} and wrote reflections on my own practice."),
    };
    match opening {
        Some(opening) => format!("{studied} From the guide: \"{}\"", opening.trim()),
        None => studied,
    }
}

pub fn cpd_dates(first: Option<jiff::civil::Date>, last: Option<jiff::civil::Date>) -> String {
    let day = |date: jiff::civil::Date| date.strftime("%-d %B %Y").to_string();
    match (first, last) {
        (Some(first), Some(last)) if first == last => day(first),
        (Some(first), Some(last)) => format!("{} to {}", day(first), day(last)),
        (Some(date), None) | (None, Some(date)) => day(date),
        (None, None) => "not recorded".to_owned(),
    }
}

/// Hours to the nearest quarter, as forms ask.
pub fn cpd_hours(seconds: u64) -> String {
    let quarters = (seconds + 450) / 900;
    let hours = quarters / 4;
    let minutes = (quarters % 4) * 15;
    match (hours, minutes) {
        (0, 0) => "less than a quarter of an hour".to_owned(),
        (0, minutes) => format!("{minutes} minutes"),
        (1, 0) => "1 hour".to_owned(),
        (hours, 0) => format!("{hours} hours"),
        (hours, minutes) => format!("{hours} hours {minutes} minutes"),
    }
}

pub fn cpd_word_count(words: usize, limit: Option<usize>, over: usize) -> String {
    let plural = if words == 1 { "word" } else { "words" };
    match limit {
        Some(limit) if over > 0 => format!("{words} {plural}: OVER THE LIMIT of {limit} by {over}"),
        Some(limit) => format!("{words} of {limit} words"),
        None => format!("{words} {plural}"),
    }
}

pub fn cpd_over_limit(record: &str, label: &str, over: usize) -> String {
    format!(
        "warning: record {record}, \"{label}\": {over} word(s) over the form's limit. Nothing was cut: shorten it before you paste it."
    )
}

pub fn cpd_field_empty(record: &str, label: &str) -> String {
    format!("warning: record {record}, \"{label}\" is empty: write it with \"casebook cpd edit {record}\".")
}

pub fn cpd_record_heading(id: &str, submitted: bool) -> String {
    if submitted {
        format!("Record {id} (marked submitted)")
    } else {
        format!("Record {id}")
    }
}

pub fn cpd_unreadable(path: &str, reason: &str) -> String {
    format!(
        "{path}: this CPD record cannot be read ({reason}). casebook leaves it as it is; move it out of the cpd folder to stop this message."
    )
}

pub fn cpd_not_found(id: &str) -> String {
    format!("There is no CPD record \"{id}\". Run \"casebook cpd list\" to see their ids.")
}

pub const FOLDER_IS_LINK: &str = "this folder in the data folder is a link to somewhere else, so casebook will not read or \
write through it; replace the link with a real folder (move what it points to here)";
pub const FOLDER_IS_NOT_FOLDER: &str = "casebook keeps a folder here, but this is not a folder; move it out of the way";
pub const CPD_FORM_NOT_MADE: &str =
    "Your CPD record is not made yet; what you wrote is kept with the module. Quit again to leave.";
pub const CPD_FORM_NOT_MADE_NOT_KEPT: &str =
    "This module is read-only, so your CPD record's text cannot be kept: quit again to leave without it.";
pub const CPD_DRAFT_BACK: &str = "Your unfinished CPD record is back, as you left it.";
pub const CPD_MISNAMED: &str = "its id does not match its file name (was it copied or renamed by hand?)";
pub const NOT_UTF8: &str = "not UTF-8 text";
pub const CPD_NONE_YET: &str = "No CPD records yet. Make one with \"casebook cpd new\" once you have studied a module.";
pub const CPD_NOTHING_TO_RECORD: &str =
    "Nothing to record: every module you have studied is in a CPD record already. Name modules to record them again.";
pub const CPD_NOTHING_TO_EXPORT: &str = "No CPD records to export for this registration year. Name a record to export it, or make one with \"casebook cpd new\".";
pub const CPD_ASK_LEARNING: &str = "What did you learn? End with a line holding only a full stop (.).";
pub const CPD_ASK_IMPACT: &str = "What positive impact has it had, or will it have, on your practice and on the children and families you work with? End with a line holding only a full stop.";
pub const CPD_ASK_PEER: &str = "Optional: a peer reflection (what a colleague or supervisor said when you discussed it). A full stop alone leaves it out.";
pub const CPD_ASK_STANDARDS: &str =
    "Optional: the link to your professional standards. A full stop alone leaves it as it is.";
pub const CPD_EDIT_TITLE: &str = "Title:";
pub const CPD_EDIT_DESCRIPTION: &str = "Short description, and why it is relevant:";
pub const CPD_EDIT_KEEP: &str = "Type the new text, or a full stop (.) alone to keep it.";
pub const CPD_UNCHANGED: &str = "Nothing changed.";

pub fn cpd_not_studied(name: &str) -> String {
    format!("You have not studied \"{name}\" yet, so there is nothing to record for it.")
}

pub fn cpd_saved(id: &str) -> String {
    format!("Saved as CPD record {id}. \"casebook cpd export {id}\" writes it out for your regulator's form.")
}

pub fn cpd_submitted(id: &str) -> String {
    format!("Record {id} is marked as submitted. If you change it later, what you submitted is kept.")
}

/// The CPD record form, from the completion screen.
pub const CPD_FORM_TITLE: &str = "CPD record";
pub const CPD_LEARNING_BOX: &str = "What did you learn?";
pub const CPD_IMPACT_BOX: &str = "The impact on your practice, and on the children and families you work with";
pub const CPD_PEER_BOX: &str = "Peer reflection (optional)";
pub const CPD_NEEDS_LEARNING: &str =
    "Write what you learnt and its impact first: a record needs both. Nothing has been saved yet.";
pub const CPD_MODULE_GONE: &str = "This module is no longer in the course, so no record was made of it. Make the record from another module, or with casebook cpd new.";
pub const CPD_NOWHERE_TO_SAVE: &str =
    "This casebook has no data folder to keep CPD records in, so the record was not saved.";

/// Offered over the peer reflection box, never copied in unasked.
pub fn cpd_review_offer(reviewer: &str) -> String {
    format!("{reviewer} reviewed this as your peer: Ctrl-R starts from their comments.")
}

/// A peer review's comments on one module, as a starting point the learner
/// rewrites in their own words.
pub fn cpd_review_start(reviewer: &str, comments: &[&str], overall: Option<&str>) -> String {
    let mut parts: Vec<String> = vec![format!("{reviewer}'s comments:")];
    parts.extend(comments.iter().map(|comment| comment.trim().to_owned()));
    if let Some(overall) = overall.map(str::trim).filter(|overall| !overall.is_empty()) {
        parts.push(overall.to_owned());
    }
    parts.join("\n\n")
}

/// The record is saved: its id, and how to send it on.
pub fn cpd_record_made(id: &str) -> String {
    format!("CPD record {id} saved. To paste it into the regulator's form: casebook cpd export {id}")
}
