//! Sending learning records to the organisation's learning record store
//! (xAPI): offline first (statements wait in an outbox in the data folder),
//! privacy first (no reflection text unless the learner turns it on), and no
//! network at all unless an LRS is configured.

pub mod confirm;
pub mod http;
pub mod outbox;
pub mod record;
pub mod settings;
pub mod statements;
pub mod sync;

use std::io::IsTerminal;

use jiff::Timestamp;

use crate::exit;
use crate::folder::DataPaths;
use crate::messages::print;
use crate::text;
pub use record::{Recorder, RecordingStore};
pub use settings::LrsSettings;

#[derive(Debug, clap::Subcommand)]
pub enum LrsCommand {
    /// Send records to ENDPOINT with the key the LRS gave you; the secret is asked for (or read from CASEBOOK_LRS_SECRET)
    Set(SetArgs),
    /// Check that the LRS answers and accepts your key and secret
    Test,
    /// Stop sending: remove the LRS settings and the statements not yet sent
    Forget,
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The LRS's xAPI endpoint: https://..., or http:// on this machine only
    #[arg(value_name = "ENDPOINT")]
    pub endpoint: String,
    /// The key (user name) the LRS gave you
    #[arg(long, value_name = "KEY")]
    pub key: String,
    /// Your account name at the LRS, as statements name you (default: the key)
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,
    /// The account's home page (default: the endpoint's scheme and host)
    #[arg(long, value_name = "URL")]
    pub home_page: Option<String>,
    /// Also send the words of your answers and action points (off unless given)
    #[arg(long)]
    pub share_text: bool,
    /// Seconds one request may take before it counts as failed
    #[arg(long, value_name = "SECONDS", default_value_t = settings::DEFAULT_TIMEOUT_SECONDS)]
    pub timeout: u64,
}

/// The settings the tutor records and sends with, or a notice when they
/// cannot be read (recording is then off for the run, and nothing is sent).
pub fn for_tutor(paths: &DataPaths) -> (Option<LrsSettings>, Option<String>) {
    match LrsSettings::load(paths) {
        Ok(settings) => (settings, None),
        Err(error) => (None, Some(text::lrs_settings_unreadable(&error.to_string()))),
    }
}

/// The data folder's store, recording statements when an LRS is
/// configured (and only passing saves through otherwise).
pub fn recording_store(
    paths: &DataPaths,
    courses: &[crate::content::Course],
) -> RecordingStore<crate::store::FileStore> {
    let recorder = LrsSettings::load(paths)
        .ok()
        .flatten()
        .map(|settings| Recorder::new(paths.clone(), &settings, courses, jiff::Timestamp::now));
    RecordingStore::new(crate::store::FileStore::new(paths.clone()), recorder)
}

/// Says something on standard error: messages here carry the LRS's own
/// replies and addresses, which are never let act on the terminal.
fn warn(message: &str) {
    crate::messages::say(message);
}

/// `casebook lrs set|test|forget`.
pub fn run_lrs(command: &LrsCommand, paths: &DataPaths) -> u8 {
    match command {
        LrsCommand::Set(args) => set(args, paths),
        LrsCommand::Test => test(paths),
        LrsCommand::Forget => forget(paths),
    }
}

fn configured(paths: &DataPaths) -> Result<LrsSettings, u8> {
    match LrsSettings::load(paths) {
        Ok(Some(settings)) => Ok(settings),
        Ok(None) => {
            warn(text::LRS_NOT_CONFIGURED);
            Err(exit::LRS)
        }
        Err(error) => {
            warn(&text::lrs_settings_unreadable(&error.to_string()));
            Err(exit::DATA)
        }
    }
}

