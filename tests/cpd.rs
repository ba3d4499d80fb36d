//! CPD records: the registration year around its deadline, near-duplicate
//! records, layouts checked like modules, and records made, edited,
//! submitted and exported through the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Output;

use casebook::cpd::layout;
use casebook::cpd::record::{CpdRecord, ModuleRef, Texts};
use casebook::cpd::year;
use jiff::Timestamp;
use jiff::civil::{Date, DateTime, date};

fn record(id: &str, on: Date, learning: &str, impact: &str) -> CpdRecord {
    let now: Timestamp = "2026-06-01T10:00:00Z".parse().unwrap();
    CpdRecord {
        schema: 1,
        id: id.to_owned(),
        modules: vec![ModuleRef {
            course: "hmip-youth-2021".to_owned(),
            module: "desistance-assessing".to_owned(),
        }],
        texts: Texts {
            kind: "Reading".to_owned(),
            title: "Assessing for desistance".to_owned(),
            learning: learning.to_owned(),
            impact: impact.to_owned(),
            ..Texts::default()
        },
        first_studied: Some(on),
        last_studied: Some(on),
        active_seconds: 3600,
        created: now,
        updated: now,
        submitted: None,
        history: Vec::new(),
    }
}

fn swe() -> layout::Layout {
    layout::shipped().into_iter().find(|layout| layout.id == "swe").unwrap()
}

/// 29 November, a minute before the deadline on 30 November, and the first
/// minute of the next year (1 December).
#[test]
fn the_year_turns_at_the_deadline() {
    let records = [
        record(
            "a",
            date(2026, 3, 2),
            "I learnt to ask the child first.",
            "Plans now start with the child.",
        ),
        record(
            "b",
            date(2025, 11, 30),
            "An older record from last year.",
            "Some impact written here.",
        ),
    ];
    let at = |text: &str| -> DateTime { text.parse().unwrap() };
    let day_before = year::status(&swe(), &records, at("2026-11-29T09:00")).unwrap();
    assert_eq!(
        (day_before.start, day_before.deadline),
        (date(2025, 12, 1), date(2026, 11, 30))
    );
    assert_eq!(day_before.days_left, 1);
    assert!(day_before.closing());
    assert_eq!(day_before.records, ["a"], "last year's record is not this year's");
    let last_minute = year::status(&swe(), &records, at("2026-11-30T23:59")).unwrap();
    assert_eq!(last_minute.days_left, 0);
    assert_eq!(last_minute.records, ["a"]);
    let next_year = year::status(&swe(), &records, at("2026-12-01T00:00")).unwrap();
    assert_eq!(
        (next_year.start, next_year.deadline),
        (date(2026, 12, 1), date(2027, 11, 30))
    );
    assert_eq!(next_year.days_left, 364);
    assert!(!next_year.closing());
    assert!(next_year.records.is_empty());
    let words = casebook::cpd::glance::cpd_glance(&swe(), &last_minute).join("\n");
    assert!(
        words.contains("Deadline: today, 30 November 2026, by 11.59pm"),
        "{words}"
    );
    assert!(words.contains("at least 2 are needed"), "{words}");
    assert!(words.contains("Peer reflection: none yet"), "{words}");
}

#[test]
fn nearly_identical_records_are_flagged_and_different_ones_are_not() {
    let same = "I learnt how much the employer's support mattered to Tim and to his desistance.";
    let records = [
        record(
            "a",
            date(2026, 3, 2),
            same,
            "I will ask about employers at every assessment.",
        ),
        record(
            "b",
            date(2026, 4, 2),
            same,
            "I will ask about employers at every assessment!",
        ),
        record(
            "c",
            date(2026, 5, 2),
            "Safety planning with the family showed me what coordination means.",
            "I now chair the planning meeting myself.",
        ),
    ];
    let status = year::status(&swe(), &records, "2026-11-01T12:00".parse().unwrap()).unwrap();
    assert_eq!(status.near_duplicates, [("a".to_owned(), "b".to_owned())]);
    let words = casebook::cpd::glance::cpd_glance(&swe(), &status).join("\n");
    assert!(words.contains("Records a and b are nearly the same"), "{words}");
}

// Through the binary --------------------------------------------------------

const NOW: &str = "2026-11-29T10:00:00Z";

fn casebook(data: &Path, args: &[&str], input: &str) -> Output {
    common::Launch::new(data, args)
        .env("CASEBOOK_TEST_NOW", NOW)
        .env("TZ", "UTC")
        .input(input)
        .run()
}

