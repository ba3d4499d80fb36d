//! `casebook cpd`: the registration year at a glance, and records made,
//! listed, edited, marked submitted and exported.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::DateTime;

use crate::content::Library;
use crate::cpd::layout::{self, Layout};
use crate::cpd::record::{CpdRecord, Records, Texts, Written};
use crate::cpd::year;
use crate::export::Format;
use crate::folder::DataPaths;
use crate::sanitise::sanitise;
use crate::store::Store;
use crate::text;

#[derive(clap::Args, Debug, Clone, PartialEq, Eq)]
pub struct CpdArgs {
    #[command(subcommand)]
    pub command: Option<CpdCommand>,

    /// The regulator's layout: swe (Social Work England), scw (Social Care Wales), probation (Probation
    /// Institute), or one of your own in the data folder's layouts folder
    #[arg(long, global = true, value_name = "LAYOUT", default_value = "swe")]
    pub layout: String,
}

#[derive(clap::Subcommand, Debug, Clone, PartialEq, Eq)]
pub enum CpdCommand {
    /// Make a CPD record from studied modules (default: those studied and in no record yet); asks what you learnt,
    /// the impact, and a peer reflection, each ended by a line holding only a full stop
    New {
        /// Modules to make the record from, by id or as course/id
        #[arg(value_name = "MODULE")]
        module_names: Vec<String>,
    },
    /// List your CPD records with their ids
    List,
    /// Change a record's texts (once submitted, what was submitted is kept)
    Edit {
        /// The record's id, as cpd list shows it
        #[arg(value_name = "RECORD")]
        record: String,
    },
    /// Mark a record as submitted to your regulator (a draft, with a required field empty, cannot be)
    Submit {
        /// The record's id, as cpd list shows it
        #[arg(value_name = "RECORD")]
        record: String,
    },
    /// Move a record to the cpd/discarded folder, out of every count; cpd restore brings it back
    Discard {
        /// The record's id, as cpd list shows it
        #[arg(value_name = "RECORD")]
        record: String,
    },
    /// Bring a discarded record back (with no RECORD: list the discarded records)
    Restore {
        /// The discarded record's id
        #[arg(value_name = "RECORD")]
        record: Option<String>,
    },
    /// Keep the date you registered or last renewed (YYYY-MM-DD), for a layout whose period runs from it (scw,
    /// probation)
    Registered {
        /// The date, as YYYY-MM-DD
        #[arg(value_name = "DATE")]
        date: jiff::civil::Date,
    },
    /// Write records field by field in the layout's order and labels (default: every record of this registration
    /// year), to paste into the regulator's form
    Export {
        /// The records' ids, as cpd list shows them (default: every record of this registration year)
        #[arg(value_name = "RECORD")]
        records: Vec<String>,
        /// txt (default), md, html or json
        #[arg(long, value_enum, value_name = "FORMAT", default_value = "txt")]
        format: Format,
        /// Write to FILE (never over an existing one), or to standard output with - (the default)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Write the records even when the identifying-details check finds something (you have read the findings
        /// and nothing in them identifies a child, family, victim or colleague)
        #[arg(long)]
        checked: bool,
    },
    /// Check records for details that could identify someone, as cpd export does (default: every record of this
    /// registration year)
    Check {
        /// The records' ids, as cpd list shows them (default: every record of this registration year)
        #[arg(value_name = "RECORD")]
        records: Vec<String>,
        /// Mark finding N (as numbered in the list) "not identifying": it is not shown again while the sentence
        /// around it stays the same
        #[arg(long, value_name = "N")]
        mark: Option<usize>,
    },
}

use crate::exit;

mod export;

/// The time now, local. In a debug build `CASEBOOK_TEST_NOW` (an RFC 3339
/// time) stands in, so tests can stand at a deadline; a release build never
/// reads it.
pub fn now() -> Timestamp {
    #[cfg(debug_assertions)]
    if let Some(now) = std::env::var("CASEBOOK_TEST_NOW")
        .ok()
        .and_then(|text| text.parse::<Timestamp>().ok())
    {
        return now;
    }
    Timestamp::now()
}

pub(super) fn local(now: Timestamp) -> DateTime {
    now.to_zoned(jiff::tz::TimeZone::system()).datetime()
}

