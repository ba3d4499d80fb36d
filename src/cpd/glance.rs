//! The registration year at a glance, for `casebook cpd`, `cpd list` and the
//! home screen.

use crate::cpd::layout::{Layout, Period};
use crate::cpd::record::CpdRecord;
use crate::cpd::year::YearStatus;
use crate::text::cpd_dates;

pub fn cpd_list_line(record: &CpdRecord, layout: &Layout) -> String {
    let state = if record.submitted.is_some() {
        "submitted"
    } else if record.is_draft(layout) {
        "draft"
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

/// `casebook cpd`: the registration period at a glance, showing what the
/// layout's regulator checks and nothing it does not.
pub fn cpd_glance(layout: &Layout, status: &YearStatus) -> Vec<String> {
    let date = crate::text::date;
    let rolling = matches!(layout.period, Period::Rolling { .. });
    let mut lines = vec![if rolling {
        format!(
            "{}: registration period {} to {}",
            layout.title,
            date(status.start),
            date(status.end)
        )
    } else {
        format!(
            "{}: registration year {} to {}",
            layout.title,
            date(status.start),
            date(status.deadline)
        )
    }];
    lines.push(crate::text::cpd_rules_source(&layout.source, &layout.checked));
    let count = status.records.len();
    let span = if rolling { "period" } else { "year" };
    let mut records = format!("Records this {span}: {count} ({} marked submitted)", status.submitted);
    if let Some(needed) = layout.records_needed.filter(|needed| count < *needed) {
        records.push_str(&format!("; at least {needed} are needed"));
    }
    lines.push(records);
    if !status.drafts.is_empty() {
        lines.push(format!(
            "Drafts, not counted until every required field is written: {}",
            status.drafts.join(", ")
        ));
    }
    if layout.peer_reflection_needed {
        lines.push(if status.with_peer_reflection > 0 {
            format!("Peer reflection: in {} record(s)", status.with_peer_reflection)
        } else {
            "Peer reflection: none yet; at least one record needs one".to_owned()
        });
    }
    if layout.fields.iter().any(|field| field.field == "manager_discussion") {
        lines.push(format!(
            "Discussed with your manager: {} of {count} record(s)",
            status.discussed
        ));
    }
    if layout.hours_counted {
        lines.push(format!(
            "Hours recorded this period: {}",
            crate::text::cpd_hours(status.hours)
        ));
    }
    if layout
        .fields
        .iter()
        .any(|field| field.field == "impact" && field.optional)
        && !status.without_impact.is_empty()
    {
        lines.push(format!(
            "Impact not yet written in: {}",
            status.without_impact.join(", ")
        ));
    }
    for (first, second) in &status.near_duplicates {
        lines.push(format!(
            "Records {first} and {second} are nearly the same: a regulator expects different records"
        ));
    }
    let left = |days: i64| match days {
        1 => "1 day left".to_owned(),
        days => format!("{days} days left"),
    };
    match (status.renewal, status.opens) {
        (Some(renewal), Some(opens)) => {
            let point = |day: jiff::civil::Date| format!("{}-day point", (renewal - day).get_days());
            lines.push(format!("Renewal date: {}", date(renewal)));
            lines.push(match status.days_to_opening {
                Some(days) => format!(
                    "Renewal opens: {} ({}): {}",
                    date(opens),
                    point(opens),
                    left(days).replace(" left", " to go")
                ),
                None => format!("Renewal opens: {} ({}): open now", date(opens), point(opens)),
            });
            lines.push(match status.days_left {
                0 => format!(
                    "Renewal to be completed: today, {} ({}), by 11.59pm",
                    date(status.deadline),
                    point(status.deadline)
                ),
                days if days < 0 => format!(
                    "Renewal to be completed by {} ({}): that day has passed; contact your regulator now",
                    date(status.deadline),
                    point(status.deadline)
                ),
                days => format!(
                    "Renewal to be completed by {} ({}): {}",
                    date(status.deadline),
                    point(status.deadline),
                    left(days)
                ),
            });
        }
        (Some(renewal), None) => lines.push(format!(
            "Three-year point: {} (CPD shown by {}): {}",
            date(renewal),
            date(status.deadline),
            left(status.days_left)
        )),
        _ => lines.push(match status.days_left {
            0 => format!("Deadline: today, {}, by 11.59pm", date(status.deadline)),
            days => format!("Deadline: {}, by 11.59pm: {}", date(status.deadline), left(days)),
        }),
    }
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
