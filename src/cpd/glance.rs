//! The registration year at a glance, for `casebook cpd`, `cpd list` and the
//! home screen.

use crate::cpd::layout::Layout;
use crate::cpd::record::CpdRecord;
use crate::cpd::year::YearStatus;
use crate::text::cpd_dates;

pub fn cpd_list_line(record: &CpdRecord) -> String {
    let state = if record.submitted.is_some() {
        "submitted"
    } else {
        "not submitted"
    };
    format!(
        "{}  {}  {}  {}",
        record.id,
        cpd_dates(record.first_studied, record.last_studied),
        state,
        record.texts.title
    )
}

/// `casebook cpd`: the registration year at a glance.
pub fn cpd_glance(layout: &Layout, status: &YearStatus) -> Vec<String> {
    let mut lines = vec![format!(
        "{}: registration year {} to {}",
        layout.title,
        crate::text::date(status.start),
        crate::text::date(status.deadline)
    )];
    let count = status.records.len();
    let mut records = format!("Records this year: {count} ({} marked submitted)", status.submitted);
    if let Some(needed) = layout.records_needed.filter(|needed| count < *needed) {
        records.push_str(&format!("; at least {needed} are needed"));
    }
    lines.push(records);
    if layout.peer_reflection_needed {
        lines.push(if status.with_peer_reflection > 0 {
            format!("Peer reflection: in {} record(s)", status.with_peer_reflection)
        } else {
            "Peer reflection: none yet; at least one record needs one".to_owned()
        });
    }
    lines.push(if status.without_impact.is_empty() {
        "Impact: every record says what difference the learning made".to_owned()
    } else {
        format!("Impact not yet written in: {}", status.without_impact.join(", "))
    });
    for (first, second) in &status.near_duplicates {
        lines.push(format!(
            "Records {first} and {second} are nearly the same: a regulator expects different records"
        ));
    }
    lines.push(match status.days_left {
        0 => format!("Deadline: today, {}, by 11.59pm", crate::text::date(status.deadline)),
        1 => format!(
            "Deadline: {}, by 11.59pm: 1 day left",
            crate::text::date(status.deadline)
        ),
        days => format!(
            "Deadline: {}, by 11.59pm: {days} days left",
            crate::text::date(status.deadline)
        ),
    });
    lines
}

/// The home screen's line on the registration year (Social Work England's).
pub fn cpd_home_line(status: &YearStatus, needed: Option<usize>, narrow: bool) -> String {
    let made = status.records.len();
    let peer = if status.with_peer_reflection > 0 { "yes" } else { "no" };
    let count = match needed {
        Some(needed) if narrow => format!("{made}/{needed}"),
        Some(needed) => format!("{made} of {needed} records"),
        None => format!("{made} records"),
    };
    let days = match status.days_left {
        0 => "due today".to_owned(),
        1 => "1 day left".to_owned(),
        days => format!("{days} days left"),
    };
    let deadline = status.deadline.strftime("%-d %B").to_string();
    match (status.closing(), narrow) {
        (true, true) => format!("CPD {days}! {count} · peer: {peer}"),
        (true, false) if status.days_left == 0 => {
            format!("CPD due today, {deadline}, by 11.59pm: {count} · peer reflection: {peer}")
        }
        (true, false) => {
            format!("CPD due {deadline} ({days}): {count} · peer reflection: {peer}")
        }
        (false, true) => format!("CPD {count} · peer: {peer} · {days}"),
        (false, false) => format!("CPD this year: {count} · peer reflection: {peer} · {days}"),
    }
}
