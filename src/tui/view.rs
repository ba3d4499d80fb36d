//! `view`: draws the model. Pure: the same model gives the same screen.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::model::{Focus, GRID_WIDTH, MIN_HEIGHT, MIN_WIDTH, Model, READING_WIDTH, Reader, Screen};
use super::theme::Theme;
use crate::content::{Course, Module};

use crate::document::{self, DocLine, LineKind, SCREEN_MARKS};
use crate::journal::Status;
use crate::text;

/// What the view draws on: a screen's buffer, and where the terminal's
/// cursor goes. ratatui's `Frame` comes only from its `Terminal`, which
/// makes two buffers and compares them; the first frame needs neither.
pub struct Canvas<'a> {
    buffer: &'a mut Buffer,
    cursor: Option<Position>,
}

impl<'a> Canvas<'a> {
    pub fn new(buffer: &'a mut Buffer) -> Self {
        Canvas { buffer, cursor: None }
    }

    pub fn area(&self) -> Rect {
        self.buffer.area
    }

    pub fn buffer_mut(&mut self) -> &mut Buffer {
        self.buffer
    }

    pub fn render_widget(&mut self, widget: impl Widget, area: Rect) {
        widget.render(area, self.buffer);
    }

    pub fn set_cursor_position(&mut self, position: Position) {
        self.cursor = Some(position);
    }

    /// Where the terminal's cursor should be shown; None hides it.
    pub fn cursor(&self) -> Option<Position> {
        self.cursor
    }
}

/// Draws the model into one of ratatui's frames.
pub fn draw(model: &Model, frame: &mut Frame) {
    let mut canvas = Canvas::new(frame.buffer_mut());
    view(model, &mut canvas);
    if let Some(position) = canvas.cursor() {
        frame.set_cursor_position(position);
    }
}

pub fn view(model: &Model, canvas: &mut Canvas) {
    let area = canvas.area();
    let theme = Theme { color: model.color };
    if model.is_too_small() {
        let message = vec![
            Line::from(text::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT)),
            Line::from(text::TOO_SMALL_HINT),
        ];
        canvas.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
        return;
    }
    match &model.screen {
        Screen::Welcome(_) | Screen::Profile(_) => profile(model, canvas, area, theme),
        Screen::Home => home(model, canvas, area, theme),
        Screen::Reader(reader) => reading(model, reader, canvas, area, theme),
        Screen::Completion(_) => completion(model, canvas, area, theme),
    }
    if let Some(dialog) = &model.export {
        export_dialog(dialog, canvas, area, theme);
    }
    if model.help {
        help(model, canvas, area, theme);
    }
}

/// Draws an editor; with the focus, the terminal's own cursor goes where
/// the next character will be (screen readers and magnifiers follow it).
fn draw_editor(canvas: &mut Canvas, editor: &crate::editor::Editor, area: Rect, style: Style, focused: bool) {
    if let Some(position) = editor.render(area, canvas.buffer_mut(), style)
        && focused
    {
        canvas.set_cursor_position(position);
    }
}

/// Splits `area` into rows, top to bottom: `Some(h)` is h rows, `None`
/// takes what the others leave. Plain arithmetic rather than `Layout`,
/// whose constraint solver was a tenth of the first frame's work.
fn stack<const N: usize>(area: Rect, heights: [Option<u16>; N]) -> [Rect; N] {
    let fixed = heights
        .iter()
        .flatten()
        .fold(0u16, |sum, height| sum.saturating_add(*height));
    let flexible = area.height.saturating_sub(fixed);
    let mut y = area.y;
    heights.map(|height| {
        let height = height.unwrap_or(flexible).min(area.bottom().saturating_sub(y));
        let row = Rect::new(area.x, y, area.width, height);
        y += height;
        row
    })
}

/// Draws unwrapped lines from the top of `area`, each cut at its edge. What
/// `Paragraph` does for such lines, for a fraction of the work.
fn draw_lines(canvas: &mut Canvas, area: Rect, lines: &[Line]) {
    let buffer = canvas.buffer_mut();
    let area = area.intersection(buffer.area);
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        let mut x = area.x;
        for span in &line.spans {
            x = put_str(buffer, x, y, &span.content, line.style.patch(span.style), area.right());
        }
    }
}

/// Writes `text` from (x, y), stopping before `right`, exactly as
/// `Buffer::set_stringn` would, but without splitting plain ASCII (most of
/// the guide) into graphemes, which was a fifth of a frame's work. Returns
/// where the text ended.
fn put_str(buffer: &mut ratatui::buffer::Buffer, mut x: u16, y: u16, text: &str, style: Style, right: u16) -> u16 {
    use ratatui::buffer::CellWidth;
    use unicode_segmentation::UnicodeSegmentation;
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        // An ASCII character followed by a non-ASCII one may carry a
        // combining mark: that pair goes the slow way.
        let simple = if ascii == rest.len() {
            ascii
        } else {
            ascii.saturating_sub(1)
        };
        for &byte in &rest.as_bytes()[..simple] {
            if byte.is_ascii_control() {
                continue;
            }
            if x >= right {
                return x;
            }
            if let Some(cell) = buffer.cell_mut((x, y)) {
                cell.set_char(char::from(byte)).set_style(style);
            }
            x += 1;
        }
        rest = &rest[simple..];
        let Some(grapheme) = rest.graphemes(true).next() else {
            break;
        };
        rest = &rest[grapheme.len()..];
        if grapheme.contains(char::is_control) {
            continue;
        }
        let width = grapheme.cell_width();
        if width > right.saturating_sub(x) {
            return x;
        }
        x = buffer.set_stringn(x, y, grapheme, usize::from(width), style).0;
    }
    x
}

