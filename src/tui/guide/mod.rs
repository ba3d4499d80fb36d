//! `casebook guide TOPIC` on a terminal: the guide's text in a small
//! full-screen pager, scrolled with the reader's keys (↓↑ j k, PgDn/Space,
//! PgUp/b, Home/End g G) and left with q or Esc. The text is wrapped to the
//! reading width and nothing in it reaches the terminal unsanitised.

use std::io::{self, BufWriter};

use ratatui::Terminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::sanitise::sanitise;
use crate::text;
use crate::tui::backend::LeanBackend;
use crate::tui::widgets::{Canvas, put_str};

/// The widest a line of the guide is wrapped to, as the reader's column.
const READING_WIDTH: usize = 88;

/// The pager's state: the guide's text, wrapped for the last width drawn,
/// and the first row on screen.
pub(crate) struct Pager {
    title: String,
    text: String,
    width: usize,
    lines: Vec<String>,
    top: usize,
    /// Rows of text on screen, as last drawn.
    rows: usize,
}

impl Pager {
    pub(crate) fn new(title: &str, text: &str) -> Self {
        Pager {
            title: sanitise(title).into_owned(),
            text: sanitise(text).into_owned(),
            width: 0,
            lines: Vec::new(),
            top: 0,
            rows: 1,
        }
    }

    /// Wraps the text again when the width changed.
    fn fit(&mut self, width: usize) {
        let width = width.clamp(10, READING_WIDTH);
        if width == self.width {
            return;
        }
        self.width = width;
        self.lines = self
            .text
            .lines()
            .flat_map(|line| {
                if line.trim().is_empty() {
                    vec![String::new()]
                } else {
                    // Keep a line's indent on the rows it wraps onto.
                    let indent: String = line.chars().take_while(|c| *c == ' ').collect();
                    let options = textwrap::Options::new(width)
                        .initial_indent("")
                        .subsequent_indent(&indent)
                        .break_words(true);
                    textwrap::wrap(line, options)
                        .into_iter()
                        .map(|row| row.into_owned())
                        .collect()
                }
            })
            .collect();
    }

    fn last_top(&self) -> usize {
        self.lines.len().saturating_sub(self.rows)
    }

