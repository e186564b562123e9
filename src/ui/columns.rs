//! Which table columns fit a width: the narrow set (chip, number, title, days, status)
//! always, then units, due date, deadline text and last progress as width allows.

use crate::app::{Catalog, Entry};
use crate::domain::CalendarMode;

/// A column of the item table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The colour chip `[红]`.
    Chip,
    /// The number as printed.
    Number,
    /// The title (takes the remaining width).
    Title,
    /// Responsible units.
    Units,
    /// The deadline text as written.
    DeadlineText,
    /// The governing date.
    DueDate,
    /// Days left or overdue.
    Days,
    /// The status.
    Status,
    /// The last progress date.
    LastProgress,
    /// Why the item has its colour.
    Reason,
}

impl Column {
    /// The heading.
    pub fn heading(self) -> &'static str {
        match self {
            Column::Chip => "预警",
            Column::Number => "编号",
            Column::Title => "事项",
            Column::Units => "责任单位",
            Column::DeadlineText => "完成时限",
            Column::DueDate => "截止日期",
            Column::Days => "剩余/逾期",
            Column::Status => "状态",
            Column::LastProgress => "最近进展",
            Column::Reason => "预警原因",
        }
    }

    /// The fixed width (the title's is computed).
    fn fixed_width(self) -> usize {
        match self {
            Column::Chip => 4,
            Column::Number => 6,
            Column::Title => 0,
            Column::Units => 16,
            Column::DeadlineText => 16,
            Column::DueDate => 10,
            Column::Days => 9,
            Column::Status => 6,
            Column::LastProgress => 10,
            Column::Reason => 24,
        }
    }
}

/// Minimum title width before optional columns are added.
const MIN_TITLE: usize = 24;

/// The columns and their widths for a table `total` columns wide (1 space between columns).
pub fn layout(total: usize) -> Vec<(Column, usize)> {
    let base = [
        Column::Chip,
        Column::Number,
        Column::Title,
        Column::Days,
        Column::Status,
    ];
    let optional = [
        Column::Units,
        Column::DueDate,
        Column::DeadlineText,
        Column::LastProgress,
        Column::Reason,
    ];
    let fixed =
        |cols: &[Column]| -> usize { cols.iter().map(|c| c.fixed_width() + 1).sum::<usize>() };
    let mut chosen: Vec<Column> = base.to_vec();
    for extra in optional {
        let mut trial = chosen.clone();
        trial.push(extra);
        if fixed(&trial) + MIN_TITLE <= total {
            chosen = trial;
        }
    }
    let order = [
        Column::Chip,
        Column::Number,
        Column::Title,
        Column::Units,
        Column::DeadlineText,
        Column::DueDate,
        Column::Days,
        Column::Status,
        Column::LastProgress,
        Column::Reason,
    ];
    let title = total.saturating_sub(fixed(&chosen));
    order
        .into_iter()
        .filter(|c| chosen.contains(c))
        .map(|c| {
            (
                c,
                if c == Column::Title {
                    title
                } else {
                    c.fixed_width()
                },
            )
        })
        .collect()
}

/// Days left ("剩3") or overdue ("逾期12") in the rules' unit (working or calendar days,
/// named by the column heading); "—" for finished items and items without a date.
pub fn days_text(catalog: &Catalog, entry: &Entry) -> String {
    if catalog.item(entry).status.is_finished() {
        return "—".to_string();
    }
    let mode = catalog.config.rules.calendar;
    let days = entry.assessment.warning.days.or_else(|| {
        entry
            .due()
            .map(|due| catalog.calendar.days_until_in(mode, catalog.today, due))
    });
    match days {
        Some(0) => "今日到期".to_string(),
        Some(d) if d > 0 => format!("剩{d}"),
        Some(d) => format!("逾期{}", -d),
        None => "—".to_string(),
    }
}

/// The heading of the days column: the unit the days are counted in.
pub fn days_heading(catalog: &Catalog) -> &'static str {
    match catalog.config.rules.calendar {
        CalendarMode::WorkingDays => "工作日",
        CalendarMode::CalendarDays => "天数",
    }
}

/// The units of an entry joined with "、".
pub fn units_text(catalog: &Catalog, entry: &Entry) -> String {
    entry
        .units
        .iter()
        .filter_map(|&u| catalog.units.get(u as usize).map(String::as_str))
        .collect::<Vec<_>>()
        .join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_tables_keep_the_core_columns() {
        let cols: Vec<Column> = layout(56).into_iter().map(|(c, _)| c).collect();
        assert_eq!(
            cols,
            vec![
                Column::Chip,
                Column::Number,
                Column::Title,
                Column::Days,
                Column::Status
            ]
        );
        let wide: Vec<Column> = layout(130).into_iter().map(|(c, _)| c).collect();
        assert!(wide.contains(&Column::Units));
        assert!(wide.contains(&Column::DeadlineText));
        assert!(wide.contains(&Column::LastProgress));
        let total: usize = layout(130).iter().map(|(_, w)| w + 1).sum();
        assert_eq!(total, 130);
    }
}
