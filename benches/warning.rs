//! The warning engine and the working-day count over 100k items (the TUI's per-frame load).

use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use duban::domain::calendar::WorkCalendar;
use duban::domain::deadline::{Milestone, Schedule, ScheduleKind};
use duban::domain::warning::{WarningContext, evaluate};
use duban::domain::{CalendarMode, Item, Ledger, ProgressEntry, Status, WarningRules};
use std::hint::black_box;

fn items(origin: NaiveDate) -> Vec<(Item, Schedule)> {
    (0..100_000i64)
        .map(|i| {
            let mut schedule = Schedule::unparsed("手写期限", 2023);
            schedule.kind = ScheduleKind::Dated;
            schedule.milestones.push(Milestone {
                start: None,
                due: origin + Duration::days(i % 1500),
                label: String::new(),
                percent: None,
                detail: None,
                measures: Vec::new(),
            });
            let mut item = Item {
                status: Status::InProgress,
                ..Item::default()
            };
            if i % 2 == 0 {
                item.progress.push(ProgressEntry {
                    date: origin + Duration::days(i % 700),
                    author: String::new(),
                    text: "进展".to_string(),
                });
            }
            (item, schedule)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let origin = NaiveDate::from_ymd_opt(2023, 1, 1).expect("valid date");
    let today = NaiveDate::from_ymd_opt(2024, 6, 3).expect("valid date");
    let entries = items(origin);
    let ledger = Ledger::default();
    let rules = WarningRules::default();
    let calendar = WorkCalendar::from_override_ron("(holidays: [\"2027-01-01\"])")
        .expect("valid overrides")
        .with_mode(CalendarMode::WorkingDays);
    let ctx = WarningContext {
        rules: &rules,
        calendar: &calendar,
        today,
    };
    c.bench_function("evaluate 100k items", |b| {
        b.iter(|| {
            entries
                .iter()
                .map(|(item, schedule)| evaluate(item, &ledger, schedule, &ctx).colour)
                .max()
        })
    });
    c.bench_function("working days until, 100k dates", |b| {
        b.iter(|| {
            entries
                .iter()
                .map(|(_, s)| calendar.working_days_until(black_box(today), s.milestones[0].due))
                .sum::<i64>()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
