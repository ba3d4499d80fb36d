//! Raw serde shapes -> checked model types, enforcing every rule of the
//! module format and reporting each broken rule at its line and column.
//! All problems in a file are collected, not just the first.

use std::collections::HashMap;

use ron::extensions::Extensions;
use unicode_segmentation::UnicodeSegmentation;

use crate::sanitise;

use super::diagnostic::{Diagnostic, Severity};
use super::locate::{Locator, Position, first_position, position_of};
use super::model::{Area, Block, Course, Module, Note, Origin, Question, Section, Stage, footnote_marks};
use super::raw::{RawBlock, RawCourse, RawModule};

/// Collects the problems found in one file.
pub struct Report<'d> {
    pub file: String,
    pub diagnostics: &'d mut Vec<Diagnostic>,
}

impl Report<'_> {
    pub fn push(&mut self, at: Position, severity: Severity, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            file: self.file.clone(),
            line: at.line,
            column: at.column,
            severity,
            message: message.into(),
        });
    }

    pub fn error(&mut self, at: Position, message: impl Into<String>) {
        self.push(at, Severity::Error, message);
    }

    fn warning(&mut self, at: Position, message: impl Into<String>) {
        self.push(at, Severity::Warning, message);
    }
}

/// The bytes of a content file as text, or an error at the first byte that
/// is not UTF-8.
pub fn decode<'b>(bytes: &'b [u8], report: &mut Report) -> Option<&'b str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.trim_start_matches('\u{feff}')),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let at = position_of(std::str::from_utf8(valid).unwrap_or_default(), valid.len());
            report.error(at, "the file is not UTF-8 text; save it as UTF-8 (most editors offer this under \"Save as\" or \"Encoding\")");
            None
        }
    }
}

pub(crate) fn parse<T: serde::de::DeserializeOwned>(text: &str, report: &mut Report) -> Option<T> {
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    match options.from_str::<T>(text) {
        Ok(value) => Some(value),
        Err(error) => {
            let at = next_visible(text, error.span.start.line, error.span.start.col);
            report.error(at, describe_ron_error(&error.code));
            None
        }
    }
}

/// ron reports some errors at the blank before the offending value; point
/// at the value itself.
fn next_visible(text: &str, line: usize, column: usize) -> Position {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = text.get(line_start..).unwrap_or("");
    let offset = line_start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(at, _)| at);
    let skipped = text
        .get(offset..)
        .unwrap_or("")
        .find(|c: char| !c.is_whitespace())
        .unwrap_or(0);
    position_of(text, offset + skipped)
}

fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// ron's error, said plainly for a module author.
fn describe_ron_error(error: &ron::Error) -> String {
    use ron::Error as E;
    let place = |outer: &Option<String>| outer.as_ref().map(|name| format!(" in {name}")).unwrap_or_default();
    match error {
        E::NoSuchStructField { expected, found, outer } => {
            format!(
                "unknown field \"{found}\"{}, expected one of {}",
                place(outer),
                quoted_list(expected)
            )
        }
        E::MissingStructField { field, outer } => format!("missing field \"{field}\"{}", place(outer)),
        E::DuplicateStructField { field, outer } => format!("field \"{field}\" is given twice{}", place(outer)),
        E::NoSuchEnumVariant { expected, found, .. } => {
            format!("unknown block \"{found}\", expected one of {}", expected.join(", "))
        }
        E::ExpectedDifferentStructName { expected, found } => format!("expected {expected}(...), found {found}(...)"),
        E::ExpectedNamedStructLike(name) => format!("expected {name}(...)"),
        E::Eof => "the file ends too early: a bracket, parenthesis or quote is not closed".to_owned(),
        E::ExpectedString | E::ExpectedStringEnd => "expected text in double quotes, like \"...\"".to_owned(),
        E::ExpectedInteger => "expected a whole number".to_owned(),
        E::IntegerOutOfBounds => "this number is too large".to_owned(),
        E::ExpectedArray => "expected a list in square brackets, like [\"...\", \"...\"]".to_owned(),
        E::ExpectedComma => "expected a comma between two items".to_owned(),
        E::InvalidValueForType { expected, found } => format!("expected {expected}, found {found}"),
        E::TrailingCharacters => "unexpected text after the end of the file's main value".to_owned(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            chars
                .next()
                .map_or(text.clone(), |first| first.to_lowercase().chain(chars).collect())
        }
    }
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

// Paths are built only when a rule is broken: checking the shipped course
// runs before the first frame, and most checks pass.
fn check_id(report: &mut Report, locator: &Locator, path: impl FnOnce() -> String, what: &str, id: &str) {
    if !is_valid_id(id) {
        report.error(
            locator.at(&path()),
            format!("{what} id \"{id}\" may only use lowercase letters, digits and hyphens (for example \"child-safety-assessing\")"),
        );
    }
}

/// A course's id names its journal folder and a module's its journal file:
/// a name Windows keeps for a device could never be saved there.
fn check_file_name_id(report: &mut Report, locator: &Locator, what: &str, id: &str) {
    if crate::folder::is_windows_device_name(id) {
        report.error(locator.at("id"), crate::text::id_is_windows_device(what, id));
    }
}

fn check_text(report: &mut Report, locator: &Locator, path: impl FnOnce() -> String, what: &str, text: &str) {
    let empty = text.trim().is_empty();
    let suspect = sanitise::holds_hidden_characters(text);
    if !empty && !suspect {
        return;
    }
    let path = path();
    if empty {
        report.error(locator.at(&path), format!("empty {what}"));
    }
    if suspect {
        check_characters(report, locator, &path, what, text);
    }
}

/// Whether a character in course text is refused (an error: a terminal
/// could obey it, or it reorders the line) or questioned (a warning: it is
/// invisible). A carriage return before a newline is a line ending.
fn character_problem(character: char) -> Option<Severity> {
    if sanitise::is_neutralised(character) {
        Some(Severity::Error)
    } else if sanitise::is_zero_width(character) {
        Some(Severity::Warning)
    } else {
        None
    }
}

/// The characters of `text` that `character_problem` finds, but for a
/// carriage return ending a line and a zero-width joiner inside an emoji
/// (both are part of a larger character, as the screen shows it).
fn problem_characters(text: &str) -> impl Iterator<Item = (usize, char, Severity)> + '_ {
    text.grapheme_indices(true).flat_map(|(start, grapheme)| {
        let last = grapheme.char_indices().last().map_or(0, |(offset, _)| offset);
        grapheme.char_indices().filter_map(move |(offset, character)| {
            let joined = offset < last && matches!(character, '\r' | '\u{200d}');
            let severity = character_problem(character).filter(|_| !joined)?;
            Some((start + offset, character, severity))
        })
    })
}

/// Reports each control character, bidirectional control and invisible
/// character in the value at `path`: where it is written, or at the start
/// of the value when it is written as an escape (`\u{1b}`).
fn check_characters(report: &mut Report, locator: &Locator, path: &str, what: &str, text: &str) {
    let mut escaped: Vec<(char, Severity)> = problem_characters(text)
        .map(|(_, character, severity)| (character, severity))
        .collect();
    if let Some((start, written)) = locator.written(path) {
        for (offset, character, severity) in problem_characters(written) {
            if let Some(index) = escaped.iter().position(|&(other, _)| other == character) {
                escaped.remove(index);
            }
            report.push(
                locator.position(start + offset),
                severity,
                crate::text::content_character(
                    character,
                    what,
                    false,
                    crate::sanitise::is_bidi_control(character),
                    crate::sanitise::is_neutralised(character),
                ),
            );
        }
    }
    for (character, severity) in escaped {
        report.push(
            locator.at(path),
            severity,
            crate::text::content_character(
                character,
                what,
                true,
                crate::sanitise::is_bidi_control(character),
                crate::sanitise::is_neutralised(character),
            ),
        );
    }
}

