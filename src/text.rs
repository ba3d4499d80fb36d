//! Every message casebook shows a user, kept together so it reads as one
//! voice: plain British English, as the guide is written.

use std::path::Path;

pub const NO_DATA_DIR: &str = "casebook cannot find a home folder to keep your data in. \
Give it one with --data-dir DIR (or set CASEBOOK_DATA_DIR).";

pub fn validate_summary(courses: usize, modules: usize, errors: usize, warnings: usize) -> String {
    let plural = |count: usize, word: &str| {
        if count == 1 {
            format!("{count} {word}")
        } else {
            format!("{count} {word}s")
        }
    };
    if errors == 0 && warnings == 0 {
        format!(
            "{} and {} checked: no problems found.",
            plural(courses, "course"),
            plural(modules, "module")
        )
    } else {
        format!(
            "{} and {} checked: {}, {}.",
            plural(courses, "course"),
            plural(modules, "module"),
            plural(errors, "error"),
            plural(warnings, "warning")
        )
    }
}

pub fn id_is_windows_device(what: &str, id: &str) -> String {
    format!(
        "{what} id \"{id}\" is a name Windows keeps for a device (CON, PRN, AUX, NUL, COM1 to COM9, LPT1 to LPT9), \
so its journal could never be saved on Windows: choose another id (for example \"{id}-case\")"
    )
}

pub fn content_problems(errors: usize) -> String {
    format!("{errors} problem(s) in the course files kept some modules out; run \"casebook validate\" to see them.")
}

pub fn module_not_found(name: &str) -> String {
    format!("There is no module \"{name}\". Run \"casebook list\" to see the modules and their ids.")
}

pub fn module_ambiguous(name: &str, candidates: &[String]) -> String {
    format!(
        "\"{name}\" names a module in more than one course; say which: {}.",
        candidates.join(", ")
    )
}

// ------------------------------------------------------------------ tutor

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
pub const READ_ONLY_NO_EDIT: &str =
    "This module's journal could not be read, so it is open read-only: nothing you type here would be saved.";
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
pub const QUESTION_MORE: &str = "Ctrl-↓ more";
pub const QUESTION_BACK: &str = "Ctrl-↑ back";
pub const SAVED_MARK: &str = "saved";
pub const SAVING_MARK: &str = "saving…";
pub const NOT_SAVED_MARK: &str = "NOT SAVED";
pub const NO_ROOM_FOR_PROMPTS: &str = "No room for the prompts here: make the window taller.";
pub const PROMPTS_MORE: &str = "Ctrl-↓ more prompts";

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

pub fn storage_sentence(data_dir: &str) -> String {
    // Managed Windows PCs copy the roaming profile to a server; casebook's
    // own folder there is the local one, and the learner should know.
    let local = cfg!(windows)
        && crate::folder::DataPaths::resolve(None)
            .is_some_and(|default| default.root().display().to_string() == data_dir);
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
        "Read-only: this module's journal could not be read ({problem}). It has been left untouched; \
press x on the home screen to set it aside and start the module afresh."
    )
}

