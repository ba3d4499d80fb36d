//! The edge: the real terminal, its events, and the loop that feeds them
//! to the app. Nothing here decides behaviour.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::Backend as _;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::{Rect, Size};

use super::app::App;
use super::backend::LeanBackend;
use super::backend::cells_on_blank;
use super::message::Msg;
use super::rescue_pace::{BURST_GAP, Pace};
use super::view::{Canvas, draw, view};
use crate::rescue::Snapshot;
use crate::store::Store;

pub(crate) type Backend = LeanBackend<BufWriter<Stdout>>;

/// Puts the terminal back as it was. Safe to call more than once.
pub(crate) fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        ratatui::crossterm::style::SetAttribute(ratatui::crossterm::style::Attribute::Reset),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

/// The terminal's size and a blank buffer of that size for the first
/// frame, made without changing the terminal's modes so that they can be
/// ready while the course is still being checked.
pub(crate) struct Prepared {
    buffer: Buffer,
}

impl Prepared {
    pub(crate) fn size(&self) -> Size {
        self.buffer.area.as_size()
    }
}

pub(crate) fn prepare() -> io::Result<Prepared> {
    let (width, height) = ratatui::crossterm::terminal::size()?;
    Ok(Prepared {
        buffer: Buffer::empty(Rect::new(0, 0, width, height)),
    })
}

pub(crate) fn setup() -> io::Result<()> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen)?;
    // The classic Windows console has no bracketed paste (crossterm says so
    // with an error): a paste then comes as a burst of keys, which the loop
    // types as text. Never a reason not to start.
    let _ = execute!(out, EnableBracketedPaste);
    execute!(out, cursor::Hide)
}

fn to_message(event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) => Some(Msg::Key(key)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(width, height) => Some(Msg::Resize(width, height)),
        _ => None,
    }
}

/// Runs the tutor until the learner quits. Every draft is saved before
/// this returns, whatever happens to the terminal.
/// `after_first_frame` runs once the first frame is out: start-up work the
/// first frame does not need waits until then. `news` brings messages from
/// casebook's own background work (the LRS sync), looked at every second
/// until its sender is gone.
pub(crate) fn run<S: Store>(
    app: &mut App<S>,
    prepared: io::Result<Prepared>,
    snapshot: &Snapshot,
    after_first_frame: impl FnOnce(&mut App<S>),
    news: Option<Receiver<Msg>>,
) -> Result<(), Failed> {
    let prepared = match prepared.and_then(|prepared| setup().map(|()| prepared)) {
        Ok(prepared) => prepared,
        Err(error) => {
            restore();
            return Err(Failed::Setup(error));
        }
    };
    let backend = LeanBackend::new(BufWriter::with_capacity(64 * 1024, io::stdout()));
    let result = event_loop(app, backend, prepared, snapshot, after_first_frame, news);
    if result.is_err() {
        // The terminal went away: save what we have. A signal may be on its
        // way too (the hang-up): its snapshot is brought up to date under
        // the same lock, so it never writes older text over this save.
        let _saving = crate::rescue::saving();
        let now = Timestamp::now();
        app.handle(Msg::TerminalFailed, now);
        snapshot.replace(super::session::pending_journals(&app.model, now));
    }
    restore();
    result.map_err(Failed::Lost)
}

/// Why the tutor's terminal failed.
pub(crate) enum Failed {
    /// It could not be set up: nothing was shown.
    Setup(io::Error),
    /// It went away or stopped working once the tutor was on it; every
    /// draft was saved before `run` returned.
    Lost(io::Error),
}

/// Draws the first frame straight onto the blank screen: ratatui's
/// `Terminal` would first make two screen buffers and compare them, which
/// was a quarter of the time to the first frame. Returns what was drawn.
fn first_frame<S: Store>(app: &mut App<S>, backend: &mut Backend, prepared: Prepared) -> io::Result<Buffer> {
    let Prepared { mut buffer } = prepared;
    let size = buffer.area.as_size();
    // Asked while the course loaded; a resize since is caught after this frame.
    backend.assume_size(size);
    app.handle(Msg::Resize(size.width, size.height), Timestamp::now());
    let mut canvas = Canvas::new(&mut buffer);
    view(&app.model, &mut canvas);
    let cursor = canvas.cursor();
    backend.draw(cells_on_blank(&buffer).into_iter())?;
    match cursor {
        Some(position) => {
            backend.show_cursor()?;
            backend.set_cursor_position(position)?;
        }
        None => backend.hide_cursor()?,
    }
    backend.flush()?;
    Ok(buffer)
}

