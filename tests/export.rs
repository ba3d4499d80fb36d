//! The reflective log: goldens for each format, escaping, the JSON schema,
//! date filters, module selection, destinations, and `verify`.
//!
//! The fixture course and journals are in tests/fixtures/export; the
//! goldens in tests/fixtures/export/golden. After a deliberate change to a
//! log, regenerate them with `UPDATE_GOLDENS=1 cargo test --test export`
//! and read the diff as a supervisor would before keeping it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use casebook::commands::export::{ExportArgs, VerifyArgs, export_command, verify_command};
use casebook::content::{self, Library};
use casebook::export::{self, ExportError, Format, Options, Verification};
use casebook::folder::DataPaths;
use casebook::journal::ModuleJournal;
use casebook::store::{FileStore, MemoryStore, Store};
use clap::Parser;
use jiff::Timestamp;
use serde_json::Value;

const FIXTURES: &str = "tests/fixtures/export";
const COURSE: &str = "export-fixture";

fn library() -> Library {
    let library = content::load_paths(&[PathBuf::from(FIXTURES).join("course")]);
    assert!(library.diagnostics.is_empty(), "{:#?}", library.diagnostics);
    library
}

/// The fixture journals and profile, read from their RON files into a
/// store in memory.
fn store(library: &Library) -> MemoryStore {
    let files = FileStore::new(DataPaths::at(PathBuf::from(FIXTURES).join("data")));
    let mut store = MemoryStore {
        profile: files.load_profile().unwrap(),
        ..MemoryStore::default()
    };
    for course in &library.courses {
        for module in &course.modules {
            if let Some(journal) = files.load_module(&course.id, &module.id).unwrap() {
                store.save_module(&journal).unwrap();
            }
        }
    }
    store
}

fn now() -> Timestamp {
    "2026-11-23T14:05:00Z".parse().unwrap()
}

fn options() -> Options {
    Options {
        casebook_version: "0.0.0-test".to_owned(),
        ..Options::new(now())
    }
}

#[derive(Parser)]
struct ExportCommand {
    #[command(flatten)]
    args: ExportArgs,
}

fn args(line: &[&str]) -> ExportArgs {
    ExportCommand::try_parse_from(std::iter::once("export").chain(line.iter().copied()))
        .unwrap()
        .args
}

struct Run {
    code: u8,
    out: Vec<u8>,
    err: String,
}

impl Run {
    fn out_text(&self) -> String {
        String::from_utf8(self.out.clone()).unwrap()
    }
}

/// `casebook export ARGS` with the fixtures, the default folder `folder`.
fn run_in(folder: &Path, line: &[&str], store: &dyn Store) -> Run {
    let library = library();
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = export_command(&args(line), &library, store, &options(), folder, &mut out, &mut err);
    Run {
        code,
        out,
        err: String::from_utf8(err).unwrap(),
    }
}

/// `casebook export ARGS -o -`: the log's bytes.
fn export_stdout(line: &[&str]) -> Run {
    let library = library();
    let store = store(&library);
    let folder = tempfile::tempdir().unwrap();
    let mut line = line.to_vec();
    line.extend(["-o", "-"]);
    let run = run_in(folder.path(), &line, &store);
    assert_eq!(
        std::fs::read_dir(folder.path()).unwrap().count(),
        0,
        "-o - wrote a file"
    );
    run
}