/// A box of the given size in the middle of `area` (never larger than it).
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

fn export_dialog(dialog: &super::model::ExportDialog, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let width = area.width.saturating_sub(4).min(76);
    let height = 8u16.min(area.height);
    let rect = centred(area, width, height);
    canvas.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(text::EXPORT_TITLE)
        .border_style(theme.border(true));
    let inner = block.inner(rect);
    canvas.render_widget(block, rect);
    let formats: Vec<Span> = crate::export::Format::ALL
        .iter()
        .flat_map(|format| {
            let style = if *format == dialog.format {
                theme.selected()
            } else {
                theme.plain()
            };
            [Span::styled(format!(" {} ", format.name()), style), Span::raw(" ")]
        })
        .collect();
    let rows = stack(inner, [Some(1); 6]);
    let scope = text::export_scope(dialog.modules.len());
    let lines = [
        Line::from(scope),
        Line::from(vec![Span::raw(text::EXPORT_FORMAT)]).patch_style(theme.plain()),
        Line::from(formats),
        Line::from(text::EXPORT_FILE),
    ];
    for (row, line) in rows.iter().zip(lines) {
        canvas.render_widget(Paragraph::new(line), *row);
    }
    if let Some(row) = rows.get(4) {
        draw_editor(canvas, &dialog.path, *row, theme.plain(), true);
    }
    if let Some(row) = rows.get(5) {
        canvas.render_widget(Paragraph::new(Span::styled(text::KEYS_EXPORT, theme.keys())), *row);
    }
}

