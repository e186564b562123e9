//! 完成率, 按期完成率, 阶段性整改率 — including the source's 19/19 = 100% and 28/30 = 93.3%.

use super::support::*;
use duban::domain::deadline::{Schedule, ScheduleKind};
use duban::domain::rates::{NO_UNIT, Rates, format_percent, rates_by_unit, rates_for};
use duban::domain::{Acceptance, Extension, Item, Status, SubMeasure};

/// The end of the source's 4-month concentrated rectification period.
const REPORT: &str = "2024-12-31";

fn rate(entries: &[(Item, Schedule)]) -> Rates {
    rates_for(entries.iter().map(|(i, s)| (i, s)), d(REPORT))
}

fn repeat(n: usize, item: Item, due: &str) -> Vec<(Item, Schedule)> {
    (0..n).map(|_| (item.clone(), dated(due))).collect()
}

fn partly_done(unit: &str) -> Item {
    let mut item = item_of(unit, Status::InProgress, None);
    for (text, done) in [("第一项", true), ("第二项", false), ("第三项", true)] {
        item.sub_measures.push(SubMeasure {
            text: text.to_string(),
            done,
            deadline: None,
            done_on: None,
        });
    }
    item
}

#[test]
fn surface_problems_19_of_19_is_100_percent() {
    // 22 面上问题: 19 due in the period, all done; 3 due later, 1 of them done.
    let mut entries = repeat(
        19,
        item_of("市司法局", Status::Accepted, Some("2024-11-20")),
        "2024-11-20",
    );
    entries.extend(repeat(
        1,
        item_of("市司法局", Status::Done, Some("2024-12-01")),
        "2025-06-30",
    ));
    entries.extend(repeat(
        2,
        item_of("市司法局", Status::InProgress, None),
        "2025-06-30",
    ));
    let rates = rate(&entries);
    assert_eq!(format_percent(rates.phase_rate()), "100%");
    assert_eq!((rates.closed_when_due, rates.due_by_report), (19, 19));
    assert_eq!((rates.not_yet_due, rates.not_yet_due_closed), (3, 1));
    assert_eq!(format_percent(rates.completion_rate()), "90.9%"); // 20 of 22
    assert_eq!(format_percent(rates.on_time_rate()), "100%");
}

#[test]
fn specific_problems_28_of_30_is_93_3_percent() {
    // 41 具体问题: 30 due in the period, 28 done, 2 partly done; 11 later, 5 done.
    let mut entries = repeat(
        28,
        item_of("科室", Status::Done, Some("2024-11-15")),
        "2024-11-20",
    );
    entries.extend((0..2).map(|_| (partly_done("科室"), dated("2024-11-20"))));
    entries.extend(repeat(
        5,
        item_of("科室", Status::Done, Some("2024-12-20")),
        "2025-12-31",
    ));
    entries.extend(repeat(
        6,
        item_of("科室", Status::InProgress, None),
        "2025-12-31",
    ));
    let rates = rate(&entries);
    assert_eq!(format_percent(rates.phase_rate()), "93.3%");
    assert_eq!((rates.closed_when_due, rates.due_by_report), (28, 30));
    assert_eq!(rates.partly_done, 2);
    assert_eq!(rates.total, 41);
    assert_eq!(
        rates.summary(),
        "完成率 80.5%(33/41);按期完成率 93.3%(28/30);阶段性整改率 93.3%(28/30);另:未到期11项,部分完成2项"
    );
}

#[test]
fn on_time_uses_the_done_date_then_the_acceptance_date() {
    let mut accepted_late = item_of("甲", Status::Accepted, None);
    accepted_late.acceptance = Some(Acceptance {
        date: d("2024-07-10"),
        result: "通过".to_string(),
    });
    let mut accepted_early = accepted_late.clone();
    accepted_early.acceptance = Some(Acceptance {
        date: d("2024-06-20"),
        result: "通过".to_string(),
    });
    let entries = vec![
        (
            item_of("甲", Status::Done, Some("2024-06-30")),
            dated("2024-06-30"),
        ), // on the day
        (
            item_of("甲", Status::Done, Some("2024-07-01")),
            dated("2024-06-30"),
        ), // a day late
        (accepted_late, dated("2024-06-30")),
        (accepted_early, dated("2024-06-30")),
        (item_of("甲", Status::Done, None), dated("2024-06-30")), // no date at all
        (item_of("甲", Status::InProgress, None), dated("2024-06-30")),
    ];
    let rates = rate(&entries);
    assert_eq!((rates.closed_on_time, rates.already_due), (2, 6));
    assert_eq!(rates.closed_undated, 1);
    assert_eq!(format_percent(rates.on_time_rate()), "33.3%");
    assert_eq!(format_percent(rates.phase_rate()), "83.3%"); // 5 closed of 6 due
}

