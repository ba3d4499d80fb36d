//! `casebook list`: every module, with its progress from the journal.

use crate::content::{self, Library};
use crate::folder::DataPaths;
use crate::journal::Status;
use crate::messages::print;
use crate::sanitise::sanitise;
use crate::store::{FileStore, Store};
use crate::text;

use std::io::{self, IsTerminal};

use super::terminal_width;
use crate::exit;

/// "in progress: 2/5 read, 1/3 answered" and the time spent, from the
/// journal; or why the journal cannot be read, for a line of its own.
fn progress_cells(
    store: Option<&FileStore>,
    reviews: &[crate::review::ImportedReview],
    course: &content::Course,
    module: &content::Module,
) -> (String, String, Option<String>) {
    let journal = match store.map(|store| store.load_module(&course.id, &module.id)) {
        None | Some(Ok(None)) => return (text::STATUS_NOT_STARTED.to_owned(), "-".to_owned(), None),
        Some(Err(error)) => {
            return (
                text::LIST_UNREADABLE.to_owned(),
                "-".to_owned(),
                Some(text::list_unreadable_detail(&error.to_string())),
            );
        }
        Some(Ok(Some(journal))) => journal,
    };
    let time = if journal.active_seconds > 0 {
        text::duration(journal.active_seconds)
    } else {
        "-".to_owned()
    };
    let status = match journal.status(module) {
        Status::NotStarted => text::STATUS_NOT_STARTED.to_owned(),
        Status::Complete => text::status_complete(journal.skipped_count(module)),
        Status::InProgress => {
            let progress = journal.progress(module);
            let mut status = format!(
                "{}: {}/{} read",
                text::STATUS_IN_PROGRESS,
                progress.read,
                progress.sections
            );
            if progress.questions > 0 {
                status.push_str(&format!(", {}/{} answered", progress.answered, progress.questions));
            }
            if progress.skipped > 0 {
                status.push_str(&format!(", {} skipped", progress.skipped));
            }
            status
        }
    };
    let status = match crate::review::latest_review_of(reviews, &course.id, &module.id) {
        Some(imported) => format!(
            "{status}, {}",
            text::reviewed_by(&imported.review.reviewer.name, imported.review.date)
        ),
        None => status,
    };
    (status, time, None)
}

/// The courses and their modules, one line each under its area's name:
/// id, progress, time spent and title. On a terminal each line
/// is cut to its width; piped, nothing is cut.
pub(super) fn list(library: &Library, paths: Option<&DataPaths>) -> u8 {
    let store = paths.map(|paths| FileStore::new(paths.clone()));
    let reviews = store
        .as_ref()
        .map(|store| store.imported_reviews().0)
        .unwrap_or_default();
    let width = io::stdout().is_terminal().then(|| {
        ratatui::crossterm::terminal::size().map_or_else(|_| terminal_width(), |(columns, _)| usize::from(columns))
    });
    let out = list_text(library, store.as_ref(), &reviews, width);
    if let Err(code) = print(&out) {
        return code;
    }
    let errors = library.errors().count();
    if errors > 0 {
        crate::messages::say(&text::content_problems(errors));
    }
    exit::OK
}

