//! The tutor's state. Everything the screen shows is derived from this.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::content::{Course, Module};
use crate::editor::Editor as TextEditor;
use crate::journal::{CpdDraft, ModuleJournal, Profile, Status};

/// A module, by (course id, module id).
pub type ModuleKey = (String, String);

/// The smallest terminal the tutor draws in.
pub(crate) const MIN_WIDTH: u16 = 40;
pub(crate) const MIN_HEIGHT: u16 = 12;
/// The widest the reading text gets.
pub(crate) const READING_WIDTH: u16 = 88;
/// The grid needs this many columns; below it the home screen is a list.
pub(crate) const GRID_WIDTH: u16 = 100;
/// Drafts are saved this long after the learner stops typing...
pub(crate) const AUTOSAVE_MILLIS: i64 = 1500;
/// ...and at least this often while they keep typing.
pub(crate) const AUTOSAVE_MAX_MILLIS: i64 = 8000;

pub struct Model {
    pub courses: Vec<Course>,
    pub(crate) journals: BTreeMap<ModuleKey, ModuleJournal>,
    /// Journals that could not be read: the module opens read-only.
    pub damaged: BTreeMap<ModuleKey, String>,
    pub(crate) profile: Profile,
    pub screen: Screen,
    pub home: HomeState,
    /// The module asked for on the command line, opened once the first-run
    /// welcome is done.
    pub(crate) open_after_welcome: Option<(usize, usize)>,
    pub help: bool,
    /// How far the help's list of keys is scrolled, when it does not fit.
    pub help_scroll: u16,
    pub width: u16,
    pub height: u16,
    pub color: bool,
    /// A one-line message at the foot of the screen.
    pub notice: Option<String>,
    /// The learning record store refused casebook's key this run: said once
    /// as a notice, then kept on the home screen's foot.
    pub records_refused: bool,
    /// Set while a save is failing: shown plainly until everything is saved.
    pub save_error: Option<String>,
    /// When to try a failing save again, and how long the wait was.
    pub retry_at: Option<Timestamp>,
    pub(crate) retry_millis: i64,
    /// The profile file could not be read: it is never written over.
    pub(crate) profile_damaged: Option<String>,
    /// Modules with changes not yet written.
    pub unsaved: BTreeSet<ModuleKey>,
    pub(crate) profile_unsaved: bool,
    /// When the learner last pressed a key, for counting active time.
    pub(crate) last_input: Option<Timestamp>,
    /// Milliseconds of active time not yet whole seconds, per module.
    pub(crate) time_carry: BTreeMap<ModuleKey, i64>,
    pub(crate) timezone: TimeZone,
    /// Where journals live, shown in the welcome.
    pub(crate) data_dir: String,
    pub(crate) content_errors: usize,
    /// The one dialog or form over the screen (export, review import, CPD
    /// record), which takes the keys while it is open; the help, when open,
    /// sits over it and takes them first.
    pub overlay: Option<Overlay>,
    /// Where exported logs go by default (the folder casebook was started in).
    pub export_dir: std::path::PathBuf,
    /// The day (UTC) and format of the last log exported, from the data
    /// folder's record or this session: the dialog opens on that format,
    /// and "since the last export" starts that day.
    pub last_export: Option<(jiff::civil::Date, crate::export::Formats)>,
    /// The formats chosen in an export dialog left to change a finding's
    /// words: offered again when it opens next.
    pub(crate) export_choice: Option<crate::export::Formats>,
    /// Reviews imported into the data folder, oldest first: read at
    /// start-up and after an import, never per frame.
    pub reviews: Vec<crate::review::ImportedReview>,
    /// Leaving once the saves under way are done.
    pub(crate) quitting: bool,
    pub quit: bool,
    /// The last section laid out, so that a keystroke does not wrap it again.
    pub(crate) layout: LayoutCache,
    /// A form closed with Esc: reopened as it was (undo history and all)
    /// while casebook runs. Its text is also in the module's journal
    /// (`cpd_draft`), which is what a later run reopens from.
    pub(crate) cpd_draft: Option<CpdForm>,
    /// CPD records: read at start-up and after one is made, never per frame.
    pub(crate) cpd_records: Vec<crate::cpd::record::CpdRecord>,
    /// The layout the home screen counts the year by (Social Work England's).
    pub(crate) cpd_layout: Option<crate::cpd::layout::Layout>,
    /// The year's status, with the day it was worked out for.
    pub cpd_year: Option<(jiff::civil::Date, crate::cpd::year::YearStatus)>,
    /// The learner was told that leaving loses the CPD record being
    /// written: asking again leaves.
    pub(crate) cpd_quit_warned: bool,
    /// Per module, a peer review's comments the learner may start from.
    pub(crate) peer_offers: BTreeMap<ModuleKey, PeerOffer>,
    /// Plain ASCII symbols, for consoles that cannot show the others.
    pub ascii: bool,
}

