//! Wrapped lines remembered between frames. The question above the answer
//! box, and the list of a section's questions, are laid out again for every
//! frame while the learner types under them; wrapping them (textwrap's
//! optimal fit, with Unicode line breaking) was two fifths of a typed key's
//! work. The lines are exactly `textwrap::wrap`'s.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Text, width, first line's indent, other lines' indent.
type Key = (String, usize, String, String);

/// Enough for every question and hint of several sections, at two widths,
/// so that the memo is rarely emptied (then everything on screen is
/// wrapped again for one frame).
const KEPT: usize = 256;

thread_local! {
    static WRAPPED: RefCell<HashMap<Key, Rc<Vec<String>>>> = RefCell::new(HashMap::new());
}

/// `text` wrapped to `width` columns, its first line indented by `first`
/// and the rest by `rest`.
pub(crate) fn wrapped(text: &str, width: usize, first: &str, rest: &str) -> Rc<Vec<String>> {
    let key = (text.to_owned(), width, first.to_owned(), rest.to_owned());
    if let Some(lines) = WRAPPED.with(|kept| kept.borrow().get(&key).cloned()) {
        return lines;
    }
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest);
    let lines: Rc<Vec<String>> = Rc::new(
        textwrap::wrap(text, options)
            .into_iter()
            .map(std::borrow::Cow::into_owned)
            .collect(),
    );
    WRAPPED.with(|kept| {
        let mut kept = kept.borrow_mut();
        if kept.len() >= KEPT {
            kept.clear();
        }
        kept.insert(key, lines.clone());
    });
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_are_textwraps_own_the_first_time_and_every_time_after() {
        let text = "How can you develop further your understanding of assessing for desistance? (answered)";
        for width in [12, 40, 78] {
            let options = textwrap::Options::new(width)
                .initial_indent("2. ● ")
                .subsequent_indent("     ");
            let expected: Vec<String> = textwrap::wrap(text, options).into_iter().map(Into::into).collect();
            for _ in 0..2 {
                assert_eq!(*wrapped(text, width, "2. ● ", "     "), expected, "width {width}");
            }
        }
    }
}
