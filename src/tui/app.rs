//! The model joined to a store: runs `update`, then the effects it asks
//! for. Tests drive this with a `MemoryStore` and an injected clock.

use jiff::Timestamp;

use super::message::{Effect, Msg};
use super::model::{Model, ModuleKey};
use super::update::update;
use crate::content::Course;
use crate::rescue::Snapshot;
use crate::store::Store;
use crate::text;

pub struct App<S: Store> {
    pub model: Model,
    pub store: S,
    /// Journal saves tried so far: the signal snapshot is refreshed after
    /// each, so that it is never older than a save.
    journal_saves: u64,
    /// The signal snapshot, refreshed before each journal save (a panic
    /// later in the same message saves it over what was just written) and
    /// before any other effect while it is behind.
    snapshot: Option<Snapshot>,
}

impl<S: Store> App<S> {
    /// Loads every journal and the profile. A journal that cannot be read
    /// leaves its module read-only; it is never overwritten.
    pub fn new(courses: Vec<Course>, store: S, data_dir: String) -> Self {
        // A profile that cannot be read is never written over: casebook
        // carries on without it and says so.
        let (profile, profile_damaged) = match store.load_profile() {
            Ok(profile) => (profile.unwrap_or_default(), None),
            Err(error) => (
                crate::journal::Profile {
                    welcomed: true,
                    ..Default::default()
                },
                Some(error.to_string()),
            ),
        };
        let mut model = Model::new(courses, profile, data_dir);
        if let Some(problem) = &profile_damaged {
            model.notice = Some(text::profile_damaged(problem));
        }
        model.profile_damaged = profile_damaged;
        for course in &model.courses {
            let modules: Vec<&str> = course.modules.iter().map(|module| module.id.as_str()).collect();
            for (module, loaded) in modules.iter().zip(store.load_modules(&course.id, &modules)) {
                let key: ModuleKey = (course.id.clone(), (*module).to_owned());
                match loaded {
                    Ok(Some(journal)) => {
                        model.journals.insert(key, journal);
                    }
                    Ok(None) => {}
                    Err(error) => {
                        model.damaged.insert(key, error.to_string());
                    }
                }
            }
        }
        let (reviews, unreadable) = store.imported_reviews();
        model.reviews = reviews;
        if let Some(problem) = unreadable.first()
            && model.notice.is_none()
        {
            model.notice = Some(text::review_unreadable_notice(&problem.to_string()));
        }
        // Read once here and again after a record is made, never per frame.
        model.cpd_records = store.cpd_records();
        model.cpd_layout = crate::cpd::layout::shipped()
            .into_iter()
            .find(|layout| layout.id == crate::tui::overlays::cpd::HOME_LAYOUT);
        model.peer_offers = crate::tui::overlays::cpd::peer_offers(&model.courses, &model.reviews);
        if let Some((course, selected)) = last_worked(&model) {
            model.home = super::model::HomeState { course, selected };
        }
        App {
            model,
            store,
            journal_saves: 0,
            snapshot: None,
        }
    }

    /// From now on `snapshot` is brought up to date before every journal
    /// save.
    pub(crate) fn keep_current_before_saves(&mut self, snapshot: Snapshot) {
        self.snapshot = Some(snapshot);
    }

    pub fn journal_saves(&self) -> u64 {
        self.journal_saves
    }

    /// Runs `update` on a message, then the effects it asks for; each
    /// effect's result goes back through `update` as a message of its own.
    pub fn handle(&mut self, msg: Msg, now: Timestamp) {
        let mut queue = std::collections::VecDeque::from([msg]);
        while let Some(msg) = queue.pop_front() {
            for effect in update(&mut self.model, msg, now) {
                queue.extend(self.perform(effect, now));
            }
        }
    }

