//! The update of the screens added around the table: meeting mode (start, walk, end), the
//! changes since the last meeting, the dashboard, exporting the view and copying ids.

use chrono::NaiveDate;

use super::action::Action;
use super::changes::ChangesView;
use super::effect::Effect;
use super::meeting::{Meeting, MeetingScope, MeetingSetup};
use super::walk::Walk;
use super::{Mode, Screen, State};

/// Handle the meeting actions of any mode; others are handed back.
pub fn update_meeting(
    state: &mut State,
    action: Action,
    today: NaiveDate,
) -> Result<Vec<Effect>, Action> {
    if matches!(action, Action::Resize(..) | Action::Help) {
        return Err(action);
    }
    let mode = state.mode();
    Ok(match (mode, action) {
        (_, Action::MeetingLoaded(record)) => {
            state.meetings.last = Some(*record);
            Vec::new()
        }
        (_, Action::MeetingSaved(result)) => saved(state, result),
        (Mode::Browse, Action::StartMeeting) => setup(state),
        (Mode::Browse, Action::ShowChanges) => show_changes(state),
        (Mode::Browse, Action::ExportView) => super::export_view::export(state),
        (_, Action::Exported(result)) => {
            state.message = Some(match result {
                Ok(path) => format!("已导出当前视图:{path}"),
                Err(e) => format!("导出失败:{e}"),
            });
            Vec::new()
        }
        (Mode::Browse, Action::ShowDashboard) => {
            let dashboard = super::dashboard::Dashboard::new(&state.catalog);
            state.screen = Screen::Dashboard(Box::new(dashboard));
            Vec::new()
        }
        (Mode::Dashboard, action) => dashboard_key(state, action),
        (Mode::Browse | Mode::Detail | Mode::Meeting, Action::CopyIds) => copy_ids(state),
        (Mode::MeetingSetup, action) => setup_key(state, action, today),
        (Mode::Meeting, action) => return meeting_key(state, action),
        (Mode::MeetingEnd, action) => end_key(state, action),
        (Mode::Changes, action) => changes_key(state, action),
        (_, other) => return Err(other),
    })
}

fn setup(state: &mut State) -> Vec<Effect> {
    let scope = MeetingScope::from_view(&state.view);
    let count = scope.stops(&state.catalog).len();
    state.meetings.setup = Some(MeetingSetup {
        scope,
        count,
        attendees: String::new(),
    });
    Vec::new()
}

fn setup_key(state: &mut State, action: Action, today: NaiveDate) -> Vec<Effect> {
    let Some(setup) = &mut state.meetings.setup else {
        return Vec::new();
    };
    match action {
        Action::SearchInsert(text) => setup
            .attendees
            .push_str(&crate::text::sanitize(&text).replace('\n', " ")),
        Action::SearchBackspace => {
            setup.attendees.pop();
        }
        Action::MeetingToggleYellow => {
            setup.scope.toggle_yellow();
            setup.count = setup.scope.stops(&state.catalog).len();
        }
        Action::Back | Action::Quit => state.meetings.setup = None,
        Action::Open | Action::SearchAccept => {
            if setup.count == 0 {
                state.message = Some(
                    "范围内没有事项:按 Tab 加入黄色,或先在分组栏/筛选中换台账、单位".to_string(),
                );
                return Vec::new();
            }
            let meeting = Meeting::start(&state.catalog, setup, today);
            state.message = Some(format!(
                "会议开始:{},共 {} 项;] 下一项,q 结束并生成纪要",
                meeting.scope,
                meeting.stops.len()
            ));
            state.meetings.setup = None;
            state.meetings.active = Some(meeting);
            state.screen = Screen::Meeting { scroll: 0 };
        }
        _ => {}
    }
    Vec::new()
}

fn meeting_key(state: &mut State, action: Action) -> Result<Vec<Effect>, Action> {
    let Some(meeting) = &mut state.meetings.active else {
        return Err(action);
    };
    let Screen::Meeting { scroll } = &mut state.screen else {
        return Err(action);
    };
    match action {
        Action::NextItem | Action::PreviousItem => {
            let forward = action == Action::NextItem;
            if meeting.step(if forward { 1 } else { -1 }) {
                *scroll = 0;
            } else {
                state.message = Some(if forward {
                    "已是最后一项;按 q 结束会议并生成纪要".to_string()
                } else {
                    "已是第一项".to_string()
                });
            }
        }
        Action::MoveDown => *scroll = scroll.saturating_add(1),
        Action::MoveUp => *scroll = scroll.saturating_sub(1),
        Action::PageDown => *scroll = scroll.saturating_add(10),
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = u16::MAX,
        Action::EndMeeting | Action::Back | Action::Quit => meeting.ending = true,
        other => return Err(other),
    }
    Ok(Vec::new())
}

