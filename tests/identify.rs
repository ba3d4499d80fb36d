//! The identifying-details check over the real course, a labelled set of
//! sentences written like case reflections, and the memory of marks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use casebook::content::{self, Course, short_name};
use casebook::identify::{Allow, Finding, Kind, Mark, check, mark};
use proptest::strategy::Strategy;
use std::collections::BTreeSet;

fn shipped() -> Course {
    let library = content::load_library(None, &[]);
    assert!(library.diagnostics.is_empty(), "{:#?}", library.diagnostics);
    library.course("hmip-youth-2021").expect("the shipped course").clone()
}

/// Every string of the course a learner reads: titles, blocks, questions,
/// hints and notes, each with where it is.
fn course_texts(course: &Course) -> Vec<(String, String)> {
    let mut texts = vec![("course title".to_owned(), course.title.clone())];
    texts.extend(
        course
            .attribution
            .iter()
            .map(|text| ("attribution".to_owned(), text.clone())),
    );
    for module in &course.modules {
        let at = |what: &str| format!("{} {what}", module.id);
        texts.push((at("title"), module.title.clone()));
        texts.extend(module.subtitle.iter().map(|text| (at("subtitle"), text.clone())));
        for section in &module.sections {
            texts.push((at("section title"), section.title.clone()));
            for block in &section.blocks {
                texts.extend(block.texts().iter().map(|text| (at(&section.title), text.clone())));
            }
            for question in &section.questions {
                texts.push((at(&question.id), question.text.clone()));
                texts.extend(question.hint.iter().map(|hint| (at(&question.id), hint.clone())));
            }
        }
        texts.extend(module.notes.iter().map(|note| (at("note"), note.text.clone())));
    }
    texts
}

/// The fictional case names as the course writes them ("Tim" from "Tim, 17:
/// referral order").
fn case_names(course: &Course) -> Vec<String> {
    course
        .modules
        .iter()
        .filter(|module| module.stage.is_some())
        .map(|module| short_name(module).split(',').next().unwrap_or("").trim().to_owned())
        .collect()
}

#[test]
fn the_whole_guide_gives_no_finding_with_the_allow_list_built_from_it() {
    let course = shipped();
    assert_eq!(course.modules.len(), 16);
    let allow = course_allow(&course);
    let texts = course_texts(&course);
    assert!(texts.len() > 500, "{} texts", texts.len());
    for (at, text) in &texts {
        assert_eq!(check(text, &allow), vec![], "{at}: {text}");
    }
}

#[test]
fn with_only_the_case_names_allowed_the_guide_flags_only_the_real_people_it_cites() {
    // The guide's own prose, its case summaries and its questions give no
    // false alarm; what is left are the authors and the Chief Inspector it
    // names, which are names (and so excused only as the guide's own text).
    let course = shipped();
    let mut allow = Allow::new();
    for name in case_names(&course) {
        allow.add_name(&name);
    }
    let flagged: BTreeSet<(Kind, String)> = course_texts(&course)
        .iter()
        .flat_map(|(_, text)| check(text, &allow))
        .map(|finding| (finding.kind, finding.words))
        .collect();
    let expected: BTreeSet<(Kind, String)> = ["Justin Russell", "Ruth Mann", "Kate Aubrey-Johnson"]
        .into_iter()
        .map(|name| (Kind::GivenName, name.to_owned()))
        .collect();
    assert_eq!(flagged, expected);
}

#[test]
fn the_case_names_are_the_ones_the_course_writes() {
    let names = case_names(&shipped());
    for name in ["Tim", "James", "Kai", "Sophie", "Tomasz", "Farooq"] {
        assert!(names.iter().any(|case| case == name), "{name} in {names:?}");
    }
}

#[test]
fn the_learners_own_name_is_not_flagged_but_someone_elses_is() {
    let text = "Amara Okafor reflecting: I asked Jayden what he wanted. Mrs Okafor is me.";
    let mut allow = Allow::new();
    let before: Vec<String> = check(text, &allow).into_iter().map(|finding| finding.words).collect();
    assert_eq!(before, ["Amara Okafor", "Jayden", "Mrs Okafor"]);
    allow.add_name("Amara Okafor");
    let after: Vec<String> = check(text, &allow).into_iter().map(|finding| finding.words).collect();
    assert_eq!(after, ["Jayden"]);
}

#[test]
fn a_marked_finding_stays_marked_after_a_restart_and_comes_back_when_its_sentence_changes() {
    let text = "I met Will Thompson at the office. He is the reparation supervisor, not a child.";
    let findings = check(text, &Allow::new());
    assert_eq!(findings.len(), 1);
    let remembered: Mark = mark(text, &findings[0]);
    assert!(!remembered.digest.contains("Will"), "the words themselves are not kept");

    // Kept as plain data, as the learner's store keeps it, and read back.
    let json = serde_json::to_string(&vec![remembered.clone()]).unwrap();
    let ron = ron::to_string(&remembered).unwrap();
    let from_json: Vec<Mark> = serde_json::from_str(&json).unwrap();
    let from_ron: Mark = ron::from_str(&ron).unwrap();
    assert_eq!(from_json, vec![remembered.clone()]);
    assert_eq!(from_ron, remembered);

    let mut allow = Allow::new();
    for mark in from_json {
        allow.add_mark(mark);
    }
    assert_eq!(check(text, &allow), vec![], "marked: no longer flagged");
    // Re-wrapped, or with another sentence edited, it stays marked.
    let rewrapped = "I met Will Thompson\nat the office. He is the reparation supervisor.";
    assert_eq!(check(rewrapped, &allow), vec![]);
    // The sentence around it changed: the finding comes back.
    let changed = "I met Will Thompson at his home. He is the reparation supervisor, not a child.";
    let back: Vec<Finding> = check(changed, &allow);
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].words, "Will Thompson");
    // The same words in another sentence are not covered by the mark either.
    let elsewhere = format!("{text} Will Thompson rang later.");
    let flagged: Vec<String> = check(&elsewhere, &allow)
        .into_iter()
        .map(|finding| finding.words)
        .collect();
    assert_eq!(flagged, ["Will Thompson"]);
}

