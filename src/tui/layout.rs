//! Geometry both `update` and the screens' drawing need: the reading
//! column, the question panel, scroll limits, when a section's end is on
//! screen, the completion screen's rows, the home grid, and the help box.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::keymap;
use super::model::{Completion, Focus, GRID_WIDTH, Model, READING_WIDTH, Reader, Screen};
use super::theme::Theme;
use super::widgets::centred;
use crate::content::Course;
use crate::document::{self, SCREEN_MARKS};
use crate::text;

/// The reading column: at most READING_WIDTH, centred.
pub(crate) fn reading_column(area: Rect) -> Rect {
    let width = area.width.saturating_sub(2).clamp(1, READING_WIDTH);
    let x = area.x + (area.width.saturating_sub(width)) / 2;
    Rect::new(x, area.y, width, area.height)
}

/// The reading column of the whole screen.
fn screen_column(model: &Model) -> Rect {
    reading_column(Rect::new(0, 0, model.width, model.height))
}

/// `scroll` moved by `delta` rows, kept between the top and `max`.
pub(crate) fn scrolled(scroll: u16, delta: i32, max: u16) -> u16 {
    let next = i32::from(scroll).saturating_add(delta).clamp(0, i32::from(max));
    u16::try_from(next).unwrap_or(0)
}

/// A page of scrolling in `rows`: one row fewer, so that the last line
/// read stays in sight.
pub(crate) fn page(rows: u16) -> i32 {
    i32::from(rows.max(2)) - 1
}

/// Rows for the section text (the whole body, less the question panel).
pub(crate) fn reader_body_height(model: &Model) -> u16 {
    let body = model.height.saturating_sub(4);
    match &model.screen {
        Screen::Reader(reader) if panel_shown(model, reader) => body.saturating_sub(panel_height(model)),
        _ => body,
    }
}

pub(crate) fn panel_shown(model: &Model, reader: &Reader) -> bool {
    reader.focus != Focus::Text || reader.editor.is_some() && section_has_questions(model, reader)
}

pub(crate) fn section_has_questions(model: &Model, reader: &Reader) -> bool {
    model
        .module(reader.course, reader.module)
        .and_then(|(_, module)| module.sections.get(reader.section))
        .is_some_and(|section| !section.questions.is_empty())
}

/// The question panel takes the whole body on small screens, else 60%.
/// The answer box keeps this many rows however small the screen: its
/// borders and a line to write on.
pub(crate) const MIN_BOX: u16 = 3;
/// The box's rows when the panel has room: borders and three lines.
const ROOMY_BOX: u16 = MIN_BOX + 2;
/// The question panel keeps this many: the box and two lines of question.
const MIN_PANEL: u16 = MIN_BOX + 2;
/// The prompts are not shown in fewer rows than this.
pub(crate) const MIN_PROMPTS: u16 = 5;

/// The question panel takes the whole body on small screens, else 60%;
/// with the prompts shown, it gives them the rows they need while it
/// keeps `MIN_PANEL`.
pub(crate) fn panel_height(model: &Model) -> u16 {
    let body = model.height.saturating_sub(4);
    let normal = if body < 16 { body } else { body * 3 / 5 };
    match &model.screen {
        Screen::Reader(reader) if reader.prompts => {
            let width = screen_column(model).width;
            let wanted = u16::try_from(prompt_lines(width, Theme::MEASURING).len()).unwrap_or(u16::MAX);
            body.saturating_sub(wanted).max(MIN_PANEL).min(normal)
        }
        _ => normal,
    }
}

/// Splits the question panel: rows for the question (at most `wanted`)
/// and rows for the box, which keeps at least `MIN_BOX`.
pub(crate) fn panel_split(panel: u16, wanted: usize) -> (u16, u16) {
    // With room for four rows of question (and of a reviewer's comment
    // above the box), the box keeps three lines to write or read in; the
    // question above scrolls instead.
    let least = if panel >= ROOMY_BOX + 4 { ROOMY_BOX } else { MIN_BOX };
    let head = u16::try_from(wanted)
        .unwrap_or(u16::MAX)
        .min(panel.saturating_sub(least));
    (head, panel - head)
}

