//! Resolving conflicts: fields that someone else changed to a different value while this
//! user changed them too. The file keeps theirs until the user chooses; the popup lists
//! every conflict and is closed only by a decision, so nothing is dropped unseen.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::Message;
use crate::domain::edit::Field;

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
