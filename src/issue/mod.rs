//! Issuing notices (工作提示单 / 催办通知单 / 督办通知单 / 整改通知单) — one path for
//! `duban notices` and the TUI's 发通知单.
//!
//! [`prepare`] plans one notice per unit and kind over the items in a [`Scope`] and numbers
//! them from the workspace's sequences; [`issue`] does so under the workspace lock on the
//! workspace as it is on disk, refuses a notice its items already hold (same kind, same
//! unit, dated today) unless asked again, records each notice on its items and saves the
//! config and ledgers in one transaction, then puts the files in place.

mod files;
mod run;

use chrono::{Datelike, NaiveDate};

pub use files::{Format, render};
pub use run::{Issued, NOTICES_DIR, Request, issue};

use crate::domain::calendar::WorkCalendar;
use crate::domain::notices::NoticeSettings;
use crate::domain::{Item, Ledger, NoticeKind, WarningRules};
use crate::report::notices::{NoticeText, already_issued, plan};
use crate::report::{Entry, assess_ledgers};
use crate::storage::StorageError;
use crate::storage::staged::WriteError;
use crate::text::sanitize;

/// Which items notices are issued for. Every field narrows; all `None` is every lit item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// Only notices to this unit (its full name).
    pub unit: Option<String>,
    /// Only this kind (the items whose colour calls for it).
    pub kind: Option<NoticeKind>,
    /// Only items of this ledger (its id).
    pub ledger: Option<String>,
    /// Only these items, as (ledger id, item id).
    pub items: Option<Vec<(String, String)>>,
}

impl Scope {
    /// The scope in words for messages: "(单位 机关党办,督办通知单)", empty for all.
    pub fn describe(&self) -> String {
        let mut what = Vec::new();
        if let Some(items) = &self.items {
            let ids: Vec<String> = items.iter().map(|(l, i)| format!("{l}/{i}")).collect();
            what.push(format!("事项 {}", ids.join("、")));
        }
        if let Some(u) = &self.unit {
            what.push(format!("单位 {u}"));
        }
        if let Some(k) = self.kind {
            what.push(k.label().to_string());
        }
        if let Some(l) = &self.ledger {
            what.push(format!("台账 {l}"));
        }
        if what.is_empty() {
            String::new()
        } else {
            sanitize(&format!("({})", what.join(","))).into_owned()
        }
    }

    /// Whether the item `item` of ledger `ledger` is in the scope (by the item list only).
    pub fn takes(&self, ledger: &str, item: &str) -> bool {
        self.items
            .as_ref()
            .is_none_or(|items| items.iter().any(|(l, i)| l == ledger && i == item))
    }
}

/// A notice with the items it is recorded on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// The notice, numbered.
    pub text: NoticeText,
    /// (ledger id, item id) of each item.
    pub items: Vec<(String, String)>,
}

/// A notice an item already holds: issuing it again would duplicate it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The unit it went to.
    pub recipient: String,
    /// Which notice.
    pub kind: NoticeKind,
    /// Its number as recorded.
    pub number: String,
    /// The item holding it: ledger id and item id.
    pub ledger: String,
    /// The item's id.
    pub item: String,
}

impl std::fmt::Display for Duplicate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "今天已向 {} 发过{}({},含事项 {}/{})",
            sanitize(&self.recipient),
            self.kind.label(),
            sanitize(&self.number),
            sanitize(&self.ledger),
            sanitize(&self.item)
        )
    }
}

/// The notice of `kind` to `recipient` dated `today` that `item` (of ledger `ledger`)
/// already holds, if any.
pub fn duplicate_of(
    ledger: &str,
    item: &Item,
    kind: NoticeKind,
    recipient: &str,
    today: NaiveDate,
) -> Option<Duplicate> {
    already_issued(item, kind, recipient, today).map(|number| Duplicate {
        recipient: recipient.to_string(),
        kind,
        number,
        ledger: ledger.to_string(),
        item: item.id.clone(),
    })
}

/// Why notices were not issued (nothing was written).
#[derive(Debug, thiserror::Error)]
pub enum IssueError {
    /// No open, lit item in the scope.
    #[error("没有需要发出的通知单{scope}:没有亮灯的在办事项")]
    Nothing {
        /// The scope in words ([`Scope::describe`]).
        scope: String,
    },
    /// An item already holds this notice (issue again to send it anyway).
    #[error("{0}")]
    Duplicate(Duplicate),
    /// The workspace could not be read, locked or saved.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// A notice file could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A notice could not be laid out in its format.
    #[error("{0}")]
    Render(String),
}

/// Plan the notices over the items of `ledgers` in `scope`, assessed at `today`, and
/// number them from `settings` (taking the numbers: pass a clone to preview).
pub fn prepare(
    ledgers: &[&Ledger],
    rules: &WarningRules,
    calendar: &WorkCalendar,
    today: NaiveDate,
    scope: &Scope,
    settings: &mut NoticeSettings,
) -> Result<Vec<Prepared>, IssueError> {
    let chosen = ledgers
        .iter()
        .copied()
        .filter(|l| scope.ledger.as_deref().is_none_or(|id| id == l.id));
    let mut entries: Vec<Entry> = assess_ledgers(chosen, rules, calendar, today);
    entries.retain(|e| scope.takes(&e.ledger.id, &e.item.id));
    let plans = plan(&entries, scope.unit.as_deref(), scope.kind);
    if plans.is_empty() {
        return Err(IssueError::Nothing {
            scope: scope.describe(),
        });
    }
    let reply_by = calendar
        .add_working_days(today, settings.reply_days)
        .unwrap_or(today);
    Ok(plans
        .iter()
        .map(|p| {
            let number = settings.take(p.kind, today.year());
            let text = NoticeText::new(p, &entries, number, today, reply_by, settings);
            let items = p
                .entries
                .iter()
                .map(|&i| (entries[i].ledger.id.clone(), entries[i].item.id.clone()))
                .collect();
            Prepared { text, items }
        })
        .collect())
}

/// The first notice of `notices` one of its items already holds, looking items up with
/// `find(ledger id, item id)`.
pub fn first_duplicate<'a>(
    notices: &[Prepared],
    find: impl Fn(&str, &str) -> Option<&'a Item>,
    today: NaiveDate,
) -> Option<Duplicate> {
    notices.iter().find_map(|notice| {
        notice.items.iter().find_map(|(ledger, id)| {
            let item = find(ledger, id)?;
            duplicate_of(
                ledger,
                item,
                notice.text.kind,
                &notice.text.recipient,
                today,
            )
        })
    })
}

/// Record each notice on its items in `workspace` (kind, number, date, recipient).
pub fn record(workspace: &mut crate::storage::Workspace, notices: &[Prepared]) {
    for notice in notices {
        for (ledger, id) in &notice.items {
            if let Some(item) = workspace
                .ledger_mut(ledger)
                .and_then(|l| l.ledger.item_mut(id))
            {
                item.notices.push(crate::domain::Notice {
                    kind: notice.text.kind,
                    date: notice.text.date,
                    recipient: notice.text.recipient.clone(),
                    number: Some(notice.text.number.clone()),
                });
            }
        }
    }
}
