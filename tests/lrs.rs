//! Learning records sent to a real LRS: Learning Locker's statements service
//! (npm `xapi-statements`, GPL, a separate test-only process), in memory on
//! 127.0.0.1, installed from `tests/lrs/package-lock.json` with
//! `npm ci --ignore-scripts` into the build's temporary folder. Where Node or
//! npm is missing, or the install fails, those tests say why they are
//! skipped. The tests that need no LRS (a timeout, no LRS configured, a
//! damaged outbox file, the secret's source) always run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

const KEY: &str = "casebook";
const SECRET: &str = "secret";
const MODULE: &str = "desistance-assessing";
/// The two answers and the action point of `desistance-assessing`, in plain
/// mode's piped form.
const STUDY: &str = "My private reflection about Tim.\n.\nSecond private answer.\n.\nPrivate action point.\n.\n";

fn lrs_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lrs")
}

/// Where the LRS's packages are installed: named by the lock file's digest,
/// so a changed lock file installs afresh, and made whole before it is moved
/// into place, so a half-finished install is never used.
fn install() -> Result<PathBuf, String> {
    use sha2::Digest;
    let have = |program: &str| {
        Command::new(program)
            .arg("--version")
            .output()
            .is_ok_and(|output| output.status.success())
    };
    if !have("node") || !have("npm") {
        return Err("Node.js and npm are not installed (.ci/run installs Debian's nodejs and npm)".to_owned());
    }
    let lock = fs::read(lrs_folder().join("package-lock.json")).map_err(|error| error.to_string())?;
    let digest: String = sha2::Sha256::digest(&lock)
        .iter()
        .take(6)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("lrs-node-{digest}"));
    if target.join("node_modules/xapi-statements").is_dir() {
        return Ok(target.join("node_modules"));
    }
    let building = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("lrs-node-{digest}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&building);
    fs::create_dir_all(&building).map_err(|error| error.to_string())?;
    for file in ["package.json", "package-lock.json"] {
        fs::copy(lrs_folder().join(file), building.join(file)).map_err(|error| error.to_string())?;
    }
    let output = Command::new("npm")
        .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(&building)
        .output()
        .map_err(|error| error.to_string())?;
    if !output.status.success() {
        let _ = fs::remove_dir_all(&building);
        return Err(format!(
            "npm ci failed (no registry here?): {}",
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .take(5)
                .collect::<Vec<_>>()
                .join(" / ")
        ));
    }
    // Another test process may have finished first: theirs is as good.
    if fs::rename(&building, &target).is_err() {
        let _ = fs::remove_dir_all(&building);
    }
    Ok(target.join("node_modules"))
}

/// The LRS's packages, or None after saying why the test is skipped.
fn node_modules(test: &str) -> Option<PathBuf> {
    static INSTALLED: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    match INSTALLED.get_or_init(install) {
        Ok(path) => Some(path.clone()),
        Err(reason) => {
            common::skipped_without("node", &format!("{test} needs a real LRS, and {reason}"));
            None
        }
    }
}

