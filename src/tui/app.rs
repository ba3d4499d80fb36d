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
        if let Some((course, selected)) = last_worked(&model) {
            model.home = super::model::HomeState { course, selected };
        }
        App { model, store }
    }

    /// What to say at start-up after casebook was not closed normally:
    /// the modules whose editors were open, if any, by name.
    pub fn recovered_notice(&self) -> String {
        let names: Vec<String> = self
            .model
            .courses
            .iter()
            .flat_map(|course| course.modules.iter().map(move |module| (course, module)))
            .filter(|(course, module)| {
                self.model
                    .journal(&(course.id.clone(), module.id.clone()))
                    .is_some_and(|journal| journal.position.editing)
            })
            .map(|(_, module)| super::widgets::short_name(module).to_owned())
            .collect();
        text::recovered(&names)
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
                        self.model.unsaved.remove(&key);
                        continue;
                    };
                    let result = self.store.save_module(journal);
                    if result.is_ok() {
                        self.model.unsaved.remove(&key);
                    }
                    self.record(result, now);
                }
                Effect::SaveProfile => {
                    if self.model.profile_damaged.is_some() {
                        continue;
                    }
                    let result = self.store.save_profile(&self.model.profile);
                    if result.is_ok() {
                        self.model.profile_unsaved = false;
                    }
                    self.record(result, now);
                }
                Effect::Quit => {
                    if self.model.save_error.is_none() && self.model.unsaved.is_empty() {
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

    /// A failure stays on screen until everything waiting has been saved;
    /// failing saves are retried after 2 s, doubling up to 30 s.
    fn record(&mut self, result: Result<(), StoreError>, now: Timestamp) {
        match result {
            Ok(()) => {
                let profile_waiting = self.model.profile_unsaved && self.model.profile_damaged.is_none();
                if self.model.unsaved.is_empty() && !profile_waiting {
                    self.model.save_error = None;
                    self.model.retry_at = None;
                    self.model.retry_millis = 0;
                }
            }
            Err(error) => {
                self.model.save_error = Some(error.reason_then_path());
                self.model.retry_millis = (self.model.retry_millis * 2).clamp(2000, 30_000);
                self.model.retry_at = Some(now + jiff::SignedDuration::from_millis(self.model.retry_millis));
            }
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
