//! Nothing in a course or a journal reaches the terminal as a command: not
//! through the full-screen tutor, `list`, `validate`, `read --plain`, error
//! messages or exported logs (casebook issue 12).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use casebook::content::{self, Block, Course};
use casebook::journal::{ActionPoint, ModuleJournal, Profile, Reflection};
use casebook::store::MemoryStore;
use casebook::tui::backend::{LeanBackend, cells_on_blank};
use casebook::tui::view::{Canvas, view};
use casebook::tui::{App, Msg};
use jiff::Timestamp;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

/// A clipboard write (OSC 52), a title change, a cursor position query
/// (CSI 6n, whose reply would arrive as if typed), BEL, the one-byte CSI
/// U+009B and a right-to-left override.
const HOSTILE: &str =
    "Evil\u{1b}]52;c;Y2F0IC9ldGMvcGFzc3dk\u{7} \u{1b}]0;pwned\u{7}\u{1b}[6n\u{7}\u{9b}6n\u{202e}fdp.exe";

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_795_000_000 + seconds).unwrap()
}

/// Every control byte in `bytes` starts one of the sequences the backend
/// itself sends (cursor moves, styles, clears, cursor shown or hidden), and
/// there is no C1 control or bidi override at all.
fn only_the_backends_own_escapes(bytes: &[u8]) {
    let text = String::from_utf8(bytes.to_vec()).expect("UTF-8 out");
    let mut rest = text.as_str();
    while let Some(at) = rest.find(|character: char| character.is_control()) {
        let tail = &rest[at..];
        let sequence = tail
            .strip_prefix("\u{1b}[")
            .unwrap_or_else(|| panic!("control character not part of a CSI sequence at {tail:?}"));
        let parameters = sequence
            .bytes()
            .take_while(|byte| byte.is_ascii_digit() || *byte == b';' || *byte == b'?')
            .count();
        let last = sequence.as_bytes().get(parameters).copied();
        assert!(
            matches!(last, Some(b'H' | b'C' | b'm' | b'K' | b'J' | b'h' | b'l')),
            "an escape sequence the backend never sends: {:?}",
            &tail[..tail.len().min(12)]
        );
        rest = &sequence[parameters + 1..];
    }
    for forbidden in ['\u{202e}', '\u{9b}', '\u{7}'] {
        assert!(!text.contains(forbidden), "{forbidden:?} reached the terminal");
    }
    assert!(
        !text.contains("\u{1b}]"),
        "an operating system command reached the terminal"
    );
    assert!(
        !text.contains("\u{1b}[6n"),
        "a cursor position query reached the terminal"
    );
}

/// What the tutor's own backend writes for `buffer` on a blank screen.
fn frame_bytes(buffer: &Buffer) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut backend = LeanBackend::new(&mut bytes);
    backend.assume_size(buffer.area.as_size());
    backend.draw(cells_on_blank(buffer).into_iter()).unwrap();
    backend.flush().unwrap();
    drop(backend);
    bytes
}

#[test]
fn the_backend_sends_no_control_character_from_any_cell() {
    let mut buffer = Buffer::empty(Rect::new(0, 0, 20, 2));
    // Straight into cells, past ratatui's own filtering.
    for (x, symbol) in [
        "\u{1b}",
        "]",
        "5",
        "2",
        "\u{7}",
        "\u{9b}",
        "a\u{202e}",
        "\u{1b}[6n",
        "é",
    ]
    .into_iter()
    .enumerate()
    {
        buffer[(x as u16, 0)].set_symbol(symbol);
    }
    buffer.set_string(0, 1, HOSTILE, ratatui::style::Style::default());
    let bytes = frame_bytes(&buffer);
    only_the_backends_own_escapes(&bytes);
    // The cells still take their columns: a lone control shows as U+FFFD.
    assert!(
        String::from_utf8(bytes)
            .unwrap()
            .contains("\u{FFFD}]52\u{FFFD}\u{FFFD}a[6n")
    );
}

