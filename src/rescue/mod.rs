//! Saving drafts when the process is being torn down: SIGHUP (the SSH link
//! dropped), SIGTERM, SIGINT, SIGQUIT and panics. The main loop may be
//! blocked on a dead terminal, so a separate thread saves from a snapshot of
//! the drafts that the loop keeps up to date: after every change, or, for a
//! large draft, once a burst of keys is over (the snapshot is then "behind",
//! and a signal asks the loop to catch up before it saves). When the data
//! folder refuses them (the reason saving was failing), they go to a
//! fallback file in the system's runtime or temporary folder, offered back
//! at the next start.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::folder::DataPaths;
use crate::journal::ModuleJournal;
use crate::store::{FileStore, Store};

/// Puts together the journals to save, only when they must be saved.
pub type Compose = Box<dyn Fn() -> Vec<ModuleJournal> + Send>;

/// What a snapshot holds: the journals, or how to make them.
enum Held {
    Journals(Vec<ModuleJournal>),
    Composed(Compose),
}

impl Default for Held {
    fn default() -> Self {
        Held::Journals(Vec::new())
    }
}

/// The journals with changes not yet on disk, as of the last refresh.
#[derive(Clone, Default)]
pub struct Snapshot {
    inner: Arc<Mutex<Held>>,
    /// Text has changed since the last refresh (a large draft during a
    /// burst of keys).
    behind: Arc<AtomicBool>,
    /// A signal is waiting for the loop to refresh.
    wanted: Arc<AtomicBool>,
}

/// How long a signal waits for the loop to catch up, or for a save under
/// way to end, before it saves what it has.
const CATCH_UP_LIMIT: Duration = Duration::from_secs(1);

impl Snapshot {
    /// Up to date again, with these journals.
    pub fn replace(&self, journals: Vec<ModuleJournal>) {
        // A panic while the copy was held poisons it; the copy is whole
        // all the same (it is only ever swapped), and up to date now.
        let mut guard = self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *guard = Held::Journals(journals);
        self.behind.store(false, Ordering::SeqCst);
    }

    /// The loop changed text without refreshing: a signal must ask first.
    pub fn fall_behind(&self) {
        self.behind.store(true, Ordering::SeqCst);
    }

    pub fn is_behind(&self) -> bool {
        self.behind.load(Ordering::SeqCst)
    }

    /// A signal is waiting: the loop refreshes at once, burst or not.
    pub fn is_wanted(&self) -> bool {
        self.wanted.load(Ordering::SeqCst)
    }

    /// The signal thread: asks the loop for the latest text, waits until
    /// the snapshot has it and no save is under way, then keeps every other
    /// save out for good, so the snapshot it writes is never older than a
    /// save. A loop stuck for `CATCH_UP_LIMIT` (a hung disk, a dead
    /// terminal) is not waited for: what the snapshot holds is saved.
    fn catch_up_then_stop_saves(&self) -> SavesStopped {
        self.catch_up_then_hold(&SAVING, CATCH_UP_LIMIT)
    }

