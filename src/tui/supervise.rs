//! The full-screen review for supervisors (`casebook review LOG.json` on a
//! terminal): each reflection in turn with a comment box under it, then
//! overall comments, agreed actions and the next review date. It only
//! gathers the answers: checking the log, writing and signing are the
//! plain flow's own (`review::cli`).

use std::io::{self, BufWriter};
use std::path::Path;

use ratatui::Terminal;
use ratatui::crossterm::event::{self, Event, KeyEvent, KeyEventKind};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::backend::LeanBackend;
use super::keymap::{self, Action, Context, Situation};
use super::theme::Theme;
use super::widgets::{Canvas, draw_editor, draw_lines, fit_keys, stack};
use crate::editor::Editor as TextEditor;
use crate::export::reading::LogView;
use crate::review::Comment;
use crate::supervision::{Answers, parse_next_review};
use crate::text;

/// One reflection of the log, as the reviewer reads it.
struct Reflection {
    course: String,
    module: String,
    /// The module's title (and subtitle), over its reflections.
    heading: String,
    question_id: String,
    question: String,
    text: String,
}

/// Which page is showing: a reflection (by index), then the three
/// questions about the whole log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Reflection(usize),
    Overall,
    Actions,
    NextReview,
}

pub(crate) struct ReviewScreen {
    log_id: String,
    learner: Option<String>,
    destination: String,
    reflections: Vec<Reflection>,
    comments: Vec<TextEditor>,
    overall: TextEditor,
    actions: TextEditor,
    next_review: TextEditor,
    page: usize,
    /// How far the reflection above the comment box is scrolled.
    scroll: u16,
    /// Why the date was not taken.
    problem: Option<String>,
    /// Asking "leave without writing the review?".
    confirm_leave: bool,
    color: bool,
    /// ASCII symbols, as in the tutor.
    ascii: bool,
}

/// What a key did.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    Continue,
    Done(Answers),
    Left,
}

impl ReviewScreen {
    pub(crate) fn new(log: &LogView, destination: &Path, color: bool) -> Self {
        let reflections: Vec<Reflection> = log
            .reflections()
            .map(|(course, module, question, reflection)| Reflection {
                course: course.id.clone(),
                module: module.id.clone(),
                heading: match &module.subtitle {
                    Some(subtitle) => format!("{}: {subtitle}", module.title),
                    None => module.title.clone(),
                },
                question_id: question.id.clone(),
                question: question.question.clone(),
                text: reflection.to_owned(),
            })
            .collect();
        ReviewScreen {
            log_id: log.log_id.clone(),
            learner: log.learner.name.clone(),
            destination: destination.display().to_string(),
            comments: reflections.iter().map(|_| TextEditor::new("")).collect(),
            reflections,
            overall: TextEditor::new(""),
            actions: TextEditor::new(""),
            next_review: TextEditor::single_line(""),
            page: 0,
            scroll: 0,
            problem: None,
            confirm_leave: false,
            color,
            ascii: false,
        }
    }

    fn pages(&self) -> Vec<Page> {
        (0..self.reflections.len())
            .map(Page::Reflection)
            .chain([Page::Overall, Page::Actions, Page::NextReview])
            .collect()
    }

    fn current(&self) -> Page {
        self.pages().get(self.page).copied().unwrap_or(Page::NextReview)
    }

    fn context(&self) -> Context {
        if self.confirm_leave {
            Context::ReviewLeave
        } else if self.current() == Page::NextReview {
            Context::ReviewDate
        } else {
            Context::ReviewText
        }
    }

    fn editor_mut(&mut self) -> Option<&mut TextEditor> {
        match self.current() {
            Page::Reflection(index) => self.comments.get_mut(index),
            Page::Overall => Some(&mut self.overall),
            Page::Actions => Some(&mut self.actions),
            Page::NextReview => Some(&mut self.next_review),
        }
    }

