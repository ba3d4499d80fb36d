//! `casebook check [MODULE...]`, and the identifying-details check that
//! `casebook export` runs before a log is written.

use std::io::{self, BufRead, IsTerminal, Write};

use jiff::Timestamp;

use crate::content::Library;
use crate::exit;
use crate::export::identify::{self, Located, Place};
use crate::export::{Log, Options, Selected};
use crate::identify::{Allow, Mark};
use crate::journal::{ModuleJournal, Profile};
use crate::store::Store;
use crate::text::identify as words;

/// Checks your reflections for details that could identify someone, before a log leaves your computer
#[derive(clap::Args, Debug, Clone, PartialEq, Eq)]
pub struct CheckArgs {
    /// Modules to check, by id or as course/id (default: every module you have studied)
    #[arg(id = "module_names", value_name = "MODULE")]
    pub modules: Vec<String>,

    /// Mark finding N (as numbered in the list) "not identifying": it is not shown again while the sentence
    /// around it stays the same
    #[arg(long, value_name = "N")]
    pub mark: Option<usize>,
}

/// `casebook check`: prints the findings (exit 7 when there are any), or
/// marks one.
pub fn run_check(args: &CheckArgs, library: &Library, store: &dyn Store, now: Timestamp) -> u8 {
    let stdout = io::stdout();
    let stderr = io::stderr();
    check_command(args, library, store, now, &mut stdout.lock(), &mut stderr.lock())
}

/// What `run_check` does, with the output streams given, for tests.
pub fn check_command(
    args: &CheckArgs,
    library: &Library,
    store: &dyn Store,
    now: Timestamp,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut wanted = Vec::new();
    if args.modules.is_empty() {
        for course in &library.courses {
            wanted.extend(course.modules.iter().map(|module| (course, module)));
        }
    } else {
        for name in &args.modules {
            match library.find_module(name) {
                Ok(found) => wanted.push(found),
                Err(candidates) => {
                    let said = if candidates.is_empty() {
                        crate::text::module_not_found(name, &library.suggestions(name))
                    } else {
                        crate::text::module_ambiguous(name, &candidates)
                    };
                    let _ = crate::messages::write_to(err, &said);
                    return exit::NOTHING;
                }
            }
        }
    }
    let profile = match store.load_profile() {
        Ok(profile) => profile,
        Err(error) => {
            let _ = crate::messages::write_to(
                err,
                &crate::text::export_command::cannot_read_journal(&error.to_string()),
            );
            return exit::FILE;
        }
    };
    let mut journals: Vec<(_, _, ModuleJournal)> = Vec::new();
    for (course, module) in wanted {
        match store.load_module(&course.id, &module.id) {
            Ok(Some(journal)) => journals.push((course, module, journal)),
            Ok(None) => {}
            Err(error) => {
                let _ = crate::messages::write_to(
                    err,
                    &crate::text::export_command::cannot_read_journal(&error.to_string()),
                );
                return exit::FILE;
            }
        }
    }
    let selected: Vec<Selected<'_>> = journals
        .iter()
        .map(|(course, module, journal)| (*course, *module, journal))
        .collect();
    let Some(log) = crate::export::build(&selected, profile.as_ref(), &Options::new(now)) else {
        let _ = crate::messages::write_to(out, &words::check_clear(0, 0));
        return exit::OK;
    };
    let marks = marks_of(store, err);
    let found = identify::findings(&log, &identify::allow_for(library, profile.as_ref(), &marks));
    if let Some(number) = args.mark {
        return mark_numbered(store, &found, number, out, err);
    }
    if found.is_empty() {
        let marked = identify::marked_count(&log, library, profile.as_ref(), &marks);
        let _ = crate::messages::write_to(out, &words::check_clear(identify::texts_of(&log).len(), marked));
        return exit::OK;
    }
    let _ = print_findings(out, &found);
    let _ = crate::messages::write_to(out, &words::check_found(found.len()));
    exit::FOUND
}

