//! `update`: the tutor's behaviour, as a pure function of the model, a
//! message and the time. Side effects (saving, quitting) are returned.

use jiff::Timestamp;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::message::{Effect, Msg};
use super::model::{Completion, Editor, ExportDialog, Focus, Model, ModuleKey, ProfileForm, Reader, Screen};
use super::view;
use crate::export::Format;
use crate::journal::{ModuleJournal, Position};
use crate::text;

pub fn update(model: &mut Model, msg: Msg, now: Timestamp) -> Vec<Effect> {
    let effects = handle(model, msg, now);
    note_reading(model);
    effects
}

fn handle(model: &mut Model, msg: Msg, now: Timestamp) -> Vec<Effect> {
    match msg {
        Msg::Resize(width, height) => {
            model.width = width;
            model.height = height;
            clamp_scroll(model);
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

fn ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

fn handle_key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    if ctrl(&key, 'c') {
        let mut effects = flush_all(model, now);
        effects.push(Effect::Quit);
        return effects;
    }
    if ctrl(&key, 'q') && model.save_error.is_some() {
        return vec![Effect::ForceQuit];
    }
    if model.is_too_small() {
        if key.code == KeyCode::Char('q') {
            let mut effects = flush_all(model, now);
            effects.push(Effect::Quit);
            return effects;
        }
        return Vec::new();
    }
    if model.help {
        help_key(model, key);
        return Vec::new();
    }
    if model.export.is_some() {
        return export_key(model, key, now);
    }
    let typing = matches!(&model.screen, Screen::Welcome(_) | Screen::Profile(_))
        || matches!(&model.screen, Screen::Reader(reader) if reader.focus == Focus::Editor)
        || matches!(&model.screen, Screen::Completion(completion) if completion.editor.is_some());
    if key.code == KeyCode::F(1) || (!typing && key.code == KeyCode::Char('?')) {
        model.help = true;
        model.help_scroll = 0;
        return Vec::new();
    }
    if ctrl(&key, 's') {
        return autosave(model, now, true);
    }
    model.notice = None;
    match &model.screen {
        Screen::Welcome(_) | Screen::Profile(_) => profile_key(model, key, now),
        Screen::Home => home_key(model, key, now),
        Screen::Reader(_) => reader_key(model, key, now),
        Screen::Completion(_) => completion_key(model, key, now),
    }
}

// ---------------------------------------------------------------- time

fn open_key(model: &Model) -> Option<ModuleKey> {
    match &model.screen {
        Screen::Reader(reader) => model.key_of(reader.course, reader.module),
        Screen::Completion(completion) => model.key_of(completion.course, completion.module),
        _ => None,
    }
}

/// Counts active study time: the gap since the last input, up to five
/// minutes, goes to the open module.
fn touch(model: &mut Model, now: Timestamp) {
    if let Some(key) = open_key(model).filter(|key| !model.is_read_only(key)) {
        let mut carry = model.time_carry.get(&key).copied().unwrap_or(0);
        let (since, timezone) = (model.last_input, model.timezone.clone());
        model.journal_mut(&key).count_study(since, now, &mut carry, &timezone);
        model.time_carry.insert(key, carry);
    }
    model.last_input = Some(now);
}

// ---------------------------------------------------------------- saving

/// The wording of a question as the course has it now.
fn wording_of(model: &Model, course: usize, module: usize, question_id: &str) -> String {
    model
        .module(course, module)
        .and_then(|(_, module)| module.questions().find(|(_, question)| question.id == question_id))
        .map(|(_, question)| question.text.clone())
        .unwrap_or_default()
}

/// The open editor's unsaved text applied to a journal.
fn apply_open_editor(model: &Model, journal: &mut ModuleJournal, now: Timestamp) {
    match &model.screen {
        Screen::Reader(reader) => {
            if let Some(editor) = reader.editor.as_ref().filter(|editor| editor.dirty_since.is_some()) {
                let wording = wording_of(model, reader.course, reader.module, &editor.question_id);
                journal.answer(&editor.question_id, &wording, editor.area.text().to_owned(), now);
            }
        }
        Screen::Completion(completion) => {
            if let Some(area) = completion.editor.as_ref().filter(|_| completion.dirty_since.is_some()) {
                journal.set_action_point(area.text().to_owned(), now);
            }
        }
        _ => {}
    }
}

fn editor_dirty(model: &Model) -> bool {
    match &model.screen {
        Screen::Reader(reader) => reader
            .editor
            .as_ref()
            .is_some_and(|editor| editor.dirty_since.is_some()),
        Screen::Completion(completion) => completion.dirty_since.is_some(),
        _ => false,
    }
}

/// Every journal with changes not yet on disk, as it would be saved now:
/// what a signal or a panic saves while the main loop cannot.
pub fn pending_journals(model: &Model, now: Timestamp) -> Vec<ModuleJournal> {
    let open = open_key(model);
    let mut keys = model.unsaved.clone();
    if let Some(key) = open.clone().filter(|_| editor_dirty(model)) {
        keys.insert(key);
    }
    keys.into_iter()
        .filter(|key| !model.is_read_only(key))
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
            journal
        })
        .collect()
}

