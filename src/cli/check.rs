//! `duban check`: load and validate the workspace and its backups; exit 0 clean, 1 problems
//! (broken backups included), 2 unreadable files.

use std::collections::{HashMap, HashSet};
use std::process::ExitCode;

use clap::Args;

use super::context::{CliError, Globals, calendar_of};
use crate::domain::calendar::WorkCalendar;
use crate::domain::deadline::{self, ScheduleKind};
use crate::domain::warning::{WarningContext, awaiting_closing_decision, evaluate, in_force};
use crate::domain::{Ledger, LedgerKind, WarningRules};
use crate::text::sanitize;
use chrono::NaiveDate;

/// Arguments of `duban check` (none besides the global flags).
#[derive(Debug, Args)]
pub struct CheckArgs {}

/// Names of the levels of a rectification tree, by depth.
pub const TREE_LEVELS: [&str; 3] = ["反馈问题", "面上问题", "具体问题"];

/// Every problem of one ledger, in Chinese, one per line (text already sanitised).
/// `known_units` empty means the workspace keeps no unit list (units are then not checked).
pub fn ledger_problems(ledger: &Ledger, known_units: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for item in &ledger.items {
        *seen.entry(item.id.as_str()).or_default() += 1;
    }
    let mut dups: Vec<(&str, usize)> = seen
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(k, n)| (*k, *n))
        .collect();
    dups.sort();
    for (id, n) in dups {
        problems.push(format!("编号 \"{}\" 重复 {n} 次", sanitize(id)));
    }
    let units: HashSet<&str> = known_units.iter().map(String::as_str).collect();
    for item in &ledger.items {
        let at = format!("事项 {}", sanitize(&item.id));
        if item.id.trim().is_empty() {
            problems.push(format!("第 {} 个事项没有编号", position(ledger, item) + 1));
        }
        if item.title.trim().is_empty() {
            problems.push(format!("{at}:标题为空"));
        }
        if !units.is_empty() {
            for unit in item.all_units() {
                if !units.contains(unit) {
                    problems.push(format!(
                        "{at}:责任单位 \"{}\" 不在工作区单位列表中",
                        sanitize(unit)
                    ));
                }
            }
        }
        let text = ledger.deadline_text_of(item);
        let sub_texts = item
            .sub_measures
            .iter()
            .filter_map(|m| m.deadline.as_deref());
        for t in std::iter::once(text).chain(sub_texts) {
            if !t.trim().is_empty()
                && deadline::parse(t, ledger.base_year).kind == ScheduleKind::Unparsed
            {
                problems.push(format!("{at}:无法识别完成时限 \"{}\"", sanitize(t)));
            }
        }
        if let Some(date) = item.event_date
            && deadline::parse(text, ledger.base_year).relative.is_none()
        {
            problems.push(format!(
                "{at}:登记了事件日期 {date},但完成时限 \"{}\" 不从某一事件起算,该日期未被使用",
                sanitize(text)
            ));
        }
        if let Some(parent) = &item.parent
            && ledger.item(parent).is_none()
        {
            problems.push(format!("{at}:上级事项 \"{}\" 不存在", sanitize(parent)));
        }
    }
    problems
}

fn position(ledger: &Ledger, item: &crate::domain::Item) -> usize {
    ledger
        .items
        .iter()
        .position(|i| std::ptr::eq(i, item))
        .unwrap_or(0)
}

/// How many items sit at each depth of the parent tree (0 = roots). Cycles and missing
/// parents end the walk, so this never loops.
pub fn depth_counts(ledger: &Ledger) -> Vec<usize> {
    let parent_of: HashMap<&str, &str> = ledger
        .items
        .iter()
        .filter_map(|i| i.parent.as_deref().map(|p| (i.id.as_str(), p)))
        .collect();
    let mut counts: Vec<usize> = Vec::new();
    for item in &ledger.items {
        let mut depth = 0;
        let mut at = item.id.as_str();
        let mut visited: HashSet<&str> = HashSet::from([at]);
        while let Some(p) = parent_of.get(at) {
            if !visited.insert(p) || ledger.item(p).is_none() {
                break;
            }
            depth += 1;
            at = p;
        }
        if counts.len() <= depth {
            counts.resize(depth + 1, 0);
        }
        counts[depth] += 1;
    }
    counts
}