fn end_key(state: &mut State, action: Action) -> Vec<Effect> {
    let Some(meeting) = &mut state.meetings.active else {
        return Vec::new();
    };
    match action {
        Action::Open => {
            meeting.ending = false;
            let (minutes, record) = meeting.finish(&state.catalog);
            meeting.written = Some(record.clone());
            state.message = Some("正在写会议纪要…".to_string());
            vec![Effect::WriteMeeting(Box::new((minutes, record)))]
        }
        Action::Back => {
            meeting.ending = false;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn saved(state: &mut State, result: Result<String, String>) -> Vec<Effect> {
    match result {
        Ok(path) => {
            if let Some(meeting) = state.meetings.active.take() {
                state.meetings.last = meeting.written;
            }
            state.screen = Screen::Browse;
            state.message = Some(format!("会议结束,纪要已保存:{path}"));
        }
        Err(e) => {
            if let Some(meeting) = &mut state.meetings.active {
                meeting.written = None;
            }
            state.message = Some(format!("会议纪要未能保存:{e};按 q 再试"));
        }
    }
    Vec::new()
}

fn show_changes(state: &mut State) -> Vec<Effect> {
    match &state.meetings.last {
        None => {
            state.message = Some("还没有会议记录:开过一次会(按 H)后,这里列出此后的变化".to_string())
        }
        Some(record) => {
            let view = ChangesView::since(&state.catalog, record);
            if view.items.is_empty() {
                state.message = Some(format!("自 {} 的会议以来没有变化", view.since));
            } else {
                state.meetings.changes = Some(view);
                state.screen = Screen::Changes;
            }
        }
    }
    Vec::new()
}

fn changes_key(state: &mut State, action: Action) -> Vec<Effect> {
    let Some(view) = &mut state.meetings.changes else {
        return Vec::new();
    };
    match action {
        Action::MoveDown => view.move_by(1),
        Action::MoveUp => view.move_by(-1),
        Action::PageDown => view.move_by(10),
        Action::PageUp => view.move_by(-10),
        Action::Top => view.move_by(isize::MIN / 2),
        Action::Bottom => view.move_by(isize::MAX / 2),
        Action::Open => {
            if let Some(item) = view.items.get(view.cursor) {
                state.walk = Some(Walk::new(view.entries(), item.entry));
                state.screen = Screen::Detail {
                    entry: item.entry,
                    scroll: 0,
                };
            }
        }
        Action::Back => {
            state.meetings.changes = None;
            state.screen = Screen::Browse;
        }
        _ => {}
    }
    Vec::new()
}

fn dashboard_key(state: &mut State, action: Action) -> Vec<Effect> {
    let Screen::Dashboard(dashboard) = &mut state.screen else {
        return Vec::new();
    };
    match action {
        Action::MoveDown => dashboard.move_by(1, 0),
        Action::MoveUp => dashboard.move_by(-1, 0),
        Action::PageDown => dashboard.move_by(10, 0),
        Action::PageUp => dashboard.move_by(-10, 0),
        Action::Top => dashboard.move_by(isize::MIN / 2, 0),
        Action::Bottom => dashboard.move_by(isize::MAX / 2, 0),
        Action::MoveLeft => dashboard.move_by(0, -1),
        Action::MoveRight => dashboard.move_by(0, 1),
        Action::Open => {
            if let Some(filters) = dashboard.drill() {
                state.search.clear();
                state.view.filters = filters;
                state.view.set_grouping(state.view.grouping);
                state.screen = Screen::Browse;
                state.refresh();
                state.message = Some(format!(
                    "总览明细:{} 项(按 c 清除筛选)",
                    state.view.rows.len()
                ));
            }
        }
        Action::Back => state.screen = Screen::Browse,
        _ => {}
    }
    Vec::new()
}

fn copy_ids(state: &mut State) -> Vec<Effect> {
    let Some(target) = super::edit::selected_target(state) else {
        state.message = Some("没有选中的事项".to_string());
        return Vec::new();
    };
    let text = format!("{} {}", target.ledger_id, target.item_id);
    state.message = Some(format!(
        "已复制到剪贴板:{}(需终端支持 OSC 52)",
        crate::text::sanitize(&text)
    ));
    vec![Effect::Copy(text)]
}