fn event_loop<S: Store>(
    app: &mut App<S>,
    mut backend: Backend,
    prepared: Prepared,
    snapshot: &Snapshot,
    after_first_frame: impl FnOnce(&mut App<S>),
    mut news: Option<Receiver<Msg>>,
) -> io::Result<()> {
    // Fault injection for the tests: F12 panics, to prove drafts survive.
    // Debug builds only, and the release build CI makes for that test alone
    // (built with CASEBOOK_BUILD_FAULT_SWITCH set, to prove a panic still
    // saves when the release build aborts rather than unwinds): the program
    // a user builds never crashes on request.
    let switch_built_in = cfg!(debug_assertions) || option_env!("CASEBOOK_BUILD_FAULT_SWITCH").is_some();
    let panic_on_f12 = switch_built_in && std::env::var_os("CASEBOOK_FAULT_PANIC_ON_F12").is_some();
    let drawn = first_frame(app, &mut backend, prepared)?;
    after_first_frame(app);
    // Resize events are only heard from the first read on: a resize before
    // then is caught by asking the size again.
    backend.forget_size();
    let mut terminal = Terminal::new(backend)?;
    let now = terminal.size()?;
    if now == drawn.area.as_size() {
        // From here on only what changed is sent.
        *terminal.current_buffer_mut() = drawn;
        terminal.swap_buffers();
    } else {
        terminal.clear()?;
        app.handle(Msg::Resize(now.width, now.height), Timestamp::now());
    }
    let mut pace = Pace::new(std::time::Instant::now());
    app.keep_current_before_saves(snapshot.clone());
    let mut frames = || -> io::Result<()> {
        loop {
            // Only what changed since the last frame is sent.
            terminal.draw(|frame| draw(&app.model, frame))?;
            if app.model.quit {
                return Ok(());
            }
            // A signal is waiting for the latest text: whatever comes in
            // (even events that are no message, such as the mouse's), it is
            // given it now.
            if snapshot.is_wanted() {
                pace.catch_up(app, snapshot);
            }
            // News from background work first: looking costs nothing and
            // never waits, so it is seen even while keys keep coming.
            let news_message = match news.as_ref().map(Receiver::try_recv) {
                Some(Ok(message)) => Some(message),
                Some(Err(TryRecvError::Disconnected)) => {
                    news = None;
                    None
                }
                Some(Err(TryRecvError::Empty)) | None => None,
            };
            let (message, after) = match news_message {
                Some(message) => (Some(message), None),
                None => {
                    // Block until input, until an autosave falls due, or for a
                    // second at most: then look for news, and whether the
                    // terminal is still there. No busy loop.
                    let until_autosave = app.model.autosave_due().map(|due| {
                        let wait = due.duration_since(Timestamp::now()).as_millis().clamp(0, 60_000);
                        Duration::from_millis(u64::try_from(wait).unwrap_or(0))
                    });
                    // Waking only to look around is not an autosave's tick.
                    let looking_only = until_autosave.is_none_or(|wait| wait > NEWS_EVERY);
                    let mut wait = until_autosave.map_or(NEWS_EVERY, |wait| wait.min(NEWS_EVERY));
                    // A snapshot behind catches up once keys stop: waking
                    // for that alone is no autosave's tick either.
                    let behind = snapshot.is_behind();
                    let looking_only = looking_only || (behind && BURST_GAP < wait);
                    if behind {
                        wait = wait.min(BURST_GAP);
                    }
                    // A terminal that has gone (a closed window whose hang-up
                    // signal never reached casebook) reads as endless nothing,
                    // and crossterm would wait on it for ever at full speed.
                    if terminal_gone() {
                        return Err(io::Error::new(io::ErrorKind::BrokenPipe, crate::text::TERMINAL_GONE));
                    }
                    // Never a zero wait: crossterm's Unix reader does not look at
                    // the terminal at all for one, so an overdue autosave that
                    // could not be cleared would leave keys unread in a busy loop.
                    let ready = event::poll(wait.max(ALREADY_WAITING))?;
                    if !ready && behind {
                        pace.keys_stopped(app, snapshot);
                    }
                    if !ready && looking_only {
                        continue;
                    }
                    if ready {
                        read_input(&mut terminal)?
                    } else {
                        (Some(Msg::Tick), None)
                    }
                }
            };
            let f12 = |key: &ratatui::crossterm::event::KeyEvent| key.code == ratatui::crossterm::event::KeyCode::F(12);
            if panic_on_f12
                && match &message {
                    Some(Msg::Key(key)) => f12(key),
                    Some(Msg::Burst(keys)) => keys.iter().any(f12),
                    _ => false,
                }
            {
                #[allow(clippy::panic)]
                {
                    panic!("fault injection: F12 pressed with CASEBOOK_FAULT_PANIC_ON_F12 set");
                }
            }
            if let Some(message) = message {
                let now = Timestamp::now();
                let after = after.and_then(to_message);
                let text_alone = message.leaves_text_alone() && after.as_ref().is_none_or(Msg::leaves_text_alone);
                // A signal's rescue waits for this, and this for it: the snapshot
                // it saves is never older than what this loop saved.
                let _saving = crate::rescue::saving();
                app.handle(message, now);
                if let Some(after) = after {
                    app.handle(after, now);
                }
                pace.after_message(app, snapshot, now, text_alone);
            }
        }
    };
    let result = frames();
    if result.is_err() {
        // ratatui's Terminal shows the cursor again when dropped, and on a
        // terminal that has gone says so with `eprintln!`, which panics
        // when standard error is that terminal: it is left undropped.
        std::mem::forget(terminal);
    }
    result
}

