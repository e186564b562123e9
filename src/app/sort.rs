//! Sort orders of the item table.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::catalog::Catalog;

/// How the table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum SortKey {
    /// Most severe colour first, then the earliest due date.
    #[default]
    Severity,
    /// Earliest due date first (no date last).
    Due,
    /// Ledger and source order (the printed numbers).
    Number,
    /// Items with the oldest (or no) progress report first.
    StaleProgress,
    /// Best search match first (severity without a query).
    Relevance,
}

impl SortKey {
    /// The Chinese name of the order.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Severity => "按严重程度",
            SortKey::Due => "按截止日期",
            SortKey::Number => "按编号",
            SortKey::StaleProgress => "按进展久未更新",
            SortKey::Relevance => "按匹配度",
        }
    }

    /// The next order in the cycle.
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Severity => SortKey::Due,
            SortKey::Due => SortKey::Number,
            SortKey::Number => SortKey::StaleProgress,
            SortKey::StaleProgress => SortKey::Relevance,
            SortKey::Relevance => SortKey::Severity,
        }
    }
}

/// All entries in the order of `key` (relevance falls back to severity; the search
/// ranking is applied on top by the view).
pub fn sorted_entries(catalog: &Catalog, key: SortKey) -> Vec<u32> {
    let mut order: Vec<u32> = (0..catalog.entries.len() as u32).collect();
    let entries = &catalog.entries;
    let by_due = |a: u32, b: u32| -> Ordering {
        let (da, db) = (entries[a as usize].due(), entries[b as usize].due());
        match (da, db) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    };
    match key {
        SortKey::Severity | SortKey::Relevance => order.sort_by(|&a, &b| {
            let (ea, eb) = (&entries[a as usize], &entries[b as usize]);
            eb.colour()
                .cmp(&ea.colour())
                .then_with(|| by_due(a, b))
                .then(a.cmp(&b))
        }),
        SortKey::Due => order.sort_by(|&a, &b| by_due(a, b).then(a.cmp(&b))),
        SortKey::Number => {}
        SortKey::StaleProgress => order.sort_by_key(|&i| {
            let e = &entries[i as usize];
            (catalog.item(e).last_progress(), i)
        }),
    }
    order
}
