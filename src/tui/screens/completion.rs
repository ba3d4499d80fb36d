//! The completion screen: time spent, answers written, the action point,
//! the latest review, and the way on (export, read again, back to
//! unanswered questions). Everything below the title scrolls with the
//! reader's keys when it does not fit.

use jiff::Timestamp;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::home::{go_to_unanswered, open_module};
use super::reader::leave_to_home;
use crate::text;
use crate::tui::keymap::{Action, Situation, screen_context};
use crate::tui::layout::{
    completion_body_height, completion_lines, completion_max_scroll, page, reading_column, scrolled,
};
use crate::tui::message::Effect;
use crate::tui::model::{Focus, Model, Screen};
use crate::tui::overlays::export::open_export;
use crate::tui::session::flush_all;
use crate::tui::theme::Theme;
use crate::tui::widgets::{Canvas, draw_editor, draw_lines, footer, has_skipped, stack};

/// Keeps the scroll within what there is to show, after the window or the
/// action point changed.
pub(crate) fn clamp_scroll(model: &mut Model) {
    if !matches!(&model.screen, Screen::Completion(completion) if completion.scroll > 0) {
        return;
    }
    let max = completion_max_scroll(model);
    if let Screen::Completion(completion) = &mut model.screen {
        completion.scroll = completion.scroll.min(max);
    }
}

pub(crate) fn key(model: &mut Model, action: Option<Action>, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let Screen::Completion(completion) = &model.screen else {
        return Vec::new();
    };
    let Some(module_key) = model.key_of(completion.course, completion.module) else {
        return Vec::new();
    };
    let writing = matches!(&model.screen, Screen::Completion(completion) if completion.editor.is_some());
    if !writing && scroll_key(model, action) {
        return Vec::new();
    }
    let Screen::Completion(completion) = &mut model.screen else {
        return Vec::new();
    };
    if let Some(area) = completion.editor.as_mut() {
        if action == Some(Action::StopWriting) {
            let effects = flush_all(model, now);
            if let Screen::Completion(completion) = &mut model.screen {
                completion.editor = None;
            }
            clamp_scroll(model);
            return effects;
        }
        let changed = match action {
            Some(Action::Undo) => area.undo(),
            Some(Action::Redo) => area.redo(),
            _ => area.input(key),
        };
        if changed {
            completion.dirty_since.get_or_insert(now);
        }
        return Vec::new();
    }
    match action {
        Some(Action::Write) => {
            if model.is_read_only(&module_key) {
                model.notice = Some(text::READ_ONLY_NO_EDIT.to_owned());
                return Vec::new();
            }
            let existing = model
                .journal(&module_key)
                .and_then(|journal| journal.action_point.as_ref())
                .map(|point| point.text.clone())
                .unwrap_or_default();
            if let Screen::Completion(completion) = &mut model.screen {
                completion.editor = Some(crate::editor::Editor::new(&existing));
            }
            Vec::new()
        }
        Some(Action::Export) => {
            let mut effects = flush_all(model, now);
            effects.extend(open_export(model, vec![module_key], now));
            effects
        }
        Some(Action::Unanswered) => {
            let (course, module) = (completion.course, completion.module);
            go_to_unanswered(model, course, module, now)
        }
        Some(Action::ReadAgain) => {
            let (course, module) = (completion.course, completion.module);
            let effects = open_module(model, course, module, now);
            if let Screen::Reader(reader) = &mut model.screen {
                reader.section = 0;
                reader.scroll = 0;
                reader.focus = Focus::Text;
                reader.editor = None;
            }
            effects
        }
        Some(Action::CpdRecord) => {
            let effects = flush_all(model, now);
            crate::tui::overlays::cpd::open(model, module_key);
            effects
        }
        Some(Action::DiscardCpdRecord) => crate::tui::overlays::cpd::discard_newest(model, &module_key),
        Some(Action::Back) => leave_to_home(model, now),
        _ => Vec::new(),
    }
}

/// The reader's scroll keys, over everything below the title. Whether
/// `action` was one of them.
fn scroll_key(model: &mut Model, action: Option<Action>) -> bool {
    let rows = completion_body_height(model);
    let delta = match action {
        Some(Action::Down) => Some(1),
        Some(Action::Up) => Some(-1),
        Some(Action::PageDown) => Some(page(rows)),
        Some(Action::PageUp) => Some(-page(rows)),
        Some(Action::First) => Some(-i32::from(u16::MAX)),
        Some(Action::Last) => Some(i32::from(u16::MAX)),
        _ => None,
    };
    let Some(delta) = delta else {
        return false;
    };
    let max = completion_max_scroll(model);
    if let Screen::Completion(completion) = &mut model.screen {
        completion.scroll = scrolled(completion.scroll, delta, max);
    }
    true
}

pub(crate) fn draw(model: &Model, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let Screen::Completion(state) = &model.screen else {
        return;
    };
    let Some((_, module)) = model.module(state.course, state.module) else {
        return;
    };
    let column = reading_column(area);
    let [title_row, body, foot] = stack(area, [Some(1), None, Some(2)]);
    canvas.render_widget(
        Paragraph::new(Span::styled(
            format!(" {}: {}", text::COMPLETE_TITLE, module.title),
            theme.header(),
        ))
        .style(theme.header()),
        title_row,
    );
    let body_rect = Rect::new(column.x, body.y, column.width, body.height);
    let lines = completion_lines(model, state, column.width, theme);
    let mut left = Line::from("");
    let mut scrolls = false;
    if let Some(area) = &state.editor {
        let head_rows = u16::try_from(lines.len()).unwrap_or(u16::MAX).min(body_rect.height);
        let [head, rest] = stack(body_rect, [Some(head_rows), None]);
        draw_lines(canvas, head, &lines);
        let block = Block::bordered()
            .title(format!("{} {}", theme.symbols().pointer, text::ACTION_POINT_BOX))
            .border_style(theme.border(true));
        let inner = block.inner(rest);
        canvas.render_widget(block, rest);
        draw_editor(canvas, area, inner, theme.plain(), true);
    } else {
        let rows = usize::from(body_rect.height);
        let max_scroll = lines.len().saturating_sub(rows);
        let scroll = usize::from(state.scroll).min(max_scroll);
        let shown: Vec<Line> = lines.into_iter().skip(scroll).take(rows).collect();
        draw_lines(canvas, body_rect, &shown);
        // Says what is cut off, as the reader does, so that nothing of a
        // long review goes unread.
        scrolls = max_scroll > 0;
        let mut marks = Vec::new();
        if scroll > 0 {
            marks.push(text::MORE_ABOVE);
        }
        if scroll < max_scroll {
            marks.push(text::MORE_BELOW);
        }
        left = Line::from(Span::styled(marks.join("  "), theme.keys()));
    }
    let situation = Situation {
        skipped: has_skipped(model, state.course, state.module),
        scrolls,
        ..Situation::default()
    };
    footer(model, canvas, foot, theme, left, screen_context(model), situation);
}
