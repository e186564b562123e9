//! Spreadsheets at scale: export of 100,000 items to .xlsx and import of the 100,000-row
//! workbook it gives. Target (issue 12): each under 5 s on the 2-core machine.

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::domain::calendar::WorkCalendar;
use duban::export::{Assessing, xlsx};
use duban::import::xlsx::{SheetChoice, import_workbook};
use duban::import::{ColumnMap, ImportOptions};

const ITEMS: usize = 100_000;

fn bench_xlsx(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2023, 6, 15).expect("valid date");
    let (config, ledgers) = duban::r#gen::generate(ITEMS, 1, 1, today);
    let calendar = WorkCalendar::new(config.rules.calendar);
    let assessing = Assessing {
        rules: &config.rules,
        calendar: &calendar,
        today,
    };
    let refs: Vec<_> = ledgers.iter().collect();
    let (bytes, _) = xlsx::workbook(&refs, &assessing).expect("exports");
    let opts = ImportOptions {
        title: "基准".into(),
        base_year: 2023,
        id: "bench".into(),
    };

    let mut group = c.benchmark_group("xlsx_100k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("export", |b| {
        b.iter(|| xlsx::workbook(black_box(&refs), &assessing).expect("exports"))
    });
    group.bench_function("import", |b| {
        b.iter(|| {
            let sheets = import_workbook(
                black_box(&bytes),
                &SheetChoice::First,
                &opts,
                &ColumnMap::default(),
            )
            .expect("imports");
            assert_eq!(sheets[0].report.ledger.items.len(), ITEMS);
            sheets
        })
    });
    group.finish();
}

criterion_group!(benches, bench_xlsx);
criterion_main!(benches);
