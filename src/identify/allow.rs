//! What the check never flags: the guide's own text and its fictional case
//! names, the learner's and reviewer's own names, and findings the learner
//! marked "not identifying" (remembered by a digest of the words and the
//! sentence around them, so a mark lapses when that sentence changes).

use super::{Finding, Kind};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashSet;

/// Words never flagged.
#[derive(Debug, Clone, Default)]
pub struct Allow {
    /// Name words, lower case: "tim", "sophie", the learner's "okafor".
    names: HashSet<String>,
    /// Whole findings' words, lower case with single spaces.
    words: HashSet<String>,
    /// Findings marked "not identifying", each in its sentence.
    marks: HashSet<Mark>,
}

/// A finding the learner marked "not identifying": its kind, and a digest of
/// its words and the sentence they sit in. Plain data, kept with the
/// learner's reflections; the words themselves are not kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mark {
    pub kind: Kind,
    /// SHA-256 of the words and their sentence, first 16 bytes in hex.
    pub digest: String,
}

impl Allow {
    pub fn new() -> Self {
        Self::default()
    }

    /// A person's name whose words are never flagged as a name: the
    /// learner's or reviewer's own ("Amara Okafor"), or a case's ("Tim").
    pub fn add_name(&mut self, name: &str) {
        for word in name_words(name) {
            self.names.insert(word.to_lowercase());
        }
    }

    /// Exact words never flagged, wherever they appear ("Oakfield Academy"
    /// when the learner's own workplace is meant to be named).
    pub fn add_words(&mut self, words: &str) {
        self.words.insert(normalised(words));
    }

    /// The guide's own text: whatever the check would flag in it is never
    /// flagged, so a learner quoting the guide is not stopped.
    pub fn add_course_text(&mut self, text: &str) {
        for finding in super::raw(text) {
            self.words.insert(normalised(&finding.words));
        }
    }

    /// A finding the learner marked "not identifying".
    pub fn add_mark(&mut self, mark: Mark) {
        self.marks.insert(mark);
    }

    pub fn marks(&self) -> impl Iterator<Item = &Mark> {
        self.marks.iter()
    }

    /// Whether `finding`, found in `text`, is excused.
    pub(super) fn excuses(&self, text: &str, finding: &Finding) -> bool {
        if self.words.contains(&normalised(&finding.words)) {
            return true;
        }
        let person = matches!(finding.kind, Kind::GivenName | Kind::TitleAndName | Kind::AgeWithName);
        if person && !self.names.is_empty() {
            let words = name_words(&finding.words);
            if !words.is_empty() && words.iter().all(|word| self.names.contains(&word.to_lowercase())) {
                return true;
            }
        }
        !self.marks.is_empty() && self.marks.contains(&mark(text, finding))
    }
}

/// The mark that remembers `finding` in `text` as "not identifying".
pub fn mark(text: &str, finding: &Finding) -> Mark {
    let (start, end) = sentence_around(text, finding.start, finding.end);
    let mut hasher = Sha256::new();
    hasher.update(finding.kind.label().as_bytes());
    hasher.update([0]);
    hasher.update(normalised(&finding.words).as_bytes());
    hasher.update([0]);
    hasher.update(normalised(text.get(start..end).unwrap_or("")).as_bytes());
    let digest = hasher.finalize();
    let hex = digest.iter().take(16).map(|byte| format!("{byte:02x}")).collect();
    Mark {
        kind: finding.kind,
        digest: hex,
    }
}

/// The byte span of the sentence around `start..end`: from after the last
/// full stop, question or exclamation mark (followed by white space) or
/// blank line before it, to the next after it. A single line break is not
/// an end, so the same text wrapped another way is the same sentence.
pub fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let start = start.min(bytes.len());
    let end = end.clamp(start, bytes.len());
    let white = |at: usize| matches!(bytes.get(at), Some(b' ' | b'\n' | b'\t' | b'\r') | None);
    let stop = |at: usize| matches!(bytes.get(at), Some(b'.' | b'!' | b'?')) && white(at + 1);
    let blank = |at: usize| bytes.get(at) == Some(&b'\n') && bytes.get(at + 1) == Some(&b'\n');
    let mut from = start;
    while from > 0 && !stop(from - 1) && !blank(from - 1) {
        from -= 1;
    }
    let mut to = end;
    while to < bytes.len() && !blank(to) {
        to += 1;
        if stop(to - 1) {
            break;
        }
    }
    // The stops and line breaks are ASCII, so both ends fall between characters.
    (from, to)
}

/// Lower case, single spaces: a re-wrapped line is the same words.
fn normalised(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The capitalised words of a name, possessives left off: "Mr Jones's" gives
/// "Jones"; titles are not names.
fn name_words(name: &str) -> Vec<&str> {
    const TITLES: &[&str] = &[
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Mx",
        "Dr",
        "Prof",
        "Sir",
        "Dame",
        "PC",
        "DC",
        "DS",
        "DI",
        "DCI",
        "Sgt",
        "Sergeant",
        "Constable",
        "Judge",
        "Cllr",
        "Councillor",
        "Rev",
        "Revd",
        "aged",
        "age",
        "is",
        "was",
    ];
    name.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '-'))
        .map(|word| {
            word.trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_matches(['\'', '’', '-'])
        })
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .filter(|word| !TITLES.contains(&word.trim_end_matches('.')))
        .collect()
}
