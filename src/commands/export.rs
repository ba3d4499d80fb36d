//! `casebook export` and `casebook verify`: the arguments, and the glue
//! between the library, the store, the pure log functions and the files.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;

use crate::content::{Course, Library, Module};
use crate::export::parse_date;
use crate::export::{ExportError, Format, Options, Selected, Verification};
use crate::journal::ModuleJournal;
use crate::sanitise::sanitise;
use crate::store::Store;

use crate::exit;

/// Writes a reflective log of the modules you have studied
#[derive(clap::Args, Debug, Clone, PartialEq, Eq)]
pub struct ExportArgs {
    /// Modules to put in the log, by id or as course/id (default: every module you have studied); modules you have
    /// not studied are left out
    // Its own id: `modules` is taken by the global `--modules DIR`.
    #[arg(id = "module_names", value_name = "MODULE")]
    pub modules: Vec<String>,

    /// The log's format: md (Markdown), html (one page that prints to PDF), json (for other systems) or txt (plain
    /// text wrapped at 78 columns)
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "md")]
    pub format: Format,

    /// Also write a printable copy of the same log in this format (html or txt, say, beside a json log for your
    /// supervisor): the same log id, beside the first file under the copy's extension, recorded as one export
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub copy: Option<Format>,

    /// Only modules studied on or after this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<Date>,

    /// Only modules studied on or before this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<Date>,

    /// Write the log to FILE, or to standard output with - (default: casebook-log-DATE.EXT in the current folder,
    /// or in Documents when the current folder cannot be written); an existing file is never overwritten
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Write the log even when the identifying-details check finds something (you have read the findings and
    /// nothing in the log identifies a child, family, victim or colleague)
    #[arg(long)]
    pub checked: bool,
}

/// Checks whether a reflective log was changed after it was exported
#[derive(clap::Args, Debug, Clone, PartialEq, Eq)]
pub struct VerifyArgs {
    /// The log to check (any format casebook exports: .md, .html, .json or .txt), or a review (REVIEW.json, with
    /// REVIEW.json.sig beside it)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// For a review: check that its signer's key is in this file (ssh-keygen's allowed-signers format)
    #[arg(long, value_name = "FILE")]
    pub allowed_signers: Option<PathBuf>,

    /// For a review: the log it should belong to (default: LOG-STEM.json beside REVIEW, when there is one)
    #[arg(long, value_name = "LOG")]
    pub log: Option<PathBuf>,
}

/// `casebook export`: writes the log and returns the exit code.
pub fn run_export(args: &ExportArgs, library: &Library, store: &dyn Store, now: Timestamp) -> u8 {
    let folder = crate::export::default_folder();
    let stdout = io::stdout();
    let stderr = io::stderr();
    export_command(
        args,
        library,
        store,
        &Options::new(now),
        &folder,
        &mut stdout.lock(),
        &mut stderr.lock(),
    )
}

