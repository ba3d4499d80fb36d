//! What each command does, outside the full-screen tutor.

use std::ffi::OsString;
use std::io;
use std::process::ExitCode;

use clap::Parser;

use std::io::IsTerminal;

pub mod check;
pub mod cli;
pub mod cpd;
pub mod cpd_keep;
pub mod export;
pub mod guide;
mod list;
pub mod review;
pub mod trust;

use crate::content::{self, Library};
use crate::folder::DataPaths;
use crate::folder::lock::DataLock;
use crate::rescue::Snapshot;
use crate::sanitise::sanitise;
use crate::store::{FileStore, Store};
use crate::text;
use crate::tui::{self, App};
use cli::{Cli, Command};
use list::list;

use crate::exit;
use crate::messages::print;

pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let code = run_command(args);
    if code != ExitCode::SUCCESS {
        crate::console::hold_window_after_error();
    }
    code
}

fn run_command(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    crate::rescue::exit_101_on_panic();
    let shipped = content::ShippedLoading::start();
    crate::rescue::survive_file_size_limit();
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let paths = DataPaths::resolve(cli.data_dir.clone());
    let code = match &cli.command {
        None => tutor(shipped, &cli, paths.as_ref(), None, false),
        Some(Command::Read { module, plain }) => tutor(shipped, &cli, paths.as_ref(), Some(module), *plain),
        Some(Command::List) => list(&load(shipped, &cli, paths.as_ref()), paths.as_ref()),
        Some(Command::Export(args)) => match paths.as_ref() {
            Some(paths) => {
                // A data folder not made yet holds nothing to export.
                let checked = match paths.root().symlink_metadata() {
                    Ok(_) => crate::folder::check_private(paths),
                    Err(_) => Ok(()),
                };
                if let Err(message) = checked {
                    crate::messages::say(&message);
                    return ExitCode::from(exit::DATA);
                }
                let library = load(shipped, &cli, Some(paths));
                let store = FileStore::new(paths.clone());
                crate::commands::export::run_export(args, &library, &store, jiff::Timestamp::now())
            }
            None => {
                crate::messages::say(text::NO_DATA_DIR);
                exit::DATA
            }
        },
        Some(Command::Check(args)) => with_data_folder(paths.as_ref(), |paths| {
            let library = load(shipped, &cli, Some(paths));
            let store = FileStore::new(paths.clone());
            crate::commands::check::run_check(args, &library, &store, jiff::Timestamp::now())
        }),
        Some(Command::Verify(args)) => crate::commands::export::run_verify(args),
        Some(Command::Review(args)) => with_data_folder(paths.as_ref(), |paths| {
            // The guide's text and case names, for the identifying-details check.
            let library = load(shipped, &cli, Some(paths));
            let stdin = io::stdin();
            let mut input = stdin.lock();
            // The full screen on a terminal; --plain, or no terminal, asks line by line.
            let dumb = std::env::var("TERM").is_ok_and(|term| term == "dumb");
            let screen = !args.plain && io::stdout().is_terminal() && io::stdin().is_terminal() && !dumb;
            let mut ask = crate::tui::supervise::ask;
            // Not locked for the whole review: the signal thread that saves
            // its draft writes to both.
            crate::commands::review::review_command_with(
                args,
                (paths, &library.courses),
                &mut input,
                &mut io::stdout(),
                &mut io::stderr(),
                jiff::Timestamp::now(),
                screen.then_some(&mut ask as crate::commands::review::AskOnScreen),
            )
        }),
        Some(Command::ImportReview(args)) => with_data_folder(paths.as_ref(), |paths| {
            let library = load(shipped, &cli, Some(paths));
            crate::commands::review::import_command(
                args,
                paths,
                &library.courses,
                &mut io::stdout().lock(),
                &mut io::stderr().lock(),
            )
        }),
        Some(Command::Trust(args)) => with_data_folder(paths.as_ref(), |paths| {
            crate::commands::trust::trust_command(args, paths, &mut io::stdout().lock(), &mut io::stderr().lock())
        }),
        Some(Command::Exports) => with_data_folder(paths.as_ref(), |paths| {
            crate::commands::review::exports_command(paths, &mut io::stdout().lock(), &mut io::stderr().lock())
        }),
        Some(Command::Cpd(args)) => match paths.as_ref() {
            Some(paths) => {
                let checked = match paths.root().symlink_metadata() {
                    Ok(_) => crate::folder::check_private(paths),
                    Err(_) => crate::folder::create_private_dir(paths.root()).map_err(|error| {
                        text::data_dir_unusable(&paths.root().display().to_string(), &error.to_string())
                    }),
                };
                if let Err(message) = checked {
                    crate::messages::say(&message);
                    return ExitCode::from(exit::DATA);
                }
                let library = load(shipped, &cli, Some(paths));
                let store = FileStore::new(paths.clone());
                crate::commands::cpd::run(
                    args,
                    paths,
                    &library,
                    &store,
                    &mut io::stdin().lock(),
                    &mut io::stdout().lock(),
                    &mut io::stderr().lock(),
                )
            }
            None => {
                crate::messages::say(text::NO_DATA_DIR);
                exit::DATA
            }
        },
        Some(Command::Guide { topic }) => guide::run(topic.as_deref(), cli.ascii),
        Some(Command::Validate { paths: targets }) => validate(shipped, &cli, paths.as_ref(), targets),
        Some(Command::Sync { status, checked }) => match paths.as_ref() {
            Some(paths) => crate::lrs::run_sync(*status, *checked, paths),
            None => no_data_dir(),
        },
        Some(Command::Lrs { command }) => match paths.as_ref() {
            Some(paths) => crate::lrs::run_lrs(command, paths),
            None => no_data_dir(),
        },
    };
    ExitCode::from(code)
}

