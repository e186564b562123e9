//! The minutes of a meeting (会议纪要): its data and its Markdown text.

use chrono::NaiveDate;

use super::colour_word;
use crate::domain::warning::Colour;

/// One item discussed, with what was decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinutesItem {
    /// The unit the item was discussed under.
    pub unit: String,
    /// The ledger's id (what the command line takes).
    pub ledger_id: String,
    /// The ledger's title.
    pub ledger_title: String,
    /// The item's id.
    pub item_id: String,
    /// The item's printed number.
    pub number: String,
    /// The item's title.
    pub title: String,
    /// The deadline text in force.
    pub deadline: String,
    /// The colour when the meeting started.
    pub colour_before: Colour,
    /// The colour when it ended.
    pub colour_after: Colour,
    /// Why it had its colour at the start.
    pub reason: String,
    /// What was decided, one line each; empty when it was only discussed.
    pub decisions: Vec<String>,
}

/// The minutes of one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Minutes {
    /// The meeting's title (e.g. 督办事项调度会).
    pub title: String,
    /// The date.
    pub date: NaiveDate,
    /// Attendees as typed.
    pub attendees: String,
    /// What was walked through (e.g. 黑、红 · 全部台账).
    pub scope: String,
    /// The items discussed, in meeting order.
    pub items: Vec<MinutesItem>,
}

/// The counted colours, most severe first, with the "none" column last.
const COLUMNS: [Colour; 5] = [
    Colour::Black,
    Colour::Red,
    Colour::Yellow,
    Colour::Blue,
    Colour::None,
];

impl Minutes {
    /// Items per colour `[黑, 红, 黄, 蓝, 无]` at the start (`after == false`) or the end.
    pub fn counts(&self, after: bool) -> [usize; 5] {
        let mut out = [0; 5];
        for item in &self.items {
            let colour = if after {
                item.colour_after
            } else {
                item.colour_before
            };
            if let Some(slot) = COLUMNS.iter().position(|c| *c == colour) {
                out[slot] += 1;
            }
        }
        out
    }

    /// How many items had at least one decision.
    pub fn decided(&self) -> usize {
        self.items
            .iter()
            .filter(|i| !i.decisions.is_empty())
            .count()
    }

    /// The colour count table's rows: (label, counts) for the start and the end.
    pub fn count_rows(&self) -> [(&'static str, [usize; 5]); 2] {
        [("会前", self.counts(false)), ("会后", self.counts(true))]
    }

    /// The heading of the count table's columns.
    pub fn count_headings() -> [&'static str; 5] {
        COLUMNS.map(colour_word)
    }
}
