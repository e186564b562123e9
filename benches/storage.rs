//! Serialize and parse a 10k-item ledger (the cost of every save and load).

use std::hint::black_box;
use std::path::Path;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use duban::domain::{Item, Ledger, ProgressEntry, Status};
use duban::storage::{ledger_to_string, parse_ledger};

fn big_ledger(items: usize) -> Ledger {
    let day = NaiveDate::from_ymd_opt(2023, 6, 15).unwrap();
    Ledger {
        format: 1,
        id: "bench".into(),
        title: "基础工作提升年".into(),
        base_year: 2023,
        items: (0..items)
            .map(|n| Item {
                id: n.to_string(),
                number: n.to_string(),
                category: "规范化建设".into(),
                title: format!("第{n}项 推进司法所规范化建设,完善\"枫桥式\"司法所创建标准"),
                measures: "1.制定方案;\n2.组织实施;\n3.总结验收".into(),
                deadline: "1-3月筹备 4-10月完成建设 12月底前验收".into(),
                units: vec!["基层工作科".into(), "各县市区司法局".into()],
                status: Status::InProgress,
                progress: vec![ProgressEntry {
                    date: day,
                    author: "张三".into(),
                    text: "已召开推进会,形成初稿。".into(),
                }],
                ..Item::default()
            })
            .collect(),
        ..Ledger::default()
    }
}

fn storage(c: &mut Criterion) {
    let ledger = big_ledger(10_000);
    let text = ledger_to_string(&ledger);
    let mut group = c.benchmark_group("ledger_10k");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("serialize", |b| {
        b.iter(|| ledger_to_string(black_box(&ledger)))
    });
    group.bench_function("parse", |b| {
        b.iter(|| parse_ledger(black_box(&text), Path::new("bench.ron")).unwrap())
    });
    group.bench_function("serialize_escaped_for_comparison", |b| {
        let config = ron::ser::PrettyConfig::new().escape_strings(true);
        b.iter(|| ron::ser::to_string_pretty(black_box(&ledger), config.clone()).unwrap())
    });
    let dir = tempfile::tempdir().unwrap();
    duban::storage::save_ledger(dir.path(), &ledger, 0).unwrap();
    let mut edited = ledger.clone();
    let mut round = 0u64;
    group.bench_function("save_atomic_with_check_and_fsync", |b| {
        b.iter(|| {
            round += 1;
            edited.items[0].title = format!("第{round}次保存");
            duban::storage::save_ledger(dir.path(), black_box(&edited), 1).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, storage);
criterion_main!(benches);