/// The lines above the answer box: which question of how many and its
/// state, the question, its hint, and the skip prompt.
pub(crate) fn question_head(model: &Model, reader: &Reader, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let mut head: Vec<Line<'static>> = Vec::new();
    let Some((course, module)) = model.module(reader.course, reader.module) else {
        return head;
    };
    let Some(section) = module.sections.get(reader.section) else {
        return head;
    };
    let Some(question) = section.questions.get(reader.question) else {
        return head;
    };
    let journal = model.journal(&(course.id.clone(), module.id.clone()));
    let width = usize::from(width).max(8);
    let label = text::question_of(reader.question + 1, section.questions.len());
    let state = match journal {
        Some(journal) if journal.is_answered(&question.id) => {
            format!(" · {} {}", theme.symbols().answered, text::WORD_ANSWERED)
        }
        Some(journal) if journal.is_skipped(&question.id) => {
            format!(" · {} {}", theme.symbols().skipped, text::WORD_SKIPPED)
        }
        _ => String::new(),
    };
    head.push(Line::from(Span::styled(format!("{label}{state}"), theme.heading())));
    let mut paragraph = |words: &str, style| {
        for wrapped in super::wrap_memo::wrapped(words, width, "", "").iter() {
            head.push(Line::from(Span::styled(wrapped.clone(), style)));
        }
    };
    // Asked first, so that it shows however little room there is.
    if reader.confirm_skip {
        paragraph(text::SKIP_PROMPT, theme.selected());
    }
    paragraph(&question.text, theme.lead());
    if let Some(hint) = &question.hint {
        paragraph(hint, theme.note());
    }
    // On a small screen a reviewer's comments are read here, scrolling.
    if super::screens::feedback::comments_above_box(model, reader) {
        for (words, style) in super::screens::feedback::comment_lines(model, reader, theme) {
            if words.is_empty() {
                continue;
            }
            paragraph(&words, style);
        }
    }
    head
}

/// The answer box of the question panel as drawn now: its inner width and
/// height, and the rows of the question above it (`None` when the panel is
/// not shown).
pub(crate) fn answer_box_inner(model: &Model) -> Option<(u16, u16, u16)> {
    let Screen::Reader(reader) = &model.screen else {
        return None;
    };
    if !panel_shown(model, reader) {
        return None;
    }
    let width = screen_column(model).width;
    let wanted = question_head(model, reader, width, Theme::MEASURING).len();
    let panel = panel_height(model).min(model.height.saturating_sub(4));
    let (head_rows, box_rows) = panel_split(panel, wanted);
    Some((width.saturating_sub(2), box_rows.saturating_sub(2), head_rows))
}

/// How far the question above the box can scroll (0 when it fits).
pub(crate) fn question_max_scroll(model: &Model) -> u16 {
    let Screen::Reader(reader) = &model.screen else {
        return 0;
    };
    if !panel_shown(model, reader) {
        return 0;
    }
    let width = screen_column(model).width;
    let wanted = question_head(model, reader, width, Theme::MEASURING).len();
    let panel = panel_height(model).min(model.height.saturating_sub(4));
    let (rows, _) = panel_split(panel, wanted);
    u16::try_from(wanted.saturating_sub(usize::from(rows))).unwrap_or(u16::MAX)
}

/// The reflective prompts, wrapped for `width`.
pub(crate) fn prompt_lines(width: u16, theme: Theme) -> Vec<Line<'static>> {
    let width = usize::from(width).max(8);
    let mut lines = vec![Line::from(Span::styled(text::GIBBS_TITLE, theme.heading()))];
    for (stage, prompt) in text::GIBBS {
        let options = textwrap::Options::new(width).subsequent_indent("  ");
        for (index, wrapped) in textwrap::wrap(&format!("{stage}: {prompt}"), options)
            .into_iter()
            .enumerate()
        {
            let line = if index == 0 {
                let rest = wrapped.strip_prefix(stage).unwrap_or(&wrapped).to_owned();
                Line::from(vec![Span::styled(stage, theme.heading()), Span::raw(rest)])
            } else {
                Line::from(wrapped.into_owned())
            };
            lines.push(line);
        }
    }
    lines
}

