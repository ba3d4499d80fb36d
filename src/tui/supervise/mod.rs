//! The full-screen review for supervisors and peers (`casebook review
//! LOG.json` on a terminal): each reflection in turn, read first with a
//! comment box under it, then the log as a whole with the overall comments,
//! the agreed actions beside the learner's action points, and the next
//! review date. What is typed is kept as a draft in the reviewer's data
//! folder (`supervision::draft`), like a learner's reflection. It only
//! gathers the answers: checking the log, writing and signing are the
//! plain flow's own (`commands::review`).

mod draw;
mod record;
mod run;

use std::time::Instant;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use super::keymap::{self, Action, Context};
use crate::editor::Editor as TextEditor;
use crate::export::reading::LogView;
use crate::review::Comment;
use crate::supervision::draft::{DraftComment, ReviewDraft};
use crate::supervision::{Answers, parse_next_review};
use record::{Para, Reflection};

pub(crate) use run::ask;

/// Which page is showing: a reflection (by index), then the three
/// questions about the whole log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Reflection(usize),
    Overall,
    Actions,
    NextReview,
}

/// A draft waiting when the review opened.
struct Offer {
    draft: ReviewDraft,
    /// Asking "start again and throw the draft away?".
    restart: bool,
}

pub(crate) struct ReviewScreen {
    log_id: String,
    log_digest: String,
    learner: Option<String>,
    peer: bool,
    destination: String,
    reflections: Vec<Reflection>,
    summary: Vec<Para>,
    action_points: Vec<Para>,
    comments: Vec<TextEditor>,
    overall: TextEditor,
    actions: TextEditor,
    next_review: TextEditor,
    page: usize,
    /// How far the page's text is scrolled.
    scroll: u16,
    /// Writing in the box (else reading the page).
    writing: bool,
    /// Why the date was not taken.
    problem: Option<String>,
    /// Why the draft could not be saved, until it can.
    save_problem: Option<String>,
    /// Said once in the foot (a draft that could not be read, set aside).
    notice: Option<String>,
    /// Asking "leave now?".
    confirm_leave: bool,
    offer: Option<Offer>,
    /// Typed since the draft was last saved: when the typing began.
    dirty_since: Option<Instant>,
    /// The reading rows and how far they scroll, as last drawn: paging
    /// needs the screen's size.
    reading_rows: std::cell::Cell<(u16, u16)>,
    color: bool,
    /// ASCII symbols, as in the tutor.
    ascii: bool,
    /// The identifying-details check's allow list: with it, the review is
    /// checked before it is written (`None` with `--checked`).
    pub(crate) allow: Option<crate::identify::Allow>,
    /// What the check found when the reviewer asked to write: shown until
    /// they write anyway or go back to change it.
    findings: Option<Vec<crate::export::identify::Located>>,
    /// The `?` help, open over the screen whose keys it lists.
    help: Option<Context>,
    help_scroll: u16,
    /// The help's rows on screen and how far it scrolls, from the last draw.
    help_rows: std::cell::Cell<(u16, u16)>,
}

/// What a key did.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    Continue,
    /// A page was turned: the draft is saved now.
    Turned,
    /// The draft waiting was thrown away.
    StartedAgain,
    Done(Answers),
    Left,
}

impl ReviewScreen {
    pub(crate) fn new(log: &LogView, destination: &std::path::Path, color: bool) -> Self {
        let reflections = record::reflections(log);
        ReviewScreen {
            log_id: log.log_id.clone(),
            log_digest: log.digest.clone(),
            learner: log.learner.name.clone(),
            peer: false,
            destination: destination.display().to_string(),
            comments: reflections.iter().map(|_| TextEditor::new("")).collect(),
            reflections,
            summary: record::summary(log),
            action_points: record::action_points(log),
            overall: TextEditor::new(""),
            actions: TextEditor::new(""),
            next_review: TextEditor::single_line(""),
            page: 0,
            scroll: 0,
            writing: false,
            problem: None,
            save_problem: None,
            notice: None,
            confirm_leave: false,
            offer: None,
            dirty_since: None,
            reading_rows: std::cell::Cell::new((0, 0)),
            color,
            ascii: false,
            allow: None,
            findings: None,
            help: None,
            help_scroll: 0,
            help_rows: std::cell::Cell::new((0, 0)),
        }
    }

