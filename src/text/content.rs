//! Courses and modules: loading, validating, finding a module, and the
//! characters course text may not hold.

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

pub fn id_is_windows_device(what: &str, id: &str) -> String {
    format!(
        "{what} id \"{id}\" is a name Windows keeps for a device (CON, PRN, AUX, NUL, COM1 to COM9, LPT1 to LPT9), \
so its journal could never be saved on Windows: choose another id (for example \"{id}-case\")"
    )
}

pub fn content_problems(errors: usize) -> String {
    format!("{errors} problem(s) in the course files kept some modules out; run \"casebook validate\" to see them.")
}

/// `suggestions`: close modules, as (id, case or title), best first.
pub fn module_not_found(name: &str, suggestions: &[(String, String)]) -> String {
    let shown: Vec<String> = suggestions.iter().map(|(id, case)| format!("{id} ({case})")).collect();
    let guess = match shown.as_slice() {
        [] => String::new(),
        [one] => format!(" Did you mean {one}?"),
        many => format!(" Did you mean one of these: {}?", many.join(", ")),
    };
    format!(
        "There is no module \"{name}\".{guess} Run \"casebook list\" to see every module, with its id and its case."
    )
}

pub fn module_ambiguous(name: &str, candidates: &[String]) -> String {
    format!(
        "\"{name}\" names a module in more than one course; say which: {}.",
        candidates.join(", ")
    )
}

// ------------------------------------------------------------------ unsafe characters

/// The name of a character `validate` reports, where it has a common one.
fn character_name(character: char) -> Option<&'static str> {
    Some(match character {
        '\u{0}' => "null",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\r' => "carriage return",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{85}' => "next line",
        '\u{90}' => "device control string",
        '\u{9b}' => "control sequence introducer",
        '\u{9c}' => "string terminator",
        '\u{9d}' => "operating system command",
        '\u{202a}' => "left-to-right embedding",
        '\u{202b}' => "right-to-left embedding",
        '\u{202c}' => "pop directional formatting",
        '\u{202d}' => "left-to-right override",
        '\u{202e}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{200b}' => "zero-width space",
        '\u{200c}' => "zero-width non-joiner",
        '\u{200d}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{feff}' => "zero-width no-break space (byte-order mark)",
        _ => return None,
    })
}

/// `validate`'s message for a character course text may not (or should
/// not) hold; `escaped` when it is written as an escape such as `\u{1b}`.
/// `bidi` and `control`: whether the character reorders text or is one a
/// terminal would obey (else it is an invisible one).
pub fn content_character(character: char, what: &str, escaped: bool, bidi: bool, control: bool) -> String {
    let code = format!("U+{:04X}", u32::from(character));
    let named = match character_name(character) {
        Some(name) => format!("{code} ({name})"),
        None => code,
    };
    let how = if escaped { ", written as an escape," } else { "" };
    if bidi {
        format!(
            "bidirectional control character {named}{how} in {what}: it can make text read in a different order \
from the one it is written in; remove it"
        )
    } else if control {
        format!("control character {named}{how} in {what}: a terminal could obey it instead of showing it; remove it")
    } else {
        format!(
            "invisible character {named}{how} in {what}: it cannot be seen on screen, so check it is meant to be there \
and remove it if not"
        )
    }
}