/// How far the prompts can scroll in the rows above the panel.
pub(crate) fn prompts_max_scroll(model: &Model) -> u16 {
    let width = screen_column(model).width;
    let wanted = prompt_lines(width, Theme::MEASURING).len();
    u16::try_from(wanted.saturating_sub(usize::from(reader_body_height(model)))).unwrap_or(u16::MAX)
}

/// Reads the section's text and notes, wrapped for `width` to at least
/// `wanted` lines where the section has them.
pub(crate) fn with_section_text<T>(
    model: &Model,
    reader: &Reader,
    width: u16,
    wanted: usize,
    read: impl FnOnce(&document::SectionLayout) -> T,
) -> T {
    let key = (reader.course, reader.module, reader.section, width);
    let extend = |layout: &mut document::SectionLayout, wanted: usize| {
        if let Some((_, module)) = model.module(reader.course, reader.module) {
            layout.extend_to(module, reader.section, usize::from(width), SCREEN_MARKS, wanted);
        }
    };
    model.layout.read(key, wanted, extend, read)
}

/// The list of the section's questions with their state, after the text.
pub(crate) fn question_lines(model: &Model, reader: &Reader, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let Some((course, module)) = model.module(reader.course, reader.module) else {
        return lines;
    };
    let Some(section) = module.sections.get(reader.section) else {
        return lines;
    };
    if section.questions.is_empty() {
        return lines;
    }
    let key = (course.id.clone(), module.id.clone());
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(text::QUESTIONS_HEADING, theme.heading())));
    let journal = model.journal(&key);
    for (index, question) in section.questions.iter().enumerate() {
        let (symbol, word) = match journal {
            Some(journal) if journal.is_answered(&question.id) => (theme.symbols().answered, text::WORD_ANSWERED),
            Some(journal) if journal.is_skipped(&question.id) => (theme.symbols().skipped, text::WORD_SKIPPED),
            _ => (theme.symbols().not_started, text::WORD_OPEN),
        };
        let first = format!("{}. {symbol} ", index + 1);
        let rest = " ".repeat(first.chars().count());
        let body = format!("{} ({word})", question.text);
        for wrapped in super::wrap_memo::wrapped(&body, usize::from(width).max(12), &first, &rest).iter() {
            lines.push(Line::from(wrapped.clone()));
        }
    }
    lines
}

pub(crate) fn max_scroll(model: &Model) -> u16 {
    let Screen::Reader(reader) = &model.screen else {
        return 0;
    };
    let column = screen_column(model);
    let total = with_section_text(model, reader, column.width, usize::MAX, |text| text.lines.len())
        + question_lines(model, reader, column.width, Theme::MEASURING).len();
    let visible = usize::from(reader_body_height(model));
    u16::try_from(total.saturating_sub(visible)).unwrap_or(u16::MAX)
}

/// Whether there is more to read below the screen: `scroll < max_scroll`,
/// wrapping only one line past the screen to know.
pub(crate) fn more_below(model: &Model, reader: &Reader) -> bool {
    let column = screen_column(model);
    let shown = usize::from(reader.scroll) + usize::from(reader_body_height(model));
    let (body_lines, complete) = with_section_text(model, reader, column.width, shown + 1, |text| {
        (text.lines.len(), text.is_complete())
    });
    if !complete {
        return true;
    }
    body_lines + question_lines(model, reader, column.width, Theme::MEASURING).len() > shown
}

/// Whether the section's last line of text is on screen now (the prompts
/// cover the text while they are shown).
pub fn section_end_shown(model: &Model) -> bool {
    let Screen::Reader(reader) = &model.screen else {
        return false;
    };
    if reader.prompts {
        return false;
    }
    let column = screen_column(model);
    let shown = usize::from(reader.scroll) + usize::from(reader_body_height(model));
    with_section_text(model, reader, column.width, shown + 1, |text| {
        text.is_complete() && text.lines.len() <= shown
    })
}

