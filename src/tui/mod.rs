//! The full-screen tutor: Elm-style model, messages, update and view, with
//! the terminal kept to `terminal.rs`.

pub mod app;
pub mod backend;
pub mod message;
pub mod model;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

pub use app::App;
pub use message::{Effect, Msg};
pub use model::Model;
