//! The editor's wrapped rows against an oracle that wraps the whole text afresh.

use proptest::prelude::*;

use super::*;
use crate::editor::layout::REJOIN_ROWS;
use crate::editor::wrap::UNWRAPPED;

/// The wrapping the editor had before rows were wrapped lazily and re-joined after edits: each
/// paragraph wrapped whole, in one pass. The editor's rows must always equal it.
fn oracle_wrap_rows(paragraph: &str, width: usize) -> Vec<usize> {
    let mut rows = vec![0];
    if width == UNWRAPPED {
        return rows;
    }
    let width = width.max(1);
    let mut row_start = 0;
    let mut column = 0;
    let mut word: Option<(usize, usize)> = None;
    for (offset, grapheme) in paragraph.grapheme_indices(true) {
        let grapheme_width = wrap::grapheme_width(grapheme);
        if is_blank(grapheme) {
            column += grapheme_width;
            word = None;
            continue;
        }
        let (word_start, word_column) = *word.get_or_insert((offset, column));
        let fits = |column: usize| column + grapheme_width <= width;
        if !fits(column) && offset != row_start {
            if word_start > row_start {
                rows.push(word_start);
                row_start = word_start;
                column = column.saturating_sub(word_column);
            }
            if !fits(column) && offset != row_start {
                rows.push(offset);
                row_start = offset;
                column = 0;
            }
        }
        column += grapheme_width;
    }
    rows
}

/// Every paragraph of `text` wrapped whole by the oracle.
fn oracle_layout(text: &str, width: usize) -> Vec<Paragraph> {
    let mut start = 0;
    let mut paragraphs = Vec::new();
    for piece in text.split('\n') {
        let rows = oracle_wrap_rows(piece, width);
        paragraphs.push(Paragraph {
            start,
            len: piece.len(),
            rows,
            complete: true,
        });
        start += piece.len() + 1;
    }
    paragraphs
}

/// The editor's layout, first as it stands (each paragraph's known rows must begin the oracle's)
/// and then with every paragraph wrapped to its end (equal to the oracle's), on a copy so that the
/// editor itself stays as lazy as it was.
fn check_layout(editor: &Editor) -> Result<(), TestCaseError> {
    let text = editor.text();
    let layout = editor.layout.borrow();
    let oracle = oracle_layout(text, layout.width);
    prop_assert_eq!(layout.paragraphs.len(), oracle.len());
    for (paragraph, expected) in layout.paragraphs.iter().zip(&oracle) {
        prop_assert_eq!((paragraph.start, paragraph.len), (expected.start, expected.len));
        prop_assert!(
            expected.rows.starts_with(&paragraph.rows),
            "{paragraph:?} against {expected:?}"
        );
    }
    let mut completed = layout.clone();
    for index in 0..completed.paragraphs.len() {
        completed.wrap_until(text, index, |_| false);
    }
    prop_assert_eq!(completed.paragraphs, oracle);
    Ok(())
}

/// Where the oracle puts the cursor: its visual row from the top and its display column.
fn oracle_cursor(text: &str, cursor: usize, width: usize) -> (usize, usize) {
    let mut rows_above = 0;
    for paragraph in oracle_layout(text, width) {
        if cursor <= paragraph.end() {
            let row = paragraph.row_of(cursor);
            let range = paragraph.row_range(row);
            let column = wrap::column_of(&text[range.clone()], cursor - range.start);
            return (rows_above + row, column);
        }
        rows_above += paragraph.rows.len();
    }
    unreachable!("the cursor is inside the text")
}

/// The text's visual rows by the oracle, whole.
fn oracle_rows(text: &str, width: usize) -> Vec<&str> {
    let oracle = oracle_layout(text, width);
    let rows = oracle
        .iter()
        .flat_map(|p| (0..p.rows.len()).map(|row| p.row_range(row)));
    rows.map(|range| &text[range]).collect()
}

/// Bytes wrapped by `act`.
fn wrapped_by(editor: &mut Editor, act: impl FnOnce(&mut Editor)) -> usize {
    editor.layout.borrow_mut().wrapped_bytes = 0;
    act(editor);
    editor.layout.borrow().wrapped_bytes
}

