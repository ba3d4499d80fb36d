#![allow(clippy::unwrap_used)]

use unicode_width::UnicodeWidthStr;

use super::*;

const fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}
const fn ctrl(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::CONTROL)
}
const fn alt(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::ALT)
}
const LEFT: KeyEvent = key(KeyCode::Left);
const RIGHT: KeyEvent = key(KeyCode::Right);
const UP: KeyEvent = key(KeyCode::Up);
const DOWN: KeyEvent = key(KeyCode::Down);
const HOME: KeyEvent = key(KeyCode::Home);
const END: KeyEvent = key(KeyCode::End);
const ENTER: KeyEvent = key(KeyCode::Enter);
const BACKSPACE: KeyEvent = key(KeyCode::Backspace);
const DELETE: KeyEvent = key(KeyCode::Delete);
const CTRL_HOME: KeyEvent = ctrl(KeyCode::Home);
const CTRL_END: KeyEvent = ctrl(KeyCode::End);
const WORD_LEFT: KeyEvent = ctrl(KeyCode::Left);
const WORD_RIGHT: KeyEvent = ctrl(KeyCode::Right);
const CTRL_W: KeyEvent = ctrl(KeyCode::Char('w'));
const CTRL_K: KeyEvent = ctrl(KeyCode::Char('k'));
const CTRL_U: KeyEvent = ctrl(KeyCode::Char('u'));
const CTRL_A: KeyEvent = ctrl(KeyCode::Char('a'));
const CTRL_E: KeyEvent = ctrl(KeyCode::Char('e'));
const ALT_B: KeyEvent = alt(KeyCode::Char('b'));
const ALT_F: KeyEvent = alt(KeyCode::Char('f'));
const ALT_D: KeyEvent = alt(KeyCode::Char('d'));
const PAGE_UP: KeyEvent = key(KeyCode::PageUp);
const PAGE_DOWN: KeyEvent = key(KeyCode::PageDown);
const CTRL_BACKSPACE: KeyEvent = ctrl(KeyCode::Backspace);
const CTRL_DELETE: KeyEvent = ctrl(KeyCode::Delete);
const ALT_BACKSPACE: KeyEvent = alt(KeyCode::Backspace);

const FOX: &str = "The quick brown fox jumps over the lazy dog";

/// An editor holding `text`, wrapped at 20 columns, after `keys`.
fn edited(text: &str, keys: &[KeyEvent]) -> Editor {
    let mut editor = Editor::new(text);
    render(&editor, 20, 5);
    press(&mut editor, keys);
    editor
}

fn press(editor: &mut Editor, keys: &[KeyEvent]) {
    for &event in keys {
        editor.input(event);
    }
}

fn state(editor: &Editor) -> (&str, usize) {
    (editor.text(), editor.cursor_byte())
}

fn type_text(editor: &mut Editor, text: &str) {
    for character in text.chars() {
        let code = if character == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(character)
        };
        assert!(editor.input(key(code)), "typing {character:?} should change the text");
    }
}

/// Renders into a fresh buffer; returns its rows (without a wide glyph's hidden cell) and the cursor.
fn render(editor: &Editor, width: u16, height: u16) -> (Vec<String>, Option<Position>) {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    let cursor = editor.render(buf.area, &mut buf, Style::default());
    let mut rows = vec![String::new(); usize::from(height)];
    for (y, row) in rows.iter_mut().enumerate() {
        let mut hidden = 0;
        for x in 0..width {
            let symbol = buf[(x, y as u16)].symbol();
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            hidden = symbol.width().saturating_sub(1);
            row.push_str(symbol);
        }
    }
    (rows, cursor)
}

fn at(x: u16, y: u16) -> Option<Position> {
    Some(Position { x, y })
}

fn wrapped(paragraph: &str, width: usize) -> Vec<&str> {
    let starts = wrap_rows(paragraph, width);
    wrap::row_texts(paragraph, &starts).collect()
}

/// The texts after each undo, back to the start.
fn undo_all(editor: &mut Editor) -> Vec<String> {
    std::iter::from_fn(|| editor.undo().then(|| editor.text().to_owned())).collect()
}