    pub(crate) fn key(&mut self, key: KeyEvent) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::Continue;
        }
        if keymap::global_action(&key) == Some(Action::QuitApp) {
            return Outcome::Left;
        }
        let action = keymap::own_action(self.context(), &key);
        if self.confirm_leave {
            self.confirm_leave = false;
            return if action == Some(Action::Quit) {
                Outcome::Left
            } else {
                Outcome::Continue
            };
        }
        match action {
            Some(Action::Next) => self.turn(1),
            Some(Action::Previous) => self.turn(-1),
            Some(Action::ScrollAboveUp) => self.scroll = self.scroll.saturating_sub(1),
            Some(Action::ScrollAboveDown) => self.scroll = self.scroll.saturating_add(1),
            Some(Action::Cancel) => self.confirm_leave = true,
            Some(Action::Done) => return self.finish(),
            _ => {
                if let Some(editor) = self.editor_mut()
                    && editor.input(key)
                {
                    self.problem = None;
                }
            }
        }
        Outcome::Continue
    }

    pub(crate) fn paste(&mut self, pasted: &str) {
        let single = self.current() == Page::NextReview;
        if let Some(editor) = self.editor_mut() {
            let pasted = if single {
                pasted.lines().next().unwrap_or_default()
            } else {
                pasted
            };
            editor.insert_str(pasted);
        }
    }

    fn turn(&mut self, step: i32) {
        let last = self.pages().len().saturating_sub(1);
        let page = i64::try_from(self.page).unwrap_or(0) + i64::from(step);
        self.page = usize::try_from(page.max(0)).unwrap_or(0).min(last);
        self.scroll = 0;
    }

    /// The answers, once the date reads as one (or is empty).
    fn finish(&mut self) -> Outcome {
        let next_review = match parse_next_review(self.next_review.text()) {
            Ok(date) => date,
            Err(message) => {
                self.problem = Some(message);
                return Outcome::Continue;
            }
        };
        let comments = self
            .reflections
            .iter()
            .zip(&self.comments)
            .filter(|(_, comment)| !comment.text().trim().is_empty())
            .map(|(reflection, comment)| Comment {
                course: reflection.course.clone(),
                module: reflection.module.clone(),
                question: reflection.question_id.clone(),
                question_text: reflection.question.clone(),
                reflection: reflection.text.clone(),
                comment: comment.text().trim().to_owned(),
            })
            .collect();
        Outcome::Done(Answers {
            comments,
            overall: self.overall.text().trim().to_owned(),
            actions: self.actions.text().trim().to_owned(),
            next_review,
        })
    }

    pub(crate) fn draw(&self, canvas: &mut Canvas, area: Rect) {
        let theme = Theme {
            color: self.color,
            ascii: self.ascii,
        };
        let [title_row, body, foot] = stack(area, [Some(1), None, Some(2)]);
        let title = text::review_screen_title(&self.log_id, self.learner.as_deref());
        canvas.render_widget(
            Paragraph::new(Span::styled(title, theme.header())).style(theme.header()),
            title_row,
        );
        let width = usize::from(body.width.saturating_sub(2)).max(8);
        let body = Rect::new(body.x + 1, body.y, body.width.saturating_sub(2), body.height);
        let wrap = |words: &str, style| -> Vec<Line<'static>> {
            words
                .lines()
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
                .collect()
        };
        let (above, box_title, editor) = match self.current() {
            Page::Reflection(index) => {
                let Some(reflection) = self.reflections.get(index) else {
                    return;
                };
                let mut lines = wrap(&reflection.heading, theme.title());
                lines.push(Line::from(Span::styled(
                    text::review_screen_reflection(index + 1, self.reflections.len()),
                    theme.heading(),
                )));
                lines.extend(wrap(&reflection.question, theme.lead()));
                lines.push(Line::from(Span::styled(text::REVIEW_SCREEN_WROTE, theme.note())));
                lines.extend(wrap(&reflection.text, theme.plain()));
                (lines, text::REVIEW_SCREEN_COMMENT, self.comments.get(index))
            }
            Page::Overall => (
                wrap(text::REVIEW_SCREEN_OVERALL, theme.heading()),
                text::REVIEW_SCREEN_OVERALL_BOX,
                Some(&self.overall),
            ),
            Page::Actions => (
                wrap(text::REVIEW_SCREEN_ACTIONS, theme.heading()),
                text::REVIEW_SCREEN_ACTIONS_BOX,
                Some(&self.actions),
            ),
            Page::NextReview => {
                // Why the date was not taken comes first: on a small
                // screen it is what must show.
                let mut lines = match &self.problem {
                    Some(problem) => wrap(problem, theme.alarm()),
                    None => Vec::new(),
                };
                lines.extend(wrap(text::REVIEW_SCREEN_NEXT, theme.heading()));
                lines.extend(wrap(
                    &text::review_screen_summary(self.written_comments(), &self.destination),
                    theme.plain(),
                ));
                (lines, text::REVIEW_SCREEN_DATE_BOX, Some(&self.next_review))
            }
        };
        // The box keeps at least three rows (borders and a line to write
        // on), a comment box half the screen when there is room.
        let box_rows = if self.current() == Page::NextReview {
            3
        } else {
            (body.height / 2).max(3).min(body.height)
        };
        let wanted = u16::try_from(above.len()).unwrap_or(u16::MAX);
        let above_rows = wanted.min(body.height.saturating_sub(box_rows));
        let [above_area, box_area, _] = stack(body, [Some(above_rows), Some(box_rows), None]);
        let box_area = if self.current() == Page::NextReview {
            box_area
        } else {
            // The comment box takes every row the text above leaves.
            Rect::new(
                box_area.x,
                box_area.y,
                box_area.width,
                body.height.saturating_sub(above_rows),
            )
        };
        let max_scroll = wanted.saturating_sub(above_rows);
        let scroll = self.scroll.min(max_scroll);
        let shown: Vec<Line> = above
            .into_iter()
            .skip(usize::from(scroll))
            .take(usize::from(above_rows))
            .collect();
        draw_lines(canvas, above_area, &shown);
        let mut block = Block::bordered()
            .title(format!("{} {box_title}", theme.symbols().pointer))
            .border_style(theme.border(true));
        if scroll < max_scroll {
            block = block.title(Line::from(Span::styled(text::QUESTION_MORE, theme.keys())).right_aligned());
        } else if scroll > 0 {
            block = block.title(Line::from(Span::styled(text::QUESTION_BACK, theme.keys())).right_aligned());
        }
        if let Some(editor) = editor {
            let inner = block.inner(box_area);
            canvas.render_widget(block, box_area);
            draw_editor(canvas, editor, inner, theme.plain(), !self.confirm_leave);
        }
        let keys = fit_keys(
            &keymap::footer(self.context(), Situation::default()),
            usize::from(foot.width),
        );
        let mut foot_lines = Vec::new();
        if self.confirm_leave {
            foot_lines.push(Line::from(Span::styled(text::REVIEW_SCREEN_LEAVE, theme.selected())));
        } else {
            foot_lines.push(Line::from(text::review_screen_page(self.page + 1, self.pages().len())));
        }
        foot_lines.push(Line::from(Span::styled(keys, theme.keys())));
        canvas.render_widget(Paragraph::new(foot_lines).wrap(Wrap { trim: true }), foot);
    }

    fn written_comments(&self) -> usize {
        self.comments
            .iter()
            .filter(|comment| !comment.text().trim().is_empty())
            .count()
    }
}

