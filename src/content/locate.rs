//! Finds where each value sits in a RON file, so that a rule broken after
//! parsing (an empty title, an unknown area) is reported at its line and
//! column. serde forgets positions; this small scanner remembers them by
//! path: `sections.2.questions.0.id`, `sections.1.blocks.3.0.2` (the third
//! item of a list block).
//!
//! It only runs on files that already parsed, but it never panics on any
//! input: it stops at the end of the text whatever it has seen.

use std::cell::OnceCell;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Scans the file only when a position is first asked for: a valid file
/// (every embedded module, at every start-up) never pays for the scan.
pub struct Locator<'a> {
    text: &'a str,
    spans: OnceCell<HashMap<String, (usize, usize)>>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Locator {
            text,
            spans: OnceCell::new(),
        }
    }

    fn spans(&self) -> &HashMap<String, (usize, usize)> {
        self.spans.get_or_init(|| scan(self.text, None))
    }

    /// Where the value at `path` starts, or the start of the file when the
    /// path is unknown (a missing optional field, say).
    pub fn at(&self, path: &str) -> Position {
        let offset = self.spans().get(path).map_or(0, |span| span.0);
        position_of(self.text, offset)
    }

    /// The value at `path` as written in the file (quotes and escapes
    /// included), and the byte offset it starts at.
    pub fn written(&self, path: &str) -> Option<(usize, &'a str)> {
        let &(start, end) = self.spans().get(path)?;
        Some((start, self.text.get(start..end)?))
    }

    /// The line and column of a byte offset in the file.
    pub fn position(&self, offset: usize) -> Position {
        position_of(self.text, offset)
    }

    /// Where `needle` first occurs inside the value at `path`.
    pub fn find_in(&self, path: &str, needle: &str) -> Position {
        match self.spans().get(path) {
            Some(&(start, end)) => {
                let slice = self.text.get(start..end).unwrap_or("");
                let offset = slice.find(needle).map_or(start, |found| start + found);
                position_of(self.text, offset)
            }
            None => position_of(self.text, 0),
        }
    }
}

/// Where the value at `path` starts, scanning no further than it: cheap for
/// a field near the top, such as a module's `id`.
pub fn first_position(text: &str, path: &str) -> Position {
    let offset = scan(text, Some(path)).get(path).map_or(0, |span| span.0);
    position_of(text, offset)
}

fn scan(text: &str, wanted: Option<&str>) -> HashMap<String, (usize, usize)> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
        spans: HashMap::new(),
        depth: 0,
        wanted,
        found: false,
    };
    scanner.value(String::new());
    scanner.spans
}

