//! The words of `casebook guide`: the list of guides, the pager's foot.

/// Shown when the window is too small for the guide's pager.
pub const GUIDE_TOO_SMALL: &str = "Make the window larger, or press q.";

/// The pager's foot: the keys, and how far through the guide the reader is.
pub fn guide_foot(shown: usize, total: usize, more: bool) -> String {
    let place = if more { "↓ more below" } else { "end of the guide" };
    format!(" {place} · line {shown} of {total} · Space/b page · ↑↓ j k · Home/End · q leave ")
}

/// The heading of `casebook guide`'s list.
pub const GUIDE_LIST_HEADING: &str = "Guides built into casebook (read one with: casebook guide TOPIC):";

/// One guide in the list.
pub fn guide_list_row(topic: &str, title: &str) -> String {
    format!("  {topic:<12} {title}")
}

/// The line under the list.
pub const GUIDE_LIST_FOOT: &str =
    "On a terminal a guide opens full-screen (q to leave); piped, it is printed as plain text.";

/// A topic casebook has no guide for.
pub fn guide_unknown(topic: &str, topics: &str) -> String {
    format!("There is no guide called \"{topic}\". The guides are: {topics}.")
}

/// The pager could not run; the guide is printed instead.
pub fn guide_pager_failed(reason: &str) -> String {
    format!("Could not open the guide full-screen ({reason}); printing it instead.")
}
