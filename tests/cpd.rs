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
            // As casebook writes it: a record always starts with one.
            description: "I studied \"Assessing for desistance\" and wrote reflections on my own practice.".to_owned(),
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
    let day_before = year::status(&swe(), &records, at("2026-11-29T09:00"), None).unwrap();
    assert_eq!(
        (day_before.start, day_before.deadline),
        (date(2025, 12, 1), date(2026, 11, 30))
    );
    assert_eq!(day_before.days_left, 1);
    assert!(day_before.closing());
    assert_eq!(day_before.records, ["a"], "last year's record is not this year's");
    let last_minute = year::status(&swe(), &records, at("2026-11-30T23:59"), None).unwrap();
    assert_eq!(last_minute.days_left, 0);
    assert_eq!(last_minute.records, ["a"]);
    let next_year = year::status(&swe(), &records, at("2026-12-01T00:00"), None).unwrap();
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
    let status = year::status(&swe(), &records, "2026-11-01T12:00".parse().unwrap(), None).unwrap();
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
    assert_eq!(
        json["records"][0]["hours"],
        serde_json::json!(0.75),
        "45 minutes, as a number"
    );
    assert_eq!(
        json["source"],
        "rules as published by Social Work England (CPD guidance)"
    );
    assert_eq!(json["checked"], "2026-12");

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
    // Social Care Wales and the Probation Institute count from the
    // learner's own registration date, kept once in the profile.
    for (layout, registered) in [("scw", "2024-05-10"), ("probation", "2025-02-01")] {
        let kept = casebook(data.path(), &["cpd", "--layout", layout, "registered", registered], "");
        assert!(kept.status.success(), "{}", err(&kept));
    }
    // Every field of the layouts in use, in turn: title, hours, description,
    // learning, impact, peer reflection, (d), (f), the manager discussion.
    let edited = casebook(
        data.path(),
        &["cpd", "edit", &id],
        ".\n1.5\n.\n.\nA better account of what I learnt.\n.\n.\n.\n\
         It links to the standard on assessing risk and need, at my level.\n.\n\
         It brought my knowledge of desistance research up to date.\n.\n\
         Discussed with my manager on 27 November 2026: we agreed I will share it at the team meeting.\n.\n",
    );
    assert!(edited.status.success(), "{}", err(&edited));
    for layout in ["swe", "scw", "probation"] {
        let exported = casebook(data.path(), &["cpd", "export", "--layout", layout], "");
        assert!(exported.status.success(), "{layout}: {}", err(&exported));
        let golden = Path::new("tests/fixtures/cpd/golden").join(format!("{layout}.txt"));
        if std::env::var_os("CASEBOOK_UPDATE_GOLDENS").is_some() {
            std::fs::write(&golden, &exported.stdout).unwrap();
        }
        assert_eq!(out(&exported), std::fs::read_to_string(&golden).unwrap(), "{layout}");
    }

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

// Each regulator's rules ----------------------------------------------------

fn shipped(id: &str) -> layout::Layout {
    layout::shipped().into_iter().find(|layout| layout.id == id).unwrap()
}

/// Social Care Wales: three years from the learner's own registration date,
/// and the next three from the renewal date.
#[test]
fn the_social_care_wales_period_runs_three_years_from_registration_and_again_from_renewal() {
    let scw = shipped("scw");
    let registered = Some(date(2024, 5, 10));
    let at = |text: &str| -> DateTime { text.parse().unwrap() };
    let first = year::year_of(&scw, at("2027-05-09T23:59"), registered).unwrap();
    assert_eq!((first.start, first.end), (date(2024, 5, 10), date(2027, 5, 9)));
    assert_eq!(first.renewal, Some(date(2027, 5, 10)));
    let renewed = year::year_of(&scw, at("2027-05-10T00:00"), registered).unwrap();
    assert_eq!((renewed.start, renewed.end), (date(2027, 5, 10), date(2030, 5, 9)));
    assert_eq!(renewed.renewal, Some(date(2030, 5, 10)));
    // A record counts in the period it was made in, not the next.
    let records = [record("old", date(2027, 5, 1), "Learnt.", "Contributed.")];
    let before = year::status(&scw, &records, at("2027-05-09T12:00"), registered).unwrap();
    let after = year::status(&scw, &records, at("2027-05-10T12:00"), registered).unwrap();
    assert_eq!(
        (
            before.records.len() + before.drafts.len(),
            after.records.len() + after.drafts.len()
        ),
        (1, 0)
    );
    // Without the date there is no period to show, and casebook says so.
    assert!(year::year_of(&scw, at("2027-05-10T00:00"), None).is_none());
}

