//! Sending the outbox: in batches, removing what the LRS accepted, keeping
//! what it refused with its reason, stopping on wrong credentials and
//! backing off when it cannot be reached.

use std::path::PathBuf;
use std::time::Duration;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::http::{Client, Reply};
use super::outbox::{self, Entry, Rejection, Stored};
use super::settings::LrsSettings;
use crate::folder::DataPaths;
use crate::folder::StoreError;
use crate::folder::ron_file::{read, to_ron, write_atomic};
use crate::text;

/// Statements per request: well under any LRS's limit on a request's size.
pub const BATCH: usize = 50;

/// The first wait after a failure; it doubles up to `BACKOFF_MAX`.
pub const BACKOFF_FIRST: Duration = Duration::from_secs(30);
pub const BACKOFF_MAX: Duration = Duration::from_secs(30 * 60);

/// How often the tutor looks at the outbox when nothing has woken it.
pub const POLL: Duration = Duration::from_secs(60);

/// After a new statement wakes the sender, it waits this long so that the
/// events of one action (a section read and a question answered) go in one
/// request.
pub const SETTLE: Duration = Duration::from_secs(2);

/// Rings when the recorder has written to the outbox.
#[derive(Debug, Clone, Default)]
pub struct Wake(std::sync::Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>);

impl Wake {
    pub fn notify(&self) {
        let (rung, condvar) = &*self.0;
        if let Ok(mut rung) = rung.lock() {
            *rung = true;
            condvar.notify_all();
        }
    }

    /// Waits until rung or `timeout` has passed; true when rung.
    fn wait(&self, timeout: Duration) -> bool {
        let (rung, condvar) = &*self.0;
        let Ok(guard) = rung.lock() else {
            std::thread::sleep(timeout);
            return false;
        };
        match condvar.wait_timeout_while(guard, timeout, |rung| !*rung) {
            Ok((mut rung, _)) => std::mem::replace(&mut *rung, false),
            Err(_) => false,
        }
    }
}

pub const STATUS_SCHEMA: u32 = 1;

/// The last sync, kept for `sync --status`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncStatus {
    pub schema: u32,
    #[serde(default)]
    pub last_attempt: Option<Timestamp>,
    #[serde(default)]
    pub last_success: Option<Timestamp>,
    #[serde(default)]
    pub last_error: Option<String>,
    /// Failures in a row, for the back-off.
    #[serde(default)]
    pub failures: u32,
}

impl SyncStatus {
    pub fn load(paths: &DataPaths) -> Result<Option<SyncStatus>, StoreError> {
        read(&paths.sync_status_file(), STATUS_SCHEMA)
    }

    fn save(&self, paths: &DataPaths) -> Result<(), StoreError> {
        let path = paths.sync_status_file();
        let text = to_ron(self).map_err(|reason| StoreError::Io {
            path: path.clone(),
            reason,
        })?;
        write_atomic(&path, text.as_bytes())
    }
}

/// Why sending stopped before the outbox was empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// 401 or 403: nothing more is sent until the settings change.
    Credentials(u16),
    /// No answer, a refused connection or a timeout: try again later.
    Unreachable(String),
    /// Any other answer (a server error, a wrong address): try again later.
    Server(u16, String),
    /// The outbox itself could not be read or changed.
    Disk(String),
}

impl Stop {
    pub fn message(&self, endpoint: &str) -> String {
        match self {
            Stop::Credentials(status) => text::lrs_credentials_refused(endpoint, *status),
            Stop::Unreachable(reason) => text::lrs_unreachable(endpoint, reason),
            Stop::Server(status, reason) => text::lrs_server_error(endpoint, *status, reason),
            Stop::Disk(reason) => reason.clone(),
        }
    }
}

#[derive(Debug, Default)]
pub struct Report {
    pub sent: usize,
    /// Refused by the LRS in this sync: the file and the LRS's reason.
    pub rejected: Vec<(PathBuf, String)>,
    /// Still waiting to be sent (not counting rejected or damaged files).
    pub waiting: usize,
    pub stopped: Option<Stop>,
}

/// The LRS's own words on why it refused a request, shortened.
fn reason_of(reply: &Reply) -> String {
    let parsed: Option<serde_json::Value> = serde_json::from_str(&reply.body).ok();
    let mut reason = match &parsed {
        Some(value) => {
            let warnings: Vec<&str> = value
                .get("warnings")
                .and_then(serde_json::Value::as_array)
                .map(|list| list.iter().filter_map(serde_json::Value::as_str).collect())
                .unwrap_or_default();
            if warnings.is_empty() {
                value
                    .get("message")
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or(reply.body.as_str())
                    .to_owned()
            } else {
                warnings.join("; ")
            }
        }
        None => reply.body.trim().to_owned(),
    };
    if reason.is_empty() {
        reason = text::lrs_status_only(reply.status);
    }
    const LIMIT: usize = 500;
    if reason.chars().count() > LIMIT {
        reason = format!("{}…", reason.chars().take(LIMIT).collect::<String>());
    }
    reason
}