/// Writes the open editor's text into the journal.
fn flush_editor(model: &mut Model, now: Timestamp) -> Option<ModuleKey> {
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
    match &mut model.screen {
        Screen::Reader(reader) => {
            if let Some(editor) = reader.editor.as_mut() {
                editor.dirty_since = None;
            }
        }
        Screen::Completion(completion) => completion.dirty_since = None,
        _ => {}
    }
    model.unsaved.insert(key.clone());
    Some(key)
}

/// Where the learner is in the open module, as a journal records it.
fn current_position(model: &Model) -> Option<(ModuleKey, Position)> {
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
fn remember_position(model: &mut Model) {
    if let Some((key, position)) = current_position(model) {
        model.journal_mut(&key).position = position;
        model.unsaved.insert(key);
    }
}

fn save_unsaved(model: &Model) -> Vec<Effect> {
    model.unsaved.iter().cloned().map(Effect::Save).collect()
}

/// Everything in memory to disk: used on navigation and when leaving.
fn flush_all(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    flush_editor(model, now);
    remember_position(model);
    if let Some(key) = open_key(model).filter(|key| !model.is_read_only(key)) {
        model.unsaved.insert(key);
    }
    let mut effects = save_unsaved(model);
    if model.profile_unsaved && model.profile_damaged.is_none() {
        effects.push(Effect::SaveProfile);
    }
    effects
}

/// Saves drafts when due (or now, when `force`), and retries failed saves.
fn autosave(model: &mut Model, now: Timestamp, force: bool) -> Vec<Effect> {
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

// ---------------------------------------------------------------- profile

/// In the help: the movement keys scroll it when it does not fit; any
/// other key closes it.
fn help_key(model: &mut Model, key: KeyEvent) {
    let (rows, max) = view::help_scrolling(model);
    let page = i32::from(rows.max(1));
    let delta = match key.code {
        KeyCode::Up | KeyCode::Char('k') => -1,
        KeyCode::Down | KeyCode::Char('j') => 1,
        KeyCode::PageUp => -page,
        KeyCode::PageDown | KeyCode::Char(' ') => page,
        KeyCode::Home => -i32::from(max),
        KeyCode::End => i32::from(max),
        _ => {
            model.help = false;
            return;
        }
    };
    if max == 0 {
        // Nothing to scroll: the key closes the help, as it says.
        model.help = false;
        return;
    }
    let next = i32::from(model.help_scroll)
        .saturating_add(delta)
        .clamp(0, i32::from(max));
    model.help_scroll = u16::try_from(next).unwrap_or(0);
}

fn profile_key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let (Screen::Welcome(form) | Screen::Profile(form)) = &mut model.screen else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Tab | KeyCode::Down => {
            form.focus = (form.focus + 1) % form.fields.len();
            Vec::new()
        }
        KeyCode::BackTab | KeyCode::Up => {
            form.focus = (form.focus + form.fields.len() - 1) % form.fields.len();
            Vec::new()
        }
        KeyCode::Enter if form.focus + 1 < form.fields.len() => {
            form.focus += 1;
            Vec::new()
        }
        KeyCode::Enter | KeyCode::Esc => {
            model.profile.name = form.value(0);
            model.profile.role = form.value(1);
            model.profile.team = form.value(2);
            model.profile.supervisor = form.value(3);
            model.profile.welcomed = true;
            model.profile_unsaved = true;
            model.screen = Screen::Home;
            model.notice = Some(text::PROFILE_SAVED.to_owned());
            let mut effects = vec![Effect::SaveProfile];
            if let Some((course, module)) = model.open_after_welcome.take() {
                effects.extend(open_module(model, course, module, now));
            }
            effects
        }
        _ => {
            if let Some(field) = form.fields.get_mut(form.focus) {
                field.input(key);
            }
            Vec::new()
        }
    }
}

