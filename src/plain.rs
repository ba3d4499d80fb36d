//! Line-by-line mode for screen readers and dumb terminals: the module as
//! plain wrapped text, each question asked in turn, answers read from
//! standard input and saved to the same journal as the full-screen tutor,
//! by the same rules (`journal::model`).

use std::io::{self, BufRead, Write};

use jiff::Timestamp;

use crate::content::{Course, Module};
use crate::document::{self, PLAIN_MARKS};
use crate::journal::{ModuleJournal, Store};
use crate::text;

pub struct PlainOptions {
    pub width: usize,
    /// Standard input is a terminal: pause between sections, and save after
    /// every answer (a person types slowly; piped input is saved at most
    /// once a second, so a long file of answers is not rewritten each line).
    pub interactive: bool,
    /// The terminal's rows: a section longer than this pauses ("Enter for
    /// more") while input is interactive. 0: never.
    pub height: usize,
    /// The data folder, named where the journal is kept.
    pub data_dir: String,
    /// The clock, injected so tests can compare plain mode with the tutor.
    pub now: fn() -> Timestamp,
}

/// A line of input, decoded. Bytes that are not UTF-8 (a Latin-1 terminal
/// typing £) are replaced rather than ending the session.
struct Input<'a> {
    reader: &'a mut dyn BufRead,
    /// Some characters could not be read; said once.
    undecodable: bool,
}

impl Input<'_> {
    /// Reads a line; `None` at the end of input.
    fn line(&mut self, output: &mut dyn Write) -> io::Result<Option<String>> {
        let mut bytes = Vec::new();
        if self.reader.read_until(b'\n', &mut bytes)? == 0 {
            return Ok(None);
        }
        let line = match String::from_utf8(bytes) {
            Ok(line) => line,
            Err(error) => {
                if !self.undecodable {
                    self.undecodable = true;
                    writeln!(output, "{}", text::PLAIN_UNDECODABLE)?;
                }
                String::from_utf8_lossy(error.as_bytes()).into_owned()
            }
        };
        let trimmed = line.strip_suffix('\n').unwrap_or(&line);
        Ok(Some(trimmed.strip_suffix('\r').unwrap_or(trimmed).to_owned()))
    }

    /// Lines up to one holding only a full stop (or the end of input).
    fn answer(&mut self, output: &mut dyn Write) -> io::Result<(Vec<String>, bool)> {
        let mut lines = Vec::new();
        loop {
            match self.line(output)? {
                None => return Ok((lines, true)),
                Some(line) if line == "." => return Ok((lines, false)),
                Some(line) => lines.push(line),
            }
        }
    }
}

/// Writes `words` wrapped to `width`, paragraph by paragraph: casebook's
/// own messages and the questions fit the terminal as the text does.
fn say(output: &mut dyn Write, words: &str, width: usize) -> io::Result<()> {
    for paragraph in words.split('\n') {
        if paragraph.is_empty() {
            writeln!(output)?;
        }
        // A path or address longer than the line stays whole, on a line of
        // its own, rather than being broken where a reader would not know.
        for line in textwrap::wrap(paragraph, textwrap::Options::new(width).break_words(false)) {
            writeln!(output, "{line}")?;
        }
    }
    Ok(())
}

/// What the learner chose for a question they had answered before.
enum Revision {
    Keep,
    Replace(String),
    Add(String),
}

/// A first line holding only `+` adds what follows to the saved answer.
const ADD_MARK: &str = "+";

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

/// Saves after an answer: always when a person is typing, else at most
/// once a second (the end of the module saves whatever is left).
struct Saver {
    interactive: bool,
    last: Option<Timestamp>,
}

