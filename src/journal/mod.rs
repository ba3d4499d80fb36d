//! Reflections, progress and time: the learner's journal (its store is `crate::store`).

pub mod model;

pub use model::{
    ActionPoint, CpdDraft, ModuleJournal, PROFILE_SCHEMA, Position, Profile, Progress, Reflection, ReviewedWording,
    SCHEMA, Status, WRITTEN_BY,
};
