//! The serde shapes of `course.ron` and module files, exactly as authors
//! write them. Nothing here is trusted: `validate` turns these into the
//! checked types of `model`. `Serialize` is for build.rs, which stores the
//! embedded course already parsed.

use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename = "Course", deny_unknown_fields)]
pub struct RawCourse {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub licence: Option<String>,
    pub attribution: Option<String>,
    pub areas: Vec<RawArea>,
    pub stages: Vec<RawStage>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename = "Area", deny_unknown_fields)]
pub struct RawArea {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename = "Stage", deny_unknown_fields)]
pub struct RawStage {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename = "Module", deny_unknown_fields)]
pub struct RawModule {
    pub id: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub area: Option<String>,
    pub stage: Option<String>,
    pub minutes: Option<u32>,
    pub sections: Vec<RawSection>,
    pub notes: Option<Vec<RawNote>>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename = "Section", deny_unknown_fields)]
pub struct RawSection {
    pub title: String,
    pub blocks: Vec<RawBlock>,
    pub questions: Option<Vec<RawQuestion>>,
}

#[derive(Debug, Deserialize, Serialize)]
pub enum RawBlock {
    Para(String),
    Lead(String),
    Quote(String),
    Heading(String),
    Bullets(Vec<String>),
    Numbered(Vec<String>),
}

impl RawBlock {
    /// The block's text: one paragraph, or a list's items.
    pub fn texts(&self) -> &[String] {
        match self {
            RawBlock::Para(text) | RawBlock::Lead(text) | RawBlock::Quote(text) | RawBlock::Heading(text) => {
                std::slice::from_ref(text)
            }
            RawBlock::Bullets(items) | RawBlock::Numbered(items) => items,
        }
    }
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename = "Question", deny_unknown_fields)]
pub struct RawQuestion {
    pub id: String,
    pub text: String,
    pub hint: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename = "Note", deny_unknown_fields)]
pub struct RawNote {
    pub mark: String,
    pub text: String,
}
