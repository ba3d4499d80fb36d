//! The CPD record form, over the completion screen, and the home screen's
//! line on the registration year. A record is made from what the learner
//! writes here; their reflections are never copied in, and a peer review's
//! comments only when the learner asks (Ctrl-R).
//!
//! Until the record is made, the form's text is a draft in the module's
//! journal (`cpd_draft`), saved and rescued as a reflection is. There is no
//! discard key: emptied boxes keep no draft, so nothing goes unasked.

use std::collections::BTreeMap;

use jiff::Timestamp;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use crate::content::Course;
use crate::cpd::record::{CpdRecord, Written};
use crate::editor::Editor as TextEditor;
use crate::review::ImportedReview;
use crate::text;
use crate::tui::keymap::{self, Action, Context, Situation};
use crate::tui::message::Effect;
use crate::tui::model::{CpdForm, Model, ModuleKey, PeerOffer};
use crate::tui::session::flush_all;
use crate::tui::theme::Theme;
use crate::tui::widgets::{Canvas, draw_editor, draw_lines, fit_keys, truncate};

/// The layout the home line counts the year by.
pub(crate) const HOME_LAYOUT: &str = "swe";

const BOXES: usize = 3;
const PEER_BOX: usize = 2;

/// Opens the form for a module: as it was left if it was closed with Esc
/// this run, else from the draft kept in its journal, else empty.
pub(crate) fn open(model: &mut Model, module: ModuleKey) {
    let form = match model.cpd_draft.take() {
        Some(draft) if draft.module == module => draft,
        _ => {
            let kept = model
                .journal(&module)
                .filter(|_| !model.is_read_only(&module))
                .and_then(|journal| journal.cpd_draft.clone())
                .unwrap_or_default();
            CpdForm {
                boxes: [&kept.learning, &kept.impact, &kept.peer_reflection].map(|text| TextEditor::new(text)),
                module,
                focus: 0,
                problem: None,
                dirty_since: None,
            }
        }
    };
    if form.holds_text() {
        model.notice = Some(text::CPD_DRAFT_BACK.to_owned());
    }
    model.overlay = Some(crate::tui::model::Overlay::Cpd(form));
}

pub(crate) fn key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    // As on every screen, a notice lasts until the next key.
    model.notice = None;
    let action = keymap::own_action(Context::CpdForm, &key);
    match action {
        Some(Action::Write) => return make(model),
        Some(Action::Cancel) => return close(model, now),
        Some(Action::Help) => {
            model.help = true;
            model.help_scroll = 0;
            return Vec::new();
        }
        _ => {}
    }
    let offer = model
        .cpd_form()
        .and_then(|form| model.peer_offers.get(&form.module))
        .map(|offer| offer.text.clone());
    let Some(form) = model.cpd_form_mut() else {
        return Vec::new();
    };
    let focus = form.focus.min(BOXES - 1);
    let changed = match action {
        Some(Action::NextField) => {
            form.focus = (focus + 1) % BOXES;
            false
        }
        Some(Action::PreviousField) => {
            form.focus = (focus + BOXES - 1) % BOXES;
            false
        }
        Some(Action::UsePeerReview) => offer.is_some_and(|offer| {
            form.focus = PEER_BOX;
            form.boxes[PEER_BOX].insert_str(&offer)
        }),
        Some(Action::Undo) => form.boxes[focus].undo(),
        Some(Action::Redo) => form.boxes[focus].redo(),
        _ => form.boxes[focus].input(key),
    };
    if changed {
        form.problem = None;
        form.dirty_since.get_or_insert(now);
    }
    Vec::new()
}

/// Esc: the form closes, its text kept (in the journal, saved now) for
/// when it is opened again. Nothing the learner wrote is thrown away.
fn close(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    let effects = flush_all(model, now);
    model.cpd_draft = model.take_cpd_form();
    effects
}

/// Text arriving all at once (a paste, or a burst of keys) into the box
/// with the focus.
pub(crate) fn paste(model: &mut Model, pasted: &str, now: Timestamp) {
    // Typing that arrives all at once is still typing: the notice goes.
    model.notice = None;
    if let Some(form) = model.cpd_form_mut() {
        let focus = form.focus.min(BOXES - 1);
        if form.boxes[focus].insert_str(pasted) {
            form.problem = None;
            form.dirty_since.get_or_insert(now);
        }
    }
}