/// Runs a command that reads or writes the data folder, once it is known
/// and (when it exists) private.
fn with_data_folder(paths: Option<&DataPaths>, command: impl FnOnce(&DataPaths) -> u8) -> u8 {
    let Some(paths) = paths else {
        crate::messages::say(text::NO_DATA_DIR);
        return exit::DATA;
    };
    if paths.root().symlink_metadata().is_ok()
        && let Err(message) = crate::folder::check_private(paths)
    {
        crate::messages::say(&message);
        return exit::DATA;
    }
    command(paths)
}

fn no_data_dir() -> u8 {
    crate::messages::say(text::NO_DATA_DIR);
    exit::DATA
}

fn load(shipped: content::ShippedLoading, cli: &Cli, paths: Option<&DataPaths>) -> Library {
    let user_modules = paths.map(DataPaths::user_modules);
    content::load_library_with(shipped.wait(), user_modules.as_deref(), &cli.modules)
}

fn validate(
    shipped: content::ShippedLoading,
    cli: &Cli,
    paths: Option<&DataPaths>,
    targets: &[std::path::PathBuf],
) -> u8 {
    let library = if targets.is_empty() {
        let mut library = load(shipped, cli, paths);
        // The CPD record layouts are content too: shipped and the user's own.
        let user_layouts = paths.map(DataPaths::user_layouts);
        crate::cpd::layout::load_all(user_layouts.as_deref(), &mut library.diagnostics);
        library
    } else {
        // A CPD record layout is checked as a layout, anything else as course files.
        let (layouts, course_files): (Vec<_>, Vec<_>) = targets
            .iter()
            .cloned()
            .partition(|path| crate::cpd::layout::is_layout_file(path));
        let mut library = content::load_paths(&course_files);
        for layout in &layouts {
            crate::cpd::layout::check_file(layout, crate::folder::files::Links::Follow, &mut library.diagnostics);
        }
        library
    };
    let mut out = String::new();
    let mut diagnostics = library.diagnostics.clone();
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    for diagnostic in &diagnostics {
        out.push_str(&format!("{}\n", sanitise(&diagnostic.to_string())));
    }
    let errors = library.errors().count();
    let warnings = diagnostics.len() - errors;
    let modules = library.courses.iter().map(|course| course.modules.len()).sum();
    out.push_str(&text::validate_summary(
        library.courses.len(),
        modules,
        errors,
        warnings,
    ));
    out.push('\n');
    if let Err(code) = print(&out) {
        return code;
    }
    if errors == 0 { exit::OK } else { exit::CONTENT }
}

/// The terminal's rows, for plain mode's pauses: 0 when unknown.
pub(crate) fn terminal_height() -> usize {
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(_, rows)| usize::from(rows))
        .or_else(|| std::env::var("LINES").ok().and_then(|lines| lines.parse().ok()))
        .unwrap_or(0)
}

pub(crate) fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.parse().ok())
        .unwrap_or(80)
}

