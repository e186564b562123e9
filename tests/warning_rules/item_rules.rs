//! Status, progress reports, manual raises, milestones and extensions.

use super::support::*;
use duban::domain::deadline::{Milestone, Recurrence, Schedule, ScheduleKind};
use duban::domain::warning::{Colour, awaiting_closing_decision};
use duban::domain::{
    CalendarMode, Extension, Item, Ledger, ManualRaise, MilestoneMet, ReportCadence, ReportEvery,
    Status, SubMeasure, Submission, WarningRules,
};
use rstest::rstest;

#[rstest]
#[case::old_note(
    "2023-03-25",
    Colour::Yellow,
    "4月未报送进展(最近进展2023-03-25);距截止"
)]
#[case::note_early_in_the_last_period("2023-04-01", Colour::None, "距截止")]
#[case::note_late_in_the_last_period("2023-04-20", Colour::None, "距截止")]
#[case::note_on_the_deadline("2023-04-30", Colour::None, "距截止")]
#[case::note_this_month("2023-05-08", Colour::None, "距截止")]
fn monthly_report(#[case] last_note: &str, #[case] colour: Colour, #[case] starts: &str) {
    let item = with_progress(open_item(), last_note);
    let w = warn(
        &item,
        &dated("2023-12-31"),
        &WarningRules::default(),
        "2023-05-10",
    );
    assert_eq!(w.colour, colour, "{w:?}");
    assert!(w.reason.starts_with(starts), "{}", w.reason);
}

#[test]
fn never_reported_is_yellow_even_without_a_date() {
    let ongoing = schedule(ScheduleKind::Ongoing, Vec::new());
    let w = warn(
        &open_item(),
        &ongoing,
        &WarningRules::default(),
        "2023-05-10",
    );
    assert_eq!(w.colour, Colour::Yellow);
    assert_eq!(w.reason, "4月未报送进展(从未报送);长期推进,无截止日期");
    assert_eq!((w.due, w.days), (None, None));
}

#[test]
fn monthly_report_rule_can_be_switched_off() {
    let ongoing = schedule(ScheduleKind::Ongoing, Vec::new());
    let w = warn(
        &open_item(),
        &ongoing,
        &date_rules(CalendarMode::WorkingDays),
        "2023-05-10",
    );
    assert_eq!(
        (w.colour, w.reason.as_str()),
        (Colour::None, "长期推进,无截止日期")
    );
}

#[test]
fn the_overdue_rule_names_itself_first_and_adds_the_missing_report() {
    let item = with_progress(open_item(), "2023-08-20");
    let w = warn(
        &item,
        &dated("2023-09-27"),
        &WarningRules::default(),
        "2023-10-11",
    );
    assert_eq!(w.colour, Colour::Red);
    assert_eq!(
        w.reason,
        "逾期6个工作日(截止2023-09-27);9月未报送进展(最近进展2023-08-20)"
    );
}

/// PRODUCT.md's example: monthly at month end, a note of 05-25 is May's report.
#[rstest]
#[case::may_reported_in_june("2023-06-26", Colour::None, "长期推进,无截止日期")]
#[case::june_missing_in_july(
    "2023-07-03",
    Colour::Yellow,
    "6月未报送进展(最近进展2023-05-25);长期推进,无截止日期"
)]
fn the_last_due_period_needs_a_report(
    #[case] today: &str,
    #[case] colour: Colour,
    #[case] reason: &str,
) {
    let item = with_progress(open_item(), "2023-05-25");
    let ongoing = schedule(ScheduleKind::Ongoing, Vec::new());
    let w = warn(&item, &ongoing, &WarningRules::default(), today);
    assert_eq!((w.colour, w.reason.as_str()), (colour, reason));
}

#[test]
fn a_half_monthly_cadence_names_the_half() {
    let rules = WarningRules {
        report: ReportCadence {
            every: ReportEvery::HalfMonthly,
            day: None,
        },
        ..WarningRules::default()
    };
    let item = with_progress(open_item(), "2023-05-25");
    let ongoing = schedule(ScheduleKind::Ongoing, Vec::new());
    let w = warn(&item, &ongoing, &rules, "2023-06-16");
    assert_eq!(w.colour, Colour::Yellow);
    assert!(w.reason.starts_with("6月上半月未报送进展"), "{}", w.reason);
    let w = warn(
        &with_progress(item, "2023-06-05"),
        &ongoing,
        &rules,
        "2023-06-16",
    );
    assert_eq!(w.colour, Colour::None, "{}", w.reason);
}

