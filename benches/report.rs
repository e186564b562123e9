//! `duban report` (monthly) on a generated 100,000-item workspace.
//! Target (issue 11): the monthly report at 100,000 items in under 1 s.
//!
//! `assess_report_render` is the whole computation after loading: every item assessed,
//! the report built (rates per ledger and unit, lists, next month's checklist) and
//! written as Markdown; `report_render` leaves out the assessment.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::document::markdown;
use duban::domain::calendar::WorkCalendar;
use duban::report::monthly::monthly;
use duban::report::{Period, assess_ledgers};

const ITEMS: usize = 100_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 15).expect("valid date")
}

fn bench_monthly(c: &mut Criterion) {
    let (config, ledgers) = duban::r#gen::generate(ITEMS, 12, 1, today());
    let calendar = WorkCalendar::new(config.rules.calendar);
    let rules = &config.rules;
    let period = Period::of(today());

    let mut group = c.benchmark_group("monthly_report_100k");
    group.sample_size(10);
    group.bench_function("assess_report_render", |b| {
        b.iter(|| {
            let entries = assess_ledgers(black_box(&ledgers), rules, &calendar, today());
            let report = monthly("合成", &entries, period, today(), rules).expect("report");
            markdown::render(&report.document(rules))
        })
    });
    let entries = assess_ledgers(&ledgers, rules, &calendar, today());
    group.bench_function("report_render", |b| {
        b.iter(|| {
            let report =
                monthly("合成", black_box(&entries), period, today(), rules).expect("report");
            markdown::render(&report.document(rules))
        })
    });
    group.finish();
}

criterion_group!(benches, bench_monthly);
criterion_main!(benches);