/// Runs a `cpd` command. `input` is where answers are read from.
pub fn run(
    args: &CpdArgs,
    paths: &DataPaths,
    library: &Library,
    store: &dyn Store,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut diagnostics = Vec::new();
    let layouts = layout::load_all(Some(&paths.user_layouts()), &mut diagnostics);
    for diagnostic in diagnostics.iter().filter(|diagnostic| diagnostic.is_error()) {
        let _ = crate::messages::write_to(err, &diagnostic.to_string());
    }
    let Some(layout) = layouts.iter().find(|layout| layout.id == args.layout) else {
        let known: Vec<&str> = layouts.iter().map(|layout| layout.id.as_str()).collect();
        let _ = crate::messages::write_to(err, &text::cpd_unknown_layout(&args.layout, &known));
        return exit::USAGE;
    };
    let records = Records::new(paths);
    let now = now();
    let profile = store.load_profile().ok().flatten().unwrap_or_default();
    let registered = profile.cpd_registered.get(&layout.id).copied();
    // The layouts the learner uses: the one named, and every one whose
    // registration date they gave. new and edit ask only for their fields.
    let used: Vec<&Layout> = layouts
        .iter()
        .filter(|known| known.id == layout.id || profile.cpd_registered.contains_key(&known.id))
        .collect();
    let code = match &args.command {
        None => glance(layout, &records, now, registered, out, err),
        Some(CpdCommand::List) => list(layout, &records, out, err),
        Some(CpdCommand::New { module_names }) => {
            let year = year::year_of(layout, local(now), registered);
            new(
                module_names,
                library,
                store,
                &records,
                (layout, year, &used),
                now,
                input,
                out,
                err,
            )
        }
        Some(CpdCommand::Edit { record }) => edit(record, &records, &used, now, input, out, err),
        Some(CpdCommand::Submit { record }) => submit(record, layout, &records, now, out, err),
        Some(CpdCommand::Discard { record }) => crate::commands::cpd_keep::discard(record, &records, out, err),
        Some(CpdCommand::Restore { record }) => {
            crate::commands::cpd_keep::restore(record.as_deref(), &records, out, err)
        }
        Some(CpdCommand::Registered { date }) => crate::commands::cpd_keep::registered(layout, *date, paths, out, err),
        Some(CpdCommand::Export {
            records: named,
            format,
            output,
            checked,
        }) => export::export(
            (layout, registered),
            &records,
            named,
            (*format, output.as_deref(), *checked),
            (library, store),
            now,
            out,
            err,
        ),
        Some(CpdCommand::Check { records: named, mark }) => export::check(
            (layout, registered),
            &records,
            named,
            *mark,
            (library, store),
            now,
            out,
            err,
        ),
    };
    let _ = out.flush();
    code
}

/// Every record that can be read; the others are reported on `err`.
pub(super) fn readable(records: &Records, err: &mut dyn Write) -> Vec<CpdRecord> {
    records
        .all()
        .into_iter()
        .filter_map(|record| match record {
            Ok(record) => Some(record),
            Err(problem) => {
                let _ = crate::messages::write_to(err, &problem.to_string());
                None
            }
        })
        .collect()
}

/// The year at a glance.
fn glance(
    layout: &Layout,
    records: &Records,
    now: Timestamp,
    registered: Option<jiff::civil::Date>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let all = readable(records, err);
    let Some(status) = year::status(layout, &all, local(now), registered) else {
        let _ = crate::messages::write_to(out, &layout.title);
        let _ = crate::messages::write_to(out, &text::cpd_rules_source(&layout.source, &layout.checked));
        let _ = crate::messages::write_to(err, &text::cpd_needs_registered(&layout.id));
        return exit::NOTHING;
    };
    for line in crate::cpd::glance::cpd_glance(layout, &status) {
        let _ = crate::messages::write_to(out, &line);
    }
    exit::OK
}

fn list(layout: &Layout, records: &Records, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let all = readable(records, err);
    if all.is_empty() {
        let _ = writeln!(out, "{}", text::CPD_NONE_YET);
        return exit::OK;
    }
    for record in &all {
        let _ = crate::messages::write_to(out, &crate::cpd::glance::cpd_list_line(record, layout));
    }
    exit::OK
}

