//! A regulator's CPD record as data: which fields, in what order, under
//! which labels, with which word limits, and when its year starts and its
//! records are due. Shipped layouts are embedded from `assets/layouts/`; a
//! trainer adds others in the data folder's `layouts/` folder. Regulators
//! change their forms (Social Work England will consult on its model in
//! 2026–27), so none of this is code.

use std::path::Path;

use jiff::civil::Date;
use serde::Deserialize;

use crate::content::diagnostic::Diagnostic;
use crate::content::locate::{Locator, Position};
use crate::content::validate::Report;

/// A record's fields that a layout may name, and what each holds.
pub const FIELDS: &[(&str, &str)] = &[
    ("type", "the type of CPD: reading and reflecting on a practice guide"),
    ("title", "the modules studied"),
    ("dates", "the dates of study"),
    ("hours", "the active study time"),
    ("description", "the case and why it is relevant"),
    ("learning", "what you learnt"),
    (
        "impact",
        "the impact on your practice and on the children and families you work with",
    ),
    (
        "peer_reflection",
        "a peer's reflection (from a peer review, or your own account of it)",
    ),
    (
        "standards",
        "how it links to the National Occupational Standards at your level of the Professional Development Framework",
    ),
    ("current", "how it keeps your knowledge and practice current"),
    (
        "manager_discussion",
        "when you discussed it with your manager, and what you agreed",
    ),
];

