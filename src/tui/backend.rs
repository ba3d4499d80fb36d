//! A ratatui backend that sends less over a slow link than the stock
//! crossterm one: it remembers the terminal's style and cursor state between
//! frames instead of resetting them after every frame, and moves right along
//! a row with a short relative move. Everything else is crossterm's.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, IntoCrossterm, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::crossterm::cursor::{Hide, MoveRight, MoveTo, Show};
use ratatui::crossterm::style::{Attribute, SetAttribute, SetBackgroundColor, SetForegroundColor};
use ratatui::crossterm::terminal::{self, Clear};
use ratatui::crossterm::{execute, queue};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

pub struct LeanBackend<W: Write> {
    writer: W,
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
    /// The terminal's size as last asked; asking opens /dev/tty each time.
    /// Forgotten when the terminal says it was resized.
    known_size: std::cell::Cell<Option<Size>>,
}

impl<W: Write> LeanBackend<W> {
    pub fn new(writer: W) -> Self {
        LeanBackend {
            writer,
            fg: Color::Reset,
            bg: Color::Reset,
            modifier: Modifier::empty(),
            cursor: None,
            hidden: false,
            shadow: Vec::new(),
            width: 0,
            // A new alternate screen starts blank.
            trusted: true,
            known_size: std::cell::Cell::new(None),
        }
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
        }
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        for &(x, y, cell) in &cells {
            if let Some(i) = self.shadow_index(x, y) {
                self.shadow[i] = is_blank(cell);
            }
        }
        // The row already ended with an erase: its remaining blanks are drawn.
        let mut erased_row: Option<u16> = None;
        for (x, y, cell) in cells {
            if erased_row == Some(y) {
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
                erased_row = Some(y);
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
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::num::NonZeroU16;

    use proptest::prelude::*;
    use ratatui::buffer::{Buffer, Cell, CellDiffOption};
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Style};

    use super::{cells_on_blank, is_blank, unicode_width};

    /// The cursor is tracked only past cells known to be one column wide.
    #[test]
    fn widths_are_the_buffers_own() {
        for (symbol, width) in [
            ("a", 1),
            (" ", 1),
            ("é", 1),
            ("e\u{301}", 1),
            ("漢", 2),
            ("☀\u{fe0f}", 2),
            ("👍", 2),
        ] {
            assert_eq!(unicode_width(symbol), width, "{symbol:?}");
        }
    }

    /// A typed character is drawn where the cursor already is, which leaves
    /// the cursor after it, just where the editor wants it: the key costs the
    /// character alone, with no move before or after it.
    #[test]
    fn a_typed_character_costs_only_its_own_byte() {
        use ratatui::backend::Backend as _;
        use ratatui::buffer::Cell;
        use ratatui::layout::{Position, Size};

        let mut backend = super::LeanBackend::new(Vec::new());
        backend.assume_size(Size::new(20, 2));
        backend.set_cursor_position(Position::new(3, 1)).unwrap();
        let before = backend.writer.len();
        let mut typed = Cell::default();
        typed.set_symbol("a");
        backend.draw([(3, 1, &typed)].into_iter()).unwrap();
        backend.set_cursor_position(Position::new(4, 1)).unwrap();
        assert_eq!(&backend.writer[before..], b"a");
        // Anywhere else, the cursor is moved.
        backend.set_cursor_position(Position::new(0, 0)).unwrap();
        assert_eq!(&backend.writer[before..], b"a\x1b[1;1H");
    }

    /// The first frame sends exactly the cells ratatui's diff against a
    /// blank screen would, in the same order.
    fn same_as_ratatui(buffer: &Buffer) {
        let ours: Vec<_> = cells_on_blank(buffer)
            .into_iter()
            .map(|(x, y, cell)| (x, y, cell.clone()))
            .collect();
        let blank = Buffer::empty(buffer.area);
        let theirs: Vec<_> = blank
            .diff(buffer)
            .into_iter()
            .map(|(x, y, cell)| (x, y, cell.clone()))
            .collect();
        assert_eq!(ours, theirs, "{buffer:?}");
    }

    #[test]
    fn a_blank_screen_sends_nothing_and_text_sends_its_cells() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 3));
        same_as_ratatui(&buffer);
        assert!(cells_on_blank(&buffer).is_empty());
        buffer.set_string(2, 1, "café 漢字", Style::default().fg(Color::Yellow));
        same_as_ratatui(&buffer);
        let sent: String = cells_on_blank(&buffer)
            .iter()
            .map(|(_, _, cell)| cell.symbol())
            .collect();
        assert_eq!(sent, "café 漢字");
    }

    #[test]
    fn emoji_skipped_and_forced_width_cells_follow_ratatuis_rules() {
        let mut buffer = Buffer::empty(Rect::new(3, 2, 10, 2));
        buffer.set_string(3, 2, "☀\u{fe0f}x👍🏽", Style::default());
        buffer.set_string(3, 3, "ab", Style::default().bg(Color::Blue));
        buffer[(9, 3)].set_symbol("z").set_diff_option(CellDiffOption::Skip);
        buffer[(10, 3)]
            .set_symbol("wide")
            .set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::new(2).unwrap()));
        buffer[(12, 3)].set_diff_option(CellDiffOption::AlwaysUpdate);
        same_as_ratatui(&buffer);
    }

    fn any_cell() -> impl Strategy<Value = (String, u8, u8)> {
        (
            prop::sample::select(vec![" ", "a", "é", "漢", "☀\u{fe0f}", "👍", "\u{200d}", ""]).prop_map(str::to_owned),
            0u8..3,
            0u8..6,
        )
    }

    /// Every combination of the fields that make a cell blank or not.
    #[test]
    #[allow(deprecated)]
    fn blank_means_equal_to_an_empty_cell() {
        for symbol in [None, Some(" "), Some("a"), Some("  "), Some("漢")] {
            for fg in [Color::Reset, Color::Green] {
                for bg in [Color::Reset, Color::Red] {
                    for underline in [Color::Reset, Color::Blue] {
                        for modifier in [Modifier::empty(), Modifier::BOLD, Modifier::REVERSED] {
                            for option in [
                                CellDiffOption::None,
                                CellDiffOption::Skip,
                                CellDiffOption::AlwaysUpdate,
                                CellDiffOption::ForcedWidth(NonZeroU16::new(2).unwrap()),
                            ] {
                                for skip in [false, true] {
                                    let mut cell = Cell::EMPTY;
                                    if let Some(symbol) = symbol {
                                        cell.set_symbol(symbol);
                                    }
                                    cell.set_fg(fg).set_bg(bg).set_diff_option(option);
                                    cell.underline_color = underline;
                                    cell.modifier = modifier;
                                    cell.skip = skip;
                                    assert_eq!(is_blank(&cell), cell == Cell::EMPTY, "{cell:?}");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    proptest! {
        #[test]
        fn any_screen_sends_what_ratatui_would(cells in prop::collection::vec(any_cell(), 24)) {
            let mut buffer = Buffer::empty(Rect::new(1, 1, 8, 3));
            for (index, (symbol, colour, option)) in cells.iter().enumerate() {
                let cell = &mut buffer.content[index];
                if !symbol.is_empty() {
                    cell.set_symbol(symbol);
                }
                if *colour == 1 {
                    cell.set_bg(Color::Red);
                }
                cell.set_diff_option(match option {
                    1 => CellDiffOption::Skip,
                    2 => CellDiffOption::AlwaysUpdate,
                    3 => CellDiffOption::ForcedWidth(NonZeroU16::new(2).unwrap()),
                    _ => CellDiffOption::None,
                });
            }
            same_as_ratatui(&buffer);
        }
    }
}
