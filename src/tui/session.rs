//! What every screen shares: the study clock, and writing the open
//! editor into the journal and saving it.

use jiff::Timestamp;

use super::message::Effect;
use super::model::{Draft, Focus, Model, ModuleKey, Reader, Screen};
use crate::journal::{ModuleJournal, Position};
use crate::text;

pub(crate) fn open_key(model: &Model) -> Option<ModuleKey> {
    let (course, module) = model.screen.module()?;
    model.key_of(course, module)
}

/// Counts active study time: the gap since the last input, up to five
/// minutes, goes to the open module.
pub(crate) fn touch(model: &mut Model, now: Timestamp) {
    if let Some(key) = open_key(model).filter(|key| !model.is_read_only(key)) {
        let mut carry = model.time_carry.get(&key).copied().unwrap_or(0);
        let (since, timezone) = (model.last_input, model.timezone.clone());
        model.journal_mut(&key).count_study(since, now, &mut carry, &timezone);
        model.time_carry.insert(key, carry);
    }
    model.last_input = Some(now);
}

/// The wording of a question as the course has it now.
pub(crate) fn wording_of(model: &Model, course: usize, module: usize, question_id: &str) -> String {
    model
        .module(course, module)
        .and_then(|(_, module)| module.questions().find(|(_, question)| question.id == question_id))
        .map(|(_, question)| question.text.clone())
        .unwrap_or_default()
}

/// The open editor's unsaved text applied to a journal.
pub(crate) fn apply_open_editor(model: &Model, journal: &mut ModuleJournal, now: Timestamp) {
    match model.screen.draft() {
        Some((Draft::Answer { question_id, text }, _)) => {
            if let Some((course, module)) = model.screen.module() {
                let wording = wording_of(model, course, module, question_id);
                journal.answer(question_id, &wording, text.to_owned(), now);
            }
        }
        Some((Draft::ActionPoint(text), _)) => {
            journal.set_action_point(text.to_owned(), now);
        }
        None => {}
    }
}

pub(crate) fn editor_dirty(model: &Model) -> bool {
    model.screen.draft().is_some()
}

/// The module whose CPD form holds text not yet in its journal. A
/// read-only module's form never is: its journal is never written.
fn cpd_form_dirty(model: &Model) -> Option<ModuleKey> {
    model
        .cpd_form()
        .filter(|form| form.dirty_since.is_some() && !model.is_read_only(&form.module))
        .map(|form| form.module.clone())
}

/// The open CPD form's text, kept as the draft in its module's journal.
fn apply_cpd_form(model: &Model, key: &ModuleKey, journal: &mut ModuleJournal) {
    if let Some(form) = model.cpd_form().filter(|form| form.module == *key) {
        journal.set_cpd_draft(form.draft());
    }
}

/// The modules `pending_journals` puts together.
fn pending_keys(model: &Model) -> std::collections::BTreeSet<ModuleKey> {
    let mut keys = model.unsaved.clone();
    if let Some(key) = open_key(model).filter(|_| editor_dirty(model)) {
        keys.insert(key);
    }
    keys.extend(cpd_form_dirty(model));
    keys.retain(|key| !model.is_read_only(key));
    keys
}

/// Pending text up to this size is copied into the signal snapshot after
/// every message (a few microseconds); more is copied once a burst of keys
/// is over, so that typing in a 2 MB answer does not copy 2 MB per key.
pub(crate) const SMALL_PENDING: usize = 64 * 1024;

