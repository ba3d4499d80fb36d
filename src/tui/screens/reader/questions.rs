//! The pause at take-away questions: the question panel, its editor,
//! skipping, and moving from one question to the next.

use jiff::Timestamp;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::section::leave_section_forward;
use crate::document;
use crate::text;
use crate::tui::keymap::Action;
use crate::tui::layout::{panel_split, question_head};
use crate::tui::message::Effect;
use crate::tui::model::{Editor, Focus, Model, Reader, Screen};
use crate::tui::session::{
    current_question_id, flush_all, flush_editor, is_resolved, section_question_count, wording_of,
};
use crate::tui::theme::Theme;
use crate::tui::widgets::{Canvas, draw_editor, draw_lines, stack};

pub(crate) fn start_editing(model: &mut Model, now: Timestamp) {
    let Screen::Reader(reader) = &model.screen else { return };
    let Some(question_id) = current_question_id(model, reader) else {
        return;
    };
    let Some(key) = model.key_of(reader.course, reader.module) else {
        return;
    };
    if model.is_read_only(&key) {
        if let Screen::Reader(reader) = &mut model.screen {
            reader.focus = Focus::Questions;
        }
        model.notice = Some(text::READ_ONLY_NO_EDIT.to_owned());
        return;
    }
    // Another question's draft is written to the journal before its editor goes.
    let replacing = matches!(&model.screen, Screen::Reader(reader)
        if reader.editor.as_ref().is_some_and(|editor| editor.question_id != question_id));
    if replacing {
        flush_editor(model, now);
    }
    let existing = model
        .journal(&key)
        .and_then(|journal| journal.reflections.get(&question_id))
        .map(|reflection| reflection.text.clone())
        .unwrap_or_default();
    let Screen::Reader(reader) = &mut model.screen else {
        return;
    };
    let reuse = reader
        .editor
        .as_ref()
        .is_some_and(|editor| editor.question_id == question_id);
    if !reuse {
        reader.editor = Some(Editor {
            question_id,
            area: crate::editor::Editor::new(&existing),
            dirty_since: None,
        });
    }
    reader.focus = Focus::Editor;
}

/// Writing an answer: every key the table does not name is typed.
pub(crate) fn editor_key(model: &mut Model, action: Option<Action>, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let Screen::Reader(reader) = &mut model.screen else {
        return Vec::new();
    };
    match action {
        Some(Action::StopWriting) => {
            reader.focus = Focus::Questions;
            return flush_all(model, now);
        }
        Some(Action::SwitchPanel) => {
            reader.focus = Focus::Text;
            return Vec::new();
        }
        _ => {}
    }
    let Some(editor) = reader.editor.as_mut() else {
        reader.focus = Focus::Questions;
        return Vec::new();
    };
    let changed = match action {
        Some(Action::Undo) => editor.area.undo(),
        Some(Action::Redo) => editor.area.redo(),
        _ => editor.area.input(key),
    };
    if changed {
        editor.dirty_since.get_or_insert(now);
    }
    Vec::new()
}

pub(crate) fn skip_question(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    flush_editor(model, now);
    let Screen::Reader(reader) = &model.screen else {
        return Vec::new();
    };
    let Some(question_id) = current_question_id(model, reader) else {
        return Vec::new();
    };
    let Some(key) = model.key_of(reader.course, reader.module) else {
        return Vec::new();
    };
    if model.is_read_only(&key) {
        model.notice = Some(text::READ_ONLY_NO_EDIT.to_owned());
        return Vec::new();
    }
    let wording = wording_of(model, reader.course, reader.module, &question_id);
    let journal = model.journal_mut(&key);
    if !journal.can_skip(&question_id) {
        model.notice = Some(text::CANNOT_SKIP_ANSWERED.to_owned());
        return Vec::new();
    }
    if journal.skip(&question_id, &wording, now) {
        model.unsaved.insert(key);
    }
    model.notice = Some(text::SKIPPED.to_owned());
    advance_question(model, now)
}

