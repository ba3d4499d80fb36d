//! Every key the tutor answers, as data: one table per screen or context,
//! key -> action. Dispatch, the `?` help and the footers' hints are all
//! made from these tables, so they cannot drift apart. The words live in
//! `text::keys`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::model::{Focus, Model, Screen};
use crate::text::keys::{self as words, Help, Hint};

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
}

/// What the footer needs to know to choose its hints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Situation {
    pub(crate) questions: bool,
    pub(crate) skipped: bool,
    pub(crate) suggestion: bool,
}

impl When {
    fn holds(self, situation: Situation) -> bool {
        match self {
            When::Always => true,
            When::Questions => situation.questions,
            When::NoQuestions => !situation.questions,
            When::Skipped => situation.skipped,
            When::Suggestion => situation.suggestion,
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
    pub(crate) help: Option<Help>,
    hints: &'static [FooterHint],
}

const fn row(keys: &'static [(Key, Action)], help: Help) -> Binding {
    Binding {
        keys,
        help: Some(help),
        hints: &[],
    }
}

const fn hinted(keys: &'static [(Key, Action)], help: Help, hints: &'static [FooterHint]) -> Binding {
    Binding {
        keys,
        help: Some(help),
        hints,
    }
}

const fn unlisted(keys: &'static [(Key, Action)]) -> Binding {
    Binding {
        keys,
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

use Action as A;
use Key::{Ctrl, Plain};
use KeyCode as K;

const HELP_KEYS: &[(Key, Action)] = &[(Plain(K::Char('?')), A::Help), (Plain(K::F(1)), A::Help)];
const F1: &[(Key, Action)] = &[(Plain(K::F(1)), A::Help)];
const SAVE: &[(Key, Action)] = &[(Ctrl('s'), A::Save)];
const PROMPTS: &[(Key, Action)] = &[(Ctrl('g'), A::Prompts)];
const SCROLL_ABOVE: &[(Key, Action)] = &[
    (Key::CtrlArrow(K::Up), A::ScrollAboveUp),
    (Key::CtrlArrow(K::Down), A::ScrollAboveDown),
];
const QUIT_APP: &[(Key, Action)] = &[(Ctrl('c'), A::QuitApp)];
/// Keys the editor widget handles itself: listed in the help only.
const EDITOR_OWN: &[(Key, Action)] = &[];

/// Keys that work everywhere, whatever the screen: checked first.
pub(crate) const GLOBAL: &[Binding] = &[unlisted(QUIT_APP), unlisted(&[(Ctrl('q'), A::ForceQuit)])];

/// Keys that work on every screen unless its own table says otherwise.
pub(crate) const ANYWHERE: &[Binding] = &[unlisted(F1), unlisted(SAVE)];

const HOME: &[Binding] = &[
    row(
        &[
            (Plain(K::Up), A::Up),
            (Plain(K::Char('k')), A::Up),
            (Plain(K::Down), A::Down),
            (Plain(K::Char('j')), A::Down),
            (Plain(K::Left), A::Left),
            (Plain(K::Char('h')), A::Left),
            (Plain(K::Right), A::Right),
            (Plain(K::Char('l')), A::Right),
        ],
        words::HOME_MOVE,
    ),
    unlisted(&[(Plain(K::PageUp), A::PageUp), (Plain(K::PageDown), A::PageDown)]),
    hinted(
        &[(Plain(K::Enter), A::Open)],
        words::HOME_OPEN,
        &[hint(1, words::HINT_OPEN)],
    ),
    row(
        &[(Plain(K::Home), A::First), (Plain(K::End), A::Last)],
        words::HOME_ENDS,
    ),
    unlisted(&[(Plain(K::Char('g')), A::First), (Plain(K::Char('G')), A::Last)]),
    row(
        &[(Plain(K::Tab), A::NextCourse), (Plain(K::Char('c')), A::NextCourse)],
        words::HOME_COURSE,
    ),
    unlisted(&[(Plain(K::BackTab), A::PreviousCourse)]),
    hinted(
        &[(Plain(K::Char('u')), A::EditProfile)],
        words::HOME_PROFILE,
        &[hint(4, words::HINT_PROFILE)],
    ),
    hinted(
        &[(Plain(K::Char('e')), A::Export)],
        words::HOME_EXPORT,
        &[hint(3, words::HINT_EXPORT)],
    ),
    hinted(
        &[(Plain(K::Char('o')), A::Unanswered)],
        words::HOME_UNANSWERED,
        &[hint_when(2, When::Skipped, words::HINT_SKIPPED)],
    ),
    row(&[(Plain(K::Char('x')), A::SetAside)], words::HOME_SET_ASIDE),
    row(SAVE, words::HOME_SAVE),
    hinted(HELP_KEYS, words::HELP, &[hint(5, words::HINT_HELP)]),
    hinted(
        // Esc means "back" everywhere else: on home it does nothing, so
        // that pressing it once too often never quits.
        &[(Plain(K::Char('q')), A::Quit)],
        words::HOME_QUIT,
        &[hint(6, words::HINT_QUIT)],
    ),
];

const SCROLL: &[(Key, Action)] = &[
    (Plain(K::Down), A::Down),
    (Plain(K::Char('j')), A::Down),
    (Plain(K::Up), A::Up),
    (Plain(K::Char('k')), A::Up),
];
const NEXT: &[(Key, Action)] = &[
    (Plain(K::Right), A::Next),
    (Plain(K::Char('l')), A::Next),
    (Plain(K::Char('n')), A::Next),
];
const PREVIOUS: &[(Key, Action)] = &[
    (Plain(K::Left), A::Previous),
    (Plain(K::Char('h')), A::Previous),
    (Plain(K::Char('p')), A::Previous),
];
const BACK: &[(Key, Action)] = &[(Plain(K::Char('q')), A::Back), (Plain(K::Esc), A::Back)];

const TEXT: &[Binding] = &[
    hinted(
        NEXT,
        words::TEXT_NEXT,
        &[
            hint_when(1, When::NoQuestions, words::HINT_NEXT),
            hint_when(1, When::Questions, words::HINT_ANSWER),
        ],
    ),
    hinted(
        PREVIOUS,
        words::TEXT_PREVIOUS,
        &[hint_when(2, When::NoQuestions, words::HINT_BACK)],
    ),
    hinted(SCROLL, words::TEXT_SCROLL, &[hint(3, words::HINT_SCROLL)]),
    row(
        &[
            (Plain(K::PageDown), A::PageDown),
            (Ctrl('f'), A::PageDown),
            (Plain(K::PageUp), A::PageUp),
            (Plain(K::Char('b')), A::PageUp),
        ],
        words::TEXT_PAGE,
    ),
    row(&[(Plain(K::Char(' ')), A::PageOrNext)], words::TEXT_SPACE),
    row(
        &[
            (Plain(K::Home), A::First),
            (Plain(K::Char('g')), A::First),
            (Plain(K::End), A::Last),
            (Plain(K::Char('G')), A::Last),
        ],
        words::TEXT_ENDS,
    ),
    row(&[(Plain(K::Enter), A::Write)], words::TEXT_WRITE),
    hinted(
        &[(Plain(K::Tab), A::SwitchPanel)],
        words::TEXT_TAB,
        &[hint_when(2, When::Questions, words::HINT_QUESTIONS)],
    ),
    row(PROMPTS, words::PROMPTS),
    row(SCROLL_ABOVE, words::SCROLL_ABOVE),
    row(SAVE, words::SAVE),
    hinted(HELP_KEYS, words::HELP, &[hint(4, words::HINT_HELP)]),
    hinted(BACK, words::READER_BACK, &[hint(5, words::HINT_HOME)]),
    row(QUIT_APP, words::QUIT_APP),
];

const QUESTIONS: &[Binding] = &[
    row(SCROLL, words::QUESTIONS_MOVE),
    hinted(
        &[(Plain(K::Enter), A::Write), (Plain(K::Char('a')), A::Write)],
        words::QUESTIONS_WRITE,
        &[hint(1, words::HINT_WRITE)],
    ),
    hinted(NEXT, words::QUESTIONS_NEXT, &[hint(2, words::HINT_NEXT)]),
    row(PREVIOUS, words::QUESTIONS_PREVIOUS),
    hinted(
        &[(Plain(K::Char('s')), A::Skip)],
        words::QUESTIONS_SKIP,
        &[hint(3, words::HINT_SKIP)],
    ),
    hinted(
        &[(Plain(K::Tab), A::SwitchPanel)],
        words::QUESTIONS_TAB,
        &[hint(4, words::HINT_TEXT)],
    ),
    row(PROMPTS, words::PROMPTS),
    row(SCROLL_ABOVE, words::SCROLL_ABOVE),
    row(SAVE, words::SAVE),
    hinted(HELP_KEYS, words::HELP, &[hint(5, words::HINT_HELP)]),
    hinted(BACK, words::READER_BACK, &[hint(6, words::HINT_HOME)]),
    row(QUIT_APP, words::QUIT_APP),
];

const SKIP_PROMPT: &[Binding] = &[
    hinted(
        &[
            (Plain(K::Char('y')), A::ConfirmSkip),
            (Plain(K::Char('s')), A::ConfirmSkip),
            (Plain(K::Enter), A::ConfirmSkip),
        ],
        words::SKIP_YES,
        &[hint(1, words::HINT_SKIP_YES)],
    ),
    hinted(
        &[(Plain(K::Char('a')), A::Write)],
        words::SKIP_ANSWER,
        &[hint(2, words::HINT_SKIP_ANSWER)],
    ),
    hinted(
        &[(Plain(K::Esc), A::Cancel)],
        words::SKIP_STAY,
        &[hint(3, words::HINT_SKIP_STAY)],
    ),
    unlisted(PROMPTS),
    unlisted(SCROLL_ABOVE),
];

const UNDO: &[(Key, Action)] = &[(Ctrl('z'), A::Undo), (Ctrl('y'), A::Redo)];

const EDITOR: &[Binding] = &[
    hinted(
        &[(Plain(K::Esc), A::StopWriting)],
        words::EDITOR_DONE,
        &[hint(1, words::HINT_DONE)],
    ),
    hinted(
        &[(Plain(K::Tab), A::SwitchPanel)],
        words::EDITOR_TAB,
        &[hint(2, words::HINT_TEXT)],
    ),
    row(EDITOR_OWN, words::EDITOR_MOVE),
    row(EDITOR_OWN, words::EDITOR_WORD),
    row(EDITOR_OWN, words::EDITOR_ENDS),
    row(EDITOR_OWN, words::EDITOR_PAGE),
    row(EDITOR_OWN, words::EDITOR_DELETE),
    hinted(UNDO, words::EDITOR_UNDO, &[hint(3, words::HINT_UNDO)]),
    row(SAVE, words::EDITOR_SAVE),
    hinted(PROMPTS, words::EDITOR_PROMPTS, &[hint(4, words::HINT_PROMPTS)]),
    row(SCROLL_ABOVE, words::SCROLL_ABOVE),
    row(EDITOR_OWN, words::EDITOR_PASTE),
    hinted(F1, words::EDITOR_HELP, &[hint(5, words::HINT_F1_HELP)]),
    row(QUIT_APP, words::QUIT_APP),
];

const COMPLETION: &[Binding] = &[
    hinted(
        &[(Plain(K::Enter), A::Write), (Plain(K::Char('a')), A::Write)],
        words::COMPLETION_WRITE,
        &[hint(2, words::HINT_ACTION_POINT)],
    ),
    hinted(
        &[(Plain(K::Char('e')), A::Export)],
        words::COMPLETION_EXPORT,
        &[hint(3, words::HINT_EXPORT)],
    ),
    hinted(
        &[(Plain(K::Char('o')), A::Unanswered)],
        words::COMPLETION_UNANSWERED,
        &[hint_when(1, When::Skipped, words::HINT_SKIPPED)],
    ),
    hinted(
        &[(Plain(K::Char('r')), A::ReadAgain)],
        words::COMPLETION_AGAIN,
        &[hint(4, words::HINT_AGAIN)],
    ),
    hinted(
        &[
            (Plain(K::Char('q')), A::Back),
            (Plain(K::Esc), A::Back),
            (Plain(K::Left), A::Back),
            (Plain(K::Char('h')), A::Back),
        ],
        words::COMPLETION_BACK,
        &[hint(6, words::HINT_HOME)],
    ),
    row(SAVE, words::SAVE),
    hinted(HELP_KEYS, words::HELP, &[hint(5, words::HINT_HELP)]),
    row(QUIT_APP, words::QUIT_APP),
];

const ACTION_POINT: &[Binding] = &[
    hinted(
        &[(Plain(K::Esc), A::StopWriting)],
        words::ACTION_POINT_DONE,
        &[hint(1, words::HINT_DONE_SAVED)],
    ),
    row(EDITOR_OWN, words::EDITOR_MOVE),
    row(EDITOR_OWN, words::EDITOR_WORD),
    row(EDITOR_OWN, words::EDITOR_ENDS),
    row(EDITOR_OWN, words::EDITOR_PAGE),
    row(EDITOR_OWN, words::EDITOR_DELETE),
    hinted(UNDO, words::EDITOR_UNDO, &[hint(2, words::HINT_UNDO)]),
    row(SAVE, words::EDITOR_SAVE),
    row(EDITOR_OWN, words::EDITOR_PASTE),
    hinted(F1, words::EDITOR_HELP, &[hint(3, words::HINT_F1_HELP)]),
    row(QUIT_APP, words::QUIT_APP),
];

const PROFILE: &[Binding] = &[
    hinted(
        &[
            (Plain(K::Tab), A::NextField),
            (Plain(K::Down), A::NextField),
            (Plain(K::Enter), A::NextFieldOrDone),
        ],
        words::PROFILE_NEXT,
        &[hint(1, words::HINT_NEXT_FIELD)],
    ),
    row(
        &[(Plain(K::BackTab), A::PreviousField), (Plain(K::Up), A::PreviousField)],
        words::PROFILE_PREVIOUS,
    ),
    hinted(
        &[(Plain(K::Esc), A::Done)],
        words::PROFILE_DONE,
        &[hint(2, words::HINT_DONE_SAVED)],
    ),
    hinted(F1, words::EDITOR_HELP, &[hint(3, words::HINT_F1_HELP)]),
    row(QUIT_APP, words::QUIT_APP),
];

const EXPORT: &[Binding] = &[
    hinted(
        &[(Plain(K::Tab), A::NextFormat), (Plain(K::BackTab), A::PreviousFormat)],
        words::EXPORT_FORMAT,
        &[hint(1, words::HINT_FORMAT)],
    ),
    hinted(
        &[(Plain(K::Up), A::Up), (Plain(K::Down), A::Down)],
        words::EXPORT_ROWS,
        &[hint(2, words::HINT_ROWS)],
    ),
    row(
        &[(Plain(K::Left), A::Left), (Plain(K::Right), A::Right)],
        words::EXPORT_PERIOD,
    ),
    hinted(
        &[(Plain(K::Enter), A::Write)],
        words::EXPORT_WRITE,
        &[hint(3, words::HINT_EXPORT_WRITE)],
    ),
    hinted(
        &[(Plain(K::Esc), A::Cancel)],
        words::EXPORT_CANCEL,
        &[hint(4, words::HINT_CANCEL)],
    ),
    hinted(
        &[(Ctrl('n'), A::UseSuggestion)],
        words::EXPORT_SUGGESTION,
        &[hint_when(0, When::Suggestion, words::HINT_SUGGESTION)],
    ),
];

/// The help's own keys: the movement keys scroll it; any other closes it.
const HELP: &[Binding] = &[unlisted(&[
    (Plain(K::Up), A::Up),
    (Plain(K::Char('k')), A::Up),
    (Plain(K::Down), A::Down),
    (Plain(K::Char('j')), A::Down),
    (Plain(K::PageUp), A::PageUp),
    (Plain(K::PageDown), A::PageDown),
    (Plain(K::Char(' ')), A::PageDown),
    (Plain(K::Home), A::First),
    (Plain(K::End), A::Last),
])];

/// Blind, only q does anything: it quits.
const TOO_SMALL: &[Binding] = &[unlisted(&[(Plain(K::Char('q')), A::Quit)])];

pub(crate) fn table(context: Context) -> &'static [Binding] {
    match context {
        Context::Home => HOME,
        Context::Text => TEXT,
        Context::Questions => QUESTIONS,
        Context::SkipPrompt => SKIP_PROMPT,
        Context::Editor => EDITOR,
        Context::Completion => COMPLETION,
        Context::ActionPoint => ACTION_POINT,
        Context::Profile => PROFILE,
        Context::Export => EXPORT,
        Context::Help => HELP,
        Context::TooSmall => TOO_SMALL,
    }
}

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
#[path = "keymap_tests.rs"]
mod tests;