/// Lines up to one holding only `.` (or the end of input).
fn read_answer(input: &mut dyn BufRead) -> io::Result<String> {
    let mut lines = Vec::new();
    loop {
        let mut bytes = Vec::new();
        if input.read_until(b'\n', &mut bytes)? == 0 {
            break;
        }
        let line = String::from_utf8_lossy(&bytes);
        let line = line.trim_end_matches(['\n', '\r']);
        if line == "." {
            break;
        }
        lines.push(line.to_owned());
    }
    Ok(lines.join("\n").trim_end().to_owned())
}

#[allow(clippy::too_many_arguments)]
fn new(
    names: &[String],
    library: &Library,
    store: &dyn Store,
    records: &Records,
    (layout, period, used): (&Layout, Option<year::Period>, &[&Layout]),
    now: Timestamp,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let existing: Vec<CpdRecord> = records.all().into_iter().flatten().collect();
    let in_records: Vec<(String, String)> = existing
        .iter()
        .flat_map(|record| {
            record
                .modules
                .iter()
                .map(|module| (module.course.clone(), module.module.clone()))
        })
        .collect();
    let mut chosen = Vec::new();
    if names.is_empty() {
        for course in &library.courses {
            for module in &course.modules {
                let taken = in_records.contains(&(course.id.clone(), module.id.clone()));
                if let Ok(Some(journal)) = store.load_module(&course.id, &module.id)
                    && journal.studied(module)
                    && !taken
                {
                    chosen.push((course, module, journal));
                }
            }
        }
    } else {
        for name in names {
            let Some((course, module)) = library
                .find_module_index(name)
                .ok()
                .and_then(|found| library.module_at(found))
            else {
                let _ = crate::messages::write_to(err, &text::module_not_found(name, &library.suggestions(name)));
                return exit::NOTHING;
            };
            match store.load_module(&course.id, &module.id) {
                Ok(Some(journal)) if journal.studied(module) => chosen.push((course, module, journal)),
                Ok(_) => {
                    let _ = crate::messages::write_to(err, &text::cpd_not_studied(name));
                    return exit::NOTHING;
                }
                Err(error) => {
                    let _ = crate::messages::write_to(err, &error.to_string());
                    return exit::DATA;
                }
            }
        }
    }
    if chosen.is_empty() {
        let _ = crate::messages::write_to(err, text::CPD_NOTHING_TO_RECORD);
        return exit::NOTHING;
    }
    let asking = io::stdin().is_terminal();
    let studied: Vec<_> = chosen
        .iter()
        .map(|(course, module, journal)| (*course, *module, journal))
        .collect();
    let timezone = jiff::tz::TimeZone::system();
    let today = now.to_zoned(timezone.clone()).date();
    let mut record = CpdRecord::new(String::new(), &studied, Written::default(), &timezone, now);
    // Only what the layouts in use ask for, in the order edit asks it.
    let texts = &mut record.texts;
    // The title, hours and description are made from the course and the
    // time measured: only what the learner writes is asked for.
    let made = ["title", "hours", "description"];
    for (field, prompt, value) in asked_fields(texts)
        .into_iter()
        .filter(|(field, _, _)| !made.contains(field))
    {
        if !used
            .iter()
            .any(|layout| layout.fields.iter().any(|known| known.field == field))
        {
            continue;
        }
        if asking {
            let _ = writeln!(out, "\n{prompt}");
            let _ = out.flush();
        }
        match read_answer(input) {
            Ok(answer) => *value = answer,
            Err(error) => {
                let _ = crate::messages::write_to(err, &error.to_string());
                return exit::DATA;
            }
        }
    }
    // A module in another record of this period is worth a second look.
    for (course, module, _) in &studied {
        let others: Vec<&str> = existing
            .iter()
            .filter(|other| period.is_some_and(|period| (period.start..=period.end).contains(&other.date())))
            .filter(|other| {
                other
                    .modules
                    .iter()
                    .any(|named| named.course == course.id && named.module == module.id)
            })
            .map(|other| other.id.as_str())
            .collect();
        if !others.is_empty() {
            let _ = crate::messages::write_to(err, &text::cpd_module_recorded(&module.title, &others));
        }
    }
    match records.create(&mut record, today) {
        Ok(_) => {
            let missing = record.missing(layout);
            if !missing.is_empty() {
                let _ = crate::messages::write_to(err, &text::cpd_draft(&record.id, &missing));
            }
            if asking {
                let _ = writeln!(out, "\n{}", sanitise(&text::cpd_saved(&record.id)));
            } else {
                let _ = writeln!(out, "{}", record.id);
            }
            exit::OK
        }
        Err(error) => {
            let _ = crate::messages::write_to(err, &error.to_string());
            exit::DATA
        }
    }
}

