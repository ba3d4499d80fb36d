//! A module section laid out as wrapped lines of text, shared by the
//! full-screen reader (which styles each line by its kind) and the plain
//! line-by-line mode (which prints them as they are).

use crate::content::{Block, Module, model::footnote_marks};

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

fn wrap_into(out: &mut Vec<DocLine>, kind: LineKind, text: &str, width: usize, first: &str, rest: &str) {
    let options = textwrap::Options::new(width.max(first.chars().count() + 8))
        .initial_indent(first)
        .subsequent_indent(rest);
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
    let mut out = Vec::new();
    let Some(section) = module.sections.get(section_index) else {
        return out;
    };
    let mut referenced: Vec<String> = Vec::new();
    for block in &section.blocks {
        for text in block.texts() {
            for (_, mark) in footnote_marks(text) {
                if !referenced.iter().any(|seen| seen == mark) {
                    referenced.push(mark.to_owned());
                }
            }
        }
        match block {
            Block::Heading(text) => wrap_into(&mut out, LineKind::Heading, text, width, "", ""),
            Block::Lead(text) => wrap_into(&mut out, LineKind::Lead, text, width, "", ""),
            Block::Para(text) => wrap_into(&mut out, LineKind::Para, text, width, "", ""),
            Block::Quote(text) => {
                let mark = format!("  {}", marks.quote);
                wrap_into(&mut out, LineKind::Quote, text, width, &mark, &mark);
            }
            Block::Bullets(items) => {
                let first = format!("  {}", marks.bullet);
                let rest = " ".repeat(first.chars().count());
                for item in items {
                    wrap_into(&mut out, LineKind::Item, item, width, &first, &rest);
                }
            }
            Block::Numbered(items) => {
                let digits = items.len().to_string().len();
                for (number, item) in items.iter().enumerate() {
                    let first = format!("  {:>digits$}. ", number + 1);
                    let rest = " ".repeat(first.chars().count());
                    wrap_into(&mut out, LineKind::Item, item, width, &first, &rest);
                }
            }
        }
        blank(&mut out);
    }
    for question in &section.questions {
        for text in std::iter::once(&question.text).chain(question.hint.as_ref()) {
            for (_, mark) in footnote_marks(text) {
                if !referenced.iter().any(|seen| seen == mark) {
                    referenced.push(mark.to_owned());
                }
            }
        }
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
            wrap_into(&mut out, LineKind::Note, &note.text, width, &first, &rest);
        }
        blank(&mut out);
    }
    while out.last().is_some_and(|line| line.kind == LineKind::Blank) {
        out.pop();
    }
    out
}

/// Words in a reflection, as a word processor counts them.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}
