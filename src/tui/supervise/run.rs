//! The full-screen review's own small loop, and keeping its draft: saved a
//! second or two after typing stops, at every page turn, on Ctrl-C, and
//! from a signal thread (SIGHUP, SIGTERM, a closed console) or a panic, as
//! the tutor keeps a learner's reflections (`rescue`).

use std::io::{self, BufWriter};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::crossterm::event::{self, Event};

use super::{Outcome, ReviewScreen};
use crate::folder::DataPaths;
use crate::rescue::Rescued;
use crate::supervision::draft::{self, ReviewDraft};
use crate::supervision::{Answers, OnScreen};
use crate::text;
use crate::tui::backend::LeanBackend;
use crate::tui::widgets::Canvas;

/// A pause this long in typing saves the draft.
const AUTOSAVE_AFTER: Duration = Duration::from_millis(1200);

/// The draft as of the last key, for the signal thread and a panic.
#[derive(Clone, Default)]
struct Latest(Arc<Mutex<Option<ReviewDraft>>>);

impl Latest {
    fn set(&self, draft: Option<ReviewDraft>) {
        if let Ok(mut guard) = self.0.lock() {
            *guard = draft;
        }
    }

    /// Saves what it holds (nothing typed is nothing to save).
    fn save(&self, paths: &DataPaths) -> Rescued {
        let draft = match self.0.try_lock() {
            Ok(guard) => guard.clone(),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => poisoned.into_inner().clone(),
            Err(std::sync::TryLockError::WouldBlock) => return Rescued::Lost,
        };
        match draft {
            Some(draft) if !draft.is_empty() => match draft::save(paths, &draft.log_id, &draft.log_digest, &draft) {
                Ok(_) => Rescued::Saved,
                Err(_) => Rescued::Lost,
            },
            _ => Rescued::Saved,
        }
    }
}

/// Runs the full-screen review on the terminal; `Ok(None)` when the
/// reviewer leaves before writing it (what they typed is kept as a
/// draft). The terminal is put back however it ends.
pub(crate) fn ask(request: &OnScreen) -> Result<Option<Answers>, String> {
    let color = std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty());
    let mut screen = ReviewScreen::new(request.log, request.destination, color);
    screen.peer = request.peer;
    screen.allow = request.allow.cloned();
    screen.ascii = crate::tui::terminal::ascii_from_environment();
    // A draft that cannot be read is not offered; it is named instead.
    match draft::load(request.paths, request.log) {
        Ok(Some(waiting)) => screen.offer(waiting),
        Ok(None) => {}
        Err(problem) => {
            screen.notice = Some(
                match draft::set_aside(request.paths, request.log, jiff::Timestamp::now()) {
                    Ok(aside) => text::review_draft_set_aside(&problem, &aside.display().to_string()),
                    Err(_) => problem,
                },
            );
        }
    }
    let latest = Latest::default();
    let draft_file = draft::draft_path(request.paths, request.log).display().to_string();
    {
        let latest = latest.clone();
        let paths = request.paths.clone();
        let watching = crate::rescue::watch_signals_saving(
            // Saved either way: the loop sets `latest` before it saves, so
            // a save still under way (a hung disk) holds nothing newer.
            Box::new(move |_stopped| latest.save(&paths)),
            crate::tui::terminal::restore,
            Some(text::review_draft_saved_words(&draft_file)),
        );
        if let Err(error) = watching.and_then(crate::rescue::SignalWatch::start) {
            crate::messages::say(&text::signals_unwatched(&error.to_string()));
        }
    }
    // A panic must not leave the terminal raw, nor lose the draft.
    let previous = std::panic::take_hook();
    {
        let latest = latest.clone();
        let paths = request.paths.clone();
        std::panic::set_hook(Box::new(move |info| {
            crate::tui::terminal::restore();
            let _ = latest.save(&paths);
            previous(info);
        }));
    }
    let result = crate::tui::terminal::setup().and_then(|()| run(&mut screen, request.paths, &latest));
    crate::tui::terminal::restore();
    result.map_err(|error| text::io_reason(&error))
}

fn save_now(screen: &mut ReviewScreen, paths: &DataPaths) {
    let draft = screen.draft();
    if draft.is_empty() {
        // Nothing typed (or all of it deleted): no file for nothing.
        let result = draft::clear_file(paths, &draft.log_id, &draft.log_digest);
        screen.saved(result);
        return;
    }
    let result = draft::save(paths, &draft.log_id, &draft.log_digest, &draft).map(|_| ());
    screen.saved(result);
}

fn run(screen: &mut ReviewScreen, paths: &DataPaths, latest: &Latest) -> io::Result<Option<Answers>> {
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
        // Wait for a key, or until a pause in typing saves the draft.
        let due = screen
            .dirty_since()
            .map(|since| AUTOSAVE_AFTER.saturating_sub(since.elapsed()));
        if let Some(wait) = due
            && !event::poll(wait.max(Duration::from_millis(1)))?
        {
            let _saving = crate::rescue::saving();
            save_now(screen, paths);
            continue;
        }
        let event = event::read()?;
        // The signal thread waits for this, and this for it: the draft it
        // saves is never older than one saved here.
        let _saving = crate::rescue::saving();
        let outcome = match event {
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
        let offered = screen.offer.is_some();
        latest.set((!offered).then(|| screen.draft()));
        match outcome {
            Outcome::Continue => {}
            Outcome::Turned => save_now(screen, paths),
            Outcome::StartedAgain => {
                if let Err(problem) = draft::clear_file(paths, &screen.log_id, &screen.log_digest) {
                    screen.saved(Err(problem));
                }
            }
            Outcome::Done(answers) => {
                // Kept until the review is written: a write that fails
                // loses nothing.
                if !offered {
                    save_now(screen, paths);
                }
                latest.set(None);
                return Ok(Some(answers));
            }
            Outcome::Left => {
                if !offered && screen.dirty_since().is_some() {
                    save_now(screen, paths);
                }
                latest.set(None);
                return Ok(None);
            }
        }
    }
}