#[test]
fn manual_raise_sets_a_floor_and_says_why() {
    let mut item = with_progress(open_item(), "2023-05-05");
    item.raised = Some(ManualRaise {
        colour: Colour::Red,
        reason: "领导批示:6月底前完成".to_string(),
        date: d("2023-05-06"),
        by: "张三".to_string(),
    });
    let far = dated("2023-12-31");
    let w = warn(&item, &far, &WarningRules::default(), "2023-05-10");
    assert_eq!(w.colour, Colour::Red);
    assert!(
        w.reason
            .starts_with("领导批示:6月底前完成(人工提级);距截止"),
        "{}",
        w.reason
    );

    // A raise below the computed colour changes nothing but is still mentioned.
    let w = warn(
        &item,
        &dated("2023-03-01"),
        &WarningRules::default(),
        "2023-05-10",
    );
    assert_eq!(w.colour, Colour::Black);
    assert!(w.reason.starts_with("逾期"), "{}", w.reason);
    assert!(w.reason.contains("领导批示"), "{}", w.reason);
}

#[rstest]
#[case(Status::Done, "已完成(待验收)")]
#[case(Status::Accepted, "已结项")]
fn finished_items_have_no_colour_even_when_late_or_raised(
    #[case] status: Status,
    #[case] reason: &str,
) {
    let mut item = open_item();
    item.status = status;
    item.raised = Some(ManualRaise {
        colour: Colour::Red,
        reason: "领导批示".to_string(),
        date: d("2023-01-05"),
        by: String::new(),
    });
    let ledger = Ledger {
        closing_date: Some(d("2023-06-30")),
        ..Ledger::default()
    };
    let w = warn_with(
        &item,
        &ledger,
        &dated("2023-01-31"),
        &WarningRules::default(),
        "2023-12-01",
    );
    assert_eq!(
        (w.colour, w.reason.as_str(), w.days),
        (Colour::None, reason, None)
    );
    assert_eq!(w.due, Some(d("2023-01-31")));
}

#[test]
fn suspended_items_show_their_reason() {
    let mut item = open_item();
    item.status = Status::Suspended;
    item.suspend_reason = Some("等待省厅政策".to_string());
    let w = warn(
        &item,
        &dated("2023-01-31"),
        &WarningRules::default(),
        "2023-12-01",
    );
    assert_eq!(
        (w.colour, w.reason.as_str()),
        (Colour::None, "暂缓:等待省厅政策")
    );
}

/// The closing date blackens only overdue items; the rest wait for a closing decision.
#[rstest]
#[case::overdue_before_closing("2023-12-20", "2023-12-29", Colour::Red, false)]
#[case::overdue_after_closing("2023-12-20", "2024-01-02", Colour::Black, false)]
#[case::not_yet_due_after_closing("2025-10-31", "2024-01-02", Colour::None, true)]
fn past_closing_only_overdue_items_turn_black(
    #[case] due: &str,
    #[case] today: &str,
    #[case] colour: Colour,
    #[case] decision: bool,
) {
    let ledger = Ledger {
        closing_date: Some(d("2023-12-31")),
        ..Ledger::default()
    };
    let item = with_progress(open_item(), "2023-12-28");
    let w = warn_with(
        &item,
        &ledger,
        &dated(due),
        &date_rules(CalendarMode::WorkingDays),
        today,
    );
    assert_eq!(w.colour, colour, "{w:?}");
    if colour == Colour::Black {
        assert!(
            w.reason.starts_with("已过台账结项日期(2023-12-31)仍未完成"),
            "{}",
            w.reason
        );
    }
    assert_eq!(
        awaiting_closing_decision(&item, &ledger, &dated(due), d(today)),
        decision
    );
}

