//! A CPD record: one piece of learning (one or more studied modules) written
//! up as a regulator asks, kept in the data folder's `cpd/` folder with the
//! journals' guarantees (atomic, 0600, a file that cannot be read is never
//! written over). The learner's reflections stay theirs: a record starts
//! from what casebook knows (modules, dates, time, the case's description)
//! and what the learner writes for it; nothing is copied from the journal's
//! reflections.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::layout::Layout;
use crate::content::{Course, Module};
use crate::folder::DataPaths;
use crate::folder::files::{JOURNAL_LIMIT, Links, read_limited};
use crate::journal::ModuleJournal;

pub const RECORD_SCHEMA: u32 = 1;

/// The type of CPD casebook's learning is, in the words a form expects.
pub const CPD_TYPE: &str = "Reading and reflecting on a practice guide";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleRef {
    pub course: String,
    pub module: String,
}

/// The texts of a record, kept whole in its history.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub learning: String,
    pub impact: String,
    #[serde(default)]
    pub peer_reflection: String,
    #[serde(default)]
    pub standards: String,
    /// Probation Institute (f): how it keeps knowledge and practice current.
    #[serde(default)]
    pub current: String,
    /// Social Care Wales: when it was discussed with the manager, and what
    /// was agreed.
    #[serde(default)]
    pub manager_discussion: String,
    /// Hours as the learner gives them (`0.75`); empty: the measured time.
    #[serde(default)]
    pub hours: String,
}

/// A record's texts as they were when it was changed after submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Version {
    pub replaced: Timestamp,
    pub texts: Texts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CpdRecord {
    pub schema: u32,
    pub id: String,
    pub modules: Vec<ModuleRef>,
    pub texts: Texts,
    pub first_studied: Option<Date>,
    pub last_studied: Option<Date>,
    pub active_seconds: u64,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// Marked by the learner once sent to the regulator.
    #[serde(default)]
    pub submitted: Option<Timestamp>,
    /// Earlier texts, kept from submission on.
    #[serde(default)]
    pub history: Vec<Version>,
}

/// What the learner writes for a record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    pub learning: String,
    pub impact: String,
    pub peer_reflection: String,
}