/// The secret, from `CASEBOOK_LRS_SECRET` or typed at the terminal without
/// echo; never from the command line, where others can see it.
fn read_secret(key: &str) -> Result<String, String> {
    if let Some(secret) = std::env::var_os("CASEBOOK_LRS_SECRET").filter(|secret| !secret.is_empty()) {
        return secret.into_string().map_err(|_| text::LRS_SECRET_NOT_TEXT.to_owned());
    }
    if !std::io::stdin().is_terminal() {
        return Err(text::LRS_SECRET_NEEDED.to_owned());
    }
    use crate::hidden_input::{Hidden, read_hidden};
    match read_hidden(&text::lrs_secret_prompt(key)) {
        Hidden::Typed(secret) if !secret.is_empty() => Ok(secret),
        Hidden::Typed(_) | Hidden::Cancelled | Hidden::NoTerminal => Err(text::LRS_SECRET_NEEDED.to_owned()),
        Hidden::Failed(reason) => Err(text::lrs_secret_unread(&reason)),
    }
}

fn set(args: &SetArgs, paths: &DataPaths) -> u8 {
    if let Err(message) = crate::folder::check_data_dir(paths) {
        warn(&message);
        return exit::DATA;
    }
    let endpoint = match settings::check_endpoint(&args.endpoint) {
        Ok(endpoint) => endpoint,
        Err(message) => {
            warn(&message);
            return 2;
        }
    };
    if let Err(error) = LrsSettings::load(paths) {
        warn(&text::lrs_settings_unreadable(&error.to_string()));
        return exit::DATA;
    }
    if args.key.is_empty() || args.key.contains(':') {
        warn(text::LRS_KEY_INVALID);
        return 2;
    }
    let secret = match read_secret(&args.key) {
        Ok(secret) => secret,
        Err(message) => {
            warn(&message);
            return 2;
        }
    };
    let settings = LrsSettings {
        schema: settings::SETTINGS_SCHEMA,
        account_home_page: args.home_page.clone().unwrap_or_else(|| settings::origin(&endpoint)),
        account_name: args.account.clone().unwrap_or_else(|| args.key.clone()),
        endpoint,
        key: args.key.clone(),
        secret,
        share_text: args.share_text,
        timeout_seconds: args.timeout.max(1),
    };
    if let Err(error) = settings.save(paths) {
        warn(&text::lrs_settings_unsaved(&error.to_string()));
        return exit::DATA;
    }
    let mut out = text::lrs_set_summary(
        &settings.endpoint,
        &settings.account_name,
        &settings.account_home_page,
        settings.share_text,
    );
    if !settings.share_text {
        let removed = withdraw_text(paths);
        if removed > 0 {
            out.push_str(&text::lrs_text_withdrawn(removed));
        }
    }
    out.push('\n');
    match print(&out) {
        Ok(()) => exit::OK,
        Err(code) => code,
    }
}

/// With sharing turned off, takes the words out of statements still
/// waiting in the outbox, a file at a time. Returns how many were changed.
fn withdraw_text(paths: &DataPaths) -> usize {
    let Ok(listing) = outbox::names(paths) else {
        return 0;
    };
    let mut changed = 0;
    for path in listing.paths() {
        let Ok(mut entry) = outbox::read(&path) else { continue };
        if outbox::strip_text(&mut entry.statement) && {
            entry.held.clear();
            outbox::write(&path, &entry).is_ok()
        } {
            changed += 1;
        }
    }
    changed
}

/// Says `out` (what `lrs test` found so far) and then `problem`.
fn test_failed(out: &str, problem: &str) -> u8 {
    if !out.is_empty() {
        let _ = print(out);
    }
    warn(problem);
    exit::LRS
}

