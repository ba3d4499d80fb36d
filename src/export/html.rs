//! The log as one self-contained HTML page: the stylesheet from
//! `assets/log.css` inline, no scripts, no external requests (a
//! Content-Security-Policy forbids them too), every text escaped. Links are
//! only to places within the page.

use std::fmt::Write as _;

use super::model::{Log, ModuleLog, QuestionLog};
use super::words;

const STYLESHEET: &str = include_str!("../../assets/log.css");

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn one(text: &str) -> String {
    escape(&words::one_line(text))
}

/// What a learner wrote, shown exactly as written (the stylesheet keeps
/// line breaks and spaces).
fn written(text: &str) -> String {
    format!("<div class=\"written\">{}</div>\n", escape(&words::clean(text)))
}

fn fields(out: &mut String, fields: &[(&str, String)]) {
    out.push_str("<table class=\"fields\">\n");
    for (label, value) in fields {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            escape(label),
            one(value)
        );
    }
    out.push_str("</table>\n");
}

fn question(out: &mut String, number: usize, question: &QuestionLog) {
    let class = match question.status {
        super::model::QuestionStatus::Answered => "answered",
        super::model::QuestionStatus::Skipped => "skipped",
        super::model::QuestionStatus::NotAnswered => "not-answered",
    };
    let _ = writeln!(out, "<div class=\"question {class}\">");
    let _ = writeln!(out, "<h3>{}</h3>", escape(&words::question_heading(number)));
    let _ = writeln!(out, "<p class=\"question-text\">{}</p>", one(&question.question));
    if !question.in_module {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(words::NO_LONGER_IN_MODULE));
    }
    match (words::question_state(question), &question.reflection) {
        (Some(state), _) => {
            let _ = writeln!(out, "<p class=\"state\">{}</p>", escape(state));
        }
        (None, Some(reflection)) => out.push_str(&written(reflection)),
        (None, None) => {}
    }
    if let Some(reviewed) = &question.edited_after_review {
        let _ = writeln!(
            out,
            "<div class=\"reviewed-wording\">\n<p class=\"note\">{}</p>",
            escape(&words::edited_after_review(reviewed))
        );
        out.push_str(&written(&reviewed.text));
        out.push_str("</div>\n");
    }
    for comment in &question.review_comments {
        let _ = writeln!(
            out,
            "<div class=\"review-comment\">\n<p class=\"reviewer\">{}</p>",
            escape(&words::comment_by(comment))
        );
        out.push_str(&written(&comment.comment));
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
}

fn reviews(out: &mut String, log: &Log) {
    if log.reviews.is_empty() {
        return;
    }
    out.push_str("<section class=\"reviews\">\n");
    let _ = writeln!(out, "<h2>{}</h2>", escape(words::REVIEWS_HEADING));
    for review in &log.reviews {
        let _ = writeln!(out, "<h3>{}</h3>", escape(&words::review_heading(review)));
        fields(out, &words::review_fields(review));
        for (label, text) in [
            (words::OVERALL_COMMENTS, &review.overall_comments),
            (words::AGREED_ACTIONS, &review.agreed_actions),
        ] {
            if let Some(text) = text {
                let _ = writeln!(out, "<h4>{}</h4>", escape(label));
                out.push_str(&written(text));
            }
        }
    }
    out.push_str("</section>\n");
}

fn module(out: &mut String, log: &Log, course_title: &str, number: usize, module: &ModuleLog) {
    let _ = writeln!(out, "<section class=\"module\" id=\"module-{number}\">");
    let _ = writeln!(
        out,
        "<h2><span class=\"number\">Module {number}</span> {}</h2>",
        one(&module.title)
    );
    fields(out, &words::module_fields(log, course_title, module));
    if module.questions.is_empty() {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(words::NO_QUESTIONS));
    }
    for (index, item) in module.questions.iter().enumerate() {
        question(out, index + 1, item);
    }
    if let Some(point) = &module.action_point {
        out.push_str("<div class=\"action-point\">\n<h3>Action point</h3>\n");
        let _ = writeln!(
            out,
            "<p class=\"state\">{}</p>",
            escape(&words::action_point_date(point.created, point.updated))
        );
        out.push_str(&written(&point.text));
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

fn write_in_row(out: &mut String, label: &str, value: Option<&str>) {
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
        escape(label),
        value.map(one).unwrap_or_default()
    );
}

