//! Finding words in the guide: every place the words stand in the wrapped
//! rows, capitals or not, and which of them the reader is at.

/// Where the words stand: the row, and the byte range within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit {
    pub(super) row: usize,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// A search that found its words.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) pattern: String,
    pub(super) hits: Vec<Hit>,
    /// The match the reader is at.
    pub(super) current: usize,
}

/// The most characters a search takes.
pub(super) const LONGEST: usize = 200;

fn same(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

/// Every place `pattern` stands in `rows`, in order, capitals or not.
pub(super) fn hits(rows: &[String], pattern: &str) -> Vec<Hit> {
    let wanted: Vec<char> = pattern.chars().collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (row, line) in rows.iter().enumerate() {
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut at = 0;
        while at + wanted.len() <= chars.len() {
            let matches = wanted
                .iter()
                .zip(&chars[at..])
                .all(|(want, (_, have))| same(*want, *have));
            if matches {
                let start = chars[at].0;
                let end = chars.get(at + wanted.len()).map_or(line.len(), |(byte, _)| *byte);
                found.push(Hit { row, start, end });
                at += wanted.len();
            } else {
                at += 1;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_whatever_their_capitals_and_each_place_once() {
        let rows = vec![
            "The Log and the log".to_owned(),
            "nothing here".to_owned(),
            "blog: Größe LOG".to_owned(),
        ];
        let found = hits(&rows, "log");
        let places: Vec<(usize, &str)> = found
            .iter()
            .map(|hit| (hit.row, &rows[hit.row][hit.start..hit.end]))
            .collect();
        assert_eq!(places, vec![(0, "Log"), (0, "log"), (2, "log"), (2, "LOG")]);
        let wide = hits(&rows, "größe");
        assert_eq!(&rows[2][wide[0].start..wide[0].end], "Größe");
        assert!(hits(&rows, "").is_empty());
        assert!(hits(&rows, "absent").is_empty());
    }
}