#[test]
fn typing_wraps_only_the_rows_near_the_cursor() {
    let paragraph =
        "A hundred bytes of reflection, repeated to make a long document of a thousand paragraphs in all.....";
    let text = vec![paragraph; 1000].join("\n");
    assert!(text.len() >= 100_000, "{} bytes", text.len());
    let mut editor = Editor::new(&text);
    editor.input(CTRL_HOME);
    let first_draw = wrapped_by(&mut editor, |editor| drop(render(editor, 20, 5)));
    assert!(
        first_draw < 1_000,
        "the first draw wraps what it shows, not {first_draw} bytes"
    );
    press(&mut editor, &[DOWN; 500]);
    for keys in [&[key(KeyCode::Char('x'))][..], &[ENTER], &[BACKSPACE], &[UP], &[DOWN]] {
        let wrapped = wrapped_by(&mut editor, |editor| {
            press(editor, keys);
            render(editor, 20, 5);
        });
        assert!(wrapped <= 2 * paragraph.len(), "{keys:?} wrapped {wrapped} bytes");
    }
    check_layout(&editor).unwrap();

    // One paragraph of 200 kB: the work per key is a few rows around the cursor, and none of it
    // grows with the paragraph.
    let reflection = "I noticed how quickly the case manager acted once he disclosed that he needed help. ";
    let long = reflection.repeat(200_000 / reflection.len());
    let (half, _) = long.split_at(long.len() / 2);
    for at_middle in [true, false] {
        let mut editor = Editor::new(if at_middle { half } else { &long });
        if at_middle {
            editor.input(CTRL_HOME);
            editor.insert_str(half);
            assert_eq!(editor.cursor_byte(), half.len());
        }
        render(&editor, 40, 10);
        let mut keys = vec![
            key(KeyCode::Char('w')),
            key(KeyCode::Char(' ')),
            ENTER,
            BACKSPACE,
            UP,
            DOWN,
        ];
        keys.extend([DELETE, CTRL_W, LEFT, BACKSPACE, PAGE_UP]);
        for key in keys {
            let wrapped = wrapped_by(&mut editor, |editor| {
                editor.input(key);
                render(editor, 40, 10);
            });
            assert!(
                wrapped <= 2_000,
                "{key:?} wrapped {wrapped} bytes of a {} byte paragraph",
                long.len()
            );
        }
        while editor.undo() {}
        assert_eq!(editor.text(), if at_middle { half } else { &long });
        check_layout(&editor).unwrap();
    }
    // In one long word every row moves when a letter goes in, so rows never meet the old ones
    // again: re-wrapping stops a bounded distance past the edit.
    let word = "a".repeat(50_000);
    let mut editor = Editor::new(&word);
    render(&editor, 40, 10);
    editor.input(CTRL_HOME);
    render(&editor, 40, 10);
    for key in [key(KeyCode::Char('b')), DELETE, ENTER, BACKSPACE] {
        let wrapped = wrapped_by(&mut editor, |editor| {
            editor.input(key);
            render(editor, 40, 10);
        });
        assert!(
            wrapped <= 40 * (REJOIN_ROWS + 3),
            "{key:?} wrapped {wrapped} bytes of a long word"
        );
    }
    check_layout(&editor).unwrap();
}