// ---------------------------------------------------------------- home

fn home_key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let Some(course) = model.courses.get(model.home.course) else {
        if matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) {
            return vec![Effect::Quit];
        }
        return Vec::new();
    };
    let count = course.modules.len();
    let grid = view::home_uses_grid(model, course);
    match key.code {
        KeyCode::Char('q') | KeyCode::Esc => {
            let mut effects = flush_all(model, now);
            effects.push(Effect::Quit);
            return effects;
        }
        KeyCode::Enter => return open_module(model, model.home.course, model.home.selected, now),
        KeyCode::Char('c') | KeyCode::Tab if model.courses.len() > 1 => {
            model.home = super::model::HomeState {
                course: (model.home.course + 1) % model.courses.len(),
                selected: 0,
            };
        }
        KeyCode::BackTab if model.courses.len() > 1 => {
            let courses = model.courses.len();
            model.home = super::model::HomeState {
                course: (model.home.course + courses - 1) % courses,
                selected: 0,
            };
        }
        KeyCode::Char('u') => {
            model.screen = Screen::Profile(ProfileForm::new(&model.profile));
        }
        KeyCode::Char('o') => return go_to_unanswered(model, model.home.course, model.home.selected, now),
        KeyCode::Char('x') => {
            if let Some(key) = model.key_of(model.home.course, model.home.selected)
                && model.damaged.contains_key(&key)
            {
                return vec![Effect::SetAside(key)];
            }
        }
        KeyCode::Char('e') => {
            let effects = flush_all(model, now);
            let modules: Vec<ModuleKey> = model
                .courses
                .iter()
                .flat_map(|course| course.modules.iter().map(move |module| (course, module)))
                .filter_map(|(course, module)| {
                    let key = (course.id.clone(), module.id.clone());
                    let journal = model.journal(&key)?;
                    journal.studied(module).then_some(key)
                })
                .collect();
            open_export(model, modules, now);
            return effects;
        }
        KeyCode::Home | KeyCode::Char('g') => model.home.selected = 0,
        KeyCode::End | KeyCode::Char('G') => model.home.selected = count.saturating_sub(1),
        code if grid => {
            if let Some(direction) = direction(code) {
                model.home.selected = view::grid_move(course, model.home.selected, direction);
            }
        }
        KeyCode::Down | KeyCode::Char('j') => {
            model.home.selected = (model.home.selected + 1).min(count.saturating_sub(1))
        }
        KeyCode::Up | KeyCode::Char('k') => model.home.selected = model.home.selected.saturating_sub(1),
        KeyCode::PageDown => model.home.selected = (model.home.selected + 5).min(count.saturating_sub(1)),
        KeyCode::PageUp => model.home.selected = model.home.selected.saturating_sub(5),
        _ => {}
    }
    Vec::new()
}

fn direction(code: KeyCode) -> Option<(i32, i32)> {
    match code {
        KeyCode::Up | KeyCode::Char('k') => Some((-1, 0)),
        KeyCode::Down | KeyCode::Char('j') => Some((1, 0)),
        KeyCode::Left | KeyCode::Char('h') => Some((0, -1)),
        KeyCode::Right | KeyCode::Char('l') => Some((0, 1)),
        _ => None,
    }
}

