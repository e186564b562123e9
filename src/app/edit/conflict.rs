//! Resolving conflicts: fields that someone else changed to a different value while this
//! user changed them too. The file keeps theirs until the user chooses; the popup lists
//! every conflict and is closed only by a decision, so nothing is dropped unseen.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use chrono::NaiveDateTime;

use super::Message;
use super::history::{Change, LedgerSet, Step};
use crate::domain::edit::{Field, ItemChange};
use crate::domain::{AuditEntry, Item};

/// One conflicting field of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictEntry {
    /// The ledger holding the item.
    pub ledger_id: String,
    /// The item's id.
    pub item_id: String,
    /// The item as shown to the user (number and title).
    pub item_label: String,
    /// The field.
    pub field: Field,
    /// This user's value, in words.
    pub mine: String,
    /// The other writer's value (now on disk), in words.
    pub theirs: String,
    /// The user's choice: true to write theirs over with mine.
    pub keep_mine: bool,
    /// This user's version of the item (the value is copied from it when mine is kept).
    pub mine_item: Item,
}

/// What the conflict popup wants after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictOutcome {
    /// Still choosing.
    Continue,
    /// Decided: these entries (all of them, each with its choice).
    Resolved(Vec<ConflictEntry>),
}

/// The conflict popup's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictResolver {
    /// The conflicts, each with the current choice (theirs by default: it is on disk).
    pub entries: Vec<ConflictEntry>,
    /// The highlighted conflict.
    pub highlighted: usize,
    /// A hint shown in place.
    pub message: Option<Message>,
}

impl ConflictResolver {
    /// A resolver for `entries` (None when there are none).
    pub fn new(entries: Vec<ConflictEntry>) -> Option<Self> {
        (!entries.is_empty()).then_some(Self {
            entries,
            highlighted: 0,
            message: None,
        })
    }

    /// Add conflicts that arrived while the popup was open.
    pub fn extend(&mut self, more: Vec<ConflictEntry>) {
        self.entries.extend(more);
    }

    /// Handle a key: ↑/↓ choose a conflict, `1`/`m` keep mine, `2`/`t` keep theirs, `a`
    /// toggles all, Enter confirms. Esc does not dismiss: it says a choice is needed.
    pub fn handle_key(&mut self, key: &KeyEvent) -> ConflictOutcome {
        let n = self.entries.len().max(1);
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.highlighted = (self.highlighted + n - 1) % n,
            KeyCode::Down | KeyCode::Char('j') => self.highlighted = (self.highlighted + 1) % n,
            KeyCode::Char('1') | KeyCode::Char('m') => self.choose(true),
            KeyCode::Char('2') | KeyCode::Char('t') => self.choose(false),
            KeyCode::Char('a') => {
                let all_mine = self.entries.iter().all(|e| e.keep_mine);
                self.entries
                    .iter_mut()
                    .for_each(|e| e.keep_mine = !all_mine);
            }
            KeyCode::Enter => return ConflictOutcome::Resolved(self.entries.clone()),
            KeyCode::Esc => {
                self.message = Some(Message::warning(
                    "冲突需要处理:选择保留哪一方后按 Enter 确认".to_string(),
                ));
            }
            _ => {}
        }
        ConflictOutcome::Continue
    }

    fn choose(&mut self, mine: bool) {
        if let Some(e) = self.entries.get_mut(self.highlighted) {
            e.keep_mine = mine;
            self.message = None;
            if self.highlighted + 1 < self.entries.len() {
                self.highlighted += 1;
            }
        }
    }
}

/// Write the user's value back for every conflict decided "mine", as one undoable step
/// with audit entries; None when theirs was kept everywhere (nothing to save).
pub fn resolve_conflicts(
    entries: &[ConflictEntry],
    ledgers: &mut impl LedgerSet,
    who: &str,
    at: NaiveDateTime,
) -> Option<Step> {
    let mut changes: Vec<Change> = Vec::new();
    for e in entries.iter().filter(|e| e.keep_mine) {
        let Some(item) = ledgers
            .ledger_mut(&e.ledger_id)
            .and_then(|l| l.item_mut(&e.item_id))
        else {
            continue;
        };
        if e.field.same(item, &e.mine_item) {
            continue;
        }
        let before = item.clone();
        e.field.copy(item, &e.mine_item);
        item.history.push(AuditEntry {
            at,
            author: who.to_string(),
            field: e.field.key().to_string(),
            from: e.field.display(&before),
            to: e.field.display(item),
        });
        let after = item.clone();
        // Several fields of one item form one change (before the first, after the last).
        match changes
            .iter_mut()
            .find(|c| c.ledger_id == e.ledger_id && c.change.item_id == e.item_id)
        {
            Some(c) => c.change.after = after,
            None => changes.push(Change {
                ledger_id: e.ledger_id.clone(),
                change: ItemChange {
                    item_id: e.item_id.clone(),
                    before,
                    after,
                },
            }),
        }
    }
    (!changes.is_empty()).then(|| Step {
        label: format!("冲突处理:保留我的修改({} 项)", changes.len()),
        changes,
    })
}
