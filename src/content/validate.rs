//! Raw serde shapes -> checked model types, enforcing every rule of the
//! module format and reporting each broken rule at its line and column.
//! All problems in a file are collected, not just the first.

use std::collections::HashMap;

use ron::extensions::Extensions;

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
pub fn decode(bytes: &[u8], report: &mut Report) -> Option<String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.trim_start_matches('\u{feff}').to_owned()),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let at = position_of(std::str::from_utf8(valid).unwrap_or_default(), valid.len());
            report.error(at, "the file is not UTF-8 text; save it as UTF-8 (most editors offer this under \"Save as\" or \"Encoding\")");
            None
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(text: &str, report: &mut Report) -> Option<T> {
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

fn check_id(report: &mut Report, locator: &Locator, path: &str, what: &str, id: &str) {
    if !is_valid_id(id) {
        report.error(
            locator.at(path),
            format!("{what} id \"{id}\" may only use lowercase letters, digits and hyphens (for example \"child-safety-assessing\")"),
        );
    }
}

fn check_text(report: &mut Report, locator: &Locator, path: &str, what: &str, text: &str) {
    if text.trim().is_empty() {
        report.error(locator.at(path), format!("empty {what}"));
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
    check_id(report, &locator, "id", "course", &raw.id);
    check_text(report, &locator, "title", "title", &raw.title);
    for (field, value) in [
        ("publisher", &raw.publisher),
        ("published", &raw.published),
        ("licence", &raw.licence),
        ("attribution", &raw.attribution),
    ] {
        if let Some(value) = value {
            check_text(report, &locator, field, field, value);
        }
    }
    let mut seen: HashMap<&str, Position> = HashMap::new();
    let named: Vec<(&str, usize, &str, &str)> = raw
        .areas
        .iter()
        .enumerate()
        .map(|(index, area)| ("areas", index, area.id.as_str(), area.title.as_str()))
        .chain(
            raw.stages
                .iter()
                .enumerate()
                .map(|(index, stage)| ("stages", index, stage.id.as_str(), stage.title.as_str())),
        )
        .collect();
    for (list, index, id, title) in named {
        let what = if list == "areas" { "area" } else { "stage" };
        let path = format!("{list}.{index}");
        check_id(report, &locator, &format!("{path}.id"), what, id);
        check_text(
            report,
            &locator,
            &format!("{path}.title"),
            &format!("{what} title"),
            title,
        );
        let at = locator.at(&format!("{path}.id"));
        if let Some(first) = seen.insert(id, at) {
            report.error(
                at,
                format!(
                    "id \"{id}\" is used twice in this course (first at line {})",
                    first.line
                ),
            );
        }
    }
    if report.diagnostics.iter().filter(|d| d.is_error()).count() > errors_before {
        return None;
    }
    Some(CourseHeader {
        id_at: locator.at("id"),
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

    check_id(report, &locator, "id", "module", &raw.id);
    check_text(report, &locator, "title", "title", &raw.title);
    if let Some(subtitle) = &raw.subtitle {
        check_text(report, &locator, "subtitle", "subtitle", subtitle);
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

    let mut referenced: Vec<String> = Vec::new();
    let check_references = |report: &mut Report, path: &str, text: &str, referenced: &mut Vec<String>| {
        for (_, mark) in footnote_marks(text) {
            referenced.push(mark.to_owned());
            let defined = raw.notes.iter().flatten().any(|note| note.mark == mark);
            if !defined {
                report.error(
                    locator.find_in(path, &format!("[{mark}]")),
                    format!(
                        "footnote [{mark}] has no note; add Note(mark: \"{mark}\", text: \"...\") to the module's notes"
                    ),
                );
            }
        }
    };

    let mut question_ids: HashMap<&str, String> = HashMap::new();
    let mut sections = Vec::new();
    for (section_index, section) in raw.sections.iter().enumerate() {
        let section_path = format!("sections.{section_index}");
        check_text(
            report,
            &locator,
            &format!("{section_path}.title"),
            "section title",
            &section.title,
        );
        let questions = section.questions.as_deref().unwrap_or_default();
        if section.blocks.is_empty() && questions.is_empty() {
            report.error(
                locator.at(&section_path),
                format!(
                    "empty section \"{}\": give it at least one block or question",
                    section.title
                ),
            );
        }
        if section.questions.as_ref().is_some_and(Vec::is_empty) {
            report.error(
                locator.at(&format!("{section_path}.questions")),
                "empty list of questions: add a question or leave out questions",
            );
        }
        let mut blocks = Vec::new();
        for (block_index, block) in section.blocks.iter().enumerate() {
            let block_path = format!("{section_path}.blocks.{block_index}");
            let (kind, texts): (&str, &[String]) = match block {
                RawBlock::Para(text) => ("paragraph", std::slice::from_ref(text)),
                RawBlock::Lead(text) => ("lead", std::slice::from_ref(text)),
                RawBlock::Quote(text) => ("quote", std::slice::from_ref(text)),
                RawBlock::Heading(text) => ("heading", std::slice::from_ref(text)),
                RawBlock::Bullets(items) | RawBlock::Numbered(items) => ("list item", items.as_slice()),
            };
            let is_list = matches!(block, RawBlock::Bullets(_) | RawBlock::Numbered(_));
            if is_list && texts.is_empty() {
                report.error(locator.at(&block_path), "empty list: give it at least one item");
            }
            for (item_index, text) in texts.iter().enumerate() {
                let path = if is_list {
                    format!("{block_path}.0.{item_index}")
                } else {
                    format!("{block_path}.0")
                };
                check_text(report, &locator, &path, kind, text);
                check_references(report, &path, text, &mut referenced);
            }
            blocks.push(match block {
                RawBlock::Para(text) => Block::Para(text.clone()),
                RawBlock::Lead(text) => Block::Lead(text.clone()),
                RawBlock::Quote(text) => Block::Quote(text.clone()),
                RawBlock::Heading(text) => Block::Heading(text.clone()),
                RawBlock::Bullets(items) => Block::Bullets(items.clone()),
                RawBlock::Numbered(items) => Block::Numbered(items.clone()),
            });
        }
        let mut checked_questions = Vec::new();
        for (question_index, question) in questions.iter().enumerate() {
            let path = format!("{section_path}.questions.{question_index}");
            check_id(report, &locator, &format!("{path}.id"), "question", &question.id);
            let id_path = format!("{path}.id");
            if let Some(first) = question_ids.get(question.id.as_str()) {
                let first_line = locator.at(first).line;
                report.error(locator.at(&id_path), format!("question id \"{}\" is used twice in this module (first at line {first_line}); question ids must be unique", question.id));
            } else {
                question_ids.insert(&question.id, id_path);
            }
            check_text(report, &locator, &format!("{path}.text"), "question", &question.text);
            check_references(report, &format!("{path}.text"), &question.text, &mut referenced);
            if let Some(hint) = &question.hint {
                check_text(report, &locator, &format!("{path}.hint"), "hint", hint);
                check_references(report, &format!("{path}.hint"), hint, &mut referenced);
            }
            checked_questions.push(Question {
                id: question.id.clone(),
                text: question.text.clone(),
                hint: question.hint.clone(),
            });
        }
        sections.push(Section {
            title: section.title.clone(),
            blocks,
            questions: checked_questions,
        });
    }

    let mut notes = Vec::new();
    let mut marks: HashMap<&str, String> = HashMap::new();
    for (note_index, note) in raw.notes.iter().flatten().enumerate() {
        let path = format!("notes.{note_index}");
        let mark_path = format!("{path}.mark");
        if note.mark.is_empty() || !note.mark.bytes().all(|byte| byte.is_ascii_digit()) {
            report.error(
                locator.at(&mark_path),
                format!("note mark \"{}\" must be a number, like mark: \"5\" for [5]", note.mark),
            );
        } else if let Some(first) = marks.get(note.mark.as_str()) {
            let first_line = locator.at(first).line;
            report.error(
                locator.at(&mark_path),
                format!("note [{}] is defined twice (first at line {first_line})", note.mark),
            );
        } else {
            if !referenced.contains(&note.mark) {
                report.warning(
                    locator.at(&mark_path),
                    format!(
                        "note [{}] is never referenced; add [{}] to the text or remove the note",
                        note.mark, note.mark
                    ),
                );
            }
            marks.insert(&note.mark, mark_path);
        }
        check_text(report, &locator, &format!("{path}.text"), "note", &note.text);
        notes.push(Note {
            mark: note.mark.clone(),
            text: note.text.clone(),
        });
    }

    if report.diagnostics.iter().filter(|d| d.is_error()).count() > errors_before {
        return None;
    }
    Some(CheckedModule {
        id_at: first_position(text, "id"),
        module: Module {
            id: raw.id,
            title: raw.title,
            subtitle: raw.subtitle,
            area: raw.area,
            stage: raw.stage,
            minutes: raw.minutes,
            sections,
            notes,
            path: report.file.clone(),
        },
    })
}
