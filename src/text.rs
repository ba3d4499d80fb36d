//! Every message casebook shows a user, kept together so it reads as one
//! voice: plain British English, as the guide is written.

pub const NO_DATA_DIR: &str = "casebook cannot find a home folder to keep your data in. \
Give it one with --data-dir DIR (or set CASEBOOK_DATA_DIR).";

pub fn validate_summary(courses: usize, modules: usize, errors: usize, warnings: usize) -> String {
    let plural = |count: usize, word: &str| {
        if count == 1 {
            format!("{count} {word}")
        } else {
            format!("{count} {word}s")
        }
    };
    if errors == 0 && warnings == 0 {
        format!(
            "{} and {} checked: no problems found.",
            plural(courses, "course"),
            plural(modules, "module")
        )
    } else {
        format!(
            "{} and {} checked: {}, {}.",
            plural(courses, "course"),
            plural(modules, "module"),
            plural(errors, "error"),
            plural(warnings, "warning")
        )
    }
}

pub fn content_problems(errors: usize) -> String {
    format!("{errors} problem(s) in the course files kept some modules out; run \"casebook validate\" to see them.")
}

pub fn module_not_found(name: &str) -> String {
    format!("There is no module \"{name}\". Run \"casebook list\" to see the modules and their ids.")
}

pub fn module_ambiguous(name: &str, candidates: &[String]) -> String {
    format!(
        "\"{name}\" names a module in more than one course; say which: {}.",
        candidates.join(", ")
    )
}
