//! The registration year at a glance: what is recorded, what is submitted,
//! what is missing, and how long is left before the deadline.

use jiff::civil::{Date, DateTime};

use super::layout::Layout;
use super::record::{CpdRecord, word_count};

/// The registration year that `now` falls in, by the layout's dates: its
/// first day and the day records are due (by 23:59).
pub fn year_of(layout: &Layout, now: DateTime) -> Option<(Date, Date)> {
    let today = now.date();
    let (month, day) = layout.year_starts;
    let this_year = Date::new(today.year(), month, day).ok()?;
    let start = if today >= this_year {
        this_year
    } else {
        Date::new(today.year() - 1, month, day).ok()?
    };
    let (month, day) = layout.deadline;
    let same_year = Date::new(start.year(), month, day).ok()?;
    let deadline = if same_year >= start {
        same_year
    } else {
        Date::new(start.year() + 1, month, day).ok()?
    };
    Some((start, deadline))
}

/// What `casebook cpd` and the home screen say about the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearStatus {
    pub start: Date,
    pub deadline: Date,
    /// Whole days from today to the deadline; 0 on the day itself.
    pub days_left: i64,
    pub records: Vec<String>,
    pub submitted: usize,
    pub with_peer_reflection: usize,
    /// Records that do not yet say what difference the learning made.
    pub without_impact: Vec<String>,
    /// Pairs of records whose texts are nearly the same.
    pub near_duplicates: Vec<(String, String)>,
}

impl YearStatus {
    /// In the last 30 days before the deadline.
    pub fn closing(&self) -> bool {
        (0..=30).contains(&self.days_left)
    }
}

/// Records at least this alike (shared words over all words) are flagged.
const NEAR_DUPLICATE: f64 = 0.8;

fn words_of(record: &CpdRecord) -> std::collections::BTreeSet<String> {
    let texts = &record.texts;
    [&texts.learning, &texts.impact, &texts.peer_reflection]
        .into_iter()
        .flat_map(|text| text.split_whitespace())
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|word| !word.is_empty())
        .collect()
}

/// Whether two records say nearly the same thing (a regulator checks that
/// two records are not one record twice).
pub fn nearly_the_same(a: &CpdRecord, b: &CpdRecord) -> bool {
    let (a, b) = (words_of(a), words_of(b));
    if a.len() < 5 || b.len() < 5 {
        return false;
    }
    let shared = a.intersection(&b).count() as f64;
    let all = a.union(&b).count() as f64;
    shared / all >= NEAR_DUPLICATE
}

pub fn status(layout: &Layout, records: &[CpdRecord], now: DateTime) -> Option<YearStatus> {
    let (start, deadline) = year_of(layout, now)?;
    let in_year: Vec<&CpdRecord> = records
        .iter()
        .filter(|record| (start..=deadline).contains(&record.date()))
        .collect();
    let mut near_duplicates = Vec::new();
    for (index, first) in in_year.iter().enumerate() {
        for second in in_year.iter().skip(index + 1) {
            if nearly_the_same(first, second) {
                near_duplicates.push((first.id.clone(), second.id.clone()));
            }
        }
    }
    Some(YearStatus {
        start,
        deadline,
        days_left: (deadline - now.date()).get_days().into(),
        records: in_year.iter().map(|record| record.id.clone()).collect(),
        submitted: in_year.iter().filter(|record| record.submitted.is_some()).count(),
        with_peer_reflection: in_year
            .iter()
            .filter(|record| word_count(&record.texts.peer_reflection) > 0)
            .count(),
        without_impact: in_year
            .iter()
            .filter(|record| word_count(&record.texts.impact) == 0)
            .map(|record| record.id.clone())
            .collect(),
        near_duplicates,
    })
}