/// The shipped course with hostile text in every field of one module, and
/// a journal (as if copied from another machine) holding more of it. Such
/// a module is refused by the loader; this one is put together in code to
/// show that the screen would be safe even so.
fn hostile_app() -> App<MemoryStore> {
    let library = content::load_library(None, &[]);
    let mut course: Course = library.course("hmip-youth-2021").unwrap().clone();
    let module = course
        .modules
        .iter_mut()
        .find(|module| module.id == "desistance-assessing")
        .unwrap();
    module.title = HOSTILE.to_owned();
    module.subtitle = Some(HOSTILE.to_owned());
    for section in &mut module.sections {
        section.title = HOSTILE.to_owned();
        section.blocks.insert(0, Block::Para(HOSTILE.to_owned()));
        section.blocks.push(Block::Bullets(vec![HOSTILE.to_owned()]));
        for question in &mut section.questions {
            question.text = HOSTILE.to_owned();
            question.hint = Some(HOSTILE.to_owned());
        }
    }
    let mut journal = ModuleJournal::new("hmip-youth-2021", "desistance-assessing");
    for (_, question) in module.questions() {
        journal.reflections.insert(
            question.id.clone(),
            Reflection {
                question: HOSTILE.to_owned(),
                text: format!("{HOSTILE}\n{HOSTILE}"),
                skipped: false,
                created: at(0),
                updated: at(0),
                reviewed: Vec::new(),
            },
        );
    }
    journal.action_point = Some(ActionPoint {
        text: HOSTILE.to_owned(),
        created: at(0),
        updated: at(0),
    });
    let mut store = MemoryStore {
        profile: Some(Profile {
            schema: 1,
            welcomed: true,
            name: HOSTILE.to_owned(),
            ..Profile::default()
        }),
        ..MemoryStore::default()
    };
    store
        .modules
        .insert(("hmip-youth-2021".into(), "desistance-assessing".into()), journal);
    let mut app = App::new(vec![course], store, format!("/tmp/{HOSTILE}"));
    app.handle(Msg::Resize(100, 40), at(0));
    app
}

#[test]
fn hostile_course_and_journal_text_never_reaches_the_terminal_from_the_tutor() {
    let mut app = hostile_app();
    let mut frames = Vec::new();
    let mut draw = |app: &App<MemoryStore>| {
        let mut buffer = Buffer::empty(Rect::new(0, 0, app.model.width, app.model.height));
        view(&app.model, &mut Canvas::new(&mut buffer));
        frames.push(frame_bytes(&buffer));
    };
    draw(&app);
    let index = app.model.courses[0]
        .modules
        .iter()
        .position(|module| module.id == "desistance-assessing")
        .unwrap();
    casebook::tui::update::open_module(&mut app.model, 0, index, at(1));
    draw(&app);
    for step in 0..12 {
        let key = if step % 3 == 2 { KeyCode::Tab } else { KeyCode::Right };
        app.handle(Msg::Key(KeyEvent::new(key, KeyModifiers::NONE)), at(2 + step));
        draw(&app);
    }
    app.handle(Msg::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE)), at(20));
    draw(&app);
    assert!(frames.len() > 10);
    for frame in &frames {
        only_the_backends_own_escapes(frame);
    }
    // The text around the controls is still shown.
    assert!(
        frames
            .iter()
            .any(|frame| String::from_utf8_lossy(frame).contains("pwned"))
    );
}

#[test]
fn the_frame_check_catches_what_it_should() {
    // The check above would fail on the sequences it is meant to find.
    for bad in ["\u{1b}]52;c;x\u{7}", "\u{1b}[6n", "\u{9b}6n", "\u{7}", "a\u{202e}b"] {
        let caught = std::panic::catch_unwind(|| only_the_backends_own_escapes(bad.as_bytes()));
        assert!(caught.is_err(), "{bad:?} passed the check");
    }
    only_the_backends_own_escapes(b"\x1b[1;2H\x1b[3C\x1b[0m\x1b[38;5;3mtext\x1b[K\x1b[?25l");
}