/// What `list` prints, for a terminal `width` columns wide (`None`: piped,
/// nothing cut). When a course's rows do not fit, each module takes two
/// lines, its case and title first and its progress under them, so that
/// no progress text, however long, hides which module it is.
fn list_text(
    library: &Library,
    store: Option<&FileStore>,
    reviews: &[crate::review::ImportedReview],
    width: Option<usize>,
) -> String {
    let display_width = unicode_width::UnicodeWidthStr::width;
    let mut out = String::new();
    for (index, course) in library.courses.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        out.push_str(&format!("{} ({})\n", sanitise(&course.title), sanitise(&course.id)));
        let rows: Vec<(Option<&str>, [String; 4], Option<String>)> = course
            .modules
            .iter()
            .map(|module| {
                // The case first: on a narrow terminal the title is what is cut.
                let title = match &module.subtitle {
                    Some(subtitle) => format!("{subtitle} — {}", module.title),
                    None => module.title.clone(),
                };
                let (status, time, problem) = progress_cells(store, reviews, course, module);
                let area = module.area.as_deref().map(|id| course.area_title(id).unwrap_or(id));
                let shown = |text: &str| sanitise(text).into_owned();
                (
                    area,
                    [shown(&module.id), shown(&status), time, shown(&title)],
                    problem.map(|problem| shown(&problem)),
                )
            })
            .collect();
        let widths: Vec<usize> = (0..3)
            .map(|column| {
                rows.iter()
                    .map(|(_, row, _)| row[column].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let one_line = |row: &[String; 4]| {
            let mut line = String::from("  ");
            for (column, value) in row.iter().enumerate() {
                let width = widths.get(column).copied().unwrap_or(0);
                line.push_str(&format!(" {value:<width$} "));
            }
            line.trim_end().to_owned()
        };
        let two_lines = width.is_some_and(|width| {
            rows.iter()
                .any(|(_, row, _)| display_width(one_line(row).as_str()) > width)
        });
        let id_width = widths.first().copied().unwrap_or(0);
        let mut area_shown = None;
        for (area, row, problem) in &rows {
            if area.is_some() && *area != area_shown {
                out.push_str(&format!(" {}\n", sanitise(area.unwrap_or_default())));
                area_shown = *area;
            }
            let [id, status, time, title] = row;
            let lines = if two_lines {
                let progress = if time == "-" {
                    status.clone()
                } else {
                    format!("{status} · {time}")
                };
                // The title wraps under itself rather than being cut.
                let indent = " ".repeat(id_width + 5);
                let options = textwrap::Options::new(width.unwrap_or(usize::MAX).max(indent.len() + 20))
                    .initial_indent("")
                    .subsequent_indent(&indent);
                let mut lines: Vec<String> = textwrap::wrap(&format!("   {id:<id_width$}  {title}"), options)
                    .into_iter()
                    .map(|line| line.into_owned())
                    .collect();
                let options = textwrap::Options::new(width.unwrap_or(usize::MAX).max(indent.len() + 20))
                    .initial_indent(&indent)
                    .subsequent_indent(&indent);
                lines.extend(
                    textwrap::wrap(&progress, options)
                        .into_iter()
                        .map(|line| line.into_owned()),
                );
                lines
            } else {
                vec![one_line(row)]
            };
            for line in lines {
                match width {
                    Some(width) if display_width(line.as_str()) > width => {
                        out.push_str(&format!("{}…\n", cut_to_width(&line, width.saturating_sub(1))));
                    }
                    _ => out.push_str(&format!("{line}\n")),
                }
            }
            // Under the row, so the columns stay lined up; wrapped, not cut,
            // on a terminal: it says what to do.
            const INDENT: &str = "      ";
            for paragraph in problem.iter().flat_map(|problem| problem.lines()) {
                match width {
                    Some(width) => {
                        let options = textwrap::Options::new(width.max(INDENT.len() + 20))
                            .initial_indent(INDENT)
                            .subsequent_indent(INDENT);
                        for wrapped in textwrap::wrap(paragraph, options) {
                            out.push_str(&format!("{wrapped}\n"));
                        }
                    }
                    None => out.push_str(&format!("{INDENT}{paragraph}\n")),
                }
            }
        }
    }
    out
}

/// The start of `line` that fills at most `width` columns.
fn cut_to_width(line: &str, width: usize) -> &str {
    let mut used = 0;
    for (index, character) in line.char_indices() {
        used += unicode_width::UnicodeWidthChar::width(character).unwrap_or(0);
        if used > width {
            return &line[..index];
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::{cut_to_width, list_text};

    /// `list` at 80 columns: every module's case and title show whole, on
    /// lines of their own when the progress would push them off.
    #[test]
    fn list_at_80_columns_keeps_every_case_and_title() {
        let library = crate::content::load_library(None, &[]);
        let out = list_text(&library, None, &[], Some(80));
        let words: Vec<&str> = out.split_whitespace().collect();
        let joined = words.join(" ");
        for module in library.courses.iter().flat_map(|course| course.modules.iter()) {
            let title = match &module.subtitle {
                Some(subtitle) => format!("{subtitle} — {}", module.title),
                None => module.title.clone(),
            };
            let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(joined.contains(&title), "{title:?} not whole in:\n{out}");
        }
        for line in out.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line:?}");
            assert!(!line.ends_with('…'), "nothing cut: {line:?}");
        }
        // Piped, one line a module, nothing cut.
        let piped = list_text(&library, None, &[], None);
        assert!(
            piped
                .lines()
                .any(|line| line.contains("desistance-assessing") && line.contains("Tim, 17"))
        );
    }

    /// `list` on a terminal: cut by columns on screen, never mid-character.
    #[test]
    fn lines_are_cut_by_columns_on_screen() {
        assert_eq!(cut_to_width("abcdef", 3), "abc");
        assert_eq!(cut_to_width("abc", 5), "abc");
        assert_eq!(cut_to_width("漢字abc", 3), "漢");
        assert_eq!(cut_to_width("café", 4), "café");
        assert_eq!(cut_to_width("cafe\u{301}x", 4), "cafe\u{301}");
    }
}