    fn catch_up_then_hold(&self, saving: &'static Mutex<()>, limit: Duration) -> SavesStopped {
        self.wanted.store(true, Ordering::SeqCst);
        let start = Instant::now();
        loop {
            let late = start.elapsed() >= limit;
            match saving.try_lock() {
                Ok(guard) if late || !self.is_behind() => {
                    std::mem::forget(guard);
                    return SavesStopped::Yes;
                }
                Ok(guard) => drop(guard),
                Err(std::sync::TryLockError::Poisoned(poisoned)) => {
                    std::mem::forget(poisoned.into_inner());
                    return SavesStopped::Yes;
                }
                Err(std::sync::TryLockError::WouldBlock) if late => return SavesStopped::NotYet,
                Err(std::sync::TryLockError::WouldBlock) => {}
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Keeps a way to make the journals rather than the journals: for text
    /// that grows a line at a time (plain mode's answer being typed), so
    /// that keeping the snapshot up to date costs nothing per line.
    pub fn replace_with(&self, compose: Compose) {
        if let Ok(mut guard) = self.inner.lock() {
            *guard = Held::Composed(compose);
        }
    }

    /// Writes every journal in the snapshot, and those the data folder
    /// refuses to a fallback file, whose path is returned; never blocks on
    /// a poisoned or held lock for long (a panicking thread may hold it).
    pub fn save_all(&self, paths: &DataPaths) -> Rescued {
        let Some(journals) = self.journals() else {
            return Rescued::Lost;
        };
        // Through the store, so an older journal's copy is kept here too.
        let mut store = FileStore::new(paths.clone());
        let refused: Vec<ModuleJournal> = journals
            .into_iter()
            .filter(|journal| store.save_module(journal).is_err())
            .collect();
        if refused.is_empty() {
            return Rescued::Saved;
        }
        match write_fallback(paths, &refused) {
            Ok(path) => Rescued::Fallback(path),
            Err(_) => Rescued::Lost,
        }
    }

    /// Writes every journal in the snapshot to a fallback file, leaving the
    /// data folder alone: for a signal that could not stop a save under way
    /// (on a hung disk), which may finish with newer text than this. The
    /// file is offered back at the next start, where the learner decides.
    pub fn save_aside(&self, paths: &DataPaths) -> Rescued {
        match self.journals() {
            Some(journals) if journals.is_empty() => Rescued::Saved,
            Some(journals) => match write_fallback(paths, &journals) {
                Ok(path) => Rescued::Fallback(path),
                Err(_) => Rescued::Lost,
            },
            None => Rescued::Lost,
        }
    }

    /// Saved with `save_all` when every other save has stopped, else set
    /// aside with `save_aside`.
    pub fn save_when(&self, stopped: SavesStopped, paths: &DataPaths) -> Rescued {
        match stopped {
            SavesStopped::Yes => self.save_all(paths),
            SavesStopped::NotYet => self.save_aside(paths),
        }
    }

    /// The journals held, or `None` when the copy stayed locked for a
    /// second (a panicking thread may hold it): the drafts cannot be
    /// reached, and saying they were saved would be a lie.
    pub(crate) fn journals(&self) -> Option<Vec<ModuleJournal>> {
        try_for_a_second(&self.inner, |held| match held {
            Held::Journals(journals) => journals.clone(),
            Held::Composed(compose) => compose(),
        })
    }
}

/// Whether a signal's rescue has stopped every other save, or gave up
/// waiting for one under way (a hung disk) that may still finish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SavesStopped {
    Yes,
    NotYet,
}

/// Runs `read` on what a mutex holds, waiting up to a second for it (a
/// poisoned one is read all the same); `None` if it stayed held.
fn try_for_a_second<T, R>(mutex: &Mutex<T>, read: impl FnOnce(&T) -> R) -> Option<R> {
    let start = Instant::now();
    loop {
        match mutex.try_lock() {
            Ok(guard) => return Some(read(&guard)),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => return Some(read(&poisoned.into_inner())),
            Err(std::sync::TryLockError::WouldBlock) if start.elapsed() < Duration::from_secs(1) => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}

/// Held by the tutor's loop while it handles a message (which may save) and
/// refreshes the snapshot, and taken for good by the signal thread before it
/// saves: so the thread never writes an older snapshot over a newer save,
/// and the loop saves nothing once the thread has begun.
static SAVING: Mutex<()> = Mutex::new(());

/// The tutor's loop: hold this while handling a message.
pub fn saving() -> std::sync::MutexGuard<'static, ()> {
    SAVING.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The signal thread: takes the save lock and keeps it until the process
/// exits. Waits at most a second (a save stuck on a hung disk must not stop
/// the rescue).
fn stop_other_saves() -> SavesStopped {
    let start = Instant::now();
    loop {
        match SAVING.try_lock() {
            Ok(guard) => {
                std::mem::forget(guard);
                return SavesStopped::Yes;
            }
            Err(std::sync::TryLockError::Poisoned(poisoned)) => {
                std::mem::forget(poisoned.into_inner());
                return SavesStopped::Yes;
            }
            Err(std::sync::TryLockError::WouldBlock) if start.elapsed() < Duration::from_secs(1) => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(std::sync::TryLockError::WouldBlock) => return SavesStopped::NotYet,
        }
    }
}

/// A signal's first step: the snapshot brought up to date, when there is
/// one, and every other save stopped.
fn stop_saves_when_current(snapshot: Option<&Snapshot>) -> SavesStopped {
    match snapshot {
        Some(snapshot) => snapshot.catch_up_then_stop_saves(),
        None => stop_other_saves(),
    }
}

/// Stops everything else saving, then saves the snapshot: for a stop
/// casebook noticed itself (Ctrl-C in plain mode) rather than a signal.
pub fn save_and_stop(snapshot: &Snapshot, paths: &DataPaths) -> Rescued {
    snapshot.save_when(stop_other_saves(), paths)
}

/// What became of the drafts when casebook was torn down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rescued {
    /// All in the data folder.
    Saved,
    /// The data folder refused some: they are in this file.
    Fallback(PathBuf),
    /// Neither the data folder nor the fallback folder took them.
    Lost,
}

impl Rescued {
    /// Says where the text went, after the terminal is back (stderr may be
    /// gone with the terminal: a failed write is not a reason to panic).
    pub fn report(&self, when_saved: Option<&str>) {
        let message = match self {
            Rescued::Saved => match when_saved {
                Some(words) => words.to_owned(),
                None => return,
            },
            Rescued::Fallback(path) => crate::text::drafts_in_fallback(&path.display().to_string()),
            Rescued::Lost => crate::text::DRAFTS_LOST.to_owned(),
        };
        let _ = writeln!(std::io::stderr(), "\n{message}");
    }
}

/// Stops a file-size limit (`ulimit -f`, common on locked-down machines)
/// from killing casebook mid-save: with SIGXFSZ caught, the write fails with
/// EFBIG instead, and the usual NOT SAVED path keeps the text.
pub fn survive_file_size_limit() {
    #[cfg(unix)]
    {
        let _ = signal_hook::flag::register(
            signal_hook::consts::SIGXFSZ,
            Arc::new(std::sync::atomic::AtomicBool::new(false)),
        );
    }
}

/// SIGHUP, SIGTERM, SIGINT and SIGQUIT, caught from `watch_signals` on. `start`
/// runs the thread that saves and exits (with 128 + the signal's number, as
/// shells expect); it waits until the first frame is out, and a signal that
/// comes before then is held for it.
pub struct SignalWatch {
    #[cfg(unix)]
    signals: signal_hook::iterator::Signals,
    /// Told whether every other save has stopped.
    save: Box<dyn Fn(SavesStopped) -> Rescued + Send + Sync>,
    /// The tutor's snapshot, brought up to date before it is saved.
    current: Option<Snapshot>,
    restore: fn(),
    saved_words: Option<String>,
}

/// `saved_words` is said on standard error once the drafts are safe.
pub fn watch_signals(
    snapshot: Snapshot,
    paths: DataPaths,
    restore: fn(),
    saved_words: Option<&'static str>,
) -> std::io::Result<SignalWatch> {
    let current = snapshot.clone();
    let mut watch = watch_signals_saving(
        Box::new(move |stopped| snapshot.save_when(stopped, &paths)),
        restore,
        saved_words.map(str::to_owned),
    )?;
    watch.current = Some(current);
    Ok(watch)
}

/// The same for any other text being written (a supervisor's review):
/// `save` keeps it and says where it went.
pub fn watch_signals_saving(
    save: Box<dyn Fn(SavesStopped) -> Rescued + Send + Sync>,
    restore: fn(),
    saved_words: Option<String>,
) -> std::io::Result<SignalWatch> {
    Ok(SignalWatch {
        #[cfg(unix)]
        signals: signal_hook::iterator::Signals::new([
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGTERM,
            // From another process: in raw mode Ctrl-C is a key, not this.
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGQUIT,
        ])?,
        save,
        current: None,
        restore,
        saved_words,
    })
}

impl SignalWatch {
    #[cfg(unix)]
    pub fn start(self) -> std::io::Result<()> {
        let SignalWatch {
            mut signals,
            save,
            current,
            restore,
            saved_words,
        } = self;
        std::thread::Builder::new()
            .name("casebook-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let stopped = stop_saves_when_current(current.as_ref());
                    let rescued = save(stopped);
                    if signal != signal_hook::consts::SIGHUP {
                        restore();
                    }
                    rescued.report(saved_words.as_deref());
                    std::process::exit(i32::from(crate::exit::SIGNALLED) + signal);
                }
            })?;
        Ok(())
    }

    /// Windows has no signals but console control events: Ctrl-C (outside
    /// the tutor, where it is a key), Ctrl-Break, the console window closed,
    /// logging off and shutting down. The save runs inside Windows' own
    /// handler, which Windows waits for before it ends the process.
    #[cfg(windows)]
    pub fn start(self) -> std::io::Result<()> {
        let SignalWatch {
            save,
            current,
            restore,
            saved_words,
        } = self;
        crate::console::on_control_event(move |event| {
            let stopped = stop_saves_when_current(current.as_ref());
            let rescued = save(stopped);
            restore();
            rescued.report(saved_words.as_deref());
            std::process::exit(crate::console::exit_code(event));
        })
    }

    #[cfg(not(any(unix, windows)))]
    pub fn start(self) -> std::io::Result<()> {
        let _ = (self.save, self.current, self.restore, self.saved_words);
        Ok(())
    }
}

/// Until a hook of its own is set: a panic says what the standard hook says
/// and exits with 101. The release build aborts on a panic rather than
/// unwinding (`panic = "abort"`, a smaller program), which would otherwise
/// end it by SIGABRT, not with the exit status casebook documents.
pub fn exit_101_on_panic() {
    let standard = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        standard(info);
        std::process::exit(i32::from(crate::exit::CRASH));
    }));
}

/// On a panic: the terminal first, then the drafts, then a short message
/// saying where the text is. Exits with 101, as an uncaught panic does.
pub fn install_panic_hook(snapshot: Snapshot, paths: DataPaths, restore: fn()) {
    std::panic::set_hook(Box::new(move |info| {
        restore();
        let rescued = snapshot.save_all(&paths);
        rescued.report(None);
        let place = info
            .location()
            .map(|location| format!("{}:{}", location.file(), location.line()))
            .unwrap_or_default();
        let message = crate::text::crashed(&paths.root().display().to_string(), &place);
        crate::messages::say(&message);
        std::process::exit(i32::from(crate::exit::CRASH));
    }));
}

mod fallback;
pub use fallback::{TakenBack, find_fallbacks, take_back_fallbacks, write_fallback};

#[cfg(test)]
mod tests;
