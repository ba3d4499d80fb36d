//! The checked course and module types the rest of casebook uses. Every value
//! here has passed the rules of `module-format` (see `modules/README.md`).

/// Where a course came from, shown in `list` and in error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Shipped inside the binary.
    Embedded,
    /// A folder on disk (the user's modules folder or `--modules`).
    Folder(std::path::PathBuf),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub licence: Option<String>,
    pub attribution: Option<String>,
    pub areas: Vec<Area>,
    pub stages: Vec<Stage>,
    /// In course order: modules with no area first, then by area and stage.
    pub modules: Vec<Module>,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    pub id: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub area: Option<String>,
    pub stage: Option<String>,
    pub minutes: Option<u32>,
    pub sections: Vec<Section>,
    pub notes: Vec<Note>,
    /// The file it was read from, for messages.
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Para(String),
    Lead(String),
    Quote(String),
    Heading(String),
    Bullets(Vec<String>),
    Numbered(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub hint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub mark: String,
    pub text: String,
}

impl Course {
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|module| module.id == id)
    }

    pub fn area_title(&self, id: &str) -> Option<&str> {
        self.areas
            .iter()
            .find(|area| area.id == id)
            .map(|area| area.title.as_str())
    }

    pub fn stage_title(&self, id: &str) -> Option<&str> {
        self.stages
            .iter()
            .find(|stage| stage.id == id)
            .map(|stage| stage.title.as_str())
    }

    /// The case module in a cell of the area x stage grid.
    pub fn case(&self, area: &str, stage: &str) -> Option<&Module> {
        self.modules
            .iter()
            .find(|module| module.area.as_deref() == Some(area) && module.stage.as_deref() == Some(stage))
    }
}

impl Module {
    /// A module without questions is a briefing: reading it completes it.
    pub fn is_briefing(&self) -> bool {
        self.question_count() == 0
    }

    pub fn question_count(&self) -> usize {
        self.sections.iter().map(|section| section.questions.len()).sum()
    }

    /// Every question with the index of its section, in order.
    pub fn questions(&self) -> impl Iterator<Item = (usize, &Question)> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(index, section)| section.questions.iter().map(move |question| (index, question)))
    }

    pub fn note(&self, mark: &str) -> Option<&Note> {
        self.notes.iter().find(|note| note.mark == mark)
    }
}

impl Block {
    /// The block's strings, in order (one for text blocks, the items for lists).
    pub fn texts(&self) -> &[String] {
        match self {
            Block::Para(text) | Block::Lead(text) | Block::Quote(text) | Block::Heading(text) => {
                std::slice::from_ref(text)
            }
            Block::Bullets(items) | Block::Numbered(items) => items,
        }
    }
}

/// The footnote marks referenced as `[N]` in a text, in order.
pub fn footnote_marks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.match_indices('[').filter_map(move |(start, _)| {
        let rest = &text[start + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0 && digits <= 4 && rest[digits..].starts_with(']')).then(|| (start, &rest[..digits]))
    })
}

/// "Tim, 17" from "Tim, 17: referral order"; the title for briefings.
pub fn short_name(module: &Module) -> &str {
    match (&module.stage, &module.subtitle) {
        (Some(_), Some(subtitle)) => subtitle.split(':').next().unwrap_or(subtitle).trim(),
        _ => &module.title,
    }
}