/// About how many bytes of text `pending_journals` would copy now.
pub(crate) fn pending_bytes(model: &Model) -> usize {
    let draft = match model.screen.draft() {
        Some((Draft::Answer { text, .. } | Draft::ActionPoint(text), _)) => text.len(),
        None => 0,
    };
    let journals: usize = pending_keys(model)
        .iter()
        .filter_map(|key| model.journal(key))
        .map(|journal| {
            let answers: usize = journal
                .reflections
                .values()
                .map(|reflection| {
                    let reviewed: usize = reflection.reviewed.iter().map(|wording| wording.text.len()).sum();
                    reflection.text.len() + reviewed
                })
                .sum();
            let cpd = journal.cpd_draft.as_ref().map_or(0, |cpd| {
                cpd.learning.len() + cpd.impact.len() + cpd.peer_reflection.len()
            });
            answers + cpd + journal.action_point.as_ref().map_or(0, |point| point.text.len())
        })
        .sum();
    let form = cpd_form_dirty(model)
        .and(model.cpd_form())
        .map_or(0, super::model::CpdForm::text_bytes);
    draft + journals + form
}

/// Every journal with changes not yet on disk, as it would be saved now:
/// what a signal or a panic saves while the main loop cannot.
pub(crate) fn pending_journals(model: &Model, now: Timestamp) -> Vec<ModuleJournal> {
    let open = open_key(model);
    let form = cpd_form_dirty(model);
    pending_keys(model)
        .into_iter()
        .map(|key| {
            let mut journal = model
                .journal(&key)
                .cloned()
                .unwrap_or_else(|| ModuleJournal::new(&key.0, &key.1));
            if open.as_ref() == Some(&key) {
                apply_open_editor(model, &mut journal, now);
                // A signal while writing: the editor opens again next time.
                if let Some((_, position)) = current_position(model) {
                    journal.position = position;
                }
            }
            if form.as_ref() == Some(&key) {
                apply_cpd_form(model, &key, &mut journal);
            }
            journal
        })
        .collect()
}

/// Writes the open CPD form's text into its module's journal as the draft.
pub(crate) fn flush_cpd_form(model: &mut Model) -> Option<ModuleKey> {
    let key = cpd_form_dirty(model)?;
    let mut journal = model
        .journal(&key)
        .cloned()
        .unwrap_or_else(|| ModuleJournal::new(&key.0, &key.1));
    apply_cpd_form(model, &key, &mut journal);
    model.journals.insert(key.clone(), journal);
    if let Some(form) = model.cpd_form_mut() {
        form.dirty_since = None;
    }
    model.unsaved.insert(key.clone());
    Some(key)
}

/// Writes the open editor's text (and the CPD form's) into the journal.
pub(crate) fn flush_editor(model: &mut Model, now: Timestamp) -> Option<ModuleKey> {
    flush_cpd_form(model);
    let key = open_key(model)?;
    if model.is_read_only(&key) || !editor_dirty(model) {
        return None;
    }
    let mut journal = model
        .journal(&key)
        .cloned()
        .unwrap_or_else(|| ModuleJournal::new(&key.0, &key.1));
    apply_open_editor(model, &mut journal, now);
    model.journals.insert(key.clone(), journal);
    model.screen.draft_kept();
    model.unsaved.insert(key.clone());
    Some(key)
}

/// Where the learner is in the open module, as a journal records it.
pub(crate) fn current_position(model: &Model) -> Option<(ModuleKey, Position)> {
    let Screen::Reader(reader) = &model.screen else {
        return None;
    };
    let key = model.key_of(reader.course, reader.module)?;
    if model.is_read_only(&key) {
        return None;
    }
    let question = (reader.focus != Focus::Text)
        .then(|| current_question_id(model, reader))
        .flatten();
    let position = Position {
        section: reader.section,
        scroll: reader.scroll,
        editing: question.is_some() && reader.focus == Focus::Editor,
        question,
    };
    Some((key, position))
}

/// Records where the learner is, so reopening returns there.
pub(crate) fn remember_position(model: &mut Model) {
    if let Some((key, position)) = current_position(model) {
        model.journal_mut(&key).position = position;
        model.unsaved.insert(key);
    }
}

pub(crate) fn save_unsaved(model: &Model) -> Vec<Effect> {
    model
        .unsaved
        .iter()
        .filter(|key| !model.is_read_only(key))
        .cloned()
        .map(Effect::Save)
        .collect()
}

/// Whether the profile waits to be written (a damaged one never is).
fn profile_waiting(model: &Model) -> bool {
    model.profile_unsaved && model.profile_damaged.is_none()
}

