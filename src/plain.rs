//! Line-by-line mode for screen readers and dumb terminals: the module as
//! plain wrapped text, each question asked in turn, answers read from
//! standard input and saved to the same journal as the full-screen tutor,
//! by the same rules (`journal::model`).

use std::io::{self, BufRead, Write};

use jiff::Timestamp;

use crate::content::{Course, Module};
use crate::document::{self, PLAIN_MARKS};
use crate::journal::ModuleJournal;
use crate::store::Store;
use crate::text;

pub struct PlainOptions {
    pub width: usize,
    /// Standard input is a terminal: pause between sections, and save after
    /// every answer (a person types slowly; piped input is saved at most
    /// once a second, so a long file of answers is not rewritten each line).
    pub interactive: bool,
    /// The data folder, named where the journal is kept.
    pub data_dir: String,
    /// The terminal's rows: a section longer than the screen pauses for
    /// Enter when the learner is at a terminal (0: never pause).
    pub height: usize,
    /// The clock, injected so tests can compare plain mode with the tutor.
    pub now: fn() -> Timestamp,
    /// Kept up to date with the journal and the answer being typed, line by
    /// line, for the signal thread to save if casebook is interrupted.
    pub rescue: Option<crate::rescue::Snapshot>,
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

    /// Lines up to one holding only a full stop (or the end of input);
    /// `typed` hears of every line as it comes.
    fn answer(&mut self, output: &mut dyn Write, typed: &mut dyn FnMut(&[String])) -> io::Result<(Vec<String>, bool)> {
        let mut lines = Vec::new();
        loop {
            match self.line(output)? {
                None => return Ok((lines, true)),
                Some(line) if line == "." => return Ok((lines, false)),
                Some(line) => {
                    lines.push(line);
                    typed(&lines);
                }
            }
        }
    }
}

/// What the learner chose for a question they had answered before.
enum Revision {
    Keep,
    Replace(String),
    Add(String),
}

/// Counts the lines written since the learner last typed, so that a long
/// section pauses before the first of them scrolls off the screen.
struct Counted<'a> {
    inner: &'a mut dyn Write,
    lines: usize,
}

impl Write for Counted<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.lines += buf[..written].iter().filter(|byte| **byte == b'\n').count();
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// What the learner said at a pause.
enum Pause {
    Go,
    /// `q`: no more of the module.
    Stop,
    /// The input ended.
    Ended,
}

/// Asks `prompt` and waits for Enter (or `q`); the screen starts afresh.
fn pause(input: &mut Input, output: &mut Counted, width: usize, prompt: &str) -> io::Result<Pause> {
    say(output, width, prompt)?;
    output.flush()?;
    let said = match input.line(output)? {
        None => Pause::Ended,
        Some(line) if line.trim() == "q" => Pause::Stop,
        Some(_) => Pause::Go,
    };
    output.lines = 0;
    Ok(said)
}

/// Writes casebook's own words wrapped to the width, line by line (a
/// learner's saved text is printed as written, not through this).
fn say(output: &mut dyn Write, width: usize, words: &str) -> io::Result<()> {
    for line in words.split('\n') {
        // An empty line wraps to one empty line: it is printed once.
        for wrapped in textwrap::wrap(line, width) {
            writeln!(output, "{wrapped}")?;
        }
    }
    Ok(())
}

/// A first line holding only `+` adds what follows to the saved answer.
const ADD_MARK: &str = "+";

/// What is being typed, for the journal a signal would save.
enum Typing<'a> {
    Question {
        id: &'a str,
        wording: &'a str,
        /// A first line of `+` means "add to it" only after an answer.
        answered: bool,
    },
    ActionPoint,
}

/// The journal with the lines typed so far, as an interruption saves it:
/// nothing already written is replaced by a half-typed answer (an
/// unfinished replacement is added after the saved text, to be tidied).
fn with_typed(journal: &ModuleJournal, typing: &Typing, lines: &[String], now: Timestamp) -> ModuleJournal {
    let mut draft = journal.clone();
    let adding = matches!(typing, Typing::Question { answered: true, .. });
    let typed = match lines.split_first() {
        Some((first, rest)) if adding && first.trim() == ADD_MARK => rest.join("\n"),
        _ => lines.join("\n"),
    };
    if typed.trim().is_empty() {
        return draft;
    }
    match typing {
        Typing::Question { id, wording, .. } => {
            draft.add_to_answer(id, wording, &typed, now);
        }
        Typing::ActionPoint => {
            let text = match &journal.action_point {
                Some(point) if !point.text.trim().is_empty() => format!("{}\n\n{typed}", point.text.trim_end()),
                _ => typed,
            };
            draft.set_action_point(text, now);
        }
    }
    draft
}

