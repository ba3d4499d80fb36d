//! The export dialog: a period, a format and a file for a reflective log.
//! It follows `casebook export`'s rule: an existing file is refused, and
//! the next free name is offered instead.

use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::Date;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use crate::editor::Editor as TextEditor;
use crate::export::Formats;
use crate::text;
use crate::tui::keymap::{self, Action, Context, Situation};
use crate::tui::message::Effect;
use crate::tui::model::{ExportDialog, ExportRow, Model, ModuleKey, Period};
use crate::tui::theme::Theme;
use crate::tui::widgets::{Canvas, centred, cut_middle, draw_editor, draw_lines, fit_keys, short_name};

/// Opens the dialog on the last format used and `casebook-log-DATE.EXT`
/// in the export folder, and asks for the first free name for each
/// format, so that it never offers a file it would refuse. The file system
/// is asked once, here, not at every key.
pub(crate) fn open_export(model: &mut Model, modules: Vec<ModuleKey>, now: Timestamp) -> Vec<Effect> {
    if modules.is_empty() {
        model.notice = Some(text::NOTHING_TO_EXPORT.to_owned());
        return Vec::new();
    }
    let date = crate::export::export_date(now);
    let defaults: Vec<PathBuf> = Formats::CHOICES
        .iter()
        .map(|formats| {
            model
                .export_dir
                .join(crate::export::default_file_name(formats.main, date))
        })
        .collect();
    let formats = model
        .export_choice
        .or(model.last_export.map(|(_, formats)| formats))
        .unwrap_or(Formats::one(crate::export::Format::Markdown));
    let path = default_for(&defaults, formats);
    let today = now.to_zoned(model.timezone.clone()).date();
    model.overlay = Some(crate::tui::model::Overlay::Export(ExportDialog {
        today,
        formats,
        path: TextEditor::single_line(&path),
        path_edited: false,
        modules,
        period: Period::All,
        from: TextEditor::single_line(""),
        to: TextEditor::single_line(&today.to_string()),
        row: ExportRow::File,
        defaults: defaults.clone(),
        problem: None,
        suggestion: None,
        findings: None,
    }));
    vec![Effect::PrepareExport(
        defaults.into_iter().zip(Formats::CHOICES).collect(),
    )]
}

fn default_for(defaults: &[PathBuf], formats: Formats) -> String {
    let index = Formats::CHOICES.iter().position(|each| *each == formats).unwrap_or(0);
    defaults
        .get(index)
        .map(|path| path.display().to_string())
        .unwrap_or_default()
}

/// The first and last day the period covers (`None`: no limit), or why
/// the dates typed cannot be used.
fn period_dates(model: &Model, dialog: &ExportDialog) -> Result<(Option<Date>, Option<Date>), String> {
    match dialog.period {
        Period::All => Ok((None, None)),
        Period::ThisMonth => Ok((Some(dialog.today.first_of_month()), None)),
        Period::SinceLastExport => Ok((model.last_export.map(|(day, _)| day), None)),
        Period::Dates => {
            let date = |editor: &TextEditor| {
                let typed = editor.text().trim();
                if typed.is_empty() {
                    Ok(None)
                } else {
                    crate::export::parse_date(typed).map(Some)
                }
            };
            let (since, until) = (date(&dialog.from)?, date(&dialog.to)?);
            if let (Some(since), Some(until)) = (since, until)
                && since > until
            {
                return Err(text::export_from_after_to(since, until));
            }
            Ok((since, until))
        }
    }
}

/// The dialog's modules studied in its period, in course order.
fn included(model: &Model, dialog: &ExportDialog, since: Option<Date>, until: Option<Date>) -> Vec<ModuleKey> {
    dialog
        .modules
        .iter()
        .filter(|key| {
            model
                .journal(key)
                .is_some_and(|journal| crate::export::studied_in_period(journal, since, until))
        })
        .cloned()
        .collect()
}

/// The rows that take keys, in order, for this period.
fn rows(dialog: &ExportDialog) -> Vec<ExportRow> {
    if dialog.period == Period::Dates {
        vec![ExportRow::Period, ExportRow::From, ExportRow::To, ExportRow::File]
    } else {
        vec![ExportRow::Period, ExportRow::File]
    }
}

