//! Parents without a deadline of their own, and items partly waiting on an outside event.

use super::support::*;
use duban::domain::calendar::WorkCalendar;
use duban::domain::deadline::parse;
use duban::domain::warning::{Colour, Warning, WarningContext, evaluate};
use duban::domain::{Item, Ledger, Status, SubMeasure, WarningRules};

fn child(id: &str, parent: &str, deadline: &str, status: Status) -> Item {
    Item {
        id: id.to_string(),
        number: id.to_string(),
        title: format!("具体问题{id}"),
        deadline: deadline.to_string(),
        parent: Some(parent.to_string()),
        status,
        ..Item::default()
    }
}

fn ledger(items: Vec<Item>) -> Ledger {
    Ledger {
        id: "xuncha".into(),
        base_year: 2024,
        items,
        ..Ledger::default()
    }
}

/// Evaluate item `id` of `ledger` the way the app does (its own text read by the parser).
fn warn_in(ledger: &Ledger, id: &str, today: &str) -> Warning {
    let item = ledger.item(id).expect("item");
    let schedule = parse(ledger.deadline_text_of(item), ledger.base_year);
    let rules = WarningRules::default();
    let calendar = WorkCalendar::new(rules.calendar);
    let ctx = WarningContext {
        rules: &rules,
        calendar: &calendar,
        today: d(today),
    };
    evaluate(item, ledger, &schedule, &ctx)
}

fn feedback_problem() -> Item {
    Item {
        id: "2".into(),
        title: "反馈问题".into(),
        status: Status::InProgress,
        ..Item::default()
    }
}

fn reported(mut item: Item) -> Item {
    item = with_progress(item, "2024-11-05");
    item
}

#[test]
fn a_parent_takes_its_worst_open_child_and_names_it() {
    let l = ledger(vec![
        feedback_problem(),
        reported(child("2.1", "2", "2024-12-31", Status::InProgress)),
        reported(child("2.2", "2", "2024-11-01", Status::InProgress)),
        child("2.3", "2", "2024-10-01", Status::Done),
    ]);
    let w = warn_in(&l, "2", "2024-11-12");
    assert_eq!(w.colour, Colour::Red, "{w:?}");
    assert_eq!(
        w.reason,
        "下级事项2.2「具体问题2.2」:逾期7个工作日(截止2024-11-01)"
    );
    assert_eq!(w.due, Some(d("2024-11-01")));
}

#[test]
fn a_parent_is_not_yellow_for_its_own_missing_report_or_deadline() {
    let l = ledger(vec![
        feedback_problem(),
        reported(child("2.1", "2", "2024-12-31", Status::InProgress)),
    ]);
    let w = warn_in(&l, "2", "2024-11-12");
    assert_eq!(
        (w.colour, w.reason.as_str()),
        (Colour::None, "下级事项1项推进中,均未预警")
    );
    let done = ledger(vec![
        feedback_problem(),
        child("2.1", "2", "2024-12-31", Status::Done),
    ]);
    let w = warn_in(&done, "2", "2024-11-12");
    assert_eq!(
        (w.colour, w.reason.as_str()),
        (Colour::None, "下级事项均已完成,待确认完成")
    );
}

#[test]
fn a_grandchild_counts_through_a_waiting_child() {
    let mut waiting = reported(child(
        "2.2",
        "2",
        "2024年11月20日前完成整改,衔接联动机制待《规定》修订出台后按相关程序推动出台",
        Status::InProgress,
    ));
    waiting.sub_measures = measures(&[true, false, true]);
    let l = ledger(vec![
        feedback_problem(),
        waiting,
        reported(child(
            "2.2.2",
            "2.2",
            "2024年11月20日前完成整改",
            Status::InProgress,
        )),
    ]);
    let w = warn_in(&l, "2", "2025-02-21");
    assert_eq!(w.colour, Colour::Black, "{w:?}");
    assert!(w.reason.starts_with("下级事项2.2.2「"), "{}", w.reason);
}

fn measures(done: &[bool]) -> Vec<SubMeasure> {
    done.iter()
        .enumerate()
        .map(|(i, &done)| SubMeasure {
            text: format!("第{}项", i + 1),
            done,
            deadline: None,
            done_on: None,
        })
        .collect()
}

/// Item 2.2 of the rectification ledger: its only open measure is the one waiting on the
/// provincial regulation, so it waits uncoloured and says on what.
#[test]
fn a_partly_external_item_waits_uncoloured_once_its_dated_part_is_done() {
    let text = "2024年11月20日前完成整改,合法性审查与公平竞争审查衔接联动机制待《四川省重大行政决策程序规定》修订出台后按相关程序推动出台";
    let mut item = reported(child("2.2", "2", text, Status::InProgress));
    item.parent = None;
    item.progress[0].date = d("2025-02-10");
    item.sub_measures = measures(&[true, false, true]);
    let l = ledger(vec![item.clone()]);
    let w = warn_in(&l, "2.2", "2025-02-21");
    assert_eq!(w.colour, Colour::None, "{w:?}");
    assert_eq!(
        w.reason,
        "有期限部分已完成,其余等待:合法性审查与公平竞争审查衔接联动机制待《四川省重大行政决策程序规定》修订出台后按相关程序推动出台(未完成的措施视为待外部条件部分)"
    );

    // Two measures open: more than the waiting part, so the dated part is overdue.
    item.sub_measures = measures(&[true, false, false]);
    let w = warn_in(&ledger(vec![item]), "2.2", "2025-02-21");
    assert_eq!(w.colour, Colour::Black, "{w:?}");
}

#[test]
fn per_measure_dates_light_until_their_measures_are_done() {
    let text = "第一二三五项2024年11月20日前完成整改;第四项待省上出台政策后,按相关程序推动出台";
    let mut item = reported(child("2.2.1", "2.2", text, Status::InProgress));
    item.progress[0].date = d("2025-02-10");
    item.sub_measures = measures(&[true, true, false, false, true]);
    let w = warn_in(&ledger(vec![item.clone()]), "2.2.1", "2025-02-21");
    assert_eq!(w.colour, Colour::Black, "{w:?}");
    item.sub_measures = measures(&[true, true, true, false, true]);
    let w = warn_in(&ledger(vec![item]), "2.2.1", "2025-02-21");
    assert_eq!(w.colour, Colour::None, "{w:?}");
    assert!(
        w.reason
            .starts_with("有期限部分已完成,其余等待:第四项待省上出台政策后"),
        "{}",
        w.reason
    );
}