#[rstest]
#[case::ongoing(ScheduleKind::Ongoing)]
#[case::external(ScheduleKind::External)]
fn open_ongoing_and_external_items_at_closing_wait_for_a_decision(#[case] kind: ScheduleKind) {
    let ledger = Ledger {
        closing_date: Some(d("2023-12-31")),
        ..Ledger::default()
    };
    let sched = schedule(kind, Vec::new());
    let item = open_item();
    let w = warn_with(
        &item,
        &ledger,
        &sched,
        &date_rules(CalendarMode::WorkingDays),
        "2024-01-02",
    );
    assert_eq!(w.colour, Colour::None, "{w:?}");
    assert!(awaiting_closing_decision(
        &item,
        &ledger,
        &sched,
        d("2024-01-02")
    ));
    assert!(!awaiting_closing_decision(
        &item,
        &ledger,
        &sched,
        d("2023-12-31")
    ));
}

fn phased() -> Schedule {
    schedule(
        ScheduleKind::Dated,
        vec![
            milestone("2023-03-31", "项目申报"),
            milestone("2023-10-31", "完成建设"),
        ],
    )
}

#[test]
fn the_first_unmet_milestone_governs() {
    let rules = date_rules(CalendarMode::WorkingDays);
    let mut item = open_item();
    // After Fri 03-31: 04-03, 04-04, (清明 04-05 off), 04-06, 04-07, 04-10, 04-11 → 6.
    let w = warn(&item, &phased(), &rules, "2023-04-11");
    assert_eq!(w.due, Some(d("2023-03-31")));
    assert_eq!(w.colour, Colour::Red);
    assert_eq!(w.reason, "逾期6个工作日(项目申报截止2023-03-31)");

    item.milestones_met.push(MilestoneMet {
        index: 0,
        label: "项目申报".to_string(),
        date: d("2023-04-12"),
    });
    let w = warn(&item, &phased(), &rules, "2023-10-25");
    assert_eq!(w.due, Some(d("2023-10-31")));
    assert_eq!((w.colour, w.days), (Colour::Blue, Some(4)));

    item.milestones_met.push(MilestoneMet {
        index: 1,
        label: "完成建设".to_string(),
        date: d("2023-10-30"),
    });
    let w = warn(&item, &phased(), &rules, "2023-12-25");
    assert_eq!(
        (w.colour, w.reason.as_str(), w.due),
        (Colour::None, "各阶段均已完成,待确认完成", None)
    );
}

#[test]
fn a_per_measure_milestone_is_met_when_its_measures_are_done() {
    let mut sched = schedule(
        ScheduleKind::Dated,
        vec![Milestone {
            measures: vec![1, 3],
            ..milestone("2024-11-20", "第一三项")
        }],
    );
    sched.external = Some("第二项待省上出台政策后".to_string());
    let mut item = open_item();
    for (text, done) in [("第一项", true), ("第二项", false), ("第三项", true)] {
        item.sub_measures.push(SubMeasure {
            text: text.to_string(),
            done,
            deadline: None,
            done_on: None,
        });
    }
    let rules = date_rules(CalendarMode::WorkingDays);
    let w = warn(&item, &sched, &rules, "2024-12-20");
    assert_eq!(
        (w.colour, w.reason.as_str()),
        (
            Colour::None,
            "有期限部分已完成,其余等待:第二项待省上出台政策后"
        )
    );
    item.due_override = Some(d("2024-12-31"));
    assert_eq!(
        warn(&item, &sched, &rules, "2024-12-20").colour,
        Colour::None
    );
    assert_eq!(
        warn(&item, &sched, &rules, "2024-12-25").colour,
        Colour::Blue
    );
    item.sub_measures[2].done = false;
    // After Wed 11-20: 11-21, 22, 25, 26, 27, 28 → 6 working days overdue.
    let w = warn(&item, &sched, &rules, "2024-11-28");
    assert_eq!((w.colour, w.due), (Colour::Red, Some(d("2024-11-20"))));
}

