//! Numbers that identify: NHS and National Insurance numbers, police, court
//! and case references, and phone numbers.

use super::Kind;
use super::patterns::{after, before, captures, pattern, span};

pattern!(NHS, r"(?-u:\b)(\d{3})([ \-]?)(\d{3})([ \-]?)(\d{4})(?-u:\b)");

pattern!(
    NATIONAL_INSURANCE,
    r"(?-u:\b)([A-Z]{2})[ \t]?(\d{2})[ \t]?(\d{2})[ \t]?(\d{2})(?:[ \t]?([A-D]))?(?-u:\b)"
);

pattern!(
    /// A PNC id: year, a slash, the number and a check letter (2019/0123456X).
    PNC, r"(?-u:\b)((?:19|20)?\d{2}/\d{4,7}[A-HJ-NP-Z])(?-u:\b)");

pattern!(
    /// A police case file's unique reference number (01YM1234521) or a Crown
    /// Court case number (T20217001).
    URN, r"(?-u:\b)(\d{2}[A-Z]{2}\d{7}|T\d{8})(?-u:\b)");

pattern!(
    /// Any reference-shaped code after words that say it is one.
    NAMED_REFERENCE,
    r"(?-u:\b)(?i:crime[ \t]+reference[ \t]+number|crime[ \t]+(?:ref(?:erence)?|number|no\.?)|crn|urn|incident[ \t]+log[ \t]+(?:number|no\.?)|incident[ \t]+(?:number|no\.?|log)|log[ \t]+(?:number|no\.?)|occurrence[ \t]+(?:number|no\.?)|(?:case|client|child|person|yot|childview|carefirst)[ \t]+(?:number|no\.?|ref(?:erence)?|id)|court[ \t]+(?:case[ \t]+)?(?:number|no\.?|ref(?:erence)?)|custody[ \t]+(?:number|no\.?|record(?:[ \t]+number)?)|pnc(?:[ \t]+(?:id|number|no\.?))?|police[ \t]+ref(?:erence)?|ref(?:erence)?(?:[ \t]+(?:number|no\.?))?)[ \t]*(?:[:#.\-][ \t]*)?(?i:(?:is|was)[ \t]+)?([A-Za-z0-9][A-Za-z0-9/\-]{3,}[A-Za-z0-9])"
);

pattern!(
    /// Where a phone number may start: "+44", "(0" or "0".
    PHONE_START, r"\+44|\(0|(?-u:\b)0\d");

#[cfg(test)]
pub(super) fn patterns() -> Vec<&'static super::patterns::Pattern> {
    vec![&NHS, &NATIONAL_INSURANCE, &PNC, &URN, &NAMED_REFERENCE, &PHONE_START]
}

pub(super) fn find(text: &str, push: &mut impl FnMut(usize, usize, Kind)) {
    nhs_numbers(text, push);
    national_insurance(text, push);
    references(text, push);
    phones(text, push);
}

