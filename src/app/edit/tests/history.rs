//! Undo/redo, conflicts and the session.

use ratatui::crossterm::event::KeyCode;

use super::super::*;
use super::support::*;
use crate::domain::edit::Field;
use crate::domain::{Ledger, Status};

#[test]
fn bulk_edit_is_one_step_undone_and_redone() {
    let mut ledgers = vec![ledger()];
    let targets = [Target::new("l", "7"), Target::new("l", "8")];
    let edits = [crate::domain::edit::Edit::SetStatus {
        status: Status::InProgress,
        reason: None,
    }];
    let step = apply_to_targets(&mut ledgers, &targets, &edits, "李四", at()).expect("applies");
    assert_eq!(step.label, "状态改为推进中(2 项)");
    assert_eq!(step.ledger_ids(), vec!["l".to_string()]);
    let mut history = EditHistory::new();
    history.record(step);
    assert!(
        ledgers[0]
            .items
            .iter()
            .all(|i| i.status == Status::InProgress)
    );

    let replay = history.undo(&mut ledgers, "李四", at()).expect("undoable");
    assert_eq!(replay.ledger_ids, vec!["l".to_string()]);
    assert!(replay.conflicts.is_empty());
    assert!(
        ledgers[0]
            .items
            .iter()
            .all(|i| i.status == Status::NotStarted)
    );
    assert_eq!(history.next_redo(), Some("状态改为推进中(2 项)"));

    history.redo(&mut ledgers, "李四", at()).expect("redoable");
    assert!(
        ledgers[0]
            .items
            .iter()
            .all(|i| i.status == Status::InProgress)
    );
    assert!(history.redo(&mut ledgers, "李四", at()).is_none());
}

#[test]
fn refused_bulk_changes_nothing() {
    let mut ledgers = vec![ledger()];
    let before = ledgers.clone();
    let targets = [Target::new("l", "7"), Target::new("l", "missing")];
    let edits = [crate::domain::edit::Edit::AddUnit {
        unit: "办公室".into(),
    }];
    let err = apply_to_targets(&mut ledgers, &targets, &edits, "李四", at()).expect_err("refused");
    assert_eq!(err.item_id, "missing");
    assert_eq!(ledgers, before);
}

#[test]
fn undo_after_someone_else_changed_the_same_field_reports_it() {
    let mut ledgers = vec![ledger()];
    let targets = [Target::new("l", "7")];
    let mine = [crate::domain::edit::Edit::SetStatus {
        status: Status::InProgress,
        reason: None,
    }];
    let mut history = EditHistory::new();
    history.record(apply_to_targets(&mut ledgers, &targets, &mine, "李四", at()).expect("ok"));
    let theirs = [crate::domain::edit::Edit::SetStatus {
        status: Status::Done,
        reason: None,
    }];
    apply_to_targets(&mut ledgers, &targets, &theirs, "王五", at()).expect("ok");
    let replay = history.undo(&mut ledgers, "李四", at()).expect("undoable");
    assert_eq!(replay.conflicts.len(), 1);
    assert_eq!(replay.conflicts[0].1.field, Field::Status);
    assert!(replay.ledger_ids.is_empty());
    assert_eq!(ledgers[0].items[0].status, Status::Done);
}

#[test]
fn recording_clears_redo() {
    let mut ledgers = vec![ledger()];
    let targets = [Target::new("l", "7")];
    let note = |t: &str| crate::domain::edit::Edit::AddNote {
        date: today(),
        author: "李四".into(),
        text: t.into(),
    };
    let mut history = EditHistory::new();
    history
        .record(apply_to_targets(&mut ledgers, &targets, &[note("a")], "李四", at()).expect("ok"));
    history.undo(&mut ledgers, "李四", at());
    history
        .record(apply_to_targets(&mut ledgers, &targets, &[note("b")], "李四", at()).expect("ok"));
    assert_eq!(history.next_redo(), None);
    assert_eq!(history.next_undo(), Some("添加进展"));
    let texts: Vec<_> = ledgers[0].items[0]
        .progress
        .iter()
        .map(|p| p.text.clone())
        .collect();
    assert_eq!(texts, vec!["b".to_string()]);
}

// ---- conflicts ----

