//! The Windows console: its control events (Ctrl-C, Ctrl-Break, the
//! window closed; logging off and shutting down reach only services, so
//! for those the autosave is what keeps the text), and the window a
//! double-clicked `casebook.exe` opens, which closes the moment casebook
//! exits.
//!
//! The only `unsafe` code in casebook is here, in two calls into the
//! Windows API. No well-kept crate offers what they do: `ctrlc` (used
//! before) returns from Windows' handler at once, and Windows ends the
//! process as soon as that handler returns, so a save started on another
//! thread raced the end of the process and could lose; and nothing safe
//! asks how many programs share the console. The README's "Why casebook has
//! a little unsafe code" says the same.

/// Console control events, as Windows numbers them.
pub mod event {
    pub const CTRL_C: u32 = 0;
    pub const CTRL_BREAK: u32 = 1;
    pub const CLOSE: u32 = 2;
    pub const LOGOFF: u32 = 5;
    pub const SHUTDOWN: u32 = 6;
}

/// The exit code after a console control event: 130 after Ctrl-C or
/// Ctrl-Break, as a Unix shell reports an interrupt; 129 when the console
/// went away (the window closed, logging off, shutting down), as after a
/// hang-up on Unix.
pub fn exit_code(event: u32) -> i32 {
    match event {
        event::CTRL_C | event::CTRL_BREAK => 130,
        _ => 129,
    }
}

#[cfg(windows)]
pub use windows::{console_of_its_own, on_control_event};

#[cfg(windows)]
#[allow(unsafe_code)]
mod windows {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicBool, Ordering};

    use windows_sys::Win32::System::Console::{GetConsoleProcessList, SetConsoleCtrlHandler};
    use windows_sys::core::BOOL;

    type Rescue = Box<dyn Fn(u32) + Send + Sync>;

    static RESCUE: OnceLock<Rescue> = OnceLock::new();
    static HANDLING: AtomicBool = AtomicBool::new(false);

    /// Runs `rescue` with the event's number on a console control event.
    /// `rescue` saves and then exits the process itself; Windows waits for
    /// it (up to five seconds for a closed window), because it runs inside
    /// Windows' own handler.
    pub fn on_control_event(rescue: impl Fn(u32) + Send + Sync + 'static) -> std::io::Result<()> {
        RESCUE
            .set(Box::new(rescue))
            .map_err(|_| std::io::Error::other(crate::text::CONSOLE_HANDLER_TWICE))?;
        let handler: unsafe extern "system" fn(u32) -> BOOL = handle;
        // SAFETY: `handle` is a function that lives as long as the program,
        // takes the event's number by value and touches only the two
        // statics above (and the rescue one of them holds); Windows only
        // keeps the pointer and calls it on a thread of its own.
        let added = unsafe { SetConsoleCtrlHandler(Some(handler), 1) };
        if added == 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    }

    /// Windows calls this on a thread it starts for the event, and ends
    /// the process as soon as it returns TRUE: so the rescue runs here, to
    /// the end, instead of being handed to another thread.
    extern "system" fn handle(event: u32) -> BOOL {
        match RESCUE.get() {
            Some(rescue) => {
                // A thread per event: Ctrl-Break and then the window closed
                // would save twice at once. The later one waits for the
                // first, which ends the process; it must not return, or
                // Windows would end the process in the middle of that save.
                if HANDLING.swap(true, Ordering::SeqCst) {
                    loop {
                        std::thread::sleep(std::time::Duration::from_secs(60));
                    }
                }
                rescue(event);
                1
            }
            // Not set up: Windows' default (end the process) applies.
            None => 0,
        }
    }

    /// Whether casebook is the only program using its console window: it
    /// was started by double-clicking `casebook.exe`, and the window will
    /// close as soon as casebook exits.
    pub fn console_of_its_own() -> bool {
        let mut ids = [0u32; 4];
        let length = u32::try_from(ids.len()).unwrap_or(1);
        // SAFETY: `ids` has room for `length` process ids and outlives the
        // call, which writes at most that many.
        let count = unsafe { GetConsoleProcessList(ids.as_mut_ptr(), length) };
        count == 1
    }
}

/// After an error, in a window of casebook's own (a double-clicked exe),
/// waits for Enter so the message can be read before the window closes.
/// Anywhere else (a command prompt, a script, any other system) it does
/// nothing.
pub fn hold_window_after_error() {
    #[cfg(windows)]
    {
        use std::io::IsTerminal;
        if console_of_its_own() && std::io::stdin().is_terminal() {
            eprintln!("{}", crate::text::PRESS_ENTER_TO_CLOSE);
            let mut line = String::new();
            let _ = std::io::stdin().read_line(&mut line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupt_exits_130_and_a_console_gone_away_129() {
        assert_eq!(exit_code(event::CTRL_C), 130);
        assert_eq!(exit_code(event::CTRL_BREAK), 130);
        for gone in [event::CLOSE, event::LOGOFF, event::SHUTDOWN] {
            assert_eq!(exit_code(gone), 129, "event {gone}");
        }
    }
}
