//! casebook: a terminal tutor for reflective learning.
//!
//! `main.rs` only calls [`run`]; everything else lives here so tests reach
//! it without a terminal.

pub mod commands;
pub mod console;
pub mod content;
pub mod cpd;
pub mod digest;
pub mod document;
pub mod editor;
pub mod exit;
pub mod export;
pub mod folder;
mod hidden_input;
pub mod identify;
pub mod journal;
pub mod lrs;
pub mod messages;
pub mod plain;
pub mod rescue;
pub mod review;
pub mod sanitise;
pub mod store;
pub mod supervision;
pub mod text;
pub mod tui;

pub use commands::run;