// ------------------------------------------------------------------ validate

#[test]
fn control_characters_and_bidi_overrides_keep_a_module_out_with_their_positions() {
    for (fixture, expected) in [
        (
            "control-character",
            vec![
                (3, 19, "U+001B (escape) in title"),
                (3, 46, "U+0007 (bell) in title"),
                (9, 27, "U+001B (escape), written as an escape, in paragraph"),
                (10, 69, "U+009B (control sequence introducer) in question"),
            ],
        ),
        (
            "bidi-override",
            vec![
                (9, 36, "U+202E (right-to-left override) in paragraph"),
                (9, 44, "U+202C (pop directional formatting) in paragraph"),
                (9, 50, "U+2067 (right-to-left isolate) in paragraph"),
                (9, 59, "U+2069 (pop directional isolate) in paragraph"),
            ],
        ),
    ] {
        let library = content::load_paths(&[format!("tests/fixtures/invalid/{fixture}").into()]);
        let found = diagnostics(&library);
        assert_eq!(found.len(), expected.len(), "{fixture}: {found:#?}");
        for ((line, column, error, message), (want_line, want_column, want)) in found.iter().zip(&expected) {
            assert_eq!((*line, *column, *error), (*want_line, *want_column, true), "{message}");
            assert!(message.contains(want), "{message} names {want}");
        }
        assert_eq!(library.courses.len(), 1, "{fixture}: the course itself is sound");
        assert!(
            library.courses[0].modules.is_empty(),
            "{fixture}: the module is kept out"
        );
    }
}

#[test]
fn zero_width_characters_are_warnings_and_a_leading_byte_order_mark_and_emoji_are_not() {
    let library = content::load_paths(&["tests/fixtures/invalid/zero-width".into()]);
    let found = diagnostics(&library);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!((found[0].0, found[0].1, found[0].2), (9, 32, false));
    assert!(found[0].3.contains("U+200B (zero-width space)"));
    assert_eq!((found[1].0, found[1].1, found[1].2), (9, 78, false));
    assert!(found[1].3.contains("U+2060 (word joiner)"));
    let module = &library.courses[0].modules[0];
    assert!(
        matches!(&module.sections[0].blocks[0], Block::Para(text) if text.contains("👩\u{200d}👧")),
        "the module is kept, its text as written"
    );
}

#[test]
fn a_module_in_a_crlf_file_is_not_a_control_character_problem() {
    let folder = tempfile::tempdir().unwrap();
    let course = std::fs::read_to_string("tests/fixtures/invalid/zero-width/course.ron").unwrap();
    std::fs::write(folder.path().join("course.ron"), course.replace('\n', "\r\n")).unwrap();
    let module = "Module(\r\n    id: \"case\",\r\n    title: \"A case\",\r\n    sections: [Section(title: \"S\", blocks: [Para(\"Two\r\nlines\")])],\r\n)\r\n";
    std::fs::write(folder.path().join("case.ron"), module).unwrap();
    let library = content::load_paths(&[folder.path().to_path_buf()]);
    assert!(library.diagnostics.is_empty(), "{:#?}", library.diagnostics);
    assert_eq!(library.courses[0].modules.len(), 1);
}

// ------------------------------------------------------------------ exports

/// Learner text as typed on other machines: Welsh, emoji (with skin tone
/// and a zero-width joiner), accents, right-to-left Arabic and Hebrew.
const ORDINARY: [&str; 5] = [
    "Roedd y teulu’n groesawgar iawn; ŵ ŷ â",
    "Good session 👍🏽 👩\u{200d}👧",
    "café, naïve, Ærø, Zoë",
    "مرحبا بالعالم",
    "שלום עולם",
];

fn hostile_reflection() -> String {
    let mut text = ORDINARY.join("\n\n");
    text.push_str("\n\nInvoice \u{202e}exe.fdp\u{202c} and \u{2066}isolated\u{2069}, C1 \u{9b}6n and \u{85}.");
    text.push_str("\n\nEscape \u{1b}]52;c;aGk=\u{7} end.");
    text
}

