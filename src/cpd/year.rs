//! The registration year at a glance: what is recorded, what is submitted,
//! what is missing, and how long is left before the deadline.

use jiff::civil::{Date, DateTime};

use super::layout::{Layout, Period as LayoutPeriod};
use super::record::{CpdRecord, word_count};

/// The period that `now` falls in, by the layout's rule: its first day, its
/// last day, and the day records are due (by 23:59). An annual year needs
/// nothing more; a rolling one needs the learner's registration or renewal
/// date (`registered`), and without it there is no period.
pub fn year_of(layout: &Layout, now: DateTime, registered: Option<Date>) -> Option<Period> {
    let today = now.date();
    match layout.period {
        LayoutPeriod::Annual { starts, deadline } => {
            let (month, day) = starts;
            let this_year = Date::new(today.year(), month, day).ok()?;
            let start = if today >= this_year {
                this_year
            } else {
                Date::new(today.year() - 1, month, day).ok()?
            };
            let (month, day) = deadline;
            let same_year = Date::new(start.year(), month, day).ok()?;
            let deadline = if same_year >= start {
                same_year
            } else {
                Date::new(start.year() + 1, month, day).ok()?
            };
            let end = start.checked_add(jiff::Span::new().years(1)).ok()?.yesterday().ok()?;
            Some(Period {
                start,
                end,
                deadline,
                renewal: None,
                opens: None,
            })
        }
        LayoutPeriod::Rolling {
            years,
            opens_days_before,
            due_days_before,
        } => {
            let registered = registered?;
            // Renewal dates fall every `years` from the registration date;
            // the period is the one holding today.
            let mut start = registered;
            let mut renewal = start.checked_add(jiff::Span::new().years(years)).ok()?;
            while renewal <= today {
                start = renewal;
                renewal = start.checked_add(jiff::Span::new().years(years)).ok()?;
            }
            let before = |days: i32| renewal.checked_sub(jiff::Span::new().days(days)).ok();
            Some(Period {
                start,
                end: renewal.yesterday().ok()?,
                deadline: match due_days_before {
                    Some(days) => before(days)?,
                    None => renewal.yesterday().ok()?,
                },
                renewal: Some(renewal),
                opens: match opens_days_before {
                    Some(days) => Some(before(days)?),
                    None => None,
                },
            })
        }
    }
}

/// A registration period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: Date,
    /// Its last day.
    pub end: Date,
    /// The day records are due, or renewal must be completed, by 23:59.
    pub deadline: Date,
    /// For a rolling period: the renewal date that ends it.
    pub renewal: Option<Date>,
    /// For a rolling period: the day renewal opens.
    pub opens: Option<Date>,
}

/// What `casebook cpd` and the home screen say about the year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearStatus {
    pub start: Date,
    pub end: Date,
    pub deadline: Date,
    pub renewal: Option<Date>,
    pub opens: Option<Date>,
    /// Whole days from today to the day renewal opens, if it has not.
    pub days_to_opening: Option<i64>,
    /// Records whose required fields are not all written: not counted.
    pub drafts: Vec<String>,
    /// Hours recorded in the period's counted records.
    pub hours: f64,
    /// Counted records with a manager discussion written in.
    pub discussed: usize,
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

pub fn status(layout: &Layout, records: &[CpdRecord], now: DateTime, registered: Option<Date>) -> Option<YearStatus> {
    let period = year_of(layout, now, registered)?;
    let (start, deadline) = (period.start, period.deadline);
    let in_period: Vec<&CpdRecord> = records
        .iter()
        .filter(|record| (start..=period.end).contains(&record.date()))
        .collect();
    let (drafts, in_year): (Vec<&CpdRecord>, Vec<&CpdRecord>) =
        in_period.into_iter().partition(|record| record.is_draft(layout));
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
        end: period.end,
        deadline,
        renewal: period.renewal,
        opens: period.opens,
        days_to_opening: period
            .opens
            .map(|opens| i64::from((opens - now.date()).get_days()))
            .filter(|days| *days > 0),
        drafts: drafts.iter().map(|record| record.id.clone()).collect(),
        hours: in_year.iter().map(|record| record.hours()).sum(),
        discussed: in_year
            .iter()
            .filter(|record| word_count(&record.texts.manager_discussion) > 0)
            .count(),
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
