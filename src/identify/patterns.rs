//! Regular expressions, compiled once on first use. A pattern that failed to
//! compile finds nothing rather than stopping casebook; a test makes sure
//! every one compiles.

use regex::{Captures, Regex};
use std::sync::LazyLock;

/// A pattern compiled on first use; `None` if it did not compile.
pub(super) type Pattern = LazyLock<Option<Regex>>;

/// Declares a [`Pattern`] static.
macro_rules! pattern {
    ($(#[$meta:meta])* $name:ident, $source:expr) => {
        $(#[$meta])*
        static $name: $crate::identify::patterns::Pattern =
            ::std::sync::LazyLock::new(|| ::regex::Regex::new($source).ok());
    };
}
pub(super) use pattern;

/// Each match of `pattern` in `text`, with its groups.
pub(super) fn captures<'t>(pattern: &'static Pattern, text: &'t str) -> impl Iterator<Item = Captures<'t>> {
    pattern
        .as_ref()
        .into_iter()
        .flat_map(move |regex| regex.captures_iter(text))
}

/// The span of a capture group.
pub(super) fn span(captures: &Captures<'_>, group: usize) -> Option<(usize, usize)> {
    captures.get(group).map(|found| (found.start(), found.end()))
}

/// Whether every pattern compiled (for the tests).
#[cfg(test)]
pub(super) fn all_compile(patterns: &[&'static Pattern]) -> bool {
    patterns.iter().all(|pattern| pattern.is_some())
}

/// The character before a byte offset, if any.
pub(super) fn before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|head| head.chars().next_back())
}

/// The character at a byte offset, if any.
pub(super) fn after(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|tail| tail.chars().next())
}
