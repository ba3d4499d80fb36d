//! The signal snapshot catching up before a signal saves it.

use super::*;

/// A journal standing for "the text after `keys` keys".
fn typed(keys: u64) -> Vec<ModuleJournal> {
    let mut journal = ModuleJournal::new("course", "module");
    journal.active_seconds = keys;
    vec![journal]
}

fn held_keys(snapshot: &Snapshot) -> Option<u64> {
    match &*snapshot.inner.lock().ok()? {
        Held::Journals(journals) => journals.first().map(|journal| journal.active_seconds),
        Held::Composed(_) => None,
    }
}

/// The tutor's loop: ten keys in a burst (the snapshot falls behind),
/// then the quiet that ends the burst, long after a signal came.
#[test]
fn a_signal_during_a_burst_saves_the_last_key_not_the_last_copy() {
    static LOOP_SAVING: Mutex<()> = Mutex::new(());
    let snapshot = Snapshot::default();
    snapshot.replace(typed(0));
    let burst_over = Arc::new(AtomicBool::new(false));
    let looping = {
        let (snapshot, burst_over) = (snapshot.clone(), burst_over.clone());
        std::thread::spawn(move || {
            for key in 1..=10 {
                let _saving = LOOP_SAVING.lock();
                if snapshot.is_wanted() {
                    snapshot.replace(typed(key));
                } else {
                    snapshot.fall_behind();
                }
            }
            burst_over.store(true, Ordering::SeqCst);
            // Waiting for keys; when none come, the snapshot catches up.
            std::thread::sleep(Duration::from_millis(200));
            let _saving = LOOP_SAVING.lock();
            snapshot.replace(typed(10));
        })
    };
    while !burst_over.load(Ordering::SeqCst) {
        std::thread::yield_now();
    }
    assert!(snapshot.is_behind());
    snapshot.catch_up_then_hold(&LOOP_SAVING, Duration::from_secs(5));
    assert_eq!(
        held_keys(&snapshot),
        Some(10),
        "the key typed last is in what a signal saves"
    );
    assert!(
        LOOP_SAVING.try_lock().is_err(),
        "no save of the loop's can follow the signal's"
    );
    looping.join().ok();
}

/// A loop that never catches up (stuck on a dead terminal) is not
/// waited for beyond the limit: what the snapshot has is saved.
#[test]
fn a_loop_that_never_catches_up_is_waited_for_only_so_long() {
    static STUCK_SAVING: Mutex<()> = Mutex::new(());
    let snapshot = Snapshot::default();
    snapshot.replace(typed(3));
    snapshot.fall_behind();
    let start = Instant::now();
    snapshot.catch_up_then_hold(&STUCK_SAVING, Duration::from_millis(200));
    let waited = start.elapsed();
    assert!(waited >= Duration::from_millis(200), "gave up after {waited:?}");
    assert_eq!(held_keys(&snapshot), Some(3));
    assert!(snapshot.is_wanted());
}
