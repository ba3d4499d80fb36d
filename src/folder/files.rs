//! Reading and writing files that someone else may have planted or swapped:
//! a course from a trainer, a journal copied from another machine, a link
//! left in a shared folder. Nothing here follows a symbolic link in the data
//! folder, blocks on a named pipe or device, or reads without a bound.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::text;

const MIB: u64 = 1024 * 1024;
/// A course or module file: the largest shipped module is under 100 KiB.
pub const COURSE_FILE_LIMIT: u64 = 4 * MIB;
/// A journal or the profile: a year of daily reflections is under 1 MiB.
pub const JOURNAL_LIMIT: u64 = 16 * MIB;
/// A log given to `verify`: a log of every module is a few hundred KiB.
pub const VERIFY_LIMIT: u64 = 64 * MIB;
/// The most characters one text the learner writes may hold (a reflection,
/// an action point, a CPD record's box): about 30,000 words. Saved, a
/// character takes at most ten bytes (RON escapes what it cannot show as
/// `\u{10ffff}`), so eight such texts still fit in a journal that can be
/// read back; the writer refuses anything larger all the same.
pub const TEXT_LIMIT: usize = 200_000;
const _: () = assert!(TEXT_LIMIT as u64 * 10 * 8 < JOURNAL_LIMIT);

/// Every temporary file casebook writes starts with this, and the start-up
/// sweep removes only these: nothing else names its files so.
pub const TEMPORARY_PREFIX: &str = ".casebook-tmp-";

/// Why a file was not read or written.
#[derive(Debug)]
pub enum Problem {
    Missing,
    /// A symbolic link where casebook does not follow one.
    Link,
    /// A folder, a named pipe, a device or a socket: what it is.
    NotRegular(&'static str),
    TooLarge {
        limit: u64,
    },
    Io(io::Error),
}

impl Problem {
    /// What went wrong, in words, without the path.
    pub fn reason(&self) -> String {
        match self {
            Problem::Missing => text::FILE_MISSING.to_owned(),
            Problem::Link => text::FILE_IS_LINK.to_owned(),
            Problem::NotRegular(kind) => text::file_not_regular(kind),
            Problem::TooLarge { limit } => text::file_too_large(limit / MIB),
            Problem::Io(error) => text::io_reason(error),
        }
    }
}

impl From<io::Error> for Problem {
    fn from(error: io::Error) -> Self {
        Problem::Io(error)
    }
}

/// Whether to follow a symbolic link at the last step of the path: yes for
/// files the learner names (a course folder, a log to verify), no in the
/// data folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    Follow,
    Refuse,
}

/// What a file that is not a regular file is, for messages.
pub(crate) fn kind_of(file_type: fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some(text::KIND_FOLDER);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some(text::KIND_PIPE);
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some(text::KIND_DEVICE);
        }
        if file_type.is_socket() {
            return Some(text::KIND_SOCKET);
        }
    }
    if file_type.is_symlink() {
        return Some(text::KIND_LINK);
    }
    Some(text::KIND_OTHER)
}

/// Opens a file for reading without waiting: a named pipe opens at once
/// (non-blocking) and is then refused, as is anything but a regular file.
pub fn open_regular(path: &Path, links: Links) -> Result<File, Problem> {
    let file = open_read_only(path, links)?;
    if let Some(kind) = kind_of(file.metadata()?.file_type()) {
        return Err(Problem::NotRegular(kind));
    }
    Ok(file)
}

#[cfg(unix)]
fn open_read_only(path: &Path, links: Links) -> Result<File, Problem> {
    use rustix::fs::{Mode, OFlags};
    let mut flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY;
    if links == Links::Refuse {
        flags |= OFlags::NOFOLLOW;
    }
    match rustix::fs::open(path, flags, Mode::empty()) {
        Ok(fd) => Ok(File::from(fd)),
        Err(rustix::io::Errno::NOENT) => Err(Problem::Missing),
        // With O_NOFOLLOW, ELOOP means the last step is a link.
        Err(rustix::io::Errno::LOOP) if links == Links::Refuse => Err(Problem::Link),
        Err(errno) => Err(Problem::Io(errno.into())),
    }
}

