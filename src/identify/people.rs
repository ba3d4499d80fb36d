//! People: first names, a title and a name, an age beside a name, and a date
//! of birth.

use super::Kind;
use super::names::{Given, given};
use super::patterns::{captures, pattern, span};
use super::words::{DATE_WORDS, MONTHS, NOT_SURNAME, PERSON_VERBS, RELATION_CUES, among, exactly_among};

pattern!(
    /// A capitalised word: "Jayden", "O'Neill", "McDonald", "Smith-Jones", "Zoë".
    CAPITALISED, r"\p{Lu}[\p{L}]*(?:['’\-]\p{L}+)*");

pattern!(
    TITLE,
    r"(?-u:\b)(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|PC|DC|DS|DI|DCI|Sgt|Sergeant|Constable|Judge|Cllr|Councillor|Rev|Revd)\.?[ \t]+(?:\p{Lu}\.?[ \t]+)?(\p{Lu}[\p{L}]*(?:['’\-]\p{Lu}?\p{Ll}+)*)(?:[ \t]+(\p{Lu}[\p{L}]*(?:['’\-]\p{Lu}?\p{Ll}+)*))?"
);

pattern!(
    /// A name then an age: "Jayden, 15", "Jayden Smith (15)", "Jayden, aged
    /// 15", "Jayden is 15".
    NAME_THEN_AGE,
    r"(?-u:\b)(\p{Lu}[\p{L}]*(?:['’\-]\p{Lu}?\p{Ll}+)*)(?:[ \t]+(\p{Lu}[\p{L}]*(?:['’\-]\p{Lu}?\p{Ll}+)*))?(,[ \t]*(?:aged?[ \t]+)?|[ \t]*\([ \t]*(?:aged?[ \t]+)?|[ \t]+(?:is|was|who[ \t]+is|who[ \t]+was|is[ \t]+now|turned|turns|aged)[ \t]+)(\d{1,2})(?-u:\b)"
);

pattern!(
    /// An age then a name: "15-year-old Jayden", "a 15 year old called Jayden".
    AGE_THEN_NAME,
    r"(?-u:\b)(\d{1,2})[- ]years?[- ]old[ \t]+(?:(?:boy|girl|child|lad|young person)[ \t]+)?(?:(?:called|named)[ \t]+)?(\p{Lu}[\p{L}]*(?:['’\-]\p{Lu}?\p{Ll}+)*)"
);

pattern!(
    /// A date after a word that says it is a birth date.
    BIRTH_DATE,
    r"(?i)(?-u:\b)(?:d\.?o\.?b(?-u:\b)\.?|date[ \t]+of[ \t]+birth|born|birthday)[ \t]*[:,\-]?[ \t]*(?:[\p{L}'’.]+,?[ \t]+){0,4}?(\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?-u:\b)|\d{4}-\d{2}-\d{2}(?-u:\b)|\d{1,2}(?:st|nd|rd|th)?(?:[ \t]+of)?[ \t]+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?-u:\b)\.?(?:,?[ \t]+\d{4}(?-u:\b)|[ \t]+'\d{2}(?-u:\b))?|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?-u:\b)\.?[ \t]+(?:\d{1,2}(?:st|nd|rd|th)?(?-u:\b)(?:,?[ \t]+\d{4}(?-u:\b))?|\d{4}(?-u:\b)))"
);

pattern!(
    /// A full date in brackets straight after a name: "Jayden Smith (12/03/2009)".
    NAME_THEN_DATE,
    r"\p{Lu}\p{Ll}+[ \t]*\((\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2}))\)"
);

#[cfg(test)]
pub(super) fn patterns() -> Vec<&'static super::patterns::Pattern> {
    vec![
        &CAPITALISED,
        &TITLE,
        &NAME_THEN_AGE,
        &AGE_THEN_NAME,
        &BIRTH_DATE,
        &NAME_THEN_DATE,
    ]
}