fn export_with(text: &str, format: casebook::export::Format) -> Vec<u8> {
    let library = content::load_paths(&["tests/fixtures/export/course".into()]);
    let course = library.course("export-fixture").unwrap();
    let module = course.module("case-assessing").unwrap();
    let mut journal = ModuleJournal::new(&course.id, &module.id);
    journal.first_studied = Some(at(0));
    journal.last_studied = Some(at(60));
    journal.active_seconds = 600;
    journal.sections_read = (0..module.sections.len()).collect();
    journal.reflections.insert(
        "stood-out".into(),
        Reflection {
            question: module.questions().next().unwrap().1.text.clone(),
            text: text.to_owned(),
            skipped: false,
            created: at(0),
            updated: at(60),
            reviewed: Vec::new(),
        },
    );
    let options = casebook::export::Options {
        casebook_version: "0.0.0-test".to_owned(),
        ..casebook::export::Options::new(at(120))
    };
    casebook::export::export(&[(course, module, &journal)], None, format, &options).unwrap()
}

#[test]
fn logs_show_no_bidi_override_or_control_and_keep_ordinary_text_unchanged() {
    use casebook::export::{Format, Verification, verify};
    for format in Format::ALL {
        let bytes = export_with(&hostile_reflection(), format);
        let text = String::from_utf8(bytes.clone()).unwrap();
        for forbidden in [
            '\u{202e}', '\u{202c}', '\u{2066}', '\u{2069}', '\u{9b}', '\u{85}', '\u{1b}', '\u{7}',
        ] {
            assert!(!text.contains(forbidden), "{format:?} holds {forbidden:?}");
        }
        for ordinary in ORDINARY {
            assert!(text.contains(ordinary), "{format:?} keeps {ordinary:?} unchanged");
        }
        assert!(
            matches!(verify(&bytes), Verification::Matches { .. }),
            "{format:?}: the digest covers the bytes as written"
        );
        if format == Format::Json {
            for escaped in [
                "\\u202e", "\\u202c", "\\u2066", "\\u2069", "\\u009b", "\\u0085", "\\u001b", "\\u0007",
            ] {
                assert!(text.contains(escaped), "JSON escapes {escaped}");
            }
            // A program reading the JSON gets the learner's text exactly.
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            let reflections = value.to_string();
            assert!(reflections.contains("\\u001b]52;c;aGk=\\u0007"));
            let found = find_string(&value, "Invoice").unwrap();
            assert_eq!(found, hostile_reflection());
        } else {
            assert!(
                text.contains("Invoice \u{FFFD}exe.fdp\u{FFFD} and \u{FFFD}isolated\u{FFFD}"),
                "{format:?}"
            );
        }
    }
}

#[test]
fn logs_of_ordinary_text_have_nothing_replaced() {
    use casebook::export::Format;
    for format in Format::ALL {
        let text = String::from_utf8(export_with(&ORDINARY.join("\n\n"), format)).unwrap();
        assert!(!text.contains('\u{FFFD}'), "{format:?}");
        for ordinary in ORDINARY {
            assert!(text.contains(ordinary), "{format:?} keeps {ordinary:?}");
        }
    }
}

/// The first string in a JSON value that contains `needle`.
fn find_string(value: &serde_json::Value, needle: &str) -> Option<String> {
    match value {
        serde_json::Value::String(text) if text.contains(needle) => Some(text.clone()),
        serde_json::Value::Array(items) => items.iter().find_map(|item| find_string(item, needle)),
        serde_json::Value::Object(fields) => fields.values().find_map(|item| find_string(item, needle)),
        _ => None,
    }
}

// ------------------------------------------------------------------ the real binary