/// "反馈问题 5 / 面上问题 22 / 具体问题 41".
pub fn tree_summary(counts: &[usize]) -> String {
    counts
        .iter()
        .enumerate()
        .map(|(depth, n)| match TREE_LEVELS.get(depth) {
            Some(name) => format!("{name} {n}"),
            None => format!("第{}层 {n}", depth + 1),
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// After a ledger's closing date, one line per open item that is not overdue (长期,
/// external, not yet due): these need a closing decision (结项待决定), not a colour.
pub fn closing_decisions(
    ledger: &Ledger,
    rules: &WarningRules,
    calendar: &WorkCalendar,
    today: NaiveDate,
) -> Vec<String> {
    let ctx = WarningContext {
        rules,
        calendar,
        today,
    };
    ledger
        .items
        .iter()
        .filter_map(|item| {
            let schedule = deadline::parse(ledger.deadline_text_of(item), ledger.base_year);
            // A deadline counted from a dated event is a date like any other.
            let read = in_force(&schedule, item, ledger, calendar);
            if !awaiting_closing_decision(item, ledger, &read, today) {
                return None;
            }
            let w = evaluate(item, ledger, &schedule, &ctx);
            Some(format!(
                "结项待决定:事项 {}「{}」({}),台账已于 {} 结项",
                sanitize(&item.id),
                sanitize(&item.title),
                w.reason,
                ledger.closing_date.unwrap_or(today)
            ))
        })
        .collect()
}

/// Print the report; the exit code says whether the workspace is clean.
pub fn run(globals: &Globals, _args: &CheckArgs) -> Result<ExitCode, CliError> {
    let ws = globals.open_workspace()?;
    let today = globals.today_for(Some(&ws.config));
    let mut header = format!("工作区 {}", ws.dir.display());
    if ws.config.demo {
        header.push_str("(演示数据)");
    }
    outln!("{header},今天按 {today} 计");
    let mut problem_count = 0;
    let mut item_count = 0;
    let calendar = calendar_of(&ws).unwrap_or_else(|_| WorkCalendar::new(ws.config.rules.calendar));
    for loaded in &ws.ledgers {
        let ledger = &loaded.ledger;
        item_count += ledger.items.len();
        let mut line = format!(
            "{}  {}  {} 项",
            sanitize(&ledger.id),
            sanitize(&ledger.title),
            ledger.items.len()
        );
        if ledger.kind == LedgerKind::Rectification
            || ledger.items.iter().any(|i| i.parent.is_some())
        {
            line.push_str(&format!("({})", tree_summary(&depth_counts(ledger))));
        }
        outln!("{line}");
        let mut problems = ledger_problems(ledger, &ws.config.units);
        problems.extend(
            loaded
                .file_name_problem()
                .map(|p| sanitize(&p).into_owned()),
        );
        problem_count += problems.len();
        for p in problems {
            outln!("  问题:{p}");
        }
        for line in closing_decisions(ledger, &ws.config.rules, &calendar, today) {
            outln!("  {line}");
        }
    }
    for broken in &ws.broken {
        outln!(
            "  无法读取:{}(此文件不会被 duban 改写,请修正后重试)",
            sanitize(&broken.message)
        );
    }
    let mut unreadable = ws.broken.len();
    match crate::storage::broken_backups(&ws.dir) {
        Ok(broken) => {
            problem_count += broken.len();
            for b in broken {
                outln!(
                    "  问题:备份损坏 {}(不能用它恢复;可删除此备份,下次保存会生成新的)",
                    sanitize(&b.message)
                );
            }
        }
        Err(e) => {
            unreadable += 1;
            outln!("  无法读取:{}", sanitize(&e.to_string()));
        }
    }
    if let Err(e) = calendar_of(&ws) {
        unreadable += 1;
        outln!("  无法读取:{}", e.message);
    }
    outln!(
        "共 {} 个台账、{item_count} 个事项;问题 {problem_count} 个;无法读取的文件 {unreadable} 个",
        ws.ledgers.len(),
    );
    Ok(if unreadable > 0 {
        ExitCode::from(2)
    } else if problem_count > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Item;

    fn item(id: &str, title: &str, parent: Option<&str>) -> Item {
        Item {
            id: id.into(),
            title: title.into(),
            parent: parent.map(str::to_string),
            units: vec!["办公室".into()],
            ..Item::default()
        }
    }

    #[test]
    fn finds_duplicates_empty_titles_unknown_units_and_missing_parents() {
        let mut ledger = Ledger {
            id: "t".into(),
            base_year: 2023,
            items: vec![
                item("1", "甲", None),
                item("1", "", None),
                item("2", "乙", Some("9")),
            ],
            ..Ledger::default()
        };
        ledger.items[2].units.push("无名科".into());
        let problems = ledger_problems(&ledger, &["办公室".to_string()]);
        assert!(
            problems.iter().any(|p| p.contains("\"1\" 重复 2 次")),
            "{problems:?}"
        );
        assert!(problems.iter().any(|p| p.contains("标题为空")));
        assert!(problems.iter().any(|p| p.contains("\"无名科\"")));
        assert!(problems.iter().any(|p| p.contains("上级事项 \"9\"")));
        assert_eq!(problems.len(), 4, "{problems:?}");
        // Without a unit list, units are not checked.
        assert_eq!(ledger_problems(&ledger, &[]).len(), 3);
    }

    #[test]
    fn counts_tree_depths_and_survives_cycles() {
        let ledger = Ledger {
            items: vec![
                item("a", "反馈", None),
                item("b", "面上", Some("a")),
                item("c", "具体", Some("b")),
                item("d", "具体", Some("b")),
                item("x", "环", Some("y")),
                item("y", "环", Some("x")),
            ],
            ..Ledger::default()
        };
        // a at 0; b, and the cycle x ↔ y (each one step before it repeats) at 1; c, d at 2.
        assert_eq!(depth_counts(&ledger), vec![1, 3, 2]);
        assert_eq!(
            tree_summary(&[5, 22, 41]),
            "反馈问题 5 / 面上问题 22 / 具体问题 41"
        );
    }
}
