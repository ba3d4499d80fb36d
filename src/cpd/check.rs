//! The texts of CPD records that the identifying-details check reads
//! before they are written out: every field of the layout that holds words
//! (what was learnt, the impact, the peer reflection, the title, the
//! description...), each with the record and the field's label. The type,
//! dates and hours are casebook's own and hold nothing to find.

use super::layout::Layout;
use super::record::CpdRecord;
use crate::export::identify::{Part, Place};

/// Fields that hold casebook's own words or figures, never the learner's.
const NOT_WRITTEN: &[&str] = &["type", "dates", "hours"];

/// Every field of `records` that `layout` writes out and that holds words,
/// in the order written, each with its place (the record's id as the
/// place's `module`).
pub fn texts(layout: &Layout, records: &[CpdRecord]) -> Vec<(Place, String)> {
    let mut texts = Vec::new();
    for record in records {
        for field in &layout.fields {
            if NOT_WRITTEN.contains(&field.field.as_str()) {
                continue;
            }
            let text = record.field(&field.field);
            if text.trim().is_empty() {
                continue;
            }
            texts.push((
                Place {
                    course: String::new(),
                    module: record.id.clone(),
                    question: None,
                    what: Part::CpdField(field.label.clone()),
                },
                text,
            ));
        }
    }
    texts
}
