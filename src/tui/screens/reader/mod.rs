//! The reader: a module one section at a time, scrolled, paged, and on
//! to the next section, pausing at take-away questions (whose panel and
//! editor are in `questions.rs`).

use jiff::Timestamp;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub(crate) mod questions;
mod section;

use crate::document::{DocLine, LineKind};
use questions::{advance_question, editor_key, question_panel, skip_question, start_editing};
use section::leave_section_forward;

use crate::text;
use crate::tui::keymap::{Action, Situation, screen_context};
use crate::tui::layout::{
    MIN_PROMPTS, max_scroll, more_below, page, panel_height, panel_shown, prompt_lines, prompts_max_scroll,
    question_lines, question_max_scroll, reader_body_height, reading_column, scrolled, section_end_shown,
    section_has_questions, with_section_text,
};
use crate::tui::message::Effect;
use crate::tui::model::{Focus, Model, Reader, Screen};
use crate::tui::session::{current_question_id, flush_all, flush_editor, is_resolved, section_question_count};
use crate::tui::theme::Theme;
use crate::tui::widgets::{Canvas, draw_lines, footer, short_name, stack, truncate};

/// Whether the selected question may be skipped: only while it has no
/// text, in the journal or in its open editor.
fn selected_can_skip(model: &Model) -> bool {
    let Screen::Reader(reader) = &model.screen else {
        return false;
    };
    let Some(question_id) = current_question_id(model, reader) else {
        return false;
    };
    let typed = reader
        .editor
        .as_ref()
        .is_some_and(|editor| editor.question_id == question_id && !editor.area.text().trim().is_empty());
    let written = model
        .key_of(reader.course, reader.module)
        .and_then(|key| model.journal(&key))
        .is_some_and(|journal| !journal.can_skip(&question_id));
    !(typed || written)
}

pub(crate) fn clamp_scroll(model: &mut Model) {
    // At the top there is nothing to clamp, and no need to wrap the whole
    // section to know it.
    if matches!(&model.screen, Screen::Reader(reader) if reader.scroll == 0) {
        return;
    }
    let max = max_scroll(model);
    if let Screen::Reader(reader) = &mut model.screen {
        reader.scroll = reader.scroll.min(max);
    }
}

fn scroll_by(model: &mut Model, delta: i32) {
    let max = max_scroll(model);
    if let Screen::Reader(reader) = &mut model.screen {
        reader.scroll = scrolled(reader.scroll, delta, max);
    }
}

/// The reader's keys: the skip prompt, the editor, the questions or the
/// text, whichever has the focus.
pub(crate) fn key(model: &mut Model, action: Option<Action>, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    match action {
        Some(Action::Prompts) => {
            toggle_prompts(model);
            return Vec::new();
        }
        Some(Action::ScrollAboveUp) => {
            scroll_above(model, -1);
            return Vec::new();
        }
        Some(Action::ScrollAboveDown) => {
            scroll_above(model, 1);
            return Vec::new();
        }
        _ => {}
    }
    let Screen::Reader(reader) = &mut model.screen else {
        return Vec::new();
    };
    if reader.confirm_skip {
        reader.confirm_skip = false;
        return match action {
            Some(Action::ConfirmSkip) => skip_question(model, now),
            Some(Action::Write) => {
                start_editing(model, now);
                Vec::new()
            }
            _ => Vec::new(),
        };
    }
    match reader.focus {
        Focus::Editor => editor_key(model, action, key, now),
        Focus::Questions => questions_key(model, action, now),
        Focus::Text => text_key(model, action, now),
    }
}

/// Ctrl-G: the prompts, where there is room for them; else why not.
fn toggle_prompts(model: &mut Model) {
    let Screen::Reader(reader) = &mut model.screen else {
        return;
    };
    reader.prompts = !reader.prompts;
    reader.prompts_scroll = 0;
    if reader.prompts && reader_body_height(model) < MIN_PROMPTS {
        if let Screen::Reader(reader) = &mut model.screen {
            reader.prompts = false;
        }
        model.notice = Some(text::NO_ROOM_FOR_PROMPTS.to_owned());
    }
}

/// Ctrl-↑ / Ctrl-↓: the prompts when they are shown and do not fit, else
/// the question above the answer box.
fn scroll_above(model: &mut Model, delta: i32) {
    let prompts_max = prompts_max_scroll(model);
    let question_max = question_max_scroll(model);
    let Screen::Reader(reader) = &mut model.screen else {
        return;
    };
    let (scroll, max) = if reader.prompts && prompts_max > 0 {
        (&mut reader.prompts_scroll, prompts_max)
    } else {
        (&mut reader.question_scroll, question_max)
    };
    *scroll = scrolled(*scroll, delta, max);
}

