//! The log as plain text wrapped at 78 columns (by display width, so
//! accents, CJK and emoji count as they show), for pasting into an e-mail or
//! an online CPD form. Words are never split: a single word longer than a
//! line (a long web address) keeps its line to itself.

use std::fmt::Write as _;

use textwrap::core::{Word, display_width as width};
use textwrap::{WordSeparator, WordSplitter};

use super::model::{Log, ModuleLog, QuestionLog};
use super::words;

pub const WIDTH: usize = 78;
const LABEL_WIDTH: usize = 20;

/// Words break at spaces; a word with letters beyond ASCII (such as CJK
/// text, written without spaces) may also break where Unicode allows. So a
/// web address is never split, and a long CJK sentence still wraps.
fn words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    Box::new(WordSeparator::AsciiSpace.find_words(line).flat_map(|word| {
        if word.word.is_ascii() {
            vec![word]
        } else {
            let mut parts: Vec<Word<'_>> = WordSeparator::UnicodeBreakProperties.find_words(word.word).collect();
            if let Some(last) = parts.last_mut() {
                last.whitespace = word.whitespace;
            }
            parts
        }
    }))
}

fn wrap(text: &str, first: &str, rest: &str) -> String {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_separator(WordSeparator::Custom(words))
        .word_splitter(WordSplitter::NoHyphenation)
        .break_words(false);
    textwrap::fill(text, options)
}

fn heading(out: &mut String, text: &str, underline: char) {
    let wrapped = wrap(&words::one_line(text), "", "");
    let widest = wrapped.lines().map(width).max().unwrap_or(0);
    let _ = writeln!(out, "{wrapped}\n{}\n", underline.to_string().repeat(widest));
}

fn field(out: &mut String, label: &str, value: &str) {
    let label = format!("{label}:");
    let first = format!("{label:<LABEL_WIDTH$}");
    let rest = " ".repeat(LABEL_WIDTH);
    if width(&label) >= LABEL_WIDTH {
        let _ = writeln!(
            out,
            "{}",
            wrap(&format!("{label} {}", words::one_line(value)), "", &rest)
        );
    } else {
        let _ = writeln!(out, "{}", wrap(&words::one_line(value), &first, &rest));
    }
}

fn fields(out: &mut String, list: &[(&str, String)]) {
    for (label, value) in list {
        field(out, label, value);
    }
    out.push('\n');
}