pub fn render(log: &Log) -> String {
    let mut out = String::new();
    let title = match &log.learner.name {
        Some(name) => format!(
            "{}: {}, {}",
            words::TITLE,
            name,
            words::date(super::export_date(log.exported))
        ),
        None => format!("{}, {}", words::TITLE, words::date(super::export_date(log.exported))),
    };
    out.push_str("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"casebook {}\">",
        escape(&log.casebook_version)
    );
    let _ = writeln!(out, "<title>{}</title>", one(&title));
    let _ = writeln!(out, "<style>\n{}</style>", STYLESHEET);
    out.push_str("</head>\n<body>\n<main>\n");

    out.push_str("<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(words::TITLE));
    fields(&mut out, &words::header_fields(log));
    out.push_str("</header>\n");

    out.push_str("<section class=\"courses\">\n");
    let _ = writeln!(
        out,
        "<h2>{}</h2>",
        if log.courses.len() == 1 { "Course" } else { "Courses" }
    );
    for course in &log.courses {
        let _ = writeln!(out, "<p class=\"course-title\">{}</p>", one(&course.title));
        fields(&mut out, &words::course_fields(course));
    }
    out.push_str("</section>\n");

    out.push_str("<section class=\"summary\">\n<h2>Summary</h2>\n");
    fields(&mut out, &words::summary_fields(log));
    out.push_str("<h3>Modules covered</h3>\n<ol class=\"modules\">\n");
    let mut number = 0;
    for course in &log.courses {
        for item in &course.modules {
            number += 1;
            let _ = writeln!(
                out,
                "<li><a href=\"#module-{number}\">{}</a>: {}, {}</li>",
                one(&words::module_name(item)),
                escape(&words::module_status(item)),
                escape(&words::module_time(item))
            );
        }
    }
    out.push_str("</ol>\n<h3>Action points</h3>\n");
    if log.summary.action_points.is_empty() {
        out.push_str("<p>None recorded.</p>\n");
    } else {
        out.push_str("<ol class=\"action-points\">\n");
        for point in &log.summary.action_points {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong> <span class=\"date\">({})</span>\n{}</li>",
                one(&point.module_title),
                escape(&words::action_point_set(point.created, point.updated)),
                written(&point.text).trim_end()
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");

    let mut number = 0;
    for course in &log.courses {
        for item in &course.modules {
            number += 1;
            module(&mut out, log, &course.title, number, item);
        }
    }

    reviews(&mut out, log);
    out.push_str("<section class=\"declaration\">\n");
    let _ = writeln!(out, "<h2>{}</h2>", escape(words::DECLARATION_HEADING));
    let _ = writeln!(out, "<p>{}</p>", escape(&log.declaration));
    if let Some(check) = &log.identifying_check {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            escape(&crate::text::identify::log_line(check.marked_not_identifying))
        );
    }
    out.push_str("<table class=\"sign-off\">\n");
    write_in_row(&mut out, words::NAME, log.learner.name.as_deref());
    write_in_row(&mut out, words::SIGNATURE, None);
    write_in_row(&mut out, words::DATE, None);
    out.push_str("</table>\n</section>\n");

    out.push_str("<section class=\"supervisor\">\n");
    let _ = writeln!(out, "<h2>{}</h2>", escape(words::SUPERVISOR_HEADING));
    let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(words::SUPERVISOR_INTRO));
    for label in [words::COMMENTS, words::AGREED_ACTIONS] {
        let _ = writeln!(out, "<h3>{}</h3>\n<div class=\"write-in\"></div>", escape(label));
    }
    out.push_str("<table class=\"sign-off\">\n");
    write_in_row(&mut out, words::NEXT_REVIEW, None);
    write_in_row(&mut out, words::SUPERVISOR_NAME, log.supervisor.name.as_deref());
    write_in_row(&mut out, words::ROLE, None);
    write_in_row(&mut out, words::DATE, None);
    write_in_row(&mut out, words::SIGNATURE, None);
    out.push_str("</table>\n");

    out.push_str("<footer class=\"digest\">\n");
    let _ = writeln!(
        out,
        "<p>{}: <code>{}</code></p>",
        escape(words::DIGEST_HEADING),
        escape(&log.digest)
    );
    let _ = writeln!(out, "<p>{}</p>", escape(words::DIGEST_NOTE));
    out.push_str("</footer>\n</section>\n</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
    }
}
