//! A module section laid out as wrapped lines of text, shared by the
//! full-screen reader (which styles each line by its kind) and the plain
//! line-by-line mode (which prints them as they are).

use crate::content::{Block, Module, Section, model::footnote_marks};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Heading,
    Lead,
    Para,
    Quote,
    Item,
    NoteHeading,
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub kind: LineKind,
    pub text: String,
}

/// How quotes are marked: a bar in the tutor, `>` in plain text.
#[derive(Debug, Clone, Copy)]
pub struct Marks {
    pub quote: &'static str,
    pub bullet: &'static str,
}

pub const SCREEN_MARKS: Marks = Marks {
    quote: "│ ",
    bullet: "• ",
};
pub const PLAIN_MARKS: Marks = Marks {
    quote: "> ",
    bullet: "- ",
};

/// Where a word may be split at the end of a line: after a hyphen it
/// already has, between letters, but never inside a web or email address,
/// where a line break would make the copied address a broken one.
fn split_points(word: &str) -> Vec<usize> {
    if word.contains("://") || word.starts_with("www.") || word.contains('@') {
        return Vec::new();
    }
    let characters: Vec<(usize, char)> = word.char_indices().collect();
    characters
        .windows(3)
        .filter(|window| window[1].1 == '-' && window[0].1.is_alphanumeric() && window[2].1.is_alphanumeric())
        .map(|window| window[2].0)
        .collect()
}

fn wrap_into(out: &mut Vec<DocLine>, kind: LineKind, text: &str, width: usize, first: &str, rest: &str) {
    let options = textwrap::Options::new(width.max(first.chars().count() + 8))
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::Custom(split_points));
    for line in textwrap::wrap(text, options) {
        out.push(DocLine {
            kind,
            text: line.into_owned(),
        });
    }
}

fn blank(out: &mut Vec<DocLine>) {
    out.push(DocLine {
        kind: LineKind::Blank,
        text: String::new(),
    });
}

/// The section's blocks, then the notes it references, wrapped to `width`.
pub fn section_lines(module: &Module, section_index: usize, width: usize, marks: Marks) -> Vec<DocLine> {
    let mut layout = SectionLayout::default();
    layout.extend_to(module, section_index, width, marks, usize::MAX);
    layout.lines
}

/// A section wrapped only as far as has been asked: the first screen needs
/// its first lines, not the whole section (wrapping is most of the work of
/// opening one). What it holds is always the start of `section_lines`.
#[derive(Debug, Default)]
pub struct SectionLayout {
    pub lines: Vec<DocLine>,
    /// Blocks wrapped so far, and items of the next one when it is a list.
    blocks_done: usize,
    items_done: usize,
    /// Footnote marks in the blocks so far, in order of first use.
    referenced: Vec<String>,
    complete: bool,
}

impl SectionLayout {
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// Wraps whole blocks until there are at least `wanted` lines, or the
    /// section (with its notes) is done.
    pub fn extend_to(&mut self, module: &Module, section_index: usize, width: usize, marks: Marks, wanted: usize) {
        let Some(section) = module.sections.get(section_index) else {
            self.complete = true;
            return;
        };
        let out = &mut self.lines;
        while !self.complete && out.len() < wanted {
            let Some(block) = section.blocks.get(self.blocks_done) else {
                // The notes and the last trimming come with the last block,
                // so that what is held is always the start of the whole.
                finish(module, section, width, &mut self.referenced, out);
                self.complete = true;
                break;
            };
            if self.items_done == 0 {
                note_marks(block.texts(), &mut self.referenced);
            }
            match block {
                Block::Heading(text) => wrap_into(out, LineKind::Heading, text, width, "", ""),
                Block::Lead(text) => wrap_into(out, LineKind::Lead, text, width, "", ""),
                Block::Para(text) => wrap_into(out, LineKind::Para, text, width, "", ""),
                Block::Quote(text) => {
                    let mark = format!("  {}", marks.quote);
                    wrap_into(out, LineKind::Quote, text, width, &mark, &mark);
                }
                Block::Bullets(items) | Block::Numbered(items) => {
                    // A long list is wrapped an item at a time.
                    let digits = items.len().to_string().len();
                    while let Some(item) = items.get(self.items_done) {
                        let first = match block {
                            Block::Numbered(_) => format!("  {:>digits$}. ", self.items_done + 1),
                            _ => format!("  {}", marks.bullet),
                        };
                        let rest = " ".repeat(first.chars().count());
                        wrap_into(out, LineKind::Item, item, width, &first, &rest);
                        self.items_done += 1;
                        if out.len() >= wanted && self.items_done < items.len() {
                            return;
                        }
                    }
                }
            }
            self.items_done = 0;
            self.blocks_done += 1;
            // Between two paragraphs of one inspector's quote the bar goes on.
            let quote_goes_on = matches!(block, Block::Quote(_))
                && matches!(section.blocks.get(self.blocks_done), Some(Block::Quote(_)));
            if quote_goes_on {
                out.push(DocLine {
                    kind: LineKind::Quote,
                    text: format!("  {}", marks.quote).trim_end().to_owned(),
                });
            } else {
                blank(out);
            }
            if self.blocks_done == section.blocks.len() {
                finish(module, section, width, &mut self.referenced, out);
                self.complete = true;
            }
        }
    }
}