/// The NHS number's own check: weights 10 down to 2 on the first nine
/// digits, and 11 less the remainder on division by 11 is the tenth (11
/// counts as 0; 10 never appears).
pub(super) fn nhs_check(digits: &[u32]) -> bool {
    if digits.len() != 10 {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .take(9)
        .zip((2..=10).rev())
        .map(|(digit, weight)| digit * weight)
        .sum();
    match 11 - sum % 11 {
        11 => digits[9] == 0,
        10 => false,
        check => digits[9] == check,
    }
}

fn nhs_numbers(text: &str, push: &mut impl FnMut(usize, usize, Kind)) {
    for found in captures(&NHS, text) {
        let Some((start, end)) = span(&found, 0) else { continue };
        let same_separators = found.get(2).map(|m| m.as_str()) == found.get(4).map(|m| m.as_str());
        let digits: Vec<u32> = text[start..end].chars().filter_map(|c| c.to_digit(10)).collect();
        // Part of a longer number, a phone number (+44 7..., 07...) or a decimal.
        let inside = matches!(before(text, start), Some('+' | '.' | '/' | ',' | '-' | ':'))
            || matches!(after(text, end), Some('.' | '/' | '-' | ':'))
                && text[end..].chars().nth(1).is_some_and(|c| c.is_ascii_digit());
        let after_44 = text[..start].trim_end().ends_with("+44");
        if same_separators && digits.first() != Some(&0) && !inside && !after_44 && nhs_check(&digits) {
            push(start, end, Kind::NhsNumber);
        }
    }
}

fn national_insurance(text: &str, push: &mut impl FnMut(usize, usize, Kind)) {
    for found in captures(&NATIONAL_INSURANCE, text) {
        let (Some((start, end)), Some(prefix)) = (span(&found, 0), found.get(1)) else {
            continue;
        };
        let mut letters = prefix.as_str().chars();
        let (Some(first), Some(second)) = (letters.next(), letters.next()) else {
            continue;
        };
        // HMRC never issues these letters, nor these pairs.
        let valid = !"DFIQUV".contains(first)
            && !"DFIOQUV".contains(second)
            && !["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].contains(&prefix.as_str());
        if valid {
            push(start, end, Kind::NationalInsurance);
        }
    }
}

fn references(text: &str, push: &mut impl FnMut(usize, usize, Kind)) {
    for pattern in [&PNC, &URN] {
        for found in captures(pattern, text) {
            if let Some((start, end)) = span(&found, 1) {
                push(start, end, Kind::PoliceReference);
            }
        }
    }
    for found in captures(&NAMED_REFERENCE, text) {
        let Some((start, end)) = span(&found, 1) else { continue };
        let code = &text[start..end];
        let digits = code.chars().filter(char::is_ascii_digit).count();
        let letters = code.chars().filter(char::is_ascii_alphabetic).count();
        // A code has at least three digits and few letters: "reference 4471/22",
        // never "reference to the plan" nor "reference 1989".
        let plain_year = digits == 4 && code.len() == 4;
        if digits >= 3 && letters <= 4 && !plain_year {
            push(start, end, Kind::PoliceReference);
        }
    }
}

fn phones(text: &str, push: &mut impl FnMut(usize, usize, Kind)) {
    for found in captures(&PHONE_START, text) {
        let Some((start, _)) = span(&found, 0) else { continue };
        if before(text, start).is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | ':' | '-' | '+')) {
            continue;
        }
        if let Some(end) = phone_end(text, start) {
            push(start, end, Kind::Phone);
        }
    }
}

/// Where a UK phone number starting at `start` ends: eleven digits from the
/// leading 0 (or +44 for it), single spaces, hyphens and brackets between.
fn phone_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = start;
    let mut digits: Vec<u8> = Vec::with_capacity(11);
    if text[at..].starts_with("+44") {
        at += 3;
        digits.push(b'0');
        while bytes.get(at) == Some(&b' ') {
            at += 1;
        }
        if text[at..].starts_with("(0)") {
            at += 3;
        }
    } else if bytes.get(at) == Some(&b'(') {
        at += 1;
    }
    let mut end = at;
    let mut separators = 0;
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii_digit() {
            if digits.len() == 11 {
                return None;
            }
            digits.push(byte);
            at += 1;
            end = at;
            separators = 0;
        } else if matches!(byte, b' ' | b'-' | b'(' | b')') && separators < 2 && !digits.is_empty() {
            separators += 1;
            at += 1;
        } else {
            break;
        }
    }
    let national =
        digits.len() == 11 || (digits.len() == 10 && (digits.starts_with(b"01") || digits.starts_with(b"08")));
    let prefix = digits.first() == Some(&b'0') && matches!(digits.get(1), Some(b'1' | b'2' | b'3' | b'7' | b'8'));
    let clean_end = !after(text, end).is_some_and(|c| c.is_alphanumeric());
    (national && prefix && clean_end).then_some(end)
}
