//! Deadlines counted from an event: uncoloured (waiting, said so) until the event's date is
//! known, then lit like any dated item; 立行立改 due the day the problem was raised.

use super::support::*;
use duban::domain::deadline::{RelativeTerm, Schedule, ScheduleKind, TermLength};
use duban::domain::warning::Colour;
use duban::domain::{CalendarMode, Extension, Item, Ledger, RectificationPeriod, Status};
use rstest::rstest;

/// A hand-built reading of `问题反馈后10个工作日内` (or of `立行立改`), not yet dated.
fn counted(length: TermLength) -> Schedule {
    let immediate = length == TermLength::Immediate;
    let mut s = schedule(
        if immediate {
            ScheduleKind::Ongoing
        } else {
            ScheduleKind::External
        },
        Vec::new(),
    );
    s.text = if immediate {
        "立行立改"
    } else {
        "问题反馈后10个工作日内"
    }
    .to_string();
    if !immediate {
        s.external = Some(s.text.clone());
    }
    s.relative = Some(RelativeTerm {
        words: s.text.clone(),
        event: if immediate { "交办" } else { "问题反馈" }.to_string(),
        length,
        action: String::new(),
        anchor: None,
        due: None,
        rolled_from: None,
        from_text: None,
    });
    s
}

fn with_event(date: &str) -> Item {
    Item {
        event_date: Some(d(date)),
        ..open_item()
    }
}

fn rectification_ledger() -> Ledger {
    Ledger {
        base_year: 2024,
        rectification: Some(RectificationPeriod {
            feedback_date: d("2024-07-24"),
            months: 4,
        }),
        ..Ledger::default()
    }
}

const COUNTED: &str = "事件日期2023-06-01起10个工作日,截止2023-06-15";

/// Event 2023-06-01, ten working days: due 06-15; 端午 (06-22..24 off, 06-25 worked) is
/// counted in the overdue days like any deadline.
#[rstest]
#[case("2023-06-01", Colour::None, "距截止10个工作日")]
#[case("2023-06-08", Colour::Blue, "距截止5个工作日")]
#[case("2023-06-15", Colour::Blue, "今日截止")]
#[case("2023-06-16", Colour::Yellow, "逾期1个工作日")]
#[case("2023-06-25", Colour::Yellow, "逾期5个工作日")]
#[case("2023-06-26", Colour::Red, "逾期6个工作日")]
#[case("2023-07-17", Colour::Black, "逾期21个工作日")]
fn a_dated_event_lights_like_any_deadline(
    #[case] today: &str,
    #[case] colour: Colour,
    #[case] days: &str,
) {
    let rules = date_rules(CalendarMode::WorkingDays);
    let w = warn(
        &with_event("2023-06-01"),
        &counted(TermLength::WorkingDays(10)),
        &rules,
        today,
    );
    assert_eq!(w.colour, colour, "{today}: {}", w.reason);
    assert_eq!(w.reason, format!("{days}({COUNTED})"), "{today}");
    assert_eq!(w.due, Some(d("2023-06-15")));
}

#[test]
fn without_the_event_date_it_waits_uncoloured_and_says_on_what() {
    let rules = date_rules(CalendarMode::WorkingDays);
    let w = warn(
        &open_item(),
        &counted(TermLength::WorkingDays(10)),
        &rules,
        "2023-12-31",
    );
    assert_eq!(w.colour, Colour::None, "{}", w.reason);
    assert_eq!(w.reason, "问题反馈后10个工作日内,尚未设定期限");
    assert_eq!(w.due, None);
}

#[test]
fn a_finished_item_has_no_colour_whatever_its_event() {
    let rules = date_rules(CalendarMode::WorkingDays);
    let mut item = with_event("2023-01-02");
    item.status = Status::Done;
    let w = warn(&item, &counted(TermLength::Days(15)), &rules, "2023-12-31");
    assert_eq!(w.colour, Colour::None);
}

#[test]
fn an_extension_moves_the_counted_date_and_the_reason_gives_the_new_one() {
    let rules = date_rules(CalendarMode::WorkingDays);
    let mut item = with_event("2023-06-01");
    item.extensions.push(Extension {
        original: "问题反馈后10个工作日内".to_string(),
        new_deadline: "2023年6月30日".to_string(),
        reason: "材料未齐".to_string(),
        approver: "分管局领导".to_string(),
        date: d("2023-06-12"),
        original_due: Some(d("2023-06-15")),
        new_due: Some(d("2023-06-30")),
        milestone: Some(String::new()),
    });
    let w = warn(
        &item,
        &counted(TermLength::WorkingDays(10)),
        &rules,
        "2023-06-20",
    );
    assert_eq!(w.colour, Colour::None, "{}", w.reason);
    assert_eq!(w.due, Some(d("2023-06-30")));
    assert!(w.reason.ends_with("(截止2023-06-30)"), "{}", w.reason);
}

