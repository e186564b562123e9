//! The date thresholds at their edges, in working days and in calendar days.
//!
//! 2023 国庆/中秋: 09-29 (Fri) .. 10-06 off; 10-07 (Sat) and 10-08 (Sun) are 调休 workdays.
//! Working days after 2023-09-27: 09-28 (1), 10-07 (2), 10-08 (3), 10-09 (4), 10-10 (5),
//! 10-11 (6) … 10-31 (20), 11-01 (21).

use super::support::*;
use duban::domain::calendar::WorkCalendar;
use duban::domain::deadline::{Milestone, ScheduleKind};
use duban::domain::warning::{Colour, WarningContext, evaluate};
use duban::domain::{CalendarMode, Ledger, WarningRules};
use proptest::prelude::*;
use rstest::rstest;

#[rstest]
// overdue, working days, across 国庆 and its 调休 weekend
#[case::one_day_over_holiday("2023-09-27", "2023-10-06", Colour::Yellow, -1, "逾期1个工作日(截止2023-09-27)")]
#[case::makeup_saturday_counts("2023-09-27", "2023-10-07", Colour::Yellow, -2, "逾期2个工作日(截止2023-09-27)")]
#[case::five_over("2023-09-27", "2023-10-10", Colour::Yellow, -5, "逾期5个工作日(截止2023-09-27)")]
#[case::six_over("2023-09-27", "2023-10-11", Colour::Red, -6, "逾期6个工作日(截止2023-09-27)")]
#[case::twenty_over("2023-09-27", "2023-10-31", Colour::Red, -20, "逾期20个工作日(截止2023-09-27)")]
#[case::twenty_one_over("2023-09-27", "2023-11-01", Colour::Black, -21, "逾期21个工作日(截止2023-09-27)")]
// days left, across the holiday
#[case::six_left(
    "2023-10-09",
    "2023-09-25",
    Colour::None,
    6,
    "距截止6个工作日(截止2023-10-09)"
)]
#[case::five_left(
    "2023-10-09",
    "2023-09-26",
    Colour::Blue,
    5,
    "距截止5个工作日(截止2023-10-09)"
)]
#[case::four_left_over_holiday(
    "2023-10-09",
    "2023-09-27",
    Colour::Blue,
    4,
    "距截止4个工作日(截止2023-10-09)"
)]
// a 调休 Saturday as the deadline
#[case::makeup_saturday_due_tomorrow(
    "2023-10-07",
    "2023-10-06",
    Colour::Blue,
    1,
    "距截止1个工作日(截止2023-10-07)"
)]
#[case::makeup_saturday_due_today(
    "2023-10-07",
    "2023-10-07",
    Colour::Blue,
    0,
    "今日截止(截止2023-10-07)"
)]
#[case::makeup_sunday_after_saturday_due("2023-10-07", "2023-10-08", Colour::Yellow, -1, "逾期1个工作日(截止2023-10-07)")]
// a plain weekend after the deadline is not yet overdue
#[case::weekend_after_due(
    "2023-10-13",
    "2023-10-15",
    Colour::Blue,
    0,
    "已过截止日,逾期不足1个工作日(截止2023-10-13)"
)]
#[case::monday_after_due("2023-10-13", "2023-10-16", Colour::Yellow, -1, "逾期1个工作日(截止2023-10-13)")]
fn working_day_thresholds(
    #[case] due: &str,
    #[case] today: &str,
    #[case] colour: Colour,
    #[case] days: i64,
    #[case] reason: &str,
) {
    let w = warn(
        &open_item(),
        &dated(due),
        &date_rules(CalendarMode::WorkingDays),
        today,
    );
    assert_eq!(w.colour, colour, "{w:?}");
    assert_eq!(w.days, Some(days));
    assert_eq!(w.due, Some(d(due)));
    assert_eq!(w.reason, reason);
}