fn out(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn err(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A learner who has studied Tim's module, on a fixed day.
fn studied() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("journal/hmip-youth-2021");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("desistance-assessing.ron"),
        "(schema: 3, course: \"hmip-youth-2021\", module: \"desistance-assessing\", \
         reflections: {\"stood-out\": (question: \"Q\", text: \"The employer.\", created: \"2026-11-20T09:00:00Z\", updated: \"2026-11-20T09:00:00Z\")}, \
         sections_read: [0, 1, 2, 3], active_seconds: 2700, days: {\"2026-11-20\": 2700}, \
         first_studied: \"2026-11-20T09:00:00Z\", last_studied: \"2026-11-20T09:45:00Z\")\n",
    )
    .unwrap();
    data
}

const ANSWERS: &str = "How much a steady employer can matter to desistance.\n.\n\
I now ask about work and who supports it in every assessment, and Tim's plan builds on it.\n.\n\
My supervisor said I should share this with the team.\n.\n";

#[test]
fn a_record_is_made_listed_exported_in_each_layout_submitted_and_edited_with_its_history_kept() {
    let data = studied();
    let made = casebook(data.path(), &["cpd", "new", "desistance-assessing"], ANSWERS);
    assert!(made.status.success(), "{}", err(&made));
    let id = out(&made).trim().to_owned();
    assert_eq!(id, "2026-11-29", "the new record's id, alone, without a terminal");

    let list = casebook(data.path(), &["cpd", "list"], "");
    assert!(
        out(&list).contains("2026-11-29  20 November 2026  not submitted"),
        "{}",
        out(&list)
    );

    for layout in ["swe", "scw", "probation"] {
        let exported = casebook(data.path(), &["cpd", "export", "--layout", layout], "");
        assert!(exported.status.success(), "{layout}: {}", err(&exported));
        let golden = Path::new("tests/fixtures/cpd/golden").join(format!("{layout}.txt"));
        if std::env::var_os("CASEBOOK_UPDATE_GOLDENS").is_some() {
            std::fs::write(&golden, &exported.stdout).unwrap();
        }
        assert_eq!(out(&exported), std::fs::read_to_string(&golden).unwrap(), "{layout}");
    }
    let json: serde_json::Value =
        serde_json::from_slice(&casebook(data.path(), &["cpd", "export", "--format", "json"], "").stdout).unwrap();
    let fields = json["records"][0]["fields"].as_array().unwrap();
    let order: Vec<&str> = fields.iter().map(|field| field["field"].as_str().unwrap()).collect();
    assert_eq!(
        order,
        [
            "type",
            "title",
            "dates",
            "description",
            "learning",
            "impact",
            "peer_reflection"
        ],
        "the layout's order"
    );

    let glance = casebook(data.path(), &["cpd"], "");
    let glance = out(&glance);
    assert!(
        glance.contains("Records this year: 1 (0 marked submitted); at least 2 are needed"),
        "{glance}"
    );
    assert!(glance.contains("Peer reflection: in 1 record(s)"), "{glance}");
    assert!(
        glance.contains("Deadline: 30 November 2026, by 11.59pm: 1 day left"),
        "{glance}"
    );

    let submitted = casebook(data.path(), &["cpd", "submit", &id], "");
    assert!(submitted.status.success(), "{}", err(&submitted));
    let edited = casebook(
        data.path(),
        &["cpd", "edit", &id],
        ".\n.\nA better account of what I learnt.\n.\n.\n.\n.\n",
    );
    assert!(edited.status.success(), "{}", err(&edited));
    let saved: CpdRecord = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&std::fs::read_to_string(data.path().join(format!("cpd/{id}.ron"))).unwrap())
        .unwrap();
    assert_eq!(saved.texts.learning, "A better account of what I learnt.");
    assert_eq!(saved.history.len(), 1, "what was submitted is kept");
    assert_eq!(
        saved.history[0].texts.learning,
        "How much a steady employer can matter to desistance."
    );
    assert!(saved.submitted.is_some());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.path().join(format!("cpd/{id}.ron")))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn text_over_a_layouts_word_limit_is_kept_whole_with_a_warning() {
    let data = studied();
    std::fs::create_dir_all(data.path().join("layouts")).unwrap();
    std::fs::copy(
        "tests/fixtures/cpd/layouts/good.ron",
        data.path().join("layouts/team.ron"),
    )
    .unwrap();
    let made = casebook(data.path(), &["cpd", "new", "desistance-assessing"], ANSWERS);
    assert!(made.status.success(), "{}", err(&made));
    let exported = casebook(data.path(), &["cpd", "export", "--layout", "team"], "");
    assert!(exported.status.success(), "{}", err(&exported));
    assert!(
        err(&exported).contains("\"What I learnt\": 4 word(s) over the form's limit. Nothing was cut"),
        "{}",
        err(&exported)
    );
    let text = out(&exported);
    assert!(
        text.contains("How much a steady employer can matter to desistance."),
        "whole: {text}"
    );
    assert!(text.contains("9 words: OVER THE LIMIT of 5 by 4"), "{text}");
}

