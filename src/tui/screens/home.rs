//! The home screen: the course as a grid (or a list when narrow), the
//! selected module's details, and opening, exporting and setting aside.

use jiff::Timestamp;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::content::Course;
use crate::journal::Status;
use crate::text;
use crate::tui::keymap::{Action, Context, Situation};
use crate::tui::layout::{grid_cells, grid_columns, grid_move, home_uses_grid};
use crate::tui::message::Effect;
use crate::tui::model::{Focus, HomeState, Model, ModuleKey, ProfileForm, Reader, Screen};
use crate::tui::overlays::export::open_export;
use crate::tui::screens::reader::questions::start_editing;
use crate::tui::screens::reader::{clamp_scroll, note_reading};
use crate::tui::session::{flush_all, request_quit};
use crate::tui::theme::Theme;
use crate::tui::widgets::{
    Canvas, footer, has_skipped, pad_to, progress_short, short_name, stack, status_label, status_style, status_words,
    truncate,
};

pub(crate) fn key(model: &mut Model, action: Option<Action>, now: Timestamp) -> Vec<Effect> {
    let Some(course) = model.courses.get(model.home.course) else {
        if action == Some(Action::Quit) {
            return request_quit(model, Vec::new());
        }
        return Vec::new();
    };
    let count = course.modules.len();
    let last = count.saturating_sub(1);
    let grid = home_uses_grid(model, course);
    let courses = model.courses.len();
    let Some(action) = action else {
        return Vec::new();
    };
    match action {
        Action::Quit => {
            if crate::tui::session::cpd_text_would_be_lost(model) {
                return Vec::new();
            }
            let saves = flush_all(model, now);
            return request_quit(model, saves);
        }
        Action::Open => return open_module(model, model.home.course, model.home.selected, now),
        Action::NextCourse if courses > 1 => {
            model.home = HomeState {
                course: (model.home.course + 1) % courses,
                selected: 0,
            };
        }
        Action::PreviousCourse if courses > 1 => {
            model.home = HomeState {
                course: (model.home.course + courses - 1) % courses,
                selected: 0,
            };
        }
        Action::EditProfile => {
            model.screen = Screen::Profile(ProfileForm::new(&model.profile));
        }
        Action::ImportReview => crate::tui::overlays::review_import::open(model),
        Action::Unanswered => return go_to_unanswered(model, model.home.course, model.home.selected, now),
        Action::SetAside => {
            if let Some(key) = model.key_of(model.home.course, model.home.selected)
                && model.damaged.contains_key(&key)
            {
                return vec![Effect::SetAside(key)];
            }
        }
        Action::Export => {
            let mut effects = flush_all(model, now);
            let modules: Vec<ModuleKey> = model
                .courses
                .iter()
                .flat_map(|course| course.modules.iter().map(move |module| (course, module)))
                .filter_map(|(course, module)| {
                    let key = (course.id.clone(), module.id.clone());
                    let journal = model.journal(&key)?;
                    journal.studied(module).then_some(key)
                })
                .collect();
            effects.extend(open_export(model, modules, now));
            return effects;
        }
        Action::First => model.home.selected = 0,
        Action::Last => model.home.selected = last,
        action if grid => {
            let direction = match action {
                Action::Up => Some((-1, 0)),
                Action::Down => Some((1, 0)),
                Action::Left => Some((0, -1)),
                Action::Right => Some((0, 1)),
                _ => None,
            };
            if let Some(direction) = direction {
                model.home.selected = grid_move(course, model.home.selected, direction);
            }
        }
        Action::Down => model.home.selected = (model.home.selected + 1).min(last),
        Action::Up => model.home.selected = model.home.selected.saturating_sub(1),
        Action::PageDown => model.home.selected = (model.home.selected + 5).min(last),
        Action::PageUp => model.home.selected = model.home.selected.saturating_sub(5),
        _ => {}
    }
    Vec::new()
}

