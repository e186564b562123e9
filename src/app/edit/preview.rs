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
    lines.extend(deadline::explain(s));
    lines
}