pub(crate) fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let action = keymap::own_action(Context::Export, &key);
    if action == Some(Action::Write) {
        return write_checked(model, false);
    }
    let Some(dialog) = model.export_mut() else {
        return Vec::new();
    };
    match action {
        Some(Action::Cancel) => model.overlay = None,
        Some(Action::NextFormat | Action::PreviousFormat) => {
            let choices = Formats::CHOICES;
            let index = choices
                .iter()
                .position(|formats| *formats == dialog.formats)
                .unwrap_or(0);
            let step = if action == Some(Action::PreviousFormat) {
                choices.len() - 1
            } else {
                1
            };
            dialog.formats = choices[(index + step) % choices.len()];
            if !dialog.path_edited {
                dialog.path = TextEditor::single_line(&default_for(&dialog.defaults, dialog.formats));
            }
        }
        Some(Action::Up | Action::Down) => {
            let rows = rows(dialog);
            let index = rows.iter().position(|row| *row == dialog.row).unwrap_or(0);
            let next = if action == Some(Action::Up) {
                index.saturating_sub(1)
            } else {
                (index + 1).min(rows.len() - 1)
            };
            dialog.row = rows[next];
        }
        Some(Action::Left | Action::Right) if dialog.row == ExportRow::Period => {
            let index = Period::ALL
                .iter()
                .position(|period| *period == dialog.period)
                .unwrap_or(0);
            let step = if action == Some(Action::Left) {
                Period::ALL.len() - 1
            } else {
                1
            };
            dialog.period = Period::ALL[(index + step) % Period::ALL.len()];
            dialog.problem = None;
        }
        Some(Action::UseSuggestion) => {
            if let Some(suggestion) = dialog.suggestion.take() {
                dialog.path = TextEditor::single_line(&suggestion.display().to_string());
                dialog.path_edited = true;
                dialog.problem = None;
            }
        }
        _ => {
            let field = match dialog.row {
                ExportRow::Period => None,
                ExportRow::From => Some(&mut dialog.from),
                ExportRow::To => Some(&mut dialog.to),
                ExportRow::File => Some(&mut dialog.path),
            };
            if let Some(field) = field
                && field.input(key)
            {
                if dialog.row == ExportRow::File {
                    dialog.path_edited = true;
                    dialog.suggestion = None;
                }
                dialog.problem = None;
            }
        }
    }
    Vec::new()
}

/// Enter: the log of the modules studied in the period, checked for
/// identifying details first (`checked`: the learner has read the
/// findings and goes on). The dialog stays open until it is written, so
/// that a failure leaves the name in place.
pub(crate) fn write_checked(model: &mut Model, checked: bool) -> Vec<Effect> {
    let Some(dialog) = model.export() else {
        return Vec::new();
    };
    let chosen = period_dates(model, dialog).and_then(|(since, until)| {
        let modules = included(model, dialog, since, until);
        if modules.is_empty() {
            Err(text::EXPORT_NOTHING_IN_PERIOD.to_owned())
        } else {
            Ok((modules, since, until))
        }
    });
    let effect = match chosen {
        Ok((modules, since, until)) => Effect::Export {
            modules,
            formats: dialog.formats,
            path: PathBuf::from(dialog.path.text()),
            since,
            until,
            checked,
        },
        Err(problem) => {
            if let Some(dialog) = model.export_mut() {
                dialog.problem = Some(problem);
            }
            return Vec::new();
        }
    };
    vec![effect]
}

/// The log is written: the dialog closes, the foot says where, and the
/// day and formats are remembered for the next export.
pub(crate) fn written(model: &mut Model, paths: &[PathBuf], unrecorded: Option<String>, now: Timestamp) -> Vec<Effect> {
    if let Some(dialog) = model.take_export() {
        model.last_export = Some((crate::export::export_date(now), dialog.formats));
        model.export_choice = None;
    }
    let shown: Vec<String> = paths.iter().map(|path| path.display().to_string()).collect();
    model.notice = Some(unrecorded.unwrap_or_else(|| match shown.as_slice() {
        [main, copy] => text::log_and_copy_written(main, copy),
        _ => text::log_written(&shown.join(", ")),
    }));
    Vec::new()
}

/// Writing failed: the dialog stays, with the name as typed, and says why.
pub(crate) fn failed(model: &mut Model, reason: String, suggestion: Option<PathBuf>) {
    match model.export_mut() {
        Some(dialog) => {
            dialog.problem = Some(reason);
            dialog.suggestion = suggestion;
        }
        None => model.notice = Some(reason),
    }
}

