//! Every exit code casebook uses, in one list (documented in the README).
//! Some numbers have two names: the same kind of failure, said in the
//! words of the command that meets it.

pub const OK: u8 = 0;
/// Content problems: `validate` found errors, or a module named is missing.
pub const CONTENT: u8 = 1;
/// `export` had nothing to export (or an unknown module); `verify` found a
/// digest that does not match.
pub const NOTHING: u8 = 1;
/// `review` or `verify` refused a log or review that fails its checks, or
/// input that ended early.
pub const REFUSED: u8 = 1;
/// A usage problem (`--since` after `--until`; clap's own errors are 2 too).
pub const USAGE: u8 = 2;
/// The data folder is missing or cannot be written, or output cannot be.
pub const DATA: u8 = 3;
/// A file that cannot be written (or read), or a journal that cannot be read.
pub const FILE: u8 = 3;
/// Another casebook is open on the same data folder.
pub const LOCKED: u8 = 4;
/// No LRS is configured, or it could not be reached or refused casebook.
pub const LRS: u8 = 5;
/// The terminal went away while casebook was open (a closed window or a
/// dropped link that sent no hang-up signal): drafts were saved first.
pub const TERMINAL: u8 = 6;
/// The identifying-details check found something in a log about to be
/// written, and it was not written (write it anyway with `--checked`).
pub const FOUND: u8 = 7;
/// Stopped with Ctrl-C in plain mode (128 + SIGINT, as a shell expects),
/// with what was typed saved first.
pub const INTERRUPTED: u8 = 130;