/// What a terminal would obey: ESC, BEL, a C1 control (UTF-8 C2 80 to C2
/// 9F) or a bidi override or isolate (E2 80 AA to AE, E2 81 A6 to A9).
fn obeyed(bytes: &[u8]) -> Option<usize> {
    (0..bytes.len()).find(|&at| {
        let next = |ahead: usize| bytes.get(at + ahead).copied().unwrap_or(0);
        match bytes[at] {
            0x1b | 0x07 => true,
            0xc2 => (0x80..=0x9f).contains(&next(1)),
            0xe2 => matches!((next(1), next(2)), (0x80, 0xaa..=0xae) | (0x81, 0xa6..=0xa9)),
            _ => false,
        }
    })
}

#[cfg(unix)]
fn assert_nothing_obeyed(what: &str, output: &std::process::Output) {
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        if let Some(at) = obeyed(bytes) {
            panic!(
                "{what}: {stream} holds a character a terminal would obey at byte {at}:\n{}",
                String::from_utf8_lossy(bytes).escape_debug()
            );
        }
    }
}

#[test]
fn the_check_on_output_finds_every_kind_of_byte_it_looks_for() {
    for bad in [
        &b"ab\x1b"[..],
        b"\x07",
        b"a\xc2\x9b6n",
        b"x\xc2\x80",
        b"\xe2\x80\xae",
        b"ab\xe2\x81\xa6cd",
    ] {
        assert!(obeyed(bad).is_some(), "{bad:?}");
    }
    for good in [&b"plain"[..], "é ŵ 👍🏽 مرحبا <U+001B>".as_bytes(), b"\t\n"] {
        assert_eq!(obeyed(good), None, "{good:?}");
    }
}

/// The hostile course folder in a temporary folder, with one more module
/// file whose name is itself an escape sequence, and a data folder whose
/// name is one too. Unix only: Windows refuses control characters in names.
#[cfg(unix)]
struct Hostile {
    _root: tempfile::TempDir,
    course: std::path::PathBuf,
    data: std::path::PathBuf,
}

#[cfg(unix)]
const HOSTILE_NAME: &str = "evil\u{1b}]0;pwned\u{7}";

#[cfg(unix)]
fn hostile_setup() -> Hostile {
    let root = tempfile::tempdir().unwrap();
    let course = root.path().join("course");
    std::fs::create_dir(&course).unwrap();
    for entry in std::fs::read_dir("tests/fixtures/hostile").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, course.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::copy(
        "tests/fixtures/hostile/osc.ron",
        course.join(format!("{HOSTILE_NAME}.ron")),
    )
    .unwrap();
    let data = root.path().join(format!("data-{HOSTILE_NAME}"));
    std::fs::create_dir(&data).unwrap();
    Hostile {
        _root: root,
        course,
        data,
    }
}

#[cfg(unix)]
fn casebook(hostile: &Hostile, args: &[&str], input: &str) -> std::process::Output {
    let course = hostile.course.display().to_string();
    let mut arguments = vec!["--modules", course.as_str()];
    arguments.extend_from_slice(args);
    common::Launch::new(&hostile.data, &arguments).input(input).run()
}

#[cfg(unix)]
fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[cfg(unix)]
#[test]
fn validate_shows_hostile_file_names_and_values_without_obeying_them() {
    let hostile = hostile_setup();
    let output = casebook(&hostile, &["validate"], "");
    assert_nothing_obeyed("validate", &output);
    assert_eq!(output.status.code(), Some(1), "the hostile modules are errors");
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("/evil<U+001B>]0;pwned<U+0007>.ron:3:23: control character U+001B (escape) in title"),
        "{stdout}"
    );
    assert!(
        stdout.contains("area.ron:4:11: unknown area \"<U+001B>]0;pwned<U+0007>\""),
        "{stdout}"
    );
    assert!(stdout.contains("osc.ron:4:36: control character U+009B"), "{stdout}");
    assert!(
        stdout.contains("osc.ron:7:33: bidirectional control character U+202E"),
        "{stdout}"
    );
}

