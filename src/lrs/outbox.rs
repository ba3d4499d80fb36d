//! Statements waiting to be sent: one JSON file each in the data folder's
//! `outbox/`, written atomically and private like a journal, named so that
//! they sort in the order they were recorded. A file that cannot be read is
//! reported and left exactly as it is.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::folder::DataPaths;
use crate::folder::StoreError;
use crate::folder::files::{self, Links, Problem};
use crate::folder::ron_file::{file_error, write_atomic};

/// One statement is a few kilobytes even with a long reflection shared.
pub const ENTRY_LIMIT: u64 = 1024 * 1024;

pub const ENTRY_SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub schema: u32,
    pub recorded: Timestamp,
    pub statement: serde_json::Value,
    /// Set when the LRS refused the statement itself (400, or 409 for an id
    /// it holds with other content): kept, not sent again, until removed.
    #[serde(default)]
    pub rejected: Option<Rejection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejection {
    pub status: u16,
    pub reason: String,
    pub at: Timestamp,
}

/// An outbox file, read.
#[derive(Debug)]
pub struct Stored {
    pub path: PathBuf,
    pub entry: Result<Entry, StoreError>,
}

impl Entry {
    pub fn id(&self) -> &str {
        self.statement
            .get("id")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
    }
}

/// Writes new statements to the outbox, in order.
pub fn append(paths: &DataPaths, statements: &[serde_json::Value], now: Timestamp) -> Result<(), StoreError> {
    static SEQUENCE: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    for statement in statements {
        let sequence = SEQUENCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % 10_000;
        let id = statement
            .get("id")
            .and_then(serde_json::Value::as_str)
            .unwrap_or("statement");
        let name = format!("{:013}-{sequence:04}-{id}.json", now.as_millisecond().max(0));
        let entry = Entry {
            schema: ENTRY_SCHEMA,
            recorded: now,
            statement: statement.clone(),
            rejected: None,
        };
        write(&paths.outbox_dir().join(name), &entry)?;
    }
    Ok(())
}

pub fn write(path: &Path, entry: &Entry) -> Result<(), StoreError> {
    let mut text = serde_json::to_string_pretty(entry).map_err(|error| StoreError::Io {
        path: path.to_path_buf(),
        reason: error.to_string(),
    })?;
    text.push('\n');
    write_atomic(path, text.as_bytes())
}

/// Every outbox file, oldest first. No outbox folder: nothing waiting.
pub fn list(paths: &DataPaths) -> Result<Vec<Stored>, StoreError> {
    let dir = paths.outbox_dir();
    // A link in place of the folder would lead reads (and removals) outside
    // the data folder.
    crate::folder::ron_file::real_folder(&dir)?;
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => {
            return Err(StoreError::Io {
                path: dir,
                reason: crate::text::io_reason(&error),
            });
        }
    };
    let mut names: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| !files::is_temporary(&entry.file_name()))
        .filter(|entry| entry.file_name().to_str().is_some_and(|name| name.ends_with(".json")))
        .map(|entry| entry.path())
        .collect();
    names.sort();
    Ok(names
        .into_iter()
        .map(|path| {
            let entry = read(&path);
            Stored { path, entry }
        })
        .collect())
}

fn read(path: &Path) -> Result<Entry, StoreError> {
    let bytes =
        files::read_limited(path, ENTRY_LIMIT, Links::Refuse).map_err(|problem: Problem| file_error(path, &problem))?;
    let damaged = |line, column, reason: String| StoreError::Damaged {
        path: path.to_path_buf(),
        line,
        column,
        reason,
    };
    let entry: Entry =
        serde_json::from_slice(&bytes).map_err(|error| damaged(error.line(), error.column(), error.to_string()))?;
    if entry.schema > ENTRY_SCHEMA {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            schema: entry.schema,
            known: ENTRY_SCHEMA,
            written_by: None,
        });
    }
    if entry.id().is_empty() {
        return Err(damaged(1, 1, crate::text::LRS_ENTRY_NO_ID.to_owned()));
    }
    Ok(entry)
}

/// Removes a statement the LRS now holds. Already gone is fine: another
/// sync sent it.
pub fn remove(path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(StoreError::Io {
            path: path.to_path_buf(),
            reason: crate::text::io_reason(&error),
        }),
    }
}