/// The free names found for the dialog's defaults, and the last export
/// recorded: the dialog, just opened, takes that export's format unless
/// this session has exported since.
pub(crate) fn prepared(model: &mut Model, names: Vec<PathBuf>, recorded: Option<(jiff::civil::Date, Formats)>) {
    if recorded.is_some_and(|(day, _)| model.last_export.is_none_or(|(known, _)| day > known)) {
        model.last_export = recorded;
        let chosen = model.export_choice;
        if let (Some(dialog), Some((_, formats)), None) = (model.export_mut(), recorded, chosen) {
            dialog.formats = formats;
        }
    }
    if let Some(dialog) = model.export_mut()
        && names.len() == dialog.defaults.len()
    {
        dialog.defaults = names;
        if !dialog.path_edited {
            dialog.path = TextEditor::single_line(&default_for(&dialog.defaults, dialog.formats));
        }
    }
}

/// A row of the dialog as drawn: words, or one of its fields.
enum Row {
    Text(Line<'static>),
    Field(ExportRow),
}

/// Choices side by side (the chosen one marked), wrapped to `width`.
fn choices(label: &str, names: &[&str], chosen: usize, focused: bool, width: usize, theme: Theme) -> Vec<Row> {
    let marker = if focused {
        format!("{} ", theme.symbols().pointer)
    } else {
        String::new()
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut spans: Vec<Span<'static>> = vec![Span::styled(format!("{marker}{label}"), theme.heading())];
    let mut used: usize = spans.iter().map(|span| span.content.chars().count()).sum();
    for (index, name) in names.iter().enumerate() {
        let style: Style = if index == chosen {
            theme.selected()
        } else {
            theme.plain()
        };
        let cost = name.chars().count() + 3;
        if used + cost > width && used > 0 {
            rows.push(Row::Text(Line::from(std::mem::take(&mut spans))));
            spans.push(Span::raw("  "));
            used = 2;
        }
        spans.push(Span::raw(" "));
        spans.push(Span::styled(format!(" {name} "), style));
        used += cost;
    }
    rows.push(Row::Text(Line::from(spans)));
    rows
}

fn wrapped(words: &str, width: usize, style: Style) -> Vec<Row> {
    textwrap::wrap(words, width.max(8))
        .into_iter()
        .map(|line| Row::Text(Line::from(Span::styled(line.into_owned(), style))))
        .collect()
}

/// The dialog, its lines wrapped to its width. When the screen is too
/// short for all of it, the list of modules goes first, then the labels;
/// the file, its folder, any problem and the keys always show.
pub(crate) fn draw(model: &Model, dialog: &ExportDialog, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let width = area.width.saturating_sub(4).min(76);
    let inner_width = usize::from(width.saturating_sub(2)).max(8);
    // Blocks in order, each with how much it matters (dropped lowest first).
    let mut blocks: Vec<(u8, Vec<Row>)> = Vec::new();
    let period_names: Vec<&str> = Period::ALL.iter().map(|period| period.name()).collect();
    let chosen_period = Period::ALL
        .iter()
        .position(|period| *period == dialog.period)
        .unwrap_or(0);
    blocks.push((
        3,
        choices(
            text::EXPORT_PERIOD,
            &period_names,
            chosen_period,
            dialog.row == ExportRow::Period,
            inner_width,
            theme,
        ),
    ));
    if dialog.period == Period::Dates {
        blocks.push((4, vec![Row::Field(ExportRow::From), Row::Field(ExportRow::To)]));
    }
    let scope = match period_dates(model, dialog) {
        Ok((since, until)) => {
            let modules = included(model, dialog, since, until);
            let names: Vec<&str> = modules
                .iter()
                .filter_map(|key| {
                    let course = model.courses.iter().find(|course| course.id == key.0)?;
                    Some(short_name(course.module(&key.1)?))
                })
                .collect();
            let mut scope = text::export_includes(&names);
            if dialog.period == Period::SinceLastExport && model.last_export.is_none() {
                scope = format!("{} {scope}", text::EXPORT_NONE_YET);
            }
            scope
        }
        Err(problem) => problem,
    };
    let mut scope_rows = wrapped(&scope, inner_width, theme.plain());
    scope_rows.truncate(3);
    blocks.push((1, scope_rows));
    let format_names: Vec<String> = Formats::CHOICES.iter().map(|formats| formats.name()).collect();
    let format_names: Vec<&str> = format_names.iter().map(String::as_str).collect();
    let chosen_format = Formats::CHOICES
        .iter()
        .position(|formats| *formats == dialog.formats)
        .unwrap_or(0);
    let mut format_rows = choices(
        text::EXPORT_FORMAT,
        &format_names,
        chosen_format,
        false,
        inner_width,
        theme,
    );
    // Too many rows on a narrow screen: the format chosen alone, so it
    // still shows (Tab goes on to the next as before).
    if format_rows.len() > 2 {
        let chosen = format_names.get(chosen_format).copied().unwrap_or_default();
        format_rows = choices(text::EXPORT_FORMAT, &[chosen], 0, false, inner_width, theme);
    }
    blocks.push((2, format_rows));
    // Where the log goes: the folder on a line of its own, never broken.
    let typed = PathBuf::from(dialog.path.text());
    let folder = match typed.parent() {
        Some(parent) if typed.is_absolute() => parent.to_path_buf(),
        Some(parent) if !parent.as_os_str().is_empty() => model.export_dir.join(parent),
        _ => model.export_dir.clone(),
    };
    let folder_line = format!("{}{}", text::EXPORT_FOLDER, folder.display());
    blocks.push((5, vec![Row::Text(Line::from(cut_middle(&folder_line, inner_width)))]));
    let file_label = if dialog.row == ExportRow::File {
        format!("{} {}", theme.symbols().pointer, text::EXPORT_FILE)
    } else {
        text::EXPORT_FILE.to_owned()
    };
    blocks.push((2, wrapped(&file_label, inner_width, theme.heading())));
    blocks.push((6, vec![Row::Field(ExportRow::File)]));
    if let Some(copy) = dialog.formats.copy {
        let copy_path = crate::export::copies::copy_path(&typed, copy);
        let name = copy_path
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
        blocks.push((5, wrapped(&text::export_copy_beside(&name), inner_width, theme.plain())));
    }
    if let Some(problem) = &dialog.problem {
        let mut rows = wrapped(problem, inner_width, theme.alarm());
        if let Some(suggestion) = &dialog.suggestion {
            let name = suggestion.file_name().map_or_else(
                || suggestion.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            );
            rows.extend(wrapped(&text::export_suggestion(&name), inner_width, theme.plain()));
        }
        blocks.push((6, rows));
    }
    let situation = Situation {
        suggestion: dialog.suggestion.is_some(),
        ..Situation::default()
    };
    let keys = fit_keys(&keymap::footer(Context::Export, situation), inner_width);
    blocks.push((6, vec![Row::Text(Line::from(Span::styled(keys, theme.keys())))]));

    // Borders take two rows: drop what matters least until the rest fits.
    let room = usize::from(area.height.saturating_sub(2));
    while blocks.iter().map(|(_, rows)| rows.len()).sum::<usize>() > room {
        let Some(least) = blocks
            .iter()
            .enumerate()
            .filter(|(_, (weight, _))| *weight < 6)
            .min_by_key(|(_, (weight, _))| *weight)
            .map(|(index, _)| index)
        else {
            break;
        };
        blocks.remove(least);
    }
    let rows: Vec<Row> = blocks.into_iter().flat_map(|(_, rows)| rows).collect();
    let height = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX).min(area.height);
    let rect = centred(area, width, height);
    canvas.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(text::EXPORT_TITLE)
        .border_style(theme.border(true));
    let inner = block.inner(rect);
    canvas.render_widget(block, rect);
    for (row, y) in rows.iter().zip(inner.top()..inner.bottom()) {
        let line_area = Rect::new(inner.x, y, inner.width, 1);
        match row {
            Row::Text(line) => draw_lines(canvas, line_area, std::slice::from_ref(line)),
            Row::Field(which) => {
                let focused = *which == dialog.row;
                let (label, field) = match which {
                    ExportRow::From => (text::EXPORT_FROM, &dialog.from),
                    ExportRow::To => (text::EXPORT_TO, &dialog.to),
                    _ => ("", &dialog.path),
                };
                let label = if focused && !label.is_empty() {
                    format!("{} {label}", theme.symbols().pointer)
                } else {
                    label.to_owned()
                };
                let label_width = u16::try_from(label.chars().count()).unwrap_or(0).min(inner.width);
                draw_lines(
                    canvas,
                    Rect::new(inner.x, y, label_width, 1),
                    &[Line::from(Span::styled(label, theme.heading()))],
                );
                let field_area = Rect::new(inner.x + label_width, y, inner.width - label_width, 1);
                draw_editor(canvas, field, field_area, theme.plain(), focused);
            }
        }
    }
}
