//! The reflective log: pure functions from the course, the journals, the
//! profile and the options to the bytes of a Markdown, HTML, JSON or plain
//! text file, a SHA-256 digest that `casebook verify` checks, and the glue
//! that writes a log to a file or standard output (`cli.rs`).
//!
//! Output is deterministic: the same inputs give the same bytes. The only
//! clock is [`Options::now`]; all times are shown in UTC.

mod build;
pub mod copies;
pub(crate) mod html;
pub mod identify;
pub(crate) mod markdown;
pub mod model;
mod plain;
pub mod reading;
pub mod records;
mod reviews_in_log;
pub mod words;

use std::fmt;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::digest;
pub use crate::digest::{Verification, verify};
pub use build::studied_in_period;
pub use copies::{Formats, Written, write_log};
pub use model::{FORMAT_NAME, FORMAT_VERSION, Log};

use crate::content::{Course, Module};
use crate::folder::DataPaths;
use crate::journal::{ModuleJournal, Profile};

/// One module to put in a log: its course, the module and its journal.
pub type Selected<'a> = (&'a Course, &'a Module, &'a ModuleJournal);

/// The formats a log can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Markdown (CommonMark), easy to read as plain text too
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// One self-contained web page that prints cleanly to PDF
    #[value(name = "html")]
    Html,
    /// JSON for other systems, with a documented, versioned schema
    #[value(name = "json")]
    Json,
    /// Plain text wrapped at 78 columns, for e-mail or an online CPD form
    #[value(name = "txt", alias = "text")]
    Text,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Json, Format::Text];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Text => "txt",
        }
    }

    /// The format's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Json => "JSON",
            Format::Text => "plain text",
        }
    }
}

/// Everything besides the journals that decides a log's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The export time: the only clock a log reads.
    pub now: Timestamp,
    /// Only modules studied on or after this date.
    pub since: Option<Date>,
    /// Only modules studied on or before this date.
    pub until: Option<Date>,
    /// Printed in the log; tests pin it so goldens survive a version bump.
    pub casebook_version: String,
}

impl Options {
    /// No date filter; this build's version.
    pub fn new(now: Timestamp) -> Self {
        Options {
            now,
            since: None,
            until: None,
            casebook_version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// No module selected has been studied (in the period, if one is given).
    NothingToExport,
    /// The destination exists; casebook never overwrites a file.
    AlreadyExists(PathBuf),
    /// The destination is a folder: a file name is wanted.
    IsFolder(PathBuf),
    /// The destination's folder does not exist.
    NoFolder(PathBuf),
    /// The file could not be written; nothing was left behind.
    CannotWrite { path: PathBuf, reason: String },
    /// The log was written, but the data folder's record of exports was
    /// not, so a review of it cannot be imported.
    NotRecorded { path: PathBuf, reason: String },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::NothingToExport => f.write_str(crate::text::export_command::NOTHING_TO_EXPORT),
            ExportError::AlreadyExists(path) => f.write_str(&crate::text::export_command::already_exists(path)),
            ExportError::IsFolder(path) => f.write_str(&crate::text::export_command::is_folder(path)),
            ExportError::NoFolder(path) => f.write_str(&crate::text::export_command::no_folder(path)),
            ExportError::CannotWrite { path, reason } => {
                f.write_str(&crate::text::export_command::cannot_write(path, reason))
            }
            ExportError::NotRecorded { path, reason } => f.write_str(&crate::text::export_not_recorded(path, reason)),
        }
    }
}

impl std::error::Error for ExportError {}

/// `casebook-log-2026-11-23.md`.
pub fn default_file_name(format: Format, date: Date) -> String {
    format!("casebook-log-{date}.{}", format.extension())
}

