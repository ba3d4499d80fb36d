//! Every key the tutor answers, as data: one table per screen or context,
//! key -> action. Dispatch, the `?` help and the footers' hints are all
//! made from these tables, so they cannot drift apart. The words live in
//! `text::keys`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::model::{Focus, Model, Screen};
use crate::editor::keys::EditBinding;
use crate::text::keys::{Help, Hint};

/// A key as the tables name it. `Plain` matches its code without Ctrl
/// (Shift and Alt are part of how terminals send some keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Plain(KeyCode),
    Ctrl(char),
    /// Ctrl with a key that is not a character (an arrow).
    CtrlArrow(KeyCode),
}

impl Key {
    pub(crate) fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Key::Plain(code) => !ctrl && event.code == code,
            Key::Ctrl(c) => ctrl && event.code == KeyCode::Char(c),
            Key::CtrlArrow(code) => ctrl && event.code == code,
        }
    }
}

/// What a key asks for. Each screen gives the actions of its tables their
/// meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    /// Save everything and leave casebook (Ctrl-C).
    QuitApp,
    /// Leave with text unsaved: only while saving fails (Ctrl-Q).
    ForceQuit,
    Help,
    Save,
    Prompts,
    /// Scroll what is above the answer box: the prompts, or the question.
    ScrollAboveUp,
    ScrollAboveDown,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    /// A page down, or on past the end of the section.
    PageOrNext,
    First,
    Last,
    Open,
    NextCourse,
    PreviousCourse,
    EditProfile,
    Export,
    Unanswered,
    SetAside,
    Quit,
    Next,
    Previous,
    Write,
    Skip,
    SwitchPanel,
    Back,
    ConfirmSkip,
    StopWriting,
    Undo,
    Redo,
    ReadAgain,
    NextField,
    PreviousField,
    NextFieldOrDone,
    Done,
    NextFormat,
    PreviousFormat,
    UseSuggestion,
    Cancel,
    ImportReview,
    /// Show the wording a reviewer read, or the answer as it is now.
    ReviewedWording,
    /// Open the CPD record form.
    CpdRecord,
    /// Discard the module's newest CPD record (cpd restore brings it back).
    DiscardCpdRecord,
    /// Start the peer reflection from a peer review's comments.
    UsePeerReview,
    /// Mark a finding of the identifying-details check "not identifying".
    MarkFinding,
    /// Write the log although the check found something.
    WriteAnyway,
    /// Carry on from a review's draft.
    CarryOn,
    /// Throw a review's draft away and start again (asked first).
    StartAgain,
}

/// Where the keys are being pressed: each has its own table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Context {
    Home,
    /// Reading a section's text.
    Text,
    /// Choosing a take-away question.
    Questions,
    /// Asked "skip this question?".
    SkipPrompt,
    /// Writing an answer.
    Editor,
    Completion,
    /// Writing the action point on the completion screen.
    ActionPoint,
    Profile,
    Export,
    /// The export dialog listing what the identifying-details check found.
    ExportFindings,
    /// The dialog importing a review.
    ReviewImport,
    /// Reviewing a log on the full screen: reading the page.
    ReviewRead,
    /// Reviewing a log on the full screen: writing a comment.
    ReviewText,
    /// Reviewing a log: a draft is waiting, carry on or start again?
    ReviewOffer,
    /// Reviewing a log: asked before the draft is thrown away.
    ReviewRestart,
    /// Reviewing a log: the next review date, the last page.
    ReviewDate,
    /// Reviewing a log: asked whether to leave without writing it.
    ReviewLeave,
    /// Reviewing a log: the identifying-details check found something in
    /// the reviewer's words; write anyway, or go back to them?
    ReviewFindings,
    /// The CPD record form, over the completion screen.
    CpdForm,
    Help,
    /// The window is below the smallest size drawn: only q works.
    TooSmall,
}

/// When a footer hint shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    Always,
    /// The section has take-away questions.
    Questions,
    /// The section has none.
    NoQuestions,
    /// The module has a question skipped.
    Skipped,
    /// The export dialog offers a free file name.
    Suggestion,
    /// A peer review's comments are offered for the peer reflection.
    PeerOffer,
    /// The screen's text does not fit and scrolls.
    Scrolls,
}

/// What the footer needs to know to choose its hints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Situation {
    pub(crate) questions: bool,
    pub(crate) skipped: bool,
    pub(crate) suggestion: bool,
    pub(crate) peer_offer: bool,
    pub(crate) scrolls: bool,
}

impl When {
    fn holds(self, situation: Situation) -> bool {
        match self {
            When::Always => true,
            When::Questions => situation.questions,
            When::NoQuestions => !situation.questions,
            When::Skipped => situation.skipped,
            When::Suggestion => situation.suggestion,
            When::PeerOffer => situation.peer_offer,
            When::Scrolls => situation.scrolls,
        }
    }
}

/// A footer hint: its place in the footer (lowest first), when it shows,
/// and its words.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FooterHint {
    order: u8,
    when: When,
    words: Hint,
}

