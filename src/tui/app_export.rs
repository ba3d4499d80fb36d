//! The export dialog's effects: the free names it offers, the
//! identifying-details check on the log about to be written, writing the
//! log (and its printable copy) and recording the export once, and marking
//! a finding "not identifying".

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;

use super::found::{Findings, FoundIn, FoundItem};
use super::message::Msg;
use super::model::{Model, ModuleKey};
use crate::export::identify::{Located, Part, allow_for_learner, findings, load_marks, marked_count_in};
use crate::export::{ExportError, Formats};
use crate::store::Store;
use crate::text;

/// What the learner asked the dialog to write.
pub(crate) struct Asked<'a> {
    pub(crate) formats: Formats,
    pub(crate) path: &'a Path,
    pub(crate) since: Option<Date>,
    pub(crate) until: Option<Date>,
    /// The learner has read the check's findings and goes on.
    pub(crate) checked: bool,
}

/// Writes a log from what is in memory, so it works even while saving to
/// the data folder fails; first the identifying-details check, whose
/// findings come back instead unless the learner has read them.
pub(super) fn export(model: &Model, store: &dyn Store, modules: &[ModuleKey], asked: Asked<'_>, now: Timestamp) -> Msg {
    let selected: Vec<crate::export::Selected> = modules
        .iter()
        .filter_map(|key| {
            let course = model.courses.iter().find(|course| course.id == key.0)?;
            let module = course.module(&key.1)?;
            Some((course, module, model.journals.get(key)?))
        })
        .collect();
    let options = crate::export::Options {
        since: asked.since,
        until: asked.until,
        ..crate::export::Options::new(now)
    };
    let folder = store.data_paths();
    let reviews = folder
        .map(|paths| crate::review::imported::load(paths).0)
        .unwrap_or_default();
    let profile = Some(&model.profile);
    let Some(mut log) = crate::export::build_with_reviews(&selected, profile, &options, &reviews) else {
        return Msg::ExportFailed {
            reason: ExportError::NothingToExport.to_string(),
            suggestion: None,
        };
    };
    // Marks that cannot be read excuse nothing: more is shown, not less.
    let marks = folder.and_then(|paths| load_marks(paths).ok()).unwrap_or_default();
    let found = findings(&log, &allow_for_learner(&model.courses, profile, &marks));
    let marked = marked_count_in(&log, &model.courses, profile, &marks);
    if !found.is_empty() && !asked.checked {
        return Msg::ExportFindings(Findings {
            items: found.into_iter().map(|located| item(model, located)).collect(),
            selected: 0,
            marked,
        });
    }
    log.identifying_check = Some(crate::export::model::IdentifyingCheck {
        run: true,
        marked_not_identifying: marked,
    });
    match crate::export::write_log(&log, asked.formats, asked.path) {
        Ok(written) => {
            let unrecorded = folder
                .and_then(|paths| crate::export::records::append(paths, written.record).err())
                .zip(written.paths.first())
                .map(|(error, path)| text::export_not_recorded(path, &error.to_string()));
            Msg::Exported {
                paths: written.paths,
                unrecorded,
            }
        }
        Err(error) => {
            let suggestion =
                matches!(error, ExportError::AlreadyExists(_)).then(|| free_set(asked.path, asked.formats));
            Msg::ExportFailed {
                reason: error.to_string(),
                suggestion,
            }
        }
    }
}

/// A finding as the dialog lists it.
fn item(model: &Model, located: Located) -> FoundItem {
    let key = (located.place.course.clone(), located.place.module.clone());
    let module = model
        .courses
        .iter()
        .find(|course| course.id == key.0)
        .and_then(|course| course.module(&key.1))
        .map(|module| crate::content::short_name(module).to_owned())
        .unwrap_or_default();
    let what = located.place.what.describe();
    let place = match located.place.what {
        Part::Reflection(_) => FoundIn::Reflection {
            module: key,
            question: located.place.question.unwrap_or_default(),
        },
        Part::ActionPoint => FoundIn::ActionPoint(key),
        Part::Profile => FoundIn::Profile,
        // Not in a learner's log: listed, with nothing to open.
        Part::CpdField(_) | Part::ReviewComment(_) | Part::ReviewOverall | Part::ReviewActions => FoundIn::Elsewhere,
    };
    FoundItem {
        place,
        module,
        what,
        words: located.finding.words,
        reason: located.finding.kind.reason(),
        start: located.finding.start,
        mark: located.mark,
    }
}

/// Remembers a finding as "not identifying" in the data folder.
pub(super) fn mark_finding(store: &dyn Store, mark: crate::identify::Mark) -> Result<(), String> {
    let paths = store
        .data_paths()
        .ok_or_else(|| text::identify::MARK_NO_FOLDER.to_owned())?;
    crate::export::identify::save_mark(paths, mark).map_err(|error| error.to_string())
}

/// The day (UTC) and formats of the last log recorded in the data folder's
/// `exports.ron`, when the tutor knows its data folder and can read it.
pub(crate) fn last_export(folder: Option<&crate::folder::DataPaths>) -> Option<(Date, Formats)> {
    let records = crate::export::records::load(folder?).ok()?;
    let last = records.into_iter().max_by_key(|record| record.exported)?;
    let format_of = |extension: &str| {
        crate::export::Format::ALL
            .into_iter()
            .find(|format| format.extension() == extension)
    };
    let formats = Formats {
        main: format_of(&last.format)?,
        copy: last.copies.first().and_then(|copy| format_of(&copy.format)),
    };
    // A pair the dialog does not offer (`export --format html --copy json`)
    // opens on its main format alone, never on a choice it cannot show.
    let formats = if Formats::CHOICES.contains(&formats) {
        formats
    } else {
        Formats::one(formats.main)
    };
    Some((crate::export::export_date(last.exported), formats))
}

/// `main` if neither it nor its copy is there, else the first
/// `NAME-2.EXT`, `NAME-3.EXT`... for which both are free.
pub(crate) fn free_set(main: &Path, formats: Formats) -> PathBuf {
    let free = |main: &Path| {
        crate::export::copies::paths_for(main, formats)
            .iter()
            .all(|path| path.symlink_metadata().is_err())
    };
    if free(main) {
        return main.to_path_buf();
    }
    (2..1000)
        .map(|number| numbered(main, number))
        .find(|candidate| free(candidate))
        .unwrap_or_else(|| main.to_path_buf())
}

/// `NAME-N.EXT` beside `path`.
fn numbered(path: &Path, number: usize) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(extension) => format!("{stem}-{number}.{}", extension.to_string_lossy()),
        None => format!("{stem}-{number}"),
    };
    path.with_file_name(name)
}
