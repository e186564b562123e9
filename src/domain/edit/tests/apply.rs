//! Validation and application of each edit.

use rstest::rstest;

use super::super::*;
use super::support::*;
use crate::domain::item::{NoticeKind, Status};
use crate::domain::warning::Colour;

#[rstest]
#[case::empty_note(note("   "), EditError::Empty { field: "进展内容" })]
#[case::suspend_without_reason(
    Edit::SetStatus { status: Status::Suspended, reason: Some(" ".into()) },
    EditError::SuspendWithoutReason
)]
#[case::same_status(
    Edit::SetStatus { status: Status::NotStarted, reason: None },
    EditError::NoChange("状态已是未启动".into())
)]
#[case::sub_measure_out_of_range(
    Edit::ToggleSubMeasure { index: 2, date: day(2024, 6, 3) },
    EditError::OutOfRange { what: "措施", number: 3, count: 2 }
)]
#[case::future_note(
    Edit::AddNote { date: day(2024, 6, 4), author: String::new(), text: "x".into() },
    EditError::FutureDate { field: "进展日期", date: day(2024, 6, 4) }
)]
#[case::empty_units(Edit::SetUnits { units: vec![" ".into()] }, EditError::Empty { field: "责任单位" })]
#[case::unit_already_there(
    Edit::AddUnit { unit: "社区矫正科".into() },
    EditError::NoChange("社区矫正科已是责任单位".into())
)]
#[case::raise_to_none(
    Edit::Raise { colour: Colour::None, reason: "x".into() },
    EditError::NotAllowed("请选择要升至的颜色".into())
)]
#[case::raise_without_reason(
    Edit::Raise { colour: Colour::Red, reason: "".into() },
    EditError::Empty { field: "升色原因" }
)]
#[case::clear_missing_raise(Edit::ClearRaise, EditError::NoChange("该事项没有手动升色".into()))]
#[case::notice_without_recipient(
    Edit::AddNotice { kind: NoticeKind::Chase, date: day(2024, 6, 1), recipient: "".into() },
    EditError::Empty { field: "接收单位" }
)]
#[case::extension_without_reason(
    Edit::AddExtension { new_deadline: "9月底前".into(), reason: "".into(), approver: "".into(), date: day(2024, 6, 1) },
    EditError::Empty { field: "延期原因" }
)]
#[case::extension_same_deadline(
    Edit::AddExtension { new_deadline: "6月底前".into(), reason: "r".into(), approver: "".into(), date: day(2024, 6, 1) },
    EditError::NoChange("新的完成时限与现行时限相同".into())
)]
#[case::accept_open_item(
    Edit::SetAcceptance { date: day(2024, 6, 1), result: "通过".into() },
    EditError::NotAllowed("事项状态为未启动,尚未完成,不能验收;请先将状态改为已完成".into())
)]
#[case::empty_deadline(Edit::SetDeadline { text: "".into() }, EditError::Empty { field: "完成时限" })]
#[case::unmark_unmarked(Edit::UnmarkMilestone { index: 0 }, EditError::NoChange("第1个节点尚未标记".into()))]
fn invalid_edits_are_refused_and_change_nothing(#[case] edit: Edit, #[case] expected: EditError) {
    let mut it = item();
    let original = it.clone();
    assert_eq!(apply(&mut it, &edit, "李四", at()), Err(expected));
    assert_eq!(it, original);
}

#[test]
fn status_change_is_audited_and_sets_done_on() {
    let mut it = item();
    let done = Edit::SetStatus {
        status: Status::Done,
        reason: None,
    };
    let change = apply(&mut it, &done, "李四", at()).expect("valid edit");
    assert_eq!(it.status, Status::Done);
    assert_eq!(it.done_on, Some(day(2024, 6, 3)));
    assert_eq!(change.before.status, Status::NotStarted);
    assert_eq!(change.after, it);
    assert_eq!(change.fields(), vec![Field::Status]);
    let audit = it.history.last().expect("audit entry");
    assert_eq!(
        (
            audit.author.as_str(),
            audit.field.as_str(),
            audit.from.as_str(),
            audit.to.as_str()
        ),
        ("李四", "status", "未启动", "已完成(待验收)")
    );
    assert_eq!(audit.at, at());

    let reopen = Edit::SetStatus {
        status: Status::InProgress,
        reason: None,
    };
    apply(&mut it, &reopen, "李四", at()).expect("valid edit");
    assert_eq!(it.done_on, None);
}