#[rstest]
#[case::five_over("2023-09-27", "2023-10-02", Colour::Yellow, -5, "逾期5天(截止2023-09-27)")]
#[case::six_over("2023-09-27", "2023-10-03", Colour::Red, -6, "逾期6天(截止2023-09-27)")]
#[case::twenty_over("2023-09-27", "2023-10-17", Colour::Red, -20, "逾期20天(截止2023-09-27)")]
#[case::twenty_one_over("2023-09-27", "2023-10-18", Colour::Black, -21, "逾期21天(截止2023-09-27)")]
#[case::holiday_counts_as_left(
    "2023-10-09",
    "2023-09-27",
    Colour::None,
    12,
    "距截止12天(截止2023-10-09)"
)]
#[case::five_left(
    "2023-10-09",
    "2023-10-04",
    Colour::Blue,
    5,
    "距截止5天(截止2023-10-09)"
)]
#[case::six_left(
    "2023-10-09",
    "2023-10-03",
    Colour::None,
    6,
    "距截止6天(截止2023-10-09)"
)]
#[case::weekend_counts_as_overdue("2023-10-13", "2023-10-15", Colour::Yellow, -2, "逾期2天(截止2023-10-13)")]
fn calendar_day_thresholds(
    #[case] due: &str,
    #[case] today: &str,
    #[case] colour: Colour,
    #[case] days: i64,
    #[case] reason: &str,
) {
    let w = warn(
        &open_item(),
        &dated(due),
        &date_rules(CalendarMode::CalendarDays),
        today,
    );
    assert_eq!(
        (w.colour, w.days, w.reason.as_str()),
        (colour, Some(days), reason)
    );
}

#[test]
fn configured_thresholds_replace_the_defaults() {
    let rules = WarningRules {
        blue_days_left: 10,
        red_after_days: 1,
        black_after_days: 3,
        ..date_rules(CalendarMode::WorkingDays)
    };
    let item = open_item();
    // 4 working days overdue (09-28, 10-07, 10-08, 10-09) > 3 → black.
    assert_eq!(
        warn(&item, &dated("2023-09-27"), &rules, "2023-10-09").colour,
        Colour::Black
    );
    // 2 overdue > 1 → red.
    assert_eq!(
        warn(&item, &dated("2023-09-27"), &rules, "2023-10-07").colour,
        Colour::Red
    );
    // 9 working days left ≤ 10 → blue.
    assert_eq!(
        warn(&item, &dated("2023-10-20"), &rules, "2023-10-09").colour,
        Colour::Blue
    );
}

#[test]
fn holidays_file_extends_the_calendar_past_the_bundled_years() {
    let mut calendar = WorkCalendar::from_override_ron(
        "(holidays: [\"2027-10-01\", \"2027-10-04\", \"2027-10-05\", \"2027-10-06\", \"2027-10-07\"], workdays: [\"2027-10-09\"])",
    )
    .expect("valid overrides");
    calendar.mode = CalendarMode::WorkingDays;
    let rules = date_rules(CalendarMode::WorkingDays);
    let ctx = WarningContext {
        rules: &rules,
        calendar: &calendar,
        today: d("2027-10-11"),
    };
    // After 2027-09-30 (Thu): 10-08 (Fri) and 10-09 (调休 Sat) and 10-11 (Mon) are worked.
    let w = evaluate(&open_item(), &Ledger::default(), &dated("2027-09-30"), &ctx);
    assert_eq!((w.colour, w.days), (Colour::Yellow, Some(-3)));
}

proptest! {
    /// For one deadline, the colour never falls as the days go by.
    #[test]
    fn colour_never_falls_as_time_passes(
        due_offset in 0i64..3000,
        start in 0i64..3000,
        span in 0i64..60,
        calendar_days in any::<bool>(),
    ) {
        let origin = d("2020-01-01");
        let due = origin + chrono::Duration::days(due_offset);
        let sched = schedule(ScheduleKind::Dated, vec![Milestone { due, ..milestone("2020-01-01", "") }]);
        let mode = if calendar_days { CalendarMode::CalendarDays } else { CalendarMode::WorkingDays };
        let rules = date_rules(mode);
        let calendar = WorkCalendar::new(mode);
        let item = open_item();
        let ledger = Ledger::default();
        let first = origin + chrono::Duration::days(start);
        let mut previous = Colour::None;
        for step in 0..=span {
            let ctx = WarningContext { rules: &rules, calendar: &calendar, today: first + chrono::Duration::days(step) };
            let w = evaluate(&item, &ledger, &sched, &ctx);
            prop_assert!(w.colour >= previous, "{:?} after {:?}", w, previous);
            prop_assert!(!w.reason.is_empty());
            previous = w.colour;
        }
    }
}