impl CpdRecord {
    /// A new record from studied modules: title, dates, time and the
    /// case's description filled in from the course and the journals.
    pub fn new(
        id: String,
        studied: &[(&Course, &Module, &ModuleJournal)],
        written: Written,
        timezone: &jiff::tz::TimeZone,
        now: Timestamp,
    ) -> CpdRecord {
        let title = studied
            .iter()
            .map(|(_, module, _)| match &module.subtitle {
                Some(subtitle) => format!("{} ({subtitle})", module.title),
                None => module.title.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ");
        let description = studied
            .iter()
            .map(|(course, module, _)| {
                // The guide's own opening words say what the case shows;
                // a list that their last sentence introduces comes with them.
                let blocks: Vec<&crate::content::Block> =
                    module.sections.iter().flat_map(|section| &section.blocks).collect();
                let at = blocks
                    .iter()
                    .position(|block| matches!(block, crate::content::Block::Para(_) | crate::content::Block::Lead(_)));
                let opening = at.and_then(|at| match blocks[at] {
                    crate::content::Block::Para(text) | crate::content::Block::Lead(text) => Some(text.as_str()),
                    _ => None,
                });
                let list: Vec<&str> = match at.and_then(|at| blocks.get(at + 1)) {
                    Some(crate::content::Block::Bullets(items) | crate::content::Block::Numbered(items)) => {
                        items.iter().map(String::as_str).collect()
                    }
                    _ => Vec::new(),
                };
                crate::text::cpd_description(&course.title, &module.title, module.subtitle.as_deref(), opening, &list)
            })
            .collect::<Vec<_>>()
            .join("\n\n");
        let dates: Vec<Date> = studied
            .iter()
            .flat_map(|(_, _, journal)| {
                journal
                    .days
                    .iter()
                    .filter(|(_, seconds)| **seconds > 0)
                    .filter_map(|(date, _)| date.parse::<Date>().ok())
                    .chain(
                        [journal.first_studied, journal.last_studied]
                            .into_iter()
                            .flatten()
                            .map(|at| at.to_zoned(timezone.clone()).date()),
                    )
                    .collect::<Vec<_>>()
            })
            .collect();
        CpdRecord {
            schema: RECORD_SCHEMA,
            id,
            modules: studied
                .iter()
                .map(|(course, module, _)| ModuleRef {
                    course: course.id.clone(),
                    module: module.id.clone(),
                })
                .collect(),
            texts: Texts {
                kind: CPD_TYPE.to_owned(),
                title,
                description,
                learning: written.learning,
                impact: written.impact,
                peer_reflection: written.peer_reflection,
                ..Texts::default()
            },
            first_studied: dates.iter().min().copied(),
            last_studied: dates.iter().max().copied(),
            active_seconds: studied.iter().map(|(_, _, journal)| journal.active_seconds).sum(),
            created: now,
            updated: now,
            submitted: None,
            history: Vec::new(),
        }
    }

    /// Changes the texts; once submitted, what was submitted is kept.
    pub fn edit(&mut self, texts: Texts, now: Timestamp) -> bool {
        if texts == self.texts {
            return false;
        }
        if self.submitted.is_some() {
            self.history.push(Version {
                replaced: now,
                texts: self.texts.clone(),
            });
        }
        self.texts = texts;
        self.updated = now;
        true
    }

    /// The text of a layout's field.
    pub fn field(&self, field: &str) -> String {
        let texts = &self.texts;
        match field {
            "type" => texts.kind.clone(),
            "title" => texts.title.clone(),
            "dates" => crate::text::cpd_dates(self.first_studied, self.last_studied),
            "hours" => crate::text::cpd_hours(self.hours()),
            "description" => texts.description.clone(),
            "learning" => texts.learning.clone(),
            "impact" => texts.impact.clone(),
            "peer_reflection" => texts.peer_reflection.clone(),
            "standards" => texts.standards.clone(),
            "current" => texts.current.clone(),
            "manager_discussion" => texts.manager_discussion.clone(),
            _ => String::new(),
        }
    }

    /// Hours as a decimal number: the learner's own figure, or the active
    /// time casebook measured, to the nearest quarter hour.
    pub fn hours(&self) -> f64 {
        parse_hours(&self.texts.hours).unwrap_or_else(|| measured_hours(self.active_seconds))
    }

    /// The labels of the layout's required fields that hold no text yet.
    /// A record with any is a draft: not counted, not submitted.
    pub fn missing(&self, layout: &Layout) -> Vec<String> {
        layout
            .fields
            .iter()
            .filter(|field| !field.optional && self.field(&field.field).trim().is_empty())
            .map(|field| field.label.clone())
            .collect()
    }

    pub fn is_draft(&self, layout: &Layout) -> bool {
        !self.missing(layout).is_empty()
    }

    /// The date the record counts on, for the registration year.
    pub fn date(&self) -> Date {
        self.last_studied
            .or(self.first_studied)
            .unwrap_or_else(|| self.created.to_zoned(jiff::tz::TimeZone::UTC).date())
    }
}

/// The active time casebook measured, in hours to the nearest quarter.
pub fn measured_hours(seconds: u64) -> f64 {
    ((seconds + 450) / 900) as f64 / 4.0
}

/// Hours as a learner types them: `0.75`, `2`, `1,5`; none for anything
/// else, or for a negative or absurd figure.
pub fn parse_hours(text: &str) -> Option<f64> {
    let hours: f64 = text.trim().replace(',', ".").parse().ok()?;
    (hours.is_finite() && (0.0..=1000.0).contains(&hours)).then_some(hours)
}

/// Words as a form counts them: runs of non-space.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The file cannot be read or parsed: never written over.
    Unreadable {
        path: PathBuf,
        reason: String,
    },
    Io {
        path: PathBuf,
        reason: String,
    },
    NotFound(String),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Unreadable { path, reason } => {
                write!(
                    f,
                    "{}",
                    crate::text::cpd_unreadable(&crate::sanitise::path(path), reason)
                )
            }
            RecordError::Io { path, reason } => write!(f, "{}: {reason}", crate::sanitise::path(path)),
            RecordError::NotFound(id) => write!(f, "{}", crate::text::cpd_not_found(id)),
        }
    }
}

/// Records in the data folder's `cpd/` folder, one file each.
pub struct Records {
    folder: PathBuf,
}

