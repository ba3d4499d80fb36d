//! The words of `casebook guide`: the list of guides, the pager's foot, its
//! keys (`?`) and its search (`/`).

use super::keys::Help;

/// Shown when the window is too small for the guide's pager.
pub const GUIDE_TOO_SMALL: &str = "Make the window larger, or press q.";

/// The dot between the foot's parts, or a bar where the console cannot show it.
fn separator(ascii: bool) -> &'static str {
    if ascii { " | " } else { " · " }
}

/// The arrows of the keys as words where the console cannot show them.
pub fn key_names(keys: &str, ascii: bool) -> String {
    if ascii {
        keys.replace('↓', "Down").replace('↑', "Up")
    } else {
        keys.to_owned()
    }
}

/// The pager's foot: how far through the guide the reader is, and the keys
/// that matter most (help and search first, so they survive a narrow window).
pub fn guide_foot(shown: usize, total: usize, more: bool, ascii: bool) -> String {
    let place = match (more, ascii) {
        (true, false) => "↓ more below",
        (true, true) => "more below",
        (false, _) => "end of the guide",
    };
    [
        place.to_owned(),
        format!("line {shown} of {total}"),
        "? keys".to_owned(),
        "/ search".to_owned(),
        "q leave".to_owned(),
    ]
    .join(separator(ascii))
}

/// The foot while a search has found its words: which match is marked, and
/// the keys to the others. `again` says the search went round the guide's
/// end to its other end to get there.
pub fn guide_found_foot(number: usize, total: usize, again: Option<bool>, ascii: bool) -> String {
    let went_round = match again {
        Some(true) => " (from the top again)",
        Some(false) => " (from the end again)",
        None => "",
    };
    let sep = separator(ascii);
    format!("match {number} of {total}{went_round}{sep}n next{sep}N previous{sep}? keys{sep}q leave")
}

/// The search prompt at the foot, as the reader types.
pub fn guide_search_prompt(typed: &str) -> String {
    format!("Search for: {typed}")
}

/// The keys while the search prompt is open, beside what is typed.
pub fn guide_search_hint(ascii: bool) -> String {
    format!("Enter search{}Esc cancel", separator(ascii))
}

/// A search that found nothing in the guide.
pub fn guide_not_found(pattern: &str, ascii: bool) -> String {
    let sep = separator(ascii);
    format!("Not found: \"{pattern}\"{sep}/ search again{sep}? keys{sep}q leave")
}

/// n or N before anything was searched for.
pub fn guide_nothing_searched(ascii: bool) -> String {
    let sep = separator(ascii);
    format!("Nothing to find yet: press / and type the words to search for{sep}q leave")
}

/// The heading of the pager's key list.
pub const GUIDE_HELP_TITLE: &str = "Keys in the guide";

/// The foot of the key list when all of it is on screen.
pub const GUIDE_HELP_CLOSE: &str = "Press any key to close this list.";

/// The foot of the key list when it is longer than the window.
pub fn guide_help_scroll(ascii: bool) -> String {
    format!(
        "{} more{}any other key closes",
        key_names("↓ ↑", ascii),
        separator(ascii)
    )
}

/// The pager's keys, as `?` lists them.
pub const GUIDE_KEYS: &[Help] = &[
    ("↓ ↑ / j k / Enter", "scroll a line"),
    ("Space PgDn / b PgUp", "scroll a page (also Ctrl-F / Ctrl-B)"),
    ("Home g / End G", "the top / the end of the guide"),
    (
        "/",
        "search: type the words, then Enter (Esc cancels); capitals do not matter",
    ),
    ("n / N", "the next / the previous match"),
    ("?", "this list of keys"),
    ("q / Esc", "leave the guide"),
];

/// The heading of `casebook guide`'s list.
pub const GUIDE_LIST_HEADING: &str = "Guides built into casebook (read one with: casebook guide TOPIC):";

/// One guide in the list.
pub fn guide_list_row(topic: &str, title: &str) -> String {
    format!("  {topic:<12} {title}")
}

/// The line under the list.
pub const GUIDE_LIST_FOOT: &str = "On a terminal a guide opens full-screen (? lists the keys, / searches, q leaves); \
     piped, it is printed as plain text.";

/// A topic casebook has no guide for, with the nearest topic if one is near.
pub fn guide_unknown(topic: &str, topics: &str, near: Option<&str>) -> String {
    let suggestion = near.map(|near| format!(" Did you mean {near}?")).unwrap_or_default();
    format!("There is no guide called \"{topic}\".{suggestion} The guides are: {topics}.")
}

/// The pager could not run; the guide is printed instead.
pub fn guide_pager_failed(reason: &str) -> String {
    format!("Could not open the guide full-screen ({reason}); printing it instead.")
}