fn text_key(model: &mut Model, action: Option<Action>, now: Timestamp) -> Vec<Effect> {
    // The prompts cover the text while shown: the arrows scroll them.
    if matches!(&model.screen, Screen::Reader(reader) if reader.prompts) {
        match action {
            Some(Action::Up | Action::PageUp) => return key_scroll_prompts(model, -1),
            Some(Action::Down | Action::PageDown | Action::PageOrNext) => return key_scroll_prompts(model, 1),
            _ => {}
        }
    }
    let page = page(reader_body_height(model));
    let has_questions = matches!(&model.screen, Screen::Reader(reader) if section_question_count(model, reader) > 0);
    match action {
        Some(Action::Down) => scroll_by(model, 1),
        Some(Action::Up) => scroll_by(model, -1),
        Some(Action::PageDown) => scroll_by(model, page),
        Some(Action::PageOrNext) => {
            let at_end = matches!(&model.screen, Screen::Reader(reader) if reader.scroll >= max_scroll(model));
            if at_end && has_questions {
                // Space pages; it never opens a box to write in, where the
                // next Space (or a held one) would type into a reflection.
                // At the take-away questions it selects the first open one.
                select_first_open_question(model);
            } else if at_end {
                return next(model, now);
            } else {
                scroll_by(model, page);
            }
        }
        Some(Action::PageUp) => scroll_by(model, -page),
        Some(Action::First) => scroll_by(model, -i32::from(u16::MAX)),
        Some(Action::Last) => scroll_by(model, i32::from(u16::MAX)),
        Some(Action::Next) => return next(model, now),
        Some(Action::Previous) => return previous_section(model, now),
        Some(Action::SwitchPanel) if has_questions => {
            if let Screen::Reader(reader) = &mut model.screen {
                reader.focus = if reader.editor.is_some() {
                    Focus::Editor
                } else {
                    Focus::Questions
                };
            }
        }
        Some(Action::Write) if has_questions => start_editing(model, now),
        Some(Action::Back) => return leave_to_home(model, now),
        _ => {}
    }
    Vec::new()
}

/// The questions panel takes the focus with the first open question
/// selected (the first if all are resolved); nothing is opened for writing.
fn select_first_open_question(model: &mut Model) {
    let Screen::Reader(reader) = &model.screen else {
        return;
    };
    if reader.editor.is_some() {
        return;
    }
    let Some(key) = model.key_of(reader.course, reader.module) else {
        return;
    };
    let first_open = model
        .module(reader.course, reader.module)
        .and_then(|(_, module)| module.sections.get(reader.section))
        .and_then(|section| {
            section
                .questions
                .iter()
                .position(|question| !is_resolved(model, &key, &question.id))
        })
        .unwrap_or(0);
    if let Screen::Reader(reader) = &mut model.screen {
        reader.focus = Focus::Questions;
        reader.question = first_open;
    }
}

fn key_scroll_prompts(model: &mut Model, delta: i32) -> Vec<Effect> {
    scroll_above(model, delta);
    Vec::new()
}

fn questions_key(model: &mut Model, action: Option<Action>, now: Timestamp) -> Vec<Effect> {
    let count = match &model.screen {
        Screen::Reader(reader) => section_question_count(model, reader),
        _ => 0,
    };
    let Screen::Reader(reader) = &mut model.screen else {
        return Vec::new();
    };
    match action {
        Some(Action::Down) => reader.question = (reader.question + 1).min(count.saturating_sub(1)),
        Some(Action::Up) => reader.question = reader.question.saturating_sub(1),
        Some(Action::Write) => start_editing(model, now),
        Some(Action::Skip) => {
            if selected_can_skip(model) {
                if let Screen::Reader(reader) = &mut model.screen {
                    reader.confirm_skip = true;
                }
            } else {
                model.notice = Some(text::CANNOT_SKIP_ANSWERED.to_owned());
            }
        }
        Some(Action::SwitchPanel) => reader.focus = Focus::Text,
        Some(Action::ReviewedWording) => super::feedback::toggle_reviewed_wording(model),
        Some(Action::PageDown | Action::PageUp | Action::First | Action::Last) => {
            scroll_answer(model, action);
        }
        Some(Action::Next) => return next(model, now),
        Some(Action::Previous) => {
            if reader.question == 0 {
                reader.focus = Focus::Text;
            } else {
                reader.question -= 1;
            }
        }
        Some(Action::Back) => return leave_to_home(model, now),
        _ => {}
    }
    Vec::new()
}