/// Opens a module where the learner left it.
pub fn open_module(model: &mut Model, course: usize, module: usize, now: Timestamp) -> Vec<Effect> {
    let Some((_, content)) = model.module(course, module) else {
        return Vec::new();
    };
    let sections = content.sections.len();
    let Some(key) = model.key_of(course, module) else {
        return Vec::new();
    };
    model.home = super::model::HomeState {
        course,
        selected: module,
    };
    if let Some(problem) = model.damaged.get(&key) {
        model.notice = Some(text::read_only_journal(problem));
    }
    let position = model
        .journal(&key)
        .map(|journal| journal.position.clone())
        .unwrap_or_default();
    let section = position.section.min(sections.saturating_sub(1));
    let question = position.question.as_ref().and_then(|id| {
        model
            .module(course, module)
            .and_then(|(_, content)| content.sections.get(section))
            .and_then(|section| section.questions.iter().position(|question| &question.id == id))
    });
    // Back into the editor only when casebook closed with it open; a
    // question merely selected reopens selected, so that no key meant for
    // moving about can land in a saved answer.
    model.screen = Screen::Reader(Reader {
        course,
        module,
        section,
        scroll: position.scroll,
        focus: if question.is_some() {
            Focus::Questions
        } else {
            Focus::Text
        },
        question: question.unwrap_or(0),
        editor: None,
        confirm_skip: false,
        prompts: false,
    });
    if question.is_some() && position.editing {
        start_editing(model, now);
    }
    clamp_scroll(model);
    model.last_input = Some(now);
    if !model.is_read_only(&key) {
        model.journal_mut(&key).first_studied.get_or_insert(now);
    }
    note_reading(model);
    Vec::new()
}

/// Opens a module at its first question without an answer (skipped, or
/// not yet reached), selected but not yet being written in.
fn go_to_unanswered(model: &mut Model, course: usize, module: usize, now: Timestamp) -> Vec<Effect> {
    let Some((key, content)) = model.key_of(course, module).zip(model.module(course, module)) else {
        return Vec::new();
    };
    let Some(journal) = model.journal(&key).filter(|journal| journal.studied(content.1)) else {
        model.notice = Some(text::NOT_STUDIED_YET.to_owned());
        return Vec::new();
    };
    let Some((section, question)) = journal.first_unanswered(content.1) else {
        model.notice = Some(text::NO_UNANSWERED.to_owned());
        return Vec::new();
    };
    let mut effects = flush_all(model, now);
    effects.extend(open_module(model, course, module, now));
    if let Screen::Reader(reader) = &mut model.screen {
        reader.section = section;
        reader.scroll = 0;
        reader.question = question;
        reader.focus = Focus::Questions;
        reader.editor = None;
        reader.confirm_skip = false;
    }
    note_reading(model);
    effects
}

// ---------------------------------------------------------------- reader

fn current_question_id(model: &Model, reader: &Reader) -> Option<String> {
    let (_, module) = model.module(reader.course, reader.module)?;
    let question = module.sections.get(reader.section)?.questions.get(reader.question)?;
    Some(question.id.clone())
}

fn section_question_count(model: &Model, reader: &Reader) -> usize {
    model
        .module(reader.course, reader.module)
        .and_then(|(_, module)| module.sections.get(reader.section))
        .map_or(0, |section| section.questions.len())
}

fn is_resolved(model: &Model, key: &ModuleKey, question_id: &str) -> bool {
    model
        .journal(key)
        .is_some_and(|journal| journal.is_resolved(question_id))
}

/// Whether the selected question may be skipped: only while it has no
/// text, in the journal or in its open editor.
fn selected_can_skip(model: &Model) -> bool {
    let Screen::Reader(reader) = &model.screen else {
        return false;
    };
    let Some(question_id) = current_question_id(model, reader) else {
        return false;
    };
    let typed = reader
        .editor
        .as_ref()
        .is_some_and(|editor| editor.question_id == question_id && !editor.area.text().trim().is_empty());
    let written = model
        .key_of(reader.course, reader.module)
        .and_then(|key| model.journal(&key))
        .is_some_and(|journal| !journal.can_skip(&question_id));
    !(typed || written)
}

