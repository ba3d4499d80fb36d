//! The export dialog: a format and a file for a reflective log.

use jiff::Timestamp;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::export::Format;
use crate::text;
use crate::tui::keymap::{self, Action, Context, Situation};
use crate::tui::message::Effect;
use crate::tui::model::{ExportDialog, Model, ModuleKey};
use crate::tui::theme::Theme;
use crate::tui::widgets::{Canvas, centred, draw_editor, fit_keys, stack};

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

pub(crate) fn open_export(model: &mut Model, modules: Vec<ModuleKey>, now: Timestamp) {
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

pub(crate) fn key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let defaults: Vec<String> = Format::ALL
        .iter()
        .map(|format| default_export_path(model, *format, now))
        .collect();
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
                let path = crate::editor::Editor::single_line(&defaults.get(next).cloned().unwrap_or_default());
                dialog.path = path;
            }
        }
        Some(Action::Write) => {
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
