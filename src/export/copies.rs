//! One export, two files: the log for the supervisor (JSON, say) and a
//! printable copy of the very same log (HTML or text), written together
//! under one log id and recorded once. Either both files are written or
//! neither is left behind.

use std::path::{Path, PathBuf};

use super::records::{CopyRecord, ExportRecord, record_of};
use super::{ExportError, Format, Log, render, write_new_file};

/// What one export writes: the log in one format and, perhaps, a copy of
/// the same log in another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Formats {
    pub main: Format,
    pub copy: Option<Format>,
}

impl Formats {
    /// One file in one format.
    pub const fn one(main: Format) -> Self {
        Formats { main, copy: None }
    }

    /// The choices the tutor's export dialog offers, in order: each format
    /// alone, then the JSON for a supervisor with a printable copy.
    pub const CHOICES: [Formats; 6] = [
        Formats::one(Format::Markdown),
        Formats::one(Format::Html),
        Formats::one(Format::Json),
        Formats::one(Format::Text),
        Formats {
            main: Format::Json,
            copy: Some(Format::Html),
        },
        Formats {
            main: Format::Json,
            copy: Some(Format::Text),
        },
    ];

    /// The formats written, the main one first.
    pub fn each(self) -> impl Iterator<Item = Format> {
        std::iter::once(self.main).chain(self.copy)
    }

    /// How the dialog and messages name it: "JSON", "JSON + HTML".
    pub fn name(self) -> String {
        match self.copy {
            None => self.main.name().to_owned(),
            Some(copy) => format!("{} + {}", self.main.name(), copy.name()),
        }
    }
}

/// Where the copy goes: beside the main file, with the copy's extension
/// in place of the main file's (`log.json` -> `log.html`). A name that
/// would be the main file's own gets `-copy` (`log.html` -> `log-copy.html`).
pub fn copy_path(main: &Path, copy: Format) -> PathBuf {
    let path = main.with_extension(copy.extension());
    if path != main {
        return path;
    }
    let stem = main
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    main.with_file_name(format!("{stem}-copy.{}", copy.extension()))
}

/// Every path an export to `main` writes, the main file first.
pub fn paths_for(main: &Path, formats: Formats) -> Vec<PathBuf> {
    std::iter::once(main.to_path_buf())
        .chain(formats.copy.map(|copy| copy_path(main, copy)))
        .collect()
}

/// What was written: every file's full path (the main one first) and the
/// one record of the export.
#[derive(Debug, Clone)]
pub struct Written {
    pub paths: Vec<PathBuf>,
    pub record: ExportRecord,
}

/// Writes `log` to `main` (and its copy beside it), never over a file.
/// When the copy cannot be written the main file just made is removed, so
/// an export is never half there; the error names the file that failed.
pub fn write_log(log: &Log, formats: Formats, main: &Path) -> Result<Written, ExportError> {
    let bytes = render(log, formats.main);
    let main_written = write_new_file(main, &bytes)?;
    let mut record = record_of(log, formats.main, &bytes);
    let mut paths = vec![main_written.clone()];
    if let Some(copy) = formats.copy {
        let copy_bytes = render(log, copy);
        match write_new_file(&copy_path(&main_written, copy), &copy_bytes) {
            Ok(written) => {
                record.copies.push(CopyRecord::of(copy, &copy_bytes));
                paths.push(written);
            }
            Err(error) => {
                // Made by this export a moment ago (a new file, never a
                // replaced one), so taking it away loses nothing.
                let _ = std::fs::remove_file(&main_written);
                return Err(error);
            }
        }
    }
    Ok(Written { paths, record })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_copy_sits_beside_the_log_under_its_own_extension() {
        assert_eq!(
            copy_path(Path::new("/a/casebook-log-2026-12-04.json"), Format::Html),
            PathBuf::from("/a/casebook-log-2026-12-04.html")
        );
        assert_eq!(copy_path(Path::new("mylog"), Format::Text), PathBuf::from("mylog.txt"));
        // Never the main file itself.
        assert_eq!(
            copy_path(Path::new("/a/log.html"), Format::Html),
            PathBuf::from("/a/log-copy.html")
        );
    }

    #[test]
    fn the_choices_name_both_formats() {
        let names: Vec<String> = Formats::CHOICES.iter().map(|choice| choice.name()).collect();
        assert_eq!(
            names,
            [
                "Markdown",
                "HTML",
                "JSON",
                "plain text",
                "JSON + HTML",
                "JSON + plain text"
            ]
        );
    }
}
