//! Measuring, wrapping and drawing one paragraph, in terminal columns.

use std::borrow::Cow;

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_segmentation::{GraphemeCursor, GraphemeIndices, UnicodeSegmentation};

/// The width used before the first render: every paragraph is one row, found without scanning it.
pub(super) const UNWRAPPED: usize = usize::MAX;

/// A tab is drawn as these spaces and measured as their width, so it never changes with its column.
const TAB: &str = "    ";

/// Drawn instead of control characters, which must never reach the terminal raw.
const REPLACEMENT: &str = "\u{FFFD}";

/// Display width of one grapheme cluster, as ratatui's buffer will count it when diffing.
pub(super) fn grapheme_width(grapheme: &str) -> usize {
    if grapheme == "\t" {
        TAB.len()
    } else if grapheme.chars().any(char::is_control) {
        1
    } else {
        usize::from(grapheme.cell_width())
    }
}

/// Whether a grapheme separates words (for wrapping, word motions and the word count alike).
pub(super) fn is_blank(grapheme: &str) -> bool {
    grapheme.chars().all(char::is_whitespace)
}

/// The grapheme boundary before `at` (or `at` itself at the start).
pub(super) fn previous_boundary(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|before| before.graphemes(true).next_back())
        .map_or(at, |g| at - g.len())
}

/// The grapheme boundary after `at` (or `at` itself at the end).
pub(super) fn next_boundary(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|after| after.graphemes(true).next())
        .map_or(at, |g| at + g.len())
}

/// `at` if it is a grapheme boundary, else the end of the cluster around it. An edit can fuse
/// clusters (a regional indicator typed before another, a letter before a combining accent).
pub(super) fn snap_to_boundary(text: &str, at: usize) -> usize {
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(false) => cursor.next_boundary(text, 0).ok().flatten().unwrap_or(text.len()),
        _ => at,
    }
}

/// Byte offsets, relative to the paragraph, where its visual rows start; never empty.
pub(super) fn wrap_rows(paragraph: &str, width: usize) -> Vec<usize> {
    std::iter::once(0).chain(RowStarts::new(paragraph, 0, width)).collect()
}

/// The starts of a paragraph's visual rows after a known one, found a row at a time so that only
/// the rows needed are wrapped.
///
/// Greedy: a row holds words and the whitespace after them; the words fit in `width`, the
/// whitespace may hang past it, so continuation rows start with a word. A word wider than the row
/// is broken between graphemes, and a wide glyph that would straddle the edge moves down whole.
///
/// Wrapping from any row start gives the rows that wrapping the whole paragraph gives from there
/// on: the state at a row start is always an empty row. And a row's start depends only on the text
/// from the previous row's start up to the first grapheme of the next row, so an edit cannot move
/// rows that start two rows before the grapheme preceding it; after it, once a row starts where an
/// old one did on unchanged text, every later row does too. The editor relies on both.
pub(super) struct RowStarts<'t> {
    graphemes: GraphemeIndices<'t>,
    /// Where `graphemes` starts in the paragraph (its offsets count from there).
    from: usize,
    width: usize,
    row_start: usize,
    /// Columns used on the current row, hanging whitespace included.
    column: usize,
    /// Start offset and start column of the word being read.
    word: Option<(usize, usize)>,
    /// A second row found at the same grapheme: a carried word that is itself too wide.
    pending: Option<usize>,
    /// Bytes of the paragraph read so far, for tests that check wrapping stays local.
    #[cfg(test)]
    read: usize,
}

impl<'t> RowStarts<'t> {
    /// The rows after the one starting at byte `from` of `paragraph` (a row start).
    pub(super) fn new(paragraph: &'t str, from: usize, width: usize) -> Self {
        Self {
            graphemes: paragraph.get(from..).unwrap_or_default().grapheme_indices(true),
            from,
            width: width.max(1),
            row_start: from,
            column: 0,
            word: None,
            pending: None,
            #[cfg(test)]
            read: from,
        }
    }

    /// How far into the paragraph wrapping has read.
    #[cfg(test)]
    pub(super) fn read(&self) -> usize {
        self.read
    }
}

impl Iterator for RowStarts<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if let Some(start) = self.pending.take() {
            return Some(start);
        }
        if self.width == UNWRAPPED {
            return None;
        }
        let width = self.width;
        for (offset, grapheme) in self.graphemes.by_ref() {
            let offset = self.from + offset;
            #[cfg(test)]
            {
                self.read = offset + grapheme.len();
            }
            let grapheme_width = grapheme_width(grapheme);
            if is_blank(grapheme) {
                self.column += grapheme_width;
                self.word = None;
                continue;
            }
            let (word_start, word_column) = *self.word.get_or_insert((offset, self.column));
            let fits = |column: usize| column + grapheme_width <= width;
            let mut found = None;
            // An empty row takes anything, so every row advances.
            if !fits(self.column) && offset != self.row_start {
                if word_start > self.row_start {
                    // Carry the word to a new row; the whitespace before it hangs on this one.
                    found = Some(word_start);
                    self.row_start = word_start;
                    self.column = self.column.saturating_sub(word_column);
                }
                if !fits(self.column) && offset != self.row_start {
                    // The word alone is wider than a row: break it before this grapheme.
                    self.row_start = offset;
                    self.column = 0;
                    if found.is_some() {
                        self.pending = Some(offset);
                    } else {
                        found = Some(offset);
                    }
                }
            }
            self.column += grapheme_width;
            if found.is_some() {
                return found;
            }
        }
        None
    }
}

/// The text of each row of `paragraph`, given the starts `wrap_rows` found.
pub(super) fn row_texts<'t>(paragraph: &'t str, starts: &[usize]) -> impl Iterator<Item = &'t str> {
    let ends = starts.iter().skip(1).copied().chain([paragraph.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| paragraph.get(start..end).unwrap_or_default())
}

/// Display columns from the start of `row` to byte `offset` within it.
pub(super) fn column_of(row: &str, offset: usize) -> usize {
    row.get(..offset)
        .map_or(0, |before| before.graphemes(true).map(grapheme_width).sum())
}

/// Draws `rows` in `style` down `area`, and blanks the rows below them in `blank`.
pub(super) fn draw_rows<'a>(
    buf: &mut Buffer,
    area: Rect,
    mut rows: impl Iterator<Item = &'a str>,
    style: Style,
    blank: Style,
) {
    for y in area.top()..area.bottom() {
        let (row, style) = rows.next().map_or(("", blank), |row| (row, style));
        draw_row(buf, (area.x, y), area.width, row, style);
    }
}

/// Draws one visual row at `(x, y)`, `width` columns wide, and blanks the rest of it. Hanging
/// whitespace and a wide glyph that would cross the edge are cut off by `set_stringn`.
fn draw_row(buf: &mut Buffer, (x, y): (u16, u16), width: u16, row: &str, style: Style) {
    let shown: Cow<str> = if row.contains(char::is_control) {
        let shown = row.graphemes(true).map(|grapheme| match grapheme {
            "\t" => TAB,
            _ if grapheme.contains(char::is_control) => REPLACEMENT,
            _ => grapheme,
        });
        shown.collect()
    } else {
        row.into()
    };
    let (end, _) = buf.set_stringn(x, y, shown, usize::from(width), style);
    for column in end..x.saturating_add(width) {
        if let Some(cell) = buf.cell_mut((column, y)) {
            cell.set_symbol(" ").set_style(style);
        }
    }
}