#[test]
fn typing_normalising_and_keys_left_to_the_caller() {
    let mut editor = Editor::new("");
    assert!(editor.is_empty());
    type_text(&mut editor, "Hello, world");
    assert_eq!((state(&editor), editor.word_count()), (("Hello, world", 12), 2));
    let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
    assert!(editor.input(KeyEvent::new(KeyCode::Char('€'), altgr)), "AltGr types");
    for event in [key(KeyCode::Tab), key(KeyCode::Esc), ctrl(KeyCode::Char('s')), LEFT] {
        assert!(!editor.input(event), "{event:?} changes no text");
    }
    assert_eq!(state(&editor), ("Hello, world€", 12));
    assert_eq!(state(&Editor::new("a\r\nb\rc")), ("a\nb\nc", 5));

    let mut field = Editor::single_line("x\ny");
    assert!(!field.input(ENTER));
    assert!(field.insert_str("/a\r\nb"));
    assert_eq!(field.text(), "x y/a b");
}

/// (text, keys, text after, cursor after), in an editor 20 columns wide whose cursor starts at the end.
#[rustfmt::skip]
const KEY_CASES: &[(&str, &[KeyEvent], &str, usize)] = &[
    // Enter splits a paragraph; Backspace and Delete at its edges join it again.
    ("onetwo", &[LEFT, LEFT, LEFT, ENTER], "one\ntwo", 4),
    ("one\ntwo", &[LEFT, LEFT, LEFT, BACKSPACE], "onetwo", 3),
    ("one\ntwo", &[CTRL_HOME, END, DELETE], "onetwo", 3),
    // Whole grapheme clusters: combining accent, ZWJ family, flags, CJK.
    ("ae\u{301}b", &[LEFT, BACKSPACE], "ab", 1),
    ("ae\u{301}b", &[HOME, RIGHT, RIGHT], "ae\u{301}b", 4),
    ("a👩\u{200D}👩\u{200D}👧b", &[LEFT, BACKSPACE], "ab", 1),
    ("a👩\u{200D}👩\u{200D}👧b", &[HOME, RIGHT, DELETE], "ab", 1),
    ("a👩\u{200D}👩\u{200D}👧b", &[HOME, RIGHT, RIGHT], "a👩\u{200D}👩\u{200D}👧b", 19),
    ("🇬🇧🇫🇷", &[BACKSPACE], "🇬🇧", 8),
    ("🇬🇧🇫🇷", &[HOME, DELETE], "🇫🇷", 0),
    ("a中b", &[LEFT, LEFT, BACKSPACE, RIGHT], "中b", 3),
    // A regional indicator typed before another fuses with it: the cursor goes past the pair.
    ("🇬", &[CTRL_HOME, key(KeyCode::Char('🇧'))], "🇧🇬", 8),
    // Word motions skip whitespace, then a word; they cross paragraphs.
    ("one two  three", &[WORD_LEFT], "one two  three", 9),
    ("one two  three", &[WORD_LEFT, WORD_LEFT, ALT_B], "one two  three", 0),
    ("one two  three", &[CTRL_HOME, WORD_RIGHT, ALT_F], "one two  three", 7),
    ("ab\ncd", &[HOME, WORD_LEFT], "ab\ncd", 0),
    // Word deletes.
    ("one two  three", &[CTRL_HOME, WORD_RIGHT, ALT_F, CTRL_DELETE], "one two", 7),
    ("one two  three", &[CTRL_W], "one two  ", 9),
    ("one two  three", &[WORD_LEFT, ALT_BACKSPACE], "one three", 4),
    ("one two", &[WORD_LEFT, CTRL_BACKSPACE, CTRL_BACKSPACE], "two", 0),
    ("ab\ncd", &[CTRL_HOME, ALT_D], "\ncd", 0),
    // Ctrl-K to the paragraph's end, then (at the end) the newline; Ctrl-U to its start.
    ("hello world\nnext", &[CTRL_HOME, WORD_RIGHT, RIGHT, CTRL_K], "hello \nnext", 6),
    ("hello world\nnext", &[CTRL_HOME, WORD_RIGHT, RIGHT, CTRL_K, CTRL_K], "hello next", 6),
    ("hello world\nnext", &[WORD_LEFT, CTRL_U], "hello world\nnext", 12),
    ("hello world\nnext", &[LEFT, CTRL_U], "hello world\nt", 12),
    ("hello world", &[WORD_LEFT, CTRL_U, CTRL_U], "world", 0),
    // Home/End work on the visual row ("jumps over the lazy " at 20 columns): End stops before
    // the space that wrapped it. Ctrl-Home/End go to the text's ends.
    (FOX, &[CTRL_HOME, DOWN, RIGHT, END], FOX, 39),
    (FOX, &[CTRL_HOME, DOWN, RIGHT, CTRL_E, HOME], FOX, 20),
    (FOX, &[CTRL_HOME, DOWN, RIGHT, CTRL_A], FOX, 20),
    (FOX, &[HOME], FOX, 40),
    (FOX, &[HOME, CTRL_HOME, CTRL_END], FOX, 43),
    // Up/Down keep column 15 across rows; "dog" is shorter so its end; Up on row 0 goes home.
    (FOX, &[CTRL_HOME, WORD_RIGHT, WORD_RIGHT, WORD_RIGHT, DOWN], FOX, 35),
    (FOX, &[CTRL_HOME, WORD_RIGHT, WORD_RIGHT, WORD_RIGHT, DOWN, DOWN], FOX, 43),
    (FOX, &[CTRL_HOME, WORD_RIGHT, WORD_RIGHT, WORD_RIGHT, DOWN, DOWN, UP], FOX, 35),
    (FOX, &[CTRL_HOME, WORD_RIGHT, WORD_RIGHT, WORD_RIGHT, DOWN, DOWN, UP, UP], FOX, 15),
    (FOX, &[CTRL_HOME, WORD_RIGHT, UP], FOX, 0),
    // Aiming past a wrapped row's words stops before its hanging space, on that row.
    ("Hi there, all abcdefghijklmnopqrs", &[UP], "Hi there, all abcdefghijklmnopqrs", 13),
];

