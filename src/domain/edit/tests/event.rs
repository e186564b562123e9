//! Recording the date of the event a deadline counts from.

use rstest::rstest;

use super::super::*;
use super::support::*;

fn counted_item() -> crate::domain::item::Item {
    let mut item = item();
    item.deadline = "问题反馈后10个工作日内办结".into();
    item
}

#[rstest]
#[case::future(
    Edit::SetEventDate { date: Some(day(2024, 6, 4)) },
    EditError::FutureDate { field: "事件日期", date: day(2024, 6, 4) }
)]
#[case::clear_when_none(
    Edit::SetEventDate { date: None },
    EditError::NoChange("该事项没有登记事件日期".into())
)]
fn bad_event_dates_are_refused_and_change_nothing(#[case] edit: Edit, #[case] expected: EditError) {
    let mut item = counted_item();
    let before = item.clone();
    assert_eq!(apply(&mut item, &edit, "张三", at()), Err(expected));
    assert_eq!(item, before);
}

#[test]
fn an_event_date_is_recorded_audited_replaced_and_cleared() {
    let mut item = counted_item();
    let set = |d| Edit::SetEventDate { date: d };
    let change =
        apply(&mut item, &set(Some(day(2024, 6, 3))), "张三", at()).expect("today is fine");
    assert_eq!(change.fields(), vec![Field::EventDate]);
    assert_eq!(item.event_date, Some(day(2024, 6, 3)));
    let audit = item.history.last().expect("audited");
    assert_eq!(
        (audit.field.as_str(), audit.from.as_str(), audit.to.as_str()),
        ("event_date", "", "2024-06-03")
    );
    assert_eq!(
        apply(&mut item, &set(Some(day(2024, 6, 3))), "张三", at()),
        Err(EditError::NoChange("事件日期已是2024-06-03".into()))
    );
    apply(&mut item, &set(Some(day(2024, 5, 20))), "张三", at()).expect("a correction");
    assert_eq!(
        item.history.last().map(|h| h.from.as_str()),
        Some("2024-06-03")
    );
    apply(&mut item, &set(None), "张三", at()).expect("cleared");
    assert_eq!(item.event_date, None);
    assert_eq!(item.history.len(), 3);
}

#[test]
fn undo_takes_back_only_the_event_date() {
    let mut item = counted_item();
    let change = apply(
        &mut item,
        &Edit::SetEventDate {
            date: Some(day(2024, 6, 1)),
        },
        "张三",
        at(),
    )
    .expect("recorded");
    // Someone adds a note meanwhile; undoing the event date keeps it.
    apply(&mut item, &note("已推进"), "李四", at()).expect("note");
    let outcome = transition(&mut item, &change.after, &change.before, "张三", at());
    assert_eq!(outcome.changed, vec![Field::EventDate]);
    assert_eq!(item.event_date, None);
    assert_eq!(item.progress.len(), 1);
}

#[test]
fn in_a_ledger_an_event_date_needs_a_deadline_counted_from_an_event() {
    let mut ledger = ledger();
    let edit = Edit::SetEventDate {
        date: Some(day(2024, 6, 1)),
    };
    let refused = apply_in_ledger(&mut ledger, "7", &edit, "张三", at());
    assert!(
        matches!(&refused, Err(EditError::NotAllowed(why)) if why.contains("6月底前")),
        "{refused:?}"
    );
    assert_eq!(ledger.item("7").and_then(|i| i.event_date), None);
    ledger.items[0].deadline = "立行立改".into();
    apply_in_ledger(&mut ledger, "7", &edit, "张三", at())
        .expect("立行立改 counts from its raising");
    // Clearing is always allowed.
    ledger.items[0].deadline = "6月底前".into();
    apply_in_ledger(
        &mut ledger,
        "7",
        &Edit::SetEventDate { date: None },
        "张三",
        at(),
    )
    .expect("cleared");
}