/// `lrs test`: the same rule as sending: a 2xx counts only with the body
/// xAPI gives; a web page (a log-in or proxy page) is said to be one.
fn test(paths: &DataPaths) -> u8 {
    let settings = match configured(paths) {
        Ok(settings) => settings,
        Err(code) => return code,
    };
    let client = match http::Client::new(&settings) {
        Ok(client) => client,
        Err(message) => {
            warn(&message);
            return exit::LRS;
        }
    };
    let endpoint = client.endpoint().to_owned();
    let about = match client.about() {
        Ok(reply) => reply,
        Err(reason) => return test_failed("", &text::lrs_unreachable(&endpoint, &reason)),
    };
    let mut out = String::new();
    if let Some(problem) = test_problem(&endpoint, &about) {
        return test_failed("", &problem);
    }
    match about.status {
        // Not every LRS describes itself: the signed-in check says whether
        // this one takes casebook's records.
        404 => out.push_str(&text::lrs_about_missing(&endpoint)),
        200..=299 => match confirm::about(&about) {
            Ok(versions) => out.push_str(&text::lrs_answers(&endpoint, &versions)),
            Err(why) => return test_failed("", &text::lrs_test_not_xapi(&endpoint, about.status, &why.describe())),
        },
        status => return test_failed("", &text::lrs_about_failed(&endpoint, status, &about.body)),
    }
    out.push('\n');
    let check = match client.signed_in_check() {
        Ok(reply) => reply,
        Err(reason) => return test_failed(&out, &text::lrs_unreachable(&endpoint, &reason)),
    };
    if let Some(problem) = test_problem(&endpoint, &check) {
        return test_failed(&out, &problem);
    }
    match check.status {
        200..=299 => match confirm::statement_result(&check) {
            Ok(()) => {
                out.push_str(&text::lrs_signed_in(&settings.key, settings.share_text));
                out.push('\n');
                match print(&out) {
                    Ok(()) => exit::OK,
                    Err(code) => code,
                }
            }
            Err(why) => test_failed(&out, &text::lrs_test_not_xapi(&endpoint, check.status, &why.describe())),
        },
        401 | 403 => test_failed(&out, &text::lrs_credentials_refused(&endpoint, check.status)),
        status => test_failed(
            &out,
            &text::lrs_answered_test(&endpoint, status, &sync::reason_of(&check)),
        ),
    }
}

/// What `lrs test` says of a redirect or a web page, whatever the status.
fn test_problem(endpoint: &str, reply: &http::Reply) -> Option<String> {
    if reply.is_redirect() {
        Some(text::lrs_test_redirected(
            endpoint,
            reply.status,
            reply.location.as_deref().unwrap_or("?"),
        ))
    } else if reply.is_web_page() {
        Some(text::lrs_test_web_page(endpoint, reply.status))
    } else {
        None
    }
}

fn forget(paths: &DataPaths) -> u8 {
    let path = paths.lrs_settings_file();
    let endpoint = LrsSettings::load(paths)
        .ok()
        .flatten()
        .map(|settings| settings.endpoint);
    let had_settings = path.symlink_metadata().is_ok();
    if had_settings && let Err(error) = std::fs::remove_file(&path) {
        warn(&text::lrs_forget_failed(
            &path.display().to_string(),
            &text::io_reason(&error),
        ));
        return exit::DATA;
    }
    let _ = std::fs::remove_file(paths.sync_status_file());
    let mut removed = 0;
    let mut left = Vec::new();
    let listing = outbox::names(paths).unwrap_or_default();
    for path in listing.paths() {
        match outbox::summary(&path) {
            Ok(_) if outbox::remove(&path).is_ok() => removed += 1,
            Ok(_) => left.push(path.display().to_string()),
            // Not casebook's to judge: left as it is, and named.
            Err(error) => left.push(error.to_string()),
        }
    }
    let _ = std::fs::remove_dir(paths.outbox_dir());
    let mut out = if had_settings {
        text::lrs_forgotten(endpoint.as_deref(), removed)
    } else {
        text::LRS_NOTHING_TO_FORGET.to_owned()
    };
    for problem in &left {
        out.push('\n');
        out.push_str(&text::lrs_outbox_left(problem));
    }
    out.push('\n');
    match print(&out) {
        Ok(()) => exit::OK,
        Err(code) => code,
    }
}