fn clamp_scroll(model: &mut Model) {
    // At the top there is nothing to clamp, and no need to wrap the whole
    // section to know it.
    if matches!(&model.screen, Screen::Reader(reader) if reader.scroll == 0) {
        return;
    }
    let max = view::max_scroll(model);
    if let Screen::Reader(reader) = &mut model.screen {
        reader.scroll = reader.scroll.min(max);
    }
}

fn scroll_by(model: &mut Model, delta: i32) {
    let max = view::max_scroll(model);
    if let Screen::Reader(reader) = &mut model.screen {
        let next = i32::from(reader.scroll).saturating_add(delta).clamp(0, i32::from(max));
        reader.scroll = u16::try_from(next).unwrap_or(0);
    }
}

fn reader_key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let Screen::Reader(reader) = &mut model.screen else {
        return Vec::new();
    };
    if ctrl(&key, 'g') {
        reader.prompts = !reader.prompts;
        return Vec::new();
    }
    if reader.confirm_skip {
        reader.confirm_skip = false;
        return match key.code {
            KeyCode::Char('y') | KeyCode::Char('s') | KeyCode::Enter => skip_question(model, now),
            KeyCode::Char('a') => {
                start_editing(model, now);
                Vec::new()
            }
            _ => Vec::new(),
        };
    }
    match reader.focus {
        Focus::Editor => editor_key(model, key, now),
        Focus::Questions => questions_key(model, key, now),
        Focus::Text => text_key(model, key, now),
    }
}

fn text_key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let page = i32::from(view::reader_body_height(model).max(2)) - 1;
    let has_questions = matches!(&model.screen, Screen::Reader(reader) if section_question_count(model, reader) > 0);
    match key.code {
        KeyCode::Down | KeyCode::Char('j') => scroll_by(model, 1),
        KeyCode::Up | KeyCode::Char('k') => scroll_by(model, -1),
        KeyCode::PageDown | KeyCode::Char(' ') => scroll_by(model, page),
        KeyCode::Char('f') if key.modifiers.contains(KeyModifiers::CONTROL) => scroll_by(model, page),
        KeyCode::PageUp | KeyCode::Char('b') => scroll_by(model, -page),
        KeyCode::Home | KeyCode::Char('g') => scroll_by(model, -i32::from(u16::MAX)),
        KeyCode::End | KeyCode::Char('G') => scroll_by(model, i32::from(u16::MAX)),
        KeyCode::Right | KeyCode::Char('l') | KeyCode::Char('n') => return next(model, now),
        KeyCode::Left | KeyCode::Char('h') | KeyCode::Char('p') => return previous_section(model, now),
        KeyCode::Tab if has_questions => {
            if let Screen::Reader(reader) = &mut model.screen {
                reader.focus = if reader.editor.is_some() {
                    Focus::Editor
                } else {
                    Focus::Questions
                };
            }
        }
        KeyCode::Enter if has_questions => start_editing(model, now),
        KeyCode::Esc | KeyCode::Char('q') => return leave_to_home(model, now),
        _ => {}
    }
    Vec::new()
}

fn questions_key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let count = match &model.screen {
        Screen::Reader(reader) => section_question_count(model, reader),
        _ => 0,
    };
    let Screen::Reader(reader) = &mut model.screen else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Down | KeyCode::Char('j') => reader.question = (reader.question + 1).min(count.saturating_sub(1)),
        KeyCode::Up | KeyCode::Char('k') => reader.question = reader.question.saturating_sub(1),
        KeyCode::Enter | KeyCode::Char('a') => start_editing(model, now),
        KeyCode::Char('s') => {
            if selected_can_skip(model) {
                if let Screen::Reader(reader) = &mut model.screen {
                    reader.confirm_skip = true;
                }
            } else {
                model.notice = Some(text::CANNOT_SKIP_ANSWERED.to_owned());
            }
        }
        KeyCode::Tab => reader.focus = Focus::Text,
        KeyCode::Right | KeyCode::Char('l') | KeyCode::Char('n') => return next(model, now),
        KeyCode::Left | KeyCode::Char('h') | KeyCode::Char('p') => {
            if reader.question == 0 {
                reader.focus = Focus::Text;
            } else {
                reader.question -= 1;
            }
        }
        KeyCode::Esc | KeyCode::Char('q') => return leave_to_home(model, now),
        _ => {}
    }
    Vec::new()
}

