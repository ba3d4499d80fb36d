//! Whole rows that moved: when the next frame holds a band of the rows on
//! screen now, moved up or down together (an answer box scrolling by half
//! a box as the text grows, the reader moving by a line), the terminal is
//! told to scroll that band (a scroll region, then scroll up or down) and
//! only what is new is sent, instead of every cell of every moved row.

use std::hash::{Hash as _, Hasher as _};

use ratatui::buffer::{Buffer, Cell};

/// Rows `top..=bottom` scroll by `by` rows: up (the content moves towards
/// the top) when `by` is positive, down when negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Scroll {
    pub top: u16,
    pub bottom: u16,
    pub by: i32,
}

/// Fewer moved rows than this are sent cell by cell: a scroll costs about
/// twenty bytes of its own.
const MIN_ROWS: usize = 2;

/// The scroll that saves the most rows between the screen as it is (`old`)
/// and the next frame (`new`), if any saves at least `MIN_ROWS`.
pub(super) fn find(old: &Buffer, new: &Buffer) -> Option<Scroll> {
    let width = usize::from(old.area.width);
    let height = usize::from(old.area.height);
    if old.area != new.area || width == 0 || height < MIN_ROWS + 1 {
        return None;
    }
    // A blank screen (the first frame) has nothing worth moving.
    if old.content.iter().all(|cell| *cell == Cell::EMPTY) {
        return None;
    }
    fn row(buffer: &Buffer, width: usize, index: usize) -> &[Cell] {
        buffer
            .content
            .get(index * width..(index + 1) * width)
            .unwrap_or_default()
    }
    // A row that did not change gains nothing by moving; and most frames
    // (a typed character) change one row, so nothing more is looked at.
    let changed: Vec<bool> = (0..height)
        .map(|index| row(new, width, index) != row(old, width, index))
        .collect();
    if changed.iter().filter(|&&changed| changed).count() < MIN_ROWS {
        return None;
    }
    let hashes = |buffer: &Buffer| -> Vec<u64> {
        (0..height)
            .map(|index| {
                let mut hasher = RowHasher::default();
                row(buffer, width, index).hash(&mut hasher);
                hasher.finish()
            })
            .collect()
    };
    let (old_hash, new_hash) = (hashes(old), hashes(new));
    let same = |to: usize, from: usize| new_hash[to] == old_hash[from] && row(new, width, to) == row(old, width, from);
    let mut best: Option<(usize, Scroll)> = None;
    for by in 1..height {
        for up in [true, false] {
            // Up: new row r is old row r + by. Down: new row r + by is old row r.
            let moved = |r: usize| {
                let (to, from) = if up { (r, r + by) } else { (r + by, r) };
                changed[to] && same(to, from)
            };
            let mut start = 0;
            while start + by < height {
                if !moved(start) {
                    start += 1;
                    continue;
                }
                let mut run = 1;
                while start + run + by < height && moved(start + run) {
                    run += 1;
                }
                if run >= MIN_ROWS && best.is_none_or(|(rows, _)| run > rows) {
                    let (top, bottom) = (start, start + run + by - 1);
                    if let (Ok(top), Ok(bottom), Ok(rows)) =
                        (u16::try_from(top), u16::try_from(bottom), i32::try_from(by))
                    {
                        let by = if up { rows } else { -rows };
                        best = Some((run, Scroll { top, bottom, by }));
                    }
                }
                start += run;
            }
        }
    }
    best.map(|(_, scroll)| scroll)
}

/// A fast hash for comparing rows within one frame (equal hashes are
/// checked cell by cell, so a collision costs time, never a wrong screen):
/// the standard library's SipHash guards maps against chosen keys, which a
/// screen's rows are not, at several times the cost.
#[derive(Default)]
struct RowHasher(u64);

impl std::hash::Hasher for RowHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u64(&mut self, value: u64) {
        // FxHash's step, as in rustc.
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u8(&mut self, value: u8) {
        self.write_u64(u64::from(value));
    }

    fn write_u16(&mut self, value: u16) {
        self.write_u64(u64::from(value));
    }

    fn write_u32(&mut self, value: u32) {
        self.write_u64(u64::from(value));
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// What the terminal shows after `scroll`: the band's rows moved, and the
/// rows it uncovers blank (a scroll fills them with the default colours).
pub(super) fn apply(screen: &mut Buffer, scroll: Scroll) {
    let width = usize::from(screen.area.width);
    let (top, bottom) = (usize::from(scroll.top), usize::from(scroll.bottom));
    let by = usize::try_from(scroll.by.unsigned_abs()).unwrap_or(0);
    if width == 0 || bottom >= usize::from(screen.area.height) || by == 0 || by > bottom - top {
        return;
    }
    let band = &mut screen.content[top * width..(bottom + 1) * width];
    if scroll.by > 0 {
        band.rotate_left(by * width);
        let len = band.len();
        band[len - by * width..].fill(Cell::EMPTY);
    } else {
        band.rotate_right(by * width);
        band[..by * width].fill(Cell::EMPTY);
    }
}