/// What `run_export` does, with the options, the default folder and the
/// output streams given, for tests.
pub fn export_command(
    args: &ExportArgs,
    library: &Library,
    store: &dyn Store,
    options: &Options,
    folder: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    if let (Some(since), Some(until)) = (args.since, args.until)
        && since > until
    {
        let _ = crate::messages::write_to(err, &messages::since_after_until(since, until));
        return exit::USAGE;
    }
    if let Some(copy) = args.copy {
        if copy == args.format {
            let _ = crate::messages::write_to(err, &messages::copy_same_format(copy.extension()));
            return exit::USAGE;
        }
        if args.output.as_deref().is_some_and(|path| path.as_os_str() == "-") {
            let _ = crate::messages::write_to(err, messages::COPY_NOT_TO_STDOUT);
            return exit::USAGE;
        }
    }
    let options = Options {
        since: args.since,
        until: args.until,
        ..options.clone()
    };

    // The modules asked for, in course order, each once.
    let wanted: Vec<(&Course, &Module)> = if args.modules.is_empty() {
        library
            .courses
            .iter()
            .flat_map(|course| course.modules.iter().map(move |module| (course, module)))
            .collect()
    } else {
        let mut wanted: Vec<(&Course, &Module)> = Vec::new();
        for name in &args.modules {
            match library.find_module(name) {
                Ok((course, module)) => {
                    if !wanted
                        .iter()
                        .any(|(other_course, other)| other_course.id == course.id && other.id == module.id)
                    {
                        wanted.push((course, module));
                    }
                }
                Err(candidates) if candidates.is_empty() => {
                    let _ = crate::messages::write_to(
                        err,
                        &crate::text::module_not_found(name, &library.suggestions(name)),
                    );
                    return exit::NOTHING;
                }
                Err(candidates) => {
                    let _ = crate::messages::write_to(err, &crate::text::module_ambiguous(name, &candidates));
                    return exit::NOTHING;
                }
            }
        }
        wanted
    };

    let profile = match store.load_profile() {
        Ok(profile) => profile,
        Err(error) => {
            let _ = crate::messages::write_to(err, &messages::cannot_read_journal(&error.to_string()));
            return exit::FILE;
        }
    };
    let mut journals: Vec<(&Course, &Module, ModuleJournal)> = Vec::new();
    for (course, module) in &wanted {
        match store.load_module(&course.id, &module.id) {
            Ok(Some(journal)) => journals.push((course, module, journal)),
            Ok(None) => {}
            Err(error) => {
                let _ = crate::messages::write_to(err, &messages::cannot_read_journal(&error.to_string()));
                return exit::FILE;
            }
        }
    }
    let selected: Vec<Selected<'_>> = journals
        .iter()
        .map(|(course, module, journal)| (*course, *module, journal))
        .collect();

    // Say which of the modules named are left out, and why.
    if !args.modules.is_empty() {
        for (course, module) in &wanted {
            let journal = selected
                .iter()
                .find(|(other_course, other, _)| other_course.id == course.id && other.id == module.id)
                .map(|(_, _, journal)| *journal);
            let reason = match journal {
                Some(journal) if journal.studied(module) => {
                    (!crate::export::studied_in_period(journal, options.since, options.until))
                        .then_some(messages::NOT_IN_PERIOD)
                }
                _ => Some(messages::NOT_STUDIED),
            };
            if let Some(reason) = reason {
                let _ = crate::messages::write_to(err, &messages::left_out(&module.id, reason));
            }
        }
    }

    let (reviews, unreadable) = store.imported_reviews();
    for problem in &unreadable {
        let _ = crate::messages::write_to(err, &crate::text::review_left_out(&problem.to_string()));
    }
    let Some(log) = crate::export::build_with_reviews(&selected, profile.as_ref(), &options, &reviews) else {
        let _ = writeln!(
            err,
            "{}",
            messages::nothing_to_export(!args.modules.is_empty(), options.since, options.until)
        );
        return exit::NOTHING;
    };
    // The identifying-details check, on what is about to leave the machine.
    let mut log = log;
    match crate::commands::check::cleared(&log, library, profile.as_ref(), store, args.checked, err) {
        Some(marked) => {
            log.identifying_check = Some(crate::export::model::IdentifyingCheck {
                run: true,
                marked_not_identifying: marked,
            })
        }
        None => return exit::FOUND,
    }
    let formats = crate::export::Formats {
        main: args.format,
        copy: args.copy,
    };
    let destination = match &args.output {
        Some(path) if path.as_os_str() == "-" => {
            let bytes = crate::export::render(&log, args.format);
            return match out.write_all(&bytes).and_then(|()| out.flush()) {
                Ok(()) => {
                    if let Err(error) =
                        store.record_export(crate::export::records::record_of(&log, args.format, &bytes))
                    {
                        let _ = crate::messages::write_to(
                            err,
                            &crate::text::stdout_export_not_recorded(&error.to_string()),
                        );
                    }
                    exit::OK
                }
                Err(error) => {
                    let _ =
                        crate::messages::write_to(err, &messages::cannot_write_stdout(&crate::text::io_reason(&error)));
                    exit::FILE
                }
            };
        }
        Some(path) => path.clone(),
        None => folder.join(crate::export::default_file_name(
            args.format,
            crate::export::export_date(options.now),
        )),
    };
    match crate::export::write_log(&log, formats, &destination) {
        Ok(written) => {
            let said = match written.paths.as_slice() {
                [main, copy] => messages::written_with_copy(log.summary.modules, &formats.name(), main, copy),
                [main, ..] => messages::written(log.summary.modules, args.format.name(), main),
                [] => messages::written(log.summary.modules, args.format.name(), &destination),
            };
            let _ = crate::messages::write_to(out, &said);
            if let Err(error) = store.record_export(written.record) {
                let _ = crate::messages::write_to(
                    err,
                    &crate::text::export_not_recorded(
                        written.paths.first().unwrap_or(&destination),
                        &error.to_string(),
                    ),
                );
            }
            exit::OK
        }
        Err(error) => {
            let hint = match error {
                ExportError::NothingToExport => "",
                ExportError::AlreadyExists(_) | ExportError::IsFolder(_) => messages::ANOTHER_NAME,
                ExportError::NoFolder(_) => messages::CREATE_FOLDER,
                ExportError::CannotWrite { .. } => messages::ANOTHER_PLACE,
                ExportError::NotRecorded { .. } => "",
            };
            let _ = crate::messages::write_to(err, &format!("{error}{hint}"));
            match error {
                ExportError::NothingToExport => exit::NOTHING,
                _ => exit::FILE,
            }
        }
    }
}