fn start_editing(model: &mut Model, now: Timestamp) {
    let Screen::Reader(reader) = &model.screen else { return };
    let Some(question_id) = current_question_id(model, reader) else {
        return;
    };
    let Some(key) = model.key_of(reader.course, reader.module) else {
        return;
    };
    if model.is_read_only(&key) {
        if let Screen::Reader(reader) = &mut model.screen {
            reader.focus = Focus::Questions;
        }
        model.notice = Some(text::READ_ONLY_NO_EDIT.to_owned());
        return;
    }
    // Another question's draft is written to the journal before its editor goes.
    let replacing = matches!(&model.screen, Screen::Reader(reader)
        if reader.editor.as_ref().is_some_and(|editor| editor.question_id != question_id));
    if replacing {
        flush_editor(model, now);
    }
    let existing = model
        .journal(&key)
        .and_then(|journal| journal.reflections.get(&question_id))
        .map(|reflection| reflection.text.clone())
        .unwrap_or_default();
    let Screen::Reader(reader) = &mut model.screen else {
        return;
    };
    let reuse = reader
        .editor
        .as_ref()
        .is_some_and(|editor| editor.question_id == question_id);
    if !reuse {
        reader.editor = Some(Editor {
            question_id,
            area: crate::editor::Editor::new(&existing),
            dirty_since: None,
        });
    }
    reader.focus = Focus::Editor;
}

fn editor_key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let Screen::Reader(reader) = &mut model.screen else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Esc => {
            reader.focus = Focus::Questions;
            return flush_all(model, now);
        }
        KeyCode::Tab => {
            reader.focus = Focus::Text;
            return Vec::new();
        }
        _ => {}
    }
    let Some(editor) = reader.editor.as_mut() else {
        reader.focus = Focus::Questions;
        return Vec::new();
    };
    let changed = if ctrl(&key, 'z') {
        editor.area.undo()
    } else if ctrl(&key, 'y') {
        editor.area.redo()
    } else {
        editor.area.input(key)
    };
    if changed {
        editor.dirty_since.get_or_insert(now);
    }
    Vec::new()
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

fn skip_question(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    flush_editor(model, now);
    let Screen::Reader(reader) = &model.screen else {
        return Vec::new();
    };
    let Some(question_id) = current_question_id(model, reader) else {
        return Vec::new();
    };
    let Some(key) = model.key_of(reader.course, reader.module) else {
        return Vec::new();
    };
    if model.is_read_only(&key) {
        model.notice = Some(text::READ_ONLY_NO_EDIT.to_owned());
        return Vec::new();
    }
    let wording = wording_of(model, reader.course, reader.module, &question_id);
    let journal = model.journal_mut(&key);
    if !journal.can_skip(&question_id) {
        model.notice = Some(text::CANNOT_SKIP_ANSWERED.to_owned());
        return Vec::new();
    }
    if journal.skip(&question_id, &wording, now) {
        model.unsaved.insert(key);
    }
    model.notice = Some(text::SKIPPED.to_owned());
    advance_question(model, now)
}

