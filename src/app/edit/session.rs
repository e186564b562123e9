//! The editing part of the app state: marks, the open form, the conflict popup and the
//! undo/redo history — so the browsing state only holds one field for all of it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDateTime;
use ratatui::crossterm::event::KeyEvent;

use super::conflict::resolve_conflicts;
use super::history::{Change, EditHistory, LedgerSet, Replay, Step};
use super::naming::{NameQuestion, NameSetting};
use super::saving::{Prompt, SaveStatus};
use super::target::{Target, apply_to_targets};
use super::{ConflictEntry, ConflictOutcome, ConflictResolver, EditForm, FormOutcome};
use crate::domain::edit::{BulkError, Edit, EditError, commit, plan_each};
use crate::storage::LoadedLedger;

/// A form open on its target items.
#[derive(Debug, Clone)]
pub struct OpenForm {
    /// The form.
    pub form: EditForm,
    /// The items the edit goes to.
    pub targets: Vec<Target>,
}

/// What a key in a form led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormEvent {
    /// Still editing (or the input was refused in place).
    Editing,
    /// Closed without a change.
    Cancelled,
    /// Applied in memory as one undo step: these ledgers must be saved now.
    Applied {
        /// The step's label.
        label: String,
        /// The ledgers to save.
        ledger_ids: Vec<String>,
        /// The items changed.
        items: Vec<Target>,
    },
}

/// Everything editing adds to the app state.
#[derive(Debug, Clone, Default)]
pub struct EditSession {
    /// Who is editing (author of notes and audit entries).
    pub user: String,
    /// Items marked for a bulk edit.
    pub marks: BTreeSet<Target>,
    /// The open form, if any.
    pub form: Option<OpenForm>,
    /// The conflict popup, if conflicts wait for a decision.
    pub conflicts: Option<ConflictResolver>,
    /// Undo and redo.
    pub history: EditHistory,
    /// For each ledger changed in memory and not yet saved: the ledger as last loaded or
    /// saved, the base of the three-way merge when it is saved.
    pub bases: BTreeMap<String, LoadedLedger>,
    /// Which edits are not on disk yet, and why.
    pub saving: SaveStatus,
    /// A question waiting for y/n before something is dropped.
    pub prompt: Option<Prompt>,
    /// The question for the user's name, open before their first edit form.
    pub naming: Option<NameQuestion>,
    /// Whether to ask for a name and where to store it.
    pub naming_setting: NameSetting,
}

impl EditSession {
    /// A session for `user`.
    pub fn new(user: &str) -> Self {
        Self {
            user: user.to_string(),
            ..Self::default()
        }
    }

    /// Who edits, as recorded: the user's name, or 未署名 when none is known.
    pub fn who(&self) -> &str {
        match self.user.trim() {
            "" => "未署名",
            name => name,
        }
    }

    /// Whether a form or the conflict popup has the keyboard.
    pub fn is_active(&self) -> bool {
        self.form.is_some() || self.conflicts.is_some() || self.naming.is_some()
    }

    /// Mark or unmark an item for a bulk edit.
    pub fn toggle_mark(&mut self, target: Target) {
        if !self.marks.remove(&target) {
            self.marks.insert(target);
        }
    }

    /// The items an edit goes to: the marked ones, else the selected one.
    pub fn targets(&self, selected: Option<Target>) -> Vec<Target> {
        if self.marks.is_empty() {
            selected.into_iter().collect()
        } else {
            self.marks.iter().cloned().collect()
        }
    }

    /// Handle a key in the open form: apply its edits when submitted (a refusal stays in the
    /// form with its message). The caller saves the returned ledgers.
    pub fn form_key(
        &mut self,
        key: &KeyEvent,
        ledgers: &mut impl LedgerSet,
        at: NaiveDateTime,
    ) -> FormEvent {
        let who = self.who().to_string();
        let Some(open) = &mut self.form else {
            return FormEvent::Editing;
        };
        match open.form.handle_key(key) {
            FormOutcome::Continue => FormEvent::Editing,
            // Typed text is never dropped without asking.
            FormOutcome::Cancel if open.form.has_input() => {
                self.prompt = Some(Prompt::DiscardInput { then_quit: false });
                FormEvent::Editing
            }
            FormOutcome::Cancel => {
                self.form = None;
                FormEvent::Cancelled
            }
            FormOutcome::Submit(edits) => {
                let ids: Vec<String> = open.targets.iter().map(|t| t.ledger_id.clone()).collect();
                remember(&mut self.bases, ledgers, &ids);
                match apply_to_targets(ledgers, &open.targets, &edits, &who, at) {
                    Ok(step) => {
                        let event = applied(&step);
                        self.history.record(step);
                        self.form = None;
                        self.marks.clear();
                        event
                    }
                    Err(e) => {
                        let text = if open.targets.len() > 1 && !e.item_id.is_empty() {
                            e.to_string()
                        } else {
                            e.error.to_string()
                        };
                        open.form.refuse(text);
                        FormEvent::Editing
                    }
                }
            }
        }
    }

