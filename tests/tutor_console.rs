//! The real binary in tmux, for what Windows consoles do differently
//! (issue 15): a paste arriving as keys, and ASCII symbols. Skipped, with
//! the reason printed, where tmux is not installed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Pane, one_at_a_time, tmux_available};

const SYMBOLS: [char; 7] = ['◐', '✓', '⊘', '▸', '▶', '●', '○'];

fn welcomed() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("profile.ron"), "(schema: 1, welcomed: true)\n").unwrap();
    data
}

/// tmux writes `send-keys -l` text in one go, as a console does a paste
/// without bracketed paste: the keys are already queued when the first is
/// read. The Tab and Enter in it are text, not commands.
#[test]
fn keys_pasted_as_key_presses_stay_in_the_answer_box_tab_and_enter_included() {
    let _serial = one_at_a_time();
    if !tmux_available("the console tests") {
        return;
    }
    let data = welcomed();
    let pane = Pane::start("burst", data.path(), "read desistance-assessing");
    pane.wait_for("What we expect");
    pane.keys(&["l", "l", "l", "l"]);
    pane.wait_for("Question 1 of 2");
    pane.type_text("pasted\tone\rtwo");
    let screen = pane.wait_for("two");
    assert!(screen.contains("pasted    one"), "the Tab is text:\n{screen}");
    // Still writing: the next keys go into the answer too.
    pane.type_text(" three");
    pane.wait_for("two three");
    pane.keys(&["C-c"]);
    let _ = pane.exit_status();
    let journal =
        std::fs::read_to_string(data.path().join("journal/hmip-youth-2021/desistance-assessing.ron")).unwrap();
    assert!(journal.contains("pasted    one\\ntwo three"), "{journal}");
}

/// crossterm reads the terminal 1,024 bytes at a time. A paste longer than
/// that, arriving as key presses, must arrive whole at once, not stop at
/// the first 1,024 bytes until another key is pressed. Accented letters and
/// curly quotes make some reads end inside a character.
#[test]
fn a_long_paste_arriving_as_key_presses_arrives_whole_without_another_key() {
    let _serial = one_at_a_time();
    if !tmux_available("the console tests") {
        return;
    }
    let data = welcomed();
    let pane = Pane::start("long-paste", data.path(), "read desistance-assessing");
    pane.wait_for("What we expect");
    pane.keys(&["l", "l", "l", "l"]);
    pane.wait_for("Question 1 of 2");
    let sentence = "Renée’s mother said “not again”, and I listened.\t";
    let pasted = sentence.repeat(100);
    assert!(pasted.len() > 5 * 1024);
    pane.type_text(&pasted);
    // 800 words, and nothing pressed after the paste.
    pane.wait_for("800 words");
    pane.keys(&["C-c"]);
    let _ = pane.exit_status();
    let journal: casebook::journal::ModuleJournal = ron::from_str(
        &std::fs::read_to_string(data.path().join("journal/hmip-youth-2021/desistance-assessing.ron")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        journal.reflections["stood-out"].text,
        pasted.replace('\t', "    "),
        "every character, in order"
    );
}

#[test]
fn ascii_on_request_by_flag_or_variable_draws_no_symbol_a_classic_console_cannot_show() {
    let _serial = one_at_a_time();
    if !tmux_available("the console tests") {
        return;
    }
    for (tag, env, args) in [("flag", "", "--ascii"), ("variable", "CASEBOOK_ASCII=1", "")] {
        let data = welcomed();
        let pane = Pane::start_with(&format!("ascii-{tag}"), data.path(), "", env, args);
        let screen = pane.wait_for("o not started");
        assert!(
            !screen.chars().any(|c| SYMBOLS.contains(&c)),
            "{tag}: no Unicode symbol on home:\n{screen}"
        );
        assert!(screen.is_ascii(), "{tag}: nothing but ASCII on home:\n{screen}");
        assert!(
            screen.contains("> Introduction"),
            "{tag}: the selection is marked:\n{screen}"
        );
        pane.keys(&["q"]);
        let _ = pane.exit_status();
    }
    // Without either, and with a UTF-8 locale, the symbols stay.
    let data = welcomed();
    let pane = Pane::start_with("unicode", data.path(), "", "LANG=en_GB.UTF-8 CASEBOOK_ASCII=0", "");
    pane.wait_for("○ not started");
    pane.keys(&["q"]);
    let _ = pane.exit_status();
}
