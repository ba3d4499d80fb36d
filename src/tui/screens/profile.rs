//! The welcome (first run) and the profile: name, role, team, supervisor.

use jiff::Timestamp;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::home::open_module;
use crate::text;
use crate::tui::keymap::{Action, Context, Situation};
use crate::tui::layout::reading_column;
use crate::tui::message::Effect;
use crate::tui::model::{Model, Screen};
use crate::tui::theme::Theme;
use crate::tui::widgets::{Canvas, cut_middle, draw_editor, footer, stack, truncate};

pub(crate) fn key(model: &mut Model, action: Option<Action>, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let (Screen::Welcome(form) | Screen::Profile(form)) = &mut model.screen else {
        return Vec::new();
    };
    let count = form.fields.len();
    match action {
        Some(Action::NextField) => form.focus = (form.focus + 1) % count,
        Some(Action::PreviousField) => form.focus = (form.focus + count - 1) % count,
        Some(Action::NextFieldOrDone) if form.focus + 1 < count => form.focus += 1,
        Some(Action::NextFieldOrDone | Action::Done) => {
            model.profile.name = form.value(0);
            model.profile.role = form.value(1);
            model.profile.team = form.value(2);
            model.profile.supervisor = form.value(3);
            model.profile.welcomed = true;
            model.profile_unsaved = true;
            model.screen = Screen::Home;
            model.notice = Some(text::PROFILE_SAVED.to_owned());
            let mut effects = Vec::new();
            if model.profile_damaged.is_none() {
                effects.push(Effect::SaveProfile);
            }
            if let Some((course, module)) = model.open_after_welcome.take() {
                effects.extend(open_module(model, course, module, now));
            }
            return effects;
        }
        _ => {
            if let Some(field) = form.fields.get_mut(form.focus) {
                field.input(key);
            }
        }
    }
    Vec::new()
}

pub(crate) fn draw(model: &Model, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let (Screen::Welcome(form) | Screen::Profile(form)) = &model.screen else {
        return;
    };
    let first_run = matches!(model.screen, Screen::Welcome(_));
    let column = reading_column(area);
    let [title_row, body, foot] = stack(area, [Some(1), None, Some(2)]);
    let title = if first_run {
        text::WELCOME_TITLE
    } else {
        text::PROFILE_TITLE
    };
    canvas.render_widget(
        Paragraph::new(Span::styled(format!(" {title}"), theme.header())).style(theme.header()),
        title_row,
    );
    let body_rect = Rect::new(column.x, body.y, column.width, body.height);
    let width = usize::from(body_rect.width).max(8);
    let wrap = |paragraph: &str, style: Style| -> Vec<Line<'static>> {
        textwrap::wrap(paragraph, width)
            .into_iter()
            .map(|line| Line::from(Span::styled(line.into_owned(), style)))
            .collect()
    };
    let mut paragraphs: Vec<Vec<Line<'static>>> = Vec::new();
    if first_run {
        // Where reflections are kept, and what never to write, comes first:
        // on a small screen it is what must not be cut off. The folder has
        // a line of its own, so that it is never broken across two.
        let mut storage = wrap(text::STORAGE_WHERE, theme.heading());
        storage.push(Line::from(Span::styled(
            cut_middle(&model.data_dir, width),
            theme.heading(),
        )));
        storage.extend(wrap(text::STORAGE_NEVER, theme.heading()));
        paragraphs.push(storage);
        paragraphs.push(wrap(text::WELCOME, theme.plain()));
        paragraphs.push(wrap(text::PROFILE_INTRO_FIRST, theme.plain()));
    } else {
        paragraphs.push(wrap(text::PROFILE_INTRO, theme.plain()));
    }
    // Whole paragraphs, as many as leave room for the fields; the first
    // (where reflections are kept) always, even if the fields must scroll.
    let mut lines: Vec<Line> = Vec::new();
    for paragraph in paragraphs {
        let mut block: Vec<Line> = Vec::new();
        if !lines.is_empty() {
            block.push(Line::from(""));
        }
        block.extend(paragraph);
        let room = usize::from(body_rect.height.saturating_sub(text::PROFILE_LABELS.len() as u16 + 1));
        if !lines.is_empty() && lines.len() + block.len() > room {
            break;
        }
        lines.extend(block);
    }
    // At least the field being filled in shows below the text, after a
    // blank row if there is room for one.
    let wanted = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let gap = u16::from(wanted.saturating_add(2) <= body_rect.height);
    let intro_rows = wanted.min(body_rect.height.saturating_sub(1 + gap));
    let intro = Paragraph::new(lines);
    let [intro_area, _, fields_area] = stack(body_rect, [Some(intro_rows), Some(gap), None]);
    canvas.render_widget(intro, intro_area);
    // The fields that fit, scrolled to keep the one being filled in.
    let shown = usize::from(fields_area.height.max(1));
    let first_field = (form.focus + 1).saturating_sub(shown);
    // The longest label, its marker and a space before the value.
    let longest = text::PROFILE_LABELS
        .iter()
        .map(|label| label.chars().count())
        .max()
        .unwrap_or(0);
    let label_width = u16::try_from(longest + 3)
        .unwrap_or(u16::MAX)
        .min(fields_area.width / 2);
    for (index, label) in text::PROFILE_LABELS.iter().enumerate().skip(first_field) {
        let y = fields_area.y + u16::try_from(index - first_field).unwrap_or(u16::MAX);
        if y >= fields_area.y + fields_area.height {
            break;
        }
        let focused = index == form.focus;
        let marker = if focused {
            format!("{} ", theme.symbols().pointer)
        } else {
            "  ".to_owned()
        };
        let style = if focused { theme.heading() } else { theme.plain() };
        canvas.render_widget(
            Paragraph::new(Span::styled(
                truncate(&format!("{marker}{label}"), usize::from(label_width.saturating_sub(1))),
                style,
            )),
            Rect::new(fields_area.x, y, label_width, 1),
        );
        let field_rect = Rect::new(
            fields_area.x + label_width,
            y,
            fields_area.width.saturating_sub(label_width),
            1,
        );
        if let Some(field) = form.fields.get(index) {
            if focused {
                draw_editor(canvas, field, field_rect, theme.plain(), true);
            } else {
                canvas.render_widget(
                    Paragraph::new(Span::styled(form.value(index), theme.muted())),
                    field_rect,
                );
            }
        }
    }
    footer(
        model,
        canvas,
        foot,
        theme,
        Line::from(""),
        Context::Profile,
        Situation::default(),
    );
}
