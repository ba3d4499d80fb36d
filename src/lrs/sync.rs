//! Sending the outbox: in batches, removing what the LRS accepted, keeping
//! what it refused with its reason, stopping on wrong credentials and
//! backing off when it cannot be reached.

use std::path::PathBuf;
use std::time::Duration;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::confirm::{self, NotConfirmed};
use super::http::{Client, Reply};
use super::outbox::{self, Entry, Rejection};
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
    /// A redirect (never followed) to this address: try again later.
    Redirected(u16, String),
    /// A web page answered (a log-in page, a proxy's block page): nothing
    /// counts as sent; try again later.
    WebPage(u16),
    /// A 2xx that does not confirm the statements were stored: nothing
    /// counts as sent; try again later.
    Unconfirmed(u16, NotConfirmed),
    /// Any other answer (a server error, a wrong address), with the LRS's
    /// own reason (empty when it gave none): try again later.
    Server(u16, String),
    /// The settings were changed or forgotten while sending: nothing more is
    /// sent with the old ones.
    Changed,
    /// The outbox itself could not be read or changed.
    Disk(String),
}

impl Stop {
    pub fn message(&self, endpoint: &str) -> String {
        match self {
            Stop::Credentials(status) => text::lrs_credentials_refused(endpoint, *status),
            Stop::Unreachable(reason) => text::lrs_unreachable(endpoint, reason),
            Stop::Redirected(status, location) => text::lrs_sync_redirected(endpoint, *status, location),
            Stop::WebPage(status) => text::lrs_sync_web_page(endpoint, *status),
            Stop::Unconfirmed(status, why) => text::lrs_not_confirmed(endpoint, *status, &why.describe()),
            Stop::Server(status, reason) => text::lrs_answered(endpoint, *status, reason),
            Stop::Changed => text::LRS_SETTINGS_CHANGED.to_owned(),
            Stop::Disk(reason) => reason.clone(),
        }
    }
}

/// A statement the LRS refused in this sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub path: PathBuf,
    pub status: u16,
    /// The LRS's own words (empty when it gave none).
    pub reason: String,
}

/// A statement kept back because its words may identify someone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldBack {
    pub path: PathBuf,
    /// What the statement is about (the question, as the statement names it).
    pub what: String,
    /// What the check found, each finding's words as written.
    pub findings: Vec<crate::identify::Finding>,
}

#[derive(Debug, Default)]
pub struct Report {
    pub sent: usize,
    /// Kept back, not sent: the identifying-details check found something
    /// in their words (never with `--checked`).
    pub held: Vec<HeldBack>,
    /// Refused by the LRS in this sync, each with the LRS's reason.
    pub rejected: Vec<Refused>,
    /// Still waiting to be sent (not counting rejected or damaged files).
    pub waiting: usize,
    pub stopped: Option<Stop>,
}

/// The LRS's own words on why it refused a request, shortened; empty when
/// it gave none.
pub(super) fn reason_of(reply: &Reply) -> String {
    if reply.is_web_page() {
        return text::LRS_REPLY_WEB_PAGE.to_owned();
    }
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
                    .trim()
                    .to_owned()
            } else {
                warnings.join("; ")
            }
        }
        None => reply.body.trim().to_owned(),
    };
    const LIMIT: usize = 500;
    if reason.chars().count() > LIMIT {
        reason = format!("{}…", reason.chars().take(LIMIT).collect::<String>());
    }
    reason
}

/// The settings as they are now, when they still name the LRS and
/// credentials being sent with; otherwise `Stop::Changed`.
fn still_current(paths: &DataPaths, settings: &LrsSettings) -> Result<LrsSettings, Stop> {
    match LrsSettings::load(paths) {
        Ok(Some(fresh))
            if fresh.endpoint == settings.endpoint && fresh.key == settings.key && fresh.secret == settings.secret =>
        {
            Ok(fresh)
        }
        _ => Err(Stop::Changed),
    }
}

