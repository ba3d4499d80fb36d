//! Undo and redo. Each step records one replacement, never a snapshot, so memory follows the size
//! of the edits rather than the size of the text times the number of steps.

use std::collections::VecDeque;

/// The oldest steps are forgotten beyond this.
const MAX_STEPS: usize = 10_000;

/// A coalesced step stops growing at this size, so that a held Backspace (which prepends to the
/// step's removed text) stays cheap per key however long it is held.
const MAX_COALESCED_BYTES: usize = 4096;

/// One replacement: `removed` was at `at` and `inserted` took its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Edit {
    pub at: usize,
    pub removed: String,
    pub inserted: String,
    pub cursor_before: usize,
    pub cursor_after: usize,
}

/// What made an edit; only consecutive edits of the same kind coalesce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum EditKind {
    /// Typed characters, Enter included.
    Typing,
    Backspace,
    Delete,
    /// Always a step of its own: paste, delete-word, Ctrl-K, Ctrl-U.
    Single,
}

#[derive(Debug, Clone, Default)]
pub(super) struct History {
    done: VecDeque<Edit>,
    undone: Vec<Edit>,
    /// The kind of the last step while it may still absorb the next edit.
    open: Option<EditKind>,
}

impl History {
    pub fn record(&mut self, edit: Edit, kind: EditKind) {
        self.undone.clear();
        let merged = self.open == Some(kind) && self.done.back_mut().is_some_and(|last| merge(last, &edit, kind));
        if !merged {
            self.done.push_back(edit);
            if self.done.len() > MAX_STEPS {
                self.done.pop_front();
            }
        }
        self.open = (kind != EditKind::Single).then_some(kind);
    }

    /// The next edit starts a new step (the cursor moved, or an undo happened).
    pub fn close_step(&mut self) {
        self.open = None;
    }

    /// Takes the last step for undoing; it becomes redoable.
    pub fn undo(&mut self) -> Option<&Edit> {
        self.open = None;
        let edit = self.done.pop_back()?;
        self.undone.push(edit);
        self.undone.last()
    }

    /// Takes the last undone step for redoing.
    pub fn redo(&mut self) -> Option<&Edit> {
        self.open = None;
        let edit = self.undone.pop()?;
        self.done.push_back(edit);
        self.done.back()
    }
}

/// Folds `next` into `last` when it continues it; false leaves both untouched.
fn merge(last: &mut Edit, next: &Edit, kind: EditKind) -> bool {
    if last.cursor_after != next.cursor_before || last.removed.len() + last.inserted.len() >= MAX_COALESCED_BYTES {
        return false;
    }
    match kind {
        EditKind::Typing => {
            // A step is a word plus the whitespace typed after it: a word after whitespace starts anew.
            let starts_word =
                last.inserted.ends_with(char::is_whitespace) && !next.inserted.starts_with(char::is_whitespace);
            let adjacent = next.at == last.at + last.inserted.len();
            if starts_word || !adjacent || !last.removed.is_empty() || !next.removed.is_empty() {
                return false;
            }
            last.inserted.push_str(&next.inserted);
        }
        EditKind::Backspace => {
            if next.at + next.removed.len() != last.at || !next.inserted.is_empty() || !last.inserted.is_empty() {
                return false;
            }
            last.removed.insert_str(0, &next.removed);
            last.at = next.at;
        }
        EditKind::Delete => {
            if next.at != last.at || !next.inserted.is_empty() || !last.inserted.is_empty() {
                return false;
            }
            last.removed.push_str(&next.removed);
        }
        EditKind::Single => return false,
    }
    last.cursor_after = next.cursor_after;
    true
}
