//! Edits addressed to items of a ledger: one item, or several as one step.

use chrono::NaiveDateTime;
use thiserror::Error;

use super::super::deadline;
use super::super::ledger::Ledger;
use super::{Edit, EditError, ItemChange, apply};

/// A bulk edit refused because of one item; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{item_id}: {error}")]
pub struct BulkError {
    /// The item that refused the edit (empty when the refusal is about the whole set).
    pub item_id: String,
    /// Why.
    pub error: EditError,
}

/// Apply `edit` to the item `item_id` of `ledger`, checking milestone indexes against the
/// schedule its governing deadline text reads as.
pub fn apply_in_ledger(
    ledger: &mut Ledger,
    item_id: &str,
    edit: &Edit,
    who: &str,
    at: NaiveDateTime,
) -> Result<ItemChange, EditError> {
    let item = ledger
        .item(item_id)
        .ok_or_else(|| EditError::NoSuchItem(item_id.to_string()))?;
    if let Edit::MarkMilestone { index, .. } | Edit::UnmarkMilestone { index } = edit {
        let schedule = deadline::parse(ledger.deadline_text_of(item), ledger.base_year);
        let count = schedule.milestones.len();
        if *index >= count {
            return Err(EditError::OutOfRange {
                what: "节点",
                number: index + 1,
                count,
            });
        }
    }
    // An item without a deadline of its own follows the ledger's: that is what is extended.
    let governing = ledger.deadline_text_of(item).to_string();
    let item = ledger
        .item_mut(item_id)
        .ok_or_else(|| EditError::NoSuchItem(item_id.to_string()))?;
    let mut change = apply(item, edit, who, at)?;
    if let Edit::AddExtension { .. } = edit
        && let Some(ext) = item.extensions.last_mut()
        && ext.original.is_empty()
    {
        ext.original = governing;
        change.after = item.clone();
    }
    Ok(change)
}

/// Apply `edits` in order to each of the items `item_ids` of `ledger`, all or nothing.
///
/// Returns one [`ItemChange`] per item that changed (before the first edit, after the last).
/// An item for which an edit would change nothing (e.g. it already has the status) is
/// skipped for that edit; any other refusal leaves the ledger untouched and names the item.
pub fn apply_bulk(
    ledger: &mut Ledger,
    item_ids: &[String],
    edits: &[Edit],
    who: &str,
    at: NaiveDateTime,
) -> Result<Vec<ItemChange>, BulkError> {
    let mut work = ledger.clone();
    let mut changes = Vec::new();
    let mut last_no_change = None;
    for id in item_ids {
        let before = work.item(id).cloned().ok_or_else(|| BulkError {
            item_id: id.clone(),
            error: EditError::NoSuchItem(id.clone()),
        })?;
        for edit in edits {
            match apply_in_ledger(&mut work, id, edit, who, at) {
                Ok(_) => {}
                Err(e @ EditError::NoChange(_)) => last_no_change = Some((id.clone(), e)),
                Err(error) => {
                    return Err(BulkError {
                        item_id: id.clone(),
                        error,
                    });
                }
            }
        }
        let after = work.item(id).cloned().unwrap_or_else(|| before.clone());
        if after != before {
            changes.push(ItemChange {
                item_id: id.clone(),
                before,
                after,
            });
        }
    }
    if changes.is_empty() {
        let (item_id, error) = last_no_change
            .unwrap_or_else(|| (String::new(), EditError::NoChange("没有选中事项".into())));
        return Err(BulkError { item_id, error });
    }
    *ledger = work;
    Ok(changes)
}