#[test]
fn validate_checks_layouts_and_names_each_problem_where_it_is() {
    let data = tempfile::tempdir().unwrap();
    let cases = [
        (
            "unknown-field.ron",
            "unknown-field.ron:8:17: unknown field \"feelings\"",
        ),
        (
            "duplicate-field.ron",
            "duplicate-field.ron:9:17: field \"learning\" is given twice",
        ),
        (
            "deadline-not-a-date.ron",
            "deadline-not-a-date.ron:5:15: `deadline` must be a month and day",
        ),
    ];
    for (file, expected) in cases {
        let path = format!("tests/fixtures/cpd/layouts/{file}");
        let output = casebook(data.path(), &["validate", &path], "");
        assert_eq!(output.status.code(), Some(1), "{file}: {}", out(&output));
        assert!(out(&output).contains(expected), "{file}: {}", out(&output));
    }
    let good = casebook(data.path(), &["validate", "tests/fixtures/cpd/layouts/good.ron"], "");
    assert!(good.status.success(), "{}", out(&good));
    // The default run checks the user's layouts too.
    std::fs::create_dir_all(data.path().join("layouts")).unwrap();
    std::fs::copy(
        "tests/fixtures/cpd/layouts/duplicate-field.ron",
        data.path().join("layouts/team.ron"),
    )
    .unwrap();
    let all = casebook(data.path(), &["validate"], "");
    assert_eq!(all.status.code(), Some(1));
    assert!(out(&all).contains("is given twice"), "{}", out(&all));
}

#[test]
fn a_record_named_in_its_file_differently_or_damaged_is_reported_and_never_written_over() {
    let data = studied();
    std::fs::create_dir_all(data.path().join("cpd")).unwrap();
    let damaged = data.path().join("cpd/2026-11-29.ron");
    std::fs::write(&damaged, "(schema: 1, id: \"2026-11-29\", modu").unwrap();
    let made = casebook(data.path(), &["cpd", "new", "desistance-assessing"], ANSWERS);
    assert!(made.status.success(), "{}", err(&made));
    assert_eq!(out(&made).trim(), "2026-11-29-2", "a new name, the damaged file kept");
    assert_eq!(
        std::fs::read_to_string(&damaged).unwrap(),
        "(schema: 1, id: \"2026-11-29\", modu"
    );
    let list = casebook(data.path(), &["cpd", "list"], "");
    assert!(err(&list).contains("cannot be read"), "{}", err(&list));
}

/// The tutor's unfinished CPD form, kept in the journal, is not a
/// reflection and not a record: no log and no record's export carries it.
#[test]
fn a_cpd_draft_in_the_journal_reaches_no_log_and_no_record_export() {
    const DRAFT: &str = "Draft words never exported";
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("journal/hmip-youth-2021");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("desistance-assessing.ron"),
        format!(
            "(schema: {}, course: \"hmip-youth-2021\", module: \"desistance-assessing\", \
             reflections: {{\"stood-out\": (question: \"Q\", text: \"The employer.\", created: \"2026-11-20T09:00:00Z\", updated: \"2026-11-20T09:00:00Z\")}}, \
             sections_read: [0, 1, 2, 3], active_seconds: 2700, days: {{\"2026-11-20\": 2700}}, \
             first_studied: \"2026-11-20T09:00:00Z\", last_studied: \"2026-11-20T09:45:00Z\", \
             cpd_draft: Some((learning: \"{DRAFT} (learning)\", impact: \"{DRAFT} (impact)\", peer_reflection: \"{DRAFT} (peer)\")))\n",
            casebook::journal::SCHEMA
        ),
    )
    .unwrap();
    let made = casebook(data.path(), &["cpd", "new", "desistance-assessing"], ANSWERS);
    assert!(made.status.success(), "{}", err(&made));
    for format in ["json", "md", "txt", "html"] {
        let record = casebook(data.path(), &["cpd", "export", "--format", format], "");
        assert!(record.status.success(), "{format}: {}", err(&record));
        let record = out(&record);
        assert!(
            record.contains("steady employer"),
            "{format}: the record is there: {record}"
        );
        assert!(!record.contains(DRAFT), "{format}: {record}");

        let log = casebook(data.path(), &["export", "--format", format, "-o", "-"], "");
        assert!(log.status.success(), "{format}: {}", err(&log));
        let log = out(&log);
        assert!(
            log.contains("The employer."),
            "{format}: the reflection is there: {log}"
        );
        assert!(!log.contains(DRAFT), "{format}: {log}");
    }
}
