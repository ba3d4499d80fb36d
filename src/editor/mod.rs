//! The reflection editor: a soft-wrapping text editor whose work per keystroke does not grow with
//! the text. The text is one `String`; beside it, each paragraph (a run between '\n's) keeps its
//! byte range, its word count and its wrapped rows, so an edit re-measures only the paragraphs it
//! touched and rendering reads only the rows on screen.

mod history;
#[cfg(test)]
mod tests;
mod wrap;

use std::cell::{Cell, RefCell};
use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

use history::{Edit, EditKind, History};
use wrap::{UNWRAPPED, is_blank, next_boundary, previous_boundary, snap_to_boundary, wrap_rows};

/// One paragraph of the text and its wrapped rows.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Paragraph {
    /// Byte offset of its first byte in the text.
    start: usize,
    /// Length in bytes, without the '\n' that ends it.
    len: usize,
    words: usize,
    /// Where each visual row starts, relative to `start` (so only `start` shifts after an edit
    /// earlier in the text); never empty.
    rows: Vec<usize>,
}

impl Paragraph {
    /// The paragraphs of `text`, which starts at byte `start`, wrapped for `width` columns.
    fn split(text: &str, mut start: usize, width: usize) -> Vec<Self> {
        let mut paragraphs = Vec::new();
        for piece in text.split('\n') {
            let (len, words, rows) = (piece.len(), piece.split_whitespace().count(), wrap_rows(piece, width));
            paragraphs.push(Self {
                start,
                len,
                words,
                rows,
            });
            start += len + 1;
        }
        paragraphs
    }

    fn end(&self) -> usize {
        self.start + self.len
    }

    /// The row holding byte `offset` (absolute); a row boundary belongs to the row it starts.
    fn row_of(&self, offset: usize) -> usize {
        let relative = offset.saturating_sub(self.start);
        self.rows.partition_point(|&row| row <= relative).saturating_sub(1)
    }

    /// The absolute byte range of `row`, trailing whitespace included.
    fn row_range(&self, row: usize) -> Range<usize> {
        let start = self.rows.get(row).map_or(self.len, |&start| start);
        let end = self.rows.get(row + 1).map_or(self.len, |&end| end);
        self.start + start..self.start + end
    }

    fn is_last_row(&self, row: usize) -> bool {
        row + 1 >= self.rows.len()
    }
}

/// The paragraphs, wrapped for `width` columns.
#[derive(Debug, Clone)]
struct Layout {
    width: usize,
    /// Never empty: an empty text is one empty paragraph.
    paragraphs: Vec<Paragraph>,
}

impl Layout {
    fn new(text: &str) -> Self {
        let paragraphs = Paragraph::split(text, 0, UNWRAPPED);
        Self {
            width: UNWRAPPED,
            paragraphs,
        }
    }

    /// Re-wraps every paragraph for a new width; returns how many were wrapped.
    fn rewrap(&mut self, text: &str, width: usize) -> usize {
        self.width = width;
        for paragraph in &mut self.paragraphs {
            paragraph.rows = wrap_rows(text.get(paragraph.start..paragraph.end()).unwrap_or_default(), width);
        }
        self.paragraphs.len()
    }

    /// The index of the paragraph holding byte `offset` (a '\n' belongs to the paragraph it ends).
    fn paragraph_index(&self, offset: usize) -> usize {
        self.paragraphs.partition_point(|p| p.start <= offset).saturating_sub(1)
    }

    fn paragraph_of(&self, offset: usize) -> Option<&Paragraph> {
        self.paragraphs.get(self.paragraph_index(offset))
    }

    /// The paragraph and its row at visual row `global_row`, clamped to the last row.
    fn find_row(&self, global_row: usize) -> Option<(usize, usize)> {
        let mut remaining = global_row;
        for (index, paragraph) in self.paragraphs.iter().enumerate() {
            if remaining < paragraph.rows.len() {
                return Some((index, remaining));
            }
            remaining -= paragraph.rows.len();
        }
        let last = self.paragraphs.last()?;
        Some((self.paragraphs.len() - 1, last.rows.len().saturating_sub(1)))
    }

