//! The data folder, the ground floor: where data lives, the lock, private
//! folders, opening a file that may be hostile, the size-limited RON reader
//! and the atomic writer, and the one error type they report.

pub mod check;
pub mod files;
pub mod lock;
pub mod paths;
pub mod ron_file;
pub mod unique;

pub use check::{check_data_dir, check_private};
pub use files::create_private_dir;
pub use paths::{DataPaths, is_plain_name, is_windows_device_name};
pub use ron_file::StoreError;
