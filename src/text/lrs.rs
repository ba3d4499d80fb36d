//! The learning record store (xAPI): `casebook lrs` and `casebook sync`.

fn statements_count(count: usize) -> String {
    if count == 1 {
        "1 statement".to_owned()
    } else {
        format!("{count} statements")
    }
}

pub fn lrs_endpoint_not_url(endpoint: &str) -> String {
    format!(
        "\"{endpoint}\" is not an LRS address casebook can use. Give the xAPI endpoint your LRS's administrator \
         gave you, such as https://lrs.example.org/xapi/ (no user name, password or ? in it)."
    )
}

pub fn lrs_endpoint_not_https(endpoint: &str) -> String {
    format!(
        "\"{endpoint}\" is not HTTPS: your records would cross the network unprotected. Use the https:// address \
         of your LRS (plain http:// is accepted only for an LRS on this machine: localhost or 127.0.0.1)."
    )
}

pub const LRS_KEY_INVALID: &str =
    "The key must not be empty or contain a colon (:). Use the key (user name) your LRS's administrator gave you.";

pub const LRS_SECRET_NEEDED: &str = "casebook needs the LRS secret: type it when asked (run casebook lrs set in a \
terminal), or put it in the CASEBOOK_LRS_SECRET environment variable. It is never taken from the command line, \
where other people on the machine could see it.";

pub const LRS_SECRET_NOT_TEXT: &str = "CASEBOOK_LRS_SECRET is not valid text (UTF-8); set it again.";

pub fn lrs_secret_prompt(key: &str) -> String {
    format!("Secret for {key} (not shown as you type): ")
}

pub fn lrs_secret_unread(reason: &str) -> String {
    format!("The secret could not be read from the terminal: {reason}. Set CASEBOOK_LRS_SECRET instead.")
}

pub fn lrs_settings_unreadable(problem: &str) -> String {
    format!(
        "The LRS settings could not be read ({problem}), so nothing is recorded or sent; the file is left as it is. \
         Fix it, or run \"casebook lrs forget\" and then \"casebook lrs set\" again."
    )
}

pub fn lrs_settings_unsaved(problem: &str) -> String {
    format!("The LRS settings could not be saved ({problem}); nothing was changed.")
}

pub fn lrs_set_summary(endpoint: &str, account: &str, home_page: &str, share_text: bool) -> String {
    let text = if share_text {
        "Reflection text: SENT. The words of each answer and action point you write from now on go to the LRS, \
         where the people who run it can read them. To stop, run \"casebook lrs set\" again without --share-text."
    } else {
        "Reflection text: not sent. Your answers and action points stay on this machine; the LRS learns only \
         that you answered. To send the words too, run \"casebook lrs set\" again with --share-text."
    };
    format!(
        "casebook will send your learning records to {endpoint}, as account \"{account}\" ({home_page}).\n\
         Sent: when you start a module, read a section, answer a question, set an action point and complete a \
         module, with the names of the module and question and your study time.\n\
         {text}\n\
         Records wait in the outbox in your data folder until they are sent (by the tutor as you study, or by \
         \"casebook sync\"). Run \"casebook lrs test\" to check the connection."
    )
}

pub fn lrs_text_withdrawn(count: usize) -> String {
    format!(
        "\nThe words were taken out of {} still waiting to be sent.",
        statements_count(count)
    )
}

pub const LRS_NOT_CONFIGURED: &str = "No LRS is configured, so casebook records and sends nothing. Set one up with \
\"casebook lrs set ENDPOINT --key KEY\" (see \"casebook guide it\").";

pub const LRS_TIMED_OUT: &str = "no answer in time (timed out)";

pub fn lrs_untrusted(reason: &str) -> String {
    format!(
        "{reason}: this machine does not trust the LRS's certificate; ask your IT team to install your \
         organisation's certificate authority, or check the address"
    )
}

pub fn lrs_redirected(location: &str) -> String {
    format!(
        "the LRS answered with a redirect to {location}, which casebook does not follow; set that address as the endpoint if it is right"
    )
}

/// In the tutor, short enough for its two rows at 80 columns.
pub fn records_refused(status: u16) -> String {
    format!(
        "Your LRS refused casebook's key and secret ({status}), so records are not being sent; they wait \
         in the outbox. Run \"casebook lrs set\" again."
    )
}

/// The home screen's foot once the LRS has refused casebook's key and secret.
pub const RECORDS_NOT_SENT: &str = "Records are not reaching your LRS: \"casebook sync --status\" says why.";