fn tutor(
    shipped: content::ShippedLoading,
    cli: &Cli,
    paths: Option<&DataPaths>,
    open: Option<&String>,
    plain: bool,
) -> u8 {
    let Some(paths) = paths else {
        crate::messages::say(text::NO_DATA_DIR);
        return exit::DATA;
    };
    if let Err(message) = crate::folder::check_data_dir(paths) {
        crate::messages::say(&message);
        return exit::DATA;
    }
    // Held until casebook exits.
    let lock = match DataLock::acquire(paths) {
        Ok(lock) => lock,
        Err(error) => {
            crate::messages::say(&error.to_string());
            return error.exit_code();
        }
    };
    let dumb = std::env::var("TERM").is_ok_and(|term| term == "dumb");
    let screen = io::stdout().is_terminal() && io::stdin().is_terminal() && !dumb;
    // The terminal's size and the first frame's buffer are made while the
    // course is still being checked on the other thread.
    let prepared = (screen && !plain).then(tui::terminal::prepare);
    let library = load(shipped, cli, Some(paths));
    let errors = library.errors().count();
    let target = match open {
        Some(name) => match library.find_module_index(name) {
            Ok(found) => Some(found),
            Err(candidates) if candidates.is_empty() => {
                crate::messages::say(&text::module_not_found(name, &library.suggestions(name)));
                return exit::CONTENT;
            }
            Err(candidates) => {
                crate::messages::say(&text::module_ambiguous(name, &candidates));
                return exit::CONTENT;
            }
        },
        None => None,
    };
    let store = FileStore::new(paths.clone());
    // Statements are recorded only when an LRS is configured; without one
    // the store only passes saves through.
    let (lrs, lrs_notice) = crate::lrs::for_tutor(paths);
    let wake = crate::lrs::sync::Wake::default();
    let recorder = lrs.as_ref().map(|settings| {
        crate::lrs::Recorder::new(paths.clone(), settings, &library.courses, jiff::Timestamp::now)
            .with_wake(wake.clone())
    });
    let mut store = crate::lrs::RecordingStore::new(store, recorder);
    if let Some((course, module)) = target.and_then(|found| library.module_at(found))
        && (plain || !io::stdout().is_terminal() || !io::stdin().is_terminal() || dumb)
    {
        let options = crate::plain::PlainOptions {
            width: terminal_width(),
            interactive: io::stdin().is_terminal(),
            data_dir: paths.root().display().to_string(),
            height: terminal_height(),
            now: jiff::Timestamp::now,
            rescue: Some(Snapshot::default()),
        };
        // Interrupted (Ctrl-C, a closed terminal, SIGTERM): what was typed is
        // saved, half an answer included, and offered back next time.
        if let Some(snapshot) = &options.rescue {
            // A crash or a signal saves what was typed, half an answer too.
            crate::rescue::install_panic_hook(snapshot.clone(), paths.clone(), crate::plain::terminal::restore);
            let watching = crate::rescue::watch_signals(
                snapshot.clone(),
                paths.clone(),
                crate::plain::terminal::restore,
                Some(text::PLAIN_INTERRUPTED),
            )
            .and_then(crate::rescue::SignalWatch::start);
            if let Err(error) = watching {
                crate::messages::say(&text::signals_unwatched(&error.to_string()));
            }
        }
        if lock.previous_run_ended_abruptly() {
            crate::messages::say(text::RECOVERED);
        }
        // Text an earlier run could only keep in a fallback file goes back
        // into the data folder before anything reads it.
        let taken_back =
            crate::rescue::take_back_fallbacks(paths, &mut FileStore::new(paths.clone()), &library.courses);
        for notice in taken_back.notice.iter().chain(&lrs_notice) {
            crate::messages::say(notice);
        }
        crate::folder::lock::sweep_temporary_files(paths);
        // Plain mode has no read-only view: a journal it cannot read is
        // reported, with what to do, and nothing is written.
        if let Err(error) = store.load_module(&course.id, &module.id) {
            crate::messages::say(&text::plain_journal_unreadable(&error.to_string()));
            return exit::DATA;
        }
        // A person reading (a screen reader's user, say) has their records
        // sent as they go, as in the tutor; a refused key is said once, on
        // its own line. Piped runs leave them for `casebook sync`.
        if let Some(settings) = lrs.filter(|_| options.interactive) {
            let refused = |status| crate::messages::say(&text::records_refused(status));
            let _ = crate::lrs::sync::start_background(paths.clone(), settings, wake, refused);
        }
        let stdin = io::stdin();
        let mut input = stdin.lock();
        // Course and journal text printed line by line: nothing in it reaches the terminal raw.
        let mut output = crate::sanitise::Writer::new(io::stdout().lock());
        let ctrl_c_keeps_line = options.interactive && crate::plain::terminal::keep_line_on_ctrl_c();
        let result = crate::plain::run(course, module, &mut store, &mut input, &mut output, &options);
        if ctrl_c_keeps_line {
            crate::plain::terminal::restore();
        }
        return match result {
            Ok(crate::plain::Ended::Finished) => exit::OK,
            Ok(crate::plain::Ended::Interrupted) => {
                let snapshot = options.rescue.clone().unwrap_or_default();
                crate::rescue::save_and_stop(&snapshot, paths).report(Some(text::PLAIN_STOPPED));
                exit::INTERRUPTED
            }
            Err(message) => {
                crate::messages::say(&message);
                exit::DATA
            }
        };
    }
    let Some(prepared) = prepared else {
        // No screen to draw on: say what there is instead.
        crate::messages::say(text::NO_TERMINAL);
        return list(&library, Some(paths));
    };
    let snapshot = Snapshot::default();
    crate::rescue::install_panic_hook(snapshot.clone(), paths.clone(), tui::terminal::restore);
    let signals = match crate::rescue::watch_signals(snapshot.clone(), paths.clone(), tui::terminal::restore, None) {
        Ok(signals) => signals,
        Err(error) => {
            crate::messages::say(&text::terminal_failed(&error.to_string()));
            return exit::DATA;
        }
    };
    // The tutor's exports are recorded, and carry imported reviews, here.
    let mut app = App::new(library.courses, store, paths.root().display().to_string());
    // Laid out once, for the terminal's own size, rather than for 80x24 and
    // again when the first frame finds the real size.
    let size = prepared.as_ref().ok().map(|prepared| {
        let size = prepared.size();
        (size.width, size.height)
    });
    let startup = tui::Startup {
        color: std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty()),
        content_errors: errors,
        recovered: lock.previous_run_ended_abruptly(),
        notice: lrs_notice,
        export_dir: crate::export::default_folder(),
        open: target,
        size,
        ascii: cli.ascii || tui::terminal::console_lacks_symbols(cfg!(windows), |name| std::env::var(name).ok()),
    };
    app.handle(tui::Msg::Start(startup), jiff::Timestamp::now());
    // Work the first frame does not need waits until it is out. Finding the
    // time zone walks the system's zoneinfo folder (a few milliseconds); no
    // key is handled before then, so only a last-visit time could show in
    // UTC, for that frame. A signal caught before the thread starts waits for
    // it. Nothing has been saved yet, so no save of ours is swept away.
    // The background sync says here if the LRS refuses casebook's key.
    let (tell_refused, news) = match lrs {
        Some(_) => {
            let (tell, news) = std::sync::mpsc::channel();
            (Some(tell), Some(news))
        }
        None => (None, None),
    };
    let after_first_frame = |app: &mut App<crate::lrs::RecordingStore<FileStore>>| {
        crate::folder::lock::sweep_temporary_files(paths);
        // Text an earlier run could only keep in a fallback file goes back
        // into the data folder, and into the tutor, before any key is read.
        // Looking for it lists the system's temporary folders, which on a
        // shared server can hold thousands of files (20,000: 6.6 ms), so it
        // waits until the first frame is out. Not recorded for an LRS, as
        // before: the text is the learner's, not a new step of study.
        let taken_back =
            crate::rescue::take_back_fallbacks(paths, &mut FileStore::new(paths.clone()), &app.model.courses);
        if !taken_back.journals.is_empty() || taken_back.notice.is_some() {
            app.handle(tui::Msg::TakenBack(taken_back), jiff::Timestamp::now());
        }
        let problem = signals.start().err().map(|error| error.to_string());
        let timezone = jiff::tz::TimeZone::system();
        app.handle(tui::Msg::Ready { timezone, problem }, jiff::Timestamp::now());
        // The network is not touched before the first frame is out.
        if let Some((settings, tell)) = lrs.zip(tell_refused) {
            let refused = move |status| {
                let _ = tell.send(tui::Msg::RecordsRefused(status));
            };
            let _ = crate::lrs::sync::start_background(paths.clone(), settings, wake, refused);
        }
    };
    match tui::terminal::run(&mut app, prepared, &snapshot, after_first_frame, news) {
        Ok(()) => exit::OK,
        Err(tui::terminal::Failed::Setup(error)) => {
            crate::messages::say(&text::terminal_failed(&error.to_string()));
            exit::DATA
        }
        Err(tui::terminal::Failed::Lost(error)) => {
            crate::messages::say(&text::terminal_failed(&text::io_reason(&error)));
            exit::TERMINAL
        }
    }
}
