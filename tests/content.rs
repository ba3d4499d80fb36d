//! The shipped course and the loader, as a library.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use casebook::content::{self, Block, Course};
use proptest::prelude::*;

fn shipped() -> Course {
    let library = content::load_library(None, &[]);
    assert!(
        library.diagnostics.is_empty(),
        "shipped course has problems: {:#?}",
        library.diagnostics
    );
    library.course("hmip-youth-2021").expect("the shipped course").clone()
}

#[test]
fn shipped_course_has_sixteen_modules_in_course_order() {
    let course = shipped();
    let ids: Vec<&str> = course.modules.iter().map(|module| module.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "introduction",
            "desistance",
            "desistance-assessing",
            "desistance-planning",
            "desistance-implementing",
            "desistance-reviewing",
            "child-safety",
            "child-safety-assessing",
            "child-safety-planning",
            "child-safety-implementing",
            "child-safety-reviewing",
            "public-safety",
            "public-safety-assessing",
            "public-safety-planning",
            "public-safety-implementing",
            "public-safety-reviewing",
        ]
    );
}

#[test]
fn the_twelve_cases_fill_the_grid_one_per_cell() {
    let course = shipped();
    assert_eq!(course.areas.len(), 3);
    assert_eq!(course.stages.len(), 4);
    for area in &course.areas {
        for stage in &course.stages {
            let in_cell: Vec<_> = course
                .modules
                .iter()
                .filter(|module| module.area.as_ref() == Some(&area.id) && module.stage.as_ref() == Some(&stage.id))
                .collect();
            assert_eq!(in_cell.len(), 1, "cell {} x {}", area.id, stage.id);
            assert_eq!(in_cell[0].id, format!("{}-{}", area.id, stage.id));
        }
    }
}

#[test]
fn take_away_question_counts_match_the_guide() {
    let course = shipped();
    let expected = [
        ("desistance-assessing", "Tim", 2),
        ("desistance-planning", "James", 3),
        ("desistance-implementing", "Kai", 3),
        ("desistance-reviewing", "Theo", 3),
        ("child-safety-assessing", "Sophie", 2),
        ("child-safety-planning", "Tomasz", 3),
        ("child-safety-implementing", "Daniel", 3),
        ("child-safety-reviewing", "Mason", 2),
        ("public-safety-assessing", "Farooq", 2),
        ("public-safety-planning", "Wayne", 3),
        ("public-safety-implementing", "Phoebe", 2),
        ("public-safety-reviewing", "Sam", 4),
    ];
    let mut total = 0;
    for (id, name, count) in expected {
        let module = course.module(id).unwrap();
        assert_eq!(module.question_count(), count, "{id}");
        assert!(
            module.subtitle.as_deref().unwrap_or("").starts_with(name),
            "{id} subtitle names {name}"
        );
        assert!(module.minutes.is_some(), "{id} has a study time");
        total += count;
    }
    assert_eq!(total, 32);
    for briefing in ["introduction", "desistance", "child-safety", "public-safety"] {
        assert!(course.module(briefing).unwrap().is_briefing(), "{briefing}");
    }
}

#[test]
fn every_case_has_the_guide_sections_a_lead_and_the_fictional_name_sentence() {
    let course = shipped();
    for module in course.modules.iter().filter(|module| module.stage.is_some()) {
        let titles: Vec<&str> = module.sections.iter().map(|section| section.title.as_str()).collect();
        for expected in [
            "What we expect",
            "Case summary",
            "Inspector's comments",
            "Take-aways: applying the learning",
        ] {
            assert!(titles.contains(&expected), "{} lacks {expected}: {titles:?}", module.id);
        }
        let summary = module
            .sections
            .iter()
            .find(|section| section.title == "Case summary")
            .unwrap();
        assert!(
            matches!(summary.blocks.first(), Some(Block::Lead(_))),
            "{} case summary opens with a Lead",
            module.id
        );
        let fictional = module
            .sections
            .iter()
            .flat_map(|section| &section.blocks)
            .filter(|block| {
                block
                    .texts()
                    .iter()
                    .any(|text| text.contains("intended for training/learning purposes and includes a fictional name"))
            })
            .count();
        assert_eq!(fictional, 1, "{} keeps its closing sentence once", module.id);
        let comments = module
            .sections
            .iter()
            .find(|section| section.title == "Inspector's comments")
            .unwrap();
        assert!(
            comments.blocks.iter().all(|block| matches!(block, Block::Quote(_))),
            "{}",
            module.id
        );
    }
}

