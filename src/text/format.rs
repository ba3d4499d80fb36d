//! Numbers, dates, times and durations, written one way everywhere.

use jiff::civil::Date;

/// 23 November 2026: a date as the guide writes it.
pub fn date(day: Date) -> String {
    day.strftime("%-d %B %Y").to_string()
}

/// Study time as a person says it, to the nearest minute like the exported
/// log: "less than a minute", "12 min", "1 h 05 min".
pub fn duration(seconds: u64) -> String {
    let minutes = seconds.saturating_add(30) / 60;
    match minutes {
        0 => "less than a minute".to_owned(),
        1..=59 => format!("{minutes} min"),
        _ => format!("{} h {:02} min", minutes / 60, minutes % 60),
    }
}

pub fn words(count: usize) -> String {
    if count == 1 {
        "1 word".to_owned()
    } else {
        format!("{} words", grouped(count))
    }
}

/// 17284 -> "17,284", as numbers are written in British English.
pub fn grouped(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn large_counts_are_grouped_in_threes() {
        assert_eq!(super::words(17_284), "17,284 words");
        assert_eq!(super::words(999), "999 words");
        assert_eq!(super::words(1_000_000), "1,000,000 words");
        assert_eq!(super::words(1), "1 word");
    }
}

#[cfg(test)]
mod date_tests {
    #[test]
    fn dates_are_written_as_the_guide_writes_them() {
        let day: jiff::civil::Date = "2026-03-01".parse().unwrap_or_default();
        assert_eq!(super::date(day), "1 March 2026");
    }
}
