//! The supervision round trip through the real binary, with two data
//! folders: the learner's and the reviewer's. Tests that need `ssh-keygen`
//! say so and are skipped where it is missing (`.ci/run` installs it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const FIRST: &str = "First reflection,\nover two lines.";
const SECOND: &str = "Second one.";
const FIRST_COMMENT: &str = "Good start: say who else\nyou would involve.";
const SECOND_COMMENT: &str = "Could you say more?";

/// Runs casebook on a data folder, in a working folder, with input piped.
fn casebook(data: &Path, folder: &Path, args: &[&str], input: &str, env: &[(&str, &str)]) -> Output {
    env.iter()
        .fold(
            common::Launch::new(data, args)
                .in_folder(folder)
                .without("CASEBOOK_KEY_PASSPHRASE")
                .input(input),
            |launch, (name, value)| launch.env(name, value),
        )
        .run()
}

fn out(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn err(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Whether ssh-keygen is here; when not, says plainly that the test is skipped.
fn ssh_keygen_available(what: &str) -> bool {
    let found = Command::new("ssh-keygen")
        .arg("-?")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        common::skipped_without(
            "ssh-keygen",
            &format!("ssh-keygen is not installed, so {what} cannot run (.ci/run installs openssh-client)"),
        );
    }
    found
}

/// A fresh ed25519 key pair in `folder`: (private key, public key line).
fn new_key(folder: &Path, name: &str, passphrase: &str) -> (PathBuf, String) {
    let key = folder.join(name);
    let status = Command::new("ssh-keygen")
        .args([
            "-q",
            "-t",
            "ed25519",
            "-N",
            passphrase,
            "-C",
            &format!("{name}@example.org"),
            "-f",
        ])
        .arg(&key)
        .status()
        .unwrap();
    assert!(status.success());
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    (key, public.trim().to_owned())
}

fn private_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    folder
}

/// A learner who has answered both questions of one module, a reviewer,
/// and a folder where files are passed between them.
struct Trip {
    learner: tempfile::TempDir,
    reviewer: tempfile::TempDir,
    desk: tempfile::TempDir,
}

impl Trip {
    fn new() -> Trip {
        let trip = Trip {
            learner: private_folder(),
            reviewer: private_folder(),
            desk: tempfile::tempdir().unwrap(),
        };
        trip.answer(&format!("{FIRST}\n.\n{SECOND}\n.\n.\n"));
        trip
    }

    fn answer(&self, input: &str) {
        let output = self.learner_runs(&["read", "desistance-assessing", "--plain"], input);
        assert!(output.status.success(), "{}", err(&output));
    }

    fn learner_runs(&self, args: &[&str], input: &str) -> Output {
        casebook(self.learner.path(), self.desk.path(), args, input, &[])
    }

    fn reviewer_runs(&self, args: &[&str], input: &str, env: &[(&str, &str)]) -> Output {
        casebook(self.reviewer.path(), self.desk.path(), args, input, env)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.desk.path().join(name)
    }

    /// The learner exports a log; returns its path.
    fn export(&self, name: &str, format: &str) -> PathBuf {
        let output = self.learner_runs(&["export", "--format", format, "-o", name], "");
        assert!(output.status.success(), "{}", err(&output));
        self.path(name)
    }

    /// The reviewer's answers: name and role (asked once), a comment on each
    /// reflection, overall comments, agreed actions, next review date.
    fn review_input(&self) -> String {
        format!(
            "Alex Reviewer\nPractice supervisor\n{FIRST_COMMENT}\n.\n{SECOND_COMMENT}\n.\n\
             Thoughtful work overall.\n.\nRead the desistance chapter again.\n.\n2026-12-29\n"
        )
    }

    fn review(&self, log: &str, extra: &[&str], env: &[(&str, &str)]) -> Output {
        let mut args = vec!["review", log, "--plain"];
        args.extend_from_slice(extra);
        self.reviewer_runs(&args, &self.review_input(), env)
    }

    fn journal_bytes(&self) -> Vec<u8> {
        std::fs::read(
            self.learner
                .path()
                .join("journal/hmip-youth-2021/desistance-assessing.ron"),
        )
        .unwrap()
    }

    fn import(&self, review: &str, extra: &[&str]) -> Output {
        let mut args = vec!["import-review", review];
        args.extend_from_slice(extra);
        self.learner_runs(&args, "")
    }

    fn json_log(&self, name: &str) -> Value {
        let path = self.export(name, "json");
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
    }
}

fn questions(log: &Value) -> Vec<Value> {
    log["courses"][0]["modules"][0]["questions"].as_array().unwrap().clone()
}

