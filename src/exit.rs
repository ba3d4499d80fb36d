//! Every exit code casebook uses, in one list ([`TABLE`] makes the README's
//! table and the man page's EXIT STATUS).
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
/// The identifying-details check found something in a log, CPD records or
/// a review about to be written, or in words about to be sent to a learning
/// record store, and it was not written or sent (`--checked` does).
pub const FOUND: u8 = 7;
/// Stopped with Ctrl-C in plain mode (128 + SIGINT, as a shell expects),
/// with what was typed saved first.
pub const INTERRUPTED: u8 = 130;
/// A crash (a panic): drafts were saved first, as an uncaught panic exits.
pub const CRASH: u8 = 101;
/// Ended by a signal or a console event: 128 and the signal's number.
pub const SIGNALLED: u8 = 128;

/// Every exit status, with what it means, for the README's table and the
/// man page's EXIT STATUS (both made from this list; a test checks the
/// README's table against it).
pub const TABLE: &[(u8, &str)] = &[
    (OK, "success"),
    (
        CONTENT,
        "refused or nothing to do: a module or guide casebook does not know, nothing to export, \
         validate found errors, a digest that does not match, a log or review refused",
    ),
    (
        USAGE,
        "a mistake in the command line (an unknown option, a date not written as YYYY-MM-DD)",
    ),
    (
        DATA,
        "a file or the data folder could not be read or written (a full disk, a file that already \
         exists, a folder others can write to), or the output could not be written",
    ),
    (LOCKED, "another casebook is already open on the same data folder"),
    (
        LRS,
        "no learning record store is set up, or it could not be reached or refused the key",
    ),
    (
        TERMINAL,
        "the terminal went away without a hang-up signal (a closed window, a dropped link); drafts saved first",
    ),
    (
        FOUND,
        "the identifying-details check found something (export, cpd export, review, sync, check), and nothing was written or sent without --checked",
    ),
    (
        CRASH,
        "casebook crashed; drafts were saved first and the message says where",
    ),
    (
        SIGNALLED + 1,
        "the terminal or console window was closed, or the SSH link dropped (SIGHUP); drafts saved",
    ),
    (
        SIGNALLED + 2,
        "interrupted (SIGINT, Ctrl-C in plain mode, Ctrl-Break); drafts saved",
    ),
    (SIGNALLED + 3, "SIGQUIT; drafts saved"),
    (SIGNALLED + 15, "stopped by SIGTERM; drafts saved"),
];