fn note_marks<'a>(texts: impl IntoIterator<Item = &'a String>, referenced: &mut Vec<String>) {
    for text in texts {
        for (_, mark) in footnote_marks(text) {
            if !referenced.iter().any(|seen| seen == mark) {
                referenced.push(mark.to_owned());
            }
        }
    }
}

/// After the last block: the notes that the section and its questions
/// reference, and no blank lines at the end.
fn finish(module: &Module, section: &Section, width: usize, referenced: &mut Vec<String>, out: &mut Vec<DocLine>) {
    for question in &section.questions {
        note_marks(
            std::iter::once(&question.text).chain(question.hint.as_ref()),
            referenced,
        );
    }
    let notes: Vec<_> = referenced.iter().filter_map(|mark| module.note(mark)).collect();
    if !notes.is_empty() {
        out.push(DocLine {
            kind: LineKind::NoteHeading,
            text: crate::text::NOTES_HEADING.to_owned(),
        });
        for note in notes {
            let first = format!("[{}] ", note.mark);
            let rest = " ".repeat(first.chars().count());
            wrap_into(out, LineKind::Note, &note.text, width, &first, &rest);
        }
        blank(out);
    }
    while out.last().is_some_and(|line| line.kind == LineKind::Blank) {
        out.pop();
    }
}

/// Words in a reflection, as a word processor counts them.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// A footnote's address is never split at one of its hyphens (copied,
    /// it would lead nowhere); an ordinary hyphenated word still may be.
    #[test]
    fn an_address_is_never_split_at_a_hyphen() {
        let mut out = Vec::new();
        let url = "https://www.gov.uk/government/statistics/assessing-the-needs-of-sentenced-children";
        wrap_into(&mut out, LineKind::Note, &format!("Available at: {url}"), 60, "", "");
        let joined: Vec<&str> = out.iter().map(|line| line.text.as_str()).collect();
        assert!(
            joined.iter().all(|line| !line.ends_with('-')),
            "no line ends at a hyphen of the address: {joined:?}"
        );
        assert_eq!(split_points("well-being"), vec![5]);
        assert!(split_points(url).is_empty());
    }

    /// The quote bar runs down the blank line between a quote's paragraphs.
    #[test]
    fn consecutive_quotes_keep_their_bar_between_paragraphs() {
        let library = crate::content::load_library(None, &[]);
        let module = library
            .courses
            .iter()
            .flat_map(|course| course.modules.iter())
            .find(|module| module.id == "child-safety-assessing")
            .unwrap();
        let section = module
            .sections
            .iter()
            .position(|section| {
                section
                    .blocks
                    .windows(2)
                    .any(|pair| matches!(pair, [Block::Quote(_), Block::Quote(_)]))
            })
            .unwrap();
        let lines = section_lines(module, section, 78, SCREEN_MARKS);
        for pair in lines.windows(3) {
            if pair[0].kind == LineKind::Quote && pair[2].kind == LineKind::Quote {
                assert_ne!(
                    pair[1].kind,
                    LineKind::Blank,
                    "a quote's bar stops mid-quote: {lines:?}"
                );
            }
        }
        assert!(
            lines
                .iter()
                .any(|line| line.kind == LineKind::Quote && line.text.trim() == "│")
        );
    }

    /// Wrapped a little at a time, in any steps, a section is always the
    /// start of the whole, and is the whole once complete.
    #[test]
    fn a_section_wrapped_in_steps_is_the_start_of_the_whole() {
        let library = crate::content::load_library(None, &[]);
        let mut checked = 0;
        for course in &library.courses {
            for module in &course.modules {
                for section in 0..module.sections.len() {
                    for width in [24, 78, 88] {
                        let whole = section_lines(module, section, width, SCREEN_MARKS);
                        for steps in [&[0usize, 1, 5, 20, 40][..], &[3, 3, 7], &[usize::MAX]] {
                            let mut layout = SectionLayout::default();
                            for &wanted in steps {
                                layout.extend_to(module, section, width, SCREEN_MARKS, wanted);
                                let held = layout.lines.len();
                                assert!(
                                    held >= wanted.min(whole.len()),
                                    "{} {section}: {held} < {wanted}",
                                    module.id
                                );
                                assert_eq!(layout.lines[..], whole[..held], "{} {section} at {width}", module.id);
                                assert!(!layout.is_complete() || held == whole.len(), "{} {section}", module.id);
                            }
                            layout.extend_to(module, section, width, SCREEN_MARKS, usize::MAX);
                            assert!(layout.is_complete());
                            assert_eq!(layout.lines, whole);
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 100);
    }
}
