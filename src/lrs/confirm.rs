//! What counts as an LRS's "yes", as xAPI 1.0.3 says (part three, 2.1 and
//! 2.2): a `POST statements` is stored when the LRS answers 200 with a JSON
//! array of the ids sent, in the order sent (a `PUT` would be 204 and no
//! body; casebook does not PUT). Anything else (a log-in page, a proxy's
//! block page, an empty 204, other ids, a body cut short) is no "yes", and
//! every statement stays in the outbox. Replies need not carry the
//! `X-Experience-API-Version` header: some real LRSs leave it out.

use super::http::Reply;
use crate::text;

/// Why a 2xx reply does not confirm what casebook asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotConfirmed {
    /// The body could not be read whole (the connection closed, the time
    /// ran out): this reason.
    Cut(String),
    /// A web page, not an LRS's JSON: a log-in page or a proxy's block page.
    WebPage,
    /// A reply with no body at all.
    Empty,
    /// A 2xx other than the one xAPI gives for this request.
    Status,
    /// A body that is not what xAPI gives: the start of it.
    NotXapi(String),
    /// The ids the LRS says it stored are not the ones sent.
    WrongIds { sent: usize, answered: usize },
}

impl NotConfirmed {
    /// In the learner's words, without the status (said once, by the caller).
    pub fn describe(&self) -> String {
        match self {
            NotConfirmed::Cut(reason) => text::lrs_reply_cut(reason),
            NotConfirmed::WebPage => text::LRS_REPLY_WEB_PAGE.to_owned(),
            NotConfirmed::Empty => text::LRS_REPLY_EMPTY.to_owned(),
            NotConfirmed::Status => text::LRS_REPLY_STATUS.to_owned(),
            NotConfirmed::NotXapi(start) => text::lrs_reply_not_xapi(start),
            NotConfirmed::WrongIds { sent, answered } => text::lrs_reply_wrong_ids(*sent, *answered),
        }
    }

    /// Whether what answered was a web page (a log-in or proxy page).
    pub fn is_web_page(&self) -> bool {
        *self == NotConfirmed::WebPage
    }
}

/// The start of a body, for a message: enough to recognise it.
fn start_of(body: &str) -> String {
    const SHOWN: usize = 120;
    let body = body.trim();
    if body.chars().count() > SHOWN {
        format!("{}…", body.chars().take(SHOWN).collect::<String>())
    } else {
        body.to_owned()
    }
}

/// The checks every 2xx reply must pass before its body is looked at.
fn whole_json(reply: &Reply, wanted: u16) -> Result<serde_json::Value, NotConfirmed> {
    if let Some(reason) = &reply.cut {
        return Err(NotConfirmed::Cut(reason.clone()));
    }
    if reply.is_web_page() {
        return Err(NotConfirmed::WebPage);
    }
    if reply.body.trim().is_empty() {
        return Err(NotConfirmed::Empty);
    }
    if reply.status != wanted {
        return Err(NotConfirmed::Status);
    }
    serde_json::from_str(&reply.body).map_err(|_| NotConfirmed::NotXapi(start_of(&reply.body)))
}

/// A 2xx reply to `POST statements` with `ids`: Ok only for 200 and exactly
/// those ids, in that order (UUIDs compared without regard to case).
pub fn stored(reply: &Reply, ids: &[&str]) -> Result<(), NotConfirmed> {
    let value = whole_json(reply, 200)?;
    let answered: Vec<&str> = match value.as_array() {
        Some(list) => list.iter().filter_map(serde_json::Value::as_str).collect(),
        None => return Err(NotConfirmed::NotXapi(start_of(&reply.body))),
    };
    let same = answered.len() == ids.len()
        && value.as_array().is_some_and(|list| list.len() == ids.len())
        && answered
            .iter()
            .zip(ids)
            .all(|(got, sent)| got.eq_ignore_ascii_case(sent));
    if same {
        Ok(())
    } else {
        Err(NotConfirmed::WrongIds {
            sent: ids.len(),
            answered: value.as_array().map_or(0, Vec::len),
        })
    }
}

