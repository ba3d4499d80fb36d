//! Finds course folders (embedded, the user's modules folder, `--modules`),
//! reads them and assembles the library, reporting every problem found.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, Severity};
use super::locate::Position;
use super::model::{Course, Module, Origin};
use super::validate::{self, Report};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_modules.rs"));
}

/// One file of a course folder, read but not yet parsed.
struct SourceFile {
    /// As shown in messages: `modules/hmip-youth-2021/introduction.ron`.
    display: String,
    bytes: Result<Cow<'static, [u8]>, String>,
    /// The shipped course, parsed when casebook was built.
    parsed: Option<&'static [u8]>,
}

/// A course folder's files, `course.ron` apart.
struct CourseFolder {
    origin: Origin,
    course_file: Option<SourceFile>,
    module_files: Vec<SourceFile>,
    /// The folder as shown in messages.
    display: String,
}

/// Everything casebook could load, and what went wrong on the way.
#[derive(Debug, Default)]
pub struct Library {
    pub courses: Vec<Course>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Library {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|diagnostic| diagnostic.is_error())
    }

    pub fn course(&self, id: &str) -> Option<&Course> {
        self.courses.iter().find(|course| course.id == id)
    }

    /// A module by `id` or `course/id`; a bare id must be unambiguous.
    pub fn find_module(&self, name: &str) -> Result<(&Course, &Module), Vec<String>> {
        let found = self.find_module_index(name)?;
        self.module_at(found).ok_or_else(Vec::new)
    }

    /// The course and module at positions from `find_module_index`.
    pub fn module_at(&self, (course, module): (usize, usize)) -> Option<(&Course, &Module)> {
        let course = self.courses.get(course)?;
        Some((course, course.modules.get(module)?))
    }

    /// As `find_module`, as positions in `courses` and its `modules`.
    pub fn find_module_index(&self, name: &str) -> Result<(usize, usize), Vec<String>> {
        let (course_id, module_id) = match name.split_once('/') {
            Some((course, module)) => (Some(course), module),
            None => (None, name),
        };
        let found: Vec<(usize, usize)> = (self.courses.iter().enumerate())
            .filter(|(_, course)| course_id.is_none_or(|id| id == course.id))
            .filter_map(|(index, course)| {
                let module = course.modules.iter().position(|module| module.id == module_id)?;
                Some((index, module))
            })
            .collect();
        // A case's name ("tim", "Tim, 17") names its module too.
        let found = if found.is_empty() && course_id.is_none() {
            self.by_case_name(name)
        } else {
            found
        };
        match found.as_slice() {
            [one] => Ok(*one),
            many => Err(many
                .iter()
                .filter_map(|&found| self.module_at(found))
                .map(|(course, module)| format!("{}/{}", course.id, module.id))
                .collect()),
        }
    }
}

fn read_file(path: &Path) -> SourceFile {
    SourceFile {
        display: shown(path),
        // Bounded and never blocking: a course folder comes from someone else.
        bytes: crate::folder::files::read_limited(
            path,
            crate::folder::files::COURSE_FILE_LIMIT,
            crate::folder::files::Links::Follow,
        )
        .map(Cow::Owned)
        .map_err(|problem| problem.reason()),
        parsed: None,
    }
}

