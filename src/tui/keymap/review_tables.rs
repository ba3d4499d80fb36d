//! The full-screen review's tables (`casebook review`): reading a page,
//! writing in its box, the date, leaving, and a draft waiting.

use ratatui::crossterm::event::KeyCode;

use super::{Action, Binding, Key, edit_row, edit_unlisted, hint, hinted, row};
use crate::editor::keys as edit;
use crate::text::keys as words;

use Action as A;
use Key::{Ctrl, Plain};
use KeyCode as K;

// The reader's keys, as the tutor's reading table has them (not imported
// from it: that table's `table()` imports these).
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
const ENDS: &[(Key, Action)] = &[
    (Plain(K::Home), A::First),
    (Plain(K::Char('g')), A::First),
    (Plain(K::End), A::Last),
    (Plain(K::Char('G')), A::Last),
];
const QUIT_APP: &[(Key, Action)] = &[(Ctrl('c'), A::QuitApp)];
const HELP_KEYS: &[(Key, Action)] = &[(Plain(K::Char('?')), A::Help), (Plain(K::F(1)), A::Help)];
const F1: &[(Key, Action)] = &[(Plain(K::F(1)), A::Help)];

/// The full-screen review, reading: the reader's keys page through the
/// reflection, and on to the next page.
pub(super) const REVIEW_READ: &[Binding] = &[
    hinted(
        &[(Plain(K::Char(' ')), A::PageOrNext)],
        words::REVIEW_SPACE,
        &[hint(1, words::HINT_REVIEW_READ_ON)],
    ),
    row(
        &[
            (Plain(K::PageDown), A::PageDown),
            (Ctrl('f'), A::PageDown),
            (Plain(K::PageUp), A::PageUp),
            (Plain(K::Char('b')), A::PageUp),
        ],
        words::REVIEW_PAGE,
    ),
    row(SCROLL, words::TEXT_SCROLL),
    row(ENDS, words::REVIEW_ENDS),
    hinted(
        &[(Plain(K::Tab), A::SwitchPanel), (Plain(K::Enter), A::SwitchPanel)],
        words::REVIEW_TO_BOX,
        &[hint(2, words::HINT_REVIEW_COMMENT)],
    ),
    hinted(NEXT, words::REVIEW_NEXT_PAGE, &[hint(3, words::HINT_REVIEW_NEXT)]),
    hinted(
        &[
            (Plain(K::Left), A::Previous),
            (Plain(K::Char('h')), A::Previous),
            (Plain(K::Char('p')), A::Previous),
            (Plain(K::BackTab), A::Previous),
        ],
        words::REVIEW_PREVIOUS_PAGE,
        &[hint(4, words::HINT_REVIEW_BACK)],
    ),
    hinted(
        &[(Plain(K::Esc), A::Cancel)],
        words::REVIEW_LEAVE,
        &[hint(5, words::HINT_REVIEW_LEAVE)],
    ),
    hinted(
        QUIT_APP,
        words::REVIEW_SAVE_LEAVE,
        &[hint(6, words::HINT_REVIEW_SAVE_LEAVE)],
    ),
    hinted(HELP_KEYS, words::HELP, &[hint(7, words::HINT_HELP)]),
];

/// Writing in the full-screen review's box: the editor takes every other key.
pub(super) const REVIEW_TEXT: &[Binding] = &[
    hinted(
        &[(Plain(K::Tab), A::StopWriting), (Plain(K::Esc), A::StopWriting)],
        words::REVIEW_BOX_DONE,
        &[hint(1, words::HINT_REVIEW_READ)],
    ),
    hinted(
        QUIT_APP,
        words::REVIEW_SAVE_LEAVE,
        &[hint(2, words::HINT_REVIEW_SAVE_LEAVE)],
    ),
    edit_row(edit::MOVE, words::EDITOR_MOVE),
    edit_row(edit::WORD, words::EDITOR_WORD),
    edit_row(edit::DELETE, words::EDITOR_DELETE),
    edit_unlisted(edit::ENDS),
    edit_unlisted(edit::PAGE),
    edit_unlisted(edit::ALTERNATIVES),
    edit_unlisted(edit::TYPING),
    hinted(F1, words::EDITOR_HELP, &[hint(3, words::HINT_F1_HELP)]),
];

