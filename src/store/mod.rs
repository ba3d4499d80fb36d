//! The one narrow interface through which journals reach the disk, so that
//! tests can swap in a store that fails on demand.

use std::fs;
use std::path::PathBuf;

use crate::folder::DataPaths;
use crate::folder::ron_file::{io_error, keep_older_copy, read, real_folder, set_aside_path, to_ron, write_atomic};
use crate::journal::{ModuleJournal, PROFILE_SCHEMA, Profile, SCHEMA, WRITTEN_BY};
use crate::text;

pub use crate::folder::StoreError;

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
    /// Moves a CPD record to the discarded folder; the reason when it
    /// cannot be.
    fn discard_cpd_record(&mut self, _id: &str) -> Result<(), String> {
        Err(crate::text::CPD_NOWHERE_TO_SAVE.to_owned())
    }
    /// Saves a new CPD record under the first free id of `today`, setting
    /// its id; never replaces a record made meanwhile by another casebook.
    fn create_cpd_record(
        &mut self,
        record: &mut crate::cpd::record::CpdRecord,
        today: jiff::civil::Date,
    ) -> Result<PathBuf, String> {
        record.id = self.next_cpd_id(today);
        self.save_cpd_record(record)
    }
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
            keep_older_copy(&path, SCHEMA)?;
        }
        let mut journal = journal.clone().migrate();
        journal.written_by = WRITTEN_BY.to_owned();
        let text = to_ron(&journal).map_err(|error| io_error(&path, error))?;
        write_atomic(&path, text.as_bytes())?;
        self.current.insert(path);
        Ok(())
    }

    fn load_profile(&self) -> Result<Option<Profile>, StoreError> {
        read::<Profile>(&self.paths.profile_file(), PROFILE_SCHEMA).map(|profile| profile.map(Profile::migrate))
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

    fn discard_cpd_record(&mut self, id: &str) -> Result<(), String> {
        crate::cpd::record::Records::new(&self.paths)
            .discard(id)
            .map(|_| ())
            .map_err(|error| error.to_string())
    }

    fn create_cpd_record(
        &mut self,
        record: &mut crate::cpd::record::CpdRecord,
        today: jiff::civil::Date,
    ) -> Result<PathBuf, String> {
        crate::cpd::record::Records::new(&self.paths)
            .create(record, today)
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

/// A store in memory that can be told to fail, for tests: not part of the
/// library a user builds (feature `test-support`, which the tests turn on).
#[cfg(any(test, feature = "test-support"))]
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

#[cfg(any(test, feature = "test-support"))]
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

    fn discard_cpd_record(&mut self, id: &str) -> Result<(), String> {
        let before = self.cpd.len();
        self.cpd.retain(|record| record.id != id);
        if self.cpd.len() == before {
            return Err(crate::text::cpd_not_found(id));
        }
        Ok(())
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