/// 立行立改 on a rectification ledger is due the day the findings were fed back.
#[rstest]
#[case("2024-07-24", Colour::Blue, "今日截止")]
#[case("2024-07-25", Colour::Yellow, "逾期1个工作日")]
#[case("2024-08-01", Colour::Red, "逾期6个工作日")]
#[case("2024-08-22", Colour::Black, "逾期21个工作日")]
fn immediate_on_a_rectification_ledger_is_due_at_feedback(
    #[case] today: &str,
    #[case] colour: Colour,
    #[case] days: &str,
) {
    let rules = date_rules(CalendarMode::WorkingDays);
    let w = warn_with(
        &open_item(),
        &rectification_ledger(),
        &counted(TermLength::Immediate),
        &rules,
        today,
    );
    assert_eq!(w.colour, colour, "{today}: {}", w.reason);
    assert_eq!(
        w.reason,
        format!("{days}(整改台账反馈日期2024-07-24起立即整改,截止2024-07-24)")
    );
}

#[test]
fn immediate_counts_from_the_items_own_date_first_and_else_is_ongoing() {
    let rules = date_rules(CalendarMode::WorkingDays);
    let own = warn_with(
        &with_event("2024-08-01"),
        &rectification_ledger(),
        &counted(TermLength::Immediate),
        &rules,
        "2024-08-02",
    );
    assert_eq!(own.due, Some(d("2024-08-01")));
    assert!(
        own.reason.contains("事件日期2024-08-01起立即整改"),
        "{}",
        own.reason
    );
    let unknown = warn(
        &open_item(),
        &counted(TermLength::Immediate),
        &rules,
        "2024-08-02",
    );
    assert_eq!(unknown.colour, Colour::None);
    assert_eq!(unknown.reason, "长期推进,无截止日期");
}

#[test]
fn calendar_day_terms_count_calendar_days_whatever_the_rules_count_overdue_in() {
    // 15日 from 06-09 ends on the holiday 06-24 and moves to the 调休 Sunday 06-25; the
    // rules then count overdue days in calendar days.
    let rules = date_rules(CalendarMode::CalendarDays);
    let w = warn(
        &with_event("2023-06-09"),
        &counted(TermLength::Days(15)),
        &rules,
        "2023-06-28",
    );
    assert_eq!(w.due, Some(d("2023-06-25")));
    assert_eq!(w.colour, Colour::Yellow);
    assert!(w.reason.starts_with("逾期3天"), "{}", w.reason);
}

/// `6月底前完成;其余问题反馈后10个工作日内`: the dated part lights the item; once it is
/// met, the counted part waits uncoloured for its event and says so; once the event is
/// dated the counted part lights.
#[test]
fn a_compound_deadline_lights_its_dated_part_then_waits_for_the_event() {
    let rules = date_rules(CalendarMode::WorkingDays);
    let text = "6月底前完成;其余问题反馈后10个工作日内";
    let read = duban::domain::deadline::parse(text, 2023);
    let mut item = open_item();
    let overdue = warn(&item, &read, &rules, "2023-07-04");
    assert_eq!(overdue.colour, Colour::Yellow, "{}", overdue.reason);
    assert_eq!(overdue.due, Some(d("2023-06-30")));

    item.milestones_met.push(duban::domain::MilestoneMet {
        index: 0,
        label: "完成".to_string(),
        date: d("2023-06-29"),
    });
    let waiting = warn(&item, &read, &rules, "2023-12-31");
    assert_eq!(waiting.colour, Colour::None, "{}", waiting.reason);
    assert!(waiting.reason.contains("问题反馈"), "{}", waiting.reason);
    assert_eq!(waiting.due, None, "{}", waiting.reason);

    item.event_date = Some(d("2023-08-31"));
    let dated = warn(&item, &read, &rules, "2023-09-15");
    assert_eq!(dated.colour, Colour::Yellow, "{}", dated.reason);
    assert_eq!(dated.due, Some(d("2023-09-14")));
}