/// Next question in the section, or on past the section when it is the last.
fn advance_question(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    flush_editor(model, now);
    let count = match &model.screen {
        Screen::Reader(reader) => section_question_count(model, reader),
        _ => 0,
    };
    let Screen::Reader(reader) = &mut model.screen else {
        return Vec::new();
    };
    if reader.question + 1 < count {
        reader.question += 1;
        reader.editor = None;
        // An open question continues the pause in its editor; an answered
        // one is only shown, so stray keys cannot change a saved answer.
        let answered = match &model.screen {
            Screen::Reader(reader) => current_question_id(model, reader)
                .zip(model.key_of(reader.course, reader.module))
                .is_some_and(|(question, key)| is_resolved(model, &key, &question)),
            _ => false,
        };
        if answered {
            if let Screen::Reader(reader) = &mut model.screen {
                reader.focus = Focus::Questions;
            }
        } else {
            start_editing(model, now);
        }
        flush_all(model, now)
    } else {
        reader.editor = None;
        reader.focus = Focus::Text;
        leave_section_forward(model, now)
    }
}

/// Right / `l` / `n`: on through the module, pausing at questions.
fn next(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    flush_editor(model, now);
    let Screen::Reader(reader) = &model.screen else {
        return Vec::new();
    };
    let Some(key) = model.key_of(reader.course, reader.module) else {
        return Vec::new();
    };
    let Some((_, module)) = model.module(reader.course, reader.module) else {
        return Vec::new();
    };
    let Some(section) = module.sections.get(reader.section) else {
        return Vec::new();
    };
    let read_only = model.is_read_only(&key);
    match reader.focus {
        Focus::Text if !section.questions.is_empty() && !read_only => {
            // The pause: each open question in turn, starting at the first.
            let first_open = section
                .questions
                .iter()
                .position(|question| !is_resolved(model, &key, &question.id));
            match first_open {
                Some(index) => {
                    if let Screen::Reader(reader) = &mut model.screen {
                        reader.question = index;
                        reader.editor = None;
                    }
                    start_editing(model, now);
                    flush_all(model, now)
                }
                None => leave_section_forward(model, now),
            }
        }
        Focus::Text => leave_section_forward(model, now),
        Focus::Questions | Focus::Editor => {
            let Some(question_id) = section
                .questions
                .get(reader.question)
                .map(|question| question.id.clone())
            else {
                return leave_section_forward(model, now);
            };
            if is_resolved(model, &key, &question_id) || read_only {
                advance_question(model, now)
            } else {
                if let Screen::Reader(reader) = &mut model.screen {
                    reader.confirm_skip = true;
                    reader.focus = Focus::Questions;
                }
                flush_all(model, now)
            }
        }
    }
}

fn leave_section_forward(model: &mut Model, now: Timestamp) -> Vec<Effect> {
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

/// A section counts as read once its last line has been on screen:
/// scrolled or paged to, or short enough to fit. Called after every
/// message, since scrolling, resizing and opening all can show it.
fn note_reading(model: &mut Model) {
    let Screen::Reader(reader) = &model.screen else {
        return;
    };
    let (course, module, section) = (reader.course, reader.module, reader.section);
    let Some(key) = model.key_of(course, module) else {
        return;
    };
    if model.is_read_only(&key)
        || model
            .journal(&key)
            .is_some_and(|journal| journal.sections_read.contains(&section))
        || model.is_too_small()
        || !view::section_end_shown(model)
    {
        return;
    }
    if model.journal_mut(&key).mark_read(section) {
        model.unsaved.insert(key);
    }
}

fn previous_section(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    flush_editor(model, now);
    if let Screen::Reader(reader) = &mut model.screen
        && reader.section > 0
    {
        reader.section -= 1;
        reader.scroll = 0;
        reader.question = 0;
        reader.editor = None;
        reader.focus = Focus::Text;
    }
    flush_all(model, now)
}

fn leave_to_home(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    let effects = flush_all(model, now);
    model.screen = Screen::Home;
    effects
}

// ---------------------------------------------------------------- completion

fn completion_key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let Screen::Completion(completion) = &model.screen else {
        return Vec::new();
    };
    let Some(module_key) = model.key_of(completion.course, completion.module) else {
        return Vec::new();
    };
    let Screen::Completion(completion) = &mut model.screen else {
        return Vec::new();
    };
    if let Some(area) = completion.editor.as_mut() {
        if key.code == KeyCode::Esc {
            let effects = flush_all(model, now);
            if let Screen::Completion(completion) = &mut model.screen {
                completion.editor = None;
            }
            return effects;
        }
        let changed = if ctrl(&key, 'z') {
            area.undo()
        } else if ctrl(&key, 'y') {
            area.redo()
        } else {
            area.input(key)
        };
        if changed {
            completion.dirty_since.get_or_insert(now);
        }
        return Vec::new();
    }
    match key.code {
        KeyCode::Enter | KeyCode::Char('a') => {
            if model.is_read_only(&module_key) {
                model.notice = Some(text::READ_ONLY_NO_EDIT.to_owned());
                return Vec::new();
            }
            let existing = model
                .journal(&module_key)
                .and_then(|journal| journal.action_point.as_ref())
                .map(|point| point.text.clone())
                .unwrap_or_default();
            if let Screen::Completion(completion) = &mut model.screen {
                completion.editor = Some(crate::editor::Editor::new(&existing));
            }
            Vec::new()
        }
        KeyCode::Char('e') => {
            let effects = flush_all(model, now);
            open_export(model, vec![module_key], now);
            effects
        }
        KeyCode::Char('o') => {
            let (course, module) = (completion.course, completion.module);
            go_to_unanswered(model, course, module, now)
        }
        KeyCode::Char('r') => {
            let (course, module) = (completion.course, completion.module);
            let effects = open_module(model, course, module, now);
            if let Screen::Reader(reader) = &mut model.screen {
                reader.section = 0;
                reader.scroll = 0;
                reader.focus = Focus::Text;
                reader.editor = None;
            }
            effects
        }
        KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('h') | KeyCode::Left => leave_to_home(model, now),
        _ => Vec::new(),
    }
}