/// What can be open over a screen, one at a time.
pub enum Overlay {
    /// The export dialog, over the home or completion screen.
    Export(ExportDialog),
    /// Importing a review, over the home screen.
    ReviewImport(ReviewImport),
    /// The CPD record form, over the completion screen.
    Cpd(CpdForm),
}

impl Model {
    pub fn export(&self) -> Option<&ExportDialog> {
        match &self.overlay {
            Some(Overlay::Export(dialog)) => Some(dialog),
            _ => None,
        }
    }

    pub fn export_mut(&mut self) -> Option<&mut ExportDialog> {
        match &mut self.overlay {
            Some(Overlay::Export(dialog)) => Some(dialog),
            _ => None,
        }
    }

    pub fn review_import(&self) -> Option<&ReviewImport> {
        match &self.overlay {
            Some(Overlay::ReviewImport(dialog)) => Some(dialog),
            _ => None,
        }
    }

    pub fn review_import_mut(&mut self) -> Option<&mut ReviewImport> {
        match &mut self.overlay {
            Some(Overlay::ReviewImport(dialog)) => Some(dialog),
            _ => None,
        }
    }

    pub fn cpd_form(&self) -> Option<&CpdForm> {
        match &self.overlay {
            Some(Overlay::Cpd(form)) => Some(form),
            _ => None,
        }
    }

    pub fn cpd_form_mut(&mut self) -> Option<&mut CpdForm> {
        match &mut self.overlay {
            Some(Overlay::Cpd(form)) => Some(form),
            _ => None,
        }
    }

    /// Closes the CPD form and gives it back (for keeping as a draft).
    pub fn take_cpd_form(&mut self) -> Option<CpdForm> {
        match self.overlay.take() {
            Some(Overlay::Cpd(form)) => Some(form),
            other => {
                self.overlay = other;
                None
            }
        }
    }

    /// Closes the export dialog and gives it back.
    pub fn take_export(&mut self) -> Option<ExportDialog> {
        match self.overlay.take() {
            Some(Overlay::Export(dialog)) => Some(dialog),
            other => {
                self.overlay = other;
                None
            }
        }
    }
}

/// A CPD record being written: three boxes, the third optional.
pub struct CpdForm {
    pub(crate) module: ModuleKey,
    /// What was learnt, the impact, the peer reflection.
    pub boxes: [TextEditor; 3],
    pub focus: usize,
    /// Why the last try to make the record failed.
    pub problem: Option<String>,
    /// When the text last changed and has not been put in the journal since.
    pub(crate) dirty_since: Option<Timestamp>,
}

impl CpdForm {
    /// Whether any box holds more than spaces.
    pub(crate) fn holds_text(&self) -> bool {
        self.boxes.iter().any(|area| !area.text().trim().is_empty())
    }

    /// Bytes of text in the three boxes.
    pub(crate) fn text_bytes(&self) -> usize {
        self.boxes.iter().map(|area| area.text().len()).sum()
    }

    /// The form's text as the journal keeps it.
    pub(crate) fn draft(&self) -> CpdDraft {
        let [learning, impact, peer_reflection] = [0, 1, 2].map(|index| self.boxes[index].text().to_owned());
        CpdDraft {
            learning,
            impact,
            peer_reflection,
        }
    }
}

