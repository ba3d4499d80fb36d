//! A CPD record written out field by field, in a layout's order and under
//! its labels, ready to paste into a regulator's form one field at a time.
//! Word counts are shown against the layout's limits, and a text over its
//! limit is kept whole with a warning: never cut.

use serde::Serialize;

use super::layout::Layout;
use super::record::{CpdRecord, word_count};
use crate::export::Format;
use crate::export::model::IdentifyingCheck;

/// One field of one record, as written out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldOut {
    pub field: String,
    pub label: String,
    pub text: String,
    pub words: usize,
    pub limit: Option<usize>,
    /// Words over the limit; 0 within it.
    pub over: usize,
    pub optional: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordOut {
    pub id: String,
    pub submitted: Option<jiff::Timestamp>,
    /// A required field is empty: the record is a draft.
    pub draft: bool,
    /// Decimal hours, as an hours box takes them.
    pub hours: f64,
    pub fields: Vec<FieldOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub format: &'static str,
    pub layout: String,
    pub title: String,
    /// Where the layout's rules come from, and when they were checked.
    pub source: String,
    pub checked: String,
    /// That the identifying-details check ran before the records were
    /// written, and how many findings were marked not identifying (never
    /// the words). Absent when written without the check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifying_check: Option<IdentifyingCheck>,
    pub records: Vec<RecordOut>,
}

pub fn document(layout: &Layout, records: &[CpdRecord]) -> Document {
    Document {
        format: "casebook-cpd-record",
        layout: layout.id.clone(),
        title: layout.title.clone(),
        source: layout.source.clone(),
        checked: layout.checked.clone(),
        identifying_check: None,
        records: records
            .iter()
            .map(|record| RecordOut {
                id: record.id.clone(),
                submitted: record.submitted,
                draft: record.is_draft(layout),
                hours: record.hours(),
                fields: layout
                    .fields
                    .iter()
                    .map(|field| {
                        let text = record.field(&field.field);
                        let words = word_count(&text);
                        FieldOut {
                            field: field.field.clone(),
                            label: field.label.clone(),
                            words,
                            limit: field.words,
                            over: field.words.map_or(0, |limit| words.saturating_sub(limit)),
                            optional: field.optional,
                            text,
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Every warning for the document: one line per field over its limit or
/// required and empty.
pub fn warnings(document: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for record in &document.records {
        for field in &record.fields {
            if field.over > 0 {
                out.push(crate::text::cpd_over_limit(&record.id, &field.label, field.over));
            } else if field.words == 0 && !field.optional {
                out.push(crate::text::cpd_field_empty(&record.id, &field.label));
            } else if field.field == "description" && field.text.contains(crate::text::CPD_RELEVANCE_UNFINISHED) {
                out.push(crate::text::cpd_relevance_unfinished(&record.id));
            }
        }
    }
    out
}

fn heading(record: &RecordOut) -> String {
    crate::text::cpd_record_heading(&record.id, record.submitted.is_some(), record.draft)
}

/// Where the rules come from, and (on a line of its own) that the
/// identifying-details check ran.
fn rules(document: &Document) -> String {
    let rules = crate::text::cpd_rules_source(&document.source, &document.checked);
    match &document.identifying_check {
        Some(check) => format!(
            "{rules}\n{}",
            crate::text::identify::log_line(check.marked_not_identifying)
        ),
        None => rules,
    }
}

fn count(field: &FieldOut) -> String {
    crate::text::cpd_word_count(field.words, field.limit, field.over)
}

pub fn render(document: &Document, format: Format) -> Vec<u8> {
    let text = match format {
        Format::Json => {
            let json = serde_json::to_string_pretty(document).unwrap_or_default();
            return crate::export::json_escaped(json + "\n").into_bytes();
        }
        Format::Text => text(document),
        Format::Markdown => markdown(document),
        Format::Html => html(document),
    };
    crate::export::shown_as_written(text).into_bytes()
}

fn text(document: &Document) -> String {
    let mut out = format!("{}\n{}\n", document.title, rules(document));
    for record in &document.records {
        out.push_str(&format!("\n{}\n", heading(record)));
        for field in &record.fields {
            out.push_str(&format!("\n{}  [{}]\n", field.label, count(field)));
            out.push_str(if field.text.is_empty() { "-" } else { &field.text });
            out.push('\n');
        }
    }
    out
}

fn markdown(document: &Document) -> String {
    use crate::export::markdown::{block, heading as markdown_heading};
    let mut out = markdown_heading(1, &document.title);
    out.push_str(&block(&rules(document)));
    out.push_str("\n\n");
    for record in &document.records {
        out.push_str(&markdown_heading(2, &heading(record)));
        for field in &record.fields {
            out.push_str(&markdown_heading(3, &field.label));
            out.push_str(&format!("*{}*\n\n", count(field)));
            // Escaped, so the learner's text is shown as written.
            if !field.text.trim().is_empty() {
                out.push_str(&block(&field.text));
                out.push_str("\n\n");
            }
        }
    }
    out
}

fn html(document: &Document) -> String {
    let escape = crate::export::html::escape;
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n<body>\n<h1>{}</h1>\n<p>{}</p>\n",
        escape(&document.title),
        escape(&document.title),
        escape(&rules(document)).replace('\n', "<br>\n")
    );
    for record in &document.records {
        out.push_str(&format!("<section>\n<h2>{}</h2>\n", escape(&heading(record))));
        for field in &record.fields {
            out.push_str(&format!(
                "<h3>{}</h3>\n<p><em>{}</em></p>\n",
                escape(&field.label),
                escape(&count(field))
            ));
            for paragraph in field.text.split("\n\n") {
                out.push_str(&format!("<p>{}</p>\n", escape(paragraph).replace('\n', "<br>\n")));
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
