//! The pager's view: the title, the guide's rows (the search's words
//! marked), or the list of keys, and the foot. It changes nothing.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use super::search::Hit;
use super::{Mode, Notice, Pager, READING_WIDTH};
use crate::text;
use crate::tui::widgets::put_str;

impl Pager {
    fn bold(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    fn title_style(&self) -> Style {
        if self.looks.color {
            self.bold().fg(Color::Cyan)
        } else {
            self.bold()
        }
    }

    /// A match: underlined (and yellow) so it shows without colour too.
    fn hit_style(&self) -> Style {
        let style = Style::default().add_modifier(Modifier::UNDERLINED);
        if self.looks.color {
            style.fg(Color::Black).bg(Color::Yellow)
        } else {
            style
        }
    }

    /// The match the reader is at: reversed, with or without colour.
    fn current_style(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    fn foot_style(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    /// The list of keys, wrapped to the window: each key, then what it does.
    pub(super) fn help_lines(&self) -> Vec<String> {
        let width = self.reading_width();
        let keys: Vec<(String, &str)> = text::GUIDE_KEYS
            .iter()
            .map(|(keys, does)| (text::key_names(keys, self.looks.ascii), *does))
            .collect();
        let column = keys.iter().map(|(keys, _)| keys.chars().count()).max().unwrap_or(0) + 2;
        let mut lines = Vec::new();
        for (keys, does) in keys {
            if column + 12 > width {
                // Too narrow for two columns: the keys, then what they do below.
                lines.push(keys);
                let options = textwrap::Options::new(width)
                    .initial_indent("  ")
                    .subsequent_indent("  ");
                lines.extend(textwrap::wrap(does, options).into_iter().map(|row| row.into_owned()));
            } else {
                let first = format!("{keys:<column$}");
                let rest = " ".repeat(column);
                let options = textwrap::Options::new(width)
                    .initial_indent(&first)
                    .subsequent_indent(&rest);
                lines.extend(textwrap::wrap(does, options).into_iter().map(|row| row.into_owned()));
            }
        }
        lines
    }

    pub(super) fn help_last_top(&self) -> usize {
        self.help_lines().len().saturating_sub(self.rows())
    }

    /// Draws the pager into the buffer (the whole window).
    pub fn view(&self, buffer: &mut Buffer) {
        let area = buffer.area;
        if area.height < 3 || area.width < 10 {
            put_str(
                buffer,
                area.x,
                area.y,
                text::GUIDE_TOO_SMALL,
                Style::default(),
                area.right(),
            );
            return;
        }
        let margin = usize::from(area.width).saturating_sub(READING_WIDTH) / 2;
        let left = area.x + u16::try_from(margin).unwrap_or(0);
        let right = area.right();
        let rows = usize::from(area.height - 2);
        let row_y = |row: usize| area.y + 1 + u16::try_from(row).unwrap_or(0);
        let foot = match &self.mode {
            Mode::Help(top) => {
                put_str(buffer, left, area.y, text::GUIDE_HELP_TITLE, self.title_style(), right);
                let lines = self.help_lines();
                for (row, line) in lines.iter().skip(*top).take(rows).enumerate() {
                    put_str(buffer, left, row_y(row), line, Style::default(), right);
                }
                if lines.len() > rows {
                    text::guide_help_scroll(self.looks.ascii)
                } else {
                    text::GUIDE_HELP_CLOSE.to_owned()
                }
            }
            _ => {
                put_str(buffer, left, area.y, &self.title, self.title_style(), right);
                for (row, line) in self.lines.iter().enumerate().skip(self.top).take(rows) {
                    self.draw_row(buffer, left, row_y(row - self.top), row, line);
                }
                self.reading_foot(rows)
            }
        };
        let y = area.y + area.height - 1;
        let foot = format!(" {foot} ");
        let end = put_str(buffer, area.x, y, &foot, self.foot_style(), right);
        if let Mode::Prompt(_) = self.mode {
            // The cursor after the typed words, and the keys at the right.
            let cursor = end.saturating_sub(1);
            if let Some(cell) = buffer.cell_mut((cursor, y)) {
                cell.set_style(Style::default());
            }
            let hint = format!(" {} ", text::guide_search_hint(self.looks.ascii));
            let width = u16::try_from(hint.chars().count()).unwrap_or(u16::MAX);
            if end + 1 + width <= right {
                put_str(buffer, right - width, y, &hint, self.foot_style(), right);
            }
        }
    }

    /// One row of the guide, the search's words marked in it.
    fn draw_row(&self, buffer: &mut Buffer, left: u16, y: u16, row: usize, line: &str) {
        let plain = if line.starts_with('#') {
            self.bold()
        } else {
            Style::default()
        };
        let right = buffer.area.right();
        let mut x = left;
        let mut from = 0;
        if let Some(found) = &self.found {
            let first = found.hits.partition_point(|hit| hit.row < row);
            for (index, hit) in found.hits.iter().enumerate().skip(first) {
                let Hit { row: at, start, end } = *hit;
                if at != row {
                    break;
                }
                x = put_str(buffer, x, y, &line[from..start], plain, right);
                let style = if index == found.current {
                    self.current_style()
                } else {
                    self.hit_style()
                };
                x = put_str(buffer, x, y, &line[start..end], plain.patch(style), right);
                from = end;
            }
        }
        put_str(buffer, x, y, &line[from..], plain, right);
    }

    /// The foot while reading: the prompt, a notice, the search's place,
    /// or where the reader is in the guide.
    fn reading_foot(&self, rows: usize) -> String {
        let ascii = self.looks.ascii;
        if let Mode::Prompt(typed) = &self.mode {
            // The end of what is typed, when it is longer than the window.
            let room = usize::from(self.width).saturating_sub(16).max(1);
            let count = typed.chars().count();
            let shown: String = typed.chars().skip(count.saturating_sub(room)).collect();
            return format!("{} ", text::guide_search_prompt(&shown));
        }
        let went_round = match &self.notice {
            Some(Notice::NotFound(pattern)) => return text::guide_not_found(pattern, ascii),
            Some(Notice::NothingSearched) => return text::guide_nothing_searched(ascii),
            Some(Notice::WentRound(forward)) => Some(*forward),
            None => None,
        };
        if let Some(found) = &self.found {
            let hit = found.hits[found.current];
            if hit.row >= self.top && hit.row < self.top + rows {
                return text::guide_found_foot(found.current + 1, found.hits.len(), went_round, ascii);
            }
        }
        let shown = (self.top + rows).min(self.lines.len());
        text::guide_foot(shown, self.lines.len(), shown < self.lines.len(), ascii)
    }
}
