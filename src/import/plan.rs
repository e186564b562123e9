//! Importing the numbered task list of a 实施方案 (e.g. the Shanghai 司法所规范化建设
//! three-year plan) into a task-division ledger.
//!
//! Tasks are paragraphs `N.要点。措施……(指导部门:A、B,责任单位:C)` under section headings
//! `(一)政治建设`. The lead words before the first `。` are the title, the rest the measures.
//! The plan's yearly phases (`——2022年是…推进年。`) and a yearly report (`每年10月底前…年度报告`)
//! become the ledger's default deadline; a task sentence `到2022年底…` becomes that task's
//! own deadline.

use super::error::{ImportError, excerpt};
use super::numbering::split_item_number;
use super::units::split_units;
use super::{ImportOptions, ImportReport, new_ledger};
use crate::domain::ledger::Column;
use crate::domain::{Item, LedgerKind};

/// Import a plan's numbered tasks.
pub fn import_task_plan(text: &str, opts: ImportOptions) -> Result<ImportReport, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let mut items: Vec<Item> = Vec::new();
    let mut section = String::new();
    let mut notes = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if let Some(heading) = section_heading(line) {
            section = heading.to_string();
            continue;
        }
        let Some((number, rest)) = split_item_number(line) else {
            continue;
        };
        let Some((body, assignment)) = split_assignment(rest) else {
            if items.is_empty() {
                continue;
            }
            return Err(ImportError::Row {
                line: index + 1,
                message: "任务段落末尾应有「(指导部门:…,责任单位:…)」".into(),
                text: excerpt(line),
            });
        };
        let (title, measures) = match body.split_once('。') {
            Some((title, measures)) => (title.to_string(), measures.trim().to_string()),
            None => (body.to_string(), String::new()),
        };
        let mut item = Item {
            id: number.clone(),
            number,
            category: section.clone(),
            title,
            measures,
            supervisors: split_units(&assignment.supervisors),
            units: split_units(&assignment.units),
            ..Item::default()
        };
        if let Some(deadline) = own_deadline(&item.measures) {
            notes.push(format!("任务 {} 有自己的时限「{deadline}」", item.id));
            item.deadline = deadline;
        }
        items.push(item);
    }
    if items.is_empty() {
        return Err(ImportError::NoHeader {
            lines: text.lines().count(),
            first: excerpt(text.lines().find(|l| !l.trim().is_empty()).unwrap_or("")),
        });
    }
    let mut ledger = new_ledger(&opts);
    ledger.kind = LedgerKind::TaskDivision;
    ledger.default_deadline = plan_deadline(text);
    if let Some(d) = &ledger.default_deadline {
        notes.push(format!("没有自己时限的任务按方案的阶段安排:{d}"));
    }
    ledger.columns = [
        ("category", "任务类别"),
        ("title", "任务"),
        ("measures", "具体内容"),
        ("supervisors", "指导部门"),
        ("units", "责任单位"),
    ]
    .iter()
    .map(|(field, header)| Column {
        field: field.to_string(),
        header: header.to_string(),
    })
    .collect();
    notes.insert(0, format!("共 {} 项任务", items.len()));
    ledger.items = items;
    let recognised = ledger
        .columns
        .iter()
        .map(|c| (c.header.clone(), c.field.clone()))
        .collect();
    Ok(ImportReport {
        ledger,
        recognised,
        unknown_headers: Vec::new(),
        notes,
    })
}

/// The 指导部门 and 责任单位 of a task.
struct Assignment {
    supervisors: String,
    units: String,
}

/// `…。(指导部门:A,责任单位:B)` → (`…。`, A, B).
fn split_assignment(text: &str) -> Option<(&str, Assignment)> {
    let open = text.rfind("(指导部门")?;
    let inner = text[open + 1..].trim_end().strip_suffix(')')?;
    let mut assignment = Assignment {
        supervisors: String::new(),
        units: String::new(),
    };
    for part in inner.split([',', '\u{ff0c}', ';', '\u{ff1b}']) {
        let Some((key, value)) = part.split_once([':', '\u{ff1a}']) else {
            continue;
        };
        match key.trim() {
            "指导部门" => assignment.supervisors = value.trim().to_string(),
            "责任单位" => assignment.units = value.trim().to_string(),
            _ => {}
        }
    }
    Some((text[..open].trim_end(), assignment))
}

/// `(一)政治建设` → `政治建设` (a short heading, not a sentence).
fn section_heading(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('(')?;
    let (numerals, heading) = rest.split_once(')')?;
    let is_numeral = |c: char| "一二三四五六七八九十".contains(c);
    (!numerals.is_empty()
        && numerals.chars().all(is_numeral)
        && !heading.contains('。')
        && heading.chars().count() <= 12)
        .then_some(heading.trim())
}

/// The clause `到2022年底…` of a task, up to the next comma or full stop.
fn own_deadline(measures: &str) -> Option<String> {
    let start = measures.find("到20")?;
    let clause = &measures[start..];
    let end = clause.find([',', '\u{ff0c}', '。']).unwrap_or(clause.len());
    let clause = &clause[..end];
    clause.contains("年底").then(|| clause.to_string())
}

/// The plan's phases (`——2022年是…推进年。`) and yearly report (`每年10月底前…年度报告`).
fn plan_deadline(text: &str) -> Option<String> {
    let mut phases = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.trim().strip_prefix("——") else {
            continue;
        };
        let Some((year, rest)) = rest.split_once("年是") else {
            continue;
        };
        let Some((name, _)) = rest.split_once('。') else {
            continue;
        };
        let word: String = name
            .chars()
            .rev()
            .take(3)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) && word.ends_with('年') {
            phases.push(format!("{year}年{word}"));
        }
    }
    if phases.is_empty() {
        return None;
    }
    let mut deadline = phases.join(" ");
    if let Some(at) = text.find("每年") {
        let clause = &text[at..];
        if let Some(end) = clause.find("月底前") {
            let report = if clause[..clause.find('。').unwrap_or(clause.len())].contains("年度报告")
            {
                "报送年度报告"
            } else {
                ""
            };
            deadline.push_str(&format!(";{}{report}", &clause[..end + "月底前".len()]));
        }
    }
    Some(deadline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_sections_assignments_and_phases() {
        let text = "二、实施步骤\n——2022年是司法所规范化建设推进年。根据…\n——2023年是司法所规范化建设提升年。坚持…\n三、主要任务\n(一)政治建设\n1.坚持政治统领。坚持把政治建设放在首位。(指导部门:市局党群处,责任单位:各区局)\n(二)组织队伍建设\n16.提升队伍素质。到2022年底,每个司法所至少配备1名。(指导部门:市局监查处、党群处,责任单位:各区局)\n四、工作要求\n各区局于每年10月底前形成年度报告报送市局。\n";
        let report = import_task_plan(text, ImportOptions::default()).unwrap();
        let items = &report.ledger.items;
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].title, "坚持政治统领");
        assert_eq!(items[0].measures, "坚持把政治建设放在首位。");
        assert_eq!(items[0].category, "政治建设");
        assert_eq!(items[1].supervisors, ["市局监查处", "市局党群处"]);
        assert_eq!(items[1].units, ["各区局"]);
        assert_eq!(items[1].deadline, "到2022年底");
        assert_eq!(items[0].deadline, "");
        assert_eq!(
            report.ledger.default_deadline.as_deref(),
            Some("2022年推进年 2023年提升年;每年10月底前报送年度报告")
        );
    }
}