/// A course header: `course.ron` without its modules.
pub struct CourseHeader {
    pub course: Course,
    /// Where the course's id is written, for duplicate-id messages.
    pub id_at: Position,
}

/// The parsed form of a shipped file, made by build.rs from the same text.
fn pre_parsed<T: serde::de::DeserializeOwned>(parsed: Option<&[u8]>) -> Option<T> {
    postcard::from_bytes(parsed?).ok()
}

/// Checks `course.ron`; `parsed` is its build-time parse, when shipped.
pub fn course_from_text(
    text: &str,
    parsed: Option<&[u8]>,
    origin: Origin,
    report: &mut Report,
) -> Option<CourseHeader> {
    let raw: RawCourse = match pre_parsed(parsed) {
        Some(raw) => raw,
        None => parse(text, report)?,
    };
    let locator = Locator::new(text);
    let errors_before = report.diagnostics.iter().filter(|d| d.is_error()).count();
    check_id(report, &locator, || "id".into(), "course", &raw.id);
    check_file_name_id(report, &locator, "course", &raw.id);
    check_text(report, &locator, || "title".into(), "title", &raw.title);
    for (field, value) in [
        ("publisher", &raw.publisher),
        ("published", &raw.published),
        ("licence", &raw.licence),
        ("attribution", &raw.attribution),
    ] {
        if let Some(value) = value {
            check_text(report, &locator, || field.into(), field, value);
        }
    }
    let mut seen: HashMap<&str, String> = HashMap::new();
    let named = (raw.areas.iter().map(|area| (&area.id, &area.title)).enumerate())
        .map(|(index, (id, title))| ("areas", "area", index, id, title))
        .chain(
            (raw.stages.iter().map(|stage| (&stage.id, &stage.title)).enumerate())
                .map(|(index, (id, title))| ("stages", "stage", index, id, title)),
        );
    for (list, what, index, id, title) in named {
        let id_path = || format!("{list}.{index}.id");
        check_id(report, &locator, id_path, what, id);
        check_text(
            report,
            &locator,
            || format!("{list}.{index}.title"),
            &format!("{what} title"),
            title,
        );
        if let Some(first) = seen.get(id.as_str()) {
            let first_line = locator.at(first).line;
            report.error(
                locator.at(&id_path()),
                format!("id \"{id}\" is used twice in this course (first at line {first_line})"),
            );
        } else {
            seen.insert(id, id_path());
        }
    }
    if report.diagnostics.iter().filter(|d| d.is_error()).count() > errors_before {
        return None;
    }
    Some(CourseHeader {
        id_at: first_position(text, "id"),
        course: Course {
            id: raw.id,
            title: raw.title,
            publisher: raw.publisher,
            published: raw.published,
            licence: raw.licence,
            attribution: raw.attribution,
            areas: raw
                .areas
                .into_iter()
                .map(|area| Area {
                    id: area.id,
                    title: area.title,
                })
                .collect(),
            stages: raw
                .stages
                .into_iter()
                .map(|stage| Stage {
                    id: stage.id,
                    title: stage.title,
                })
                .collect(),
            modules: Vec::new(),
            origin,
        },
    })
}

/// A checked module and where its id is written.
pub struct CheckedModule {
    pub module: Module,
    pub id_at: Position,
}

