//! The deadline texts of the source documents, read exactly as
//! `tests/fixtures/deadline-cases.tsv` says, and every deadline cell of the seeds.

mod deadline_table;
mod support;

use duban::domain::deadline::{ScheduleKind, parse};
use support::seed;

#[test]
fn every_row_of_the_cases_file_reads_exactly() {
    deadline_table::check_every_row("deadline-cases.tsv", 28, false);
}

#[test]
fn the_2025_reading_is_noted() {
    let s = parse("分阶段实施,2025年前完成", 2023);
    assert!(
        s.notes.iter().any(|n| n.contains("2025年底前")),
        "{:?}",
        s.notes
    );
}

#[test]
fn the_parenthesis_is_the_detail() {
    let s = parse(
        "2023年完成50%(涪城、游仙、安州、梓潼、三台、高新、仙海);2024年完成100%",
        2023,
    );
    assert_eq!(
        s.milestones[0].detail.as_deref(),
        Some("涪城、游仙、安州、梓潼、三台、高新、仙海")
    );
    assert_eq!(s.milestones[1].detail, None);
}

#[test]
fn the_waiting_remainder_is_external() {
    let s = parse(
        "2024年11月20日前完成整改,合法性审查与公平竞争审查衔接联动机制待《四川省重大行政决策程序规定》修订出台后按相关程序推动出台",
        2024,
    );
    assert_eq!(
        s.external.as_deref(),
        Some(
            "合法性审查与公平竞争审查衔接联动机制待《四川省重大行政决策程序规定》修订出台后按相关程序推动出台"
        )
    );
}

#[test]
fn per_measure_deadlines_name_their_measures() {
    let s = parse(
        "第一二三五项2024年11月20日前完成整改;第四项待省上出台政策后,按相关程序推动出台",
        2024,
    );
    assert_eq!(s.milestones.len(), 1);
    assert_eq!(s.milestones[0].measures, vec![1, 2, 3, 5]);
    assert_eq!(s.milestones[0].label, "第一二三五项完成整改");
    assert_eq!(
        s.external.as_deref(),
        Some("第四项待省上出台政策后,按相关程序推动出台")
    );
}

/// The deadline cells of the 2023 ledgers (`000_*`): the column under `完成时限`/`时序进度`,
/// counted from the row's end (merged leading cells are missing on later rows).
fn ledger_cells(text: &str) -> Vec<(usize, String)> {
    let mut from_end: Option<usize> = None;
    let mut cells = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if !line.contains('|') {
            continue;
        }
        let row: Vec<&str> = line
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if let Some(col) = row
            .iter()
            .position(|c| *c == "完成时限" || *c == "时序进度")
        {
            from_end = Some(row.len() - col);
            continue;
        }
        if let Some(k) = from_end {
            // A row needs at least a task, the deadline and the unit columns.
            if row.len() > k {
                cells.push((i + 1, row[row.len() - k].to_string()));
            }
        }
    }
    cells
}

#[test]
fn every_deadline_cell_of_the_2023_ledgers_is_understood() {
    let cells = ledger_cells(&seed("000_"));
    assert!(cells.len() >= 120, "only {} cells found", cells.len());
    let failures: Vec<String> = cells
        .iter()
        .filter(|(_, text)| parse(text, 2023).kind == ScheduleKind::Unparsed)
        .map(|(line, text)| format!("000:{line} «{text}»"))
        .collect();
    assert!(failures.is_empty(), "unparsed: {failures:#?}");
}

#[test]
fn every_rectification_deadline_is_understood() {
    let lines: Vec<(usize, String)> = seed("002_")
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let rest = l.trim().strip_prefix("整改时限")?;
            let rest = rest
                .strip_prefix(':')
                .or_else(|| rest.strip_prefix('\u{FF1A}'))?;
            Some((i + 1, rest.to_string()))
        })
        .collect();
    assert!(lines.len() >= 60, "only {} deadlines found", lines.len());
    let failures: Vec<String> = lines
        .iter()
        .filter(|(_, text)| parse(text, 2024).kind == ScheduleKind::Unparsed)
        .map(|(line, text)| format!("002:{line} «{text}»"))
        .collect();
    assert!(failures.is_empty(), "unparsed: {failures:#?}");
}
