//! Replay a change onto the item as it is now: the heart of undo and redo.
//!
//! Undo is itself an edit of exactly the fields the undone change touched: a field is set
//! back only if nobody changed it since; list fields (progress, notices, extensions,
//! milestones) lose or regain only the entries the change added or removed. A field that
//! someone else changed in the meantime is reported as a conflict and left as it is.

use chrono::NaiveDateTime;

use super::super::item::{AuditEntry, Item};
use super::Field;

/// A field that could not be replayed because it no longer holds the expected value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldConflict {
    /// The item's id.
    pub item_id: String,
    /// The field.
    pub field: Field,
    /// What it holds now (someone else's value), in words.
    pub found: String,
    /// What the replay wanted to set, in words.
    pub wanted: String,
}

/// What a replay did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Transition {
    /// The fields that were changed.
    pub changed: Vec<Field>,
    /// The fields left alone because someone else changed them.
    pub conflicts: Vec<FieldConflict>,
}

/// Move `current` from the state `from` towards the state `to`, field by field, recording an
/// audit entry (as `who` at `at`) for every audited field it changes.
///
/// Undo is `transition(current, after, before, ..)`, redo `transition(current, before, after, ..)`.
pub fn transition(
    current: &mut Item,
    from: &Item,
    to: &Item,
    who: &str,
    at: NaiveDateTime,
) -> Transition {
    let start = current.clone();
    let mut outcome = Transition::default();
    for field in Field::changed(from, to) {
        if field.is_list() {
            replay_list(current, from, to, field);
        } else if field.same(current, from) {
            field.copy(current, to);
        } else if !field.same(current, to) {
            outcome.conflicts.push(FieldConflict {
                item_id: current.id.clone(),
                field,
                found: field.display(current),
                wanted: field.display(to),
            });
        }
        if !field.same(current, &start) {
            outcome.changed.push(field);
            if field.is_audited() {
                current.history.push(AuditEntry {
                    at,
                    author: who.to_string(),
                    field: field.key().to_string(),
                    from: field.display(&start),
                    to: field.display(current),
                });
            }
        }
    }
    outcome
}

fn replay_list(current: &mut Item, from: &Item, to: &Item, field: Field) {
    match field {
        Field::Progress => replay_entries(&mut current.progress, &from.progress, &to.progress),
        Field::Notices => replay_entries(&mut current.notices, &from.notices, &to.notices),
        Field::Instructions => replay_entries(
            &mut current.instructions,
            &from.instructions,
            &to.instructions,
        ),
        Field::Submissions => {
            replay_entries(&mut current.submitted, &from.submitted, &to.submitted)
        }
        Field::Extensions => {
            replay_entries(&mut current.extensions, &from.extensions, &to.extensions)
        }
        Field::Milestones => {
            replay_entries(
                &mut current.milestones_met,
                &from.milestones_met,
                &to.milestones_met,
            );
            current.milestones_met.sort_by_key(|m| m.index);
        }
        other => other.copy(current, to),
    }
}

/// Remove from `current` the entries `from` has and `to` lacks; append those `to` has and
/// `from` lacks (unless `current` already holds as many as `to`). Entries are counted as a
/// multiset, so two identical notes stay two notes.
fn replay_entries<T: PartialEq + Clone>(current: &mut Vec<T>, from: &[T], to: &[T]) {
    for gone in minus(from, to) {
        if let Some(pos) = current.iter().position(|c| *c == gone) {
            current.remove(pos);
        }
    }
    for new in minus(to, from) {
        let have = current.iter().filter(|c| **c == new).count();
        let want = to.iter().filter(|c| **c == new).count();
        if have < want {
            current.push(new);
        }
    }
}

/// The entries of `a` not matched one-to-one by entries of `b`.
fn minus<T: PartialEq + Clone>(a: &[T], b: &[T]) -> Vec<T> {
    let mut unmatched: Vec<&T> = b.iter().collect();
    let mut out = Vec::new();
    for x in a {
        match unmatched.iter().position(|y| *y == x) {
            Some(p) => {
                unmatched.remove(p);
            }
            None => out.push(x.clone()),
        }
    }
    out
}
