//! `casebook cpd export` and `casebook cpd check`: the records chosen (named,
//! or every one of this registration year), the identifying-details check
//! on their texts, and the records written field by field.

use std::io::Write;

use jiff::Timestamp;

use super::{local, readable};
use crate::commands::check::{Gate, cleared_texts, marks_of, print_findings};
use crate::content::Library;
use crate::cpd::layout::Layout;
use crate::cpd::record::{CpdRecord, Records};
use crate::cpd::{render, year};
use crate::exit;
use crate::export::Format;
use crate::export::identify::{self as checking, allow_for};
use crate::export::model::IdentifyingCheck;
use crate::store::Store;
use crate::text;
use crate::text::identify as words;

/// The gate before CPD records are written.
const CPD_GATE: Gate = Gate {
    ask: words::ASK_WRITE_RECORDS_ANYWAY,
    refused: words::cpd_refused,
};

/// The records named, or every readable one of this registration year;
/// the exit code when there are none.
fn chosen(
    (layout, registered): (&Layout, Option<jiff::civil::Date>),
    records: &Records,
    named: &[String],
    now: Timestamp,
    err: &mut dyn Write,
) -> Result<Vec<CpdRecord>, u8> {
    let chosen: Vec<CpdRecord> = if named.is_empty() {
        let all = readable(records, err);
        let Some(period) = year::year_of(layout, local(now), registered) else {
            let _ = crate::messages::write_to(err, &text::cpd_needs_registered(&layout.id));
            return Err(exit::NOTHING);
        };
        all.into_iter()
            .filter(|record| (period.start..=period.end).contains(&record.date()))
            .collect()
    } else {
        let mut chosen = Vec::new();
        for id in named {
            match records.load(id) {
                Ok(record) => chosen.push(record),
                Err(error) => {
                    let _ = crate::messages::write_to(err, &error.to_string());
                    return Err(exit::NOTHING);
                }
            }
        }
        chosen
    };
    if chosen.is_empty() {
        let _ = crate::messages::write_to(err, text::CPD_NOTHING_TO_EXPORT);
        return Err(exit::NOTHING);
    }
    Ok(chosen)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn export(
    year: (&Layout, Option<jiff::civil::Date>),
    records: &Records,
    named: &[String],
    (format, output, checked): (Format, Option<&std::path::Path>, bool),
    (library, store): (&Library, &dyn Store),
    now: Timestamp,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let layout = year.0;
    let chosen = match chosen(year, records, named, now, err) {
        Ok(chosen) => chosen,
        Err(code) => return code,
    };
    // The identifying-details check, on what is about to leave the machine.
    let profile = store.load_profile().ok().flatten();
    let marks = marks_of(store, err);
    let unmarked = allow_for(library, profile.as_ref(), &[]);
    let texts = crate::cpd::check::texts(layout, &chosen);
    let Some(marked) = cleared_texts(&texts, &unmarked, &marks, checked, &CPD_GATE, err) else {
        return exit::FOUND;
    };
    let mut document = render::document(layout, &chosen);
    document.identifying_check = Some(IdentifyingCheck {
        run: true,
        marked_not_identifying: marked,
    });
    for warning in render::warnings(&document) {
        let _ = crate::messages::write_to(err, &warning);
    }
    let bytes = render::render(&document, format);
    match output {
        Some(path) if path.as_os_str() != "-" => match crate::export::write_new_file(path, &bytes) {
            Ok(written) => {
                let _ = crate::messages::write_to(out, &text::cpd_records_written(&written.display().to_string()));
                exit::OK
            }
            Err(error) => {
                let _ = crate::messages::write_to(err, &error.to_string());
                exit::DATA
            }
        },
        _ => match out.write_all(&bytes).and_then(|()| out.flush()) {
            Ok(()) => exit::OK,
            Err(error) => {
                let _ = crate::messages::write_to(err, &text::stdout_failed(&text::io_reason(&error)));
                exit::DATA
            }
        },
    }
}

/// `cpd check`: the findings in the records `cpd export` would write
/// (exit 7 when there are any), or finding N marked not identifying.
#[allow(clippy::too_many_arguments)]
pub(super) fn check(
    year: (&Layout, Option<jiff::civil::Date>),
    records: &Records,
    named: &[String],
    mark: Option<usize>,
    (library, store): (&Library, &dyn Store),
    now: Timestamp,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let layout = year.0;
    let chosen = match chosen(year, records, named, now, err) {
        Ok(chosen) => chosen,
        Err(code) => return code,
    };
    let profile = store.load_profile().ok().flatten();
    let marks = marks_of(store, err);
    let texts = crate::cpd::check::texts(layout, &chosen);
    let found = checking::findings_in(&texts, &allow_for(library, profile.as_ref(), &marks));
    if let Some(number) = mark {
        return crate::commands::check::mark_numbered(store, &found, number, out, err);
    }
    if found.is_empty() {
        let marked = checking::marked_in(&texts, &allow_for(library, profile.as_ref(), &[]), &marks);
        let _ = crate::messages::write_to(out, &words::cpd_check_clear(chosen.len(), marked));
        return exit::OK;
    }
    let _ = print_findings(out, &found);
    let _ = crate::messages::write_to(out, &words::cpd_check_found(found.len()));
    exit::FOUND
}