fn log(format: Format) -> Vec<u8> {
    let run = export_stdout(&["--format", format.extension()]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_eq!(run.err, "");
    run.out
}

fn json(line: &[&str]) -> Value {
    let mut line = line.to_vec();
    line.extend(["--format", "json"]);
    let run = export_stdout(&line);
    assert_eq!(run.code, 0, "{}", run.err);
    serde_json::from_slice(&run.out).unwrap()
}

fn module_ids(log: &Value) -> Vec<String> {
    log["courses"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|course| course["modules"].as_array().unwrap().iter())
        .map(|module| module["id"].as_str().unwrap().to_owned())
        .collect()
}

// Goldens ------------------------------------------------------------------

#[test]
fn each_format_matches_its_golden_file() {
    let update = std::env::var_os("UPDATE_GOLDENS").is_some_and(|value| value == "1");
    let mut stale = Vec::new();
    for format in Format::ALL {
        let bytes = log(format);
        let path = PathBuf::from(FIXTURES)
            .join("golden")
            .join(format!("log.{}", format.extension()));
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &bytes).unwrap();
            continue;
        }
        let golden = std::fs::read(&path).unwrap_or_default();
        if golden != bytes {
            let actual = path.with_extension(format!("{}.actual", format.extension()));
            std::fs::write(&actual, &bytes).unwrap();
            stale.push(format!(
                "{} (the new output is in {})",
                path.display(),
                actual.display()
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "these goldens differ; review the output and rerun with UPDATE_GOLDENS=1 to accept it:\n{}",
        stale.join("\n")
    );
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    for format in Format::ALL {
        assert_eq!(log(format), log(format), "{format:?}");
    }
}

#[test]
fn the_log_id_is_the_same_in_every_format_and_changes_with_the_content() {
    let id = json(&[])["log_id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("20261123-"), "{id}");
    assert_eq!(id.len(), "20261123-".len() + 8);
    for format in Format::ALL {
        let text = String::from_utf8(log(format)).unwrap();
        assert!(text.contains(&id), "{format:?} lacks the log id {id}");
    }
    let other = json(&["case-planning"])["log_id"].as_str().unwrap().to_owned();
    assert_ne!(id, other);
}

// What a log contains ------------------------------------------------------

#[test]
fn every_format_carries_the_header_summary_modules_and_sign_off() {
    for format in Format::ALL {
        let text = String::from_utf8(log(format)).unwrap();
        let text = text.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
        for expected in [
            "Nakamura",
            "Case manager",
            "Youth Justice",
            "Pip",
            "casebook",
            "0.0.0-test",
            "Practice examples for the log tests",
            "Anytown Youth Justice Service",
            "November 2026",
            "Open Government Licence v3.0",
            "Contains public sector information",
            "Assessing with the family",
            "Sam, 15: referral order",
            "Desistance",
            "Assessment",
            "What stood out to you in this case?",
            "Invite the parent or carer to the first appointment",
            "I confirm that this log is my own work",
            "child, family, victim or colleague",
            "sha256:",
        ] {
            assert!(text.contains(expected), "{format:?} lacks {expected:?}");
        }
        if format != Format::Json {
            for expected in [
                "Reflective log",
                "Period covered",
                "5 October 2026 to 23 November 2026",
                "23 November 2026 at 14:05 UTC",
                "Summary",
                "4 answered, 1 skipped, 1 not answered (6 questions)",
                "1 hour 19 minutes",
                "Skipped",
                "Not answered",
                "set on 23 November 2026",
                "Supervisor's review",
                "Comments",
                "Agreed actions",
                "Next review date",
                "Signature",
                "Learner's declaration",
                "45 minutes",
                "20 November 2026 at 09:14 UTC",
            ] {
                // Plain text writes its headings in capitals.
                let found = text.contains(expected) || text.contains(&expected.to_uppercase());
                assert!(found, "{format:?} lacks {expected:?}");
            }
        }
    }
}

#[test]
fn modules_come_in_course_order_and_unstudied_ones_are_left_out() {
    let log = json(&[]);
    assert_eq!(module_ids(&log), ["introduction", "case-assessing", "case-planning"]);
    // Named in another order, they still come in course order.
    let log = json(&["case-planning", "introduction"]);
    assert_eq!(module_ids(&log), ["introduction", "case-planning"]);
}

#[test]
fn questions_show_their_wording_when_answered_and_their_state() {
    let log = json(&["case-assessing", "case-planning"]);
    let modules = log["courses"][0]["modules"].as_array().unwrap();
    let states: Vec<(&str, &str)> = modules
        .iter()
        .flat_map(|module| module["questions"].as_array().unwrap())
        .map(|question| (question["id"].as_str().unwrap(), question["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states,
        [
            ("stood-out", "answered"),
            ("family", "skipped"),
            ("next", "not_answered"),
            ("voice", "answered"),
            ("wording", "answered"),
            ("removed", "answered"),
        ]
    );
    let planning = &modules[1]["questions"];
    assert_eq!(planning[1]["question"], "How could you make plans easier to read?");
    assert_eq!(planning[2]["in_module"], false);
    assert_eq!(modules[0]["questions"][1]["reflection"], Value::Null);
    assert_eq!(
        modules[0]["questions"][2]["question"],
        "What would you do next with Sam?"
    );
}

// HTML ---------------------------------------------------------------------

#[test]
fn html_escapes_all_user_text() {
    let html = String::from_utf8(log(Format::Html)).unwrap();
    assert!(html.contains("&lt;script&gt;alert(&quot;boo&quot;)&lt;/script&gt; &amp; &#39;single&#39; &quot;double&quot; &amp;amp; &amp;#38;"));
    assert!(html.contains("&lt;b&gt;tags&lt;/b&gt;"));
    assert!(html.contains("North &amp; East &lt;Youth Justice&gt; Team"));
    assert!(html.contains("Priya &quot;Pip&quot; Shah"));
    assert!(html.contains("Zoë O&#39;Brien-Nakamura"));
    assert!(!html.contains("<b>"));
    assert!(!html.to_ascii_lowercase().contains("<script"));
}

/// Every value of an attribute in an HTML text.
fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let start = at + needle.len();
            let end = html[start..].find('"').unwrap() + start;
            &html[start..end]
        })
        .collect()
}

#[test]
fn html_references_nothing_outside_itself() {
    let html = String::from_utf8(log(Format::Html)).unwrap();
    let lower = html.to_ascii_lowercase();
    for forbidden in [
        "<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(", " src=",
    ] {
        assert!(!lower.contains(forbidden), "the HTML log contains {forbidden:?}");
    }
    let links = attribute_values(&html, "href");
    assert!(!links.is_empty());
    for link in links {
        assert!(link.starts_with('#'), "a link leaves the page: {link}");
    }
    assert!(html.contains("default-src 'none'"), "no Content-Security-Policy");
    // The stylesheet is inline, with print rules.
    assert!(html.contains("<style>") && html.contains("@media print"));
    assert!(html.contains("<section class=\"supervisor\">"));
}

// JSON ---------------------------------------------------------------------

#[test]
fn json_follows_its_documented_schema() {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string("assets/log-schema.json").unwrap()).unwrap();
    for line in [&[][..], &["--since", "2026-11-01"][..]] {
        let log = json(line);
        common::schema::check(&log, &schema, "log");
    }
    // The fields come in the schema's order, the digest last.
    let text = export_stdout(&["--format", "json"]).out_text();
    let required = schema["required"].as_array().unwrap();
    let positions: Vec<usize> = required
        .iter()
        .map(|name| text.find(&format!("\n  \"{}\":", name.as_str().unwrap())).unwrap())
        .collect();
    assert!(positions.windows(2).all(|pair| pair[0] < pair[1]), "{positions:?}");
    let log = json(&[]);
    assert_eq!(log["format"], "casebook-log");
    assert_eq!(
        log["format_version"], 2,
        "2 since a review's verified means a trusted key (issue 21)"
    );
    assert_eq!(log["exported"], "2026-11-23T14:05:00Z");
    assert_eq!(log["summary"]["active_seconds"], 170 + 2712 + 1830);
    assert_eq!(log["summary"]["action_points"].as_array().unwrap().len(), 1);
    assert_eq!(log["learner"]["team"], "North & East <Youth Justice> Team");
    assert_eq!(log["supervisor"]["name"], "Priya \"Pip\" Shah");
    let digest = log["digest"].as_str().unwrap();
    assert!(digest.starts_with("sha256:") && digest.len() == 71, "{digest}");
}

#[test]
fn json_round_trips_every_reflection_byte_for_byte() {
    let library = library();
    let store = store(&library);
    let log = json(&[]);
    let mut compared = 0;
    for module in log["courses"][0]["modules"].as_array().unwrap() {
        let journal: ModuleJournal = store
            .load_module(COURSE, module["id"].as_str().unwrap())
            .unwrap()
            .unwrap();
        for question in module["questions"].as_array().unwrap() {
            if let Some(text) = question["reflection"].as_str() {
                let written = &journal.reflections[question["id"].as_str().unwrap()].text;
                assert_eq!(text.as_bytes(), written.as_bytes());
                compared += 1;
            }
        }
        if let Some(point) = module["action_point"]["text"].as_str() {
            assert_eq!(point, journal.action_point.as_ref().unwrap().text);
            compared += 1;
        }
    }
    assert_eq!(compared, 5);
}

// Markdown and plain text -------------------------------------------------

/// The text of a rendered HTML fragment, tags removed and entities read.
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn markdown_renders_user_text_as_written() {
    let markdown = String::from_utf8(log(Format::Markdown)).unwrap();
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    options.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    options.insert(pulldown_cmark::Options::ENABLE_TASKLISTS);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(&markdown, options));
    // No structure came from the learner's text.
    let html_without_digest = html.replace("<code>sha256:", "");
    for tag in [
        "<table",
        "<del",
        "<code>",
        "<blockquote",
        "<pre",
        "<b>",
        "<script",
        "<em>stars",
        "<em>underscores",
        "<a ",
    ] {
        assert!(
            !html_without_digest.contains(tag),
            "the learner's text made {tag:?}:\n{html}"
        );
    }
    // Only casebook's own numbered lists (modules and action points).
    assert_eq!(html.matches("<ol>").count(), 2, "{html}");
    let headings = html.matches("<h1").count();
    assert_eq!(headings, 1, "one title only");
    // Each line of the markup-like reflection shows as written.
    let text = html_text(&html);
    for line in [
        "# Not a heading",
        "---",
        "| not | a table |",
        "1. Not a list",
        "- not a bullet",
        "> not a quote",
        "Some *stars*, _underscores_, snake_case, `backticks`, [a link](https://example.org) and <b>tags</b>.",
        "<script>alert(\"boo\")</script> & 'single' \"double\" &amp; &#38; ~~struck~~",
        "\u{a0}\u{a0}\u{a0}\u{a0}indented four spaces",
        "C:\\Users\\me\\ ends with a backslash\\",
        "naïve, café, 学习 (learning), and a smile 🙂 — all kept.",
        "North & East <Youth Justice> Team",
    ] {
        assert!(text.contains(line), "{line:?} does not render as written:\n{text}");
    }
    // Line breaks within a paragraph are kept as breaks.
    assert!(
        html.contains(
            "Thinking about it, the family&#39;s view would have changed my first assessment of a boy last year.<br />"
        ) || html.contains("last year.<br />"),
        "{html}"
    );
}

