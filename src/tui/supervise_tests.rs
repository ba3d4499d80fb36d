//! The full-screen review: its pages, keys and answers, and how it looks
//! at 80x24 and 40x12. Writing and signing are the plain flow's (tests/review.rs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;

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
                "questions": [
                    { "id": "stood-out", "question": "What stood out to you?", "reflection": "The family's part." },
                    { "id": "skipped", "question": "Left unanswered?", "reflection": null },
                    { "id": "develop", "question": "How will you develop?", "reflection": "Read more.\nAsk my team." }
                ]
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
        !first.contains("Left unanswered?"),
        "unanswered questions are not shown"
    );
    insta::assert_snapshot!("supervise_reflection_40x12", shown(&screen, 40, 12));

    typed(&mut screen, "Good: who else?");
    assert_eq!(
        press(&mut screen, KeyCode::Enter),
        Outcome::Continue,
        "Enter is a new line"
    );
    typed(&mut screen, "Say more.");
    press(&mut screen, KeyCode::Tab);
    assert!(shown(&screen, 80, 24).contains("Reflection 2 of 2"));
    // Back and on again: what was typed is kept.
    press(&mut screen, KeyCode::BackTab);
    assert!(shown(&screen, 80, 24).contains("Good: who else?"));
    press(&mut screen, KeyCode::Tab);
    press(&mut screen, KeyCode::Tab);
    typed(&mut screen, "Thoughtful work.");
    press(&mut screen, KeyCode::Tab);
    typed(&mut screen, "Read chapter 3.");
    press(&mut screen, KeyCode::Tab);
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
    for _ in 0..4 {
        press(&mut screen, KeyCode::Tab);
    }
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
    typed(&mut screen, "Half a thought");
    assert_eq!(press(&mut screen, KeyCode::Esc), Outcome::Continue);
    let asked = shown(&screen, 80, 24);
    assert!(asked.contains("Leave without writing the review?"), "{asked}");
    // n stays, with the text kept.
    assert_eq!(press(&mut screen, KeyCode::Char('n')), Outcome::Continue);
    let stayed = shown(&screen, 80, 24);
    assert!(
        stayed.contains("Half a thought") && !stayed.contains("Leave without"),
        "{stayed}"
    );
    press(&mut screen, KeyCode::Esc);
    assert_eq!(press(&mut screen, KeyCode::Char('y')), Outcome::Left);

    let mut screen = super::ReviewScreen::new(&log(), Path::new("r.json"), false);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(screen.key(ctrl_c), Outcome::Left);
}

#[test]
fn a_long_reflection_scrolls_above_the_comment_box() {
    let mut screen = screen();
    press(&mut screen, KeyCode::Tab);
    let ctrl_down = KeyEvent::new(KeyCode::Down, KeyModifiers::CONTROL);
    let before = shown(&screen, 40, 12);
    assert!(!before.contains("Ask my team."), "{before}");
    for _ in 0..10 {
        screen.key(ctrl_down);
    }
    let after = shown(&screen, 40, 12);
    assert!(after.contains("Ask my team."), "{after}");
}

#[test]
fn a_paste_goes_into_the_box_and_only_its_first_line_into_the_date() {
    let mut screen = screen();
    screen.paste("One line\nand another");
    for _ in 0..4 {
        press(&mut screen, KeyCode::Tab);
    }
    screen.paste("2026-12-29\nextra");
    let Outcome::Done(answers) = press(&mut screen, KeyCode::Enter) else {
        panic!("the pasted date is taken");
    };
    assert_eq!(answers.comments[0].comment, "One line\nand another");
    assert_eq!(answers.next_review, Some(jiff::civil::date(2026, 12, 29)));
}
