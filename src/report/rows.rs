//! One item as reports and notices print it.

use chrono::NaiveDate;
use serde::Serialize;

use super::Entry;
use crate::domain::rates::{done_date, final_due};

/// An item as a report row (also its JSON form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemRow {
    /// Ledger id.
    pub ledger: String,
    /// Item id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Lead and responsible units, joined with 、.
    pub units: String,
    /// The deadline text in force, verbatim.
    pub deadline: String,
    /// The final date the item is rated against, if any.
    pub due: Option<NaiveDate>,
    /// The date that governs the colour (next unmet milestone), if any.
    pub governing: Option<NaiveDate>,
    /// Days overdue (positive) in the rules' unit, when overdue.
    pub overdue_days: Option<i64>,
    /// The done (or acceptance) date of a closed item.
    pub done: Option<NaiveDate>,
    /// 红/黄/蓝/黑 or empty.
    pub colour: String,
    /// Status label.
    pub status: String,
    /// Why the item has its colour.
    pub reason: String,
}

impl ItemRow {
    /// The row of an assessed item.
    pub fn of(entry: &Entry) -> ItemRow {
        let item = entry.item;
        ItemRow {
            ledger: entry.ledger.id.clone(),
            id: item.id.clone(),
            title: item.title.clone(),
            units: item.all_units().join("、"),
            deadline: entry.ledger.deadline_text_of(item).to_string(),
            due: final_due(item, &entry.schedule),
            governing: entry.warning.due,
            overdue_days: entry.warning.days.filter(|d| *d < 0).map(|d| -d),
            done: done_date(item).filter(|_| item.status.is_finished()),
            colour: entry.warning.colour.label().to_string(),
            status: item.status.label().to_string(),
            reason: entry.warning.reason.clone(),
        }
    }

    /// `ledger/id`, the reference printed in lists of ids.
    pub fn reference(&self) -> String {
        format!("{}/{}", self.ledger, self.id)
    }
}

/// A date cell: `2023-06-30`, or `—`.
pub fn date_cell(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "—".to_string(), |d| d.to_string())
}

/// Rows for a table of items: 台账, 编号, 事项, 责任单位, 完成时限, 截止日期, 逾期, 预警原因.
pub const ITEM_HEADER: [&str; 8] = [
    "台账",
    "编号",
    "事项",
    "责任单位",
    "完成时限",
    "截止日期",
    "逾期",
    "预警/状态",
];

/// The cells of [`ITEM_HEADER`] for one row.
pub fn item_cells(row: &ItemRow, unit: &str) -> Vec<String> {
    let reason = if row.colour.is_empty() {
        row.status.clone()
    } else {
        format!("{}:{}", row.colour, row.reason)
    };
    vec![
        row.ledger.clone(),
        row.id.clone(),
        row.title.clone(),
        row.units.clone(),
        row.deadline.clone(),
        date_cell(row.governing.or(row.due)),
        row.overdue_days
            .map_or_else(|| "—".to_string(), |d| format!("{d}{unit}")),
        reason,
    ]
}