/// Opens a module where the learner left it.
pub fn open_module(model: &mut Model, course: usize, module: usize, now: Timestamp) -> Vec<Effect> {
    let Some((_, content)) = model.module(course, module) else {
        return Vec::new();
    };
    let sections = content.sections.len();
    let Some(key) = model.key_of(course, module) else {
        return Vec::new();
    };
    model.home = HomeState {
        course,
        selected: module,
    };
    if let Some(problem) = model.damaged.get(&key) {
        model.notice = Some(text::read_only_journal(problem));
    }
    let position = model
        .journal(&key)
        .map(|journal| journal.position.clone())
        .unwrap_or_default();
    let (section, question) = model.journal(&key).zip(model.module(course, module)).map_or(
        (position.section.min(sections.saturating_sub(1)), None),
        |(journal, (_, content))| journal.resume_place(content),
    );
    // Back into the editor only when casebook closed with it open; a
    // question merely selected reopens selected, so that no key meant for
    // moving about can land in a saved answer.
    model.screen = Screen::Reader(Reader {
        course,
        module,
        section,
        scroll: position.scroll,
        focus: if question.is_some() {
            Focus::Questions
        } else {
            Focus::Text
        },
        question: question.unwrap_or(0),
        editor: None,
        confirm_skip: false,
        prompts: false,
        question_scroll: 0,
        prompts_scroll: 0,
        answer_scroll: 0,
        show_reviewed: false,
    });
    if question.is_some() && position.editing {
        start_editing(model, now);
    }
    clamp_scroll(model);
    model.last_input = Some(now);
    if !model.is_read_only(&key) {
        model.journal_mut(&key).first_studied.get_or_insert(now);
    }
    note_reading(model);
    Vec::new()
}

/// Opens a module at its first question without an answer (skipped, or
/// not yet reached), selected but not yet being written in.
pub(crate) fn go_to_unanswered(model: &mut Model, course: usize, module: usize, now: Timestamp) -> Vec<Effect> {
    let Some((key, content)) = model.key_of(course, module).zip(model.module(course, module)) else {
        return Vec::new();
    };
    let Some(journal) = model.journal(&key).filter(|journal| journal.studied(content.1)) else {
        model.notice = Some(text::NOT_STUDIED_YET.to_owned());
        return Vec::new();
    };
    let Some((section, question)) = journal.first_unanswered(content.1) else {
        model.notice = Some(text::NO_UNANSWERED.to_owned());
        return Vec::new();
    };
    let mut effects = flush_all(model, now);
    effects.extend(open_module(model, course, module, now));
    if let Screen::Reader(reader) = &mut model.screen {
        reader.section = section;
        reader.scroll = 0;
        reader.question = question;
        reader.focus = Focus::Questions;
        reader.editor = None;
        reader.confirm_skip = false;
    }
    note_reading(model);
    effects
}

pub(crate) fn draw(model: &Model, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let Some(course) = model.courses.get(model.home.course) else {
        canvas.render_widget(Paragraph::new(text::NO_COURSES).wrap(Wrap { trim: true }), area);
        return;
    };
    let details_height = if area.height >= 18 { 4 } else { 2 };
    let cpd_height = u16::from(model.cpd_year.is_some());
    let [title_row, body, details, cpd_row, foot] =
        stack(area, [Some(1), None, Some(details_height), Some(cpd_height), Some(2)]);
    let mut title = format!(" {}", course.title);
    if model.courses.len() > 1 {
        title.push_str(&text::course_of(model.home.course + 1, model.courses.len()));
    }
    canvas.render_widget(
        Paragraph::new(Line::from(Span::styled(title, theme.header()))).style(theme.header()),
        title_row,
    );
    if home_uses_grid(model, course) {
        home_grid(model, course, canvas, body, theme);
    } else {
        home_list(model, course, canvas, body, theme);
    }
    home_details(model, course, canvas, details, theme);
    crate::tui::overlays::cpd::draw_home_line(model, canvas, cpd_row, theme);
    let left = if model.content_errors > 0 {
        Line::from(text::content_problems(model.content_errors))
    } else if model.records_refused {
        Line::from(text::RECORDS_NOT_SENT)
    } else {
        Line::from(continue_hint(model).unwrap_or_default())
    };
    let situation = Situation {
        skipped: has_skipped(model, model.home.course, model.home.selected),
        ..Situation::default()
    };
    footer(model, canvas, foot, theme, left, Context::Home, situation);
}

/// A grid cell's status: the progress when it fits, else just the word.
fn cell_status(model: &Model, index: usize, width: usize) -> String {
    let label = status_label(model, model.home.course, index);
    let (symbol, word) = status_words(text::symbols(model.ascii), model.status(model.home.course, index));
    if let Some(marked) = super::feedback::cell_with_review(model, model.home.course, index, &label, symbol, width) {
        return marked;
    }
    if label.chars().count() <= width {
        return label;
    }
    format!("{symbol} {word}")
}