/// The foot of every screen: a notice or save failure, then the keys.
fn footer(model: &Model, canvas: &mut Canvas, area: Rect, theme: Theme, left: Line, keys: &str) {
    if let Some(error) = &model.save_error {
        // The alarm takes both rows, so the reason and the file both show;
        // a notice (such as why casebook did not quit) is more specific.
        let message = model.notice.clone().unwrap_or_else(|| text::not_saved(error));
        canvas.render_widget(
            Paragraph::new(Span::styled(message, theme.alarm())).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let [status_row, keys_row] = stack(area, [Some(1), Some(1)]);
    let status = if let Some(notice) = &model.notice {
        Line::from(notice.as_str())
    } else {
        left
    };
    draw_lines(canvas, status_row, &[status]);
    let keys = fit_keys(keys, usize::from(keys_row.width));
    draw_lines(canvas, keys_row, &[Line::from(Span::styled(keys, theme.keys()))]);
}

/// The footer's keys cut to `width` by whole keys, not mid-word: those that
/// fit, in order, and always the key for help, which lists the rest.
fn fit_keys(keys: &str, width: usize) -> String {
    const SEPARATOR: &str = " · ";
    if keys.chars().count() <= width {
        return keys.to_owned();
    }
    let items: Vec<&str> = keys.split(SEPARATOR).collect();
    let help = items.iter().position(|item| item.ends_with("help"));
    let reserved = help.map_or(0, |index| items[index].chars().count() + SEPARATOR.chars().count());
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 0;
    for (index, item) in items.iter().enumerate() {
        if Some(index) == help {
            continue;
        }
        let cost = item.chars().count() + if kept.is_empty() { 0 } else { SEPARATOR.chars().count() };
        if used + cost + reserved > width {
            break;
        }
        kept.push(item);
        used += cost;
    }
    if let Some(index) = help {
        kept.push(items[index]);
    }
    kept.join(SEPARATOR)
}

fn status_words(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::NotStarted => (text::SYMBOL_NOT_STARTED, text::STATUS_NOT_STARTED),
        Status::InProgress => (text::SYMBOL_IN_PROGRESS, text::STATUS_IN_PROGRESS),
        Status::Complete => (text::SYMBOL_COMPLETE, text::STATUS_COMPLETE),
    }
}

fn status_style(theme: Theme, status: Status) -> Style {
    match status {
        Status::NotStarted => theme.plain(),
        Status::InProgress => theme.in_progress(),
        Status::Complete => theme.done(),
    }
}

/// "Tim, 17" from "Tim, 17: referral order"; the title for briefings.
pub fn short_name(module: &Module) -> &str {
    match (&module.stage, &module.subtitle) {
        (Some(_), Some(subtitle)) => subtitle.split(':').next().unwrap_or(subtitle).trim(),
        _ => &module.title,
    }
}

/// "3/5 read · 1/2 answered", for a module in progress.
fn progress_short(model: &Model, course_index: usize, module_index: usize) -> String {
    let Some((_, module)) = model.module(course_index, module_index) else {
        return String::new();
    };
    let key = model.key_of(course_index, module_index);
    let journal = key.as_ref().and_then(|key| model.journal(key));
    let read = journal.map_or(0, |journal| journal.sections_read.len().min(module.sections.len()));
    let mut parts = format!("{read}/{} read", module.sections.len());
    if module.question_count() > 0 {
        let answered = journal.map_or(0, |journal| journal.answered_count(module));
        parts.push_str(&format!(" · {answered}/{} answered", module.question_count()));
    }
    parts
}

fn status_label(model: &Model, course: usize, module: usize) -> String {
    let status = model.status(course, module);
    let (symbol, word) = status_words(status);
    match status {
        Status::InProgress => format!("{symbol} {}", progress_short(model, course, module)),
        Status::Complete => {
            let skipped = model
                .module(course, module)
                .zip(model.key_of(course, module))
                .and_then(|((_, content), key)| model.journal(&key).map(|journal| journal.skipped_count(content)))
                .unwrap_or(0);
            format!("{symbol} {}", text::status_complete(skipped))
        }
        Status::NotStarted => format!("{symbol} {word}"),
    }
}

// ---------------------------------------------------------------- home

pub fn home_uses_grid(model: &Model, course: &Course) -> bool {
    model.width >= GRID_WIDTH && !course.areas.is_empty() && !course.stages.is_empty()
}

/// Grid cells: (row, column, module index). Row 0 holds modules with no
/// area; column 0 an area's briefing; columns 1.. the stages.
pub fn grid_cells(course: &Course) -> Vec<(i32, i32, usize)> {
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
pub fn grid_move(course: &Course, selected: usize, direction: (i32, i32)) -> usize {
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

fn home(model: &Model, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let Some(course) = model.courses.get(model.home.course) else {
        canvas.render_widget(Paragraph::new(text::NO_COURSES).wrap(Wrap { trim: true }), area);
        return;
    };
    let details_height = if area.height >= 18 { 4 } else { 2 };
    let [title_row, body, details, foot] = stack(area, [Some(1), None, Some(details_height), Some(2)]);
    let mut title = format!(" {}", course.title);
    if model.courses.len() > 1 {
        title.push_str(&format!(
            "  (course {} of {})",
            model.home.course + 1,
            model.courses.len()
        ));
    }
    canvas.render_widget(
        Paragraph::new(Line::from(Span::styled(title, theme.header()))).style(theme.header()),
        title_row,
    );
    if home_uses_grid(model, course) {
        home_grid(model, course, canvas, body, theme);
    } else {
        home_list(model, course, canvas, body, theme);
    }
    home_details(model, course, canvas, details, theme);
    let left = if model.content_errors > 0 {
        Line::from(text::content_problems(model.content_errors))
    } else {
        Line::from(continue_hint(model).unwrap_or_default())
    };
    let keys = if has_skipped(model, model.home.course, model.home.selected) {
        text::KEYS_HOME_SKIPPED
    } else {
        text::KEYS_HOME
    };
    footer(model, canvas, foot, theme, left, keys);
}

/// "Continue: Tim, 17 — question 2": where Enter takes the learner back
/// to in the selected module, while it is in progress.
fn continue_hint(model: &Model) -> Option<String> {
    let (course, module) = (model.home.course, model.home.selected);
    if model.status(course, module) != Status::InProgress {
        return None;
    }
    let (_, content) = model.module(course, module)?;
    let journal = model.journal(&model.key_of(course, module)?)?;
    let position = &journal.position;
    let question = position.question.as_ref().and_then(|id| {
        content
            .questions()
            .position(|(_, question)| &question.id == id)
            .map(|index| text::place_question(index + 1))
    });
    let section = position.section.min(content.sections.len().saturating_sub(1));
    let place = question.unwrap_or_else(|| text::place_section(section + 1, content.sections.len()));
    Some(text::continue_at(short_name(content), &place))
}

/// A studied module with a question skipped: `o` goes back to it.
fn has_skipped(model: &Model, course: usize, module: usize) -> bool {
    let Some((_, content)) = model.module(course, module) else {
        return false;
    };
    model
        .key_of(course, module)
        .and_then(|key| model.journal(&key))
        .is_some_and(|journal| journal.skipped_count(content) > 0)
}

fn home_list(model: &Model, course: &Course, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let width = usize::from(area.width);
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let mut current_area: Option<&str> = None;
    for (index, module) in course.modules.iter().enumerate() {
        if module.area.as_deref() != current_area {
            current_area = module.area.as_deref();
            if let Some(area_id) = current_area {
                lines.push(Line::from(Span::styled(
                    course.area_title(area_id).unwrap_or(area_id).to_owned(),
                    theme.heading(),
                )));
            }
        }
        let indent = if module.area.is_some() { "  " } else { "" };
        let label = match (&module.stage, module.area.is_some()) {
            (Some(stage), _) => {
                format!("{}: {}", course.stage_title(stage).unwrap_or(stage), short_name(module))
            }
            (None, true) => format!("Briefing: {}", module.title),
            (None, false) => module.title.clone(),
        };
        let status = model.status(model.home.course, index);
        let status_text = status_label(model, model.home.course, index);
        let marker = if index == model.home.selected { "▸ " } else { "  " };
        let left = format!("{marker}{indent}{label}");
        let room = width.saturating_sub(status_text.chars().count() + 1);
        let left = truncate(&left, room);
        let pad = width.saturating_sub(left.chars().count() + status_text.chars().count());
        let row_style = if index == model.home.selected {
            theme.selected()
        } else {
            theme.plain()
        };
        if index == model.home.selected {
            selected_line = lines.len();
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{left}{}", " ".repeat(pad)), row_style),
            Span::styled(
                status_text,
                if index == model.home.selected {
                    row_style
                } else {
                    status_style(theme, status)
                },
            ),
        ]));
    }
    let height = usize::from(area.height);
    let top = selected_line
        .saturating_sub(height.saturating_sub(1) / 2)
        .min(lines.len().saturating_sub(height));
    canvas.render_widget(Paragraph::new(lines).scroll((u16::try_from(top).unwrap_or(0), 0)), area);
}

fn home_grid(model: &Model, course: &Course, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let cells = grid_cells(course);
    let label_width = 28u16.min(area.width / 4);
    let column_width = (area.width.saturating_sub(label_width)) / 4.max(course.stages.len() as u16);
    let mut y = area.y;
    let bottom = area.y + area.height;
    // Modules with no area (the introduction) above the grid.
    for &(_, column, index) in cells.iter().filter(|cell| cell.0 == 0) {
        if y >= bottom {
            break;
        }
        let module = &course.modules[index];
        let text = format!(" {}  {}", module.title, status_label(model, model.home.course, index));
        let x = area.x + (column as u16).saturating_mul(label_width + column_width);
        let width = (label_width + column_width).min(area.x + area.width - x.min(area.x + area.width));
        let style = if index == model.home.selected {
            theme.selected()
        } else {
            theme.plain()
        };
        canvas.render_widget(
            Paragraph::new(Span::styled(truncate(&text, usize::from(width)), style)),
            Rect::new(x, y, width, 1),
        );
    }
    y += 2;
    // Stage titles.
    if y < bottom {
        for (column, stage) in course.stages.iter().enumerate() {
            let x = area.x + label_width + column as u16 * column_width;
            let rect = Rect::new(x, y, column_width.min(area.x + area.width - x), 1);
            canvas.render_widget(
                Paragraph::new(Span::styled(
                    truncate(&stage.title, usize::from(column_width) - 1),
                    theme.heading(),
                )),
                rect,
            );
        }
    }
    y += 1;
    for (row, area_entry) in course.areas.iter().enumerate() {
        if y + 2 > bottom {
            break;
        }
        let row = row as i32 + 1;
        let briefing = cells
            .iter()
            .find(|cell| cell.0 == row && cell.1 == 0)
            .map(|cell| cell.2);
        let label_style = if briefing == Some(model.home.selected) {
            theme.selected()
        } else {
            theme.heading()
        };
        let mut label = vec![Line::from(Span::styled(
            truncate(&area_entry.title, usize::from(label_width) - 1),
            label_style,
        ))];
        if let Some(index) = briefing {
            let status = model.status(model.home.course, index);
            let (symbol, word) = status_words(status);
            let style = if index == model.home.selected {
                theme.selected()
            } else {
                status_style(theme, status)
            };
            label.push(Line::from(Span::styled(format!("briefing {symbol} {word}"), style)));
        }
        canvas.render_widget(Paragraph::new(label), Rect::new(area.x, y, label_width, 2));
        for &(_, column, index) in cells.iter().filter(|cell| cell.0 == row && cell.1 > 0) {
            let x = area.x + label_width + (column as u16 - 1) * column_width;
            if x >= area.x + area.width {
                continue;
            }
            let width = column_width.min(area.x + area.width - x).saturating_sub(1);
            let module = &course.modules[index];
            let status = model.status(model.home.course, index);
            let selected = index == model.home.selected;
            let name_style = if selected { theme.selected() } else { theme.plain() };
            let state_style = if selected {
                theme.selected()
            } else {
                status_style(theme, status)
            };
            let cell = vec![
                Line::from(Span::styled(pad_to(short_name(module), usize::from(width)), name_style)),
                Line::from(Span::styled(
                    pad_to(&status_label(model, model.home.course, index), usize::from(width)),
                    state_style,
                )),
            ];
            canvas.render_widget(Paragraph::new(cell), Rect::new(x, y, width, 2));
        }
        y += 3;
    }
}

fn pad_to(text: &str, width: usize) -> String {
    let text = truncate(text, width);
    let pad = width.saturating_sub(text.chars().count());
    format!("{text}{}", " ".repeat(pad))
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else if width == 0 {
        String::new()
    } else {
        let mut cut: String = text.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
}

fn home_details(model: &Model, course: &Course, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let Some(module) = course.modules.get(model.home.selected) else {
        return;
    };
    let key = (course.id.clone(), module.id.clone());
    let journal = model.journal(&key);
    let mut title = module.title.clone();
    if let Some(subtitle) = &module.subtitle {
        title.push_str(" — ");
        title.push_str(subtitle);
    }
    let mut lines = vec![Line::from(Span::styled(title, theme.title()))];
    let mut facts = vec![progress_short(model, model.home.course, model.home.selected)];
    if let Some(minutes) = module.minutes {
        facts.push(format!("about {minutes} min"));
    }
    if let Some(journal) = journal {
        if journal.active_seconds > 0 {
            facts.push(format!("time spent {}", text::duration(journal.active_seconds)));
        }
        if let Some(last) = journal.last_studied {
            facts.push(format!(
                "last visit {}",
                last.to_zoned(model.timezone.clone()).strftime("%-d %b %Y %H:%M")
            ));
        }
    }
    lines.push(Line::from(facts.join(" · ")));
    if let Some(problem) = model.damaged.get(&key) {
        lines.push(Line::from(Span::styled(
            text::read_only_journal(problem),
            theme.alarm(),
        )));
    }
    let block = Block::default().borders(Borders::TOP).border_style(theme.muted());
    canvas.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: true }), area);
}

