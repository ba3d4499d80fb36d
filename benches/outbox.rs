//! The outbox's memory with many statements waiting (issue 24): peak
//! resident memory (`VmHWM` from `/proc/PID/status`, polled while casebook
//! runs) and wall time of `casebook sync --status`, of `casebook sync`
//! against an LRS that cannot be reached, and of `casebook sync` against an
//! LRS on loopback that takes every statement (written here, answering as
//! xAPI 1.0.3 says: 200 and the ids sent).
//!
//! Run it with `cargo bench --bench outbox`. Options (after `--`):
//! - `--count N`: statements waiting (default 100,000);
//! - `--binary PATH`: measure that casebook build instead of this one's
//!   (an older build, or the debug build without building for release:
//!   `cargo test --bench outbox -- --bench --binary target/debug/casebook`).
//!
//! Linux only (it reads /proc); elsewhere it says so and builds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::ExitCode;

#[cfg(target_os = "linux")]
fn main() -> ExitCode {
    linux::main()
}

#[cfg(not(target_os = "linux"))]
fn main() -> ExitCode {
    println!("outbox benchmark: needs Linux (/proc); nothing measured here");
    ExitCode::SUCCESS
}

#[cfg(target_os = "linux")]
mod linux {
    use std::fs;
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::{TcpListener, TcpStream};
    use std::path::{Path, PathBuf};
    use std::process::{Command, ExitCode, Output, Stdio};
    use std::time::{Duration, Instant};

