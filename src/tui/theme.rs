//! Styles. With `NO_COLOR` every distinction is still made by weight,
//! reversal or a symbol, so nothing becomes invisible.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub(crate) struct Theme {
    pub(crate) color: bool,
    /// ASCII symbols instead of the Unicode ones.
    pub(crate) ascii: bool,
}

impl Theme {
    /// For counting rows: styles and symbols of the same width never change
    /// how text wraps.
    pub(crate) const MEASURING: Theme = Theme {
        color: false,
        ascii: false,
    };

    pub(crate) fn symbols(self) -> &'static crate::text::Symbols {
        crate::text::symbols(self.ascii)
    }

    fn tint(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    pub(crate) fn plain(self) -> Style {
        Style::default()
    }

    pub(crate) fn header(self) -> Style {
        let style = Style::default().add_modifier(Modifier::REVERSED);
        if self.color {
            Style::default().fg(Color::Black).bg(Color::Cyan)
        } else {
            style
        }
    }

    pub(crate) fn title(self) -> Style {
        self.tint(Style::default().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    pub(crate) fn heading(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub(crate) fn lead(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub(crate) fn quote(self) -> Style {
        self.tint(Style::default().add_modifier(Modifier::ITALIC), Color::Yellow)
    }

    pub(crate) fn note(self) -> Style {
        self.tint(Style::default(), Color::Gray)
    }

    /// The selected row or cell: reversed, so it shows without colour.
    pub(crate) fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub(crate) fn muted(self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    pub(crate) fn done(self) -> Style {
        self.tint(Style::default(), Color::Green)
    }

    pub(crate) fn in_progress(self) -> Style {
        self.tint(Style::default(), Color::Yellow)
    }

    /// A failed save: impossible to miss.
    pub(crate) fn alarm(self) -> Style {
        let style = Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED);
        if self.color {
            Style::default()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD)
        } else {
            style
        }
    }

    pub(crate) fn keys(self) -> Style {
        self.tint(Style::default(), Color::Gray)
    }

    pub(crate) fn border(self, focused: bool) -> Style {
        if focused {
            self.tint(Style::default().add_modifier(Modifier::BOLD), Color::Cyan)
        } else {
            self.muted()
        }
    }
}
