//! `casebook guide TOPIC` on a terminal: the pager, driven by its messages
//! and drawn into ratatui's TestBackend, as a reader would use it: scrolling,
//! `?` for the keys, `/` to search with n and N, Esc to cancel a search.
//! With NO_COLOR the same text shows, no cell carries a colour, and the
//! matches are still marked (reversed, underlined).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use casebook::commands::guide::find;
use casebook::tui::guide::{Looks, Pager, PagerMsg, Step};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

fn colour() -> Looks {
    Looks {
        color: true,
        ascii: false,
    }
}

fn pager(text: &str, looks: Looks, width: u16, height: u16) -> Pager {
    let mut pager = Pager::new("A guide", text, looks);
    pager.update(PagerMsg::Resize(width, height));
    pager
}

fn press(pager: &mut Pager, code: KeyCode) -> Step {
    pager.update(PagerMsg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn typed(pager: &mut Pager, text: &str) {
    for character in text.chars() {
        assert_eq!(press(pager, KeyCode::Char(character)), Step::Stay);
    }
}

fn draw(pager: &Pager, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| pager.view(frame.buffer_mut())).unwrap();
    terminal
}

/// The screen's text, row by row, without trailing spaces.
fn screen(pager: &Pager, width: u16, height: u16) -> String {
    rows(draw(pager, width, height).backend().buffer())
}

fn rows(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of the cells drawn with `modifier`, row by row.
fn marked(buffer: &Buffer, modifier: Modifier) -> Vec<String> {
    let area = buffer.area;
    (1..area.height - 1)
        .map(|y| {
            (0..area.width)
                .filter(|x| buffer[(*x, y)].modifier.contains(modifier))
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .filter(|row| !row.is_empty())
        .collect()
}

fn hundred_lines() -> String {
    (1..=100).map(|n| format!("line {n}\n")).collect()
}

#[test]
fn the_reader_keys_scroll_the_guide_and_q_leaves() {
    let mut pager = pager(&hundred_lines(), colour(), 40, 12);
    let first = screen(&pager, 40, 12);
    assert!(first.starts_with("A guide\nline 1\n"), "{first}");
    assert!(first.contains("more below"), "{first}");
    press(&mut pager, KeyCode::Char(' '));
    assert!(
        screen(&pager, 40, 12).contains("\nline 10\n"),
        "a page is the screen less a row"
    );
    press(&mut pager, KeyCode::Char('j'));
    assert!(screen(&pager, 40, 12).starts_with("A guide\nline 11\n"));
    press(&mut pager, KeyCode::Char('k'));
    press(&mut pager, KeyCode::Char('b'));
    assert!(screen(&pager, 40, 12).starts_with("A guide\nline 1\n"));
    press(&mut pager, KeyCode::End);
    let last = screen(&pager, 40, 12);
    assert!(last.contains("line 100\n"), "{last}");
    assert!(!last.contains("more below"), "{last}");
    press(&mut pager, KeyCode::Home);
    assert!(screen(&pager, 40, 12).starts_with("A guide\nline 1\n"));
    assert_eq!(press(&mut pager, KeyCode::Down), Step::Stay);
    assert_eq!(press(&mut pager, KeyCode::Char('q')), Step::Leave);
    assert_eq!(press(&mut pager, KeyCode::Esc), Step::Leave);
}

#[test]
fn long_lines_wrap_to_the_screen_and_control_codes_never_reach_it() {
    let mut pager = Pager::new(
        "Guide",
        "word \u{1b}[31m red and a long line that goes on and on past forty columns\n",
        colour(),
    );
    pager.update(PagerMsg::Resize(40, 8));
    let shown = screen(&pager, 40, 8);
    assert!(!shown.contains('\u{1b}'), "{shown}");
    assert!(
        shown.lines().nth(2).unwrap_or("").contains("columns"),
        "wrapped: {shown}"
    );
}

#[test]
fn question_mark_lists_every_key_and_any_other_key_goes_back_to_the_guide() {
    for (width, height) in SIZES {
        let mut pager = pager(&hundred_lines(), colour(), width, height);
        press(&mut pager, KeyCode::Char('j'));
        assert_eq!(press(&mut pager, KeyCode::Char('?')), Step::Stay);
        // Every row of the list, scrolled through where the window is small.
        let mut seen = screen(&pager, width, height);
        assert!(seen.starts_with("Keys in the guide\n"), "{seen}");
        for _ in 0..30 {
            press(&mut pager, KeyCode::Down);
            seen.push_str(&screen(&pager, width, height));
        }
        let seen = seen.split_whitespace().collect::<Vec<_>>().join(" ");
        for (keys, does) in casebook::text::GUIDE_KEYS {
            assert!(seen.contains(keys), "{width}x{height}: {keys} is not listed");
            let first_words: String = does.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
            assert!(seen.contains(&first_words), "{width}x{height}: {does}");
        }
        // q closes the list rather than leaving the guide, at the same place.
        assert_eq!(press(&mut pager, KeyCode::Char('q')), Step::Stay);
        assert!(screen(&pager, width, height).starts_with("A guide\nline 2\n"));
        assert_eq!(press(&mut pager, KeyCode::Char('q')), Step::Leave);
    }
}

#[test]
fn slash_searches_moves_to_the_match_and_n_and_capital_n_go_between_matches() {
    let mut text = hundred_lines();
    text.push_str("The Supervisor signs. Your supervisor reads.\n");
    text.insert_str(0, "Ask your SUPERVISOR.\n");
    let mut pager = pager(&text, colour(), 40, 12);
    press(&mut pager, KeyCode::Char('j'));
    press(&mut pager, KeyCode::Char('/'));
    typed(&mut pager, "supervisor");
    let prompt = screen(&pager, 40, 12);
    assert!(prompt.ends_with("Search for: supervisor"), "{prompt}");
    press(&mut pager, KeyCode::Enter);
    // From the screen's top down: the match in the last line, not the one
    // in the first (scrolled off); the rows wrap at 40 columns.
    let terminal = draw(&pager, 40, 12);
    let shown = rows(terminal.backend().buffer());
    assert!(
        shown.contains(
            "The Supervisor signs. Your supervisor
reads."
        ),
        "{shown}"
    );
    assert!(shown.contains(" match 2 of 3 · n next · N previous"), "{shown}");
    assert_eq!(
        marked(terminal.backend().buffer(), Modifier::REVERSED),
        vec!["Supervisor"]
    );
    assert_eq!(
        marked(terminal.backend().buffer(), Modifier::UNDERLINED),
        vec!["supervisor"]
    );
    press(&mut pager, KeyCode::Char('n'));
    let terminal = draw(&pager, 40, 12);
    assert_eq!(
        marked(terminal.backend().buffer(), Modifier::REVERSED),
        vec!["supervisor"]
    );
    assert!(rows(terminal.backend().buffer()).contains("match 3 of 3 ·"));
    // Past the last match, round to the first, which is said.
    press(&mut pager, KeyCode::Char('n'));
    let shown = screen(&pager, 40, 12);
    assert!(shown.starts_with("A guide\nAsk your SUPERVISOR.\n"), "{shown}");
    assert!(shown.contains("match 1 of 3 (from the top again)"), "{shown}");
    press(&mut pager, KeyCode::Char('N'));
    let shown = screen(&pager, 40, 12);
    assert!(shown.contains("match 3 of 3 (from the end"), "{shown}");
    assert!(shown.contains("Your supervisor\nreads."), "{shown}");
    // An empty search looks for the same words again.
    press(&mut pager, KeyCode::Home);
    press(&mut pager, KeyCode::Char('/'));
    press(&mut pager, KeyCode::Enter);
    assert!(screen(&pager, 40, 12).contains("match 1 of 3 ·"));
}

#[test]
fn a_search_that_finds_nothing_says_so_and_stays_put_and_esc_cancels_the_prompt() {
    let mut pager = pager(&hundred_lines(), colour(), 80, 24);
    press(&mut pager, KeyCode::PageDown);
    let before = screen(&pager, 80, 24);
    press(&mut pager, KeyCode::Char('/'));
    typed(&mut pager, "digest");
    press(&mut pager, KeyCode::Enter);
    let after = screen(&pager, 80, 24);
    assert!(
        after.ends_with("Not found: \"digest\" · / search again · ? keys · q leave"),
        "{after}"
    );
    assert_eq!(
        after.lines().take(23).collect::<Vec<_>>(),
        before.lines().take(23).collect::<Vec<_>>()
    );
    // The next key clears the notice.
    press(&mut pager, KeyCode::Char('k'));
    assert!(screen(&pager, 80, 24).contains("more below"));
    // Esc at the prompt cancels the search and stays in the guide; n says
    // there is nothing to find yet; Backspace mends what is typed.
    press(&mut pager, KeyCode::Char('/'));
    typed(&mut pager, "line 9x");
    press(&mut pager, KeyCode::Backspace);
    assert!(screen(&pager, 80, 24).contains("Search for: line 9 "));
    assert_eq!(press(&mut pager, KeyCode::Esc), Step::Stay);
    let cancelled = screen(&pager, 80, 24);
    assert!(cancelled.contains("more below"), "{cancelled}");
    press(&mut pager, KeyCode::Char('n'));
    assert!(screen(&pager, 80, 24).contains("Nothing to find yet: press /"));
    // q typed at the prompt is a letter to search for, not leaving.
    press(&mut pager, KeyCode::Char('/'));
    assert_eq!(press(&mut pager, KeyCode::Char('q')), Step::Stay);
    assert_eq!(press(&mut pager, KeyCode::Esc), Step::Stay);
    assert_eq!(press(&mut pager, KeyCode::Esc), Step::Leave);
}

#[test]
fn a_search_keeps_its_matches_when_the_window_changes_size() {
    let text = format!("{}a word far down\n", hundred_lines());
    let mut pager = pager(&text, colour(), 80, 24);
    press(&mut pager, KeyCode::Char('/'));
    typed(&mut pager, "far down");
    press(&mut pager, KeyCode::Enter);
    pager.update(PagerMsg::Resize(40, 12));
    let terminal = draw(&pager, 40, 12);
    assert_eq!(
        marked(terminal.backend().buffer(), Modifier::REVERSED),
        vec!["far down"]
    );
}

#[test]
fn ascii_draws_no_arrows_or_dots() {
    let looks = Looks {
        color: true,
        ascii: true,
    };
    let mut pager = pager(&hundred_lines(), looks, 80, 24);
    let reading = screen(&pager, 80, 24);
    assert!(
        reading.ends_with("more below | line 22 of 100 | ? keys | / search | q leave"),
        "{reading}"
    );
    press(&mut pager, KeyCode::Char('?'));
    let help = screen(&pager, 80, 24);
    assert!(help.contains("Down Up / j k"), "{help}");
    assert!(help.is_ascii(), "{help}");
}

/// The learner's guide, as a reader sees it, at each size: opening, the
/// keys, the prompt and a search's matches. With NO_COLOR the same text
/// shows and no cell carries a colour.
#[test]
fn snapshots() {
    let guide = find("learner").unwrap();
    let steps: [(&str, &[KeyCode]); 4] = [
        ("opening", &[]),
        ("keys", &[KeyCode::Char('?')]),
        (
            "prompt",
            &[
                KeyCode::Char('/'),
                KeyCode::Char('s'),
                KeyCode::Char('u'),
                KeyCode::Char('p'),
            ],
        ),
        (
            "found",
            &[
                KeyCode::Char('/'),
                KeyCode::Char('s'),
                KeyCode::Char('u'),
                KeyCode::Char('p'),
                KeyCode::Char('e'),
                KeyCode::Char('r'),
                KeyCode::Char('v'),
                KeyCode::Enter,
                KeyCode::Char('n'),
            ],
        ),
    ];
    for (width, height) in SIZES {
        for (name, keys) in steps {
            let mut shots = Vec::new();
            for color in [true, false] {
                let looks = Looks { color, ascii: false };
                let mut pager = Pager::new(guide.title, guide.text, looks);
                pager.update(PagerMsg::Resize(width, height));
                for key in keys {
                    press(&mut pager, *key);
                }
                shots.push(draw(&pager, width, height));
            }
            let text = shots[0].backend().to_string();
            insta::assert_snapshot!(format!("guide_{name}_{width}x{height}"), text);
            assert_eq!(
                shots[1].backend().to_string(),
                text,
                "{name}: NO_COLOR shows the same text"
            );
            for cell in shots[1].backend().buffer().content() {
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "{name}: no colour with NO_COLOR"
                );
            }
            if name == "found" {
                let buffer = shots[1].backend().buffer();
                let current = marked(buffer, Modifier::REVERSED);
                assert_eq!(current.len(), 1, "one match is the reader's: {current:?}");
                assert!(current[0].eq_ignore_ascii_case("superv"), "{current:?}");
            }
        }
    }
}
