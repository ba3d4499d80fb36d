//! The record of every log exported from a data folder: its id, digest,
//! date, modules and format, and a digest of each reflection it carried,
//! never their text. `import-review` accepts a
//! review only of a log recorded here; `casebook exports` lists them.
//!
//! Kept in `exports.ron` in the data folder, written like a journal
//! (atomic, 0600, never through a link).

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::Format;
use crate::folder::DataPaths;
use crate::folder::StoreError;

/// The record file's schema.
/// - 2: adds `reflections`, so that a review's quotes are checked against
///   what was exported (schema 1 files are read as they are).
/// - 3: adds `copies`, the other files of one export (a printable copy
///   beside the JSON); older files are read as they are.
pub const RECORDS_SCHEMA: u32 = 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportRecord {
    pub log_id: String,
    /// The digest of the file as written (each format has its own).
    pub digest: String,
    pub exported: Timestamp,
    /// `md`, `html`, `json` or `txt`.
    pub format: String,
    /// `course/module`, in log order.
    pub modules: Vec<String>,
    /// `course/module/question` -> `sha256:` of the reflection as the log
    /// carried it: what a review may quote as the learner's words.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reflections: BTreeMap<String, String>,
    /// The same log written in other formats by the same export (a
    /// printable copy), each with its file's digest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<CopyRecord>,
}

/// A copy of an exported log in another format: the same log id and
/// words, its own bytes and digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CopyRecord {
    pub format: String,
    pub digest: String,
}

impl CopyRecord {
    pub fn of(format: Format, bytes: &[u8]) -> Self {
        CopyRecord {
            format: format.extension().to_owned(),
            digest: digest_of(bytes),
        }
    }
}

impl ExportRecord {
    /// Whether `digest` is that of a file this export wrote (the log or
    /// its copy).
    pub fn wrote(&self, digest: &str) -> bool {
        self.digest == digest || self.copies.iter().any(|copy| copy.digest == digest)
    }