pub(super) fn find(text: &str, push: &mut impl FnMut(usize, usize, Kind)) {
    titles(text, push);
    ages(text, push);
    births(text, push);
    given_names(text, push);
}

fn titles(text: &str, push: &mut impl FnMut(usize, usize, Kind)) {
    for found in captures(&TITLE, text) {
        let (Some(whole), Some((first_start, first_end))) = (found.get(0), span(&found, 1)) else {
            continue;
        };
        let first = &text[first_start..first_end];
        if exactly_among(NOT_SURNAME, first) || among(MONTHS, first) {
            continue;
        }
        let end = match span(&found, 2) {
            Some((start, end)) if surname_like(&text[start..end]) => end,
            _ => first_end,
        };
        push(whole.start(), end, Kind::TitleAndName);
    }
}

fn ages(text: &str, push: &mut impl FnMut(usize, usize, Kind)) {
    for found in captures(&NAME_THEN_AGE, text) {
        let (Some((first_start, first_end)), Some((age_start, age_end))) = (span(&found, 1), span(&found, 4)) else {
            continue;
        };
        let mut name_start = first_start;
        let mut first = &text[first_start..first_end];
        let mut surname = span(&found, 2).map(|(start, end)| &text[start..end]);
        // "Although Sam was 17": the name is the second word.
        if let (None, Some(second), Some((second_start, _))) = (given(first), surname, span(&found, 2))
            && given(second).is_some()
        {
            (name_start, first, surname) = (second_start, second, None);
        }
        let bracketed = found.get(3).is_some_and(|joint| joint.as_str().contains('('));
        let named = match (given(first), surname) {
            (_, Some(surname)) if !surname_like(surname) => false,
            (Some(Given::Name), _) => true,
            (Some(Given::Ordinary), surname) => (surname.is_some() || bracketed) && !among(MONTHS, first),
            (Some(Given::Rare), surname) => {
                (surname.is_some() || bracketed) && !among(MONTHS, first) && !sentence_start(text, name_start)
            }
            (None, Some(_)) => !exactly_among(NOT_SURNAME, first) && !among(MONTHS, first),
            (None, None) => false,
        };
        if named && is_age(&text[age_start..age_end]) && !age_is_something_else(&text[age_end..]) {
            let end = if bracketed && text[age_end..].trim_start().starts_with(')') {
                age_end + text[age_end..].find(')').map_or(0, |at| at + 1)
            } else {
                age_end
            };
            push(name_start, end, Kind::AgeWithName);
        }
    }
    for found in captures(&AGE_THEN_NAME, text) {
        let (Some(whole), Some((age_start, age_end)), Some((name_start, name_end))) =
            (found.get(0), span(&found, 1), span(&found, 2))
        else {
            continue;
        };
        let name = &text[name_start..name_end];
        if given(name).is_some() && !among(MONTHS, name) && is_age(&text[age_start..age_end]) {
            push(whole.start(), name_end, Kind::AgeWithName);
        }
    }
}

/// Youth justice works with children from ten and young adults to 25.
fn is_age(digits: &str) -> bool {
    digits.parse::<u32>().is_ok_and(|age| (8..=25).contains(&age))
}

/// Whether the words after a number make it a count or a time, not an
/// age ("Jayden was 15 minutes late", "Jayden, 15 May").
fn age_is_something_else(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    if rest.starts_with([':', '/', '%', '.']) && rest.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    if rest.starts_with(['%', '-']) && !rest.starts_with("-year") {
        return true;
    }
    let next: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    const COUNTS: &[&str] = &[
        "hours", "hour", "hrs", "minutes", "minute", "mins", "seconds", "times", "days", "day", "weeks", "week",
        "months", "month", "sessions", "session", "points", "miles", "km", "am", "pm", "per", "percent", "of", "out",
        "pupils", "children", "people", "cases", "others", "more", "other", "to", "x",
    ];
    among(COUNTS, &next) || among(MONTHS, &next)
}

