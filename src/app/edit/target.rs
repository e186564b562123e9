//! Applying a form's edits to the item(s) it was opened for, as one undo step.

use chrono::NaiveDateTime;

use super::history::{Change, LedgerSet, Step};
use crate::domain::edit::{BulkError, Edit, EditError, commit, plan_bulk};

/// One item addressed by an edit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Target {
    /// The ledger's id.
    pub ledger_id: String,
    /// The item's id in that ledger.
    pub item_id: String,
}

impl Target {
    /// The item `item_id` of the ledger `ledger_id`.
    pub fn new(ledger_id: &str, item_id: &str) -> Self {
        Self {
            ledger_id: ledger_id.to_string(),
            item_id: item_id.to_string(),
        }
    }
}

/// Apply `edits` in order to every target (possibly in several ledgers), all or nothing,
/// and return the step to record in the history. On a refusal no ledger is changed.
pub fn apply_to_targets(
    ledgers: &mut impl LedgerSet,
    targets: &[Target],
    edits: &[Edit],
    who: &str,
    at: NaiveDateTime,
) -> Result<Step, BulkError> {
    let mut ledger_ids: Vec<&str> = Vec::new();
    for t in targets {
        if !ledger_ids.contains(&t.ledger_id.as_str()) {
            ledger_ids.push(&t.ledger_id);
        }
    }
    let mut planned = Vec::new();
    for ledger_id in ledger_ids {
        let ledger = ledgers.ledger(ledger_id).ok_or_else(|| BulkError {
            item_id: String::new(),
            error: EditError::NotAllowed(format!("找不到台账 {ledger_id}")),
        })?;
        let ids: Vec<String> = targets
            .iter()
            .filter(|t| t.ledger_id == ledger_id)
            .map(|t| t.item_id.clone())
            .collect();
        match plan_bulk(ledger, &ids, edits, who, at) {
            Ok(item_changes) => planned.push((ledger_id.to_string(), item_changes)),
            // With several ledgers, one where nothing changes is not a failure.
            Err(BulkError {
                error: EditError::NoChange(_),
                ..
            }) if targets.len() > ids.len() => {}
            Err(e) => return Err(e),
        }
    }
    if planned.is_empty() {
        return Err(BulkError {
            item_id: String::new(),
            error: EditError::NoChange("没有需要修改的事项".into()),
        });
    }
    // Every ledger accepted: write the changes.
    let mut changes = Vec::new();
    for (ledger_id, item_changes) in planned {
        if let Some(ledger) = ledgers.ledger_mut(&ledger_id) {
            commit(ledger, &item_changes);
        }
        changes.extend(item_changes.into_iter().map(|change| Change {
            ledger_id: ledger_id.clone(),
            change,
        }));
    }
    let label = match (edits.first(), changes.len()) {
        (Some(e), 1) => e.describe(),
        (Some(e), n) => format!("{}({n} 项)", e.describe()),
        (None, _) => String::new(),
    };
    Ok(Step { label, changes })
}