impl Saver {
    fn changed(
        &mut self,
        store: &mut dyn Store,
        journal: &ModuleJournal,
        module: &Module,
        output: &mut dyn Write,
        now: Timestamp,
    ) -> Result<(), String> {
        let due = self.interactive || self.last.is_none_or(|last| now.duration_since(last).as_secs() >= 1);
        if due {
            save(store, journal, module, output)?;
            self.last = Some(now);
        }
        Ok(())
    }
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
    let mut input = Input {
        reader: input,
        undecodable: false,
    };
    let mut saver = Saver {
        interactive: options.interactive,
        last: None,
    };
    // Looked up once: finding the system zone reads the zoneinfo folder.
    let timezone = jiff::tz::TimeZone::system();
    let mut last = (options.now)();
    let mut carry = 0;
    journal.first_studied.get_or_insert(last);
    let io_error = |error: io::Error| error.to_string();
    let width = options.width.clamp(20, 88);
    let say = |output: &mut dyn Write, words: &str| say(output, words, width).map_err(io_error);
    say(output, &text::storage_sentence(&options.data_dir))?;
    writeln!(output).map_err(io_error)?;
    say(output, &module.title)?;
    if let Some(subtitle) = &module.subtitle {
        say(output, subtitle)?;
    }
    say(
        output,
        &text::plain_intro(module.sections.len(), module.question_count()),
    )?;
    // A section longer than the screen pauses, leaving a row for the prompt.
    let page = if options.interactive {
        options.height.saturating_sub(2)
    } else {
        0
    };
    let mut input_ended = false;
    // The learner typed q at a pause: no more questions, not even the action point.
    let mut quit = false;
    'sections: for (index, section) in module.sections.iter().enumerate() {
        writeln!(output).map_err(io_error)?;
        say(
            output,
            &text::plain_section(index + 1, module.sections.len(), &section.title),
        )?;
        for (shown, line) in document::section_lines(module, index, width, PLAIN_MARKS)
            .iter()
            .enumerate()
        {
            if page > 0 && shown > 0 && shown % page == 0 && !input_ended {
                say(output, text::PLAIN_MORE)?;
                output.flush().map_err(io_error)?;
                match input.line(output).map_err(io_error)? {
                    None => input_ended = true,
                    Some(line) if line.trim() == "q" => {
                        quit = true;
                        break 'sections;
                    }
                    Some(_) => {}
                }
            }
            writeln!(output, "{}", line.text).map_err(io_error)?;
        }
        // Printed whole: its last line has reached the learner.
        journal.mark_read(index);
        for (number, question) in section.questions.iter().enumerate() {
            writeln!(output).map_err(io_error)?;
            say(
                output,
                &text::plain_question(number + 1, section.questions.len(), &question.text),
            )?;
            if let Some(hint) = &question.hint {
                say(output, hint)?;
            }
            let answered = journal.is_answered(&question.id);
            if let Some(previous) = journal.reflections.get(&question.id).filter(|_| answered) {
                say(output, text::PLAIN_SAVED_ANSWER)?;
                writeln!(output, "{}", previous.text).map_err(io_error)?;
            }
            say(
                output,
                if answered {
                    text::PLAIN_REVISE
                } else {
                    text::PLAIN_ANSWER
                },
            )?;
            output.flush().map_err(io_error)?;
            if input_ended {
                continue;
            }
            let (lines, ended) = input.answer(output).map_err(io_error)?;
            input_ended = ended;
            let now = (options.now)();
            journal.count_study(Some(last), now, &mut carry, &timezone);
            last = now;
            let typed = lines.join("\n");
            let said = if answered {
                let revision = match lines.split_first() {
                    Some((first, rest)) if first.trim() == ADD_MARK => Revision::Add(rest.join("\n")),
                    _ if typed.trim().is_empty() => Revision::Keep,
                    _ => Revision::Replace(typed),
                };
                match revision {
                    Revision::Add(more) if !more.trim().is_empty() => {
                        journal.add_to_answer(&question.id, &question.text, &more, now);
                        text::PLAIN_ADDED
                    }
                    Revision::Add(_) | Revision::Keep => text::PLAIN_KEPT,
                    Revision::Replace(typed) => {
                        journal.answer(&question.id, &question.text, typed, now);
                        text::PLAIN_REPLACED
                    }
                }
            } else if typed.trim().is_empty() {
                if ended {
                    // Input ran out before an answer: nothing was chosen.
                    continue;
                }
                journal.skip(&question.id, &question.text, now);
                text::SKIPPED
            } else {
                journal.answer(&question.id, &question.text, typed, now);
                text::PLAIN_SAVED
            };
            saver.changed(store, &journal, module, output, now)?;
            say(output, said)?;
        }
        if options.interactive && index + 1 < module.sections.len() && !input_ended {
            writeln!(output).map_err(io_error)?;
            say(output, text::PLAIN_CONTINUE)?;
            output.flush().map_err(io_error)?;
            match input.line(output).map_err(io_error)? {
                None => input_ended = true,
                Some(line) if line.trim() == "q" => {
                    quit = true;
                    break;
                }
                Some(_) => {}
            }
            let now = (options.now)();
            journal.count_study(Some(last), now, &mut carry, &timezone);
            last = now;
        }
    }
    let done = module
        .questions()
        .all(|(_, question)| journal.is_resolved(&question.id));
    if done && !input_ended && !quit {
        // As on the completion screen: what will I do differently, and by when?
        writeln!(output).map_err(io_error)?;
        say(output, text::ACTION_POINT_TITLE)?;
        if let Some(action) = &journal.action_point {
            say(output, text::PLAIN_ACTION_POINT_SAVED)?;
            writeln!(output, "{}", action.text).map_err(io_error)?;
        }
        say(
            output,
            if journal.action_point.is_some() {
                text::PLAIN_REPLACE
            } else {
                text::PLAIN_ACTION_POINT
            },
        )?;
        output.flush().map_err(io_error)?;
        let (lines, _) = input.answer(output).map_err(io_error)?;
        let action = lines.join("\n");
        if !action.trim().is_empty() {
            let now = (options.now)();
            journal.count_study(Some(last), now, &mut carry, &timezone);
            last = now;
            journal.set_action_point(action, now);
            saver.changed(store, &journal, module, output, now)?;
            say(output, text::PLAIN_SAVED)?;
        }
    }
    let now = (options.now)();
    journal.count_study(Some(last), now, &mut carry, &timezone);
    journal.record_completion(module, now);
    save(store, &journal, module, output)?;
    let progress = journal.progress(module);
    writeln!(output).map_err(io_error)?;
    say(
        output,
        &text::plain_end(progress.answered, progress.questions, &path.display().to_string()),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::{PlainOptions, run};
    use crate::journal::MemoryStore;

    fn session(width: usize, height: usize, input: &str) -> String {
        let library = crate::content::load_library(None, &[]);
        let course = &library.courses[0];
        let module = course.module("desistance-assessing").unwrap();
        let mut store = MemoryStore::default();
        let options = PlainOptions {
            width,
            height,
            interactive: true,
            data_dir: "/home/jo/.local/share/casebook".to_owned(),
            now: jiff::Timestamp::now,
        };
        let mut output = Vec::new();
        run(course, module, &mut store, &mut input.as_bytes(), &mut output, &options).unwrap();
        String::from_utf8(output).unwrap()
    }

    /// casebook's own words and the questions wrap to the terminal, as the
    /// guide's text does.
    #[test]
    fn messages_and_questions_fit_the_terminal() {
        let output = session(40, 0, "");
        for line in output.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= 40,
                "{line:?} is wider than 40"
            );
        }
        assert!(output.contains("Question 1 of 2"));
    }

    /// A section longer than the screen stops for Enter; q there stops.
    #[test]
    fn a_section_longer_than_the_screen_pauses() {
        let output = session(40, 12, "\nq\n");
        let pauses = output
            .matches(crate::text::PLAIN_MORE.split(',').next().unwrap())
            .count();
        assert_eq!(pauses, 2, "{output}");
        let before_first = output.split("Enter for more").next().unwrap();
        let section = before_first.rsplit("Section 1 of").next().unwrap();
        assert!(section.lines().count() <= 12, "a screenful at most:\n{section}");
        assert!(!output.contains("Question 1 of 2"), "q stopped the module");
        let whole = session(40, 0, "");
        assert!(!whole.contains("Enter for more"), "no height, no pauses");
    }
}
