//! Every message casebook shows a user, kept together so it reads as one
//! voice: plain British English, as the guide is written.

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
pub const NOTHING_TO_SAVE: &str = "Everything is saved.";
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
All are optional: leave any blank. Press u on the home screen to change them later.";
pub const PROFILE_TITLE: &str = "Your profile";
pub const PROFILE_LABELS: [&str; 4] = ["Name", "Role", "Team", "Supervisor"];
pub const TOO_SMALL_HINT: &str = "Make the window larger, or press q to quit.";
pub const NO_COURSES: &str = "No courses could be loaded. Run \"casebook validate\" to see why.";
pub const ANSWER_TITLE: &str = "Your reflection";
pub const ACTION_POINT_BOX: &str = "Your action point";
pub const ACTION_POINT_TITLE: &str = "Action point: what will I do differently, and by when?";
pub const COMPLETE_TITLE: &str = "Module complete";
pub const SKIP_PROMPT: &str = "This question has no answer yet. Skip it for now? y skip · a answer · Esc stay";
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
    format!(
        "Your reflections are kept only on this computer, in {data_dir}. Write about your own practice: \
never anything that could identify a real child, family, victim or colleague."
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
pub const WORD_ANSWERED: &str = "answered";
pub const WORD_SKIPPED: &str = "skipped";
pub const WORD_OPEN: &str = "not answered";

/// Every key, per screen, for `?`.
pub const HELP_HOME: &[(&str, &str)] = &[
    (
        "↑ ↓ ← → / h j k l",
        "choose a module (arrows move across the grid on wide screens)",
    ),
    ("Enter", "open the module where you left it"),
    ("Home / End", "first / last module"),
    ("Tab / c", "next course (when there is more than one)"),
    ("u", "your profile (name, role, team, supervisor)"),
    ("e", "export a reflective log of every module you have studied"),
    (
        "o",
        "go to the module's first question without an answer (skipped or not yet reached)",
    ),
    (
        "x",
        "set aside a journal that cannot be read (kept, renamed), to start that module afresh",
    ),
    ("Ctrl-S", "save now (casebook also saves as you go)"),
    ("? / F1", "this help"),
    ("q / Esc", "quit (everything is saved first)"),
];

pub const HELP_READER: &[(&str, &str)] = &[
    ("→ / l / n", "next section; at take-away questions, the next question"),
    ("← / h / p", "previous section (or question)"),
    ("↓ ↑ / j k", "scroll a line"),
    ("PgDn Space / PgUp b", "scroll a page"),
    ("Home g / End G", "top / bottom of the section"),
    ("Enter", "start answering the selected question"),
    ("Tab", "move between the text and the questions"),
    ("s", "skip the selected question (you can answer it later)"),
    ("Ctrl-G", "show or hide reflective prompts (Gibbs cycle)"),
    ("Ctrl-S", "save now"),
    ("q / Esc", "back to the home screen (saved)"),
];

pub const HELP_EDITOR: &[(&str, &str)] = &[
    ("Esc", "stop writing (your text is kept and saved)"),
    ("Tab", "back to the text, to read while you write"),
    ("arrows, Home, End", "move by character, line, start and end of line"),
    ("Ctrl-← / Ctrl-→", "move by word"),
    ("Ctrl-Home / Ctrl-End", "start / end of your text"),
    ("PgUp / PgDn", "move a boxful up / down"),
    (
        "Ctrl-W / Ctrl-K / Ctrl-U",
        "delete the word before / to paragraph end / to its start",
    ),
    ("Ctrl-Z / Ctrl-Y", "undo / redo"),
    ("Ctrl-S", "save now (drafts also save a second or two after you pause)"),
    ("Ctrl-G", "reflective prompts (Gibbs cycle)"),
    ("paste", "paste as usual in your terminal"),
    ("F1", "this help"),
    ("Ctrl-C", "save and quit"),
];

pub const HELP_COMPLETION: &[(&str, &str)] = &[
    ("Enter / a", "write or change your action point"),
    ("Esc", "stop writing the action point (kept and saved)"),
    ("e", "export this module's reflective log"),
    (
        "o",
        "go to the first question without an answer (skipped or not yet reached)",
    ),
    ("r", "read the module again from the start"),
    ("q / Esc / ←", "back to the home screen"),
];

pub const HELP_PROFILE: &[(&str, &str)] = &[
    ("Tab / ↓ / Enter", "next field"),
    ("Shift-Tab / ↑", "previous field"),
    (
        "Enter on the last field / Esc",
        "done: what you typed is saved (every field may stay blank)",
    ),
];

pub const KEYS_HOME: &str = "Enter open · e export · u profile · ? help · q quit";
pub const KEYS_TEXT: &str = "→ next · ← back · ↓↑ scroll · ? help · q home";
pub const KEYS_TEXT_QUESTIONS: &str = "→ answer · Tab questions · ↓↑ scroll · ? help · q home";
pub const KEYS_QUESTIONS: &str = "Enter write · → next · s skip · Tab text · ? help · q home";
pub const KEYS_EDITOR: &str = "Esc done · Tab text · Ctrl-Z undo · Ctrl-G prompts · F1 help";
pub const KEYS_COMPLETION: &str = "a action point · e export · r read again · ? help · q home";
/// With questions skipped: the way back to them comes first.
pub const KEYS_COMPLETION_SKIPPED: &str =
    "o skipped questions · a action point · e export · r read again · ? help · q home";
pub const KEYS_HOME_SKIPPED: &str = "Enter open · o skipped questions · e export · u profile · ? help · q quit";
pub const KEYS_COMPLETION_EDITING: &str = "Esc done (saved) · Ctrl-Z undo · F1 help";
pub const KEYS_PROFILE: &str = "Tab next · Esc done (saved) · F1 help";
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
pub const PLAIN_REPLACED: &str = "Saved: your new answer replaces the old one.";
pub const PLAIN_ADDED: &str = "Saved: added to your answer as a new paragraph.";
pub const PLAIN_KEPT: &str = "Kept your answer as it was.";
pub const PLAIN_UNDECODABLE: &str = "Some characters you typed could not be read (your terminal may not be set to UTF-8); \
they are shown as \u{fffd}. Check your answer.";
pub const PLAIN_SAVED: &str = "Saved.";
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
pub const EXPORT_FORMAT: &str = "Format (Tab to change): ";
pub const EXPORT_FILE: &str = "File (an existing file is never overwritten):";
pub const KEYS_EXPORT: &str = "Tab format · Enter write · Esc cancel";

pub fn export_scope(modules: usize) -> String {
    if modules == 1 {
        "1 module".to_owned()
    } else {
        format!("{modules} modules you have studied")
    }
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
