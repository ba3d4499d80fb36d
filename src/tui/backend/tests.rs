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

    let mut backend = super::LeanBackend::new(Vec::new()).on_terminal("xterm-256color");
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

/// A screen of `rows`, one word a row, at the left of an 8-column screen.
fn screen_of(rows: &[&str]) -> Buffer {
    let height = u16::try_from(rows.len()).unwrap();
    let mut buffer = Buffer::empty(Rect::new(0, 0, 8, height));
    for (y, text) in rows.iter().enumerate() {
        buffer.set_string(0, u16::try_from(y).unwrap(), text, Style::default());
    }
    buffer
}

/// An answer box scrolling by half a box as the text grows: the rows that
/// moved up are scrolled by the terminal, and only the row that is new is
/// sent, with the rows around the band left as they were.
#[test]
fn rows_that_moved_up_are_scrolled_and_only_the_new_row_is_sent() {
    use ratatui::backend::Backend as _;
    use ratatui::layout::Size;

    let before = screen_of(&["title", "one", "two", "three", "four", "foot"]);
    let after = screen_of(&["title", "three", "four", "five", "", "foot"]);
    let moved = super::scroll::find(&before, &after).unwrap();
    assert_eq!(
        moved,
        super::scroll::Scroll {
            top: 1,
            bottom: 4,
            by: 2
        }
    );
    let mut scrolled = before.clone();
    super::scroll::apply(&mut scrolled, moved);
    let rest: String = scrolled.diff(&after).iter().map(|(_, _, cell)| cell.symbol()).collect();
    assert_eq!(rest, "five", "only the new row is left to send");

    let mut backend = super::LeanBackend::new(Vec::new()).on_terminal("xterm-256color");
    backend.assume_size(Size::new(8, 6));
    backend.draw(cells_on_blank(&before).into_iter()).unwrap();
    let sent = backend.writer.len();
    backend.draw(before.diff(&after).into_iter()).unwrap();
    let frame = String::from_utf8(backend.writer[sent..].to_vec()).unwrap();
    assert!(frame.starts_with("\x1b[2;5r\x1b[2S\x1b[r"), "{frame:?}");
    assert!(frame.contains("five") && !frame.contains("three"), "{frame:?}");

    // A terminal that says it is older than xterm (the Linux console has no
    // CSI S): the moved rows are sent as cells, never scrolled.
    let mut old = super::LeanBackend::new(Vec::new()).on_terminal("linux");
    old.assume_size(Size::new(8, 6));
    old.draw(cells_on_blank(&before).into_iter()).unwrap();
    let sent = old.writer.len();
    old.draw(before.diff(&after).into_iter()).unwrap();
    let frame = String::from_utf8(old.writer[sent..].to_vec()).unwrap();
    assert!(!frame.contains("\x1b[2S") && !frame.contains("\x1b[2;5r"), "{frame:?}");
    assert!(
        frame.contains("three") && frame.contains("four"),
        "every moved row sent: {frame:?}"
    );
}

/// Rows moving down (scrolling back up through a long answer) are scrolled
/// the other way; a frame whose rows did not move is sent cell by cell.
#[test]
fn rows_that_moved_down_are_scrolled_back_and_unmoved_rows_never_are() {
    let before = screen_of(&["a1", "b2", "c3", "d4", "e5"]);
    let after = screen_of(&["a1", "x0", "b2", "c3", "d4"]);
    assert_eq!(
        super::scroll::find(&before, &after),
        Some(super::scroll::Scroll {
            top: 1,
            bottom: 4,
            by: -1
        })
    );
    let other = screen_of(&["a1", "q", "r", "s", "t"]);
    assert_eq!(super::scroll::find(&before, &other), None);
}

/// A row emptied up to a box's edge is erased in one go (ECH), not sent a
/// space at a time.
#[test]
fn a_run_of_blanks_before_an_edge_is_erased_in_one_go() {
    use ratatui::backend::Backend as _;
    use ratatui::layout::Size;

    let mut before = Buffer::empty(Rect::new(0, 0, 10, 1));
    before.set_string(0, 0, "|abcdefgh|", Style::default());
    let mut after = Buffer::empty(Rect::new(0, 0, 10, 1));
    after.set_string(0, 0, "|", Style::default());
    after.set_string(9, 0, "|", Style::default());
    let mut backend = super::LeanBackend::new(Vec::new()).on_terminal("xterm-256color");
    backend.assume_size(Size::new(10, 1));
    backend.draw(cells_on_blank(&before).into_iter()).unwrap();
    let sent = backend.writer.len();
    backend.draw(before.diff(&after).into_iter()).unwrap();
    assert_eq!(&backend.writer[sent..], b"\x1b[1;2H\x1b[8X");
}