#[test]
fn plain_text_is_wrapped_at_78_columns() {
    let text = String::from_utf8(log(Format::Text)).unwrap();
    for line in text.lines() {
        let width = textwrap::core::display_width(line);
        let one_word = !line.trim().contains(' ');
        assert!(width <= 78 || one_word, "{width} columns: {line}");
    }
    assert!(text.contains("naïve, café, 学习 (learning)"));
    assert!(text.contains("<script>alert(\"boo\")</script>"));
}

// Date filters and module selection ---------------------------------------

#[test]
fn since_and_until_select_modules_studied_in_the_period() {
    assert_eq!(
        module_ids(&json(&["--since", "2026-11-01"])),
        ["introduction", "case-assessing"]
    );
    assert_eq!(module_ids(&json(&["--until", "2026-10-31"])), ["case-planning"]);
    // Inclusive at both ends.
    assert_eq!(
        module_ids(&json(&["--since", "2026-10-05", "--until", "2026-10-05"])),
        ["case-planning"]
    );
    let log = json(&["--since", "2026-11-21"]);
    assert_eq!(module_ids(&log), ["case-assessing"]);
    assert_eq!(log["period"]["from"], "2026-11-21");
    assert_eq!(log["period"]["to"], "2026-11-23");
    assert_eq!(log["summary"]["active_seconds_in_period"], 1212);
    assert_eq!(log["summary"]["active_seconds"], 2712);
    let text = export_stdout(&["--since", "2026-11-21"]).out_text();
    assert!(
        text.contains("- **Active time (CPD):** 20 minutes in the period (45 minutes in all, in these modules)"),
        "{text}"
    );
    assert!(
        text.contains("- **Active time:** 45 minutes (20 minutes in the period)"),
        "{text}"
    );
}

