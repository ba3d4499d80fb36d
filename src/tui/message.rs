//! What can happen to the tutor, and what it asks the outside world to do.
//! Every effect's result comes back as a message, so `update` alone
//! decides what follows (retrying, quitting, closing a dialog).

use std::path::PathBuf;

use jiff::tz::TimeZone;
use ratatui::crossterm::event::KeyEvent;

use super::model::ModuleKey;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// casebook has started: what the command line and the data folder say.
    Start(Startup),
    /// The first frame is out: the system's time zone, and why signals are
    /// not being watched, if they are not.
    Ready {
        timezone: TimeZone,
        problem: Option<String>,
    },
    Key(KeyEvent),
    /// Bracketed paste: the whole pasted text at once.
    Paste(String),
    /// Keys that were already queued when the first was read: on consoles
    /// without bracketed paste (Windows), how a paste arrives. In an open
    /// editor their text is typed, Enter and Tab included.
    Burst(Vec<KeyEvent>),
    Resize(u16, u16),
    /// Text an earlier run kept in fallback files is back in the data
    /// folder (just after the first frame): these journals, and what to say.
    TakenBack(crate::rescue::TakenBack),
    /// A timer ran out: an autosave may be due.
    Tick,
    /// The learning record store refused casebook's key and secret (this
    /// HTTP status), so the background sending has stopped for this run.
    RecordsRefused(u16),
    /// A module's journal is on disk.
    Saved(ModuleKey),
    /// The profile is on disk.
    ProfileSaved,
    /// A save failed: the reason, then the file.
    SaveFailed(String),
    /// A log was written, to these full paths (the log, then its printable
    /// copy if one was asked for); `unrecorded` says why the data folder's
    /// record of exports could not be updated, if it could not.
    Exported {
        paths: Vec<PathBuf>,
        unrecorded: Option<String>,
    },
    /// The identifying-details check found something in the log about to be
    /// written: nothing was written.
    ExportFindings(crate::tui::found::Findings),
    /// A finding was marked "not identifying" (or why it could not be).
    FindingMarked(Result<(), String>),
    /// A log could not be written; `suggestion` is a free name beside the
    /// one asked for, when that one exists.
    ExportFailed {
        reason: String,
        suggestion: Option<PathBuf>,
    },
    /// For the export dialog: the first free file name for each format, and
    /// the last export recorded in the data folder (its day and format).
    ExportPrepared {
        free: Vec<PathBuf>,
        last: Option<(jiff::civil::Date, crate::export::Formats)>,
    },
    /// A damaged journal was moved aside (to this path), or why not.
    SetAside {
        key: ModuleKey,
        result: Result<PathBuf, String>,
    },
    /// A review passed every check and is kept in the data folder: it is
    /// applied to the journals in memory. `message` says what was
    /// imported; `reviews` is every imported review, read again, and
    /// `unreadable` the stored reviews that could not be read.
    ReviewImported {
        review: Box<crate::review::Review>,
        message: String,
        reviews: Vec<crate::review::ImportedReview>,
        unreadable: Vec<String>,
    },
    /// A review was refused (or could not be kept), and why: nothing changed.
    ReviewRefused(String),
    /// The terminal went away: save what there is and leave.
    TerminalFailed,
    /// A CPD record was saved under this id; the records as they now are.
    CpdRecordMade {
        id: String,
        records: Vec<crate::cpd::record::CpdRecord>,
    },
    /// A CPD record could not be saved: why, and where.
    CpdRecordFailed(String),
    /// A CPD record was moved to the discarded folder; the records as they
    /// now are.
    CpdRecordDiscarded {
        id: String,
        records: Vec<crate::cpd::record::CpdRecord>,
    },
}

impl Msg {
    /// Whether handling this message can change no text waiting to be
    /// saved (a timer, a resize, news from the background): the signal
    /// snapshot does not fall behind for it. A tick's autosave is a save,
    /// after which the snapshot is refreshed all the same.
    pub(crate) fn leaves_text_alone(&self) -> bool {
        matches!(
            self,
            Msg::Tick | Msg::Resize(..) | Msg::Ready { .. } | Msg::RecordsRefused(_)
        )
    }
}

/// What the tutor is told when it starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Startup {
    /// Colour, unless NO_COLOR is set.
    pub color: bool,
    /// How many content problems the course check found.
    pub content_errors: usize,
    /// The previous run did not end normally.
    pub recovered: bool,
    /// Said at start-up (drafts put back from a fallback file).
    pub notice: Option<String>,
    /// Where exported logs go by default.
    pub export_dir: PathBuf,
    /// The module named on the command line, as (course, module).
    pub open: Option<(usize, usize)>,
    /// The terminal's size, when known.
    pub size: Option<(u16, u16)>,
    /// ASCII symbols: asked for, or the console cannot show the others.
    pub ascii: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Save(ModuleKey),
    SaveProfile,
    /// Write a reflective log of these modules to a new file (and its
    /// printable copy beside it), after the identifying-details check
    /// unless the learner has read its findings and goes on (`checked`).
    Export {
        modules: Vec<ModuleKey>,
        formats: crate::export::Formats,
        path: PathBuf,
        since: Option<jiff::civil::Date>,
        until: Option<jiff::civil::Date>,
        checked: bool,
    },
    /// Remember a finding as "not identifying".
    MarkFinding(crate::identify::Mark),
    /// Find the first free name for each of these files, free for its
    /// printable copy too (one per choice of formats), and the last export
    /// recorded.
    PrepareExport(Vec<(PathBuf, crate::export::Formats)>),
    /// Check a review file as `import-review` does and keep it in the data
    /// folder (the tutor holds the data lock already).
    ImportReview {
        path: PathBuf,
        allowed_signers: Option<PathBuf>,
    },
    /// Move a damaged journal aside so its module starts afresh.
    SetAside(ModuleKey),
    /// Make a CPD record of a module from what the learner wrote, and save it.
    MakeCpdRecord {
        module: ModuleKey,
        written: crate::cpd::record::Written,
    },
    /// Move a CPD record to the discarded folder.
    DiscardCpdRecord(String),
}