/// A user's text, each line wrapped on its own with the indent, blank
/// lines between paragraphs kept.
fn block(text: &str, indent: &str) -> String {
    words::paragraphs(text)
        .iter()
        .map(|lines| {
            lines
                .iter()
                .map(|line| {
                    let line = line.replace('\t', "    ");
                    let body = line.trim_start();
                    let own = format!("{indent}{}", &line[..line.len() - body.len()]);
                    wrap(body, &own, &own)
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn question(out: &mut String, number: usize, question: &QuestionLog) {
    let marker = format!("{number}. ");
    let indent = " ".repeat(marker.len());
    let _ = writeln!(
        out,
        "{}\n",
        wrap(&words::one_line(&question.question), &marker, &indent)
    );
    if !question.in_module {
        let _ = writeln!(out, "{}\n", wrap(words::NO_LONGER_IN_MODULE, &indent, &indent));
    }
    match (words::question_state(question), &question.reflection) {
        (Some(state), _) => {
            let _ = writeln!(out, "{indent}({})\n", state.trim_end_matches('.'));
        }
        (None, Some(reflection)) => {
            let _ = writeln!(out, "{}\n", block(reflection, &indent));
        }
        (None, None) => {}
    }
    let quote = format!("{indent}| ");
    if let Some(reviewed) = &question.edited_after_review {
        let _ = writeln!(
            out,
            "{}\n",
            wrap(&words::edited_after_review(reviewed), &indent, &indent)
        );
        let _ = writeln!(out, "{}\n", block(&reviewed.text, &quote));
    }
    for comment in &question.review_comments {
        let _ = writeln!(out, "{}\n", wrap(&words::comment_by(comment), &indent, &indent));
        let _ = writeln!(out, "{}\n", block(&comment.comment, &quote));
    }
}

fn reviews(out: &mut String, log: &Log) {
    if log.reviews.is_empty() {
        return;
    }
    out.push_str(&"=".repeat(WIDTH));
    out.push_str("\n\n");
    heading(out, &words::REVIEWS_HEADING.to_uppercase(), '-');
    for review in &log.reviews {
        heading(out, &words::review_heading(review), '.');
        fields(out, &words::review_fields(review));
        for (label, text) in [
            (words::OVERALL_COMMENTS, &review.overall_comments),
            (words::AGREED_ACTIONS, &review.agreed_actions),
        ] {
            if let Some(text) = text {
                let _ = writeln!(out, "{label}:\n");
                let _ = writeln!(out, "{}\n", block(text, "   "));
            }
        }
    }
}

fn module(out: &mut String, log: &Log, course_title: &str, number: usize, module: &ModuleLog) {
    out.push_str(&"=".repeat(WIDTH));
    out.push_str("\n\n");
    heading(out, &format!("MODULE {number}: {}", module.title), '-');
    fields(out, &words::module_fields(log, course_title, module));
    if module.questions.is_empty() {
        let _ = writeln!(out, "{}\n", words::NO_QUESTIONS);
    } else {
        out.push_str("Questions\n\n");
    }
    for (index, item) in module.questions.iter().enumerate() {
        question(out, index + 1, item);
    }
    if let Some(point) = &module.action_point {
        let _ = writeln!(
            out,
            "Action point ({})\n",
            words::action_point_set(point.created, point.updated)
        );
        let _ = writeln!(out, "{}\n", block(&point.text, "   "));
    }
}

fn write_in(out: &mut String, label: &str) {
    let _ = writeln!(out, "{label}:\n");
    for _ in 0..4 {
        let _ = writeln!(out, "{}\n", ".".repeat(WIDTH));
    }
}

pub fn render(log: &Log) -> String {
    let mut out = String::new();
    heading(&mut out, &words::TITLE.to_uppercase(), '=');
    fields(&mut out, &words::header_fields(log));

    heading(&mut out, if log.courses.len() == 1 { "COURSE" } else { "COURSES" }, '-');
    for course in &log.courses {
        let _ = writeln!(out, "{}", wrap(&words::one_line(&course.title), "", ""));
        fields(&mut out, &words::course_fields(course));
    }

    heading(&mut out, "SUMMARY", '-');
    fields(&mut out, &words::summary_fields(log));
    out.push_str("Modules covered\n\n");
    let mut number = 0;
    for course in &log.courses {
        for item in &course.modules {
            number += 1;
            let marker = format!("{number}. ");
            let indent = " ".repeat(marker.len());
            let _ = writeln!(
                out,
                "{}",
                wrap(&words::one_line(&words::module_line(item)), &marker, &indent)
            );
        }
    }
    out.push_str("\nAction points\n\n");
    if log.summary.action_points.is_empty() {
        out.push_str("None recorded.\n\n");
    }
    for (index, point) in log.summary.action_points.iter().enumerate() {
        let marker = format!("{}. ", index + 1);
        let indent = " ".repeat(marker.len());
        let title = format!(
            "{} ({})",
            words::one_line(&point.module_title),
            words::action_point_set(point.created, point.updated)
        );
        let _ = writeln!(out, "{}\n", wrap(&title, &marker, &indent));
        let _ = writeln!(out, "{}\n", block(&point.text, &indent));
    }

    let mut number = 0;
    for course in &log.courses {
        for item in &course.modules {
            number += 1;
            module(&mut out, log, &course.title, number, item);
        }
    }

    reviews(&mut out, log);
    out.push_str(&"=".repeat(WIDTH));
    out.push_str("\n\n");
    heading(&mut out, &words::DECLARATION_HEADING.to_uppercase(), '-');
    let _ = writeln!(out, "{}\n", wrap(&log.declaration, "", ""));
    if let Some(check) = &log.identifying_check {
        let _ = writeln!(
            out,
            "{}\n",
            wrap(&crate::text::identify::log_line(check.marked_not_identifying), "", "")
        );
    }
    let blank = ".".repeat(40);
    fields(
        &mut out,
        &[
            (words::NAME, words::optional(log.learner.name.as_deref())),
            (words::SIGNATURE, blank.clone()),
            (words::DATE, blank.clone()),
        ],
    );

    out.push_str(&"=".repeat(WIDTH));
    out.push_str("\n\n");
    heading(&mut out, &words::SUPERVISOR_HEADING.to_uppercase(), '-');
    let _ = writeln!(out, "{}\n", words::SUPERVISOR_INTRO);
    write_in(&mut out, words::COMMENTS);
    write_in(&mut out, words::AGREED_ACTIONS);
    fields(
        &mut out,
        &[
            (words::NEXT_REVIEW, blank.clone()),
            (
                words::SUPERVISOR_NAME,
                log.supervisor.name.clone().unwrap_or_else(|| blank.clone()),
            ),
            (words::ROLE, blank.clone()),
            (words::DATE, blank.clone()),
            (words::SIGNATURE, blank),
        ],
    );

    out.push_str(&"=".repeat(WIDTH));
    out.push_str("\n\n");
    heading(&mut out, &words::DIGEST_HEADING.to_uppercase(), '-');
    let _ = writeln!(out, "{}\n", log.digest);
    let _ = writeln!(out, "{}", wrap(words::DIGEST_NOTE, "", ""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_text_wraps_and_web_addresses_stay_whole() {
        let cjk = "学习".repeat(60);
        let wrapped = wrap(&cjk, "   ", "   ");
        assert!(wrapped.lines().count() > 1);
        assert!(wrapped.lines().all(|line| width(line) <= WIDTH), "{wrapped}");
        let address = format!("see https://example.org/{}-page/x", "long".repeat(20));
        let wrapped = wrap(&address, "", "");
        assert_eq!(wrapped.lines().nth(1), Some(&address[4..]));
    }
}