/// A shipped file: its name, its text and its build-time parse.
type EmbeddedFile = (&'static str, &'static str, Option<&'static [u8]>);

fn embedded_folders() -> Vec<CourseFolder> {
    let mut by_folder: BTreeMap<&str, Vec<EmbeddedFile>> = BTreeMap::new();
    for (path, text, parsed) in embedded::EMBEDDED_FILES {
        let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
        by_folder.entry(folder).or_default().push((name, text, *parsed));
    }
    by_folder
        .into_iter()
        .map(|(folder, files)| {
            let mut course_file = None;
            let mut module_files = Vec::new();
            for (name, text, parsed) in files {
                let file = SourceFile {
                    display: format!("modules/{folder}/{name}"),
                    bytes: Ok(Cow::Borrowed(text.as_bytes())),
                    parsed,
                };
                if name == "course.ron" {
                    course_file = Some(file);
                } else {
                    module_files.push(file);
                }
            }
            CourseFolder {
                origin: Origin::Embedded,
                course_file,
                module_files,
                display: format!("modules/{folder}"),
            }
        })
        .collect()
}

fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn course_folder(dir: &Path) -> CourseFolder {
    let course_path = dir.join("course.ron");
    CourseFolder {
        origin: Origin::Folder(dir.to_path_buf()),
        course_file: course_path.is_file().then(|| read_file(&course_path)),
        module_files: ron_files(dir)
            .into_iter()
            .filter(|path| path != &course_path)
            .map(|path| read_file(&path))
            .collect(),
        display: shown(dir),
    }
}

/// The course folders under `dir`: `dir` itself when it holds a
/// `course.ron`, otherwise each sub-folder that holds `.ron` files.
fn folders_under(dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<CourseFolder> {
    if !dir.is_dir() {
        diagnostics.push(folder_problem(
            dir,
            "no such folder; give a folder of courses, or one course folder holding a course.ron",
        ));
        return Vec::new();
    }
    if dir.join("course.ron").is_file() {
        return vec![course_folder(dir)];
    }
    let mut folders = Vec::new();
    let mut subdirs: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.is_dir())
                .collect()
        })
        .unwrap_or_default();
    subdirs.sort();
    for subdir in subdirs {
        if subdir.join("course.ron").is_file() || !ron_files(&subdir).is_empty() {
            folders.push(course_folder(&subdir));
        }
    }
    if !ron_files(dir).is_empty() {
        folders.push(course_folder(dir));
    }
    folders
}

/// A path as given, without a trailing slash.
fn shown(path: &Path) -> String {
    path.components().as_path().display().to_string()
}

fn folder_problem(dir: &Path, message: &str) -> Diagnostic {
    Diagnostic {
        file: shown(dir),
        line: 0,
        column: 0,
        severity: Severity::Error,
        message: message.to_owned(),
    }
}

/// The order of the course: briefings with no area first, then each area's
/// modules in the course's area order, a briefing before its cases, cases in
/// stage order; ties by file name.
fn order_key(course: &Course, module: &Module) -> (usize, usize, String) {
    let area = module
        .area
        .as_ref()
        .and_then(|id| course.areas.iter().position(|area| &area.id == id))
        .map_or(0, |index| index + 1);
    let stage = module
        .stage
        .as_ref()
        .and_then(|id| course.stages.iter().position(|stage| &stage.id == id))
        .map_or(0, |index| index + 1);
    (area, stage, module.path.clone())
}

fn at_of(diagnostic_file: &str, at: Position) -> String {
    format!("{diagnostic_file}:{}:{}", at.line, at.column)
}

/// Checks module files on their own, when their course could not be read.
fn check_modules(files: &[SourceFile], course: Option<&Course>, diagnostics: &mut Vec<Diagnostic>) {
    for file in files {
        let mut report = Report {
            file: file.display.clone(),
            diagnostics,
        };
        if let Ok(bytes) = &file.bytes
            && let Some(text) = validate::decode(bytes, &mut report)
        {
            validate::module_from_text(text, file.parsed, course, &mut report);
        }
    }
}