pub fn lrs_credentials_refused(endpoint: &str, status: u16) -> String {
    format!(
        "The LRS at {endpoint} refused the key and secret ({status}), so sending has stopped; your records wait \
         in the outbox. Check them with your LRS's administrator, then run \"casebook lrs set\" again."
    )
}

pub fn lrs_unreachable(endpoint: &str, reason: &str) -> String {
    format!(
        "The LRS at {endpoint} could not be reached ({reason}). Your records wait in the outbox and are sent \
         later; check the address and your network, or run \"casebook sync\" again."
    )
}

pub fn lrs_about_failed(endpoint: &str, status: u16, reason: &str) -> String {
    format!(
        "{endpoint}about answered {status}, not an LRS's description of itself ({}). Check the endpoint: it is \
         the xAPI address, usually ending in /xapi/ or /xAPI/.",
        reason.trim().chars().take(200).collect::<String>()
    )
}

pub fn lrs_answers(endpoint: &str, versions: &[String]) -> String {
    if versions.is_empty() {
        format!("The LRS at {endpoint} answers.")
    } else {
        format!("The LRS at {endpoint} answers (xAPI {}).", versions.join(", "))
    }
}

pub fn lrs_signed_in(key: &str, share_text: bool) -> String {
    let text = if share_text {
        "the words of your answers and action points are sent"
    } else {
        "the words of your answers and action points are not sent"
    };
    format!("It accepts the key {key} and its secret; {text}.")
}

pub const LRS_NOTHING_TO_FORGET: &str = "No LRS was configured; there was nothing to forget.";

pub fn lrs_forgotten(endpoint: Option<&str>, removed: usize) -> String {
    let endpoint = endpoint.map_or_else(String::new, |endpoint| format!(" to {endpoint}"));
    format!(
        "casebook no longer sends records{endpoint}: the settings and secret are removed, and {} not yet sent \
         {} removed from the outbox. Your answers are unchanged.",
        statements_count(removed),
        if removed == 1 { "was" } else { "were" }
    )
}

pub fn lrs_outbox_left(problem: &str) -> String {
    format!("Left as it is: {problem}")
}

pub fn lrs_forget_failed(path: &str, reason: &str) -> String {
    format!("{path} could not be removed: {reason}. Nothing was changed.")
}

pub fn lrs_sent(sent: usize, endpoint: &str) -> String {
    format!("Sent {} to {endpoint}.", statements_count(sent))
}

pub fn lrs_still_waiting(count: usize) -> String {
    format!("{} still waiting to be sent.", statements_count(count))
}

pub const LRS_STATUS_NONE: &str = "No LRS is configured: nothing is recorded or sent, and casebook makes no network \
connections.";

pub fn lrs_status_settings(endpoint: &str, account: &str, share_text: bool) -> String {
    format!(
        "Records go to {endpoint} as account \"{account}\"; reflection text is {}.",
        if share_text { "sent" } else { "not sent" }
    )
}

pub fn lrs_waiting(count: usize, oldest: Option<&str>) -> String {
    match oldest {
        Some(oldest) if count > 0 => format!(
            "{} waiting to be sent, the oldest recorded {oldest}.",
            statements_count(count)
        ),
        _ => "Nothing is waiting to be sent.".to_owned(),
    }
}

pub fn lrs_damaged(problem: &str) -> String {
    format!("Could not be read, left as it is: {problem}")
}

pub fn lrs_last_sync(attempt: Option<&str>, success: Option<&str>, error: Option<&str>) -> String {
    let mut out = format!(
        "Last sync: {}; last successful: {}.",
        attempt.unwrap_or("never"),
        success.unwrap_or("never")
    );
    if let Some(error) = error {
        out.push_str(&format!("\nLast error: {error}"));
    }
    out
}

pub const LRS_ENTRY_NO_ID: &str = "the statement has no id";

// ---- issue 24: LRS replies: what counts as stored, a log-in or proxy page,
// `lrs test` without /about, the status said once with the LRS's reason.

/// Why a 2xx reply does not confirm the statements were stored.
pub fn lrs_reply_cut(reason: &str) -> String {
    format!("its reply was cut short ({reason})")
}

pub const LRS_REPLY_WEB_PAGE: &str =
    "it sent a web page, not an LRS's answer: a log-in page or a proxy's block page, perhaps";

pub const LRS_REPLY_EMPTY: &str = "its reply was empty";

pub const LRS_REPLY_STATUS: &str = "an LRS answers 200 to what casebook asked";

pub fn lrs_reply_not_xapi(start: &str) -> String {
    format!("its reply is not what an LRS sends: \"{start}\"")
}

