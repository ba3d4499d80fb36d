//! The full-screen review: its pages, keys, answers and draft, and how it
//! looks at 80x24, 120x40 and 40x12. Writing and signing are the plain
//! flow's (tests/review.rs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::tui::widgets::Canvas;
use std::path::Path;

fn log() -> LogView {
    let json = serde_json::json!({
        "format": crate::export::FORMAT_NAME,
        "format_version": crate::export::FORMAT_VERSION,
        "log_id": "20261123-1FC1087C",
        "learner": { "name": "Jo Learner" },
        "digest": "sha256:1111111111111111111111111111111111111111111111111111111111111111",
        "courses": [{
            "id": "hmip-youth-2021",
            "title": "Case supervision",
            "modules": [{
                "id": "desistance-assessing",
                "title": "Assessing for desistance",
                "subtitle": "Tim, 17",
                "status": "complete",
                "active_seconds": 3900,
                "questions": [
                    { "id": "stood-out", "question": "What stood out to you?", "status": "answered",
                      "reflection": "The family's part.",
                      "edited_after_review": { "reviewed": "2026-11-02", "reviewer": "Sam Senior", "text": "The school." } },
                    { "id": "skipped", "question": "Left unanswered?", "status": "skipped", "reflection": null },
                    { "id": "develop", "question": "How will you develop?", "status": "answered",
                      "reflection": "Read more.\nAsk my team." }
                ],
                "action_point": { "text": "Ask the school in by March.", "created": "2026-11-20T10:00:00Z",
                                  "updated": "2026-11-21T10:00:00Z" }
            }]
        }]
    });
    LogView::parse(json.to_string().as_bytes()).unwrap()
}

fn screen() -> ReviewScreen {
    ReviewScreen::new(&log(), Path::new("/desk/log.review.json"), false)
}

fn press(screen: &mut ReviewScreen, code: KeyCode) -> Outcome {
    screen.key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn typed(screen: &mut ReviewScreen, text: &str) {
    for c in text.chars() {
        assert_eq!(press(screen, KeyCode::Char(c)), Outcome::Continue);
    }
}

/// On by `pages` pages: back to reading first where the box has the keys.
fn turn(screen: &mut ReviewScreen, pages: usize) {
    for _ in 0..pages {
        if screen.writing {
            press(screen, KeyCode::Tab);
        }
        assert_eq!(press(screen, KeyCode::Right), Outcome::Turned);
    }
}

fn shown(screen: &ReviewScreen, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let area = frame.area();
            let mut canvas = Canvas::new(frame.buffer_mut());
            screen.draw(&mut canvas, area);
        })
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn each_answered_reflection_then_overall_actions_and_date_make_the_answers() {
    let mut screen = screen();
    let first = shown(&screen, 80, 24);
    insta::assert_snapshot!("supervise_reflection_80x24", first);
    assert!(first.contains("Reflection 1 of 2"), "{first}");
    assert!(first.contains("The family's part."), "{first}");
    assert!(
        !first.contains("Left unanswered?") || first.contains("Skipped: Left unanswered?"),
        "unanswered questions are not shown as reflections"
    );
    insta::assert_snapshot!("supervise_reflection_40x12", shown(&screen, 40, 12));
    insta::assert_snapshot!("supervise_reflection_120x40", shown(&screen, 120, 40));

    // Reading first: Tab goes into the comment box.
    press(&mut screen, KeyCode::Tab);
    typed(&mut screen, "Good: who else?");
    assert_eq!(
        press(&mut screen, KeyCode::Enter),
        Outcome::Continue,
        "Enter is a new line"
    );
    typed(&mut screen, "Say more.");
    // Tab back to reading, → to the next page.
    press(&mut screen, KeyCode::Tab);
    assert_eq!(press(&mut screen, KeyCode::Right), Outcome::Turned);
    assert!(shown(&screen, 80, 24).contains("Reflection 2 of 2"));
    // Back and on again: what was typed is kept.
    press(&mut screen, KeyCode::Left);
    assert!(shown(&screen, 80, 24).contains("Good: who else?"));
    press(&mut screen, KeyCode::Right);
    press(&mut screen, KeyCode::Right);
    // The pages about the whole log open in their box.
    typed(&mut screen, "Thoughtful work.");
    press(&mut screen, KeyCode::Tab);
    press(&mut screen, KeyCode::Right);
    typed(&mut screen, "Read chapter 3.");
    press(&mut screen, KeyCode::Tab);
    press(&mut screen, KeyCode::Right);
    let last = shown(&screen, 80, 24);
    insta::assert_snapshot!("supervise_date_80x24", last);
    assert!(last.contains("1 comment on a reflection"), "{last}");
    assert!(last.contains("/desk/log.review.json"), "{last}");

    typed(&mut screen, "2026-12-29");
    let Outcome::Done(answers) = press(&mut screen, KeyCode::Enter) else {
        panic!("Enter on the date writes the review");
    };
    assert_eq!(answers.comments.len(), 1, "an empty comment is left out");
    let comment = &answers.comments[0];
    assert_eq!(comment.question, "stood-out");
    assert_eq!(comment.comment, "Good: who else?\nSay more.");
    assert_eq!(comment.reflection, "The family's part.");
    assert_eq!(comment.module, "desistance-assessing");
    assert_eq!(answers.overall, "Thoughtful work.");
    assert_eq!(answers.actions, "Read chapter 3.");
    assert_eq!(answers.next_review, Some(jiff::civil::date(2026, 12, 29)));
}