    /// Does what an effect asks, and says how it went. Nothing here
    /// decides what happens next.
    fn perform(&mut self, effect: Effect, now: Timestamp) -> Option<Msg> {
        // Every effect may write or wait on a disk, with the save lock held:
        // a signal that gives up waiting, or a panic, then saves a copy no
        // older than this message's text.
        if let Some(snapshot) = &self.snapshot
            && (snapshot.is_behind() || matches!(effect, Effect::Save(_)))
        {
            snapshot.replace(super::session::pending_journals(&self.model, now));
        }
        match effect {
            Effect::Save(key) => {
                let Some(journal) = self.model.journals.get(&key) else {
                    // Nothing in memory: nothing to write.
                    return Some(Msg::Saved(key));
                };
                self.journal_saves += 1;
                Some(match self.store.save_module(journal) {
                    Ok(()) => Msg::Saved(key),
                    Err(error) => Msg::SaveFailed(error.reason_then_path()),
                })
            }
            Effect::SaveProfile => Some(match self.store.save_profile(&self.model.profile) {
                Ok(()) => Msg::ProfileSaved,
                Err(error) => Msg::SaveFailed(error.reason_then_path()),
            }),
            Effect::Export {
                modules,
                formats,
                path,
                since,
                until,
                checked,
            } => Some(super::app_export::export(
                &self.model,
                &self.store,
                &modules,
                super::app_export::Asked {
                    formats,
                    path: &path,
                    since,
                    until,
                    checked,
                },
                now,
            )),
            Effect::PrepareExport(sets) => Some(Msg::ExportPrepared {
                free: sets
                    .iter()
                    .map(|(main, formats)| super::app_export::free_set(main, *formats))
                    .collect(),
                last: super::app_export::last_export(self.store.data_paths()),
            }),
            Effect::MarkFinding(mark) => Some(Msg::FindingMarked(super::app_export::mark_finding(&self.store, mark))),
            Effect::ImportReview { path, allowed_signers } => {
                Some(self.import_review(&path, allowed_signers.as_deref()))
            }
            Effect::MakeCpdRecord { module, written } => Some(self.make_cpd_record(&module, written, now)),
            Effect::DiscardCpdRecord(id) => Some(match self.store.discard_cpd_record(&id) {
                Ok(()) => Msg::CpdRecordDiscarded {
                    id,
                    records: self.store.cpd_records(),
                },
                Err(reason) => Msg::CpdRecordFailed(reason),
            }),
            Effect::SetAside(key) => {
                let result = self
                    .store
                    .set_aside(&key.0, &key.1, now)
                    .map_err(|error| error.to_string());
                Some(Msg::SetAside { key, result })
            }
        }
    }

    /// Checks a review and keeps it in the data folder, as `import-review`
    /// does; the journals in memory are changed by `update` when the
    /// result comes back.
    fn import_review(&self, path: &std::path::Path, allowed_signers: Option<&std::path::Path>) -> Msg {
        let Some(paths) = self.store.data_paths() else {
            return Msg::ReviewRefused(text::REVIEW_IMPORT_NO_FOLDER.to_owned());
        };
        let checked = match crate::supervision::check_import(paths, path, allowed_signers) {
            Ok(checked) => checked,
            Err((message, _)) => return Msg::ReviewRefused(message),
        };
        let (stored, again) = match crate::supervision::keep(paths, &checked) {
            Ok(kept) => kept,
            Err(message) => return Msg::ReviewRefused(message),
        };
        let (reviews, unreadable) = self.store.imported_reviews();
        Msg::ReviewImported {
            message: crate::supervision::import_message(&checked, &stored, again),
            review: Box::new(checked.review),
            reviews,
            unreadable: unreadable.iter().map(ToString::to_string).collect(),
        }
    }

    /// Makes a CPD record of a module from the course, its journal and what
    /// the learner wrote, and saves it.
    fn make_cpd_record(&mut self, key: &ModuleKey, written: crate::cpd::record::Written, now: Timestamp) -> Msg {
        let model = &self.model;
        let Some((course, module)) = model
            .courses
            .iter()
            .find(|course| course.id == key.0)
            .and_then(|course| Some((course, course.module(&key.1)?)))
        else {
            return Msg::CpdRecordFailed(text::CPD_MODULE_GONE.to_owned());
        };
        let blank = crate::journal::ModuleJournal::new(&key.0, &key.1);
        let journal = model.journal(key).unwrap_or(&blank);
        let today = now.to_zoned(model.timezone.clone()).date();
        let id = self.store.next_cpd_id(today);
        let mut record =
            crate::cpd::record::CpdRecord::new(id, &[(course, module, journal)], written, &model.timezone, now);
        match self.store.create_cpd_record(&mut record, today) {
            Ok(_) => Msg::CpdRecordMade {
                id: record.id,
                records: self.store.cpd_records(),
            },
            Err(reason) => Msg::CpdRecordFailed(reason),
        }
    }
}

/// The module studied most recently, as (course, module) indices: home
/// starts with it selected.
fn last_worked(model: &Model) -> Option<(usize, usize)> {
    model
        .courses
        .iter()
        .enumerate()
        .flat_map(|(course_index, course)| {
            course
                .modules
                .iter()
                .enumerate()
                .map(move |(module_index, module)| (course_index, module_index, course, module))
        })
        .filter_map(|(course_index, module_index, course, module)| {
            let journal = model.journal(&(course.id.clone(), module.id.clone()))?;
            Some((journal.last_studied?, course_index, module_index))
        })
        .max_by_key(|(when, _, _)| *when)
        .map(|(_, course, module)| (course, module))
}
