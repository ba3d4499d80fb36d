//! CPD records: layouts, `casebook cpd`, and the tutor's CPD form.

pub const LAYOUT_BAD_ID: &str = "a layout's id must be one plain name (letters, digits, dashes), as --layout takes it";
pub const LAYOUT_NO_TITLE: &str = "a layout needs a title";
pub const LAYOUT_NO_FIELDS: &str = "a layout needs at least one field";
pub const LAYOUT_NO_LABEL: &str = "a field needs a label, as the form words it";
pub const LAYOUT_BAD_ROLLING: &str =
    "`rolling` needs `years` from 1 to 10, and days before the renewal date that fit in the period";
pub const LAYOUT_TWO_PERIODS: &str =
    "give either `rolling` or `year_starts` and `deadline`, not both: a layout's period runs one way";
pub const LAYOUT_ZERO_WORDS: &str = "a word limit of 0 leaves no room: leave `words` out for no limit";

pub fn layout_not_a_date(name: &str) -> String {
    format!("`{name}` must be a month and day, written MM-DD (for example \"11-30\"), that every year has")
}

pub fn layout_unknown_field(field: &str, known: &[&str]) -> String {
    format!("unknown field \"{field}\"; a record has: {}", known.join(", "))
}

pub fn layout_duplicate_field(field: &str) -> String {
    format!("field \"{field}\" is given twice; each field appears once")
}

/// Where a layout's rules come from, and when they were checked.
pub fn cpd_rules_source(source: &str, checked: &str) -> String {
    match (source.trim(), checked.trim()) {
        ("", "") => {
            "Rules: this layout does not say where its rules come from; check them with your regulator".to_owned()
        }
        (source, "") => format!("{}; re-check them there", rules_from(source)),
        ("", checked) => format!("Rules: checked {checked}; re-check them with your regulator"),
        (source, checked) => format!("{}, checked {checked}; re-check them there", rules_from(source)),
    }
}

/// "rules as published by ..." starts the line itself; any other source
/// follows "Rules: ".
fn rules_from(source: &str) -> String {
    match source.strip_prefix("rules ") {
        Some(rest) => format!("Rules {rest}"),
        None => format!("Rules: {source}"),
    }
}

pub fn cpd_unknown_layout(layout: &str, known: &[&str]) -> String {
    format!(
        "There is no CPD layout \"{layout}\". Choose one of: {}.",
        known.join(", ")
    )
}

/// The most words the generated description takes, so the learner has
/// room in a form's 250 for their own.
const DESCRIPTION_WORDS: usize = 150;

/// Left in a description until the learner finishes its first sentence.
pub const CPD_RELEVANCE_UNFINISHED: &str = "(finish this sentence in your own words)";

/// The starting text for a record's description: a first sentence on why
/// the case is relevant to the learner's practice, for them to finish; what
/// the learning was; then the guide's own words on what the case shows
/// (`opening`), quoted as whole sentences. A sentence that introduces a
/// list (it ends in a colon) comes with the list (`list`), or is left out.
pub fn cpd_description(course: &str, module: &str, case: Option<&str>, opening: Option<&str>, list: &[&str]) -> String {
    let relevant = format!("This case is relevant to my practice because ... {CPD_RELEVANCE_UNFINISHED}.");
    let studied = match case {
        Some(case) => format!(
            "I studied \"{module}\" ({case}) in {course}, a real-practice case example with take-away questions, and wrote reflections on my own practice."
        ),
        None => format!("I studied \"{module}\" in {course} and wrote reflections on my own practice."),
    };
    let mut out = format!("{relevant} {studied}");
    let sentences = whole_sentences(opening.unwrap_or(""));
    let last = sentences.len().saturating_sub(1);
    let mut quoted: Vec<String> = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        if !sentence.ends_with(':') {
            quoted.push((*sentence).to_owned());
        } else if index == last && !list.is_empty() {
            let items: Vec<String> = list.iter().map(|item| format!("- {}", item.trim())).collect();
            let with_list = format!("{sentence}\n{}", items.join("\n"));
            // Room is left for the learner's own words: a list too long
            // for that is left out, with the sentence that introduces it.
            let words = |text: &str| text.split_whitespace().count();
            let so_far = words(&out) + quoted.iter().map(|text| words(text)).sum::<usize>();
            if so_far + words(&with_list) <= DESCRIPTION_WORDS {
                quoted.push(with_list);
            }
        }
    }
    if !quoted.is_empty() {
        out.push_str(&format!(" From the guide: \"{}\"", quoted.join(" ")));
    }
    out
}