/// A peer review of a module, offered as a start for the peer reflection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerOffer {
    pub reviewer: String,
    pub text: String,
}

/// Which section at which width: (course, module, section, width).
pub type LayoutKey = (usize, usize, usize, u16);

/// Wrapped section text, kept between frames and wrapped only as far as
/// has been needed. The view reads the model through `&`, hence the cell;
/// the text itself never changes at run time.
#[derive(Default)]
pub struct LayoutCache(std::cell::RefCell<Option<(LayoutKey, crate::document::SectionLayout)>>);

impl LayoutCache {
    /// Reads the layout for `key` once it holds at least `wanted` lines
    /// (or all there are); `extend` wraps more of it.
    pub(crate) fn read<T>(
        &self,
        key: LayoutKey,
        wanted: usize,
        extend: impl FnOnce(&mut crate::document::SectionLayout, usize),
        read: impl FnOnce(&crate::document::SectionLayout) -> T,
    ) -> T {
        let mut slot = self.0.borrow_mut();
        if slot.as_ref().is_some_and(|(cached, _)| *cached != key) {
            *slot = None;
        }
        let (_, layout) = slot.get_or_insert_with(|| (key, crate::document::SectionLayout::default()));
        if !layout.is_complete() && layout.lines.len() < wanted {
            extend(layout, wanted);
        }
        read(layout)
    }
}

/// Choosing a period, a format and a file for a reflective log.
pub struct ExportDialog {
    /// The format, and perhaps a printable copy's (one of `Formats::CHOICES`).
    pub formats: crate::export::Formats,
    pub path: TextEditor,
    /// The learner typed a path of their own: keep it when the format changes.
    pub(crate) path_edited: bool,
    /// The modules the log may hold: those studied (one, from the
    /// completion screen); the period narrows them.
    pub(crate) modules: Vec<ModuleKey>,
    pub(crate) period: Period,
    /// The learner's today, when the dialog opened: "this month" is its month.
    pub(crate) today: jiff::civil::Date,
    /// The first and last day, for `Period::Dates` (YYYY-MM-DD).
    pub(crate) from: TextEditor,
    pub(crate) to: TextEditor,
    /// The row the keys go to.
    pub(crate) row: ExportRow,
    /// The file each choice of formats is written to unless another is
    /// typed, in `Formats::CHOICES`' order: free names (free for the copy
    /// too), once they are found.
    pub(crate) defaults: Vec<std::path::PathBuf>,
    /// Why the last try to write failed.
    pub problem: Option<String>,
    /// A free name beside the one that exists, offered instead.
    pub suggestion: Option<std::path::PathBuf>,
    /// What the identifying-details check found in the log about to be
    /// written: shown in place of the form until the learner goes on.
    pub findings: Option<crate::tui::found::Findings>,
}

/// Importing a supervisor's review: its file, and optionally an
/// allowed-signers file to check who signed it.
pub struct ReviewImport {
    pub path: TextEditor,
    pub allowed_signers: TextEditor,
    /// 0: the review's path; 1: the allowed-signers file.
    pub(crate) row: usize,
    /// Why the last try was refused.
    pub problem: Option<String>,
}

/// Which modules a log holds, by when they were studied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    All,
    ThisMonth,
    SinceLastExport,
    Dates,
}

impl Period {
    pub(crate) const ALL: [Period; 4] = [Period::All, Period::ThisMonth, Period::SinceLastExport, Period::Dates];

    pub fn name(self) -> &'static str {
        match self {
            Period::All => crate::text::PERIOD_ALL,
            Period::ThisMonth => crate::text::PERIOD_THIS_MONTH,
            Period::SinceLastExport => crate::text::PERIOD_SINCE_LAST_EXPORT,
            Period::Dates => crate::text::PERIOD_DATES,
        }
    }
}

/// The rows of the export dialog that take keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportRow {
    Period,
    From,
    To,
    File,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HomeState {
    pub(crate) course: usize,
    /// Index into the course's modules.
    pub selected: usize,
}