/// `casebook sync` and `casebook sync --status`; `checked`: statements
/// held for what the identifying-details check found in their words are
/// sent too.
pub fn run_sync(status_only: bool, checked: bool, paths: &DataPaths) -> u8 {
    if status_only {
        return status(paths);
    }
    let settings = match configured(paths) {
        Ok(settings) => settings,
        Err(code) => return code,
    };
    if let Err(message) = crate::folder::check_data_dir(paths) {
        warn(&message);
        return exit::DATA;
    }
    // One sender at a time: an open tutor sends the outbox itself.
    let _lock = match crate::folder::lock::DataLock::acquire(paths) {
        Ok(lock) => lock,
        Err(error) => {
            warn(&error.to_string());
            return error.exit_code();
        }
    };
    let report = sync::send_outbox_with(paths, &settings, Timestamp::now(), checked);
    let mut out = text::lrs_sent(report.sent, &settings.endpoint);
    let mut number = 0;
    for held in &report.held {
        for finding in &held.findings {
            number += 1;
            out.push('\n');
            out.push_str(&text::identify::finding_line(
                number,
                "",
                &text::identify::question(&held.what),
                &finding.words,
                finding.kind.reason(),
            ));
        }
    }
    if !report.held.is_empty() {
        out.push('\n');
        out.push_str(&text::identify::lrs_held(report.held.len()));
    }
    for refused in &report.rejected {
        out.push('\n');
        out.push_str(&text::lrs_refused_statement(
            &refused.path.display().to_string(),
            refused.status,
            &refused.reason,
        ));
    }
    out.push('\n');
    if let Err(code) = print(&out) {
        return code;
    }
    match report.stopped {
        None if !report.held.is_empty() => exit::FOUND,
        None => exit::OK,
        Some(stop) => {
            warn(&stop.message(&settings.endpoint));
            if report.waiting > 0 {
                warn(&text::lrs_still_waiting(report.waiting));
            }
            exit::LRS
        }
    }
}

/// A time in `sync --status`, to the second.
fn shown(at: Timestamp) -> String {
    at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string()
}

fn status(paths: &DataPaths) -> u8 {
    let settings = match LrsSettings::load(paths) {
        Ok(settings) => settings,
        Err(error) => {
            warn(&text::lrs_settings_unreadable(&error.to_string()));
            return exit::DATA;
        }
    };
    let mut out = match &settings {
        Some(settings) => text::lrs_status_settings(&settings.endpoint, &settings.account_name, settings.share_text),
        None => text::LRS_STATUS_NONE.to_owned(),
    };
    out.push('\n');
    // Read a file at a time, keeping only the counts and the lines to
    // show: 100,000 waiting statements take no more memory than ten.
    let listing = match outbox::names(paths) {
        Ok(listing) => listing,
        Err(error) => {
            warn(&error.to_string());
            return exit::DATA;
        }
    };
    let mut waiting = 0;
    let mut held = 0;
    let mut oldest: Option<Timestamp> = None;
    let mut rejected = Vec::new();
    let mut damaged = Vec::new();
    for path in listing.paths() {
        match outbox::summary(&path) {
            Ok(summary) => match summary.rejected {
                None if summary.held => held += 1,
                None => {
                    waiting += 1;
                    oldest = Some(oldest.map_or(summary.recorded, |oldest| oldest.min(summary.recorded)));
                }
                Some(rejection) => rejected.push(text::lrs_refused_statement(
                    &path.display().to_string(),
                    rejection.status,
                    &rejection.reason,
                )),
            },
            Err(error) => damaged.push(text::lrs_damaged(&error.to_string())),
        }
    }
    out.push_str(&text::lrs_waiting(waiting, oldest.map(shown).as_deref()));
    out.push('\n');
    if held > 0 {
        out.push_str(&text::identify::lrs_held_waiting(held));
        out.push('\n');
    }
    for line in rejected.iter().chain(&damaged) {
        out.push_str(line);
        out.push('\n');
    }
    match sync::SyncStatus::load(paths) {
        Ok(Some(last)) => {
            out.push_str(&text::lrs_last_sync(
                last.last_attempt.map(shown).as_deref(),
                last.last_success.map(shown).as_deref(),
                last.last_error.as_deref(),
            ));
            out.push('\n');
        }
        Ok(None) => {}
        Err(error) => {
            out.push_str(&error.to_string());
            out.push('\n');
        }
    }
    match print(&out) {
        Ok(()) => exit::OK,
        Err(code) => code,
    }
}
