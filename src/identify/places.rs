//! Places and addresses: postcodes, a house number and street, schools, and
//! email addresses.

use super::Kind;
use super::patterns::{after, before, captures, pattern, span};
use super::words::{GENERIC_SCHOOL, LEADING, among, exactly_among};

/// The postcode areas of the United Kingdom (and the Crown dependencies and
/// British Forces), so "A1" or "Y10" is never taken for one.
macro_rules! areas {
    () => {
        "(?:AB|AL|BA|BB|BD|BF|BH|BL|BN|BR|BS|BT|BX|B|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|EC|EH|EN|EX|E|FK|FY|GL|GU|GY|G|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|LA|LD|LE|LL|LN|LS|LU|L|ME|MK|ML|M|NE|NG|NN|NP|NR|NW|N|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|S|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|W|YO|ZE)"
    };
}

/// An outward code: area, district digit, and a second digit or the letter
/// some London districts carry (SW1A, EC1V, W1D).
macro_rules! outward {
    () => {
        concat!(areas!(), r"[0-9](?:[0-9]|[ABEHMNPRVWXY])?")
    };
}

pattern!(
    FULL_POSTCODE,
    concat!(
        r"(?i)(?-u:\b)(",
        outward!(),
        r")[ \t]?([0-9][ABD-HJLNP-UW-Z]{2})(?-u:\b)"
    )
);

pattern!(
    /// An outward code alone, with words that show it is a place: "lives in
    /// SE15", "from the M14 area", "LS9 postcode".
    OUTWARD_IN_CONTEXT,
    concat!(
        r"(?-u:\b)(?:(?i:in|from|around|near|postcode|post[ \t]+code|lives[ \t]+in|living[ \t]+in|moved[ \t]+to)[ \t]*:?[ \t]+((?i:the)[ \t]+)?)?(",
        outward!(),
        r")(?-u:\b)([ \t]+(?i:area|district|postcode|post[ \t]+code|estate))?"
    )
);

pattern!(
    STREET,
    r"(?-u:\b)(?:(?:Flat|Apartment|Apt|Unit)[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+)?(\d{1,4}[A-Za-z]?),?[ \t]+((?:\p{Lu}[\p{L}'’\-]*[ \t]+){1,3})(Road|Rd|Street|St|Avenue|Ave|Close|Lane|Ln|Drive|Crescent|Cres|Way|Place|Grove|Gardens|Gdns|Court|Terrace|Walk|Hill|Square|Mews|Row|Rise|View|Parade|Vale|Green|Croft|Fold|Gate|Wharf|Boulevard|Park|Chase|Meadows?|Heights|Approach)(?-u:\b)"
);

pattern!(
    SCHOOL,
    r"(?-u:\b)((?:(?:St\.?|Saint)[ \t]+)?(?:\p{Lu}[\p{L}'’\-]*[ \t]+){1,4})(Academy|Primary[ \t]+School|Primary|Secondary[ \t]+School|High[ \t]+School|Grammar[ \t]+School|Infant[ \t]+School|Infants|Junior[ \t]+School|Juniors|Community[ \t]+School|Community[ \t]+College|Free[ \t]+School|Sixth[ \t]+Form[ \t]+College|College|School|Pupil[ \t]+Referral[ \t]+Unit|PRU)(?-u:\b)"
);

pattern!(
    EMAIL,
    r"(?-u:\b)[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?-u:\b)"
);

#[cfg(test)]
pub(super) fn patterns() -> Vec<&'static super::patterns::Pattern> {
    vec![&FULL_POSTCODE, &OUTWARD_IN_CONTEXT, &STREET, &SCHOOL, &EMAIL]
}

pub(super) fn find(text: &str, push: &mut impl FnMut(usize, usize, Kind)) {
    postcodes(text, push);
    streets(text, push);
    schools(text, push);
    for found in captures(&EMAIL, text) {
        if let Some((start, end)) = span(&found, 0) {
            push(start, end, Kind::Email);
        }
    }
}

