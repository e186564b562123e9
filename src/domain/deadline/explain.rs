//! Chinese lines a supervisor can read out: how a deadline text was understood.

use super::dating::dated_line;
use super::phases::{PhaseReading, read};
use super::schedule::{Milestone, Recurrence, Schedule, ScheduleKind};

/// Explain a schedule in Chinese, one statement per line: the final date and how it was
/// read, one line per milestone (start~due, label, percent, detail, measures), the
/// recurring rule, and every note. External and unparsed schedules say what to do.
pub fn explain(schedule: &Schedule) -> Vec<String> {
    let reading = read(&schedule.text, schedule.base_year);
    // Readings are only trusted when the schedule is exactly what the text gives.
    let phases: &[PhaseReading] = if reading.schedule == *schedule {
        &reading.phases
    } else {
        &[]
    };
    let mut lines = Vec::new();
    match schedule.kind {
        ScheduleKind::Dated => {
            let counted = schedule.relative.as_ref().and_then(dated_line);
            let part_of_plan = schedule.milestones.len() > 1;
            if let (Some(line), true, Some(due)) = (&counted, part_of_plan, schedule.due()) {
                // One part of a plan counted from its event: the plan's end comes first.
                lines.push(format!("截止 {due}"));
                let words = schedule.relative.as_ref().map_or("", |t| t.words.as_str());
                lines.push(format!("其中“{words}”:{line}"));
            } else if let Some(line) = counted {
                lines.push(line);
                let moved = schedule.relative.as_ref().and_then(|t| t.due) != schedule.due();
                if let (true, Some(due)) = (moved, schedule.due()) {
                    lines.push(format!("延期后截止 {due}"));
                }
            } else if let Some(due) = schedule.due() {
                let last = schedule.milestones.iter().rposition(|m| m.due == due);
                match last.and_then(|i| phases.get(i)) {
                    Some(p) => lines.push(format!("截止 {due}({} = {})", p.source, p.meaning)),
                    None => lines.push(format!("截止 {due}")),
                }
            }
        }
        ScheduleKind::Ongoing => match (schedule.milestones.is_empty(), schedule.year_end) {
            (true, Some(end)) => lines.push(format!("全年持续推进,无阶段日期;以年底 {end} 为限")),
            (true, None) => lines.push("长期持续推进,无固定截止日期".to_string()),
            (false, _) => lines.push("完成下列阶段后持续推进,无最终截止日期".to_string()),
        },
        ScheduleKind::Recurring => {}
        ScheduleKind::External => lines.push("无固定日期,待上级安排".to_string()),
        ScheduleKind::Unparsed => lines.push("未能识别,请检查或改写期限文字".to_string()),
    }
    let many = schedule.milestones.len() > 1;
    for (index, m) in schedule.milestones.iter().enumerate() {
        let adds_nothing = m.start.is_none()
            && m.label.is_empty()
            && m.percent.is_none()
            && m.detail.is_none()
            && m.measures.is_empty();
        if many || !adds_nothing || schedule.kind != ScheduleKind::Dated {
            lines.push(milestone_line(index, many, m, phases.get(index)));
        }
    }
    if let Some(rec) = &schedule.recurrence {
        let words = reading
            .recurring
            .as_ref()
            .filter(|_| !phases.is_empty() || schedule.milestones.is_empty())
            .map(|(source, label)| format!("({source}{label})"))
            .unwrap_or_default();
        lines.push(format!("周期要求:{}{words}", describe(rec)));
    }
    lines.extend(schedule.notes.iter().map(|n| format!("说明:{n}")));
    // The lines quote ledger text: no control character may reach a terminal.
    lines
        .into_iter()
        .map(|l| crate::text::sanitize(&l).into_owned())
        .collect()
}

fn milestone_line(
    index: usize,
    many: bool,
    m: &Milestone,
    reading: Option<&PhaseReading>,
) -> String {
    let head = if many {
        format!("阶段{}:", index + 1)
    } else {
        "节点:".to_string()
    };
    let when = match m.start {
        Some(start) => format!("{start}~{}", m.due),
        None => format!("截止 {}", m.due),
    };
    let mut line = format!("{head}{when}");
    if let Some(r) = reading {
        line.push_str(&format!("[{}]", r.source));
    }
    if !m.label.is_empty() {
        line.push_str(&format!(" {}", m.label));
    }
    if let Some(p) = m.percent {
        line.push_str(&format!(" {p}%"));
    }
    if let Some(detail) = &m.detail {
        line.push_str(&format!("(范围:{detail})"));
    }
    if !m.measures.is_empty() {
        let list: Vec<String> = m.measures.iter().map(u32::to_string).collect();
        line.push_str(&format!(" 适用第{}项措施", list.join("、")));
    }
    line
}

/// A recurring rule in words.
pub(crate) fn describe(rec: &Recurrence) -> String {
    match *rec {
        Recurrence::Weekly => "每周(以周日为限)".to_string(),
        Recurrence::Monthly { day: None } => "每月最后一天前".to_string(),
        Recurrence::Monthly { day: Some(d) } => format!("每月{d}日前"),
        Recurrence::HalfMonthly => "每半月(每月15日、月底)前".to_string(),
        Recurrence::Quarterly => "每季度最后一天前".to_string(),
        Recurrence::HalfYearly => "每半年(6月30日、12月31日)前".to_string(),
        Recurrence::Yearly { month, day: None } => format!("每年{month}月最后一天前"),
        Recurrence::Yearly {
            month,
            day: Some(d),
        } => format!("每年{month}月{d}日前"),
    }
}