/// "Continue: Tim, 17 — question 2": where Enter takes the learner back
/// to in the selected module, while it is in progress.
fn continue_hint(model: &Model) -> Option<String> {
    let (course, module) = (model.home.course, model.home.selected);
    if model.status(course, module) != Status::InProgress {
        return None;
    }
    let (_, content) = model.module(course, module)?;
    let journal = model.journal(&model.key_of(course, module)?)?;
    let (section, question) = journal.resume_place(content);
    // Questions are numbered through the module, as the questions screen does.
    let number = question.map(|index| {
        content.sections[..section]
            .iter()
            .map(|earlier| earlier.questions.len())
            .sum::<usize>()
            + index
            + 1
    });
    let place = number.map_or_else(
        || text::place_section(section + 1, content.sections.len()),
        text::place_question,
    );
    Some(text::continue_at(short_name(content), &place))
}

fn home_list(model: &Model, course: &Course, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let width = usize::from(area.width);
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let mut current_area: Option<&str> = None;
    for (index, module) in course.modules.iter().enumerate() {
        if module.area.as_deref() != current_area {
            current_area = module.area.as_deref();
            if let Some(area_id) = current_area {
                lines.push(Line::from(Span::styled(
                    course.area_title(area_id).unwrap_or(area_id).to_owned(),
                    theme.heading(),
                )));
            }
        }
        let indent = if module.area.is_some() { "  " } else { "" };
        let label = match (&module.stage, module.area.is_some()) {
            (Some(stage), _) => {
                format!("{}: {}", course.stage_title(stage).unwrap_or(stage), short_name(module))
            }
            (None, true) => text::briefing(&module.title),
            (None, false) => module.title.clone(),
        };
        let status = model.status(model.home.course, index);
        let status_text = super::feedback::status_with_review(
            model,
            model.home.course,
            index,
            status_label(model, model.home.course, index),
            width,
        );
        let marker = if index == model.home.selected {
            format!("{} ", text::symbols(model.ascii).selected)
        } else {
            "  ".to_owned()
        };
        let left = format!("{marker}{indent}{label}");
        let room = width.saturating_sub(status_text.chars().count() + 1);
        let left = truncate(&left, room);
        let pad = width.saturating_sub(left.chars().count() + status_text.chars().count());
        let row_style = if index == model.home.selected {
            theme.selected()
        } else {
            theme.plain()
        };
        if index == model.home.selected {
            selected_line = lines.len();
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{left}{}", " ".repeat(pad)), row_style),
            Span::styled(
                status_text,
                if index == model.home.selected {
                    row_style
                } else {
                    status_style(theme, status)
                },
            ),
        ]));
    }
    let height = usize::from(area.height);
    let top = selected_line
        .saturating_sub(height.saturating_sub(1) / 2)
        .min(lines.len().saturating_sub(height));
    crate::tui::widgets::draw_lines(canvas, area, lines.get(top..).unwrap_or_default());
}

