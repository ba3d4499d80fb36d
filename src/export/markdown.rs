//! The log as CommonMark that also reads well as plain text.
//!
//! Every text casebook did not write itself (reflections, action points,
//! the profile, titles and questions) is escaped so that it renders as
//! written: characters that would start emphasis, code, links, HTML,
//! entities, tables or strikethrough get a backslash, and so does anything
//! at the start of a line that would start a heading, quote, list, rule,
//! fence or setext underline. A line break within a paragraph becomes a
//! hard break (a backslash at the end of the line), and leading spaces
//! become no-break spaces so that indented lines are not read as code.

use std::fmt::Write as _;

use super::model::{Log, ModuleLog, QuestionLog};
use super::words;

/// Escapes text within a line. `#` is escaped everywhere when `heading`.
fn inline(text: &str, heading: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (index, &c) in chars.iter().enumerate() {
        let before = index.checked_sub(1).and_then(|at| chars.get(at));
        let after = chars.get(index + 1);
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '#' => heading,
            // An underscore inside a word cannot start emphasis.
            '_' => !(before.is_some_and(|c| c.is_alphanumeric()) && after.is_some_and(|c| c.is_alphanumeric())),
            // Only an ampersand that would start an entity (`&amp;`, `&#38;`).
            '&' => {
                let rest: String = chars[index + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                    .collect();
                !rest.is_empty() && chars.get(index + 1 + rest.chars().count()) == Some(&';')
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes one line of text that starts a Markdown line.
fn line(text: &str) -> String {
    // Leading spaces and tabs as no-break spaces: kept, and never code.
    let body = text.trim_start_matches([' ', '\t']);
    let indent: String = text[..text.len() - body.len()]
        .chars()
        .map(|c| {
            if c == '\t' {
                "\u{a0}\u{a0}\u{a0}\u{a0}"
            } else {
                "\u{a0}"
            }
        })
        .collect();
    let mut escaped = inline(body, false);
    match body.chars().next() {
        Some('#' | '-' | '+' | '=') => escaped.insert(0, '\\'),
        Some(c) if c.is_ascii_digit() => {
            // `1.` or `1)` would start an ordered list.
            let digits = body.bytes().take_while(u8::is_ascii_digit).count();
            if digits <= 9 && matches!(body.as_bytes().get(digits), Some(b'.' | b')')) {
                escaped.insert(digits, '\\');
            }
        }
        _ => {}
    }
    format!("{indent}{escaped}")
}

/// A user's text as Markdown paragraphs, line breaks kept.
pub(crate) fn block(text: &str) -> String {
    words::paragraphs(text)
        .iter()
        .map(|lines| lines.iter().map(|text| line(text)).collect::<Vec<_>>().join("\\\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A one-line text, escaped (for list items and emphasis).
fn one(text: &str) -> String {
    line(&words::one_line(text))
}

pub(crate) fn heading(level: usize, text: &str) -> String {
    format!("{} {}\n\n", "#".repeat(level), inline(&words::one_line(text), true))
}

fn fields(out: &mut String, fields: &[(&str, String)]) {
    for (label, value) in fields {
        let _ = writeln!(out, "- **{label}:** {}", inline(&words::one_line(value), false));
    }
    out.push('\n');
}

/// A user's text inside a numbered list item, indented to the item.
fn indented(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    block(text)
        .split('\n')
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("{pad}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A line to write on.
fn dotted() -> &'static str {
    "........................................"
}

/// A longer line to write on, for comments.
fn dotted_long() -> &'static str {
    "........................................................................"
}

fn question(out: &mut String, number: usize, question: &QuestionLog) {
    out.push_str(&heading(3, &words::question_heading(number)));
    let worded = one(&question.question);
    if !worded.is_empty() {
        let _ = writeln!(out, "**{worded}**\n");
    }
    if !question.in_module {
        let _ = writeln!(out, "*{}*\n", words::NO_LONGER_IN_MODULE);
    }
    match (words::question_state(question), &question.reflection) {
        (Some(state), _) => {
            let _ = writeln!(out, "*{state}*\n");
        }
        (None, Some(reflection)) => {
            let _ = writeln!(out, "{}\n", block(reflection));
        }
        (None, None) => {}
    }
    if let Some(reviewed) = &question.edited_after_review {
        let _ = writeln!(out, "*{}*\n", inline(&words::edited_after_review(reviewed), false));
        let _ = writeln!(out, "{}\n", quoted(&block(&reviewed.text)));
    }
    for comment in &question.review_comments {
        let _ = writeln!(out, "**{}**\n", inline(&words::comment_by(comment), false));
        let _ = writeln!(out, "{}\n", quoted(&block(&comment.comment)));
    }
}

/// Escaped Markdown as a block quote, so a reviewer's words stand apart
/// from the learner's.
fn quoted(markdown: &str) -> String {
    markdown
        .split('\n')
        .map(|line| {
            if line.is_empty() {
                ">".to_owned()
            } else {
                format!("> {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn reviews(out: &mut String, log: &Log) {
    if log.reviews.is_empty() {
        return;
    }
    out.push_str("---\n\n");
    out.push_str(&heading(2, words::REVIEWS_HEADING));
    for review in &log.reviews {
        out.push_str(&heading(3, &words::review_heading(review)));
        fields(out, &words::review_fields(review));
        for (label, text) in [
            (words::OVERALL_COMMENTS, &review.overall_comments),
            (words::AGREED_ACTIONS, &review.agreed_actions),
        ] {
            if let Some(text) = text {
                let _ = writeln!(out, "**{label}**\n");
                let _ = writeln!(out, "{}\n", block(text));
            }
        }
    }
}

fn module(out: &mut String, log: &Log, course_title: &str, number: usize, module: &ModuleLog) {
    out.push_str("---\n\n");
    out.push_str(&heading(2, &format!("Module {number}: {}", module.title)));
    fields(out, &words::module_fields(log, course_title, module));
    if module.questions.is_empty() {
        let _ = writeln!(out, "*{}*\n", words::NO_QUESTIONS);
    }
    for (index, item) in module.questions.iter().enumerate() {
        question(out, index + 1, item);
    }
    if let Some(point) = &module.action_point {
        out.push_str(&heading(3, "Action point"));
        let _ = writeln!(out, "*{}*\n", words::action_point_date(point.created, point.updated));
        let _ = writeln!(out, "{}\n", block(&point.text));
    }
}

pub fn render(log: &Log) -> String {
    let mut out = String::new();
    out.push_str(&heading(1, words::TITLE));
    fields(&mut out, &words::header_fields(log));

    out.push_str(&heading(2, if log.courses.len() == 1 { "Course" } else { "Courses" }));
    for course in &log.courses {
        let _ = writeln!(out, "**{}**\n", one(&course.title));
        fields(&mut out, &words::course_fields(course));
    }

    out.push_str(&heading(2, "Summary"));
    fields(&mut out, &words::summary_fields(log));
    out.push_str(&heading(3, "Modules covered"));
    let mut number = 0;
    for course in &log.courses {
        for item in &course.modules {
            number += 1;
            let _ = writeln!(out, "{number}. {}", one(&words::module_line(item)));
        }
    }
    out.push('\n');
    out.push_str(&heading(3, "Action points"));
    if log.summary.action_points.is_empty() {
        out.push_str("None recorded.\n\n");
    }
    for (index, point) in log.summary.action_points.iter().enumerate() {
        let marker = format!("{}. ", index + 1);
        let _ = writeln!(
            out,
            "{marker}**{}** ({})\n",
            one(&point.module_title),
            words::action_point_set(point.created, point.updated)
        );
        let _ = writeln!(out, "{}\n", indented(&point.text, marker.len()));
    }

    let mut number = 0;
    for course in &log.courses {
        for item in &course.modules {
            number += 1;
            module(&mut out, log, &course.title, number, item);
        }
    }

    reviews(&mut out, log);
    out.push_str("---\n\n");
    out.push_str(&heading(2, words::DECLARATION_HEADING));
    let _ = writeln!(out, "{}\n", inline(&log.declaration, false));
    if let Some(check) = &log.identifying_check {
        let _ = writeln!(
            out,
            "{}\n",
            inline(&crate::text::identify::log_line(check.marked_not_identifying), false)
        );
    }
    fields(
        &mut out,
        &[
            (words::NAME, words::optional(log.learner.name.as_deref())),
            (words::SIGNATURE, dotted().to_owned()),
            (words::DATE, dotted().to_owned()),
        ],
    );

    out.push_str("---\n\n");
    out.push_str(&heading(2, words::SUPERVISOR_HEADING));
    let _ = writeln!(out, "*{}*\n", words::SUPERVISOR_INTRO);
    for label in [words::COMMENTS, words::AGREED_ACTIONS] {
        let _ = writeln!(out, "**{label}**\n");
        for _ in 0..4 {
            let _ = writeln!(out, "{}\n", dotted_long());
        }
    }
    fields(
        &mut out,
        &[
            (words::NEXT_REVIEW, dotted().to_owned()),
            (
                words::SUPERVISOR_NAME,
                log.supervisor.name.clone().unwrap_or_else(|| dotted().to_owned()),
            ),
            (words::ROLE, dotted().to_owned()),
            (words::DATE, dotted().to_owned()),
            (words::SIGNATURE, dotted().to_owned()),
        ],
    );

    out.push_str("---\n\n");
    out.push_str(&heading(2, words::DIGEST_HEADING));
    let _ = writeln!(out, "`{}`\n", log.digest);
    let _ = writeln!(out, "{}", words::DIGEST_NOTE);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_starts_that_would_be_structure_are_escaped() {
        assert_eq!(line("# not a heading"), "\\# not a heading");
        assert_eq!(line("---"), "\\---");
        assert_eq!(line("1. first"), "1\\. first");
        assert_eq!(line("12) twelfth"), "12\\) twelfth");
        assert_eq!(line("2026. A year"), "2026\\. A year");
        assert_eq!(line("> quoted"), "\\> quoted");
        assert_eq!(line("| a | b |"), "\\| a \\| b \\|");
        assert_eq!(line("```"), "\\`\\`\\`");
        assert_eq!(line("    code?"), "\u{a0}\u{a0}\u{a0}\u{a0}code?");
        assert_eq!(line("==="), "\\===");
        assert_eq!(line("+ plus"), "\\+ plus");
    }

    #[test]
    fn inline_markup_is_escaped_but_plain_words_are_left_alone() {
        assert_eq!(
            inline("*bold* _it_ snake_case", false),
            "\\*bold\\* \\_it\\_ snake_case"
        );
        assert_eq!(
            inline("[link](x) <b> `code`", false),
            "\\[link\\](x) \\<b\\> \\`code\\`"
        );
        assert_eq!(inline("Tom & Jerry &amp; &#38;", false), "Tom & Jerry \\&amp; \\&#38;");
        assert_eq!(inline("C:\\path ~~gone~~", false), "C:\\\\path \\~\\~gone\\~\\~");
        assert_eq!(inline("Case #2", true), "Case \\#2");
        assert_eq!(inline("Case #2", false), "Case #2");
    }

    #[test]
    fn line_breaks_within_a_paragraph_are_hard_breaks() {
        assert_eq!(block("one\ntwo\\\n\nthree"), "one\\\ntwo\\\\\n\nthree");
        // A line ending in a backslash keeps it, then breaks.
        assert_eq!(block("a\\\nb"), "a\\\\\\\nb");
    }
}