/// Reads one course folder into a course. Broken modules are left out (and
/// reported); a broken `course.ron` leaves out the whole course.
fn assemble(folder: CourseFolder, diagnostics: &mut Vec<Diagnostic>) -> Option<(Course, String, Position)> {
    let Some(course_file) = folder.course_file else {
        diagnostics.push(Diagnostic {
            file: folder.display.clone(),
            line: 0,
            column: 0,
            severity: Severity::Error,
            message: "this folder has module files but no course.ron; add one (see modules/README.md)".to_owned(),
        });
        check_modules(&folder.module_files, None, diagnostics);
        return None;
    };
    let mut report = Report {
        file: course_file.display.clone(),
        diagnostics,
    };
    let header = match &course_file.bytes {
        Ok(bytes) => validate::decode(bytes, &mut report)
            .and_then(|text| validate::course_from_text(text, course_file.parsed, folder.origin.clone(), &mut report)),
        Err(error) => {
            report.error(
                Position { line: 0, column: 0 },
                format!("cannot read this file: {error}"),
            );
            None
        }
    };
    let Some(header) = header else {
        // Still report the modules' own problems.
        check_modules(&folder.module_files, None, diagnostics);
        return None;
    };
    let mut course = header.course;
    let mut ids: BTreeMap<String, (String, Position)> = BTreeMap::new();
    for file in folder.module_files {
        let mut report = Report {
            file: file.display.clone(),
            diagnostics,
        };
        let checked = match &file.bytes {
            Ok(bytes) => validate::decode(bytes, &mut report)
                .and_then(|text| validate::module_from_text(text, file.parsed, Some(&course), &mut report)),
            Err(error) => {
                report.error(
                    Position { line: 1, column: 1 },
                    format!("cannot read this file: {error}"),
                );
                None
            }
        };
        let Some(checked) = checked else { continue };
        if let Some((first_file, first_at)) = ids.get(&checked.module.id) {
            report.error(
                checked.id_at,
                format!(
                    "module id \"{}\" is defined twice: here and at {}",
                    checked.module.id,
                    at_of(first_file, *first_at)
                ),
            );
            continue;
        }
        ids.insert(checked.module.id.clone(), (file.display.clone(), checked.id_at));
        course.modules.push(checked.module);
    }
    let mut keyed: Vec<_> = std::mem::take(&mut course.modules)
        .into_iter()
        .map(|module| (order_key(&course, &module), module))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    course.modules = keyed.into_iter().map(|(_, module)| module).collect();
    for pair in course.modules.windows(2) {
        if let [first, second] = pair
            && first.stage.is_some()
            && first.area == second.area
            && first.stage == second.stage
        {
            let at = ids
                .get(&second.id)
                .map_or(Position { line: 1, column: 1 }, |(_, at)| *at);
            diagnostics.push(Diagnostic {
                file: second.path.clone(),
                line: at.line,
                column: at.column,
                severity: Severity::Warning,
                message: format!("module \"{}\" has the same area and stage as \"{}\"; the home screen's grid shows only \"{}\" in that cell", second.id, first.id, first.id),
            });
        }
    }
    Some((course, course_file.display, header.id_at))
}

/// Assembles courses from folders in order, rejecting a course id seen before.
/// `seen` holds where each course id already in `library` was defined.
fn assemble_all(folders: Vec<CourseFolder>, library: &mut Library, seen: &mut BTreeMap<String, String>) {
    for folder in folders {
        let Some((course, file, id_at)) = assemble(folder, &mut library.diagnostics) else {
            continue;
        };
        if let Some(first) = seen.get(&course.id) {
            library.diagnostics.push(Diagnostic {
                file,
                line: id_at.line,
                column: id_at.column,
                severity: Severity::Error,
                message: format!(
                    "course id \"{}\" is defined twice: here and at {first}; give one of them another id",
                    course.id
                ),
            });
            continue;
        }
        seen.insert(course.id.clone(), at_of(&file, id_at));
        library.courses.push(course);
    }
}

/// The shipped course, checked: the start of every library.
pub struct Shipped {
    library: Library,
    /// Where each shipped course id is defined, for a clash with one on disk.
    seen: BTreeMap<String, String>,
}

fn load_shipped() -> Shipped {
    let mut library = Library::default();
    let mut seen = BTreeMap::new();
    assemble_all(embedded_folders(), &mut library, &mut seen);
    Shipped { library, seen }
}

/// The shipped course being checked on a second thread. Checking it is the
/// longest step before the tutor's first frame and needs nothing from the
/// command line, so it runs while the arguments are read and the data folder
/// is locked.
pub struct ShippedLoading(Option<std::thread::JoinHandle<Shipped>>);

impl ShippedLoading {
    pub fn start() -> Self {
        // Without a thread the course is checked when first needed.
        ShippedLoading(std::thread::Builder::new().spawn(load_shipped).ok())
    }

    pub fn wait(self) -> Shipped {
        match self.0.map(std::thread::JoinHandle::join) {
            Some(Ok(shipped)) => shipped,
            // A bug in the checks is not hidden as an empty library.
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => load_shipped(),
        }
    }
}

/// Everything casebook would load: the embedded course, then the user's
/// modules folder (when it exists), then each `--modules` folder.
pub fn load_library(user_modules: Option<&Path>, extra: &[PathBuf]) -> Library {
    load_library_with(load_shipped(), user_modules, extra)
}

