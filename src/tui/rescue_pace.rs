//! When the tutor's loop copies its unsaved text into the signal snapshot
//! (`crate::rescue`): after every message while the text is small, which
//! costs microseconds; for a large draft, once a burst of keys is over or a
//! second has passed, so that typing in a 2 MB answer does not copy 2 MB
//! per key. Always after a save, so that a signal never writes older text
//! over it, and at once when a signal is waiting for it.

use std::time::{Duration, Instant};

use jiff::Timestamp;

use super::app::App;
use super::session::{SMALL_PENDING, pending_bytes, pending_journals};
use crate::rescue::Snapshot;
use crate::store::Store;

/// Longest a large draft's snapshot stays behind while keys keep coming.
const LONGEST_BEHIND: Duration = Duration::from_secs(1);

/// No key for this long ends a burst: a snapshot behind catches up.
pub(crate) const BURST_GAP: Duration = Duration::from_millis(100);

pub(crate) struct Pace {
    /// Set by a test (debug builds only): the copy catches up only when a
    /// signal asks, so that it is surely behind when one comes.
    lagging: bool,
    refreshed: Instant,
    saves_seen: u64,
    /// When the last message was handled: the time the snapshot's text
    /// carries, as it would have had it been copied then.
    handled: Timestamp,
}

impl Pace {
    pub(crate) fn new(now: Instant) -> Self {
        let lagging = cfg!(debug_assertions) && std::env::var_os("CASEBOOK_FAULT_SNAPSHOT_LAGS").is_some();
        Pace {
            lagging,
            refreshed: now,
            saves_seen: 0,
            handled: Timestamp::now(),
        }
    }

    /// After a message: whether the snapshot is copied now.
    pub(crate) fn due(&mut self, pending: usize, saves: u64, wanted: bool, now: Instant) -> bool {
        let saved = saves != self.saves_seen;
        self.saves_seen = saves;
        saved
            || wanted
            || pending < SMALL_PENDING
            || (!self.lagging && now.duration_since(self.refreshed) >= LONGEST_BEHIND)
    }

    /// After a message, with the save lock held: the snapshot brought up to
    /// date, or marked behind unless the message left the text alone.
    pub(crate) fn after_message<S: Store>(
        &mut self,
        app: &App<S>,
        snapshot: &Snapshot,
        handled: Timestamp,
        text_alone: bool,
    ) {
        if !text_alone {
            self.handled = handled;
        }
        let now = Instant::now();
        if self.due(
            pending_bytes(&app.model),
            app.journal_saves(),
            snapshot.is_wanted(),
            now,
        ) {
            snapshot.replace(pending_journals(&app.model, self.handled));
            self.refreshed = now;
        } else if !text_alone {
            snapshot.fall_behind();
        }
    }

    /// Keys have stopped for `BURST_GAP`: a snapshot behind catches up.
    pub(crate) fn keys_stopped<S: Store>(&mut self, app: &App<S>, snapshot: &Snapshot) {
        if !self.lagging {
            self.catch_up(app, snapshot);
        }
    }

