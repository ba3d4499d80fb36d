//! Where casebook keeps its data: `--data-dir`, else `CASEBOOK_DATA_DIR`
//! (clap reads both into one option), else the platform data folder.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

#[derive(Debug, Clone)]
pub struct DataPaths {
    root: PathBuf,
}

impl DataPaths {
    /// `explicit` is `--data-dir` or `CASEBOOK_DATA_DIR`. None when neither
    /// is given and the platform has no home folder to put data in.
    pub fn resolve(explicit: Option<PathBuf>) -> Option<Self> {
        explicit
            .filter(|dir| !dir.as_os_str().is_empty())
            .or_else(|| ProjectDirs::from("", "", "casebook").map(|dirs| dirs.data_dir().to_path_buf()))
            .map(|root| DataPaths { root })
    }

    pub fn at(root: impl Into<PathBuf>) -> Self {
        DataPaths { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Extra courses written by a trainer, one folder per course.
    pub fn user_modules(&self) -> PathBuf {
        self.root.join("modules")
    }

    /// One journal file per course and module.
    pub fn journal_dir(&self, course_id: &str) -> PathBuf {
        self.root.join("journal").join(course_id)
    }

    pub fn journal_file(&self, course_id: &str, module_id: &str) -> PathBuf {
        self.journal_dir(course_id).join(format!("{module_id}.ron"))
    }

    pub fn profile_file(&self) -> PathBuf {
        self.root.join("profile.ron")
    }
}