/// `--mark N`: remembers finding N (as the list numbers it) as not
/// identifying.
pub fn mark_numbered(
    store: &dyn Store,
    found: &[Located],
    number: usize,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let Some(finding) = number.checked_sub(1).and_then(|index| found.get(index)) else {
        let _ = crate::messages::write_to(err, &words::no_such_finding(number, found.len()));
        return exit::USAGE;
    };
    match store
        .data_paths()
        .map(|paths| identify::save_mark(paths, finding.mark.clone()))
    {
        Some(Ok(())) => {
            let _ = crate::messages::write_to(out, &words::marked(number, &finding.finding.words));
            exit::OK
        }
        Some(Err(error)) => {
            let _ = crate::messages::write_to(err, &words::cannot_keep_mark(&error.to_string()));
            exit::FILE
        }
        None => exit::DATA,
    }
}

/// Whether a log may be written (no finding, `--checked`, or a yes at a
/// terminal), with how many findings the learner's marks excused: `None`
/// when it may not. With findings, each is printed to `err` first.
pub fn cleared(
    log: &Log,
    library: &Library,
    profile: Option<&Profile>,
    store: &dyn Store,
    checked: bool,
    err: &mut dyn Write,
) -> Option<usize> {
    let marks = marks_of(store, err);
    let unmarked = identify::allow_for(library, profile, &[]);
    cleared_texts(&identify::texts_of(log), &unmarked, &marks, checked, &LOG_GATE, err)
}

/// What is asked, and said on refusal, for one kind of thing written.
pub struct Gate {
    /// The question at a terminal: "Write the log anyway? [y/N] ".
    pub ask: &'static str,
    /// The refusal, given how many findings there are.
    pub refused: fn(usize) -> String,
}

/// The gate before a log is written.
pub const LOG_GATE: Gate = Gate {
    ask: words::ASK_WRITE_ANYWAY,
    refused: words::export_refused,
};

/// Whether `texts` may leave the machine: no finding (over `unmarked`, the
/// allow list, with `marks`), `checked`, or a yes at a terminal; with how
/// many findings the marks excused, `None` when they may not. With
/// findings, each is printed to `err` first, numbered.
pub fn cleared_texts(
    texts: &[(Place, String)],
    unmarked: &Allow,
    marks: &[Mark],
    checked: bool,
    gate: &Gate,
    err: &mut dyn Write,
) -> Option<usize> {
    let mut allow = unmarked.clone();
    for one in marks {
        allow.add_mark(one.clone());
    }
    let found = identify::findings_in(texts, &allow);
    let marked = identify::marked_in(texts, unmarked, marks);
    if found.is_empty() {
        return Some(marked);
    }
    let _ = print_findings(err, &found);
    if checked || yes_at_terminal(gate.ask, err) {
        return Some(marked);
    }
    let _ = crate::messages::write_to(err, &(gate.refused)(found.len()));
    None
}

/// Asks `question` when both standard input and standard error are a
/// terminal; true for "y" or "yes".
pub fn yes_at_terminal(question: &str, err: &mut dyn Write) -> bool {
    let stdin = io::stdin();
    if !(stdin.is_terminal() && io::stderr().is_terminal()) {
        return false;
    }
    let _ = write!(err, "{question}");
    let _ = err.flush();
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer).is_ok() && is_yes(&answer)
}

/// "y" or "yes", in any case, spaces around.
pub fn is_yes(answer: &str) -> bool {
    matches!(answer.trim().to_lowercase().as_str(), "y" | "yes")
}

/// The marks kept in the store's data folder (none for a store without one).
pub fn marks_of(store: &dyn Store, err: &mut dyn Write) -> Vec<Mark> {
    match store.data_paths().map(identify::load_marks) {
        Some(Ok(marks)) => marks,
        Some(Err(error)) => {
            let _ = crate::messages::write_to(err, &words::cannot_read_marks(&error.to_string()));
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// Each finding on its line, numbered from 1.
pub fn print_findings(out: &mut dyn Write, found: &[Located]) -> io::Result<()> {
    for (index, located) in found.iter().enumerate() {
        let what = located.place.what.describe();
        let line = words::finding_line(
            index + 1,
            &located.place.module,
            &what,
            &located.finding.words,
            located.finding.kind.reason(),
        );
        crate::messages::write_to(out, &line)?;
    }
    Ok(())
}
