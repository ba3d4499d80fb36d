//! Leaving a section forward: the next section, or the end of the module
//! (complete, or back to what is still open).

use jiff::Timestamp;

use crate::journal::{ModuleJournal, Position};
use crate::text;
use crate::tui::message::Effect;
use crate::tui::model::{Completion, Focus, Model, Screen};
use crate::tui::session::{flush_all, is_resolved, save_unsaved};

pub(crate) fn leave_section_forward(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    let Screen::Reader(reader) = &mut model.screen else {
        return Vec::new();
    };
    let (course, module, section) = (reader.course, reader.module, reader.section);
    let Some(key) = model.key_of(course, module) else {
        return Vec::new();
    };
    let sections = model
        .module(course, module)
        .map_or(0, |(_, module)| module.sections.len());
    // Passing a section does not read it: it counts as read once its last
    // line has been on screen (see `note_reading`).
    if section + 1 < sections {
        if let Screen::Reader(reader) = &mut model.screen {
            reader.section += 1;
            reader.scroll = 0;
            reader.question = 0;
            reader.focus = Focus::Text;
            reader.editor = None;
        }
        return flush_all(model, now);
    }
    // The end of the module: complete when every question is resolved and
    // every section read.
    let open = model.module(course, module).and_then(|(_, content)| {
        content
            .questions()
            .find(|(_, question)| !is_resolved(model, &key, &question.id))
            .map(|(index, _)| index)
    });
    let unread = model
        .module(course, module)
        .and_then(|(_, content)| match model.journal(&key) {
            Some(journal) => journal.first_unread(content),
            None => (!content.sections.is_empty()).then_some(0),
        });
    if !model.is_read_only(&key) {
        let missing = open
            .map(|index| (index, text::QUESTIONS_STILL_OPEN.to_owned()))
            .or_else(|| unread.map(|index| (index, text::section_still_unread(index + 1))));
        if let Some((section_index, notice)) = missing {
            if let Screen::Reader(reader) = &mut model.screen
                && reader.section != section_index
            {
                reader.section = section_index;
                reader.scroll = 0;
                reader.focus = Focus::Text;
                reader.editor = None;
            }
            model.notice = Some(notice);
            return flush_all(model, now);
        }
    }
    let mut effects = flush_all(model, now);
    if !model.is_read_only(&key) {
        with_journal_and_module(model, course, module, |journal, content| {
            journal.record_completion(content, now);
            journal.position = Position::default();
        });
        model.unsaved.insert(key.clone());
        effects = save_unsaved(model);
    }
    model.screen = Screen::Completion(Completion {
        course,
        module,
        editor: None,
        dirty_since: None,
        scroll: 0,
    });
    effects
}

/// Runs `change` on a module's journal (made if need be) beside the module
/// itself, borrowing the model's fields apart.
fn with_journal_and_module<T>(
    model: &mut Model,
    course: usize,
    module: usize,
    change: impl FnOnce(&mut ModuleJournal, &crate::content::Module) -> T,
) -> Option<T> {
    let content = model.courses.get(course)?.modules.get(module)?;
    let key = (model.courses.get(course)?.id.clone(), content.id.clone());
    let journal = model
        .journals
        .entry(key.clone())
        .or_insert_with(|| ModuleJournal::new(&key.0, &key.1));
    Some(change(journal, content))
}