#[test]
fn keys_edit_and_move() {
    for &(text, keys, after, cursor) in KEY_CASES {
        assert_eq!(state(&edited(text, keys)), (after, cursor), "{text:?} after {keys:?}");
    }
}

#[test]
fn wraps_at_words_without_leading_spaces_and_breaks_long_words() {
    let fox = ["The quick brown fox ", "jumps over the lazy ", "dog"];
    assert_eq!(wrapped(FOX, 20), fox);
    let long = "a supercalifragilisticexpialidocious word";
    assert_eq!(wrapped(long, 20), ["a ", "supercalifragilistic", "expialidocious word"]);
    assert_eq!(wrapped("", 20), [""]);
    assert_eq!(wrapped("  indented    spaced", 10), ["  indented    ", "spaced"]);
    assert_eq!(wrapped("\tx", 4), ["\t", "x"], "a tab measures four columns");
}

#[test]
fn a_wide_glyph_never_straddles_the_edge() {
    assert_eq!(wrapped("ab中文字", 5), ["ab中", "文字"]);
    assert_eq!(wrapped("中文字", 5), ["中文", "字"]);
    assert_eq!(wrapped("中", 1), ["中"], "a glyph wider than the row still advances");
    assert_eq!(render(&Editor::new("ab中文字"), 5, 2).0, ["ab中 ", "文字 "]);
}

#[test]
fn typing_undoes_a_word_at_a_time() {
    let mut editor = Editor::new("");
    type_text(&mut editor, "hello world");
    assert!(editor.undo());
    assert_eq!(editor.text(), "hello ", "a step is a word and the whitespace after it");
    assert!(editor.undo() && !editor.undo());
    assert_eq!(editor.text(), "");
    assert!(editor.redo());
    assert_eq!(state(&editor), ("hello ", 6));
    assert!(editor.redo() && !editor.redo());
    assert_eq!(editor.text(), "hello world");
}

