//! The course and module format: raw serde shapes -> validated types.
//! `modules/README.md` is the authors' guide to it.

pub mod diagnostic;
mod find;
mod load;
pub mod locate;
pub mod model;
pub mod raw;
pub mod validate;

pub use diagnostic::{Diagnostic, Severity};
pub use load::{Library, ShippedLoading, load_library, load_library_with, load_paths};
pub use model::{Area, Block, Course, Module, Note, Origin, Question, Section, Stage, short_name};
