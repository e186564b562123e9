//! The pure state transition: `update(state, action, now) -> effects`.

use chrono::NaiveDateTime;

use super::action::Action;
use super::effect::Effect;
use super::filters::FilterOption;
use super::view::{Pane, table_rows_for};
use super::{Mode, Overlay, Screen, State};

/// Apply one action: the only place the state changes. Never performs I/O: anything beyond
/// the state is returned as an effect.
///
/// `now` is the moment of the action on the workspace's clock — the app's today (the pinned
/// date of demo data, else the real date at start) at the wall-clock time of day. Edits are
/// stamped with it and forms default to its date; nothing below reads the clock.
///
/// A key or paste from the user dismisses the footer message first; results the loop feeds
/// back (saves, reloads, timers) leave it.
pub fn update(state: &mut State, action: Action, now: NaiveDateTime) -> Vec<Effect> {
    if action.is_input() {
        state.message = None;
    }
    if action == Action::Unbound {
        return Vec::new();
    }
    let today = now.date();
    let action = match super::returned::update_returned(state, action, now) {
        Ok(effects) => return effects,
        Err(action) => action,
    };
    let action = match super::edit::update_edit(state, action, now) {
        Ok(effects) => return effects,
        Err(action) => action,
    };
    let action = match super::notices_update::update_notices(state, action, today) {
        Ok(effects) => return effects,
        Err(action) => action,
    };
    let action = match super::meeting_update::update_meeting(state, action, today) {
        Ok(effects) => return effects,
        Err(action) => action,
    };
    match action {
        Action::Resize(w, h) => {
            state.size = (w, h);
            state.view.page = table_rows_for(h);
            state.view.clamp();
            return Vec::new();
        }
        Action::Help => {
            state.overlay = match state.overlay {
                Some(Overlay::Help { .. }) => None,
                _ => Some(Overlay::Help { scroll: 0 }),
            };
            return Vec::new();
        }
        _ => {}
    }
    match state.mode() {
        Mode::Help => help(state, action),
        Mode::FilterMenu => filter_menu(state, action),
        Mode::Search => search(state, action),
        Mode::Detail => detail(state, action),
        Mode::Browse => browse(state, action),
        Mode::Edit
        | Mode::Notices
        | Mode::NoticeAgain
        | Mode::MeetingSetup
        | Mode::Meeting
        | Mode::MeetingEnd
        | Mode::Changes
        | Mode::Dashboard
        | Mode::ConfirmDiscard
        | Mode::ConfirmQuit
        | Mode::SheetPrompt
        | Mode::SheetPreview => {}
    }
    Vec::new()
}

fn help(state: &mut State, action: Action) {
    let Some(Overlay::Help { scroll }) = &mut state.overlay else {
        return;
    };
    match action {
        Action::MoveDown => *scroll = scroll.saturating_add(1).min(500),
        Action::MoveUp => *scroll = scroll.saturating_sub(1),
        Action::PageDown => *scroll = scroll.saturating_add(10).min(500),
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::Top => *scroll = 0,
        Action::Back | Action::Open => state.overlay = None,
        _ => {}
    }
}

fn filter_menu(state: &mut State, action: Action) {
    let options = FilterOption::all(&state.catalog);
    let Some(Overlay::FilterMenu { cursor }) = &mut state.overlay else {
        return;
    };
    let last = options.len().saturating_sub(1);
    match action {
        Action::MoveDown => *cursor = (*cursor + 1).min(last),
        Action::MoveUp => *cursor = cursor.saturating_sub(1),
        Action::PageDown => *cursor = (*cursor + 10).min(last),
        Action::PageUp => *cursor = cursor.saturating_sub(10),
        Action::Top => *cursor = 0,
        Action::Bottom => *cursor = last,
        Action::ToggleOption | Action::Open => {
            if let Some(option) = options.get(*cursor) {
                state.view.filters.toggle(*option);
                state.refresh();
            }
        }
        Action::ClearFilters => clear_filters(state),
        Action::Back | Action::FilterMenu => state.overlay = None,
        Action::ToggleColour(c) => {
            state.view.filters.toggle_colour(c);
            state.refresh();
        }
        _ => {}
    }
}

fn search(state: &mut State, action: Action) {
    match action {
        Action::SearchInsert(text) => {
            state.search.query.push_str(&crate::text::sanitize(&text));
            run_search(state);
        }
        Action::SearchBackspace => {
            state.search.query.pop();
            run_search(state);
        }
        Action::Back => {
            state.search.query.clear();
            state.search.editing = false;
            run_search(state);
        }
        Action::SearchAccept | Action::Open => state.search.editing = false,
        Action::MoveDown => state.view.move_by(1),
        Action::MoveUp => state.view.move_by(-1),
        Action::PageDown => state.view.move_by(state.view.page as isize),
        Action::PageUp => state.view.move_by(-(state.view.page as isize)),
        _ => {}
    }
}