#[test]
fn external_deadlines_wait_for_a_supervisor_date() {
    let mut sched = schedule(ScheduleKind::External, Vec::new());
    sched.external = Some("按省厅要求".to_string());
    let rules = date_rules(CalendarMode::WorkingDays);
    let mut item = open_item();
    let w = warn(&item, &sched, &rules, "2023-06-01");
    assert_eq!(
        (w.colour, w.reason.as_str()),
        (Colour::None, "按省厅要求,尚未设定期限")
    );
    item.due_override = Some(d("2023-06-02"));
    let w = warn(&item, &sched, &rules, "2023-06-01");
    assert_eq!(
        (w.colour, w.reason.as_str()),
        (Colour::Blue, "距截止1个工作日(设定截止2023-06-02)")
    );
}

#[test]
fn recurring_deadlines_use_the_next_occurrence() {
    let mut sched = schedule(ScheduleKind::Recurring, Vec::new());
    sched.recurrence = Some(Recurrence::Monthly { day: None });
    let mut item = open_item();
    for due in ["2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30"] {
        item = submitted(item, due);
    }
    let rules = date_rules(CalendarMode::WorkingDays);
    let w = warn(&item, &sched, &rules, "2023-05-29");
    assert_eq!(
        (w.colour, w.reason.as_str()),
        (Colour::Blue, "距截止2个工作日(本期截止2023-05-31)")
    );
    // April not submitted: that occurrence is overdue like any deadline.
    item.submitted.retain(|s| s.due != d("2023-04-30"));
    let w = warn(&item, &sched, &rules, "2023-05-29");
    assert_eq!(
        (w.colour, w.reason.as_str()),
        (Colour::Red, "逾期19个工作日(本期截止2023-04-30)")
    );
}

fn submitted(mut item: Item, due: &str) -> Item {
    item.submitted.push(Submission {
        due: d(due),
        date: d(due),
        by: "督查室".into(),
    });
    item
}

/// 每年10月底前报送年度报告 (all 21 Shanghai tasks): an unsubmitted report goes overdue and
/// lights; once submitted, the next year's governs.
#[test]
fn an_unsubmitted_yearly_report_goes_overdue() {
    let mut sched = schedule(
        ScheduleKind::Dated,
        vec![
            milestone("2023-12-31", "提升年"),
            milestone("2024-12-31", "深化年"),
        ],
    );
    sched.recurrence = Some(Recurrence::Yearly {
        month: 10,
        day: None,
    });
    let rules = date_rules(CalendarMode::WorkingDays);
    let w = warn(&open_item(), &sched, &rules, "2023-11-09");
    assert_eq!(w.colour, Colour::Red, "{w:?}");
    assert!(
        w.reason.starts_with("逾期7个工作日(本期截止2023-10-31)"),
        "{}",
        w.reason
    );
    let done = submitted(open_item(), "2023-10-31");
    let w = warn(&done, &sched, &rules, "2023-11-09");
    assert_eq!(w.colour, Colour::None, "{w:?}");
    assert!(!w.reason.contains("2023-10-31"), "{}", w.reason);
}

#[test]
fn a_yearly_report_inside_a_phased_plan_gives_a_reminder() {
    let mut sched = schedule(ScheduleKind::Dated, vec![milestone("2023-12-31", "提升年")]);
    sched.recurrence = Some(Recurrence::Yearly {
        month: 10,
        day: None,
    });
    let rules = date_rules(CalendarMode::WorkingDays);
    let w = warn(&open_item(), &sched, &rules, "2023-10-26");
    assert_eq!(w.colour, Colour::Blue);
    assert_eq!(w.due, Some(d("2023-12-31")));
    assert!(
        w.reason.starts_with("距截止3个工作日(本期截止2023-10-31)"),
        "{}",
        w.reason
    );
    assert_eq!(
        warn(&open_item(), &sched, &rules, "2023-09-01").colour,
        Colour::None
    );
}

#[test]
fn a_whole_year_item_is_overdue_after_its_year_end() {
    let mut sched = schedule(ScheduleKind::Ongoing, Vec::new());
    sched.year_end = Some(d("2023-12-31"));
    // 2024-01-01 is 元旦: 01-02..05 and 01-08..10 are 7 working days.
    let w = warn(
        &open_item(),
        &sched,
        &date_rules(CalendarMode::WorkingDays),
        "2024-01-10",
    );
    assert_eq!((w.colour, w.days), (Colour::Red, Some(-7)));
    assert_eq!(w.reason, "逾期7个工作日(年度截止2023-12-31)");
}

