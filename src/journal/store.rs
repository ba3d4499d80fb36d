//! The one narrow interface through which journals reach the disk, so that
//! tests can swap in a store that fails on demand.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::files::{self, Links, Problem};
use super::model::{ModuleJournal, PROFILE_SCHEMA, Profile, SCHEMA, WRITTEN_BY};
use crate::paths::DataPaths;
use crate::text;

pub use super::files::create_private_dir;

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

pub trait Store {
    fn load_module(&self, course: &str, module: &str) -> Result<Option<ModuleJournal>, StoreError>;
    /// `load_module` for each of a course's modules, in order.
    fn load_modules(&self, course: &str, modules: &[&str]) -> Vec<Result<Option<ModuleJournal>, StoreError>> {
        modules.iter().map(|module| self.load_module(course, module)).collect()
    }
    fn save_module(&mut self, journal: &ModuleJournal) -> Result<(), StoreError>;
    fn load_profile(&self) -> Result<Option<Profile>, StoreError>;
    fn save_profile(&mut self, profile: &Profile) -> Result<(), StoreError>;
    /// Where a module's journal lives, for messages.
    fn module_path(&self, course: &str, module: &str) -> PathBuf;
    /// Moves a journal that cannot be read out of the way (renamed with a
    /// timestamp, never removed), so the module can start afresh.
    fn set_aside(&mut self, course: &str, module: &str, now: jiff::Timestamp) -> Result<PathBuf, StoreError>;
    /// Records a log exported from this data folder, so a review of it can
    /// be imported. A store with no folder records nothing.
    fn record_export(&self, _record: crate::export::records::ExportRecord) -> Result<(), StoreError> {
        Ok(())
    }
    /// The reviews imported into this data folder, oldest first, and the
    /// stored reviews that could not be read.
    fn imported_reviews(&self) -> (Vec<crate::review::ImportedReview>, Vec<StoreError>) {
        (Vec::new(), Vec::new())
    }
    /// The data folder, for work that needs its files (importing a review).
    /// A store with no folder has none.
    fn data_paths(&self) -> Option<&DataPaths> {
        None
    }
    /// The CPD records that can be read (one that cannot is left alone).
    fn cpd_records(&self) -> Vec<crate::cpd::record::CpdRecord> {
        Vec::new()
    }
    /// The id a new CPD record made on `today` gets.
    fn next_cpd_id(&self, today: jiff::civil::Date) -> String {
        today.to_string()
    }
    /// Saves a CPD record; the reason, then the file, when it cannot be.
    fn save_cpd_record(&mut self, _record: &crate::cpd::record::CpdRecord) -> Result<PathBuf, String> {
        Err(crate::text::CPD_NOWHERE_TO_SAVE.to_owned())
    }
}

/// `name.ron` -> `name.ron.set-aside-20261123T103000Z`.
pub fn set_aside_path(path: &Path, now: jiff::Timestamp) -> PathBuf {
    let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut name = path.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(format!(".set-aside-{stamp}"));
    path.with_file_name(name)
}

/// Journals as RON files under the data folder.
#[derive(Debug, Clone)]
pub struct FileStore {
    paths: DataPaths,
    /// Journals written in the current schema by this run: no older file
    /// left to keep a copy of.
    current: std::collections::BTreeSet<PathBuf>,
}

impl FileStore {
    pub fn new(paths: DataPaths) -> Self {
        FileStore {
            paths,
            current: std::collections::BTreeSet::new(),
        }
    }

    pub fn paths(&self) -> &DataPaths {
        &self.paths
    }
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

fn io_error(path: &Path, error: impl fmt::Display) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        reason: error.to_string(),
    }
}

