//! xAPI 1.0.3 statements, one per event in a learner's journal: a module
//! started, a section read, a question answered, an action point set, a
//! module completed. Reflection text is in them only when the learner has
//! turned sharing on for the LRS.

use jiff::Timestamp;
use serde_json::{Map, Value, json};

use crate::content::{Module, Question};

pub const VERB_INITIALIZED: &str = "http://adlnet.gov/expapi/verbs/initialized";
pub const VERB_EXPERIENCED: &str = "http://adlnet.gov/expapi/verbs/experienced";
pub const VERB_ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
pub const VERB_COMMENTED: &str = "http://adlnet.gov/expapi/verbs/commented";
/// Activity Streams' "receive", as registered for xAPI.
pub const VERB_RECEIVED: &str = "http://activitystrea.ms/schema/1.0/receive";
pub const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";

/// `context.extensions` keys.
pub const EXTENSION_CASEBOOK_VERSION: &str = "urn:casebook:extension:casebook-version";
pub const EXTENSION_COURSE_VERSION: &str = "urn:casebook:extension:course-version";

/// Statements are written in the guide's language.
const LANGUAGE: &str = "en-GB";

/// What happened, in the journal's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Started,
    /// A section's index in the module.
    SectionRead(usize),
    Answered {
        question: String,
        text: String,
    },
    ActionPoint {
        text: String,
    },
    Completed {
        active_seconds: u64,
    },
    /// A supervisor's or peer's review of the module was imported. Who
    /// reviewed and what they said stay on the learner's machine.
    ReviewImported {
        date: jiff::civil::Date,
    },
}

/// The learner, as the LRS knows them: an account, never an e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub home_page: String,
    pub name: String,
}

/// The course a module belongs to, as statements name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseInfo {
    pub id: String,
    pub title: String,
    /// The course's published date, as its version.
    pub version: Option<String>,
}

/// The date of an imported review, in a review statement's result.
pub const EXTENSION_REVIEW_DATE: &str = "urn:casebook:extension:review-date";

/// Characters an IRI may carry as they are; anything else in an id is
/// percent-encoded, so every id makes a valid, stable IRI.
fn iri_part(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

pub fn course_iri(course: &str) -> String {
    format!("urn:casebook:{}", iri_part(course))
}

pub fn module_iri(course: &str, module: &str) -> String {
    format!("{}:{}", course_iri(course), iri_part(module))
}

/// Sections are numbered from 1, as the tutor shows them.
pub fn section_iri(course: &str, module: &str, section: usize) -> String {
    format!("{}:section:{}", module_iri(course, module), section + 1)
}

pub fn question_iri(course: &str, module: &str, question: &str) -> String {
    format!("{}:question:{}", module_iri(course, module), iri_part(question))
}

/// `PT1H2M3S`: ISO 8601, as `result.duration` wants.
pub fn iso_duration(seconds: u64) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = String::from("PT");
    if hours > 0 {
        out.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        out.push_str(&format!("{minutes}M"));
    }
    if seconds > 0 || (hours == 0 && minutes == 0) {
        out.push_str(&format!("{seconds}S"));
    }
    out
}

fn language_map(text: &str) -> Value {
    json!({ LANGUAGE: text })
}

fn verb(id: &str, display: &str) -> Value {
    json!({ "id": id, "display": language_map(display) })
}

fn activity(id: String, kind: &str, name: &str, description: Option<&str>) -> Value {
    let mut definition = Map::new();
    definition.insert("type".to_owned(), Value::from(kind));
    definition.insert("name".to_owned(), language_map(name));
    if let Some(description) = description.filter(|text| !text.trim().is_empty()) {
        definition.insert("description".to_owned(), language_map(description));
    }
    json!({ "objectType": "Activity", "id": id, "definition": definition })
}

fn course_activity(course: &CourseInfo) -> Value {
    activity(
        course_iri(&course.id),
        "http://adlnet.gov/expapi/activities/course",
        &course.title,
        None,
    )
}

fn module_activity(course: &CourseInfo, module: &Module) -> Value {
    activity(
        module_iri(&course.id, &module.id),
        "http://adlnet.gov/expapi/activities/module",
        &module.title,
        module.subtitle.as_deref(),
    )
}

fn question_activity(course: &CourseInfo, module: &Module, question: Option<&Question>, id: &str) -> Value {
    let mut value = activity(
        question_iri(&course.id, &module.id, id),
        "http://adlnet.gov/expapi/activities/cmi.interaction",
        question.map_or(id, |question| question.text.as_str()),
        question.and_then(|question| question.hint.as_deref()),
    );
    if let Some(definition) = value.get_mut("definition").and_then(Value::as_object_mut) {
        definition.insert("interactionType".to_owned(), Value::from("long-fill-in"));
    }
    value
}

