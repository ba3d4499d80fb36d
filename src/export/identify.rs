//! The identifying-details check wired to casebook's data: the one place the
//! allow list for a learner is built (every course text and case name, the
//! learner's and supervisor's names, the marks they made), the texts of a log
//! that leave the machine, each with where it is, and the memory of marks
//! ("not identifying") in the data folder, which never holds the words.

use serde::{Deserialize, Serialize};

use crate::content::{Course, Library, short_name};
use crate::folder::ron_file;
use crate::folder::{DataPaths, StoreError};
use crate::identify::{Allow, Finding, Mark, check, mark};
use crate::journal::Profile;

use super::Log;

/// The schema of `marks.ron`.
pub const MARKS_SCHEMA: u32 = 1;

/// Every finding marked "not identifying" in one data folder: kinds and
/// digests, never the words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    pub schema: u32,
    #[serde(default)]
    pub marks: Vec<Mark>,
}

/// The marks kept in the data folder (none when there is no file yet).
pub fn load_marks(paths: &DataPaths) -> Result<Vec<Mark>, StoreError> {
    Ok(ron_file::read::<Marks>(&paths.marks_file(), MARKS_SCHEMA)?
        .map(|marks| marks.marks)
        .unwrap_or_default())
}

/// Remembers `new` as not identifying (once).
pub fn save_mark(paths: &DataPaths, new: Mark) -> Result<(), StoreError> {
    let path = paths.marks_file();
    let mut marks = load_marks(paths)?;
    if !marks.contains(&new) {
        marks.push(new);
    }
    let ron = ron_file::to_ron(&Marks {
        schema: MARKS_SCHEMA,
        marks,
    })
    .map_err(|reason| ron_file::io_error(&path, reason))?;
    ron_file::write_atomic(&path, ron.as_bytes())
}

/// The allow list for a learner: the guide's own text and its case names,
/// the learner's and their supervisor's names, and the marks they made.
pub fn allow_for(library: &Library, profile: Option<&Profile>, marks: &[Mark]) -> Allow {
    allow_for_learner(&library.courses, profile, marks)
}

/// [`allow_for`] with the courses themselves (the tutor holds no `Library`).
pub fn allow_for_learner(courses: &[Course], profile: Option<&Profile>, marks: &[Mark]) -> Allow {
    let mut allow = allow_for_courses(courses);
    if let Some(profile) = profile {
        allow.add_name(&profile.name);
        allow.add_name(&profile.supervisor);
    }
    for one in marks {
        allow.add_mark(one.clone());
    }
    allow
}

/// The allow list of the courses alone: their text and case names.
pub fn allow_for_courses(courses: &[Course]) -> Allow {
    let mut allow = Allow::new();
    for course in courses {
        allow.add_course_text(&course.title);
        if let Some(text) = &course.attribution {
            allow.add_course_text(text);
        }
        for module in &course.modules {
            if module.stage.is_some() {
                allow.add_name(short_name(module).split(',').next().unwrap_or("").trim());
            }
            allow.add_course_text(&module.title);
            if let Some(text) = &module.subtitle {
                allow.add_course_text(text);
            }
            for section in &module.sections {
                allow.add_course_text(&section.title);
                for block in &section.blocks {
                    for text in block.texts() {
                        allow.add_course_text(text);
                    }
                }
                for question in &section.questions {
                    allow.add_course_text(&question.text);
                    if let Some(hint) = &question.hint {
                        allow.add_course_text(hint);
                    }
                }
            }
            for note in &module.notes {
                allow.add_course_text(&note.text);
            }
        }
    }
    allow
}

/// Where a text that leaves the machine is: in a log, a CPD record or a
/// review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub course: String,
    /// The module's id; a CPD record's id for its fields; empty for the
    /// learner's profile and a review's overall comments and actions.
    pub module: String,
    /// The question's id, when the text is a reflection.
    pub question: Option<String>,
    /// What the text is, for a person: the question, "Action point", "Your
    /// profile".
    pub what: Part,
}