// ---------------------------------------------------------------- reader

/// The reading column: at most READING_WIDTH, centred.
fn reading_column(area: Rect) -> Rect {
    let width = area.width.saturating_sub(2).clamp(1, READING_WIDTH);
    let x = area.x + (area.width.saturating_sub(width)) / 2;
    Rect::new(x, area.y, width, area.height)
}

/// Rows for the section text (the whole body, less the question panel).
pub fn reader_body_height(model: &Model) -> u16 {
    let body = model.height.saturating_sub(4);
    match &model.screen {
        Screen::Reader(reader) if panel_shown(model, reader) => body.saturating_sub(panel_height(model)),
        _ => body,
    }
}

fn panel_shown(model: &Model, reader: &Reader) -> bool {
    reader.focus != Focus::Text || reader.editor.is_some() && section_has_questions(model, reader)
}

fn section_has_questions(model: &Model, reader: &Reader) -> bool {
    model
        .module(reader.course, reader.module)
        .and_then(|(_, module)| module.sections.get(reader.section))
        .is_some_and(|section| !section.questions.is_empty())
}

/// The question panel takes the whole body on small screens, else 60%.
fn panel_height(model: &Model) -> u16 {
    let body = model.height.saturating_sub(4);
    if body < 16 { body } else { body * 3 / 5 }
}