#[test]
fn a_date_that_is_not_one_is_asked_again_and_empty_means_none() {
    let mut screen = screen();
    turn(&mut screen, 4);
    typed(&mut screen, "2026-13-01");
    assert_eq!(press(&mut screen, KeyCode::Enter), Outcome::Continue);
    let said = shown(&screen, 80, 24);
    assert!(said.contains("\"2026-13-01\" is not a date"), "{said}");
    insta::assert_snapshot!("supervise_bad_date_40x12", shown(&screen, 40, 12));
    for _ in 0..10 {
        press(&mut screen, KeyCode::Backspace);
    }
    let Outcome::Done(answers) = press(&mut screen, KeyCode::Enter) else {
        panic!("an empty date is no next review");
    };
    assert_eq!(answers.next_review, None);
    assert!(answers.comments.is_empty() && answers.overall.is_empty());
}

#[test]
fn esc_asks_before_leaving_and_ctrl_c_leaves() {
    let mut screen = screen();
    press(&mut screen, KeyCode::Tab);
    typed(&mut screen, "Half a thought");
    // Esc in the box goes back to reading; Esc there asks.
    assert_eq!(press(&mut screen, KeyCode::Esc), Outcome::Continue);
    assert_eq!(press(&mut screen, KeyCode::Esc), Outcome::Continue);
    let asked = shown(&screen, 80, 24);
    assert!(
        asked.contains("Leave now? What you typed is kept as a draft"),
        "{asked}"
    );
    // n stays, with the text kept.
    assert_eq!(press(&mut screen, KeyCode::Char('n')), Outcome::Continue);
    let stayed = shown(&screen, 80, 24);
    assert!(
        stayed.contains("Half a thought") && !stayed.contains("Leave now"),
        "{stayed}"
    );
    press(&mut screen, KeyCode::Esc);
    assert_eq!(press(&mut screen, KeyCode::Char('y')), Outcome::Left);

    let mut screen = super::ReviewScreen::new(&log(), Path::new("r.json"), false);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(screen.key(ctrl_c), Outcome::Left);
}

#[test]
fn the_reflection_pages_with_space_and_says_more_below_on_the_text() {
    let long: String = (1..=60)
        .map(|n| format!("Sentence number {n} of the reflection. "))
        .collect();
    let mut json: serde_json::Value = serde_json::from_str(&{
        let log = log();
        serde_json::json!({
            "format": log.format, "format_version": log.format_version, "log_id": log.log_id,
            "learner": { "name": "Jo Learner" }, "digest": log.digest,
            "courses": [{ "id": "c", "title": "C", "modules": [{ "id": "m", "title": "M", "subtitle": null,
                "questions": [
                    { "id": "a", "question": "First?", "reflection": "x" },
                    { "id": "b", "question": "Second?", "reflection": "Short." }
                ] }] }]
        })
        .to_string()
    })
    .unwrap();
    json["courses"][0]["modules"][0]["questions"][0]["reflection"] = serde_json::Value::String(long.clone());
    let log = LogView::parse(json.to_string().as_bytes()).unwrap();
    let mut screen = ReviewScreen::new(&log, Path::new("r.json"), false);
    let first = shown(&screen, 40, 12);
    assert!(first.contains("↓ more below"), "{first}");
    assert!(!first.contains("number 60"), "{first}");
    let mut presses = 0;
    while !shown(&screen, 40, 12).contains("(end of the reflection)") {
        assert_eq!(
            press(&mut screen, KeyCode::Char(' ')),
            Outcome::Continue,
            "never turned before the end"
        );
        presses += 1;
        assert!(presses < 40, "Space never reached the end");
    }
    let end = shown(&screen, 40, 12);
    assert!(!end.contains("↓ more below"), "{end}");
    // At the end, Space turns the page; Home and End go to the ends.
    press(&mut screen, KeyCode::Home);
    assert!(shown(&screen, 40, 12).contains("↓ more below"));
    press(&mut screen, KeyCode::End);
    assert!(shown(&screen, 40, 12).contains("(end of the reflection)"));
    assert_eq!(press(&mut screen, KeyCode::Char(' ')), Outcome::Turned);
    assert!(shown(&screen, 40, 12).contains("Reflection 2 of 2"));
}