/// One statement for an event. `share_text` puts the learner's words in
/// `result.response`; without it no reflection or action point text is in
/// the statement at all.
pub fn statement(
    event: &Event,
    course: &CourseInfo,
    module: &Module,
    actor: &Actor,
    share_text: bool,
    id: &str,
    now: Timestamp,
) -> Value {
    let module_object = module_activity(course, module);
    let (verb, object, result, parent) = match event {
        Event::Started => (verb(VERB_INITIALIZED, "started"), module_object, None, false),
        Event::SectionRead(index) => {
            let title = module
                .sections
                .get(*index)
                .map_or_else(String::new, |section| section.title.clone());
            let name = format!("Section {}: {title}", index + 1);
            let object = activity(
                section_iri(&course.id, &module.id, *index),
                "http://id.tincanapi.com/activitytype/section",
                &name,
                None,
            );
            (verb(VERB_EXPERIENCED, "read"), object, None, true)
        }
        Event::Answered { question, text } => {
            let found = module
                .questions()
                .map(|(_, found)| found)
                .find(|found| found.id == *question);
            let mut result = Map::new();
            result.insert("completion".to_owned(), Value::Bool(true));
            if share_text {
                result.insert("response".to_owned(), Value::from(text.as_str()));
            }
            (
                verb(VERB_ANSWERED, "answered"),
                question_activity(course, module, found, question),
                Some(Value::Object(result)),
                true,
            )
        }
        Event::ActionPoint { text } => {
            let result = share_text.then(|| json!({ "response": text }));
            (
                verb(VERB_COMMENTED, "set an action point for"),
                module_object,
                result,
                false,
            )
        }
        Event::Completed { active_seconds } => (
            verb(VERB_COMPLETED, "completed"),
            module_object,
            Some(json!({ "completion": true, "duration": iso_duration(*active_seconds) })),
            false,
        ),
        Event::ReviewImported { date } => (
            verb(VERB_RECEIVED, "received a review of"),
            module_object,
            Some(json!({ "extensions": { EXTENSION_REVIEW_DATE: date.to_string() } })),
            false,
        ),
    };
    let mut context_activities = Map::new();
    if parent {
        context_activities.insert("parent".to_owned(), json!([module_activity(course, module)]));
    }
    context_activities.insert("grouping".to_owned(), json!([course_activity(course)]));
    let mut extensions = Map::new();
    extensions.insert(
        EXTENSION_CASEBOOK_VERSION.to_owned(),
        Value::from(env!("CARGO_PKG_VERSION")),
    );
    if let Some(version) = &course.version {
        extensions.insert(EXTENSION_COURSE_VERSION.to_owned(), Value::from(version.as_str()));
    }
    let mut statement = Map::new();
    statement.insert("id".to_owned(), Value::from(id));
    statement.insert(
        "actor".to_owned(),
        json!({ "objectType": "Agent", "account": { "homePage": actor.home_page, "name": actor.name } }),
    );
    statement.insert("verb".to_owned(), verb);
    statement.insert("object".to_owned(), object);
    if let Some(result) = result {
        statement.insert("result".to_owned(), result);
    }
    statement.insert(
        "context".to_owned(),
        json!({
            "platform": "casebook",
            "language": LANGUAGE,
            "contextActivities": context_activities,
            "extensions": extensions,
        }),
    );
    // Milliseconds, as every LRS stores them.
    statement.insert(
        "timestamp".to_owned(),
        Value::from(now.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()),
    );
    Value::Object(statement)
}

