//! The tutor's screens.

use super::format::*;

pub const NOTES_HEADING: &str = "Notes";
pub const ANSWER_PLACEHOLDER: &str = "Press Enter to write your reflection.";
pub const QUESTIONS_HEADING: &str = "Take-away questions";
/// In the reader's foot while the section goes on below the screen.
pub const MORE_BELOW: &str = "↓ more below";
/// In the completion screen's foot while it is scrolled down from its top.
pub const MORE_ABOVE: &str = "↑ more above";
pub const NOTHING_TO_SAVE: &str = "Everything is saved.";

/// Why an export could not be recorded in exports.ron (after the path of
/// its lock): the log itself was written.
pub const EXPORTS_RECORD_BUSY: &str = "another casebook has held it for more than two seconds (one stopped half-way, perhaps); close that one and \
export again to record this log";

/// Said (as why console events are not watched) only if casebook set its
/// Windows console handler twice, which it never should.
pub const CONSOLE_HANDLER_TWICE: &str = "the console handler was already set";

/// After an error in a console window of casebook's own (a double-clicked
/// casebook.exe), which would otherwise close before it could be read.
pub const PRESS_ENTER_TO_CLOSE: &str = "Press Enter to close this window.";
pub const PROFILE_SAVED: &str = "Profile saved.";
pub const SKIPPED: &str = "Question skipped. You can come back and answer it at any time.";
pub const QUESTIONS_STILL_OPEN: &str = "Some questions are still open: answer or skip them to complete the module.";
pub const READ_ONLY_NO_EDIT: &str = "The file holding your answers to this module could not be read, so it is open read-only: nothing you type here would be saved.";
pub const WELCOME_TITLE: &str = "Welcome to casebook";
pub const WELCOME: &str = "casebook takes you through the case examples of HM Inspectorate of Probation's \
effective practice guide one section at a time. At the take-away questions it pauses for your reflections, \
and at the end it can export a reflective log for supervision.";
pub const PROFILE_INTRO: &str = "Your name, role, team and supervisor appear at the top of an exported log. \
All are optional: leave any blank.";
/// On the welcome, where the learner cannot yet know how to come back.
pub const PROFILE_INTRO_FIRST: &str = "Your name, role, team and supervisor appear at the top of an exported log. \
All are optional: leave any blank. Press u on the home screen to change them later.";
pub const STORAGE_WHERE: &str = "Your reflections are kept only on this computer, in:";
pub const STORAGE_NEVER: &str =
    "Write about your own practice: never anything that could identify a real child, family, victim or colleague.";
pub const PROFILE_TITLE: &str = "Your profile";
pub const PROFILE_LABELS: [&str; 4] = ["Name", "Role", "Team", "Supervisor"];
pub const TOO_SMALL_HINT: &str = "Make the window larger, or press q to quit.";
pub const NO_COURSES: &str = "No courses could be loaded. Run \"casebook validate\" to see why.";
pub const ANSWER_TITLE: &str = "Your reflection";
pub const ACTION_POINT_BOX: &str = "Your action point";
pub const ACTION_POINT_TITLE: &str = "Action point: what will I do differently, and by when?";
pub const COMPLETE_TITLE: &str = "Module complete";
/// Above the answer box; the keys to answer it are in the foot.
pub const SKIP_PROMPT: &str = "This question has no answer yet. Skip it for now?";
/// On the answer box's edge when the question above it does not fit.
pub const QUESTION_MORE: &str = "more: Ctrl-↓";
pub const QUESTION_BACK: &str = "Ctrl-↑ back";
/// On the answer box's lower edge while reading, when it holds more.
pub const ANSWER_MORE: &str = "↓ more below (PgDn)";
pub const ANSWER_BACK: &str = "↑ more above (PgUp)";
pub const ANSWER_MORE_SHORT: &str = "↓ more";
pub const ANSWER_BACK_SHORT: &str = "↑ more";
pub const SAVED_MARK: &str = "saved";
pub const SAVING_MARK: &str = "saving…";
pub const NOT_SAVED_MARK: &str = "NOT SAVED";
pub const NO_ROOM_FOR_PROMPTS: &str = "No room for the prompts here: make the window taller.";
pub const PROMPTS_MORE: &str = "more prompts: Ctrl-↓";

