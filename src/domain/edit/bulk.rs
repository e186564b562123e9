//! Edits addressed to items of a ledger: one item, or several as one step. Items are edited
//! as copies and written back only when every edit was accepted, so a refusal changes
//! nothing and the ledger itself is never copied.

use chrono::NaiveDateTime;
use thiserror::Error;

use super::super::deadline;
use super::super::item::Item;
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

/// Apply `edit` to `item` of `ledger` (a copy being edited): milestone indexes are checked
/// against the schedule of the item's governing deadline text, an event date is only
/// recorded for a deadline counted from an event, and an extension of an item
/// that follows the ledger's deadline records that text as the original.
fn apply_checked(
    ledger: &Ledger,
    item: &mut Item,
    edit: &Edit,
    who: &str,
    at: NaiveDateTime,
) -> Result<ItemChange, EditError> {
    let governing = ledger.deadline_text_of(item).to_string();
    if let Edit::MarkMilestone { index, .. } | Edit::UnmarkMilestone { index } = edit {
        let count = deadline::parse(&governing, ledger.base_year)
            .milestones
            .len();
        if *index >= count {
            return Err(EditError::OutOfRange {
                what: "节点",
                number: index + 1,
                count,
            });
        }
    }
    if let Edit::SetEventDate { date: Some(_) } = edit {
        counts_from_event(&governing, ledger.base_year)?;
    }
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

/// Refuse an event date for a deadline that does not count from an event: it would be
/// recorded and never used.
pub fn counts_from_event(text: &str, base_year: i32) -> Result<(), EditError> {
    if deadline::parse(text, base_year).relative.is_some() {
        return Ok(());
    }
    Err(EditError::NotAllowed(format!(
        "期限“{}”不是从某一事件起算的期限(如“收到通知后10个工作日内”“立行立改”),无需登记事件日期",
        crate::text::sanitize(text.trim())
    )))
}

/// Apply `edit` to the item `item_id` of `ledger` (see [`plan_bulk`] for the checks).
pub fn apply_in_ledger(
    ledger: &mut Ledger,
    item_id: &str,
    edit: &Edit,
    who: &str,
    at: NaiveDateTime,
) -> Result<ItemChange, EditError> {
    let mut item = ledger
        .item(item_id)
        .cloned()
        .ok_or_else(|| EditError::NoSuchItem(item_id.to_string()))?;
    let change = apply_checked(ledger, &mut item, edit, who, at)?;
    if let Some(slot) = ledger.item_mut(item_id) {
        *slot = item;
    }
    Ok(change)
}

/// What `edits`, in order, would do to each of the items `item_ids` of `ledger`, without
/// changing it: one [`ItemChange`] per item that would change (before the first edit,
/// after the last). An item for which an edit would change nothing (it already has the
/// status …) is skipped for that edit; any other refusal names the item.
pub fn plan_bulk(
    ledger: &Ledger,
    item_ids: &[String],
    edits: &[Edit],
    who: &str,
    at: NaiveDateTime,
) -> Result<Vec<ItemChange>, BulkError> {
    let mut changes: Vec<ItemChange> = Vec::new();
    let mut last_no_change = None;
    for id in item_ids {
        if changes.iter().any(|c| &c.item_id == id) {
            continue;
        }
        let before = ledger.item(id).cloned().ok_or_else(|| BulkError {
            item_id: id.clone(),
            error: EditError::NoSuchItem(id.clone()),
        })?;
        let mut work = before.clone();
        for edit in edits {
            match apply_checked(ledger, &mut work, edit, who, at) {
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
        if work != before {
            changes.push(ItemChange {
                item_id: id.clone(),
                before,
                after: work,
            });
        }
    }
    if changes.is_empty() {
        let (item_id, error) = last_no_change
            .unwrap_or_else(|| (String::new(), EditError::NoChange("没有选中事项".into())));
        return Err(BulkError { item_id, error });
    }
    Ok(changes)
}

/// What `edits` — each addressed to its own item, `(item id, edit)`, in order — would do to
/// `ledger`, without changing it: one [`ItemChange`] per item that would change (before its
/// first edit, after its last), in the order the items first appear. An edit that would
/// change nothing (the status is already the one asked for) is skipped; any other refusal
/// names the item and nothing is planned. Used to take back a returned sheet, where every
/// row brings its own notes and status.
pub fn plan_each(
    ledger: &Ledger,
    edits: &[(String, Edit)],
    who: &str,
    at: NaiveDateTime,
) -> Result<Vec<ItemChange>, BulkError> {
    let mut order: Vec<&str> = Vec::new();
    for (id, _) in edits {
        if !order.contains(&id.as_str()) {
            order.push(id);
        }
    }
    let mut changes = Vec::new();
    for id in order {
        let before = ledger.item(id).cloned().ok_or_else(|| BulkError {
            item_id: id.to_string(),
            error: EditError::NoSuchItem(id.to_string()),
        })?;
        let mut work = before.clone();
        for (_, edit) in edits.iter().filter(|(target, _)| target == id) {
            match apply_checked(ledger, &mut work, edit, who, at) {
                Ok(_) | Err(EditError::NoChange(_)) => {}
                Err(error) => {
                    return Err(BulkError {
                        item_id: id.to_string(),
                        error,
                    });
                }
            }
        }
        if work != before {
            changes.push(ItemChange {
                item_id: id.to_string(),
                before,
                after: work,
            });
        }
    }
    Ok(changes)
}

/// Write planned changes into `ledger`.
pub fn commit(ledger: &mut Ledger, changes: &[ItemChange]) {
    for change in changes {
        if let Some(slot) = ledger.item_mut(&change.item_id) {
            *slot = change.after.clone();
        }
    }
}

/// Apply `edits` in order to each of the items `item_ids` of `ledger`, all or nothing
/// ([`plan_bulk`] then [`commit`]).
pub fn apply_bulk(
    ledger: &mut Ledger,
    item_ids: &[String],
    edits: &[Edit],
    who: &str,
    at: NaiveDateTime,
) -> Result<Vec<ItemChange>, BulkError> {
    let changes = plan_bulk(ledger, item_ids, edits, who, at)?;
    commit(ledger, &changes);
    Ok(changes)
}
