//! The given names the check knows, from `assets/identify/given_names.txt`
//! (its header gives the sources and their licences).

use std::collections::HashMap;
use std::sync::LazyLock;

const LIST: &str = include_str!("../../assets/identify/given_names.txt");

/// Each name as written in the list, and how it reads.
static GIVEN: LazyLock<HashMap<&'static str, Given>> = LazyLock::new(|| {
    LIST.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            if let Some(name) = line.strip_suffix(" **") {
                (name, Given::Rare)
            } else if let Some(name) = line.strip_suffix(" *") {
                (name, Given::Ordinary)
            } else {
                (line, Given::Name)
            }
        })
        .collect()
});

/// How a word reads as a given name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Given {
    /// A name and nothing else ("Jayden").
    Name,
    /// A name that is also an ordinary word ("Will", "Hope", "May").
    Ordinary,
    /// A word far more often than a name in the UK ("See", "Any").
    Rare,
}

/// The word as a given name, if it is one (as written: "Jayden", not
/// "jayden"; "Zoë" and "Chloé" as "Zoe" and "Chloe", which the list holds).
pub(super) fn given(word: &str) -> Option<Given> {
    GIVEN.get(word).copied().or_else(|| {
        if word.is_ascii() {
            return None;
        }
        let plain: String = word.chars().map(without_accent).collect();
        GIVEN.get(plain.as_str()).copied()
    })
}

/// The letter without its accent, for the accents of names common in the UK.
fn without_accent(letter: char) -> char {
    const FROM: &str = "àáâäãåçćèéêëìíîïñńòóôöõøùúûüýÿłśźżÀÁÂÄÃÅÇĆÈÉÊËÌÍÎÏÑŃÒÓÔÖÕØÙÚÛÜÝŁŚŹŻ";
    const TO: &str = "aaaaaacceeeeiiiinnoooooouuuuyylszzAAAAAACCEEEEIIIINNOOOOOOUUUUYLSZZ";
    FROM.chars()
        .position(|accented| accented == letter)
        .and_then(|at| TO.chars().nth(at))
        .unwrap_or(letter)
}

#[cfg(test)]
pub(super) fn count() -> usize {
    GIVEN.len()
}
