//! Reviews in the tutor, and the supervisor's full-screen review.

pub const REVIEW_IMPORT_TITLE: &str = " Import a review ";
pub const REVIEW_IMPORT_ABOUT: &str =
    "The review file your supervisor or a peer wrote of a log you exported (its .sig beside it, if signed).";
pub const REVIEW_IMPORT_FILE: &str = "Review file: ";
pub const REVIEW_IMPORT_SIGNERS: &str = "Allowed signers (optional): ";
pub const REVIEW_IMPORT_NO_PATH: &str = "Type the path of the review file first.";
pub const REVIEW_IMPORT_CHECKING: &str = "Checking the review...";
pub const REVIEW_IMPORT_NO_FOLDER: &str = "This tutor has no data folder to keep reviews in; nothing was imported.";
pub const REVIEWED_SHORT: &str = "reviewed";
pub const REVIEW_OVERALL: &str = "Overall comments";
pub const REVIEW_ACTIONS: &str = "Agreed actions";

pub fn review_unreadable_notice(problem: &str) -> String {
    format!("A review in the data folder could not be read and is not shown: {problem}")
}

pub fn review_refused_notice(reason: &str) -> String {
    format!("Review not imported, nothing changed: {reason}")
}

/// The heading over a reviewer's comment in the reader.
pub fn review_comment_heading(reviewer: &str, role: Option<&str>, peer: bool, date: jiff::civil::Date) -> String {
    let kind = if peer { "Peer's comment" } else { "Supervisor's comment" };
    match role {
        Some(role) if !role.trim().is_empty() => format!("{kind}: {reviewer} ({role}), {}", super::format::date(date)),
        _ => format!("{kind}: {reviewer}, {}", super::format::date(date)),
    }
}

/// "after Sam O'Brien's review on 3 December 2026", or several reviews
/// named, for the words the learner changed since.
pub fn after_reviews(reviews: &[(&str, jiff::civil::Date)]) -> String {
    match reviews {
        [] => "after a review".to_owned(),
        [(reviewer, date)] => format!("after {reviewer}'s review on {}", super::format::date(*date)),
        many => {
            let named: Vec<String> = many
                .iter()
                .map(|(reviewer, date)| format!("{reviewer} ({})", super::format::date(*date)))
                .collect();
            let (last, rest) = named
                .split_last()
                .map_or((String::new(), &[][..]), |(last, rest)| (last.clone(), rest));
            format!("after the reviews by {} and {last}", rest.join(", "))
        }
    }
}

pub fn edited_after_review(reviews: &[(&str, jiff::civil::Date)]) -> String {
    format!(
        "You edited this {}. w: show the wording reviewed.",
        after_reviews(reviews)
    )
}

pub fn showing_reviewed_wording(reviewer: &str, date: jiff::civil::Date) -> String {
    format!(
        "The wording {reviewer} reviewed on {} (w: as it is now):",
        super::format::date(date)
    )
}

pub const NOT_EDITED_AFTER_REVIEW: &str = "This answer has not been edited since it was reviewed.";

pub fn review_heading(reviewer: &str, peer: bool, date: jiff::civil::Date) -> String {
    let kind = if peer { "Peer reflection" } else { "Supervisor's review" };
    format!("{kind}: {reviewer}, {}", super::format::date(date))
}

pub fn tutor_signature_trusted(reviewer: &str, fingerprint: &str) -> String {
    format!("Verified: signed with the key you trust for {reviewer} ({fingerprint}).")
}

pub fn tutor_signature_untrusted(fingerprint: &str) -> String {
    format!(
        "Signed by a key you have not trusted ({fingerprint}): it does not show who wrote it. \
casebook trust KEY.pub --name NAME trusts a key."
    )
}

pub const TUTOR_SIGNATURE_FAILED: &str = "Its signature does not check out: it was changed after it was signed.";

pub fn next_review_on(date: jiff::civil::Date) -> String {
    format!("Next review: {}", super::format::date(date))
}

// ------------------------------------------------------------------ the full-screen review

/// What a review is called: a peer's is a peer reflection.
pub fn review_kind(peer: bool) -> &'static str {
    if peer { "Peer reflection" } else { "Supervisor's review" }
}

pub fn review_screen_title(log_id: &str, learner: Option<&str>, peer: bool) -> String {
    format!(
        " {} of log {log_id} by {}",
        review_kind(peer),
        learner.unwrap_or("a learner who gave no name")
    )
}

pub fn review_screen_reflection(number: usize, total: usize) -> String {
    format!("Reflection {number} of {total}")
}

pub fn review_screen_page(number: usize, total: usize) -> String {
    format!("Page {number} of {total}")
}

