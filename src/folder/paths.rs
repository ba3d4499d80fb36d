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
    ///
    /// The local data folder, not the roaming one: on Windows that is
    /// `%LOCALAPPDATA%`, which a managed PC does not copy to a server with
    /// the roaming profile (elsewhere the two are the same folder).
    pub fn resolve(explicit: Option<PathBuf>) -> Option<Self> {
        explicit
            .filter(|dir| !dir.as_os_str().is_empty())
            .or_else(|| ProjectDirs::from("", "", "casebook").map(|dirs| dirs.data_local_dir().to_path_buf()))
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

    /// The journals, one folder per course.
    pub fn journal_root(&self) -> PathBuf {
        self.root.join("journal")
    }

    /// One journal file per course and module. None for an id that is not
    /// a single plain name: an id comes from files someone else may have
    /// written, and must never lead out of the data folder.
    pub fn journal_dir(&self, course_id: &str) -> Option<PathBuf> {
        is_plain_name(course_id).then(|| self.journal_root().join(course_id))
    }

    pub fn journal_file(&self, course_id: &str, module_id: &str) -> Option<PathBuf> {
        let dir = self.journal_dir(course_id)?;
        is_plain_name(module_id).then(|| dir.join(format!("{module_id}.ron")))
    }

    /// Held while a casebook uses the folder; holds its process id.
    pub fn lock_file(&self) -> PathBuf {
        self.root.join("casebook.lock")
    }

    /// The folders a save writes its temporary files in: the data folder
    /// and each course's journal folder (never through a link).
    pub fn save_folders(&self) -> Vec<PathBuf> {
        let mut folders = vec![
            self.root.clone(),
            self.cpd_dir(),
            self.reviews_dir(),
            self.review_drafts_dir(),
        ];
        if self
            .outbox_dir()
            .symlink_metadata()
            .is_ok_and(|metadata| metadata.is_dir())
        {
            folders.push(self.outbox_dir());
        }
        if let Ok(courses) = std::fs::read_dir(self.journal_root()) {
            folders.extend(
                courses
                    .filter_map(Result::ok)
                    .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_dir()))
                    .map(|entry| entry.path()),
            );
        }
        folders
    }

    pub fn profile_file(&self) -> PathBuf {
        self.root.join("profile.ron")
    }

    /// Imported reviews, each as its reviewer wrote it (and its `.sig`).
    pub fn reviews_dir(&self) -> PathBuf {
        self.root.join("reviews")
    }

    /// Reviews being written (`casebook review`), one draft per log.
    pub fn review_drafts_dir(&self) -> PathBuf {
        self.root.join("review-drafts")
    }

    /// The reviewers' keys the learner trusts, by name: an allowed-signers
    /// file in ssh-keygen's own format, written by `casebook trust`.
    pub fn trusted_signers_file(&self) -> PathBuf {
        self.root.join("trusted_signers")
    }

    /// Findings of the identifying-details check marked "not identifying":
    /// kinds and digests, never the words.
    pub fn marks_file(&self) -> PathBuf {
        self.root.join("marks.ron")
    }

    /// The record of every log exported: ids and digests, never text.
    pub fn exports_file(&self) -> PathBuf {
        self.root.join("exports.ron")
    }

    /// Held while `exports.ron` is read and rewritten, so that two exports
    /// at once (the tutor's and a command's) both stay in the record.
    pub fn exports_lock_file(&self) -> PathBuf {
        self.root.join("exports.lock")
    }

    /// CPD records, one file each.
    pub fn cpd_dir(&self) -> PathBuf {
        self.root.join("cpd")
    }

    /// A trainer's own CPD record layouts.
    pub fn user_layouts(&self) -> PathBuf {
        self.root.join("layouts")
    }

    /// Where an LRS is configured: its address, key and secret.
    pub fn lrs_settings_file(&self) -> PathBuf {
        self.root.join("lrs.ron")
    }

    /// Statements waiting to be sent to the LRS, one file each.
    pub fn outbox_dir(&self) -> PathBuf {
        self.root.join("outbox")
    }

    /// When the outbox was last sent, and the last error.
    pub fn sync_status_file(&self) -> PathBuf {
        self.root.join("lrs-sync.ron")
    }
}

/// One file or folder name, with nothing that could climb out of its folder
/// or name another: not empty, no separator, no `..`, no hidden name, no NUL.
pub fn is_plain_name(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && !id.contains(['/', '\\', '\0', ':'])
        && !Path::new(id).is_absolute()
        && Path::new(id).components().count() == 1
}

/// Names Windows keeps for devices (`CON`, `NUL`, `COM1`...), in any case
/// and with any extension: a file called `con.ron` cannot be made there, so
/// a module or course with such an id could never save its journal.
pub fn is_windows_device_name(name: &str) -> bool {
    // Windows ignores an extension, and trailing dots and spaces, here.
    let stem = name.split('.').next().unwrap_or_default().trim_end_matches([' ', '.']);
    let lower = stem.to_ascii_lowercase();
    match lower.as_str() {
        "con" | "prn" | "aux" | "nul" => true,
        _ => ["com", "lpt"].iter().any(|prefix| {
            lower.strip_prefix(prefix).is_some_and(|rest| {
                matches!(
                    rest,
                    "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"
                )
            })
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_make_journal_paths() {
        let paths = DataPaths::at("/data");
        assert_eq!(
            paths.journal_file("course", "module"),
            Some(PathBuf::from("/data/journal/course/module.ron"))
        );
        for bad in ["", ".", "..", "../x", "/etc", "a/b", "a\\b", "a\0b", ".hidden", "c:x"] {
            assert_eq!(paths.journal_file(bad, "module"), None, "{bad:?}");
            assert_eq!(paths.journal_file("course", bad), None, "{bad:?}");
        }
    }

    #[test]
    fn windows_device_names_are_known_in_any_case_and_with_an_extension() {
        for reserved in [
            "con",
            "CON",
            "Prn",
            "aux",
            "nul",
            "com1",
            "COM9",
            "lpt1",
            "lpt9",
            "nul.ron",
            "con.txt.bak",
        ] {
            assert!(is_windows_device_name(reserved), "{reserved:?}");
        }
        for fine in [
            "console",
            "com",
            "com10",
            "lpt",
            "auxiliary",
            "nul-hypothesis",
            "icon",
            "a-con",
            "",
        ] {
            assert!(!is_windows_device_name(fine), "{fine:?}");
        }
    }
}
