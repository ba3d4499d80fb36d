//! The export dialog's second page: what the identifying-details check
//! found in the log about to be written. Nothing is written until the
//! learner changes the words (Enter opens them), marks a finding "not
//! identifying" (m), or goes on having read them all (w).

use jiff::Timestamp;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use crate::text;
use crate::tui::found::{Findings, FoundIn, FoundItem};
use crate::tui::keymap::{self, Action, Context, Situation};
use crate::tui::message::Effect;
use crate::tui::model::{Focus, Model, ProfileForm, Screen};
use crate::tui::screens::home::open_module;
use crate::tui::screens::reader::questions::start_editing;
use crate::tui::session::flush_all;
use crate::tui::theme::Theme;
use crate::tui::widgets::{Canvas, centred, draw_lines, fit_keys};

/// The check found something: the dialog lists it in place of its form.
pub(crate) fn found(model: &mut Model, findings: Findings) {
    if let Some(dialog) = model.export_mut() {
        dialog.problem = None;
        dialog.suggestion = None;
        dialog.findings = Some(findings);
    }
}

pub(crate) fn key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let Some(dialog) = model.export_mut() else {
        return Vec::new();
    };
    let Some(findings) = dialog.findings.as_mut() else {
        return Vec::new();
    };
    let last = findings.items.len().saturating_sub(1);
    match keymap::own_action(Context::ExportFindings, &key) {
        Some(Action::Up) => findings.selected = findings.selected.saturating_sub(1),
        Some(Action::Down) => findings.selected = (findings.selected + 1).min(last),
        Some(Action::Cancel) => dialog.findings = None,
        Some(Action::Open) => {
            if let Some(item) = findings.items.get(findings.selected).cloned() {
                return open(model, &item, now);
            }
        }
        Some(Action::MarkFinding) => {
            if let Some(item) = findings.items.get(findings.selected) {
                return vec![Effect::MarkFinding(item.mark.clone())];
            }
        }
        Some(Action::WriteAnyway) => {
            dialog.findings = None;
            return super::export::write_checked(model, true);
        }
        _ => {}
    }
    Vec::new()
}

/// The finding chosen is remembered as "not identifying": it leaves the
/// list; with none left the form comes back, ready to write.
pub(crate) fn marked(model: &mut Model, result: Result<(), String>) {
    let Some(dialog) = model.export_mut() else {
        return;
    };
    let Some(findings) = dialog.findings.as_mut() else {
        return;
    };
    match result {
        Err(reason) => dialog.problem = Some(text::identify::mark_failed(&reason)),
        Ok(()) => {
            // The same words in the same sentence share one mark.
            if let Some(mark) = findings.items.get(findings.selected).map(|item| item.mark.clone()) {
                let before = findings.items.len();
                findings.items.retain(|item| item.mark != mark);
                findings.marked += before - findings.items.len();
            }
            findings.selected = findings.selected.min(findings.items.len().saturating_sub(1));
            dialog.problem = None;
            if findings.items.is_empty() {
                dialog.findings = None;
                dialog.problem = Some(text::identify::ALL_MARKED.to_owned());
            }
        }
    }
}

/// Closes the dialog and opens the words found where they were written,
/// with the cursor on them, so the learner can change them.
fn open(model: &mut Model, item: &FoundItem, now: Timestamp) -> Vec<Effect> {
    let mut effects = flush_all(model, now);
    model.export_choice = model.export().map(|dialog| dialog.formats);
    model.overlay = None;
    let indexes = |model: &Model, key: &(String, String)| {
        let course = model.courses.iter().position(|course| course.id == key.0)?;
        let module = model
            .courses
            .get(course)?
            .modules
            .iter()
            .position(|module| module.id == key.1)?;
        Some((course, module))
    };
    match &item.place {
        FoundIn::Reflection { module: key, question } => {
            let Some((course, module)) = indexes(model, key) else {
                return effects;
            };
            let place = model.module(course, module).and_then(|(_, content)| {
                content.sections.iter().enumerate().find_map(|(section, each)| {
                    let index = each.questions.iter().position(|asked| asked.id == *question)?;
                    Some((section, index))
                })
            });
            let Some((section, index)) = place else {
                return effects;
            };
            effects.extend(open_module(model, course, module, now));
            if let Screen::Reader(reader) = &mut model.screen {
                if reader.section != section {
                    reader.scroll = 0;
                }
                reader.section = section;
                reader.question = index;
                reader.focus = Focus::Questions;
                reader.editor = None;
                reader.question_scroll = 0;
                reader.answer_scroll = 0;
            }
            start_editing(model, now);
            if let Screen::Reader(reader) = &mut model.screen
                && let Some(editor) = reader.editor.as_mut()
            {
                let at = nearest(editor.area.text(), &item.words, item.start);
                editor.area.move_to_byte(at);
            }
        }
        FoundIn::ActionPoint(key) => {
            let Some((course, module)) = indexes(model, key) else {
                return effects;
            };
            let existing = model
                .journal(key)
                .and_then(|journal| journal.action_point.as_ref())
                .map(|point| point.text.clone())
                .unwrap_or_default();
            let mut editor = crate::editor::Editor::new(&existing);
            editor.move_to_byte(nearest(&existing, &item.words, item.start));
            let read_only = model.is_read_only(key);
            model.screen = Screen::Completion(crate::tui::model::Completion {
                course,
                module,
                editor: (!read_only).then_some(editor),
                dirty_since: None,
                scroll: 0,
            });
        }
        FoundIn::Profile => model.screen = Screen::Profile(ProfileForm::new(&model.profile)),
        FoundIn::Elsewhere => {}
    }
    // Said only where the words can be changed: a module that cannot be
    // saved keeps its own notice.
    let editing = match &model.screen {
        Screen::Reader(reader) => reader.editor.is_some(),
        Screen::Completion(completion) => completion.editor.is_some(),
        Screen::Profile(_) => true,
        Screen::Welcome(_) | Screen::Home => false,
    };
    if editing {
        model.notice = Some(text::identify::opened(&item.words, item.reason));
    }
    effects
}