/// Parses and checks one module file against its course (when known).
pub fn module_from_text(
    text: &str,
    parsed: Option<&[u8]>,
    course: Option<&Course>,
    report: &mut Report,
) -> Option<CheckedModule> {
    let raw: RawModule = match pre_parsed(parsed) {
        Some(raw) => raw,
        None => parse(text, report)?,
    };
    let locator = Locator::new(text);
    let errors_before = report.diagnostics.iter().filter(|d| d.is_error()).count();

    check_id(report, &locator, || "id".into(), "module", &raw.id);
    check_file_name_id(report, &locator, "module", &raw.id);
    check_text(report, &locator, || "title".into(), "title", &raw.title);
    if let Some(subtitle) = &raw.subtitle {
        check_text(report, &locator, || "subtitle".into(), "subtitle", subtitle);
    }
    if let Some(course) = course {
        let area_ids: Vec<&str> = course.areas.iter().map(|area| area.id.as_str()).collect();
        let stage_ids: Vec<&str> = course.stages.iter().map(|stage| stage.id.as_str()).collect();
        for (field, value, known) in [("area", &raw.area, &area_ids), ("stage", &raw.stage, &stage_ids)] {
            if let Some(value) = value
                && !known.contains(&value.as_str())
            {
                let expected = if known.is_empty() {
                    "none are declared in course.ron".to_owned()
                } else {
                    format!("expected one of {}", quoted_list(known))
                };
                report.error(locator.at(field), format!("unknown {field} \"{value}\", {expected}"));
            }
        }
    }
    if raw.sections.is_empty() {
        report.error(locator.at("sections"), "a module needs at least one section");
    }
    check_sections(&raw, &locator, report);
    check_notes(&raw, &locator, report);
    if report.diagnostics.iter().filter(|d| d.is_error()).count() > errors_before {
        return None;
    }
    Some(CheckedModule {
        id_at: first_position(text, "id"),
        module: checked_module(raw, report.file.clone()),
    })
}

/// Every footnote mark in `text` must have a note; `path` (built only on a
/// problem) says where `text` is.
fn check_references(raw: &RawModule, locator: &Locator, report: &mut Report, path: &dyn Fn() -> String, text: &str) {
    for (_, mark) in footnote_marks(text) {
        let defined = raw.notes.iter().flatten().any(|note| note.mark == mark);
        if !defined {
            report.error(
                locator.find_in(&path(), &format!("[{mark}]")),
                format!(
                    "footnote [{mark}] has no note; add Note(mark: \"{mark}\", text: \"...\") to the module's notes"
                ),
            );
        }
    }
}

fn check_sections(raw: &RawModule, locator: &Locator, report: &mut Report) {
    // Where each question id was first seen: (section, question).
    let mut question_ids: HashMap<&str, (usize, usize)> = HashMap::new();
    for (section_index, section) in raw.sections.iter().enumerate() {
        check_text(
            report,
            locator,
            || format!("sections.{section_index}.title"),
            "section title",
            &section.title,
        );
        let questions = section.questions.as_deref().unwrap_or_default();
        if section.blocks.is_empty() && questions.is_empty() {
            report.error(
                locator.at(&format!("sections.{section_index}")),
                format!(
                    "empty section \"{}\": give it at least one block or question",
                    section.title
                ),
            );
        }
        if section.questions.as_ref().is_some_and(Vec::is_empty) {
            report.error(
                locator.at(&format!("sections.{section_index}.questions")),
                "empty list of questions: add a question or leave out questions",
            );
        }
        for (block_index, block) in section.blocks.iter().enumerate() {
            let block_path = || format!("sections.{section_index}.blocks.{block_index}");
            let kind = match block {
                RawBlock::Para(_) => "paragraph",
                RawBlock::Lead(_) => "lead",
                RawBlock::Quote(_) => "quote",
                RawBlock::Heading(_) => "heading",
                RawBlock::Bullets(_) | RawBlock::Numbered(_) => "list item",
            };
            let texts = block.texts();
            let is_list = matches!(block, RawBlock::Bullets(_) | RawBlock::Numbered(_));
            if is_list && texts.is_empty() {
                report.error(locator.at(&block_path()), "empty list: give it at least one item");
            }
            for (item_index, text) in texts.iter().enumerate() {
                let path = || {
                    if is_list {
                        format!("{}.0.{item_index}", block_path())
                    } else {
                        format!("{}.0", block_path())
                    }
                };
                check_text(report, locator, path, kind, text);
                check_references(raw, locator, report, &path, text);
            }
        }
        for (question_index, question) in questions.iter().enumerate() {
            let path = |field: &str| format!("sections.{section_index}.questions.{question_index}.{field}");
            check_id(report, locator, || path("id"), "question", &question.id);
            if let Some(&(first_section, first_question)) = question_ids.get(question.id.as_str()) {
                let first = format!("sections.{first_section}.questions.{first_question}.id");
                let first_line = locator.at(&first).line;
                report.error(
                    locator.at(&path("id")),
                    format!(
                        "question id \"{}\" is used twice in this module (first at line {first_line}); question ids must be unique",
                        question.id
                    ),
                );
            } else {
                question_ids.insert(&question.id, (section_index, question_index));
            }
            check_text(report, locator, || path("text"), "question", &question.text);
            check_references(raw, locator, report, &|| path("text"), &question.text);
            if let Some(hint) = &question.hint {
                check_text(report, locator, || path("hint"), "hint", hint);
                check_references(raw, locator, report, &|| path("hint"), hint);
            }
        }
    }
}

