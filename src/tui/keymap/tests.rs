//! The key tables checked against themselves: every help row names its
//! keys, no key means two things, and the footers read as they should.
use super::*;
use crate::editor::keys::EditKey;
use Action as A;
use KeyCode as K;

const ALL: [Context; 21] = [
    Context::TooSmall,
    Context::Home,
    Context::Text,
    Context::Questions,
    Context::SkipPrompt,
    Context::Editor,
    Context::Completion,
    Context::ActionPoint,
    Context::Profile,
    Context::Export,
    Context::ExportFindings,
    Context::ReviewImport,
    Context::ReviewRead,
    Context::ReviewText,
    Context::ReviewDate,
    Context::ReviewLeave,
    Context::ReviewFindings,
    Context::ReviewOffer,
    Context::ReviewRestart,
    Context::CpdForm,
    Context::Help,
];

/// How a help row writes a key, to check the row names every key it lists.
fn written(key: Key) -> String {
    match key {
        Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Key::CtrlArrow(code) => format!("Ctrl-{}", written(Key::Plain(code))),
        Key::Plain(code) => match code {
            K::Char(c) => c.to_string(),
            K::Up => "↑".into(),
            K::Down => "↓".into(),
            K::Left => "←".into(),
            K::Right => "→".into(),
            K::PageUp => "PgUp".into(),
            K::PageDown => "PgDn".into(),
            K::BackTab => "Shift-Tab".into(),
            K::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        },
    }
}

#[test]
fn every_help_row_names_each_of_its_keys() {
    for context in ALL {
        for binding in table(context) {
            let Some((label, _)) = binding.help else { continue };
            for (key, _) in binding.keys {
                let name = if *key == Key::Plain(K::Char(' ')) {
                    "Space".to_owned()
                } else {
                    written(*key)
                };
                assert!(label.contains(&name), "{context:?}: {label:?} does not name {name}");
            }
        }
    }
}

#[test]
fn no_key_means_two_things_in_one_context() {
    for context in ALL {
        let keys: Vec<(Key, Action)> = table(context)
            .iter()
            .flat_map(|binding| binding.keys.iter().copied())
            .collect();
        for (index, (key, action)) in keys.iter().enumerate() {
            for (other, other_action) in &keys[index + 1..] {
                assert!(
                    key != other || action == other_action,
                    "{context:?}: {key:?} is both {action:?} and {other_action:?}"
                );
            }
        }
    }
}

#[test]
fn every_footer_hint_is_a_key_of_its_own_row() {
    for context in ALL {
        for binding in table(context) {
            for hint in binding.hints {
                let (key, _) = hint.words;
                let named = binding.keys.iter().any(|(pattern, _)| {
                    let name = if *pattern == Key::Plain(K::Char(' ')) {
                        "Space".to_owned()
                    } else {
                        written(*pattern)
                    };
                    name == key || ((key == "↓↑" || key == "↑↓") && (name == "↓" || name == "↑"))
                });
                assert!(named, "{context:?}: hint {key:?} is not one of its row's keys");
            }
        }
    }
}

#[test]
fn footers_keep_the_key_that_opens_the_help() {
    for context in ALL {
        let items = footer(context, Situation::default());
        let kept: Vec<&FooterItem> = items.iter().filter(|item| item.keep).collect();
        let opens_help = table(context)
            .iter()
            .any(|binding| !binding.hints.is_empty() && binding.keys.iter().any(|(_, a)| *a == Action::Help));
        assert_eq!(kept.len(), usize::from(opens_help), "{context:?}: {items:?}");
    }
}