/// Rows of the completion screen below its title (less the footer).
pub(crate) fn completion_body_height(model: &Model) -> u16 {
    model.height.saturating_sub(3)
}

/// The completion screen below its title, wrapped for `width`: time spent,
/// answers written and the action point's heading; then, unless the action
/// point is being written in its box, the action point and the latest
/// review of the module.
pub(crate) fn completion_lines(model: &Model, completion: &Completion, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let Some((course, module)) = model.module(completion.course, completion.module) else {
        return lines;
    };
    let journal = model.journal(&(course.id.clone(), module.id.clone()));
    let width = usize::from(width).max(8);
    let mut paragraph = |words: &str, style: Style| {
        for wrapped in textwrap::wrap(words, width) {
            lines.push(Line::from(Span::styled(wrapped.into_owned(), style)));
        }
    };
    paragraph("", theme.plain());
    let seconds = journal.map_or(0, |journal| journal.active_seconds);
    paragraph(&text::time_spent(seconds), theme.plain());
    if module.question_count() > 0 {
        let answered = journal.map_or(0, |journal| journal.answered_count(module));
        let skipped = journal.map_or(0, |journal| journal.skipped_count(module));
        paragraph(
            &text::answers_written(answered, module.question_count(), skipped),
            theme.plain(),
        );
    }
    paragraph("", theme.plain());
    paragraph(text::ACTION_POINT_TITLE, theme.heading());
    if completion.editor.is_some() {
        return lines;
    }
    let point = journal
        .and_then(|journal| journal.action_point.as_ref())
        .map_or("", |point| point.text.as_str());
    let point = if point.is_empty() { text::NO_ACTION_POINT } else { point };
    for line in point.lines() {
        paragraph(line, theme.plain());
    }
    for (words, style) in super::screens::feedback::completion_lines(model, completion.course, completion.module, theme)
    {
        paragraph(&words, style);
    }
    lines
}

/// How far the completion screen can scroll (0 when it all fits, and
/// while the action point is being written).
pub(crate) fn completion_max_scroll(model: &Model) -> u16 {
    let Screen::Completion(completion) = &model.screen else {
        return 0;
    };
    if completion.editor.is_some() {
        return 0;
    }
    let width = screen_column(model).width;
    let wanted = completion_lines(model, completion, width, Theme::MEASURING).len();
    u16::try_from(wanted.saturating_sub(usize::from(completion_body_height(model)))).unwrap_or(u16::MAX)
}

pub(crate) fn home_uses_grid(model: &Model, course: &Course) -> bool {
    grid_columns(model, course).is_some()
}

/// The narrowest a stage's column gets; with less, home is a list.
const MIN_COLUMN: u16 = 14;
/// Room for "briefing ○ not started" under an area's title.
const MIN_LABEL: u16 = 24;

/// Home's grid: the width of the area titles' column and of each stage's,
/// or `None` when the course does not fit as a grid (home is then a list:
/// a course with more stages than fit, say).
pub(crate) fn grid_columns(model: &Model, course: &Course) -> Option<(u16, u16)> {
    if model.width < GRID_WIDTH || course.areas.is_empty() || course.stages.is_empty() {
        return None;
    }
    let longest = course
        .areas
        .iter()
        .map(|area| area.title.chars().count())
        .max()
        .unwrap_or(0);
    let label = u16::try_from(longest + 2)
        .unwrap_or(u16::MAX)
        .clamp(MIN_LABEL, 30)
        .min(model.width / 4);
    let stages = u16::try_from(course.stages.len()).ok()?;
    let column = model.width.saturating_sub(label) / stages.max(4);
    (column >= MIN_COLUMN).then_some((label, column))
}