/// A paragraph's sentences, each whole: split after `.`, `?` or `!`
/// followed by a space (a closing quote or bracket stays with its sentence).
fn whole_sentences(text: &str) -> Vec<&str> {
    let text = text.trim();
    let mut sentences = Vec::new();
    let mut begin = 0;
    let characters: Vec<(usize, char)> = text.char_indices().collect();
    for (position, (_, character)) in characters.iter().enumerate() {
        let ends = matches!(character, '.' | '?' | '!');
        let mut after = position + 1;
        if ends {
            while characters
                .get(after)
                .is_some_and(|(_, next)| matches!(next, '"' | '\'' | ')' | '\u{201d}' | '\u{2019}'))
            {
                after += 1;
            }
        }
        let followed_by_space = characters.get(after).is_some_and(|(_, next)| next.is_whitespace());
        if ends && followed_by_space {
            let end = characters.get(after).map_or(text.len(), |(next_at, _)| *next_at);
            sentences.push(text[begin..end].trim());
            begin = end;
        }
    }
    let rest = text[begin..].trim();
    if !rest.is_empty() {
        sentences.push(rest);
    }
    sentences
}

pub fn cpd_dates(first: Option<jiff::civil::Date>, last: Option<jiff::civil::Date>) -> String {
    let day = |date: jiff::civil::Date| date.strftime("%-d %B %Y").to_string();
    match (first, last) {
        (Some(first), Some(last)) if first == last => day(first),
        (Some(first), Some(last)) => format!("{} to {}", day(first), day(last)),
        (Some(date), None) | (None, Some(date)) => day(date),
        (None, None) => "not recorded".to_owned(),
    }
}

