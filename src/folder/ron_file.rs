//! The size-limited RON reader and the atomic writer for every file casebook
//! keeps in the data folder, with the one error type they report.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::files::{self, Links, Problem, create_private_dir};
use crate::text;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The file could not be read or written.
    Io { path: PathBuf, reason: String },
    /// The file exists but does not parse; it is left exactly as it is.
    Damaged {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: String,
    },
    /// Written by a newer casebook; it is left exactly as it is.
    Newer {
        path: PathBuf,
        schema: u32,
        /// The schema this casebook reads up to.
        known: u32,
        /// "casebook 0.3.0", when the file says.
        written_by: Option<String>,
    },
    /// The journal says it belongs to another course or module than the
    /// one it is filed under: copied or renamed by hand. Left as it is, so
    /// one module's answers never overwrite another's.
    Misplaced {
        path: PathBuf,
        course: String,
        module: String,
    },
    /// Not a file casebook reads or writes: a link, a pipe or a device, one
    /// too large, or a name that would lead out of the data folder.
    Refused { path: PathBuf, reason: String },
}

impl std::error::Error for StoreError {}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Io { path, reason } => write!(f, "{}: {reason}", path.display()),
            StoreError::Damaged {
                path,
                line,
                column,
                reason,
            } => {
                write!(
                    f,
                    "{}:{line}:{column}: {}",
                    path.display(),
                    text::journal_damaged(reason)
                )
            }
            StoreError::Misplaced { path, course, module } => {
                write!(f, "{}: {}", path.display(), text::journal_misplaced(course, module))
            }
            StoreError::Refused { path, reason } => write!(f, "{}: {reason}", path.display()),
            StoreError::Newer {
                path,
                schema,
                known,
                written_by,
            } => {
                let writer = written_by.as_deref().unwrap_or("a newer casebook");
                write!(
                    f,
                    "{}: written by {writer} (file version {schema}; this casebook reads up to {known}); update casebook to open it",
                    path.display()
                )
            }
        }
    }
}

impl StoreError {
    /// What went wrong, then where: on a narrow screen the reason is what
    /// must show.
    pub fn reason_then_path(&self) -> String {
        match self {
            StoreError::Io { path, reason } | StoreError::Refused { path, reason } => {
                format!("{reason} ({})", path.display())
            }
            other => other.to_string(),
        }
    }
}

/// `name.ron` -> `name.ron.set-aside-20261123T103000Z`.
pub fn set_aside_path(path: &Path, now: jiff::Timestamp) -> PathBuf {
    let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut name = path.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(format!(".set-aside-{stamp}"));
    path.with_file_name(name)
}

pub fn to_ron<T: Serialize>(value: &T) -> Result<String, String> {
    let config = PrettyConfig::new()
        .extensions(Extensions::IMPLICIT_SOME)
        .indentor("    ".to_owned());
    ron::ser::to_string_pretty(value, config)
        .map(|mut text| {
            text.push('\n');
            text
        })
        .map_err(|error| error.to_string())
}

pub fn io_error(path: &Path, error: impl fmt::Display) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        reason: error.to_string(),
    }
}

/// A file that was not read or written, as a store error: a file casebook
/// will not touch is refused, anything else is an input/output error.
pub fn file_error(path: &Path, problem: &Problem) -> StoreError {
    match problem {
        Problem::Io(_) | Problem::Missing => io_error(path, problem.reason()),
        Problem::Link | Problem::NotRegular(_) | Problem::TooLarge { .. } => StoreError::Refused {
            path: path.to_path_buf(),
            reason: problem.reason(),
        },
    }
}

/// Reads a RON file casebook keeps in the data folder (a journal, the
/// profile, the export record) whose schema is at most `known`: `None`
/// when there is none yet.
pub fn read<T: DeserializeOwned>(path: &Path, known: u32) -> Result<Option<T>, StoreError> {
    let bytes = match files::read_limited(path, files::JOURNAL_LIMIT, Links::Refuse) {
        Ok(bytes) => bytes,
        Err(Problem::Missing) => return Ok(None),
        Err(problem) => return Err(file_error(path, &problem)),
    };
    let damaged = |line, column, reason: String| StoreError::Damaged {
        path: path.to_path_buf(),
        line,
        column,
        reason,
    };
    let text = std::str::from_utf8(&bytes).map_err(|error| {
        let before = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let line = before.matches('\n').count() + 1;
        let column = before[line_start..].chars().count() + 1;
        damaged(line, column, text::NOT_UTF8.to_owned())
    })?;
    if let Some(schema) = schema_number(text)
        && schema > known
    {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            schema,
            known,
            written_by: written_by(text),
        });
    }
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .from_str::<T>(text)
        .map(Some)
        .map_err(|error| damaged(error.span.start.line, error.span.start.col, error.code.to_string()))
}