/// Reads the section's text and notes, wrapped for `width` to at least
/// `wanted` lines where the section has them.
fn with_section_text<T>(
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
fn question_lines(model: &Model, reader: &Reader, width: u16, theme: Theme) -> Vec<Line<'static>> {
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
            Some(journal) if journal.is_answered(&question.id) => (text::SYMBOL_ANSWERED, text::WORD_ANSWERED),
            Some(journal) if journal.is_skipped(&question.id) => (text::SYMBOL_SKIPPED, text::WORD_SKIPPED),
            _ => (text::SYMBOL_NOT_STARTED, text::WORD_OPEN),
        };
        let first = format!("{}. {symbol} ", index + 1);
        let rest = " ".repeat(first.chars().count());
        let body = format!("{} ({word})", question.text);
        let options = textwrap::Options::new(usize::from(width).max(12))
            .initial_indent(&first)
            .subsequent_indent(&rest);
        for wrapped in textwrap::wrap(&body, options) {
            lines.push(Line::from(wrapped.into_owned()));
        }
    }
    lines
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

pub fn max_scroll(model: &Model) -> u16 {
    let Screen::Reader(reader) = &model.screen else {
        return 0;
    };
    let column = reading_column(Rect::new(0, 0, model.width, model.height));
    let total = with_section_text(model, reader, column.width, usize::MAX, |text| text.lines.len())
        + question_lines(model, reader, column.width, Theme { color: false }).len();
    let visible = usize::from(reader_body_height(model));
    u16::try_from(total.saturating_sub(visible)).unwrap_or(u16::MAX)
}

/// Whether there is more to read below the screen: `scroll < max_scroll`,
/// wrapping only one line past the screen to know.
fn more_below(model: &Model, reader: &Reader) -> bool {
    let column = reading_column(Rect::new(0, 0, model.width, model.height));
    let shown = usize::from(reader.scroll) + usize::from(reader_body_height(model));
    let (body_lines, complete) = with_section_text(model, reader, column.width, shown + 1, |text| {
        (text.lines.len(), text.is_complete())
    });
    if !complete {
        return true;
    }
    body_lines + question_lines(model, reader, column.width, Theme { color: false }).len() > shown
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
    let column = reading_column(Rect::new(0, 0, model.width, model.height));
    let shown = usize::from(reader.scroll) + usize::from(reader_body_height(model));
    with_section_text(model, reader, column.width, shown + 1, |text| {
        text.is_complete() && text.lines.len() <= shown
    })
}

