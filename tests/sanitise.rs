//! Nothing in a course or a journal reaches the terminal as a command: not
//! through the full-screen tutor, `list`, `validate`, `read --plain`, error
//! messages or exported logs (casebook issue 12).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use casebook::content::{self, Block, Course};
use casebook::journal::{ActionPoint, MemoryStore, ModuleJournal, Profile, Reflection};
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