    /// Answers a key; `true` when the reader leaves.
    pub(crate) fn key(&mut self, key: KeyEvent) -> bool {
        if key.kind == KeyEventKind::Release {
            return false;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let page = self.rows.saturating_sub(1).max(1);
        match key.code {
            KeyCode::Char('c') if ctrl => return true,
            KeyCode::Char('f') if ctrl => self.top += page,
            KeyCode::Char('b') if ctrl => self.top = self.top.saturating_sub(page),
            _ if ctrl => {}
            KeyCode::Char('q') | KeyCode::Esc => return true,
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Enter => self.top += 1,
            KeyCode::Up | KeyCode::Char('k') => self.top = self.top.saturating_sub(1),
            KeyCode::PageDown | KeyCode::Char(' ') => self.top += page,
            KeyCode::PageUp | KeyCode::Char('b') => self.top = self.top.saturating_sub(page),
            KeyCode::Home | KeyCode::Char('g') => self.top = 0,
            KeyCode::End | KeyCode::Char('G') => self.top = usize::MAX,
            _ => {}
        }
        self.top = self.top.min(self.last_top());
        false
    }

    /// Draws the title, the text and the foot with the keys and where the
    /// reader is.
    pub(crate) fn draw(&mut self, canvas: &mut Canvas, area: Rect) {
        if area.height < 3 || area.width < 10 {
            put_str(
                canvas.buffer_mut(),
                area.x,
                area.y,
                text::GUIDE_TOO_SMALL,
                Style::default(),
                area.right(),
            );
            return;
        }
        let margin = usize::from(area.width).saturating_sub(READING_WIDTH) / 2;
        self.fit(usize::from(area.width));
        self.rows = usize::from(area.height - 2);
        self.top = self.top.min(self.last_top());
        let left = area.x + u16::try_from(margin).unwrap_or(0);
        let bold = Style::default().add_modifier(Modifier::BOLD);
        put_str(canvas.buffer_mut(), left, area.y, &self.title, bold, area.right());
        for (row, line) in self.lines.iter().skip(self.top).take(self.rows).enumerate() {
            let y = area.y + 1 + u16::try_from(row).unwrap_or(0);
            let style = if line.starts_with('#') { bold } else { Style::default() };
            put_str(canvas.buffer_mut(), left, y, line, style, area.right());
        }
        let shown = (self.top + self.rows).min(self.lines.len());
        let more = shown < self.lines.len();
        let foot = text::guide_foot(shown, self.lines.len(), more);
        let foot = crate::tui::widgets::truncate(&foot, usize::from(area.width));
        let reversed = Style::default().add_modifier(Modifier::REVERSED);
        put_str(
            canvas.buffer_mut(),
            area.x,
            area.y + area.height - 1,
            &foot,
            reversed,
            area.right(),
        );
    }
}

/// Shows a guide full-screen until the reader leaves; the terminal is put
/// back however it ends.
pub fn show(title: &str, guide: &str) -> Result<(), String> {
    let mut pager = Pager::new(title, guide);
    let result = crate::tui::terminal::setup().and_then(|()| run(&mut pager));
    crate::tui::terminal::restore();
    result.map_err(|error| text::io_reason(&error))
}

fn run(pager: &mut Pager) -> io::Result<()> {
    let backend = LeanBackend::new(BufWriter::with_capacity(64 * 1024, io::stdout()));
    let mut terminal = Terminal::new(backend)?;
    terminal.clear()?;
    loop {
        terminal.draw(|frame| {
            let area = frame.area();
            let mut canvas = Canvas::new(frame.buffer_mut());
            pager.draw(&mut canvas, area);
        })?;
        match event::read()? {
            Event::Key(key) if pager.key(key) => return Ok(()),
            Event::Resize(..) => terminal.backend_mut().forget_size(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use ratatui::buffer::Buffer;

    fn screen(pager: &mut Pager, width: u16, height: u16) -> String {
        let area = Rect::new(0, 0, width, height);
        let mut buffer = Buffer::empty(area);
        let mut canvas = Canvas::new(&mut buffer);
        pager.draw(&mut canvas, area);
        (0..height)
            .map(|y| {
                (0..width)
                    .map(|x| buffer[(x, y)].symbol().to_owned())
                    .collect::<String>()
                    .trim_end()
                    .to_owned()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn press(pager: &mut Pager, code: KeyCode) -> bool {
        pager.key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn the_reader_keys_scroll_the_guide_and_q_leaves() {
        let guide: String = (1..=100).map(|n| format!("line {n}\n")).collect();
        let mut pager = Pager::new("A guide", &guide);
        let first = screen(&mut pager, 40, 12);
        assert!(first.starts_with("A guide\nline 1\n"), "{first}");
        assert!(first.contains("more below"), "{first}");
        press(&mut pager, KeyCode::Char(' '));
        assert!(
            screen(&mut pager, 40, 12).contains("\nline 10\n"),
            "a page is the screen less a row"
        );
        press(&mut pager, KeyCode::Char('j'));
        assert!(screen(&mut pager, 40, 12).starts_with("A guide\nline 11\n"));
        press(&mut pager, KeyCode::Char('k'));
        press(&mut pager, KeyCode::Char('b'));
        assert!(screen(&mut pager, 40, 12).starts_with("A guide\nline 1\n"));
        press(&mut pager, KeyCode::End);
        let last = screen(&mut pager, 40, 12);
        assert!(last.contains("line 100\n"), "{last}");
        assert!(!last.contains("more below"), "{last}");
        press(&mut pager, KeyCode::Home);
        assert!(screen(&mut pager, 40, 12).starts_with("A guide\nline 1\n"));
        assert!(!press(&mut pager, KeyCode::Down));
        assert!(press(&mut pager, KeyCode::Char('q')));
        assert!(press(&mut pager, KeyCode::Esc));
    }

    #[test]
    fn long_lines_wrap_to_the_screen_and_control_codes_never_reach_it() {
        let mut pager = Pager::new(
            "Guide",
            "word \u{1b}[31m red and a long line that goes on and on past forty columns\n",
        );
        let shown = screen(&mut pager, 40, 8);
        assert!(!shown.contains('\u{1b}'), "{shown}");
        assert!(
            shown.lines().nth(2).unwrap_or("").contains("columns"),
            "wrapped: {shown}"
        );
    }
}