    /// Visual rows in the paragraphs before the `index`th (all of them, past the end).
    fn rows_before(&self, index: usize) -> usize {
        self.paragraphs.iter().take(index).map(|p| p.rows.len()).sum()
    }

    /// The cursor's visual row, counted from the top of the text, and its display column.
    fn cursor_row_column(&self, text: &str, cursor: usize) -> (usize, usize) {
        let index = self.paragraph_index(cursor);
        let Some(paragraph) = self.paragraphs.get(index) else {
            return (0, 0);
        };
        let row = paragraph.row_of(cursor);
        let range = paragraph.row_range(row);
        let column = wrap::column_of(text.get(range.clone()).unwrap_or_default(), cursor - range.start);
        (self.rows_before(index) + row, column)
    }

    /// The offset nearest display `column` on visual row `global_row`. On a row that wraps, the
    /// cursor stops before the row's last grapheme (the space that broke it): the offset after it
    /// is the start of the next row.
    fn offset_at(&self, text: &str, global_row: usize, column: usize) -> usize {
        let Some((paragraph, row)) = self
            .find_row(global_row)
            .and_then(|(i, row)| Some((self.paragraphs.get(i)?, row)))
        else {
            return 0;
        };
        let range = paragraph.row_range(row);
        let row_text = text.get(range.clone()).unwrap_or_default();
        let mut used = 0;
        let mut last_start = range.start;
        for (offset, grapheme) in row_text.grapheme_indices(true) {
            let width = wrap::grapheme_width(grapheme);
            if used + width > column {
                return range.start + offset;
            }
            used += width;
            last_start = range.start + offset;
        }
        if paragraph.is_last_row(row) {
            range.end
        } else {
            last_start
        }
    }
}

/// A multi-line (or one-line) text field with soft wrapping, word motions and undo.
#[derive(Debug, Clone)]
pub struct Editor {
    text: String,
    /// A byte offset, always on a grapheme-cluster boundary.
    cursor: usize,
    single_line: bool,
    words: usize,
    /// The display column Up/Down aim for, kept across shorter rows until another key moves.
    preferred_column: Option<usize>,
    history: History,
    /// Rows for the width of the last render. `render` has only `&self`, hence the `RefCell`.
    layout: RefCell<Layout>,
    /// The visual row at the top of the viewport.
    scroll_top: Cell<usize>,
    /// The viewport's height at the last render, for PageUp/PageDown.
    viewport_height: Cell<u16>,
    placeholder: Option<(String, Style)>,
    /// How many paragraphs the last edit or render wrapped, to check that typing stays local.
    #[cfg(test)]
    rewrapped: Cell<usize>,
}

impl Editor {
    /// A multi-line editor holding `text`, with the cursor at its very end.
    pub fn new(text: &str) -> Self {
        Self::build(normalise_newlines(text), false)
    }

    /// A one-line field: Enter is left to the caller, and newlines in pastes become spaces.
    pub fn single_line(text: &str) -> Self {
        Self::build(normalise_newlines(text).replace('\n', " "), true)
    }

    fn build(text: String, single_line: bool) -> Self {
        let layout = Layout::new(&text);
        Self {
            cursor: text.len(),
            words: layout.paragraphs.iter().map(|p| p.words).sum(),
            text,
            single_line,
            preferred_column: None,
            history: History::default(),
            layout: RefCell::new(layout),
            scroll_top: Cell::new(0),
            viewport_height: Cell::new(0),
            placeholder: None,
            #[cfg(test)]
            rewrapped: Cell::new(0),
        }
    }

    /// The whole text, paragraphs joined by '\n'.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Maximal runs of non-whitespace, kept up to date per paragraph.
    pub fn word_count(&self) -> usize {
        self.words
    }

    pub fn cursor_byte(&self) -> usize {
        self.cursor
    }

    pub fn move_to_end(&mut self) {
        self.move_to(self.text.len());
    }

    /// What to draw, in `style`, while the text is empty.
    pub fn set_placeholder(&mut self, text: &str, style: Style) {
        self.placeholder = Some((text.replace(['\r', '\n'], " "), style));
    }

