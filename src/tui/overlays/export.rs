//! The export dialog: a format and a file for a reflective log.

use jiff::Timestamp;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use std::path::{Path, PathBuf};

use crate::editor::Editor as TextEditor;
use crate::export::Format;
use crate::text;
use crate::tui::keymap::{self, Action, Context, Situation};
use crate::tui::message::Effect;
use crate::tui::model::{ExportDialog, Model, ModuleKey};
use crate::tui::theme::Theme;
use crate::tui::widgets::{Canvas, centred, draw_editor, fit_keys, stack};

/// Opens the dialog on `casebook-log-DATE.md` in the export folder, and
/// asks for the first free name for each format, so that it never offers
/// a file it would refuse. The file system is asked once, here, not at
/// every key.
pub(crate) fn open_export(model: &mut Model, modules: Vec<ModuleKey>, now: Timestamp) -> Vec<Effect> {
    if modules.is_empty() {
        model.notice = Some(text::NOTHING_TO_EXPORT.to_owned());
        return Vec::new();
    }
    let date = crate::export::export_date(now);
    let defaults: Vec<PathBuf> = Format::ALL
        .iter()
        .map(|format| model.export_dir.join(crate::export::default_file_name(*format, date)))
        .collect();
    let format = Format::Markdown;
    let path = default_for(&defaults, format);
    model.export = Some(ExportDialog {
        format,
        path: TextEditor::single_line(&path),
        path_edited: false,
        modules,
        defaults: defaults.clone(),
        problem: None,
        suggestion: None,
    });
    vec![Effect::FindFreeNames(defaults)]
}

fn default_for(defaults: &[PathBuf], format: Format) -> String {
    let index = Format::ALL.iter().position(|each| *each == format).unwrap_or(0);
    defaults
        .get(index)
        .map(|path| path.display().to_string())
        .unwrap_or_default()
}

pub(crate) fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let Some(dialog) = model.export.as_mut() else {
        return Vec::new();
    };
    let action = keymap::own_action(Context::Export, &key);
    match action {
        Some(Action::Cancel) => model.export = None,
        Some(Action::NextFormat | Action::PreviousFormat) => {
            let index = Format::ALL
                .iter()
                .position(|format| *format == dialog.format)
                .unwrap_or(0);
            let step = if action == Some(Action::PreviousFormat) {
                Format::ALL.len() - 1
            } else {
                1
            };
            let next = (index + step) % Format::ALL.len();
            dialog.format = Format::ALL[next];
            if !dialog.path_edited {
                dialog.path = TextEditor::single_line(&default_for(&dialog.defaults, dialog.format));
            }
        }
        Some(Action::UseSuggestion) => {
            if let Some(suggestion) = dialog.suggestion.take() {
                dialog.path = TextEditor::single_line(&suggestion.display().to_string());
                dialog.path_edited = true;
                dialog.problem = None;
            }
        }
        Some(Action::Write) => {
            // The dialog stays open until the log is written, so that a
            // failure leaves the name typed in place.
            return vec![Effect::Export {
                modules: dialog.modules.clone(),
                format: dialog.format,
                path: PathBuf::from(dialog.path.text()),
                since: None,
                until: None,
            }];
        }
        _ => {
            if dialog.path.input(key) {
                dialog.path_edited = true;
                dialog.problem = None;
                dialog.suggestion = None;
            }
        }
    }
    Vec::new()
}

/// The log is written: the dialog closes and the foot says where.
pub(crate) fn written(model: &mut Model, path: &Path) {
    model.export = None;
    model.notice = Some(text::log_written(&path.display().to_string()));
}

/// Writing failed: the dialog stays, with the name as typed, and says why.
pub(crate) fn failed(model: &mut Model, reason: String, suggestion: Option<PathBuf>) {
    match model.export.as_mut() {
        Some(dialog) => {
            dialog.problem = Some(reason);
            dialog.suggestion = suggestion;
        }
        None => model.notice = Some(reason),
    }
}

/// The free names found for the dialog's defaults.
pub(crate) fn free_names(model: &mut Model, names: Vec<PathBuf>) {
    if let Some(dialog) = model.export.as_mut()
        && names.len() == dialog.defaults.len()
    {
        dialog.defaults = names;
        if !dialog.path_edited {
            dialog.path = TextEditor::single_line(&default_for(&dialog.defaults, dialog.format));
        }
    }
}

pub(crate) fn draw(dialog: &ExportDialog, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let width = area.width.saturating_sub(4).min(76);
    let height = 8u16.min(area.height);
    let rect = centred(area, width, height);
    canvas.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(text::EXPORT_TITLE)
        .border_style(theme.border(true));
    let inner = block.inner(rect);
    canvas.render_widget(block, rect);
    let formats: Vec<Span> = crate::export::Format::ALL
        .iter()
        .flat_map(|format| {
            let style = if *format == dialog.format {
                theme.selected()
            } else {
                theme.plain()
            };
            [Span::styled(format!(" {} ", format.name()), style), Span::raw(" ")]
        })
        .collect();
    let rows = stack(inner, [Some(1); 6]);
    let scope = text::export_scope(dialog.modules.len());
    let lines = [
        Line::from(scope),
        Line::from(vec![Span::raw(text::EXPORT_FORMAT)]).patch_style(theme.plain()),
        Line::from(formats),
        Line::from(text::EXPORT_FILE),
    ];
    for (row, line) in rows.iter().zip(lines) {
        canvas.render_widget(Paragraph::new(line), *row);
    }
    if let Some(row) = rows.get(4) {
        draw_editor(canvas, &dialog.path, *row, theme.plain(), true);
    }
    if let Some(row) = rows.get(5) {
        let keys = fit_keys(
            &keymap::footer(Context::Export, Situation::default()),
            usize::from(row.width),
        );
        canvas.render_widget(Paragraph::new(Span::styled(keys, theme.keys())), *row);
    }
}