#[test]
fn undo_steps_break_on_moves_and_kinds_and_restore_the_cursor() {
    let mut editor = Editor::new("abc");
    type_text(&mut editor, "d");
    editor.input(LEFT);
    type_text(&mut editor, "X");
    assert!(editor.undo());
    assert_eq!(state(&editor), ("abcd", 3), "a move ends the step");

    let mut editor = Editor::new("");
    type_text(&mut editor, "abcdef");
    press(&mut editor, &[BACKSPACE, BACKSPACE, BACKSPACE]);
    type_text(&mut editor, "XY");
    // The three Backspaces were one step.
    assert_eq!(undo_all(&mut editor), ["abc", "abcdef", ""]);

    let mut editor = edited("abcdef", &[HOME, RIGHT, RIGHT, RIGHT, DELETE, DELETE, BACKSPACE]);
    assert_eq!(editor.text(), "abf");
    assert!(editor.undo());
    assert_eq!(state(&editor), ("abcf", 3), "Backspace after Delete is a new step");
    assert!(editor.undo());
    assert_eq!(editor.text(), "abcdef", "the two Deletes were one step");

    let mut editor = Editor::new("one two");
    type_text(&mut editor, "x");
    press(&mut editor, &[CTRL_W, CTRL_W]);
    // Each delete-word is its own step.
    assert_eq!(undo_all(&mut editor), ["one ", "one twox", "one two"]);
    assert_eq!(editor.cursor_byte(), 7);
    type_text(&mut editor, "!");
    assert!(!editor.redo(), "a new edit after undo drops the redo list");

    let mut editor = Editor::new("");
    type_text(&mut editor, &"a\n".repeat(10_050));
    assert_eq!(undo_all(&mut editor).len(), 10_000, "the oldest steps are forgotten");
}

#[test]
fn paste_normalises_newlines_and_undoes_in_one_step() {
    let mut editor = edited("<>", &[LEFT]);
    assert!(editor.insert_str("a\r\nb\rc"));
    assert_eq!((state(&editor), editor.word_count()), (("<a\nb\nc>", 6), 3));
    assert!(editor.undo());
    assert_eq!(state(&editor), ("<>", 1));
    assert!(editor.redo());
    assert_eq!(editor.text(), "<a\nb\nc>");
    assert!(!editor.insert_str(""));
}

#[test]
fn a_megabyte_paste_is_one_undo_step() {
    let line = "A line of pasted reflection text, long enough to wrap.\r\n";
    let paste = line.repeat(1_000_000 / line.len() + 1);
    // Above the learner's text limit, which takes only what fits (tested
    // with the tutor): an editor allowed this much keeps it as one step.
    let mut editor = Editor::new("before").with_limit(2_000_000);
    assert!(editor.insert_str(&paste));
    let expected = format!("before{}", paste.replace("\r\n", "\n"));
    assert_eq!(editor.text(), expected);
    assert_eq!(editor.word_count(), expected.split_whitespace().count());
    assert!(render(&editor, 40, 10).1.is_some());
    assert!(editor.undo());
    assert_eq!(editor.text(), "before");
    assert!(editor.redo());
    assert_eq!(editor.text(), expected);
}

/// A box holds at most its limit: a paste takes what fits, whole graphemes
/// only, typing at the limit is not taken, and each says how much it left.
#[test]
fn a_paste_or_typing_past_the_limit_takes_what_fits_and_counts_the_rest() {
    let mut editor = Editor::new("ab").with_limit(5);
    // "e" and a combining acute accent are one grapheme: not split.
    assert!(editor.insert_str("cde\u{301}fg"));
    assert_eq!(editor.text(), "abcd");
    assert_eq!(editor.take_refused(), 4);
    assert_eq!(editor.take_refused(), 0, "counted once");
    assert!(editor.insert_str("xy"));
    assert_eq!(editor.text(), "abcdx");
    assert_eq!(editor.take_refused(), 1);
    let typed = KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE);
    assert!(!editor.input(typed), "a key in a full box changes nothing");
    assert_eq!(editor.take_refused(), 1);
    press(&mut editor, &[BACKSPACE]);
    type_text(&mut editor, "z");
    assert_eq!(editor.text(), "abcdz");
    assert_eq!(editor.take_refused(), 0);
    assert!(editor.undo());
    assert_eq!(
        Editor::new("").limit(),
        200_000,
        "the tutor's boxes hold 200,000 characters"
    );
    // Text already longer than the limit is never cut.
    assert_eq!(Editor::new("abcdefgh").with_limit(6).text(), "abcdefgh");
}

#[test]
fn word_count_follows_edits() {
    let mut editor = Editor::new("one two\nthree");
    type_text(&mut editor, " four\nfive  six");
    press(&mut editor, &[CTRL_W, CTRL_HOME, RIGHT, RIGHT, DELETE, BACKSPACE]);
    editor.insert_str("x y\nz");
    assert_eq!(editor.word_count(), editor.text().split_whitespace().count());
    while editor.undo() {
        assert_eq!(editor.word_count(), editor.text().split_whitespace().count());
    }
}