fn home_grid(model: &Model, course: &Course, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let cells = grid_cells(course);
    let Some((label_width, column_width)) = grid_columns(model, course) else {
        return;
    };
    let mut y = area.y;
    let bottom = area.y + area.height;
    // Modules with no area (the introduction) above the grid.
    for &(_, column, index) in cells.iter().filter(|cell| cell.0 == 0) {
        if y >= bottom {
            break;
        }
        let module = &course.modules[index];
        let text = format!(" {}  {}", module.title, status_label(model, model.home.course, index));
        let x = area.x + (column as u16).saturating_mul(label_width + column_width);
        let width = (label_width + column_width).min(area.x + area.width - x.min(area.x + area.width));
        let style = if index == model.home.selected {
            theme.selected()
        } else {
            theme.plain()
        };
        canvas.render_widget(
            Paragraph::new(Span::styled(truncate(&text, usize::from(width)), style)),
            Rect::new(x, y, width, 1),
        );
    }
    y += 2;
    // Stage titles, over two rows where one is too narrow: never cut while
    // there is room.
    let titles: Vec<Vec<String>> = course
        .stages
        .iter()
        .map(|stage| {
            let mut lines: Vec<String> = textwrap::wrap(&stage.title, usize::from(column_width - 1))
                .into_iter()
                .map(|line| line.into_owned())
                .collect();
            if lines.len() > 2 {
                let rest = lines.split_off(1).join(" ");
                lines.push(truncate(&rest, usize::from(column_width - 1)));
            }
            lines
        })
        .collect();
    let title_rows = titles.iter().map(Vec::len).max().unwrap_or(1);
    for (column, lines) in titles.iter().enumerate() {
        let x = area.x + label_width + u16::try_from(column).unwrap_or(u16::MAX).saturating_mul(column_width);
        for (line, row_y) in lines.iter().zip(y..bottom) {
            let rect = Rect::new(x, row_y, column_width.min((area.x + area.width).saturating_sub(x)), 1);
            canvas.render_widget(Paragraph::new(Span::styled(line.clone(), theme.heading())), rect);
        }
    }
    y += u16::try_from(title_rows).unwrap_or(1);
    for (row, area_entry) in course.areas.iter().enumerate() {
        if y + 2 > bottom {
            break;
        }
        let row = row as i32 + 1;
        let briefing = cells
            .iter()
            .find(|cell| cell.0 == row && cell.1 == 0)
            .map(|cell| cell.2);
        let label_style = if briefing == Some(model.home.selected) {
            theme.selected()
        } else {
            theme.heading()
        };
        let mut label = vec![Line::from(Span::styled(
            truncate(&area_entry.title, usize::from(label_width.saturating_sub(1))),
            label_style,
        ))];
        if let Some(index) = briefing {
            let status = model.status(model.home.course, index);
            let (symbol, word) = status_words(text::symbols(model.ascii), status);
            let style = if index == model.home.selected {
                theme.selected()
            } else {
                status_style(theme, status)
            };
            label.push(Line::from(Span::styled(text::briefing_status(symbol, word), style)));
        }
        canvas.render_widget(Paragraph::new(label), Rect::new(area.x, y, label_width, 2));
        for &(_, column, index) in cells.iter().filter(|cell| cell.0 == row && cell.1 > 0) {
            let x = area.x + label_width + (column as u16 - 1) * column_width;
            if x >= area.x + area.width {
                continue;
            }
            let width = column_width.min(area.x + area.width - x).saturating_sub(1);
            let module = &course.modules[index];
            let status = model.status(model.home.course, index);
            let selected = index == model.home.selected;
            let name_style = if selected { theme.selected() } else { theme.plain() };
            let state_style = if selected {
                theme.selected()
            } else {
                status_style(theme, status)
            };
            let cell = vec![
                Line::from(Span::styled(pad_to(short_name(module), usize::from(width)), name_style)),
                Line::from(Span::styled(
                    pad_to(&cell_status(model, index, usize::from(width)), usize::from(width)),
                    state_style,
                )),
            ];
            canvas.render_widget(Paragraph::new(cell), Rect::new(x, y, width, 2));
        }
        y += 3;
    }
}

fn home_details(model: &Model, course: &Course, canvas: &mut Canvas, area: Rect, theme: Theme) {
    let Some(module) = course.modules.get(model.home.selected) else {
        return;
    };
    let key = (course.id.clone(), module.id.clone());
    let journal = model.journal(&key);
    let mut title = module.title.clone();
    if let Some(subtitle) = &module.subtitle {
        title.push_str(" — ");
        title.push_str(subtitle);
    }
    let mut lines = vec![Line::from(Span::styled(title, theme.title()))];
    let mut facts = vec![progress_short(model, model.home.course, model.home.selected)];
    if let Some(minutes) = module.minutes {
        facts.push(text::about_minutes(minutes));
    }
    if let Some(journal) = journal {
        if journal.active_seconds > 0 {
            facts.push(text::time_spent_short(journal.active_seconds));
        }
        if let Some(last) = journal.last_studied {
            let when = last
                .to_zoned(model.timezone.clone())
                .strftime("%-d %b %Y %H:%M")
                .to_string();
            facts.push(text::last_visit(&when));
        }
    }
    if let Some(reviewed) = super::feedback::reviewed_by(model, model.home.course, model.home.selected) {
        facts.push(reviewed);
    }
    lines.push(Line::from(facts.join(" · ")));
    if let Some(problem) = model.damaged.get(&key) {
        lines.push(Line::from(Span::styled(
            text::read_only_journal(problem),
            theme.alarm(),
        )));
    }
    let block = Block::default().borders(Borders::TOP).border_style(theme.muted());
    canvas.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: true }), area);
}
