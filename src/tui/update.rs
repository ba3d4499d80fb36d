//! `update`: the tutor's behaviour, as a pure function of the model, a
//! message and the time. Side effects (saving, quitting) are returned.
//!
//! A key travels: `keymap::global_action` (Ctrl-C, Ctrl-Q), then an open
//! overlay (help, export), then the screen's own table through
//! `keymap::action`; the screen's module gives the action its meaning.

use jiff::Timestamp;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use super::keymap::{self, Action, Context};
use super::message::Startup;
use super::message::{Effect, Msg};
use super::model::HomeState;
use super::model::{Focus, Model, Overlay, Screen};
use super::overlays::{cpd, export, help, review_import};
pub use super::screens::home::open_module;
use super::screens::{completion, home, profile, reader};
use super::session::{autosave, flush_all, request_quit, save_failed, saved, touch};
use crate::text;

pub fn update(model: &mut Model, msg: Msg, now: Timestamp) -> Vec<Effect> {
    let before = asked(model);
    let effects = handle(model, msg, now);
    if asked(model) != before
        && let Screen::Reader(reader) = &mut model.screen
    {
        // Another question starts at its top, showing its answer as it is now.
        reader.question_scroll = 0;
        reader.answer_scroll = 0;
        reader.show_reviewed = false;
    }
    reader::note_reading(model);
    cpd::refresh_year(model, now);
    note_refused(model);
    effects
}

/// Typing or a paste that a full box could not take is said, with how many
/// characters were left out, so nothing vanishes without a word.
fn note_refused(model: &mut Model) {
    let mut refused = 0;
    let mut limit = 0;
    let mut count = |editor: &mut crate::editor::Editor| {
        let more = editor.take_refused();
        if more > 0 {
            refused += more;
            limit = editor.limit();
        }
    };
    match &mut model.screen {
        Screen::Reader(reader) => reader.editor.iter_mut().for_each(|editor| count(&mut editor.area)),
        Screen::Completion(completion) => completion.editor.iter_mut().for_each(&mut count),
        _ => {}
    }
    if let Some(Overlay::Cpd(form)) = &mut model.overlay {
        form.boxes.iter_mut().for_each(&mut count);
    }
    if refused > 0 {
        model.notice = Some(text::text_limit_reached(limit, refused));
    }
}

/// The question the reader has selected, as (module, section, question).
fn asked(model: &Model) -> Option<(usize, usize, usize)> {
    match &model.screen {
        Screen::Reader(reader) => Some((reader.module, reader.section, reader.question)),
        _ => None,
    }
}