pub enum Screen {
    Welcome(ProfileForm),
    Profile(ProfileForm),
    Home,
    Reader(Reader),
    Completion(Completion),
}

/// The text being written on a screen, not yet in the module's journal.
pub(crate) enum Draft<'a> {
    Answer { question_id: &'a str, text: &'a str },
    ActionPoint(&'a str),
}

impl Screen {
    /// The module open on this screen, as (course, module) indexes.
    pub(crate) fn module(&self) -> Option<(usize, usize)> {
        match self {
            Screen::Welcome(_) | Screen::Profile(_) | Screen::Home => None,
            Screen::Reader(reader) => Some((reader.course, reader.module)),
            Screen::Completion(completion) => Some((completion.course, completion.module)),
        }
    }

    /// The text being written here that is not yet in the journal, and when
    /// it last changed. Every screen says, so none can lose a draft on a
    /// hang-up by being left out of a wildcard.
    pub(crate) fn draft(&self) -> Option<(Draft<'_>, Timestamp)> {
        match self {
            Screen::Welcome(_) | Screen::Profile(_) | Screen::Home => None,
            Screen::Reader(reader) => reader.editor.as_ref().and_then(|editor| {
                let since = editor.dirty_since?;
                Some((
                    Draft::Answer {
                        question_id: &editor.question_id,
                        text: editor.area.text(),
                    },
                    since,
                ))
            }),
            Screen::Completion(completion) => {
                let since = completion.dirty_since?;
                completion
                    .editor
                    .as_ref()
                    .map(|area| (Draft::ActionPoint(area.text()), since))
            }
        }
    }

    /// The draft is now in the journal.
    pub(crate) fn draft_kept(&mut self) {
        match self {
            Screen::Welcome(_) | Screen::Profile(_) | Screen::Home => {}
            Screen::Reader(reader) => {
                if let Some(editor) = reader.editor.as_mut() {
                    editor.dirty_since = None;
                }
            }
            Screen::Completion(completion) => completion.dirty_since = None,
        }
    }
}

pub struct ProfileForm {
    /// Name, role, team, supervisor.
    pub(crate) fields: [TextEditor; 4],
    pub(crate) focus: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Reading the section's text.
    Text,
    /// Choosing a take-away question.
    Questions,
    /// Writing in the editor.
    Editor,
}

pub struct Reader {
    pub course: usize,
    pub module: usize,
    pub section: usize,
    pub scroll: u16,
    pub focus: Focus,
    /// Index of the selected question within the section.
    pub question: usize,
    pub editor: Option<Editor>,
    /// Asking "skip this question?".
    pub confirm_skip: bool,
    pub prompts: bool,
    /// How far the question above the answer box is scrolled, when it does
    /// not fit (back to 0 when another question is chosen).
    pub question_scroll: u16,
    /// How far the reflective prompts are scrolled, when they do not fit.
    pub prompts_scroll: u16,
    /// How far the answer box (the answer and reviewers' comments under
    /// it) is scrolled while reading (back to 0 for another question).
    pub answer_scroll: u16,
    /// Showing the wording a reviewer read in place of the answer as it
    /// is now (for a reflection edited after review).
    pub show_reviewed: bool,
}

pub struct Editor {
    pub(crate) question_id: String,
    pub area: TextEditor,
    /// When the text last changed and has not been saved since.
    pub(crate) dirty_since: Option<Timestamp>,
}

pub struct Completion {
    pub(crate) course: usize,
    pub(crate) module: usize,
    pub(crate) editor: Option<TextEditor>,
    pub(crate) dirty_since: Option<Timestamp>,
    /// How far the screen below its title is scrolled, in rows.
    pub(crate) scroll: u16,
}

