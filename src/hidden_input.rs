//! A secret typed at the terminal (a key's passphrase, an LRS secret):
//! read from the terminal itself, not standard input (which may be
//! carrying other answers), without echo, a key at a time, so Ctrl-C
//! cancels here with the terminal put back as it was, rather than killing
//! casebook with echo left off.

/// How reading a secret went. (Elsewhere than Unix only `NoTerminal` is
/// said, until casebook can ask there.)
#[cfg_attr(not(unix), allow(dead_code))]
pub(crate) enum Hidden {
    Typed(String),
    /// Ctrl-C, Ctrl-D or the end of input.
    Cancelled,
    /// No terminal to ask on (or a system where casebook cannot ask).
    NoTerminal,
    /// The terminal failed while reading: why.
    Failed(String),
}

#[cfg(unix)]
pub(crate) fn read_hidden(prompt: &str) -> Hidden {
    use rustix::termios::{LocalModes, OptionalActions, SpecialCodeIndex, tcgetattr, tcsetattr};
    use std::io::{Read, Write};
    let Ok(terminal) = std::fs::OpenOptions::new().read(true).write(true).open("/dev/tty") else {
        return Hidden::NoTerminal;
    };
    let Ok(saved) = tcgetattr(&terminal) else {
        return Hidden::NoTerminal;
    };
    let mut quiet = saved.clone();
    quiet
        .local_modes
        .remove(LocalModes::ECHO | LocalModes::ICANON | LocalModes::ISIG);
    quiet.special_codes[SpecialCodeIndex::VMIN] = 1;
    quiet.special_codes[SpecialCodeIndex::VTIME] = 0;
    if tcsetattr(&terminal, OptionalActions::Flush, &quiet).is_err() {
        return Hidden::NoTerminal;
    }
    let mut writer = &terminal;
    let _ = write!(writer, "{}", crate::sanitise::sanitise(prompt));
    let _ = writer.flush();
    let mut typed: Vec<u8> = Vec::new();
    let mut reader = &terminal;
    let outcome = loop {
        let mut byte = [0u8; 1];
        match reader.read(&mut byte) {
            Ok(0) => break Hidden::Cancelled,
            Ok(_) => match byte[0] {
                b'\r' | b'\n' => break Hidden::Typed(String::new()),
                // Ctrl-C, Ctrl-D
                0x03 | 0x04 => break Hidden::Cancelled,
                // Backspace, Delete: one whole character back.
                0x08 | 0x7f => {
                    while let Some(last) = typed.pop() {
                        if last & 0xC0 != 0x80 {
                            break;
                        }
                    }
                }
                // Ctrl-U: start again.
                0x15 => typed.clear(),
                other => typed.push(other),
            },
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => break Hidden::Failed(crate::text::io_reason(&error)),
        }
    };
    let _ = tcsetattr(&terminal, OptionalActions::Flush, &saved);
    let _ = writeln!(writer);
    match outcome {
        Hidden::Typed(_) => Hidden::Typed(String::from_utf8_lossy(&typed).into_owned()),
        other => other,
    }
}

#[cfg(not(unix))]
pub(crate) fn read_hidden(_prompt: &str) -> Hidden {
    Hidden::NoTerminal
}