// ---------------------------------------------------------------- export

/// `casebook-log-DATE.md` in the export folder, or `...-2.md` and so on
/// when that exists: the dialog never offers a file it would refuse.
fn default_export_path(model: &Model, format: Format, now: Timestamp) -> String {
    let name = crate::export::default_file_name(format, crate::export::export_date(now));
    let mut path = model.export_dir.join(&name);
    let mut number = 2;
    while path.exists() && number < 1000 {
        let (stem, extension) = name.rsplit_once('.').unwrap_or((&name, ""));
        path = model.export_dir.join(format!("{stem}-{number}.{extension}"));
        number += 1;
    }
    path.display().to_string()
}

fn open_export(model: &mut Model, modules: Vec<ModuleKey>, now: Timestamp) {
    if modules.is_empty() {
        model.notice = Some(text::NOTHING_TO_EXPORT.to_owned());
        return;
    }
    let format = Format::Markdown;
    let path = crate::editor::Editor::single_line(&default_export_path(model, format, now));
    model.export = Some(ExportDialog {
        format,
        path,
        path_edited: false,
        modules,
    });
}

fn export_key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let defaults: Vec<String> = Format::ALL
        .iter()
        .map(|format| default_export_path(model, *format, now))
        .collect();
    let Some(dialog) = model.export.as_mut() else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Esc => model.export = None,
        KeyCode::Tab | KeyCode::BackTab | KeyCode::Up | KeyCode::Down => {
            let index = Format::ALL
                .iter()
                .position(|format| *format == dialog.format)
                .unwrap_or(0);
            let step = if matches!(key.code, KeyCode::BackTab | KeyCode::Up) {
                Format::ALL.len() - 1
            } else {
                1
            };
            let next = (index + step) % Format::ALL.len();
            dialog.format = Format::ALL[next];
            if !dialog.path_edited {
                let path = crate::editor::Editor::single_line(&defaults.get(next).cloned().unwrap_or_default());
                dialog.path = path;
            }
        }
        KeyCode::Enter => {
            let path = std::path::PathBuf::from(dialog.path.text());
            let effect = Effect::Export {
                modules: dialog.modules.clone(),
                format: dialog.format,
                path,
            };
            model.export = None;
            return vec![effect];
        }
        _ => {
            if dialog.path.input(key) {
                dialog.path_edited = true;
            }
        }
    }
    Vec::new()
}