#[cfg(not(unix))]
fn open_read_only(path: &Path, links: Links) -> Result<File, Problem> {
    match fs::symlink_metadata(path) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Err(missing_or_blocked(path)),
        Err(error) => return Err(Problem::Io(error)),
        Ok(metadata) if metadata.file_type().is_symlink() && links == Links::Refuse => return Err(Problem::Link),
        Ok(metadata) if !metadata.file_type().is_symlink() && !metadata.is_file() => {
            return Err(Problem::NotRegular(
                kind_of(metadata.file_type()).unwrap_or(text::KIND_OTHER),
            ));
        }
        Ok(_) => {}
    }
    File::open(path).map_err(Problem::Io)
}

/// Windows says "not found" where Unix says "not a directory": a file
/// where a folder on the way should be (the course's journal folder, say)
/// would make a journal look not started, and every save fail.
#[cfg(not(unix))]
fn missing_or_blocked(path: &Path) -> Problem {
    let blocked = path
        .ancestors()
        .skip(1)
        .filter(|ancestor| !ancestor.as_os_str().is_empty())
        .find_map(|ancestor| fs::metadata(ancestor).ok())
        .is_some_and(|metadata| !metadata.is_dir());
    if blocked {
        Problem::Io(io::Error::from(io::ErrorKind::NotADirectory))
    } else {
        Problem::Missing
    }
}

/// The whole of a regular file of at most `limit` bytes. Read through a
/// bound, so a file that grows while it is read cannot exceed it either.
pub fn read_limited(path: &Path, limit: u64, links: Links) -> Result<Vec<u8>, Problem> {
    read_opened(open_regular(path, links)?, limit)
}

/// The whole of a file already opened (with `open_regular`), of at most
/// `limit` bytes: for a caller that checks the open file first.
pub fn read_opened(file: File, limit: u64) -> Result<Vec<u8>, Problem> {
    let size = file.metadata()?.len();
    if size > limit {
        return Err(Problem::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Err(Problem::TooLarge { limit });
    }
    Ok(bytes)
}

/// A name no other file has yet: random enough that two casebooks never
/// pick the same one (and `create_new` catches it if they do).
fn temporary_name(target: &std::ffi::OsStr, attempt: u32) -> std::ffi::OsString {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.write_u32(attempt);
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_nanos()),
    );
    let mut value = hasher.finish();
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut suffix = String::new();
    for _ in 0..8 {
        let index = usize::try_from(value % 62).unwrap_or(0);
        suffix.push(char::from(ALPHABET.get(index).copied().unwrap_or(b'x')));
        value /= 62;
    }
    let mut name = std::ffi::OsString::from(TEMPORARY_PREFIX);
    name.push(target);
    name.push("-");
    name.push(suffix);
    name
}

/// Whether a file name is one of casebook's temporary files.
pub fn is_temporary(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|name| name.starts_with(TEMPORARY_PREFIX))
}