/// `casebook verify FILE`: says whether the digest matches.
pub fn run_verify(args: &VerifyArgs) -> u8 {
    let stdout = io::stdout();
    let stderr = io::stderr();
    verify_command(args, &mut stdout.lock(), &mut stderr.lock())
}

/// What `run_verify` does, with the output streams given, for tests.
pub fn verify_command(args: &VerifyArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    use crate::folder::files::{Links, VERIFY_LIMIT, read_limited};
    // Bounded, and never blocking on a pipe or device (`verify /dev/zero`).
    let bytes = match read_limited(&args.file, VERIFY_LIMIT, Links::Follow) {
        Ok(bytes) => bytes,
        Err(problem) => {
            let _ = writeln!(
                err,
                "{}",
                sanitise(&messages::cannot_read(&args.file, &problem.reason()))
            );
            return exit::FILE;
        }
    };
    let shown = args.file.display().to_string();
    if crate::review::Review::looks_like_review(&bytes) {
        let (said, code) = crate::commands::review::verify_review(
            &args.file,
            &bytes,
            args.allowed_signers.as_deref(),
            args.log.as_deref(),
        );
        return match crate::messages::write_to(out, &said.join("\n")).and_then(|()| out.flush()) {
            Ok(()) => code,
            Err(error) => {
                let _ = crate::messages::write_to(err, &crate::text::stdout_failed(&crate::text::io_reason(&error)));
                exit::FILE
            }
        };
    }
    let (said, code) = match crate::export::verify(&bytes) {
        Verification::Matches { .. } => (messages::digest_matches(&shown), exit::OK),
        Verification::Differs { .. } => (messages::digest_differs(&shown), exit::NOTHING),
        Verification::NoDigest => (messages::no_digest(&shown), exit::NOTHING),
    };
    // An answer that cannot be written must not pass for a match.
    match crate::messages::write_to(out, &said).and_then(|()| out.flush()) {
        Ok(()) => code,
        Err(error) => {
            let _ = crate::messages::write_to(err, &crate::text::stdout_failed(&crate::text::io_reason(&error)));
            exit::FILE
        }
    }
}

/// Every message of `export` and `verify`: kept with the rest in `text`.
pub use crate::text::export_command as messages;
