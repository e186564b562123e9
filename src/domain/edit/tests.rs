use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use rstest::rstest;

use super::*;
use crate::domain::item::{Item, NoticeKind, Status, SubMeasure};
use crate::domain::ledger::Ledger;
use crate::domain::warning::Colour;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn at() -> NaiveDateTime {
    day(2024, 6, 3).and_hms_opt(9, 30, 0).expect("valid time")
}

fn item() -> Item {
    Item {
        id: "7".into(),
        number: "7".into(),
        title: "建设智慧矫正中心".into(),
        deadline: "6月底前".into(),
        units: vec!["社区矫正科".into()],
        sub_measures: vec![
            SubMeasure {
                text: "第一项".into(),
                done: false,
                deadline: None,
                done_on: None,
            },
            SubMeasure {
                text: "第二项".into(),
                done: true,
                deadline: None,
                done_on: Some(day(2024, 5, 1)),
            },
        ],
        ..Item::default()
    }
}

fn note(text: &str) -> Edit {
    Edit::AddNote {
        date: day(2024, 6, 3),
        author: "张三".into(),
        text: text.into(),
    }
}

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

fn ledger() -> Ledger {
    let mut second = item();
    second.id = "8".into();
    second.deadline = "1-3月项目申报 4-10月完成建设".into();
    Ledger {
        id: "l".into(),
        base_year: 2024,
        items: vec![item(), second],
        ..Ledger::default()
    }
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