/// Sends a batch; a batch the LRS refuses as a whole (400, 409, 413) is sent
/// again one statement at a time, so one bad statement holds up no other.
/// Statements leave the outbox only when the LRS confirms it stored them.
fn send(client: &Client, batch: &[(PathBuf, Entry)], report: &mut Report, now: Timestamp) -> Result<(), Stop> {
    let body = serde_json::Value::Array(batch.iter().map(|(_, entry)| entry.statement.clone()).collect()).to_string();
    let reply = client.post_statements(&body).map_err(Stop::Unreachable)?;
    if reply.is_redirect() {
        return Err(Stop::Redirected(
            reply.status,
            reply.location.clone().unwrap_or_else(|| "?".to_owned()),
        ));
    }
    if reply.is_web_page() {
        return Err(Stop::WebPage(reply.status));
    }
    match reply.status {
        200..=299 => {
            let ids: Vec<&str> = batch.iter().map(|(_, entry)| entry.id()).collect();
            match confirm::stored(&reply, &ids) {
                Ok(()) => {}
                Err(NotConfirmed::WebPage) => return Err(Stop::WebPage(reply.status)),
                Err(why) => return Err(Stop::Unconfirmed(reply.status, why)),
            }
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
            let reason = reason_of(&reply);
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
                report.rejected.push(Refused {
                    path: path.clone(),
                    status: reply.status,
                    reason: reason.clone(),
                });
            }
            Ok(())
        }
        status => Err(Stop::Server(status, reason_of(&reply))),
    }
}

/// The findings of a held statement that no mark excuses (a finding
/// marked not identifying since it was recorded is let go).
fn still_held(entry: &Entry, marks: &[crate::identify::Mark]) -> Vec<crate::identify::Finding> {
    let Some(text) = outbox::response(&entry.statement) else {
        return Vec::new();
    };
    entry
        .held
        .iter()
        .map(|held| crate::identify::Finding {
            start: held.start,
            end: held.end,
            kind: held.kind,
            words: text.get(held.start..held.end).unwrap_or_default().to_owned(),
        })
        .filter(|finding| !marks.contains(&crate::identify::mark(text, finding)))
        .collect()
}

/// What a statement is about, as its object's name gives it.
fn about(statement: &serde_json::Value) -> String {
    statement
        .pointer("/object/definition/name")
        .and_then(serde_json::Value::as_object)
        .and_then(|names| names.values().find_map(serde_json::Value::as_str))
        .unwrap_or_default()
        .to_owned()
}

/// The next statements waiting (not refused, readable), at most `BATCH`,
/// read from `files` one at a time. With `hold` (the learner's marks), a
/// statement whose words still have findings is kept back and told to
/// `report`.
fn next_batch(
    files: &mut impl Iterator<Item = PathBuf>,
    hold: Option<&[crate::identify::Mark]>,
    report: &mut Report,
) -> Vec<(PathBuf, Entry)> {
    let mut batch = Vec::with_capacity(BATCH);
    for path in files.by_ref() {
        // A file that cannot be read is left as it is (`sync --status`
        // names it).
        if let Ok(entry) = outbox::read(&path)
            && entry.rejected.is_none()
        {
            if let Some(marks) = hold
                && !entry.held.is_empty()
            {
                let findings = still_held(&entry, marks);
                if !findings.is_empty() {
                    report.held.push(HeldBack {
                        what: about(&entry.statement),
                        path,
                        findings,
                    });
                    continue;
                }
            }
            batch.push((path, entry));
            if batch.len() == BATCH {
                break;
            }
        }
    }
    batch
}

/// With text sharing off (now, whatever it was when they were recorded),
/// takes the learner's words out of statements about to be sent, on disk
/// too.
fn withhold_text(batch: &mut [(PathBuf, Entry)], settings: &LrsSettings) -> Result<(), Stop> {
    if settings.share_text {
        return Ok(());
    }
    for (path, entry) in batch {
        if outbox::strip_text(&mut entry.statement) {
            entry.held.clear();
            outbox::write(path, entry).map_err(|error| Stop::Disk(error.to_string()))?;
        }
    }
    Ok(())
}

/// Sends everything waiting in the outbox, oldest first and a batch at a
/// time (the outbox is read as it goes, so a long one takes no more memory
/// than a short one), and records how it went for `sync --status`. The
/// settings are read again before each batch: forgotten or changed, nothing
/// more is sent with the old ones; text sharing turned off, no more text goes.
pub fn send_outbox(paths: &DataPaths, settings: &LrsSettings, now: Timestamp) -> Report {
    send_outbox_with(paths, settings, now, false)
}

