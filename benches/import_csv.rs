//! Import a 100,000-row CSV table (issue 8.9: must stay linear; the target is under 3 s).
//!
//! Rows carry quoted cells with commas and line breaks, blank lines and a preamble, so
//! every line-number path of the CSV reader is exercised.

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use duban::import::{Format, ImportOptions, import_table};

/// A CSV of `rows` items: a preamble line, the header, then rows (every tenth with a
/// multi-line quoted cell, every hundredth followed by a blank line).
fn big_csv(rows: usize) -> String {
    let mut text = String::from("2023年重点工作台账\n序号,类型,具体任务,完成时限,责任单位\n");
    for n in 1..=rows {
        let task = if n % 10 == 0 {
            format!("\"第{n}项 推进司法所规范化建设,\n完善\"\"枫桥式\"\"司法所创建标准\"")
        } else {
            format!("第{n}项 推进公共法律服务体系建设")
        };
        let _ = writeln!(
            text,
            "{n},规范化建设,{task},{}月底前,基层工作科、各县市区司法局",
            n % 12 + 1
        );
        if n % 100 == 0 {
            text.push('\n');
        }
    }
    text
}

fn options() -> ImportOptions {
    ImportOptions {
        title: "基准".into(),
        base_year: 2023,
        id: "bench".into(),
    }
}

fn import(c: &mut Criterion) {
    let text = big_csv(100_000);
    let mut group = c.benchmark_group("import_csv");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("rows_100k", |b| {
        b.iter(|| {
            let report = import_table(black_box(&text), Format::Csv, options()).unwrap();
            assert_eq!(report.ledger.items.len(), 100_000);
            report
        })
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