pub fn lrs_reply_wrong_ids(sent: usize, answered: usize) -> String {
    format!(
        "casebook sent {} and the LRS listed {answered} {}, not the same ones in the same order",
        statements_count(sent),
        if answered == 1 { "id" } else { "ids" }
    )
}

const SIGN_IN_OR_ASK: &str = "If your network asks you to sign in, do so in a web browser and try again; \
otherwise ask your IT team to let casebook reach";

pub fn lrs_sync_web_page(endpoint: &str, status: u16) -> String {
    format!(
        "The LRS at {endpoint} answered {status} with a web page, not an LRS's answer: a log-in page or a \
         proxy's block page, perhaps. Nothing was counted as sent; your records wait in the outbox. \
         {SIGN_IN_OR_ASK} {endpoint}."
    )
}

pub fn lrs_sync_redirected(endpoint: &str, status: u16, location: &str) -> String {
    format!(
        "The LRS at {endpoint} answered {status}, sending casebook on to {location} (a log-in or proxy page, \
         perhaps), which casebook does not follow. Nothing was counted as sent; your records wait in the \
         outbox. If your network asks you to sign in, do so in a web browser and try again; if that is your \
         LRS's own address, set it with \"casebook lrs set\"."
    )
}

pub fn lrs_not_confirmed(endpoint: &str, status: u16, why: &str) -> String {
    format!(
        "The LRS at {endpoint} answered {status} but did not confirm that it stored your records: {why}. \
         Nothing was counted as sent; your records wait in the outbox and are sent again later (an LRS keeps \
         a statement it already holds only once). If this goes on, check the endpoint with your LRS's \
         administrator."
    )
}

/// The LRS's own reason, or that it gave none.
fn lrs_reason_or_none(reason: &str) -> String {
    let reason: String = reason.trim().chars().take(300).collect();
    if reason.is_empty() {
        "it gave no reason".to_owned()
    } else {
        reason
    }
}

pub fn lrs_answered(endpoint: &str, status: u16, reason: &str) -> String {
    format!(
        "The LRS at {endpoint} answered {status}: {}. Your records wait in the outbox and are sent later; if \
         this goes on, check the address with your LRS's administrator.",
        lrs_reason_or_none(reason)
    )
}

pub const LRS_SETTINGS_CHANGED: &str = "The LRS settings were changed or forgotten while casebook was sending, \
so it stopped: nothing more goes with the old settings. Run \"casebook sync\" to send with the new ones.";

/// A statement the LRS refused, kept in the outbox: the status once, then
/// the LRS's own reason.
pub fn lrs_refused_statement(path: &str, status: u16, reason: &str) -> String {
    let reason = if status == 409 && reason.trim().is_empty() {
        "it already holds a different statement with this id".to_owned()
    } else if status == 409 {
        format!(
            "it already holds a different statement with this id ({})",
            lrs_reason_or_none(reason)
        )
    } else {
        lrs_reason_or_none(reason)
    };
    format!("Refused by the LRS ({status}) and kept in the outbox, not sent again: {path}: {reason}")
}

pub fn lrs_about_missing(endpoint: &str) -> String {
    format!(
        "{endpoint}about is not there (404): some LRSs do not describe themselves, so casebook goes on to \
         check the key."
    )
}

pub fn lrs_test_web_page(endpoint: &str, status: u16) -> String {
    format!(
        "casebook met a log-in page or a proxy's block page, not your LRS: {endpoint} answered {status} with \
         a web page. {SIGN_IN_OR_ASK} {endpoint}."
    )
}

pub fn lrs_test_redirected(endpoint: &str, status: u16, location: &str) -> String {
    format!(
        "{endpoint} answered {status}, sending casebook on to {location} (a log-in or proxy page, perhaps), \
         which casebook does not follow. If your network asks you to sign in, do so in a web browser and run \
         \"casebook lrs test\" again; if that is your LRS's own address, set it with \"casebook lrs set\"."
    )
}

pub fn lrs_test_not_xapi(endpoint: &str, status: u16, why: &str) -> String {
    format!(
        "The LRS at {endpoint} answered {status}, but {why}. Check the endpoint with your LRS's administrator: \
         it is the xAPI address, usually ending in /xapi/ or /xAPI/."
    )
}

pub fn lrs_answered_test(endpoint: &str, status: u16, reason: &str) -> String {
    format!(
        "The LRS at {endpoint} answered {status}: {}. Check the address with your LRS's administrator.",
        lrs_reason_or_none(reason)
    )
}