    /// Apply edits each addressed to its own item of the ledger `ledger_id` (a returned
    /// sheet's notes and statuses), all or nothing, as one undo step labelled `label`.
    /// Returns the items changed (their ledger is to be saved).
    pub fn apply_each(
        &mut self,
        ledgers: &mut impl LedgerSet,
        ledger_id: &str,
        edits: &[(String, Edit)],
        label: String,
        at: NaiveDateTime,
    ) -> Result<Vec<Target>, BulkError> {
        let who = self.who().to_string();
        let ledger = ledgers.ledger(ledger_id).ok_or_else(|| BulkError {
            item_id: String::new(),
            error: EditError::NotAllowed(format!("找不到台账 {ledger_id}")),
        })?;
        let item_changes = plan_each(ledger, edits, &who, at)?;
        remember(&mut self.bases, ledgers, &[ledger_id.to_string()]);
        if let Some(ledger) = ledgers.ledger_mut(ledger_id) {
            commit(ledger, &item_changes);
        }
        let step = Step {
            label,
            changes: item_changes
                .into_iter()
                .map(|change| Change {
                    ledger_id: ledger_id.to_string(),
                    change,
                })
                .collect(),
        };
        let items = step.targets();
        if !items.is_empty() {
            self.history.record(step);
        }
        Ok(items)
    }

    /// Insert pasted text into the open form.
    pub fn form_paste(&mut self, text: &str) {
        if let Some(question) = &mut self.naming {
            question.input.insert_str(text);
        } else if let Some(open) = &mut self.form {
            open.form.paste(text);
        }
    }

    /// Handle a key in the conflict popup. Once the user confirms, the values they chose to
    /// keep are written back as one undoable step; returns the items changed then.
    pub fn conflict_key(
        &mut self,
        key: &KeyEvent,
        ledgers: &mut impl LedgerSet,
        at: NaiveDateTime,
    ) -> Option<Vec<Target>> {
        let resolver = self.conflicts.as_mut()?;
        match resolver.handle_key(key) {
            ConflictOutcome::Continue => None,
            ConflictOutcome::Resolved(entries) => {
                self.conflicts = None;
                let ids: Vec<String> = entries.iter().map(|e| e.ledger_id.clone()).collect();
                remember(&mut self.bases, ledgers, &ids);
                let step = resolve_conflicts(&entries, ledgers, self.who(), at)?;
                let items = step.targets();
                self.history.record(step);
                Some(items)
            }
        }
    }

    /// Show conflicts (added to any already shown).
    pub fn show_conflicts(&mut self, entries: Vec<ConflictEntry>) {
        match &mut self.conflicts {
            Some(r) => r.extend(entries),
            None => self.conflicts = ConflictResolver::new(entries),
        }
    }

    /// Undo the last step (the caller saves `Replay::ledger_ids`).
    pub fn undo(&mut self, ledgers: &mut impl LedgerSet, at: NaiveDateTime) -> Option<Replay> {
        remember(&mut self.bases, ledgers, &self.history.next_undo_ledgers());
        let who = self.who().to_string();
        self.history.undo(ledgers, &who, at)
    }

    /// Redo the last undone step.
    pub fn redo(&mut self, ledgers: &mut impl LedgerSet, at: NaiveDateTime) -> Option<Replay> {
        remember(&mut self.bases, ledgers, &self.history.next_redo_ledgers());
        let who = self.who().to_string();
        self.history.redo(ledgers, &who, at)
    }

    /// The base to merge against when saving `ledger_id` (None: the ledger in the set is
    /// unchanged since it was loaded, so it is its own base).
    pub fn base(&self, ledger_id: &str) -> Option<&LoadedLedger> {
        self.bases.get(ledger_id)
    }

    /// The ledger was saved (or reloaded): the file and memory agree again.
    pub fn saved(&mut self, ledger_id: &str) {
        self.bases.remove(ledger_id);
    }
}

/// Keep the as-loaded version of each ledger about to change (once: the first change after a
/// save is the one that differs from the file).
fn remember(bases: &mut BTreeMap<String, LoadedLedger>, ledgers: &impl LedgerSet, ids: &[String]) {
    for id in ids {
        if !bases.contains_key(id)
            && let Some(snapshot) = ledgers.snapshot(id)
        {
            bases.insert(id.clone(), snapshot);
        }
    }
}

fn applied(step: &Step) -> FormEvent {
    FormEvent::Applied {
        label: step.label.clone(),
        ledger_ids: step.ledger_ids(),
        items: step.targets(),
    }
}
