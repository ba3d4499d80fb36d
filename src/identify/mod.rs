//! The identifying-details check: finds in text about to leave the machine
//! what most often identifies a child, family, victim or colleague in youth
//! justice writing (postcodes, dates of birth, ages beside names, NHS and
//! National Insurance numbers, police and court references, phone numbers,
//! email addresses, street addresses, schools and personal names), and says
//! where, with a reason a practitioner understands.
//!
//! A leaf: it imports nothing of casebook's, so any floor can call it. It
//! helps; it cannot promise: a name it has never seen, or a detail written
//! in words ("the boy from the flats by the football ground"), passes.

mod allow;
mod names;
mod numbers;
mod patterns;
mod people;
mod places;
#[cfg(test)]
mod tests;
mod words;

pub use allow::{Allow, Mark, mark, sentence_around};
use serde::{Deserialize, Serialize};

/// One identifying detail, at byte offsets into the text checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The text between `start` and `end`, as written.
    pub words: String,
}

/// What kind of detail a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    Postcode,
    DateOfBirth,
    AgeWithName,
    NhsNumber,
    NationalInsurance,
    /// PNC ids, and police, court and case reference shapes.
    PoliceReference,
    Phone,
    Email,
    StreetAddress,
    School,
    TitleAndName,
    GivenName,
}

impl Kind {
    /// Every kind, in the order a list of findings is explained.
    pub const ALL: [Kind; 12] = [
        Kind::Postcode,
        Kind::DateOfBirth,
        Kind::AgeWithName,
        Kind::NhsNumber,
        Kind::NationalInsurance,
        Kind::PoliceReference,
        Kind::Phone,
        Kind::Email,
        Kind::StreetAddress,
        Kind::School,
        Kind::TitleAndName,
        Kind::GivenName,
    ];

    /// Why the words were flagged, in words a social worker would use.
    pub fn reason(&self) -> &'static str {
        match self {
            Kind::Postcode => "looks like a postcode",
            Kind::DateOfBirth => "looks like a date of birth",
            Kind::AgeWithName => "gives someone's age beside their name",
            Kind::NhsNumber => "looks like an NHS number",
            Kind::NationalInsurance => "looks like a National Insurance number",
            Kind::PoliceReference => "looks like a police, court or case reference",
            Kind::Phone => "looks like a phone number",
            Kind::Email => "looks like an email address",
            Kind::StreetAddress => "looks like a house number and street",
            Kind::School => "names a school or college",
            Kind::TitleAndName => "names a person by title (Mr, Ms, Dr...)",
            Kind::GivenName => "looks like a person's first name",
        }
    }

    /// A short name for the kind, for lists and logs.
    pub fn label(&self) -> &'static str {
        match self {
            Kind::Postcode => "postcode",
            Kind::DateOfBirth => "date of birth",
            Kind::AgeWithName => "age and name",
            Kind::NhsNumber => "NHS number",
            Kind::NationalInsurance => "National Insurance number",
            Kind::PoliceReference => "reference number",
            Kind::Phone => "phone number",
            Kind::Email => "email address",
            Kind::StreetAddress => "street address",
            Kind::School => "school",
            Kind::TitleAndName => "title and name",
            Kind::GivenName => "first name",
        }
    }
}

/// Every identifying detail in `text` that `allow` does not excuse, in the
/// order they appear, none overlapping another.
pub fn check(text: &str, allow: &Allow) -> Vec<Finding> {
    raw(text)
        .into_iter()
        .filter(|finding| !allow.excuses(text, finding))
        .collect()
}

/// Every detail found, before anything is excused.
pub(crate) fn raw(text: &str) -> Vec<Finding> {
    let mut found: Vec<Finding> = Vec::new();
    let mut push = |start: usize, end: usize, kind: Kind| {
        if let Some(words) = text.get(start..end) {
            found.push(Finding {
                start,
                end,
                kind,
                words: words.to_owned(),
            });
        }
    };
    places::find(text, &mut push);
    numbers::find(text, &mut push);
    people::find(text, &mut push);
    without_overlaps(found)
}

/// Keeps the earliest finding where two overlap, and of two that start
/// together the longer: "Jayden Smith, 15" is one age-and-name finding, not
/// also a first name.
fn without_overlaps(mut found: Vec<Finding>) -> Vec<Finding> {
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.kind.cmp(&b.kind)));
    let mut kept: Vec<Finding> = Vec::with_capacity(found.len());
    for finding in found {
        if kept.last().is_none_or(|last| finding.start >= last.end) {
            kept.push(finding);
        }
    }
    kept
}
