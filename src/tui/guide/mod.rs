//! `casebook guide TOPIC` on a terminal: the guide's text in a small
//! full-screen pager, Elm-style like the tutor: the [`Pager`] is the model,
//! [`PagerMsg`] the messages (a key, a new window size), [`Pager::update`]
//! answers them and [`Pager::view`] draws, touching nothing, so all of it is
//! tested without a terminal. The reader scrolls with ↓↑ j k, PgDn/Space,
//! PgUp/b, Home/End g G; `?` lists the keys; `/` searches, n and N go to the
//! next and previous match; q or Esc leaves. The text is wrapped to the
//! reading width and nothing in it reaches the terminal unsanitised.

mod search;
mod update;
mod view;

use std::io::{self, BufWriter};

use ratatui::Terminal;
use ratatui::crossterm::event::{self, Event, KeyEvent};

use crate::sanitise::sanitise;
use crate::text;
use crate::tui::backend::LeanBackend;

pub use update::Step;

/// The widest a line of the guide is wrapped to, as the reader's column.
const READING_WIDTH: usize = 88;

/// What the pager is told.
#[derive(Debug, Clone, Copy)]
pub enum PagerMsg {
    Key(KeyEvent),
    /// The window's size: columns, rows.
    Resize(u16, u16),
}

/// How the pager draws: in colour unless NO_COLOR is set, and in ASCII
/// where the console cannot show the arrows and dots.
#[derive(Debug, Clone, Copy, Default)]
pub struct Looks {
    pub color: bool,
    pub ascii: bool,
}

impl Looks {
    /// As the tutor decides: colour unless NO_COLOR is set (to anything but
    /// nothing); ASCII when asked for or when the console lacks the symbols.
    pub fn from_environment(ascii: bool) -> Self {
        Looks {
            color: std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty()),
            ascii: ascii || crate::tui::terminal::console_lacks_symbols(cfg!(windows), |name| std::env::var(name).ok()),
        }
    }
}

/// What the reader is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mode {
    Reading,
    /// The list of keys, scrolled to this row.
    Help(usize),
    /// Typing the words to search for.
    Prompt(String),
}

/// A word for the reader at the foot, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Notice {
    NotFound(String),
    NothingSearched,
    /// The search went round the end (true: on to the top) to get here.
    WentRound(bool),
}

/// The pager's state: the guide's text, wrapped for the window's width,
/// the first row on screen, and the search.
pub struct Pager {
    title: String,
    text: String,
    looks: Looks,
    width: u16,
    height: u16,
    lines: Vec<String>,
    top: usize,
    mode: Mode,
    found: Option<search::Found>,
    notice: Option<Notice>,
}

impl Pager {
    pub fn new(title: &str, text: &str, looks: Looks) -> Self {
        Pager {
            title: sanitise(title).into_owned(),
            text: sanitise(text).into_owned(),
            looks,
            width: 0,
            height: 0,
            lines: Vec::new(),
            top: 0,
            mode: Mode::Reading,
            found: None,
            notice: None,
        }
    }

    /// Rows of the guide on screen: all but the title and the foot.
    fn rows(&self) -> usize {
        usize::from(self.height.saturating_sub(2)).max(1)
    }

    fn last_top(&self) -> usize {
        self.lines.len().saturating_sub(self.rows())
    }

    /// The columns the text is wrapped to.
    fn reading_width(&self) -> usize {
        usize::from(self.width).clamp(10, READING_WIDTH)
    }
}

/// Shows a guide full-screen until the reader leaves; the terminal is put
/// back however it ends.
pub fn show(title: &str, guide: &str, looks: Looks) -> Result<(), String> {
    let mut pager = Pager::new(title, guide, looks);
    let result = crate::tui::terminal::setup().and_then(|()| run(&mut pager));
    crate::tui::terminal::restore();
    result.map_err(|error| text::io_reason(&error))
}

fn run(pager: &mut Pager) -> io::Result<()> {
    let backend = LeanBackend::new(BufWriter::with_capacity(64 * 1024, io::stdout()));
    let mut terminal = Terminal::new(backend)?;
    terminal.clear()?;
    let size = terminal.size()?;
    pager.update(PagerMsg::Resize(size.width, size.height));
    loop {
        terminal.draw(|frame| pager.view(frame.buffer_mut()))?;
        let message = match event::read()? {
            Event::Key(key) => PagerMsg::Key(key),
            Event::Resize(width, height) => {
                terminal.backend_mut().forget_size();
                PagerMsg::Resize(width, height)
            }
            _ => continue,
        };
        if pager.update(message) == Step::Leave {
            return Ok(());
        }
    }
}
