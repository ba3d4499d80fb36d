//! Where each paragraph's wrapped rows start, kept as far as they have been
//! needed, and re-wrapped after an edit only until they meet the old rows.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::wrap::{self, RowStarts, UNWRAPPED};

/// After an edit, rows are re-wrapped until they meet the old ones again, but no more than this
/// many rows past the edit (text where they never meet, such as one very long word, would
/// otherwise be re-wrapped to its end on every key); later rows are then wrapped when needed.
pub(super) const REJOIN_ROWS: usize = 64;

/// One paragraph of the text and its wrapped rows, as far as they are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Paragraph {
    /// Byte offset of its first byte in the text.
    pub(super) start: usize,
    /// Length in bytes, without the '\n' that ends it.
    pub(super) len: usize,
    /// Where each visual row starts, relative to `start` (so only `start` shifts after an edit
    /// earlier in the text); never empty. Unless `complete`, more rows follow the last one listed,
    /// to be wrapped when first needed.
    pub(super) rows: Vec<usize>,
    pub(super) complete: bool,
}

impl Paragraph {
    /// A paragraph whose rows after the first are yet to be wrapped for `width`.
    pub(super) fn unwrapped(start: usize, len: usize, width: usize) -> Self {
        Self {
            start,
            len,
            rows: vec![0],
            // Unwrapped, or empty: one row, found without reading it.
            complete: width == UNWRAPPED || len == 0,
        }
    }

    pub(super) fn end(&self) -> usize {
        self.start + self.len
    }

    /// The known row holding byte `offset` (absolute); a row boundary belongs to the row it starts.
    pub(super) fn row_of(&self, offset: usize) -> usize {
        let relative = offset.saturating_sub(self.start);
        self.rows.partition_point(|&row| row <= relative).saturating_sub(1)
    }

    /// The absolute byte range of `row` (whose end must be known), trailing whitespace included.
    pub(super) fn row_range(&self, row: usize) -> Range<usize> {
        let start = self.rows.get(row).map_or(self.len, |&start| start);
        let end = self.rows.get(row + 1).map_or(self.len, |&end| end);
        self.start + start..self.start + end
    }

    pub(super) fn is_last_row(&self, row: usize) -> bool {
        self.complete && row + 1 >= self.rows.len()
    }

    /// Whether `row` is known to exist or not, and where it ends if it does.
    pub(super) fn knows_row(&self, row: usize) -> bool {
        self.complete || row + 1 < self.rows.len()
    }

    /// Whether the row holding byte `offset` (absolute) is known, and where it ends.
    pub(super) fn knows_offset(&self, offset: usize) -> bool {
        self.complete || self.rows.last().is_some_and(|&last| self.start + last > offset)
    }
}

/// The paragraphs, wrapped for `width` columns as far as needed. Methods that read rows wrap what
/// they need first, so they take the text and `&mut self`.
#[derive(Debug, Clone)]
pub(super) struct Layout {
    pub(super) width: usize,
    /// Never empty: an empty text is one empty paragraph.
    pub(super) paragraphs: Vec<Paragraph>,
    /// Bytes read by wrapping, to check that typing stays local.
    #[cfg(test)]
    pub(super) wrapped_bytes: usize,
}

impl Layout {
    pub(super) fn new(text: &str) -> Self {
        let mut start = 0;
        let mut paragraphs = Vec::new();
        for piece in text.split('\n') {
            paragraphs.push(Paragraph::unwrapped(start, piece.len(), UNWRAPPED));
            start += piece.len() + 1;
        }
        Self {
            width: UNWRAPPED,
            paragraphs,
            #[cfg(test)]
            wrapped_bytes: 0,
        }
    }

    /// Forgets every row for a new width; they are wrapped again as they are needed.
    pub(super) fn set_width(&mut self, width: usize) {
        self.width = width;
        for paragraph in &mut self.paragraphs {
            *paragraph = Paragraph::unwrapped(paragraph.start, paragraph.len, width);
        }
    }

    /// Wraps more rows of the `index`th paragraph until `enough` holds or it is complete.
    pub(super) fn wrap_until(&mut self, text: &str, index: usize, enough: impl Fn(&Paragraph) -> bool) {
        let width = self.width;
        let Some(paragraph) = self.paragraphs.get_mut(index) else {
            return;
        };
        if paragraph.complete || enough(paragraph) {
            return;
        }
        let body = text.get(paragraph.start..paragraph.end()).unwrap_or_default();
        let from = paragraph.rows.last().copied().unwrap_or(0);
        let mut starts = RowStarts::new(body, from, width);
        loop {
            let Some(start) = starts.next() else {
                paragraph.complete = true;
                break;
            };
            paragraph.rows.push(start);
            if enough(paragraph) {
                break;
            }
        }
        #[cfg(test)]
        {
            self.wrapped_bytes += starts.read() - from;
        }
    }

    /// Wraps the `index`th paragraph as far as the end of its `row`.
    pub(super) fn wrap_row(&mut self, text: &str, index: usize, row: usize) {
        self.wrap_until(text, index, |paragraph| paragraph.knows_row(row));
    }

