//! The tutor's export dialog.

pub const NOTHING_TO_EXPORT: &str = "Nothing to export yet: study a module first.";
pub const EXPORT_TITLE: &str = "Export a reflective log";
pub const EXPORT_FORMAT: &str = "Format (Tab):";
pub const EXPORT_PERIOD: &str = "Period (←→):";
pub const EXPORT_FROM: &str = "From ";
pub const EXPORT_TO: &str = "To   ";
pub const EXPORT_FOLDER: &str = "Folder: ";
pub const EXPORT_FILE: &str = "File (never written over):";
pub const EXPORT_NONE_YET: &str = "No log exported yet, so:";
pub const EXPORT_NOTHING_IN_PERIOD: &str = "No module was studied in this period: choose another.";

pub const PERIOD_ALL: &str = "everything";
pub const PERIOD_THIS_MONTH: &str = "this month";
pub const PERIOD_SINCE_LAST_EXPORT: &str = "since the last export";
pub const PERIOD_DATES: &str = "dates";

/// Which modules the log will hold, by name.
pub fn export_includes(names: &[&str]) -> String {
    match names {
        [] => "No module was studied in this period.".to_owned(),
        [one] => format!("Includes 1 module: {one}."),
        _ => format!("Includes {} modules: {}.", names.len(), names.join("; ")),
    }
}

pub fn export_from_after_to(from: jiff::civil::Date, to: jiff::civil::Date) -> String {
    format!("The first day ({from}) is after the last ({to}): change one of them.")
}

pub fn export_suggestion(name: &str) -> String {
    format!("{name} is free: Ctrl-N to use it.")
}

/// The export dialog's line under the file, when a copy goes with it.
pub fn export_copy_beside(name: &str) -> String {
    format!("and a printable copy beside it: {name}")
}

pub fn log_and_copy_written(main: &str, copy: &str) -> String {
    format!("Log written to {main}, and its printable copy to {copy}")
}

pub fn log_written(path: &str) -> String {
    format!("Log written to {path}")
}

/// A CPD export is records, not a reflective log.
pub fn cpd_records_written(path: &str) -> String {
    format!("CPD records written to {path}")
}
