//! The session's undo/redo history. A step is one user action (possibly on several items);
//! undoing or redoing it is itself an edit of only the fields that step changed, replayed
//! onto the ledgers as they are now — so someone else's concurrent changes survive.

use chrono::NaiveDateTime;

use super::target::Target;
use crate::domain::Ledger;
use crate::domain::edit::{FieldConflict, ItemChange, transition};
use crate::storage::LoadedLedger;

/// How many steps are kept.
pub const HISTORY_LIMIT: usize = 200;

/// Ledgers the history can read and change by id (the TUI's loaded workspace).
pub trait LedgerSet {
    /// The ledger with this id.
    fn ledger(&self, id: &str) -> Option<&Ledger>;
    /// The ledger with this id, mutably.
    fn ledger_mut(&mut self, id: &str) -> Option<&mut Ledger>;
    /// The ledger with this id as loaded from disk (with its fingerprint), when the set
    /// keeps that; the base of a later three-way merge.
    fn snapshot(&self, id: &str) -> Option<LoadedLedger> {
        let _ = id;
        None
    }
}

impl LedgerSet for Vec<Ledger> {
    fn ledger(&self, id: &str) -> Option<&Ledger> {
        self.iter().find(|l| l.id == id)
    }
    fn ledger_mut(&mut self, id: &str) -> Option<&mut Ledger> {
        self.iter_mut().find(|l| l.id == id)
    }
}

impl LedgerSet for Vec<LoadedLedger> {
    fn ledger(&self, id: &str) -> Option<&Ledger> {
        self.iter().map(|l| &l.ledger).find(|l| l.id == id)
    }
    fn ledger_mut(&mut self, id: &str) -> Option<&mut Ledger> {
        self.iter_mut().map(|l| &mut l.ledger).find(|l| l.id == id)
    }
    fn snapshot(&self, id: &str) -> Option<LoadedLedger> {
        self.iter().find(|l| l.ledger.id == id).cloned()
    }
}

/// One item's change within a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The ledger holding the item.
    pub ledger_id: String,
    /// The item before and after.
    pub change: ItemChange,
}

/// One undoable user action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// What it did, in words ("状态改为推进中(3 项)").
    pub label: String,
    /// The items it changed.
    pub changes: Vec<Change>,
}

impl Step {
    /// The items the step changed.
    pub fn targets(&self) -> Vec<Target> {
        self.changes
            .iter()
            .map(|c| Target::new(&c.ledger_id, &c.change.item_id))
            .collect()
    }

    /// The ledgers the step touched (each to be saved), without repeats.
    pub fn ledger_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for c in &self.changes {
            if !ids.contains(&c.ledger_id) {
                ids.push(c.ledger_id.clone());
            }
        }
        ids
    }
}

/// What an undo or redo did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Replay {
    /// The step's label.
    pub label: String,
    /// The ledgers changed (to be saved).
    pub ledger_ids: Vec<String>,
    /// The items changed.
    pub items: Vec<Target>,
    /// Fields left alone because someone else changed them since (ledger id, conflict).
    pub conflicts: Vec<(String, FieldConflict)>,
    /// Items that no longer exist.
    pub missing: Vec<Target>,
}

/// The undo and redo stacks of a session.
#[derive(Debug, Clone, Default)]
pub struct EditHistory {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl EditHistory {
    /// An empty history.
    pub fn new() -> Self {
        Self::default()
    }

    /// Record a step just done (clears the redo stack).
    pub fn record(&mut self, step: Step) {
        self.undo.push(step);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The label of the step `undo` would undo.
    pub fn next_undo(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// The label of the step `redo` would redo.
    pub fn next_redo(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// The ledgers `undo` would change.
    pub fn next_undo_ledgers(&self) -> Vec<String> {
        self.undo.last().map(Step::ledger_ids).unwrap_or_default()
    }

    /// The ledgers `redo` would change.
    pub fn next_redo_ledgers(&self) -> Vec<String> {
        self.redo.last().map(Step::ledger_ids).unwrap_or_default()
    }

    /// Undo the last step on `ledgers` as `who` at `at`; None when there is nothing to undo.
    pub fn undo(
        &mut self,
        ledgers: &mut impl LedgerSet,
        who: &str,
        at: NaiveDateTime,
    ) -> Option<Replay> {
        let step = self.undo.pop()?;
        let replay = replay(&step, ledgers, who, at, true);
        self.redo.push(step);
        Some(replay)
    }

    /// Redo the last undone step; None when there is nothing to redo.
    pub fn redo(
        &mut self,
        ledgers: &mut impl LedgerSet,
        who: &str,
        at: NaiveDateTime,
    ) -> Option<Replay> {
        let step = self.redo.pop()?;
        let replay = replay(&step, ledgers, who, at, false);
        self.undo.push(step);
        Some(replay)
    }
}

fn replay(
    step: &Step,
    ledgers: &mut impl LedgerSet,
    who: &str,
    at: NaiveDateTime,
    backwards: bool,
) -> Replay {
    let mut out = Replay {
        label: step.label.clone(),
        ..Replay::default()
    };
    let changes: Box<dyn Iterator<Item = &Change>> = if backwards {
        Box::new(step.changes.iter().rev())
    } else {
        Box::new(step.changes.iter())
    };
    for c in changes {
        let (from, to) = if backwards {
            (&c.change.after, &c.change.before)
        } else {
            (&c.change.before, &c.change.after)
        };
        let item = ledgers
            .ledger_mut(&c.ledger_id)
            .and_then(|l| l.item_mut(&c.change.item_id));
        let Some(item) = item else {
            out.missing
                .push(Target::new(&c.ledger_id, &c.change.item_id));
            continue;
        };
        let t = transition(item, from, to, who, at);
        if !t.changed.is_empty() {
            out.items.push(Target::new(&c.ledger_id, &c.change.item_id));
            if !out.ledger_ids.contains(&c.ledger_id) {
                out.ledger_ids.push(c.ledger_id.clone());
            }
        }
        out.conflicts
            .extend(t.conflicts.into_iter().map(|x| (c.ledger_id.clone(), x)));
    }
    out
}
