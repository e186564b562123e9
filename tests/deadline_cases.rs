//! The deadline texts of the source documents, read exactly as
//! `tests/fixtures/deadline-cases.tsv` says, and every deadline cell of the seeds.

mod support;

use std::path::PathBuf;

use duban::domain::deadline::{Milestone, Schedule, ScheduleKind, final_due, parse};
use support::seed;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One row of the TSV: base year, text, kind, due, milestones.
struct Case {
    line: usize,
    base_year: i32,
    text: String,
    kind: String,
    due: String,
    milestones: String,
}

fn cases() -> Vec<Case> {
    read(fixture("deadline-cases.tsv"))
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(
                cols.len() >= 5,
                "deadline-cases.tsv:{}: too few columns",
                i + 1
            );
            Case {
                line: i + 1,
                base_year: cols[0].parse().expect("base year"),
                text: cols[1].to_string(),
                kind: cols[2].to_string(),
                due: cols[3].to_string(),
                milestones: cols[4].to_string(),
            }
        })
        .collect()
}

/// `DUE[~START]:LABEL[@PERCENT]`, the TSV's milestone notation.
fn notation(m: &Milestone) -> String {
    let mut out = m.due.to_string();
    if let Some(start) = m.start {
        out.push_str(&format!("~{start}"));
    }
    out.push(':');
    out.push_str(&m.label);
    if let Some(p) = m.percent {
        out.push_str(&format!("@{p}"));
    }
    out
}

fn milestones_notation(s: &Schedule) -> String {
    if s.milestones.is_empty() {
        return "-".to_string();
    }
    let all: Vec<String> = s.milestones.iter().map(notation).collect();
    all.join(" ; ")
}

#[test]
fn every_row_of_the_cases_file_reads_exactly() {
    let cases = cases();
    assert!(cases.len() >= 28, "only {} rows read", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let s = parse(&case.text, case.base_year);
        let due = final_due(&s).map_or("-".to_string(), |d| d.to_string());
        let got = (s.kind.word(), due.as_str(), milestones_notation(&s));
        let want = (
            case.kind.as_str(),
            case.due.as_str(),
            case.milestones.clone(),
        );
        if got != want {
            failures.push(format!(
                "line {} «{}»: expected {want:?}, got {got:?} (notes {:?})",
                case.line, case.text, s.notes
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
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
