//! Every message of `export` and `verify`.

use std::path::Path;

use jiff::civil::Date;

pub const NOTHING_TO_EXPORT: &str = "Nothing to export: none of these modules has been studied yet.";
pub const NOT_STUDIED: &str = "not studied yet";
pub const NOT_IN_PERIOD: &str = "not studied in the period";
pub const ANOTHER_NAME: &str = " Choose another name with -o FILE.";
pub const CREATE_FOLDER: &str = " Create it, or choose another place with -o FILE.";
pub const ANOTHER_PLACE: &str = " Choose another place with -o FILE.";

pub fn bad_date(text: &str) -> String {
    format!("\"{text}\" is not a date; write it as YYYY-MM-DD, for example 2026-11-23")
}

pub fn since_after_until(since: Date, until: Date) -> String {
    format!(
        "--since ({}) is after --until ({}), so no day is in the period.",
        super::format::date(since),
        super::format::date(until)
    )
}

fn period(since: Option<Date>, until: Option<Date>) -> Option<String> {
    match (since, until) {
        (Some(since), Some(until)) if since == until => Some(format!("on {}", super::format::date(since))),
        (Some(since), Some(until)) => Some(format!(
            "between {} and {}",
            super::format::date(since),
            super::format::date(until)
        )),
        (Some(since), None) => Some(format!("since {}", super::format::date(since))),
        (None, Some(until)) => Some(format!("up to {}", super::format::date(until))),
        (None, None) => None,
    }
}

pub fn nothing_to_export(named: bool, since: Option<Date>, until: Option<Date>) -> String {
    let which = if named {
        "none of the modules named"
    } else {
        "no module"
    };
    match period(since, until) {
        Some(period) => format!("Nothing to export: {which} was studied {period}."),
        None if named => "Nothing to export: none of the modules named has been studied yet.".to_owned(),
        None => "Nothing to export: you have not studied any module yet. Run \"casebook\" to start one.".to_owned(),
    }
}

pub fn left_out(module: &str, reason: &str) -> String {
    format!("Left out {module}: {reason}.")
}

pub fn cannot_read_journal(error: &str) -> String {
    format!(
        "Cannot read the file holding your answers, so no log was written: {error}.\nThe file is left untouched. \
To export the other modules, open casebook, choose this module and press x to set the file aside."
    )
}

pub fn is_folder(path: &Path) -> String {
    format!(
        "{} is a folder; give the log a file name in it, for example -o {}.",
        path.display(),
        path.join("casebook-log.md").display()
    )
}

pub fn already_exists(path: &Path) -> String {
    format!(
        "{} already exists, and casebook never overwrites a file.",
        path.display()
    )
}

pub fn no_folder(path: &Path) -> String {
    format!("Cannot write the log: the folder {} does not exist.", path.display())
}

pub fn cannot_write(path: &Path, reason: &str) -> String {
    format!(
        "Cannot write the log to {}: {reason}. Nothing was written.",
        path.display()
    )
}

pub fn cannot_write_stdout(reason: &str) -> String {
    format!("Cannot write the log to standard output: {reason}")
}

/// One export that wrote the log and a printable copy of it.
pub fn written_with_copy(modules: usize, formats: &str, main: &Path, copy: &Path) -> String {
    let modules = if modules == 1 {
        "1 module".to_owned()
    } else {
        format!("{modules} modules")
    };
    format!(
        "Wrote a reflective log of {modules} ({formats}) to {}\nand its printable copy to {}\nBoth files have the same log id: send the first to your supervisor for review.",
        main.display(),
        copy.display()
    )
}

/// `--copy` in the format of the log itself.
pub fn copy_same_format(extension: &str) -> String {
    format!("--copy {extension} is the log's own format: choose another for the copy (html or txt, say).")
}

pub const COPY_NOT_TO_STDOUT: &str =
    "--copy writes a second file, so it cannot go with -o - (standard output): name a file with -o, or leave it out.";

pub fn written(modules: usize, format_name: &str, path: &Path) -> String {
    let modules = if modules == 1 {
        "1 module".to_owned()
    } else {
        format!("{modules} modules")
    };
    format!(
        "Wrote a reflective log of {modules} ({}) to {}",
        format_name,
        path.display()
    )
}

pub fn cannot_read(path: &Path, reason: &str) -> String {
    format!("Cannot read {}: {reason}", path.display())
}

pub fn digest_matches(file: &str) -> String {
    format!(
        "{file}: unchanged since it was exported (its SHA-256 digest matches).\n\
         (A digest catches accidental or casual changes, not a determined forger: anyone who edits the file \
         can recompute it. Nor does it show who exported the log.)"
    )
}

pub fn digest_differs(file: &str) -> String {
    format!("{file}: the log has been changed since it was exported (its SHA-256 digest does not match).")
}

pub fn no_digest(file: &str) -> String {
    format!(
        "{file}: this is not a log exported by casebook, or part of it has been removed (no casebook digest found)."
    )
}