pub(super) const REVIEW_DATE: &[Binding] = &[
    hinted(
        &[(Plain(K::Enter), A::Done)],
        words::REVIEW_WRITE,
        &[hint(1, words::HINT_REVIEW_WRITE)],
    ),
    hinted(
        &[(Plain(K::Tab), A::StopWriting), (Plain(K::Esc), A::StopWriting)],
        words::REVIEW_BOX_DONE,
        &[hint(2, words::HINT_REVIEW_READ)],
    ),
    hinted(
        QUIT_APP,
        words::REVIEW_SAVE_LEAVE,
        &[hint(3, words::HINT_REVIEW_SAVE_LEAVE)],
    ),
    hinted(F1, words::EDITOR_HELP, &[hint(4, words::HINT_F1_HELP)]),
];

pub(super) const REVIEW_LEAVE: &[Binding] = &[
    hinted(
        &[(Plain(K::Char('y')), A::Quit)],
        words::REVIEW_LEAVE_YES,
        &[hint(1, words::HINT_REVIEW_LEAVE_YES)],
    ),
    hinted(
        &[(Plain(K::Char('n')), A::Cancel), (Plain(K::Esc), A::Cancel)],
        words::REVIEW_LEAVE_NO,
        &[hint(2, words::HINT_REVIEW_STAY)],
    ),
];

/// The check found something in the reviewer's words.
pub(super) const REVIEW_FINDINGS: &[Binding] = &[
    hinted(
        &[(Plain(K::Char('e')), A::Back), (Plain(K::Esc), A::Back)],
        words::REVIEW_FINDINGS_BACK,
        &[hint(1, words::HINT_REVIEW_FINDINGS_BACK)],
    ),
    hinted(
        &[(Plain(K::Char('w')), A::Write)],
        words::REVIEW_FINDINGS_WRITE,
        &[hint(2, words::HINT_REVIEW_FINDINGS_WRITE)],
    ),
    hinted(
        QUIT_APP,
        words::REVIEW_SAVE_LEAVE,
        &[hint(3, words::HINT_REVIEW_SAVE_LEAVE)],
    ),
];

/// A draft of this review is waiting.
pub(super) const REVIEW_OFFER: &[Binding] = &[
    hinted(
        &[(Plain(K::Enter), A::CarryOn), (Plain(K::Char('c')), A::CarryOn)],
        words::REVIEW_CARRY_ON,
        &[hint(1, words::HINT_REVIEW_CARRY_ON)],
    ),
    hinted(
        &[(Plain(K::Char('n')), A::StartAgain)],
        words::REVIEW_START_AGAIN,
        &[hint(2, words::HINT_REVIEW_START_AGAIN)],
    ),
    hinted(
        &[(Plain(K::Esc), A::Quit)],
        words::REVIEW_OFFER_LEAVE,
        &[hint(3, words::HINT_REVIEW_LEAVE)],
    ),
];

/// Asked before the draft is thrown away.
pub(super) const REVIEW_RESTART: &[Binding] = &[
    hinted(
        &[(Plain(K::Char('y')), A::StartAgain)],
        words::REVIEW_RESTART_YES,
        &[hint(1, words::HINT_REVIEW_RESTART_YES)],
    ),
    hinted(
        &[(Plain(K::Char('n')), A::Cancel), (Plain(K::Esc), A::Cancel)],
        words::REVIEW_RESTART_NO,
        &[hint(2, words::HINT_REVIEW_KEEP)],
    ),
];