fn postcodes(text: &str, push: &mut impl FnMut(usize, usize, Kind)) {
    for found in captures(&FULL_POSTCODE, text) {
        let Some((start, end)) = span(&found, 0) else { continue };
        let written = &text[start..end];
        // "M14 5AB" or "m14 5ab", never "Mb1 2Nd" (a word, not a postcode).
        let letters = || written.chars().filter(|c| c.is_alphabetic());
        if letters().all(char::is_uppercase) || letters().all(char::is_lowercase) {
            push(start, end, Kind::Postcode);
        }
    }
    for found in captures(&OUTWARD_IN_CONTEXT, text) {
        let Some((start, end)) = span(&found, 2) else { continue };
        let led = found.get(0).is_some_and(|whole| whole.start() < start);
        let the = found.get(1).is_some();
        let area_word = found.get(3).is_some();
        // "in SE15" and "the SE15 area", not "the M6" (a motorway) nor "A1".
        let placed = if the { area_word } else { led || area_word };
        if placed && !matches!(after(text, end), Some('/' | '-' | '.')) {
            push(start, end, Kind::Postcode);
        }
    }
}

fn streets(text: &str, push: &mut impl FnMut(usize, usize, Kind)) {
    for found in captures(&STREET, text) {
        let (Some(whole), Some((number_start, _)), Some(name), Some(street)) =
            (found.get(0), span(&found, 1), found.get(2), found.get(3))
        else {
            continue;
        };
        // "10:30", "s.17 ...", "2/3 ..." are not house numbers.
        if matches!(before(text, number_start), Some(':' | '.' | '/' | '-' | '£' | '$')) {
            continue;
        }
        let name_words: Vec<&str> = name.as_str().split_whitespace().collect();
        const NOT_STREETS: &[&str] = &[
            "Youth",
            "Crown",
            "Magistrates",
            "Magistrates'",
            "County",
            "Family",
            "High",
            "Supreme",
            "Appeal",
            "Juvenile",
            "Coroners",
            "Coroner's",
            "Car",
            "Theme",
            "Business",
            "Retail",
            "Holiday",
            "Skate",
            "Football",
            "Play",
            "Water",
        ];
        if name_words.last().is_some_and(|last| exactly_among(NOT_STREETS, last)) {
            continue;
        }
        const NOT_NUMBERS: &[&str] = &[
            "section",
            "s",
            "year",
            "years",
            "stage",
            "level",
            "tier",
            "page",
            "p",
            "paragraph",
            "para",
            "part",
            "chapter",
            "step",
            "module",
            "question",
            "appendix",
            "article",
            "rule",
            "schedule",
            "act",
            "room",
            "group",
            "session",
            "week",
            "day",
            "key",
            "standard",
            "domain",
            "figure",
            "table",
        ];
        let previous: String = text[..whole.start()]
            .trim_end()
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if among(NOT_NUMBERS, &previous) {
            continue;
        }
        push(whole.start(), street.end(), Kind::StreetAddress);
    }
}

fn schools(text: &str, push: &mut impl FnMut(usize, usize, Kind)) {
    for found in captures(&SCHOOL, text) {
        let (Some(name), Some(school)) = (found.get(1), found.get(2)) else {
            continue;
        };
        // Leave off words that open the sentence ("At Oakfield Academy").
        let mut start = name.start();
        for word in name.as_str().split_whitespace() {
            if among(LEADING, word) {
                start = text[start..]
                    .find(word)
                    .map_or(start, |at| start + at + word.len())
                    .max(start);
                start += text[start..].len() - text[start..].trim_start().len();
            } else {
                break;
            }
        }
        let kept = &text[start..name.end()];
        let own_name = kept
            .split_whitespace()
            .any(|word| !among(GENERIC_SCHOOL, word) && !among(LEADING, word) && word != "St" && word != "St.");
        if own_name && start < school.start() {
            push(start, school.end(), Kind::School);
        }
    }
}