#[test]
fn the_footers_read_as_before() {
    let text = |context, situation| {
        footer(context, situation)
            .into_iter()
            .map(|item| item.text)
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let plain = Situation::default();
    let skipped = Situation { skipped: true, ..plain };
    let questions = Situation {
        questions: true,
        ..plain
    };
    assert_eq!(
        text(Context::Home, plain),
        "Enter open · e export · u profile · ? help · q quit · i import review"
    );
    assert_eq!(
        text(Context::Home, skipped),
        "Enter open · o skipped questions · e export · u profile · ? help · q quit · i import review"
    );
    assert_eq!(
        text(Context::Text, plain),
        "→ next · ← back · ↓↑ scroll · ? help · q home"
    );
    assert_eq!(
        text(Context::Text, questions),
        "→ answer · Tab questions · ↓↑ scroll · ? help · q home"
    );
    assert_eq!(
        text(Context::Questions, plain),
        "Enter write · → next · s skip · Tab text · ? help · q home"
    );
    assert_eq!(
        text(Context::Editor, plain),
        "Esc done · Tab text · Ctrl-Z undo · Ctrl-G prompts · F1 help"
    );
    assert_eq!(
        text(Context::Completion, skipped),
        "o skipped questions · a action point · e export · c CPD record · r read again · ? help · q home"
    );
    let scrolls = Situation { scrolls: true, ..plain };
    assert_eq!(
        text(Context::Completion, scrolls),
        "↓↑ scroll · a action point · e export · c CPD record · r read again · ? help · q home"
    );
    assert_eq!(
        text(Context::CpdForm, plain),
        "Ctrl-S make record · Tab next box · Esc close · Ctrl-Z undo · F1 help"
    );
    let offered = Situation {
        peer_offer: true,
        ..plain
    };
    assert_eq!(
        text(Context::CpdForm, offered),
        "Ctrl-S make record · Ctrl-R use review · Tab next box · Esc close · Ctrl-Z undo · F1 help"
    );
    assert_eq!(text(Context::Profile, plain), "Tab next · Esc done (saved) · F1 help");
    assert_eq!(
        text(Context::Export, plain),
        "Tab format · ↑↓ period · Enter write · Esc cancel"
    );
    let suggested = Situation {
        suggestion: true,
        ..plain
    };
    assert_eq!(
        text(Context::Export, suggested),
        "Ctrl-N use the free name · Tab format · ↑↓ period · Enter write · Esc cancel"
    );
}

#[test]
fn keys_are_found_by_context_then_anywhere() {
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let ctrl = |c| KeyEvent::new(K::Char(c), KeyModifiers::CONTROL);
    assert_eq!(action(Context::Home, &key(K::Char('q'))), Some(A::Quit));
    assert_eq!(action(Context::Text, &key(K::Char('q'))), Some(A::Back));
    assert_eq!(action(Context::Editor, &key(K::Char('q'))), None, "typed");
    assert_eq!(action(Context::Editor, &key(K::Char('?'))), None, "typed");
    assert_eq!(action(Context::Profile, &key(K::F(1))), Some(A::Help));
    assert_eq!(action(Context::Profile, &ctrl('s')), Some(A::Save));
    assert_eq!(
        own_action(Context::Export, &ctrl('s')),
        None,
        "typed into the file name"
    );
    assert_eq!(action(Context::Text, &ctrl('f')), Some(A::PageDown));
    assert_eq!(action(Context::Text, &ctrl('j')), None, "Ctrl-J is not j");
    assert_eq!(global_action(&ctrl('c')), Some(A::QuitApp));
}

#[test]
fn the_completion_screen_scrolls_with_the_readers_keys() {
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let ctrl = |c| KeyEvent::new(K::Char(c), KeyModifiers::CONTROL);
    for event in [
        key(K::Down),
        key(K::Up),
        key(K::Char('j')),
        key(K::Char('k')),
        key(K::PageDown),
        key(K::PageUp),
        key(K::Char('b')),
        ctrl('f'),
        key(K::Home),
        key(K::End),
        key(K::Char('g')),
        key(K::Char('G')),
    ] {
        assert_eq!(
            action(Context::Completion, &event),
            action(Context::Text, &event),
            "{event:?}"
        );
    }
    // Space has nothing to go on to: it is a page down.
    assert_eq!(action(Context::Completion, &key(K::Char(' '))), Some(A::PageDown));
    let help: Vec<&str> = help_rows(Context::Completion).iter().map(|(keys, _)| *keys).collect();
    for keys in ["↓ ↑ / j k", "PgDn Space Ctrl-F / PgUp b", "Home g / End G"] {
        assert!(help.contains(&keys), "{keys}: {help:?}");
    }
}

/// How the help writes an editor key.
fn written_edit(key: EditKey) -> String {
    match key {
        EditKey::Plain(K::Left | K::Right | K::Up | K::Down) => "arrows".to_owned(),
        EditKey::Plain(code) => match code {
            K::Home => "Home".to_owned(),
            K::End => "End".to_owned(),
            other => written(Key::Plain(other)),
        },
        EditKey::Ctrl(K::Char(c)) => written(Key::Ctrl(c)),
        EditKey::Ctrl(code) => format!(
            "Ctrl-{}",
            written_edit(EditKey::Plain(code)).replace("arrows", &written(Key::Plain(code)))
        ),
        EditKey::Alt(code) => format!("Alt-{}", written(Key::Plain(code))),
    }
}

/// The contexts with a text box of several lines.
const TEXT_BOXES: [Context; 4] = [
    Context::Editor,
    Context::ActionPoint,
    Context::CpdForm,
    Context::ReviewText,
];

#[test]
fn every_editor_help_row_names_its_keys_and_the_editor_takes_each_as_listed() {
    for context in TEXT_BOXES {
        for binding in table(context) {
            if let Some((label, _)) = binding.help {
                assert!(
                    !binding.keys.is_empty() || !binding.edit.is_empty() || label == crate::text::keys::EDITOR_PASTE.0,
                    "{context:?}: the help row {label:?} names no key"
                );
                for (key, _) in binding.edit {
                    let name = written_edit(*key);
                    assert!(label.contains(&name), "{context:?}: {label:?} does not name {name}");
                }
            }
            for (key, command) in binding.edit {
                let event = key.event();
                assert_eq!(
                    crate::editor::keys::command_for(&event),
                    Some(*command),
                    "{context:?}: the editor does not give {command:?} for {key:?}"
                );
                // The context's own table is asked first: a key it takes never reaches the editor.
                assert_eq!(
                    action(context, &event),
                    None,
                    "{context:?}: {key:?} is taken before the editor sees it"
                );
                assert_eq!(
                    global_action(&event),
                    None,
                    "{context:?}: {key:?} is taken by every screen"
                );
            }
        }
    }
}

#[test]
fn every_key_the_editor_takes_is_in_each_text_boxs_table() {
    for context in TEXT_BOXES {
        let listed: Vec<EditKey> = table(context)
            .iter()
            .flat_map(|binding| binding.edit.iter().map(|(key, _)| *key))
            .collect();
        for (key, _) in crate::editor::keys::ALL.iter().flat_map(|list| list.iter()) {
            assert!(
                listed.contains(key),
                "{context:?}: the editor takes {key:?} but the key table does not list it"
            );
        }
    }
}

/// Each key in the editor's help really changes the text or moves the
/// cursor, and does what its command does.
#[test]
fn each_editor_key_in_the_help_does_what_its_command_does() {
    use crate::editor::Editor;
    let text: String = (1..=40).map(|line| format!("alpha beta gamma {line}\n")).collect();
    let start = |editor: &mut Editor| {
        let mut buffer = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 30, 5));
        editor.move_to_end();
        for _ in 0..60 {
            editor.input(KeyEvent::new(K::Up, KeyModifiers::NONE));
            let _ = editor.render(
                ratatui::layout::Rect::new(0, 0, 30, 5),
                &mut buffer,
                ratatui::style::Style::default(),
            );
        }
        for _ in 0..8 {
            editor.input(KeyEvent::new(K::Right, KeyModifiers::NONE));
        }
    };
    for binding in table(Context::Editor) {
        if binding.help.is_none() {
            continue;
        }
        for (key, command) in binding.edit {
            let mut by_key = Editor::new(&text);
            start(&mut by_key);
            let before = (by_key.text().to_owned(), by_key.cursor_byte());
            by_key.input(key.event());
            let after = (by_key.text().to_owned(), by_key.cursor_byte());
            assert_ne!(before, after, "{key:?} ({command:?}) did nothing");
            let mut by_command = Editor::new(&text);
            start(&mut by_command);
            by_command.apply(*command);
            assert_eq!(
                (by_command.text().to_owned(), by_command.cursor_byte()),
                after,
                "{key:?}"
            );
        }
    }
}