/// Runs the full-screen review on the terminal; `Ok(None)` when the
/// reviewer leaves without writing it. The terminal is put back however
/// it ends.
pub(crate) fn ask(log: &LogView, destination: &Path) -> Result<Option<Answers>, String> {
    let color = std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty());
    let mut screen = ReviewScreen::new(log, destination, color);
    screen.ascii = super::terminal::ascii_from_environment();
    // A panic must not leave the terminal raw (restoring twice is harmless).
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        super::terminal::restore();
        previous(info);
    }));
    let result = super::terminal::setup().and_then(|()| run(&mut screen));
    super::terminal::restore();
    result.map_err(|error| text::io_reason(&error))
}

fn run(screen: &mut ReviewScreen) -> io::Result<Option<Answers>> {
    let backend = LeanBackend::new(BufWriter::with_capacity(64 * 1024, io::stdout()));
    let mut terminal = Terminal::new(backend)?;
    terminal.clear()?;
    loop {
        terminal.draw(|frame| {
            let area = frame.area();
            let mut canvas = Canvas::new(frame.buffer_mut());
            screen.draw(&mut canvas, area);
            if let Some(position) = canvas.cursor() {
                frame.set_cursor_position(position);
            }
        })?;
        let outcome = match event::read()? {
            Event::Key(key) => screen.key(key),
            Event::Paste(pasted) => {
                screen.paste(&pasted.replace("\r\n", "\n").replace('\r', "\n"));
                Outcome::Continue
            }
            Event::Resize(..) => {
                // Asked again at the next draw, which fits the new size.
                terminal.backend_mut().forget_size();
                Outcome::Continue
            }
            _ => Outcome::Continue,
        };
        match outcome {
            Outcome::Continue => {}
            Outcome::Done(answers) => return Ok(Some(answers)),
            Outcome::Left => return Ok(None),
        }
    }
}

#[cfg(test)]
#[path = "supervise_tests.rs"]
mod tests;