impl Records {
    pub fn new(paths: &DataPaths) -> Records {
        Records {
            folder: paths.cpd_dir(),
        }
    }

    fn path_of(&self, id: &str) -> Option<PathBuf> {
        crate::folder::is_plain_name(id).then(|| self.folder.join(format!("{id}.ron")))
    }

    /// Every record, by id; a file that cannot be read is reported and
    /// left as it is.
    pub fn all(&self) -> Vec<Result<CpdRecord, RecordError>> {
        // A link in place of the folder would lead reads outside the data folder.
        if let Err(problem) = crate::folder::ron_file::real_folder(&self.folder) {
            return vec![Err(RecordError::Unreadable {
                path: self.folder.clone(),
                reason: crate::folder::ron_file::refusal_reason(problem),
            })];
        }
        let entries = match std::fs::read_dir(&self.folder) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
            Err(error) => {
                return vec![Err(RecordError::Io {
                    path: self.folder.clone(),
                    reason: crate::text::io_reason(&error),
                })];
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                path.extension().is_some_and(|extension| extension == "ron")
                    && path
                        .file_name()
                        .and_then(|name| name.to_str())
                        .is_some_and(|name| !name.starts_with('.'))
            })
            .collect();
        paths.sort();
        paths.iter().map(|path| read_record(path)).collect()
    }

    pub fn load(&self, id: &str) -> Result<CpdRecord, RecordError> {
        let path = self.path_of(id).ok_or_else(|| RecordError::NotFound(id.to_owned()))?;
        if std::fs::symlink_metadata(&path).is_err() {
            return Err(RecordError::NotFound(id.to_owned()));
        }
        read_record(&path)
    }

    /// Saves a record under its own id (never a path it names).
    pub fn save(&self, record: &CpdRecord) -> Result<PathBuf, RecordError> {
        let path = self
            .path_of(&record.id)
            .ok_or_else(|| RecordError::NotFound(record.id.clone()))?;
        crate::folder::ron_file::real_folder(&self.folder).map_err(|error| RecordError::Io {
            path: self.folder.clone(),
            reason: error.reason_then_path(),
        })?;
        // A file there that cannot be read is never written over.
        if std::fs::symlink_metadata(&path).is_ok() {
            read_record(&path)?;
        }
        let text = crate::folder::ron_file::to_ron(record).map_err(|reason| RecordError::Io {
            path: path.clone(),
            reason,
        })?;
        crate::folder::ron_file::write_atomic(&path, text.as_bytes()).map_err(|error| RecordError::Io {
            path: path.clone(),
            reason: error.reason_then_path(),
        })?;
        Ok(path)
    }

    /// Saves a new record under the first free id of `today`
    /// (`2026-11-29`, then `2026-11-29-2` and so on), setting its id. The
    /// file is linked to its name, which fails if another casebook (a
    /// second `cpd new`, the tutor) took the name meanwhile: then the next
    /// id is tried, so two records made at once never replace each other.
    pub fn create(&self, record: &mut CpdRecord, today: Date) -> Result<PathBuf, RecordError> {
        let folder_error = |reason: String| RecordError::Io {
            path: self.folder.clone(),
            reason,
        };
        crate::folder::ron_file::real_folder(&self.folder).map_err(|error| folder_error(error.reason_then_path()))?;
        crate::folder::files::create_private_dir(&self.folder)
            .map_err(|error| folder_error(crate::text::io_reason(&error)))?;
        let base = today.to_string();
        let taken = |id: &str| {
            self.path_of(id).is_some_and(|path| {
                std::fs::symlink_metadata(&path).is_ok()
                    || std::fs::symlink_metadata(self.discarded_folder().join(format!("{id}.ron"))).is_ok()
            })
        };
        let candidates = std::iter::once(base.clone()).chain((2..100_000).map(|number| format!("{base}-{number}")));
        for id in candidates.filter(|id| !taken(id)) {
            let Some(path) = self.path_of(&id) else { continue };
            record.id = id;
            let text = crate::folder::ron_file::to_ron(&*record).map_err(|reason| RecordError::Io {
                path: path.clone(),
                reason,
            })?;
            match crate::folder::files::write_new(&path, text.as_bytes()) {
                Ok(()) => return Ok(path),
                Err(crate::folder::files::Problem::Io(error)) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(problem) => {
                    return Err(RecordError::Io {
                        path,
                        reason: problem.reason(),
                    });
                }
            }
        }
        Err(folder_error(crate::text::CPD_NO_FREE_ID.to_owned()))
    }

    /// The first free id of `today`, as a guide: `create` takes the id
    /// that is free when it saves.
    pub fn next_id(&self, today: Date) -> String {
        let base = today.to_string();
        let taken = |id: &str| {
            self.path_of(id)
                .is_some_and(|path| std::fs::symlink_metadata(path).is_ok())
        };
        std::iter::once(base.clone())
            .chain((2..100_000).map(|number| format!("{base}-{number}")))
            .find(|id| !taken(id))
            .unwrap_or(base)
    }

    fn discarded_folder(&self) -> PathBuf {
        self.folder.join("discarded")
    }

    /// Moves a record to the `cpd/discarded/` folder, out of every count.
    pub fn discard(&self, id: &str) -> Result<PathBuf, RecordError> {
        let record = self.load(id)?;
        let from = self
            .path_of(&record.id)
            .ok_or_else(|| RecordError::NotFound(id.to_owned()))?;
        let to = self.discarded_folder().join(format!("{}.ron", record.id));
        self.move_record(&from, &to, &self.discarded_folder())?;
        Ok(to)
    }

    /// Brings a discarded record back.
    pub fn restore(&self, id: &str) -> Result<PathBuf, RecordError> {
        let from = self
            .path_of(id)
            .map(|_| self.discarded_folder().join(format!("{id}.ron")))
            .filter(|path| std::fs::symlink_metadata(path).is_ok())
            .ok_or_else(|| RecordError::NotFound(id.to_owned()))?;
        read_record(&from)?;
        let to = self.path_of(id).ok_or_else(|| RecordError::NotFound(id.to_owned()))?;
        self.move_record(&from, &to, &self.folder)?;
        Ok(to)
    }

    /// The ids of discarded records.
    pub fn discarded(&self) -> Vec<String> {
        let mut ids: Vec<String> = std::fs::read_dir(self.discarded_folder())
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().to_str()?.to_owned();
                let id = name.strip_suffix(".ron")?;
                crate::folder::is_plain_name(id).then(|| id.to_owned())
            })
            .collect();
        ids.sort();
        ids
    }

    /// Links the file to its new name (never over another) and removes the
    /// old name.
    fn move_record(&self, from: &Path, to: &Path, into: &Path) -> Result<(), RecordError> {
        let failed = |path: &Path, reason: String| RecordError::Io {
            path: path.to_path_buf(),
            reason,
        };
        crate::folder::ron_file::real_folder(into).map_err(|error| failed(into, error.reason_then_path()))?;
        crate::folder::files::create_private_dir(into).map_err(|error| failed(into, crate::text::io_reason(&error)))?;
        if std::fs::symlink_metadata(to).is_ok() {
            return Err(failed(to, crate::text::CPD_NAME_TAKEN.to_owned()));
        }
        std::fs::hard_link(from, to)
            .or_else(|_| std::fs::rename(from, to))
            .map_err(|error| failed(to, crate::text::io_reason(&error)))?;
        if std::fs::symlink_metadata(from).is_ok() {
            std::fs::remove_file(from).map_err(|error| failed(from, crate::text::io_reason(&error)))?;
        }
        Ok(())
    }
}

fn read_record(path: &Path) -> Result<CpdRecord, RecordError> {
    let unreadable = |reason: String| RecordError::Unreadable {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = read_limited(path, JOURNAL_LIMIT, Links::Refuse).map_err(|problem| unreadable(problem.reason()))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| unreadable(crate::text::NOT_UTF8.to_owned()))?;
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<CpdRecord>(text)
        .map_err(|error| {
            unreadable(format!(
                "{}:{}: {}",
                error.span.start.line, error.span.start.col, error.code
            ))
        })
        .and_then(|record| {
            // A record copied under another name is not followed.
            let named = path.file_stem().and_then(|stem| stem.to_str()) == Some(record.id.as_str());
            if named {
                Ok(record)
            } else {
                Err(unreadable(crate::text::CPD_MISNAMED.to_owned()))
            }
        })
}