/// The reading keys on a question: the answer box and the comments in it,
/// or, where the comments sit above the box, the question and them.
fn scroll_answer(model: &mut Model, action: Option<Action>) {
    let above = matches!(&model.screen, Screen::Reader(reader) if super::feedback::comments_above_box(model, reader));
    let inner = crate::tui::layout::answer_box_inner(model);
    let (rows, max) = if above {
        (inner.map_or(2, |(_, _, head)| head), question_max_scroll(model))
    } else {
        (
            inner.map_or(2, |(_, height, _)| height),
            questions::answer_max_scroll(model),
        )
    };
    let Screen::Reader(reader) = &mut model.screen else {
        return;
    };
    let scroll = if above {
        &mut reader.question_scroll
    } else {
        &mut reader.answer_scroll
    };
    let page = page(rows);
    *scroll = match action {
        Some(Action::PageDown) => scrolled(*scroll, page, max),
        Some(Action::PageUp) => scrolled(*scroll, -page, max),
        Some(Action::First) => 0,
        _ => max,
    };
}

/// Right / `l` / `n`: on through the module, pausing at questions.
fn next(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    flush_editor(model, now);
    let Screen::Reader(reader) = &model.screen else {
        return Vec::new();
    };
    let Some(key) = model.key_of(reader.course, reader.module) else {
        return Vec::new();
    };
    let Some((_, module)) = model.module(reader.course, reader.module) else {
        return Vec::new();
    };
    let Some(section) = module.sections.get(reader.section) else {
        return Vec::new();
    };
    let read_only = model.is_read_only(&key);
    match reader.focus {
        Focus::Text if !section.questions.is_empty() && !read_only => {
            // The pause: each open question in turn, starting at the first.
            let first_open = section
                .questions
                .iter()
                .position(|question| !is_resolved(model, &key, &question.id));
            match first_open {
                Some(index) => {
                    if let Screen::Reader(reader) = &mut model.screen {
                        reader.question = index;
                        reader.editor = None;
                    }
                    start_editing(model, now);
                    flush_all(model, now)
                }
                None => leave_section_forward(model, now),
            }
        }
        Focus::Text => leave_section_forward(model, now),
        Focus::Questions | Focus::Editor => {
            let Some(question_id) = section
                .questions
                .get(reader.question)
                .map(|question| question.id.clone())
            else {
                return leave_section_forward(model, now);
            };
            if is_resolved(model, &key, &question_id) || read_only {
                advance_question(model, now)
            } else {
                if let Screen::Reader(reader) = &mut model.screen {
                    reader.confirm_skip = true;
                    reader.focus = Focus::Questions;
                }
                flush_all(model, now)
            }
        }
    }
}

/// A section counts as read once its last line has been on screen:
/// scrolled or paged to, or short enough to fit. Called after every
/// message, since scrolling, resizing and opening all can show it.
pub(crate) fn note_reading(model: &mut Model) {
    let Screen::Reader(reader) = &model.screen else {
        return;
    };
    let (course, module, section) = (reader.course, reader.module, reader.section);
    let Some(key) = model.key_of(course, module) else {
        return;
    };
    if model.is_read_only(&key)
        || model
            .journal(&key)
            .is_some_and(|journal| journal.sections_read.contains(&section))
        || model.is_too_small()
        || !section_end_shown(model)
    {
        return;
    }
    if model.journal_mut(&key).mark_read(section) {
        model.unsaved.insert(key);
    }
}

fn previous_section(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    flush_editor(model, now);
    if let Screen::Reader(reader) = &mut model.screen
        && reader.section > 0
    {
        reader.section -= 1;
        reader.scroll = 0;
        reader.question = 0;
        reader.editor = None;
        reader.focus = Focus::Text;
    }
    flush_all(model, now)
}

pub(crate) fn leave_to_home(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    let effects = flush_all(model, now);
    model.screen = Screen::Home;
    effects
}

fn styled(line: &DocLine, theme: Theme) -> Line<'static> {
    let style = match line.kind {
        LineKind::Heading | LineKind::NoteHeading => theme.heading(),
        LineKind::Lead => theme.lead(),
        LineKind::Quote => theme.quote(),
        LineKind::Note => theme.note(),
        LineKind::Blank | LineKind::Para | LineKind::Item => theme.plain(),
    };
    Line::from(Span::styled(line.text.clone(), style))
}

/// The rows of the section from `skip`, at most `rows` of them: only what
/// the screen shows is styled and drawn.
fn section_window(
    model: &Model,
    reader: &Reader,
    width: u16,
    theme: Theme,
    skip: usize,
    rows: usize,
) -> Vec<Line<'static>> {
    let (mut lines, body_lines) = with_section_text(model, reader, width, skip.saturating_add(rows), |text| {
        let lines: Vec<Line<'static>> = text
            .lines
            .iter()
            .skip(skip)
            .take(rows)
            .map(|line| styled(line, theme))
            .collect();
        (lines, text.lines.len())
    });
    if lines.len() < rows {
        let skip_questions = skip.saturating_sub(body_lines);
        lines.extend(
            question_lines(model, reader, width, theme)
                .into_iter()
                .skip(skip_questions)
                .take(rows - lines.len()),
        );
    }
    lines
}

