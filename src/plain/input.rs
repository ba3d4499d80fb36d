//! Plain mode's input: lines decoded, answers gathered up to their full
//! stop in time linear in their length, within the limit a text may hold,
//! and Ctrl-C at a terminal ending the line being typed rather than
//! throwing it away.

use std::io::{self, BufRead, Write};
use std::sync::{Arc, Mutex, PoisonError};

use crate::text;

/// Ctrl-C, which `terminal::keep_line_on_ctrl_c` makes end a line at a
/// terminal (as Enter does) instead of being a signal.
pub(super) const CTRL_C: u8 = 0x03;

/// A line of input.
pub(super) enum Line {
    /// Ended by Enter, or by the end of the input.
    Typed(String),
    /// Ended by Ctrl-C at a terminal: what was typed on it.
    Interrupted(String),
}

/// A line of input, decoded. Bytes that are not UTF-8 (a Latin-1 terminal
/// typing £) are replaced rather than ending the session.
pub(super) struct Input<'a> {
    pub(super) reader: &'a mut dyn BufRead,
    /// Some characters could not be read; said once.
    pub(super) undecodable: bool,
    /// Ctrl-C ends a line (input is a terminal set up for it).
    pub(super) ctrl_c_ends_line: bool,
}

/// The answer being typed, shared with the signal thread, which saves it
/// if casebook is stopped: appended to a line at a time, never copied.
#[derive(Default)]
pub(super) struct TypedText {
    /// The first line was `+`: what follows is added to the saved answer.
    pub(super) adding: bool,
    pub(super) text: String,
    /// Characters in `text`.
    pub(super) chars: usize,
    /// Characters past the limit, not taken.
    pub(super) refused: usize,
    /// Lines taken (a line end goes before each but the first).
    lines: usize,
}

pub(super) type Typed = Arc<Mutex<TypedText>>;

/// What the learner gave for one answer.
pub(super) struct Answer {
    /// The input ended (no full stop).
    pub(super) ended: bool,
    /// Ctrl-C ended it, mid-line or not.
    pub(super) interrupted: bool,
}

/// A first line holding only `+` adds what follows to the saved answer.
pub(super) const ADD_MARK: &str = "+";

impl Input<'_> {
    /// Reads a line; `None` at the end of input.
    pub(super) fn line(&mut self, output: &mut dyn Write) -> io::Result<Option<Line>> {
        let mut bytes = Vec::new();
        let interrupted = self.read_line(&mut bytes)?;
        if bytes.is_empty() && !interrupted {
            return Ok(None);
        }
        let line = match String::from_utf8(bytes) {
            Ok(line) => line,
            Err(error) => {
                if !self.undecodable {
                    self.undecodable = true;
                    writeln!(output, "{}", text::PLAIN_UNDECODABLE)?;
                }
                String::from_utf8_lossy(error.as_bytes()).into_owned()
            }
        };
        let trimmed = line.strip_suffix('\n').unwrap_or(&line);
        let trimmed = trimmed.strip_suffix('\r').unwrap_or(trimmed).to_owned();
        Ok(Some(if interrupted {
            Line::Interrupted(trimmed)
        } else {
            Line::Typed(trimmed)
        }))
    }

    /// Reads up to and including a newline (or Ctrl-C, which is dropped);
    /// returns whether Ctrl-C ended it.
    fn read_line(&mut self, bytes: &mut Vec<u8>) -> io::Result<bool> {
        loop {
            let buffer = match self.reader.fill_buf() {
                Ok(buffer) => buffer,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if buffer.is_empty() {
                return Ok(false);
            }
            let end = buffer
                .iter()
                .position(|byte| *byte == b'\n' || (self.ctrl_c_ends_line && *byte == CTRL_C));
            match end {
                Some(at) => {
                    let ctrl_c = buffer[at] == CTRL_C;
                    bytes.extend_from_slice(&buffer[..if ctrl_c { at } else { at + 1 }]);
                    self.reader.consume(at + 1);
                    return Ok(ctrl_c);
                }
                None => {
                    let length = buffer.len();
                    bytes.extend_from_slice(buffer);
                    self.reader.consume(length);
                }
            }
        }
    }

    /// Lines up to one holding only a full stop (or the end of input, or
    /// Ctrl-C), gathered into `typed` as they come, at most `rooms.0`
    /// characters of them; a first line of `+` means "add" when `may_add`,
    /// and then at most `rooms.1`.
    pub(super) fn answer(
        &mut self,
        output: &mut dyn Write,
        typed: &Typed,
        may_add: bool,
        rooms: (usize, usize),
    ) -> io::Result<Answer> {
        let mut first = true;
        loop {
            let (line, ended, interrupted) = match self.line(output)? {
                None => (None, true, false),
                Some(Line::Typed(line)) if line == "." => (None, false, false),
                Some(Line::Typed(line)) => (Some(line), false, false),
                Some(Line::Interrupted(line)) => (Some(line).filter(|line| !line.is_empty()), false, true),
            };
            let Some(line) = line else {
                return Ok(Answer { ended, interrupted });
            };
            let mut shared = typed.lock().unwrap_or_else(PoisonError::into_inner);
            if first && may_add && line.trim() == ADD_MARK {
                shared.adding = true;
            } else {
                let room = if shared.adding { rooms.1 } else { rooms.0 };
                shared.push_line(&line, room);
            }
            first = false;
            drop(shared);
            if interrupted {
                return Ok(Answer {
                    ended: false,
                    interrupted,
                });
            }
        }
    }
}

impl TypedText {
    /// Adds a line (after a line end, unless it is the first) as far as
    /// `room` characters go; the rest is counted as refused.
    fn push_line(&mut self, line: &str, room: usize) {
        let separator = usize::from(self.lines > 0);
        self.lines += 1;
        let wanted = line.chars().count() + separator;
        let left = room.saturating_sub(self.chars);
        if wanted <= left {
            if separator == 1 {
                self.text.push('\n');
            }
            self.text.push_str(line);
            self.chars += wanted;
            return;
        }
        // Part of it fits: whole characters up to the limit.
        let mut taken = 0;
        if separator == 1 && left > 0 {
            self.text.push('\n');
            taken = 1;
        }
        let fits: String = line.chars().take(left.saturating_sub(taken)).collect();
        let fits_chars = fits.chars().count();
        self.text.push_str(&fits);
        self.chars += taken + fits_chars;
        self.refused += wanted - taken - fits_chars;
    }
}
