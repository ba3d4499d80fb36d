//! One casebook at a time per data folder, so two terminals cannot write
//! over each other's text. The lock is advisory and held by the open file:
//! when a process dies, however it dies, the system releases it, so a lock
//! file left behind never blocks anyone.

use std::fs::File;
#[cfg(not(unix))]
use std::fs::OpenOptions;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::files;
use crate::folder::DataPaths;
use crate::text;

/// The lock file holds the pid of the casebook using the folder, and is
/// emptied when that casebook ends normally: a pid found in it at start-up
/// means the last one was killed, crashed or lost its terminal.
pub struct DataLock {
    file: File,
    /// Where the pid is, when not in `file` (Windows).
    pid_file: Option<File>,
    previous_run_ended_abruptly: bool,
}

/// Windows' locks (`LockFileEx`) keep other processes from reading the
/// locked bytes too, so a second casebook could not read a pid written in
/// the lock file: there the pid has a file of its own beside it.
fn separate_pid_file(paths: &DataPaths) -> Option<PathBuf> {
    cfg!(windows).then(|| paths.root().join("casebook.pid"))
}

#[derive(Debug)]
pub enum LockError {
    /// Another casebook holds the lock; its process id, if it wrote one.
    Held {
        path: PathBuf,
        pid: Option<u32>,
    },
    /// Something other than casebook's own lock file is in its place (a
    /// link, a pipe): it is left exactly as it is.
    Refused {
        path: PathBuf,
        reason: String,
    },
    Io {
        path: PathBuf,
        reason: String,
    },
}

/// What went wrong, where, and what to do: the words are in `text`, as
/// every error's are.
impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::Held { path, pid } => f.write_str(&crate::text::already_open(&path.display().to_string(), *pid)),
            LockError::Refused { path, reason } => {
                f.write_str(&crate::text::lock_refused(&path.display().to_string(), reason))
            }
            LockError::Io { path, reason } => {
                f.write_str(&crate::text::data_dir_unusable(&path.display().to_string(), reason))
            }
        }
    }
}

impl std::error::Error for LockError {}

impl LockError {
    /// The exit code a command ends with when it cannot take the lock.
    pub fn exit_code(&self) -> u8 {
        match self {
            LockError::Held { .. } => crate::exit::LOCKED,
            LockError::Refused { .. } | LockError::Io { .. } => crate::exit::DATA,
        }
    }
}

/// Opens (or makes) the lock file without following a link or waiting on
/// a pipe, and refuses anything but a plain file with no other name: it is
/// emptied and written, so a planted link must never lead to another file.
pub(crate) fn open_lock(path: &Path) -> Result<File, LockError> {
    let refused = |reason: String| LockError::Refused {
        path: path.to_path_buf(),
        reason,
    };
    let io = |error: std::io::Error| LockError::Io {
        path: path.to_path_buf(),
        reason: text::io_reason(&error),
    };
    #[cfg(unix)]
    let file = {
        use rustix::fs::{Mode, OFlags};
        let flags =
            OFlags::RDWR | OFlags::CREATE | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY;
        match rustix::fs::open(path, flags, Mode::from_raw_mode(0o600)) {
            Ok(fd) => File::from(fd),
            Err(rustix::io::Errno::LOOP) => return Err(refused(text::FILE_IS_LINK.to_owned())),
            Err(errno) => return Err(io(errno.into())),
        }
    };
    #[cfg(not(unix))]
    let file = {
        if std::fs::symlink_metadata(path).is_ok_and(|metadata| metadata.file_type().is_symlink()) {
            return Err(refused(text::FILE_IS_LINK.to_owned()));
        }
        OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(io)?
    };
    let metadata = file.metadata().map_err(io)?;
    if let Some(kind) = files::kind_of(metadata.file_type()) {
        return Err(refused(text::file_not_regular(kind)));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if metadata.nlink() > 1 {
            return Err(refused(text::LOCK_HARD_LINKED.to_owned()));
        }
    }
    Ok(file)
}

impl DataLock {
    pub fn acquire(paths: &DataPaths) -> Result<DataLock, LockError> {
        let path = paths.lock_file();
        let io = |error: std::io::Error| LockError::Io {
            path: path.clone(),
            reason: text::io_reason(&error),
        };
        let mut file = open_lock(&path)?;
        // A pid is a few bytes: more is not casebook's.
        let read_pid = |file: &mut File| {
            let mut contents = String::new();
            let _ = Read::by_ref(file).take(64).read_to_string(&mut contents);
            contents
        };
        let pid_path = separate_pid_file(paths);
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let contents = match &pid_path {
                    None => read_pid(&mut file),
                    Some(pid_path) => files::open_regular(pid_path, files::Links::Refuse)
                        .map(|mut pid_file| read_pid(&mut pid_file))
                        .unwrap_or_default(),
                };
                return Err(LockError::Held {
                    path,
                    pid: contents.trim().parse().ok(),
                });
            }
            Err(std::fs::TryLockError::Error(error)) => return Err(io(error)),
        }
        let mut pid_file = match &pid_path {
            Some(pid_path) => Some(open_lock(pid_path)?),
            None => None,
        };
        let holder = pid_file.as_mut().unwrap_or(&mut file);
        let previous = read_pid(holder);
        holder.set_len(0).map_err(io)?;
        holder.seek(SeekFrom::Start(0)).map_err(io)?;
        write!(holder, "{}", std::process::id()).map_err(io)?;
        Ok(DataLock {
            file,
            pid_file,
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
        let _ = self.pid_file.as_ref().unwrap_or(&self.file).set_len(0);
    }
}

/// Removes temporary files a killed save left behind. Only casebook's own
/// (`.casebook-tmp-...`): a learner's hidden backup or another program's
/// temporary file is never touched. The journal itself is always whole:
/// the rename is what makes a save.
pub fn sweep_temporary_files(paths: &DataPaths) -> usize {
    let mut removed = 0;
    for folder in paths.save_folders() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let is_ours = files::is_temporary(&entry.file_name()) && entry.file_type().is_ok_and(|kind| !kind.is_dir());
            if is_ours && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}