/// Next question in the section, or on past the section when it is the last.
pub(crate) fn advance_question(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    flush_editor(model, now);
    let count = match &model.screen {
        Screen::Reader(reader) => section_question_count(model, reader),
        _ => 0,
    };
    let Screen::Reader(reader) = &mut model.screen else {
        return Vec::new();
    };
    if reader.question + 1 < count {
        reader.question += 1;
        reader.editor = None;
        // An open question continues the pause in its editor; an answered
        // one is only shown, so stray keys cannot change a saved answer.
        let answered = match &model.screen {
            Screen::Reader(reader) => current_question_id(model, reader)
                .zip(model.key_of(reader.course, reader.module))
                .is_some_and(|(question, key)| is_resolved(model, &key, &question)),
            _ => false,
        };
        if answered {
            if let Screen::Reader(reader) = &mut model.screen {
                reader.focus = Focus::Questions;
            }
        } else {
            start_editing(model, now);
        }
        flush_all(model, now)
    } else {
        reader.editor = None;
        reader.focus = Focus::Text;
        leave_section_forward(model, now)
    }
}

/// The question above its answer box. The box keeps at least
/// `MIN_BOX` rows; the question takes the rest and, when even that is too
/// few, scrolls (Ctrl-↑ Ctrl-↓) rather than being cut.
pub(crate) fn question_panel(model: &Model, reader: &Reader, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let Some((course, module)) = model.module(reader.course, reader.module) else {
        return;
    };
    let Some(question) = module
        .sections
        .get(reader.section)
        .and_then(|section| section.questions.get(reader.question))
    else {
        return;
    };
    let key = (course.id.clone(), module.id.clone());
    let journal = model.journal(&key);
    let head = question_head(model, reader, area.width, theme);
    let (head_rows, _) = panel_split(area.height, head.len());
    let [head_area, editor_area] = stack(area, [Some(head_rows), None]);
    let max_scroll = head.len().saturating_sub(usize::from(head_rows));
    let scroll = usize::from(reader.question_scroll).min(max_scroll);
    let shown: Vec<Line> = head.into_iter().skip(scroll).take(usize::from(head_rows)).collect();
    draw_lines(canvas, head_area, &shown);

    let focused = reader.focus == Focus::Editor;
    let marker = if focused {
        format!("{} ", theme.symbols().pointer)
    } else {
        String::new()
    };
    let mut block = Block::bordered()
        .title(format!("{marker}{}", text::ANSWER_TITLE))
        .border_style(theme.border(focused));
    if scroll < max_scroll {
        block = block.title(Line::from(Span::styled(text::QUESTION_MORE, theme.keys())).right_aligned());
    } else if scroll > 0 {
        block = block.title(Line::from(Span::styled(text::QUESTION_BACK, theme.keys())).right_aligned());
    }
    let editing_this = reader
        .editor
        .as_ref()
        .filter(|editor| editor.question_id == question.id);
    let (words, saved) = match &editing_this {
        Some(editor) => (editor.area.word_count(), editor.dirty_since.is_none()),
        None => (
            document::word_count(
                journal
                    .and_then(|journal| journal.reflections.get(&question.id))
                    .map_or("", |reflection| reflection.text.as_str()),
            ),
            true,
        ),
    };
    let saved_text = if model.save_error.is_some() {
        Span::styled(text::NOT_SAVED_MARK, theme.alarm())
    } else if saved {
        Span::styled(text::SAVED_MARK, theme.done())
    } else {
        Span::styled(text::SAVING_MARK, theme.in_progress())
    };
    // The count and whether it is saved sit in the box's lower edge: on a
    // small screen every row is wanted for the question and the answer.
    let counted = Line::from(vec![
        Span::raw(format!(" {} · ", text::words(words))),
        saved_text,
        Span::raw(" "),
    ]);
    let counted_width = counted.width();
    let block = block.title_bottom(counted);
    let existing = match &editing_this {
        Some(editor) => editor.area.text(),
        None => journal
            .and_then(|journal| journal.reflections.get(&question.id))
            .map_or("", |reflection| reflection.text.as_str()),
    };
    let shown = if existing.is_empty() {
        text::ANSWER_PLACEHOLDER
    } else {
        existing
    };
    // Writing, or an open editor with nothing of a review to show: the
    // editor itself.
    let reviewed =
        !focused && crate::tui::screens::feedback::answer_with_comments(model, reader, shown, theme).is_some();
    if let Some(editor) = editing_this.filter(|_| focused || !reviewed) {
        let inner = block.inner(editor_area);
        canvas.render_widget(block, editor_area);
        draw_editor(canvas, &editor.area, inner, theme.plain(), focused);
        return;
    }
    // Read, not written in: the answer with its reviewers' comments under
    // it, scrolled with the reading keys, the box's edge saying when
    // there is more.
    let inner = block.inner(editor_area);
    let lines = answer_lines(model, reader, shown, inner.width, theme);
    let max_scroll = u16::try_from(lines.len().saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX);
    let scroll = reader.answer_scroll.min(max_scroll);
    // The mark fits beside the word count, in a shorter form when narrow.
    let room = usize::from(editor_area.width).saturating_sub(counted_width + 3);
    let mark = |long: &'static str, short: &'static str| if long.chars().count() <= room { long } else { short };
    let block = if scroll < max_scroll {
        let mark = mark(text::ANSWER_MORE, text::ANSWER_MORE_SHORT);
        block.title_bottom(Line::from(Span::styled(mark, theme.keys())).right_aligned())
    } else if scroll > 0 {
        let mark = mark(text::ANSWER_BACK, text::ANSWER_BACK_SHORT);
        block.title_bottom(Line::from(Span::styled(mark, theme.keys())).right_aligned())
    } else {
        block
    };
    canvas.render_widget(block, editor_area);
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(usize::from(scroll))
        .take(usize::from(inner.height))
        .collect();
    draw_lines(canvas, inner, &visible);
}

