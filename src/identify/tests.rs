//! Each kind of detail found at its exact place, and the ordinary words
//! that must not be.

use super::*;

/// The findings in `text` with nothing allowed, as (kind, words).
fn found(text: &str) -> Vec<(Kind, String)> {
    check(text, &Allow::new())
        .into_iter()
        .map(|finding| (finding.kind, finding.words))
        .collect()
}

/// Asserts exactly one finding, of `kind`, at the byte span of `words` in `text`.
fn one(text: &str, kind: Kind, words: &str) {
    let findings = check(text, &Allow::new());
    let start = text.find(words).expect("the words are in the text");
    assert_eq!(
        findings,
        vec![Finding {
            start,
            end: start + words.len(),
            kind,
            words: words.to_owned()
        }],
        "in {text:?}"
    );
}

#[test]
fn every_pattern_compiles() {
    assert!(patterns::all_compile(&places::patterns()));
    assert!(patterns::all_compile(&numbers::patterns()));
    assert!(patterns::all_compile(&people::patterns()));
}

#[test]
fn the_names_list_is_embedded_and_knows_ordinary_words() {
    assert!(names::count() > 3000, "{}", names::count());
    assert_eq!(names::given("Jayden"), Some(names::Given::Name));
    assert_eq!(names::given("Will"), Some(names::Given::Ordinary));
    assert_eq!(names::given("Hope"), Some(names::Given::Ordinary));
    assert_eq!(names::given("Probation"), None);
}

#[test]
fn a_postcode_full_and_in_context() {
    one(
        "I visited the family at home, M14 5AB, on Tuesday.",
        Kind::Postcode,
        "M14 5AB",
    );
    one("His nan lives in SE15 and he stays there.", Kind::Postcode, "SE15");
    one("They moved out of the LS9 area last year.", Kind::Postcode, "LS9");
    assert_eq!(found("We met near the M6 services."), vec![]);
}

#[test]
fn a_date_of_birth() {
    one(
        "His DOB is 12/03/2009 according to the file.",
        Kind::DateOfBirth,
        "12/03/2009",
    );
    one(
        "She was born on 3rd March 2010 in hospital.",
        Kind::DateOfBirth,
        "3rd March 2010",
    );
    assert_eq!(found("The hearing was on 12/03/2024."), vec![]);
}

#[test]
fn an_age_beside_a_name() {
    one(
        "I worked with Jayden, 15, for six months.",
        Kind::AgeWithName,
        "Jayden, 15",
    );
    one(
        "I first met Kyle Barnes (16) at court.",
        Kind::AgeWithName,
        "Kyle Barnes (16)",
    );
    one(
        "The 14-year-old Jayden was quiet.",
        Kind::AgeWithName,
        "14-year-old Jayden",
    );
    assert_eq!(found("He was aged 14 at the time."), vec![]);
    assert_eq!(found("In May, 15 children started the programme."), vec![]);
}

#[test]
fn an_nhs_number_passes_its_check() {
    one(
        "The GP letter gave his NHS number as 943 476 5919.",
        Kind::NhsNumber,
        "943 476 5919",
    );
    // The same shape failing modulus 11 is not an NHS number.
    assert_eq!(found("The number was 943 476 5918."), vec![]);
    assert!(numbers::nhs_check(&[4, 0, 1, 0, 2, 3, 2, 1, 3, 7]));
    assert!(!numbers::nhs_check(&[4, 0, 1, 0, 2, 3, 2, 1, 3, 8]));
}

#[test]
fn a_national_insurance_number() {
    one(
        "His NI number, AB 12 34 56 C, was on the form.",
        Kind::NationalInsurance,
        "AB 12 34 56 C",
    );
    // QQ is the example prefix and never issued.
    assert_eq!(found("The form shows QQ 12 34 56 C as an example."), vec![]);
}

#[test]
fn a_police_or_court_reference() {
    one(
        "His PNC record, 2019/0123456X, lists one caution.",
        Kind::PoliceReference,
        "2019/0123456X",
    );
    one(
        "The crime reference is 47/1234/21 for that night.",
        Kind::PoliceReference,
        "47/1234/21",
    );
    one(
        "The file URN was 01YM1234521 in the bundle.",
        Kind::PoliceReference,
        "01YM1234521",
    );
    assert_eq!(found("See the Children Act 1989 s.17 and section 1 of 5."), vec![]);
}

#[test]
fn a_phone_number() {
    one("I rang his mum on 07700 900123 twice.", Kind::Phone, "07700 900123");
    one(
        "The school office is +44 (0)161 496 0000 if needed.",
        Kind::Phone,
        "+44 (0)161 496 0000",
    );
    assert_eq!(found("We met at 10:30 for 17 hours over 0 to 10 weeks."), vec![]);
}

#[test]
fn an_email_address() {
    one(
        "Write to j.smith@example.org.uk about it.",
        Kind::Email,
        "j.smith@example.org.uk",
    );
}

#[test]
fn a_street_address() {
    one(
        "I did a home visit to 14 Acacia Avenue last week.",
        Kind::StreetAddress,
        "14 Acacia Avenue",
    );
    assert_eq!(found("He had 2 Youth Court hearings."), vec![]);
}

#[test]
fn a_school() {
    one(
        "He is on a part-time timetable at Oakfield Academy now.",
        Kind::School,
        "Oakfield Academy",
    );
    one(
        "She went to St Mary's Primary before moving.",
        Kind::School,
        "St Mary's Primary",
    );
    assert_eq!(found("The Youth Justice Academy runs training."), vec![]);
}

#[test]
fn a_title_and_a_name() {
    one("I spoke to Mr Jones about the plan.", Kind::TitleAndName, "Mr Jones");
    one(
        "The report went to Ms O'Neill yesterday.",
        Kind::TitleAndName,
        "Ms O'Neill",
    );
}

#[test]
fn a_given_name_and_its_surname() {
    one("I think Jayden found the panel hard.", Kind::GivenName, "Jayden");
    one(
        "I think Chantelle Marsh found the panel hard.",
        Kind::GivenName,
        "Chantelle Marsh",
    );
}

#[test]
fn names_that_are_also_words_need_a_name_like_context() {
    for plain in [
        "I will ask again next week.",
        "Will it help? I hope so.",
        "Hope is important in this work.",
        "In May the panel met again.",
        "Grace and patience matter.",
        "Mark the date in the plan.",
        "Jack was not the word I wanted; I mean to jack it in.",
        "Summer holidays are hard for him.",
        "Frank conversations help.",
        "Choose the format with Tab, then build it on the Mac.",
    ] {
        assert_eq!(found(plain), vec![], "{plain}");
    }
    one("I met Will Thompson at the office.", Kind::GivenName, "Will Thompson");
    one("He lives with his brother Will and his mum.", Kind::GivenName, "Will");
}

#[test]
fn curly_apostrophes_and_letters_beyond_ascii() {
    one(
        "The report went to Ms O’Neill yesterday.",
        Kind::TitleAndName,
        "Ms O’Neill",
    );
    one(
        "I think Zoë Brennan found the panel hard.",
        Kind::GivenName,
        "Zoë Brennan",
    );
    one(
        "Café talk: his number is 07700 900123 — call after six.",
        Kind::Phone,
        "07700 900123",
    );
}