/// Where a log goes when no file is named: the current folder, or, when
/// that cannot be written, the learner's Documents folder. On a managed PC
/// a program is often started in a folder only IT may write to (where the
/// exe was put, or `C:\Windows\System32`).
pub fn default_folder() -> PathBuf {
    let current = std::env::current_dir().ok();
    if let Some(current) = current.as_deref().filter(|folder| can_write_in(folder)) {
        return current.to_path_buf();
    }
    directories::UserDirs::new()
        .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
        .filter(|documents| documents.is_dir())
        .or(current)
        .unwrap_or_else(|| PathBuf::from("."))
}

#[cfg(unix)]
fn can_write_in(folder: &Path) -> bool {
    rustix::fs::access(folder, rustix::fs::Access::WRITE_OK | rustix::fs::Access::EXEC_OK).is_ok()
}

/// Windows has no `access` that knows the folder's ACL: a file is made and
/// removed, under casebook's temporary-file prefix, which no one else uses.
#[cfg(not(unix))]
fn can_write_in(folder: &Path) -> bool {
    let probe = folder.join(format!(".casebook-tmp-probe-{}", std::process::id()));
    let made = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .is_ok();
    if made {
        let _ = std::fs::remove_file(&probe);
    }
    made
}

/// The export's date (UTC), for [`default_file_name`].
pub fn export_date(now: Timestamp) -> Date {
    TimeZone::UTC.to_datetime(now).date()
}