fn reading(model: &Model, reader: &Reader, canvas: &mut Canvas, area: Rect, theme: Theme) {
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
            prompts(canvas, text_rect, theme);
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
    let position = format!("Section {} of {}", reader.section + 1, sections);
    let bar_width = usize::from(area.width)
        .saturating_sub(position.chars().count() + 4)
        .min(20);
    let filled = (reader.section + 1) * bar_width / sections;
    let bar = format!("{}{}", "█".repeat(filled), "░".repeat(bar_width - filled));
    let mut left = Line::from(vec![
        Span::raw(format!("{position}  ")),
        Span::styled(bar, theme.done()),
    ]);
    // Says there is more to read before the learner turns the page.
    let more_below = !reader.prompts && more_below(model, reader);
    if more_below && usize::from(area.width) >= left.width() + text::MORE_BELOW.chars().count() + 2 {
        left.push_span(Span::raw("  "));
        left.push_span(Span::styled(text::MORE_BELOW, theme.keys()));
    }
    let keys = match reader.focus {
        Focus::Editor => text::KEYS_EDITOR,
        Focus::Questions => text::KEYS_QUESTIONS,
        Focus::Text if section_has_questions(model, reader) => text::KEYS_TEXT_QUESTIONS,
        Focus::Text => text::KEYS_TEXT,
    };
    footer(model, canvas, foot, theme, left, keys);
}

fn prompts(canvas: &mut Canvas, area: Rect, theme: Theme) {
    let mut lines = vec![Line::from(Span::styled(text::GIBBS_TITLE, theme.heading()))];
    for (stage, prompt) in text::GIBBS {
        lines.push(Line::from(vec![
            Span::styled(format!("{stage}: "), theme.heading()),
            Span::raw(prompt),
        ]));
    }
    canvas.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}

fn question_panel(model: &Model, reader: &Reader, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let Some((course, module)) = model.module(reader.course, reader.module) else {
        return;
    };
    let Some(section) = module.sections.get(reader.section) else {
        return;
    };
    let Some(question) = section.questions.get(reader.question) else {
        return;
    };
    let key = (course.id.clone(), module.id.clone());
    let journal = model.journal(&key);
    let width = usize::from(area.width);
    let mut head: Vec<Line> = Vec::new();
    let label = format!("Question {} of {}", reader.question + 1, section.questions.len());
    let state = match journal {
        Some(journal) if journal.is_answered(&question.id) => {
            format!(" · {} {}", text::SYMBOL_ANSWERED, text::WORD_ANSWERED)
        }
        Some(journal) if journal.is_skipped(&question.id) => {
            format!(" · {} {}", text::SYMBOL_SKIPPED, text::WORD_SKIPPED)
        }
        _ => String::new(),
    };
    head.push(Line::from(Span::styled(format!("{label}{state}"), theme.heading())));
    for wrapped in textwrap::wrap(&question.text, width.max(8)) {
        head.push(Line::from(Span::styled(wrapped.into_owned(), theme.lead())));
    }
    if let Some(hint) = &question.hint {
        for wrapped in textwrap::wrap(hint, width.max(8)) {
            head.push(Line::from(Span::styled(wrapped.into_owned(), theme.note())));
        }
    }
    if reader.confirm_skip {
        head.push(Line::from(Span::styled(text::SKIP_PROMPT, theme.selected())));
    }
    let head_rows = u16::try_from(head.len())
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(4));
    let [head_area, editor_area, status_area] = stack(area, [Some(head_rows), None, Some(1)]);
    canvas.render_widget(Paragraph::new(head).wrap(Wrap { trim: false }), head_area);

    let focused = reader.focus == Focus::Editor;
    let marker = if focused { "▶ " } else { "" };
    let block = Block::bordered()
        .title(format!("{marker}{}", text::ANSWER_TITLE))
        .border_style(theme.border(focused));
    let editing_this = reader
        .editor
        .as_ref()
        .filter(|editor| editor.question_id == question.id);
    let (words, saved) = match editing_this {
        Some(editor) => {
            let inner = block.inner(editor_area);
            canvas.render_widget(block, editor_area);
            draw_editor(canvas, &editor.area, inner, theme.plain(), focused);
            (editor.area.word_count(), editor.dirty_since.is_none())
        }
        None => {
            let existing = journal
                .and_then(|journal| journal.reflections.get(&question.id))
                .map(|r| r.text.as_str())
                .unwrap_or("");
            let shown = if existing.is_empty() {
                text::ANSWER_PLACEHOLDER
            } else {
                existing
            };
            canvas.render_widget(
                Paragraph::new(shown).block(block).wrap(Wrap { trim: false }),
                editor_area,
            );
            (document::word_count(existing), true)
        }
    };
    let saved_text = if model.save_error.is_some() {
        Span::styled("NOT SAVED", theme.alarm())
    } else if saved {
        Span::styled("saved", theme.done())
    } else {
        Span::styled("saving…", theme.in_progress())
    };
    canvas.render_widget(
        Paragraph::new(Line::from(vec![
            Span::raw(format!("{} · ", text::words(words))),
            saved_text,
        ])),
        status_area,
    );
}