#[test]
fn suspension_keeps_its_reason_until_resumed() {
    let mut it = item();
    let suspend = Edit::SetStatus {
        status: Status::Suspended,
        reason: Some(" 等待省厅政策 ".into()),
    };
    apply(&mut it, &suspend, "李四", at()).expect("valid edit");
    assert_eq!(it.suspend_reason.as_deref(), Some("等待省厅政策"));
    assert_eq!(
        it.history.last().map(|h| h.to.as_str()),
        Some("暂缓(等待省厅政策)")
    );
    let resume = Edit::SetStatus {
        status: Status::InProgress,
        reason: None,
    };
    apply(&mut it, &resume, "李四", at()).expect("valid edit");
    assert_eq!(it.suspend_reason, None);
}

#[test]
fn notes_carry_their_author_and_are_not_audited() {
    let mut it = item();
    apply(&mut it, &note(" 已完成选址 "), "李四", at()).expect("valid edit");
    apply(
        &mut it,
        &Edit::AddNote {
            date: day(2024, 6, 1),
            author: "".into(),
            text: "召开推进会".into(),
        },
        "李四",
        at(),
    )
    .expect("valid edit");
    let authors: Vec<_> = it
        .progress
        .iter()
        .map(|p| (p.author.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(
        authors,
        vec![("张三", "已完成选址"), ("李四", "召开推进会")]
    );
    assert!(it.history.is_empty());
}

#[test]
fn extension_keeps_the_original_visible() {
    let mut it = item();
    let ext = |new: &str| Edit::AddExtension {
        new_deadline: new.into(),
        reason: "施工延误".into(),
        approver: "王局长".into(),
        date: day(2024, 6, 2),
    };
    apply(&mut it, &ext("9月底前"), "李四", at()).expect("valid edit");
    apply(&mut it, &ext("10月底前"), "李四", at()).expect("valid edit");
    assert_eq!(it.deadline, "6月底前");
    assert_eq!(it.current_deadline(), "10月底前");
    assert_eq!(it.extensions[1].original, "9月底前");
    assert_eq!(it.history.len(), 2);
    assert_eq!(it.history[1].field, "extension");
}

#[test]
fn sub_measure_toggles_both_ways() {
    let mut it = item();
    let toggle = |index| Edit::ToggleSubMeasure {
        index,
        date: day(2024, 6, 3),
    };
    apply(&mut it, &toggle(0), "李四", at()).expect("valid edit");
    assert!(it.sub_measures[0].done);
    assert_eq!(it.sub_measures[0].done_on, Some(day(2024, 6, 3)));
    apply(&mut it, &toggle(1), "李四", at()).expect("valid edit");
    assert!(!it.sub_measures[1].done);
    assert_eq!(it.sub_measures[1].done_on, None);
}

#[test]
fn acceptance_closes_a_done_item() {
    let mut it = item();
    it.status = Status::Done;
    it.done_on = Some(day(2024, 5, 20));
    let accept = Edit::SetAcceptance {
        date: day(2024, 6, 3),
        result: "通过".into(),
    };
    let change = apply(&mut it, &accept, "李四", at()).expect("valid edit");
    assert_eq!(it.status, Status::Accepted);
    assert_eq!(it.done_on, Some(day(2024, 5, 20)));
    assert_eq!(change.fields(), vec![Field::Status, Field::Acceptance]);
}

#[test]
fn raise_and_clear() {
    let mut it = item();
    let raise = Edit::Raise {
        colour: Colour::Red,
        reason: "领导批示".into(),
    };
    apply(&mut it, &raise, "李四", at()).expect("valid edit");
    let r = it.raised.clone().expect("raised");
    assert_eq!(
        (r.colour, r.by.as_str(), r.date),
        (Colour::Red, "李四", day(2024, 6, 3))
    );
    apply(&mut it, &Edit::ClearRaise, "李四", at()).expect("valid edit");
    assert_eq!(it.raised, None);
    assert_eq!(it.history.len(), 2);
}

#[test]
fn milestone_index_is_checked_against_the_schedule() {
    let mut l = ledger();
    let count = crate::domain::deadline::parse("6月底前", 2024)
        .milestones
        .len();
    let mark = Edit::MarkMilestone {
        index: count,
        label: String::new(),
        date: day(2024, 6, 3),
    };
    assert_eq!(
        apply_in_ledger(&mut l, "7", &mark, "李四", at()),
        Err(EditError::OutOfRange {
            what: "节点",
            number: count + 1,
            count
        })
    );
    assert_eq!(
        apply_in_ledger(&mut l, "nope", &Edit::ClearRaise, "李四", at()),
        Err(EditError::NoSuchItem("nope".into()))
    );
}

#[test]
fn mark_and_unmark_milestone_on_the_item() {
    let mut it = item();
    let mark = |index| Edit::MarkMilestone {
        index,
        label: "完成建设".into(),
        date: day(2024, 6, 1),
    };
    apply(&mut it, &mark(1), "李四", at()).expect("valid edit");
    apply(&mut it, &mark(0), "李四", at()).expect("valid edit");
    let idx: Vec<_> = it.milestones_met.iter().map(|m| m.index).collect();
    assert_eq!(idx, vec![0, 1]);
    assert!(matches!(
        apply(&mut it, &mark(1), "李四", at()),
        Err(EditError::NoChange(_))
    ));
    apply(&mut it, &Edit::UnmarkMilestone { index: 1 }, "李四", at()).expect("valid edit");
    assert_eq!(it.milestones_met.len(), 1);
}

#[test]
fn bulk_is_all_or_nothing_and_skips_items_already_there() {
    let mut l = ledger();
    l.items[1].status = Status::InProgress;
    let ids = vec!["7".to_string(), "8".to_string()];
    let to_progress = [Edit::SetStatus {
        status: Status::InProgress,
        reason: None,
    }];
    let changes = apply_bulk(&mut l, &ids, &to_progress, "李四", at()).expect("valid bulk");
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].item_id, "7");
    assert!(l.items.iter().all(|i| i.status == Status::InProgress));

    let original = l.clone();
    let toggle_third = [Edit::ToggleSubMeasure {
        index: 0,
        date: day(2024, 6, 3),
    }];
    let with_missing = vec!["7".to_string(), "missing".to_string()];
    let err = apply_bulk(&mut l, &with_missing, &toggle_third, "李四", at()).expect_err("refused");
    assert_eq!(err.item_id, "missing");
    assert_eq!(l, original);
}

#[test]
fn extension_of_an_item_following_the_ledger_deadline_keeps_that_text() {
    let mut l = ledger();
    l.default_deadline = Some("每年10月底前".into());
    l.items[0].deadline.clear();
    let ext = Edit::AddExtension {
        new_deadline: "2024年12月底前".into(),
        reason: "省厅调整".into(),
        approver: String::new(),
        date: day(2024, 6, 1),
    };
    let change = apply_in_ledger(&mut l, "7", &ext, "李四", at()).expect("valid edit");
    assert_eq!(l.items[0].extensions[0].original, "每年10月底前");
    assert_eq!(change.after, l.items[0]);
}

#[test]
fn a_repeated_id_in_a_bulk_edit_is_edited_once() {
    let mut l = ledger();
    let ids = vec!["7".to_string(), "7".to_string()];
    let toggle = [Edit::ToggleSubMeasure {
        index: 0,
        date: day(2024, 6, 3),
    }];
    let changes = apply_bulk(&mut l, &ids, &toggle, "李四", at()).expect("valid bulk");
    assert_eq!(changes.len(), 1);
    assert!(l.items[0].sub_measures[0].done);
}