fn conflict(ledgers: &[Ledger], keep_mine: bool) -> ConflictEntry {
    let mut mine = ledgers[0].items[0].clone();
    mine.status = Status::InProgress;
    ConflictEntry {
        ledger_id: "l".into(),
        item_id: "7".into(),
        item_label: "7 建设智慧矫正中心".into(),
        field: Field::Status,
        mine: "推进中".into(),
        theirs: "已完成(待验收)".into(),
        keep_mine,
        mine_item: mine,
    }
}

#[test]
fn conflict_popup_needs_a_decision_and_keeping_mine_is_an_undoable_step() {
    let mut ledgers = vec![ledger()];
    ledgers[0].items[0].status = Status::Done; // theirs, on disk
    let mut resolver = ConflictResolver::new(vec![conflict(&ledgers, false)]).expect("some");
    assert_eq!(
        resolver.handle_key(&key(KeyCode::Esc)),
        ConflictOutcome::Continue
    );
    assert!(resolver.message.is_some());
    resolver.handle_key(&key(KeyCode::Char('1')));
    let ConflictOutcome::Resolved(entries) = resolver.handle_key(&key(KeyCode::Enter)) else {
        panic!("resolved")
    };
    let step = resolve_conflicts(&entries, &mut ledgers, "李四", at()).expect("a step");
    assert_eq!(ledgers[0].items[0].status, Status::InProgress);
    assert_eq!(
        ledgers[0].items[0].history.last().map(|h| h.from.as_str()),
        Some("已完成(待验收)")
    );
    let mut history = EditHistory::new();
    history.record(step);
    history.undo(&mut ledgers, "李四", at());
    assert_eq!(ledgers[0].items[0].status, Status::Done);
}

#[test]
fn keeping_theirs_changes_nothing() {
    let mut ledgers = vec![ledger()];
    let before = ledgers.clone();
    assert_eq!(
        resolve_conflicts(&[conflict(&ledgers, false)], &mut ledgers, "李四", at()),
        None
    );
    assert_eq!(ledgers, before);
}

// ---- session ----

#[test]
fn session_applies_a_bulk_status_to_marked_items_as_one_step() {
    let mut ledgers = vec![ledger()];
    let mut session = EditSession::new("李四");
    session.toggle_mark(Target::new("l", "7"));
    session.toggle_mark(Target::new("l", "8"));
    let targets = session.targets(Some(Target::new("l", "7")));
    assert_eq!(targets.len(), 2);
    let known = units();
    let ctx = FormContext::for_selection(2, 2024, today(), "李四", &known);
    session.form = Some(OpenForm {
        form: EditForm::open(EditKind::Status, &ctx).expect("opens"),
        targets,
    });
    let event = session.form_key(&key(KeyCode::Char('3')), &mut ledgers, at());
    assert_eq!(
        event,
        FormEvent::Applied {
            label: "状态改为已完成(2 项)".into(),
            ledger_ids: vec!["l".into()],
            items: vec![Target::new("l", "7"), Target::new("l", "8")],
        }
    );
    assert!(session.marks.is_empty() && session.form.is_none());
    assert!(ledgers[0].items.iter().all(|i| i.status == Status::Done));
    session.undo(&mut ledgers, at()).expect("undo");
    assert!(
        ledgers[0]
            .items
            .iter()
            .all(|i| i.status == Status::NotStarted)
    );
}

#[test]
fn session_keeps_a_refused_form_open_with_the_domain_message() {
    let mut ledgers = vec![ledger()];
    let mut session = EditSession::new("李四");
    let it = ledgers[0].items[0].clone();
    session.form = Some(OpenForm {
        form: open(EditKind::Acceptance, &it, &[]),
        targets: vec![Target::new("l", "7")],
    });
    let event = session.form_key(&key(KeyCode::Enter), &mut ledgers, at());
    assert_eq!(event, FormEvent::Editing);
    let message = session
        .form
        .as_ref()
        .and_then(|f| f.form.message().cloned());
    assert_eq!(
        message.map(|m| m.text),
        Some("事项状态为未启动,尚未完成,不能验收;请先将状态改为已完成".to_string())
    );
    assert_eq!(
        session.form_key(&key(KeyCode::Esc), &mut ledgers, at()),
        FormEvent::Cancelled
    );
    assert_eq!(ledgers, vec![ledger()]);
}