/// Hands the signal thread the journal as it stands.
fn keep_for_rescue(options: &PlainOptions, journal: ModuleJournal) {
    if let Some(snapshot) = &options.rescue {
        snapshot.replace(vec![journal]);
    }
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

/// Saves after an answer: always when a person is typing, else at most
/// once a second (the end of the module saves whatever is left).
struct Saver {
    interactive: bool,
    last: Option<Timestamp>,
    /// A change not yet on disk: whatever ends the session saves it.
    pending: bool,
}

impl Saver {
    /// Returns whether the change is on disk now.
    fn changed(
        &mut self,
        store: &mut dyn Store,
        journal: &ModuleJournal,
        module: &Module,
        output: &mut dyn Write,
        now: Timestamp,
    ) -> Result<bool, String> {
        self.pending = true;
        let due = self.interactive || self.last.is_none_or(|last| now.duration_since(last).as_secs() >= 1);
        if due {
            save(store, journal, module, output)?;
            self.last = Some(now);
            self.pending = false;
        }
        Ok(due)
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
    let mut journal = store
        .load_module(&course.id, &module.id)
        .map_err(|error| error.to_string())?
        .unwrap_or_else(|| ModuleJournal::new(&course.id, &module.id));
    let mut saver = Saver {
        interactive: options.interactive,
        last: None,
        pending: false,
    };
    let result = session(course, module, store, input, output, options, &mut journal, &mut saver);
    // Output or input failed (a closed pipe, say) with answers recorded but
    // not yet written: they are written now, whatever else went wrong.
    if result.is_err() && saver.pending {
        let _ = store.save_module(&journal);
    }
    result
}

#[allow(clippy::too_many_arguments)]
fn session(
    course: &Course,
    module: &Module,
    store: &mut dyn Store,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    options: &PlainOptions,
    journal: &mut ModuleJournal,
    saver: &mut Saver,
) -> Result<(), String> {
    let path = store.module_path(&course.id, &module.id);
    let mut input = Input {
        reader: input,
        undecodable: false,
    };
    let mut counted = Counted {
        inner: output,
        lines: 0,
    };
    let output = &mut counted;
    // Looked up once: finding the system zone reads the zoneinfo folder.
    let timezone = jiff::tz::TimeZone::system();
    let mut last = (options.now)();
    let mut carry = 0;
    journal.first_studied.get_or_insert(last);
    let io_error = |error: io::Error| error.to_string();
    // Reviewers' comments show under the reflections they concern.
    let (reviews, _) = store.imported_reviews();
    let comments = crate::review::comments_for(&reviews, &course.id, &module.id);
    let width = options.width.clamp(20, 88);
    say(
        output,
        width,
        &format!(
            "{}\n",
            text::storage_sentence(
                &options.data_dir,
                cfg!(windows)
                    && crate::folder::DataPaths::resolve(None).is_some_and(|default| default
                        .root()
                        .display()
                        .to_string()
                        == options.data_dir),
            )
        ),
    )
    .map_err(io_error)?;
    say(output, width, &module.title).map_err(io_error)?;
    if let Some(subtitle) = &module.subtitle {
        say(output, width, subtitle).map_err(io_error)?;
    }
    say(
        output,
        width,
        &text::plain_intro(module.sections.len(), module.question_count()),
    )
    .map_err(io_error)?;
    let mut input_ended = false;
    // The learner typed q at a pause: no more questions, not even the action point.
    let mut quit = false;
    // At a terminal, a screenful at a time: the rows less the pause's own
    // and the row the learner's Enter takes.
    let pause_rows = textwrap::wrap(text::PLAIN_MORE, width).len() + 1;
    let page = (options.interactive && options.height > pause_rows + 1).then(|| options.height - pause_rows);
    for (index, section) in module.sections.iter().enumerate() {
        say(
            output,
            width,
            &format!(
                "\n{}",
                text::plain_section(index + 1, module.sections.len(), &section.title)
            ),
        )
        .map_err(io_error)?;
        let lines = document::section_lines(module, index, width, PLAIN_MARKS);
        for (number, line) in lines.iter().enumerate() {
            if page.is_some_and(|page| output.lines >= page) && number + 1 < lines.len() && !input_ended {
                match pause(&mut input, output, width, text::PLAIN_MORE).map_err(io_error)? {
                    Pause::Ended => input_ended = true,
                    Pause::Stop => {
                        quit = true;
                        break;
                    }
                    Pause::Go => {}
                }
            }
            writeln!(output, "{}", line.text).map_err(io_error)?;
        }
        if quit {
            break;
        }
        // Printed whole: its last line has reached the learner.
        journal.mark_read(index);
        for (number, question) in section.questions.iter().enumerate() {
            say(
                output,
                width,
                &format!(
                    "\n{}",
                    text::plain_question(number + 1, section.questions.len(), &question.text)
                ),
            )
            .map_err(io_error)?;
            if let Some(hint) = &question.hint {
                say(output, width, hint).map_err(io_error)?;
            }
            let answered = journal.is_answered(&question.id);
            if let Some(previous) = journal.reflections.get(&question.id).filter(|_| answered) {
                writeln!(output, "{}\n{}", text::PLAIN_SAVED_ANSWER, previous.text).map_err(io_error)?;
            }
            if let Some(reviewed) = journal.edited_after_review(&question.id).filter(|_| answered) {
                say(
                    output,
                    width,
                    &text::plain_edited_after_review(&journal.reviews_of_edited_wording(&question.id)),
                )
                .map_err(io_error)?;
                writeln!(output, "{}", reviewed.text).map_err(io_error)?;
            }
            for (imported, comment) in comments.get(question.id.as_str()).into_iter().flatten() {
                say(
                    output,
                    width,
                    &text::plain_review_comment(
                        &imported.review.reviewer.name,
                        imported.review.reviewer.kind == crate::review::ReviewerKind::Peer,
                        imported.review.date,
                    ),
                )
                .map_err(io_error)?;
                writeln!(output, "{}", comment.comment).map_err(io_error)?;
            }
            say(
                output,
                width,
                if answered {
                    text::PLAIN_REVISE
                } else {
                    text::PLAIN_ANSWER
                },
            )
            .map_err(io_error)?;
            output.flush().map_err(io_error)?;
            if input_ended {
                continue;
            }
            let typing = Typing::Question {
                id: &question.id,
                wording: &question.text,
                answered,
            };
            let (lines, ended) = input
                .answer(output, &mut |lines| {
                    keep_for_rescue(options, with_typed(journal, &typing, lines, (options.now)()));
                })
                .map_err(io_error)?;
            input_ended = ended;
            output.lines = 0;
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
            keep_for_rescue(options, journal.clone());
            let saved = saver.changed(store, journal, module, output, now)?;
            say(output, width, &text::plain_outcome(said, saved)).map_err(io_error)?;
        }
        if options.interactive && index + 1 < module.sections.len() && !input_ended {
            match pause(&mut input, output, width, &format!("\n{}", text::PLAIN_CONTINUE)).map_err(io_error)? {
                Pause::Ended => input_ended = true,
                Pause::Stop => {
                    quit = true;
                    break;
                }
                Pause::Go => {}
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
        say(output, width, &format!("\n{}", text::ACTION_POINT_TITLE)).map_err(io_error)?;
        if let Some(action) = &journal.action_point {
            writeln!(output, "{}\n{}", text::PLAIN_ACTION_POINT_SAVED, action.text).map_err(io_error)?;
        }
        say(
            output,
            width,
            if journal.action_point.is_some() {
                text::PLAIN_REPLACE
            } else {
                text::PLAIN_ACTION_POINT
            },
        )
        .map_err(io_error)?;
        output.flush().map_err(io_error)?;
        let (lines, _) = input
            .answer(output, &mut |lines| {
                keep_for_rescue(
                    options,
                    with_typed(journal, &Typing::ActionPoint, lines, (options.now)()),
                );
            })
            .map_err(io_error)?;
        let action = lines.join("\n");
        if !action.trim().is_empty() {
            let now = (options.now)();
            journal.count_study(Some(last), now, &mut carry, &timezone);
            last = now;
            journal.set_action_point(action, now);
            keep_for_rescue(options, journal.clone());
            let saved = saver.changed(store, journal, module, output, now)?;
            say(output, width, &text::plain_outcome(text::PLAIN_SAVED, saved)).map_err(io_error)?;
        }
    }
    let now = (options.now)();
    journal.count_study(Some(last), now, &mut carry, &timezone);
    journal.record_completion(module, now);
    save(store, journal, module, output)?;
    saver.pending = false;
    // The latest review's overall comments, agreed actions and next date.
    if let Some(latest) = crate::review::latest_review_of(&reviews, &course.id, &module.id) {
        let review = &latest.review;
        let summary = text::plain_review_summary(
            &review.reviewer.name,
            review.reviewer.kind == crate::review::ReviewerKind::Peer,
            review.date,
            review.overall_comments.as_deref(),
            review.agreed_actions.as_deref(),
            review.next_review,
        );
        writeln!(output, "{summary}").map_err(io_error)?;
    }
    let progress = journal.progress(module);
    say(
        output,
        width,
        &format!(
            "\n{}",
            text::plain_end(progress.answered, progress.questions, &path.display().to_string())
        ),
    )
    .map_err(io_error)?;
    Ok(())
}