// ---------------------------------------------------------------- completion

fn completion(model: &Model, canvas: &mut Canvas, area: Rect, theme: Theme) {
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
    lines.push(Line::from(format!("Time spent: {}", text::duration(seconds))));
    if module.question_count() > 0 {
        let answered = journal.map_or(0, |journal| journal.answered_count(module));
        let skipped = journal.map_or(0, |journal| journal.skipped_count(module));
        lines.push(Line::from(format!(
            "Answers written: {answered} of {} ({skipped} skipped)",
            module.question_count()
        )));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(text::ACTION_POINT_TITLE, theme.heading())));
    let body_rect = Rect::new(column.x, body.y, column.width, body.height);
    let head_rows = u16::try_from(lines.len()).unwrap_or(0).min(body_rect.height);
    let [head, rest] = stack(body_rect, [Some(head_rows), None]);
    canvas.render_widget(Paragraph::new(lines), head);
    if let Some(area) = &state.editor {
        let block = Block::bordered()
            .title(format!("▶ {}", text::ANSWER_TITLE))
            .border_style(theme.border(true));
        let inner = block.inner(rest);
        canvas.render_widget(block, rest);
        draw_editor(canvas, area, inner, theme.plain(), true);
    } else {
        let point = journal
            .and_then(|journal| journal.action_point.as_ref())
            .map_or("", |point| point.text.as_str());
        let shown = if point.is_empty() {
            "None yet. Press a to write one (optional)."
        } else {
            point
        };
        canvas.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), rest);
    }
    let keys = if state.editor.is_some() {
        text::KEYS_COMPLETION_EDITING
    } else if has_skipped(model, state.course, state.module) {
        text::KEYS_COMPLETION_SKIPPED
    } else {
        text::KEYS_COMPLETION
    };
    footer(model, canvas, foot, theme, Line::from(""), keys);
}

// ---------------------------------------------------------------- profile and help

fn profile(model: &Model, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let (Screen::Welcome(form) | Screen::Profile(form)) = &model.screen else {
        return;
    };
    let first_run = matches!(model.screen, Screen::Welcome(_));
    let column = reading_column(area);
    let [title_row, body, foot] = stack(area, [Some(1), None, Some(2)]);
    let title = if first_run {
        text::WELCOME_TITLE
    } else {
        text::PROFILE_TITLE
    };
    canvas.render_widget(
        Paragraph::new(Span::styled(format!(" {title}"), theme.header())).style(theme.header()),
        title_row,
    );
    let body_rect = Rect::new(column.x, body.y, column.width, body.height);
    let mut paragraphs: Vec<(String, Style)> = Vec::new();
    if first_run {
        // Where reflections are kept, and what never to write, comes first:
        // on a small screen it is what must not be cut off.
        paragraphs.push((text::storage_sentence(&model.data_dir), theme.heading()));
        paragraphs.push((text::WELCOME.to_owned(), theme.plain()));
    }
    paragraphs.push((text::PROFILE_INTRO.to_owned(), theme.plain()));
    // Whole paragraphs, as many as leave room for the fields; the first
    // (where reflections are kept) always, even if the fields must scroll.
    let mut lines: Vec<Line> = Vec::new();
    for (paragraph, style) in paragraphs {
        let mut block: Vec<Line> = Vec::new();
        if !lines.is_empty() {
            block.push(Line::from(""));
        }
        for wrapped in textwrap::wrap(&paragraph, usize::from(body_rect.width).max(8)) {
            block.push(Line::from(Span::styled(wrapped.into_owned(), style)));
        }
        let room = usize::from(body_rect.height.saturating_sub(text::PROFILE_LABELS.len() as u16 + 1));
        if !lines.is_empty() && lines.len() + block.len() > room {
            break;
        }
        lines.extend(block);
    }
    // At least the field being filled in shows below the text, after a
    // blank row if there is room for one.
    let wanted = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let gap = u16::from(wanted.saturating_add(2) <= body_rect.height);
    let intro_rows = wanted.min(body_rect.height.saturating_sub(1 + gap));
    let intro = Paragraph::new(lines);
    let [intro_area, _, fields_area] = stack(body_rect, [Some(intro_rows), Some(gap), None]);
    canvas.render_widget(intro, intro_area);
    // The fields that fit, scrolled to keep the one being filled in.
    let shown = usize::from(fields_area.height.max(1));
    let first_field = (form.focus + 1).saturating_sub(shown);
    let label_width = 12u16.min(fields_area.width / 3);
    for (index, label) in text::PROFILE_LABELS.iter().enumerate().skip(first_field) {
        let y = fields_area.y + u16::try_from(index - first_field).unwrap_or(u16::MAX);
        if y >= fields_area.y + fields_area.height {
            break;
        }
        let focused = index == form.focus;
        let marker = if focused { "▶ " } else { "  " };
        let style = if focused { theme.heading() } else { theme.plain() };
        canvas.render_widget(
            Paragraph::new(Span::styled(format!("{marker}{label}"), style)),
            Rect::new(fields_area.x, y, label_width, 1),
        );
        let field_rect = Rect::new(
            fields_area.x + label_width,
            y,
            fields_area.width.saturating_sub(label_width),
            1,
        );
        if let Some(field) = form.fields.get(index) {
            if focused {
                draw_editor(canvas, field, field_rect, theme.plain(), true);
            } else {
                canvas.render_widget(
                    Paragraph::new(Span::styled(form.value(index), theme.muted())),
                    field_rect,
                );
            }
        }
    }
    footer(model, canvas, foot, theme, Line::from(""), text::KEYS_PROFILE);
}

