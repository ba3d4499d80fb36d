//! `update`: the tutor's behaviour, as a pure function of the model, a
//! message and the time. Side effects (saving, quitting) are returned.
//!
//! A key travels: `keymap::global_action` (Ctrl-C, Ctrl-Q), then an open
//! overlay (help, export), then the screen's own table through
//! `keymap::action`; the screen's module gives the action its meaning.

use jiff::Timestamp;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use super::keymap::{self, Action};
use super::message::{Effect, Msg};
use super::model::{Focus, Model, Screen};
use super::overlays::{export, help};
use super::screens::{completion, home, profile, reader};
use super::session::{autosave, flush_all, touch};

pub use super::screens::home::open_module;
pub use super::session::pending_journals;

pub fn update(model: &mut Model, msg: Msg, now: Timestamp) -> Vec<Effect> {
    let effects = handle(model, msg, now);
    reader::note_reading(model);
    effects
}

fn handle(model: &mut Model, msg: Msg, now: Timestamp) -> Vec<Effect> {
    match msg {
        Msg::Resize(width, height) => {
            model.width = width;
            model.height = height;
            reader::clamp_scroll(model);
            Vec::new()
        }
        Msg::Tick => autosave(model, now, false),
        Msg::Paste(pasted) => {
            touch(model, now);
            paste(model, &normalise_newlines(&pasted), now)
        }
        Msg::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
        Msg::Key(key) => {
            touch(model, now);
            handle_key(model, key, now)
        }
    }
}

/// Pasted text with Windows and old Mac line ends made plain `\n`.
pub fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn handle_key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    match keymap::global_action(&key) {
        Some(Action::QuitApp) => {
            let mut effects = flush_all(model, now);
            effects.push(Effect::Quit);
            return effects;
        }
        Some(Action::ForceQuit) if model.save_error.is_some() => return vec![Effect::ForceQuit],
        _ => {}
    }
    if model.is_too_small() {
        // Blind, only q does anything: it quits.
        if key.code == KeyCode::Char('q') {
            let mut effects = flush_all(model, now);
            effects.push(Effect::Quit);
            return effects;
        }
        return Vec::new();
    }
    if model.help {
        help::key(model, &key);
        return Vec::new();
    }
    if model.export.is_some() {
        return export::key(model, key, now);
    }
    let context = keymap::screen_context(model);
    let action = keymap::action(context, &key);
    match action {
        Some(Action::Help) => {
            model.help = true;
            model.help_scroll = 0;
            return Vec::new();
        }
        Some(Action::Save) => return autosave(model, now, true),
        _ => {}
    }
    model.notice = None;
    match &model.screen {
        Screen::Welcome(_) | Screen::Profile(_) => profile::key(model, action, key, now),
        Screen::Home => home::key(model, action, now),
        Screen::Reader(_) => reader::key(model, action, key, now),
        Screen::Completion(_) => completion::key(model, action, key, now),
    }
}

fn paste(model: &mut Model, pasted: &str, now: Timestamp) -> Vec<Effect> {
    if let Some(dialog) = model.export.as_mut() {
        dialog.path.insert_str(pasted.lines().next().unwrap_or_default());
        dialog.path_edited = true;
        return Vec::new();
    }
    match &mut model.screen {
        Screen::Reader(reader) if reader.focus == Focus::Editor => {
            if let Some(editor) = reader.editor.as_mut()
                && editor.area.insert_str(pasted)
            {
                editor.dirty_since.get_or_insert(now);
            }
        }
        Screen::Completion(completion) => {
            if let Some(area) = completion.editor.as_mut()
                && area.insert_str(pasted)
            {
                completion.dirty_since.get_or_insert(now);
            }
        }
        Screen::Welcome(form) | Screen::Profile(form) => {
            let line = pasted.lines().next().unwrap_or_default();
            if let Some(field) = form.fields.get_mut(form.focus) {
                field.insert_str(line);
            }
        }
        _ => {}
    }
    Vec::new()
}