#[test]
fn words_the_learner_allows_are_never_flagged() {
    let text = "I work at Oakfield Academy as the link worker.";
    let mut allow = Allow::new();
    assert_eq!(check(text, &allow).len(), 1);
    allow.add_words("oakfield  academy");
    assert_eq!(check(text, &allow), vec![]);
}

/// The allow list the export will build from the course: its case names,
/// and its own text.
fn course_allow(course: &Course) -> Allow {
    let mut allow = Allow::new();
    for name in case_names(course) {
        allow.add_name(&name);
    }
    for (_, text) in course_texts(course) {
        allow.add_course_text(&text);
    }
    allow
}

fn kind_of(label: &str) -> Kind {
    match label {
        "postcode" => Kind::Postcode,
        "dob" => Kind::DateOfBirth,
        "age" => Kind::AgeWithName,
        "nhs" => Kind::NhsNumber,
        "ni" => Kind::NationalInsurance,
        "ref" => Kind::PoliceReference,
        "phone" => Kind::Phone,
        "email" => Kind::Email,
        "street" => Kind::StreetAddress,
        "school" => Kind::School,
        "title" => Kind::TitleAndName,
        "name" => Kind::GivenName,
        other => panic!("unknown label {other:?}"),
    }
}

/// Each labelled sentence with the kinds it holds.
fn labelled() -> Vec<(BTreeSet<Kind>, String)> {
    include_str!("fixtures/identify/labelled.txt")
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (labels, sentence) = line.split_once(" | ").expect("labels | sentence");
            let kinds = match labels.trim() {
                "-" => BTreeSet::new(),
                labels => labels.split(',').map(|label| kind_of(label.trim())).collect(),
            };
            (kinds, sentence.to_owned())
        })
        .collect()
}

/// The least precision and recall the check must keep on the labelled set
/// (measured 2026-12-04: see the README section "Before a log leaves your
/// computer").
const LEAST_PRECISION: f64 = 0.95;
const LEAST_RECALL: f64 = 0.95;

#[test]
fn precision_and_recall_on_the_labelled_set() {
    let allow = course_allow(&shipped());
    let set = labelled();
    let with = set.iter().filter(|(kinds, _)| !kinds.is_empty()).count();
    assert!(set.len() >= 200, "{} sentences", set.len());
    assert!(
        with * 10 >= set.len() * 4 && with * 10 <= set.len() * 6,
        "{with} of {} hold details",
        set.len()
    );
    for kind in Kind::ALL {
        assert!(
            set.iter().filter(|(kinds, _)| kinds.contains(&kind)).count() >= 8,
            "too few sentences hold a {kind:?}"
        );
    }
    let (mut hits, mut false_alarms, mut misses) = (0usize, 0usize, 0usize);
    let mut wrong = Vec::new();
    for (expected, sentence) in &set {
        let found: BTreeSet<Kind> = check(sentence, &allow).iter().map(|finding| finding.kind).collect();
        hits += found.intersection(expected).count();
        false_alarms += found.difference(expected).count();
        misses += expected.difference(&found).count();
        if &found != expected {
            wrong.push(format!("expected {expected:?}, found {found:?}: {sentence}"));
        }
    }
    let precision = hits as f64 / (hits + false_alarms) as f64;
    let recall = hits as f64 / (hits + misses) as f64;
    println!(
        "{} sentences ({with} with details): precision {precision:.3}, recall {recall:.3}\n{}",
        set.len(),
        wrong.join("\n")
    );
    assert!(
        precision >= LEAST_PRECISION,
        "precision {precision:.3}:\n{}",
        wrong.join("\n")
    );
    assert!(recall >= LEAST_RECALL, "recall {recall:.3}:\n{}", wrong.join("\n"));
}

proptest::proptest! {
    /// Whatever is typed, the check never panics, and each finding's words
    /// are the text at its place, in order and apart.
    #[test]
    fn findings_are_always_the_text_at_their_place(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::sample::select(vec![
                    "Jayden", "Will", " ", ", ", "15", "(", ")", "Mr", "O’Neill", "M14 5AB", "SE15", "in ",
                    "07700 900123", "+44", "943 476 5919", "AB 12 34 56 C", "2019/0123456X", "@", ".com", "\n",
                    "\n\n", ". ", "Academy", "14 ", "Acacia ", "Avenue", "born ", "12/03/2009", "é", "—", "’s",
                ]).prop_map(str::to_owned),
                "\\PC{0,6}",
            ],
            0..40,
        )
    ) {
        let text: String = parts.concat();
        let findings = check(&text, &Allow::new());
        let mut end = 0;
        for finding in &findings {
            proptest::prop_assert!(finding.start >= end && finding.start < finding.end);
            proptest::prop_assert_eq!(text.get(finding.start..finding.end), Some(finding.words.as_str()));
            end = finding.end;
            let _ = mark(&text, finding);
        }
    }
}
