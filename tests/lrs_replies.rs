//! Issue 24, findings 1-4, through the binary: what an LRS must answer
//! before statements leave the outbox (a hostile server on loopback, written
//! here with `TcpListener`: a log-in page, an empty 204, the wrong ids, a
//! body cut short, a redirect to a log-in page), `lrs test` against an LRS
//! that does not serve `/about`, 100,000 waiting statements counted within a
//! memory bound, and an opt-out or `lrs forget` reaching a tutor that is
//! already open (tmux).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

const KEY: &str = "casebook";
const SECRET: &str = "secret";
const MODULE: &str = "desistance-assessing";
/// The two answers and the action point of `desistance-assessing`, in plain
/// mode's piped form: nine statements in all.
const STUDY: &str = "My private reflection about Tim.\n.\nSecond private answer.\n.\nPrivate action point.\n.\n";

/// How the server on loopback answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    /// 200 and a log-in page, to everything (a captive portal).
    LoginPage,
    /// 204 and nothing, to everything.
    Empty204,
    /// 200 and the ids sent, in the wrong order.
    WrongIds,
    /// 200, a length, and the connection closed half-way through the body.
    CutShort,
    /// 302 to a log-in page, to everything (a proxy that wants a sign-in).
    LoginRedirect,
    /// An LRS that does its job: `about` only when `about` is true.
    Lrs { about: bool },
    /// 409 to every POST, with the LRS's own reason.
    Conflict,
    /// 500 and no body to every POST.
    ServerError,
}

/// One request the server read.
#[derive(Debug, Clone)]
struct Request {
    method: String,
    path: String,
    authorization: Option<String>,
    body: String,
}

/// A server on 127.0.0.1 answering every request as `Answer` says, and
/// keeping each request it read.
struct Server {
    port: u16,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    fn start(answer: Answer) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests: Arc<Mutex<Vec<Request>>> = Arc::default();
        let log = Arc::clone(&requests);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                let log = Arc::clone(&log);
                std::thread::spawn(move || serve(stream, answer, &log));
            }
        });
        Server { port, requests }
    }

    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    /// Every statement POSTed so far.
    fn posted(&self) -> Vec<Value> {
        self.requests()
            .iter()
            .filter(|request| request.method == "POST")
            .flat_map(|request| {
                serde_json::from_str::<Value>(&request.body)
                    .ok()
                    .and_then(|body| body.as_array().cloned())
                    .unwrap_or_default()
            })
            .collect()
    }
}

fn basic(key: &str, secret: &str) -> String {
    format!(
        "Basic {}",
        casebook::lrs::http::base64(format!("{key}:{secret}").as_bytes())
    )
}

fn response(status: &str, headers: &[(&str, &str)], body: &str) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n");
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    if !status.starts_with("204") {
        out.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    out.push_str("\r\n");
    out.push_str(body);
    out.into_bytes()
}

const JSON: (&str, &str) = ("Content-Type", "application/json");
const LOGIN_PAGE: &str = "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action=\"/login\">\
Sign in to continue to the internet</form></body></html>";