#[test]
fn footnotes_keep_the_guides_numbers() {
    let course = shipped();
    let marks: Vec<String> = course
        .modules
        .iter()
        .flat_map(|module| module.notes.iter().map(|note| note.mark.clone()))
        .collect();
    let expected: Vec<String> = (1..=14).map(|n| n.to_string()).collect();
    assert_eq!(marks, expected);
    let sophie = course.module("child-safety-assessing").unwrap();
    assert!(sophie.note("5").unwrap().text.starts_with("The Signs of Safety model"));
}

#[test]
fn a_course_folder_given_on_the_command_line_is_loaded_after_the_shipped_one() {
    let library = content::load_library(None, &["tests/fixtures/valid".into()]);
    assert!(library.diagnostics.is_empty(), "{:#?}", library.diagnostics);
    let ids: Vec<&str> = library.courses.iter().map(|course| course.id.as_str()).collect();
    assert_eq!(ids, ["hmip-youth-2021", "local-practice"]);
    let local = library.course("local-practice").unwrap();
    let order: Vec<&str> = local.modules.iter().map(|module| module.id.as_str()).collect();
    assert_eq!(order, ["welcome", "desistance-assessing"], "briefings before cases");
}

#[test]
fn a_module_id_in_two_courses_needs_the_course_to_find_it() {
    let library = content::load_library(None, &["tests/fixtures/valid".into()]);
    let candidates = library.find_module("desistance-assessing").unwrap_err();
    assert_eq!(
        candidates,
        [
            "hmip-youth-2021/desistance-assessing",
            "local-practice/desistance-assessing"
        ]
    );
    let (course, module) = library.find_module("local-practice/desistance-assessing").unwrap();
    assert_eq!(
        (course.id.as_str(), module.title.as_str()),
        ("local-practice", "Assessing with the family")
    );
    assert!(library.find_module("no-such-module").unwrap_err().is_empty());
}

const VALID_MODULE: &str = include_str!("fixtures/valid/local-course/desistance-assessing.ron");

fn check_module_bytes(bytes: &[u8]) {
    let mut diagnostics = Vec::new();
    let mut report = content::validate::Report {
        file: "fuzz.ron".into(),
        diagnostics: &mut diagnostics,
    };
    if let Some(text) = content::validate::decode(bytes, &mut report) {
        let course = shipped();
        let _ = content::validate::module_from_text(text, None, Some(&course), &mut report);
        let _ = content::validate::course_from_text(text, None, content::Origin::Embedded, &mut report);
    }
    for diagnostic in diagnostics {
        assert!(diagnostic.line <= bytes.len() + 1, "position inside the file");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check_module_bytes(&bytes);
    }

    #[test]
    fn mutated_modules_never_panic_the_loader(
        edits in proptest::collection::vec((any::<proptest::sample::Index>(), 0usize..4, any::<u8>()), 1..6)
    ) {
        let mut bytes = VALID_MODULE.as_bytes().to_vec();
        for (index, kind, byte) in edits {
            let at = index.index(bytes.len().max(1)).min(bytes.len());
            match kind {
                0 => { bytes.insert(at, byte); }
                1 if at < bytes.len() => { bytes.remove(at); }
                2 if at < bytes.len() => { bytes[at] = byte; }
                _ => { bytes.truncate(at); }
            }
        }
        check_module_bytes(&bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Reflections with quotes, backslashes, `"#`, tabs, NUL, emoji,
    /// right-to-left text and combining marks come back byte-exact.
    #[test]
    fn reflections_round_trip_byte_exact_through_the_journal_file(
        text in proptest::collection::vec(
            prop_oneof![
                any::<char>().prop_map(String::from),
                Just("\"#".to_owned()),
                Just("\\\\".to_owned()),
                Just("\t".to_owned()),
                Just("\0".to_owned()),
                Just("😀".to_owned()),
                Just("שלום".to_owned()),
                Just("e\u{301}".to_owned()),
                Just("\n".to_owned()),
                Just("r#\"".to_owned()),
            ],
            0..40,
        ).prop_map(|parts| parts.concat())
    ) {
        use casebook::journal::{ModuleJournal, Reflection};
        use casebook::store::{FileStore, Store};
        let data = tempfile::tempdir().unwrap();
        let mut store = FileStore::new(casebook::folder::DataPaths::at(data.path()));
        let mut journal = ModuleJournal::new("hmip-youth-2021", "desistance-assessing");
        let now = jiff::Timestamp::from_second(1_795_000_000).unwrap();
        journal.reflections.insert(
            "stood-out".into(),
            Reflection { question: text.clone(), text: text.clone(), skipped: false, created: now, updated: now, reviewed: Vec::new() },
        );
        store.save_module(&journal).unwrap();
        let back = store.load_module("hmip-youth-2021", "desistance-assessing").unwrap().unwrap();
        prop_assert_eq!(&back.reflections["stood-out"].text, &text);
        prop_assert_eq!(back, journal);
    }
}
