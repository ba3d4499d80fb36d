//! What can happen to the tutor, and what it asks the outside world to do.

use ratatui::crossterm::event::KeyEvent;

use super::model::ModuleKey;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Key(KeyEvent),
    /// Bracketed paste: the whole pasted text at once.
    Paste(String),
    Resize(u16, u16),
    /// A timer ran out: an autosave may be due.
    Tick,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Save(ModuleKey),
    SaveProfile,
    /// Write a reflective log of these modules to a new file.
    Export {
        modules: Vec<ModuleKey>,
        format: crate::export::Format,
        path: std::path::PathBuf,
    },
    /// Move a damaged journal aside so its module starts afresh.
    SetAside(ModuleKey),
    /// Leave once everything is saved.
    Quit,
    /// Leave even with unsaved text (the learner asked twice).
    ForceQuit,
}
