//! `duban list --format csv` on a generated 10,000-item workspace, in process.
//! Target (issue 4): at least 4× faster than taskwarrior's `task list` at 10k (0.57 s), i.e. < 0.14 s.

use std::hint::black_box;
use std::path::Path;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::cli::list::{ListFilter, ListFormat, collect_rows, list_workspace, render};
use duban::domain::calendar::WorkCalendar;
use duban::storage::{LoadedLedger, Workspace};

const ITEMS: usize = 10_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 15).expect("valid date")
}

fn write_workspace(dir: &Path, workspace: &Workspace) {
    let pretty = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .escape_strings(false);
    std::fs::create_dir_all(dir.join("ledgers")).expect("mkdir");
    let config = ron::ser::to_string_pretty(&workspace.config, pretty.clone()).expect("ron");
    std::fs::write(dir.join("duban.ron"), config).expect("write");
    for loaded in &workspace.ledgers {
        let text = ron::ser::to_string_pretty(&loaded.ledger, pretty.clone()).expect("ron");
        std::fs::write(&loaded.path, text).expect("write");
    }
}

fn bench_list(c: &mut Criterion) {
    let tmp = tempfile::TempDir::new().expect("tempdir");
    let dir = tmp.path();
    let (config, ledgers) = duban::r#gen::generate(ITEMS, 6, 1, today());
    let workspace = Workspace {
        dir: dir.to_path_buf(),
        config,
        ledgers: ledgers
            .into_iter()
            .map(|ledger| {
                let path = dir.join("ledgers").join(format!("{}.ron", ledger.id));
                LoadedLedger::new(ledger, path)
            })
            .collect(),
        broken: Vec::new(),
    };
    write_workspace(dir, &workspace);
    let filter = ListFilter::default();
    let calendar = WorkCalendar::new(workspace.config.rules.calendar);

    let mut group = c.benchmark_group("list_csv_10k");
    group.sample_size(20);
    group.bench_function("load_assess_render", |b| {
        b.iter(|| {
            list_workspace(black_box(dir), &filter, ListFormat::Csv, today(), 100).expect("lists")
        })
    });
    group.bench_function("assess_render_in_memory", |b| {
        b.iter(|| {
            let rows = collect_rows(black_box(&workspace), &calendar, &filter, today());
            render(&rows, ListFormat::Csv, 100, false, &filter)
        })
    });
    group.bench_function("table_in_memory", |b| {
        b.iter(|| {
            let rows = collect_rows(black_box(&workspace), &calendar, &filter, today());
            render(&rows, ListFormat::Table, 120, false, &filter)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_list);
criterion_main!(benches);
