//! The data folder and the files in it.

pub const FILE_MISSING: &str = "there is no such file";
pub const FILE_IS_LINK: &str =
    "it is a symbolic link, and casebook never reads or writes through a link in its data folder";
pub const KIND_FOLDER: &str = "a folder";
pub const KIND_PIPE: &str = "a named pipe";
pub const KIND_DEVICE: &str = "a device";
pub const KIND_SOCKET: &str = "a socket";
pub const KIND_LINK: &str = "a symbolic link";
pub const KIND_OTHER: &str = "something other than a file";

pub fn file_not_regular(kind: &str) -> String {
    format!("it is {kind}, not a regular file, so casebook did not open it")
}

pub fn file_too_large(limit_mib: u64) -> String {
    format!("it is larger than {limit_mib} MiB, the most casebook reads for a file of this kind, so it was not read")
}

/// An input/output error's own words, without the "(os error N)" after them.
pub fn io_reason(error: &std::io::Error) -> String {
    let words = error.to_string();
    match words.rfind(" (os error ") {
        Some(at) if words.ends_with(')') => words[..at].to_owned(),
        _ => words,
    }
}

pub fn too_large_to_save(limit_mib: u64) -> String {
    format!(
        "it would be larger than {limit_mib} MiB, the most casebook reads back, so it was not written (the file on disk is as it was)"
    )
}

pub fn not_a_folder(path: &str) -> String {
    format!("{path} is not a folder")
}

/// An id or key from a file, shown quoted with anything odd escaped, and cut
/// short: the file may have been written to mislead.
fn quoted(value: &str) -> String {
    let short: String = value.chars().take(60).collect();
    let ellipsis = if short.len() < value.len() { "…" } else { "" };
    format!("{short:?}{ellipsis}")
}

pub fn journal_damaged(reason: &str) -> String {
    format!(
        "casebook cannot make sense of the file from here on ({reason}); it may be damaged, cut short or edited by hand"
    )
}

pub fn journal_misplaced(course: &str, module: &str) -> String {
    format!(
        "this file of answers belongs to module {} of course {}, so it was probably copied or renamed here by hand",
        quoted(module),
        quoted(course)
    )
}

pub fn unsafe_id(course: &str, module: &str) -> String {
    format!(
        "the course id {} or module id {} is not a plain name, so casebook will not make a file from it",
        quoted(course),
        quoted(module)
    )
}

pub fn key_given_twice(key: &str) -> String {
    format!(
        "{} is given twice, so one of its two entries would be lost",
        quoted(key)
    )
}

/// `list`'s progress column for a journal that cannot be read; the reason
/// follows on a line of its own.
pub const LIST_UNREADABLE: &str = "cannot be read";

pub fn list_unreadable_detail(problem: &str) -> String {
    format!(
        "{problem}.\nIt is left untouched. To start this module afresh, open casebook, choose the module and press x to set the file aside."
    )
}

pub fn plain_journal_unreadable(problem: &str) -> String {
    format!(
        "The file holding your answers to this module cannot be read, so casebook has not opened the module: {problem}.\n\
The file is left untouched. To start the module afresh, open casebook (without --plain), choose the module \
and press x to set the file aside; or move the file out of the way yourself."
    )
}

pub fn data_dir_not_folder(path: &str) -> String {
    format!(
        "casebook cannot keep your reflections in {path}: it is not a folder.\nChoose a folder with --data-dir DIR (or set CASEBOOK_DATA_DIR)."
    )
}

pub fn data_dir_shared(path: &str, mode: u32) -> String {
    format!(
        "casebook will not keep your reflections in {path}: other people can write to it (its permissions are {mode:04o}), \
so they could change or replace your files.\nMake it private with: chmod 700 {path}"
    )
}

pub fn data_dir_foreign(path: &str) -> String {
    format!(
        "casebook will not keep your reflections in {path}: the folder belongs to another user, who could read or change your files.\n\
Use a folder of your own with --data-dir DIR (or set CASEBOOK_DATA_DIR)."
    )
}

pub const LOCK_HARD_LINKED: &str =
    "it has another name elsewhere (a hard link), so emptying it would empty that file too";

pub fn lock_refused(path: &str, reason: &str) -> String {
    format!(
        "casebook will not use {path} as its lock file: {reason}.\nNothing was changed. Remove it (rm {path}) and start casebook again."
    )
}

pub fn stdout_failed(reason: &str) -> String {
    format!("casebook could not write its output: {reason}.")
}

pub const NOT_FILE_OR_FOLDER: &str =
    "this is neither a file nor a folder (a device or a named pipe, perhaps); give a course folder or a .ron file";

pub fn profile_damaged(problem: &str) -> String {
    format!("Your profile could not be read ({problem}); it is left untouched and changes to it will not be saved.")
}