/// A new random (version 4) UUID: each statement carries its own, so
/// sending it twice stores it once.
pub fn new_uuid() -> String {
    let mut bytes = random_bytes();
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn random_bytes() -> [u8; 16] {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    if std::fs::File::open("/dev/urandom")
        .and_then(|mut source| source.read_exact(&mut bytes))
        .is_ok()
    {
        return bytes;
    }
    // No /dev/urandom: the standard library's own random keys, the clock,
    // the process and a counter, mixed.
    use sha2::Digest;
    use std::hash::{BuildHasher, Hasher};
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    let mut digest = sha2::Sha256::new();
    digest.update(hasher.finish().to_le_bytes());
    digest.update(std::process::id().to_le_bytes());
    digest.update(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_nanos())
            .to_le_bytes(),
    );
    let digest = digest.finalize();
    for (target, source) in bytes.iter_mut().zip(digest.iter()) {
        *target = *source;
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Block, Section};

    fn module() -> Module {
        Module {
            id: "desistance-assessing".to_owned(),
            title: "Assessing".to_owned(),
            subtitle: Some("Jake".to_owned()),
            area: None,
            stage: None,
            minutes: None,
            sections: vec![Section {
                title: "The case".to_owned(),
                blocks: vec![Block::Para("Text.".to_owned())],
                questions: vec![Question {
                    id: "strengths".to_owned(),
                    text: "What strengths did you see?".to_owned(),
                    hint: None,
                }],
            }],
            notes: Vec::new(),
            path: String::new(),
        }
    }

    fn course() -> CourseInfo {
        CourseInfo {
            id: "hmip-youth-2021".to_owned(),
            title: "Case supervision".to_owned(),
            version: Some("January 2021".to_owned()),
        }
    }

    fn actor() -> Actor {
        Actor {
            home_page: "https://lrs.example.org".to_owned(),
            name: "learner-7".to_owned(),
        }
    }

    fn build(event: &Event, share: bool) -> Value {
        statement(
            event,
            &course(),
            &module(),
            &actor(),
            share,
            "id",
            Timestamp::UNIX_EPOCH,
        )
    }

    #[test]
    fn ids_are_stable_iris_from_course_and_module() {
        assert_eq!(
            module_iri("hmip-youth-2021", "desistance-assessing"),
            "urn:casebook:hmip-youth-2021:desistance-assessing"
        );
        assert_eq!(
            question_iri("c", "m", "what now?"),
            "urn:casebook:c:m:question:what%20now%3F"
        );
        assert_eq!(section_iri("c", "m", 0), "urn:casebook:c:m:section:1");
    }

    #[test]
    fn answers_carry_no_text_unless_the_learner_shares_it() {
        let event = Event::Answered {
            question: "strengths".to_owned(),
            text: "He kept going to football.".to_owned(),
        };
        let private = build(&event, false);
        assert!(!private.to_string().contains("football"), "{private}");
        assert_eq!(private["result"]["completion"], Value::Bool(true));
        assert_eq!(private["verb"]["id"], VERB_ANSWERED);
        assert_eq!(
            private["object"]["id"],
            "urn:casebook:hmip-youth-2021:desistance-assessing:question:strengths"
        );
        assert_eq!(
            private["object"]["definition"]["name"]["en-GB"],
            "What strengths did you see?"
        );
        let shared = build(&event, true);
        assert_eq!(shared["result"]["response"], "He kept going to football.");

        let point = Event::ActionPoint {
            text: "Ask about football.".to_owned(),
        };
        assert!(!build(&point, false).to_string().contains("football"));
        assert_eq!(build(&point, true)["result"]["response"], "Ask about football.");
    }

    #[test]
    fn the_actor_is_an_account_and_context_names_versions() {
        let started = build(&Event::Started, false);
        assert_eq!(started["actor"]["account"]["name"], "learner-7");
        assert_eq!(started["actor"]["account"]["homePage"], "https://lrs.example.org");
        assert!(started["actor"].get("mbox").is_none());
        assert_eq!(started["verb"]["id"], VERB_INITIALIZED);
        assert_eq!(
            started["context"]["extensions"][EXTENSION_COURSE_VERSION],
            "January 2021"
        );
        assert_eq!(
            started["context"]["extensions"][EXTENSION_CASEBOOK_VERSION],
            env!("CARGO_PKG_VERSION")
        );
        assert_eq!(
            started["context"]["contextActivities"]["grouping"][0]["id"],
            "urn:casebook:hmip-youth-2021"
        );
    }

    #[test]
    fn completion_carries_active_time_as_an_iso_duration() {
        let completed = build(&Event::Completed { active_seconds: 3723 }, false);
        assert_eq!(completed["result"]["duration"], "PT1H2M3S");
        assert_eq!(iso_duration(0), "PT0S");
        assert_eq!(iso_duration(600), "PT10M");
        let read = build(&Event::SectionRead(0), false);
        assert_eq!(read["verb"]["id"], VERB_EXPERIENCED);
        assert_eq!(read["object"]["definition"]["name"]["en-GB"], "Section 1: The case");
        assert_eq!(
            read["context"]["contextActivities"]["parent"][0]["id"],
            "urn:casebook:hmip-youth-2021:desistance-assessing"
        );
    }

    #[test]
    fn uuids_are_version_4_and_differ() {
        let first = new_uuid();
        let second = new_uuid();
        assert_ne!(first, second);
        assert_eq!(first.len(), 36);
        assert_eq!(&first[14..15], "4");
        assert!(matches!(&first[19..20], "8" | "9" | "a" | "b"), "{first}");
    }
}
