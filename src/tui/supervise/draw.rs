//! Drawing the full-screen review: the page's text gets most of the
//! screen while the reviewer reads, with "↓ more below" on the text
//! itself; the box grows while they write.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::record::{Para, Tone};
use super::{Page, ReviewScreen};
use crate::text;
use crate::tui::keymap::{self, Situation};
use crate::tui::theme::Theme;
use crate::tui::widgets::{Canvas, draw_editor, draw_lines, fit_keys, stack};

/// The box's rows while reading: room for three lines of the comment
/// when the screen has it, else its borders and one.
fn reading_box_rows(body: u16) -> u16 {
    if body >= 16 { 5 } else { 3 }
}

fn style(theme: Theme, tone: Tone) -> Style {
    match tone {
        Tone::Title => theme.title(),
        Tone::Heading => theme.heading(),
        Tone::Lead => theme.lead(),
        Tone::Note => theme.note(),
        Tone::Plain => theme.plain(),
        Tone::Alarm => theme.alarm(),
    }
}

fn wrap(paras: &[Para], width: usize, theme: Theme) -> Vec<Line<'static>> {
    paras
        .iter()
        .flat_map(|(words, tone)| {
            let style = style(theme, *tone);
            words
                .split('\n')
                .flat_map(|line| {
                    if line.is_empty() {
                        vec![Line::from("")]
                    } else {
                        textwrap::wrap(line, width)
                            .into_iter()
                            .map(|part| Line::from(Span::styled(part.into_owned(), style)))
                            .collect()
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

impl ReviewScreen {
    /// The page's text, as paragraphs.
    fn page_text(&self) -> Vec<Para> {
        match self.current() {
            Page::Reflection(index) => {
                let Some(reflection) = self.reflections.get(index) else {
                    return Vec::new();
                };
                let mut paras = vec![(reflection.heading.clone(), Tone::Title)];
                paras.extend(reflection.facts.iter().cloned());
                paras.push((String::new(), Tone::Plain));
                paras.push((
                    text::review_screen_reflection(index + 1, self.reflections.len()),
                    Tone::Heading,
                ));
                paras.push((reflection.question.clone(), Tone::Lead));
                paras.push((text::REVIEW_SCREEN_WROTE.to_owned(), Tone::Note));
                paras.push((reflection.text.clone(), Tone::Plain));
                if let Some((note, old)) = &reflection.edited {
                    paras.push((note.clone(), Tone::Note));
                    paras.push((old.clone(), Tone::Plain));
                }
                paras.push((text::REVIEW_SCREEN_END.to_owned(), Tone::Note));
                paras
            }
            Page::Overall => {
                let mut paras = vec![(text::REVIEW_SCREEN_OVERALL.to_owned(), Tone::Heading)];
                paras.extend(self.summary.iter().cloned());
                paras
            }
            Page::Actions => {
                let mut paras = vec![(text::REVIEW_SCREEN_ACTIONS.to_owned(), Tone::Heading)];
                paras.extend(self.action_points.iter().cloned());
                paras
            }
            Page::NextReview => {
                // Why the date was not taken comes first: on a small
                // screen it is what must show.
                let mut paras: Vec<Para> = self
                    .problem
                    .iter()
                    .map(|problem| (problem.clone(), Tone::Alarm))
                    .collect();
                paras.push((text::REVIEW_SCREEN_NEXT.to_owned(), Tone::Heading));
                paras.push((
                    text::review_screen_summary(self.written_comments(), &self.destination),
                    Tone::Plain,
                ));
                paras
            }
        }
    }

    pub(crate) fn draw(&self, canvas: &mut Canvas, area: Rect) {
        let theme = Theme {
            color: self.color,
            ascii: self.ascii,
        };
        let [title_row, body, foot] = stack(area, [Some(1), None, Some(2)]);
        let title = text::review_screen_title(&self.log_id, self.learner.as_deref(), self.peer);
        canvas.render_widget(
            Paragraph::new(Span::styled(title, theme.header())).style(theme.header()),
            title_row,
        );
        let width = usize::from(body.width.saturating_sub(2)).max(8);
        let body = Rect::new(body.x + 1, body.y, body.width.saturating_sub(2), body.height);
        if let Some(offer) = &self.offer {
            let words = if offer.restart {
                text::REVIEW_DRAFT_RESTART.to_owned()
            } else {
                let saved = offer.draft.saved.unwrap_or_else(jiff::Timestamp::now);
                let local = saved.to_zoned(jiff::tz::TimeZone::system());
                text::review_draft_offer(
                    local.date(),
                    &local.strftime("%H:%M").to_string(),
                    offer
                        .draft
                        .comments
                        .iter()
                        .filter(|comment| !comment.text.trim().is_empty())
                        .count(),
                )
            };
            draw_lines(canvas, body, &wrap(&[(words, Tone::Plain)], width, theme));
            self.draw_foot(canvas, foot, theme);
            return;
        }
        if let Some(found) = &self.findings {
            let mut paras = vec![(text::identify::review_screen_found(found.len()), Tone::Plain)];
            for (index, located) in found.iter().enumerate() {
                paras.push((
                    text::identify::finding_line(
                        index + 1,
                        &located.place.module,
                        &located.place.what.describe(),
                        &located.finding.words,
                        located.finding.kind.reason(),
                    ),
                    Tone::Plain,
                ));
            }
            paras.push((text::identify::REVIEW_SCREEN_FOUND_END.to_owned(), Tone::Plain));
            draw_lines(canvas, body, &wrap(&paras, width, theme));
            self.draw_foot(canvas, foot, theme);
            return;
        }
        let box_rows = if self.current() == Page::NextReview {
            3
        } else if self.writing {
            (body.height / 2).max(3)
        } else {
            reading_box_rows(body.height)
        }
        .min(body.height);
        let [text_area, box_area] = stack(body, [None, Some(box_rows)]);
        // The last row of the text says whether there is more below, so a
        // reflection never reaches its next page unread without a cue.
        let rows = text_area.height.saturating_sub(1).max(1);
        let lines = wrap(&self.page_text(), width, theme);
        let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let max_scroll = total.saturating_sub(rows);
        self.reading_rows.set((rows, max_scroll));
        let scroll = self.scroll.min(max_scroll);
        let mut shown: Vec<Line> = lines
            .into_iter()
            .skip(usize::from(scroll))
            .take(usize::from(rows))
            .collect();
        if text_area.height > 1 {
            shown.resize(usize::from(rows), Line::from(""));
            if scroll < max_scroll {
                shown.push(Line::from(Span::styled(text::REVIEW_SCREEN_MORE, theme.keys())));
            }
        }
        draw_lines(canvas, text_area, &shown);

        let (box_title, editor) = match self.current() {
            Page::Reflection(index) => (text::REVIEW_SCREEN_COMMENT, self.comments.get(index)),
            Page::Overall => (text::REVIEW_SCREEN_OVERALL_BOX, Some(&self.overall)),
            Page::Actions => (text::REVIEW_SCREEN_ACTIONS_BOX, Some(&self.actions)),
            Page::NextReview => (text::REVIEW_SCREEN_DATE_BOX, Some(&self.next_review)),
        };
        let marker = if self.writing {
            format!("{} ", theme.symbols().pointer)
        } else {
            String::new()
        };
        let block = Block::bordered()
            .title(format!("{marker}{box_title}"))
            .border_style(theme.border(self.writing));
        if let Some(editor) = editor {
            let inner = block.inner(box_area);
            canvas.render_widget(block, box_area);
            if self.writing {
                draw_editor(canvas, editor, inner, theme.plain(), !self.confirm_leave);
            } else {
                // Read, not written in: no cursor, the comment as it stands.
                canvas.render_widget(
                    Paragraph::new(editor.text().to_owned())
                        .style(theme.plain())
                        .wrap(Wrap { trim: false }),
                    inner,
                );
            }
        }
        self.draw_foot(canvas, foot, theme);
        if let Some(context) = self.help {
            let help = crate::tui::layout::help_box_for(context, area, theme);
            self.help_rows.set((help.rows, help.max_scroll));
            crate::tui::overlays::help::draw_box(help, self.help_scroll, canvas, theme);
        }
    }

    fn draw_foot(&self, canvas: &mut Canvas, foot: Rect, theme: Theme) {
        let keys = fit_keys(
            &keymap::footer(self.context(), Situation::default()),
            usize::from(foot.width),
        );
        let first = if self.confirm_leave {
            Line::from(Span::styled(text::REVIEW_SCREEN_LEAVE, theme.selected()))
        } else if let Some(notice) = &self.notice {
            Line::from(Span::styled(notice.clone(), theme.alarm()))
        } else if let Some(problem) = &self.save_problem {
            Line::from(Span::styled(text::review_draft_not_saved(problem), theme.alarm()))
        } else if self.offer.is_some() {
            Line::from("")
        } else {
            Line::from(text::review_screen_page(self.page + 1, self.pages().len()))
        };
        let foot_lines = vec![first, Line::from(Span::styled(keys, theme.keys()))];
        canvas.render_widget(Paragraph::new(foot_lines).wrap(Wrap { trim: true }), foot);
    }
}