/// The 86-day point (renewal opens) and the 21-day point (renewal done by);
/// no hours target, and the records discussed with the manager.
#[test]
fn the_social_care_wales_glance_shows_the_86_and_21_day_points_and_no_hours_target() {
    let scw = shipped("scw");
    let registered = Some(date(2024, 5, 10));
    let mut discussed = record("a", date(2026, 11, 2), "", "It changed how I plan.");
    discussed.texts.manager_discussion = "With my manager on 10 November 2026.".to_owned();
    let records = [discussed];
    let status = year::status(&scw, &records, "2027-01-01T09:00".parse().unwrap(), registered).unwrap();
    assert_eq!(status.opens, Some(date(2027, 2, 13)), "86 days before 10 May 2027");
    assert_eq!(status.deadline, date(2027, 4, 19), "21 days before 10 May 2027");
    let words = casebook::cpd::glance::cpd_glance(&scw, &status).join("\n");
    assert!(words.contains("Renewal date: 10 May 2027"), "{words}");
    assert!(
        words.contains("Renewal opens: 13 February 2027 (86-day point): 43 days to go"),
        "{words}"
    );
    assert!(
        words.contains("Renewal to be completed by 19 April 2027 (21-day point): 108 days left"),
        "{words}"
    );
    assert!(
        words.contains("Discussed with your manager: 1 of 1 record(s)"),
        "{words}"
    );
    assert!(words.contains("Rules as published by Social Care Wales"), "{words}");
    assert!(words.contains("checked 2026-12"), "{words}");
    assert!(!words.to_lowercase().contains("hours"), "no hours target: {words}");
    assert!(!words.contains("31 March"), "no April to March year: {words}");
    let open = year::status(&scw, &records, "2027-03-01T09:00".parse().unwrap(), registered).unwrap();
    let words = casebook::cpd::glance::cpd_glance(&scw, &open).join("\n");
    assert!(words.contains("(86-day point): open now"), "{words}");
}

/// The Probation Institute: (a) to (f), with (d) required and named as the
/// National Occupational Standards; the three-year point and hours.
#[test]
fn the_probation_institute_layout_has_f_and_requires_d_on_the_national_occupational_standards() {
    let probation = shipped("probation");
    let labels: Vec<&str> = probation.fields.iter().map(|field| field.label.as_str()).collect();
    for point in ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"] {
        assert!(
            labels.iter().any(|label| label.starts_with(point)),
            "{point}: {labels:?}"
        );
    }
    let d = probation
        .fields
        .iter()
        .find(|field| field.label.starts_with("(d)"))
        .unwrap();
    assert!(!d.optional, "(d) is required");
    assert!(d.label.contains("National Occupational Standards"), "{}", d.label);
    let f = probation
        .fields
        .iter()
        .find(|field| field.label.starts_with("(f)"))
        .unwrap();
    assert_eq!(f.field, "current");
    // A record without (d) is a draft, not counted.
    let mut complete = record("a", date(2026, 3, 2), "What I learned.", "How it helps.");
    complete.texts.current = "It keeps me current.".to_owned();
    let mut without_d = complete.clone();
    without_d.id = "b".to_owned();
    complete.texts.standards = "It links to the standard on assessment.".to_owned();
    assert!(!complete.is_draft(&probation));
    assert!(without_d.is_draft(&probation));
    let status = year::status(
        &probation,
        &[complete, without_d],
        "2026-06-01T09:00".parse().unwrap(),
        Some(date(2025, 2, 1)),
    )
    .unwrap();
    assert_eq!(status.records, ["a"]);
    assert_eq!(status.drafts, ["b"]);
    let words = casebook::cpd::glance::cpd_glance(&probation, &status).join("\n");
    assert!(words.contains("Three-year point: 1 February 2028"), "{words}");
    assert!(words.contains("Hours recorded this period: 1"), "{words}");
    assert!(
        words.contains("Drafts, not counted until every required field is written: b"),
        "{words}"
    );
}