/// Reads requests from one connection and answers them, until it closes
/// (or the answer closes it).
fn serve(stream: TcpStream, answer: Answer, log: &Mutex<Vec<Request>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(20)));
    let mut writer = stream.try_clone().unwrap();
    let mut reader = BufReader::new(stream);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or_default().to_owned();
        let path = parts.next().unwrap_or_default().to_owned();
        let mut length = 0;
        let mut authorization = None;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                match name.trim().to_ascii_lowercase().as_str() {
                    "content-length" => length = value.trim().parse().unwrap_or(0),
                    "authorization" => authorization = Some(value.trim().to_owned()),
                    _ => {}
                }
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let request = Request {
            method,
            path,
            authorization,
            body: String::from_utf8_lossy(&body).into_owned(),
        };
        log.lock().unwrap().push(request.clone());
        let ids: Vec<Value> = serde_json::from_str::<Value>(&request.body)
            .ok()
            .and_then(|body| body.as_array().cloned())
            .unwrap_or_default()
            .iter()
            .map(|statement| statement["id"].clone())
            .collect();
        let close = ("Connection", "close");
        let (bytes, closing) = match answer {
            Answer::LoginPage => (
                response(
                    "200 OK",
                    &[("Content-Type", "text/html; charset=utf-8"), close],
                    LOGIN_PAGE,
                ),
                true,
            ),
            Answer::Empty204 => (response("204 No Content", &[close], ""), true),
            Answer::WrongIds => {
                let reversed: Vec<Value> = ids.iter().rev().cloned().collect();
                let body = if request.method == "POST" {
                    Value::Array(reversed).to_string()
                } else if request.path.contains("about") {
                    r#"{"version":["1.0.3"]}"#.to_owned()
                } else {
                    r#"{"statements":[],"more":""}"#.to_owned()
                };
                (response("200 OK", &[JSON, close], &body), true)
            }
            Answer::CutShort => {
                let whole = Value::Array(ids).to_string();
                let mut bytes = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                    whole.len() + 100
                )
                .into_bytes();
                bytes.extend_from_slice(&whole.as_bytes()[..whole.len() / 2]);
                (bytes, true)
            }
            Answer::LoginRedirect => (
                response(
                    "302 Found",
                    &[
                        ("Location", "https://login.example.org/sign-in?return=lrs"),
                        ("Content-Type", "text/html"),
                        close,
                    ],
                    "<html><body>Redirecting to the sign-in page</body></html>",
                ),
                true,
            ),
            Answer::Conflict => (
                response(
                    "409 Conflict",
                    &[JSON],
                    r#"{"message":"Statement id already stored with other content (conflict-7)"}"#,
                ),
                false,
            ),
            Answer::ServerError => (response("500 Internal Server Error", &[], ""), false),
            Answer::Lrs { about } => {
                let signed_in = request.authorization.as_deref() == Some(basic(KEY, SECRET).as_str());
                let bytes = if request.path.ends_with("/about") {
                    if about {
                        response("200 OK", &[JSON], r#"{"version":["1.0.3"]}"#)
                    } else {
                        response("404 Not Found", &[JSON], r#"{"message":"Not found"}"#)
                    }
                } else if !signed_in {
                    response("401 Unauthorized", &[JSON], r#"{"message":"Unauthorised"}"#)
                } else if request.method == "POST" {
                    response("200 OK", &[JSON], &Value::Array(ids).to_string())
                } else {
                    response("200 OK", &[JSON], r#"{"statements":[],"more":""}"#)
                };
                (bytes, false)
            }
        };
        let _ = writer.write_all(&bytes);
        let _ = writer.flush();
        if closing {
            let _ = writer.shutdown(Shutdown::Both);
            return;
        }
    }
}

fn casebook(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    env.iter()
        .fold(
            common::Launch::new(data, args)
                .without("CASEBOOK_LRS_SECRET")
                .env("TERM", "dumb"),
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
    fs::write(dir.path().join("profile.ron"), "(schema: 1, welcomed: true)\n").unwrap();
    dir
}

fn configure(data: &Path, endpoint: &str, extra: &[&str]) {
    let mut args = vec!["lrs", "set", endpoint, "--key", KEY, "--timeout", "5"];
    args.extend_from_slice(extra);
    let output = casebook(data, &args, &[("CASEBOOK_LRS_SECRET", SECRET)]);
    assert!(output.status.success(), "lrs set: {}", stderr(&output));
}

fn study(data: &Path) {
    let output = common::Launch::new(data, &["read", MODULE, "--plain"])
        .env("TERM", "dumb")
        .input(STUDY)
        .run();
    assert!(output.status.success(), "read: {}", stderr(&output));
}

/// Every outbox file and what it holds, oldest first.
fn outbox(data: &Path) -> Vec<(PathBuf, String)> {
    let mut files: Vec<(PathBuf, String)> = fs::read_dir(data.join("outbox"))
        .map(|entries| {
            entries
                .map(|entry| {
                    let path = entry.unwrap().path();
                    let text = fs::read_to_string(&path).unwrap();
                    (path, text)
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Nine statements studied, then `sync` against a server answering as
/// `answer`: every statement stays, byte for byte, `sync` fails saying
/// `reason`, and `sync --status` shows the reason and the status once.
/// `lrs test` does not call that server an LRS that accepts the key (but
/// for one that answers `lrs test`'s questions rightly: `WrongIds`).
fn sync_keeps_everything(answer: Answer, status: u16, reason: &str) -> (Output, Output) {
    let server = Server::start(answer);
    let data = data_folder();
    configure(data.path(), &server.endpoint(), &[]);
    study(data.path());
    let before = outbox(data.path());
    assert_eq!(before.len(), 9, "nine statements recorded");

    let sync = casebook(data.path(), &["sync"], &[]);
    assert_eq!(sync.status.code(), Some(5), "{answer:?}: {}", stderr(&sync));
    assert!(
        !server.posted().is_empty(),
        "{answer:?}: the statements were offered to the server"
    );
    assert_eq!(
        outbox(data.path()),
        before,
        "{answer:?}: every statement is kept, unchanged: {}",
        stderr(&sync)
    );
    assert!(
        stdout(&sync).contains("Sent 0 statements"),
        "{answer:?}: {}",
        stdout(&sync)
    );
    assert!(stderr(&sync).contains(reason), "{answer:?}: {}", stderr(&sync));
    assert!(
        stderr(&sync).contains("9 statements still waiting"),
        "{answer:?}: {}",
        stderr(&sync)
    );

    let shown = casebook(data.path(), &["sync", "--status"], &[]);
    let shown_text = stdout(&shown);
    assert!(shown_text.contains("9 statements waiting"), "{answer:?}: {shown_text}");
    assert_eq!(
        shown_text.matches(reason).count(),
        1,
        "{answer:?}: the reason, once: {shown_text}"
    );
    assert_eq!(
        shown_text.matches(&format!("answered {status}")).count(),
        1,
        "{answer:?}: the status, once: {shown_text}"
    );

    let test = casebook(data.path(), &["lrs", "test"], &[]);
    if answer != Answer::WrongIds {
        assert_eq!(test.status.code(), Some(5), "{answer:?}: {}", stdout(&test));
        assert!(
            !stdout(&test).contains("It accepts the key"),
            "{answer:?}: {}",
            stdout(&test)
        );
    }
    assert_eq!(outbox(data.path()), before, "{answer:?}: lrs test sends nothing");
    (sync, test)
}

#[test]
fn a_log_in_page_answering_200_keeps_every_statement_and_is_named() {
    let (_, test) = sync_keeps_everything(Answer::LoginPage, 200, "with a web page");
    assert!(
        stderr(&test).contains("casebook met a log-in page or a proxy's block page"),
        "lrs test says plainly what it met: {}",
        stderr(&test)
    );
}

#[test]
fn an_empty_204_to_a_post_keeps_every_statement() {
    sync_keeps_everything(Answer::Empty204, 204, "its reply was empty");
}

#[test]
fn a_200_listing_other_ids_keeps_every_statement() {
    // Its /about and its statements look right, and lrs test sends nothing,
    // so only a sync can tell.
    sync_keeps_everything(Answer::WrongIds, 200, "not the same ones in the same order");
}

#[test]
fn a_reply_cut_short_keeps_every_statement() {
    sync_keeps_everything(Answer::CutShort, 200, "its reply was cut short");
}

#[test]
fn a_redirect_to_a_log_in_page_keeps_every_statement_and_is_named() {
    let (sync, test) = sync_keeps_everything(
        Answer::LoginRedirect,
        302,
        "sending casebook on to https://login.example.org/sign-in",
    );
    assert!(stderr(&sync).contains("a log-in or proxy page"), "{}", stderr(&sync));
    assert!(
        stderr(&test).contains("sending casebook on to https://login.example.org/sign-in"),
        "{}",
        stderr(&test)
    );
}

/// A statement the LRS refuses (409) is kept with the LRS's own reason,
/// and `sync --status` says the status once.
#[test]
fn a_refused_statement_keeps_the_lrs_reason_and_the_status_is_said_once() {
    let server = Server::start(Answer::Conflict);
    let data = data_folder();
    configure(data.path(), &server.endpoint(), &[]);
    study(data.path());
    let sync = casebook(data.path(), &["sync"], &[]);
    assert!(sync.status.success(), "{}", stderr(&sync));
    assert_eq!(outbox(data.path()).len(), 9, "every refused statement is kept");
    let mut shown = stdout(&casebook(data.path(), &["sync", "--status"], &[]));
    // The file names hold digits of their own.
    for (path, _) in outbox(data.path()) {
        shown = shown.replace(&path.display().to_string(), "FILE");
    }
    let refused: Vec<&str> = shown
        .lines()
        .filter(|line| line.contains("Refused by the LRS"))
        .collect();
    assert_eq!(refused.len(), 9, "{shown}");
    for line in refused {
        assert!(line.contains("(conflict-7)"), "the LRS's own reason: {line}");
        assert!(line.contains("a different statement with this id"), "{line}");
        assert_eq!(line.matches("409").count(), 1, "the status once: {line}");
    }
}

/// A server error with no reason: the status once, and that no reason came.
#[test]
fn a_server_error_without_a_reason_says_its_status_once() {
    let server = Server::start(Answer::ServerError);
    let data = data_folder();
    configure(data.path(), &server.endpoint(), &[]);
    study(data.path());
    let before = outbox(data.path());
    let sync = casebook(data.path(), &["sync"], &[]);
    assert_eq!(sync.status.code(), Some(5));
    assert_eq!(outbox(data.path()), before);
    // The port may hold the digits too.
    let said = stderr(&sync).replace(&server.endpoint(), "ENDPOINT");
    assert_eq!(said.matches("500").count(), 1, "{said}");
    assert!(said.contains("answered 500: it gave no reason"), "{said}");
    let shown = stdout(&casebook(data.path(), &["sync", "--status"], &[])).replace(&server.endpoint(), "ENDPOINT");
    assert_eq!(shown.matches("500").count(), 1, "{shown}");
}

/// An LRS that does its job still empties the outbox, with no
/// `X-Experience-API-Version` header on its replies.
#[test]
fn an_lrs_listing_the_ids_sent_empties_the_outbox() {
    let server = Server::start(Answer::Lrs { about: true });
    let data = data_folder();
    configure(data.path(), &server.endpoint(), &[]);
    study(data.path());
    let sync = casebook(data.path(), &["sync"], &[]);
    assert!(sync.status.success(), "{}", stderr(&sync));
    assert!(stdout(&sync).contains("Sent 9 statements"), "{}", stdout(&sync));
    assert!(outbox(data.path()).is_empty());
    assert_eq!(server.posted().len(), 9);
}

#[test]
fn lrs_test_goes_on_when_the_lrs_does_not_serve_about() {
    let server = Server::start(Answer::Lrs { about: false });
    let data = data_folder();
    configure(data.path(), &server.endpoint(), &[]);
    let test = casebook(data.path(), &["lrs", "test"], &[]);
    assert!(test.status.success(), "{}{}", stdout(&test), stderr(&test));
    let said = stdout(&test);
    assert!(said.contains("about is not there (404)"), "says so: {said}");
    assert!(
        said.contains("It accepts the key casebook and its secret"),
        "and checks the key: {said}"
    );
    assert!(!stderr(&test).contains("Check the endpoint"), "{}", stderr(&test));
    assert!(
        server
            .requests()
            .iter()
            .any(|request| request.path.contains("statements") && request.authorization.is_some()),
        "the signed-in check was made"
    );

    // With the wrong secret it still says the key is refused, not /about.
    let wrong = casebook(
        data.path(),
        &["lrs", "set", &server.endpoint(), "--key", KEY],
        &[("CASEBOOK_LRS_SECRET", "not-the-secret")],
    );
    assert!(wrong.status.success());
    let test = casebook(data.path(), &["lrs", "test"], &[]);
    assert_eq!(test.status.code(), Some(5));
    assert!(
        stderr(&test).contains("refused the key and secret (401)"),
        "{}",
        stderr(&test)
    );
}

/// The peak resident memory (VmHWM) of a running child, polled from /proc
/// until it ends: a high-water mark, so polling can only under-read the
/// peak of a program that frees memory just before it exits, never over-read.
#[cfg(target_os = "linux")]
fn run_measuring_peak(launch: common::Launch) -> (Output, u64) {
    let child = launch.spawn();
    let pid = child.id();
    let poller = std::thread::spawn(move || {
        let mut peak_kb = 0;
        while let Some(kb) = fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|status| {
                status
                    .lines()
                    .find(|line| line.starts_with("VmHWM:"))
                    .and_then(|line| line.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse::<u64>().ok())
            })
        {
            peak_kb = peak_kb.max(kb);
            std::thread::sleep(Duration::from_millis(2));
        }
        peak_kb
    });
    let output = child.wait_with_output().unwrap();
    (output, poller.join().unwrap())
}

/// 100,000 statements waiting: `sync --status` counts them, and finds the
/// oldest, reading one file at a time (before issue 24 it read every one
/// into memory: over a gigabyte). A bound on memory, not a timing.
#[cfg(target_os = "linux")]
#[test]
fn a_hundred_thousand_waiting_statements_are_counted_in_little_memory() {
    const COUNT: usize = 100_000;
    const BOUND_KB: u64 = 64 * 1024;
    let data = data_folder();
    configure(data.path(), "https://lrs.example.org/xapi/", &[]);
    let dir = data.path().join("outbox");
    fs::create_dir_all(&dir).unwrap();
    let start_ms: i64 = 1_800_000_000_000;
    for index in 0..COUNT {
        let id = format!("00000000-0000-4000-8000-{index:012}");
        let millis = start_ms + i64::try_from(index / 10).unwrap();
        let recorded = jiff::Timestamp::from_millisecond(millis).unwrap();
        let entry = serde_json::json!({
            "schema": 1,
            "recorded": recorded.to_string(),
            "statement": {
                "id": id,
                "actor": { "objectType": "Agent", "account": { "homePage": "https://lrs.example.org", "name": "casebook" } },
                "verb": { "id": "http://adlnet.gov/expapi/verbs/experienced", "display": { "en-GB": "read" } },
                "object": {
                    "id": format!("urn:casebook:hmip-youth-2021:{MODULE}:section:{}", index % 4),
                    "objectType": "Activity",
                    "definition": { "name": { "en-GB": "Section: what we expect" }, "type": "http://id.tincanapi.com/activitytype/section" }
                },
                "timestamp": recorded.to_string(),
                "context": { "platform": "casebook", "language": "en-GB" }
            },
            "rejected": null
        });
        let name = format!("{millis:013}-{:04}-{id}.json", index % 10_000);
        fs::write(dir.join(name), entry.to_string()).unwrap();
    }
    let (output, peak_kb) = run_measuring_peak(common::Launch::new(data.path(), &["sync", "--status"]));
    assert!(output.status.success(), "{}", stderr(&output));
    let oldest = jiff::Timestamp::from_millisecond(start_ms)
        .unwrap()
        .strftime("%Y-%m-%d %H:%M:%S UTC")
        .to_string();
    assert!(
        stdout(&output).contains(&format!(
            "100000 statements waiting to be sent, the oldest recorded {oldest}"
        )),
        "{}",
        stdout(&output)
    );
    assert!(peak_kb > 0, "the peak was read from /proc");
    assert!(
        peak_kb < BOUND_KB,
        "sync --status took {peak_kb} kB at its peak for {COUNT} statements (bound {BOUND_KB} kB)"
    );
}

/// Waits up to 20 seconds for `ready` to hold of what the server was sent.
fn wait_for_server(server: &Server, pane: &common::Pane, what: &str, ready: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    let start = Instant::now();
    loop {
        let posted = server.posted();
        if ready(&posted) {
            return posted;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "waited for {what}; the server holds {} statements; screen:\n{}",
            posted.len(),
            pane.screen()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn answered(statements: &[Value], question: &str) -> Vec<Value> {
    statements
        .iter()
        .filter(|statement| {
            statement["verb"]["id"]
                .as_str()
                .unwrap_or_default()
                .ends_with("/answered")
        })
        .filter(|statement| {
            statement["object"]["id"]
                .as_str()
                .unwrap_or_default()
                .ends_with(&format!(":question:{question}"))
        })
        .cloned()
        .collect()
}

/// Opens the module in the tutor and answers its first question with
/// `text`, closing the editor so that the answer is recorded.
fn answer_first_question(pane: &common::Pane, text: &str) {
    pane.wait_for("What we expect");
    pane.keys(&["l", "l", "l", "l"]);
    pane.wait_for("Question 1 of 2");
    pane.type_text(text);
    pane.wait_for(text);
    pane.keys(&["Escape"]);
}

/// Moves on to the second question and answers it with `text`.
fn answer_second_question(pane: &common::Pane, text: &str) {
    pane.keys(&["Right"]);
    pane.wait_for("Question 2 of 2");
    pane.type_text(text);
    pane.wait_for(text);
    pane.keys(&["Escape"]);
}

#[test]
fn turning_text_sharing_off_reaches_a_tutor_that_is_already_open() {
    let _serial = common::one_at_a_time();
    if !common::tmux_available("the running tutor's opt-out test") {
        return;
    }
    let server = Server::start(Answer::Lrs { about: true });
    let data = data_folder();
    configure(data.path(), &server.endpoint(), &["--share-text"]);
    let pane = common::Pane::start("lrs-opt-out", data.path(), &format!("read {MODULE}"));
    answer_first_question(&pane, "Shared while sharing was on.");
    wait_for_server(&server, &pane, "the first answer, with its words", |posted| {
        answered(posted, "stood-out")
            .iter()
            .any(|statement| statement["result"]["response"] == "Shared while sharing was on.")
    });

    // In another terminal, while the tutor stays open.
    configure(data.path(), &server.endpoint(), &[]);
    answer_second_question(&pane, "Kept private after opting out.");
    let posted = wait_for_server(&server, &pane, "the second answer", |posted| {
        !answered(posted, "develop-assessing").is_empty()
    });
    let second = answered(&posted, "develop-assessing");
    assert!(
        second
            .iter()
            .all(|statement| statement["result"].get("response").is_none()),
        "the words went after sharing was turned off: {second:?}"
    );
    assert!(
        !serde_json::to_string(&posted).unwrap().contains("Kept private"),
        "the words reached the LRS"
    );
    assert!(
        outbox(data.path())
            .iter()
            .all(|(_, text)| !text.contains("Kept private")),
        "the words wait in the outbox"
    );
    pane.keys(&["q"]);
    pane.wait_for("Enter open");
    pane.keys(&["q"]);
    assert_eq!(pane.exit_status().0, 0);
}

#[test]
fn lrs_forget_reaches_a_tutor_that_is_already_open() {
    let _serial = common::one_at_a_time();
    if !common::tmux_available("the running tutor's forget test") {
        return;
    }
    let server = Server::start(Answer::Lrs { about: true });
    let data = data_folder();
    configure(data.path(), &server.endpoint(), &[]);
    let pane = common::Pane::start("lrs-forget", data.path(), &format!("read {MODULE}"));
    answer_first_question(&pane, "Answered before forgetting.");
    wait_for_server(&server, &pane, "the first answer", |posted| {
        !answered(posted, "stood-out").is_empty()
    });

    // In another terminal, while the tutor stays open.
    let forget = casebook(data.path(), &["lrs", "forget"], &[]);
    assert!(forget.status.success(), "{}", stderr(&forget));
    let requests_then = server.requests().len();
    answer_second_question(&pane, "Answered after forgetting.");
    pane.keys(&["Right"]);
    // The tutor sends two seconds after a statement is recorded: give it
    // three times that.
    std::thread::sleep(Duration::from_secs(6));
    let later: Vec<Request> = server.requests().split_off(requests_then);
    assert!(
        later.is_empty(),
        "sent after lrs forget, with the forgotten secret: {:?}",
        later
            .iter()
            .map(|request| format!("{} {} {:?}", request.method, request.path, request.authorization))
            .collect::<Vec<_>>()
    );
    assert!(
        outbox(data.path()).is_empty(),
        "recorded after lrs forget: {:?}",
        outbox(data.path())
    );
    pane.keys(&["q"]);
    pane.wait_for("Enter open");
    pane.keys(&["q"]);
    assert_eq!(pane.exit_status().0, 0);
}