#[cfg(unix)]
#[test]
fn list_keeps_hostile_modules_out_and_shows_a_hostile_path_without_obeying_it() {
    let hostile = hostile_setup();
    // A journal casebook cannot read: its message names its path, which
    // holds an escape sequence.
    let journal = hostile.data.join("journal/hostile");
    std::fs::create_dir_all(&journal).unwrap();
    std::fs::write(journal.join("sound.ron"), "(schema: 2, \u{1b}]0;pwned\u{7}").unwrap();
    let output = casebook(&hostile, &["list"], "");
    assert_nothing_obeyed("list", &output);
    assert!(output.status.success());
    let stdout = text(&output.stdout);
    let sound = stdout
        .lines()
        .find(|line| line.contains("sound"))
        .expect("the sound module is listed");
    // The reason goes on its own line under the module's row.
    assert!(sound.contains("cannot be read"), "{sound}");
    assert!(stdout.contains("data-evil<U+001B>]0;pwned<U+0007>/journal"), "{stdout}");
    for kept_out in [" osc ", " area ", "Clipboard", "pwned\u{FFFD}"] {
        assert!(!stdout.contains(kept_out), "{kept_out:?} in {stdout}");
    }
    assert!(text(&output.stderr).contains("problem(s) in the course files kept some modules out"));
}

#[cfg(unix)]
#[test]
fn plain_mode_shows_a_hostile_saved_answer_and_data_folder_without_obeying_them() {
    use casebook::store::{FileStore, Store};
    let hostile = hostile_setup();
    let mut store = FileStore::new(casebook::folder::DataPaths::at(&hostile.data));
    let mut journal = ModuleJournal::new("hostile", "sound");
    journal.reflections.insert(
        "first".into(),
        Reflection {
            question: "What stood out?".into(),
            text: HOSTILE.to_owned(),
            skipped: false,
            created: at(0),
            updated: at(0),
            reviewed: Vec::new(),
        },
    );
    store.save_module(&journal).unwrap();
    let output = casebook(&hostile, &["read", "sound", "--plain"], ".\n.\n");
    assert_nothing_obeyed("read --plain", &output);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("Evil<U+001B>]52;c;Y2F0IC9ldGMvcGFzc3dk<U+0007>"),
        "{stdout}"
    );
    assert!(stdout.contains("<U+202E>fdp.exe"), "{stdout}");
    assert!(stdout.contains("data-evil<U+001B>]0;pwned<U+0007>"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn error_messages_show_hostile_names_without_obeying_them() {
    let hostile = hostile_setup();
    let output = casebook(&hostile, &["read", HOSTILE_NAME, "--plain"], "");
    assert_nothing_obeyed("read an unknown module", &output);
    assert!(text(&output.stderr).contains("There is no module \"evil<U+001B>]0;pwned<U+0007>\""));

    let log = hostile.data.join(format!("{HOSTILE_NAME}.txt"));
    std::fs::write(&log, "not a log").unwrap();
    let output = casebook(&hostile, &["verify", log.to_str().unwrap()], "");
    assert_nothing_obeyed("verify", &output);
    assert!(text(&output.stdout).contains("evil<U+001B>]0;pwned<U+0007>.txt: this is not a log exported by casebook"));

    let output = casebook(&hostile, &["export", "-o", log.to_str().unwrap()], "");
    assert_nothing_obeyed("export", &output);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));

    // A data folder that cannot be used, named with an escape sequence.
    let blocked = hostile.data.join(format!("file-{HOSTILE_NAME}"));
    std::fs::write(&blocked, "").unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["read", "introduction", "--plain"])
        .env("CASEBOOK_DATA_DIR", &blocked)
        .output()
        .unwrap();
    assert_nothing_obeyed("an unusable data folder", &output);
    assert!(text(&output.stderr).contains("file-evil<U+001B>]0;pwned<U+0007>"));
}

/// Each diagnostic as (line, column, is an error, message).
fn diagnostics(library: &content::Library) -> Vec<(usize, usize, bool, &str)> {
    library
        .diagnostics
        .iter()
        .map(|problem| {
            (
                problem.line,
                problem.column,
                problem.is_error(),
                problem.message.as_str(),
            )
        })
        .collect()
}
