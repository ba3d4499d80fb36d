//! Line-by-line mode for screen readers and dumb terminals: the module as
//! plain wrapped text, each question asked in turn, answers read from
//! standard input and saved to the same journal as the full-screen tutor.

use std::io::{self, BufRead, Write};

use jiff::Timestamp;

use crate::content::{Course, Module};
use crate::document::{self, PLAIN_MARKS};
use crate::journal::{ActionPoint, ModuleJournal, Reflection, Store};
use crate::text;

pub struct PlainOptions {
    pub width: usize,
    /// Standard input is a terminal: pause between sections.
    pub interactive: bool,
}

/// Reads a line; `None` at the end of input.
fn read_line(input: &mut dyn BufRead) -> io::Result<Option<String>> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let trimmed = line.strip_suffix('\n').unwrap_or(&line);
    Ok(Some(trimmed.strip_suffix('\r').unwrap_or(trimmed).to_owned()))
}

/// Saves the journal; when that fails, prints every answer in it before
/// giving up, since plain mode has no screen to keep them on.
fn save(store: &mut dyn Store, journal: &ModuleJournal, module: &Module, output: &mut dyn Write) -> Result<(), String> {
    let Err(error) = store.save_module(journal) else {
        return Ok(());
    };
    let mut printed = writeln!(output, "\n{}", text::PLAIN_UNSAVED_HEADING);
    for (_, question) in module.questions() {
        if let Some(reflection) = journal.reflections.get(&question.id).filter(|r| !r.text.is_empty()) {
            printed = printed.and_then(|()| {
                writeln!(
                    output,
                    "\n{}",
                    text::plain_unsaved_answer(&question.text, &reflection.text)
                )
            });
        }
    }
    if let Some(action) = &journal.action_point {
        printed = printed.and_then(|()| {
            writeln!(
                output,
                "\n{}",
                text::plain_unsaved_answer(text::ACTION_POINT_TITLE, &action.text)
            )
        });
    }
    let _ = printed.and_then(|()| output.flush());
    Err(text::plain_not_saved(&error.to_string()))
}

