//! The model joined to a store: runs `update`, then the effects it asks
//! for. Tests drive this with a `MemoryStore` and an injected clock.

use jiff::Timestamp;

use super::message::{Effect, Msg};
use super::model::{Model, ModuleKey};
use super::update::update;
use crate::content::Course;
use crate::journal::{Store, StoreError};
use crate::text;

pub struct App<S: Store> {
    pub model: Model,
    pub store: S,
}

impl<S: Store> App<S> {
    /// Loads every journal and the profile. A journal that cannot be read
    /// leaves its module read-only; it is never overwritten.
    pub fn new(courses: Vec<Course>, store: S, data_dir: String) -> Self {
        let profile = store.load_profile().ok().flatten().unwrap_or_default();
        let mut model = Model::new(courses, profile, data_dir);
        let keys: Vec<ModuleKey> = model
            .courses
            .iter()
            .flat_map(|course| {
                course
                    .modules
                    .iter()
                    .map(move |module| (course.id.clone(), module.id.clone()))
            })
            .collect();
        for key in keys {
            match store.load_module(&key.0, &key.1) {
                Ok(Some(journal)) => {
                    model.journals.insert(key, journal);
                }
                Ok(None) => {}
                Err(error) => {
                    model.damaged.insert(key, error.to_string());
                }
            }
        }
        App { model, store }
    }

    pub fn handle(&mut self, msg: Msg, now: Timestamp) {
        let effects = update(&mut self.model, msg, now);
        self.perform(effects, now);
    }

    fn perform(&mut self, effects: Vec<Effect>, now: Timestamp) {
        for effect in effects {
            match effect {
                Effect::Save(key) => {
                    if self.model.is_read_only(&key) {
                        continue;
                    }
                    let Some(journal) = self.model.journals.get(&key) else {
                        continue;
                    };
                    let result = self.store.save_module(journal);
                    self.record(result, now);
                    if self.model.save_error.is_none() {
                        self.model.unsaved.remove(&key);
                    }
                }
                Effect::SaveProfile => {
                    let result = self.store.save_profile(&self.model.profile);
                    self.record(result, now);
                    if self.model.save_error.is_none() {
                        self.model.profile_unsaved = false;
                    }
                }
                Effect::Quit => {
                    if self.model.save_error.is_none() {
                        self.model.quit = true;
                    } else {
                        self.model.notice = Some(text::QUIT_NOT_SAVED.to_owned());
                    }
                }
                Effect::ForceQuit => self.model.quit = true,
                Effect::Export { modules, format, path } => self.export(&modules, format, &path, now),
                Effect::SetAside(key) => {
                    self.model.notice = Some(match self.store.set_aside(&key.0, &key.1, now) {
                        Ok(aside) => {
                            self.model.damaged.remove(&key);
                            self.model.journals.remove(&key);
                            text::set_aside(&aside.display().to_string())
                        }
                        Err(error) => error.to_string(),
                    });
                }
            }
        }
    }

    /// Writes a log from what is in memory, so it works even while saving
    /// to the data folder fails.
    fn export(
        &mut self,
        modules: &[super::model::ModuleKey],
        format: crate::export::Format,
        path: &std::path::Path,
        now: Timestamp,
    ) {
        let selected: Vec<crate::export::Selected> = modules
            .iter()
            .filter_map(|key| {
                let course = self.model.courses.iter().find(|course| course.id == key.0)?;
                let module = course.module(&key.1)?;
                Some((course, module, self.model.journals.get(key)?))
            })
            .collect();
        let result = crate::export::export_to_path(&selected, Some(&self.model.profile), format, path, now);
        self.model.notice = Some(match result {
            Ok(written) => text::log_written(&written.display().to_string()),
            Err(error) => error.to_string(),
        });
    }

    fn record(&mut self, result: Result<(), StoreError>, now: Timestamp) {
        match result {
            Ok(()) => {
                self.model.save_error = None;
                self.model.last_saved = Some(now);
            }
            Err(error) => self.model.save_error = Some(error.to_string()),
        }
    }
}