/// Ctrl-S: what was learnt and its impact are needed; the record itself is
/// made and saved as an effect.
fn make(model: &mut Model) -> Vec<Effect> {
    let Some(form) = model.cpd_form_mut() else {
        return Vec::new();
    };
    let [learning, impact, peer_reflection] = [0, 1, 2].map(|index| form.boxes[index].text().trim().to_owned());
    if learning.is_empty() || impact.is_empty() {
        form.problem = Some(text::CPD_NEEDS_LEARNING.to_owned());
        form.focus = usize::from(!learning.is_empty());
        return Vec::new();
    }
    vec![Effect::MakeCpdRecord {
        module: form.module.clone(),
        written: Written {
            learning,
            impact,
            peer_reflection,
        },
    }]
}

/// The record is saved: the form closes, its draft is cleared from the
/// journal (and that saved), the year is counted again from the records as
/// they now are, and the foot says how to export it.
pub(crate) fn made(model: &mut Model, id: &str, records: Vec<CpdRecord>) -> Vec<Effect> {
    let mut effects = Vec::new();
    if let Some(form) = model.take_cpd_form() {
        let kept = model
            .journal(&form.module)
            .is_some_and(|journal| journal.cpd_draft.is_some());
        if kept && !model.is_read_only(&form.module) {
            model.journal_mut(&form.module).cpd_draft = None;
            model.unsaved.insert(form.module.clone());
            effects.push(Effect::Save(form.module));
        }
    }
    model.cpd_draft = None;
    model.cpd_records = records;
    model.cpd_year = None;
    model.notice = Some(text::cpd_record_made(id));
    effects
}

/// `x` on the completion screen: the module's newest CPD record goes to
/// the discarded folder (never deleted: `casebook cpd restore` brings it
/// back).
pub(crate) fn discard_newest(model: &mut Model, module: &ModuleKey) -> Vec<Effect> {
    let newest = model
        .cpd_records
        .iter()
        .filter(|record| {
            record
                .modules
                .iter()
                .any(|named| named.course == module.0 && named.module == module.1)
        })
        .max_by_key(|record| record.created);
    match newest {
        Some(record) => vec![Effect::DiscardCpdRecord(record.id.clone())],
        None => {
            model.notice = Some(text::CPD_NONE_TO_DISCARD.to_owned());
            Vec::new()
        }
    }
}

/// Saving failed: the form stays, with everything written, and says why.
pub(crate) fn failed(model: &mut Model, reason: String) {
    match model.cpd_form_mut() {
        Some(form) => form.problem = Some(reason),
        None => model.notice = Some(reason),
    }
}

/// Works the year's status out again when the day has changed (or the
/// records have): the model's clock is `now`, never the system's.
pub(crate) fn refresh_year(model: &mut Model, now: Timestamp) {
    let Some(layout) = &model.cpd_layout else {
        return;
    };
    let when = now.to_zoned(model.timezone.clone()).datetime();
    if model.cpd_year.as_ref().is_some_and(|(day, _)| *day == when.date()) {
        return;
    }
    let registered = model.profile.cpd_registered.get(&layout.id).copied();
    model.cpd_year =
        crate::cpd::year::status(layout, &model.cpd_records, when, registered).map(|status| (when.date(), status));
}

/// For each module, the latest review of it when that review is a peer's:
/// its comments on the module, then its overall comments.
pub(crate) fn peer_offers(courses: &[Course], reviews: &[ImportedReview]) -> BTreeMap<ModuleKey, PeerOffer> {
    let mut offers = BTreeMap::new();
    for course in courses {
        for module in &course.modules {
            let Some(imported) = crate::review::imported::latest_review_of(reviews, &course.id, &module.id)
                .filter(|imported| imported.review.reviewer.kind == crate::review::format::ReviewerKind::Peer)
            else {
                continue;
            };
            let review = &imported.review;
            let comments: Vec<&str> = review
                .comments
                .iter()
                .filter(|comment| comment.course == course.id && comment.module == module.id)
                .map(|comment| comment.comment.as_str())
                .collect();
            let reviewer = crate::sanitise::sanitise(&review.reviewer.name).into_owned();
            let start = text::cpd_review_start(&reviewer, &comments, review.overall_comments.as_deref());
            offers.insert(
                (course.id.clone(), module.id.clone()),
                PeerOffer {
                    reviewer,
                    text: crate::sanitise::sanitise(&start).into_owned(),
                },
            );
        }
    }
    offers
}

