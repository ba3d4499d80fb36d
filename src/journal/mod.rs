//! Reflections, progress and time: the learner's journal and its store.

pub mod lock;
pub mod model;
pub mod store;

pub use model::{ActionPoint, ModuleJournal, Position, Profile, Reflection, SCHEMA, Status};
pub use store::{FileStore, MemoryStore, Store, StoreError};
