//! Importing a supervisor's (or a peer's) review from the home screen:
//! the same checks as `casebook import-review`, done as an effect; the
//! journals in memory take the review when the result comes back.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use crate::editor::Editor as TextEditor;
use crate::text;
use crate::tui::keymap::{self, Action, Context, Situation};
use crate::tui::message::Effect;
use crate::tui::model::{Model, ModuleKey, ReviewImport};
use crate::tui::theme::Theme;
use crate::tui::widgets::{Canvas, centred, draw_editor, draw_lines, fit_keys};

pub(crate) fn open(model: &mut Model) {
    model.overlay = Some(crate::tui::model::Overlay::ReviewImport(ReviewImport {
        path: TextEditor::single_line(""),
        allowed_signers: TextEditor::single_line(""),
        row: 0,
        problem: None,
    }));
}

pub(crate) fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let Some(dialog) = model.review_import_mut() else {
        return Vec::new();
    };
    match keymap::own_action(Context::ReviewImport, &key) {
        Some(Action::Cancel) => model.overlay = None,
        Some(Action::NextField | Action::PreviousField) => dialog.row = 1 - dialog.row.min(1),
        Some(Action::Write) => {
            let path = dialog.path.text().trim().to_owned();
            if path.is_empty() {
                dialog.problem = Some(text::REVIEW_IMPORT_NO_PATH.to_owned());
                dialog.row = 0;
                return Vec::new();
            }
            let signers = dialog.allowed_signers.text().trim().to_owned();
            dialog.problem = Some(text::REVIEW_IMPORT_CHECKING.to_owned());
            return vec![Effect::ImportReview {
                path: typed_path(&path),
                allowed_signers: (!signers.is_empty()).then(|| typed_path(&signers)),
            }];
        }
        _ => {
            let field = if dialog.row == 0 {
                &mut dialog.path
            } else {
                &mut dialog.allowed_signers
            };
            if field.input(key) {
                dialog.problem = None;
            }
        }
    }
    Vec::new()
}

/// Pasted text goes into the field being typed in, first line only.
pub(crate) fn paste(dialog: &mut ReviewImport, pasted: &str) {
    let field = if dialog.row == 0 {
        &mut dialog.path
    } else {
        &mut dialog.allowed_signers
    };
    field.insert_str(pasted.lines().next().unwrap_or_default());
}

/// A path as typed, with a leading `~/` meaning the home folder, as a
/// shell would read it.
fn typed_path(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(typed),
    }
}

/// The review was kept: the journals in memory record the wording each
/// comment was made on, and are saved.
pub(crate) fn imported(
    model: &mut Model,
    review: &crate::review::Review,
    message: &str,
    reviews: Vec<crate::review::ImportedReview>,
    unreadable: &[String],
) -> Vec<Effect> {
    let concerned: std::collections::BTreeSet<ModuleKey> = review
        .comments
        .iter()
        .map(|comment| (comment.course.clone(), comment.module.clone()))
        .collect();
    let mut effects = Vec::new();
    for key in concerned {
        // A journal that could not be read is never written over.
        if model.is_read_only(&key) {
            continue;
        }
        if let Some(journal) = model.journals.get_mut(&key)
            && crate::supervision::apply(journal, review)
        {
            model.unsaved.insert(key.clone());
            effects.push(Effect::Save(key));
        }
    }
    model.reviews = reviews;
    model.overlay = None;
    // The notice is one line: what was imported, then any stored review
    // that could not be read.
    let mut notice = message.lines().collect::<Vec<_>>().join(" ");
    if let Some(problem) = unreadable.first() {
        notice.push(' ');
        notice.push_str(&text::review_unreadable_notice(problem));
    }
    model.notice = Some(notice);
    effects
}

/// The review was refused: the dialog stays open with the reason.
pub(crate) fn refused(model: &mut Model, reason: String) {
    match model.review_import_mut() {
        Some(dialog) => dialog.problem = Some(reason),
        None => model.notice = Some(text::review_refused_notice(&reason)),
    }
}

fn wrapped(words: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    textwrap::wrap(words, width.max(8))
        .into_iter()
        .map(|line| Line::from(Span::styled(line.into_owned(), style)))
        .collect()
}

/// The dialog: what it wants, the two fields, why the last try was refused,
/// and its keys. On a short screen the explanation goes first.
pub(crate) fn draw(dialog: &ReviewImport, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let width = area.width.saturating_sub(4).min(76);
    let inner_width = usize::from(width.saturating_sub(2)).max(8);
    let about = wrapped(text::REVIEW_IMPORT_ABOUT, inner_width, theme.note());
    let problem = dialog
        .problem
        .as_deref()
        .map(|problem| {
            let style = if problem == text::REVIEW_IMPORT_CHECKING {
                theme.plain()
            } else {
                theme.alarm()
            };
            wrapped(problem, inner_width, style)
        })
        .unwrap_or_default();
    let keys = fit_keys(
        &keymap::footer(Context::ReviewImport, Situation::default()),
        inner_width,
    );
    // Two rows per field (its label, then the field), and the keys.
    let room = usize::from(area.height.saturating_sub(2));
    let fixed = 5;
    let problem_rows = problem.len().min(room.saturating_sub(fixed));
    let about_rows = about.len().min(room.saturating_sub(fixed + problem_rows));
    let rows = about_rows + problem_rows + fixed;
    let height = u16::try_from(rows + 2).unwrap_or(u16::MAX).min(area.height);
    let rect = centred(area, width, height);
    canvas.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(text::REVIEW_IMPORT_TITLE)
        .border_style(theme.border(true));
    let inner = block.inner(rect);
    canvas.render_widget(block, rect);
    let mut y = inner.y;
    let bottom = inner.bottom();
    let line = |canvas: &mut Canvas, y: &mut u16, content: Line| {
        if *y < bottom {
            draw_lines(canvas, Rect::new(inner.x, *y, inner.width, 1), &[content]);
            *y += 1;
        }
    };
    for row in about.into_iter().take(about_rows) {
        line(canvas, &mut y, row);
    }
    for (index, (label, field)) in [
        (text::REVIEW_IMPORT_FILE, &dialog.path),
        (text::REVIEW_IMPORT_SIGNERS, &dialog.allowed_signers),
    ]
    .into_iter()
    .enumerate()
    {
        let focused = dialog.row == index;
        let marker = if focused {
            format!("{} ", theme.symbols().pointer)
        } else {
            String::new()
        };
        line(
            canvas,
            &mut y,
            Line::from(Span::styled(format!("{marker}{label}"), theme.heading())),
        );
        if y < bottom {
            draw_editor(
                canvas,
                field,
                Rect::new(inner.x, y, inner.width, 1),
                theme.plain(),
                focused,
            );
            y += 1;
        }
    }
    for row in problem.into_iter().take(problem_rows) {
        line(canvas, &mut y, row);
    }
    line(canvas, &mut y, Line::from(Span::styled(keys, theme.keys())));
}