/// Makes a new temporary file beside `path`, readable by its owner only.
fn create_temporary(folder: &Path, target: &std::ffi::OsStr) -> io::Result<(File, PathBuf)> {
    let mut attempt = 0;
    loop {
        let path = folder.join(temporary_name(target, attempt));
        let mut options = fs::OpenOptions::new();
        // create_new never opens an existing file or follows a link.
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        match options.open(&path) {
            Ok(file) => return Ok((file, path)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists && attempt < 16 => attempt += 1,
            Err(error) => return Err(error),
        }
    }
}

/// Writes `contents` to a new private temporary file beside `path`, synced,
/// then `place`s it (renames or links it to `path`) and syncs the folder;
/// the temporary file is removed if any step fails.
fn write_then_place(
    path: &Path,
    contents: &[u8],
    place: impl FnOnce(&Path, &Path) -> io::Result<()>,
) -> Result<(), Problem> {
    let Some(target) = path.file_name() else {
        return Err(Problem::NotRegular(text::KIND_FOLDER));
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (mut file, temporary) = create_temporary(&folder, target)?;
    let written = (|| {
        #[cfg(unix)]
        {
            // The umask may have taken the owner's own bits away.
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(fs::Permissions::from_mode(0o600))?;
        }
        file.write_all(contents)?;
        file.sync_all()?;
        drop(file);
        place(&temporary, path)
    })();
    if let Err(error) = written {
        let _ = fs::remove_file(&temporary);
        return Err(Problem::Io(error));
    }
    // The new name is on disk only once the folder is.
    #[cfg(unix)]
    File::open(&folder).and_then(|folder| folder.sync_all())?;
    Ok(())
}

/// Writes a file that must not exist yet (an exported log), whole or not at
/// all: linked to its name, which fails if anything has taken the name
/// meanwhile (a rename would replace it). Where the file system has no
/// links (FAT on a memory stick), the rename is used after a last look.
/// Returns `AlreadyExists` as an I/O problem.
pub fn write_new(path: &Path, contents: &[u8]) -> Result<(), Problem> {
    write_then_place(path, contents, |temporary, path| match fs::hard_link(temporary, path) {
        Ok(()) => fs::remove_file(temporary),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Err(error),
        Err(_) if fs::symlink_metadata(path).is_ok() => Err(io::Error::from(io::ErrorKind::AlreadyExists)),
        Err(_) => fs::rename(temporary, path),
    })
}

/// Writes atomically: a new temporary file in the same folder, synced,
/// renamed over the old one, and the folder synced; readable by its owner
/// only. Never writes through a link or over anything but a regular file;
/// the temporary file is removed if any step fails.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), Problem> {
    match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => return Err(Problem::Link),
        Ok(metadata) => {
            if let Some(kind) = kind_of(metadata.file_type()) {
                return Err(Problem::NotRegular(kind));
            }
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(Problem::Io(error)),
    }
    write_then_place(path, contents, |temporary, path| fs::rename(temporary, path))
}

/// Creates a folder and any missing parents, each readable by its owner
/// only. Only folders made here have their permissions set: one that
/// already exists is never changed.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut missing = Vec::new();
    let mut current = dir;
    loop {
        match fs::metadata(current) {
            Ok(metadata) if metadata.is_dir() => break,
            Ok(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::NotADirectory,
                    text::not_a_folder(&current.display().to_string()),
                ));
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                missing.push(current);
                match current.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => current = parent,
                    _ => break,
                }
            }
            Err(error) => return Err(error),
        }
    }
    for folder in missing.into_iter().rev() {
        #[cfg(unix)]
        let builder = {
            use std::os::unix::fs::DirBuilderExt;
            let mut builder = fs::DirBuilder::new();
            builder.mode(0o700);
            builder
        };
        #[cfg(not(unix))]
        let builder = fs::DirBuilder::new();
        match builder.create(folder) {
            Ok(()) => {
                // The umask may have taken the owner's own bits away.
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    fs::set_permissions(folder, fs::Permissions::from_mode(0o700))?;
                }
            }
            // Made by someone else meanwhile: theirs, left as it is.
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists && folder.is_dir() => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_carry_the_prefix_and_differ() {
        let first = temporary_name(std::ffi::OsStr::new("module.ron"), 0);
        let second = temporary_name(std::ffi::OsStr::new("module.ron"), 1);
        assert!(is_temporary(&first));
        assert_ne!(first, second);
        assert!(!is_temporary(std::ffi::OsStr::new(".module.ron.Ab12Cd")));
        assert!(!is_temporary(std::ffi::OsStr::new("module.ron")));
    }
}

#[cfg(test)]
mod write_new_tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    /// A log's name taken between the export's look and its write (by
    /// another program, or a second export) is never replaced.
    #[test]
    fn a_new_file_never_replaces_one_that_appeared_meanwhile() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("log.md");
        write_new(&path, b"first").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"first");
        match write_new(&path, b"second") {
            Err(Problem::Io(error)) => assert_eq!(error.kind(), io::ErrorKind::AlreadyExists),
            other => panic!("{other:?}"),
        }
        assert_eq!(fs::read(&path).unwrap(), b"first");
        let names: Vec<_> = fs::read_dir(folder.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["log.md"], "no temporary file left");
    }
}
