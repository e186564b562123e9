//! How a deadline text reads, in words, for the live preview of the deadline editors.

use crate::domain::deadline::{self, Schedule, ScheduleKind};

/// The preview of a deadline text: the reading, line by line, and whether it was understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlinePreview {
    /// The lines to show (Chinese).
    pub lines: Vec<String>,
    /// False when the text could not be read (saving then asks for confirmation).
    pub understood: bool,
}

/// Read `text` as a deadline of a ledger whose dates without a year are in `base_year`.
pub fn preview(text: &str, base_year: i32) -> DeadlinePreview {
    if text.trim().is_empty() {
        return DeadlinePreview {
            lines: vec!["(空)".to_string()],
            understood: false,
        };
    }
    let schedule = deadline::parse(text, base_year);
    DeadlinePreview {
        understood: schedule.kind != ScheduleKind::Unparsed,
        lines: describe(&schedule),
    }
}

fn describe(s: &Schedule) -> Vec<String> {
    let mut lines = vec![format!("读作:{}", s.kind.label())];
    for (i, m) in s.milestones.iter().enumerate() {
        let mut line = format!("{}. {}", i + 1, m.due);
        if let Some(start) = m.start {
            line = format!("{}. {start} 至 {}", i + 1, m.due);
        }
        if !m.label.is_empty() {
            line.push(' ');
            line.push_str(&m.label);
        }
        if let Some(p) = m.percent {
            line.push_str(&format!(" {p}%"));
        }
        lines.push(line);
    }
    if let Some(end) = s.year_end {
        lines.push(format!("全年推进,年底 {end}"));
    }
    if let Some(r) = &s.recurrence {
        lines.push(format!("周期报送:{r:?}"));
    }
    if let Some(x) = &s.external {
        lines.push(format!("待上级安排:{x}"));
    }
    lines.extend(s.notes.iter().cloned());
    if s.kind == ScheduleKind::Unparsed {
        lines.push("未能识别:将原样保存并标记,不会推算日期".to_string());
    }
    lines
}