/// One row of a table: the keys and what each does, the help's row for
/// them (`None`: not listed), and the footer's hints.
pub(crate) struct Binding {
    pub(crate) keys: &'static [(Key, Action)],
    /// The editor's own keys, for a text box: listed here so the help and
    /// the clash checks see them; the editor reads the same list.
    #[cfg_attr(not(test), expect(dead_code, reason = "read by the key tables' checks"))]
    pub(crate) edit: &'static [EditBinding],
    pub(crate) help: Option<Help>,
    hints: &'static [FooterHint],
}

const fn row(keys: &'static [(Key, Action)], help: Help) -> Binding {
    Binding {
        keys,
        edit: &[],
        help: Some(help),
        hints: &[],
    }
}

/// A help row for keys the editor itself takes.
const fn edit_row(edit: &'static [EditBinding], help: Help) -> Binding {
    Binding {
        keys: &[],
        edit,
        help: Some(help),
        hints: &[],
    }
}

/// The editor's keys every text box has without the help naming them.
const fn edit_unlisted(edit: &'static [EditBinding]) -> Binding {
    Binding {
        keys: &[],
        edit,
        help: None,
        hints: &[],
    }
}

/// A help row that names no key: something done as usual (a paste).
const fn note(help: Help) -> Binding {
    Binding {
        keys: &[],
        edit: &[],
        help: Some(help),
        hints: &[],
    }
}

const fn hinted(keys: &'static [(Key, Action)], help: Help, hints: &'static [FooterHint]) -> Binding {
    Binding {
        keys,
        edit: &[],
        help: Some(help),
        hints,
    }
}

const fn unlisted(keys: &'static [(Key, Action)]) -> Binding {
    Binding {
        keys,
        edit: &[],
        help: None,
        hints: &[],
    }
}

const fn hint(order: u8, words: Hint) -> FooterHint {
    FooterHint {
        order,
        when: When::Always,
        words,
    }
}

const fn hint_when(order: u8, when: When, words: Hint) -> FooterHint {
    FooterHint { order, when, words }
}

mod review_tables;
mod tables;

pub(crate) use tables::{ANYWHERE, GLOBAL, table};

/// The context of the screen itself, under any overlay.
pub(crate) fn screen_context(model: &Model) -> Context {
    match &model.screen {
        Screen::Welcome(_) | Screen::Profile(_) => Context::Profile,
        Screen::Home => Context::Home,
        Screen::Reader(reader) if reader.confirm_skip => Context::SkipPrompt,
        Screen::Reader(reader) => match reader.focus {
            Focus::Text => Context::Text,
            Focus::Questions => Context::Questions,
            Focus::Editor => Context::Editor,
        },
        Screen::Completion(_) if model.cpd_form().is_some() => Context::CpdForm,
        Screen::Completion(completion) if completion.editor.is_some() => Context::ActionPoint,
        Screen::Completion(_) => Context::Completion,
    }
}

fn find(bindings: &[Binding], key: &KeyEvent) -> Option<Action> {
    bindings
        .iter()
        .flat_map(|binding| binding.keys.iter())
        .find(|(pattern, _)| pattern.matches(key))
        .map(|(_, action)| *action)
}

/// The action of a key in a context: its own table first, then the keys
/// that work anywhere.
pub(crate) fn action(context: Context, key: &KeyEvent) -> Option<Action> {
    own_action(context, key).or_else(|| find(ANYWHERE, key))
}

/// The action of a key in a context's own table only (the overlays take
/// every other key as their own).
pub(crate) fn own_action(context: Context, key: &KeyEvent) -> Option<Action> {
    find(table(context), key)
}

/// Ctrl-C and Ctrl-Q, answered before anything else.
pub(crate) fn global_action(key: &KeyEvent) -> Option<Action> {
    find(GLOBAL, key)
}

/// The help's rows for a context, in the table's order.
pub(crate) fn help_rows(context: Context) -> Vec<Help> {
    table(context).iter().filter_map(|binding| binding.help).collect()
}

/// One hint in a footer; `keep` marks the one that opens the help, which
/// stays however narrow the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FooterItem {
    pub(crate) text: String,
    pub(crate) keep: bool,
}

/// The footer's hints for a context, in their order.
pub(crate) fn footer(context: Context, situation: Situation) -> Vec<FooterItem> {
    let mut hints: Vec<(u8, FooterItem)> = table(context)
        .iter()
        .flat_map(|binding| {
            let opens_help = binding.keys.iter().any(|(_, action)| *action == Action::Help);
            binding
                .hints
                .iter()
                .filter(move |hint| hint.when.holds(situation))
                .map(move |hint| {
                    let (key, word) = hint.words;
                    (
                        hint.order,
                        FooterItem {
                            text: format!("{key} {word}"),
                            keep: opens_help,
                        },
                    )
                })
        })
        .collect();
    hints.sort_by_key(|(order, _)| *order);
    hints.into_iter().map(|(_, item)| item).collect()
}

#[cfg(test)]
mod tests;