    use serde_json::{Value, json};

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        if !args.iter().any(|arg| arg == "--bench") {
            // `cargo test --all-targets` runs bench targets without `--bench`.
            println!("outbox benchmark: not run under `cargo test`; run `cargo bench --bench outbox`");
            return ExitCode::SUCCESS;
        }
        let mut count = 100_000;
        let mut binary = PathBuf::from(env!("CARGO_BIN_EXE_casebook"));
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            match arg.as_str() {
                "--count" => count = rest.next().and_then(|n| n.parse().ok()).unwrap_or(count),
                "--binary" => binary = rest.next().map(PathBuf::from).unwrap_or(binary),
                _ => {}
            }
        }
        println!("casebook: {}", binary.display());
        println!("| {count} statements waiting | peak memory, MB | wall time, s | said |");
        println!("|---|---:|---:|---|");

        let data = tempfile::tempdir().unwrap();
        let unreachable = format!("http://127.0.0.1:{}/xAPI/", free_port());
        set_lrs(&binary, data.path(), &unreachable);
        fill_outbox(data.path(), count);
        row(&binary, data.path(), "sync --status", &["sync", "--status"]);
        row(&binary, data.path(), "sync, LRS unreachable", &["sync"]);

        let port = serve_forever();
        set_lrs(&binary, data.path(), &format!("http://127.0.0.1:{port}/xAPI/"));
        row(&binary, data.path(), "sync, LRS takes all", &["sync"]);
        let left = fs::read_dir(data.path().join("outbox")).map_or(0, Iterator::count);
        println!("\n{left} statements left in the outbox after the last sync");
        ExitCode::SUCCESS
    }

    fn free_port() -> u16 {
        TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
    }

    fn set_lrs(binary: &Path, data: &Path, endpoint: &str) {
        let output = Command::new(binary)
            .args(["lrs", "set", endpoint, "--key", "casebook"])
            .env("CASEBOOK_DATA_DIR", data)
            .env("CASEBOOK_LRS_SECRET", "secret")
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }

    /// `count` statements as casebook writes them (pretty JSON, an answer
    /// with its question, course and module: about 3 kB each).
    fn fill_outbox(data: &Path, count: usize) {
        let dir = data.join("outbox");
        fs::create_dir_all(&dir).unwrap();
        let start_ms: i64 = 1_800_000_000_000;
        for index in 0..count {
            let id = format!("00000000-0000-4000-8000-{index:012}");
            let millis = start_ms + i64::try_from(index / 10).unwrap();
            let recorded = jiff::Timestamp::from_millisecond(millis).unwrap().to_string();
            let module = "urn:casebook:hmip-youth-2021:desistance-assessing";
            let entry = json!({
                "schema": 1,
                "recorded": recorded,
                "statement": {
                    "id": id,
                    "actor": { "objectType": "Agent", "account": { "homePage": "https://lrs.example.org", "name": "casebook" } },
                    "verb": { "id": "http://adlnet.gov/expapi/verbs/answered", "display": { "en-GB": "answered" } },
                    "object": {
                        "id": format!("{module}:question:stood-out"),
                        "objectType": "Activity",
                        "definition": {
                            "name": { "en-GB": "What stood out to you in this case illustration, and can you identify similar elements in your own approach to engaging the right people around the child to support your assessments?" },
                            "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                            "interactionType": "long-fill-in"
                        }
                    },
                    "result": { "completion": true },
                    "timestamp": recorded,
                    "context": {
                        "platform": "casebook",
                        "language": "en-GB",
                        "contextActivities": {
                            "parent": [{ "id": module, "objectType": "Activity", "definition": {
                                "name": { "en-GB": "Assessing for desistance" },
                                "description": { "en-GB": "Tim, 17: referral order" },
                                "type": "http://adlnet.gov/expapi/activities/module" } }],
                            "grouping": [{ "id": "urn:casebook:hmip-youth-2021", "objectType": "Activity", "definition": {
                                "name": { "en-GB": "Effective practice guide: Case supervision – youth" },
                                "type": "http://adlnet.gov/expapi/activities/course" } }]
                        },
                        "extensions": {
                            "urn:casebook:extension:casebook-version": "0.1.0",
                            "urn:casebook:extension:course-version": "January 2021"
                        }
                    }
                },
                "rejected": null
            });
            let name = format!("{millis:013}-{:04}-{id}.json", index % 10_000);
            fs::write(dir.join(name), serde_json::to_string_pretty(&entry).unwrap() + "\n").unwrap();
        }
    }

    fn row(binary: &Path, data: &Path, what: &str, args: &[&str]) {
        let mut command = Command::new(binary);
        command.args(args).env("CASEBOOK_DATA_DIR", data);
        let started = Instant::now();
        let (output, peak_kb) = run_measuring_peak(command);
        let seconds = started.elapsed().as_secs_f64();
        let said: String = String::from_utf8_lossy(&output.stdout)
            .lines()
            .chain(String::from_utf8_lossy(&output.stderr).lines())
            .filter(|line| line.contains("waiting") || line.starts_with("Sent"))
            .collect::<Vec<_>>()
            .join(" / ");
        println!(
            "| {what} | {:.1} | {seconds:.1} | {said} |",
            f64::from(u32::try_from(peak_kb).unwrap_or(u32::MAX)) / 1024.0
        );
    }

    /// VmHWM is a high-water mark: polling can miss only a peak reached in
    /// the last moments before the program ends.
    fn run_measuring_peak(mut command: Command) -> (Output, u64) {
        let child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
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
                std::thread::sleep(Duration::from_millis(5));
            }
            peak_kb
        });
        let output = child.wait_with_output().unwrap();
        (output, poller.join().unwrap())
    }

    /// An LRS on loopback that takes every statement: 200 and the ids sent.
    fn serve_forever() -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::spawn(move || serve(stream));
            }
        });
        port
    }

    fn serve(stream: TcpStream) {
        let mut writer = stream.try_clone().unwrap();
        let mut reader = BufReader::new(stream);
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let mut length = 0;
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 {
                    return;
                }
                let header = header.trim_end();
                if header.is_empty() {
                    break;
                }
                if let Some((name, value)) = header.split_once(':')
                    && name.eq_ignore_ascii_case("content-length")
                {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            if reader.read_exact(&mut body).is_err() {
                return;
            }
            let ids: Vec<Value> = serde_json::from_slice::<Value>(&body)
                .ok()
                .and_then(|body| body.as_array().cloned())
                .unwrap_or_default()
                .iter()
                .map(|statement| statement["id"].clone())
                .collect();
            let reply = Value::Array(ids).to_string();
            let response = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{reply}",
                reply.len()
            );
            if writer.write_all(response.as_bytes()).is_err() {
                return;
            }
        }
    }
}