#[rstest]
#[case::unreadable("明年看情况", "期限未能识别")]
#[case::empty("  ", "未设定期限")]
fn unparsed_deadlines_have_no_light(#[case] text: &str, #[case] reason: &str) {
    let sched = Schedule::unparsed(text, 2023);
    let w = warn(
        &open_item(),
        &sched,
        &date_rules(CalendarMode::WorkingDays),
        "2023-06-01",
    );
    assert_eq!(
        (w.colour, w.reason.as_str(), w.due),
        (Colour::None, reason, None)
    );
}

fn extended(approved: &str) -> Item {
    let mut item = with_progress(open_item(), "2023-06-05");
    item.deadline = "5月底前".to_string();
    item.extensions.push(Extension {
        original: "5月底前".to_string(),
        new_deadline: "12月底前".to_string(),
        reason: "施工延误".to_string(),
        approver: "李局长".to_string(),
        date: d(approved),
        original_due: Some(d("2023-05-31")),
        new_due: None,
        milestone: None,
    });
    item
}

#[test]
fn an_extension_after_the_deadline_keeps_the_item_yellow() {
    let new_schedule = dated("2023-12-31");
    let rules = WarningRules::default();
    let w = warn(&extended("2023-06-10"), &new_schedule, &rules, "2023-06-20");
    assert_eq!(w.colour, Colour::Yellow);
    assert!(
        w.reason
            .starts_with("逾期后延期(原截止2023-05-31,2023-06-10批准)"),
        "{}",
        w.reason
    );
    assert_eq!(w.due, Some(d("2023-12-31")));

    let w = warn(&extended("2023-05-20"), &new_schedule, &rules, "2023-06-20");
    assert_eq!(w.colour, Colour::None, "{w:?}");

    let mut done = extended("2023-06-10");
    done.status = Status::Done;
    assert_eq!(
        warn(&done, &new_schedule, &rules, "2023-06-20").colour,
        Colour::None
    );
}

/// `x` on a Shanghai task with 2023年7月底前: 提升年 moves, 深化年 and the yearly report stay.
#[test]
fn an_extension_moves_one_milestone_and_keeps_the_plan() {
    let text = "2022年推进年 2023年提升年 2024年深化年;每年10月底前报送年度报告";
    let sched = duban::domain::deadline::parse(text, 2022);
    assert_eq!(sched.milestones.len(), 3, "{sched:?}");
    let mut item = with_progress(open_item(), "2023-07-20");
    item.deadline = text.to_string();
    item.milestones_met.push(MilestoneMet {
        index: 0,
        label: sched.milestones[0].label.clone(),
        date: d("2022-12-30"),
    });
    item.extensions.push(Extension {
        original: text.to_string(),
        new_deadline: "2023年7月底前".to_string(),
        reason: "场地未落实".to_string(),
        approver: "分管局领导".to_string(),
        date: d("2023-07-10"),
        original_due: Some(d("2023-12-31")),
        new_due: Some(d("2023-07-31")),
        milestone: Some(sched.milestones[1].label.clone()),
    });
    item = submitted(item, "2022-10-31");
    let rules = date_rules(CalendarMode::WorkingDays);
    assert_eq!(item.current_deadline(), text);
    let w = warn(&item, &sched, &rules, "2023-08-03");
    assert_eq!(w.colour, Colour::Yellow, "{w:?}");
    assert_eq!(w.due, Some(d("2023-07-31")));
    // Once the moved milestone is met, the next phase of the plan governs.
    item.milestones_met.push(MilestoneMet {
        index: 1,
        label: sched.milestones[1].label.clone(),
        date: d("2023-08-04"),
    });
    let w = warn(&item, &sched, &rules, "2023-08-07");
    assert_eq!(w.due, Some(d("2024-12-31")), "{w:?}");
    // The yearly report is still required.
    let w = warn(&item, &sched, &rules, "2023-11-02");
    assert!(w.reason.contains("本期截止2023-10-31"), "{}", w.reason);
}