/// A 2xx reply to `GET about`: the xAPI versions it names (200 and a JSON
/// object with a `version` list).
pub fn about(reply: &Reply) -> Result<Vec<String>, NotConfirmed> {
    let value = whole_json(reply, 200)?;
    value
        .get("version")
        .and_then(serde_json::Value::as_array)
        .map(|list| list.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
        .ok_or_else(|| NotConfirmed::NotXapi(start_of(&reply.body)))
}

/// A 2xx reply to `GET statements`: 200 and a JSON object with a
/// `statements` list (a StatementResult).
pub fn statement_result(reply: &Reply) -> Result<(), NotConfirmed> {
    let value = whole_json(reply, 200)?;
    if value.get("statements").is_some_and(serde_json::Value::is_array) {
        Ok(())
    } else {
        Err(NotConfirmed::NotXapi(start_of(&reply.body)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(status: u16, content_type: Option<&str>, body: &str) -> Reply {
        Reply {
            status,
            body: body.to_owned(),
            content_type: content_type.map(str::to_owned),
            location: None,
            cut: None,
        }
    }

    #[test]
    fn only_200_with_the_ids_sent_in_order_is_stored() {
        let ids = ["a1", "b2"];
        let json = Some("application/json");
        assert_eq!(stored(&reply(200, json, r#"["a1","b2"]"#), &ids), Ok(()));
        assert_eq!(
            stored(&reply(200, None, r#"["A1","B2"]"#), &ids),
            Ok(()),
            "no header needed"
        );
        assert_eq!(
            stored(&reply(200, Some("text/html"), "<html>Sign in</html>"), &ids),
            Err(NotConfirmed::WebPage)
        );
        assert_eq!(
            stored(&reply(200, Some("text/plain"), "  <!DOCTYPE html>"), &ids),
            Err(NotConfirmed::WebPage)
        );
        assert_eq!(stored(&reply(204, None, ""), &ids), Err(NotConfirmed::Empty));
        assert_eq!(stored(&reply(200, json, ""), &ids), Err(NotConfirmed::Empty));
        assert_eq!(
            stored(&reply(202, json, r#"["a1","b2"]"#), &ids),
            Err(NotConfirmed::Status)
        );
        assert_eq!(
            stored(&reply(200, json, r#"["b2","a1"]"#), &ids),
            Err(NotConfirmed::WrongIds { sent: 2, answered: 2 })
        );
        assert_eq!(
            stored(&reply(200, json, r#"["a1"]"#), &ids),
            Err(NotConfirmed::WrongIds { sent: 2, answered: 1 })
        );
        assert_eq!(
            stored(&reply(200, json, r#"["a1","b2",3]"#), &ids),
            Err(NotConfirmed::WrongIds { sent: 2, answered: 3 })
        );
        assert_eq!(
            stored(&reply(200, json, r#"{"ok":true}"#), &ids),
            Err(NotConfirmed::NotXapi(r#"{"ok":true}"#.to_owned()))
        );
        assert_eq!(
            stored(&reply(200, json, r#"["a1","#), &ids),
            Err(NotConfirmed::NotXapi(r#"["a1","#.to_owned()))
        );
        let cut = Reply {
            cut: Some("connection closed".to_owned()),
            ..reply(200, json, "")
        };
        assert_eq!(
            stored(&cut, &ids),
            Err(NotConfirmed::Cut("connection closed".to_owned()))
        );
    }

    #[test]
    fn about_and_the_signed_in_check_want_xapi_json() {
        let json = Some("application/json");
        assert_eq!(
            about(&reply(200, json, r#"{"version":["1.0.3"]}"#)),
            Ok(vec!["1.0.3".to_owned()])
        );
        assert_eq!(
            about(&reply(200, Some("text/html; charset=utf-8"), "<p>Proxy</p>")),
            Err(NotConfirmed::WebPage)
        );
        assert_eq!(
            statement_result(&reply(200, json, r#"{"statements":[],"more":""}"#)),
            Ok(())
        );
        assert_eq!(statement_result(&reply(204, None, "")), Err(NotConfirmed::Empty));
        assert!(statement_result(&reply(200, json, "[]")).is_err());
    }
}
