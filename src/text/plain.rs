//! Plain mode (`--plain`, or no terminal), and starting and stopping.

pub fn plain_intro(sections: usize, questions: usize) -> String {
    format!(
        "{sections} sections, {questions} take-away questions. End each answer with a line holding only a full stop (.)."
    )
}

pub fn plain_section(number: usize, total: usize, title: &str) -> String {
    format!("Section {number} of {total}: {title}")
}

pub fn plain_question(number: usize, total: usize, question: &str) -> String {
    format!("Question {number} of {total}: {question}")
}

pub const PLAIN_ANSWER: &str =
    "Type your answer. End it with a line holding only a full stop (.); a full stop on its own skips the question.";
pub const PLAIN_REPLACE: &str = "Type a new answer to replace it, or a full stop (.) on its own to keep it.";
pub const PLAIN_SAVED_ANSWER: &str = "Your saved answer:";
pub const PLAIN_REVISE: &str = "Type a new answer to replace it; or a line holding only + and then more, to add it as a new \
paragraph; or a full stop (.) on its own to keep it as it is.";
pub const PLAIN_REPLACED: &str = "your new answer replaces the old one.";
pub const PLAIN_ADDED: &str = "added to your answer as a new paragraph.";
pub const PLAIN_INTERRUPTED: &str = "Stopped. What you typed is saved, an answer you had not finished too, \
up to the last line you ended with Enter (a line not yet ended cannot be read, so it was not kept): run the \
same command again to read it back and carry on.";
pub const PLAIN_STOPPED: &str = "Stopped. What you typed is saved, an answer you had not finished too, \
with the line you were typing: run the same command again to read it back and carry on.";
pub const PLAIN_KEPT: &str = "Kept your answer as it was.";
pub const PLAIN_UNDECODABLE: &str = "Some characters you typed could not be read (your terminal may not be set to UTF-8); \
they are shown as \u{fffd}. Check your answer.";
pub const PLAIN_SAVED: &str = "Saved.";

/// What plain mode says after an answer: "Saved" only once it is on disk
/// (piped answers are written at most once a second, and at the end).
pub fn plain_outcome(said: &str, saved: bool) -> String {
    match said {
        PLAIN_SAVED if saved => PLAIN_SAVED.to_owned(),
        PLAIN_SAVED => "Recorded; it is saved within a second, and at the end.".to_owned(),
        PLAIN_REPLACED | PLAIN_ADDED if saved => format!("Saved: {said}"),
        PLAIN_REPLACED | PLAIN_ADDED => format!("Recorded: {said}"),
        other => other.to_owned(),
    }
}
pub const PLAIN_ACTION_POINT: &str =
    "Optional: type it, ending with a line holding only a full stop (.), or a full stop on its own to leave it.";
pub const PLAIN_ACTION_POINT_SAVED: &str = "Your action point:";

/// Plain mode cannot keep trying once its input has ended, so the words go
/// to the screen (or the file the output is sent to) rather than be lost.
pub fn plain_not_saved(reason: &str) -> String {
    format!(
        "NOT SAVED: {reason}.\nYour answers are printed above so that nothing is lost: copy them, \
fix the problem (free some space, or choose another folder with --data-dir) and run casebook again."
    )
}

pub const PLAIN_UNSAVED_HEADING: &str = "Your answers, NOT SAVED:";

pub fn plain_unsaved_answer(question: &str, answer: &str) -> String {
    format!("--- {question}\n{answer}")
}
pub const PLAIN_MORE: &str = "Press Enter for more of this section, or type q and Enter to stop here.";
pub const PLAIN_CONTINUE: &str = "Press Enter to continue, or type q and Enter to stop here.";

/// At the end of a module in plain mode: the latest review of it.
pub fn plain_review_summary(
    reviewer: &str,
    peer: bool,
    date: jiff::civil::Date,
    overall: Option<&str>,
    actions: Option<&str>,
    next: Option<jiff::civil::Date>,
) -> String {
    let mut lines = vec![format!("\n{}", super::review_heading(reviewer, peer, date))];
    for (label, body) in [(super::REVIEW_OVERALL, overall), (super::REVIEW_ACTIONS, actions)] {
        if let Some(body) = body.filter(|body| !body.trim().is_empty()) {
            lines.push(format!("{label}:\n{body}"));
        }
    }
    if let Some(next) = next {
        lines.push(super::next_review_on(next));
    }
    lines.join("\n")
}

pub fn plain_end(answered: usize, total: usize, path: &str) -> String {
    format!("End of module. {answered} of {total} questions answered. Your answers are saved in {path}.")
}

pub fn data_dir_unusable(path: &str, reason: &str) -> String {
    format!(
        "casebook cannot keep your reflections in {path}: {reason}.\nChoose a folder you can write to with --data-dir DIR (or set CASEBOOK_DATA_DIR)."
    )
}

pub const NO_TERMINAL: &str = "casebook needs a terminal to open the tutor; here is the list of modules instead. \
Use \"casebook read MODULE --plain\" to study a module line by line.";

pub fn terminal_failed(reason: &str) -> String {
    format!("The terminal stopped working ({reason}). Your reflections were saved before casebook closed.")
}

pub const TERMINAL_GONE: &str = "the terminal has gone away";

pub fn signals_unwatched(reason: &str) -> String {
    format!(
        "casebook cannot watch for the terminal closing ({reason}). Your text is still saved as you type; quit with q to be sure of the last seconds."
    )
}

pub fn drafts_in_fallback(path: &str) -> String {
    format!(
        "casebook could not save your text in its data folder, so it has kept it in {path}. \
It will offer it back the next time you open casebook; keep that file until then."
    )
}

pub const DRAFTS_LOST: &str = "casebook could not save your latest text anywhere (the data folder and the \
system's temporary folder both refused it). Text saved earlier is safe.";

/// At start-up: text kept in a fallback file last time is back.
pub fn drafts_restored(modules: &[String], path: &str) -> String {
    format!(
        "Text that could not be saved last time is back ({}), from {path}.",
        modules.join(", ")
    )
}

pub fn drafts_kept(path: &str) -> String {
    format!(
        "Some text from an earlier run that could not be saved is still in {path}: open it to copy \
what you need, then delete it."
    )
}

pub fn crashed(data_dir: &str, place: &str) -> String {
    format!(
        "casebook hit an internal error ({place}) and had to close. Your reflections were saved in {data_dir}; \
open casebook again to carry on. Please report the fault to whoever gave you casebook, with what you were doing."
    )
}

pub fn already_open(lock: &str, pid: Option<u32>) -> String {
    let who = pid.map_or_else(
        || "another casebook".to_owned(),
        |pid| format!("another casebook (process {pid})"),
    );
    format!(
        "{who} is already open on this data folder ({lock}), and two at once could lose each other's text.\n\
Close the other one first, or use a different folder with --data-dir DIR."
    )
}

/// An answer longer than a text may hold: what was kept, and what was not.
pub fn plain_not_taken(limit: usize, kept: usize, refused: usize) -> String {
    let (characters, were) = if refused == 1 {
        ("character", "was")
    } else {
        ("characters", "were")
    };
    format!(
        "An answer holds at most {} characters: the first {} characters you typed are kept, and the other {} {characters} {were} not taken.",
        super::grouped(limit),
        super::grouped(kept),
        super::grouped(refused)
    )
}