    /// The formats written, "json + html".
    pub fn formats(&self) -> String {
        std::iter::once(self.format.as_str())
            .chain(self.copies.iter().map(|copy| copy.format.as_str()))
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

/// The digest a file carries (as `casebook verify` computes it), or
/// nothing when it carries none.
fn digest_of(bytes: &[u8]) -> String {
    match super::verify(bytes) {
        super::Verification::Matches { digest } => digest,
        _ => String::new(),
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportRecords {
    pub schema: u32,
    #[serde(default)]
    pub exports: Vec<ExportRecord>,
}

/// What to record of a log just rendered.
pub fn record_of(log: &super::Log, format: Format, bytes: &[u8]) -> ExportRecord {
    ExportRecord {
        log_id: log.log_id.clone(),
        digest: digest_of(bytes),
        exported: log.exported,
        format: format.extension().to_owned(),
        modules: log
            .courses
            .iter()
            .flat_map(|course| {
                course
                    .modules
                    .iter()
                    .map(move |module| format!("{}/{}", course.id, module.id))
            })
            .collect(),
        reflections: log
            .courses
            .iter()
            .flat_map(|course| {
                course.modules.iter().flat_map(move |module| {
                    module.questions.iter().filter_map(move |question| {
                        let text = question.reflection.as_deref()?;
                        Some((
                            format!("{}/{}/{}", course.id, module.id, question.id),
                            crate::digest::of_text(text),
                        ))
                    })
                })
            })
            .collect(),
        copies: Vec::new(),
    }
}

/// Every export recorded in a data folder; none when nothing was exported.
pub fn load(paths: &DataPaths) -> Result<Vec<ExportRecord>, StoreError> {
    let records: Option<ExportRecords> = crate::folder::ron_file::read(&paths.exports_file(), RECORDS_SCHEMA)?;
    Ok(records.map(|records| records.exports).unwrap_or_default())
}

/// How long an export waits for another to finish recording itself.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_secs(2);

/// Adds one export to the record. The record is read and written again
/// under a lock of its own: the tutor and `casebook export` may both be
/// adding to it at the same moment, and neither entry may be lost.
pub fn append(paths: &DataPaths, record: ExportRecord) -> Result<(), StoreError> {
    let path = paths.exports_file();
    let lock_path = paths.exports_lock_file();
    use crate::folder::lock::LockError;
    let lock = crate::folder::lock::open_lock(&lock_path).map_err(|error| match error {
        LockError::Refused { path, reason } => StoreError::Refused { path, reason },
        LockError::Io { path, reason } => StoreError::Io { path, reason },
        // Not said by `open_lock`, which only opens the file.
        held @ LockError::Held { .. } => StoreError::Io {
            path: lock_path.clone(),
            reason: held.to_string(),
        },
    })?;
    // Another export holds it for milliseconds; a lock held for seconds
    // (a process stopped half-way) is said, not waited on for ever.
    let deadline = std::time::Instant::now() + LOCK_PATIENCE;
    loop {
        match lock.try_lock() {
            Ok(()) => break,
            Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(StoreError::Io {
                    path: lock_path.clone(),
                    reason: crate::text::EXPORTS_RECORD_BUSY.to_owned(),
                });
            }
            Err(std::fs::TryLockError::Error(error)) => {
                return Err(StoreError::Io {
                    path: lock_path.clone(),
                    reason: crate::text::io_reason(&error),
                });
            }
        }
    }
    let mut records = load(paths)?;
    if !records.contains(&record) {
        records.push(record);
    }
    let file = ExportRecords {
        schema: RECORDS_SCHEMA,
        exports: records,
    };
    let text = crate::folder::ron_file::to_ron(&file).map_err(|reason| StoreError::Io {
        path: path.clone(),
        reason,
    })?;
    crate::folder::ron_file::write_atomic(&path, text.as_bytes())
}

/// Where the record lives, for messages.
pub fn file(paths: &DataPaths) -> PathBuf {
    paths.exports_file()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn record(n: usize) -> ExportRecord {
        ExportRecord {
            log_id: format!("20261129-{n:08X}"),
            digest: format!("sha256:{n:064x}"),
            exported: Timestamp::from_second(1_795_000_000).unwrap(),
            format: "md".to_owned(),
            modules: vec!["hmip-youth-2021/desistance-assessing".to_owned()],
            reflections: BTreeMap::new(),
            copies: Vec::new(),
        }
    }

    /// The tutor and `casebook export` may record an export at the same
    /// moment: every one of them stays in the record.
    #[test]
    fn exports_recorded_at_the_same_time_are_all_kept() {
        let folder = tempfile::tempdir().unwrap();
        let paths = DataPaths::at(folder.path());
        let writers: Vec<_> = (0..4)
            .map(|writer| {
                let paths = paths.clone();
                std::thread::spawn(move || {
                    for n in 0..25 {
                        append(&paths, record(writer * 100 + n)).unwrap();
                    }
                })
            })
            .collect();
        for writer in writers {
            writer.join().unwrap();
        }
        let recorded = load(&paths).unwrap();
        assert_eq!(recorded.len(), 100, "none lost");
        // The same export twice is one entry.
        append(&paths, record(0)).unwrap();
        assert_eq!(load(&paths).unwrap().len(), 100);
    }

    /// A lock held by a casebook that stopped half-way is said, with where,
    /// after a moment: never waited on for ever.
    #[test]
    fn a_record_held_too_long_is_said_not_waited_on() {
        let folder = tempfile::tempdir().unwrap();
        let paths = DataPaths::at(folder.path());
        let held = crate::folder::lock::open_lock(&paths.exports_lock_file()).unwrap();
        held.lock().unwrap();
        let started = std::time::Instant::now();
        let error = append(&paths, record(1)).unwrap_err().to_string();
        assert!(started.elapsed() < LOCK_PATIENCE * 3, "gave up");
        assert!(error.contains("exports.lock"), "{error}");
        assert!(error.contains(crate::text::EXPORTS_RECORD_BUSY), "{error}");
        drop(held);
        append(&paths, record(1)).unwrap();
        assert_eq!(load(&paths).unwrap().len(), 1);
    }
}