/// The 1-based line and column (in characters) of a byte offset.
pub fn position_of(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

struct Scanner<'b> {
    bytes: &'b [u8],
    at: usize,
    spans: HashMap<String, (usize, usize)>,
    depth: usize,
    /// Stop as soon as this path's value has been seen.
    wanted: Option<&'b str>,
    found: bool,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.at + ahead).copied()
    }

    fn skip_blank(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(byte), _) if byte.is_ascii_whitespace() => self.at += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|byte| byte != b'\n') {
                        self.at += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.at += 2;
                    let mut nesting = 1;
                    while nesting > 0 && self.at < self.bytes.len() {
                        match (self.peek(), self.peek_at(1)) {
                            (Some(b'*'), Some(b'/')) => {
                                nesting -= 1;
                                self.at += 2;
                            }
                            (Some(b'/'), Some(b'*')) => {
                                nesting += 1;
                                self.at += 2;
                            }
                            _ => self.at += 1,
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn identifier(&mut self) -> String {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|byte| byte.is_ascii_alphanumeric() || byte == b'_')
        {
            self.at += 1;
        }
        String::from_utf8_lossy(&self.bytes[start..self.at]).into_owned()
    }

    fn quoted(&mut self) {
        self.at += 1;
        while let Some(byte) = self.peek() {
            self.at += 1;
            match byte {
                b'\\' => self.at += 1,
                b'"' => return,
                _ => {}
            }
        }
    }

    /// `r"..."`, `r#"..."#` and so on.
    fn raw(&mut self) {
        self.at += 1;
        let hashes = self.bytes[self.at..].iter().take_while(|&&byte| byte == b'#').count();
        self.at += hashes + 1;
        while self.at < self.bytes.len() {
            if self.bytes[self.at] == b'"'
                && self.bytes[self.at + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&byte| byte == b'#')
                    .count()
                    == hashes
            {
                self.at += 1 + hashes;
                return;
            }
            self.at += 1;
        }
    }

    fn value(&mut self, path: String) {
        self.skip_blank();
        let start = self.at;
        self.depth += 1;
        match self.peek() {
            None => {}
            Some(b'"') => self.quoted(),
            Some(b'r') if matches!(self.peek_at(1), Some(b'"' | b'#')) => self.raw(),
            Some(b'[') => {
                self.at += 1;
                self.sequence(&path, b']');
            }
            Some(b'(') => {
                self.at += 1;
                self.sequence(&path, b')');
            }
            Some(byte) if byte.is_ascii_alphabetic() || byte == b'_' => {
                self.identifier();
                self.skip_blank();
                if self.peek() == Some(b'(') && self.depth < 64 {
                    self.at += 1;
                    self.sequence(&path, b')');
                }
            }
            Some(_) => {
                while self.peek().is_some_and(|byte| !b",)]} \t\r\n".contains(&byte)) {
                    self.at += 1;
                }
            }
        }
        self.depth -= 1;
        if self.wanted == Some(path.as_str()) {
            self.found = true;
        }
        self.spans.entry(path).or_insert((start, self.at.min(self.bytes.len())));
    }

    /// The inside of `( ... )` or `[ ... ]`: named fields or positional items.
    fn sequence(&mut self, path: &str, close: u8) {
        let mut index = 0;
        while !self.found {
            self.skip_blank();
            match self.peek() {
                None => return,
                Some(byte) if byte == close => {
                    self.at += 1;
                    return;
                }
                Some(b',') => {
                    self.at += 1;
                    continue;
                }
                _ => {}
            }
            let before = self.at;
            let field = self.field_name();
            let key = match field {
                Some(name) => name,
                None => {
                    index += 1;
                    (index - 1).to_string()
                }
            };
            if self.depth < 64 {
                self.value(join(path, &key));
            }
            if self.at == before {
                // Something this scanner does not understand: step over it.
                self.at += 1;
            }
        }
    }

    /// `name:` at the cursor (consumed), or nothing (cursor unchanged).
    fn field_name(&mut self) -> Option<String> {
        let start = self.at;
        if !self
            .peek()
            .is_some_and(|byte| byte.is_ascii_alphabetic() || byte == b'_')
        {
            return None;
        }
        let name = self.identifier();
        self.skip_blank();
        if self.peek() == Some(b':') && self.peek_at(1) != Some(b':') {
            self.at += 1;
            Some(name)
        } else {
            self.at = start;
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_by_path() {
        let text = "Module(\n    id: \"x\",\n    sections: [\n        Section(title: \"A\", blocks: [Para(\"p\"), Bullets([\"a\", r#\"b\"#])]),\n    ],\n)";
        let locator = Locator::new(text);
        assert_eq!(locator.at("id"), Position { line: 2, column: 9 });
        assert_eq!(locator.at("sections.0.title"), Position { line: 4, column: 24 });
        assert_eq!(locator.at("sections.0.blocks.1.0.1"), Position { line: 4, column: 63 });
    }

    #[test]
    fn never_panics_on_unbalanced_text() {
        for text in ["(", "r#\"", "[a: (b", "\"\\", "/* /*", "Module(x: r##\"a\"#"] {
            let _ = Locator::new(text).at("x");
        }
    }
}