impl Model {
    pub(crate) fn new(courses: Vec<Course>, profile: Profile, data_dir: String) -> Self {
        let screen = if profile.welcomed {
            Screen::Home
        } else {
            Screen::Welcome(ProfileForm::new(&profile))
        };
        Model {
            courses,
            journals: BTreeMap::new(),
            damaged: BTreeMap::new(),
            profile,
            screen,
            home: HomeState::default(),
            help: false,
            open_after_welcome: None,
            help_scroll: 0,
            width: 80,
            height: 24,
            color: true,
            notice: None,
            records_refused: false,
            save_error: None,
            retry_at: None,
            retry_millis: 0,
            profile_damaged: None,
            unsaved: BTreeSet::new(),
            profile_unsaved: false,
            last_input: None,
            time_carry: BTreeMap::new(),
            timezone: TimeZone::UTC,
            data_dir,
            content_errors: 0,
            overlay: None,
            export_dir: std::path::PathBuf::from("."),
            last_export: None,
            export_choice: None,
            reviews: Vec::new(),
            quitting: false,
            quit: false,
            layout: LayoutCache::default(),
            cpd_draft: None,
            cpd_records: Vec::new(),
            cpd_layout: None,
            cpd_year: None,
            cpd_quit_warned: false,
            peer_offers: BTreeMap::new(),
            ascii: false,
        }
    }

    pub(crate) fn module(&self, course: usize, module: usize) -> Option<(&Course, &Module)> {
        let course = self.courses.get(course)?;
        Some((course, course.modules.get(module)?))
    }

    pub(crate) fn key_of(&self, course: usize, module: usize) -> Option<ModuleKey> {
        self.module(course, module)
            .map(|(course, module)| (course.id.clone(), module.id.clone()))
    }

    pub fn journal(&self, key: &ModuleKey) -> Option<&ModuleJournal> {
        self.journals.get(key)
    }

    pub(crate) fn journal_mut(&mut self, key: &ModuleKey) -> &mut ModuleJournal {
        self.journals
            .entry(key.clone())
            .or_insert_with(|| ModuleJournal::new(&key.0, &key.1))
    }

    pub fn status(&self, course: usize, module: usize) -> Status {
        match (self.module(course, module), self.key_of(course, module)) {
            (Some((_, module)), Some(key)) => self
                .journal(&key)
                .map_or(Status::NotStarted, |journal| journal.status(module)),
            _ => Status::NotStarted,
        }
    }

    pub(crate) fn is_read_only(&self, key: &ModuleKey) -> bool {
        self.damaged.contains_key(key)
    }

    /// When the next autosave is due, if anything waits to be saved.
    pub fn autosave_due(&self) -> Option<Timestamp> {
        let editor_dirty_since = self.screen.draft().map(|(_, since)| since);
        // The CPD form's text is saved on the same clock as an answer's; a
        // read-only module's form is never saved, so it never falls due
        // (or it would be due for ever, and the loop would never wait).
        let form_dirty_since = self
            .cpd_form()
            .filter(|form| !self.is_read_only(&form.module))
            .and_then(|form| form.dirty_since);
        let dirty_since = match (editor_dirty_since, form_dirty_since) {
            (Some(editor), Some(form)) => Some(editor.min(form)),
            (editor, form) => editor.or(form),
        };
        if self.save_error.is_some() {
            // Failing saves are retried on a backoff, never in a tight loop.
            return self.retry_at;
        }
        // A moment after typing pauses, and at least every few seconds while it goes on.
        let dirty_since = dirty_since?;
        let after_pause = self.last_input.unwrap_or(dirty_since) + jiff::SignedDuration::from_millis(AUTOSAVE_MILLIS);
        let at_most = dirty_since + jiff::SignedDuration::from_millis(AUTOSAVE_MAX_MILLIS);
        Some(after_pause.min(at_most))
    }

    pub fn is_too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }
}

impl ProfileForm {
    pub(crate) fn new(profile: &Profile) -> Self {
        let field = |value: &str| TextEditor::single_line(value);
        ProfileForm {
            fields: [
                field(&profile.name),
                field(&profile.role),
                field(&profile.team),
                field(&profile.supervisor),
            ],
            focus: 0,
        }
    }

    pub(crate) fn value(&self, index: usize) -> String {
        self.fields
            .get(index)
            .map(|field| field.text().trim().to_owned())
            .unwrap_or_default()
    }
}
