//! Replaying changes: undo, redo, concurrent changes.

use proptest::prelude::*;

use super::super::*;
use super::support::*;
use crate::domain::item::{NoticeKind, Status};
use crate::domain::warning::Colour;

#[test]
fn undo_leaves_someone_elses_fields_alone() {
    let mut mine = item();
    let change = apply(
        &mut mine,
        &Edit::SetStatus {
            status: Status::InProgress,
            reason: None,
        },
        "李四",
        at(),
    )
    .expect("valid edit");
    // Someone else adds a note and changes the units after my status change.
    let mut current = change.after.clone();
    apply(&mut current, &note("他人进展"), "王五", at()).expect("valid edit");
    apply(
        &mut current,
        &Edit::SetUnits {
            units: vec!["办公室".into()],
        },
        "王五",
        at(),
    )
    .expect("valid edit");

    let undo = transition(&mut current, &change.after, &change.before, "李四", at());
    assert_eq!(undo.changed, vec![Field::Status]);
    assert!(undo.conflicts.is_empty());
    assert_eq!(current.status, Status::NotStarted);
    assert_eq!(current.units, vec!["办公室".to_string()]);
    assert_eq!(current.progress.len(), 1);
    assert_eq!(
        current.history.last().map(|h| h.to.as_str()),
        Some("未启动")
    );
}

#[test]
fn undo_reports_a_field_changed_by_someone_else() {
    let mut mine = item();
    let change = apply(
        &mut mine,
        &Edit::SetStatus {
            status: Status::InProgress,
            reason: None,
        },
        "李四",
        at(),
    )
    .expect("valid edit");
    let mut current = change.after.clone();
    apply(
        &mut current,
        &Edit::SetStatus {
            status: Status::Done,
            reason: None,
        },
        "王五",
        at(),
    )
    .expect("valid edit");
    let undo = transition(&mut current, &change.after, &change.before, "李四", at());
    assert_eq!(current.status, Status::Done);
    assert_eq!(undo.changed, Vec::<Field>::new());
    assert_eq!(undo.conflicts.len(), 1);
    assert_eq!(undo.conflicts[0].field, Field::Status);
    assert_eq!(undo.conflicts[0].found, "已完成(待验收)");
    assert_eq!(undo.conflicts[0].wanted, "未启动");
}

#[test]
fn undo_of_a_note_removes_only_that_note() {
    let mut it = item();
    let change = apply(&mut it, &note("我的进展"), "李四", at()).expect("valid edit");
    let mut current = change.after.clone();
    apply(&mut current, &note("他人进展"), "王五", at()).expect("valid edit");
    transition(&mut current, &change.after, &change.before, "李四", at());
    let texts: Vec<_> = current.progress.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, vec!["他人进展"]);
    let redo = transition(&mut current, &change.before, &change.after, "李四", at());
    assert_eq!(redo.changed, vec![Field::Progress]);
    assert_eq!(current.progress.len(), 2);
}

fn any_edit() -> impl Strategy<Value = Edit> {
    let text = "[ a中]{0,2}";
    let date = (1u32..=4).prop_map(|d| day(2024, 6, d));
    prop_oneof![
        (0usize..5, proptest::option::of(text)).prop_map(|(s, reason)| Edit::SetStatus {
            status: Status::ALL[s],
            reason
        }),
        (date.clone(), text).prop_map(|(date, t)| Edit::AddNote {
            date,
            author: String::new(),
            text: t
        }),
        text.prop_map(|t| Edit::SetDeadline { text: t }),
        (text, text, date.clone()).prop_map(|(n, r, date)| Edit::AddExtension {
            new_deadline: n,
            reason: r,
            approver: String::new(),
            date
        }),
        proptest::collection::vec(text, 0..3).prop_map(|units| Edit::SetUnits { units }),
        text.prop_map(|unit| Edit::AddUnit { unit }),
        (0usize..4, date.clone()).prop_map(|(index, date)| Edit::ToggleSubMeasure { index, date }),
        (0usize..3, date.clone()).prop_map(|(index, date)| Edit::MarkMilestone {
            index,
            label: String::new(),
            date
        }),
        (0usize..3).prop_map(|index| Edit::UnmarkMilestone { index }),
        (0usize..5, text).prop_map(|(c, reason)| Edit::Raise {
            colour: Colour::BY_SEVERITY[c],
            reason
        }),
        Just(Edit::ClearRaise),
        (0usize..4, date.clone(), text).prop_map(|(k, date, recipient)| Edit::AddNotice {
            kind: NoticeKind::ALL[k],
            date,
            recipient
        }),
        text.prop_map(|t| Edit::SetExplanation { text: t }),
        (date, text).prop_map(|(date, result)| Edit::SetAcceptance { date, result }),
    ]
}

proptest! {
    /// Any sequence of edits never panics, and undoing them all in reverse order restores
    /// every field (the history only grows).
    #[test]
    fn undo_all_restores_every_field(edits in proptest::collection::vec(any_edit(), 0..12)) {
        let original = item();
        let mut it = original.clone();
        let mut changes = Vec::new();
        for e in &edits {
            if let Ok(c) = apply(&mut it, e, "p", at()) {
                prop_assert_eq!(&c.after, &it);
                changes.push(c);
            }
        }
        let history_len = it.history.len();
        for c in changes.iter().rev() {
            let t = transition(&mut it, &c.after, &c.before, "p", at());
            prop_assert!(t.conflicts.is_empty());
        }
        prop_assert!(Field::changed(&it, &original).is_empty());
        prop_assert!(it.history.len() >= history_len);
    }
}
