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
    let stopped = snapshot.catch_up_then_hold(&LOOP_SAVING, Duration::from_secs(5));
    assert_eq!(stopped, SavesStopped::Yes);
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
    let stopped = snapshot.catch_up_then_hold(&STUCK_SAVING, Duration::from_millis(200));
    let waited = start.elapsed();
    assert!(waited >= Duration::from_millis(200), "gave up after {waited:?}");
    assert_eq!(held_keys(&snapshot), Some(3));
    assert!(snapshot.is_wanted());
    assert_eq!(
        stopped,
        SavesStopped::Yes,
        "no save was under way: the lock is the signal's"
    );
}

/// A save that never ends (a hung disk) while a signal waits: the signal
/// does not write what it has over the data folder, where that save may
/// yet land with newer text, but sets it aside in a fallback file.
#[test]
fn a_signal_that_cannot_stop_a_save_under_way_sets_the_text_aside() {
    static HUNG_SAVING: Mutex<()> = Mutex::new(());
    let snapshot = Snapshot::default();
    snapshot.replace(typed(5));
    snapshot.fall_behind();
    let (holding, release) = std::sync::mpsc::channel::<()>();
    let (held, is_held) = std::sync::mpsc::channel::<()>();
    let saving = std::thread::spawn(move || {
        let _saving = HUNG_SAVING.lock();
        held.send(()).ok();
        release.recv().ok();
    });
    is_held.recv().ok();
    let stopped = snapshot.catch_up_then_hold(&HUNG_SAVING, Duration::from_millis(100));
    holding.send(()).ok();
    saving.join().ok();
    assert_eq!(stopped, SavesStopped::NotYet);

    let folder = tempfile::tempdir().unwrap();
    let paths = DataPaths::at(folder.path());
    let rescued = snapshot.save_when(stopped, &paths);
    let Rescued::Fallback(aside) = &rescued else {
        panic!("set aside, not {rescued:?}");
    };
    let offered = find_fallbacks(&paths);
    std::fs::remove_file(aside).ok();
    assert_eq!(
        offered
            .iter()
            .map(|(path, journals)| (path, journals[0].active_seconds))
            .collect::<Vec<_>>(),
        vec![(aside, 5)],
        "the text is in the fallback file the next start offers back"
    );
    assert_eq!(
        FileStore::new(paths).load_module("course", "module").ok(),
        Some(None),
        "nothing was written in the data folder"
    );
}