pub fn set_aside(path: &str) -> String {
    format!("The damaged journal was kept as {path}; the module starts afresh.")
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

/// Study time as a person says it, to the nearest minute like the exported
/// log: "less than a minute", "12 min", "1 h 05 min".
pub fn duration(seconds: u64) -> String {
    let minutes = seconds.saturating_add(30) / 60;
    match minutes {
        0 => "less than a minute".to_owned(),
        1..=59 => format!("{minutes} min"),
        _ => format!("{} h {:02} min", minutes / 60, minutes % 60),
    }
}

pub fn words(count: usize) -> String {
    if count == 1 {
        "1 word".to_owned()
    } else {
        format!("{} words", grouped(count))
    }
}

/// 17284 -> "17,284", as numbers are written in British English.
pub fn grouped(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

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

/// The words of the key tables in `tui::keymap`: how the `?` help names
/// each row's keys and what they do (`help`), and the footers' short hints
/// (`hint`: the key as shown, then the word).
pub mod keys {
    pub type Help = (&'static str, &'static str);
    pub type Hint = (&'static str, &'static str);

    pub const HOME_MOVE: Help = (
        "↑ ↓ ← → / h j k l",
        "choose a module (arrows move across the grid on wide screens)",
    );
    pub const HOME_OPEN: Help = ("Enter", "open the module where you left it");
    pub const HOME_ENDS: Help = ("Home / End", "first / last module");
    pub const HOME_COURSE: Help = ("Tab / c", "next course (when there is more than one)");
    pub const HOME_PROFILE: Help = ("u", "your profile (name, role, team, supervisor)");
    pub const HOME_EXPORT: Help = ("e", "export a reflective log of every module you have studied");
    pub const HOME_UNANSWERED: Help = (
        "o",
        "go to the module's first question without an answer (skipped or not yet reached)",
    );
    pub const HOME_SET_ASIDE: Help = (
        "x",
        "set aside a journal that cannot be read (kept, renamed), to start that module afresh",
    );
    pub const HOME_SAVE: Help = ("Ctrl-S", "save now (casebook also saves as you go)");
    pub const HELP: Help = ("? / F1", "this help");
    pub const HOME_QUIT: Help = ("q", "quit (everything is saved first)");

    pub const TEXT_NEXT: Help = (
        "→ / l / n",
        "next section; at take-away questions, the first open question",
    );
    pub const TEXT_PREVIOUS: Help = ("← / h / p", "previous section");
    pub const TEXT_SCROLL: Help = ("↓ ↑ / j k", "scroll a line");
    pub const TEXT_PAGE: Help = ("PgDn Ctrl-F / PgUp b", "scroll a page");
    pub const TEXT_SPACE: Help = ("Space", "a page down; at the end of the section, on to the next");
    pub const TEXT_ENDS: Help = ("Home g / End G", "top / bottom of the section");
    pub const TEXT_WRITE: Help = ("Enter", "start answering the selected question");
    pub const TEXT_TAB: Help = ("Tab", "move to the questions");
    pub const PROMPTS: Help = ("Ctrl-G", "show or hide reflective prompts (Gibbs cycle)");
    pub const SCROLL_ABOVE: Help = (
        "Ctrl-↑ / Ctrl-↓",
        "scroll the prompts, or a question too long for its space",
    );
    pub const SAVE: Help = ("Ctrl-S", "save now");
    pub const READER_BACK: Help = ("q / Esc", "back to the home screen (saved)");

    pub const QUESTIONS_MOVE: Help = ("↓ ↑ / j k", "choose a question");
    pub const QUESTIONS_WRITE: Help = (
        "Enter / a",
        "write (or go on writing) the answer to the selected question",
    );
    pub const QUESTIONS_NEXT: Help = ("→ / l / n", "next question; after the last, the next section");
    pub const QUESTIONS_PREVIOUS: Help = ("← / h / p", "previous question (from the first, back to the text)");
    pub const QUESTIONS_SKIP: Help = ("s", "skip the selected question (you can answer it later)");
    pub const QUESTIONS_TAB: Help = ("Tab", "back to the text");

    pub const SKIP_YES: Help = ("y / s / Enter", "skip the question for now");
    pub const SKIP_ANSWER: Help = ("a", "answer it instead");
    pub const SKIP_STAY: Help = ("Esc", "stay on the question (so does any other key)");

    pub const EDITOR_DONE: Help = ("Esc", "stop writing (your text is kept and saved)");
    pub const EDITOR_TAB: Help = ("Tab", "back to the text, to read while you write");
    pub const EDITOR_MOVE: Help = ("arrows, Home, End", "move by character, line, start and end of line");
    pub const EDITOR_WORD: Help = ("Ctrl-← / Ctrl-→", "move by word");
    pub const EDITOR_ENDS: Help = ("Ctrl-Home / Ctrl-End", "start / end of your text");
    pub const EDITOR_PAGE: Help = ("PgUp / PgDn", "move a boxful up / down");
    pub const EDITOR_DELETE: Help = (
        "Ctrl-W / Ctrl-K / Ctrl-U",
        "delete the word before / to paragraph end / to its start",
    );
    pub const EDITOR_UNDO: Help = ("Ctrl-Z / Ctrl-Y", "undo / redo");
    pub const EDITOR_SAVE: Help = ("Ctrl-S", "save now (drafts also save a second or two after you pause)");
    pub const EDITOR_PROMPTS: Help = ("Ctrl-G", "reflective prompts (Gibbs cycle)");
    pub const EDITOR_PASTE: Help = ("paste", "paste as usual in your terminal");
    pub const EDITOR_HELP: Help = ("F1", "this help");
    pub const QUIT_APP: Help = ("Ctrl-C", "save and quit");

    pub const COMPLETION_WRITE: Help = ("Enter / a", "write or change your action point");
    pub const COMPLETION_EXPORT: Help = ("e", "export this module's reflective log");
    pub const COMPLETION_UNANSWERED: Help = (
        "o",
        "go to the first question without an answer (skipped or not yet reached)",
    );
    pub const COMPLETION_AGAIN: Help = ("r", "read the module again from the start");
    pub const COMPLETION_BACK: Help = ("q / Esc / ← / h", "back to the home screen");
    pub const COMPLETION_PAGE: Help = ("PgDn Space Ctrl-F / PgUp b", "scroll a page");
    pub const COMPLETION_ENDS: Help = ("Home g / End G", "top / bottom of the screen");
    pub const ACTION_POINT_DONE: Help = ("Esc", "stop writing the action point (kept and saved)");

    pub const PROFILE_NEXT: Help = ("Tab / ↓ / Enter", "next field");
    pub const PROFILE_PREVIOUS: Help = ("Shift-Tab / ↑", "previous field");
    pub const PROFILE_DONE: Help = (
        "Enter on the last field / Esc",
        "done: what you typed is saved (every field may stay blank)",
    );

    pub const EXPORT_FORMAT: Help = ("Tab / Shift-Tab", "next / previous format");
    pub const EXPORT_ROWS: Help = ("↑ ↓", "move between the period, its dates and the file");
    pub const EXPORT_PERIOD: Help = (
        "← →",
        "on the period: everything, this month, since the last export, or dates",
    );
    pub const EXPORT_WRITE: Help = ("Enter", "write the log to the file named");
    pub const EXPORT_CANCEL: Help = ("Esc", "close without writing");
    pub const EXPORT_SUGGESTION: Help = ("Ctrl-N", "use the free name suggested, when the file exists");

    pub const HINT_OPEN: Hint = ("Enter", "open");
    pub const HINT_SKIPPED: Hint = ("o", "skipped questions");
    pub const HINT_EXPORT: Hint = ("e", "export");
    pub const HINT_PROFILE: Hint = ("u", "profile");
    pub const HINT_IMPORT_REVIEW: Hint = ("i", "import review");
    pub const HINT_HELP: Hint = ("?", "help");
    pub const HINT_F1_HELP: Hint = ("F1", "help");
    pub const HINT_QUIT: Hint = ("q", "quit");
    pub const HINT_HOME: Hint = ("q", "home");
    pub const HINT_NEXT: Hint = ("→", "next");
    pub const HINT_ANSWER: Hint = ("→", "answer");
    pub const HINT_BACK: Hint = ("←", "back");
    pub const HINT_SCROLL: Hint = ("↓↑", "scroll");
    pub const HINT_QUESTIONS: Hint = ("Tab", "questions");
    pub const HINT_WRITE: Hint = ("Enter", "write");
    pub const HINT_SKIP: Hint = ("s", "skip");
    pub const HINT_TEXT: Hint = ("Tab", "text");
    pub const HINT_DONE: Hint = ("Esc", "done");
    pub const HINT_UNDO: Hint = ("Ctrl-Z", "undo");
    pub const HINT_PROMPTS: Hint = ("Ctrl-G", "prompts");
    pub const HINT_ACTION_POINT: Hint = ("a", "action point");
    pub const HINT_AGAIN: Hint = ("r", "read again");
    pub const HINT_DONE_SAVED: Hint = ("Esc", "done (saved)");
    pub const HINT_NEXT_FIELD: Hint = ("Tab", "next");
    pub const HINT_FORMAT: Hint = ("Tab", "format");
    pub const HINT_EXPORT_WRITE: Hint = ("Enter", "write");
    pub const HINT_CANCEL: Hint = ("Esc", "cancel");
    pub const HINT_ROWS: Hint = ("↑↓", "period");
    pub const HINT_SUGGESTION: Hint = ("Ctrl-N", "use the free name");
    pub const HINT_SKIP_YES: Hint = ("y", "skip");
    pub const HINT_SKIP_ANSWER: Hint = ("a", "answer");
    pub const HINT_SKIP_STAY: Hint = ("Esc", "stay");

    pub const HOME_IMPORT_REVIEW: Help = ("i", "import a supervisor's or peer's review of a log");
    pub const QUESTIONS_REVIEWED: Help = (
        "w",
        "show the wording your reviewer read, for an answer edited since (w again: as it is now)",
    );
    pub const REVIEW_IMPORT_FIELDS: Help = (
        "Tab / Shift-Tab / ↑ ↓",
        "move between the review file and the allowed signers",
    );
    pub const REVIEW_IMPORT_GO: Help = ("Enter", "check the review and import it");
    pub const REVIEW_IMPORT_CANCEL: Help = ("Esc", "close without importing");
    pub const HINT_IMPORT_GO: Hint = ("Enter", "import");
    pub const HINT_IMPORT_FIELDS: Hint = ("Tab", "next");

    pub const REVIEW_PAGES: Help = ("Tab / Shift-Tab", "next / previous page (what you typed is kept)");
    pub const REVIEW_SCROLL: Help = ("Ctrl-↑ / Ctrl-↓", "scroll the reflection above the box");
    pub const REVIEW_LEAVE: Help = ("Esc", "leave without writing the review (asks first)");
    pub const REVIEW_WRITE: Help = ("Enter", "write the review (and sign it, with --sign-with)");
    pub const REVIEW_LEAVE_YES: Help = ("y", "leave: nothing is written");
    pub const REVIEW_LEAVE_NO: Help = ("n / Esc", "stay and carry on");
    pub const HINT_REVIEW_NEXT: Hint = ("Tab", "next");
    pub const HINT_REVIEW_BACK: Hint = ("Shift-Tab", "back");
    pub const HINT_REVIEW_SCROLL: Hint = ("Ctrl-↓", "scroll");
    pub const HINT_REVIEW_LEAVE: Hint = ("Esc", "leave");
    pub const HINT_REVIEW_WRITE: Hint = ("Enter", "write the review");
    pub const HINT_REVIEW_LEAVE_YES: Hint = ("y", "leave");
    pub const HINT_REVIEW_STAY: Hint = ("n", "stay");
    pub const COMPLETION_CPD: Help = ("c", "make a CPD record of this module");
    pub const HINT_CPD: Hint = ("c", "CPD record");
    pub const CPD_NEXT_BOX: Help = ("Tab / Shift-Tab", "next / previous box");
    pub const CPD_USE_REVIEW: Help = ("Ctrl-R", "start the peer reflection from your peer's review comments");
    pub const CPD_MAKE: Help = ("Ctrl-S", "make the record and save it");
    pub const CPD_CLOSE: Help = ("Esc", "close (your text is kept until the record is made)");
    pub const HINT_NEXT_BOX: Hint = ("Tab", "next box");
    pub const HINT_USE_REVIEW: Hint = ("Ctrl-R", "use review");
    pub const HINT_MAKE_RECORD: Hint = ("Ctrl-S", "make record");
    pub const HINT_CLOSE: Hint = ("Esc", "close");
}

pub const HELP_TITLE: &str = "Keys";
pub const HELP_CLOSE: &str = "Press any key to close this help.";
pub const HELP_SCROLL: &str = "↑↓ more · any other key closes";

// ------------------------------------------------------------------ plain mode

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
pub const PLAIN_INTERRUPTED: &str = "Stopped. What you typed, including an answer you had not finished, is \
saved: run the same command again to read it back and carry on.";
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

pub fn plain_end(answered: usize, total: usize, path: &str) -> String {
    format!("End of module. {answered} of {total} questions answered. Your journal is saved in {path}.")
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

pub const NOTHING_TO_EXPORT: &str = "Nothing to export yet: study a module first.";
pub const EXPORT_TITLE: &str = "Export a reflective log";
pub const EXPORT_FORMAT: &str = "Format (Tab):";
pub const EXPORT_PERIOD: &str = "Period (←→):";
pub const EXPORT_FROM: &str = "From ";
pub const EXPORT_TO: &str = "To   ";
pub const EXPORT_FOLDER: &str = "Folder: ";
pub const EXPORT_FILE: &str = "File (never written over):";
pub const EXPORT_NONE_YET: &str = "No log exported yet, so:";
pub const EXPORT_NOTHING_IN_PERIOD: &str = "No module was studied in this period: choose another.";

pub fn period_name(period: crate::tui::model::Period) -> &'static str {
    use crate::tui::model::Period;
    match period {
        Period::All => "everything",
        Period::ThisMonth => "this month",
        Period::SinceLastExport => "since the last export",
        Period::Dates => "dates",
    }
}

/// Which modules the log will hold, by name.
pub fn export_includes(names: &[&str]) -> String {
    match names {
        [] => "No module was studied in this period.".to_owned(),
        [one] => format!("Includes 1 module: {one}."),
        _ => format!("Includes {} modules: {}.", names.len(), names.join("; ")),
    }
}

pub fn export_from_after_to(from: jiff::civil::Date, to: jiff::civil::Date) -> String {
    format!("The first day ({from}) is after the last ({to}): change one of them.")
}

pub fn export_suggestion(name: &str) -> String {
    format!("{name} is free: Ctrl-N to use it.")
}

pub fn log_written(path: &str) -> String {
    format!("Log written to {path}")
}

// ------------------------------------------------------------------ data files

pub const FILE_MISSING: &str = "there is no such file";
pub const FILE_IS_LINK: &str =
    "it is a symbolic link, and casebook never reads or writes through a link in its data folder";
pub const KIND_FOLDER: &str = "a folder";
pub const KIND_PIPE: &str = "a named pipe";
pub const KIND_DEVICE: &str = "a device";
pub const KIND_SOCKET: &str = "a socket";
pub const KIND_LINK: &str = "a symbolic link";
pub const KIND_OTHER: &str = "something other than a file";

pub fn file_not_regular(kind: &str) -> String {
    format!("it is {kind}, not a regular file, so casebook did not open it")
}

pub fn file_too_large(limit_mib: u64) -> String {
    format!("it is larger than {limit_mib} MiB, the most casebook reads for a file of this kind, so it was not read")
}

/// An input/output error's own words, without the "(os error N)" after them.
pub fn io_reason(error: &std::io::Error) -> String {
    let words = error.to_string();
    match words.rfind(" (os error ") {
        Some(at) if words.ends_with(')') => words[..at].to_owned(),
        _ => words,
    }
}

pub fn not_a_folder(path: &str) -> String {
    format!("{path} is not a folder")
}

/// An id or key from a file, shown quoted with anything odd escaped, and cut
/// short: the file may have been written to mislead.
fn quoted(value: &str) -> String {
    let short: String = value.chars().take(60).collect();
    let ellipsis = if short.len() < value.len() { "…" } else { "" };
    format!("{short:?}{ellipsis}")
}

pub fn journal_damaged(reason: &str) -> String {
    format!(
        "casebook cannot make sense of the file from here on ({reason}); it may be damaged, cut short or edited by hand"
    )
}

pub fn journal_misplaced(course: &str, module: &str) -> String {
    format!(
        "this journal belongs to module {} of course {}, so it was probably copied or renamed here by hand",
        quoted(module),
        quoted(course)
    )
}

pub fn unsafe_id(course: &str, module: &str) -> String {
    format!(
        "the course id {} or module id {} is not a plain name, so casebook will not make a file from it",
        quoted(course),
        quoted(module)
    )
}

pub fn key_given_twice(key: &str) -> String {
    format!(
        "{} is given twice, so one of its two entries would be lost",
        quoted(key)
    )
}

/// `list`'s progress column for a journal that cannot be read; the reason
/// follows on a line of its own.
pub const LIST_UNREADABLE: &str = "cannot be read";

pub fn list_unreadable_detail(problem: &str) -> String {
    format!(
        "{problem}.\nIt is left untouched. To start this module afresh, open casebook, choose the module and press x to set the file aside."
    )
}

pub fn plain_journal_unreadable(problem: &str) -> String {
    format!(
        "This module's journal cannot be read, so casebook has not opened the module: {problem}.\n\
The file is left untouched. To start the module afresh, open casebook (without --plain), choose the module \
and press x to set the file aside; or move the file out of the way yourself."
    )
}

pub fn data_dir_not_folder(path: &str) -> String {
    format!(
        "casebook cannot keep your reflections in {path}: it is not a folder.\nChoose a folder with --data-dir DIR (or set CASEBOOK_DATA_DIR)."
    )
}

pub fn data_dir_shared(path: &str, mode: u32) -> String {
    format!(
        "casebook will not keep your reflections in {path}: other people can write to it (its permissions are {mode:04o}), \
so they could change or replace your files.\nMake it private with: chmod 700 {path}"
    )
}

pub fn data_dir_foreign(path: &str) -> String {
    format!(
        "casebook will not keep your reflections in {path}: the folder belongs to another user, who could read or change your files.\n\
Use a folder of your own with --data-dir DIR (or set CASEBOOK_DATA_DIR)."
    )
}

pub const LOCK_HARD_LINKED: &str =
    "it has another name elsewhere (a hard link), so emptying it would empty that file too";

pub fn lock_refused(path: &str, reason: &str) -> String {
    format!(
        "casebook will not use {path} as its lock file: {reason}.\nNothing was changed. Remove it (rm {path}) and start casebook again."
    )
}

pub fn stdout_failed(reason: &str) -> String {
    format!("casebook could not write its output: {reason}.")
}

pub const NOT_FILE_OR_FOLDER: &str =
    "this is neither a file nor a folder (a device or a named pipe, perhaps); give a course folder or a .ron file";

pub fn profile_damaged(problem: &str) -> String {
    format!("Your profile could not be read ({problem}); it is left untouched and changes to it will not be saved.")
}

// ------------------------------------------------------------------ unsafe characters

/// How a character a terminal would obey is shown instead: `<U+001B>`.
pub fn shown_character(character: char) -> String {
    format!("<U+{:04X}>", u32::from(character))
}

/// The name of a character `validate` reports, where it has a common one.
fn character_name(character: char) -> Option<&'static str> {
    Some(match character {
        '\u{0}' => "null",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\r' => "carriage return",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{85}' => "next line",
        '\u{90}' => "device control string",
        '\u{9b}' => "control sequence introducer",
        '\u{9c}' => "string terminator",
        '\u{9d}' => "operating system command",
        '\u{202a}' => "left-to-right embedding",
        '\u{202b}' => "right-to-left embedding",
        '\u{202c}' => "pop directional formatting",
        '\u{202d}' => "left-to-right override",
        '\u{202e}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{200b}' => "zero-width space",
        '\u{200c}' => "zero-width non-joiner",
        '\u{200d}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{feff}' => "zero-width no-break space (byte-order mark)",
        _ => return None,
    })
}

/// `validate`'s message for a character course text may not (or should
/// not) hold; `escaped` when it is written as an escape such as `\u{1b}`.
pub fn content_character(character: char, what: &str, escaped: bool) -> String {
    let code = format!("U+{:04X}", u32::from(character));
    let named = match character_name(character) {
        Some(name) => format!("{code} ({name})"),
        None => code,
    };
    let how = if escaped { ", written as an escape," } else { "" };
    if crate::sanitise::is_bidi_control(character) {
        format!(
            "bidirectional control character {named}{how} in {what}: it can make text read in a different order \
from the one it is written in; remove it"
        )
    } else if crate::sanitise::is_neutralised(character) {
        format!("control character {named}{how} in {what}: a terminal could obey it instead of showing it; remove it")
    } else {
        format!(
            "invisible character {named}{how} in {what}: it cannot be seen on screen, so check it is meant to be there \
and remove it if not"
        )
    }
}

// The supervision round trip: `review`, `import-review`, `exports` and
// `verify REVIEW`.

fn shown_date(date: jiff::civil::Date) -> String {
    crate::export::words::date(date)
}

pub fn cannot_read_path(path: &Path, reason: &str) -> String {
    format!("Cannot read {}: {reason}.", path.display())
}

pub const STDOUT_GONE: &str = "Standard output could not be written, so casebook stopped.";

pub fn review_log_changed(path: &Path) -> String {
    format!(
        "{}: the log's digest does not match: it was changed after it was exported, so it is not reviewed. \
Ask the learner for a fresh export (casebook export --format json).",
        path.display()
    )
}

pub fn review_log_no_digest(path: &Path) -> String {
    format!(
        "{}: no casebook digest found, so this is not a log casebook exported. \
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

pub fn review_intro(log_id: &str, learner: Option<&str>, reflections: usize, modules: usize) -> String {
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
    format!(
        "Reviewing log {log_id} by {learner}: {reflections} in {modules}.\n\
The log's digest matches: it has not been changed by accident or casually since it was exported \
(a digest does not stop a determined forger)."
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

pub fn review_reflection(number: usize, total: usize, question: &str, reflection: &str) -> String {
    let indented: Vec<String> = reflection.lines().map(|line| format!("    {line}")).collect();
    format!(
        "\nReflection {number} of {total}. Question: {question}\nThe learner wrote:\n{}\nYour comment:",
        indented.join("\n")
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
        "Refused: the review is of log {log_id}, but its digest does not match the log you exported, so the log it \
reviewed was changed. Nothing was changed."
    )
}

pub fn review_module_not_in_log(module: &str, log_id: &str) -> String {
    format!("Refused: the review comments on {module}, which log {log_id} did not include. Nothing was changed.")
}

pub fn review_journal_unreadable(error: &str) -> String {
    format!("Cannot read a journal the review comments on, so nothing was imported: {error}.")
}

pub fn review_journal_not_saved(error: &str) -> String {
    format!("The review was stored, but a journal could not be saved: {error}. Run casebook import-review again.")
}

pub const REVIEW_UNSIGNED: &str = "The review is not signed.";

pub fn review_signed_unchecked(fingerprint: &str) -> String {
    format!(
        "Its signature matches, made by key {fingerprint}; that key was not checked against anyone \
(give --allowed-signers FILE to check it)."
    )
}

pub fn review_signed_by(fingerprint: &str, identities: &str) -> String {
    format!("Its signature matches, made by key {fingerprint}, allowed for {identities}.")
}

pub fn review_already_imported(reviewer: &str, date: jiff::civil::Date) -> String {
    format!(
        "This review by {reviewer} of {} was already imported; nothing new to add.",
        shown_date(date)
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
        shown_date(date)
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

pub fn verify_review_unsigned(path: &Path) -> String {
    format!(
        "{}: the review is not signed (no {} beside it), so nothing shows who wrote it or that it is unchanged.",
        path.display(),
        crate::review::imported::signature_path(path)
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default()
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
    format!("It is a review of {}, whose digest matches.", log.display())
}

pub fn verify_review_other_log(log: &Path, log_id: &str) -> String {
    format!(
        "It is not a review of {}: it reviews log {log_id}, and that log's id or digest differs.",
        log.display()
    )
}

pub fn verify_review_no_log(log_id: &str) -> String {
    format!("It reviews log {log_id}; name the log with --log FILE to check that it belongs to it.")
}

pub fn key_unreadable(path: &Path, reason: &str) -> String {
    format!("Cannot read the key {}: {reason}. Nothing was written.", path.display())
}

pub fn key_not_openssh(path: &Path, reason: &str) -> String {
    format!(
        "{} is not an OpenSSH private key ({reason}). Make one with: ssh-keygen -t ed25519 -f FILE",
        path.display()
    )
}

pub fn key_not_ed25519(path: &Path, algorithm: &str) -> String {
    format!(
        "{} is an {algorithm} key; casebook signs with ed25519 keys. Make one with: ssh-keygen -t ed25519 -f FILE",
        path.display()
    )
}

pub fn key_passphrase_prompt(path: &Path) -> String {
    format!("Passphrase for {}: ", path.display())
}

pub fn key_wrong_passphrase(path: &Path) -> String {
    format!(
        "The passphrase for {} is not right. Nothing was written.",
        path.display()
    )
}

pub const NO_TERMINAL_FOR_PASSPHRASE: &str = "The key has a passphrase, and there is no terminal to ask for it on. \
Run casebook review from a terminal, or set CASEBOOK_KEY_PASSPHRASE. Nothing was written.";

pub const PASSPHRASE_CANCELLED: &str = "No passphrase was given, so the review was not signed. Nothing was written.";

pub fn signing_failed(reason: &str) -> String {
    format!("Cannot sign the review: {reason}. Nothing was written.")
}

pub fn signers_unreadable(path: &Path, reason: &str) -> String {
    format!("Cannot read the allowed-signers file {}: {reason}.", path.display())
}

pub fn signers_bad_line(path: &Path, line: usize, column: usize, reason: &str) -> String {
    format!(
        "{}:{line}:{column}: {reason}; each line is: identities [options] ssh-ed25519 KEY [comment]",
        path.display()
    )
}

pub const SIGNERS_NO_KEY: &str = "no public key on this line";
pub fn signers_bad_time(option: &str) -> String {
    format!(
        "{option} is not a time ssh-keygen reads: \"YYYYMMDD\", \"YYYYMMDDHHMM\" or \"YYYYMMDDHHMMSS\", \
         in double quotes, ending in Z (or UTC) for UTC"
    )
}

pub const SIGNERS_NO_CERTIFICATES: &str = "casebook does not check certificate authorities (cert-authority)";

pub fn reviewed_by(name: &str, date: jiff::civil::Date) -> String {
    format!("reviewed by {name} on {}", shown_date(date))
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

pub fn plain_edited_after_review(reviewer: &str, date: jiff::civil::Date) -> String {
    format!(
        "Edited after review on {} by {reviewer}. The wording reviewed:",
        shown_date(date)
    )
}

pub fn plain_review_comment(reviewer: &str, peer: bool, date: jiff::civil::Date) -> String {
    let kind = if peer { "peer reflection" } else { "supervisor" };
    format!("Comment from {reviewer} ({kind}), {}:", shown_date(date))
}

// ------------------------------------------------------------------ CPD records

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

pub fn cpd_list_line(record: &crate::cpd::record::CpdRecord) -> String {
    let state = if record.submitted.is_some() {
        "submitted"
    } else {
        "not submitted"
    };
    format!(
        "{}  {}  {}  {}",
        record.id,
        cpd_dates(record.first_studied, record.last_studied),
        state,
        record.texts.title
    )
}

fn long_date(date: jiff::civil::Date) -> String {
    date.strftime("%-d %B %Y").to_string()
}

/// `casebook cpd`: the registration year at a glance.
pub fn cpd_glance(layout: &crate::cpd::layout::Layout, status: &crate::cpd::year::YearStatus) -> Vec<String> {
    let mut lines = vec![format!(
        "{}: registration year {} to {}",
        layout.title,
        long_date(status.start),
        long_date(status.deadline)
    )];
    let count = status.records.len();
    let mut records = format!("Records this year: {count} ({} marked submitted)", status.submitted);
    if let Some(needed) = layout.records_needed.filter(|needed| count < *needed) {
        records.push_str(&format!("; at least {needed} are needed"));
    }
    lines.push(records);
    if layout.peer_reflection_needed {
        lines.push(if status.with_peer_reflection > 0 {
            format!("Peer reflection: in {} record(s)", status.with_peer_reflection)
        } else {
            "Peer reflection: none yet; at least one record needs one".to_owned()
        });
    }
    lines.push(if status.without_impact.is_empty() {
        "Impact: every record says what difference the learning made".to_owned()
    } else {
        format!("Impact not yet written in: {}", status.without_impact.join(", "))
    });
    for (first, second) in &status.near_duplicates {
        lines.push(format!(
            "Records {first} and {second} are nearly the same: a regulator expects different records"
        ));
    }
    lines.push(match status.days_left {
        0 => format!("Deadline: today, {}, by 11.59pm", long_date(status.deadline)),
        1 => format!("Deadline: {}, by 11.59pm: 1 day left", long_date(status.deadline)),
        days => format!("Deadline: {}, by 11.59pm: {days} days left", long_date(status.deadline)),
    });
    lines
}
// ------------------------------------------------------------------ learning record store (xAPI)

fn statements_count(count: usize) -> String {
    if count == 1 {
        "1 statement".to_owned()
    } else {
        format!("{count} statements")
    }
}

pub fn lrs_endpoint_not_url(endpoint: &str) -> String {
    format!(
        "\"{endpoint}\" is not an LRS address casebook can use. Give the xAPI endpoint your LRS's administrator \
         gave you, such as https://lrs.example.org/xapi/ (no user name, password or ? in it)."
    )
}

pub fn lrs_endpoint_not_https(endpoint: &str) -> String {
    format!(
        "\"{endpoint}\" is not HTTPS: your records would cross the network unprotected. Use the https:// address \
         of your LRS (plain http:// is accepted only for an LRS on this machine: localhost or 127.0.0.1)."
    )
}

pub const LRS_KEY_INVALID: &str =
    "The key must not be empty or contain a colon (:). Use the key (user name) your LRS's administrator gave you.";

pub const LRS_SECRET_NEEDED: &str = "casebook needs the LRS secret: type it when asked (run casebook lrs set in a \
terminal), or put it in the CASEBOOK_LRS_SECRET environment variable. It is never taken from the command line, \
where other people on the machine could see it.";

pub const LRS_SECRET_NOT_TEXT: &str = "CASEBOOK_LRS_SECRET is not valid text (UTF-8); set it again.";

pub fn lrs_secret_prompt(key: &str) -> String {
    format!("Secret for {key} (not shown as you type): ")
}

pub fn lrs_secret_unread(reason: &str) -> String {
    format!("The secret could not be read from the terminal: {reason}. Set CASEBOOK_LRS_SECRET instead.")
}

pub fn lrs_settings_unreadable(problem: &str) -> String {
    format!(
        "The LRS settings could not be read ({problem}), so nothing is recorded or sent; the file is left as it is. \
         Fix it, or run \"casebook lrs forget\" and then \"casebook lrs set\" again."
    )
}

pub fn lrs_settings_unsaved(problem: &str) -> String {
    format!("The LRS settings could not be saved ({problem}); nothing was changed.")
}

pub fn lrs_set_summary(endpoint: &str, account: &str, home_page: &str, share_text: bool) -> String {
    let text = if share_text {
        "Reflection text: SENT. The words of each answer and action point you write from now on go to the LRS, \
         where the people who run it can read them. To stop, run \"casebook lrs set\" again without --share-text."
    } else {
        "Reflection text: not sent. Your answers and action points stay on this machine; the LRS learns only \
         that you answered. To send the words too, run \"casebook lrs set\" again with --share-text."
    };
    format!(
        "casebook will send your learning records to {endpoint}, as account \"{account}\" ({home_page}).\n\
         Sent: when you start a module, read a section, answer a question, set an action point and complete a \
         module, with the names of the module and question and your study time.\n\
         {text}\n\
         Records wait in the outbox in your data folder until they are sent (by the tutor as you study, or by \
         \"casebook sync\"). Run \"casebook lrs test\" to check the connection."
    )
}

pub fn lrs_text_withdrawn(count: usize) -> String {
    format!(
        "\nThe words were taken out of {} still waiting to be sent.",
        statements_count(count)
    )
}

pub const LRS_NOT_CONFIGURED: &str = "No LRS is configured, so casebook records and sends nothing. Set one up with \
\"casebook lrs set ENDPOINT --key KEY\" (see \"Sending records to your organisation\" in the README).";

pub const LRS_TIMED_OUT: &str = "no answer in time (timed out)";

pub fn lrs_untrusted(reason: &str) -> String {
    format!(
        "{reason}: this machine does not trust the LRS's certificate; ask your IT team to install your \
         organisation's certificate authority, or check the address"
    )
}

pub fn lrs_redirected(location: &str) -> String {
    format!(
        "the LRS answered with a redirect to {location}, which casebook does not follow; set that address as the endpoint if it is right"
    )
}

pub fn lrs_status_only(status: u16) -> String {
    format!("the LRS answered {status} and gave no reason")
}

pub const LRS_CONFLICT: &str =
    "the LRS already holds a different statement with this id (409); this one is kept here and not sent again";

/// In the tutor, short enough for its two rows at 80 columns.
pub fn records_refused(status: u16) -> String {
    format!(
        "Your LRS refused casebook's key and secret ({status}), so records are not being sent; they wait \
         in the outbox. Run \"casebook lrs set\" again."
    )
}

/// The home screen's foot once the LRS has refused casebook's key and secret.
pub const RECORDS_NOT_SENT: &str = "Records are not reaching your LRS: \"casebook sync --status\" says why.";

pub fn lrs_credentials_refused(endpoint: &str, status: u16) -> String {
    format!(
        "The LRS at {endpoint} refused the key and secret ({status}), so sending has stopped; your records wait \
         in the outbox. Check them with your LRS's administrator, then run \"casebook lrs set\" again."
    )
}

pub fn lrs_unreachable(endpoint: &str, reason: &str) -> String {
    format!(
        "The LRS at {endpoint} could not be reached ({reason}). Your records wait in the outbox and are sent \
         later; check the address and your network, or run \"casebook sync\" again."
    )
}

pub fn lrs_server_error(endpoint: &str, status: u16, reason: &str) -> String {
    let reason = reason.trim();
    let reason: String = reason.chars().take(300).collect();
    format!(
        "The LRS at {endpoint} answered {status} ({reason}). Your records wait in the outbox and are sent later; \
         if this goes on, check the address with your LRS's administrator."
    )
}

pub fn lrs_about_failed(endpoint: &str, status: u16, reason: &str) -> String {
    format!(
        "{endpoint}about answered {status}, not an LRS's description of itself ({}). Check the endpoint: it is \
         the xAPI address, usually ending in /xapi/ or /xAPI/.",
        reason.trim().chars().take(200).collect::<String>()
    )
}

pub fn lrs_answers(endpoint: &str, versions: &[String]) -> String {
    if versions.is_empty() {
        format!("The LRS at {endpoint} answers.")
    } else {
        format!("The LRS at {endpoint} answers (xAPI {}).", versions.join(", "))
    }
}

pub fn lrs_signed_in(key: &str, share_text: bool) -> String {
    let text = if share_text {
        "the words of your answers and action points are sent"
    } else {
        "the words of your answers and action points are not sent"
    };
    format!("It accepts the key {key} and its secret; {text}.")
}

pub const LRS_NOTHING_TO_FORGET: &str = "No LRS was configured; there was nothing to forget.";

pub fn lrs_forgotten(endpoint: Option<&str>, removed: usize) -> String {
    let endpoint = endpoint.map_or_else(String::new, |endpoint| format!(" to {endpoint}"));
    format!(
        "casebook no longer sends records{endpoint}: the settings and secret are removed, and {} not yet sent \
         {} removed from the outbox. Your journals are unchanged.",
        statements_count(removed),
        if removed == 1 { "was" } else { "were" }
    )
}

pub fn lrs_outbox_left(problem: &str) -> String {
    format!("Left as it is: {problem}")
}

pub fn lrs_forget_failed(path: &str, reason: &str) -> String {
    format!("{path} could not be removed: {reason}. Nothing was changed.")
}

pub fn lrs_sent(sent: usize, endpoint: &str) -> String {
    format!("Sent {} to {endpoint}.", statements_count(sent))
}

pub fn lrs_rejected(path: &str, reason: &str) -> String {
    format!("Refused by the LRS and kept in the outbox: {path}: {reason}")
}

pub fn lrs_still_waiting(count: usize) -> String {
    format!("{} still waiting to be sent.", statements_count(count))
}

pub const LRS_STATUS_NONE: &str = "No LRS is configured: nothing is recorded or sent, and casebook makes no network \
connections.";

pub fn lrs_status_settings(endpoint: &str, account: &str, share_text: bool) -> String {
    format!(
        "Records go to {endpoint} as account \"{account}\"; reflection text is {}.",
        if share_text { "sent" } else { "not sent" }
    )
}

pub fn lrs_waiting(count: usize, oldest: Option<&str>) -> String {
    match oldest {
        Some(oldest) if count > 0 => format!(
            "{} waiting to be sent, the oldest recorded {oldest}.",
            statements_count(count)
        ),
        _ => "Nothing is waiting to be sent.".to_owned(),
    }
}

pub fn lrs_damaged(problem: &str) -> String {
    format!("Could not be read, left as it is: {problem}")
}

pub fn lrs_last_sync(attempt: Option<&str>, success: Option<&str>, error: Option<&str>) -> String {
    let mut out = format!(
        "Last sync: {}; last successful: {}.",
        attempt.unwrap_or("never"),
        success.unwrap_or("never")
    );
    if let Some(error) = error {
        out.push_str(&format!("\nLast error: {error}"));
    }
    out
}

pub const LRS_ENTRY_NO_ID: &str = "the statement has no id";

#[cfg(test)]
mod tests {
    #[test]
    fn large_counts_are_grouped_in_threes() {
        assert_eq!(super::words(17_284), "17,284 words");
        assert_eq!(super::words(999), "999 words");
        assert_eq!(super::words(1_000_000), "1,000,000 words");
        assert_eq!(super::words(1), "1 word");
    }
}

// ------------------------------------------------------------------ casebook export and verify

/// Every message of `export` and `verify`.
pub mod export_command {
    use std::path::Path;

    use jiff::civil::Date;

    use crate::export::{Format, words};

    pub const NOTHING_TO_EXPORT: &str = "Nothing to export: none of these modules has been studied yet.";
    pub const NOT_STUDIED: &str = "not studied yet";
    pub const NOT_IN_PERIOD: &str = "not studied in the period";
    pub const ANOTHER_NAME: &str = " Choose another name with -o FILE.";
    pub const CREATE_FOLDER: &str = " Create it, or choose another place with -o FILE.";
    pub const ANOTHER_PLACE: &str = " Choose another place with -o FILE.";

    pub fn bad_date(text: &str) -> String {
        format!("\"{text}\" is not a date; write it as YYYY-MM-DD, for example 2026-11-23")
    }

    pub fn since_after_until(since: Date, until: Date) -> String {
        format!(
            "--since ({}) is after --until ({}), so no day is in the period.",
            words::date(since),
            words::date(until)
        )
    }

    fn period(since: Option<Date>, until: Option<Date>) -> Option<String> {
        match (since, until) {
            (Some(since), Some(until)) if since == until => Some(format!("on {}", words::date(since))),
            (Some(since), Some(until)) => Some(format!("between {} and {}", words::date(since), words::date(until))),
            (Some(since), None) => Some(format!("since {}", words::date(since))),
            (None, Some(until)) => Some(format!("up to {}", words::date(until))),
            (None, None) => None,
        }
    }

    pub fn nothing_to_export(named: bool, since: Option<Date>, until: Option<Date>) -> String {
        let which = if named {
            "none of the modules named"
        } else {
            "no module"
        };
        match period(since, until) {
            Some(period) => format!("Nothing to export: {which} was studied {period}."),
            None if named => "Nothing to export: none of the modules named has been studied yet.".to_owned(),
            None => "Nothing to export: you have not studied any module yet. Run \"casebook\" to start one.".to_owned(),
        }
    }

    pub fn left_out(module: &str, reason: &str) -> String {
        format!("Left out {module}: {reason}.")
    }

    pub fn cannot_read_journal(error: &str) -> String {
        format!(
            "Cannot read your journal, so no log was written: {error}.\nThe file is left untouched. \
To export the other modules, open casebook, choose this module and press x to set the file aside."
        )
    }

    pub fn is_folder(path: &Path) -> String {
        format!(
            "{} is a folder; give the log a file name in it, for example -o {}.",
            path.display(),
            path.join("casebook-log.md").display()
        )
    }

    pub fn already_exists(path: &Path) -> String {
        format!(
            "{} already exists, and casebook never overwrites a file.",
            path.display()
        )
    }

    pub fn no_folder(path: &Path) -> String {
        format!("Cannot write the log: the folder {} does not exist.", path.display())
    }

    pub fn cannot_write(path: &Path, reason: &str) -> String {
        format!(
            "Cannot write the log to {}: {reason}. Nothing was written.",
            path.display()
        )
    }

    pub fn cannot_write_stdout(reason: &str) -> String {
        format!("Cannot write the log to standard output: {reason}")
    }

    pub fn written(modules: usize, format: Format, path: &Path) -> String {
        let modules = if modules == 1 {
            "1 module".to_owned()
        } else {
            format!("{modules} modules")
        };
        format!(
            "Wrote a reflective log of {modules} ({}) to {}",
            format.name(),
            path.display()
        )
    }

    pub fn cannot_read(path: &Path, reason: &str) -> String {
        format!("Cannot read {}: {reason}", path.display())
    }

    pub fn digest_matches(file: &str) -> String {
        format!(
            "{file}: the digest matches: the file is unchanged since its digest was written.\n\
             (A digest catches accidental or casual changes, not a determined forger: anyone who edits the file \
             can recompute it. Nor does it show who exported the log.)"
        )
    }

    pub fn digest_differs(file: &str) -> String {
        format!("{file}: the digest does not match. The log has been changed since it was exported.")
    }

    pub fn no_digest(file: &str) -> String {
        format!(
            "{file}: no casebook digest found. This is not a log exported by casebook, or its digest has been removed."
        )
    }
}

// ------------------------------------------------------------------ reviews in the tutor

pub const REVIEW_IMPORT_TITLE: &str = " Import a review ";
pub const REVIEW_IMPORT_ABOUT: &str =
    "The review file your supervisor or a peer wrote of a log you exported (its .sig beside it, if signed).";
pub const REVIEW_IMPORT_FILE: &str = "Review file: ";
pub const REVIEW_IMPORT_SIGNERS: &str = "Allowed signers (optional): ";
pub const REVIEW_IMPORT_NO_PATH: &str = "Type the path of the review file first.";
pub const REVIEW_IMPORT_CHECKING: &str = "Checking the review...";
pub const REVIEW_IMPORT_NO_FOLDER: &str = "This tutor has no data folder to keep reviews in; nothing was imported.";
pub const REVIEWED_SHORT: &str = "reviewed";
pub const REVIEW_OVERALL: &str = "Overall comments";
pub const REVIEW_ACTIONS: &str = "Agreed actions";

pub fn review_unreadable_notice(problem: &str) -> String {
    format!("A review in the data folder could not be read and is not shown: {problem}")
}

pub fn review_refused_notice(reason: &str) -> String {
    format!("Review not imported, nothing changed: {reason}")
}

/// The heading over a reviewer's comment in the reader.
pub fn review_comment_heading(reviewer: &str, role: Option<&str>, peer: bool, date: jiff::civil::Date) -> String {
    let kind = if peer { "Peer's comment" } else { "Supervisor's comment" };
    match role {
        Some(role) if !role.trim().is_empty() => format!("{kind}: {reviewer} ({role}), {}", shown_date(date)),
        _ => format!("{kind}: {reviewer}, {}", shown_date(date)),
    }
}

pub fn edited_after_review(date: jiff::civil::Date) -> String {
    format!(
        "Edited after review on {}. w: show the wording reviewed.",
        shown_date(date)
    )
}

pub fn showing_reviewed_wording(reviewer: &str, date: jiff::civil::Date) -> String {
    format!(
        "The wording {reviewer} reviewed on {} (w: as it is now):",
        shown_date(date)
    )
}

pub const NOT_EDITED_AFTER_REVIEW: &str = "This answer has not been edited since it was reviewed.";

pub fn review_heading(reviewer: &str, peer: bool, date: jiff::civil::Date) -> String {
    let kind = if peer { "Peer reflection" } else { "Supervisor's review" };
    format!("{kind}: {reviewer}, {}", shown_date(date))
}

pub fn next_review_on(date: jiff::civil::Date) -> String {
    format!("Next review: {}", shown_date(date))
}

// ------------------------------------------------------------------ the full-screen review

pub fn review_screen_title(log_id: &str, learner: Option<&str>) -> String {
    format!(
        " Reviewing log {log_id} by {}",
        learner.unwrap_or("a learner who gave no name")
    )
}

pub fn review_screen_reflection(number: usize, total: usize) -> String {
    format!("Reflection {number} of {total}")
}

pub fn review_screen_page(number: usize, total: usize) -> String {
    format!("Page {number} of {total}")
}

pub const REVIEW_SCREEN_WROTE: &str = "The learner wrote:";
pub const REVIEW_SCREEN_COMMENT: &str = "Your comment (optional) ";
pub const REVIEW_SCREEN_OVERALL: &str = "Overall comments on the log (optional).";
pub const REVIEW_SCREEN_OVERALL_BOX: &str = "Overall comments ";
pub const REVIEW_SCREEN_ACTIONS: &str = "Agreed actions (optional).";
pub const REVIEW_SCREEN_ACTIONS_BOX: &str = "Agreed actions ";
pub const REVIEW_SCREEN_NEXT: &str = "Next review date: YYYY-MM-DD, or leave it empty for none.";
pub const REVIEW_SCREEN_DATE_BOX: &str = "Next review ";
pub const REVIEW_SCREEN_LEAVE: &str = "Leave without writing the review? Nothing you typed is kept. y / n";
pub const REVIEW_LEFT: &str = "Left the review without writing it: nothing was written.";

pub fn review_screen_summary(comments: usize, destination: &str) -> String {
    let comments = if comments == 1 {
        "1 comment on a reflection".to_owned()
    } else {
        format!("{comments} comments on reflections")
    };
    format!("{comments}. Enter writes the review to {destination}.")
}

pub fn review_screen_failed(reason: &str) -> String {
    format!(
        "The full-screen review stopped ({reason}); nothing was written. Run it again, or with --plain to answer line by line."
    )
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

/// The home screen's line on the registration year (Social Work England's).
pub fn cpd_home_line(status: &crate::cpd::year::YearStatus, needed: Option<usize>, narrow: bool) -> String {
    let made = status.records.len();
    let peer = if status.with_peer_reflection > 0 { "yes" } else { "no" };
    let count = match needed {
        Some(needed) if narrow => format!("{made}/{needed}"),
        Some(needed) => format!("{made} of {needed} records"),
        None => format!("{made} records"),
    };
    let days = match status.days_left {
        0 => "due today".to_owned(),
        1 => "1 day left".to_owned(),
        days => format!("{days} days left"),
    };
    let deadline = status.deadline.strftime("%-d %B").to_string();
    match (status.closing(), narrow) {
        (true, true) => format!("CPD {days}! {count} · peer: {peer}"),
        (true, false) if status.days_left == 0 => {
            format!("CPD due today, {deadline}, by 11.59pm: {count} · peer reflection: {peer}")
        }
        (true, false) => {
            format!("CPD due {deadline} ({days}): {count} · peer reflection: {peer}")
        }
        (false, true) => format!("CPD {count} · peer: {peer} · {days}"),
        (false, false) => format!("CPD this year: {count} · peer reflection: {peer} · {days}"),
    }
}