/// Hours as a decimal number, as an hours box takes it: `0.75`, `2`,
/// `1.5`.
pub fn cpd_hours(hours: f64) -> String {
    let text = format!("{hours:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

pub fn cpd_word_count(words: usize, limit: Option<usize>, over: usize) -> String {
    let plural = if words == 1 { "word" } else { "words" };
    match limit {
        Some(limit) if over > 0 => format!("{words} {plural}: OVER THE LIMIT of {limit} by {over}"),
        Some(limit) => format!("{words} of {limit} words"),
        None => format!("{words} {plural}"),
    }
}

pub fn cpd_over_limit(record: &str, label: &str, over: usize) -> String {
    format!(
        "warning: record {record}, \"{label}\": {over} word(s) over the form's limit. Nothing was cut: shorten it before you paste it."
    )
}

pub fn cpd_relevance_unfinished(record: &str) -> String {
    format!(
        "warning: record {record}: the description's first sentence, on why the case is relevant to your practice, is not finished: finish it with \"casebook cpd edit {record}\"."
    )
}

pub fn cpd_field_empty(record: &str, label: &str) -> String {
    format!("warning: record {record}, \"{label}\" is empty: write it with \"casebook cpd edit {record}\".")
}

pub fn cpd_record_heading(id: &str, submitted: bool, draft: bool) -> String {
    match (submitted, draft) {
        (true, _) => format!("Record {id} (marked submitted)"),
        (false, true) => format!("Record {id} (draft: a required field is empty)"),
        (false, false) => format!("Record {id}"),
    }
}

pub fn cpd_unreadable(path: &str, reason: &str) -> String {
    format!(
        "{path}: this CPD record cannot be read ({reason}). casebook leaves it as it is; move it out of the cpd folder to stop this message."
    )
}

pub fn cpd_not_found(id: &str) -> String {
    format!("There is no CPD record \"{id}\". Run \"casebook cpd list\" to see their ids.")
}

pub const FOLDER_IS_LINK: &str = "this folder in the data folder is a link to somewhere else, so casebook will not read or \
write through it; replace the link with a real folder (move what it points to here)";
pub const FOLDER_IS_NOT_FOLDER: &str = "casebook keeps a folder here, but this is not a folder; move it out of the way";
pub const CPD_FORM_NOT_MADE: &str =
    "Your CPD record is not made yet; what you wrote is kept with the module. Quit again to leave.";
pub const CPD_FORM_NOT_MADE_NOT_KEPT: &str =
    "This module is read-only, so your CPD record's text cannot be kept: quit again to leave without it.";
pub const CPD_DRAFT_BACK: &str = "Your unfinished CPD record is back, as you left it.";
pub const CPD_NO_FREE_ID: &str = "no free record id is left for today: discard or rename some records";
pub const CPD_NAME_TAKEN: &str = "a record with this id is there already; move one of them out of the way by hand";
pub const CPD_MISNAMED: &str = "its id does not match its file name (was it copied or renamed by hand?)";
pub const NOT_UTF8: &str = "not UTF-8 text";
pub const CPD_NONE_YET: &str = "No CPD records yet. Make one with \"casebook cpd new\" once you have studied a module.";
pub const CPD_NOTHING_TO_RECORD: &str =
    "Nothing to record: every module you have studied is in a CPD record already. Name modules to record them again.";
pub const CPD_NOTHING_TO_EXPORT: &str = "No CPD records to export for this registration year. Name a record to export it, or make one with \"casebook cpd new\".";
pub const CPD_ASK_LEARNING: &str = "What did you learn? End with a line holding only a full stop (.).";
pub const CPD_ASK_IMPACT: &str = "What positive impact has it had, or will it have, on your practice and on the children and families you work with? End with a line holding only a full stop.";
pub const CPD_ASK_PEER: &str = "Optional: a peer reflection (what a colleague or supervisor said when you discussed it). A full stop alone leaves it out.";
pub const CPD_ASK_STANDARDS: &str = "How does it link to the National Occupational Standards, at your level of the Professional Development Framework? End with a line holding only a full stop.";
pub const CPD_EDIT_TITLE: &str = "Title:";
pub const CPD_EDIT_HOURS: &str = "Hours, as a decimal number (0.75 is three quarters of an hour):";
pub const CPD_ASK_CURRENT: &str =
    "How does it keep your knowledge and practice current? End with a line holding only a full stop.";
pub const CPD_ASK_MANAGER: &str =
    "When did you discuss it with your manager, and what did you agree? End with a line holding only a full stop.";
pub const CPD_NONE_TO_DISCARD: &str = "This module is in no CPD record, so there is none to discard.";
pub const CPD_NONE_DISCARDED: &str = "No discarded CPD records.";

pub fn cpd_hours_suggested(measured: &str) -> String {
    format!("(not given: casebook measured {measured} hours of active study)")
}

pub fn cpd_not_hours(text: &str) -> String {
    format!(
        "\"{}\" is not a number of hours: give decimal hours, such as 0.75 or 2. Nothing was changed.",
        text.trim()
    )
}

pub fn cpd_module_recorded(module: &str, records: &[&str]) -> String {
    format!(
        "warning: \"{module}\" is already in record {} this period; a regulator expects each record to be a different piece of learning.",
        records.join(", ")
    )
}

pub fn cpd_draft(id: &str, missing: &[String]) -> String {
    format!(
        "Record {id} is a draft, not counted until these are written: {}. Write them with \"casebook cpd edit {id}\".",
        missing.join("; ")
    )
}

pub fn cpd_draft_not_submitted(id: &str, missing: &[String]) -> String {
    format!(
        "Record {id} is a draft, so it was not marked submitted: write {} first, with \"casebook cpd edit {id}\".",
        missing.join("; ")
    )
}

pub fn cpd_discarded(id: &str) -> String {
    format!(
        "Record {id} is discarded: moved to the cpd/discarded folder. \"casebook cpd restore {id}\" brings it back."
    )
}

pub fn cpd_restored(id: &str) -> String {
    format!("Record {id} is back with your other records.")
}

pub fn cpd_needs_registered(layout: &str) -> String {
    format!(
        "This regulator's CPD period runs from your own registration or renewal date. Tell casebook once: casebook cpd --layout {layout} registered YYYY-MM-DD"
    )
}

pub fn cpd_registered_not_needed(title: &str) -> String {
    format!("{title}: the year runs on the same dates for everyone, so no registration date is needed.")
}

pub fn cpd_registered_kept(title: &str, date: &str) -> String {
    format!("{title}: your registration or renewal date, {date}, is kept in your profile.")
}
pub const CPD_EDIT_DESCRIPTION: &str = "Short description, and why it is relevant:";
pub const CPD_EDIT_KEEP: &str = "Type the new text, or a full stop (.) alone to keep it.";
pub const CPD_UNCHANGED: &str = "Nothing changed.";

pub fn cpd_not_studied(name: &str) -> String {
    format!("You have not studied \"{name}\" yet, so there is nothing to record for it.")
}

pub fn cpd_saved(id: &str) -> String {
    format!("Saved as CPD record {id}. \"casebook cpd export {id}\" writes it out for your regulator's form.")
}

pub fn cpd_submitted(id: &str) -> String {
    format!("Record {id} is marked as submitted. If you change it later, what you submitted is kept.")
}

/// The CPD record form, from the completion screen.
pub const CPD_FORM_TITLE: &str = "CPD record";
pub const CPD_LEARNING_BOX: &str = "What did you learn?";
pub const CPD_IMPACT_BOX: &str = "The impact on your practice, and on the children and families you work with";
pub const CPD_PEER_BOX: &str = "Peer reflection (optional)";
pub const CPD_NEEDS_LEARNING: &str =
    "Write what you learnt and its impact first: a record needs both. Nothing has been saved yet.";
pub const CPD_MODULE_GONE: &str = "This module is no longer in the course, so no record was made of it. Make the record from another module, or with casebook cpd new.";
pub const CPD_NOWHERE_TO_SAVE: &str =
    "This casebook has no data folder to keep CPD records in, so the record was not saved.";

/// Offered over the peer reflection box, never copied in unasked.
pub fn cpd_review_offer(reviewer: &str) -> String {
    format!("{reviewer} reviewed this as your peer: Ctrl-R starts from their comments.")
}

/// A peer review's comments on one module, as a starting point the learner
/// rewrites in their own words.
pub fn cpd_review_start(reviewer: &str, comments: &[&str], overall: Option<&str>) -> String {
    let mut parts: Vec<String> = vec![format!("{reviewer}'s comments:")];
    parts.extend(comments.iter().map(|comment| comment.trim().to_owned()));
    if let Some(overall) = overall.map(str::trim).filter(|overall| !overall.is_empty()) {
        parts.push(overall.to_owned());
    }
    parts.join("\n\n")
}

/// The record is saved: its id, and how to send it on.
pub fn cpd_record_made(id: &str) -> String {
    format!("CPD record {id} saved. To paste it into the regulator's form: casebook cpd export {id}")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    #[test]
    fn a_sentence_that_introduces_a_list_comes_with_it_or_is_left_out() {
        let opening = Some("The case shows good work. We expect to find that the plan:");
        let with = cpd_description("Course", "Module", None, opening, &["is clear", "involves the child"]);
        assert!(
            with.ends_with("From the guide: \"The case shows good work. We expect to find that the plan:\n- is clear\n- involves the child\""),
            "{with}"
        );
        let without = cpd_description("Course", "Module", None, opening, &[]);
        assert!(
            without.ends_with("From the guide: \"The case shows good work.\""),
            "{without}"
        );
        let long: Vec<String> = (0..40).map(|number| format!("point number {number} of many")).collect();
        let long: Vec<&str> = long.iter().map(String::as_str).collect();
        let too_long = cpd_description("Course", "Module", None, opening, &long);
        assert!(too_long.ends_with("good work.\""), "{too_long}");
        assert!(
            with.starts_with("This case is relevant to my practice because"),
            "{with}"
        );
    }

    #[test]
    fn hours_are_a_decimal_number() {
        assert_eq!(cpd_hours(0.75), "0.75");
        assert_eq!(cpd_hours(2.0), "2");
        assert_eq!(cpd_hours(1.5), "1.5");
        assert_eq!(cpd_hours(0.0), "0");
    }
}