/// Every module's description quotes whole sentences: a sentence that
/// introduces a list comes with it, or is left out; and it opens with a
/// sentence on relevance for the learner to finish.
#[test]
fn no_modules_generated_description_ends_on_a_dangling_colon() {
    let library = casebook::content::load_library(None, &[]);
    let course = library.course("hmip-youth-2021").unwrap();
    assert_eq!(course.modules.len(), 16);
    let now: Timestamp = "2026-11-29T10:00:00Z".parse().unwrap();
    for module in &course.modules {
        let journal = casebook::journal::ModuleJournal::new(&course.id, &module.id);
        let made = CpdRecord::new(
            "x".to_owned(),
            &[(course, module, &journal)],
            casebook::cpd::record::Written::default(),
            &jiff::tz::TimeZone::UTC,
            now,
        );
        let description = &made.texts.description;
        assert!(
            description.starts_with("This case is relevant to my practice because"),
            "{}: {description}",
            module.id
        );
        let lines: Vec<&str> = description.lines().collect();
        for (index, line) in lines.iter().enumerate() {
            let line = line.trim_end_matches('"').trim_end();
            if line.ends_with(':') {
                assert!(
                    lines.get(index + 1).is_some_and(|next| next.starts_with("- ")),
                    "{}: a colon with nothing after it: {description}",
                    module.id
                );
            }
        }
    }
}

/// Required fields empty: a draft, shown as one, not counted, not submitted.
#[test]
fn an_empty_record_is_a_draft_not_counted_and_not_submitted() {
    let data = studied();
    let made = casebook(data.path(), &["cpd", "new", "desistance-assessing"], ".\n.\n.\n");
    assert!(made.status.success(), "{}", err(&made));
    assert!(err(&made).contains("is a draft"), "{}", err(&made));
    let id = out(&made).trim().to_owned();
    let list = out(&casebook(data.path(), &["cpd", "list"], ""));
    assert!(list.contains(&format!("{id}  20 November 2026  draft")), "{list}");
    let glance = out(&casebook(data.path(), &["cpd"], ""));
    assert!(
        glance.contains("Records this year: 0 (0 marked submitted); at least 2 are needed"),
        "{glance}"
    );
    assert!(
        glance.contains(&format!(
            "Drafts, not counted until every required field is written: {id}"
        )),
        "{glance}"
    );
    let submitted = casebook(data.path(), &["cpd", "submit", &id], "");
    assert!(!submitted.status.success());
    assert!(
        err(&submitted).contains("is a draft, so it was not marked submitted"),
        "{}",
        err(&submitted)
    );
    let exported = out(&casebook(data.path(), &["cpd", "export", &id], ""));
    assert!(
        exported.contains(&format!("Record {id} (draft: a required field is empty)")),
        "{exported}"
    );
}

#[test]
fn a_discarded_record_leaves_every_count_and_comes_back_when_restored() {
    let data = studied();
    let made = casebook(data.path(), &["cpd", "new", "desistance-assessing"], ANSWERS);
    let id = out(&made).trim().to_owned();
    let discarded = casebook(data.path(), &["cpd", "discard", &id], "");
    assert!(discarded.status.success(), "{}", err(&discarded));
    assert!(data.path().join(format!("cpd/discarded/{id}.ron")).is_file());
    assert!(out(&casebook(data.path(), &["cpd", "list"], "")).contains("No CPD records yet"));
    assert!(out(&casebook(data.path(), &["cpd"], "")).contains("Records this year: 0"));
    assert_eq!(out(&casebook(data.path(), &["cpd", "restore"], "")).trim(), id);
    let restored = casebook(data.path(), &["cpd", "restore", &id], "");
    assert!(restored.status.success(), "{}", err(&restored));
    assert!(out(&casebook(data.path(), &["cpd"], "")).contains("Records this year: 1"));
    // A module already in a record this period is pointed out.
    let again = casebook(data.path(), &["cpd", "new", "desistance-assessing"], ANSWERS);
    assert!(again.status.success());
    assert!(
        err(&again).contains(&format!("is already in record {id} this period")),
        "{}",
        err(&again)
    );
}

/// Fifty `cpd new` at once keep fifty records, each under its own id.
#[test]
fn fifty_cpd_new_at_once_keep_fifty_records() {
    let data = studied();
    let children: Vec<_> = (0..50)
        .map(|_| {
            common::Launch::new(data.path(), &["cpd", "new", "desistance-assessing"])
                .env("CASEBOOK_TEST_NOW", NOW)
                .env("TZ", "UTC")
                .input(ANSWERS)
                .spawn()
        })
        .collect();
    let mut ids: Vec<String> = children
        .into_iter()
        .map(|child| {
            let output = child.wait_with_output().unwrap();
            assert!(output.status.success(), "{}", err(&output));
            out(&output).trim().to_owned()
        })
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 50, "each printed its own id");
    let kept = std::fs::read_dir(data.path().join("cpd"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|extension| extension == "ron"))
        .count();
    assert_eq!(kept, 50);
}

