//! Fallback files: drafts the data folder refused (or that a signal had
//! to set aside), kept in the user's state folder or a temporary folder and
//! offered back at the next start.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::folder::DataPaths;
use crate::journal::ModuleJournal;
use crate::store::Store;

/// A fallback file: which data folder its journals belong to, and them.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Unsaved {
    data_dir: PathBuf,
    journals: Vec<ModuleJournal>,
}

/// The most a fallback file may hold; anything larger is not ours.
const FALLBACK_LIMIT: u64 = 64 * 1024 * 1024;

/// Where fallback files may go, best first: the user's own state folder
/// (`~/.local/state/casebook`; it survives logging out and rebooting, where
/// the runtime folder and often `/tmp` do not), then `/var/tmp`, then the
/// temporary folder.
fn fallback_folders() -> Vec<PathBuf> {
    let mut folders = Vec::new();
    if let Some(dirs) = directories::ProjectDirs::from("", "", "casebook") {
        folders.extend(dirs.state_dir().map(Path::to_path_buf));
    }
    #[cfg(unix)]
    folders.push(PathBuf::from("/var/tmp"));
    folders.push(std::env::temp_dir());
    folders
}

/// `casebook-unsaved-UID-HASH`: one name per user and data folder, so the
/// next start finds its own and no other.
fn fallback_stem(paths: &DataPaths) -> String {
    use sha2::Digest;
    // The same folder however it was named (relative, a trailing slash).
    let root = std::fs::canonicalize(paths.root())
        .or_else(|_| std::path::absolute(paths.root()))
        .unwrap_or_else(|_| paths.root().to_path_buf());
    let digest = sha2::Sha256::digest(root.as_os_str().as_encoded_bytes());
    let hash: String = digest.iter().take(6).map(|byte| format!("{byte:02x}")).collect();
    format!("casebook-unsaved-{}-{hash}", user_id())
}

#[cfg(unix)]
fn user_id() -> String {
    rustix::process::getuid().as_raw().to_string()
}

#[cfg(not(unix))]
fn user_id() -> String {
    std::env::var("USERNAME").unwrap_or_default()
}

/// Writes journals to a new fallback file, readable by its owner only,
/// never through a link or over another file: in the first folder of
/// `fallback_folders` that takes it.
pub fn write_fallback(paths: &DataPaths, journals: &[ModuleJournal]) -> std::io::Result<PathBuf> {
    let unsaved = Unsaved {
        data_dir: paths.root().to_path_buf(),
        journals: journals.to_vec(),
    };
    let text = crate::folder::ron_file::to_ron(&unsaved).map_err(std::io::Error::other)?;
    let stem = fallback_stem(paths);
    let mut last_error = std::io::Error::other("no folder to keep the text in");
    for folder in fallback_folders() {
        // The state folder is casebook's own: made private if need be.
        if folder.ends_with("casebook")
            && let Err(error) = crate::folder::create_private_dir(&folder)
        {
            last_error = error;
            continue;
        }
        // A unique name: in a shared folder, names made in advance by
        // someone else cannot block the rescue.
        for attempt in 0..20u32 {
            let stamp = jiff::Timestamp::now().as_nanosecond();
            let path = folder.join(format!("{stem}-{stamp}-{attempt}.ron"));
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            match options.open(&path) {
                Ok(mut file) => match file.write_all(text.as_bytes()).and_then(|()| file.sync_all()) {
                    Ok(()) => return Ok(path),
                    Err(error) => {
                        let _ = std::fs::remove_file(&path);
                        last_error = error;
                        break;
                    }
                },
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => last_error = error,
                Err(error) => {
                    last_error = error;
                    break;
                }
            }
        }
    }
    Err(last_error)
}

/// The fallback files left for this data folder by an earlier casebook,
/// with their journals. Only plain files of this user's, of a sane size,
/// written for this very folder, are trusted: the folder is shared.
pub fn find_fallbacks(paths: &DataPaths) -> Vec<(PathBuf, Vec<ModuleJournal>)> {
    let stem = fallback_stem(paths);
    let root = std::fs::canonicalize(paths.root()).unwrap_or_else(|_| paths.root().to_path_buf());
    let mut found: Vec<(PathBuf, Vec<ModuleJournal>)> = fallback_folders()
        .into_iter()
        .filter_map(|folder| std::fs::read_dir(folder).ok())
        .flat_map(|entries| entries.filter_map(Result::ok))
        .filter(|entry| {
            entry
                .file_name()
                .to_str()
                .is_some_and(|name| name.starts_with(&stem) && name.ends_with(".ron"))
        })
        .filter_map(|entry| {
            let path = entry.path();
            let unsaved = read_fallback(&path)?;
            let written_for = std::fs::canonicalize(&unsaved.data_dir).unwrap_or(unsaved.data_dir);
            (written_for == root).then_some((path, unsaved.journals))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// What `take_back_fallbacks` did: the journals now back in the data
/// folder, and what to tell the learner.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TakenBack {
    pub journals: Vec<ModuleJournal>,
    pub notice: Option<String>,
}

/// Puts journals kept in fallback files back into the data folder, where
/// they are newer than what it holds, and removes each file whose journals
/// all went back.
pub fn take_back_fallbacks(paths: &DataPaths, store: &mut dyn Store, courses: &[crate::content::Course]) -> TakenBack {
    let mut taken = TakenBack::default();
    for (path, journals) in find_fallbacks(paths) {
        let shown = path.display().to_string();
        let mut names = Vec::new();
        let mut all_back = true;
        for journal in journals {
            let module = courses
                .iter()
                .find(|course| course.id == journal.course)
                .and_then(|course| course.module(&journal.module));
            let newer = match store.load_module(&journal.course, &journal.module) {
                Ok(None) => true,
                Ok(Some(current)) => current.last_studied <= journal.last_studied,
                Err(_) => false,
            };
            match module {
                Some(module) if newer && store.save_module(&journal).is_ok() => {
                    names.push(crate::content::short_name(module).to_owned());
                    taken.journals.push(journal);
                }
                _ => all_back = false,
            }
        }
        if all_back {
            let _ = std::fs::remove_file(&path);
            taken.notice = Some(crate::text::drafts_restored(&names, &shown));
        } else {
            // Something in it is older than the journal, read-only or not
            // saved: the learner decides what to keep.
            taken.notice = Some(crate::text::drafts_kept(&shown));
        }
    }
    taken
}

/// A fallback file in a shared folder: read without following a link or
/// waiting on a pipe, within its limit, and only if it is this user's.
fn read_fallback(path: &Path) -> Option<Unsaved> {
    use crate::folder::files::{Links, open_regular, read_opened};
    let opened = open_regular(path, Links::Refuse).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Asked of the file opened, not of the name, which could change.
        if opened.metadata().ok()?.uid().to_string() != user_id() {
            return None;
        }
    }
    let text = String::from_utf8(read_opened(opened, FALLBACK_LIMIT).ok()?).ok()?;
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&text)
        .ok()
}
