//! The completion screen: time spent, answers written, the action point,
//! and the way on (export, read again, back to unanswered questions).

use jiff::Timestamp;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::home::{go_to_unanswered, open_module};
use super::reader::leave_to_home;
use crate::text;
use crate::tui::keymap::{Action, Situation, screen_context};
use crate::tui::layout::reading_column;
use crate::tui::message::Effect;
use crate::tui::model::{Focus, Model, Screen};
use crate::tui::overlays::export::open_export;
use crate::tui::session::flush_all;
use crate::tui::theme::Theme;
use crate::tui::widgets::{Canvas, draw_editor, footer, has_skipped, stack};

pub(crate) fn key(model: &mut Model, action: Option<Action>, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let Screen::Completion(completion) = &model.screen else {
        return Vec::new();
    };
    let Some(module_key) = model.key_of(completion.course, completion.module) else {
        return Vec::new();
    };
    let Screen::Completion(completion) = &mut model.screen else {
        return Vec::new();
    };
    if let Some(area) = completion.editor.as_mut() {
        if action == Some(Action::StopWriting) {
            let effects = flush_all(model, now);
            if let Screen::Completion(completion) = &mut model.screen {
                completion.editor = None;
            }
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
        Some(Action::Back) => leave_to_home(model, now),
        _ => Vec::new(),
    }
}

pub(crate) fn draw(model: &Model, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let Screen::Completion(state) = &model.screen else {
        return;
    };
    let Some((course, module)) = model.module(state.course, state.module) else {
        return;
    };
    let key = (course.id.clone(), module.id.clone());
    let journal = model.journal(&key);
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
    let mut lines = vec![Line::from("")];
    let seconds = journal.map_or(0, |journal| journal.active_seconds);
    lines.push(Line::from(text::time_spent(seconds)));
    if module.question_count() > 0 {
        let answered = journal.map_or(0, |journal| journal.answered_count(module));
        let skipped = journal.map_or(0, |journal| journal.skipped_count(module));
        lines.push(Line::from(text::answers_written(
            answered,
            module.question_count(),
            skipped,
        )));
    }
    lines.push(Line::from(""));
    let body_rect = Rect::new(column.x, body.y, column.width, body.height);
    for wrapped in textwrap::wrap(text::ACTION_POINT_TITLE, usize::from(body_rect.width).max(8)) {
        lines.push(Line::from(Span::styled(wrapped.into_owned(), theme.heading())));
    }
    let head_rows = u16::try_from(lines.len()).unwrap_or(0).min(body_rect.height);
    let [head, rest] = stack(body_rect, [Some(head_rows), None]);
    canvas.render_widget(Paragraph::new(lines), head);
    if let Some(area) = &state.editor {
        let block = Block::bordered()
            .title(format!("{} {}", theme.symbols().pointer, text::ACTION_POINT_BOX))
            .border_style(theme.border(true));
        let inner = block.inner(rest);
        canvas.render_widget(block, rest);
        draw_editor(canvas, area, inner, theme.plain(), true);
    } else {
        let point = journal
            .and_then(|journal| journal.action_point.as_ref())
            .map_or("", |point| point.text.as_str());
        let shown = if point.is_empty() { text::NO_ACTION_POINT } else { point };
        let mut shown: Vec<Line> = shown.lines().map(Line::from).collect();
        shown.extend(super::feedback::completion_lines(
            model,
            state.course,
            state.module,
            theme,
        ));
        canvas.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), rest);
    }
    let situation = Situation {
        skipped: has_skipped(model, state.course, state.module),
        ..Situation::default()
    };
    footer(
        model,
        canvas,
        foot,
        theme,
        Line::from(""),
        screen_context(model),
        situation,
    );
}