/// The answer box's lines while reading, wrapped to `width`: the answer
/// (or the wording reviewed) and, where there is room, each reviewer's
/// comment under it.
pub(crate) fn answer_lines(
    model: &Model,
    reader: &Reader,
    answer: &str,
    width: u16,
    theme: Theme,
) -> Vec<Line<'static>> {
    let lines = crate::tui::screens::feedback::answer_with_comments(model, reader, answer, theme)
        .unwrap_or_else(|| answer.split('\n').map(|line| Line::from(line.to_owned())).collect());
    let width = usize::from(width).max(4);
    lines
        .into_iter()
        .flat_map(|line| {
            let style = line.spans.first().map(|span| span.style).unwrap_or_default();
            let words: String = line.spans.iter().map(|span| span.content.as_ref()).collect();
            if words.is_empty() {
                return vec![Line::from("")];
            }
            textwrap::wrap(&words, width)
                .into_iter()
                .map(|part| Line::from(Span::styled(part.into_owned(), style)))
                .collect()
        })
        .collect()
}

/// How far the answer box scrolls while reading (0 when all fits).
pub(crate) fn answer_max_scroll(model: &Model) -> u16 {
    let Screen::Reader(reader) = &model.screen else {
        return 0;
    };
    let Some((width, height, _)) = crate::tui::layout::answer_box_inner(model) else {
        return 0;
    };
    // As the box shows it: an open editor's text, else the journal's.
    let answer = current_question_id(model, reader)
        .zip(model.key_of(reader.course, reader.module))
        .and_then(|(question, key)| match &reader.editor {
            Some(editor) if editor.question_id == question => Some(editor.area.text().to_owned()),
            _ => model
                .journal(&key)
                .and_then(|journal| journal.reflections.get(&question))
                .map(|reflection| reflection.text.clone()),
        })
        .filter(|text| !text.is_empty())
        .unwrap_or_else(|| text::ANSWER_PLACEHOLDER.to_owned());
    let lines = answer_lines(model, reader, &answer, width, Theme::MEASURING).len();
    u16::try_from(lines.saturating_sub(usize::from(height))).unwrap_or(u16::MAX)
}