#[test]
fn due_on_the_report_date_is_due_for_the_phase_rate_but_not_yet_for_on_time() {
    let entries = vec![(
        item_of("甲", Status::Done, Some("2024-12-30")),
        dated(REPORT),
    )];
    let rates = rate(&entries);
    assert_eq!((rates.closed_when_due, rates.due_by_report), (1, 1));
    assert_eq!(rates.already_due, 0);
    assert_eq!(format_percent(rates.on_time_rate()), "—");
}

#[test]
fn extended_and_undated_items_stay_out_of_every_rate() {
    let mut extended = item_of("甲", Status::Done, Some("2024-10-01"));
    extended.extensions.push(Extension {
        original: "6月底前".to_string(),
        new_deadline: "9月底前".to_string(),
        reason: String::new(),
        approver: String::new(),
        date: d("2024-06-20"),
        original_due: Some(d("2024-06-30")),
        new_due: None,
        milestone: None,
    });
    let entries = vec![
        (extended, dated("2024-09-30")),
        (
            item_of("甲", Status::Accepted, Some("2024-05-01")),
            schedule(ScheduleKind::Ongoing, vec![]),
        ),
        (
            item_of("甲", Status::InProgress, None),
            schedule(ScheduleKind::External, vec![]),
        ),
        (
            item_of("甲", Status::InProgress, None),
            Schedule::unparsed("看情况", 2024),
        ),
        (item_of("甲", Status::InProgress, None), dated("2024-03-31")),
    ];
    let rates = rate(&entries);
    assert_eq!((rates.total, rates.rated), (5, 1));
    assert_eq!((rates.extended, rates.extended_closed), (1, 1));
    assert_eq!((rates.no_deadline, rates.no_deadline_closed), (3, 1));
    assert_eq!(format_percent(rates.completion_rate()), "0%");
    assert_eq!(format_percent(rates.phase_rate()), "0%");
}

#[test]
fn an_external_deadline_with_a_supervisor_date_is_rated() {
    let mut item = item_of("甲", Status::Done, Some("2024-05-01"));
    item.due_override = Some(d("2024-05-31"));
    let entries = vec![(item, schedule(ScheduleKind::External, vec![]))];
    let rates = rate(&entries);
    assert_eq!(
        (rates.rated, rates.closed_on_time, rates.already_due),
        (1, 1, 1)
    );
}

#[test]
fn rates_by_unit_count_an_item_for_each_of_its_units() {
    let mut shared = item_of("律师工作科", Status::Done, Some("2024-05-01"));
    shared.lead_unit = Some("市法律援助中心".to_string());
    let mut orphan = item_of("x", Status::InProgress, None);
    orphan.units.clear();
    let entries = [
        (shared, dated("2024-06-30")),
        (
            item_of("律师工作科", Status::InProgress, None),
            dated("2024-06-30"),
        ),
        (orphan, dated("2024-06-30")),
    ];
    let by_unit = rates_by_unit(entries.iter().map(|(i, s)| (i, s)), d(REPORT));
    let mut units: Vec<&str> = by_unit.keys().map(String::as_str).collect();
    units.sort_unstable();
    let mut expected = vec!["市法律援助中心", NO_UNIT, "律师工作科"];
    expected.sort_unstable();
    assert_eq!(units, expected);
    assert_eq!(format_percent(by_unit["律师工作科"].phase_rate()), "50%");
    assert_eq!(
        format_percent(by_unit["市法律援助中心"].phase_rate()),
        "100%"
    );
    assert_eq!(by_unit[NO_UNIT].total, 1);

    let mut sum = Rates::default();
    for rates in by_unit.values() {
        sum += *rates;
    }
    assert_eq!(sum.total, 4);
}