/// The keys for the current screen, laid out for the help box's width:
/// side by side when there is room, each key above its meaning when not.
fn help_lines(model: &Model, inner_width: u16, theme: Theme) -> Vec<Line<'static>> {
    let keys = match &model.screen {
        Screen::Home => text::HELP_HOME,
        Screen::Reader(reader) if reader.focus == Focus::Editor => text::HELP_EDITOR,
        Screen::Reader(_) => text::HELP_READER,
        Screen::Completion(_) => text::HELP_COMPLETION,
        Screen::Welcome(_) | Screen::Profile(_) => text::HELP_PROFILE,
    };
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
struct HelpBox {
    rect: Rect,
    rows: u16,
    lines: Vec<Line<'static>>,
    max_scroll: u16,
}

fn help_box(model: &Model, area: Rect, theme: Theme) -> HelpBox {
    let width = area.width.saturating_sub(4).min(76);
    let lines = help_lines(model, width.saturating_sub(2), theme);
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
pub fn help_scrolling(model: &Model) -> (u16, u16) {
    let help = help_box(
        model,
        Rect::new(0, 0, model.width, model.height),
        Theme { color: false },
    );
    (help.rows, help.max_scroll)
}

fn help(model: &Model, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let HelpBox {
        rect,
        rows,
        lines,
        max_scroll,
    } = help_box(model, area, theme);
    let scroll = usize::from(model.help_scroll.min(max_scroll));
    let mut lines: Vec<Line> = lines.into_iter().skip(scroll).take(usize::from(rows)).collect();
    lines.push(Line::from(""));
    let close = if max_scroll > 0 {
        text::HELP_SCROLL
    } else {
        text::HELP_CLOSE
    };
    lines.push(Line::from(Span::styled(close, theme.muted())));
    canvas.render_widget(Clear, rect);
    canvas.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(text::HELP_TITLE)),
        rect,
    );
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    use super::{fit_keys, put_str};

    #[test]
    fn footer_keys_are_cut_by_whole_keys_keeping_help() {
        let keys = "Enter open · e export · u profile · ? help · q quit";
        assert_eq!(fit_keys(keys, 80), keys);
        assert_eq!(fit_keys(keys, 40), "Enter open · e export · ? help");
        assert_eq!(fit_keys(keys, 20), "Enter open · ? help");
        assert_eq!(fit_keys(keys, 6), "? help");
        assert_eq!(fit_keys("Tab format · Enter write · Esc cancel", 20), "Tab format");
    }

    /// The fast path must leave the screen exactly as ratatui's own writer
    /// would, wherever the text is cut.
    fn same_as_ratatui(text: &str) {
        let style = Style::default().fg(Color::Yellow);
        for start in 0..3u16 {
            for right in start..14u16 {
                let area = Rect::new(0, 0, 14, 1);
                let mut ours = Buffer::empty(area);
                let mut theirs = Buffer::empty(area);
                let ended = put_str(&mut ours, start, 0, text, style, right);
                let expected = theirs.set_stringn(start, 0, text, usize::from(right - start), style).0;
                assert_eq!(ours, theirs, "{text:?} from {start} to {right}");
                assert_eq!(ended, expected, "{text:?} from {start} to {right}");
            }
        }
    }

    #[test]
    fn text_is_drawn_as_ratatui_draws_it() {
        for text in [
            "",
            "plain words",
            "café and cafe\u{301}",
            "a\u{301}bc",
            "child’s – parent’s “words”",
            "漢字 and かな",
            "👍🏽 ok 👨‍👩‍👧",
            "tab\there, nul\u{0}, del\u{7f}, crlf\r\n",
            "ｶﾞｷﾞ halfwidth",
            "x\u{200b}y zero width",
        ] {
            same_as_ratatui(text);
        }
    }

    proptest! {
        #[test]
        fn any_text_is_drawn_as_ratatui_draws_it(text in "[a-z \\t\u{301}\u{300}é’漢👍\u{200d}\u{fe0f}ｶﾞ\u{0}]{0,16}") {
            same_as_ratatui(&text);
        }
    }
}
