//! The words of the key tables in `tui::keymap`: how the `?` help names
//! each row's keys and what they do (`help`), and the footers' short hints
//! (`hint`: the key as shown, then the word).

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
    "set aside a file of answers that cannot be read (kept, renamed), to start that module afresh",
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
pub const TEXT_SPACE: Help = (
    "Space",
    "a page down; at the end of the section, on to the next (or to its questions)",
);
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
pub const QUESTIONS_PAGE: Help = (
    "PgDn Space / PgUp b",
    "scroll your answer and the reviewers' comments under it",
);
pub const QUESTIONS_ENDS: Help = ("Home / End", "top / end of your answer and its comments");

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
pub const FINDINGS_MOVE: Help = ("↑ ↓ / k j", "choose a finding");
pub const FINDINGS_OPEN: Help = ("Enter", "open the words where you wrote them, to change them");
pub const FINDINGS_MARK: Help = (
    "m",
    "mark the finding as not identifying (remembered while its sentence stays the same)",
);
pub const FINDINGS_WRITE: Help = ("w", "write the log anyway: you have read every finding");
pub const FINDINGS_BACK: Help = ("Esc", "back to the export's choices, writing nothing");
pub const HINT_FINDINGS_MOVE: Hint = ("↑↓", "choose");
pub const HINT_FINDINGS_OPEN: Hint = ("Enter", "open");
pub const HINT_FINDINGS_MARK: Hint = ("m", "not identifying");
pub const HINT_FINDINGS_WRITE: Hint = ("w", "write anyway");
pub const HINT_FINDINGS_BACK: Hint = ("Esc", "back");
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

pub const REVIEW_SPACE: Help = ("Space", "a page down; at the end of the page, on to the next");
pub const REVIEW_PAGE: Help = ("PgDn Ctrl-F / PgUp b", "a page down / up");
pub const REVIEW_ENDS: Help = ("Home g / End G", "top / end of the page");
pub const REVIEW_TO_BOX: Help = ("Tab / Enter", "write in the box below (your comment)");
pub const REVIEW_NEXT_PAGE: Help = ("→ / l / n", "next page (what you typed is kept)");
pub const REVIEW_PREVIOUS_PAGE: Help = ("← / h / p / Shift-Tab", "previous page");
pub const REVIEW_LEAVE: Help = ("Esc", "leave (asks first); what you typed is kept as a draft");
pub const REVIEW_SAVE_LEAVE: Help = ("Ctrl-C", "save the draft and leave at once");
pub const REVIEW_BOX_DONE: Help = ("Tab / Esc", "back to reading (what you typed is kept)");
pub const REVIEW_WRITE: Help = ("Enter", "write the review (and sign it, with --sign-with)");
pub const REVIEW_LEAVE_YES: Help = ("y", "leave: what you typed is kept as a draft");
pub const REVIEW_LEAVE_NO: Help = ("n / Esc", "stay and carry on");
pub const REVIEW_FINDINGS_BACK: Help = ("e / Esc", "go back to the first finding and change it");
pub const REVIEW_FINDINGS_WRITE: Help = ("w", "write the review anyway: nothing listed identifies anyone");
pub const HINT_REVIEW_FINDINGS_BACK: Hint = ("e", "change it");
pub const HINT_REVIEW_FINDINGS_WRITE: Hint = ("w", "write anyway");
pub const REVIEW_CARRY_ON: Help = ("Enter / c", "carry on from the draft");
pub const REVIEW_START_AGAIN: Help = ("n", "start again (asks first)");
pub const REVIEW_OFFER_LEAVE: Help = ("Esc", "leave, keeping the draft");
pub const REVIEW_RESTART_YES: Help = ("y", "start again: the draft is thrown away");
pub const REVIEW_RESTART_NO: Help = ("n / Esc", "keep the draft");
pub const HINT_REVIEW_READ_ON: Hint = ("Space", "read on");
pub const HINT_REVIEW_COMMENT: Hint = ("Tab", "comment");
pub const HINT_REVIEW_NEXT: Hint = ("→", "next");
pub const HINT_REVIEW_BACK: Hint = ("←", "back");
pub const HINT_REVIEW_READ: Hint = ("Tab", "read");
pub const HINT_REVIEW_LEAVE: Hint = ("Esc", "leave");
pub const HINT_REVIEW_SAVE_LEAVE: Hint = ("Ctrl-C", "save & leave");
pub const HINT_REVIEW_WRITE: Hint = ("Enter", "write the review");
pub const HINT_REVIEW_LEAVE_YES: Hint = ("y", "leave");
pub const HINT_REVIEW_STAY: Hint = ("n", "stay");
pub const HINT_REVIEW_CARRY_ON: Hint = ("Enter", "carry on");
pub const HINT_REVIEW_START_AGAIN: Hint = ("n", "start again");
pub const HINT_REVIEW_RESTART_YES: Hint = ("y", "start again");
pub const HINT_REVIEW_KEEP: Hint = ("n", "keep it");
pub const COMPLETION_CPD: Help = ("c", "make a CPD record of this module");
pub const HINT_CPD: Hint = ("c", "CPD record");
pub const COMPLETION_CPD_DISCARD: Help = (
    "x",
    "discard this module's newest CPD record (casebook cpd restore brings it back)",
);
pub const CPD_NEXT_BOX: Help = ("Tab / Shift-Tab", "next / previous box");
pub const CPD_USE_REVIEW: Help = ("Ctrl-R", "start the peer reflection from your peer's review comments");
pub const CPD_MAKE: Help = ("Ctrl-S", "make the record and save it");
pub const CPD_CLOSE: Help = ("Esc", "close (your text is kept until the record is made)");
pub const HINT_NEXT_BOX: Hint = ("Tab", "next box");
pub const HINT_USE_REVIEW: Hint = ("Ctrl-R", "use review");
pub const HINT_MAKE_RECORD: Hint = ("Ctrl-S", "make record");
pub const HINT_CLOSE: Hint = ("Esc", "close");
