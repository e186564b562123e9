//! Unit tests of the engine: sanitised reasons and a never-panics property.

use super::*;
use crate::domain::deadline::Milestone;
use crate::domain::item::ManualRaise;
use crate::domain::workspace::CalendarMode;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

#[test]
fn ledger_text_in_a_reason_is_sanitised() {
    let mut item = Item {
        status: Status::InProgress,
        ..Item::default()
    };
    item.raised = Some(ManualRaise {
        colour: Colour::Red,
        reason: "领导批示\u{1b}[2J\n换行".to_string(),
        date: d(2023, 5, 1),
        by: String::new(),
    });
    let rules = WarningRules::default();
    let calendar = WorkCalendar::new(CalendarMode::WorkingDays);
    let ctx = WarningContext {
        rules: &rules,
        calendar: &calendar,
        today: d(2023, 5, 10),
    };
    let w = evaluate(
        &item,
        &Ledger::default(),
        &Schedule::unparsed("", 2023),
        &ctx,
    );
    assert_eq!(w.colour, Colour::Red);
    assert!(!w.reason.chars().any(char::is_control), "{:?}", w.reason);
    assert!(
        w.reason.starts_with("领导批示␛[2J␊换行(人工提级)"),
        "{}",
        w.reason
    );

    item.status = Status::Suspended;
    item.suspend_reason = Some("等\u{7}政策".to_string());
    let w = evaluate(
        &item,
        &Ledger::default(),
        &Schedule::unparsed("", 2023),
        &ctx,
    );
    assert_eq!(w.reason, "暂缓:等␇政策");
}

fn any_status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn any_colour() -> impl Strategy<Value = Colour> {
    prop::sample::select(Colour::BY_SEVERITY.to_vec())
}

proptest! {
    /// Any mix of dates, statuses and flags gives a warning with a reason, never a panic.
    #[test]
    fn evaluate_never_panics_and_always_explains(
        today in -200_000i64..200_000,
        due in -200_000i64..200_000,
        closing in prop::option::of(-200_000i64..200_000),
        status in any_status(),
        raise in prop::option::of(any_colour()),
        met in prop::collection::vec(0usize..3, 0..3),
        calendar_days in any::<bool>(),
    ) {
        let origin = d(2000, 1, 1);
        let day = |offset: i64| origin + chrono::Duration::days(offset);
        let mut schedule = Schedule::unparsed("测试", 2000);
        schedule.kind = ScheduleKind::Dated;
        for k in 0..2 {
            schedule.milestones.push(Milestone {
                start: None,
                due: day(due + k * 30),
                label: format!("阶段{k}"),
                percent: None,
                detail: None,
                measures: Vec::new(),
            });
        }
        let mut item = Item { status, ..Item::default() };
        item.milestones_met = met
            .into_iter()
            .map(|index| crate::domain::item::MilestoneMet { index, label: String::new(), date: day(0) })
            .collect();
        item.raised = raise.map(|colour| ManualRaise { colour, reason: "领导批示".into(), date: day(0), by: String::new() });
        let ledger = Ledger { closing_date: closing.map(day), ..Ledger::default() };
        let mode = if calendar_days { CalendarMode::CalendarDays } else { CalendarMode::WorkingDays };
        let rules = WarningRules { calendar: mode, ..WarningRules::default() };
        let calendar = WorkCalendar::new(mode);
        let ctx = WarningContext { rules: &rules, calendar: &calendar, today: day(today) };
        let w = evaluate(&item, &ledger, &schedule, &ctx);
        prop_assert!(!w.reason.is_empty());
        if status.is_finished() || status == Status::Suspended {
            prop_assert_eq!(w.colour, Colour::None);
        } else if let Some(raised) = raise {
            prop_assert!(w.colour >= raised);
        }
    }
}