/// What a text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A reflection, with the question's text.
    Reflection(String),
    ActionPoint,
    Profile,
    /// A field of a CPD record, with the layout's label for it.
    CpdField(String),
    /// A reviewer's comment on a reflection, with the question's text.
    ReviewComment(String),
    /// A review's overall comments.
    ReviewOverall,
    /// A review's agreed actions.
    ReviewActions,
}

impl Part {
    /// What the text is, in a list of findings.
    pub fn describe(&self) -> String {
        use crate::text::identify as words;
        match self {
            Part::Reflection(question) => words::question(question),
            Part::ActionPoint => words::ACTION_POINT.to_owned(),
            Part::Profile => words::PROFILE.to_owned(),
            Part::CpdField(label) => words::question(label),
            Part::ReviewComment(question) => words::comment_on(&words::question(question)),
            Part::ReviewOverall => words::REVIEW_OVERALL.to_owned(),
            Part::ReviewActions => words::REVIEW_ACTIONS.to_owned(),
        }
    }
}

/// One finding, with where it is and the mark that would excuse it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub place: Place,
    pub finding: Finding,
    pub mark: Mark,
}

/// Every text of `log` the learner wrote that leaves the machine, with its
/// place: reflections, action points and the profile fields.
pub fn texts_of(log: &Log) -> Vec<(Place, String)> {
    let mut texts = Vec::new();
    let learner = &log.learner;
    for field in [&learner.name, &learner.role, &learner.team, &learner.supervisor]
        .into_iter()
        .flatten()
    {
        texts.push((
            Place {
                course: String::new(),
                module: String::new(),
                question: None,
                what: Part::Profile,
            },
            field.clone(),
        ));
    }
    for course in &log.courses {
        for module in &course.modules {
            let place = |question: Option<String>, what: Part| Place {
                course: course.id.clone(),
                module: module.id.clone(),
                question,
                what,
            };
            for question in &module.questions {
                if let Some(reflection) = &question.reflection {
                    texts.push((
                        place(Some(question.id.clone()), Part::Reflection(question.question.clone())),
                        reflection.clone(),
                    ));
                }
            }
            if let Some(point) = &module.action_point {
                texts.push((place(None, Part::ActionPoint), point.text.clone()));
            }
        }
    }
    texts
}

/// Every finding in the texts of `log` that `allow` does not excuse.
pub fn findings(log: &Log, allow: &Allow) -> Vec<Located> {
    findings_in(&texts_of(log), allow)
}

/// Every finding in `texts` (each with its place) that `allow` does not
/// excuse, in the order of the texts.
pub fn findings_in(texts: &[(Place, String)], allow: &Allow) -> Vec<Located> {
    texts
        .iter()
        .flat_map(|(place, text)| {
            check(text, allow)
                .into_iter()
                .map(|finding| Located {
                    place: place.clone(),
                    mark: mark(text, &finding),
                    finding,
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// How many findings in `log` the marks excuse: what the log records.
pub fn marked_count(log: &Log, library: &Library, profile: Option<&Profile>, marks: &[Mark]) -> usize {
    marked_count_in(log, &library.courses, profile, marks)
}

/// [`marked_count`] with the courses themselves.
pub fn marked_count_in(log: &Log, courses: &[Course], profile: Option<&Profile>, marks: &[Mark]) -> usize {
    marked_in(&texts_of(log), &allow_for_learner(courses, profile, &[]), marks)
}

/// How many findings in `texts` the marks excuse, over `unmarked` (an
/// allow list holding no marks).
pub fn marked_in(texts: &[(Place, String)], unmarked: &Allow, marks: &[Mark]) -> usize {
    if marks.is_empty() {
        return 0;
    }
    let mut marked = unmarked.clone();
    for one in marks {
        marked.add_mark(one.clone());
    }
    let without = findings_in(texts, unmarked).len();
    let with = findings_in(texts, &marked).len();
    without.saturating_sub(with)
}