    /// Handles one key; returns true when the text changed. Keys it does not use (Tab, Esc,
    /// function keys, Enter in a one-line field) change nothing and return false.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        use EditKind::{Backspace, Delete, Single};
        if key.kind == KeyEventKind::Release {
            return false;
        }
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let page = isize::try_from(self.viewport_height.get().saturating_sub(1).max(1)).unwrap_or(1);
        let (text, cursor) = (&self.text, self.cursor);
        let paragraph = self
            .layout
            .get_mut()
            .paragraph_of(cursor)
            .map_or(0..0, |p| p.start..p.end());
        let (range, kind) = match key.code {
            KeyCode::Char(character) if is_typing(key.modifiers) => {
                return !character.is_control() && self.type_text(character.encode_utf8(&mut [0; 4]));
            }
            KeyCode::Enter if !self.single_line && is_typing(key.modifiers) => return self.type_text("\n"),
            KeyCode::Backspace if control || alt => (word_start_before(text, cursor)..cursor, Single),
            KeyCode::Char('w') if control => (word_start_before(text, cursor)..cursor, Single),
            KeyCode::Backspace => (previous_boundary(text, cursor)..cursor, Backspace),
            KeyCode::Char('h') if control => (previous_boundary(text, cursor)..cursor, Backspace),
            KeyCode::Delete if control || alt => (cursor..word_end_after(text, cursor), Single),
            KeyCode::Char('d') if alt => (cursor..word_end_after(text, cursor), Single),
            KeyCode::Delete => (cursor..next_boundary(text, cursor), Delete),
            // At the paragraph's end Ctrl-K takes the newline, as in emacs.
            KeyCode::Char('k') if control && cursor == paragraph.end && cursor < text.len() => {
                (cursor..cursor + 1, Single)
            }
            KeyCode::Char('k') if control => (cursor..paragraph.end, Single),
            KeyCode::Char('u') if control => (paragraph.start..cursor, Single),
            // Moves: the text does not change.
            KeyCode::Left if control || alt => return self.move_to(word_start_before(text, cursor)),
            KeyCode::Char('b') if alt => return self.move_to(word_start_before(text, cursor)),
            KeyCode::Right if control || alt => return self.move_to(word_end_after(text, cursor)),
            KeyCode::Char('f') if alt => return self.move_to(word_end_after(text, cursor)),
            KeyCode::Left => return self.move_to(previous_boundary(text, cursor)),
            KeyCode::Right => return self.move_to(next_boundary(text, cursor)),
            KeyCode::Home if control => return self.move_to(0),
            KeyCode::End if control => return self.move_to(text.len()),
            KeyCode::Home => return self.move_to_row_edge(false),
            KeyCode::Char('a') if control => return self.move_to_row_edge(false),
            KeyCode::End => return self.move_to_row_edge(true),
            KeyCode::Char('e') if control => return self.move_to_row_edge(true),
            KeyCode::Up => return self.move_rows(-1),
            KeyCode::Down => return self.move_rows(1),
            KeyCode::PageUp => return self.move_rows(-page),
            KeyCode::PageDown => return self.move_rows(page),
            _ => return false,
        };
        self.edit(range, "", kind)
    }

    /// Puts the cursor at `target`, ending the undo step being typed. False: the text is unchanged.
    fn move_to(&mut self, target: usize) -> bool {
        self.cursor = target.min(self.text.len());
        self.preferred_column = None;
        self.history.close_step();
        false
    }

    /// Home/End: the start or end of the cursor's visual row (the end stops before a wrapping
    /// row's last grapheme, as in `Layout::offset_at`).
    fn move_to_row_edge(&mut self, end: bool) -> bool {
        let layout = self.layout.get_mut();
        let Some(paragraph) = layout.paragraph_of(self.cursor) else {
            return false;
        };
        let row = paragraph.row_of(self.cursor);
        let range = paragraph.row_range(row);
        let target = match (end, paragraph.is_last_row(row)) {
            (false, _) => range.start,
            (true, true) => range.end,
            (true, false) => previous_boundary(&self.text, range.end).max(range.start),
        };
        self.move_to(target)
    }

    /// Up/Down/PageUp/PageDown: `delta` visual rows, aiming for the preferred column. Past the
    /// first or last row the cursor goes to the start or end of the text.
    fn move_rows(&mut self, delta: isize) -> bool {
        let layout = self.layout.get_mut();
        let (row, column) = layout.cursor_row_column(&self.text, self.cursor);
        let column = *self.preferred_column.get_or_insert(column);
        let last_row = layout.rows_before(usize::MAX).saturating_sub(1);
        let target_row = row.saturating_add_signed(delta).min(last_row);
        self.cursor = if target_row == row {
            if delta < 0 { 0 } else { self.text.len() }
        } else {
            layout.offset_at(&self.text, target_row, column)
        };
        self.history.close_step();
        false
    }

    fn type_text(&mut self, typed: &str) -> bool {
        let cursor = self.cursor;
        self.edit(cursor..cursor, typed, EditKind::Typing)
    }

    /// Inserts pasted text at the cursor as one undo step. CRLF and lone CR become LF (spaces in
    /// a one-line field).
    pub fn insert_str(&mut self, text: &str) -> bool {
        let mut pasted = normalise_newlines(text);
        if self.single_line {
            pasted = pasted.replace('\n', " ");
        }
        let cursor = self.cursor;
        let changed = self.edit(cursor..cursor, &pasted, EditKind::Single);
        self.history.close_step();
        changed
    }

    /// Reverts the last step and puts the cursor back where it was before it.
    pub fn undo(&mut self) -> bool {
        let step = self
            .history
            .undo()
            .map(|e| (e.at..e.at + e.inserted.len(), e.removed.clone(), e.cursor_before));
        step.is_some_and(|(range, text, cursor)| self.restore(range, &text, cursor))
    }

    /// Re-applies the last undone step.
    pub fn redo(&mut self) -> bool {
        let step = self
            .history
            .redo()
            .map(|e| (e.at..e.at + e.removed.len(), e.inserted.clone(), e.cursor_after));
        step.is_some_and(|(range, text, cursor)| self.restore(range, &text, cursor))
    }

    /// Replays one side of a recorded edit, outside the history.
    fn restore(&mut self, range: Range<usize>, text: &str, cursor: usize) -> bool {
        self.replace(range, text);
        self.cursor = cursor.min(self.text.len());
        self.preferred_column = None;
        true
    }

    /// Replaces `range` with `inserted` as an undoable edit of `kind`; false when nothing changed.
    fn edit(&mut self, range: Range<usize>, inserted: &str, kind: EditKind) -> bool {
        if range.is_empty() && inserted.is_empty() {
            return false;
        }
        let Some(removed) = self.text.get(range.clone()).map(str::to_owned) else {
            return false;
        };
        let cursor_before = self.cursor;
        if !self.replace(range.clone(), inserted) {
            return false;
        }
        self.cursor = snap_to_boundary(&self.text, range.start + inserted.len());
        self.preferred_column = None;
        let edit = Edit {
            at: range.start,
            removed,
            inserted: inserted.to_owned(),
            cursor_before,
            cursor_after: self.cursor,
        };
        self.history.record(edit, kind);
        true
    }

    /// Replaces the bytes in `range` and brings the paragraphs up to date: the touched ones are
    /// split anew and re-wrapped, the later ones only shift.
    fn replace(&mut self, range: Range<usize>, inserted: &str) -> bool {
        let text = &mut self.text;
        if range.start > range.end || !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
            return false;
        }
        let layout = self.layout.get_mut();
        let (first, last) = (layout.paragraph_index(range.start), layout.paragraph_index(range.end));
        let Some(touched) = layout.paragraphs.get(first..=last) else {
            return false;
        };
        let region_start = touched.first().map_or(0, |p| p.start);
        let region_end = (touched.last().map_or(0, Paragraph::end) + inserted.len()).saturating_sub(range.len());
        let removed_words: usize = touched.iter().map(|p| p.words).sum();
        text.replace_range(range.clone(), inserted);

        let region = text.get(region_start..region_end).unwrap_or_default();
        let paragraphs = Paragraph::split(region, region_start, layout.width);
        let added = paragraphs.len();
        self.words = (self.words + paragraphs.iter().map(|p| p.words).sum::<usize>()).saturating_sub(removed_words);
        layout.paragraphs.splice(first..=last, paragraphs);
        for paragraph in layout.paragraphs.iter_mut().skip(first + added) {
            paragraph.start = (paragraph.start + inserted.len()).saturating_sub(range.len());
        }
        #[cfg(test)]
        self.rewrapped.set(added);
        true
    }

    /// Draws the visible rows into `area` (the caller draws any border) and returns where the
    /// terminal's cursor belongs, if inside `area`. Rows are re-wrapped only when the width
    /// changed; the viewport jumps by half a page when the cursor leaves it.
    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style) -> Option<Position> {
        let area = area.intersection(buf.area);
        let Ok(mut layout) = self.layout.try_borrow_mut() else {
            return None;
        };
        let (width, height) = (usize::from(area.width), usize::from(area.height));
        if area.is_empty() {
            return None;
        } else if layout.width != width {
            let _rewrapped = layout.rewrap(&self.text, width);
            #[cfg(test)]
            self.rewrapped.set(_rewrapped);
        }
        self.viewport_height.set(area.height);

        if let Some((placeholder, placeholder_style)) = self.placeholder.as_ref().filter(|_| self.text.is_empty()) {
            let starts = wrap_rows(placeholder, width);
            let rows = wrap::row_texts(placeholder, &starts);
            wrap::draw_rows(buf, area, rows, *placeholder_style, style);
            return Some(area.as_position());
        }

        let (cursor_row, cursor_column) = layout.cursor_row_column(&self.text, self.cursor);
        let mut top = self.scroll_top.get();
        if cursor_row < top || cursor_row >= top + height {
            top = cursor_row.saturating_sub(height / 2);
            self.scroll_top.set(top);
        }
        // Only the paragraphs from the top row on are read, and only as far as the screen goes.
        let rows = layout.find_row(top).into_iter().flat_map(|(index, row)| {
            let paragraphs = layout.paragraphs.iter().skip(index);
            paragraphs
                .flat_map(|p| (0..p.rows.len()).map(move |row| p.row_range(row)))
                .skip(row)
        });
        let rows = rows.map(|range| self.text.get(range).unwrap_or_default());
        wrap::draw_rows(buf, area, rows, style, style);

        let visible_row = cursor_row.checked_sub(top).filter(|&row| row < height)?;
        let x = area.x.saturating_add(u16::try_from(cursor_column.min(width - 1)).ok()?);
        let y = area.y.saturating_add(u16::try_from(visible_row).ok()?);
        Some(Position { x, y })
    }
}

