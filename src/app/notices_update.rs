//! The update of the 发通知单 popup: open it on the selected item, change its choices,
//! ask before issuing a notice twice, hand the issuing to the loop, and take the saved
//! ledgers back so the detail shows the notice at once.

use chrono::NaiveDate;

use super::action::Action;
use super::edit::{rebuild_catalog, selected_target};
use super::effect::Effect;
use super::notices::{IssuedNotices, NoticeFailure, NoticeOutcome, NoticePopup};
use super::{Mode, State};
use crate::issue::IssueError;
use crate::text::sanitize;

/// Handle the notice actions; others are handed back.
pub fn update_notices(
    state: &mut State,
    action: Action,
    today: NaiveDate,
) -> Result<Vec<Effect>, Action> {
    let mode = state.mode();
    Ok(match (mode, action) {
        (_, Action::NoticesIssued(outcome)) => issued(state, *outcome),
        (Mode::Browse | Mode::Detail | Mode::Meeting, Action::IssueNotices) => {
            open(state, today);
            Vec::new()
        }
        (Mode::Notices, action) => popup_key(state, action, today),
        (Mode::NoticeAgain, Action::NoticeIssueAgain) => send(state, today, true),
        (Mode::NoticeAgain, Action::Back) => {
            if let Some(popup) = &mut state.notices {
                popup.question = None;
            }
            state.message = Some("未重复发出".to_string());
            Vec::new()
        }
        (Mode::NoticeAgain, _) => Vec::new(),
        (_, other) => return Err(other),
    })
}

fn open(state: &mut State, today: NaiveDate) {
    let Some(target) = selected_target(state) else {
        state.message = Some("没有选中的事项".to_string());
        return;
    };
    match NoticePopup::open(&state.catalog, target, today) {
        Ok(popup) => state.notices = Some(popup),
        Err(why) => state.message = Some(why),
    }
}

fn popup_key(state: &mut State, action: Action, today: NaiveDate) -> Vec<Effect> {
    let Some(popup) = &mut state.notices else {
        return Vec::new();
    };
    if popup.sending {
        return Vec::new();
    }
    match action {
        Action::NoticeToggleReach => popup.toggle_reach(),
        Action::NoticeNextKind => {
            if popup.reach == super::notices::Reach::Item {
                state.message =
                    Some("本事项按其颜色发;换类型请先按 Tab 改为本单位的事项".to_string());
                return Vec::new();
            }
            popup.next_kind();
        }
        Action::NoticeNextUnit => popup.next_unit(),
        Action::NoticeNextFormat => popup.next_format(),
        Action::Open => return issue(state, today),
        Action::Back => {
            state.notices = None;
            return Vec::new();
        }
        _ => return Vec::new(),
    }
    popup.refresh(&state.catalog, today);
    Vec::new()
}

/// Enter: issue what the preview shows, asking first when an item already holds it.
fn issue(state: &mut State, today: NaiveDate) -> Vec<Effect> {
    let Some(popup) = &mut state.notices else {
        return Vec::new();
    };
    if popup.preview.notices.is_empty() {
        let nothing = IssueError::Nothing {
            scope: popup.scope().describe(),
        };
        state.message = Some(format!("{nothing};可按 Tab 换范围、t 换类型"));
        return Vec::new();
    }
    if state.edit.saving.pending() > 0 {
        state.message = Some("还有修改未保存,保存后再发通知单".to_string());
        return Vec::new();
    }
    if let Some(duplicate) = popup.preview.duplicate.clone() {
        popup.question = Some(duplicate);
        return Vec::new();
    }
    send(state, today, false)
}

fn send(state: &mut State, today: NaiveDate, again: bool) -> Vec<Effect> {
    let Some(popup) = &mut state.notices else {
        return Vec::new();
    };
    popup.question = None;
    popup.sending = true;
    state.message = Some("正在发出通知单…".to_string());
    vec![Effect::IssueNotices(Box::new(popup.request(
        &state.catalog,
        today,
        again,
    )))]
}

fn issued(state: &mut State, outcome: NoticeOutcome) -> Vec<Effect> {
    match outcome.result {
        Ok(done) => {
            state.notices = None;
            let effects = take_saved(state, &done);
            state.message = Some(summary(&done));
            effects
        }
        Err(failure) => {
            if let Some(popup) = &mut state.notices {
                popup.sending = false;
            }
            match failure {
                NoticeFailure::Duplicate(duplicate) => match &mut state.notices {
                    Some(popup) => popup.question = Some(duplicate),
                    None => state.message = Some(format!("{duplicate};未重复发出")),
                },
                NoticeFailure::Other(why) => {
                    state.message = Some(format!("通知单未发出:{}", sanitize(&why)))
                }
            }
            Vec::new()
        }
    }
}

/// Put the saved ledgers in the catalogue (the detail then shows the notice); a ledger
/// with edits not yet saved here is saved instead, merging the notices in.
fn take_saved(state: &mut State, done: &IssuedNotices) -> Vec<Effect> {
    state.catalog.config.notices = done.settings.clone();
    let mut effects = Vec::new();
    let mut replaced = false;
    for fresh in &done.ledgers {
        let id = &fresh.ledger.id;
        let Some(index) = state
            .catalog
            .ledgers
            .iter()
            .position(|l| &l.ledger.id == id)
        else {
            continue;
        };
        if state.edit.base(id).is_some() {
            effects.push(Effect::SaveLedger(index));
        } else {
            state.catalog.ledgers[index] = fresh.clone();
            replaced = true;
        }
    }
    if replaced {
        rebuild_catalog(state);
    }
    effects
}

/// "已发出督办通知单 督〔2023〕3号 → 机关党办(3项);文件在 …/notices".
fn summary(done: &IssuedNotices) -> String {
    let pieces: Vec<String> = done
        .notices
        .iter()
        .map(|(_, number, recipient, items)| format!("{number} → {recipient}({items}项)"))
        .collect();
    let head = match done.notices.as_slice() {
        [(kind, ..)] => format!("已发出{} {}", kind.label(), pieces[0]),
        _ => format!("已发出 {} 份通知单:{}", pieces.len(), pieces.join("、")),
    };
    sanitize(&format!("{head};文件在 {}", done.folder.display())).into_owned()
}
