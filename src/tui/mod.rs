//! The full-screen tutor: Elm-style model, messages, update and view, with
//! the terminal kept to `terminal.rs`. Each screen's keys and drawing live
//! together in `screens/`, the overlays in `overlays/`; keys come from the
//! tables in `keymap.rs`.

pub mod app;
mod app_export;
pub mod backend;
pub mod found;
pub mod guide;
pub(crate) mod keymap;
pub mod layout;
pub mod message;
pub mod model;
pub(crate) mod overlays;
mod rescue_pace;
pub(crate) mod screens;
pub(crate) mod session;
pub(crate) mod supervise;
pub(crate) mod terminal;
pub(crate) mod theme;
pub mod update;
pub mod view;
pub(crate) mod widgets;
mod wrap_memo;

pub use app::App;
pub use message::{Msg, Startup};