/// Grid cells: (row, column, module index). Row 0 holds modules with no
/// area; column 0 an area's briefing; columns 1.. the stages.
pub(crate) fn grid_cells(course: &Course) -> Vec<(i32, i32, usize)> {
    let mut intro_column = 0;
    let mut cells = Vec::new();
    for (index, module) in course.modules.iter().enumerate() {
        let area = module
            .area
            .as_ref()
            .and_then(|id| course.areas.iter().position(|area| &area.id == id));
        let stage = module
            .stage
            .as_ref()
            .and_then(|id| course.stages.iter().position(|stage| &stage.id == id));
        let (row, column) = match (area, stage) {
            (Some(area), Some(stage)) => (area as i32 + 1, stage as i32 + 1),
            (Some(area), None) => (area as i32 + 1, 0),
            _ => {
                intro_column += 1;
                (0, intro_column - 1)
            }
        };
        if !cells.iter().any(|&(r, c, _)| r == row && c == column) {
            cells.push((row, column, index));
        }
    }
    cells
}

/// The module reached from `selected` by one step in `direction` on the grid.
pub(crate) fn grid_move(course: &Course, selected: usize, direction: (i32, i32)) -> usize {
    let cells = grid_cells(course);
    let Some(&(row, column, _)) = cells.iter().find(|cell| cell.2 == selected) else {
        return selected;
    };
    let candidates = cells.iter().filter(|&&(r, c, _)| match direction {
        (0, step) => r == row && (c - column).signum() == step,
        (step, _) => (r - row).signum() == step,
    });
    candidates
        .min_by_key(|&&(r, c, _)| ((r - row).abs() * 10 + (c - column).abs(), c))
        .map_or(selected, |&(_, _, index)| index)
}

/// The help's lines for the keys of `context`: each key and its meaning
/// side by side when there is room, each key above its meaning when not.
pub(crate) fn help_lines_for(context: keymap::Context, inner_width: u16, theme: Theme) -> Vec<Line<'static>> {
    let keys = keymap::help_rows(context);
    let width = usize::from(inner_width).max(1);
    let key_width = keys.iter().map(|(key, _)| key.chars().count()).max().unwrap_or(0) + 2;
    let side_by_side = width >= key_width + 24;
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (key, what) in keys {
        if side_by_side {
            for (index, part) in textwrap::wrap(what, width - key_width).iter().enumerate() {
                let key_text = if index == 0 {
                    format!("{key:<key_width$}")
                } else {
                    " ".repeat(key_width)
                };
                lines.push(Line::from(vec![
                    Span::styled(key_text, theme.heading()),
                    Span::raw(part.to_string()),
                ]));
            }
        } else {
            lines.push(Line::from(Span::styled((*key).to_owned(), theme.heading())));
            let options = textwrap::Options::new(width.max(4))
                .initial_indent("  ")
                .subsequent_indent("  ");
            lines.extend(
                textwrap::wrap(what, options)
                    .iter()
                    .map(|part| Line::from(part.to_string())),
            );
        }
    }
    lines
}

/// The help box in `area`: where it goes, its lines of keys, how many show
/// at once (the last rows say how to scroll or close it) and how far the
/// lines can scroll.
pub(crate) struct HelpBox {
    pub(crate) rect: Rect,
    pub(crate) rows: u16,
    pub(crate) lines: Vec<Line<'static>>,
    pub(crate) max_scroll: u16,
}

pub(crate) fn help_box(model: &Model, area: Rect, theme: Theme) -> HelpBox {
    help_box_for(keymap::screen_context(model), area, theme)
}

/// [`help_box`] for the keys of `context` (the full-screen review has no
/// tutor model).
pub(crate) fn help_box_for(context: keymap::Context, area: Rect, theme: Theme) -> HelpBox {
    let width = area.width.saturating_sub(4).min(76);
    let lines = help_lines_for(context, width.saturating_sub(2), theme);
    // Borders, a blank row and the closing line.
    let wanted = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(4);
    let rect = centred(area, width, wanted.min(area.height));
    let rows = rect.height.saturating_sub(4);
    let max_scroll = u16::try_from(lines.len().saturating_sub(usize::from(rows))).unwrap_or(u16::MAX);
    HelpBox {
        rect,
        rows,
        lines,
        max_scroll,
    }
}

/// Rows of keys the help shows at once, and how far it can scroll (0 when
/// every key fits).
pub(crate) fn help_scrolling(model: &Model) -> (u16, u16) {
    let help = help_box(model, Rect::new(0, 0, model.width, model.height), Theme::MEASURING);
    (help.rows, help.max_scroll)
}