/// The registration date is kept in the profile (schema 2), read from a
/// schema 1 profile with everything else kept.
#[test]
fn the_registration_date_is_kept_in_a_profile_brought_up_from_schema_1() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(
        data.path().join("profile.ron"),
        "(schema: 1, name: \"Sam\", welcomed: true)\n",
    )
    .unwrap();
    let asked = casebook(data.path(), &["cpd", "--layout", "scw"], "");
    assert!(
        err(&asked).contains("casebook cpd --layout scw registered YYYY-MM-DD"),
        "{}",
        err(&asked)
    );
    let kept = casebook(data.path(), &["cpd", "--layout", "scw", "registered", "2024-05-10"], "");
    assert!(kept.status.success(), "{}", err(&kept));
    let profile = std::fs::read_to_string(data.path().join("profile.ron")).unwrap();
    assert!(profile.contains("schema: 2"), "{profile}");
    assert!(profile.contains("name: \"Sam\""), "{profile}");
    assert!(profile.contains("\"scw\": \"2024-05-10\""), "{profile}");
    let glance = out(&casebook(data.path(), &["cpd", "--layout", "scw"], ""));
    assert!(
        glance.contains("registration period 10 May 2024 to 9 May 2027"),
        "{glance}"
    );
}

/// A Social Care Wales learner is asked only what Social Care Wales asks:
/// how it contributed, and the discussion with the manager; hours are a
/// decimal number, and words are refused.
#[test]
fn new_and_edit_ask_only_for_the_fields_of_the_layouts_in_use() {
    let data = studied();
    let kept = casebook(data.path(), &["cpd", "--layout", "scw", "registered", "2024-05-10"], "");
    assert!(kept.status.success(), "{}", err(&kept));
    let made = casebook(
        data.path(),
        &["cpd", "--layout", "scw", "new", "desistance-assessing"],
        "It changed how I ask about work.\n.\nWith my manager on 27 November 2026.\n.\n",
    );
    assert!(made.status.success(), "{}", err(&made));
    assert!(!err(&made).contains("draft"), "{}", err(&made));
    let id = out(&made).trim().to_owned();
    let record: CpdRecord = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&std::fs::read_to_string(data.path().join(format!("cpd/{id}.ron"))).unwrap())
        .unwrap();
    assert_eq!(record.texts.impact, "It changed how I ask about work.");
    assert_eq!(record.texts.manager_discussion, "With my manager on 27 November 2026.");
    assert!(
        record.texts.learning.is_empty(),
        "Social Care Wales does not ask what was learnt"
    );
    // Title, hours, how it contributed, the manager discussion: no more.
    let words = casebook(
        data.path(),
        &["cpd", "--layout", "scw", "edit", &id],
        ".\nthree quarters\n.\n",
    );
    assert_eq!(words.status.code(), Some(2));
    assert!(err(&words).contains("is not a number of hours"), "{}", err(&words));
    let edited = casebook(
        data.path(),
        &["cpd", "--layout", "scw", "edit", &id],
        ".\n0.75\n.\n.\n.\nleft over\n.\n",
    );
    assert!(edited.status.success(), "{}", err(&edited));
    let json: serde_json::Value = serde_json::from_slice(
        &casebook(
            data.path(),
            &["cpd", "--layout", "scw", "export", "--format", "json"],
            "",
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(json["records"][0]["hours"], serde_json::json!(0.75));
    assert_eq!(json["records"][0]["draft"], serde_json::json!(false));
    let glance = out(&casebook(data.path(), &["cpd", "--layout", "scw"], ""));
    assert!(glance.contains("Records this period: 1"), "{glance}");
    assert!(
        glance.contains("Discussed with your manager: 1 of 1 record(s)"),
        "{glance}"
    );
}

/// Issue 26: `cpd export` runs the identifying-details check on what the
/// learner wrote; it refuses with the findings (record, field, words,
/// reason) unless --checked, records that the check ran (never the words),
/// and a finding marked with `cpd check --mark N` stays marked in the next
/// run (a restart).
#[test]
fn cpd_export_is_checked_for_identifying_details_and_a_marked_finding_stays_marked() {
    let data = studied();
    let made = casebook(
        data.path(),
        &["cpd", "new", "desistance-assessing"],
        "How much a steady employer can matter, as it did for Tim.\n.\n\
         I met Jayden at the youth centre and his mum at 14 Acacia Avenue.\n.\n.\n",
    );
    assert!(made.status.success(), "{}", err(&made));
    let id = out(&made).trim().to_owned();
    let written = data.path().join("records.txt");
    let written_arg = written.to_str().unwrap();

    let refused = casebook(data.path(), &["cpd", "export", "-o", written_arg], "");
    assert_eq!(refused.status.code(), Some(7), "{}", err(&refused));
    let said = err(&refused);
    let line = |words: &str| {
        said.lines()
            .find(|line| line.contains(&format!("\"{words}\"")))
            .unwrap_or_else(|| panic!("{words} not listed in:\n{said}"))
            .to_owned()
    };
    let name = line("Jayden");
    assert!(name.starts_with("1. "), "{name}");
    assert!(name.contains(&id), "the record: {name}");
    assert!(name.contains("impact"), "the field's label: {name}");
    assert!(name.contains("looks like a person's first name"), "{name}");
    assert!(line("14 Acacia Avenue").contains("looks like a house number and street"));
    assert!(
        !said.contains("\"Tim\""),
        "the guide's case names are never flagged: {said}"
    );
    assert!(
        said.contains("--checked") && said.contains("casebook cpd check --mark N"),
        "{said}"
    );
    assert!(!written.exists(), "nothing written");
    assert!(refused.stdout.is_empty(), "nothing on standard output either");

    // --checked writes them, recording that the check ran: never the words.
    let json = casebook(data.path(), &["cpd", "export", "--format", "json", "--checked"], "");
    assert!(json.status.success(), "{}", err(&json));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        json["identifying_check"],
        serde_json::json!({ "run": true, "marked_not_identifying": 0 })
    );
    let text = casebook(data.path(), &["cpd", "export", "--checked"], "");
    assert!(
        out(&text).contains("Identifying-details check: run before export; no finding marked not identifying."),
        "{}",
        out(&text)
    );

    // cpd check lists the same findings, numbered the same.
    let check = casebook(data.path(), &["cpd", "check"], "");
    assert_eq!(check.status.code(), Some(7));
    assert!(out(&check).contains(&name), "{}", out(&check));
    let marked = casebook(data.path(), &["cpd", "check", "--mark", "1"], "");
    assert!(marked.status.success(), "{}", err(&marked));
    assert!(out(&marked).contains("\"Jayden\""), "{}", out(&marked));
    let marks = std::fs::read_to_string(data.path().join("marks.ron")).unwrap();
    assert!(!marks.contains("Jayden"), "the mark keeps no words: {marks}");

    // A new run (a restart): only the street is left, now finding 1.
    let again = casebook(data.path(), &["cpd", "check"], "");
    assert_eq!(again.status.code(), Some(7));
    assert!(!out(&again).contains("\"Jayden\""), "{}", out(&again));
    assert!(out(&again).contains("1. "), "{}", out(&again));
    let street = casebook(data.path(), &["cpd", "check", "--mark", "1"], "");
    assert!(street.status.success(), "{}", err(&street));
    let clear = casebook(data.path(), &["cpd", "check"], "");
    assert!(clear.status.success(), "{}", out(&clear));
    assert!(
        out(&clear).contains("No identifying details found in 1 record (2 findings marked not identifying)"),
        "{}",
        out(&clear)
    );
    let json = casebook(data.path(), &["cpd", "export", "--format", "json"], "");
    assert!(json.status.success(), "no --checked needed now: {}", err(&json));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["identifying_check"]["marked_not_identifying"], 2);

    // Changing the sentence brings the finding back.
    let edited = casebook(
        data.path(),
        &["cpd", "edit", &id],
        ".\n.\n.\nI met Jayden again at the youth centre.\n.\n.\n",
    );
    assert!(edited.status.success(), "{}", err(&edited));
    let back = casebook(data.path(), &["cpd", "export"], "");
    assert_eq!(back.status.code(), Some(7), "{}", err(&back));
    assert!(err(&back).contains("\"Jayden\""), "{}", err(&back));
}