#[test]
fn the_record_shows_status_time_action_point_skips_and_both_wordings() {
    let mut screen = screen();
    let words = shown(&screen, 120, 40);
    for expected in [
        "Complete · 2 of 3 questions answered · 1 question skipped · study time 1 h 05 min",
        "Skipped: Left unanswered?",
        "Action point (21 November 2026): Ask the school in by March.",
        "Edited since Sam Senior's review of 2 November 2026; the wording reviewed then:",
        "The school.",
    ] {
        assert!(words.contains(expected), "{expected}: {words}");
    }
    // The page before the overall comments: every module's facts.
    turn(&mut screen, 2);
    let summary = shown(&screen, 80, 24);
    insta::assert_snapshot!("supervise_overall_80x24", summary);
    assert!(summary.contains("Ask the school in by March."), "{summary}");
    // The agreed actions' page lists the action points to answer.
    turn(&mut screen, 1);
    let actions = shown(&screen, 120, 40);
    assert!(actions.contains("Agreed actions"), "{actions}");
    assert!(actions.contains("Ask the school in by March."), "{actions}");
}

#[test]
fn a_draft_is_offered_and_carries_on_every_comment_or_starts_again_only_when_asked() {
    let mut screen = screen();
    press(&mut screen, KeyCode::Tab);
    let typed_comment = "Line one: «quoted», £5 ✓\n  indented second line  ";
    screen.paste(typed_comment);
    press(&mut screen, KeyCode::Tab);
    press(&mut screen, KeyCode::Right);
    let draft = screen.draft();
    assert_eq!(draft.page, 1);

    let mut again = super::ReviewScreen::new(&log(), Path::new("r.json"), false);
    again.offer(draft.clone());
    let offered = shown(&again, 120, 40);
    assert!(
        offered.contains("A draft of this review is waiting, saved on"),
        "{offered}"
    );
    assert!(offered.contains("(1 comment)"), "{offered}");
    // n asks first; n again keeps it.
    press(&mut again, KeyCode::Char('n'));
    assert!(shown(&again, 80, 24).contains("Start again?"));
    press(&mut again, KeyCode::Char('n'));
    assert!(shown(&again, 80, 24).contains("A draft of this review is waiting"));
    press(&mut again, KeyCode::Enter);
    assert_eq!(again.draft().comments, draft.comments, "character for character");
    assert!(shown(&again, 80, 24).contains("Reflection 2 of 2"), "on the page left");

    let mut fresh = super::ReviewScreen::new(&log(), Path::new("r.json"), false);
    fresh.offer(draft);
    press(&mut fresh, KeyCode::Char('n'));
    assert_eq!(press(&mut fresh, KeyCode::Char('y')), Outcome::StartedAgain);
    assert!(fresh.draft().comments.is_empty());
}

#[test]
fn a_paste_goes_into_the_box_and_only_its_first_line_into_the_date() {
    let mut screen = screen();
    press(&mut screen, KeyCode::Tab);
    screen.paste("One line\nand another");
    turn(&mut screen, 4);
    screen.paste("2026-12-29\nextra");
    let Outcome::Done(answers) = press(&mut screen, KeyCode::Enter) else {
        panic!("the pasted date is taken");
    };
    assert_eq!(answers.comments[0].comment, "One line\nand another");
    assert_eq!(answers.next_review, Some(jiff::civil::date(2026, 12, 29)));
}