/// Nothing waits to be written (a read-only journal never is).
fn all_saved(model: &Model) -> bool {
    model.unsaved.iter().all(|key| model.is_read_only(key)) && !profile_waiting(model)
}

/// A CPD record not yet made: the first request to leave says so (and
/// whether its text is kept) and stays; a second one leaves.
pub(crate) fn cpd_text_would_be_lost(model: &mut Model) -> bool {
    let holding_text = [model.cpd_form(), model.cpd_draft.as_ref()]
        .into_iter()
        .flatten()
        .find(|form| form.holds_text());
    let Some(form) = holding_text else {
        return false;
    };
    if model.cpd_quit_warned {
        return false;
    }
    // A read-only module's journal is never written, so its draft is not kept.
    let notice = if model.is_read_only(&form.module) {
        text::CPD_FORM_NOT_MADE_NOT_KEPT
    } else {
        text::CPD_FORM_NOT_MADE
    };
    model.cpd_quit_warned = true;
    model.notice = Some(notice.to_owned());
    true
}

/// Leaves once `saves` (everything in memory) are on disk; if one fails,
/// stays and says why.
pub(crate) fn request_quit(model: &mut Model, saves: Vec<Effect>) -> Vec<Effect> {
    model.quitting = true;
    if saves.is_empty() {
        settle_quit(model);
    }
    saves
}

fn settle_quit(model: &mut Model) {
    if !model.quitting {
        return;
    }
    if model.save_error.is_some() {
        model.quitting = false;
        model.notice = Some(text::QUIT_NOT_SAVED.to_owned());
    } else if all_saved(model) {
        model.quit = true;
    }
}

/// A save went through. A failure stays on screen until everything
/// waiting has been saved.
pub(crate) fn saved(model: &mut Model) {
    if all_saved(model) {
        model.save_error = None;
        model.retry_at = None;
        model.retry_millis = 0;
        settle_quit(model);
    }
}

/// A save failed: shown plainly, and retried after 2 s, doubling up to 30 s.
pub(crate) fn save_failed(model: &mut Model, reason: String, now: Timestamp) {
    model.save_error = Some(reason);
    model.retry_millis = (model.retry_millis * 2).clamp(2000, 30_000);
    model.retry_at = Some(now + jiff::SignedDuration::from_millis(model.retry_millis));
    settle_quit(model);
}

/// Everything in memory to disk: used on navigation and when leaving.
pub(crate) fn flush_all(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    flush_editor(model, now);
    remember_position(model);
    if let Some(key) = open_key(model).filter(|key| !model.is_read_only(key)) {
        model.unsaved.insert(key);
    }
    let mut effects = save_unsaved(model);
    if profile_waiting(model) {
        effects.push(Effect::SaveProfile);
    }
    effects
}

/// Saves drafts when due (or now, when `force`), and retries failed saves.
pub(crate) fn autosave(model: &mut Model, now: Timestamp, force: bool) -> Vec<Effect> {
    let due = model.autosave_due().is_some_and(|due| due <= now);
    if !(force || due) {
        return Vec::new();
    }
    let effects = flush_all(model, now);
    if force && effects.is_empty() {
        model.notice = Some(text::NOTHING_TO_SAVE.to_owned());
    }
    effects
}

pub(crate) fn current_question_id(model: &Model, reader: &Reader) -> Option<String> {
    let (_, module) = model.module(reader.course, reader.module)?;
    let question = module.sections.get(reader.section)?.questions.get(reader.question)?;
    Some(question.id.clone())
}

pub(crate) fn section_question_count(model: &Model, reader: &Reader) -> usize {
    model
        .module(reader.course, reader.module)
        .and_then(|(_, module)| module.sections.get(reader.section))
        .map_or(0, |section| section.questions.len())
}

pub(crate) fn is_resolved(model: &Model, key: &ModuleKey, question_id: &str) -> bool {
    model
        .journal(key)
        .is_some_and(|journal| journal.is_resolved(question_id))
}