fn ssh_keygen(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new("ssh-keygen")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// `ssh-keygen -Y sign` of the file at `path` with `key`, for `namespace`.
fn ssh_keygen_sign(key: &Path, path: &Path, namespace: &str) -> Output {
    Command::new("ssh-keygen")
        .args(["-Y", "sign", "-n", namespace, "-f"])
        .arg(key)
        .arg(path)
        .output()
        .unwrap()
}

/// `ssh-keygen -Y verify` of `signed` (its signature in `signature`) for
/// `identity` in the `casebook-review` namespace.
fn ssh_keygen_verify(allowed: &Path, identity: &str, signature: &Path, signed: &[u8]) -> Output {
    ssh_keygen(
        &[
            "-Y",
            "verify",
            "-f",
            allowed.to_str().unwrap(),
            "-I",
            identity,
            "-n",
            "casebook-review",
            "-s",
            signature.to_str().unwrap(),
        ],
        signed,
    )
}

/// Refused, with the journal exactly as it was and nothing kept.
fn assert_refused(trip: &Trip, output: &Output, journal_before: &[u8], reason: &str) {
    assert_eq!(output.status.code(), Some(1), "{}{}", out(output), err(output));
    assert!(err(output).contains(reason), "expected {reason:?} in: {}", err(output));
    assert!(err(output).contains("Nothing was changed"), "{}", err(output));
    assert_eq!(trip.journal_bytes(), journal_before, "the journal must not change");
    assert!(
        !trip.learner.path().join("reviews").exists()
            || std::fs::read_dir(trip.learner.path().join("reviews"))
                .unwrap()
                .next()
                .is_none(),
        "nothing kept"
    );
}

/// The whole loop: answer, export JSON, review in plain mode signed with a
/// fresh key, `ssh-keygen -Y verify` accepts it, import, export again and
/// find each comment under its reflection, in every format.
#[test]
fn a_signed_review_goes_round_and_each_comment_lands_under_its_reflection() {
    if !ssh_keygen_available("the signed round trip") {
        return;
    }
    let trip = Trip::new();
    trip.export("log.json", "json");
    let (key, public) = new_key(trip.desk.path(), "alex", "");

    let output = trip.review("log.json", &["--sign-with", key.to_str().unwrap()], &[]);
    assert!(output.status.success(), "{}", err(&output));
    let said = out(&output);
    // What the supervisor sees, in order.
    let order = [
        "Reviewing log ",
        "2 reflections in 1 module",
        "Your name",
        "Your role",
        "End each answer with a line holding only \".\"",
        "Reflection 1 of 2",
        "    First reflection,\n    over two lines.",
        "Your comment:",
        "Reflection 2 of 2",
        "Overall comments:",
        "Agreed actions:",
        "Next review date",
        "Wrote the review (2 comments) to ",
        "Signed it with key SHA256:",
        "casebook import-review ",
    ];
    let mut from = 0;
    for step in order {
        let at = said[from..]
            .find(step)
            .unwrap_or_else(|| panic!("{step:?} not after byte {from} in:\n{said}"));
        from += at + step.len();
    }

    // The review file: private, never overwritten, following its schema.
    let review_path = trip.path("log.review.json");
    let signature_path = trip.path("log.review.json.sig");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&review_path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let review_bytes = std::fs::read(&review_path).unwrap();
    let review: Value = serde_json::from_slice(&review_bytes).unwrap();
    let schema: Value = serde_json::from_str(&std::fs::read_to_string("assets/review-schema.json").unwrap()).unwrap();
    common::schema::check(&review, &schema, "review");
    assert_eq!(review["reviewer"]["name"], "Alex Reviewer");
    assert_eq!(review["reviewer"]["kind"], "supervisor");
    assert_eq!(review["comments"][0]["question"], "stood-out");
    assert_eq!(review["comments"][0]["comment"], FIRST_COMMENT);
    assert_eq!(review["next_review"], "2026-12-29");

    // ssh-keygen accepts casebook's signature.
    let allowed = trip.path("allowed_signers");
    std::fs::write(&allowed, format!("alex@example.org {public}\n")).unwrap();
    let verified = ssh_keygen_verify(&allowed, "alex@example.org", &signature_path, &review_bytes);
    assert!(verified.status.success(), "{}", err(&verified));

    // casebook verify: the signature, its signer, and the log beside it.
    let output = trip.learner_runs(
        &["verify", "log.review.json", "--allowed-signers", "allowed_signers"],
        "",
    );
    assert!(output.status.success(), "{}", err(&output));
    assert!(out(&output).contains("allows for alex@example.org"), "{}", out(&output));
    assert!(out(&output).contains("It is a review of log.json"), "{}", out(&output));

    // A second review to the same file is refused before anything is asked.
    let again = trip.review("log.json", &[], &[]);
    assert_eq!(again.status.code(), Some(3));
    assert!(err(&again).contains("never overwrites"), "{}", err(&again));
    assert_eq!(std::fs::read(&review_path).unwrap(), review_bytes);

    // The learner imports it.
    let output = trip.import("log.review.json", &[]);
    assert!(output.status.success(), "{}", err(&output));
    assert!(
        out(&output).contains("Imported the review by Alex Reviewer"),
        "{}",
        out(&output)
    );
    assert!(out(&output).contains("SHA256:"), "{}", out(&output));
    // A key the learner never trusted proves nothing about who signed (issue 21, finding 3).
    assert!(
        out(&output).contains("Signed by a key you have not trusted"),
        "{}",
        out(&output)
    );
    assert!(!out(&output).contains("Verified"), "{}", out(&output));
    let untrusted = trip.json_log("untrusted.json");
    let signature = &untrusted["reviews"][0]["signature"];
    assert_eq!(signature["verified"], false, "{signature}");
    assert_eq!(signature["status"], "untrusted", "{signature}");
    for format in ["md", "txt", "html"] {
        let text = std::fs::read_to_string(trip.export(&format!("untrusted.{format}"), format)).unwrap();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("signed by a key the learner has not trusted"), "{format}");
        assert!(!text.contains("verified"), "{format}: {text}");
    }

    // The learner trusts Alex's key, in one command: now it is verified.
    let alex_pub = key.with_extension("pub");
    let trusted = trip.learner_runs(&["trust", alex_pub.to_str().unwrap(), "--name", "Alex Reviewer"], "");
    assert!(trusted.status.success(), "{}", err(&trusted));
    assert!(out(&trusted).contains("You now trust this key for reviews signed by Alex Reviewer"));
    let listed = trip.learner_runs(&["trust", "--list"], "");
    assert!(out(&listed).contains("Alex Reviewer  SHA256:"), "{}", out(&listed));
    // In ssh-keygen's own format: ssh-keygen accepts the review against it.
    let kept = trip.learner.path().join("trusted_signers");
    let by_ssh_keygen = ssh_keygen_verify(&kept, "Alex Reviewer", &signature_path, &review_bytes);
    assert!(by_ssh_keygen.status.success(), "{}", err(&by_ssh_keygen));

    // list: reviewed by NAME on DATE.
    let list = out(&trip.learner_runs(&["list"], ""));
    let row = list.lines().find(|line| line.contains("desistance-assessing")).unwrap();
    assert!(row.contains("reviewed by Alex Reviewer on "), "{row}");

    // The next log: each comment under its own reflection.
    let log = trip.json_log("after.json");
    let questions = questions(&log);
    assert_eq!(questions[0]["reflection"], FIRST);
    assert_eq!(questions[0]["review_comments"][0]["comment"], FIRST_COMMENT);
    assert_eq!(questions[0]["review_comments"][0]["reviewer"], "Alex Reviewer");
    assert_eq!(questions[1]["review_comments"][0]["comment"], SECOND_COMMENT);
    assert!(questions[0].get("edited_after_review").is_none(), "not edited");
    let reviews = log["reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0]["overall_comments"], "Thoughtful work overall.");
    assert_eq!(reviews[0]["agreed_actions"], "Read the desistance chapter again.");
    assert_eq!(reviews[0]["role"], "Practice supervisor");
    assert_eq!(reviews[0]["signature"]["verified"], true);
    assert_eq!(reviews[0]["signature"]["status"], "trusted");
    let fingerprint = reviews[0]["signature"]["key_fingerprint"].as_str().unwrap();
    assert!(fingerprint.starts_with("SHA256:"), "{fingerprint}");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string("assets/log-schema.json").unwrap()).unwrap();
    common::schema::check(&log, &schema, "log");

    for (name, format) in [("after.md", "md"), ("after.txt", "txt"), ("after.html", "html")] {
        let text = std::fs::read_to_string(trip.export(name, format)).unwrap();
        let first = text.find("First reflection,").unwrap();
        let first_comment = text.find("Good start: say who else").unwrap();
        let second = text.find("Second one.").unwrap();
        let second_comment = text.find("Could you say more?").unwrap();
        assert!(
            first < first_comment && first_comment < second && second < second_comment,
            "{format}: each comment under its reflection"
        );
        assert!(text.contains("Thoughtful work overall."), "{format}");
        assert!(text.contains(fingerprint), "{format}: the key's fingerprint");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("verified: signed with the key the learner trusts for Alex Reviewer"),
            "{format}"
        );
        // The log still verifies.
        let verify = trip.learner_runs(&["verify", name], "");
        assert!(verify.status.success(), "{format}: {}", out(&verify));
    }
}