/// "3/5 read · 1/2 answered".
pub fn progress_short(read: usize, sections: usize, answered: Option<(usize, usize)>) -> String {
    match answered {
        Some((answered, questions)) => format!("{read}/{sections} read · {answered}/{questions} answered"),
        None => format!("{read}/{sections} read"),
    }
}

pub fn time_spent(seconds: u64) -> String {
    format!("Time spent: {}", duration(seconds))
}

pub fn time_spent_short(seconds: u64) -> String {
    format!("time spent {}", duration(seconds))
}

pub fn answers_written(answered: usize, questions: usize, skipped: usize) -> String {
    format!("Answers written: {answered} of {questions} ({skipped} skipped)")
}

pub const NO_ACTION_POINT: &str = "None yet. Press a to write one (optional).";

pub fn briefing(title: &str) -> String {
    format!("Briefing: {title}")
}

pub fn briefing_status(symbol: &str, word: &str) -> String {
    format!("briefing {symbol} {word}")
}

pub fn last_visit(when: &str) -> String {
    format!("last visit {when}")
}

pub fn course_of(number: usize, total: usize) -> String {
    format!("  (course {number} of {total})")
}

pub fn about_minutes(minutes: u32) -> String {
    format!("about {minutes} min")
}

pub fn section_of(number: usize, total: usize) -> String {
    format!("Section {number} of {total}")
}

pub fn question_of(number: usize, total: usize) -> String {
    format!("Question {number} of {total}")
}
pub const GIBBS_TITLE: &str = "Reflective prompts (Gibbs cycle)";
pub const GIBBS: [(&str, &str); 6] = [
    (
        "Description",
        "What happened in the case, or in your own practice that it brought to mind?",
    ),
    ("Feelings", "What were you thinking and feeling, then and now?"),
    ("Evaluation", "What was good and what was bad about the experience?"),
    (
        "Analysis",
        "What sense can you make of it? What helped, what got in the way?",
    ),
    ("Conclusion", "What else could you have done?"),
    (
        "Action plan",
        "If it arose again, what would you do? What will you change, and by when?",
    ),
];

/// `windows_local`: the folder is Windows's local application data (managed
/// PCs copy the roaming profile to a server, and the learner should know).
pub fn storage_sentence(data_dir: &str, windows_local: bool) -> String {
    let local = windows_local;
    let where_on_windows = if local {
        " (your local application data, which Windows does not copy to a server with a roaming profile)"
    } else {
        ""
    };
    format!(
        "Your reflections are kept only on this computer, in {data_dir}{where_on_windows}. Write about your own \
practice: never anything that could identify a real child, family, victim or colleague."
    )
}

pub fn too_small(width: u16, height: u16, min_width: u16, min_height: u16) -> String {
    format!("Terminal too small ({width} x {height}); needs at least {min_width} x {min_height}.")
}

pub fn read_only_journal(problem: &str) -> String {
    format!(
        "Read-only: the file holding your answers to this module could not be read ({problem}). It has been left untouched; \
press x on the home screen to set it aside and start the module afresh."
    )
}

pub fn set_aside(path: &str) -> String {
    format!("The damaged file of answers was kept as {path}; the module starts afresh.")
}

pub fn not_saved(reason: &str) -> String {
    format!("NOT SAVED: {reason}. Your text is kept here and casebook keeps trying; Ctrl-S tries now.")
}

/// After a kill, a crash or a lost terminal (autosave runs seconds after each pause).
pub const RECOVERED: &str = "casebook was not closed normally; your text is back as of its last save.";

/// The start-up notice after an abnormal end, naming the modules whose
/// drafts were open (their editors reopen with the text as last saved).
pub fn recovered(modules: &[String]) -> String {
    match modules {
        [] => RECOVERED.to_owned(),
        [one] => format!("casebook was not closed normally; your draft in {one} is back as of its last save."),
        [init @ .., last] => format!(
            "casebook was not closed normally; your drafts in {} and {last} are back as of their last save.",
            init.join(", ")
        ),
    }
}

