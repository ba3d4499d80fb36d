//! Plain mode at a terminal: Ctrl-C ends the line being typed, as Enter
//! does, instead of being a signal that the terminal answers by throwing
//! the line away. The terminal keeps its own line editing (Backspace,
//! Ctrl-U, Ctrl-W) and echo; only what Ctrl-C does changes, and it is put
//! back as it was when plain mode ends, however it ends.

#[cfg(unix)]
static SAVED: std::sync::Mutex<Option<rustix::termios::Termios>> = std::sync::Mutex::new(None);

/// Makes Ctrl-C end a line on standard input when it is a terminal;
/// returns whether it does.
#[cfg(unix)]
pub fn keep_line_on_ctrl_c() -> bool {
    use rustix::termios::{OptionalActions, SpecialCodeIndex, tcgetattr, tcsetattr};
    let stdin = std::io::stdin();
    let Ok(saved) = tcgetattr(&stdin) else {
        return false;
    };
    let mut changed = saved.clone();
    // No key interrupts (0 is "disabled" for a special character), and
    // Ctrl-C is a second Enter: the line comes to casebook with it.
    changed.special_codes[SpecialCodeIndex::VINTR] = 0;
    changed.special_codes[SpecialCodeIndex::VEOL] = super::input::CTRL_C;
    if let Ok(mut held) = SAVED.lock() {
        *held = Some(saved);
    }
    tcsetattr(&stdin, OptionalActions::Now, &changed).is_ok()
}

#[cfg(not(unix))]
pub fn keep_line_on_ctrl_c() -> bool {
    false
}

/// Puts the terminal back as plain mode found it. Safe to call more than
/// once, and from the signal thread or a panic.
pub fn restore() {
    #[cfg(unix)]
    {
        let saved = match SAVED.try_lock() {
            Ok(held) => held.clone(),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => poisoned.into_inner().clone(),
            Err(std::sync::TryLockError::WouldBlock) => None,
        };
        if let Some(saved) = saved {
            let _ = rustix::termios::tcsetattr(std::io::stdin(), rustix::termios::OptionalActions::Now, &saved);
        }
    }
}