/// The `schema: N` of a journal, read before parsing so that a newer file
/// with fields this binary does not know is reported as newer, not damaged.
fn schema_number(text: &str) -> Option<u32> {
    let at = text.find("schema:")?;
    text[at + "schema:".len()..]
        .trim_start()
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// The `written_by: "casebook 0.3.0"` of a file too new to parse.
fn written_by(text: &str) -> Option<String> {
    let at = text.find("written_by:")?;
    let rest = text[at + "written_by:".len()..].trim_start().strip_prefix('"')?;
    let value = &rest[..rest.find('"')?];
    // Only a plain version label is repeated in a message.
    let plain = !value.is_empty()
        && value.len() <= 40
        && value.chars().all(|c| c.is_ascii_alphanumeric() || " .-+".contains(c));
    plain.then(|| value.to_owned())
}

/// `name.ron` -> `name.ron.schema-1.bak`: the file as an older casebook
/// wrote it, kept before it is first saved in the current schema.
pub fn backup_path(path: &Path, schema: u32) -> PathBuf {
    let mut name = path.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(format!(".schema-{schema}.bak"));
    path.with_file_name(name)
}

/// Before a journal from an older schema is first written over, keeps a
/// copy of it byte for byte (an older casebook cannot read the new one).
/// An existing copy is never replaced: it is the older file already.
pub fn keep_older_copy(path: &Path, current: u32) -> Result<(), StoreError> {
    let bytes = match files::read_limited(path, files::JOURNAL_LIMIT, Links::Refuse) {
        Ok(bytes) => bytes,
        Err(Problem::Missing) => return Ok(()),
        Err(problem) => return Err(file_error(path, &problem)),
    };
    let schema = std::str::from_utf8(&bytes).ok().and_then(schema_number);
    match schema {
        Some(schema) if schema < current => {
            let backup = backup_path(path, schema);
            if backup.symlink_metadata().is_ok() {
                return Ok(());
            }
            write_atomic(&backup, &bytes)
        }
        _ => Ok(()),
    }
}

/// Writes atomically (see `files::write_atomic`), making the folder if
/// need be; readable by its owner only.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), StoreError> {
    // Nothing is written that casebook would refuse to read back.
    if u64::try_from(contents.len()).unwrap_or(u64::MAX) > files::JOURNAL_LIMIT {
        return Err(StoreError::Refused {
            path: path.to_path_buf(),
            reason: text::too_large_to_save(files::JOURNAL_LIMIT / 1024 / 1024),
        });
    }
    if let Some(parent) = path.parent().filter(|parent| !parent.as_os_str().is_empty()) {
        create_private_dir(parent).map_err(|error| io_error(parent, text::io_reason(&error)))?;
    }
    files::write_atomic(path, contents).map_err(|problem| file_error(path, &problem))
}

/// Why `real_folder` refused, without the path (for a caller that names it).
pub fn refusal_reason(problem: StoreError) -> String {
    match problem {
        StoreError::Refused { reason, .. } | StoreError::Io { reason, .. } => reason,
        other => other.to_string(),
    }
}

/// A folder inside the data folder is a real folder (or not there yet):
/// never a link, never a file.
pub fn real_folder(folder: &Path) -> Result<(), StoreError> {
    let refused = |reason: &str| StoreError::Refused {
        path: folder.to_path_buf(),
        reason: reason.to_owned(),
    };
    match fs::symlink_metadata(folder) {
        Ok(metadata) if metadata.file_type().is_symlink() => Err(refused(text::FOLDER_IS_LINK)),
        Ok(metadata) if !metadata.is_dir() => Err(refused(text::FOLDER_IS_NOT_FOLDER)),
        _ => Ok(()),
    }
}