/// The home screen's line on the registration year; in the last 30 days it
/// is marked as the alarm is.
pub(crate) fn draw_home_line(model: &Model, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let Some((_, status)) = &model.cpd_year else {
        return;
    };
    let needed = model.cpd_layout.as_ref().and_then(|layout| layout.records_needed);
    let width = usize::from(area.width);
    let mut line = crate::cpd::glance::cpd_home_line(status, needed, false);
    if line.chars().count() > width {
        line = crate::cpd::glance::cpd_home_line(status, needed, true);
    }
    let style = if status.closing() { theme.alarm() } else { theme.muted() };
    draw_lines(canvas, area, &[Line::from(Span::styled(truncate(&line, width), style))]);
}

/// The form: three boxes, the one with the focus taller; any problem, the
/// peer review on offer, and the keys underneath.
pub(crate) fn draw(model: &Model, form: &CpdForm, canvas: &mut Canvas, area: Rect, theme: Theme) {
    canvas.render_widget(Clear, area);
    let block = Block::bordered()
        .title(text::CPD_FORM_TITLE)
        .border_style(theme.border(true));
    let inner = block.inner(area);
    canvas.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let width = usize::from(inner.width);
    let offer = model
        .peer_offers
        .get(&form.module)
        .filter(|_| form.boxes[PEER_BOX].text().trim().is_empty());
    // The form covers the screen's foot, so what the foot would say is said
    // here: a failing save (NOT SAVED) and any notice, after the form's own
    // problem.
    let note = if let Some(problem) = &form.problem {
        Some((problem.clone(), theme.alarm()))
    } else if let Some(error) = &model.save_error {
        let message = model.notice.clone().unwrap_or_else(|| text::not_saved(error));
        Some((message, theme.alarm()))
    } else if let Some(notice) = &model.notice {
        Some((notice.clone(), theme.plain()))
    } else {
        offer.map(|offer| (text::cpd_review_offer(&offer.reviewer), theme.plain()))
    };
    let situation = Situation {
        peer_offer: offer.is_some(),
        ..Situation::default()
    };
    let keys = fit_keys(&keymap::footer(Context::CpdForm, situation), width);
    let note_lines: Vec<String> = note
        .as_ref()
        .map(|(words, _)| {
            textwrap::wrap(words, width.max(8))
                .into_iter()
                .map(|line| line.into_owned())
                .collect()
        })
        .unwrap_or_default();
    // Two rows, or three for a longer note (why casebook stayed), as far as
    // the boxes leave room.
    let note_rows: u16 = if note.is_some() {
        u16::try_from(note_lines.len())
            .unwrap_or(u16::MAX)
            .clamp(2, 3)
            .min(inner.height.saturating_sub(7))
            .max(1)
    } else {
        0
    };
    let boxes_rows = inner.height.saturating_sub(1 + note_rows);
    // Each box: its label and at least a line; the focused box takes the rest.
    let focus = form.focus.min(BOXES - 1);
    let spare = boxes_rows.saturating_sub(2 * BOXES as u16);
    let mut y = inner.y;
    let bottom = inner.y + boxes_rows;
    let labels = [text::CPD_LEARNING_BOX, text::CPD_IMPACT_BOX, text::CPD_PEER_BOX];
    let marker = theme.symbols().pointer;
    for (index, (label, editor)) in labels.iter().zip(form.boxes.iter()).enumerate() {
        if y >= bottom {
            break;
        }
        let focused = index == focus;
        let shown = if focused {
            format!("{marker} {label}")
        } else {
            format!("  {label}")
        };
        let style = if focused { theme.heading() } else { theme.muted() };
        draw_lines(
            canvas,
            Rect::new(inner.x, y, inner.width, 1),
            &[Line::from(Span::styled(truncate(&shown, width), style))],
        );
        y += 1;
        let rows = if focused { 1 + spare } else { 1 };
        let rows = rows.min(bottom.saturating_sub(y));
        if rows > 0 {
            let field = Rect::new(inner.x + 2.min(inner.width), y, inner.width.saturating_sub(2), rows);
            draw_editor(canvas, editor, field, theme.plain(), focused);
        }
        y += rows;
    }
    if let Some((_, style)) = note {
        let lines: Vec<Line> = note_lines
            .into_iter()
            .take(usize::from(note_rows))
            .map(|line| Line::from(Span::styled(line, style)))
            .collect();
        draw_lines(canvas, Rect::new(inner.x, bottom, inner.width, note_rows), &lines);
    }
    let keys_y = inner.y + inner.height - 1;
    draw_lines(
        canvas,
        Rect::new(inner.x, keys_y, inner.width, 1),
        &[Line::from(Span::styled(keys, theme.keys()))],
    );
}
