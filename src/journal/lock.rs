//! One casebook at a time per data folder, so two terminals cannot write
//! over each other's text. The lock is advisory and held by the open file:
//! when a process dies, however it dies, the system releases it, so a lock
//! file left behind never blocks anyone.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::paths::DataPaths;

/// The lock file holds the pid of the casebook using the folder, and is
/// emptied when that casebook ends normally: a pid found in it at start-up
/// means the last one was killed, crashed or lost its terminal.
pub struct DataLock {
    file: File,
    previous_run_ended_abruptly: bool,
}

#[derive(Debug)]
pub enum LockError {
    /// Another casebook holds the lock; its process id, if it wrote one.
    Held {
        path: PathBuf,
        pid: Option<u32>,
    },
    Io {
        path: PathBuf,
        reason: String,
    },
}

impl DataLock {
    pub fn acquire(paths: &DataPaths) -> Result<DataLock, LockError> {
        let path = paths.root().join("casebook.lock");
        let io = |error: std::io::Error| LockError::Io {
            path: path.clone(),
            reason: error.to_string(),
        };
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&path).map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut contents = String::new();
                let _ = file.read_to_string(&mut contents);
                return Err(LockError::Held {
                    path,
                    pid: contents.trim().parse().ok(),
                });
            }
            Err(std::fs::TryLockError::Error(error)) => return Err(io(error)),
        }
        let mut previous = String::new();
        let _ = file.read_to_string(&mut previous);
        file.set_len(0).map_err(io)?;
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        write!(file, "{}", std::process::id()).map_err(io)?;
        Ok(DataLock {
            file,
            previous_run_ended_abruptly: !previous.trim().is_empty(),
        })
    }

    /// The casebook before this one did not end normally (so the learner
    /// can be told their text is back up to its last save).
    pub fn previous_run_ended_abruptly(&self) -> bool {
        self.previous_run_ended_abruptly
    }
}

impl Drop for DataLock {
    fn drop(&mut self) {
        // An ordinary end: nothing to tell the next casebook.
        let _ = self.file.set_len(0);
    }
}

/// Removes temporary files a killed save left behind (`.name.ron.XXXXXX`).
/// The journal itself is always whole: the rename is what makes a save.
pub fn sweep_temporary_files(paths: &DataPaths) -> usize {
    let mut folders = vec![paths.root().to_path_buf()];
    if let Ok(courses) = std::fs::read_dir(paths.root().join("journal")) {
        folders.extend(
            courses
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.is_dir()),
        );
    }
    let mut removed = 0;
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            if is_temporary(&entry.path()) && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}

fn is_temporary(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
        return false;
    };
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    // `.name.ron.XXXXXX`, or `.name.ron.schema-1.bak.XXXXXX` for the copy
    // kept of an older journal.
    match rest.rsplit_once('.') {
        Some((target, suffix)) => {
            (target.len() > ".ron".len() && (target.ends_with(".ron") || target.ends_with(".bak")))
                && suffix.len() == 6
                && suffix.bytes().all(|byte| byte.is_ascii_alphanumeric())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_only_the_atomic_writers_temporary_names() {
        assert!(is_temporary(Path::new("/d/.desistance-assessing.ron.a1B2c3")));
        assert!(!is_temporary(Path::new("/d/desistance-assessing.ron")));
        assert!(!is_temporary(Path::new("/d/.desistance-assessing.ron")));
        assert!(!is_temporary(Path::new("/d/.x.ron.toolong7")));
        assert!(!is_temporary(Path::new("/d/.casebook-write-test")));
        assert!(is_temporary(Path::new(
            "/d/.desistance-assessing.ron.schema-1.bak.Zz9yX8"
        )));
        assert!(!is_temporary(Path::new("/d/desistance-assessing.ron.schema-1.bak")));
        assert!(!is_temporary(Path::new("/d/.ron.a1B2c3")));
    }
}