    /// A signal asks (or the keys stopped): a snapshot behind catches up.
    pub(crate) fn catch_up<S: Store>(&mut self, app: &App<S>, snapshot: &Snapshot) {
        if snapshot.is_behind() {
            let _saving = crate::rescue::saving();
            snapshot.replace(pending_journals(&app.model, self.handled));
            self.refreshed = Instant::now();
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use crate::store::MemoryStore;
    use crate::tui::message::Msg;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(code: KeyCode) -> Msg {
        Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    /// The tutor with Tim's module open and the answer box open at its
    /// last section's first question; the snapshot kept as the loop keeps it.
    fn writing() -> (App<MemoryStore>, Snapshot) {
        let profile = crate::journal::Profile {
            welcomed: true,
            ..Default::default()
        };
        let store = MemoryStore {
            profile: Some(profile),
            ..Default::default()
        };
        let courses = crate::content::load_library(None, &[]).courses;
        let mut app = App::new(courses, store, "/data".into());
        let snapshot = Snapshot::default();
        app.keep_current_before_saves(snapshot.clone());
        let now = Timestamp::now();
        app.handle(Msg::Resize(80, 24), now);
        app.model.home.selected = 2;
        app.handle(key(KeyCode::Enter), now);
        let sections = app.model.courses[0].modules[2].sections.len();
        if let crate::tui::model::Screen::Reader(reader) = &mut app.model.screen {
            reader.section = sections - 1;
        }
        app.handle(key(KeyCode::Enter), now);
        assert!(app.model.screen.draft().is_none(), "the answer box is open, empty");
        (app, snapshot)
    }

    /// The length of the answer the snapshot holds, in bytes.
    fn held_answer(snapshot: &Snapshot) -> usize {
        let journals = snapshot.journals().expect("the snapshot is not held");
        journals
            .iter()
            .flat_map(|journal| journal.reflections.values())
            .map(|reflection| reflection.text.len())
            .sum()
    }

    /// One message as the loop handles it.
    fn handle(app: &mut App<MemoryStore>, pace: &mut Pace, snapshot: &Snapshot, msg: Msg) {
        let text_alone = msg.leaves_text_alone();
        let now = Timestamp::now();
        app.handle(msg, now);
        pace.after_message(app, snapshot, now, text_alone);
    }

    #[test]
    fn a_small_draft_is_copied_after_every_message() {
        let start = Instant::now();
        let mut pace = Pace::new(start);
        for key in 1..100 {
            let now = start + Duration::from_millis(key);
            assert!(pace.due(SMALL_PENDING - 1, 0, false, now), "key {key}");
        }
        let (mut app, snapshot) = writing();
        let mut pace = Pace::new(Instant::now());
        for typed in "Mid-thought".chars() {
            handle(&mut app, &mut pace, &snapshot, key(KeyCode::Char(typed)));
            assert!(!snapshot.is_behind());
        }
        assert_eq!(
            held_answer(&snapshot),
            "Mid-thought".len(),
            "the last key is in the copy"
        );
    }

    #[test]
    fn a_large_draft_is_copied_once_keys_stop_or_a_save_comes_and_a_tick_marks_nothing() {
        let (mut app, snapshot) = writing();
        let mut pace = Pace::new(Instant::now());
        let large = "word ".repeat(SMALL_PENDING / 5 + 10);
        handle(&mut app, &mut pace, &snapshot, Msg::Paste(large.clone()));
        assert!(snapshot.is_behind(), "a large paste is not copied at once");
        assert_eq!(held_answer(&snapshot), 0, "the copy is the one before the paste");

        pace.catch_up(&app, &snapshot);
        assert!(!snapshot.is_behind());
        assert_eq!(held_answer(&snapshot), large.len(), "the keys stopped: copied");

        handle(&mut app, &mut pace, &snapshot, Msg::Tick);
        handle(&mut app, &mut pace, &snapshot, Msg::Resize(80, 24));
        assert!(
            !snapshot.is_behind(),
            "a tick or a resize changes no text: no copy is due"
        );

        handle(&mut app, &mut pace, &snapshot, key(KeyCode::Char('x')));
        assert!(
            snapshot.is_behind(),
            "a key typed in a large draft waits for the burst's end"
        );

        // Ctrl-S saves now: the snapshot is copied before the save and after it.
        let saves = app.store.saves;
        handle(
            &mut app,
            &mut pace,
            &snapshot,
            Msg::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
        );
        assert_eq!(app.store.saves, saves + 1, "Ctrl-S saved the module");
        assert!(!snapshot.is_behind(), "a save brings the copy up to date");
    }

    /// A panic later in the message that saved must not write an older copy
    /// over that save: the copy is brought up to date before each save.
    #[test]
    fn a_save_brings_the_copy_up_to_date_before_it_writes() {
        let (mut app, snapshot) = writing();
        let mut pace = Pace::new(Instant::now());
        let large = "word ".repeat(SMALL_PENDING / 5 + 10);
        handle(&mut app, &mut pace, &snapshot, Msg::Paste(large.clone()));
        assert!(snapshot.is_behind());
        // The message alone, as a panic after it would leave things: no
        // refresh after it.
        app.handle(
            Msg::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            Timestamp::now(),
        );
        let saved = app
            .store
            .modules
            .values()
            .flat_map(|journal| journal.reflections.values());
        assert_eq!(
            saved.map(|reflection| reflection.text.len()).sum::<usize>(),
            large.len()
        );
        assert_eq!(
            held_answer(&snapshot),
            large.len(),
            "what a panic would save now is what was just saved, not the copy before the paste"
        );
    }
}