/// The reviewer's name and role are asked once and kept in their profile;
/// the learner's exports are listed, without their text.
#[test]
fn the_reviewer_is_asked_their_name_once_and_exports_are_listed_without_text() {
    let trip = Trip::new();
    trip.export("log.json", "json");
    let output = trip.review("log.json", &[], &[]);
    assert!(output.status.success(), "{}", err(&output));
    let profile = std::fs::read_to_string(trip.reviewer.path().join("profile.ron")).unwrap();
    assert!(
        profile.contains("Alex Reviewer") && profile.contains("Practice supervisor"),
        "{profile}"
    );

    // The second time, the answers start with the first comment.
    let input = format!("{FIRST_COMMENT}\n.\n.\n.\n.\n.\n");
    let output = trip.reviewer_runs(&["review", "log.json", "--plain", "-o", "second.json"], &input, &[]);
    assert!(output.status.success(), "{}", err(&output));
    assert!(!out(&output).contains("Your name"), "{}", out(&output));
    let second: Value = serde_json::from_slice(&std::fs::read(trip.path("second.json")).unwrap()).unwrap();
    assert_eq!(
        second["comments"].as_array().unwrap().len(),
        1,
        "a \".\" alone leaves a comment empty"
    );
    assert_eq!(second["overall_comments"], Value::Null);
    assert_eq!(second["next_review"], Value::Null);

    let listed = trip.learner_runs(&["exports"], "");
    assert!(listed.status.success());
    let log: Value = serde_json::from_slice(&std::fs::read(trip.path("log.json")).unwrap()).unwrap();
    assert!(
        out(&listed).contains(log["log_id"].as_str().unwrap()),
        "{}",
        out(&listed)
    );
    assert!(
        out(&listed).contains(log["digest"].as_str().unwrap()),
        "{}",
        out(&listed)
    );
    assert!(
        out(&listed).contains("hmip-youth-2021/desistance-assessing"),
        "{}",
        out(&listed)
    );
    let record = std::fs::read_to_string(trip.learner.path().join("exports.ron")).unwrap();
    assert!(
        !record.contains("First reflection") && !record.contains("Second one"),
        "{record}"
    );
}

/// A review signed by `ssh-keygen -Y sign` itself is accepted.
#[test]
fn a_review_signed_by_ssh_keygen_is_accepted() {
    if !ssh_keygen_available("the ssh-keygen signature test") {
        return;
    }
    let trip = Trip::new();
    trip.export("log.json", "json");
    assert!(trip.review("log.json", &[], &[]).status.success());
    let (key, public) = new_key(trip.desk.path(), "sam", "");
    let signed = ssh_keygen_sign(&key, &trip.path("log.review.json"), "casebook-review");
    assert!(signed.status.success(), "{}", err(&signed));
    std::fs::write(trip.path("allowed"), format!("sam@example.org {public}\n")).unwrap();
    let output = trip.import("log.review.json", &["--allowed-signers", "allowed"]);
    assert!(output.status.success(), "{}", err(&output));
    assert!(out(&output).contains("allowed for sam@example.org"), "{}", out(&output));
}

/// One changed byte in a signed review: refused, nothing changes.
#[test]
fn a_changed_byte_in_a_signed_review_is_refused() {
    if !ssh_keygen_available("the changed-review test") {
        return;
    }
    let trip = Trip::new();
    trip.export("log.json", "json");
    let (key, _) = new_key(trip.desk.path(), "alex", "");
    assert!(
        trip.review("log.json", &["--sign-with", key.to_str().unwrap()], &[])
            .status
            .success()
    );
    let path = trip.path("log.review.json");
    let mut bytes = std::fs::read(&path).unwrap();
    let at = String::from_utf8_lossy(&bytes).find("Could you").unwrap();
    bytes[at] = b'W';
    std::fs::write(&path, &bytes).unwrap();
    let before = trip.journal_bytes();
    let output = trip.import("log.review.json", &[]);
    assert_refused(&trip, &output, &before, "was changed after it was signed");
    let verify = trip.learner_runs(&["verify", "log.review.json"], "");
    assert_eq!(verify.status.code(), Some(1), "{}", out(&verify));
}

/// A review of another learner's log: refused, nothing changes.
#[test]
fn a_review_of_another_learners_log_is_refused() {
    let trip = Trip::new();
    let other = Trip::new();
    other.answer("Someone else's words.\n.\n.\n.\n");
    let theirs = other.export("theirs.json", "json");
    std::fs::copy(&theirs, trip.path("theirs.json")).unwrap();
    assert!(trip.review("theirs.json", &[], &[]).status.success());
    let before = trip.journal_bytes();
    let output = trip.import("theirs.review.json", &[]);
    assert_refused(&trip, &output, &before, "not exported from this data folder");
}

/// A signature made for another purpose (`-n git`) is refused.
#[test]
fn a_signature_for_another_namespace_is_refused() {
    if !ssh_keygen_available("the namespace test") {
        return;
    }
    let trip = Trip::new();
    trip.export("log.json", "json");
    assert!(trip.review("log.json", &[], &[]).status.success());
    let (key, _) = new_key(trip.desk.path(), "alex", "");
    let signed = ssh_keygen_sign(&key, &trip.path("log.review.json"), "git");
    assert!(signed.status.success(), "{}", err(&signed));
    let before = trip.journal_bytes();
    let output = trip.import("log.review.json", &[]);
    assert_refused(&trip, &output, &before, "made for \"git\", not for a casebook review");
}

/// A key the allowed-signers file does not list is refused, by import and
/// by verify.
#[test]
fn an_unknown_key_is_refused() {
    if !ssh_keygen_available("the unknown-key test") {
        return;
    }
    let trip = Trip::new();
    trip.export("log.json", "json");
    let (key, _) = new_key(trip.desk.path(), "stranger", "");
    let (_, known) = new_key(trip.desk.path(), "alex", "");
    assert!(
        trip.review("log.json", &["--sign-with", key.to_str().unwrap()], &[])
            .status
            .success()
    );
    std::fs::write(
        trip.path("allowed"),
        format!("# the team's supervisors\nalex@example.org namespaces=\"casebook-review\" {known}\n"),
    )
    .unwrap();
    let before = trip.journal_bytes();
    let output = trip.import("log.review.json", &["--allowed-signers", "allowed"]);
    assert_refused(&trip, &output, &before, "does not allow to sign casebook reviews");
    let verify = trip.learner_runs(&["verify", "log.review.json", "--allowed-signers", "allowed"], "");
    assert_eq!(verify.status.code(), Some(1), "{}", out(&verify));
    assert!(out(&verify).contains("does not allow"), "{}", out(&verify));
}

/// `valid-after` and `valid-before` in an allowed-signers file limit when a
/// key may sign, as `ssh-keygen -Y verify` reads them: a retired key is
/// refused (ssh-keygen refuses it too), a current one accepted.
#[test]
fn a_key_outside_its_valid_dates_is_refused_as_ssh_keygen_refuses_it() {
    if !ssh_keygen_available("the valid-dates test") {
        return;
    }
    let trip = Trip::new();
    trip.export("log.json", "json");
    let (key, public) = new_key(trip.desk.path(), "alex", "");
    assert!(
        trip.review("log.json", &["--sign-with", key.to_str().unwrap()], &[])
            .status
            .success()
    );
    let review_bytes = std::fs::read(trip.path("log.review.json")).unwrap();
    let signature = trip.path("log.review.json.sig");
    let ssh_accepts = |allowed: &Path| {
        ssh_keygen_verify(allowed, "alex@example.org", &signature, &review_bytes)
            .status
            .success()
    };
    let retired = trip.path("retired");
    std::fs::write(
        &retired,
        format!("alex@example.org valid-after=\"20200101\",valid-before=\"20210101Z\" {public}\n"),
    )
    .unwrap();
    assert!(!ssh_accepts(&retired), "ssh-keygen refuses the retired key");
    let before = trip.journal_bytes();
    let output = trip.import("log.review.json", &["--allowed-signers", "retired"]);
    assert_refused(&trip, &output, &before, "only at other times");

    let current = trip.path("current");
    std::fs::write(
        &current,
        format!("alex@example.org valid-after=\"20200101Z\",valid-before=\"209912312359\" {public}\n"),
    )
    .unwrap();
    assert!(ssh_accepts(&current), "ssh-keygen accepts the current key");
    let output = trip.import("log.review.json", &["--allowed-signers", "current"]);
    assert!(output.status.success(), "{}", err(&output));

    let garbled = trip.path("garbled");
    // Unquoted, as ssh-keygen will not read it either.
    std::fs::write(&garbled, format!("alex@example.org valid-before=20991231 {public}\n")).unwrap();
    assert!(!ssh_accepts(&garbled), "ssh-keygen refuses the unquoted time");
    let output = trip.learner_runs(&["verify", "log.review.json", "--allowed-signers", "garbled"], "");
    assert_ne!(output.status.code(), Some(0));
    assert!(
        out(&output).contains("garbled:1:") || err(&output).contains("garbled:1:"),
        "says where: {}{}",
        out(&output),
        err(&output)
    );
}

