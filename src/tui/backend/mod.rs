//! A ratatui backend that sends less over a slow link than the stock
//! crossterm one: it remembers the terminal's style and cursor state between
//! frames instead of resetting them after every frame, and moves right along
//! a row with a short relative move, and has the terminal scroll rows that
//! moved rather than send them again. Everything else is crossterm's.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, IntoCrossterm, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::crossterm::cursor::{Hide, MoveRight, MoveTo, Show};
use ratatui::crossterm::style::{Attribute, SetAttribute, SetBackgroundColor, SetForegroundColor};
use ratatui::crossterm::terminal::{self, Clear};
use ratatui::crossterm::{execute, queue};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};

mod scroll;

/// Rows that moved are scrolled by the terminal (a scroll region), and runs
/// of blanks erased in one go, except on Windows, whose older consoles know
/// neither, and on terminals that say they are older than xterm (`TERM`
/// linux, vt100/vt102, ansi, dumb), which may not know scrolling by `CSI S`
/// and `CSI T`: there every cell is sent, as before.
fn vt_edits_for(term: &str) -> bool {
    cfg!(unix)
        && !["linux", "vt1", "ansi", "dumb", "cons"]
            .iter()
            .any(|old| term.starts_with(old))
}

/// Fewer blanks than this are sent as spaces: the erase costs four or five
/// bytes.
const MIN_ERASE: u16 = 6;

pub struct LeanBackend<W: Write> {
    writer: W,
    /// Scroll regions and erased runs may be sent (see `vt_edits_for`).
    vt_edits: bool,
    fg: Color,
    bg: Color,
    modifier: Modifier,
    /// Where the terminal's cursor is, if known.
    cursor: Option<Position>,
    hidden: bool,
    /// Which cells on the screen now are blank, so a row that ends in blanks
    /// can be cut with one erase-to-end-of-line instead of a run of spaces.
    shadow: Vec<bool>,
    width: u16,
    /// False after a partial clear: the shadow may then be wrong.
    trusted: bool,
    /// The screen as sent, to find rows that moved (see `scroll`).
    screen: Buffer,
    /// The terminal's size as last asked; asking opens /dev/tty each time.
    /// Forgotten when the terminal says it was resized.
    known_size: std::cell::Cell<Option<Size>>,
}

impl<W: Write> LeanBackend<W> {
    pub fn new(writer: W) -> Self {
        LeanBackend {
            writer,
            vt_edits: vt_edits_for(&std::env::var("TERM").unwrap_or_default()),
            fg: Color::Reset,
            bg: Color::Reset,
            modifier: Modifier::empty(),
            cursor: None,
            hidden: false,
            shadow: Vec::new(),
            width: 0,
            // A new alternate screen starts blank.
            trusted: true,
            screen: Buffer::empty(Rect::new(0, 0, 0, 0)),
            known_size: std::cell::Cell::new(None),
        }
    }

    /// For tests: as on a terminal of this `TERM`, whatever this one is.
    #[cfg(test)]
    pub(crate) fn on_terminal(mut self, term: &str) -> Self {
        self.vt_edits = vt_edits_for(term);
        self
    }

    /// The terminal's size, just asked elsewhere: not asked again.
    pub fn assume_size(&mut self, size: Size) {
        self.known_size.set(Some(size));
    }

    /// Called on a resize event: the next `size` asks the terminal again.
    pub fn forget_size(&mut self) {
        self.known_size.set(None);
    }

    fn shadow_index(&self, x: u16, y: u16) -> Option<usize> {
        (x < self.width)
            .then(|| usize::from(y) * usize::from(self.width) + usize::from(x))
            .filter(|&index| index < self.shadow.len())
    }

    /// True when the row holds only plain blanks from `x` to its end.
    fn blank_to_end(&self, x: u16, y: u16) -> bool {
        self.trusted
            && (x..self.width).all(|column| {
                self.shadow_index(column, y)
                    .and_then(|index| self.shadow.get(index))
                    .is_some_and(|&blank| blank)
            })
    }

