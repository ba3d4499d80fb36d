//! Text made safe to print: course folders come from trainers and journals
//! are copied between machines, so any of their text may hold characters
//! that a terminal obeys rather than shows (an escape sequence can set the
//! window title, write to the clipboard or ask the terminal a question
//! whose answer arrives as if typed). Everything casebook prints passes
//! through here first.
//!
//! Neutralised: C0 controls other than tab and newline, DEL, C1 controls
//! (U+0080 to U+009F), carriage returns not followed by a newline, and the
//! bidirectional overrides and isolates (U+202A to U+202E, U+2066 to
//! U+2069), which can make a line read in a different order from the one
//! it is written in. In printed text each is shown as its code point, such
//! as `<U+001B>` for ESC; a carriage return before a newline is dropped.
//! Clean text, the common case, is returned as it is, without a copy.

use std::borrow::Cow;
use std::io::{self, Write};

/// Whether a terminal could act on `character` instead of showing it.
pub fn is_neutralised(character: char) -> bool {
    (character.is_control() && character != '\n' && character != '\t') || is_bidi_control(character)
}

/// The bidirectional embeddings, overrides and isolates.
pub fn is_bidi_control(character: char) -> bool {
    matches!(character, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters with no width that hide in text: zero-width space, non-joiner
/// and joiner, word joiner and the byte-order mark.
pub fn is_zero_width(character: char) -> bool {
    matches!(character, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Whether `text` holds a character that is neutralised or zero-width: the
/// same as testing each character, several times faster. `validate` runs it
/// over all of every course's text at each start-up, before the first
/// frame, so eight bytes are tested at once: only a word holding a byte
/// below 0x20 or from 0x7F up (a control, or the start of any non-ASCII
/// character) is looked at byte by byte. Ordinary text, line breaks apart,
/// has none.
pub fn holds_hidden_characters(text: &str) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let bytes = text.as_bytes();
    let at = |index: usize| bytes.get(index).copied().unwrap_or(0);
    let starts_one = |index: usize| match at(index) {
        b'\t' | b'\n' => false,
        0x00..=0x1f | 0x7f => true,
        0xc2 => (0x80..=0x9f).contains(&at(index + 1)),
        0xe2 => matches!(
            (at(index + 1), at(index + 2)),
            (0x80, 0x8b..=0x8d | 0xaa..=0xae) | (0x81, 0xa0 | 0xa6..=0xa9)
        ),
        0xef => at(index + 1) == 0xbb && at(index + 2) == 0xbf,
        _ => false,
    };
    bytes.chunks(8).enumerate().any(|(number, word)| {
        let start = number * 8;
        if let Ok(eight) = <[u8; 8]>::try_from(word) {
            let word = u64::from_ne_bytes(eight);
            // A byte below 0x20 borrows into its high bit; one from 0x7F up
            // has it set already or gains it by adding one.
            let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
            let from_delete = (word | word.wrapping_add(ONES)) & HIGH;
            if below_space | from_delete == 0 {
                return false;
            }
        }
        (start..start + word.len()).any(starts_one)
    })
}

/// `text` with every neutralised character shown as its code point, and
/// carriage returns before a newline dropped.
pub fn sanitise(text: &str) -> Cow<'_, str> {
    let Some(first) = text.find(is_neutralised) else {
        return Cow::Borrowed(text);
    };
    let mut shown = String::with_capacity(text.len() + 16);
    shown.push_str(&text[..first]);
    let mut rest = text[first..].chars().peekable();
    while let Some(character) = rest.next() {
        if character == '\r' && rest.peek() == Some(&'\n') {
            continue;
        }
        if is_neutralised(character) {
            shown.push_str(&shown_character(character));
        } else {
            shown.push(character);
        }
    }
    Cow::Owned(shown)
}

/// A path as [`sanitise`] shows text: a file name can hold anything but `/`.
pub fn path(path: &std::path::Path) -> String {
    sanitise(&path.display().to_string()).into_owned()
}

/// A screen cell's symbol with neutralised characters left out: a cell has
/// room for one character, not a code point's name. A symbol that was
/// nothing else becomes U+FFFD, so the cell still fills its column.
pub fn cell_symbol(symbol: &str) -> Cow<'_, str> {
    if !symbol.contains(is_neutralised) {
        return Cow::Borrowed(symbol);
    }
    let kept: String = symbol.chars().filter(|&character| !is_neutralised(character)).collect();
    if kept.is_empty() {
        Cow::Borrowed("\u{FFFD}")
    } else {
        Cow::Owned(kept)
    }
}

/// A writer that passes everything written through [`sanitise`]: wrap an
/// output stream in it and nothing written to it can reach the terminal
/// raw. Bytes that are not UTF-8 become U+FFFD (a lone byte 0x9B is a
/// control sequence to some terminals). A character or a CRLF split
/// between two writes is held until the next write or flush.
pub struct Writer<W: Write> {
    inner: W,
    /// The end of the last write: part of a character, or a carriage
    /// return that may be the start of a CRLF.
    pending: Vec<u8>,
}

impl<W: Write> Writer<W> {
    pub fn new(inner: W) -> Self {
        Writer {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes out what is pending; at the end, even an unfinished character.
    fn pass_on(&mut self, at_end: bool) -> io::Result<()> {
        let mut shown = String::new();
        let mut rest: &[u8] = &self.pending;
        loop {
            let (valid, problem) = match std::str::from_utf8(rest) {
                Ok(text) => (text, None),
                Err(error) => (
                    std::str::from_utf8(&rest[..error.valid_up_to()]).unwrap_or_default(),
                    Some(error.error_len()),
                ),
            };
            let complete = match problem {
                None if !at_end => valid.strip_suffix('\r').unwrap_or(valid),
                _ => valid,
            };
            shown.push_str(&sanitise(complete));
            rest = &rest[complete.len()..];
            match problem {
                // Not UTF-8: shown as such, and on past it.
                Some(Some(length)) => {
                    shown.push('\u{FFFD}');
                    rest = rest.get(length..).unwrap_or_default();
                }
                Some(None) if at_end => {
                    shown.push('\u{FFFD}');
                    rest = &[];
                    break;
                }
                _ => break,
            }
        }
        self.pending = rest.to_vec();
        self.inner.write_all(shown.as_bytes())
    }
}

impl<W: Write> Write for Writer<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        self.pass_on(false)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass_on(true)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Writer<W> {
    fn drop(&mut self) {
        if !self.pending.is_empty() {
            let _ = self.flush();
        }
    }
}

/// How a character a terminal would obey is shown instead: `<U+001B>`.
pub fn shown_character(character: char) -> String {
    format!("<U+{:04X}>", u32::from(character))
}

/// What an ASCII-only console shows for a symbol that is not ASCII: the
/// usual stand-in for punctuation, arrows and marks, else `?`. `None` when
/// the symbol is ASCII already, or two columns wide (its stand-in would
/// move everything after it).
pub fn ascii_stand_in(symbol: &str) -> Option<&'static str> {
    if symbol.is_ascii() || unicode_width::UnicodeWidthStr::width(symbol) != 1 {
        return None;
    }
    let mut characters = symbol.chars();
    let first = characters.next()?;
    Some(match first {
        // The separator between a footer's keys and a line's facts.
        '·' | '∙' => "|",
        '•' | '●' | '◦' => "*",
        '█' | '▓' | '▒' | '■' => "#",
        '░' | '□' => ".",
        '–' | '—' | '‒' | '―' | '−' | '─' | '━' => "-",
        '‘' | '’' | '‚' | '′' => "'",
        '“' | '”' | '„' | '″' => "\"",
        '…' => ".",
        '←' => "<",
        '→' | '▶' | '▸' | '›' => ">",
        '↑' => "^",
        '↓' => "v",
        '│' | '┃' | '▏' | '▎' | '▌' => "|",
        '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╰' | '╯' => "+",
        '\u{a0}' => " ",
        '£' => "L",
        _ if first.is_alphabetic() => match first {
            'à'..='å' | 'ā' => "a",
            'è'..='ë' | 'ē' => "e",
            'ì'..='ï' => "i",
            'ò'..='ö' | 'ø' => "o",
            'ù'..='ü' => "u",
            'ç' => "c",
            'ñ' => "n",
            'À'..='Å' => "A",
            'È'..='Ë' => "E",
            'Ì'..='Ï' => "I",
            'Ò'..='Ö' | 'Ø' => "O",
            'Ù'..='Ü' => "U",
            'Ç' => "C",
            'Ñ' => "N",
            _ => "?",
        },
        _ => "?",
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::io::Write;

    use proptest::prelude::*;

    use super::*;

    /// A C0 or C1 control other than tab and newline, or a bidi control.
    fn harmful(character: char) -> bool {
        is_neutralised(character)
    }

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        assert_eq!(
            sanitise("a\u{1b}]52;c;aGk=\u{7}b\u{1b}[6n\u{9b}c"),
            "a<U+001B>]52;c;aGk=<U+0007>b<U+001B>[6n<U+009B>c"
        );
        assert_eq!(sanitise("\u{202e}evil\u{2066}"), "<U+202E>evil<U+2066>");
        assert_eq!(sanitise("x\r\ny\rz\u{7f}"), "x\ny<U+000D>z<U+007F>");
        assert_eq!(sanitise("tab\tand\nnewline"), "tab\tand\nnewline");
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        for text in [
            "",
            "Croeso i'r cwrs: ŵ ŷ â",
            "café, naïve, Ærø",
            "👩‍⚕️ 👍🏽 ☀\u{fe0f}",
            "مرحبا بالعالم",
            "שלום",
            "漢字 — “quoted” ‘text’ …",
        ] {
            assert!(
                matches!(sanitise(text), Cow::Borrowed(same) if same == text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn cells_keep_their_width() {
        assert_eq!(cell_symbol("a"), "a");
        assert_eq!(cell_symbol("\u{1b}"), "\u{FFFD}");
        assert_eq!(cell_symbol("a\u{202e}"), "a");
        assert_eq!(cell_symbol("e\u{301}\u{9b}"), "e\u{301}");
    }

    #[test]
    fn the_writer_holds_split_characters_and_crlf_between_writes() {
        let mut out = Vec::new();
        {
            let mut writer = Writer::new(&mut out);
            let bytes = "é\u{9b}x\r\ny\u{1b}".as_bytes();
            for byte in bytes {
                writer.write_all(std::slice::from_ref(byte)).unwrap();
            }
            writer.write_all(b"\r").unwrap();
            writer.write_all(b"z\xff\x9b\xc2").unwrap();
            writer.flush().unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "é<U+009B>x\ny<U+001B><U+000D>z\u{FFFD}\u{FFFD}\u{FFFD}"
        );
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                any::<char>().prop_map(String::from),
                (0u32..0xA0).prop_map(|code| char::from_u32(code).unwrap_or('?').to_string()),
                Just("\r\n".to_owned()),
                Just("\u{202e}".to_owned()),
                Just("\u{2067}".to_owned()),
                Just("\u{1b}]52;c;aGk=\u{7}".to_owned()),
            ],
            0..30,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn output_never_holds_a_control_but_tab_and_newline(text in any_text()) {
            let shown = sanitise(&text);
            prop_assert!(!shown.chars().any(harmful), "{:?}", shown);
            prop_assert_eq!(sanitise(&shown), shown.clone(), "shown text is already clean");
        }

        #[test]
        fn clean_text_is_unchanged(text in any_text()) {
            let clean: String = text.chars().filter(|&character| !harmful(character)).collect();
            prop_assert!(matches!(sanitise(&clean), Cow::Borrowed(same) if same == clean));
        }

        #[test]
        fn the_byte_scan_finds_what_a_character_scan_finds(
            text in any_text(),
            extra in prop::sample::select(vec!["", "\u{200b}", "\u{200d}", "\u{2060}", "\u{feff}", "’—“", "\u{2065}", "\u{206a}"]),
        ) {
            let text = format!("{text}{extra}");
            let by_character = text.contains(|character| is_neutralised(character) || is_zero_width(character));
            prop_assert_eq!(holds_hidden_characters(&text), by_character);
        }

        #[test]
        fn cells_never_hold_a_control(text in any_text()) {
            prop_assert!(!cell_symbol(&text).chars().any(harmful));
        }

        #[test]
        fn the_writer_shows_the_same_as_sanitise_however_it_is_split(
            text in any_text(),
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..5),
        ) {
            let bytes = text.as_bytes();
            let mut cuts: Vec<usize> = cuts.iter().map(|cut| cut.index(bytes.len() + 1)).collect();
            cuts.sort_unstable();
            let mut out = Vec::new();
            {
                let mut writer = Writer::new(&mut out);
                let mut start = 0;
                for cut in cuts.into_iter().chain([bytes.len()]) {
                    writer.write_all(&bytes[start..cut]).unwrap();
                    start = cut;
                }
                writer.flush().unwrap();
            }
            prop_assert_eq!(String::from_utf8(out).unwrap(), sanitise(&text).into_owned());
        }
    }
}