/// A file that was not read or written, as a store error: a file casebook
/// will not touch is refused, anything else is an input/output error.
pub(crate) fn file_error(path: &Path, problem: &Problem) -> StoreError {
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
pub(crate) fn read<T: DeserializeOwned>(path: &Path, known: u32) -> Result<Option<T>, StoreError> {
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
        let at = crate::content::locate::position_of(
            std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default(),
            error.valid_up_to(),
        );
        damaged(at.line, at.column, "not UTF-8 text".to_owned())
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
fn keep_older_copy(path: &Path) -> Result<(), StoreError> {
    let bytes = match files::read_limited(path, files::JOURNAL_LIMIT, Links::Refuse) {
        Ok(bytes) => bytes,
        Err(Problem::Missing) => return Ok(()),
        Err(problem) => return Err(file_error(path, &problem)),
    };
    let schema = std::str::from_utf8(&bytes).ok().and_then(schema_number);
    match schema {
        Some(schema) if schema < SCHEMA => {
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
    if let Some(parent) = path.parent().filter(|parent| !parent.as_os_str().is_empty()) {
        create_private_dir(parent).map_err(|error| io_error(parent, text::io_reason(&error)))?;
    }
    files::write_atomic(path, contents).map_err(|problem| file_error(path, &problem))
}

impl FileStore {
    /// The journal file of a course's module; refused, before anything
    /// touches the disk, when an id is not a plain name.
    fn journal_path(&self, course: &str, module: &str) -> Result<PathBuf, StoreError> {
        let path = self
            .paths
            .journal_file(course, module)
            .ok_or_else(|| StoreError::Refused {
                path: self.paths.journal_root(),
                reason: text::unsafe_id(course, module),
            })?;
        // A link in place of the journal folder or a course's folder would
        // send reads and writes outside the data folder.
        real_folder(&self.paths.journal_root())?;
        if let Some(folder) = path.parent() {
            real_folder(folder)?;
        }
        Ok(path)
    }
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

impl Store for FileStore {
    fn load_module(&self, course: &str, module: &str) -> Result<Option<ModuleJournal>, StoreError> {
        let path = self.journal_path(course, module)?;
        let journal: Option<ModuleJournal> = read(&path, SCHEMA)?;
        match journal {
            Some(journal) if journal.course != course || journal.module != module => Err(StoreError::Misplaced {
                path,
                course: journal.course,
                module: journal.module,
            }),
            journal => Ok(journal.map(ModuleJournal::migrate)),
        }
    }

    fn load_modules(&self, course: &str, modules: &[&str]) -> Vec<Result<Option<ModuleJournal>, StoreError>> {
        // One look at the folder instead of a failed open per module not
        // yet started (all of them, for a new learner).
        let present: Option<std::collections::HashSet<std::ffi::OsString>> =
            match self.paths.journal_dir(course).map(fs::read_dir) {
                None => None,
                Some(Ok(entries)) => Some(entries.filter_map(Result::ok).map(|entry| entry.file_name()).collect()),
                Some(Err(error)) if error.kind() == std::io::ErrorKind::NotFound => Some(Default::default()),
                // Each module's own read says what is wrong.
                Some(Err(_)) => None,
            };
        modules
            .iter()
            .map(|module| match &present {
                Some(names) if !names.contains(std::ffi::OsStr::new(&format!("{module}.ron"))) => Ok(None),
                _ => self.load_module(course, module),
            })
            .collect()
    }

    fn save_module(&mut self, journal: &ModuleJournal) -> Result<(), StoreError> {
        // A journal is saved only under the ids it was loaded for: loading
        // refuses one whose own ids differ from where it was found.
        let path = self.journal_path(&journal.course, &journal.module)?;
        if !self.current.contains(&path) {
            keep_older_copy(&path)?;
        }
        let mut journal = journal.clone().migrate();
        journal.written_by = WRITTEN_BY.to_owned();
        let text = to_ron(&journal).map_err(|error| io_error(&path, error))?;
        write_atomic(&path, text.as_bytes())?;
        self.current.insert(path);
        Ok(())
    }

    fn load_profile(&self) -> Result<Option<Profile>, StoreError> {
        read(&self.paths.profile_file(), PROFILE_SCHEMA)
    }

    fn save_profile(&mut self, profile: &Profile) -> Result<(), StoreError> {
        let path = self.paths.profile_file();
        let profile = Profile {
            schema: PROFILE_SCHEMA,
            ..profile.clone()
        };
        let text = to_ron(&profile).map_err(|error| io_error(&path, error))?;
        write_atomic(&path, text.as_bytes())
    }

    fn module_path(&self, course: &str, module: &str) -> PathBuf {
        self.journal_path(course, module)
            .unwrap_or_else(|_| self.paths.journal_root())
    }

    fn record_export(&self, record: crate::export::records::ExportRecord) -> Result<(), StoreError> {
        crate::export::records::append(&self.paths, record)
    }

    fn cpd_records(&self) -> Vec<crate::cpd::record::CpdRecord> {
        crate::cpd::record::Records::new(&self.paths)
            .all()
            .into_iter()
            .filter_map(Result::ok)
            .collect()
    }

    fn next_cpd_id(&self, today: jiff::civil::Date) -> String {
        crate::cpd::record::Records::new(&self.paths).next_id(today)
    }

    fn save_cpd_record(&mut self, record: &crate::cpd::record::CpdRecord) -> Result<PathBuf, String> {
        crate::cpd::record::Records::new(&self.paths)
            .save(record)
            .map_err(|error| error.to_string())
    }

    fn imported_reviews(&self) -> (Vec<crate::review::ImportedReview>, Vec<StoreError>) {
        crate::review::imported::load(&self.paths)
    }

    fn data_paths(&self) -> Option<&DataPaths> {
        Some(&self.paths)
    }

    fn set_aside(&mut self, course: &str, module: &str, now: jiff::Timestamp) -> Result<PathBuf, StoreError> {
        let path = self.journal_path(course, module)?;
        let aside = set_aside_path(&path, now);
        if aside.symlink_metadata().is_ok() {
            return Err(io_error(
                &aside,
                "a file of that name already exists; try again in a second",
            ));
        }
        fs::rename(&path, &aside).map_err(|error| io_error(&path, error))?;
        Ok(aside)
    }
}

/// A store in memory that can be told to fail, for tests.
#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    pub modules: std::collections::BTreeMap<(String, String), ModuleJournal>,
    pub profile: Option<Profile>,
    /// When set, every save fails with this reason...
    pub fail_with: Option<String>,
    /// ...or only the saves of this module.
    pub fail_module: Option<String>,
    pub saves: usize,
    /// Reviews it says were imported, for the tutor's tests.
    pub reviews: Vec<crate::review::ImportedReview>,
    /// CPD records saved.
    pub cpd: Vec<crate::cpd::record::CpdRecord>,
}

impl Store for MemoryStore {
    fn load_module(&self, course: &str, module: &str) -> Result<Option<ModuleJournal>, StoreError> {
        Ok(self.modules.get(&(course.to_owned(), module.to_owned())).cloned())
    }

    fn save_module(&mut self, journal: &ModuleJournal) -> Result<(), StoreError> {
        let reason = self.fail_with.clone().or_else(|| {
            (self.fail_module.as_deref() == Some(journal.module.as_str())).then(|| "Disk quota exceeded".to_owned())
        });
        if let Some(reason) = &reason {
            return Err(StoreError::Io {
                path: self.module_path(&journal.course, &journal.module),
                reason: reason.clone(),
            });
        }
        self.saves += 1;
        self.modules
            .insert((journal.course.clone(), journal.module.clone()), journal.clone());
        Ok(())
    }

    fn load_profile(&self) -> Result<Option<Profile>, StoreError> {
        Ok(self.profile.clone())
    }

    fn imported_reviews(&self) -> (Vec<crate::review::ImportedReview>, Vec<StoreError>) {
        (self.reviews.clone(), Vec::new())
    }

    fn save_profile(&mut self, profile: &Profile) -> Result<(), StoreError> {
        if let Some(reason) = &self.fail_with {
            return Err(StoreError::Io {
                path: PathBuf::from("profile.ron"),
                reason: reason.clone(),
            });
        }
        self.profile = Some(profile.clone());
        Ok(())
    }

    fn module_path(&self, course: &str, module: &str) -> PathBuf {
        PathBuf::from(format!("journal/{course}/{module}.ron"))
    }

    fn cpd_records(&self) -> Vec<crate::cpd::record::CpdRecord> {
        self.cpd.clone()
    }

    fn next_cpd_id(&self, today: jiff::civil::Date) -> String {
        let base = today.to_string();
        let taken = |id: &str| self.cpd.iter().any(|record| record.id == id);
        (1..)
            .map(|number| {
                if number == 1 {
                    base.clone()
                } else {
                    format!("{base}-{number}")
                }
            })
            .find(|id| !taken(id))
            .unwrap_or(base)
    }

    fn save_cpd_record(&mut self, record: &crate::cpd::record::CpdRecord) -> Result<PathBuf, String> {
        let path = PathBuf::from(format!("cpd/{}.ron", record.id));
        if let Some(reason) = &self.fail_with {
            return Err(format!("{reason}: {}", path.display()));
        }
        self.cpd.retain(|kept| kept.id != record.id);
        self.cpd.push(record.clone());
        Ok(path)
    }

    fn set_aside(&mut self, course: &str, module: &str, now: jiff::Timestamp) -> Result<PathBuf, StoreError> {
        if let Some(reason) = &self.fail_with {
            return Err(StoreError::Io {
                path: self.module_path(course, module),
                reason: reason.clone(),
            });
        }
        self.modules.remove(&(course.to_owned(), module.to_owned()));
        Ok(set_aside_path(&self.module_path(course, module), now))
    }
}