/// `send_outbox`; with `checked`, statements held for what the
/// identifying-details check found in their words go too (the learner has
/// read the findings). Without text sharing their words are taken out
/// before sending, so nothing is held.
pub fn send_outbox_with(paths: &DataPaths, settings: &LrsSettings, now: Timestamp, checked: bool) -> Report {
    let mut report = Report::default();
    let marks = if checked || !settings.share_text {
        None
    } else {
        Some(crate::export::identify::load_marks(paths).unwrap_or_default())
    };
    let listing = match outbox::names(paths) {
        Ok(listing) => listing,
        Err(error) => {
            report.stopped = Some(Stop::Disk(error.to_string()));
            return report;
        }
    };
    let mut files = listing.paths();
    let mut batch = next_batch(&mut files, marks.as_deref(), &mut report);
    if batch.is_empty() {
        return report;
    }
    let client = match Client::new(settings) {
        Ok(client) => client,
        Err(reason) => {
            report.stopped = Some(Stop::Disk(reason));
            return report;
        }
    };
    let mut result = Ok(());
    while !batch.is_empty() {
        let handled = report.sent + report.rejected.len();
        result = still_current(paths, settings)
            .and_then(|fresh| withhold_text(&mut batch, &fresh))
            .and_then(|()| send(&client, &batch, &mut report, now));
        if result.is_err() {
            // What this batch did not send or have refused still waits, as
            // does every later statement.
            let done = report.sent + report.rejected.len() - handled;
            report.waiting = batch.len().saturating_sub(done)
                + files
                    .by_ref()
                    .filter(|path| {
                        outbox::summary(path).is_ok_and(|summary| summary.rejected.is_none() && !summary.held)
                    })
                    .count();
            break;
        }
        batch = next_batch(&mut files, marks.as_deref(), &mut report);
    }
    if result == Err(Stop::Changed) {
        // Forgotten or set anew: the status belongs to the new settings.
        report.stopped = Some(Stop::Changed);
        return report;
    }
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
/// soon after each new statement, backing off after a failure. It reads the
/// settings afresh before each pass (and `send_outbox` before each batch),
/// so `casebook lrs forget` or `lrs set` in another terminal takes effect
/// within one pass: nothing is sent with a forgotten secret, and no text
/// once sharing is off. Wrong credentials stop it until the settings
/// change, and are told to `refused` (the tutor's screen) once, with the
/// HTTP status. It shares nothing else with the screen but `wake`, so
/// typing never waits for the network. `_started_with` (the settings the
/// tutor found when it started) is not sent with: each pass reads the file.
pub fn start_background(
    paths: DataPaths,
    _started_with: LrsSettings,
    wake: Wake,
    refused: impl FnOnce(u16) + Send + 'static,
) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("casebook-lrs-sync".to_owned())
        .spawn(move || {
            let mut refused = Some(refused);
            // The settings the LRS last refused: not tried again.
            let mut refused_with: Option<LrsSettings> = None;
            let mut failures = 0;
            loop {
                let current = LrsSettings::load(&paths).ok().flatten();
                let Some(current) = current.filter(|current| refused_with.as_ref() != Some(current)) else {
                    // Forgotten, unreadable or refused: nothing is sent
                    // until the settings change.
                    wake.wait(POLL);
                    continue;
                };
                let report = send_outbox(&paths, &current, Timestamp::now());
                match report.stopped {
                    Some(Stop::Credentials(status)) => {
                        if let Some(tell) = refused.take() {
                            tell(status);
                        }
                        refused_with = Some(current);
                    }
                    // Read the new settings at once.
                    Some(Stop::Changed) => {}
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
            ..Reply::default()
        };
        assert_eq!(
            reason_of(&reply(
                r#"{"errorId":"x","warnings":["Problem in 'a'","Problem in 'b'"]}"#
            )),
            "Problem in 'a'; Problem in 'b'"
        );
        assert_eq!(reason_of(&reply(r#"{"message":"Bad"}"#)), "Bad");
        assert_eq!(
            reason_of(&reply("")),
            "",
            "no reason is no reason, not the status again"
        );
    }

    /// Issue 24: the status is said once, and the LRS's own reason is kept.
    #[test]
    fn a_stop_says_the_status_once_with_the_lrs_reason() {
        let endpoint = "https://lrs.example.org/xapi/";
        for (stop, status) in [
            (Stop::Server(500, String::new()), "500"),
            (Stop::Server(502, "Bad gateway".to_owned()), "502"),
            (Stop::WebPage(200), "200"),
            (Stop::Unconfirmed(204, NotConfirmed::Empty), "204"),
            (Stop::Redirected(302, "https://login.example.org/".to_owned()), "302"),
        ] {
            let message = stop.message(endpoint);
            assert_eq!(message.matches(status).count(), 1, "{message}");
        }
        assert!(
            Stop::Server(502, "Bad gateway".to_owned())
                .message(endpoint)
                .contains("Bad gateway")
        );
    }
}
