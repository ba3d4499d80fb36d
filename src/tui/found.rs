//! What the identifying-details check found in a log the export dialog is
//! about to write, as the dialog lists it: where each finding is, its
//! words and why, and the mark that would excuse it.

use crate::identify::Mark;

/// Where a finding is, for opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FoundIn {
    /// A reflection: the module (course id, module id) and the question's id.
    Reflection { module: (String, String), question: String },
    /// A module's action point.
    ActionPoint((String, String)),
    /// The learner's profile (their name, role, team or supervisor).
    Profile,
    /// Somewhere the tutor cannot open.
    Elsewhere,
}

/// One finding, as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundItem {
    pub place: FoundIn,
    /// The module's short name ("Tim, 17"), or nothing for the profile.
    pub module: String,
    /// What the text is: the question (quoted, shortened), "action point",
    /// "your profile".
    pub what: String,
    /// The words found, as written.
    pub words: String,
    /// Why they may identify someone.
    pub reason: &'static str,
    /// Where the words start in the text (a byte offset).
    pub start: usize,
    /// What marking it "not identifying" remembers.
    pub mark: Mark,
}

/// The findings the dialog shows, and the one chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Findings {
    pub items: Vec<FoundItem>,
    pub selected: usize,
    /// Findings the learner's marks excused: what the log records.
    pub marked: usize,
}
