//! The data folder itself: there, private and writable.

use super::DataPaths;
use crate::text;

/// The data folder is a folder, private to the learner, as ssh asks of its
/// own: one that others can write to, or that belongs to someone else,
/// could have files planted in it or swapped under casebook.
pub fn check_private(paths: &DataPaths) -> Result<(), String> {
    let root = paths.root();
    let shown = root.display().to_string();
    let metadata =
        std::fs::metadata(root).map_err(|error| text::data_dir_unusable(&shown, &text::io_reason(&error)))?;
    if !metadata.is_dir() {
        return Err(text::data_dir_not_folder(&shown));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if metadata.uid() != rustix::process::geteuid().as_raw() {
            return Err(text::data_dir_foreign(&shown));
        }
        if metadata.mode() & 0o022 != 0 {
            return Err(text::data_dir_shared(&shown, metadata.mode() & 0o7777));
        }
    }
    Ok(())
}

/// The data folder exists (it is created if need be), is private and can
/// be written.
pub fn check_data_dir(paths: &DataPaths) -> Result<(), String> {
    let root = paths.root();
    let shown = root.display().to_string();
    match std::fs::metadata(root) {
        Ok(metadata) if !metadata.is_dir() => return Err(text::data_dir_not_folder(&shown)),
        Ok(_) => {}
        Err(_) => crate::folder::create_private_dir(root)
            .map_err(|error| text::data_dir_unusable(&shown, &text::io_reason(&error)))?,
    }
    check_private(paths)?;
    let unusable = |error: std::io::Error| text::data_dir_unusable(&shown, &text::io_reason(&error));
    // Asked of the system, which knows of read-only disks too: a test file
    // made and removed took a tenth of the time to the first frame. A full
    // disk or quota shows at the first save instead, which says so and keeps
    // the text on screen.
    #[cfg(unix)]
    rustix::fs::access(root, rustix::fs::Access::WRITE_OK | rustix::fs::Access::EXEC_OK)
        .map_err(|errno| unusable(errno.into()))?;
    #[cfg(not(unix))]
    {
        let probe = root.join(".casebook-write-test");
        std::fs::write(&probe, b"").map_err(unusable)?;
        let _ = std::fs::remove_file(&probe);
    }
    Ok(())
}
