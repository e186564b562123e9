//! Hand-built schedules, items and a one-call evaluation for the rule tests.

use chrono::NaiveDate;
use duban::domain::calendar::WorkCalendar;
use duban::domain::deadline::{Milestone, Schedule, ScheduleKind};
use duban::domain::warning::{Warning, WarningContext, evaluate};
use duban::domain::{CalendarMode, Item, Ledger, ProgressEntry, Status, WarningRules};

pub fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

pub fn milestone(due: &str, label: &str) -> Milestone {
    Milestone {
        start: None,
        due: d(due),
        label: label.to_string(),
        percent: None,
        detail: None,
        measures: Vec::new(),
    }
}

pub fn schedule(kind: ScheduleKind, milestones: Vec<Milestone>) -> Schedule {
    Schedule {
        text: "手写期限".to_string(),
        base_year: 2023,
        kind,
        milestones,
        year_end: None,
        recurrence: None,
        external: None,
        relative: None,
        notes: Vec::new(),
    }
}

pub fn dated(due: &str) -> Schedule {
    schedule(ScheduleKind::Dated, vec![milestone(due, "")])
}

pub fn open_item() -> Item {
    Item {
        id: "1".to_string(),
        title: "测试事项".to_string(),
        status: Status::InProgress,
        ..Item::default()
    }
}

pub fn with_progress(mut item: Item, date: &str) -> Item {
    item.progress.push(ProgressEntry {
        date: d(date),
        author: "督查室".to_string(),
        text: "已推进".to_string(),
    });
    item
}

/// Rules with the monthly-report rule off, to isolate the date thresholds.
pub fn date_rules(mode: CalendarMode) -> WarningRules {
    WarningRules {
        calendar: mode,
        monthly_report: false,
        ..WarningRules::default()
    }
}

pub fn warn_with(
    item: &Item,
    ledger: &Ledger,
    sched: &Schedule,
    rules: &WarningRules,
    today: &str,
) -> Warning {
    let calendar = WorkCalendar::new(rules.calendar);
    let ctx = WarningContext {
        rules,
        calendar: &calendar,
        today: d(today),
    };
    evaluate(item, ledger, sched, &ctx)
}

pub fn warn(item: &Item, sched: &Schedule, rules: &WarningRules, today: &str) -> Warning {
    warn_with(item, &Ledger::default(), sched, rules, today)
}

/// An item of `unit` in `status`, done on `done_on` when given.
pub fn item_of(unit: &str, status: Status, done_on: Option<&str>) -> Item {
    Item {
        id: format!("{unit}-{}", done_on.unwrap_or("open")),
        units: vec![unit.to_string()],
        status,
        done_on: done_on.map(d),
        ..Item::default()
    }
}