/// As `load_library`, the shipped course already checked.
pub fn load_library_with(shipped: Shipped, user_modules: Option<&Path>, extra: &[PathBuf]) -> Library {
    let Shipped { mut library, mut seen } = shipped;
    let mut folders = Vec::new();
    if let Some(dir) = user_modules.filter(|dir| dir.is_dir()) {
        folders.extend(folders_under(dir, &mut library.diagnostics));
    }
    for dir in extra {
        folders.extend(folders_under(dir, &mut library.diagnostics));
    }
    assemble_all(folders, &mut library, &mut seen);
    library
}

/// What `casebook validate PATH...` checks: course folders, folders of
/// courses, or single files.
pub fn load_paths(paths: &[PathBuf]) -> Library {
    let mut library = Library::default();
    let mut folders = Vec::new();
    for path in paths {
        if path.is_dir() {
            folders.extend(folders_under(path, &mut library.diagnostics));
        } else if path.is_file() {
            check_single_file(path, &mut library);
        } else if path.exists() {
            library
                .diagnostics
                .push(folder_problem(path, crate::text::NOT_FILE_OR_FOLDER));
        } else {
            library.diagnostics.push(folder_problem(path, "no such file or folder"));
        }
    }
    assemble_all(folders, &mut library, &mut BTreeMap::new());
    library
}

fn check_single_file(path: &Path, library: &mut Library) {
    let file = read_file(path);
    let course_path = path.with_file_name("course.ron");
    let is_course = path.file_name().is_some_and(|name| name == "course.ron");
    let course = if is_course || !course_path.is_file() {
        None
    } else {
        let course_file = read_file(&course_path);
        let mut report = Report {
            file: course_file.display.clone(),
            diagnostics: &mut library.diagnostics,
        };
        (course_file.bytes.as_deref().ok())
            .and_then(|bytes| validate::decode(bytes, &mut report))
            .and_then(|text| validate::course_from_text(text, None, Origin::Folder(course_path.clone()), &mut report))
            .map(|header| header.course)
    };
    let mut report = Report {
        file: file.display.clone(),
        diagnostics: &mut library.diagnostics,
    };
    let text = match &file.bytes {
        Ok(bytes) => validate::decode(bytes, &mut report),
        Err(error) => {
            report.error(
                Position { line: 0, column: 0 },
                format!("cannot read this file: {error}"),
            );
            None
        }
    };
    let Some(text) = text else { return };
    if is_course {
        validate::course_from_text(text, None, Origin::Folder(path.to_path_buf()), &mut report);
    } else {
        if course.is_none() && !course_path.is_file() {
            report.push(
                Position { line: 1, column: 1 },
                Severity::Warning,
                "no course.ron beside this file, so its area and stage were not checked",
            );
        }
        validate::module_from_text(text, None, course.as_ref(), &mut report);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    /// The course as parsed when casebook was built is the course its text
    /// says: the same checked course and modules, file by file.
    #[test]
    fn the_build_time_parse_matches_the_text() {
        let folders = embedded_folders();
        assert!(!folders.is_empty());
        for folder in folders {
            let course_file = folder.course_file.unwrap();
            assert!(
                course_file.parsed.is_some(),
                "{} was parsed at build time",
                course_file.display
            );
            let text = std::str::from_utf8(course_file.bytes.as_deref().unwrap()).unwrap();
            let mut diagnostics = Vec::new();
            let mut report = Report {
                file: course_file.display.clone(),
                diagnostics: &mut diagnostics,
            };
            let built = validate::course_from_text(text, course_file.parsed, Origin::Embedded, &mut report).unwrap();
            let read = validate::course_from_text(text, None, Origin::Embedded, &mut report).unwrap();
            assert_eq!(built.course, read.course);
            for file in folder.module_files {
                assert!(file.parsed.is_some(), "{} was parsed at build time", file.display);
                let text = std::str::from_utf8(file.bytes.as_deref().unwrap()).unwrap();
                let mut report = Report {
                    file: file.display.clone(),
                    diagnostics: &mut diagnostics,
                };
                let built = validate::module_from_text(text, file.parsed, Some(&read.course), &mut report).unwrap();
                let parsed = validate::module_from_text(text, None, Some(&read.course), &mut report).unwrap();
                assert_eq!(built.module, parsed.module, "{}", file.display);
                assert_eq!(built.id_at, parsed.id_at);
            }
            assert!(diagnostics.is_empty(), "{diagnostics:?}");
        }
    }
}
