//! The tables themselves: for each context, its keys, what they do, the
//! help's row and the footer's hints. The words are in `text::keys`.

use ratatui::crossterm::event::KeyCode;

use super::{
    Action, Binding, Context, Key, When, edit_row, edit_unlisted, hint, hint_when, hinted, note, row, unlisted,
};
use crate::editor::keys as edit;
use crate::text::keys as words;

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
    // In the foot too, where there is room (last, so it is the first to
    // go): a learner holding a review file needs to find it.
    hinted(
        &[(Plain(K::Char('i')), A::ImportReview)],
        words::HOME_IMPORT_REVIEW,
        &[hint(7, words::HINT_IMPORT_REVIEW)],
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

const ENDS: &[(Key, Action)] = &[
    (Plain(K::Home), A::First),
    (Plain(K::Char('g')), A::First),
    (Plain(K::End), A::Last),
    (Plain(K::Char('G')), A::Last),
];

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
    row(ENDS, words::TEXT_ENDS),
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
    row(&[(Plain(K::Char('w')), A::ReviewedWording)], words::QUESTIONS_REVIEWED),
    // The reader's paging keys, for an answer and its comments longer
    // than the box.
    row(
        &[
            (Plain(K::PageDown), A::PageDown),
            (Plain(K::Char(' ')), A::PageDown),
            (Plain(K::PageUp), A::PageUp),
            (Plain(K::Char('b')), A::PageUp),
        ],
        words::QUESTIONS_PAGE,
    ),
    row(
        &[(Plain(K::Home), A::First), (Plain(K::End), A::Last)],
        words::QUESTIONS_ENDS,
    ),
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
    edit_row(edit::MOVE, words::EDITOR_MOVE),
    edit_row(edit::WORD, words::EDITOR_WORD),
    edit_row(edit::ENDS, words::EDITOR_ENDS),
    edit_row(edit::PAGE, words::EDITOR_PAGE),
    edit_row(edit::DELETE, words::EDITOR_DELETE),
    hinted(UNDO, words::EDITOR_UNDO, &[hint(3, words::HINT_UNDO)]),
    row(SAVE, words::EDITOR_SAVE),
    hinted(PROMPTS, words::EDITOR_PROMPTS, &[hint(4, words::HINT_PROMPTS)]),
    row(SCROLL_ABOVE, words::SCROLL_ABOVE),
    note(words::EDITOR_PASTE),
    edit_unlisted(edit::ALTERNATIVES),
    edit_unlisted(edit::TYPING),
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
        &[(Plain(K::Char('c')), A::CpdRecord)],
        words::COMPLETION_CPD,
        &[hint(3, words::HINT_CPD)],
    ),
    hinted(
        &[(Plain(K::Char('x')), A::DiscardCpdRecord)],
        words::COMPLETION_CPD_DISCARD,
        &[],
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
    // The reader's scroll keys, for a review or action point too long for
    // the screen; none of them means anything else here.
    hinted(
        SCROLL,
        words::TEXT_SCROLL,
        &[hint_when(0, When::Scrolls, words::HINT_SCROLL)],
    ),
    row(
        &[
            (Plain(K::PageDown), A::PageDown),
            (Plain(K::Char(' ')), A::PageDown),
            (Ctrl('f'), A::PageDown),
            (Plain(K::PageUp), A::PageUp),
            (Plain(K::Char('b')), A::PageUp),
        ],
        words::COMPLETION_PAGE,
    ),
    row(ENDS, words::COMPLETION_ENDS),
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
    edit_row(edit::MOVE, words::EDITOR_MOVE),
    edit_row(edit::WORD, words::EDITOR_WORD),
    edit_row(edit::ENDS, words::EDITOR_ENDS),
    edit_row(edit::PAGE, words::EDITOR_PAGE),
    edit_row(edit::DELETE, words::EDITOR_DELETE),
    hinted(UNDO, words::EDITOR_UNDO, &[hint(2, words::HINT_UNDO)]),
    row(SAVE, words::EDITOR_SAVE),
    note(words::EDITOR_PASTE),
    edit_unlisted(edit::ALTERNATIVES),
    edit_unlisted(edit::TYPING),
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

const EXPORT_FINDINGS: &[Binding] = &[
    hinted(
        &[
            (Plain(K::Up), A::Up),
            (Plain(K::Char('k')), A::Up),
            (Plain(K::Down), A::Down),
            (Plain(K::Char('j')), A::Down),
        ],
        words::FINDINGS_MOVE,
        &[hint(4, words::HINT_FINDINGS_MOVE)],
    ),
    hinted(
        &[(Plain(K::Enter), A::Open)],
        words::FINDINGS_OPEN,
        &[hint(0, words::HINT_FINDINGS_OPEN)],
    ),
    hinted(
        &[(Plain(K::Char('m')), A::MarkFinding)],
        words::FINDINGS_MARK,
        &[hint(1, words::HINT_FINDINGS_MARK)],
    ),
    hinted(
        &[(Plain(K::Char('w')), A::WriteAnyway)],
        words::FINDINGS_WRITE,
        &[hint(2, words::HINT_FINDINGS_WRITE)],
    ),
    hinted(
        &[(Plain(K::Esc), A::Cancel)],
        words::FINDINGS_BACK,
        &[hint(3, words::HINT_FINDINGS_BACK)],
    ),
];

const REVIEW_IMPORT: &[Binding] = &[
    hinted(
        &[
            (Plain(K::Tab), A::NextField),
            (Plain(K::BackTab), A::PreviousField),
            (Plain(K::Down), A::NextField),
            (Plain(K::Up), A::PreviousField),
        ],
        words::REVIEW_IMPORT_FIELDS,
        &[hint(2, words::HINT_IMPORT_FIELDS)],
    ),
    hinted(
        &[(Plain(K::Enter), A::Write)],
        words::REVIEW_IMPORT_GO,
        &[hint(1, words::HINT_IMPORT_GO)],
    ),
    hinted(
        &[(Plain(K::Esc), A::Cancel)],
        words::REVIEW_IMPORT_CANCEL,
        &[hint(3, words::HINT_CANCEL)],
    ),
];

const CPD_FORM: &[Binding] = &[
    hinted(
        &[(Plain(K::Tab), A::NextField), (Plain(K::BackTab), A::PreviousField)],
        words::CPD_NEXT_BOX,
        &[hint(2, words::HINT_NEXT_BOX)],
    ),
    hinted(
        &[(Ctrl('r'), A::UsePeerReview)],
        words::CPD_USE_REVIEW,
        &[hint_when(1, When::PeerOffer, words::HINT_USE_REVIEW)],
    ),
    hinted(
        &[(Ctrl('s'), A::Write)],
        words::CPD_MAKE,
        &[hint(0, words::HINT_MAKE_RECORD)],
    ),
    hinted(
        &[(Plain(K::Esc), A::Cancel)],
        words::CPD_CLOSE,
        &[hint(3, words::HINT_CLOSE)],
    ),
    edit_row(edit::MOVE, words::EDITOR_MOVE),
    edit_row(edit::WORD, words::EDITOR_WORD),
    edit_row(edit::DELETE, words::EDITOR_DELETE),
    hinted(UNDO, words::EDITOR_UNDO, &[hint(4, words::HINT_UNDO)]),
    note(words::EDITOR_PASTE),
    edit_unlisted(edit::ENDS),
    edit_unlisted(edit::PAGE),
    edit_unlisted(edit::ALTERNATIVES),
    edit_unlisted(edit::TYPING),
    hinted(F1, words::EDITOR_HELP, &[hint(5, words::HINT_F1_HELP)]),
    row(QUIT_APP, words::QUIT_APP),
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

use super::review_tables::{
    REVIEW_DATE, REVIEW_FINDINGS, REVIEW_LEAVE, REVIEW_OFFER, REVIEW_READ, REVIEW_RESTART, REVIEW_TEXT,
};

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
        Context::ExportFindings => EXPORT_FINDINGS,
        Context::ReviewImport => REVIEW_IMPORT,
        Context::ReviewRead => REVIEW_READ,
        Context::ReviewText => REVIEW_TEXT,
        Context::ReviewOffer => REVIEW_OFFER,
        Context::ReviewRestart => REVIEW_RESTART,
        Context::ReviewDate => REVIEW_DATE,
        Context::ReviewLeave => REVIEW_LEAVE,
        Context::ReviewFindings => REVIEW_FINDINGS,
        Context::CpdForm => CPD_FORM,
        Context::Help => HELP,
        Context::TooSmall => TOO_SMALL,
    }
}