/// The next input as a message: a resize, a key or a burst of keys already
/// queued (a paste on a console that sends it as key presses), or anything
/// else; and the event that ended a burst, if it was not a key.
fn read_input(terminal: &mut Terminal<Backend>) -> io::Result<(Option<Msg>, Option<Event>)> {
    let event = event::read()?;
    Ok(if matches!(event, Event::Resize(..)) {
        terminal.backend_mut().forget_size();
        (Some(resized(&event, ratatui::crossterm::terminal::size())), None)
    } else if matches!(event, Event::Key(_)) && event::poll(ALREADY_WAITING)? {
        let (keys, after) = read_burst(event)?;
        (Some(Msg::Burst(keys)), after)
    } else {
        (to_message(event), None)
    })
}

/// Whether the console cannot show the tutor's symbols (◐ ✓ ⊘ ▸ ▶ ● ○),
/// so ASCII is drawn instead: on Windows, any console but Windows Terminal
/// (which sets `WT_SESSION`); elsewhere, a locale that is set and is not
/// UTF-8. With no locale set at all, nothing is known, and the symbols stay.
pub(crate) fn console_lacks_symbols(windows: bool, variable: impl Fn(&str) -> Option<String>) -> bool {
    if windows {
        return variable("WT_SESSION").is_none_or(|session| session.is_empty());
    }
    // The first that is set decides, as in the C library.
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(|name| variable(name).filter(|value| !value.is_empty()));
    locale.is_some_and(|locale| {
        let locale = locale.to_ascii_uppercase();
        !(locale.contains("UTF-8") || locale.contains("UTF8"))
    })
}

/// ASCII symbols from the environment alone (`CASEBOOK_ASCII`, or a console
/// that cannot show the others), for screens run without the tutor's flags.
pub(crate) fn ascii_from_environment() -> bool {
    let asked = std::env::var("CASEBOOK_ASCII").is_ok_and(|value| {
        !matches!(
            value.trim().to_ascii_lowercase().as_str(),
            "" | "0" | "n" | "no" | "f" | "false" | "off"
        )
    });
    asked || console_lacks_symbols(cfg!(windows), |name| std::env::var(name).ok())
}

