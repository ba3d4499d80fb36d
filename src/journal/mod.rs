//! Reflections, progress and time: the learner's journal and its store.

pub mod files;
pub mod lock;
pub mod model;
pub mod store;
pub mod unique;

pub use model::{
    ActionPoint, CpdDraft, ModuleJournal, PROFILE_SCHEMA, Position, Profile, Progress, Reflection, ReviewedWording,
    SCHEMA, Status, WRITTEN_BY,
};
pub use store::{FileStore, MemoryStore, Store, StoreError};