fn births(text: &str, push: &mut impl FnMut(usize, usize, Kind)) {
    for pattern in [&BIRTH_DATE, &NAME_THEN_DATE] {
        for found in captures(pattern, text) {
            if let Some((start, end)) = span(&found, 1) {
                push(start, end, Kind::DateOfBirth);
            }
        }
    }
}

/// A capitalised word that can be a surname after a first name.
fn surname_like(word: &str) -> bool {
    word.chars().any(char::is_lowercase) && !exactly_among(NOT_SURNAME, word) && !among(MONTHS, word)
}

/// One capitalised word, with where it is.
struct Word<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    possessive: bool,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut found = Vec::new();
    for capture in captures(&CAPITALISED, text) {
        let Some(whole) = capture.get(0) else { continue };
        let mut word = whole.as_str();
        let mut possessive = false;
        for suffix in ["'s", "’s"] {
            if let Some(stem) = word.strip_suffix(suffix) {
                word = stem;
                possessive = true;
            }
        }
        found.push(Word {
            start: whole.start(),
            end: whole.start() + word.len(),
            text: word,
            possessive,
        });
    }
    found
}

fn given_names(text: &str, push: &mut impl FnMut(usize, usize, Kind)) {
    let found = words(text);
    let mut index = 0;
    while index < found.len() {
        let word = &found[index];
        let Some(kind) = given(word.text) else {
            index += 1;
            continue;
        };
        // Surnames: up to two capitalised words straight after, one space apart.
        let mut last = index;
        while last + 1 < found.len()
            && last < index + 2
            && !found[last].possessive
            && text.get(found[last].end..found[last + 1].start) == Some(" ")
            && surname_like(found[last + 1].text)
        {
            last += 1;
        }
        let has_surname = last > index;
        let previous = previous_word(text, word.start);
        let next = found
            .get(index + 1)
            .filter(|next| text.get(word.end..next.start) == Some(" "));
        let place = next.is_some_and(|next| exactly_among(NOT_SURNAME, next.text) && !has_surname);
        let saint = matches!(previous.as_deref(), Some("St" | "St." | "Saint"));
        let month = among(MONTHS, word.text);
        let flagged = !place
            && !saint
            && match kind {
                Given::Name => true,
                Given::Ordinary if month => {
                    has_surname && !previous.as_deref().is_some_and(|word| among(DATE_WORDS, word))
                }
                Given::Ordinary => {
                    has_surname
                        || previous
                            .as_deref()
                            .is_some_and(|word| among(RELATION_CUES, word) || among(PERSON_VERBS, word))
                        || (word.possessive && !sentence_start(text, word.start))
                }
                Given::Rare => {
                    !sentence_start(text, word.start)
                        && (has_surname || previous.as_deref().is_some_and(|word| among(RELATION_CUES, word)))
                }
            };
        if flagged {
            push(word.start, found[last].end, Kind::GivenName);
        }
        index = last + 1;
    }
}

/// The word before `at`, across spaces and one comma ("his brother, Will").
fn previous_word(text: &str, at: usize) -> Option<String> {
    let head = text.get(..at)?.trim_end_matches([' ', '\t']);
    let head = head.strip_suffix(',').unwrap_or(head).trim_end_matches([' ', '\t']);
    let word: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '.')
        .collect();
    (!word.is_empty()).then(|| word.chars().rev().collect())
}

/// Whether a word at `at` opens a sentence, a line or the text.
pub(super) fn sentence_start(text: &str, at: usize) -> bool {
    let head = text.get(..at).unwrap_or("");
    let head = head.trim_end_matches([' ', '\t', '"', '\'', '“', '‘', '(', '[', '*', '-', '•']);
    head.is_empty() || head.ends_with(['.', '!', '?', '\n', ':', ';'])
}
