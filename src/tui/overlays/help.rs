//! The `?` help: the keys of the screen under it, from its key table.

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::text;
use crate::tui::keymap::{self, Action, Context};
use crate::tui::layout::{HelpBox, help_box, help_scrolling};
use crate::tui::model::Model;
use crate::tui::theme::Theme;
use crate::tui::widgets::Canvas;

/// In the help: the movement keys scroll it when it does not fit; any
/// other key closes it.
pub(crate) fn key(model: &mut Model, key: &KeyEvent) {
    let (rows, max) = help_scrolling(model);
    let page = i32::from(rows.max(1));
    let delta = match keymap::own_action(Context::Help, key) {
        Some(Action::Up) => -1,
        Some(Action::Down) => 1,
        Some(Action::PageUp) => -page,
        Some(Action::PageDown) => page,
        Some(Action::First) => -i32::from(max),
        Some(Action::Last) => i32::from(max),
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
    model.help_scroll = crate::tui::layout::scrolled(model.help_scroll, delta, max);
}

pub(crate) fn draw(model: &Model, canvas: &mut Canvas, area: Rect, theme: Theme) {
    draw_box(help_box(model, area, theme), model.help_scroll, canvas, theme);
}

/// A help box drawn, scrolled by `scroll` (the full-screen review's help too).
pub(crate) fn draw_box(help: HelpBox, scroll: u16, canvas: &mut Canvas, theme: Theme) {
    let HelpBox {
        rect,
        rows,
        lines,
        max_scroll,
    } = help;
    let scroll = usize::from(scroll.min(max_scroll));
    let mut lines: Vec<Line> = lines.into_iter().skip(scroll).take(usize::from(rows)).collect();
    lines.push(Line::from(""));
    let close = if max_scroll > 0 {
        text::HELP_SCROLL
    } else {
        text::HELP_CLOSE
    };
    lines.push(Line::from(Span::styled(close, theme.muted())));
    canvas.render_widget(Clear, rect);
    canvas.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(text::HELP_TITLE)),
        rect,
    );
}