/// Where `words` are in `text`: the place nearest to where the check
/// found them (the log's text may differ slightly from the journal's).
fn nearest(text: &str, words: &str, start: usize) -> usize {
    text.match_indices(words)
        .map(|(at, _)| at)
        .min_by_key(|at| at.abs_diff(start))
        .unwrap_or(start)
}

/// The findings, the chosen one marked, each with where it is and why;
/// the keys always show.
pub(crate) fn draw(findings: &Findings, problem: Option<&str>, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let width = area.width.saturating_sub(4).min(76);
    let inner_width = usize::from(width.saturating_sub(2)).max(8);
    let wrap = |words: &str| -> Vec<String> {
        textwrap::wrap(words, inner_width)
            .into_iter()
            .map(std::borrow::Cow::into_owned)
            .collect()
    };
    let room = usize::from(area.height.saturating_sub(2));
    // On a small screen the list matters more than the explanation.
    let mut intro = wrap(&text::identify::findings_intro(findings.items.len()));
    if intro.len() > room / 3 {
        intro = wrap(&text::identify::findings_intro_short(findings.items.len()));
    }
    let head: Vec<Line> = intro
        .into_iter()
        .map(|line| Line::from(Span::styled(line, theme.plain())))
        .collect();
    // Each finding: its words and why, then where; the chosen one marked.
    let mut list: Vec<(usize, Line)> = Vec::new();
    for (index, item) in findings.items.iter().enumerate() {
        let chosen = index == findings.selected;
        let pointer = if chosen {
            format!("{} ", theme.symbols().pointer)
        } else {
            "  ".to_owned()
        };
        let style = if chosen { theme.selected() } else { theme.plain() };
        let said = text::identify::finding_said(&item.words, item.reason);
        for (row, line) in wrap(&said).into_iter().enumerate() {
            let lead = if row == 0 { pointer.clone() } else { "  ".to_owned() };
            list.push((index, Line::from(Span::styled(format!("{lead}{line}"), style))));
        }
        let at = text::identify::finding_place(&item.module, &item.what);
        for line in wrap(&at) {
            list.push((index, Line::from(Span::styled(format!("  {line}"), theme.muted()))));
        }
    }
    // A mark that could not be kept is said above the keys.
    let trouble: Vec<Line> = problem
        .map(|problem| {
            wrap(problem)
                .into_iter()
                .map(|line| Line::from(Span::styled(line, theme.alarm())))
                .collect()
        })
        .unwrap_or_default();
    let keys = fit_keys(
        &keymap::footer(Context::ExportFindings, Situation::default()),
        inner_width,
    );
    let foot = Line::from(Span::styled(keys, theme.keys()));
    // The head gives way first, then the list scrolls to keep the chosen
    // finding in sight; the keys always show.
    let head_rows = head.len().min(room.saturating_sub(2));
    let list_room = room.saturating_sub(head_rows + trouble.len() + 1);
    let first_of_chosen = list
        .iter()
        .position(|(index, _)| *index == findings.selected)
        .unwrap_or(0);
    let last_of_chosen = list
        .iter()
        .rposition(|(index, _)| *index == findings.selected)
        .unwrap_or(0);
    let top = if last_of_chosen < list_room {
        0
    } else {
        (last_of_chosen + 1 - list_room).min(first_of_chosen)
    };
    let mut rows: Vec<Line> = head.into_iter().take(head_rows).collect();
    rows.extend(list.into_iter().skip(top).take(list_room).map(|(_, line)| line));
    rows.extend(trouble);
    rows.push(foot);
    let height = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX).min(area.height);
    let rect = centred(area, width, height);
    canvas.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(text::identify::FINDINGS_TITLE)
        .border_style(theme.border(true));
    let inner = block.inner(rect);
    canvas.render_widget(block, rect);
    draw_lines(canvas, inner, &rows);
}