    /// How many cells from `x` on the row are plain blanks in the frame.
    fn blank_run(&self, x: u16, y: u16) -> u16 {
        if !self.trusted {
            return 0;
        }
        let mut run = 0;
        while x.saturating_add(run) < self.width
            && self
                .shadow_index(x + run, y)
                .and_then(|index| self.shadow.get(index))
                .is_some_and(|&blank| blank)
        {
            run += 1;
        }
        run
    }

    fn set_style(&mut self, cell: &Cell) -> io::Result<()> {
        if cell.modifier != self.modifier {
            let removed = self.modifier - cell.modifier;
            if !removed.is_empty() {
                // Turning single attributes off is not portable: start afresh.
                queue!(self.writer, SetAttribute(Attribute::Reset))?;
                self.modifier = Modifier::empty();
                self.fg = Color::Reset;
                self.bg = Color::Reset;
            }
            let added = cell.modifier - self.modifier;
            for (modifier, attribute) in [
                (Modifier::BOLD, Attribute::Bold),
                (Modifier::DIM, Attribute::Dim),
                (Modifier::ITALIC, Attribute::Italic),
                (Modifier::UNDERLINED, Attribute::Underlined),
                (Modifier::SLOW_BLINK, Attribute::SlowBlink),
                (Modifier::RAPID_BLINK, Attribute::RapidBlink),
                (Modifier::REVERSED, Attribute::Reverse),
                (Modifier::HIDDEN, Attribute::Hidden),
                (Modifier::CROSSED_OUT, Attribute::CrossedOut),
            ] {
                if added.contains(modifier) {
                    queue!(self.writer, SetAttribute(attribute))?;
                }
            }
            self.modifier = cell.modifier;
        }
        if cell.fg != self.fg {
            queue!(self.writer, SetForegroundColor(cell.fg.into_crossterm()))?;
            self.fg = cell.fg;
        }
        if cell.bg != self.bg {
            queue!(self.writer, SetBackgroundColor(cell.bg.into_crossterm()))?;
            self.bg = cell.bg;
        }
        Ok(())
    }

    /// Sends `cells` (the shadow already knows the frame's blanks).
    fn send(&mut self, cells: Vec<(u16, u16, &Cell)>) -> io::Result<()> {
        // The row already ended with an erase (or these columns were erased):
        // their blanks are drawn.
        let mut erased: Option<(u16, u16)> = None;
        for (x, y, cell) in cells {
            if erased.is_some_and(|(row, end)| row == y && x < end) {
                continue;
            }
            match self.cursor {
                Some(at) if at.y == y && at.x == x => {}
                Some(at) if at.y == y && at.x < x => queue!(self.writer, MoveRight(x - at.x))?,
                _ => queue!(self.writer, MoveTo(x, y))?,
            }
            if is_blank(cell) && x + 1 < self.width && self.blank_to_end(x, y) {
                self.set_style(cell)?;
                queue!(self.writer, terminal::Clear(terminal::ClearType::UntilNewLine))?;
                self.cursor = Some(Position { x, y });
                erased = Some((y, u16::MAX));
                continue;
            }
            // A run of blanks inside a row (a box's emptied row, up to its
            // edge): erased in one go rather than sent a space at a time.
            let run = if self.vt_edits && is_blank(cell) {
                self.blank_run(x, y)
            } else {
                0
            };
            if run >= MIN_ERASE {
                self.set_style(cell)?;
                write!(self.writer, "\x1b[{run}X")?;
                self.cursor = Some(Position { x, y });
                erased = Some((y, x.saturating_add(run)));
                continue;
            }
            self.set_style(cell)?;
            // Straight to the buffer: a formatted `Print` per cell cost more
            // than the rest of the frame's output. Every symbol goes out
            // through here, so here is where a control character in any
            // text (course, journal, file name) is kept from the terminal.
            match cell.symbol().as_bytes() {
                [byte] if byte.is_ascii_graphic() || *byte == b' ' => self.writer.write_all(&[*byte])?,
                _ => self
                    .writer
                    .write_all(crate::sanitise::cell_symbol(cell.symbol()).as_bytes())?,
            }
            // A wide character moves the cursor two cells; be sure of nothing then.
            let width = unicode_width(cell.symbol());
            self.cursor = if width == 1 {
                Some(Position {
                    x: x.saturating_add(1),
                    y,
                })
            } else {
                None
            };
        }
        Ok(())
    }