    /// A draft is waiting: the screen opens by offering it.
    pub(crate) fn offer(&mut self, draft: ReviewDraft) {
        self.offer = Some(Offer { draft, restart: false });
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
        match &self.offer {
            Some(offer) if offer.restart => return Context::ReviewRestart,
            Some(_) => return Context::ReviewOffer,
            None => {}
        }
        if self.confirm_leave {
            Context::ReviewLeave
        } else if self.findings.is_some() {
            Context::ReviewFindings
        } else if !self.writing {
            Context::ReviewRead
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
        // Ctrl-C asks nothing and loses nothing: the loop saves the draft.
        if keymap::global_action(&key) == Some(Action::QuitApp) {
            return Outcome::Left;
        }
        if self.help.is_some() {
            self.help_key(&key);
            return Outcome::Continue;
        }
        let action = keymap::own_action(self.context(), &key);
        self.notice = None;
        if let Some(offer) = &mut self.offer {
            return match (offer.restart, action) {
                (false, Some(Action::CarryOn)) => {
                    if let Some(offer) = self.offer.take() {
                        self.restore(&offer.draft);
                    }
                    Outcome::Continue
                }
                (false, Some(Action::StartAgain)) => {
                    offer.restart = true;
                    Outcome::Continue
                }
                (false, Some(Action::Quit)) => Outcome::Left,
                (true, Some(Action::StartAgain)) => {
                    self.offer = None;
                    Outcome::StartedAgain
                }
                (true, Some(Action::Cancel)) => {
                    offer.restart = false;
                    Outcome::Continue
                }
                _ => Outcome::Continue,
            };
        }
        if self.confirm_leave {
            self.confirm_leave = false;
            return if action == Some(Action::Quit) {
                Outcome::Left
            } else {
                Outcome::Continue
            };
        }
        if let Some(found) = &self.findings {
            return match action {
                Some(Action::Write) => {
                    self.findings = None;
                    self.answers().unwrap_or(Outcome::Continue)
                }
                Some(Action::Back) => {
                    let first = found.first().map(|located| located.place.clone());
                    self.findings = None;
                    if let Some(place) = first {
                        self.go_to(&place);
                    }
                    Outcome::Turned
                }
                _ => Outcome::Continue,
            };
        }
        let (rows, max) = self.reading_rows.get();
        let page = i32::from(rows.max(2)) - 1;
        match action {
            Some(Action::Next) => return self.turn(1),
            Some(Action::Previous) => return self.turn(-1),
            Some(Action::PageOrNext) if self.scroll >= max => return self.turn(1),
            Some(Action::PageOrNext | Action::PageDown) => self.scroll_by(page, max),
            Some(Action::PageUp) => self.scroll_by(-page, max),
            Some(Action::Down) => self.scroll_by(1, max),
            Some(Action::Up) => self.scroll_by(-1, max),
            Some(Action::First) => self.scroll = 0,
            Some(Action::Last) => self.scroll = max,
            Some(Action::SwitchPanel) => self.writing = true,
            Some(Action::StopWriting) => self.writing = false,
            Some(Action::Cancel) => self.confirm_leave = true,
            Some(Action::Done) => return self.finish(),
            Some(Action::Help) => {
                self.help = Some(self.context());
                self.help_scroll = 0;
            }
            _ if self.writing => {
                if let Some(editor) = self.editor_mut()
                    && editor.input(key)
                {
                    self.problem = None;
                    self.dirty_since.get_or_insert_with(Instant::now);
                }
            }
            _ => {}
        }
        Outcome::Continue
    }

    /// In the help: the movement keys scroll it when it does not fit; any
    /// other key closes it, as in the tutor.
    fn help_key(&mut self, key: &KeyEvent) {
        let (rows, max) = self.help_rows.get();
        let page = i32::from(rows.max(1));
        let delta = match keymap::own_action(Context::Help, key) {
            Some(Action::Up) => -1,
            Some(Action::Down) => 1,
            Some(Action::PageUp) => -page,
            Some(Action::PageDown) => page,
            Some(Action::First) => -i32::from(max),
            Some(Action::Last) => i32::from(max),
            _ => 0,
        };
        if delta == 0 || max == 0 {
            self.help = None;
            return;
        }
        self.help_scroll = super::layout::scrolled(self.help_scroll, delta, max);
    }

    fn scroll_by(&mut self, delta: i32, max: u16) {
        self.scroll = super::layout::scrolled(self.scroll, delta, max);
    }

    pub(crate) fn paste(&mut self, pasted: &str) {
        // Nothing goes into a box hidden under the help or the findings.
        if !self.writing || self.offer.is_some() || self.help.is_some() || self.findings.is_some() {
            return;
        }
        let single = self.current() == Page::NextReview;
        if let Some(editor) = self.editor_mut() {
            let pasted = if single {
                pasted.lines().next().unwrap_or_default()
            } else {
                pasted
            };
            editor.insert_str(pasted);
            self.dirty_since.get_or_insert_with(Instant::now);
        }
    }

    fn turn(&mut self, step: i32) -> Outcome {
        let last = self.pages().len().saturating_sub(1);
        let page = i64::try_from(self.page).unwrap_or(0) + i64::from(step);
        let page = usize::try_from(page.max(0)).unwrap_or(0).min(last);
        if page == self.page {
            return Outcome::Continue;
        }
        self.page = page;
        self.scroll = 0;
        // Reading first where there is a reflection to read; the pages
        // about the whole log open in their box.
        self.writing = !matches!(self.current(), Page::Reflection(_));
        Outcome::Turned
    }

    /// The answers, once the date reads as one (or is empty), and once the
    /// identifying-details check finds nothing in them (or the reviewer,
    /// shown what it found, writes anyway).
    fn finish(&mut self) -> Outcome {
        let Ok(outcome) = self.answers() else {
            return Outcome::Continue;
        };
        if let (Outcome::Done(answers), Some(allow)) = (&outcome, &self.allow) {
            let found = crate::export::identify::findings_in(&crate::supervision::check::texts(answers), allow);
            if !found.is_empty() {
                self.findings = Some(found);
                self.writing = false;
                // Saved now: what was typed is safe whatever comes next.
                return Outcome::Turned;
            }
        }
        outcome
    }

    /// Opens the page of a finding, in its box.
    fn go_to(&mut self, place: &crate::export::identify::Place) {
        use crate::export::identify::Part;
        let page = match &place.what {
            Part::ReviewOverall => self.pages().iter().position(|page| *page == Page::Overall),
            Part::ReviewActions => self.pages().iter().position(|page| *page == Page::Actions),
            _ => self.reflections.iter().position(|reflection| {
                reflection.course == place.course
                    && reflection.module == place.module
                    && Some(&reflection.question_id) == place.question.as_ref()
            }),
        };
        if let Some(page) = page {
            self.page = page;
        }
        self.scroll = 0;
        self.writing = true;
    }

    /// The answers as typed: `Err` (with the problem shown) when the date
    /// does not read as one.
    fn answers(&mut self) -> Result<Outcome, ()> {
        let next_review = match parse_next_review(self.next_review.text()) {
            Ok(date) => date,
            Err(message) => {
                self.problem = Some(message);
                return Err(());
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
        Ok(Outcome::Done(Answers {
            comments,
            overall: self.overall.text().trim().to_owned(),
            actions: self.actions.text().trim().to_owned(),
            next_review,
        }))
    }

    /// What has been typed, as a draft to keep.
    pub(crate) fn draft(&self) -> ReviewDraft {
        ReviewDraft {
            log_id: self.log_id.clone(),
            log_digest: self.log_digest.clone(),
            saved: Some(jiff::Timestamp::now()),
            page: self.page,
            comments: self
                .reflections
                .iter()
                .zip(&self.comments)
                .filter(|(_, comment)| !comment.text().is_empty())
                .map(|(reflection, comment)| DraftComment {
                    course: reflection.course.clone(),
                    module: reflection.module.clone(),
                    question: reflection.question_id.clone(),
                    text: comment.text().to_owned(),
                })
                .collect(),
            overall: self.overall.text().to_owned(),
            actions: self.actions.text().to_owned(),
            next_review: self.next_review.text().to_owned(),
        }
    }

    /// Carries on from a draft: every comment back on its reflection, on
    /// the page the reviewer was on.
    fn restore(&mut self, draft: &ReviewDraft) {
        for (reflection, comment) in self.reflections.iter().zip(self.comments.iter_mut()) {
            if let Some(text) = draft.comment(&reflection.course, &reflection.module, &reflection.question_id) {
                *comment = TextEditor::new(text);
            }
        }
        self.overall = TextEditor::new(&draft.overall);
        self.actions = TextEditor::new(&draft.actions);
        self.next_review = TextEditor::single_line(&draft.next_review);
        self.page = draft.page.min(self.pages().len().saturating_sub(1));
        self.scroll = 0;
        self.writing = !matches!(self.current(), Page::Reflection(_));
    }

    /// Whether anything typed is waiting to be saved, and since when.
    pub(crate) fn dirty_since(&self) -> Option<Instant> {
        self.dirty_since
    }

    /// The draft was saved (`Ok`) or could not be (`Err`, why).
    pub(crate) fn saved(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.dirty_since = None;
                self.save_problem = None;
            }
            Err(reason) => self.save_problem = Some(reason),
        }
    }

    fn written_comments(&self) -> usize {
        self.comments
            .iter()
            .filter(|comment| !comment.text().trim().is_empty())
            .count()
    }
}

#[cfg(test)]
mod tests;