/// Sends a batch; a batch the LRS refuses as a whole (400, 409, 413) is sent
/// again one statement at a time, so one bad statement holds up no other.
fn send(client: &Client, batch: &[(PathBuf, Entry)], report: &mut Report, now: Timestamp) -> Result<(), Stop> {
    let body = serde_json::Value::Array(batch.iter().map(|(_, entry)| entry.statement.clone()).collect()).to_string();
    let reply = client.post_statements(&body).map_err(Stop::Unreachable)?;
    match reply.status {
        200..=299 => {
            for (path, _) in batch {
                outbox::remove(path).map_err(|error| Stop::Disk(error.to_string()))?;
                report.sent += 1;
            }
            Ok(())
        }
        401 | 403 => Err(Stop::Credentials(reply.status)),
        400 | 409 | 413 if batch.len() > 1 => {
            for single in batch.chunks(1) {
                send(client, single, report, now)?;
            }
            Ok(())
        }
        400 | 409 | 413 => {
            let reason = if reply.status == 409 {
                text::LRS_CONFLICT.to_owned()
            } else {
                reason_of(&reply)
            };
            for (path, entry) in batch {
                let marked = Entry {
                    rejected: Some(Rejection {
                        status: reply.status,
                        reason: reason.clone(),
                        at: now,
                    }),
                    ..entry.clone()
                };
                outbox::write(path, &marked).map_err(|error| Stop::Disk(error.to_string()))?;
                report.rejected.push((path.clone(), reason.clone()));
            }
            Ok(())
        }
        status => Err(Stop::Server(status, reason_of(&reply))),
    }
}

/// Sends everything waiting in the outbox, oldest first, and records how it
/// went for `sync --status`.
pub fn send_outbox(paths: &DataPaths, settings: &LrsSettings, now: Timestamp) -> Report {
    let mut report = Report::default();
    let stored = match outbox::list(paths) {
        Ok(stored) => stored,
        Err(error) => {
            report.stopped = Some(Stop::Disk(error.to_string()));
            return report;
        }
    };
    let waiting: Vec<(PathBuf, Entry)> = stored
        .into_iter()
        .filter_map(|Stored { path, entry }| entry.ok().map(|entry| (path, entry)))
        .filter(|(_, entry)| entry.rejected.is_none())
        .collect();
    if waiting.is_empty() {
        return report;
    }
    let result = match Client::new(settings) {
        Ok(client) => waiting
            .chunks(BATCH)
            .try_for_each(|batch| send(&client, batch, &mut report, now)),
        Err(reason) => Err(Stop::Disk(reason)),
    };
    report.waiting = waiting.len() - report.sent - report.rejected.len();
    let mut status = SyncStatus::load(paths).ok().flatten().unwrap_or_default();
    status.schema = STATUS_SCHEMA;
    status.last_attempt = Some(now);
    match result {
        Ok(()) => {
            status.last_success = Some(now);
            status.last_error = None;
            status.failures = 0;
        }
        Err(stop) => {
            status.last_error = Some(stop.message(&settings.endpoint));
            status.failures = status.failures.saturating_add(1);
            report.stopped = Some(stop);
        }
    }
    let _ = status.save(paths);
    report
}

/// How long to wait after `failures` failures in a row.
pub fn backoff(failures: u32) -> Duration {
    let doublings = failures.saturating_sub(1).min(16);
    BACKOFF_FIRST.saturating_mul(1 << doublings).min(BACKOFF_MAX)
}

/// The tutor's sync: a thread of its own that sends the outbox now and
/// soon after each new statement, backing off after a failure and giving up
/// for this run on wrong credentials, which it tells `refused` (the tutor's
/// screen) with the HTTP status. It shares nothing else with the screen but
/// `wake`, so typing never waits for the network.
pub fn start_background(
    paths: DataPaths,
    settings: LrsSettings,
    wake: Wake,
    refused: impl FnOnce(u16) + Send + 'static,
) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("casebook-lrs-sync".to_owned())
        .spawn(move || {
            let mut failures = 0;
            loop {
                let report = send_outbox(&paths, &settings, Timestamp::now());
                match report.stopped {
                    Some(Stop::Credentials(status)) => {
                        refused(status);
                        return;
                    }
                    Some(_) => {
                        failures += 1;
                        std::thread::sleep(backoff(failures));
                    }
                    None => {
                        failures = 0;
                        if wake.wait(POLL) {
                            std::thread::sleep(SETTLE);
                        }
                    }
                }
            }
        })
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_to_a_ceiling() {
        assert_eq!(backoff(1), Duration::from_secs(30));
        assert_eq!(backoff(2), Duration::from_secs(60));
        assert_eq!(backoff(3), Duration::from_secs(120));
        assert_eq!(backoff(10), BACKOFF_MAX);
        assert_eq!(backoff(u32::MAX), BACKOFF_MAX);
    }

    #[test]
    fn the_lrs_reason_is_its_warnings_or_message() {
        let reply = |body: &str| Reply {
            status: 400,
            body: body.to_owned(),
        };
        assert_eq!(
            reason_of(&reply(
                r#"{"errorId":"x","warnings":["Problem in 'a'","Problem in 'b'"]}"#
            )),
            "Problem in 'a'; Problem in 'b'"
        );
        assert_eq!(reason_of(&reply(r#"{"message":"Bad"}"#)), "Bad");
        assert_eq!(reason_of(&reply("")), text::lrs_status_only(400));
    }
}
