//! Finding a module by the name a learner types: its case's name, or a
//! near miss answered with "Did you mean ...?".

use super::load::Library;

impl Library {
    /// The modules whose case is called `name` (the child's name, or the
    /// name and age as the course writes them), ignoring case.
    pub(super) fn by_case_name(&self, name: &str) -> Vec<(usize, usize)> {
        let wanted = name.trim().to_lowercase();
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut found = Vec::new();
        for (course_index, course) in self.courses.iter().enumerate() {
            for (module_index, module) in course.modules.iter().enumerate() {
                if module.stage.is_none() {
                    continue;
                }
                let short = super::short_name(module).to_lowercase();
                let first = short.split(',').next().unwrap_or_default().trim();
                if short == wanted || first == wanted {
                    found.push((course_index, module_index));
                }
            }
        }
        found
    }

    /// Modules whose id or case name is close to `name`, best first: for
    /// "Did you mean ...?". Each is (id, case or title).
    pub fn suggestions(&self, name: &str) -> Vec<(String, String)> {
        let wanted = name.trim().to_lowercase();
        let wanted = wanted.rsplit('/').next().unwrap_or_default();
        let mut scored: Vec<(f64, String, String)> = self
            .courses
            .iter()
            .flat_map(|course| course.modules.iter())
            .map(|module| {
                let short = super::short_name(module).to_owned();
                let case = short.split(',').next().unwrap_or_default().trim().to_lowercase();
                let by_id = strsim::jaro_winkler(wanted, &module.id);
                let by_case = if module.stage.is_some() {
                    strsim::jaro_winkler(wanted, &case)
                } else {
                    0.0
                };
                (by_id.max(by_case), module.id.clone(), short)
            })
            .filter(|(score, _, _)| *score >= SUGGESTION_SCORE)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        // Only those about as close as the closest: one clear match is named alone.
        let best = scored.first().map_or(0.0, |(score, _, _)| *score);
        scored
            .into_iter()
            .filter(|(score, _, _)| best - score <= SUGGESTION_SPREAD)
            .take(3)
            .map(|(_, id, short)| (id, short))
            .collect()
    }
}

/// How alike (Jaro-Winkler, 0 to 1) a name must be to be suggested: a
/// letter or two wrong or missing in an id or a case's name.
const SUGGESTION_SCORE: f64 = 0.88;
/// How far below the closest a second suggestion may be.
const SUGGESTION_SPREAD: f64 = 0.02;
