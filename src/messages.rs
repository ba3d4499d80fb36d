//! The one route by which casebook's words reach the terminal outside the
//! tutor: every message is sanitised (no control code from a file or a
//! server reaches the terminal), and a standard output that has gone away
//! becomes the right exit code, not a panic or a false success.

use std::io::{self, Write};

use crate::exit;
use crate::sanitise::sanitise;
use crate::text;

/// Writes a command's whole output to standard output. When it cannot be
/// written (a full disk, a closed pipe) the command must not claim success.
pub fn print(out: &str) -> Result<(), u8> {
    // Whatever a command prints, from wherever it came, reaches the
    // terminal through the sanitiser (clean text is not copied).
    let out = sanitise(out);
    let mut stdout = io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        // The reader has gone (`casebook list | head`): nobody to tell.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Err(exit::DATA),
        Err(error) => {
            say(&text::stdout_failed(&text::io_reason(&error)));
            Err(exit::DATA)
        }
    }
}

/// Says something on standard error: a warning, an error, a notice.
/// Standard error that cannot be written is left: there is nowhere else.
pub fn say(message: &str) {
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr, "{}", sanitise(message));
}

/// Writes a message to a given stream (a command's `err` or `out`, so that
/// tests can read it), sanitised. Whether it reached it is the caller's.
pub fn write_to(stream: &mut dyn Write, message: &str) -> io::Result<()> {
    writeln!(stream, "{}", sanitise(message))
}