#[test]
fn nothing_in_the_period_is_a_clear_failure() {
    let run = export_stdout(&["--since", "2026-11-21", "--until", "2026-11-22"]);
    assert_eq!(run.code, 1);
    assert!(run.out.is_empty());
    assert_eq!(
        run.err,
        "Nothing to export: no module was studied between 21 November 2026 and 22 November 2026.\n"
    );
    let run = export_stdout(&["--since", "2026-11-23", "--until", "2026-11-01"]);
    assert_eq!(run.code, 2);
    assert!(run.err.contains("is after --until"), "{}", run.err);
}

#[test]
fn bad_dates_are_refused_with_an_example() {
    let error = ExportCommand::try_parse_from(["export", "--since", "23/11/2026"])
        .err()
        .unwrap()
        .to_string();
    assert!(
        error.contains("write it as YYYY-MM-DD, for example 2026-11-23"),
        "{error}"
    );
    assert!(ExportCommand::try_parse_from(["export", "--until", "2026-02-30"]).is_err());
}

#[test]
fn modules_can_be_named_by_id_or_course_and_id() {
    assert_eq!(
        module_ids(&json(&["export-fixture/case-assessing"])),
        ["case-assessing"]
    );
    let run = export_stdout(&["no-such-module"]);
    assert_eq!(run.code, 1);
    assert!(run.err.contains("There is no module \"no-such-module\""), "{}", run.err);
}