fn handle(model: &mut Model, msg: Msg, now: Timestamp) -> Vec<Effect> {
    match msg {
        Msg::Start(startup) => start(model, startup, now),
        Msg::Ready { timezone, problem } => {
            model.timezone = timezone;
            if let Some(problem) = problem {
                model.notice = Some(text::signals_unwatched(&problem));
            }
            Vec::new()
        }
        Msg::TakenBack(taken) => taken_back(model, taken, now),
        Msg::RecordsRefused(status) => {
            // A notice already showing (a warning before quitting, say)
            // stays: the home screen's foot says this one anyway.
            if model.notice.is_none() {
                model.notice = Some(text::records_refused(status));
            }
            model.records_refused = true;
            Vec::new()
        }
        Msg::Saved(key) => {
            model.unsaved.remove(&key);
            saved(model);
            Vec::new()
        }
        Msg::ProfileSaved => {
            model.profile_unsaved = false;
            saved(model);
            Vec::new()
        }
        Msg::SaveFailed(reason) => {
            save_failed(model, reason, now);
            Vec::new()
        }
        Msg::Exported { paths, unrecorded } => export::written(model, &paths, unrecorded, now),
        Msg::ExportFindings(findings) => {
            crate::tui::overlays::findings::found(model, findings);
            Vec::new()
        }
        Msg::FindingMarked(result) => {
            crate::tui::overlays::findings::marked(model, result);
            Vec::new()
        }
        Msg::ExportFailed { reason, suggestion } => {
            export::failed(model, reason, suggestion);
            Vec::new()
        }
        Msg::ExportPrepared { free, last } => {
            export::prepared(model, free, last);
            Vec::new()
        }
        Msg::ReviewImported {
            review,
            message,
            reviews,
            unreadable,
        } => {
            let effects = review_import::imported(model, &review, &message, reviews, &unreadable);
            // A peer's review just imported is offered for a CPD record too.
            model.peer_offers = cpd::peer_offers(&model.courses, &model.reviews);
            effects
        }
        Msg::ReviewRefused(reason) => {
            review_import::refused(model, reason);
            Vec::new()
        }
        Msg::SetAside { key, result } => {
            model.notice = Some(match result {
                Ok(aside) => {
                    model.damaged.remove(&key);
                    model.journals.remove(&key);
                    text::set_aside(&aside.display().to_string())
                }
                Err(problem) => problem,
            });
            Vec::new()
        }
        Msg::TerminalFailed => {
            let saves = flush_all(model, now);
            request_quit(model, saves)
        }
        Msg::Resize(width, height) => {
            model.width = width;
            model.height = height;
            reader::clamp_scroll(model);
            completion::clamp_scroll(model);
            Vec::new()
        }
        Msg::Tick => autosave(model, now, false),
        Msg::CpdRecordMade { id, records } => cpd::made(model, &id, records),
        Msg::CpdRecordFailed(reason) => {
            cpd::failed(model, reason);
            Vec::new()
        }
        Msg::CpdRecordDiscarded { id, records } => {
            model.cpd_records = records;
            model.cpd_year = None;
            model.notice = Some(crate::text::cpd_discarded(&id));
            Vec::new()
        }
        Msg::Burst(keys) => {
            touch(model, now);
            burst(model, keys, now)
        }
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

/// casebook has started: what the command line and the data folder say.
fn start(model: &mut Model, startup: Startup, now: Timestamp) -> Vec<Effect> {
    model.color = startup.color;
    model.ascii = startup.ascii;
    model.content_errors = startup.content_errors;
    model.export_dir = startup.export_dir;
    if startup.recovered && model.notice.is_none() {
        model.notice = Some(recovered_notice(model));
    }
    if let Some(notice) = startup.notice {
        model.notice = Some(notice);
    }
    if let Some((width, height)) = startup.size {
        model.width = width;
        model.height = height;
    }
    let Some((course, module)) = startup.open else {
        return Vec::new();
    };
    if matches!(model.screen, Screen::Home) {
        return open_module(model, course, module, now);
    }
    // The welcome comes first; the module opens after it.
    model.home = HomeState {
        course,
        selected: module,
    };
    model.open_after_welcome = Some((course, module));
    Vec::new()
}

/// Text an earlier run kept in fallback files is back in the data folder:
/// it comes before any key, so nothing in memory is newer. A module open
/// on screen is opened again from it, so that its answer box holds the
/// text taken back, never the older text it opened with (which would be
/// saved over it). A journal that could not be read stays read-only.
fn taken_back(model: &mut Model, taken: crate::rescue::TakenBack, now: Timestamp) -> Vec<Effect> {
    let open = model.screen.module();
    let open_key = open.and_then(|(course, module)| model.key_of(course, module));
    let mut reopen = false;
    for journal in taken.journals {
        let key = (journal.course.clone(), journal.module.clone());
        if !model.damaged.contains_key(&key) {
            reopen |= open_key.as_ref() == Some(&key);
            model.journals.insert(key, journal);
        }
    }
    let effects = match open.filter(|_| reopen) {
        Some((course, module)) => open_module(model, course, module, now),
        None => Vec::new(),
    };
    if let Some(notice) = taken.notice {
        model.notice = Some(notice);
    }
    effects
}

/// What to say at start-up after casebook was not closed normally:
/// the modules whose editors were open, if any, by name.
fn recovered_notice(model: &Model) -> String {
    let names: Vec<String> = model
        .courses
        .iter()
        .flat_map(|course| course.modules.iter().map(move |module| (course, module)))
        .filter(|(course, module)| {
            model
                .journal(&(course.id.clone(), module.id.clone()))
                .is_some_and(|journal| journal.position.editing)
        })
        .map(|(_, module)| super::widgets::short_name(module).to_owned())
        .collect();
    text::recovered(&names)
}

/// Pasted text with Windows and old Mac line ends made plain `\n`.
pub(crate) fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn handle_key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    match keymap::global_action(&key) {
        Some(Action::QuitApp) => {
            if super::session::cpd_text_would_be_lost(model) {
                return Vec::new();
            }
            let saves = flush_all(model, now);
            return request_quit(model, saves);
        }
        Some(Action::ForceQuit) if model.save_error.is_some() => {
            // The learner asked twice: leave even with text unsaved.
            model.quit = true;
            return Vec::new();
        }
        _ => {}
    }
    if model.is_too_small() {
        if keymap::own_action(Context::TooSmall, &key) == Some(Action::Quit) {
            let saves = flush_all(model, now);
            return request_quit(model, saves);
        }
        return Vec::new();
    }
    if model.help {
        help::key(model, &key);
        return Vec::new();
    }
    // One overlay at a time, and it takes every key.
    match &model.overlay {
        // What the identifying-details check found, listed in its place.
        Some(Overlay::Export(dialog)) if dialog.findings.is_some() => {
            return crate::tui::overlays::findings::key(model, key, now);
        }
        Some(Overlay::Export(_)) => return export::key(model, key),
        Some(Overlay::ReviewImport(_)) => return review_import::key(model, key),
        Some(Overlay::Cpd(_)) => return cpd::key(model, key, now),
        None => {}
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

/// Keys that arrived together. While a box is open for writing, their text
/// is typed as a paste is (Enter a new line, Tab spaces), so that pasted
/// text never moves the focus or acts as a command; other keys stay keys.
fn burst(model: &mut Model, keys: Vec<KeyEvent>, now: Timestamp) -> Vec<Effect> {
    let mut effects = Vec::new();
    let mut typed = String::new();
    for key in keys {
        if key.kind == KeyEventKind::Release {
            continue;
        }
        if let Some(text) = typed_text(&key).filter(|_| writing(model)) {
            typed.push_str(&text);
            continue;
        }
        if !typed.is_empty() {
            effects.extend(paste(model, &std::mem::take(&mut typed), now));
        }
        effects.extend(handle_key(model, key, now));
    }
    if !typed.is_empty() {
        effects.extend(paste(model, &typed, now));
    }
    effects
}

/// What a key types when it is part of pasted text.
fn typed_text(key: &KeyEvent) -> Option<String> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    if key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) {
        return None;
    }
    match key.code {
        KeyCode::Char(character) => Some(character.to_string()),
        KeyCode::Enter => Some("\n".to_owned()),
        KeyCode::Tab => Some("    ".to_owned()),
        _ => None,
    }
}

/// A box for writing reflections is open and takes keys.
fn writing(model: &Model) -> bool {
    if model.help || model.is_too_small() {
        return false;
    }
    match &model.overlay {
        Some(Overlay::Cpd(_)) => return true,
        Some(Overlay::Export(_) | Overlay::ReviewImport(_)) => return false,
        None => {}
    }
    match &model.screen {
        Screen::Reader(reader) => reader.focus == Focus::Editor && reader.editor.is_some() && !reader.confirm_skip,
        Screen::Completion(completion) => completion.editor.is_some(),
        _ => false,
    }
}

fn paste(model: &mut Model, pasted: &str, now: Timestamp) -> Vec<Effect> {
    // Nothing is typed into a box the learner cannot see: under the help,
    // or in a window too small to draw it.
    if model.help || model.is_too_small() {
        return Vec::new();
    }
    match &mut model.overlay {
        Some(Overlay::ReviewImport(dialog)) => {
            review_import::paste(dialog, pasted);
            return Vec::new();
        }
        Some(Overlay::Cpd(_)) => {
            cpd::paste(model, pasted, now);
            return Vec::new();
        }
        // Under the findings the file name is hidden: nothing is pasted into it.
        Some(Overlay::Export(dialog)) if dialog.findings.is_some() => return Vec::new(),
        Some(Overlay::Export(dialog)) => {
            dialog.path.insert_str(pasted.lines().next().unwrap_or_default());
            dialog.path_edited = true;
            return Vec::new();
        }
        None => {}
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

#[cfg(test)]
#[path = "update_tests.rs"]
mod tests;