fn run_search(state: &mut State) {
    state.search.run(&state.catalog);
    state.view.selected = 0;
    state.refresh();
}

fn detail(state: &mut State, action: Action) {
    let step = match action {
        Action::NextItem => 1,
        Action::PreviousItem => -1,
        _ => 0,
    };
    if step != 0 {
        // Walk the rows as they were when the detail opened: an item that changed colour
        // or status since has moved in the table, and must not make the walk skip or
        // repeat items.
        let next = match &mut state.walk {
            Some(walk) => walk.step(step),
            None => {
                state.view.move_by(step);
                state.view.selected_entry()
            }
        };
        match next {
            Some(entry) => {
                state.screen = Screen::Detail { entry, scroll: 0 };
                if let Some(row) = state.view.rows.iter().position(|&r| r == entry) {
                    state.view.selected = row;
                    state.view.clamp();
                }
            }
            None => {
                state.message = Some(if step > 0 {
                    "已是最后一项".to_string()
                } else {
                    "已是第一项".to_string()
                })
            }
        }
        return;
    }
    let Screen::Detail { scroll, .. } = &mut state.screen else {
        return;
    };
    match action {
        Action::MoveDown => *scroll = scroll.saturating_add(1).min(2000),
        Action::MoveUp => *scroll = scroll.saturating_sub(1),
        Action::PageDown => *scroll = scroll.saturating_add(10).min(2000),
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::Top => *scroll = 0,
        Action::Back | Action::FocusGroups => {
            state.walk = None;
            state.screen = if state.meetings.changes.is_some() {
                Screen::Changes
            } else {
                Screen::Browse
            };
        }
        Action::Bottom => *scroll = 2000,
        _ => {}
    }
}

fn browse(state: &mut State, action: Action) {
    let view = &mut state.view;
    let page = view.page as isize;
    match (view.focus, action) {
        (_, Action::NextPane) => {
            view.focus = match view.focus {
                Pane::Groups => Pane::Table,
                Pane::Table => Pane::Groups,
            }
        }
        (_, Action::FocusGroups) => view.focus = Pane::Groups,
        (_, Action::FocusTable) => view.focus = Pane::Table,
        (Pane::Groups, Action::MoveDown) => move_group(state, 1),
        (Pane::Groups, Action::MoveUp) => move_group(state, -1),
        (Pane::Groups, Action::PageDown) => move_group(state, page),
        (Pane::Groups, Action::PageUp) => move_group(state, -page),
        (Pane::Groups, Action::Top) => move_group(state, isize::MIN / 2),
        (Pane::Groups, Action::Bottom) => move_group(state, isize::MAX / 2),
        (Pane::Groups, Action::Open) => view.focus = Pane::Table,
        (Pane::Table, Action::MoveDown) => view.move_by(1),
        (Pane::Table, Action::MoveUp) => view.move_by(-1),
        (Pane::Table, Action::PageDown) => view.move_by(page),
        (Pane::Table, Action::PageUp) => view.move_by(-page),
        (Pane::Table, Action::Top) => view.move_by(isize::MIN / 2),
        (Pane::Table, Action::Bottom) => view.move_by(isize::MAX / 2),
        (Pane::Table, Action::Open) => {
            if let Some(entry) = view.selected_entry() {
                state.walk = Some(super::walk::Walk::new(view.rows.clone(), entry));
                state.screen = Screen::Detail { entry, scroll: 0 };
            }
        }
        (_, Action::CycleGrouping) => {
            let next = view.grouping.next();
            view.set_grouping(next);
            state.refresh();
        }
        (_, Action::CycleSort) => {
            let next = view.sort.next();
            view.set_sort(&state.catalog, next);
            state.refresh();
        }
        (_, Action::ToggleColour(c)) => {
            view.filters.toggle_colour(c);
            state.refresh();
        }
        (_, Action::ClearFilters) => clear_filters(state),
        (_, Action::FilterMenu) => state.overlay = Some(Overlay::FilterMenu { cursor: 0 }),
        (_, Action::StartSearch) => {
            state.search.editing = true;
            view.focus = Pane::Table;
        }
        // Text pasted outside the search box starts a search with it.
        (_, Action::SearchInsert(text)) => {
            state.search.editing = true;
            view.focus = Pane::Table;
            search(state, Action::SearchInsert(text));
        }
        (_, Action::Back) if state.search.is_active() => {
            state.search.query.clear();
            run_search(state);
        }
        _ => {}
    }
}

fn move_group(state: &mut State, delta: isize) {
    let view = &mut state.view;
    let last = view.groups.len().saturating_sub(1);
    let cursor = view.group_cursor.saturating_add_signed(delta).min(last);
    if cursor != view.group_cursor {
        view.group_cursor = cursor;
        view.rows.clear();
        view.selected = 0;
        view.scroll = 0;
        state.refresh();
    }
}

fn clear_filters(state: &mut State) {
    state.view.filters = Default::default();
    state.search.clear();
    state.refresh();
    state.message = Some("已清除全部筛选".to_string());
}