pub(crate) fn draw(model: &Model, reader: &Reader, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let Some((course, module)) = model.module(reader.course, reader.module) else {
        return;
    };
    let [header_row, title_row, body, foot] = stack(area, [Some(1), Some(1), None, Some(2)]);
    let mut crumbs = vec![course.title.clone()];
    crumbs.extend(
        module
            .area
            .as_deref()
            .map(|id| course.area_title(id).unwrap_or(id).to_owned()),
    );
    crumbs.extend(
        module
            .stage
            .as_deref()
            .map(|id| course.stage_title(id).unwrap_or(id).to_owned()),
    );
    crumbs.push(short_name(module).to_owned());
    let mut header = format!(" {}", crumbs.join(" › "));
    if header.chars().count() > usize::from(area.width) {
        // The case matters more than the course's long title.
        header = format!(" {}", crumbs[1..].join(" › "));
    }
    let header = truncate(&header, usize::from(area.width));
    canvas.buffer_mut().set_style(header_row, theme.header());
    draw_lines(canvas, header_row, &[Line::from(Span::styled(header, theme.header()))]);
    let column = reading_column(area);
    let section_title = module
        .sections
        .get(reader.section)
        .map_or("", |section| section.title.as_str());
    draw_lines(
        canvas,
        Rect::new(column.x, title_row.y, column.width, 1),
        &[Line::from(Span::styled(
            truncate(section_title, usize::from(column.width)),
            theme.title(),
        ))],
    );

    let show_panel = panel_shown(model, reader);
    let panel_rows = if show_panel {
        panel_height(model).min(body.height)
    } else {
        0
    };
    let [text_area, panel_area] = stack(body, [None, Some(panel_rows)]);
    let text_rect = Rect::new(column.x, text_area.y, column.width, text_area.height);
    if text_rect.height > 0 {
        if reader.prompts {
            prompts(model, reader, canvas, text_rect, theme);
        } else {
            let lines = section_window(
                model,
                reader,
                column.width,
                theme,
                usize::from(reader.scroll),
                usize::from(text_rect.height),
            );
            draw_lines(canvas, text_rect, &lines);
        }
    }
    if show_panel && panel_area.height > 0 {
        question_panel(
            model,
            reader,
            canvas,
            Rect::new(column.x, panel_area.y, column.width, panel_area.height),
            theme,
        );
    }

    let sections = module.sections.len().max(1);
    let position = text::section_of(reader.section + 1, sections);
    // Says there is more to read before the learner turns the page: on a
    // narrow screen the progress bar gives way to it.
    let more_below = !reader.prompts && more_below(model, reader);
    let more_width = if more_below {
        text::MORE_BELOW.chars().count() + 2
    } else {
        0
    };
    let bar_width = usize::from(area.width)
        .saturating_sub(position.chars().count() + 2 + more_width)
        .min(20);
    let filled = (reader.section + 1) * bar_width / sections;
    let bar = format!("{}{}", "█".repeat(filled), "░".repeat(bar_width - filled));
    let mut left = Line::from(vec![
        Span::raw(format!("{position}  ")),
        Span::styled(bar, theme.done()),
    ]);
    if more_below {
        left.push_span(Span::raw("  "));
        left.push_span(Span::styled(text::MORE_BELOW, theme.keys()));
    }
    let situation = Situation {
        questions: section_has_questions(model, reader),
        ..Situation::default()
    };
    footer(model, canvas, foot, theme, left, screen_context(model), situation);
}

/// The reflective prompts in the rows above the question panel: all of
/// them when they fit, else scrolled; with too few rows, why not.
fn prompts(model: &Model, reader: &Reader, canvas: &mut Canvas, area: Rect, theme: Theme) {
    if area.height < MIN_PROMPTS {
        let lines: Vec<Line> = textwrap::wrap(text::NO_ROOM_FOR_PROMPTS, usize::from(area.width).max(8))
            .into_iter()
            .map(|line| Line::from(Span::styled(line.into_owned(), theme.note())))
            .collect();
        draw_lines(canvas, area, &lines);
        return;
    }
    let lines = prompt_lines(area.width, theme);
    let max_scroll = prompts_max_scroll(model);
    let scroll = usize::from(reader.prompts_scroll.min(max_scroll));
    let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(usize::from(area.height)).collect();
    if usize::from(reader.prompts_scroll) < usize::from(max_scroll)
        && let Some(last) = shown.last_mut()
    {
        *last = Line::from(Span::styled(text::PROMPTS_MORE, theme.keys()));
    }
    draw_lines(canvas, area, &shown);
}
