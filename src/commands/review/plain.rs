//! The plain review, line by line (`casebook review --plain`, or without a
//! terminal): each answer ended by a line holding only ".".

use std::io::{self, BufRead, Write};

use super::{optional, say};
use crate::exit;
use crate::export::reading::LogView;
use crate::review::format::Comment;
use crate::supervision::{Answers, parse_next_review};
use crate::text;

/// A line of input without its line ending; `None` at the end of input.
/// Bytes that are not UTF-8 (a Latin-1 terminal typing £) are replaced
/// rather than ending the review.
fn next_line(input: &mut dyn BufRead) -> io::Result<Option<String>> {
    let mut bytes = Vec::new();
    if input.read_until(b'\n', &mut bytes)? == 0 {
        return Ok(None);
    }
    let line = String::from_utf8_lossy(&bytes);
    Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned()))
}

/// One answer: lines up to one holding only `.`; `None` when the input
/// ends first. Surrounding blank lines are dropped.
fn read_answer(input: &mut dyn BufRead) -> io::Result<Option<String>> {
    let mut lines: Vec<String> = Vec::new();
    loop {
        let Some(line) = next_line(input)? else {
            return Ok(None);
        };
        if line.trim() == "." {
            break;
        }
        lines.push(line);
    }
    while lines.first().is_some_and(|line| line.trim().is_empty()) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|line| line.trim().is_empty()) {
        lines.pop();
    }
    Ok(Some(lines.join("\n")))
}

/// One line (a name, a date); `None` when the input ends first.
pub(super) fn read_line(input: &mut dyn BufRead) -> io::Result<Option<String>> {
    Ok(next_line(input)?.map(|line| line.trim().to_owned()))
}

/// The plain flow's questions, in order: a comment on each reflection,
/// overall comments, agreed actions and the next review date.
pub(super) fn ask_plain(log: &LogView, input: &mut dyn BufRead, out: &mut dyn Write) -> Result<Answers, (String, u8)> {
    let ended = || (text::REVIEW_INPUT_ENDED.to_owned(), exit::REFUSED);
    let io_failed = |error: io::Error| (text::review_input_failed(&text::io_reason(&error)), exit::FILE);
    let reflections: Vec<_> = log.reflections().collect();
    say(out, text::REVIEW_HOW_TO_ANSWER)?;

    let mut comments = Vec::new();
    let mut module_shown: Option<(String, String)> = None;
    for (number, (course, module, question, reflection)) in reflections.iter().enumerate() {
        let here = (course.id.clone(), module.id.clone());
        if module_shown.as_ref() != Some(&here) {
            say(
                out,
                &text::review_module_heading(&module.title, module.subtitle.as_deref(), &module.id),
            )?;
            // The whole record, as on the full screen.
            let facts = crate::supervision::module_facts(module);
            say(out, &facts.status)?;
            for skipped in &facts.skipped {
                say(out, skipped)?;
            }
            say(
                out,
                facts.action_point.as_deref().unwrap_or(text::REVIEW_NO_ACTION_POINT),
            )?;
            module_shown = Some(here);
        }
        // Both wordings of one edited since an earlier review.
        let edited = question
            .edited_after_review
            .as_ref()
            .map(|old| (old.reviewer.as_str(), old.reviewed, old.text.as_str()));
        let shown = text::review_reflection(number + 1, reflections.len(), &question.question, reflection, edited);
        say(out, &shown)?;
        let comment = read_answer(input).map_err(io_failed)?.ok_or_else(ended)?;
        if let Some(comment) = optional(comment) {
            comments.push(Comment {
                course: course.id.clone(),
                module: module.id.clone(),
                question: question.id.clone(),
                question_text: question.question.clone(),
                reflection: (*reflection).to_owned(),
                comment,
            });
        }
    }
    say(out, text::REVIEW_ASK_OVERALL)?;
    let overall = read_answer(input).map_err(io_failed)?.ok_or_else(ended)?;
    say(out, text::REVIEW_ASK_ACTIONS)?;
    let actions = read_answer(input).map_err(io_failed)?.ok_or_else(ended)?;
    say(out, text::REVIEW_ASK_NEXT)?;
    let next_review = loop {
        let line = read_line(input).map_err(io_failed)?.ok_or_else(ended)?;
        match parse_next_review(&line) {
            Ok(date) => break date,
            Err(message) => say(out, &text::review_date_again(&message))?,
        }
    };

    Ok(Answers {
        comments,
        overall,
        actions,
        next_review,
    })
}