pub const CANNOT_SKIP_ANSWERED: &str =
    "This question has an answer, so it cannot be skipped. To withdraw it, delete its text.";

pub fn section_still_unread(number: usize) -> String {
    format!("Section {number} has not been read to its end yet: scroll down to finish it and complete the module.")
}

/// The home screen's foot: where Enter takes the learner back to.
pub fn continue_at(module: &str, place: &str) -> String {
    format!("Continue: {module} — {place}")
}

pub fn place_question(number: usize) -> String {
    format!("question {number}")
}

pub fn place_section(number: usize, total: usize) -> String {
    format!("section {number} of {total}")
}

pub const NO_UNANSWERED: &str = "Every question in this module has an answer.";
pub const NOT_STUDIED_YET: &str = "You have not started this module yet: press Enter to open it.";

pub const QUIT_NOT_SAVED: &str = "Your latest text is NOT SAVED, so casebook has not quit. Fix the problem shown \
and press Ctrl-S, or press Ctrl-Q to quit and lose the unsaved text.";

pub const STATUS_NOT_STARTED: &str = "not started";
pub const STATUS_IN_PROGRESS: &str = "in progress";
pub const STATUS_COMPLETE: &str = "complete";

/// `complete`, or `complete · 1 skipped`: complete with questions skipped
/// is not the same as every question answered.
pub fn status_complete(skipped: usize) -> String {
    if skipped == 0 {
        STATUS_COMPLETE.to_owned()
    } else {
        format!("{STATUS_COMPLETE} · {skipped} skipped")
    }
}
pub const SYMBOL_NOT_STARTED: &str = "○";
pub const SYMBOL_IN_PROGRESS: &str = "◐";
pub const SYMBOL_COMPLETE: &str = "✓";
pub const SYMBOL_ANSWERED: &str = "●";
pub const SYMBOL_SKIPPED: &str = "⊘";

/// Every symbol the tutor draws, as one set, so that the ASCII fallback
/// swaps them all together. Each is one column wide in both sets, so
/// nothing moves.
#[derive(Debug, PartialEq, Eq)]
pub struct Symbols {
    pub not_started: &'static str,
    pub in_progress: &'static str,
    pub complete: &'static str,
    pub answered: &'static str,
    pub skipped: &'static str,
    /// The box or row with the focus.
    pub pointer: &'static str,
    /// The module selected in the home list.
    pub selected: &'static str,
}

pub const UNICODE_SYMBOLS: Symbols = Symbols {
    not_started: SYMBOL_NOT_STARTED,
    in_progress: SYMBOL_IN_PROGRESS,
    complete: SYMBOL_COMPLETE,
    answered: SYMBOL_ANSWERED,
    skipped: SYMBOL_SKIPPED,
    pointer: "▶",
    selected: "▸",
};

/// For consoles that show the others as boxes (the classic Windows console).
pub const ASCII_SYMBOLS: Symbols = Symbols {
    not_started: "o",
    in_progress: "~",
    complete: "+",
    answered: "*",
    skipped: "x",
    pointer: ">",
    selected: ">",
};

pub fn symbols(ascii: bool) -> &'static Symbols {
    if ascii { &ASCII_SYMBOLS } else { &UNICODE_SYMBOLS }
}
pub const WORD_ANSWERED: &str = "answered";
pub const WORD_SKIPPED: &str = "skipped";
pub const WORD_OPEN: &str = "not answered";

pub const HELP_TITLE: &str = "Keys";
pub const HELP_CLOSE: &str = "Press any key to close this help.";
pub const HELP_SCROLL: &str = "↑↓ more · any other key closes";

/// Typing or a paste met the most a box holds: how much was not taken.
pub fn text_limit_reached(limit: usize, refused: usize) -> String {
    let (characters, were) = if refused == 1 {
        ("character", "was")
    } else {
        ("characters", "were")
    };
    format!(
        "This box is full: it holds at most {} characters, so {} {characters} you typed or pasted {were} not taken.",
        super::grouped(limit),
        super::grouped(refused)
    )
}
