//! "Changed since the last meeting": every item whose colour, status, notes, instructions,
//! extensions or notices moved since the marks the last meeting left.

use std::collections::HashMap;

use super::catalog::Catalog;
use super::sort::{SortKey, sorted_entries};
use crate::domain::meeting::{ItemMark, MeetingRecord, moved};

/// One item that moved, with what moved in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedItem {
    /// The catalogue entry.
    pub entry: u32,
    /// What moved ("颜色 红→黑", "新增进展2条", "新事项").
    pub what: Vec<String>,
}

/// The changes view: the list and its cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangesView {
    /// The date of the meeting compared with.
    pub since: chrono::NaiveDate,
    /// The items that moved, most severe first.
    pub items: Vec<ChangedItem>,
    /// The cursor.
    pub cursor: usize,
}

impl ChangesView {
    /// The items of `catalog` that moved since `record`, most severe first.
    pub fn since(catalog: &Catalog, record: &MeetingRecord) -> Self {
        let marks: HashMap<(&str, &str), &ItemMark> = record
            .marks
            .iter()
            .map(|m| ((m.ledger.as_str(), m.item.as_str()), m))
            .collect();
        let items = sorted_entries(catalog, SortKey::default())
            .into_iter()
            .filter_map(|index| {
                let entry = &catalog.entries[index as usize];
                let ledger = &catalog.ledger(entry).id;
                let item = catalog.item(entry);
                let what = match marks.get(&(ledger.as_str(), item.id.as_str())) {
                    Some(mark) => moved(mark, item, entry.colour()),
                    None => vec!["新事项".to_string()],
                };
                (!what.is_empty()).then_some(ChangedItem { entry: index, what })
            })
            .collect();
        ChangesView {
            since: record.date,
            items,
            cursor: 0,
        }
    }

    /// Move the cursor by `delta`, staying inside the list.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.items.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    /// The entries of the list, in order (the walk of `]` from a detail opened here).
    pub fn entries(&self) -> Vec<u32> {
        self.items.iter().map(|c| c.entry).collect()
    }
}
