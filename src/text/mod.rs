//! Every message casebook shows a user, kept together so it reads as one
//! voice: plain British English, as the guide is written.
//!
//! A leaf: it imports nothing of casebook's, and its functions take plain
//! values (numbers, `&str`, dates), never casebook's own types, so a second
//! language later means a second catalogue of the same shape.

mod content;
mod cpd;
mod data;
mod export;
pub mod export_command;
mod feedback;
mod format;
mod guide;
pub mod identify;
pub mod keys;
mod lrs;
mod plain;
mod review;
mod signatures;
mod tutor;

pub use content::*;
pub use cpd::*;
pub use data::*;
pub use export::*;
pub use feedback::*;
pub use format::*;
pub use guide::*;
pub use lrs::*;
pub use plain::*;
pub use review::*;
pub use signatures::*;
pub use tutor::*;