/// Builds the log's data with its log id filled in (the digest is added
/// when it is rendered): `None` when nothing selected was studied.
pub fn build(selected: &[Selected<'_>], profile: Option<&Profile>, options: &Options) -> Option<Log> {
    build_with_reviews(selected, profile, options, &[])
}

/// [`build`], with the imported reviews of the modules selected.
pub fn build_with_reviews(
    selected: &[Selected<'_>],
    profile: Option<&Profile>,
    options: &Options,
    reviews: &[crate::review::ImportedReview],
) -> Option<Log> {
    let mut log = build::build(selected, profile, options, reviews)?;
    // The log id: the export date and a short hash of the log's content
    // (as JSON, before the id and digest are set), the same in every format.
    let content = serde_json::to_vec(&log).unwrap_or_default();
    let day = export_date(options.now);
    log.log_id = format!(
        "{:04}{:02}{:02}-{}",
        day.year(),
        day.month(),
        day.day(),
        digest::short_id(&content)
    );
    log.digest = digest::placeholder();
    Some(log)
}

/// Renders a built log in a format and seals it with its digest.
pub fn render(log: &Log, format: Format) -> Vec<u8> {
    let mut log = log.clone();
    log.digest = digest::placeholder();
    let bytes = match format {
        Format::Markdown => shown_as_written(markdown::render(&log)).into_bytes(),
        Format::Html => shown_as_written(html::render(&log)).into_bytes(),
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
            text.push('\n');
            json_escaped(text).into_bytes()
        }
        Format::Text => shown_as_written(plain::render(&log)).into_bytes(),
    };
    // Sealed last: the digest covers the bytes as written.
    digest::seal(bytes)
}

/// A human-readable log with nothing its reader's viewer would obey
/// rather than show: a control character, or a bidirectional control that
/// would make a reflection read in a different order from the one it was
/// written in. Each becomes U+FFFD, as control characters in a learner's
/// text already do (`words::clean`).
pub(crate) fn shown_as_written(text: String) -> String {
    if !text.contains(crate::sanitise::is_neutralised) {
        return text;
    }
    text.chars()
        .map(|character| {
            if crate::sanitise::is_neutralised(character) {
                '\u{FFFD}'
            } else {
                character
            }
        })
        .collect()
}

/// serde_json escapes C0 controls only: C1 controls and bidirectional
/// controls are escaped here too, so the file shows nothing a terminal or
/// editor would obey while the text it holds stays exactly the learner's.
/// They can only be inside strings, where `\uXXXX` means the same.
pub(crate) fn json_escaped(text: String) -> String {
    let escaped = |character: char| crate::sanitise::is_neutralised(character);
    if !text.contains(escaped) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for character in text.chars() {
        if escaped(character) {
            out.push_str(&format!("\\u{:04x}", u32::from(character)));
        } else {
            out.push(character);
        }
    }
    out
}

/// The bytes of a log of the selected modules.
pub fn export(
    selected: &[Selected<'_>],
    profile: Option<&Profile>,
    format: Format,
    options: &Options,
) -> Result<Vec<u8>, ExportError> {
    let log = build(selected, profile, options).ok_or(ExportError::NothingToExport)?;
    Ok(render(&log, format))
}

/// Writes bytes to a new file: never over an existing one, atomically (a
/// temporary file renamed into place), readable by its owner only, leaving
/// nothing behind on failure. Returns the full path written.
pub fn write_new_file(path: &Path, bytes: &[u8]) -> Result<PathBuf, ExportError> {
    let full = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match full.symlink_metadata() {
        Ok(metadata) if metadata.is_dir() => return Err(ExportError::IsFolder(full)),
        Ok(metadata) if metadata.is_file() || metadata.file_type().is_symlink() => {
            return Err(ExportError::AlreadyExists(full));
        }
        // A device or a pipe: not a file to replace, and not one to write into.
        Ok(metadata) => {
            let kind = crate::folder::files::kind_of(metadata.file_type()).unwrap_or(crate::text::KIND_OTHER);
            return Err(ExportError::CannotWrite {
                path: full,
                reason: crate::text::file_not_regular(kind),
            });
        }
        Err(_) => {}
    }
    let folder = full.parent().map(Path::to_path_buf).unwrap_or_default();
    if !folder.as_os_str().is_empty() && !folder.is_dir() {
        return Err(if folder.symlink_metadata().is_ok() {
            ExportError::CannotWrite {
                path: full,
                reason: format!("{} is not a folder", folder.display()),
            }
        } else {
            ExportError::NoFolder(folder)
        });
    }
    // Linked into place, so a file that appears meanwhile is never replaced.
    match crate::folder::files::write_new(&full, bytes) {
        Ok(()) => Ok(full),
        Err(crate::folder::files::Problem::Io(error)) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(ExportError::AlreadyExists(full))
        }
        Err(problem) => Err(ExportError::CannotWrite {
            path: full,
            reason: problem.reason(),
        }),
    }
}

/// For the tutor: writes a log of the selected modules to `path`, which
/// must not exist yet. Returns the full path written. With the tutor's data
/// folder (`folder`) the log carries its imported reviews and the export is
/// recorded there.
pub fn export_to_path(
    selected: &[Selected<'_>],
    profile: Option<&Profile>,
    format: Format,
    path: &Path,
    now: Timestamp,
    folder: Option<&DataPaths>,
) -> Result<PathBuf, ExportError> {
    export_to_path_with(selected, profile, format, path, &Options::new(now), folder)
}

/// [`export_to_path`] with the options given: the tutor's export dialog
/// passes the period chosen (`since`, `until`).
pub fn export_to_path_with(
    selected: &[Selected<'_>],
    profile: Option<&Profile>,
    format: Format,
    path: &Path,
    options: &Options,
    folder: Option<&DataPaths>,
) -> Result<PathBuf, ExportError> {
    let reviews = folder
        .map(|paths| crate::review::imported::load(paths).0)
        .unwrap_or_default();
    let log = build_with_reviews(selected, profile, options, &reviews).ok_or(ExportError::NothingToExport)?;
    let bytes = render(&log, format);
    let written = write_new_file(path, &bytes)?;
    if let Some(paths) = folder
        && let Err(error) = records::append(paths, records::record_of(&log, format, &bytes))
    {
        return Err(ExportError::NotRecorded {
            path: written,
            reason: error.to_string(),
        });
    }
    Ok(written)
}

/// Parses `YYYY-MM-DD` for `--since` and `--until`.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(index, byte)| {
            if index == 4 || index == 7 {
                byte == b'-'
            } else {
                byte.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(crate::text::export_command::bad_date(text));
    }
    text.parse::<Date>()
        .map_err(|_| crate::text::export_command::bad_date(text))
}
