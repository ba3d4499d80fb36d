//! Saving drafts when the process is being torn down: SIGHUP (the SSH link
//! dropped), SIGTERM, SIGQUIT and panics. The main loop may be blocked on a
//! dead terminal, so a separate thread saves from a snapshot of the drafts
//! that the loop refreshes after every change.

use std::sync::{Arc, Mutex};

use crate::journal::{FileStore, ModuleJournal, Store};
use crate::paths::DataPaths;

/// The journals with changes not yet on disk, as of the last message.
#[derive(Clone, Default)]
pub struct Snapshot {
    inner: Arc<Mutex<Vec<ModuleJournal>>>,
}

impl Snapshot {
    pub fn replace(&self, journals: Vec<ModuleJournal>) {
        if let Ok(mut guard) = self.inner.lock() {
            *guard = journals;
        }
    }

    /// Writes every journal in the snapshot; never blocks on a poisoned or
    /// held lock for long (a panicking thread may hold it).
    pub fn save_all(&self, paths: &DataPaths) -> usize {
        let journals = match self.inner.try_lock() {
            Ok(guard) => guard.clone(),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => poisoned.into_inner().clone(),
            Err(std::sync::TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(50));
                match self.inner.try_lock() {
                    Ok(guard) => guard.clone(),
                    Err(_) => Vec::new(),
                }
            }
        };
        // Through the store, so an older journal's copy is kept here too.
        let mut store = FileStore::new(paths.clone());
        journals
            .iter()
            .filter(|journal| store.save_module(journal).is_ok())
            .count()
    }
}

/// SIGHUP, SIGTERM and SIGQUIT, caught from `watch_signals` on. `start`
/// runs the thread that saves and exits (with 128 + the signal's number, as
/// shells expect); it waits until the first frame is out, and a signal that
/// comes before then is held for it.
pub struct SignalWatch {
    #[cfg(unix)]
    signals: signal_hook::iterator::Signals,
    snapshot: Snapshot,
    paths: DataPaths,
    restore: fn(),
}

pub fn watch_signals(snapshot: Snapshot, paths: DataPaths, restore: fn()) -> std::io::Result<SignalWatch> {
    Ok(SignalWatch {
        #[cfg(unix)]
        signals: signal_hook::iterator::Signals::new([
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGQUIT,
        ])?,
        snapshot,
        paths,
        restore,
    })
}

impl SignalWatch {
    #[cfg(unix)]
    pub fn start(self) -> std::io::Result<()> {
        let SignalWatch {
            mut signals,
            snapshot,
            paths,
            restore,
        } = self;
        std::thread::Builder::new()
            .name("casebook-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    snapshot.save_all(&paths);
                    if signal != signal_hook::consts::SIGHUP {
                        restore();
                    }
                    std::process::exit(128 + signal);
                }
            })?;
        Ok(())
    }

    #[cfg(not(unix))]
    pub fn start(self) -> std::io::Result<()> {
        let _ = (self.snapshot, self.paths, self.restore);
        Ok(())
    }
}

/// On a panic: the terminal first, then the drafts, then a short message
/// saying where the text is. Exits with 101, as an uncaught panic does.
pub fn install_panic_hook(snapshot: Snapshot, paths: DataPaths, restore: fn()) {
    std::panic::set_hook(Box::new(move |info| {
        restore();
        snapshot.save_all(&paths);
        let place = info
            .location()
            .map(|location| format!("{}:{}", location.file(), location.line()))
            .unwrap_or_default();
        let message = crate::text::crashed(&paths.root().display().to_string(), &place);
        eprintln!("{}", crate::sanitise::sanitise(&message));
        std::process::exit(101);
    }));
}