pub fn run(
    course: &Course,
    module: &Module,
    store: &mut dyn Store,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    options: &PlainOptions,
) -> Result<(), String> {
    let path = store.module_path(&course.id, &module.id);
    let mut journal = store
        .load_module(&course.id, &module.id)
        .map_err(|error| error.to_string())?
        .unwrap_or_else(|| ModuleJournal::new(&course.id, &module.id));
    // Looked up once: finding the system zone reads the zoneinfo folder.
    let timezone = jiff::tz::TimeZone::system();
    let mut last = Timestamp::now();
    let mut carry = 0;
    journal.first_studied.get_or_insert(last);
    let io_error = |error: io::Error| error.to_string();
    let width = options.width.clamp(20, 88);
    let data_dir = path
        .parent()
        .and_then(|journal| journal.parent())
        .and_then(|journal| journal.parent());
    writeln!(
        output,
        "{}\n",
        text::storage_sentence(&data_dir.unwrap_or(&path).display().to_string())
    )
    .map_err(io_error)?;
    writeln!(output, "{}", module.title).map_err(io_error)?;
    if let Some(subtitle) = &module.subtitle {
        writeln!(output, "{subtitle}").map_err(io_error)?;
    }
    writeln!(
        output,
        "{}",
        text::plain_intro(module.sections.len(), module.question_count())
    )
    .map_err(io_error)?;
    let mut input_ended = false;
    // The learner typed q at a pause: no more questions, not even the action point.
    let mut quit = false;
    for (index, section) in module.sections.iter().enumerate() {
        writeln!(
            output,
            "\n{}",
            text::plain_section(index + 1, module.sections.len(), &section.title)
        )
        .map_err(io_error)?;
        for line in document::section_lines(module, index, width, PLAIN_MARKS) {
            writeln!(output, "{}", line.text).map_err(io_error)?;
        }
        journal.sections_read.insert(index);
        for (number, question) in section.questions.iter().enumerate() {
            writeln!(
                output,
                "\n{}",
                text::plain_question(number + 1, section.questions.len(), &question.text)
            )
            .map_err(io_error)?;
            if let Some(hint) = &question.hint {
                writeln!(output, "{hint}").map_err(io_error)?;
            }
            let previous = journal
                .reflections
                .get(&question.id)
                .filter(|reflection| !reflection.text.is_empty())
                .cloned();
            if let Some(previous) = &previous {
                writeln!(output, "{}\n{}", text::PLAIN_SAVED_ANSWER, previous.text).map_err(io_error)?;
            }
            writeln!(
                output,
                "{}",
                if previous.is_some() {
                    text::PLAIN_REPLACE
                } else {
                    text::PLAIN_ANSWER
                }
            )
            .map_err(io_error)?;
            output.flush().map_err(io_error)?;
            if input_ended {
                continue;
            }
            let mut answer: Vec<String> = Vec::new();
            loop {
                match read_line(input).map_err(io_error)? {
                    None => {
                        input_ended = true;
                        break;
                    }
                    Some(line) if line == "." => break,
                    Some(line) => answer.push(line),
                }
            }
            let now = Timestamp::now();
            journal.count_study(Some(last), now, &mut carry, &timezone);
            last = now;
            let text_answer = answer.join("\n");
            let (created, updated) = journal
                .reflections
                .get(&question.id)
                .map_or((now, now), |reflection| (reflection.created, reflection.updated));
            let said = if text_answer.trim().is_empty() {
                if input_ended && previous.is_none() {
                    continue;
                }
                if previous.is_some() {
                    // A full stop keeps the saved answer as it is.
                    None
                } else {
                    let already_skipped = journal.is_skipped(&question.id);
                    journal.reflections.insert(
                        question.id.clone(),
                        Reflection {
                            question: question.text.clone(),
                            text: String::new(),
                            skipped: true,
                            created,
                            updated: if already_skipped { updated } else { now },
                        },
                    );
                    Some(text::SKIPPED)
                }
            } else {
                journal.reflections.insert(
                    question.id.clone(),
                    Reflection {
                        question: question.text.clone(),
                        text: text_answer,
                        skipped: false,
                        created,
                        updated: now,
                    },
                );
                Some(text::PLAIN_SAVED)
            };
            save(store, &journal, module, output)?;
            if let Some(said) = said {
                writeln!(output, "{said}").map_err(io_error)?;
            }
        }
        if options.interactive && index + 1 < module.sections.len() && !input_ended {
            writeln!(output, "\n{}", text::PLAIN_CONTINUE).map_err(io_error)?;
            output.flush().map_err(io_error)?;
            match read_line(input).map_err(io_error)? {
                None => input_ended = true,
                Some(line) if line.trim() == "q" => {
                    quit = true;
                    break;
                }
                Some(_) => {}
            }
            let now = Timestamp::now();
            journal.count_study(Some(last), now, &mut carry, &timezone);
            last = now;
        }
    }
    let done = module
        .questions()
        .all(|(_, question)| journal.is_answered(&question.id) || journal.is_skipped(&question.id));
    if done && !input_ended && !quit {
        // As on the completion screen: what will I do differently, and by when?
        writeln!(output, "\n{}", text::ACTION_POINT_TITLE).map_err(io_error)?;
        if let Some(action) = &journal.action_point {
            writeln!(output, "{}\n{}", text::PLAIN_ACTION_POINT_SAVED, action.text).map_err(io_error)?;
        }
        writeln!(
            output,
            "{}",
            if journal.action_point.is_some() {
                text::PLAIN_REPLACE
            } else {
                text::PLAIN_ACTION_POINT
            }
        )
        .map_err(io_error)?;
        output.flush().map_err(io_error)?;
        let mut lines: Vec<String> = Vec::new();
        while let Some(line) = read_line(input).map_err(io_error)? {
            if line == "." {
                break;
            }
            lines.push(line);
        }
        let action = lines.join("\n");
        if !action.trim().is_empty() {
            let now = Timestamp::now();
            journal.count_study(Some(last), now, &mut carry, &timezone);
            last = now;
            let created = journal.action_point.as_ref().map_or(now, |action| action.created);
            journal.action_point = Some(ActionPoint {
                text: action,
                created,
                updated: now,
            });
            save(store, &journal, module, output)?;
            writeln!(output, "{}", text::PLAIN_SAVED).map_err(io_error)?;
        }
    }
    journal.count_study(Some(last), Timestamp::now(), &mut carry, &timezone);
    if done && journal.sections_read.len() >= module.sections.len() {
        journal.completed.get_or_insert(Timestamp::now());
    }
    save(store, &journal, module, output)?;
    let answered = journal.answered_count(module);
    writeln!(
        output,
        "\n{}",
        text::plain_end(answered, module.question_count(), &path.display().to_string())
    )
    .map_err(io_error)?;
    Ok(())
}
