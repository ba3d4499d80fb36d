//! The pager's update: a key or a new size in, the next state out.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::search::{self, Found, Hit};
use super::{Mode, Notice, Pager, PagerMsg};

/// Whether the reader stays in the guide or leaves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Stay,
    Leave,
}

impl Pager {
    /// Answers a message.
    pub fn update(&mut self, message: PagerMsg) -> Step {
        match message {
            PagerMsg::Resize(width, height) => {
                self.width = width;
                self.height = height;
                self.fit();
                Step::Stay
            }
            PagerMsg::Key(key) if key.kind == KeyEventKind::Release => Step::Stay,
            PagerMsg::Key(key) => {
                self.notice = None;
                let step = match self.mode.clone() {
                    Mode::Prompt(typed) => self.prompt_key(key, typed),
                    Mode::Help(top) => self.help_key(key, top),
                    Mode::Reading => self.reading_key(key),
                };
                self.top = self.top.min(self.last_top());
                step
            }
        }
    }

    /// Wraps the text to the window's width, and finds the search's words
    /// again in the rows as they now are.
    fn fit(&mut self) {
        let width = self.reading_width();
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
        self.top = self.top.min(self.last_top());
        if let Some(found) = self.found.take() {
            let hits = search::hits(&self.lines, &found.pattern);
            // The same match, unless the new wrapping split one.
            let current = if hits.len() == found.hits.len() {
                found.current
            } else {
                hits.iter().position(|hit| hit.row >= self.top).unwrap_or(0)
            };
            if !hits.is_empty() {
                self.found = Some(Found {
                    pattern: found.pattern,
                    hits,
                    current,
                });
                // The reader was at it; they still are.
                self.show_current();
            }
        }
    }

    fn reading_key(&mut self, key: KeyEvent) -> Step {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let page = self.rows().saturating_sub(1).max(1);
        match key.code {
            KeyCode::Char('c') if ctrl => return Step::Leave,
            KeyCode::Char('f') if ctrl => self.top += page,
            KeyCode::Char('b') if ctrl => self.top = self.top.saturating_sub(page),
            _ if ctrl => {}
            KeyCode::Char('q') | KeyCode::Esc => return Step::Leave,
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Enter => self.top += 1,
            KeyCode::Up | KeyCode::Char('k') => self.top = self.top.saturating_sub(1),
            KeyCode::PageDown | KeyCode::Char(' ') => self.top += page,
            KeyCode::PageUp | KeyCode::Char('b') => self.top = self.top.saturating_sub(page),
            KeyCode::Home | KeyCode::Char('g') => self.top = 0,
            KeyCode::End | KeyCode::Char('G') => self.top = usize::MAX,
            KeyCode::Char('?') | KeyCode::F(1) => self.mode = Mode::Help(0),
            KeyCode::Char('/') => self.mode = Mode::Prompt(String::new()),
            KeyCode::Char('n') => self.next(true),
            KeyCode::Char('N') => self.next(false),
            _ => {}
        }
        Step::Stay
    }

    /// The key list: ↓↑ j k scroll it when it is longer than the window;
    /// any other key closes it.
    fn help_key(&mut self, key: KeyEvent, top: usize) -> Step {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        self.mode = match key.code {
            KeyCode::Char('c') if ctrl => return Step::Leave,
            KeyCode::Down | KeyCode::Char('j') => Mode::Help((top + 1).min(self.help_last_top())),
            KeyCode::Up | KeyCode::Char('k') => Mode::Help(top.saturating_sub(1)),
            _ => Mode::Reading,
        };
        Step::Stay
    }

    /// The search prompt: typing, Backspace, Enter to search, Esc to cancel.
    fn prompt_key(&mut self, key: KeyEvent, mut typed: String) -> Step {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('c') if ctrl => return Step::Leave,
            KeyCode::Esc => self.mode = Mode::Reading,
            KeyCode::Backspace if typed.is_empty() => self.mode = Mode::Reading,
            KeyCode::Backspace => {
                typed.pop();
                self.mode = Mode::Prompt(typed);
            }
            KeyCode::Enter => {
                self.mode = Mode::Reading;
                // An empty search searches again for the last words.
                let pattern = if typed.is_empty() {
                    self.found.as_ref().map(|found| found.pattern.clone())
                } else {
                    Some(typed)
                };
                if let Some(pattern) = pattern {
                    self.search(pattern);
                }
            }
            KeyCode::Char(character) if !ctrl && !character.is_control() && typed.chars().count() < search::LONGEST => {
                typed.push(character);
                self.mode = Mode::Prompt(typed);
            }
            _ => {}
        }
        Step::Stay
    }

    /// Searches from the top of the screen down, going round to the top of
    /// the guide when the words are only above.
    fn search(&mut self, pattern: String) {
        let hits = search::hits(&self.lines, &pattern);
        if hits.is_empty() {
            self.found = None;
            self.notice = Some(Notice::NotFound(pattern));
            return;
        }
        let below = hits.iter().position(|hit| hit.row >= self.top);
        if below.is_none() {
            self.notice = Some(Notice::WentRound(true));
        }
        let current = below.unwrap_or(0);
        self.found = Some(Found { pattern, hits, current });
        self.show_current();
    }

    /// n (forward) or N: the next or previous match after the one marked,
    /// or, when the reader has scrolled it away, after the screen's top.
    fn next(&mut self, forward: bool) {
        let (top, rows) = (self.top, self.rows());
        let Some(found) = self.found.as_mut() else {
            self.notice = Some(Notice::NothingSearched);
            return;
        };
        let count = found.hits.len();
        let on_screen = |hit: &Hit| hit.row >= top && hit.row < top + rows;
        let wanted = match (on_screen(&found.hits[found.current]), forward) {
            (true, true) => Some(found.current + 1).filter(|next| *next < count),
            (true, false) => found.current.checked_sub(1),
            (false, true) => found.hits.iter().position(|hit| hit.row >= top),
            (false, false) => found.hits.iter().rposition(|hit| hit.row < top + rows),
        };
        found.current = match wanted {
            Some(next) => next,
            None => {
                self.notice = Some(Notice::WentRound(forward));
                if forward { 0 } else { count - 1 }
            }
        };
        self.show_current();
    }

    /// Scrolls the marked match onto the screen, if it is not on it.
    fn show_current(&mut self) {
        let Some(hit) = self.found.as_ref().map(|found| found.hits[found.current]) else {
            return;
        };
        if hit.row < self.top || hit.row >= self.top + self.rows() {
            self.top = hit.row.min(self.last_top());
        }
    }
}