pub const REVIEW_SCREEN_WROTE: &str = "The learner wrote:";
pub const REVIEW_SCREEN_COMMENT: &str = "Your comment (optional) ";
pub const REVIEW_SCREEN_OVERALL: &str = "Overall comments on the log (optional).";
pub const REVIEW_SCREEN_OVERALL_BOX: &str = "Overall comments ";
pub const REVIEW_SCREEN_ACTIONS: &str = "Agreed actions (optional).";
pub const REVIEW_SCREEN_ACTIONS_BOX: &str = "Agreed actions ";
pub const REVIEW_SCREEN_NEXT: &str = "Next review date: YYYY-MM-DD, or leave it empty for none.";
pub const REVIEW_SCREEN_DATE_BOX: &str = "Next review ";
pub const REVIEW_SCREEN_LEAVE: &str = "Leave now? What you typed is kept as a draft, to carry on later. y / n";
pub const REVIEW_SCREEN_MORE: &str = "↓ more below";
pub const REVIEW_SCREEN_END: &str = "(end of the reflection)";

/// The facts of a module over its first reflection and on the summary.
pub fn review_module_status(
    status: &str,
    (read, sections): (usize, usize),
    answered: usize,
    questions: usize,
    skipped: usize,
    seconds: u64,
) -> String {
    let status = match status {
        "complete" => "Complete",
        "in_progress" => "In progress",
        "not_started" => "Not started",
        _ => "Status not given",
    };
    let skipped = match skipped {
        0 => String::new(),
        1 => " · 1 question skipped".to_owned(),
        n => format!(" · {n} questions skipped"),
    };
    // A log from before sections were counted says nothing of them.
    let read = if sections == 0 {
        String::new()
    } else {
        format!(" · {read} of {sections} sections read")
    };
    format!(
        "{status}{read} · {answered} of {questions} questions answered{skipped} · study time {}",
        super::format::duration(seconds)
    )
}

pub fn review_skipped_question(question: &str) -> String {
    format!("Skipped: {question}")
}

pub fn review_action_point(updated: jiff::civil::Date, text: &str) -> String {
    format!("Action point ({}): {text}", super::format::date(updated))
}

pub const REVIEW_NO_ACTION_POINT: &str = "No action point written.";

pub fn review_edited_note(reviewer: &str, date: jiff::civil::Date) -> String {
    format!(
        "Edited since {reviewer}'s review of {}; the wording reviewed then:",
        super::format::date(date)
    )
}

pub const REVIEW_SCREEN_SUMMARY: &str = "The log as a whole: each module, and the learner's action points.";
pub const REVIEW_SCREEN_POINTS: &str = "The learner's action points, for your agreed actions to answer:";

pub fn review_draft_offer(day: jiff::civil::Date, time: &str, comments: usize) -> String {
    let comments = match comments {
        1 => "1 comment".to_owned(),
        n => format!("{n} comments"),
    };
    format!(
        "A draft of this review is waiting, saved on {} at {time} ({comments}).\n\n\
Enter: carry on from it.\nn: start again (asks first).\nEsc: leave, keeping the draft.",
        super::format::date(day)
    )
}

pub const REVIEW_DRAFT_RESTART: &str =
    "Start again? The draft and every comment in it will be thrown away. y: start again · n: keep it";

pub fn review_draft_kept(path: &str, log: &str) -> String {
    format!(
        "Left the review before writing it. What you typed is kept as a draft in {path}; \
`casebook review {log}` offers to carry on from it."
    )
}

pub fn review_draft_set_aside(problem: &str, aside: &str) -> String {
    format!("{problem} The draft was set aside as {aside}; a new one is kept from now on.")
}

pub const REVIEW_LEFT_EMPTY: &str = "Left the review before writing it; nothing was typed, so there is no draft.";

pub fn review_draft_not_saved(reason: &str) -> String {
    format!("NOT SAVED: the draft could not be kept ({reason}); casebook keeps trying")
}

pub fn review_draft_saved_words(path: &str) -> String {
    format!("Your review draft is saved in {path}; casebook review offers to carry on from it.")
}

pub fn review_draft_not_cleared(reason: &str) -> String {
    format!("The review is written, but its draft could not be removed: {reason}.")
}

pub fn review_screen_summary(comments: usize, destination: &str) -> String {
    let comments = if comments == 1 {
        "1 comment on a reflection".to_owned()
    } else {
        format!("{comments} comments on reflections")
    };
    format!("{comments}. Enter writes the review to {destination}.")
}

pub fn review_screen_failed(reason: &str) -> String {
    format!(
        "The full-screen review stopped ({reason}); nothing was written. Run it again, or with --plain to answer line by line."
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_review_of_the_wording_is_named() {
        let day = |text: &str| text.parse::<jiff::civil::Date>().unwrap_or_default();
        assert_eq!(
            super::after_reviews(&[("Sam O'Brien", day("2026-12-03"))]),
            "after Sam O'Brien's review on 3 December 2026"
        );
        assert_eq!(
            super::after_reviews(&[("Sam O'Brien", day("2026-12-03")), ("Priya Shah", day("2026-12-04"))]),
            "after the reviews by Sam O'Brien (3 December 2026) and Priya Shah (4 December 2026)"
        );
    }
}
