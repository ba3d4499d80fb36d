//! Small drawing helpers every screen uses: the canvas, stacking rows,
//! fast line drawing, the footer, and status words.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::keymap::{self, Context, FooterItem, Situation};
use super::model::Model;
use super::theme::Theme;
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

    pub(crate) fn buffer_mut(&mut self) -> &mut Buffer {
        self.buffer
    }

    pub(crate) fn render_widget(&mut self, widget: impl Widget, area: Rect) {
        widget.render(area, self.buffer);
    }

    pub(crate) fn set_cursor_position(&mut self, position: Position) {
        self.cursor = Some(position);
    }

    /// Where the terminal's cursor should be shown; None hides it.
    pub fn cursor(&self) -> Option<Position> {
        self.cursor
    }
}

/// Draws an editor; with the focus, the terminal's own cursor goes where
/// the next character will be (screen readers and magnifiers follow it).
pub(crate) fn draw_editor(
    canvas: &mut Canvas,
    editor: &crate::editor::Editor,
    area: Rect,
    style: Style,
    focused: bool,
) {
    if let Some(position) = editor.render(area, canvas.buffer_mut(), style)
        && focused
    {
        canvas.set_cursor_position(position);
    }
}

/// Splits `area` into rows, top to bottom: `Some(h)` is h rows, `None`
/// takes what the others leave. Plain arithmetic rather than `Layout`,
/// whose constraint solver was a tenth of the first frame's work.
pub(crate) fn stack<const N: usize>(area: Rect, heights: [Option<u16>; N]) -> [Rect; N] {
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
pub(crate) fn draw_lines(canvas: &mut Canvas, area: Rect, lines: &[Line]) {
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
pub(crate) fn put_str(
    buffer: &mut ratatui::buffer::Buffer,
    mut x: u16,
    y: u16,
    text: &str,
    style: Style,
    right: u16,
) -> u16 {
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
pub(crate) fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// The foot of every screen: a notice or save failure, then the keys of
/// `context`, from its key table.
pub(crate) fn footer(
    model: &Model,
    canvas: &mut Canvas,
    area: Rect,
    theme: Theme,
    left: Line,
    context: Context,
    situation: Situation,
) {
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
    if let Some(notice) = &model.notice
        && notice.chars().count() > usize::from(area.width)
    {
        // A notice too long for its row takes the keys' row too: what went
        // wrong matters more than the reminder of the keys.
        canvas.render_widget(Paragraph::new(notice.as_str()).wrap(Wrap { trim: true }), area);
        return;
    }
    let [status_row, keys_row] = stack(area, [Some(1), Some(1)]);
    let status = if let Some(notice) = &model.notice {
        Line::from(notice.as_str())
    } else {
        left
    };
    draw_lines(canvas, status_row, &[status]);
    let keys = fit_keys(&keymap::footer(context, situation), usize::from(keys_row.width));
    draw_lines(canvas, keys_row, &[Line::from(Span::styled(keys, theme.keys()))]);
}

/// The footer's keys cut to `width` by whole keys, not mid-word: those that
/// fit, in order, and always the one marked to keep (the key for help,
/// which lists the rest).
pub(crate) fn fit_keys(items: &[FooterItem], width: usize) -> String {
    const SEPARATOR: &str = " · ";
    let all: Vec<&str> = items.iter().map(|item| item.text.as_str()).collect();
    let joined = all.join(SEPARATOR);
    if joined.chars().count() <= width {
        return joined;
    }
    let help = items.iter().position(|item| item.keep);
    let reserved = help.map_or(0, |index| all[index].chars().count() + SEPARATOR.chars().count());
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 0;
    for (index, item) in all.iter().enumerate() {
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
        kept.push(all[index]);
    }
    kept.join(SEPARATOR)
}

pub(crate) fn status_words(symbols: &'static text::Symbols, status: Status) -> (&'static str, &'static str) {
    match status {
        Status::NotStarted => (symbols.not_started, text::STATUS_NOT_STARTED),
        Status::InProgress => (symbols.in_progress, text::STATUS_IN_PROGRESS),
        Status::Complete => (symbols.complete, text::STATUS_COMPLETE),
    }
}

pub(crate) fn status_style(theme: Theme, status: Status) -> Style {
    match status {
        Status::NotStarted => theme.plain(),
        Status::InProgress => theme.in_progress(),
        Status::Complete => theme.done(),
    }
}

pub use crate::content::short_name;

/// "3/5 read · 1/2 answered", for a module in progress.
pub(crate) fn progress_short(model: &Model, course_index: usize, module_index: usize) -> String {
    let Some((_, module)) = model.module(course_index, module_index) else {
        return String::new();
    };
    let key = model.key_of(course_index, module_index);
    let journal = key.as_ref().and_then(|key| model.journal(key));
    let read = journal.map_or(0, |journal| journal.sections_read.len().min(module.sections.len()));
    let answered = (module.question_count() > 0).then(|| {
        (
            journal.map_or(0, |journal| journal.answered_count(module)),
            module.question_count(),
        )
    });
    text::progress_short(read, module.sections.len(), answered)
}

pub(crate) fn status_label(model: &Model, course: usize, module: usize) -> String {
    let status = model.status(course, module);
    let (symbol, word) = status_words(text::symbols(model.ascii), status);
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

/// A studied module with a question skipped: `o` goes back to it.
pub(crate) fn has_skipped(model: &Model, course: usize, module: usize) -> bool {
    let Some((_, content)) = model.module(course, module) else {
        return false;
    };
    model
        .key_of(course, module)
        .and_then(|key| model.journal(&key))
        .is_some_and(|journal| journal.skipped_count(content) > 0)
}

pub(crate) fn pad_to(text: &str, width: usize) -> String {
    let text = truncate(text, width);
    let pad = width.saturating_sub(text.chars().count());
    format!("{text}{}", " ".repeat(pad))
}

/// `text` cut to `width` characters by taking out its middle, so that
/// both ends of a path show: `/home/jo/…/share/casebook`.
pub(crate) fn cut_middle(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        return text.to_owned();
    }
    if width < 3 {
        return truncate(text, width);
    }
    // The end (the folder itself) gets the larger half.
    let tail = width / 2;
    let head = width - 1 - tail;
    let start: String = text.chars().take(head).collect();
    let end: String = text.chars().skip(count - tail).collect();
    format!("{start}…{end}")
}

pub(crate) fn truncate(text: &str, width: usize) -> String {
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    use super::{cut_middle, fit_keys, put_str};

    #[test]
    fn a_long_path_loses_its_middle_not_its_ends() {
        assert_eq!(cut_middle("/home/jo/data", 20), "/home/jo/data");
        let cut = cut_middle("/home/jo/.local/share/casebook", 16);
        assert_eq!(cut, "/home/j…casebook");
        assert_eq!(cut.chars().count(), 16);
    }
    use crate::tui::keymap::{Context, Situation, footer};

    #[test]
    fn footer_keys_are_cut_by_whole_keys_keeping_help() {
        let keys = footer(Context::Home, Situation::default());
        let all = "Enter open · e export · u profile · ? help · q quit · i import review";
        assert_eq!(fit_keys(&keys, 80), all);
        // The last hint is the first to go.
        assert_eq!(
            fit_keys(
                &footer(
                    Context::Home,
                    Situation {
                        skipped: true,
                        ..Situation::default()
                    }
                ),
                80
            ),
            "Enter open · o skipped questions · e export · u profile · q quit · ? help"
        );
        assert_eq!(fit_keys(&keys, 40), "Enter open · e export · ? help");
        assert_eq!(fit_keys(&keys, 20), "Enter open · ? help");
        assert_eq!(fit_keys(&keys, 6), "? help");
        let export = footer(Context::Export, Situation::default());
        assert_eq!(fit_keys(&export, 26), "Tab format · ↑↓ period");
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
