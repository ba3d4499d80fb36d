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
pub(crate) const LONGEST_BEHIND: Duration = Duration::from_secs(1);

/// No key for this long ends a burst: a snapshot behind catches up.
pub(crate) const BURST_GAP: Duration = Duration::from_millis(100);

pub(crate) struct Pace {
    refreshed: Instant,
    saves_seen: u64,
    /// When the last message was handled: the time the snapshot's text
    /// carries, as it would have had it been copied then.
    handled: Timestamp,
}

impl Pace {
    pub(crate) fn new(now: Instant) -> Self {
        Pace {
            refreshed: now,
            saves_seen: 0,
            handled: Timestamp::now(),
        }
    }

    /// After a message: whether the snapshot is copied now.
    pub(crate) fn due(&mut self, pending: usize, saves: u64, wanted: bool, now: Instant) -> bool {
        let saved = saves != self.saves_seen;
        self.saves_seen = saves;
        saved || wanted || pending < SMALL_PENDING || now.duration_since(self.refreshed) >= LONGEST_BEHIND
    }

    /// After a message, with the save lock held: the snapshot brought up to
    /// date, or marked behind.
    pub(crate) fn after_message<S: Store>(&mut self, app: &App<S>, snapshot: &Snapshot, handled: Timestamp) {
        self.handled = handled;
        let now = Instant::now();
        if self.due(
            pending_bytes(&app.model),
            app.journal_saves(),
            snapshot.is_wanted(),
            now,
        ) {
            snapshot.replace(pending_journals(&app.model, handled));
            self.refreshed = now;
        } else {
            snapshot.fall_behind();
        }
    }

    /// Keys have stopped (or a signal asks): a snapshot behind catches up.
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
    use super::*;

    #[test]
    fn a_small_draft_is_copied_after_every_message() {
        let start = Instant::now();
        let mut pace = Pace::new(start);
        for key in 1..100 {
            let now = start + Duration::from_millis(key);
            assert!(pace.due(SMALL_PENDING - 1, 0, false, now), "key {key}");
        }
    }

    #[test]
    fn a_large_draft_waits_for_the_burst_to_end_or_a_second_unless_saved_or_wanted() {
        let start = Instant::now();
        let mut pace = Pace::new(start);
        let at = |ms| start + Duration::from_millis(ms);
        // As the loop does: a copy made is the time counted from.
        let mut due = |saves, wanted, now| {
            let due = pace.due(SMALL_PENDING, saves, wanted, now);
            if due {
                pace.refreshed = now;
            }
            due
        };
        assert!(!due(0, false, at(10)), "typing fast in a large draft");
        assert!(!due(0, false, at(900)));
        assert!(due(0, false, at(1_000)), "a second behind at most");
        assert!(!due(0, false, at(1_500)));
        assert!(due(1, false, at(1_501)), "a save happened: copied at once");
        assert!(!due(1, false, at(1_502)), "the same save is not counted twice");
        assert!(due(1, true, at(1_503)), "a signal is waiting");
    }
}