/// Asks for each text again, showing the current one; `.` alone keeps it.
fn edit(
    id: &str,
    records: &Records,
    used: &[&Layout],
    now: Timestamp,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut record = match records.load(id) {
        Ok(record) => record,
        Err(error) => {
            let _ = crate::messages::write_to(err, &error.to_string());
            return exit::DATA;
        }
    };
    let asking = io::stdin().is_terminal();
    let mut texts: Texts = record.texts.clone();
    let measured = text::cpd_hours(crate::cpd::record::measured_hours(record.active_seconds));
    for (field, prompt, value) in asked_fields(&mut texts) {
        if !used
            .iter()
            .any(|layout| layout.fields.iter().any(|known| known.field == field))
        {
            continue;
        }
        if asking {
            let shown = if field == "hours" && value.is_empty() {
                text::cpd_hours_suggested(&measured)
            } else {
                sanitise(value).into_owned()
            };
            let _ = writeln!(out, "\n{prompt}\n{shown}\n{}", text::CPD_EDIT_KEEP);
            let _ = out.flush();
        }
        match read_answer(input) {
            Ok(answer) if field == "hours" && !answer.trim().is_empty() => {
                if crate::cpd::record::parse_hours(&answer).is_none() {
                    let _ = crate::messages::write_to(err, &text::cpd_not_hours(&answer));
                    return exit::USAGE;
                }
                *value = answer.trim().replace(',', ".");
            }
            Ok(answer) if !answer.trim().is_empty() => *value = answer,
            Ok(_) => {}
            Err(error) => {
                let _ = crate::messages::write_to(err, &error.to_string());
                return exit::DATA;
            }
        }
    }
    if !record.edit(texts, now) {
        let _ = writeln!(out, "{}", text::CPD_UNCHANGED);
        return exit::OK;
    }
    match records.save(&record) {
        Ok(_) => {
            let _ = crate::messages::write_to(out, &text::cpd_saved(&record.id));
            exit::OK
        }
        Err(error) => {
            let _ = crate::messages::write_to(err, &error.to_string());
            exit::DATA
        }
    }
}

fn submit(
    id: &str,
    layout: &Layout,
    records: &Records,
    now: Timestamp,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut record = match records.load(id) {
        Ok(record) => record,
        Err(error) => {
            let _ = crate::messages::write_to(err, &error.to_string());
            return exit::DATA;
        }
    };
    let missing = record.missing(layout);
    if !missing.is_empty() && record.submitted.is_none() {
        let _ = crate::messages::write_to(err, &text::cpd_draft_not_submitted(&record.id, &missing));
        return exit::REFUSED;
    }
    record.submitted.get_or_insert(now);
    match records.save(&record) {
        Ok(_) => {
            let _ = crate::messages::write_to(out, &text::cpd_submitted(&record.id));
            exit::OK
        }
        Err(error) => {
            let _ = crate::messages::write_to(err, &error.to_string());
            exit::DATA
        }
    }
}

/// A record's fields, each with its layout name and the question `cpd new`
/// and `cpd edit` ask for it, in the order they ask.
fn asked_fields(texts: &mut Texts) -> [(&'static str, &'static str, &mut String); 9] {
    [
        ("title", text::CPD_EDIT_TITLE, &mut texts.title),
        ("hours", text::CPD_EDIT_HOURS, &mut texts.hours),
        ("description", text::CPD_EDIT_DESCRIPTION, &mut texts.description),
        ("learning", text::CPD_ASK_LEARNING, &mut texts.learning),
        ("impact", text::CPD_ASK_IMPACT, &mut texts.impact),
        ("peer_reflection", text::CPD_ASK_PEER, &mut texts.peer_reflection),
        ("standards", text::CPD_ASK_STANDARDS, &mut texts.standards),
        ("current", text::CPD_ASK_CURRENT, &mut texts.current),
        (
            "manager_discussion",
            text::CPD_ASK_MANAGER,
            &mut texts.manager_discussion,
        ),
    ]
}