#[test]
fn renders_exact_rows_into_a_buffer() {
    // `Buffer::with_lines` sizes the buffer to its longest line.
    let screen = |rows: [&str; 4]| Buffer::with_lines(rows.map(|row| format!("{row:<20}")));
    let mut editor = edited(&format!("{FOX}\n\nEnd"), &[CTRL_HOME]);
    let mut buf = Buffer::empty(Rect::new(0, 0, 20, 4));
    buf[(3, 3)].set_symbol("?");
    let cursor = editor.render(buf.area, &mut buf, Style::default());
    // Stale cells are cleared.
    assert_eq!(buf, screen(["The quick brown fox ", "jumps over the lazy ", "dog", ""]));
    assert_eq!(cursor, at(0, 0));

    editor.input(CTRL_END);
    let cursor = editor.render(buf.area, &mut buf, Style::default());
    assert_eq!((buf.clone(), cursor), (screen(["dog", "", "End", ""]), at(3, 2)));

    // Rendering into an inner area leaves the surroundings alone.
    let mut framed = Buffer::with_lines(["######", "#    #", "######"]);
    let cursor = Editor::new("中x").render(Rect::new(1, 1, 4, 1), &mut framed, Style::default());
    assert_eq!(framed, Buffer::with_lines(["######", "#中x #", "######"]));
    assert_eq!(cursor, at(4, 1));
}

#[test]
fn hanging_whitespace_and_placeholder() {
    // Whitespace hangs past the edge undrawn; the cursor after it stays in the last column.
    let (rows, cursor) = render(&Editor::new("abcde     "), 5, 2);
    assert_eq!((rows, cursor), (vec!["abcde".into(), "     ".into()], at(4, 0)));
    // A tab is drawn as four spaces; control characters never reach the terminal.
    assert_eq!(render(&Editor::new("a\tb\u{1b}"), 8, 1).0, ["a    b\u{FFFD} "]);

    let mut editor = Editor::new("");
    editor.set_placeholder("Press Enter to write", Style::default());
    let placeholder = render(&editor, 12, 3);
    assert_eq!(placeholder.0, ["Press Enter ", "to write    ", "            "]);
    assert_eq!(placeholder.1, at(0, 0));
    type_text(&mut editor, "x");
    assert_eq!(render(&editor, 12, 2).0, ["x           ", "            "]);
}

#[test]
fn leaving_the_viewport_jumps_half_a_page() {
    let text: Vec<String> = (0..100).map(|n| format!("line {n}")).collect();
    let mut editor = Editor::new(&text.join("\n"));
    editor.input(CTRL_HOME);
    let screen = |editor: &Editor| {
        let (rows, cursor) = render(editor, 20, 10);
        (rows[0].trim_end().to_owned(), cursor)
    };
    assert_eq!(screen(&editor), ("line 0".into(), at(0, 0)));
    press(&mut editor, &[DOWN; 9]);
    assert_eq!(screen(&editor), ("line 0".into(), at(0, 9)), "inside: no scroll");
    editor.input(DOWN);
    assert_eq!(screen(&editor), ("line 5".into(), at(0, 5)), "row 10 lands mid-way");
    press(&mut editor, &[UP; 6]);
    assert_eq!(screen(&editor), ("line 0".into(), at(0, 4)), "upward likewise");
    editor.input(PAGE_DOWN);
    // A page is the height less one row.
    assert_eq!(editor.cursor_byte(), editor.text().find("line 13").unwrap());
    editor.input(CTRL_END);
    assert_eq!(screen(&editor), ("line 94".into(), at(7, 5)));
}

#[test]
fn resizing_keeps_the_cursor_visible() {
    let text: Vec<String> = (0..30).map(|n| format!("paragraph number {n} with words")).collect();
    let mut editor = Editor::new(&text.join("\n"));
    press(&mut editor, &[CTRL_HOME]);
    render(&editor, 40, 10);
    press(&mut editor, &[DOWN; 9]);
    assert_eq!(render(&editor, 40, 10).1, at(0, 9));
    for (width, height) in [(40, 3), (12, 3), (12, 1), (80, 20), (5, 2)] {
        let cursor = render(&editor, width, height).1;
        assert!(
            cursor.is_some_and(|at| at.x < width && at.y < height),
            "{width}x{height}"
        );
    }
}

#[path = "tests_layout.rs"]
mod layout;