fn check_notes(raw: &RawModule, locator: &Locator, report: &mut Report) {
    let referenced = || {
        let questions = raw
            .sections
            .iter()
            .flat_map(|section| section.questions.iter().flatten());
        let question_texts = questions.flat_map(|question| std::iter::once(&question.text).chain(&question.hint));
        let block_texts = raw
            .sections
            .iter()
            .flat_map(|section| &section.blocks)
            .flat_map(RawBlock::texts);
        block_texts
            .chain(question_texts)
            .flat_map(|text| footnote_marks(text).map(|(_, mark)| mark))
            .collect::<std::collections::HashSet<&str>>()
    };
    let mut referenced_marks = None;
    // Where each mark was first defined: its note's index.
    let mut marks: HashMap<&str, usize> = HashMap::new();
    for (note_index, note) in raw.notes.iter().flatten().enumerate() {
        let mark_path = |index: usize| format!("notes.{index}.mark");
        if note.mark.is_empty() || !note.mark.bytes().all(|byte| byte.is_ascii_digit()) {
            report.error(
                locator.at(&mark_path(note_index)),
                format!("note mark \"{}\" must be a number, like mark: \"5\" for [5]", note.mark),
            );
        } else if let Some(&first) = marks.get(note.mark.as_str()) {
            let first_line = locator.at(&mark_path(first)).line;
            report.error(
                locator.at(&mark_path(note_index)),
                format!("note [{}] is defined twice (first at line {first_line})", note.mark),
            );
        } else {
            if !referenced_marks
                .get_or_insert_with(referenced)
                .contains(note.mark.as_str())
            {
                report.warning(
                    locator.at(&mark_path(note_index)),
                    format!(
                        "note [{}] is never referenced; add [{}] to the text or remove the note",
                        note.mark, note.mark
                    ),
                );
            }
            marks.insert(&note.mark, note_index);
        }
        check_text(
            report,
            locator,
            || format!("notes.{note_index}.text"),
            "note",
            &note.text,
        );
    }
}

/// The checked module, its text moved rather than copied.
fn checked_module(raw: RawModule, path: String) -> Module {
    let sections = raw
        .sections
        .into_iter()
        .map(|section| Section {
            title: section.title,
            blocks: section
                .blocks
                .into_iter()
                .map(|block| match block {
                    RawBlock::Para(text) => Block::Para(text),
                    RawBlock::Lead(text) => Block::Lead(text),
                    RawBlock::Quote(text) => Block::Quote(text),
                    RawBlock::Heading(text) => Block::Heading(text),
                    RawBlock::Bullets(items) => Block::Bullets(items),
                    RawBlock::Numbered(items) => Block::Numbered(items),
                })
                .collect(),
            questions: (section.questions.into_iter().flatten())
                .map(|question| Question {
                    id: question.id,
                    text: question.text,
                    hint: question.hint,
                })
                .collect(),
        })
        .collect();
    let notes = (raw.notes.into_iter().flatten())
        .map(|note| Note {
            mark: note.mark,
            text: note.text,
        })
        .collect();
    Module {
        id: raw.id,
        title: raw.title,
        subtitle: raw.subtitle,
        area: raw.area,
        stage: raw.stage,
        minutes: raw.minutes,
        sections,
        notes,
        path,
    }
}
