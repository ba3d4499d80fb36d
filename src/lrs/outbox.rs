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
    /// What the identifying-details check found in the statement's words
    /// (`result.response`) when it was recorded: such a statement is not
    /// sent until the learner has seen the findings (`casebook sync` lists
    /// them, `sync --checked` sends it) or marked each not identifying.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub held: Vec<Held>,
}

/// One identifying detail in a statement's words: its kind and where it
/// is (byte offsets into `result.response`); the words stay in the
/// statement only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Held {
    pub kind: crate::identify::Kind,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejection {
    pub status: u16,
    pub reason: String,
    pub at: Timestamp,
}

impl Entry {
    pub fn id(&self) -> &str {
        self.statement
            .get("id")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
    }
}

/// Writes new statements to the outbox, in order; returns the files
/// written.
pub fn append(paths: &DataPaths, statements: &[serde_json::Value], now: Timestamp) -> Result<Vec<PathBuf>, StoreError> {
    let statements: Vec<(serde_json::Value, Vec<Held>)> = statements
        .iter()
        .map(|statement| (statement.clone(), Vec::new()))
        .collect();
    append_held(paths, &statements, now)
}

/// Writes new statements to the outbox, in order, each with what the
/// identifying-details check found in its words; returns the files written.
pub fn append_held(
    paths: &DataPaths,
    statements: &[(serde_json::Value, Vec<Held>)],
    now: Timestamp,
) -> Result<Vec<PathBuf>, StoreError> {
    static SEQUENCE: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let mut written = Vec::with_capacity(statements.len());
    for (statement, held) in statements {
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
            held: held.clone(),
        };
        let path = paths.outbox_dir().join(name);
        write(&path, &entry)?;
        written.push(path);
    }
    Ok(written)
}

pub fn write(path: &Path, entry: &Entry) -> Result<(), StoreError> {
    let mut text = serde_json::to_string_pretty(entry).map_err(|error| StoreError::Io {
        path: path.to_path_buf(),
        reason: error.to_string(),
    })?;
    text.push('\n');
    write_atomic(path, text.as_bytes())
}

/// The learner's words in a statement (`result.response`), if any.
pub fn response(statement: &serde_json::Value) -> Option<&str> {
    statement.get("result")?.get("response")?.as_str()
}

/// The learner's words in a statement (`result.response`), taken out.
/// True when there were some.
pub fn strip_text(statement: &mut serde_json::Value) -> bool {
    statement
        .get_mut("result")
        .and_then(serde_json::Value::as_object_mut)
        .and_then(|result| result.remove("response"))
        .is_some()
}

/// The outbox's file names, oldest first: only the names are held, so that
/// a long outbox is read one file at a time (100,000 names are a few
/// megabytes; the statements themselves would be a gigabyte).
#[derive(Debug, Default)]
pub struct Listing {
    dir: PathBuf,
    names: Vec<Box<str>>,
}

impl Listing {
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Each file's path, oldest first.
    pub fn paths(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.names.iter().map(|name| self.dir.join(&**name))
    }
}

/// Every outbox file's name, oldest first. No outbox folder: nothing waiting.
pub fn names(paths: &DataPaths) -> Result<Listing, StoreError> {
    let dir = paths.outbox_dir();
    // A link in place of the folder would lead reads (and removals) outside
    // the data folder.
    crate::folder::ron_file::real_folder(&dir)?;
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Listing::default()),
        Err(error) => {
            return Err(StoreError::Io {
                path: dir,
                reason: crate::text::io_reason(&error),
            });
        }
    };
    let mut names: Vec<Box<str>> = entries
        .filter_map(Result::ok)
        .filter(|entry| !files::is_temporary(&entry.file_name()))
        .filter_map(|entry| {
            let name = entry.file_name();
            name.to_str().filter(|name| name.ends_with(".json")).map(Box::from)
        })
        .collect();
    names.sort_unstable();
    Ok(Listing { dir, names })
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    files::read_limited(path, ENTRY_LIMIT, Links::Refuse).map_err(|problem: Problem| file_error(path, &problem))
}

fn damaged(path: &Path, line: usize, column: usize, reason: String) -> StoreError {
    StoreError::Damaged {
        path: path.to_path_buf(),
        line,
        column,
        reason,
    }
}

fn check(path: &Path, schema: u32, has_id: bool) -> Result<(), StoreError> {
    if schema > ENTRY_SCHEMA {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            schema,
            known: ENTRY_SCHEMA,
            written_by: None,
        });
    }
    if !has_id {
        return Err(damaged(path, 1, 1, crate::text::LRS_ENTRY_NO_ID.to_owned()));
    }
    Ok(())
}

/// One outbox file, read whole.
pub fn read(path: &Path) -> Result<Entry, StoreError> {
    let bytes = read_bytes(path)?;
    let entry: Entry = serde_json::from_slice(&bytes)
        .map_err(|error| damaged(path, error.line(), error.column(), error.to_string()))?;
    check(path, entry.schema, !entry.id().is_empty())?;
    Ok(entry)
}

/// What `sync --status` needs of an outbox file: when it was recorded and
/// whether the LRS refused it. The statement is skipped over, not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub recorded: Timestamp,
    pub rejected: Option<Rejection>,
    /// Held for what the identifying-details check found in its words.
    pub held: bool,
}

/// An outbox file as `read` judges it, keeping only its `Summary`.
pub fn summary(path: &Path) -> Result<Summary, StoreError> {
    /// The statement's id alone: the rest is skipped as it is read.
    #[derive(Deserialize)]
    struct StatementHead {
        #[serde(default)]
        id: Option<serde_json::Value>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Head {
        schema: u32,
        recorded: Timestamp,
        statement: StatementHead,
        #[serde(default)]
        rejected: Option<Rejection>,
        #[serde(default)]
        held: Vec<Held>,
    }
    let bytes = read_bytes(path)?;
    let head: Head = serde_json::from_slice(&bytes)
        .map_err(|error| damaged(path, error.line(), error.column(), error.to_string()))?;
    let has_id = head
        .statement
        .id
        .as_ref()
        .and_then(serde_json::Value::as_str)
        .is_some_and(|id| !id.is_empty());
    check(path, head.schema, has_id)?;
    Ok(Summary {
        recorded: head.recorded,
        rejected: head.rejected,
        held: !head.held.is_empty(),
    })
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