/// A port nothing listens on (just now).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A running LRS, stopped when dropped.
struct Lrs {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Lrs {
    fn start(modules: &Path, port: u16) -> Lrs {
        let dir = tempfile::tempdir().unwrap();
        let port_file = dir.path().join("port");
        let log = fs::File::create(dir.path().join("server.log")).unwrap();
        let child = Command::new("node")
            .arg(lrs_folder().join("server.js"))
            .current_dir(dir.path())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("NODE_PATH", modules)
            .env("EXPRESS_PORT", port.to_string())
            .env("LRS_PORT_FILE", &port_file)
            .env("MODELS_REPO", "memory")
            .env("STORAGE_REPO", "memory")
            .env("EVENTS_REPO", "test")
            .env("LRS_BASIC_KEY", KEY)
            .env("LRS_BASIC_SECRET", SECRET)
            .env("EXPRESS_MORGAN_DIRECTORY", dir.path().join("access"))
            .env("FS_LOCAL_STORAGE_DIR", dir.path().join("storage"))
            .env("SERVICE_AWAIT_UPDATES", "true")
            .env("WINSTON_CONSOLE_LEVEL", "warning")
            .env("AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE", "1")
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        let mut lrs = Lrs { child, port, _dir: dir };
        let start = Instant::now();
        loop {
            if let Ok(text) = fs::read_to_string(&port_file)
                && let Ok(port) = text.trim().parse()
            {
                lrs.port = port;
                if ureq::get(format!("{}about", lrs.endpoint())).call().is_ok() {
                    return lrs;
                }
            }
            if let Ok(Some(status)) = lrs.child.try_wait() {
                let log = fs::read_to_string(lrs._dir.path().join("server.log")).unwrap_or_default();
                panic!("the LRS stopped ({status}):\n{log}");
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "the LRS did not start in 30 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    /// Every statement the LRS holds, oldest first.
    fn statements(&self) -> Vec<Value> {
        let mut response = ureq::get(format!("{}statements?limit=500&ascending=true", self.endpoint()))
            .header(
                "Authorization",
                format!(
                    "Basic {}",
                    casebook::lrs::http::base64(format!("{KEY}:{SECRET}").as_bytes())
                ),
            )
            .header("X-Experience-API-Version", "1.0.3")
            .call()
            .unwrap();
        let body: Value = serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
        body["statements"].as_array().unwrap().clone()
    }
}

impl Drop for Lrs {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn casebook(data: &Path, args: &[&str], env: &[(&str, &str)], input: &str) -> Output {
    env.iter()
        .fold(
            common::Launch::new(data, args)
                .without("CASEBOOK_LRS_SECRET")
                .env("TERM", "dumb")
                .input(input),
            |launch, (name, value)| launch.env(name, value),
        )
        .run()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn data_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
    }
    dir
}

fn configure(data: &Path, endpoint: &str, secret: &str, extra: &[&str]) {
    let mut args = vec!["lrs", "set", endpoint, "--key", KEY, "--account", "learner-7"];
    args.extend_from_slice(extra);
    let output = casebook(data, &args, &[("CASEBOOK_LRS_SECRET", secret)], "");
    assert!(output.status.success(), "lrs set: {}", stderr(&output));
}

fn study(data: &Path) {
    let output = casebook(data, &["read", MODULE, "--plain"], &[], STUDY);
    assert!(output.status.success(), "read: {}", stderr(&output));
}

fn outbox_files(data: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(data.join("outbox"))
        .map(|entries| entries.map(|entry| entry.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn verb(statement: &Value) -> &str {
    statement["verb"]["id"].as_str().unwrap().rsplit('/').next().unwrap()
}

/// Checks statements with @learninglocker/xapi-validation.
fn assert_valid_xapi(modules: &Path, statements: &[Value]) {
    let file = tempfile::NamedTempFile::new().unwrap();
    fs::write(file.path(), serde_json::to_string(statements).unwrap()).unwrap();
    let output = Command::new("node")
        .arg(lrs_folder().join("validate.js"))
        .arg(file.path())
        .env("NODE_PATH", modules)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "xAPI validation: {}{}",
        stdout(&output),
        stderr(&output)
    );
}

#[test]
fn one_module_studied_reaches_the_lrs_with_no_reflection_text() {
    let Some(modules) = node_modules("one_module_studied_reaches_the_lrs_with_no_reflection_text") else {
        return;
    };
    let lrs = Lrs::start(&modules, 0);
    let data = data_folder();
    configure(data.path(), &lrs.endpoint(), SECRET, &[]);
    let test = casebook(data.path(), &["lrs", "test"], &[], "");
    assert!(test.status.success(), "{}", stderr(&test));
    assert!(stdout(&test).contains("xAPI 1.0.3"), "{}", stdout(&test));

    study(data.path());
    assert_eq!(
        outbox_files(data.path()).len(),
        9,
        "recorded at once, with no network needed"
    );
    let status = casebook(data.path(), &["sync", "--status"], &[], "");
    assert!(stdout(&status).contains("9 statements waiting"), "{}", stdout(&status));
    let sync = casebook(data.path(), &["sync"], &[], "");
    assert!(sync.status.success(), "{}", stderr(&sync));
    assert!(stdout(&sync).contains("Sent 9 statements"), "{}", stdout(&sync));
    assert!(
        outbox_files(data.path()).is_empty(),
        "what the LRS accepted leaves the outbox"
    );

    let held = lrs.statements();
    let mut verbs: Vec<&str> = held.iter().map(verb).collect();
    verbs.sort_unstable();
    assert_eq!(
        verbs,
        [
            "answered",
            "answered",
            "commented",
            "completed",
            "experienced",
            "experienced",
            "experienced",
            "experienced",
            "initialized"
        ],
        "started, four sections read, two answers, an action point, completed"
    );
    let module_iri = format!("urn:casebook:hmip-youth-2021:{MODULE}");
    let count = |name: &str| verbs.iter().filter(|verb| **verb == name).count();
    assert_eq!(count("initialized"), 1);
    assert_eq!(count("answered"), 2);
    assert_eq!(count("commented"), 1);
    assert_eq!(count("completed"), 1);
    assert!(count("experienced") >= 1);
    for statement in &held {
        assert_eq!(statement["actor"]["account"]["name"], "learner-7");
        assert_eq!(
            statement["actor"]["account"]["homePage"],
            format!("http://127.0.0.1:{}", lrs.port)
        );
        assert!(statement["actor"].get("mbox").is_none(), "never an e-mail");
        assert_eq!(
            statement["context"]["extensions"]["urn:casebook:extension:course-version"],
            "January 2021"
        );
        let object = statement["object"]["id"].as_str().unwrap();
        assert!(object.starts_with(&module_iri), "{object}");
    }
    let answered: Vec<&str> = held
        .iter()
        .filter(|statement| verb(statement) == "answered")
        .map(|statement| statement["object"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        answered,
        [
            format!("{module_iri}:question:stood-out"),
            format!("{module_iri}:question:develop-assessing")
        ]
    );
    let completed = held.iter().find(|statement| verb(statement) == "completed").unwrap();
    assert_eq!(completed["object"]["id"], module_iri.as_str());
    let duration = completed["result"]["duration"].as_str().unwrap();
    assert!(
        duration.starts_with("PT") && duration.ends_with('S'),
        "ISO 8601 duration: {duration}"
    );
    let everything = serde_json::to_string(&held).unwrap();
    for private in ["private reflection", "Second private answer", "Private action point"] {
        assert!(!everything.contains(private), "{private:?} reached the LRS");
    }
    assert_valid_xapi(&modules, &held);

    let again = casebook(data.path(), &["sync"], &[], "");
    assert!(stdout(&again).contains("Sent 0 statements"), "{}", stdout(&again));
    assert_eq!(lrs.statements().len(), held.len());
}

#[test]
fn reflection_text_is_sent_only_when_the_learner_opts_in() {
    let Some(modules) = node_modules("reflection_text_is_sent_only_when_the_learner_opts_in") else {
        return;
    };
    let lrs = Lrs::start(&modules, 0);
    let data = data_folder();
    configure(data.path(), &lrs.endpoint(), SECRET, &["--share-text"]);
    study(data.path());
    let sync = casebook(data.path(), &["sync"], &[], "");
    assert!(sync.status.success(), "{}", stderr(&sync));
    let held = lrs.statements();
    let responses: Vec<&str> = held
        .iter()
        .filter_map(|statement| statement["result"]["response"].as_str())
        .collect();
    assert_eq!(
        responses,
        [
            "My private reflection about Tim.",
            "Second private answer.",
            "Private action point."
        ]
    );
    assert_valid_xapi(&modules, &held);
}

#[test]
fn turning_sharing_off_takes_the_words_out_of_what_waits() {
    let data = data_folder();
    configure(
        data.path(),
        &format!("http://127.0.0.1:{}/xAPI/", free_port()),
        SECRET,
        &["--share-text"],
    );
    study(data.path());
    let waiting = || {
        outbox_files(data.path())
            .iter()
            .map(|path| fs::read_to_string(path).unwrap())
            .collect::<String>()
    };
    assert!(waiting().contains("My private reflection about Tim."));
    configure(
        data.path(),
        &format!("http://127.0.0.1:{}/xAPI/", free_port()),
        SECRET,
        &[],
    );
    assert!(!waiting().contains("My private reflection about Tim."));
    assert!(!waiting().contains("Private action point."));
}

#[test]
fn a_statement_the_lrs_rejects_is_kept_with_its_reason_and_the_rest_go() {
    let Some(modules) = node_modules("a_statement_the_lrs_rejects_is_kept_with_its_reason_and_the_rest_go") else {
        return;
    };
    let lrs = Lrs::start(&modules, 0);
    let data = data_folder();
    configure(data.path(), &lrs.endpoint(), SECRET, &[]);
    study(data.path());
    let files = outbox_files(data.path());
    // One statement in the middle of the outbox that no LRS would take.
    let mut entry: Value = serde_json::from_str(&fs::read_to_string(&files[2]).unwrap()).unwrap();
    entry["statement"]["verb"]["id"] = Value::from("not a verb");
    fs::write(&files[2], serde_json::to_string_pretty(&entry).unwrap()).unwrap();

    let sync = casebook(data.path(), &["sync"], &[], "");
    assert!(sync.status.success(), "{}", stderr(&sync));
    assert!(stdout(&sync).contains("Sent 8 statements"), "{}", stdout(&sync));
    assert!(stdout(&sync).contains("Refused by the LRS"), "{}", stdout(&sync));
    assert!(stdout(&sync).contains("verb.id"), "the LRS's reason: {}", stdout(&sync));
    assert_eq!(lrs.statements().len(), 8, "the rest were sent");
    assert_eq!(outbox_files(data.path()), [files[2].clone()], "the refused one is kept");
    let kept: Value = serde_json::from_str(&fs::read_to_string(&files[2]).unwrap()).unwrap();
    assert_eq!(kept["rejected"]["status"], 400);
    assert_eq!(kept["statement"]["verb"]["id"], "not a verb");

    let status = casebook(data.path(), &["sync", "--status"], &[], "");
    assert!(stdout(&status).contains("Nothing is waiting"), "{}", stdout(&status));
    assert!(stdout(&status).contains("400"), "{}", stdout(&status));
    let again = casebook(data.path(), &["sync"], &[], "");
    assert!(
        stdout(&again).contains("Sent 0 statements"),
        "not sent again: {}",
        stdout(&again)
    );
}

#[test]
fn wrong_credentials_stop_sending_with_a_clear_message() {
    let Some(modules) = node_modules("wrong_credentials_stop_sending_with_a_clear_message") else {
        return;
    };
    let lrs = Lrs::start(&modules, 0);
    let data = data_folder();
    configure(data.path(), &lrs.endpoint(), "not-the-secret", &[]);
    study(data.path());
    let test = casebook(data.path(), &["lrs", "test"], &[], "");
    assert_eq!(test.status.code(), Some(5));
    assert!(
        stderr(&test).contains("refused the key and secret (401)"),
        "{}",
        stderr(&test)
    );

    let sync = casebook(data.path(), &["sync"], &[], "");
    assert_eq!(sync.status.code(), Some(5));
    assert!(
        stderr(&sync).contains("refused the key and secret (401)"),
        "{}",
        stderr(&sync)
    );
    assert!(
        stderr(&sync).contains("casebook lrs set"),
        "says what to do: {}",
        stderr(&sync)
    );
    assert_eq!(outbox_files(data.path()).len(), 9, "nothing is lost");
    assert!(lrs.statements().is_empty());
    let status = casebook(data.path(), &["sync", "--status"], &[], "");
    assert!(
        stdout(&status).contains("Last error: The LRS at"),
        "{}",
        stdout(&status)
    );

    configure(data.path(), &lrs.endpoint(), SECRET, &[]);
    let sync = casebook(data.path(), &["sync"], &[], "");
    assert!(sync.status.success(), "{}", stderr(&sync));
    assert_eq!(lrs.statements().len(), 9);
}

#[test]
fn the_outbox_drains_once_the_lrs_is_back() {
    let Some(modules) = node_modules("the_outbox_drains_once_the_lrs_is_back") else {
        return;
    };
    let port = free_port();
    let endpoint = format!("http://127.0.0.1:{port}/xAPI/");
    let data = data_folder();
    configure(data.path(), &endpoint, SECRET, &[]);
    study(data.path());
    let down = casebook(data.path(), &["sync"], &[], "");
    assert_eq!(down.status.code(), Some(5));
    assert!(stderr(&down).contains("could not be reached"), "{}", stderr(&down));
    assert!(
        stderr(&down).contains("9 statements still waiting"),
        "{}",
        stderr(&down)
    );
    assert_eq!(outbox_files(data.path()).len(), 9);
    let status = casebook(data.path(), &["sync", "--status"], &[], "");
    assert!(stdout(&status).contains("9 statements waiting"), "{}", stdout(&status));
    assert!(stdout(&status).contains("could not be reached"), "{}", stdout(&status));

    let lrs = Lrs::start(&modules, port);
    let up = casebook(data.path(), &["sync"], &[], "");
    assert!(up.status.success(), "{}", stderr(&up));
    assert!(outbox_files(data.path()).is_empty());
    assert_eq!(lrs.statements().len(), 9);
    let status = casebook(data.path(), &["sync", "--status"], &[], "");
    assert!(!stdout(&status).contains("Last error"), "{}", stdout(&status));
}

#[test]
fn the_same_outbox_sent_twice_is_stored_once() {
    let Some(modules) = node_modules("the_same_outbox_sent_twice_is_stored_once") else {
        return;
    };
    let lrs = Lrs::start(&modules, 0);
    let data = data_folder();
    configure(data.path(), &lrs.endpoint(), SECRET, &[]);
    study(data.path());
    let copies: Vec<(PathBuf, Vec<u8>)> = outbox_files(data.path())
        .into_iter()
        .map(|path| {
            let bytes = fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    assert!(casebook(data.path(), &["sync"], &[], "").status.success());
    // As if the first sync's answer was lost after the LRS stored everything.
    for (path, bytes) in &copies {
        fs::write(path, bytes).unwrap();
    }
    let again = casebook(data.path(), &["sync"], &[], "");
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stdout(&again).contains("Sent 9 statements"), "{}", stdout(&again));
    let held = lrs.statements();
    let mut ids: Vec<&str> = held.iter().map(|statement| statement["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(held.len(), 9, "no duplicates");
    assert_eq!(ids.len(), 9);
}

/// Accepts connections and never answers.
fn silent_server() -> (TcpListener, u16) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    (listener, port)
}

#[test]
fn an_lrs_that_never_answers_times_out_and_keeps_the_outbox() {
    let (listener, port) = silent_server();
    let holder = std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().take(2) {
            let mut stream = stream.unwrap();
            let mut buffer = [0u8; 1024];
            let _ = stream.read(&mut buffer);
            held.push(stream);
        }
        std::thread::sleep(Duration::from_secs(3));
    });
    let data = data_folder();
    configure(
        data.path(),
        &format!("http://127.0.0.1:{port}/xAPI/"),
        SECRET,
        &["--timeout", "1"],
    );
    study(data.path());
    let started = Instant::now();
    let sync = casebook(data.path(), &["sync"], &[], "");
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(sync.status.code(), Some(5));
    assert!(stderr(&sync).contains("timed out"), "{}", stderr(&sync));
    assert_eq!(outbox_files(data.path()).len(), 9);
    drop(holder);
}

#[test]
fn without_an_lrs_nothing_is_recorded_and_nothing_is_sent() {
    let data = data_folder();
    study(data.path());
    assert!(!data.path().join("outbox").exists(), "no outbox without an LRS");
    let sync = casebook(data.path(), &["sync"], &[], "");
    assert_eq!(sync.status.code(), Some(5));
    assert!(stderr(&sync).contains("No LRS is configured"), "{}", stderr(&sync));
    let status = casebook(data.path(), &["sync", "--status"], &[], "");
    assert!(status.status.success());
    assert!(
        stdout(&status).contains("no network connections"),
        "{}",
        stdout(&status)
    );
}

#[test]
fn a_damaged_outbox_file_is_reported_and_never_overwritten() {
    let data = data_folder();
    configure(
        data.path(),
        &format!("http://127.0.0.1:{}/xAPI/", free_port()),
        SECRET,
        &[],
    );
    study(data.path());
    let damaged = data.path().join("outbox").join("0000000000000-0000-damaged.json");
    fs::write(&damaged, b"{\"schema\": 1, \"statement\": ").unwrap();
    let status = casebook(data.path(), &["sync", "--status"], &[], "");
    assert!(stdout(&status).contains("9 statements waiting"), "{}", stdout(&status));
    assert!(
        stdout(&status).contains(&format!("Could not be read, left as it is: {}:1:", damaged.display())),
        "{}",
        stdout(&status)
    );
    let _ = casebook(data.path(), &["sync"], &[], "");
    let forget = casebook(data.path(), &["lrs", "forget"], &[], "");
    assert!(forget.status.success(), "{}", stderr(&forget));
    assert!(
        stdout(&forget).contains("9 statements not yet sent were removed"),
        "{}",
        stdout(&forget)
    );
    assert!(stdout(&forget).contains("Left as it is"), "{}", stdout(&forget));
    assert_eq!(fs::read(&damaged).unwrap(), b"{\"schema\": 1, \"statement\": ");
    assert!(!data.path().join("lrs.ron").exists());
}

#[test]
fn the_secret_never_comes_from_the_command_line_and_plain_http_only_to_this_machine() {
    let data = data_folder();
    let no_secret = casebook(
        data.path(),
        &["lrs", "set", "https://lrs.example.org/xapi/", "--key", KEY],
        &[],
        "secret\n",
    );
    assert_eq!(no_secret.status.code(), Some(2));
    assert!(
        stderr(&no_secret).contains("CASEBOOK_LRS_SECRET"),
        "{}",
        stderr(&no_secret)
    );
    assert!(!data.path().join("lrs.ron").exists());

    let secret_flag = casebook(
        data.path(),
        &[
            "lrs",
            "set",
            "https://lrs.example.org/xapi/",
            "--key",
            KEY,
            "--secret",
            SECRET,
        ],
        &[],
        "",
    );
    assert_eq!(secret_flag.status.code(), Some(2), "there is no --secret");

    let plain_http = casebook(
        data.path(),
        &["lrs", "set", "http://lrs.example.org/xapi/", "--key", KEY],
        &[("CASEBOOK_LRS_SECRET", SECRET)],
        "",
    );
    assert_eq!(plain_http.status.code(), Some(2));
    assert!(stderr(&plain_http).contains("not HTTPS"), "{}", stderr(&plain_http));

    let set = casebook(
        data.path(),
        &["lrs", "set", "https://lrs.example.org/xapi", "--key", KEY],
        &[("CASEBOOK_LRS_SECRET", SECRET)],
        "",
    );
    assert!(set.status.success(), "{}", stderr(&set));
    assert!(stdout(&set).contains("Reflection text: not sent"), "{}", stdout(&set));
    let settings = fs::read_to_string(data.path().join("lrs.ron")).unwrap();
    assert!(
        settings.contains("endpoint: \"https://lrs.example.org/xapi/\""),
        "{settings}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(data.path().join("lrs.ron")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the secret is private");
    }
}

#[test]
fn the_tutor_sends_in_the_background_while_the_learner_works() {
    let _serial = common::one_at_a_time();
    if !common::tmux_available("the tutor's background sync test") {
        return;
    }
    let Some(modules) = node_modules("the_tutor_sends_in_the_background_while_the_learner_works") else {
        return;
    };
    let lrs = Lrs::start(&modules, 0);
    let data = data_folder();
    fs::write(data.path().join("profile.ron"), "(schema: 1, welcomed: true)\n").unwrap();
    configure(data.path(), &lrs.endpoint(), SECRET, &[]);
    let pane = common::Pane::start("lrs-background", data.path(), &format!("read {MODULE}"));
    pane.wait_for("What we expect");
    pane.keys(&["l", "l", "l", "l"]);
    pane.wait_for("Question 1 of 2");
    pane.type_text("Typed in the tutor, kept here.");
    pane.wait_for("kept here.");
    pane.keys(&["Escape"]);
    let held = answered_while_open(&lrs, &pane);
    assert!(held.iter().any(|statement| verb(statement) == "initialized"));
    assert!(held.iter().any(|statement| verb(statement) == "experienced"));
    assert!(!serde_json::to_string(&held).unwrap().contains("kept here"));
    let screen = pane.screen();
    assert!(screen.contains("Question 1 of 2"), "still studying:\n{screen}");
    pane.keys(&["q"]);
    pane.wait_for("Enter open");
    pane.keys(&["q"]);
    assert_eq!(pane.exit_status().0, 0);
}

/// What the LRS holds once an answer has reached it, while casebook is
/// still open in `pane` (it fails after 20 seconds, showing the screen).
fn answered_while_open(lrs: &Lrs, pane: &common::Pane) -> Vec<Value> {
    let start = Instant::now();
    loop {
        let held = lrs.statements();
        if held.iter().any(|statement| verb(statement) == "answered") {
            return held;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the answer reached the LRS while casebook was open; it holds {} statements; screen:\n{}",
            held.len(),
            pane.screen()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Plain mode at a terminal (a screen reader's user) sends records while
/// the learner reads, as the tutor does, not only at the next `sync`.
#[test]
fn plain_mode_at_a_terminal_sends_while_the_learner_reads() {
    let _serial = common::one_at_a_time();
    if !common::tmux_available("plain mode's background sync test") {
        return;
    }
    let Some(modules) = node_modules("plain_mode_at_a_terminal_sends_while_the_learner_reads") else {
        return;
    };
    let lrs = Lrs::start(&modules, 0);
    let data = data_folder();
    fs::write(data.path().join("profile.ron"), "(schema: 1, welcomed: true)\n").unwrap();
    configure(data.path(), &lrs.endpoint(), SECRET, &[]);
    let pane = common::Pane::start("lrs-plain", data.path(), &format!("read {MODULE} --plain"));
    let start = Instant::now();
    while !pane.screen().contains("Type your answer") {
        assert!(start.elapsed() < Duration::from_secs(20), "{}", pane.screen());
        pane.keys(&["Enter"]);
        std::thread::sleep(Duration::from_millis(150));
    }
    pane.type_text("Read aloud and answered.");
    pane.keys(&["Enter"]);
    pane.type_text(".");
    pane.keys(&["Enter"]);
    let held = answered_while_open(&lrs, &pane);
    assert!(held.iter().any(|statement| verb(statement) == "initialized"));
    assert!(!serde_json::to_string(&held).unwrap().contains("Read aloud"));
    assert!(
        pane.screen().contains("Type your answer"),
        "still reading:\n{}",
        pane.screen()
    );
    pane.type_text("q");
    pane.keys(&["Enter"]);
}

/// Wrong credentials stop the tutor's sending for the run: the learner is
/// told at once, and the home screen keeps saying so.
#[test]
fn the_tutor_says_when_the_lrs_refuses_its_key() {
    let _serial = common::one_at_a_time();
    if !common::tmux_available("the tutor's refused-key test") {
        return;
    }
    let Some(modules) = node_modules("the_tutor_says_when_the_lrs_refuses_its_key") else {
        return;
    };
    let lrs = Lrs::start(&modules, 0);
    let data = data_folder();
    fs::write(data.path().join("profile.ron"), "(schema: 1, welcomed: true)\n").unwrap();
    configure(data.path(), &lrs.endpoint(), "not-the-secret", &[]);
    study(data.path());
    let pane = common::Pane::start("lrs-refused", data.path(), "");
    let screen = pane.wait_for("refused casebook's key and secret (401)");
    assert!(
        screen.contains("\"casebook lrs set\" again."),
        "says what to do:\n{screen}"
    );
    pane.keys(&["Down"]);
    pane.wait_for("Records are not reaching your LRS");
    pane.keys(&["q"]);
    assert_eq!(pane.exit_status().0, 0);
    assert_eq!(outbox_files(data.path()).len(), 9, "nothing is lost");
    assert!(lrs.statements().is_empty());
}

#[test]
fn the_secret_typed_at_the_terminal_is_not_shown() {
    let _serial = common::one_at_a_time();
    if !common::tmux_available("the secret prompt test") {
        return;
    }
    let data = data_folder();
    let pane = common::Pane::start(
        "lrs-secret",
        data.path(),
        "lrs set https://lrs.example.org/xapi/ --key practitioner",
    );
    pane.wait_for("Secret for practitioner (not shown as you type)");
    pane.type_text("hunter2-not-on-screen");
    std::thread::sleep(Duration::from_millis(300));
    let typing = pane.screen();
    assert!(typing.contains("Secret for practitioner"), "{typing}");
    assert!(
        !typing.contains("hunter2"),
        "the secret was shown as it was typed:\n{typing}"
    );
    pane.keys(&["Enter"]);
    let screen = pane.wait_for("casebook will send your learning records");
    assert!(!screen.contains("hunter2"), "the secret was shown:\n{screen}");
    assert_eq!(pane.exit_status().0, 0);
    let settings = fs::read_to_string(data.path().join("lrs.ron")).unwrap();
    assert!(settings.contains("secret: \"hunter2-not-on-screen\""), "{settings}");
}

#[test]
fn damaged_settings_are_reported_never_overwritten_and_record_nothing() {
    let data = data_folder();
    let settings = data.path().join("lrs.ron");
    fs::write(
        &settings,
        "(schema: 1, endpoint: \"https://lrs.example.org/xapi/\",\n  key: ",
    )
    .unwrap();
    let set = casebook(
        data.path(),
        &["lrs", "set", "https://lrs.example.org/xapi/", "--key", KEY],
        &[("CASEBOOK_LRS_SECRET", SECRET)],
        "",
    );
    assert_eq!(set.status.code(), Some(3));
    assert!(
        stderr(&set).contains(&format!("{}:2:", settings.display())),
        "names the file, line and column: {}",
        stderr(&set)
    );
    assert!(
        stderr(&set).contains("casebook lrs forget"),
        "says what to do: {}",
        stderr(&set)
    );
    let status = casebook(data.path(), &["sync", "--status"], &[], "");
    assert_eq!(status.status.code(), Some(3));

    let read = casebook(data.path(), &["read", MODULE, "--plain"], &[], STUDY);
    assert!(read.status.success(), "studying goes on: {}", stderr(&read));
    assert!(
        stderr(&read).contains("LRS settings could not be read"),
        "{}",
        stderr(&read)
    );
    assert!(!data.path().join("outbox").exists(), "nothing recorded");
    assert_eq!(
        fs::read_to_string(&settings).unwrap(),
        "(schema: 1, endpoint: \"https://lrs.example.org/xapi/\",\n  key: "
    );

    let forget = casebook(data.path(), &["lrs", "forget"], &[], "");
    assert!(forget.status.success(), "{}", stderr(&forget));
    assert!(!settings.exists());
}

/// A certificate authority of the organisation's own and a certificate from
/// it for localhost, made with openssl; None when openssl is missing.
fn organisation_certificates(dir: &Path) -> Option<(PathBuf, PathBuf, PathBuf)> {
    let openssl = |args: &[&str]| {
        Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .is_ok_and(|output| output.status.success())
    };
    fs::write(
        dir.join("leaf.cnf"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    let made = openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=Youth Justice Service test authority",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign",
    ]) && openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "leaf.key",
        "-out",
        "leaf.csr",
        "-subj",
        "/CN=localhost",
    ]) && openssl(&[
        "x509",
        "-req",
        "-in",
        "leaf.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "leaf.pem",
        "-days",
        "2",
        "-extfile",
        "leaf.cnf",
    ]);
    made.then(|| (dir.join("ca.pem"), dir.join("leaf.pem"), dir.join("leaf.key")))
}

#[test]
fn records_go_over_https_trusting_the_organisations_own_authority() {
    let Some(modules) = node_modules("records_go_over_https_trusting_the_organisations_own_authority") else {
        return;
    };
    let certificates = tempfile::tempdir().unwrap();
    let Some((authority, certificate, key)) = organisation_certificates(certificates.path()) else {
        eprintln!("SKIPPED records_go_over_https_trusting_the_organisations_own_authority: openssl is not installed");
        return;
    };
    let lrs = Lrs::start(&modules, 0);
    let port_file = certificates.path().join("port");
    let proxy = Stopped(
        Command::new("node")
            .arg(lrs_folder().join("tls-proxy.js"))
            .env("TLS_CERT", &certificate)
            .env("TLS_KEY", &key)
            .env("TARGET_PORT", lrs.port.to_string())
            .env("PORT_FILE", &port_file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let start = Instant::now();
    let port = loop {
        if let Some(port) = fs::read_to_string(&port_file)
            .ok()
            .and_then(|text| text.trim().parse::<u16>().ok())
        {
            break port;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the HTTPS proxy did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let data = data_folder();
    configure(data.path(), &format!("https://localhost:{port}/xAPI/"), SECRET, &[]);
    study(data.path());

    // The system's store does not hold the organisation's authority.
    let empty_store = certificates.path().join("no-authorities.pem");
    fs::write(&empty_store, "").unwrap();
    let untrusted = casebook(
        data.path(),
        &["sync"],
        &[("SSL_CERT_FILE", empty_store.to_str().unwrap())],
        "",
    );
    assert_eq!(untrusted.status.code(), Some(5));
    assert!(
        stderr(&untrusted).contains("does not trust the LRS's certificate"),
        "{}",
        stderr(&untrusted)
    );
    assert!(lrs.statements().is_empty());

    // Once IT has installed it, the records go.
    let trusted = casebook(
        data.path(),
        &["sync"],
        &[("SSL_CERT_FILE", authority.to_str().unwrap())],
        "",
    );
    assert!(trusted.status.success(), "{}", stderr(&trusted));
    assert_eq!(lrs.statements().len(), 9);
    drop(proxy);
}

/// A helper process, stopped when the test ends, passed or failed.
struct Stopped(Child);

impl Drop for Stopped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The two answers of `desistance-assessing` name someone (a phone number,
/// "Mr Jones"); the action point names the guide's own case, Tim.
const STUDY_NAMING: &str =
    "I rang his mum on 07700 900123.\n.\nMr Jones at the school helped.\n.\nAsk Tim about work.\n.\n";

/// Issue 26: with text sharing on, a statement whose words may identify
/// someone is kept back, never lost: `sync` lists what was found and sends
/// the rest; a finding marked not identifying lets its statement go;
/// `sync --checked` sends the others.
#[test]
fn a_statement_whose_words_may_identify_someone_is_not_sent_silently() {
    let Some(modules) = node_modules("a_statement_whose_words_may_identify_someone_is_not_sent_silently") else {
        return;
    };
    let lrs = Lrs::start(&modules, 0);
    let data = data_folder();
    configure(data.path(), &lrs.endpoint(), SECRET, &["--share-text"]);
    let output = casebook(data.path(), &["read", MODULE, "--plain"], &[], STUDY_NAMING);
    assert!(output.status.success(), "read: {}", stderr(&output));
    let status = casebook(data.path(), &["sync", "--status"], &[], "");
    assert!(
        stdout(&status).contains("2 statements are kept back"),
        "{}",
        stdout(&status)
    );

    let sync = casebook(data.path(), &["sync"], &[], "");
    assert_eq!(sync.status.code(), Some(7), "{}", stderr(&sync));
    let said = stdout(&sync);
    assert!(said.contains("\"07700 900123\" looks like a phone number"), "{said}");
    assert!(said.contains("\"Mr Jones\" names a person by title"), "{said}");
    assert!(said.contains("casebook sync --checked"), "{said}");
    assert!(
        !said.contains("\"Tim\""),
        "the guide's case names are never flagged: {said}"
    );
    let responses = |statements: &[Value]| -> Vec<String> {
        statements
            .iter()
            .filter_map(|statement| statement["result"]["response"].as_str().map(str::to_owned))
            .collect()
    };
    assert_eq!(
        responses(&lrs.statements()),
        ["Ask Tim about work."],
        "only the words with no finding went"
    );
    assert_eq!(outbox_files(data.path()).len(), 2, "kept back, not lost");

    // Marked not identifying (as `casebook check` numbers it): it goes.
    let marked = casebook(data.path(), &["check", "--mark", "1"], &[], "");
    assert!(marked.status.success(), "{}", stderr(&marked));
    let sync = casebook(data.path(), &["sync"], &[], "");
    assert_eq!(sync.status.code(), Some(7), "Mr Jones is still held: {}", stderr(&sync));
    assert!(!stdout(&sync).contains("07700 900123"), "{}", stdout(&sync));
    assert!(responses(&lrs.statements()).contains(&"I rang his mum on 07700 900123.".to_owned()));

    let checked = casebook(data.path(), &["sync", "--checked"], &[], "");
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert!(responses(&lrs.statements()).contains(&"Mr Jones at the school helped.".to_owned()));
    assert!(outbox_files(data.path()).is_empty());
    assert_valid_xapi(&modules, &lrs.statements());
}

/// Without an LRS to reach, the statement kept back is listed all the same,
/// and turning sharing off takes its words out so it can go.
#[test]
fn a_statement_kept_back_is_listed_even_when_the_lrs_cannot_be_reached() {
    let data = data_folder();
    let endpoint = format!("http://127.0.0.1:{}/xAPI/", free_port());
    configure(data.path(), &endpoint, SECRET, &["--share-text"]);
    let output = casebook(data.path(), &["read", MODULE, "--plain"], &[], STUDY_NAMING);
    assert!(output.status.success(), "read: {}", stderr(&output));
    let held: Vec<String> = outbox_files(data.path())
        .iter()
        .map(|path| fs::read_to_string(path).unwrap())
        .filter(|entry| entry.contains("\"held\""))
        .collect();
    assert_eq!(held.len(), 2, "the two answers with findings are marked held");
    let sync = casebook(data.path(), &["sync"], &[], "");
    assert_ne!(sync.status.code(), Some(0));
    assert!(
        stdout(&sync).contains("\"07700 900123\" looks like a phone number"),
        "{}",
        stdout(&sync)
    );
    configure(data.path(), &endpoint, SECRET, &[]);
    let status = casebook(data.path(), &["sync", "--status"], &[], "");
    assert!(!stdout(&status).contains("kept back"), "{}", stdout(&status));
    let waiting: String = outbox_files(data.path())
        .iter()
        .map(|path| fs::read_to_string(path).unwrap())
        .collect();
    assert!(!waiting.contains("07700 900123") && !waiting.contains("\"held\""));
}