#[test]
fn named_modules_not_studied_are_left_out_with_a_note() {
    let run = export_stdout(&["case-assessing", "case-reviewing", "case-implementing"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.err,
        "Left out case-reviewing: not studied yet.\nLeft out case-implementing: not studied yet.\n"
    );
    let run = export_stdout(&["case-reviewing"]);
    assert_eq!(run.code, 1);
    assert!(
        run.err
            .ends_with("Nothing to export: none of the modules named has been studied yet.\n")
    );
    let run = export_stdout(&["case-planning", "--since", "2026-11-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.err
            .starts_with("Left out case-planning: not studied in the period.\n")
    );
}

#[test]
fn a_learner_who_has_studied_nothing_is_told_so() {
    let folder = tempfile::tempdir().unwrap();
    let run = run_in(folder.path(), &[], &MemoryStore::default());
    assert_eq!(run.code, 1);
    assert_eq!(
        run.err,
        "Nothing to export: you have not studied any module yet. Run \"casebook\" to start one.\n"
    );
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
}

#[test]
fn a_log_without_a_profile_says_so() {
    let library = library();
    let mut store = store(&library);
    store.profile = None;
    let folder = tempfile::tempdir().unwrap();
    let run = run_in(folder.path(), &["--format", "txt", "-o", "-"], &store);
    assert_eq!(run.code, 0);
    let text = run.out_text();
    let learner = text.lines().find(|line| line.starts_with("Learner:")).unwrap();
    assert_eq!(
        learner.split_whitespace().collect::<Vec<_>>(),
        ["Learner:", "not", "given"]
    );
}

// Destinations -------------------------------------------------------------

#[test]
fn the_default_destination_is_a_dated_file_in_the_current_folder() {
    let library = library();
    let store = store(&library);
    let folder = tempfile::tempdir().unwrap();
    let run = run_in(folder.path(), &["--format", "html"], &store);
    assert_eq!(run.code, 0, "{}", run.err);
    let path = folder.path().join("casebook-log-2026-11-23.html");
    assert_eq!(
        run.out_text(),
        format!("Wrote a reflective log of 3 modules (HTML) to {}\n", path.display())
    );
    assert_eq!(std::fs::read(&path).unwrap(), log(Format::Html));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a log is private to its owner");
    }
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let library = library();
    let store = store(&library);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("casebook-log-2026-11-23.md");
    std::fs::write(&path, "my notes").unwrap();
    let run = run_in(folder.path(), &[], &store);
    assert_eq!(run.code, 3);
    assert_eq!(
        run.err,
        format!(
            "{} already exists, and casebook never overwrites a file. Choose another name with -o FILE.\n",
            path.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my notes");
    let explicit = folder.path().join("mine.md");
    std::fs::write(&explicit, "mine").unwrap();
    let run = run_in(folder.path(), &["-o", explicit.to_str().unwrap()], &store);
    assert_eq!(run.code, 3);
    assert!(run.err.contains(&explicit.display().to_string()));
    assert_eq!(std::fs::read_to_string(&explicit).unwrap(), "mine");
}

fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_unwritable_destination_fails_clearly_and_leaves_nothing() {
    let library = library();
    let store = store(&library);
    let folder = tempfile::tempdir().unwrap();
    // A "folder" that is a file cannot hold the log, even for root.
    std::fs::write(folder.path().join("a-file"), "").unwrap();
    let target = folder.path().join("a-file").join("log.md");
    let run = run_in(folder.path(), &["-o", target.to_str().unwrap()], &store);
    assert_eq!(run.code, 3);
    assert!(run.err.starts_with("Cannot write the log to "), "{}", run.err);
    assert!(run.err.contains("Nothing was written"), "{}", run.err);
    assert!(run.err.ends_with("Choose another place with -o FILE.\n"), "{}", run.err);
    assert_eq!(files_in(folder.path()), ["a-file"]);

    let missing = folder.path().join("no-such-folder").join("log.md");
    let run = run_in(folder.path(), &["-o", missing.to_str().unwrap()], &store);
    assert_eq!(run.code, 3);
    assert!(run.err.contains("does not exist"), "{}", run.err);
    assert_eq!(files_in(folder.path()), ["a-file"]);
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_leaves_no_partial_file() {
    use std::os::unix::fs::PermissionsExt;
    let library = library();
    let store = store(&library);
    let folder = tempfile::tempdir().unwrap();
    let locked = folder.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).unwrap();
    let probe = locked.join("probe");
    if std::fs::write(&probe, "").is_ok() {
        // Running as root: permissions do not stop us, so nothing to test.
        std::fs::remove_file(&probe).unwrap();
        return;
    }
    let run = run_in(&locked, &[], &store);
    assert_eq!(run.code, 3, "{}", run.err);
    assert!(files_in(&locked).is_empty());
}

#[test]
fn export_to_path_writes_a_new_file_and_returns_its_full_path() {
    let library = library();
    let store = store(&library);
    let course = &library.courses[0];
    let journals: Vec<_> = course
        .modules
        .iter()
        .filter_map(|module| {
            store
                .load_module(COURSE, &module.id)
                .unwrap()
                .map(|journal| (module, journal))
        })
        .collect();
    let selected: Vec<export::Selected<'_>> = journals
        .iter()
        .map(|(module, journal)| (course, *module, journal))
        .collect();
    let folder = tempfile::tempdir().unwrap();
    let path = folder
        .path()
        .join(export::default_file_name(Format::Json, export::export_date(now())));
    let written = export::export_to_path(&selected, store.profile.as_ref(), Format::Json, &path, now(), None).unwrap();
    assert_eq!(written, path);
    assert!(written.is_absolute());
    let value: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(module_ids(&value), ["introduction", "case-assessing", "case-planning"]);
    assert_eq!(value["casebook_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        export::export_to_path(&selected, None, Format::Json, &path, now(), None),
        Err(ExportError::AlreadyExists(path.clone()))
    );
    assert_eq!(
        export::export_to_path(
            &selected[..0],
            None,
            Format::Text,
            &folder.path().join("x.txt"),
            now(),
            None
        ),
        Err(ExportError::NothingToExport)
    );
    assert_eq!(files_in(folder.path()), ["casebook-log-2026-11-23.json"]);
}

#[test]
fn default_file_names_carry_the_date_and_extension() {
    let date = "2026-11-23".parse().unwrap();
    assert_eq!(
        export::default_file_name(Format::Markdown, date),
        "casebook-log-2026-11-23.md"
    );
    assert_eq!(
        export::default_file_name(Format::Html, date),
        "casebook-log-2026-11-23.html"
    );
    assert_eq!(
        export::default_file_name(Format::Json, date),
        "casebook-log-2026-11-23.json"
    );
    assert_eq!(
        export::default_file_name(Format::Text, date),
        "casebook-log-2026-11-23.txt"
    );
}

// verify -------------------------------------------------------------------

fn verify_file(path: &Path) -> (u8, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = verify_command(
        &VerifyArgs {
            file: path.to_path_buf(),
            allowed_signers: None,
            log: None,
        },
        &mut out,
        &mut err,
    );
    (code, String::from_utf8(out).unwrap() + &String::from_utf8(err).unwrap())
}

#[test]
fn verify_passes_on_an_untouched_log_of_each_format() {
    let folder = tempfile::tempdir().unwrap();
    for format in Format::ALL {
        let path = folder.path().join(format!("log.{}", format.extension()));
        std::fs::write(&path, log(format)).unwrap();
        let (code, said) = verify_file(&path);
        assert_eq!(code, 0, "{format:?}: {said}");
        assert_eq!(
            said,
            format!(
                "{}: unchanged since it was exported (its SHA-256 digest matches).\n\
                 (A digest catches accidental or casual changes, not a determined forger: anyone who edits the file \
                 can recompute it. Nor does it show who exported the log.)\n",
                path.display()
            )
        );
    }
}

#[test]
fn verify_fails_after_a_one_character_change_anywhere() {
    let folder = tempfile::tempdir().unwrap();
    for format in Format::ALL {
        let bytes = log(format);
        let text = String::from_utf8(bytes.clone()).unwrap();
        // A word of a reflection, the header, the supervisor's section and
        // the very last character.
        let targets = [
            text.find("mum before").unwrap() + 1,
            text.find("Case manager").unwrap(),
            text.rfind("Pip").unwrap(),
            text.len() - 1,
        ];
        for at in targets {
            let mut changed = bytes.clone();
            changed[at] = if changed[at] == b'x' { b'y' } else { b'x' };
            let path = folder.path().join(format!("changed.{}", format.extension()));
            std::fs::write(&path, &changed).unwrap();
            let (code, said) = verify_file(&path);
            assert_eq!(code, 1, "{format:?} at {at}: {said}");
            assert_eq!(
                said,
                format!(
                    "{}: the log has been changed since it was exported (its SHA-256 digest does not match).\n",
                    path.display()
                )
            );
        }
    }
}

#[test]
fn verify_accepts_windows_line_endings_but_not_a_changed_digest() {
    let text = String::from_utf8(log(Format::Text)).unwrap();
    assert!(matches!(
        export::verify(text.replace('\n', "\r\n").as_bytes()),
        Verification::Matches { .. }
    ));
    let at = text.rfind("sha256:").unwrap() + "sha256:".len();
    let mut changed = text.into_bytes();
    changed[at] = if changed[at] == b'0' { b'1' } else { b'0' };
    assert!(matches!(export::verify(&changed), Verification::Differs { .. }));
}

#[test]
fn verify_says_plainly_when_there_is_no_digest_or_no_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("notes.md");
    std::fs::write(&path, "# My notes\n").unwrap();
    let (code, said) = verify_file(&path);
    assert_eq!(code, 1);
    assert!(said.contains("this is not a log exported by casebook"), "{said}");
    let (code, said) = verify_file(&folder.path().join("missing.md"));
    assert_eq!(code, 3);
    assert!(said.starts_with("Cannot read "), "{said}");
}

#[test]
fn the_export_time_is_kept_to_the_second() {
    let library = library();
    let store = store(&library);
    let folder = tempfile::tempdir().unwrap();
    let options = Options {
        casebook_version: "0.0.0-test".to_owned(),
        ..Options::new("2026-11-23T14:05:00.987654321Z".parse().unwrap())
    };
    let mut out = Vec::new();
    let mut err = Vec::new();
    let line = args(&["--format", "json", "-o", "-"]);
    let code = export_command(&line, &library, &store, &options, folder.path(), &mut out, &mut err);
    assert_eq!(code, 0);
    let log: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(log["exported"], "2026-11-23T14:05:00Z");
}

/// The export's arguments live beside casebook's global flags (such as
/// `--modules DIR`) without clashing.
#[test]
fn the_export_and_verify_commands_parse_within_casebook() {
    use casebook::commands::cli::{Cli, Command};
    let cli = Cli::try_parse_from([
        "casebook",
        "--modules",
        "extra",
        "export",
        "case-planning",
        "introduction",
        "--format",
        "html",
        "--since",
        "2026-11-01",
        "-o",
        "-",
    ])
    .unwrap();
    assert_eq!(cli.modules, [PathBuf::from("extra")]);
    let Some(Command::Export(args)) = cli.command else {
        panic!("not an export");
    };
    assert_eq!(args.modules, ["case-planning", "introduction"]);
    assert_eq!(args.format, Format::Html);
    assert_eq!(args.output, Some(PathBuf::from("-")));
    let cli = Cli::try_parse_from(["casebook", "verify", "log.md"]).unwrap();
    let Some(Command::Verify(args)) = cli.command else {
        panic!("not a verify");
    };
    assert_eq!(args.file, PathBuf::from("log.md"));
}

/// `--copy`: one export writes the log and a printable copy beside it,
/// under one log id, recorded once; both or neither.
#[test]
fn copy_writes_a_printable_copy_beside_the_log_under_the_same_log_id_recorded_once() {
    let library = library();
    let memory = store(&library);
    let data = tempfile::tempdir().unwrap();
    let mut files = FileStore::new(DataPaths::at(data.path()));
    for course in &library.courses {
        for module in &course.modules {
            if let Some(journal) = memory.load_module(&course.id, &module.id).unwrap() {
                files.save_module(&journal).unwrap();
            }
        }
    }
    let folder = tempfile::tempdir().unwrap();
    let run = run_in(
        folder.path(),
        &["--format", "json", "--copy", "html", "--checked"],
        &files,
    );
    assert_eq!(run.code, 0, "{}", run.err);
    let json_path = folder.path().join("casebook-log-2026-11-23.json");
    let html_path = folder.path().join("casebook-log-2026-11-23.html");
    let said = run.out_text();
    assert!(
        said.contains(&json_path.display().to_string()) && said.contains(&html_path.display().to_string()),
        "{said}"
    );
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    let log_id = json["log_id"].as_str().unwrap();
    assert!(std::fs::read_to_string(&html_path).unwrap().contains(log_id));
    let records = casebook::export::records::load(&DataPaths::at(data.path())).unwrap();
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0].formats(), "json + html");
    let html_digest = match casebook::export::verify(&std::fs::read(&html_path).unwrap()) {
        casebook::export::Verification::Matches { digest } => digest,
        other => panic!("{other:?}"),
    };
    assert!(records[0].wrote(&html_digest), "the copy's digest is recorded with it");

    // Again: the log's name is taken, so nothing at all is written.
    let again = run_in(
        folder.path(),
        &["--format", "json", "--copy", "txt", "--checked"],
        &files,
    );
    assert_eq!(again.code, 3, "{}", again.err);
    assert!(!folder.path().join("casebook-log-2026-11-23.txt").exists());

    // A copy in the log's own format, or a copy to standard output, is a
    // mistake said before anything is done.
    let same = run_in(folder.path(), &["--format", "json", "--copy", "json"], &files);
    assert_eq!(same.code, 2, "{}", same.err);
    assert!(same.err.contains("--copy json"), "{}", same.err);
    let piped = run_in(folder.path(), &["--copy", "html", "-o", "-"], &files);
    assert_eq!(piped.code, 2, "{}", piped.err);
    assert!(piped.out.is_empty());
    assert_eq!(
        casebook::export::records::load(&DataPaths::at(data.path()))
            .unwrap()
            .len(),
        1
    );
}