/// CRLF and lone CR become LF.
fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Plain typing: no modifier, Shift, or AltGr (which arrives as Control+Alt).
fn is_typing(modifiers: KeyModifiers) -> bool {
    let without_shift = modifiers.difference(KeyModifiers::SHIFT);
    without_shift.is_empty() || without_shift == KeyModifiers::CONTROL | KeyModifiers::ALT
}

/// The start of the word before `at`, skipping whitespace first (Ctrl-Left, Ctrl-W).
fn word_start_before(text: &str, at: usize) -> usize {
    at - word_length(text.get(..at).unwrap_or_default().graphemes(true).rev())
}

/// The end of the word after `at`, skipping whitespace first (Ctrl-Right, Ctrl-Delete).
fn word_end_after(text: &str, at: usize) -> usize {
    at + word_length(text.get(at..).unwrap_or_default().graphemes(true))
}

/// Bytes in the leading whitespace and then the word of `graphemes`.
fn word_length<'a>(graphemes: impl Iterator<Item = &'a str>) -> usize {
    let mut graphemes = graphemes.peekable();
    let mut length = 0;
    while let Some(grapheme) = graphemes.next_if(|g| is_blank(g)) {
        length += grapheme.len();
    }
    while let Some(grapheme) = graphemes.next_if(|g| !is_blank(g)) {
        length += grapheme.len();
    }
    length
}
