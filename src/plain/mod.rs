//! Line-by-line mode for screen readers and dumb terminals: the module as
//! plain wrapped text, each question asked in turn, answers read from
//! standard input and saved to the same journal as the full-screen tutor,
//! by the same rules (`journal::model`).

mod input;
pub mod terminal;

use std::io::{self, BufRead, Write};
use std::sync::{Arc, Mutex, PoisonError};

use jiff::Timestamp;

use crate::content::{Course, Module};
use crate::document::{self, PLAIN_MARKS};
use crate::folder::files::TEXT_LIMIT;
use crate::journal::ModuleJournal;
use crate::store::Store;
use crate::text;
use input::{Input, Line, Typed, TypedText};

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
    /// Ctrl-C.
    Interrupted,
}

/// How a plain-mode session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// At the end of the module, or the learner stopped at a pause.
    Finished,
    /// Ctrl-C at a terminal: the journal with what was typed, the line
    /// being typed too, waits in the rescue snapshot to be saved.
    Interrupted,
}

/// Asks `prompt` and waits for Enter (or `q`); the screen starts afresh.
fn pause(input: &mut Input, output: &mut Counted, width: usize, prompt: &str) -> io::Result<Pause> {
    say(output, width, prompt)?;
    output.flush()?;
    let said = match input.line(output)? {
        None => Pause::Ended,
        Some(Line::Interrupted(_)) => Pause::Interrupted,
        Some(Line::Typed(line)) if line.trim() == "q" => Pause::Stop,
        Some(Line::Typed(_)) => Pause::Go,
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

/// What is being typed, for the journal a signal would save.
#[derive(Clone)]
enum Typing {
    Question { id: String, wording: String },
    ActionPoint,
}

/// The journal with the text typed so far, as an interruption saves it:
/// nothing already written is replaced by a half-typed answer (an
/// unfinished replacement is added after the saved text, to be tidied).
fn with_typed(journal: &ModuleJournal, typing: &Typing, typed: &str, now: Timestamp) -> ModuleJournal {
    let mut draft = journal.clone();
    let typed = typed.to_owned();
    if typed.trim().is_empty() {
        return draft;
    }
    match typing {
        Typing::Question { id, wording } => {
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

/// Hands the signal thread the journal with the answer being typed, which
/// it puts together only if it has to save: each line typed is added to
/// `typed` alone, so a long answer costs time in proportion to its length.
fn keep_typing_for_rescue(options: &PlainOptions, journal: &ModuleJournal, typing: &Typing, typed: &Typed) {
    if let Some(snapshot) = &options.rescue {
        let (journal, typing, typed, now) = (journal.clone(), typing.clone(), Arc::clone(typed), options.now);
        snapshot.replace_with(Box::new(move || {
            let typed = typed.lock().unwrap_or_else(PoisonError::into_inner);
            vec![with_typed(&journal, &typing, &typed.text, now())]
        }));
    }
}

/// Reads one answer into `typed`, the signal thread kept up to date.
fn read_answer(
    input: &mut Input,
    output: &mut dyn Write,
    options: &PlainOptions,
    journal: &ModuleJournal,
    typing: &Typing,
    may_add: bool,
    rooms: (usize, usize),
) -> io::Result<(input::Answer, TypedText)> {
    let typed: Typed = Arc::new(Mutex::new(TypedText::default()));
    keep_typing_for_rescue(options, journal, typing, &typed);
    let answer = input.answer(output, &typed, may_add, rooms)?;
    let text = std::mem::take(&mut *typed.lock().unwrap_or_else(PoisonError::into_inner));
    if answer.interrupted {
        // The snapshot must still hold what was typed: put it back whole.
        let draft = with_typed(journal, typing, &text.text, (options.now)());
        keep_for_rescue(options, draft);
    }
    Ok((answer, text))
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
) -> Result<Ended, String> {
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
) -> Result<Ended, String> {
    let path = store.module_path(&course.id, &module.id);
    let mut input = Input {
        reader: input,
        undecodable: false,
        ctrl_c_ends_line: options.interactive,
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
                    Pause::Interrupted => {
                        keep_for_rescue(options, journal.clone());
                        return Ok(Ended::Interrupted);
                    }
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
                id: question.id.clone(),
                wording: question.text.clone(),
            };
            let saved_chars = journal
                .reflections
                .get(&question.id)
                .filter(|_| answered)
                .map_or(0, |reflection| reflection.text.chars().count());
            // Added as a new paragraph: the saved text and the blank line
            // before it count towards the limit.
            let rooms = (TEXT_LIMIT, TEXT_LIMIT.saturating_sub(saved_chars + 2));
            let (answer, typed) =
                read_answer(&mut input, output, options, journal, &typing, answered, rooms).map_err(io_error)?;
            if answer.interrupted {
                return Ok(Ended::Interrupted);
            }
            let ended = answer.ended;
            input_ended = ended;
            output.lines = 0;
            let now = (options.now)();
            journal.count_study(Some(last), now, &mut carry, &timezone);
            last = now;
            let blank = typed.text.trim().is_empty();
            let said = if answered {
                if typed.adding && !blank {
                    journal.add_to_answer(&question.id, &question.text, &typed.text, now);
                    text::PLAIN_ADDED
                } else if typed.adding || blank {
                    text::PLAIN_KEPT
                } else {
                    journal.answer(&question.id, &question.text, typed.text, now);
                    text::PLAIN_REPLACED
                }
            } else if blank {
                if ended {
                    // Input ran out before an answer: nothing was chosen.
                    continue;
                }
                journal.skip(&question.id, &question.text, now);
                text::SKIPPED
            } else {
                journal.answer(&question.id, &question.text, typed.text, now);
                text::PLAIN_SAVED
            };
            if typed.refused > 0 {
                say(
                    output,
                    width,
                    &text::plain_not_taken(TEXT_LIMIT, typed.chars, typed.refused),
                )
                .map_err(io_error)?;
            }
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
                Pause::Interrupted => {
                    keep_for_rescue(options, journal.clone());
                    return Ok(Ended::Interrupted);
                }
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
        let (answer, typed) = read_answer(
            &mut input,
            output,
            options,
            journal,
            &Typing::ActionPoint,
            false,
            (TEXT_LIMIT, TEXT_LIMIT),
        )
        .map_err(io_error)?;
        if answer.interrupted {
            return Ok(Ended::Interrupted);
        }
        let action = typed.text;
        if !action.trim().is_empty() {
            if typed.refused > 0 {
                say(
                    output,
                    width,
                    &text::plain_not_taken(TEXT_LIMIT, typed.chars, typed.refused),
                )
                .map_err(io_error)?;
            }
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
    Ok(Ended::Finished)
}
