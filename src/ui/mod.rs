//! Drawing: one file per view or widget, each reading `&State` and never changing it.
//!
//! Layout of the main screen: header (2 lines), group panel | item table, footer (1 line).
//! The detail replaces the panel and table; help and the filter menu are drawn over them.

mod cells;
mod columns;
mod detail;
pub mod edit;
mod filter_menu;
mod footer;
mod groups;
mod header;
mod help;
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