    /// Wraps the paragraph holding byte `offset` as far as the end of the row holding it; returns
    /// the paragraph's index.
    pub(super) fn wrap_offset(&mut self, text: &str, offset: usize) -> usize {
        let index = self.paragraph_index(offset);
        self.wrap_until(text, index, |paragraph| paragraph.knows_offset(offset));
        index
    }

    /// Rows after an edit that ended at byte `edit_end`, in the `index`th paragraph (whose known
    /// rows end before the edit): wrapped until they meet `old_rows` (the rows the unchanged text
    /// after the edit had, relative to its start), which then carry on shifted; `old_complete`
    /// says whether they went to the paragraph's end.
    pub(super) fn rejoin(&mut self, text: &str, index: usize, edit_end: usize, old_rows: &[usize], old_complete: bool) {
        let width = self.width;
        let Some(paragraph) = self.paragraphs.get_mut(index) else {
            return;
        };
        if paragraph.complete {
            return;
        }
        let body = text.get(paragraph.start..paragraph.end()).unwrap_or_default();
        let edit_end = edit_end.saturating_sub(paragraph.start);
        let from = paragraph.rows.last().copied().unwrap_or(0);
        let mut starts = RowStarts::new(body, from, width);
        let mut old_rows = old_rows.iter().peekable();
        let mut rows_past_edit = 0;
        loop {
            let Some(start) = starts.next() else {
                paragraph.complete = true;
                break;
            };
            paragraph.rows.push(start);
            let Some(after_edit) = start.checked_sub(edit_end) else {
                continue;
            };
            while old_rows.next_if(|&&old| old < after_edit).is_some() {}
            if old_rows.next_if(|&&old| old == after_edit).is_some() {
                // Same text from the same row start: the same rows from here on.
                paragraph.rows.extend(old_rows.map(|old| old + edit_end));
                paragraph.complete = old_complete;
                break;
            }
            rows_past_edit += 1;
            if rows_past_edit >= REJOIN_ROWS {
                break;
            }
        }
        #[cfg(test)]
        {
            self.wrapped_bytes += starts.read() - from;
        }
    }

    /// The index of the paragraph holding byte `offset` (a '\n' belongs to the paragraph it ends).
    pub(super) fn paragraph_index(&self, offset: usize) -> usize {
        self.paragraphs.partition_point(|p| p.start <= offset).saturating_sub(1)
    }

    pub(super) fn paragraph_of(&self, offset: usize) -> Option<&Paragraph> {
        self.paragraphs.get(self.paragraph_index(offset))
    }

    /// The paragraph and its row at visual row `global_row`, and that row's number, clamped to the
    /// last row. Wraps the paragraphs up to it.
    pub(super) fn find_row(&mut self, text: &str, global_row: usize) -> Option<(usize, usize, usize)> {
        let mut before = 0;
        for index in 0..self.paragraphs.len() {
            let remaining = global_row.saturating_sub(before);
            self.wrap_row(text, index, remaining);
            let rows = self.paragraphs.get(index)?.rows.len();
            if remaining < rows {
                return Some((index, remaining, global_row));
            }
            before += rows;
        }
        let last = self.paragraphs.len().checked_sub(1)?;
        let row = self.paragraphs.get(last)?.rows.len().saturating_sub(1);
        Some((last, row, before.saturating_sub(1)))
    }

    /// The row after `row` of the `index`th paragraph, in it or the next paragraph.
    pub(super) fn next_row(&mut self, text: &str, index: usize, row: usize) -> Option<(usize, usize)> {
        self.wrap_row(text, index, row + 1);
        if row + 1 < self.paragraphs.get(index)?.rows.len() {
            Some((index, row + 1))
        } else {
            (index + 1 < self.paragraphs.len()).then_some((index + 1, 0))
        }
    }

    /// Visual rows in the paragraphs before the `index`th, which are wrapped to their ends.
    pub(super) fn rows_before(&mut self, text: &str, index: usize) -> usize {
        (0..index.min(self.paragraphs.len()))
            .map(|before| {
                self.wrap_until(text, before, |_| false);
                self.paragraphs.get(before).map_or(0, |p| p.rows.len())
            })
            .sum()
    }

    /// The cursor's visual row, counted from the top of the text, and its display column.
    pub(super) fn cursor_row_column(&mut self, text: &str, cursor: usize) -> (usize, usize) {
        let index = self.wrap_offset(text, cursor);
        let Some(paragraph) = self.paragraphs.get(index) else {
            return (0, 0);
        };
        let row = paragraph.row_of(cursor);
        let range = paragraph.row_range(row);
        let column = wrap::column_of(text.get(range.clone()).unwrap_or_default(), cursor - range.start);
        (self.rows_before(text, index) + row, column)
    }

    /// The offset nearest display `column` on `row` of the `index`th paragraph (as `find_row`
    /// gives them). On a row that wraps, the cursor stops before the row's last grapheme (the
    /// space that broke it): the offset after it is the start of the next row.
    pub(super) fn offset_at(&self, text: &str, (index, row): (usize, usize), column: usize) -> usize {
        let Some(paragraph) = self.paragraphs.get(index) else {
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
