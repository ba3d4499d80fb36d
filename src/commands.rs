//! What each command does, outside the full-screen tutor.

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::content::{self, Library};
use crate::paths::DataPaths;
use crate::text;

/// Exit codes, documented in the README.
pub mod exit {
    pub const OK: u8 = 0;
    /// Content problems (validate found errors, a module is missing).
    pub const CONTENT: u8 = 1;
    /// The data folder is missing or cannot be written.
    pub const DATA: u8 = 3;
}

pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let paths = DataPaths::resolve(cli.data_dir.clone());
    let code = match &cli.command {
        None | Some(Command::List) => list(&cli, paths.as_ref()),
        Some(Command::Validate { paths: targets }) => validate(&cli, paths.as_ref(), targets),
    };
    ExitCode::from(code)
}

fn load(cli: &Cli, paths: Option<&DataPaths>) -> Library {
    let user_modules = paths.map(DataPaths::user_modules);
    content::load_library(user_modules.as_deref(), &cli.modules)
}

fn validate(cli: &Cli, paths: Option<&DataPaths>, targets: &[std::path::PathBuf]) -> u8 {
    let library = if targets.is_empty() {
        load(cli, paths)
    } else {
        content::load_paths(targets)
    };
    let mut out = io::stdout().lock();
    let mut diagnostics = library.diagnostics.clone();
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    for diagnostic in &diagnostics {
        let _ = writeln!(out, "{diagnostic}");
    }
    let errors = library.errors().count();
    let warnings = diagnostics.len() - errors;
    let modules = library.courses.iter().map(|course| course.modules.len()).sum();
    let _ = writeln!(
        out,
        "{}",
        text::validate_summary(library.courses.len(), modules, errors, warnings)
    );
    if errors == 0 { exit::OK } else { exit::CONTENT }
}

fn cell(value: Option<&str>) -> String {
    value.unwrap_or("-").to_owned()
}

fn list(cli: &Cli, paths: Option<&DataPaths>) -> u8 {
    let library = load(cli, paths);
    let mut out = io::stdout().lock();
    for (index, course) in library.courses.iter().enumerate() {
        if index > 0 {
            let _ = writeln!(out);
        }
        let _ = writeln!(out, "{} ({})", course.title, course.id);
        let rows: Vec<[String; 4]> = course
            .modules
            .iter()
            .map(|module| {
                let title = match &module.subtitle {
                    Some(subtitle) => format!("{} ({subtitle})", module.title),
                    None => module.title.clone(),
                };
                [
                    module.id.clone(),
                    cell(module.area.as_deref().and_then(|id| course.area_title(id))),
                    cell(module.stage.as_deref().and_then(|id| course.stage_title(id))),
                    title,
                ]
            })
            .collect();
        let widths: Vec<usize> = (0..3)
            .map(|column| rows.iter().map(|row| row[column].chars().count()).max().unwrap_or(0))
            .collect();
        for row in rows {
            let _ = writeln!(
                out,
                "  {:<w0$}  {:<w1$}  {:<w2$}  {}",
                row[0],
                row[1],
                row[2],
                row[3],
                w0 = widths[0],
                w1 = widths[1],
                w2 = widths[2]
            );
        }
    }
    let errors = library.errors().count();
    if errors > 0 {
        eprintln!("{}", text::content_problems(errors));
    }
    exit::OK
}