/// A review whose log digest does not match the log exported is refused.
#[test]
fn a_review_of_a_changed_log_is_refused_on_both_sides() {
    let trip = Trip::new();
    let log = trip.export("log.json", "json");
    assert!(trip.review("log.json", &[], &[]).status.success());

    // The learner's side: the digest in the review is not the one exported.
    let path = trip.path("log.review.json");
    let mut review: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    review["log_digest"] = Value::String(format!("sha256:{}", "1".repeat(64)));
    std::fs::write(&path, serde_json::to_vec_pretty(&review).unwrap()).unwrap();
    let before = trip.journal_bytes();
    let output = trip.import("log.review.json", &[]);
    assert_refused(
        &trip,
        &output,
        &before,
        "it does not match the log you exported (the digests differ)",
    );

    // The reviewer's side: a log changed after export is not reviewed.
    let mut bytes = std::fs::read(&log).unwrap();
    let at = String::from_utf8_lossy(&bytes).find("Second one").unwrap();
    bytes[at] = b'Z';
    std::fs::write(trip.path("changed.json"), &bytes).unwrap();
    let output = trip.review("changed.json", &[], &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(err(&output).contains("digest does not match"), "{}", err(&output));
    assert!(!trip.path("changed.review.json").exists());
}

/// Editing a reflection after it was reviewed keeps the reviewed wording:
/// the next log shows both.
#[test]
fn an_edit_after_review_shows_both_wordings() {
    let trip = Trip::new();
    trip.export("log.json", "json");
    assert!(trip.review("log.json", &[], &[]).status.success());
    assert!(trip.import("log.review.json", &[]).status.success());
    trip.answer("Rewritten after supervision.\n.\n.\n.\n");

    let log = trip.json_log("after.json");
    let first = &questions(&log)[0];
    assert_eq!(first["reflection"], "Rewritten after supervision.");
    assert_eq!(first["edited_after_review"]["text"], FIRST);
    assert_eq!(first["edited_after_review"]["reviewer"], "Alex Reviewer");
    assert_eq!(first["edited_after_review"]["reviews"][0]["reviewer"], "Alex Reviewer");
    assert_eq!(first["review_comments"][0]["comment"], FIRST_COMMENT);
    assert!(
        questions(&log)[1].get("edited_after_review").is_none(),
        "the second was not edited"
    );

    let text = std::fs::read_to_string(trip.export("after.txt", "txt")).unwrap();
    let now = text.find("Rewritten after supervision.").unwrap();
    // Said as what the learner did, naming whose review (issue 21, finding 7).
    let note = text
        .find("The learner edited this after Alex Reviewer's review on")
        .unwrap();
    let old = text.find("| First reflection,").unwrap();
    assert!(now < note && note < old, "{text}");

    // Plain mode shows both wordings and the comment under the reflection.
    let read = trip.learner_runs(&["read", "desistance-assessing", "--plain"], ".\n.\n.\n");
    let said = out(&read);
    let now = said.find("Rewritten after supervision.").unwrap();
    let note = said
        .find("You edited this answer after Alex Reviewer's review on")
        .unwrap();
    let old = said[note..].find("First reflection,").unwrap() + note;
    let comment = said.find("Comment from Alex Reviewer (supervisor)").unwrap();
    assert!(now < note && note < old && old < comment, "{said}");
    assert!(said.contains(FIRST_COMMENT), "{said}");

    // The journal keeps it, in the current schema (4 added `reviewed`).
    let journal = String::from_utf8(trip.journal_bytes()).unwrap();
    let current = format!("schema: {}", casebook::journal::SCHEMA);
    assert!(journal.contains(&current), "{journal}");
    assert!(journal.contains("reviewed:"), "{journal}");
}

/// Plain mode ends a reviewed module with the review's overall comments,
/// agreed actions and next review date, after the comments under answers.
#[test]
fn plain_mode_prints_the_overall_comments_agreed_actions_and_next_date() {
    let trip = Trip::new();
    trip.export("log.json", "json");
    assert!(trip.review("log.json", &[], &[]).status.success());
    assert!(trip.import("log.review.json", &[]).status.success());
    let read = trip.learner_runs(&["read", "desistance-assessing", "--plain"], ".\n.\n.\n");
    let said = out(&read);
    let comment = said.find(FIRST_COMMENT).unwrap();
    let heading = said.find("Supervisor's review: Alex Reviewer,").unwrap();
    let overall = said.find("Overall comments:\nThoughtful work overall.").unwrap();
    let actions = said
        .find("Agreed actions:\nRead the desistance chapter again.")
        .unwrap();
    let next = said.find("Next review: 29 December 2026").unwrap();
    let end = said.find("End of module.").unwrap();
    assert!(
        comment < heading && heading < overall && overall < actions && actions < next && next < end,
        "{said}"
    );
}

/// Line by line too, the reviewer is told each module's status, study
/// time and action point, and both wordings of a reflection edited since
/// an earlier review.
#[test]
fn the_plain_review_shows_the_whole_record() {
    let trip = Trip::new();
    trip.answer(".\n.\nTalk to the school by Friday.\n.\n");
    trip.export("log.json", "json");
    let output = trip.review("log.json", &[], &[]);
    assert!(output.status.success(), "{}", err(&output));
    let said = out(&output);
    let status = said
        .find("Complete · 4 of 4 sections read · 2 of 2 questions answered · study time")
        .unwrap();
    let point = said.find("): Talk to the school by Friday.").unwrap();
    let first = said.find("Reflection 1 of 2").unwrap();
    assert!(status < point && point < first, "{said}");

    assert!(trip.import("log.review.json", &[]).status.success());
    trip.answer("Rewritten after supervision.\n.\n.\n.\n");
    trip.export("after.json", "json");
    let again = trip.reviewer_runs(&["review", "after.json", "--plain"], ".\n.\n.\n.\n.\n", &[]);
    assert!(again.status.success(), "{}", err(&again));
    let said = out(&again);
    let now = said.find("    Rewritten after supervision.").unwrap();
    let note = said.find("Edited since Alex Reviewer's review of").unwrap();
    let old = said.find("    First reflection,\n    over two lines.").unwrap();
    let asked = said[old..].find("Your comment:").unwrap() + old;
    assert!(now < note && note < old && old < asked, "{said}");
}

/// A peer reflection is labelled as such in the log.
#[test]
fn a_peer_review_is_labelled_a_peer_reflection() {
    let trip = Trip::new();
    trip.export("log.json", "json");
    let reviewed = trip.review("log.json", &["--as", "peer"], &[]);
    assert!(reviewed.status.success());
    assert!(out(&reviewed).contains("a peer reflection on it"), "{}", out(&reviewed));
    // A peer's review has a name of its own: a supervisor's never takes it.
    assert!(trip.path("log.peer-review.json").exists());
    assert!(trip.review("log.json", &[], &[]).status.success());
    assert!(trip.path("log.review.json").exists());
    let again = trip.review("log.json", &["--as", "peer"], &[]);
    assert_eq!(again.status.code(), Some(3), "never overwritten: {}", err(&again));
    let verify = trip.learner_runs(&["verify", "log.peer-review.json"], "");
    assert!(
        out(&verify).contains("not signed"),
        "the log beside it is found: {}",
        out(&verify)
    );
    let output = trip.import("log.peer-review.json", &[]);
    assert!(output.status.success(), "{}", err(&output));
    assert!(out(&output).contains("peer reflection"), "{}", out(&output));
    let log = trip.json_log("after.json");
    assert_eq!(log["reviews"][0]["kind"], "peer");
    let text = std::fs::read_to_string(trip.export("after.md", "md")).unwrap();
    assert!(text.contains("Peer reflection: Alex Reviewer"), "{text}");
    assert!(text.contains("(peer reflection)"), "{text}");
}

/// Input that ends before the last answer writes nothing.
#[test]
fn a_review_cut_short_writes_nothing() {
    let trip = Trip::new();
    trip.export("log.json", "json");
    let output = trip.reviewer_runs(
        &["review", "log.json", "--plain"],
        "Alex Reviewer\nSupervisor\nA comment.\n.\n",
        &[],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(err(&output).contains("nothing was written"), "{}", err(&output));
    assert!(!trip.path("log.review.json").exists());
}

/// A key with a passphrase: the right one (from the environment, for
/// scripts) signs; a wrong one writes nothing.
#[test]
fn a_passphrase_protected_key_signs_only_with_its_passphrase() {
    if !ssh_keygen_available("the passphrase test") {
        return;
    }
    let trip = Trip::new();
    trip.export("log.json", "json");
    let (key, _) = new_key(trip.desk.path(), "alex", "correct horse");
    let key = key.to_str().unwrap();
    let wrong = trip.review(
        "log.json",
        &["--sign-with", key],
        &[("CASEBOOK_KEY_PASSPHRASE", "wrong")],
    );
    assert_eq!(wrong.status.code(), Some(3), "{}", err(&wrong));
    assert!(err(&wrong).contains("passphrase"), "{}", err(&wrong));
    assert!(!trip.path("log.review.json").exists());
    let right = trip.review(
        "log.json",
        &["--sign-with", key],
        &[("CASEBOOK_KEY_PASSPHRASE", "correct horse")],
    );
    assert!(right.status.success(), "{}", err(&right));
    let verify = trip.learner_runs(&["verify", "log.review.json"], "");
    assert!(verify.status.success(), "{}", out(&verify));
}

/// The tutor's export (`export_to_path`) records the export and carries
/// imported reviews, through the data folder the tutor is handed.
#[test]
fn the_tutors_export_is_recorded_and_carries_reviews() {
    let trip = Trip::new();
    trip.export("log.json", "json");
    assert!(trip.review("log.json", &[], &[]).status.success());
    assert!(trip.import("log.review.json", &[]).status.success());

    let paths = casebook::folder::DataPaths::at(trip.learner.path());
    let library = casebook::content::load_library_with(casebook::content::ShippedLoading::start().wait(), None, &[]);
    let course = &library.courses[0];
    let module = course.module("desistance-assessing").unwrap();
    let store = casebook::store::FileStore::new(paths.clone());
    use casebook::store::Store;
    let journal = store.load_module(&course.id, &module.id).unwrap().unwrap();
    let written = casebook::export::export_to_path(
        &[(course, module, &journal)],
        None,
        casebook::export::Format::Json,
        &trip.path("tutor.json"),
        jiff::Timestamp::now(),
        Some(&paths),
    )
    .unwrap();
    let log: Value = serde_json::from_slice(&std::fs::read(written).unwrap()).unwrap();
    assert_eq!(questions(&log)[0]["review_comments"][0]["comment"], FIRST_COMMENT);
    let records = casebook::export::records::load(&paths).unwrap();
    assert!(
        records
            .iter()
            .any(|record| record.log_id == log["log_id"] && record.digest == log["digest"]),
        "{records:?}"
    );
}

/// The journal's rule: a reviewed wording stays whatever the learner writes
/// later, and the same review recorded twice changes nothing.
#[test]
fn answering_again_keeps_the_reviewed_wording() {
    use casebook::journal::ModuleJournal;
    let at = |second: i64| jiff::Timestamp::from_second(1_790_000_000 + second).unwrap();
    let day: jiff::civil::Date = "2026-11-29".parse().unwrap();
    let mut journal = ModuleJournal::new("course", "module");
    journal.answer("q", "Why?", "First wording.".to_owned(), at(0));
    assert!(journal.record_review("q", "First wording.", day, "Alex"));
    assert!(
        !journal.record_review("q", "First wording.", day, "Alex"),
        "the same review again"
    );
    assert_eq!(journal.edited_after_review("q"), None, "not edited since");

    journal.answer("q", "Why?", "Second wording.".to_owned(), at(60));
    let reviewed = journal.edited_after_review("q").unwrap();
    assert_eq!(reviewed.text, "First wording.");
    assert_eq!(reviewed.date, day);
    assert_eq!(journal.reflections["q"].text, "Second wording.");

    // Withdrawn, and written back as reviewed: both keep the history.
    journal.answer("q", "Why?", String::new(), at(120));
    assert_eq!(journal.reflections["q"].reviewed.len(), 1);
    journal.answer("q", "Why?", "First wording.".to_owned(), at(180));
    assert_eq!(journal.edited_after_review("q"), None);

    // No reflection, nothing to keep.
    assert!(!journal.record_review("other", "Text.", day, "Alex"));
    assert!(!journal.reflections.contains_key("other"));
}

/// A journal written by the previous casebook (schema 3) takes a review:
/// it is migrated to the current schema and a copy of the old file is kept.
#[test]
fn a_schema_3_journal_takes_a_review_and_keeps_a_copy() {
    let trip = Trip::new();
    let path = trip
        .learner
        .path()
        .join("journal/hmip-youth-2021/desistance-assessing.ron");
    let older = String::from_utf8(trip.journal_bytes())
        .unwrap()
        .replace(&format!("schema: {}", casebook::journal::SCHEMA), "schema: 3")
        .replace("written_by: \"casebook ", "written_by: \"casebook-0.0.9 ");
    assert!(older.contains("schema: 3"), "{older}");
    std::fs::write(&path, &older).unwrap();
    trip.export("log.json", "json");
    assert!(trip.review("log.json", &[], &[]).status.success());
    let output = trip.import("log.review.json", &[]);
    assert!(output.status.success(), "{}", err(&output));
    let migrated = String::from_utf8(trip.journal_bytes()).unwrap();
    assert!(
        migrated.contains(&format!("schema: {}", casebook::journal::SCHEMA)) && migrated.contains("reviewed:"),
        "{migrated}"
    );
    let copy = path.with_file_name("desistance-assessing.ron.schema-3.bak");
    assert_eq!(std::fs::read_to_string(copy).unwrap(), older);
}

/// A reviewer's words are shown as written and never obeyed: markup in the
/// HTML log is escaped, and control characters never reach the terminal.
#[test]
fn a_reviewers_text_is_shown_never_obeyed() {
    let trip = Trip::new();
    trip.export("log.json", "json");
    let input = "Alex \u{1b}[31mRed\u{202e}\nSupervisor\n<script>alert(1)</script>\n.\n.\n.\n.\n.\n";
    let output = trip.reviewer_runs(&["review", "log.json", "--plain"], input, &[]);
    assert!(output.status.success(), "{}", err(&output));
    let output = trip.import("log.review.json", &[]);
    assert!(output.status.success(), "{}", err(&output));
    assert!(
        !out(&output).contains('\u{1b}') && !out(&output).contains('\u{202e}'),
        "{}",
        out(&output)
    );
    let list = out(&trip.learner_runs(&["list"], ""));
    assert!(!list.contains('\u{1b}') && !list.contains('\u{202e}'), "{list}");
    let html = std::fs::read_to_string(trip.export("after.html", "html")).unwrap();
    assert!(!html.contains("<script>"), "markup must be escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains('\u{1b}') && !html.contains('\u{202e}'));
    let read = trip.learner_runs(&["read", "desistance-assessing", "--plain"], ".\n.\n.\n");
    assert!(
        out(&read).contains("<script>alert(1)</script>"),
        "plain text shows it as written"
    );
    assert!(!out(&read).contains('\u{1b}'), "{}", out(&read));
}

/// A link in place of the data folder's `reviews/` is never followed: the
/// import is refused and nothing is written through it.
#[cfg(unix)]
#[test]
fn a_link_in_place_of_the_reviews_folder_is_refused() {
    let trip = Trip::new();
    trip.export("log.json", "json");
    assert!(trip.review("log.json", &[], &[]).status.success());
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), trip.learner.path().join("reviews")).unwrap();
    let before = trip.journal_bytes();
    let output = trip.import("log.review.json", &[]);
    assert_eq!(output.status.code(), Some(3), "{}", err(&output));
    assert!(err(&output).contains("link"), "{}", err(&output));
    assert_eq!(
        std::fs::read_dir(elsewhere.path()).unwrap().count(),
        0,
        "nothing written through the link"
    );
    assert_eq!(trip.journal_bytes(), before);
}

/// A review says who wrote it: an empty name is asked again; a role may be
/// left empty, and is then asked for next time.
#[test]
fn an_empty_name_is_asked_again_and_an_empty_role_is_left_out() {
    let trip = Trip::new();
    trip.export("log.json", "json");
    let output = trip.reviewer_runs(&["review", "log.json", "--plain"], "\nAlex\n\n.\n.\n.\n.\n.\n", &[]);
    assert!(output.status.success(), "{}", err(&output));
    assert_eq!(
        out(&output).matches("Your name, as the learner").count(),
        2,
        "{}",
        out(&output)
    );
    assert!(out(&output).contains("You gave no role"), "{}", out(&output));
    let review: Value = serde_json::from_slice(&std::fs::read(trip.path("log.review.json")).unwrap()).unwrap();
    assert_eq!(review["reviewer"]["name"], "Alex");
    assert_eq!(review["reviewer"]["role"], Value::Null);
    assert_eq!(review["comments"].as_array().unwrap().len(), 0);
}

/// At a terminal the passphrase is asked on the terminal, never echoed;
/// Ctrl-C at the prompt cancels with nothing written.
#[test]
fn the_passphrase_is_read_from_the_terminal_without_echo() {
    if !ssh_keygen_available("the terminal passphrase test") || !common::tmux_available("the terminal passphrase test")
    {
        return;
    }
    let _serial = common::one_at_a_time();
    let trip = Trip::new();
    let log = trip.export("log.json", "json");
    let (key, _) = new_key(trip.desk.path(), "alex", "correct horse");
    let args = format!("review '{}' --plain --sign-with '{}'", log.display(), key.display());

    let pane = common::Pane::start("review-cancel", trip.reviewer.path(), &args);
    pane.wait_for("Passphrase for");
    pane.keys(&["C-c"]);
    let (status, _) = pane.exit_status();
    assert_eq!(status, 3, "{}", pane.screen());
    assert!(pane.screen().contains("No passphrase was given"), "{}", pane.screen());
    assert!(!trip.path("log.review.json").exists());
    drop(pane);

    let pane = common::Pane::start("review-pass", trip.reviewer.path(), &args);
    pane.wait_for("Passphrase for");
    pane.type_text("correct horse");
    pane.keys(&["Enter"]);
    let screen = pane.wait_for("Your name");
    assert!(
        !screen.contains("correct horse"),
        "the passphrase was echoed:\n{screen}"
    );
    for line in ["Alex Reviewer", "Supervisor", "Fine.", ".", ".", ".", ".", "."] {
        pane.type_text(line);
        pane.keys(&["Enter"]);
    }
    let (status, _) = pane.exit_status();
    assert_eq!(status, 0, "{}", pane.screen());
    assert!(trip.path("log.review.json.sig").exists(), "{}", pane.screen());
    let verify = trip.learner_runs(&["verify", "log.review.json"], "");
    assert!(verify.status.success(), "{}", out(&verify));
}

/// A review that does not parse is refused with its file, line and column.
#[test]
fn a_damaged_review_is_refused_with_where() {
    let trip = Trip::new();
    trip.export("log.json", "json");
    std::fs::write(
        trip.path("bad.review.json"),
        "{\n  \"format\": \"casebook-review\",\n  \"format_version\": 1,\n  \"colour\": 3\n}\n",
    )
    .unwrap();
    let before = trip.journal_bytes();
    let output = trip.import("bad.review.json", &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        err(&output).contains("bad.review.json:4:10: not a casebook review (unknown field `colour`"),
        "{}",
        err(&output)
    );
    assert_eq!(trip.journal_bytes(), before);
}

/// On a terminal, without --plain, the review is full-screen: a comment box
/// under each reflection, then the overall comments, agreed actions and the
/// date; it is written and signed as the plain flow does, and imports.
#[test]
fn the_full_screen_review_writes_and_signs_what_was_typed() {
    if !ssh_keygen_available("the full-screen review test") || !common::tmux_available("the full-screen review test") {
        return;
    }
    let _serial = common::one_at_a_time();
    let trip = Trip::new();
    let log = trip.export("log.json", "json");
    let (key, _) = new_key(trip.desk.path(), "alex", "");
    let args = format!("review '{}' --sign-with '{}'", log.display(), key.display());
    let pane = common::Pane::start("review-screen", trip.reviewer.path(), &args);
    // Name and role are asked once, line by line, before the full screen.
    pane.wait_for("Your name");
    for line in ["Alex Reviewer", "Practice supervisor"] {
        pane.type_text(line);
        pane.keys(&["Enter"]);
    }
    let screen = pane.wait_for("Reflection 1 of 2");
    assert!(
        screen.contains("over two lines."),
        "the learner's text above the box:\n{screen}"
    );
    // Reading first: Tab into the comment box, Tab back, → the next page.
    pane.keys(&["Tab"]);
    pane.type_text("Good start.");
    pane.keys(&["Enter"]);
    pane.type_text("Who else?");
    pane.keys(&["Tab", "Right"]);
    pane.wait_for("Reflection 2 of 2");
    pane.keys(&["Right"]);
    pane.wait_for("Overall comments on the log");
    pane.type_text("Thoughtful work overall.");
    pane.keys(&["Tab", "Right"]);
    pane.wait_for("Agreed actions (optional)");
    pane.type_text("Read the chapter again.");
    pane.keys(&["Tab", "Right"]);
    pane.wait_for("Next review date");
    pane.type_text("2026-12-29");
    pane.keys(&["Enter"]);
    let (status, _) = pane.exit_status();
    assert_eq!(status, 0, "{}", pane.screen());
    assert!(
        pane.screen().contains("Wrote the review (1 comment)"),
        "{}",
        pane.screen()
    );

    let review: Value = serde_json::from_slice(&std::fs::read(trip.path("log.review.json")).unwrap()).unwrap();
    assert_eq!(review["comments"][0]["comment"], "Good start.\nWho else?");
    assert_eq!(review["comments"][0]["reflection"], FIRST);
    assert_eq!(review["comments"].as_array().unwrap().len(), 1);
    assert_eq!(review["overall_comments"], "Thoughtful work overall.");
    assert_eq!(review["agreed_actions"], "Read the chapter again.");
    assert_eq!(review["next_review"], "2026-12-29");
    assert!(trip.path("log.review.json.sig").exists());
    let imported = trip.import("log.review.json", &[]);
    assert!(imported.status.success(), "{}", err(&imported));
}

/// Issue 21, finding 1: a review file edited to quote words the learner
/// never wrote is refused; the learner's words come from what was exported.
#[test]
fn a_review_quoting_words_the_learner_never_wrote_is_refused() {
    let trip = Trip::new();
    trip.export("log.json", "json");
    assert!(trip.review("log.json", &[], &[]).status.success());
    let path = trip.path("log.review.json");
    let mut review: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    review["comments"][0]["reflection"] = Value::from("Words the learner never wrote.");
    std::fs::write(&path, serde_json::to_vec_pretty(&review).unwrap()).unwrap();
    let before = trip.journal_bytes();

    let imported = trip.import("log.review.json", &[]);
    assert_eq!(imported.status.code(), Some(1), "{}", out(&imported));
    assert!(
        err(&imported).contains("in words that are not the ones"),
        "{}",
        err(&imported)
    );
    assert_eq!(trip.journal_bytes(), before, "nothing changed");
}

/// Issue 21, finding 2: a log whose `digest` field is not the digest of its
/// bytes (the field escaped, so the check found another) is refused, so no
/// review can name a real log's digest over text that is not in it.
#[test]
fn a_log_whose_stated_digest_is_not_its_own_is_refused_for_review() {
    let trip = Trip::new();
    let real = trip.json_log("log.json");
    let mut forged = real.clone();
    forged["courses"][0]["modules"][0]["questions"][0]["reflection"] =
        Value::from(format!("Words the learner never wrote. sha256:{}", "0".repeat(64)));
    let text = serde_json::to_string_pretty(&forged)
        .unwrap()
        .replace("\"digest\": \"sha256:", "\"digest\": \"\\u0073ha256:");
    let sealed = casebook::digest::seal(text.into_bytes());
    std::fs::write(trip.path("forged.json"), &sealed).unwrap();
    let parsed: Value = serde_json::from_slice(&sealed).unwrap();
    assert_eq!(
        parsed["digest"], real["digest"],
        "the forged log states the real log's digest"
    );

    let reviewed = trip.review("forged.json", &[], &[]);
    assert_eq!(reviewed.status.code(), Some(1), "{}", out(&reviewed));
    assert!(err(&reviewed).contains("digest does not match"), "{}", err(&reviewed));
    assert!(!trip.path("forged.review.json").exists());
}

/// Issue 21, finding 6: a review too large to keep is refused before
/// anything is stored, and the journal stays readable.
#[test]
fn a_review_too_large_is_refused_before_anything_is_kept() {
    let trip = Trip::new();
    trip.export("log.json", "json");
    assert!(trip.review("log.json", &[], &[]).status.success());
    let path = trip.path("log.review.json");
    let mut review: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    review["overall_comments"] = Value::from("A very long comment. ".repeat(700_000));
    std::fs::write(&path, serde_json::to_vec_pretty(&review).unwrap()).unwrap();
    let before = trip.journal_bytes();

    let imported = trip.import("log.review.json", &[]);
    assert_eq!(imported.status.code(), Some(1), "{}", out(&imported));
    assert!(
        err(&imported).contains("larger than a review can be"),
        "{}",
        err(&imported)
    );
    assert_eq!(trip.journal_bytes(), before);
    assert!(
        !trip.learner.path().join("reviews").exists()
            || std::fs::read_dir(trip.learner.path().join("reviews"))
                .unwrap()
                .next()
                .is_none()
    );
    let list = trip.learner_runs(&["list"], "");
    assert!(list.status.success(), "the module stays readable");
}

/// `casebook trust`: keys listed, one removed by name leaving the others,
/// and a link in place of the trust file never followed.
#[test]
fn trusted_keys_are_listed_and_removed_and_a_link_in_their_place_is_refused() {
    if !ssh_keygen_available("trusting keys") {
        return;
    }
    let trip = Trip::new();
    let (sam, _) = new_key(trip.desk.path(), "sam", "");
    let (priya, _) = new_key(trip.desk.path(), "priya", "");
    for (key, name) in [(&sam, "Sam O'Brien"), (&priya, "Priya Shah")] {
        let key = key.with_extension("pub");
        let output = trip.learner_runs(&["trust", key.to_str().unwrap(), "--name", name], "");
        assert!(output.status.success(), "{}", err(&output));
    }
    let listed = out(&trip.learner_runs(&["trust", "--list"], ""));
    assert!(
        listed.contains("Sam O'Brien  SHA256:") && listed.contains("Priya Shah  SHA256:"),
        "{listed}"
    );
    let removed = trip.learner_runs(&["trust", "--remove", "Sam O'Brien"], "");
    assert!(
        out(&removed).contains("You no longer trust the key for Sam O'Brien"),
        "{}",
        out(&removed)
    );
    let listed = out(&trip.learner_runs(&["trust", "--list"], ""));
    assert!(
        !listed.contains("Sam O'Brien") && listed.contains("Priya Shah"),
        "{listed}"
    );

    #[cfg(unix)]
    {
        let file = trip.learner.path().join("trusted_signers");
        let elsewhere = trip.path("elsewhere");
        std::fs::rename(&file, &elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &file).unwrap();
        let refused = trip.learner_runs(&["trust", "--list"], "");
        assert!(!refused.status.success(), "{}", out(&refused));
        assert!(!out(&refused).contains("Priya Shah"), "nothing read through the link");
    }
}

/// `import-review --signer KEY.pub` trusts the key only when that very key
/// signed a review that checks out.
#[test]
fn a_signer_is_trusted_only_when_that_key_signed_the_review() {
    if !ssh_keygen_available("import-review --signer") {
        return;
    }
    let trip = Trip::new();
    trip.export("log.json", "json");
    let (alex, _) = new_key(trip.desk.path(), "alex", "");
    let (other, _) = new_key(trip.desk.path(), "other", "");
    let signed = trip.review("log.json", &["--sign-with", alex.to_str().unwrap()], &[]);
    assert!(signed.status.success(), "{}", err(&signed));

    let other_pub = other.with_extension("pub");
    let wrong = trip.import("log.review.json", &["--signer", other_pub.to_str().unwrap()]);
    assert_eq!(wrong.status.code(), Some(1), "{}", out(&wrong));
    assert!(err(&wrong).contains("did not sign this review"), "{}", err(&wrong));
    assert!(!trip.learner.path().join("trusted_signers").exists(), "nothing trusted");

    let alex_pub = alex.with_extension("pub");
    let right = trip.import("log.review.json", &["--signer", alex_pub.to_str().unwrap()]);
    assert!(right.status.success(), "{}", err(&right));
    assert!(
        out(&right).contains("Verified: signed with the key you trust for Alex Reviewer"),
        "{}",
        out(&right)
    );
}

/// Issue 26: the reviewer's own words are checked before the review is
/// written. Their own name and role, the learner's name and the guide's case
/// names are never flagged; a phone number and "Mr Jones" are. Refused
/// (exit 7) with the findings, keeping what was typed as a draft; written
/// with a yes to the question in words, or with --checked, recording that
/// the check ran, never the words.
#[test]
fn a_review_naming_someone_is_refused_kept_as_a_draft_and_written_when_checked() {
    let trip = Trip::new();
    let mut learner = casebook::store::FileStore::new(casebook::folder::DataPaths::at(trip.learner.path()));
    casebook::store::Store::save_profile(
        &mut learner,
        &casebook::journal::Profile {
            name: "Jo Okafor".to_owned(),
            ..casebook::journal::Profile::default()
        },
    )
    .unwrap();
    trip.export("log.json", "json");
    let answers = "Alex Reviewer\nPractice supervisor, Oakfield YOT\n\
         Jo Okafor has read Tim's case well; Alex Reviewer agrees.\n.\n\
         Ring his mum on 07700 900123 before the panel.\n.\n\
         Mr Jones at the school should be asked too.\n.\n\
         Read the desistance chapter again.\n.\n2026-12-29\n";

    let refused = trip.reviewer_runs(&["review", "log.json", "--plain"], answers, &[]);
    assert_eq!(refused.status.code(), Some(7), "{}", err(&refused));
    let said = out(&refused);
    assert!(said.contains("\"07700 900123\" looks like a phone number"), "{said}");
    assert!(said.contains("\"Mr Jones\" names a person by title"), "{said}");
    assert!(said.contains("overall comments"), "where it is: {said}");
    for own in ["Okafor", "Jo", "Alex", "Reviewer", "Tim", "Oakfield"] {
        assert!(!said.contains(&format!("\"{own}")), "{own} is not flagged: {said}");
    }
    assert!(said.contains("Write the review anyway?"), "asked in words: {said}");
    assert!(!trip.path("log.review.json").exists(), "nothing written");
    assert!(err(&refused).contains("kept as a draft"), "{}", err(&refused));
    let drafts: Vec<_> = std::fs::read_dir(trip.reviewer.path().join("review-drafts"))
        .unwrap()
        .collect();
    assert_eq!(drafts.len(), 1, "what was typed is kept");
    let draft = std::fs::read_to_string(drafts[0].as_ref().unwrap().path()).unwrap();
    assert!(draft.contains("Mr Jones at the school"), "{draft}");

    // A yes to the question writes it (the name and role are kept by now).
    let yes = trip.reviewer_runs(
        &["review", "log.json", "--plain"],
        &format!("{}yes\n", answers.split_once("YOT\n").unwrap().1),
        &[],
    );
    assert!(yes.status.success(), "{}", err(&yes));
    let review: Value = serde_json::from_slice(&std::fs::read(trip.path("log.review.json")).unwrap()).unwrap();
    assert_eq!(review["format_version"], 2);
    assert_eq!(
        review["identifying_check"],
        serde_json::json!({ "run": true, "marked_not_identifying": 0 })
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string("assets/review-schema.json").unwrap()).unwrap();
    common::schema::check(&review, &schema, "review");
    assert!(
        !std::fs::read_dir(trip.reviewer.path().join("review-drafts"))
            .unwrap()
            .any(|entry| entry.unwrap().path().extension().is_some_and(|ending| ending == "ron")),
        "written: the draft has done its work"
    );

    // --checked writes without asking.
    let checked = trip.reviewer_runs(
        &[
            "review",
            "log.json",
            "--plain",
            "--checked",
            "-o",
            "checked.review.json",
        ],
        answers.split_once("YOT\n").unwrap().1,
        &[],
    );
    assert!(checked.status.success(), "{}", err(&checked));
    assert!(!out(&checked).contains("Write the review anyway?"));
    assert!(trip.path("checked.review.json").exists());

    // The learner imports it as any other review.
    let imported = trip.import("log.review.json", &[]);
    assert!(imported.status.success(), "{}", err(&imported));
}

/// A review written before the check (format version 1, no
/// `identifying_check`) is still imported.
#[test]
fn a_review_from_before_the_check_is_still_imported() {
    let trip = Trip::new();
    trip.export("log.json", "json");
    assert!(trip.review("log.json", &[], &[]).status.success());
    let path = trip.path("log.review.json");
    let mut review: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let object = review.as_object_mut().unwrap();
    assert!(object.remove("identifying_check").is_some());
    object.insert("format_version".to_owned(), Value::from(1));
    std::fs::write(&path, serde_json::to_string_pretty(&review).unwrap() + "\n").unwrap();
    let imported = trip.import("log.review.json", &[]);
    assert!(imported.status.success(), "{}", err(&imported));
}

/// Issue 26 on the full screen: asked to write, the review lists what the
/// check found in the reviewer's words; e goes back to the box, w writes
/// anyway, and the review records that the check ran.
#[test]
fn the_full_screen_review_shows_findings_before_writing() {
    if !common::tmux_available("the full-screen findings test") {
        return;
    }
    let _serial = common::one_at_a_time();
    let trip = Trip::new();
    let log = trip.export("log.json", "json");
    let pane = common::Pane::start(
        "review-findings",
        trip.reviewer.path(),
        &format!("review '{}'", log.display()),
    );
    pane.wait_for("Your name");
    for line in ["Alex Reviewer", "Practice supervisor"] {
        pane.type_text(line);
        pane.keys(&["Enter"]);
    }
    pane.wait_for("Reflection 1 of 2");
    pane.keys(&["Tab"]);
    pane.type_text("Alex Reviewer here: ring 07700 900123.");
    pane.keys(&["Tab", "Right"]);
    pane.wait_for("Reflection 2 of 2");
    pane.keys(&["Right"]);
    pane.wait_for("Overall comments on the log");
    pane.keys(&["Tab", "Right"]);
    pane.wait_for("Agreed actions (optional)");
    pane.keys(&["Tab", "Right"]);
    pane.wait_for("Next review date");
    pane.keys(&["Enter"]);
    let listed = pane.wait_for("may identify someone");
    assert!(
        listed.contains("\"07700 900123\" looks like a phone number"),
        "{listed}"
    );
    assert!(!listed.contains("\"Alex"), "the reviewer's own name: {listed}");
    assert!(!trip.path("log.review.json").exists(), "nothing written yet");
    pane.keys(&["e"]);
    pane.wait_for("Reflection 1 of 2");
    pane.keys(&["Tab", "Right", "Right", "Tab", "Right", "Tab", "Right"]);
    pane.wait_for("Next review date");
    pane.keys(&["Enter"]);
    pane.wait_for("may identify someone");
    pane.keys(&["w"]);
    let (status, _) = pane.exit_status();
    assert_eq!(status, 0, "{}", pane.screen());
    let review: Value = serde_json::from_slice(&std::fs::read(trip.path("log.review.json")).unwrap()).unwrap();
    assert_eq!(
        review["comments"][0]["comment"],
        "Alex Reviewer here: ring 07700 900123."
    );
    assert_eq!(review["identifying_check"]["run"], true);
}
