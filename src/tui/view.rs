//! `view`: draws the model, by handing over to the screen and then the
//! overlays. Pure: the same model gives the same screen.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::model::{MIN_HEIGHT, MIN_WIDTH, Model, Screen};
use super::overlays::{cpd, export, findings, help, review_import};
use super::screens::{completion, home, profile, reader};
use super::theme::Theme;
pub use super::widgets::{Canvas, short_name};
use crate::text;

/// Draws the model into one of ratatui's frames.
pub fn draw(model: &Model, frame: &mut Frame) {
    let mut canvas = Canvas::new(frame.buffer_mut());
    view(model, &mut canvas);
    if let Some(position) = canvas.cursor() {
        frame.set_cursor_position(position);
    }
}

pub fn view(model: &Model, canvas: &mut Canvas) {
    let area = canvas.area();
    let theme = Theme {
        color: model.color,
        ascii: model.ascii,
    };
    if model.is_too_small() {
        let message = vec![
            Line::from(text::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT)),
            Line::from(text::TOO_SMALL_HINT),
        ];
        canvas.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
        return;
    }
    match &model.screen {
        Screen::Welcome(_) | Screen::Profile(_) => profile::draw(model, canvas, area, theme),
        Screen::Home => home::draw(model, canvas, area, theme),
        Screen::Reader(state) => reader::draw(model, state, canvas, area, theme),
        Screen::Completion(_) => completion::draw(model, canvas, area, theme),
    }
    if let Some(dialog) = model.export() {
        match &dialog.findings {
            Some(found) => findings::draw(found, dialog.problem.as_deref(), canvas, area, theme),
            None => export::draw(model, dialog, canvas, area, theme),
        }
    }
    if let Some(dialog) = model.review_import() {
        review_import::draw(dialog, canvas, area, theme);
    }
    if let Some(form) = model.cpd_form() {
        cpd::draw(model, form, canvas, area, theme);
    }
    if model.help {
        help::draw(model, canvas, area, theme);
    }
    if model.ascii {
        plain_ascii(canvas.buffer_mut());
    }
}

/// For consoles that cannot show more than ASCII: every character the
/// screen holds, the course's own dashes and quotes and the tutor's marks
/// alike, as its ASCII stand-in (one column for one column).
fn plain_ascii(buffer: &mut ratatui::buffer::Buffer) {
    for cell in &mut buffer.content {
        if let Some(stand_in) = crate::sanitise::ascii_stand_in(cell.symbol()) {
            cell.set_symbol(stand_in);
        }
    }
}
