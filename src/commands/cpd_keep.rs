//! `casebook cpd discard`, `restore` and `registered`: a record set aside
//! and brought back, and the learner's registration date kept in the
//! profile for a layout whose period runs from it.

use std::io::Write;

use jiff::civil::Date;

use crate::cpd::layout::{Layout, Period};
use crate::cpd::record::Records;
use crate::exit;
use crate::folder::DataPaths;
use crate::store::{FileStore, Store};
use crate::text;

pub fn discard(id: &str, records: &Records, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match records.discard(id) {
        Ok(_) => {
            let _ = crate::messages::write_to(out, &text::cpd_discarded(id));
            exit::OK
        }
        Err(error) => {
            let _ = crate::messages::write_to(err, &error.to_string());
            exit::NOTHING
        }
    }
}

pub fn restore(id: Option<&str>, records: &Records, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let Some(id) = id else {
        let discarded = records.discarded();
        if discarded.is_empty() {
            let _ = crate::messages::write_to(out, text::CPD_NONE_DISCARDED);
        }
        for id in discarded {
            let _ = crate::messages::write_to(out, &id);
        }
        return exit::OK;
    };
    match records.restore(id) {
        Ok(_) => {
            let _ = crate::messages::write_to(out, &text::cpd_restored(id));
            exit::OK
        }
        Err(error) => {
            let _ = crate::messages::write_to(err, &error.to_string());
            exit::NOTHING
        }
    }
}

/// Keeps the date under the data lock, so an open tutor (which keeps the
/// profile in memory and writes it back) cannot lose it: with the tutor
/// open, this says so and changes nothing.
pub fn registered(layout: &Layout, date: Date, paths: &DataPaths, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if matches!(layout.period, Period::Annual { .. }) {
        let _ = crate::messages::write_to(err, &text::cpd_registered_not_needed(&layout.title));
        return exit::USAGE;
    }
    let _lock = match crate::folder::lock::DataLock::acquire(paths) {
        Ok(lock) => lock,
        Err(error) => {
            let _ = crate::messages::write_to(err, &error.to_string());
            return error.exit_code();
        }
    };
    let mut store = FileStore::new(paths.clone());
    let mut profile = match store.load_profile() {
        Ok(profile) => profile.unwrap_or_default(),
        Err(error) => {
            let _ = crate::messages::write_to(err, &error.to_string());
            return exit::DATA;
        }
    };
    profile.cpd_registered.insert(layout.id.clone(), date);
    match store.save_profile(&profile) {
        Ok(()) => {
            let _ = crate::messages::write_to(out, &text::cpd_registered_kept(&layout.title, &text::date(date)));
            exit::OK
        }
        Err(error) => {
            let _ = crate::messages::write_to(err, &error.to_string());
            exit::DATA
        }
    }
}
