//! The save status and the quit question as a pure state machine: reports of failed saves
//! come in as actions, saves and recovery files go out as effects (no disk involved).

use std::path::PathBuf;

use ratatui::crossterm::event::KeyCode;

use super::super::*;
use super::support::{chars, key, ledger, midnight, today};
use crate::app::{Action, Effect, Mode, State, update};
use crate::domain::WorkspaceConfig;
use crate::storage::{LoadedLedger, Workspace};

fn state() -> State {
    let dir = PathBuf::from("/nonexistent/ws");
    let workspace = Workspace {
        ledgers: vec![LoadedLedger::new(ledger(), dir.join("ledgers/l.ron"))],
        dir,
        config: WorkspaceConfig::default(),
        broken: Vec::new(),
    };
    State::new(workspace, today())
}

/// Add a note to the selected item; returns the effects of the Enter that applies it.
fn add_note(s: &mut State, text: &str) -> Vec<Effect> {
    update(s, Action::Edit(EditKind::Note), midnight());
    for k in chars(text) {
        update(s, Action::FormKey(k), midnight());
    }
    update(s, Action::FormKey(key(KeyCode::Enter)), midnight())
}

fn failed(s: &mut State, error: SaveError) -> Vec<Effect> {
    update(
        s,
        Action::Saved(Box::new(SaveReport {
            index: 0,
            ledger_id: "l".into(),
            result: Err(error),
        })),
        midnight(),
    )
}

#[test]
fn a_failed_save_keeps_the_edit_unsaved_and_the_timer_saves_it_again() {
    let mut s = state();
    assert_eq!(add_note(&mut s, "进展"), vec![Effect::SaveLedger(0)]);
    assert_eq!(s.edit.saving.pending(), 1);
    assert_eq!(
        update(&mut s, Action::RetrySaves, midnight()),
        vec![],
        "nothing failed yet"
    );
    assert_eq!(failed(&mut s, SaveError::Failed("磁盘已满".into())), vec![]);
    assert!(
        s.message
            .as_deref()
            .is_some_and(|m| m.starts_with("保存失败:磁盘已满"))
    );
    assert_eq!(
        update(&mut s, Action::RetrySaves, midnight()),
        vec![Effect::SaveLedger(0)]
    );
}

#[test]
fn quit_retries_then_asks_and_only_an_answer_quits() {
    let mut s = state();
    add_note(&mut s, "进展");
    failed(&mut s, SaveError::Failed("磁盘已满".into()));
    assert_eq!(
        update(&mut s, Action::Quit, midnight()),
        vec![Effect::SaveLedger(0)],
        "the save is retried before anything is asked"
    );
    assert_eq!(s.mode(), Mode::Browse);
    assert_eq!(failed(&mut s, SaveError::Failed("磁盘已满".into())), vec![]);
    assert_eq!(s.mode(), Mode::ConfirmQuit);
    assert_eq!(
        update(&mut s, Action::WriteRecovery, midnight()),
        vec![Effect::WriteRecovery(vec![0])]
    );
    let file = PathBuf::from("/ws/recovery/l-1.ron");
    let written = Action::RecoveryWritten(Ok(vec![file.clone()]));
    assert_eq!(update(&mut s, written, midnight()), vec![Effect::Quit]);
    assert!(
        s.edit
            .saving
            .exit_summary()
            .is_some_and(|m| m.contains("/ws/recovery/l-1.ron"))
    );
}

#[test]
fn a_recovery_file_that_cannot_be_written_keeps_the_question_open() {
    let mut s = state();
    add_note(&mut s, "进展");
    failed(&mut s, SaveError::Failed("磁盘已满".into()));
    update(&mut s, Action::Quit, midnight());
    failed(&mut s, SaveError::Failed("磁盘已满".into()));
    let refused = Action::RecoveryWritten(Err("只读文件系统".into()));
    assert_eq!(update(&mut s, refused, midnight()), vec![]);
    assert_eq!(s.mode(), Mode::ConfirmQuit);
    assert_eq!(
        s.edit.saving.recovery_error.as_deref(),
        Some("只读文件系统")
    );
}

#[test]
fn a_busy_lock_says_whom_it_waits_for() {
    let mut s = state();
    add_note(&mut s, "进展");
    let holder = "进程 4242,主机 office,自 2024-06-03 09:00:00 起".to_string();
    failed(
        &mut s,
        SaveError::Busy {
            holder: Some(holder.clone()),
        },
    );
    let line = s.edit.saving.main_failure().expect("a failure").short();
    assert!(line.starts_with("等待其他写入者"), "{line}");
    assert!(line.contains(&holder), "{line}");
}