/// How long to look for keys already sent. Not zero: crossterm's Unix
/// reader answers a zero-length wait with "nothing" even when keys are
/// queued. Not a millisecond either: it waits in whole milliseconds and
/// spins through what is left of one, which cost a millisecond of CPU and
/// of delay on every key. Twenty microseconds is long enough to look at
/// what is queued and ask the terminal once, and costs nothing a typist
/// (or the benchmark) notices.
const ALREADY_WAITING: Duration = Duration::from_micros(20);

/// Whether standard input, the terminal, has hung up: asked without
/// waiting. (Elsewhere than Unix a console that goes ends the process.)
#[cfg(unix)]
fn terminal_gone() -> bool {
    use rustix::event::{PollFd, PollFlags, poll};
    let stdin = io::stdin();
    let mut watched = [PollFd::new(&stdin, PollFlags::IN)];
    let zero = rustix::event::Timespec { tv_sec: 0, tv_nsec: 0 };
    match poll(&mut watched, Some(&zero)) {
        Ok(_) => watched[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        Err(_) => false,
    }
}

#[cfg(not(unix))]
fn terminal_gone() -> bool {
    false
}

/// How often the loop looks for news from background work, and whether the
/// terminal is still there, while waiting.
const NEWS_EVERY: Duration = Duration::from_secs(1);

/// The most keys taken as one burst, so that a flood still lets frames out.
const BURST_LIMIT: usize = 65_536;

/// Reads the keys already queued behind `first`, without waiting. Returns
/// them, and the event that ended the burst if it was not a key.
fn read_burst(first: Event) -> io::Result<(Vec<ratatui::crossterm::event::KeyEvent>, Option<Event>)> {
    let mut keys = Vec::new();
    if let Event::Key(key) = first {
        keys.push(key);
    }
    while keys.len() < BURST_LIMIT && event::poll(ALREADY_WAITING)? {
        match event::read()? {
            Event::Key(key) => keys.push(key),
            other => return Ok((keys, Some(other))),
        }
    }
    Ok((keys, None))
}

/// The size after a resize: asked of the terminal, since some consoles
/// (Windows) report the buffer's size in the event, not the window's. The
/// event's numbers are used only when the terminal cannot be asked.
fn resized(event: &Event, asked: io::Result<(u16, u16)>) -> Msg {
    let (width, height) = match (asked, event) {
        (Ok(size), _) => size,
        (Err(_), Event::Resize(width, height)) => (*width, *height),
        (Err(_), _) => (0, 0),
    };
    Msg::Resize(width, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn environment(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(each, _)| each == name)
                .map(|(_, value)| value.clone())
        }
    }

    #[test]
    fn symbols_fall_back_to_ascii_only_where_the_console_cannot_show_them() {
        // Windows: the classic console, not Windows Terminal.
        assert!(console_lacks_symbols(true, environment(&[("LANG", "en_GB.UTF-8")])));
        assert!(!console_lacks_symbols(true, environment(&[("WT_SESSION", "1b2c")])));
        // Elsewhere: by the locale, the first of LC_ALL, LC_CTYPE, LANG set.
        assert!(!console_lacks_symbols(false, environment(&[("LANG", "en_GB.UTF-8")])));
        assert!(!console_lacks_symbols(false, environment(&[("LC_CTYPE", "C.utf8")])));
        assert!(console_lacks_symbols(false, environment(&[("LANG", "C")])));
        assert!(console_lacks_symbols(
            false,
            environment(&[("LC_ALL", "en_GB.ISO-8859-1"), ("LANG", "en_GB.UTF-8")])
        ));
        assert!(!console_lacks_symbols(false, environment(&[])));
    }

    #[test]
    fn a_resize_takes_the_size_the_terminal_reports_over_the_events() {
        let event = Event::Resize(300, 9000);
        assert_eq!(resized(&event, Ok((120, 40))), Msg::Resize(120, 40));
        let failed = Err(io::Error::other("no console"));
        assert_eq!(resized(&event, failed), Msg::Resize(300, 9000));
    }
}
