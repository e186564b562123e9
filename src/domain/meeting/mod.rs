//! Meetings (局务会 / 调度会): what was decided about each item discussed, the minutes,
//! and the marks that let the next meeting see what moved since.
//!
//! Everything here is pure: the app hands in items as they were when the meeting started
//! and as they are when it ends; the decisions are the difference, so an edit undone
//! during the meeting leaves no trace in the minutes.

mod minutes;

pub use minutes::{Minutes, MinutesItem};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::item::{Item, Status};
use super::warning::Colour;

/// How an item stood when a meeting ended, so the next one can say what moved since.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemMark {
    /// The ledger's id.
    pub ledger: String,
    /// The item's id.
    pub item: String,
    /// The warning colour then.
    pub colour: Colour,
    /// The status then.
    pub status: Status,
    /// How many progress entries it had.
    pub progress: usize,
    /// How many supervision instructions it had.
    pub instructions: usize,
    /// How many extensions it had.
    #[serde(default)]
    pub extensions: usize,
    /// How many notices it had.
    #[serde(default)]
    pub notices: usize,
}

impl ItemMark {
    /// The mark of `item` of ledger `ledger` with its colour now.
    pub fn of(ledger: &str, item: &Item, colour: Colour) -> Self {
        ItemMark {
            ledger: ledger.to_string(),
            item: item.id.clone(),
            colour,
            status: item.status,
            progress: item.progress.len(),
            instructions: item.instructions.len(),
            extensions: item.extensions.len(),
            notices: item.notices.len(),
        }
    }
}

/// What a meeting leaves in the workspace besides its minutes: when it was, who attended,
/// and how every item stood at its end.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingRecord {
    /// The file format version.
    pub format: u32,
    /// The meeting's date.
    pub date: NaiveDate,
    /// Attendees as typed.
    #[serde(default)]
    pub attendees: String,
    /// The items discussed (ledger id, item id).
    #[serde(default)]
    pub discussed: Vec<(String, String)>,
    /// Every item of the workspace as it stood at the end.
    pub marks: Vec<ItemMark>,
}

/// What moved for one item since `mark` (colour, status, new notes, instructions,
/// extensions, notices), in words; empty when nothing did.
pub fn moved(mark: &ItemMark, item: &Item, colour: Colour) -> Vec<String> {
    let mut out = Vec::new();
    if mark.colour != colour {
        out.push(format!(
            "颜色 {}→{}",
            colour_word(mark.colour),
            colour_word(colour)
        ));
    }
    if mark.status != item.status {
        out.push(format!(
            "状态 {}→{}",
            mark.status.short_label(),
            item.status.short_label()
        ));
    }
    let counts = [
        (item.progress.len(), mark.progress, "进展"),
        (item.instructions.len(), mark.instructions, "督办意见"),
        (item.extensions.len(), mark.extensions, "延期"),
        (item.notices.len(), mark.notices, "通知单"),
    ];
    for (now, then, what) in counts {
        if now > then {
            out.push(format!("新增{what}{}条", now - then));
        }
    }
    out
}

/// What was decided about an item between `before` (the meeting's start) and `after` (its
/// end), one line per decision, in words fit for the minutes.
pub fn decisions(before: &Item, after: &Item) -> Vec<String> {
    let mut out = Vec::new();
    if before.status != after.status {
        let mut line = format!(
            "状态:{} → {}",
            before.status.short_label(),
            after.status.short_label()
        );
        if let (Status::Suspended, Some(reason)) = (after.status, &after.suspend_reason) {
            line.push_str(&format!("(暂缓原因:{reason})"));
        }
        out.push(line);
    }
    for p in new_entries(&before.progress, &after.progress) {
        out.push(format!("进展:{}", p.text));
    }
    for e in new_entries(&before.extensions, &after.extensions) {
        // A plan's milestone moved, or the whole text replaced (an item on its ledger's
        // default deadline has no text of its own).
        let from = match (&e.milestone, e.original.trim()) {
            (Some(label), _) => format!("{label}节点"),
            (None, "") => "原时限".to_string(),
            (None, text) => format!("“{text}”"),
        };
        let mut line = format!("延期:{from} → “{}”", e.new_deadline);
        if !e.reason.is_empty() {
            line.push_str(&format!(",理由:{}", e.reason));
        }
        if !e.approver.is_empty() {
            line.push_str(&format!(",批准:{}", e.approver));
        }
        out.push(line);
    }
    for i in new_entries(&before.instructions, &after.instructions) {
        let mut line = format!("督办意见:{} 负责,{}", i.assignee, i.text);
        if !i.due.is_empty() {
            line.push_str(&format!(",{}办结", i.due));
        }
        out.push(line);
    }
    for n in new_entries(&before.notices, &after.notices) {
        let number = n
            .number
            .as_deref()
            .map(|x| format!(" {x}"))
            .unwrap_or_default();
        out.push(format!("发出{}{number}:{}", n.kind.label(), n.recipient));
    }
    if before.deadline != after.deadline {
        out.push(format!(
            "完成时限:“{}” → “{}”",
            before.deadline, after.deadline
        ));
    }
    if before.raised != after.raised {
        out.push(match &after.raised {
            Some(r) => format!("升为{}色:{}", r.colour.label(), r.reason),
            None => "取消人工升色".to_string(),
        });
    }
    if before.units != after.units {
        out.push(format!("责任单位:{}", after.units.join("、")));
    }
    if before.overdue_explanation != after.overdue_explanation
        && let Some(text) = &after.overdue_explanation
    {
        out.push(format!("逾期说明:{text}"));
    }
    if before.acceptance != after.acceptance
        && let Some(a) = &after.acceptance
    {
        out.push(format!("验收:{} {}", a.date, a.result));
    }
    out
}

/// Entries of `after` that `before` does not hold (logs only grow during a meeting; an
/// entry removed again by undo is in neither).
fn new_entries<'a, T: PartialEq>(before: &[T], after: &'a [T]) -> Vec<&'a T> {
    after.iter().filter(|e| !before.contains(e)).collect()
}

/// A colour in words for the minutes: 红/黄/蓝/黑, or 无.
pub fn colour_word(colour: Colour) -> &'static str {
    match colour {
        Colour::None => "无",
        other => other.label(),
    }
}

#[cfg(test)]
mod tests;
