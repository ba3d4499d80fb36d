//! The editor's keys as data: each key and the command it gives. The editor
//! reads its keys from these lists, and the tutor's key tables list the same
//! lists in its help, so what the help says is what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as the editor names it. `Plain` matches its code whatever else is
/// held, once no `Ctrl` or `Alt` entry for that code has matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKey {
    Plain(KeyCode),
    Ctrl(KeyCode),
    Alt(KeyCode),
}

impl EditKey {
    pub fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        match self {
            EditKey::Plain(code) => event.code == code,
            EditKey::Ctrl(code) => ctrl && event.code == code,
            EditKey::Alt(code) => alt && event.code == code,
        }
    }

    /// A key event that presses this key, for tests and the help's checks.
    pub fn event(self) -> KeyEvent {
        match self {
            EditKey::Plain(code) => KeyEvent::new(code, KeyModifiers::NONE),
            EditKey::Ctrl(code) => KeyEvent::new(code, KeyModifiers::CONTROL),
            EditKey::Alt(code) => KeyEvent::new(code, KeyModifiers::ALT),
        }
    }

    fn is_plain(self) -> bool {
        matches!(self, EditKey::Plain(_))
    }
}

/// What an editing key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditCommand {
    NewLine,
    DeleteBack,
    DeleteForward,
    DeleteWordBack,
    DeleteWordForward,
    /// Ctrl-K: to the paragraph's end (at its end, the newline, as in emacs).
    DeleteToParagraphEnd,
    DeleteToParagraphStart,
    Left,
    Right,
    WordLeft,
    WordRight,
    RowStart,
    RowEnd,
    TextStart,
    TextEnd,
    Up,
    Down,
    PageUp,
    PageDown,
}

use EditCommand as C;
use EditKey::{Alt, Ctrl, Plain};
use KeyCode as K;

pub type EditBinding = (EditKey, EditCommand);

/// Arrows, Home, End.
pub const MOVE: &[EditBinding] = &[
    (Plain(K::Left), C::Left),
    (Plain(K::Right), C::Right),
    (Plain(K::Up), C::Up),
    (Plain(K::Down), C::Down),
    (Plain(K::Home), C::RowStart),
    (Plain(K::End), C::RowEnd),
];

/// By word: Ctrl with an arrow.
pub const WORD: &[EditBinding] = &[(Ctrl(K::Left), C::WordLeft), (Ctrl(K::Right), C::WordRight)];

/// The start and end of the whole text.
pub const ENDS: &[EditBinding] = &[(Ctrl(K::Home), C::TextStart), (Ctrl(K::End), C::TextEnd)];

/// A boxful up or down.
pub const PAGE: &[EditBinding] = &[(Plain(K::PageUp), C::PageUp), (Plain(K::PageDown), C::PageDown)];

/// Deleting more than a character.
pub const DELETE: &[EditBinding] = &[
    (Ctrl(K::Char('w')), C::DeleteWordBack),
    (Ctrl(K::Char('k')), C::DeleteToParagraphEnd),
    (Ctrl(K::Char('u')), C::DeleteToParagraphStart),
];

/// The same, as other editors and terminals give them (emacs's Ctrl-A,
/// Ctrl-E, Alt-B, Alt-F, Alt-D; Alt or Ctrl with an arrow, Backspace or
/// Delete): they work, and the help names the usual ones only.
pub const ALTERNATIVES: &[EditBinding] = &[
    (Ctrl(K::Char('a')), C::RowStart),
    (Ctrl(K::Char('e')), C::RowEnd),
    (Alt(K::Left), C::WordLeft),
    (Alt(K::Char('b')), C::WordLeft),
    (Alt(K::Right), C::WordRight),
    (Alt(K::Char('f')), C::WordRight),
    (Ctrl(K::Backspace), C::DeleteWordBack),
    (Alt(K::Backspace), C::DeleteWordBack),
    (Ctrl(K::Delete), C::DeleteWordForward),
    (Alt(K::Delete), C::DeleteWordForward),
    (Alt(K::Char('d')), C::DeleteWordForward),
];

/// What every text box does without being told: a new line, a character
/// deleted (Ctrl-H is Backspace on some terminals).
pub const TYPING: &[EditBinding] = &[
    (Plain(K::Enter), C::NewLine),
    (Plain(K::Backspace), C::DeleteBack),
    (Ctrl(K::Char('h')), C::DeleteBack),
    (Plain(K::Delete), C::DeleteForward),
];

/// Every list, in the order the help names them.
pub const ALL: &[&[EditBinding]] = &[MOVE, WORD, ENDS, PAGE, DELETE, ALTERNATIVES, TYPING];

/// The command a key gives: a key with Ctrl or Alt first, so that a plain
/// key never takes its modified form's place.
pub fn command_for(event: &KeyEvent) -> Option<EditCommand> {
    let bindings = || ALL.iter().flat_map(|list| list.iter());
    bindings()
        .filter(|(key, _)| !key.is_plain())
        .chain(bindings().filter(|(key, _)| key.is_plain()))
        .find(|(key, _)| key.matches(event))
        .map(|(_, command)| *command)
}