/// Issue 26: with the check on, asking to write shows what it found in the
/// reviewer's words first; e goes back to the first finding's box with
/// the words still there, and w writes anyway. The learner's name is never
/// a finding.
#[test]
fn findings_are_shown_before_writing_and_the_reviewer_goes_back_or_writes_anyway() {
    let mut screen = screen();
    let mut allow = crate::identify::Allow::new();
    allow.add_name("Jo Learner");
    screen.allow = Some(allow);
    // A comment on the second reflection naming someone, and the learner.
    turn(&mut screen, 1);
    press(&mut screen, KeyCode::Tab);
    typed(&mut screen, "Jo Learner could ask Mr Jones.");
    turn(&mut screen, 3);
    assert_eq!(
        press(&mut screen, KeyCode::Enter),
        Outcome::Turned,
        "not written: the draft is saved and the findings shown"
    );
    let listed = shown(&screen, 80, 24);
    insta::assert_snapshot!("supervise_findings_80x24", listed);
    assert!(listed.contains("\"Mr Jones\""), "{listed}");
    assert!(!listed.contains("\"Jo"), "the learner's own name: {listed}");
    assert_eq!(screen.context(), Context::ReviewFindings);

    // e: back to the comment, in its box, what was typed kept.
    assert_eq!(press(&mut screen, KeyCode::Char('e')), Outcome::Turned);
    assert!(screen.writing);
    let back = shown(&screen, 80, 24);
    assert!(back.contains("Reflection 2 of 2"), "{back}");
    assert!(back.contains("Jo Learner could ask Mr Jones."), "{back}");

    // Asked again, w writes anyway: the answers as typed.
    turn(&mut screen, 3);
    assert_eq!(press(&mut screen, KeyCode::Enter), Outcome::Turned);
    let Outcome::Done(answers) = press(&mut screen, KeyCode::Char('w')) else {
        panic!("w writes the review");
    };
    assert_eq!(answers.comments.len(), 1);
    assert_eq!(answers.comments[0].comment, "Jo Learner could ask Mr Jones.");
}

/// With no finding (or --checked, no allow list) Enter writes at once.
#[test]
fn without_findings_enter_writes_at_once() {
    let mut screen = screen();
    screen.allow = Some(crate::identify::Allow::new());
    press(&mut screen, KeyCode::Tab);
    typed(&mut screen, "Say more about the family.");
    turn(&mut screen, 4);
    assert!(matches!(press(&mut screen, KeyCode::Enter), Outcome::Done(_)));
}

/// `?` (or F1 while writing) lists the keys of the page under it, as the
/// tutor's help does; the arrows scroll a list that does not fit and any
/// other key closes it, typing nothing.
#[test]
fn the_help_lists_the_keys_of_the_page_and_any_key_closes_it() {
    let mut screen = screen();
    let foot = shown(&screen, 80, 24);
    assert!(foot.contains("? help"), "the foot names the help: {foot}");
    assert_eq!(press(&mut screen, KeyCode::Char('?')), Outcome::Continue);
    let help = shown(&screen, 80, 24);
    insta::assert_snapshot!("supervise_help_80x24", help);
    assert!(help.contains("Space"), "the reading keys: {help}");
    assert!(help.contains("Ctrl-C"), "{help}");
    press(&mut screen, KeyCode::Char('x'));
    assert!(!shown(&screen, 80, 24).contains("this help"), "closed");

    // Writing: F1, and the editor's keys are listed; the key that closes
    // the help is not typed into the comment.
    press(&mut screen, KeyCode::Tab);
    assert!(screen.writing);
    typed(&mut screen, "Good.");
    press(&mut screen, KeyCode::F(1));
    let help = shown(&screen, 40, 12);
    insta::assert_snapshot!("supervise_help_writing_40x12", help);
    assert!(help.contains("back to reading"), "the writing keys: {help}");
    // At 40x12 the list does not fit: ↓ scrolls it rather than closing it.
    press(&mut screen, KeyCode::Down);
    let scrolled = shown(&screen, 40, 12);
    assert_ne!(scrolled, help, "scrolled");
    screen.paste("pasted under the help");
    assert_eq!(
        screen.comments[0].text(),
        "Good.",
        "a paste under the help types nothing"
    );
    press(&mut screen, KeyCode::Char('z'));
    assert_eq!(screen.comments[0].text(), "Good.", "the closing key typed nothing");
    press(&mut screen, KeyCode::Char('!'));
    assert_eq!(screen.comments[0].text(), "Good.!", "closed: typing goes on");
}