const SHIPPED: &[(&str, &str)] = &[
    ("assets/layouts/swe.ron", include_str!("../../assets/layouts/swe.ron")),
    ("assets/layouts/scw.ron", include_str!("../../assets/layouts/scw.ron")),
    (
        "assets/layouts/probation.ron",
        include_str!("../../assets/layouts/probation.ron"),
    ),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Layout")]
struct RawLayout {
    id: String,
    title: String,
    /// Where the rules come from, as the regulator words them.
    #[serde(default)]
    source: String,
    /// When the rules were last checked against the source (`YYYY-MM`).
    #[serde(default)]
    checked: String,
    /// An annual year: its first day and the day records are due.
    #[serde(default)]
    year_starts: Option<String>,
    #[serde(default)]
    deadline: Option<String>,
    /// A rolling period from the learner's own registration or renewal
    /// date, in place of `year_starts` and `deadline`.
    #[serde(default)]
    rolling: Option<RawRolling>,
    /// The glance adds up the hours recorded in the period.
    #[serde(default)]
    hours_counted: bool,
    /// Records the regulator asks for each year, if it says.
    #[serde(default)]
    records_needed: Option<usize>,
    /// At least one record must hold a peer reflection.
    #[serde(default)]
    peer_reflection_needed: bool,
    fields: Vec<RawField>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRolling {
    years: i16,
    /// Renewal opens this many days before the renewal date.
    #[serde(default)]
    opens_days_before: Option<i32>,
    /// Renewal must be completed at least this many days before it.
    #[serde(default)]
    due_days_before: Option<i32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    field: String,
    label: String,
    #[serde(default)]
    words: Option<usize>,
    #[serde(default)]
    optional: bool,
}

/// A checked layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub id: String,
    pub title: String,
    pub source: String,
    pub checked: String,
    pub period: Period,
    pub hours_counted: bool,
    pub records_needed: Option<usize>,
    pub peer_reflection_needed: bool,
    pub fields: Vec<Field>,
}

/// How a regulator's CPD period runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// The same dates every year: month and day the year starts, and month
    /// and day records are due (by 23:59 local time).
    Annual { starts: (i8, i8), deadline: (i8, i8) },
    /// `years` long from the learner's own registration or renewal date.
    Rolling {
        years: i16,
        opens_days_before: Option<i32>,
        due_days_before: Option<i32>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub field: String,
    pub label: String,
    pub words: Option<usize>,
    pub optional: bool,
}

/// `12-01`: a month and day that exist in every year (not 29 February).
fn month_day(text: &str) -> Option<(i8, i8)> {
    let (month, day) = text.trim().split_once('-')?;
    let (month, day): (i8, i8) = (month.parse().ok()?, day.parse().ok()?);
    Date::new(2025, month, day).ok().map(|_| (month, day))
}

/// Parses and checks a layout's text; problems go to `report` with their
/// line and column.
pub fn from_text(text: &str, report: &mut Report) -> Option<Layout> {
    let raw: RawLayout = crate::content::validate::parse(text, report)?;
    let locator = Locator::new(text);
    let before = report.diagnostics.len();
    if !crate::folder::is_plain_name(&raw.id) {
        report.error(locator.at("id"), crate::text::LAYOUT_BAD_ID);
    }
    if raw.title.trim().is_empty() {
        report.error(locator.at("title"), crate::text::LAYOUT_NO_TITLE);
    }
    let period = match (&raw.rolling, &raw.year_starts, &raw.deadline) {
        (Some(rolling), None, None) => {
            let days_fit =
                |days: Option<i32>| days.is_none_or(|days| (0..=366 * i32::from(rolling.years)).contains(&days));
            if !(1..=10).contains(&rolling.years)
                || !days_fit(rolling.opens_days_before)
                || !days_fit(rolling.due_days_before)
            {
                report.error(locator.at("rolling"), crate::text::LAYOUT_BAD_ROLLING);
                None
            } else {
                Some(Period::Rolling {
                    years: rolling.years,
                    opens_days_before: rolling.opens_days_before,
                    due_days_before: rolling.due_days_before,
                })
            }
        }
        (None, starts, deadline) => {
            let starts = starts.as_deref().and_then(month_day);
            if starts.is_none() {
                report.error(locator.at("year_starts"), crate::text::layout_not_a_date("year_starts"));
            }
            let deadline = deadline.as_deref().and_then(month_day);
            if deadline.is_none() {
                report.error(locator.at("deadline"), crate::text::layout_not_a_date("deadline"));
            }
            starts
                .zip(deadline)
                .map(|(starts, deadline)| Period::Annual { starts, deadline })
        }
        (Some(_), _, _) => {
            report.error(locator.at("rolling"), crate::text::LAYOUT_TWO_PERIODS);
            None
        }
    };
    if raw.fields.is_empty() {
        report.error(locator.at("fields"), crate::text::LAYOUT_NO_FIELDS);
    }
    let mut seen: Vec<&str> = Vec::new();
    for (index, field) in raw.fields.iter().enumerate() {
        // Found only for a problem: finding it scans the whole file.
        let at = || locator.at(&format!("fields.{index}.field"));
        if !FIELDS.iter().any(|(known, _)| *known == field.field) {
            let known: Vec<&str> = FIELDS.iter().map(|(known, _)| *known).collect();
            report.error(at(), crate::text::layout_unknown_field(&field.field, &known));
        } else if seen.contains(&field.field.as_str()) {
            report.error(at(), crate::text::layout_duplicate_field(&field.field));
        }
        seen.push(&field.field);
        if field.label.trim().is_empty() {
            report.error(
                locator.at(&format!("fields.{index}.label")),
                crate::text::LAYOUT_NO_LABEL,
            );
        }
        if field.words == Some(0) {
            report.error(
                locator.at(&format!("fields.{index}.words")),
                crate::text::LAYOUT_ZERO_WORDS,
            );
        }
    }
    if report.diagnostics[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    Some(Layout {
        id: raw.id,
        title: raw.title,
        source: raw.source,
        checked: raw.checked,
        period: period?,
        hours_counted: raw.hours_counted,
        records_needed: raw.records_needed,
        peer_reflection_needed: raw.peer_reflection_needed,
        fields: raw
            .fields
            .into_iter()
            .map(|field| Field {
                field: field.field,
                label: field.label,
                words: field.words,
                optional: field.optional,
            })
            .collect(),
    })
}

/// Whether a file is a layout rather than a course or module: its first
/// value is `Layout(`.
/// Whether a file named to `validate` is a layout rather than a course file.
pub fn is_layout_file(path: &Path) -> bool {
    path.is_file()
        && crate::folder::files::read_limited(
            path,
            crate::folder::files::COURSE_FILE_LIMIT,
            crate::folder::files::Links::Follow,
        )
        .is_ok_and(|bytes| looks_like_layout(&String::from_utf8_lossy(&bytes)))
}

pub fn looks_like_layout(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with("//") && !line.starts_with("#!"))
        .is_some_and(|line| line.starts_with("Layout("))
}

/// Checks one layout file, for `validate`.
/// `links`: follow a link only for a file the user named; inside the data
/// folder a link is refused, as everywhere there.
pub fn check_file(
    path: &Path,
    links: crate::folder::files::Links,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Layout> {
    let display = crate::sanitise::path(path);
    let mut report = Report {
        file: display,
        diagnostics,
    };
    let bytes = match crate::folder::files::read_limited(path, crate::folder::files::COURSE_FILE_LIMIT, links) {
        Ok(bytes) => bytes,
        Err(problem) => {
            report.error(Position { line: 0, column: 0 }, problem.reason());
            return None;
        }
    };
    let text = crate::content::validate::decode(&bytes, &mut report)?;
    from_text(text, &mut report)
}

/// Every layout: the shipped ones, then those in `user_folder` (a user
/// layout with a shipped id replaces it). Problems are collected.
pub fn load_all(user_folder: Option<&Path>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Layout> {
    let mut layouts: Vec<Layout> = Vec::new();
    for (name, text) in SHIPPED {
        let mut report = Report {
            file: (*name).to_owned(),
            diagnostics,
        };
        layouts.extend(from_text(text, &mut report));
    }
    let Some(folder) = user_folder else {
        return layouts;
    };
    // A link in place of the folder would lead reads outside the data folder.
    if let Err(problem) = crate::folder::ron_file::real_folder(folder) {
        let mut report = Report {
            file: crate::sanitise::path(folder),
            diagnostics,
        };
        report.error(
            Position { line: 0, column: 0 },
            crate::folder::ron_file::refusal_reason(problem),
        );
        return layouts;
    }
    let Ok(entries) = std::fs::read_dir(folder) else {
        return layouts;
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "ron"))
        .collect();
    files.sort();
    for path in files {
        if let Some(layout) = check_file(&path, crate::folder::files::Links::Refuse, diagnostics) {
            layouts.retain(|known| known.id != layout.id);
            layouts.push(layout);
        }
    }
    layouts
}

/// The shipped layouts alone, checked: used where the data folder is not
/// known. A shipped layout that fails its own check is a build mistake,
/// caught by the tests.
pub fn shipped() -> Vec<Layout> {
    load_all(None, &mut Vec::new())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::content::diagnostic::Severity;

    #[test]
    fn the_shipped_layouts_are_valid_and_distinct() {
        let mut diagnostics = Vec::new();
        let layouts = load_all(None, &mut diagnostics);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let ids: Vec<&str> = layouts.iter().map(|layout| layout.id.as_str()).collect();
        assert_eq!(ids, ["swe", "scw", "probation"]);
        let swe = &layouts[0];
        assert_eq!(
            swe.period,
            Period::Annual {
                starts: (12, 1),
                deadline: (11, 30)
            }
        );
        for layout in &layouts {
            assert!(!layout.source.is_empty() && !layout.checked.is_empty(), "{}", layout.id);
        }
    }

    fn problems(text: &str) -> Vec<String> {
        let mut diagnostics = Vec::new();
        let mut report = Report {
            file: "layout.ron".to_owned(),
            diagnostics: &mut diagnostics,
        };
        assert!(from_text(text, &mut report).is_none());
        diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.severity == Severity::Error)
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn unknown_and_duplicate_fields_and_a_deadline_that_is_no_date_are_refused_where_they_are() {
        let text = "Layout(\n    id: \"x\",\n    title: \"X\",\n    year_starts: \"12-01\",\n    deadline: \"11-31\",\n    fields: [\n        (field: \"learning\", label: \"L\"),\n        (field: \"learning\", label: \"Again\"),\n        (field: \"feelings\", label: \"F\"),\n    ],\n)\n";
        let found = problems(text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].starts_with("layout.ron:5:15: "), "{found:?}");
        assert!(found[0].contains("deadline"), "{found:?}");
        assert!(found[1].starts_with("layout.ron:8:17: "), "{found:?}");
        assert!(found[1].contains("\"learning\" is given twice"), "{found:?}");
        assert!(found[2].starts_with("layout.ron:9:17: "), "{found:?}");
        assert!(found[2].contains("unknown field \"feelings\""), "{found:?}");
    }

    #[test]
    fn a_field_the_format_does_not_know_is_reported_at_its_place() {
        let found = problems(
            "Layout(id: \"x\", title: \"X\", year_starts: \"12-01\", deadline: \"11-30\", fields: [], colour: 1)",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("layout.ron:1:"), "{found:?}");
    }

    #[test]
    fn a_layout_is_told_apart_from_a_module() {
        assert!(looks_like_layout("// note\nLayout(\n"));
        assert!(!looks_like_layout("(\n    id: \"m\","));
    }
}