    /// Scrolls a band of whole rows: a scroll region, scroll up or down,
    /// and the region back to the whole screen. The rows it uncovers are
    /// filled with the default colours, so the style is reset first.
    fn scroll(&mut self, moved: scroll::Scroll) -> io::Result<()> {
        if !self.modifier.is_empty() || self.fg != Color::Reset || self.bg != Color::Reset {
            queue!(self.writer, SetAttribute(Attribute::Reset))?;
            self.modifier = Modifier::empty();
            self.fg = Color::Reset;
            self.bg = Color::Reset;
        }
        let direction = if moved.by > 0 { 'S' } else { 'T' };
        write!(
            self.writer,
            "\x1b[{};{}r\x1b[{}{direction}\x1b[r",
            moved.top + 1,
            moved.bottom + 1,
            moved.by.unsigned_abs()
        )?;
        // Setting the region, and setting it back, put the cursor top left.
        self.cursor = Some(Position { x: 0, y: 0 });
        Ok(())
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let Size { width, height } = self.size().unwrap_or(Size {
            width: self.width,
            height: 0,
        });
        if width != self.width || self.shadow.len() != usize::from(width) * usize::from(height) {
            self.width = width;
            self.shadow = vec![true; usize::from(width) * usize::from(height)];
            self.screen = Buffer::empty(Rect::new(0, 0, width, height));
        }
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        // Two rows' worth of changes or more: perhaps rows that moved; not
        // on a blank screen (the first frame), which has nothing to move,
        // and where copying the screen was a fifth of the first frame's
        // fresh pages.
        let blank = self.shadow.iter().all(|&blank| blank);
        if self.vt_edits && self.trusted && cells.len() >= 2 * usize::from(width) && !blank {
            let mut next = self.screen.clone();
            for &(x, y, cell) in &cells {
                if let Some(at) = next.cell_mut((x, y)) {
                    *at = cell.clone();
                }
            }
            if let Some(moved) = scroll::find(&self.screen, &next) {
                self.scroll(moved)?;
                scroll::apply(&mut self.screen, moved);
                for (blank, cell) in self.shadow.iter_mut().zip(&next.content) {
                    *blank = is_blank(cell);
                }
                let rest = self.screen.diff(&next);
                self.send(rest)?;
                self.screen = next;
                return Ok(());
            }
            self.screen = next;
        } else {
            for &(x, y, cell) in &cells {
                if let Some(at) = self.screen.cell_mut((x, y)) {
                    *at = cell.clone();
                }
            }
        }
        for &(x, y, cell) in &cells {
            if let Some(i) = self.shadow_index(x, y) {
                self.shadow[i] = is_blank(cell);
            }
        }
        self.send(cells)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        // Queued, not flushed: they go out with the frame, in one write.
        if !self.hidden {
            queue!(self.writer, Hide)?;
            self.hidden = true;
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.hidden {
            queue!(self.writer, Show)?;
            self.hidden = false;
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        // Never asked of the terminal: a query would wait for a reply that
        // may never come over a slow link.
        Ok(self.cursor.unwrap_or_default())
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        // Typing leaves the cursor just after the character drawn, where it
        // is wanted: no move is sent for it (eight bytes of every key).
        if self.cursor == Some(position) {
            return Ok(());
        }
        queue!(self.writer, MoveTo(position.x, position.y))?;
        self.cursor = Some(position);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let kind = match clear_type {
            ClearType::All => terminal::ClearType::All,
            ClearType::AfterCursor => terminal::ClearType::FromCursorDown,
            ClearType::BeforeCursor => terminal::ClearType::FromCursorUp,
            ClearType::CurrentLine => terminal::ClearType::CurrentLine,
            ClearType::UntilNewLine => terminal::ClearType::UntilNewLine,
        };
        // Clearing uses the current background: reset the style first.
        queue!(self.writer, SetAttribute(Attribute::Reset))?;
        self.modifier = Modifier::empty();
        self.fg = Color::Reset;
        self.bg = Color::Reset;
        if matches!(clear_type, ClearType::All) {
            self.shadow.fill(true);
            self.screen.reset();
            self.trusted = true;
        } else {
            // Only part of the screen: stop relying on the copy.
            self.trusted = false;
        }
        execute!(self.writer, Clear(kind))
    }

    fn size(&self) -> io::Result<Size> {
        if let Some(size) = self.known_size.get() {
            return Ok(size);
        }
        let (width, height) = terminal::size()?;
        let size = Size { width, height };
        self.known_size.set(Some(size));
        Ok(size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let window = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: window.columns,
                height: window.rows,
            },
            pixels: Size {
                width: window.width,
                height: window.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// `cell == &Cell::EMPTY`, with the cheap tests first: comparing whole
/// cells was a sixth of the work of the first frame.
#[allow(deprecated)] // `skip` is still part of a cell's equality.
fn is_blank(cell: &Cell) -> bool {
    cell.bg == Color::Reset
        && cell.fg == Color::Reset
        && cell.underline_color == Color::Reset
        && cell.modifier.is_empty()
        && cell.diff_option == CellDiffOption::None
        && !cell.skip
        && cell.symbol().as_bytes() == b" "
}

/// The cells of `buffer` that a blank screen lacks, in order: what
/// `Buffer::empty(area).diff(buffer)` gives, by the same rules, without
/// making and comparing that second screen-sized buffer.
pub fn cells_on_blank(buffer: &Buffer) -> Vec<(u16, u16, &Cell)> {
    #[allow(deprecated)] // ratatui's diff still honours the old flag.
    fn skipped(cell: &Cell) -> bool {
        cell.diff_option == CellDiffOption::Skip || (cell.skip && cell.diff_option == CellDiffOption::None)
    }
    let area = buffer.area;
    let width = usize::from(area.width.max(1));
    let cells = &buffer.content;
    let mut found = Vec::new();
    let mut push = |index: usize| {
        if let (Ok(x), Ok(y), Some(cell)) = (
            u16::try_from(index % width + usize::from(area.x)),
            u16::try_from(index / width + usize::from(area.y)),
            cells.get(index),
        ) {
            found.push((x, y, cell));
        }
    };
    let mut index = 0;
    while let Some(cell) = cells.get(index) {
        let here = index;
        index += 1;
        if skipped(cell) {
            continue;
        }
        if let CellDiffOption::ForcedWidth(forced) = cell.diff_option {
            index += usize::from(forced.get()) - 1;
            if !is_blank(cell) {
                push(here);
            }
            continue;
        }
        // A blank is one column wide.
        if cell.diff_option == CellDiffOption::None && is_blank(cell) {
            continue;
        }
        let cell_width = usize::from(unicode_width(cell.symbol()));
        push(here);
        if cell_width > 1 && cell.symbol().contains('\u{FE0F}') {
            // Terminals differ on how wide such emoji are: the cells under
            // them are sent too, unless blank.
            let mut end = (here + cell_width).min(cells.len());
            let mut next = here + 1;
            while next < end {
                let covered = next;
                let Some(under) = cells.get(covered) else { break };
                next += usize::from(under.cell_width().max(1));
                end = end.max(next).min(cells.len());
                if !skipped(under) && under.symbol() != " " {
                    push(covered);
                }
            }
            index = end;
        } else if cell_width > 1 {
            index += cell_width - 1;
        }
    }
    found
}

/// Display width of a cell's symbol (1 for ordinary text, 2 for CJK and
/// most emoji), as ratatui's buffer counts it.
fn unicode_width(symbol: &str) -> u16 {
    match symbol.as_bytes() {
        // Most cells: one printable ASCII character. A control character
        // is sent as U+FFFD, one column too (and ratatui asks not to be
        // given one to measure).
        [_] => 1,
        _ => symbol.cell_width().max(1),
    }
}

#[cfg(test)]
mod tests;
