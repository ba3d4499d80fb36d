//! The reflection editor: a soft-wrapping text editor whose work per keystroke does not grow with
//! the text or with the paragraph being edited. The text is one `String`; beside it, each
//! paragraph (a run between '\n's) keeps its byte range and as many of its wrapped rows as have
//! been needed. An edit keeps the rows before it, re-wraps from just before it until the rows meet
//! the old ones again (a few rows, in prose), and rendering wraps only the rows it reaches.

mod history;
pub mod keys;
mod layout;
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

use crate::folder::files::TEXT_LIMIT;
use history::{Edit, EditKind, History};
pub use keys::EditCommand;
use layout::{Layout, Paragraph};
use wrap::{is_blank, next_boundary, previous_boundary, snap_to_boundary, wrap_rows};

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
    /// Rows for the width of the last render, as far as wrapped. `render` has only `&self`, hence
    /// the `RefCell`.
    layout: RefCell<Layout>,
    /// The visual row at the top of the viewport.
    scroll_top: Cell<usize>,
    /// The viewport's height at the last render, for PageUp/PageDown.
    viewport_height: Cell<u16>,
    placeholder: Option<(String, Style)>,
    /// Characters in `text`, kept up to date by each edit.
    chars: usize,
    /// The most characters the text may hold: typing and pastes past it are
    /// not taken (text it already held is never cut).
    limit: usize,
    /// Characters the last edits could not take, until the caller asks.
    refused: usize,
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
            words: text.split_whitespace().count(),
            text,
            single_line,
            preferred_column: None,
            history: History::default(),
            layout: RefCell::new(layout),
            scroll_top: Cell::new(0),
            viewport_height: Cell::new(0),
            placeholder: None,
            chars: 0,
            limit: TEXT_LIMIT,
            refused: 0,
        }
        .counted()
    }

    fn counted(mut self) -> Self {
        self.chars = self.text.chars().count();
        self
    }

    /// The most characters this editor takes (`TEXT_LIMIT` unless set).
    pub fn limit(&self) -> usize {
        self.limit
    }

    pub fn with_limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// How many typed or pasted characters were not taken, because the text
    /// was full, since the last call; the count starts again at zero.
    pub fn take_refused(&mut self) -> usize {
        std::mem::take(&mut self.refused)
    }

    /// The whole text, paragraphs joined by '\n'.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Maximal runs of non-whitespace, kept up to date from the bytes each edit touches.
    pub fn word_count(&self) -> usize {
        self.words
    }

    pub fn cursor_byte(&self) -> usize {
        self.cursor
    }

    pub fn move_to_end(&mut self) {
        self.move_to(self.text.len());
    }

    /// Puts the cursor at a byte offset (on the grapheme boundary at or
    /// after it; the end if past it): where a finding's words start.
    pub fn move_to_byte(&mut self, at: usize) {
        let mut at = at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at += 1;
        }
        let at = snap_to_boundary(&self.text, at);
        self.move_to(at);
    }

    /// What to draw, in `style`, while the text is empty.
    pub fn set_placeholder(&mut self, text: &str, style: Style) {
        self.placeholder = Some((text.replace(['\r', '\n'], " "), style));
    }

    /// Handles one key; returns true when the text changed. Keys it does not use (Tab, Esc,
    /// function keys, Enter in a one-line field) change nothing and return false. Which key does
    /// what is in [`keys`], where the tutor's help reads it too.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        if key.kind == KeyEventKind::Release {
            return false;
        }
        if let KeyCode::Char(character) = key.code
            && is_typing(key.modifiers)
        {
            return !character.is_control() && self.type_text(character.encode_utf8(&mut [0; 4]));
        }
        if key.code == KeyCode::Enter && !is_typing(key.modifiers) {
            return false;
        }
        keys::command_for(&key).is_some_and(|command| self.apply(command))
    }

    /// Carries out one editing command; returns true when the text changed.
    pub fn apply(&mut self, command: EditCommand) -> bool {
        use EditKind::{Backspace, Delete, Single};
        let page = isize::try_from(self.viewport_height.get().saturating_sub(1).max(1)).unwrap_or(1);
        let (text, cursor) = (&self.text, self.cursor);
        let paragraph = self
            .layout
            .get_mut()
            .paragraph_of(cursor)
            .map_or(0..0, |p| p.start..p.end());
        let (range, kind) = match command {
            EditCommand::NewLine if self.single_line => return false,
            EditCommand::NewLine => return self.type_text("\n"),
            EditCommand::DeleteWordBack => (word_start_before(text, cursor)..cursor, Single),
            EditCommand::DeleteBack => (previous_boundary(text, cursor)..cursor, Backspace),
            EditCommand::DeleteWordForward => (cursor..word_end_after(text, cursor), Single),
            EditCommand::DeleteForward => (cursor..next_boundary(text, cursor), Delete),
            // At the paragraph's end Ctrl-K takes the newline, as in emacs.
            EditCommand::DeleteToParagraphEnd if cursor == paragraph.end && cursor < text.len() => {
                (cursor..cursor + 1, Single)
            }
            EditCommand::DeleteToParagraphEnd => (cursor..paragraph.end, Single),
            EditCommand::DeleteToParagraphStart => (paragraph.start..cursor, Single),
            // Moves: the text does not change.
            EditCommand::WordLeft => return self.move_to(word_start_before(text, cursor)),
            EditCommand::WordRight => return self.move_to(word_end_after(text, cursor)),
            EditCommand::Left => return self.move_to(previous_boundary(text, cursor)),
            EditCommand::Right => return self.move_to(next_boundary(text, cursor)),
            EditCommand::TextStart => return self.move_to(0),
            EditCommand::TextEnd => return self.move_to(text.len()),
            EditCommand::RowStart => return self.move_to_row_edge(false),
            EditCommand::RowEnd => return self.move_to_row_edge(true),
            EditCommand::Up => return self.move_rows(-1),
            EditCommand::Down => return self.move_rows(1),
            EditCommand::PageUp => return self.move_rows(-page),
            EditCommand::PageDown => return self.move_rows(page),
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
        let index = layout.wrap_offset(&self.text, self.cursor);
        let Some(paragraph) = layout.paragraphs.get(index) else {
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
        let Some((index, paragraph_row, target_row)) = layout.find_row(&self.text, row.saturating_add_signed(delta))
        else {
            return false;
        };
        self.cursor = if target_row == row {
            if delta < 0 { 0 } else { self.text.len() }
        } else {
            layout.offset_at(&self.text, (index, paragraph_row), column)
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
        // Only what fits under the limit is taken, whole characters as drawn.
        let room = self.limit.saturating_sub(self.chars - removed.chars().count());
        let inserted = fitting(inserted, room, &mut self.refused);
        if range.is_empty() && inserted.is_empty() {
            return false;
        }
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

    /// Replaces the bytes in `range` and brings the paragraphs up to date. Only the inserted text
    /// is searched for newlines; the first touched paragraph keeps its rows up to just before the
    /// edit, the last one's rows after the edit are re-used once the new rows meet them, and the
    /// later paragraphs only shift.
    fn replace(&mut self, range: Range<usize>, inserted: &str) -> bool {
        let text = &mut self.text;
        if range.start > range.end || !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
            return false;
        }
        let layout = self.layout.get_mut();
        let (first, last) = (layout.paragraph_index(range.start), layout.paragraph_index(range.end));
        let (Some(first_start), Some(old_last)) = (
            layout.paragraphs.get(first).map(|p| p.start),
            layout.paragraphs.get(last),
        ) else {
            return false;
        };
        let old_last_end = old_last.end();
        // The rows of the unchanged text after the edit, relative to its start.
        let after_edit = range.end - old_last.start;
        let old_rows = old_last.rows.partition_point(|&row| row < after_edit);
        let old_rows: Vec<usize> = old_last
            .rows
            .iter()
            .skip(old_rows)
            .map(|&row| row - after_edit)
            .collect();
        let old_complete = old_last.complete;
        // An edit can fuse the grapheme before it with the text inserted, but cannot move rows
        // that start two rows before that grapheme (see `wrap::RowStarts`).
        let grapheme_before = previous_boundary(text, range.start).max(first_start);
        let kept_rows = layout.wrap_offset(text, grapheme_before);
        let kept_rows = layout.paragraphs.get_mut(kept_rows).map_or_else(Vec::new, |paragraph| {
            let keep = paragraph.row_of(grapheme_before).saturating_sub(2) + 1;
            let mut rows = std::mem::take(&mut paragraph.rows);
            rows.truncate(keep);
            rows
        });

        let next_character = text.get(range.end..).and_then(|rest| rest.chars().next());
        let next_character = next_character.map_or(0, char::len_utf8);
        let removed_words = word_starts(text, range.start..range.end + next_character);
        let removed_chars = text.get(range.clone()).map_or(0, |removed| removed.chars().count());
        self.chars = (self.chars + inserted.chars().count()).saturating_sub(removed_chars);
        text.replace_range(range.clone(), inserted);
        let inserted_end = range.start + inserted.len();
        let added_words = word_starts(text, range.start..inserted_end + next_character);
        self.words = (self.words + added_words).saturating_sub(removed_words);

        let new_last_end = (old_last_end + inserted.len()).saturating_sub(range.len());
        let newlines = inserted.match_indices('\n').map(|(at, _)| range.start + at);
        let starts: Vec<usize> = std::iter::once(first_start)
            .chain(newlines.clone().map(|newline| newline + 1))
            .collect();
        let ends = newlines.chain([new_last_end]);
        let mut paragraphs: Vec<Paragraph> = (starts.iter().zip(ends))
            .map(|(&start, end)| Paragraph::unwrapped(start, end - start, layout.width))
            .collect();
        if let Some(paragraph) = paragraphs.first_mut().filter(|p| !p.complete && !kept_rows.is_empty()) {
            paragraph.rows = kept_rows;
        }
        let added = paragraphs.len();
        layout.paragraphs.splice(first..=last, paragraphs);
        for paragraph in layout.paragraphs.iter_mut().skip(first + added) {
            paragraph.start = (paragraph.start + inserted.len()).saturating_sub(range.len());
        }
        layout.rejoin(text, first + added - 1, inserted_end, &old_rows, old_complete);
        true
    }

    /// Draws the visible rows into `area` (the caller draws any border) and returns where the
    /// terminal's cursor belongs, if inside `area`. Only the rows up to the screen's last are
    /// wrapped; the viewport jumps by half a page when the cursor leaves it.
    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style) -> Option<Position> {
        let area = area.intersection(buf.area);
        let Ok(mut layout) = self.layout.try_borrow_mut() else {
            return None;
        };
        let (width, height) = (usize::from(area.width), usize::from(area.height));
        if area.is_empty() {
            return None;
        } else if layout.width != width {
            layout.set_width(width);
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
        let mut shown = Vec::with_capacity(height);
        let mut row = layout.find_row(&self.text, top).map(|(index, row, _)| (index, row));
        while let Some((index, paragraph_row)) = row.filter(|_| shown.len() < height) {
            shown.push(
                layout
                    .paragraphs
                    .get(index)
                    .map_or(0..0, |p| p.row_range(paragraph_row)),
            );
            row = layout.next_row(&self.text, index, paragraph_row);
        }
        let rows = shown.into_iter().map(|range| self.text.get(range).unwrap_or_default());
        wrap::draw_rows(buf, area, rows, style, style);

        let visible_row = cursor_row.checked_sub(top).filter(|&row| row < height)?;
        let x = area.x.saturating_add(u16::try_from(cursor_column.min(width - 1)).ok()?);
        let y = area.y.saturating_add(u16::try_from(visible_row).ok()?);
        Some(Position { x, y })
    }
}

/// How many words start in `range` of `text`: non-whitespace characters after whitespace or at
/// the start. An edit changes only the starts within it and the one just after it.
fn word_starts(text: &str, range: Range<usize>) -> usize {
    let before = text.get(..range.start).and_then(|before| before.chars().next_back());
    let mut after_blank = before.is_none_or(char::is_whitespace);
    let mut starts = 0;
    for character in text.get(range).unwrap_or_default().chars() {
        let blank = character.is_whitespace();
        starts += usize::from(after_blank && !blank);
        after_blank = blank;
    }
    starts
}

/// The longest start of `inserted` that holds at most `room` characters,
/// cut between graphemes; what is left is added to `refused`.
fn fitting<'a>(inserted: &'a str, room: usize, refused: &mut usize) -> &'a str {
    if inserted.len() <= room {
        return inserted;
    }
    let mut taken = 0;
    let mut end = 0;
    for grapheme in inserted.graphemes(true) {
        let count = grapheme.chars().count();
        if taken + count > room {
            *refused += inserted[end..].chars().count();
            return &inserted[..end];
        }
        taken += count;
        end += grapheme.len();
    }
    inserted
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
