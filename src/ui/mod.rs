//! Drawing: one file per view or widget, each reading `&State` and never changing it.
//!
//! Layout of the main screen: header (2 lines), group panel | item table, footer (1 line).
//! The detail replaces the panel and table; help and the filter menu are drawn over them.

mod cells;
mod changes;
mod columns;
mod dashboard;
mod detail;
pub mod edit;
mod filter_menu;
mod footer;
mod groups;
mod header;
mod help;
mod meeting;
mod notices;
pub mod popup;
mod returned;
mod table;
mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

pub use columns::{Column, layout as table_columns};
pub use detail::lines as detail_lines;
pub use help::lines as help_lines;
pub use theme::Theme;

use crate::app::{Overlay, Screen, State};
use crate::input::KeyMap;

/// Below this width the group panel is hidden to leave room for the table.
const PANEL_MIN_TOTAL: u16 = 60;

/// Draw the whole frame.
pub fn draw(frame: &mut Frame, state: &State, keys: &KeyMap, theme: &Theme) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let [head, body, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    header::draw(frame, head, state, theme);
    match &state.screen {
        Screen::Browse => {
            if body.width >= PANEL_MIN_TOTAL {
                let panel = (body.width * 3 / 10).clamp(20, 34);
                let [left, right] =
                    Layout::horizontal([Constraint::Length(panel), Constraint::Min(0)]).areas(body);
                groups::draw(frame, left, state, theme);
                table::draw(frame, right, state, theme);
            } else {
                table::draw(frame, body, state, theme);
            }
        }
        Screen::Detail { entry, scroll } => {
            detail::draw(frame, body, state, *entry, *scroll, theme)
        }
        Screen::Meeting { scroll } => meeting::draw(frame, body, state, *scroll, theme),
        Screen::Changes => {
            if let Some(view) = &state.meetings.changes {
                changes::draw(frame, body, state, view, theme);
            }
        }
        Screen::Dashboard(dashboard) => dashboard::draw(frame, body, dashboard, theme),
    }
    if let Some(setup) = &state.meetings.setup {
        meeting::draw_setup(frame, body, state, setup, theme);
    }
    if let Some(popup) = &state.notices {
        notices::draw(frame, body, state, popup, theme);
    }
    if let Some(returned) = &state.returned {
        returned::draw(frame, body, returned, &state.catalog, theme);
    }
    footer::draw(frame, foot, state, keys, theme);
    match &state.overlay {
        Some(Overlay::Help { scroll }) => help::draw(frame, body, keys, *scroll, theme),
        Some(Overlay::FilterMenu { cursor }) => {
            filter_menu::draw(frame, body, state, *cursor, theme)
        }
        None => {}
    }
    if let Some(open) = &state.edit.form {
        edit::render_form(frame, body, &open.form, theme);
    }
    if let Some(resolver) = &state.edit.conflicts {
        edit::render_conflicts(frame, body, resolver, theme);
    }
    if let Some(question) = &state.edit.naming {
        edit::render_name_question(frame, body, question, &state.edit.naming_setting, theme);
    }
    if state.edit.prompt == Some(crate::app::edit::Prompt::QuitUnsaved) {
        edit::render_quit_question(frame, body, state, theme);
    }
}

/// The body of the screen (between header and footer) for a terminal of `size`.
fn body_of(size: (u16, u16)) -> Rect {
    Rect::new(0, 2, size.0, size.1.saturating_sub(3))
}

/// Screen rows `lines` take when wrapped at `width` columns (an estimate for prose:
/// character wrapping, which is what CJK text does).
fn wrapped_rows(lines: &[ratatui::text::Line], width: u16) -> usize {
    let width = width.max(1) as usize;
    lines.iter().map(|l| l.width().div_ceil(width).max(1)).sum()
}

/// The largest useful scroll of the detail or the help now shown in a terminal of
/// `state.size`, or `None` when neither is shown. The event loop clamps the state's scroll
/// to it, so scrolling back up after `G` moves at once; drawing clamps the same way.
pub fn scroll_limit(state: &State, keys: &KeyMap) -> Option<u16> {
    let body = body_of(state.size);
    let theme = Theme::MONO;
    if let Some(crate::app::returned::SheetReturn::Preview(preview)) = &state.returned {
        let ledger = returned::ledger_of(&state.catalog, preview);
        return Some(returned::preview_scroll_limit(body, preview, ledger));
    }
    match (&state.overlay, &state.screen) {
        (Some(Overlay::Help { .. }), _) => {
            let inner = help::area(body).height.saturating_sub(2) as usize;
            Some(help::content(keys, &theme).len().saturating_sub(inner) as u16)
        }
        (None, Screen::Detail { entry, .. }) => {
            let entry = state.catalog.entry(*entry)?;
            let lines = detail::lines(&state.catalog, entry, &theme);
            let rows = wrapped_rows(&lines, body.width.saturating_sub(2));
            let inner = body.height.saturating_sub(2) as usize;
            Some(rows.saturating_sub(inner).min(u16::MAX as usize) as u16)
        }
        (None, Screen::Meeting { .. }) => {
            let stop = state.meetings.active.as_ref()?.current()?;
            let index = state
                .catalog
                .entry_index(&stop.target.ledger_id, &stop.target.item_id)?;
            let entry = state.catalog.entry(index as u32)?;
            let lines = detail::lines(&state.catalog, entry, &theme);
            let rows = wrapped_rows(&lines, body.width.saturating_sub(2));
            // The meeting bar takes one line above the detail's box.
            let inner = body.height.saturating_sub(3) as usize;
            Some(rows.saturating_sub(inner).min(u16::MAX as usize) as u16)
        }
        _ => None,
    }
}

/// A rectangle of at most `width`×`height` centred in `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