#[derive(Debug, Clone)]
enum Op {
    Key(KeyEvent),
    Paste(&'static str),
    Undo,
    Redo,
    Render(u16, u16),
}

fn op() -> impl Strategy<Value = Op> {
    let typed = ['a', 'b', ' ', 'e', '\u{301}', '👩', '\u{200D}', '🇬', '🇧', '中', '.'];
    let typed = prop::sample::select(typed.to_vec());
    let edits = [
        ENTER,
        BACKSPACE,
        DELETE,
        CTRL_BACKSPACE,
        CTRL_DELETE,
        CTRL_W,
        CTRL_K,
        CTRL_U,
    ];
    let moves = [
        LEFT, RIGHT, UP, DOWN, HOME, END, PAGE_UP, PAGE_DOWN, WORD_LEFT, WORD_RIGHT, CTRL_HOME, CTRL_END,
    ];
    let keys = prop::sample::select([edits.as_slice(), &moves].concat());
    let pastes = [
        "a\r\nb\rc",
        "👩\u{200D}👩\u{200D}👧",
        "e\u{301}",
        "🇬🇧🇫🇷",
        "中文 字",
        " \t ",
        "\n\n",
        "x\u{1b}y",
    ];
    let pastes = prop::sample::select(pastes.to_vec());
    prop_oneof![
        4 => typed.prop_map(|character| Op::Key(key(KeyCode::Char(character)))),
        4 => keys.prop_map(Op::Key),
        1 => pastes.prop_map(Op::Paste),
        1 => Just(Op::Undo),
        1 => Just(Op::Redo),
        1 => (1u16..12, 1u16..6).prop_map(|(width, height)| Op::Render(width, height)),
    ]
}

/// Seeds long enough, at the widths tried, for rows to be re-joined after an edit, or to be given
/// up on past `REJOIN_ROWS` (a word where every row moves when a letter goes in).
const LONG_WORD: &str = "Supercalifragilisticexpialidocious-and-then-some-more-letters-without-any-break-at-all-\
    so-that-every-row-shifts-when-one-letter-is-typed-near-the-start-of-it-and-rows-never-meet-again-\
    until-the-very-end-of-this-rather-long-and-entirely-unbroken-word-which-goes-on-and-on-a-while";
const PROSE: &str = "I noticed how quickly the case manager acted once he disclosed that he needed help. \
    In my own practice I sometimes wait for the next review before changing the plan, and this case \
    shows the cost of waiting. 中文 text, a flag 🇬🇧 and an accent e\u{301} sit among the words.\n\
    A second paragraph, shorter.";

proptest! {
    // No regression files: they would land outside this module's folder.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_editing_keeps_every_invariant(
        start in prop::sample::select(vec![
            "",
            "seed text\nmore",
            "中文\n\nab 🇬🇧",
            LONG_WORD,
            PROSE,
        ]),
        ops in prop::collection::vec(op(), 0..120),
    ) {
        let mut editor = Editor::new(start);
        for op in ops {
            match op {
                Op::Key(event) => { editor.input(event); }
                Op::Paste(text) => { editor.insert_str(text); }
                Op::Undo => { editor.undo(); }
                Op::Redo => { editor.redo(); }
                Op::Render(width, height) => {
                    let (rows, cursor) = render(&editor, width, height);
                    if let Some(cursor) = cursor {
                        prop_assert!(cursor.x < width && cursor.y < height);
                    }
                    // The same screen as drawing the oracle's rows from the same top row.
                    let (text, top) = (editor.text(), editor.scroll_top.get());
                    if !text.is_empty() {
                        let (row, column) = oracle_cursor(text, editor.cursor_byte(), usize::from(width));
                        let expected = row.checked_sub(top).filter(|&row| row < usize::from(height)).map(|row| {
                            let x = column.min(usize::from(width) - 1);
                            Position { x: x as u16, y: row as u16 }
                        });
                        prop_assert_eq!(cursor, expected);
                        let area = Rect::new(0, 0, width, height);
                        let mut oracle = Buffer::empty(area);
                        let shown = oracle_rows(text, usize::from(width)).into_iter().skip(top);
                        wrap::draw_rows(&mut oracle, area, shown, Style::default(), Style::default());
                        let mut drawn = Buffer::empty(area);
                        editor.render(drawn.area, &mut drawn, Style::default());
                        prop_assert_eq!(drawn, oracle, "{:?}", rows);
                    }
                }
            }
            let (text, cursor) = state(&editor);
            prop_assert!(text.is_char_boundary(cursor) && !text.contains('\r'));
            prop_assert_eq!(snap_to_boundary(text, cursor), cursor, "the cursor splits a grapheme");
            prop_assert_eq!(editor.word_count(), text.split_whitespace().count());
            check_layout(&editor)?;
        }
        let end = editor.text().to_owned();
        let steps = undo_all(&mut editor).len();
        prop_assert_eq!(editor.text(), start);
        prop_assert!((0..steps).all(|_| editor.redo()));
        prop_assert_eq!(editor.text(), end);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, cases: 4000, ..ProptestConfig::default() })]

    /// One edit anywhere in a short text of clusters that fuse, wide glyphs and spaces, at narrow
    /// widths where every row break matters: the rows kept, re-wrapped and re-joined are the
    /// oracle's.
    #[test]
    fn one_edit_anywhere_wraps_as_a_whole_rewrap_would(
        characters in prop::collection::vec(prop::sample::select(TRICKY.to_vec()), 0..14),
        width in 1u16..6,
        moves in 0usize..14,
        edit in prop_oneof![
            prop::sample::select(TRICKY.to_vec()).prop_map(|c| Op::Key(key(KeyCode::Char(c)))),
            prop::sample::select(vec![BACKSPACE, DELETE, ENTER, CTRL_W, CTRL_K]).prop_map(Op::Key),
            Just(Op::Paste("中 a\nb")),
        ],
    ) {
        let text: String = characters.into_iter().collect();
        let mut editor = Editor::new(&text);
        render(&editor, width, 3);
        editor.input(CTRL_HOME);
        press(&mut editor, &vec![RIGHT; moves]);
        match edit {
            Op::Key(event) => { editor.input(event); }
            Op::Paste(pasted) => { editor.insert_str(pasted); }
            _ => {}
        }
        check_layout(&editor)?;
    }
}

/// Graphemes that fuse with what is typed after them (regional indicators, a combining accent, a
/// zero-width joiner between emoji), a wide glyph, and a space to wrap at.
const TRICKY: [char; 8] = ['a', ' ', '中', '🇬', '🇧', '\u{301}', '\u{200D}', '👩'];
