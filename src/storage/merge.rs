//! Three-way merge of a ledger edited here ("ours") with the version another duban wrote
//! to disk meanwhile ("theirs"), both descended from the version loaded ("base").
//!
//! The rules, per item (matched by id; the n-th item with a repeated id matches the n-th):
//! - changed on one side only → that side's item;
//! - added on either side → kept (ours are placed after the item that precedes them in ours);
//! - deleted on one side and unchanged on the other → deleted; deleted on one side and
//!   changed on the other → the changed item is kept and a [`Conflict`] on `(删除)` is reported;
//! - changed on both sides → merged field by field:
//!   - the logs — `progress` (by date, author and text), `history`, `notices`, `extensions`,
//!     `milestones_met` — are merged as sets: entries added on either side are kept, entries
//!     removed on one side (an undo) are removed, order follows theirs then ours;
//!   - every other field changed on one side takes that side; changed identically on both
//!     sides is fine; changed differently on both sides is a [`Conflict`]: **the file keeps
//!     theirs** (what is already on disk, which another supervisor saw acknowledged) and the
//!     conflict carries ours, so the user can re-apply it. Nothing is dropped silently.
//!
//! Ledger-level fields (title, base year, kind, …) follow the same field rule.

use std::collections::HashMap;

use serde::Serialize;

use super::LoadedLedger;
use crate::domain::{Item, Ledger};

/// One field changed differently here and on disk; the disk's value ("theirs") was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The ledger id.
    pub ledger: String,
    /// The item id ("" for a ledger-level field).
    pub item: String,
    /// The field name (as in the file), or `(删除)` when one side deleted the item.
    pub field: String,
    /// Our value, as RON text (not saved: re-apply it if it should win).
    pub ours: String,
    /// Their value, as RON text (saved).
    pub theirs: String,
}

/// The result of a save that may have merged concurrent changes.
#[derive(Debug, Clone)]
pub struct MergeOutcome {
    /// The ledger as now on disk, with its new fingerprint (the next save's base).
    pub loaded: LoadedLedger,
    /// True when the file had been changed by someone else and a merge took place.
    pub merged: bool,
    /// Fields changed on both sides; theirs was kept for each.
    pub conflicts: Vec<Conflict>,
}

/// Merge `ours` and `theirs`, both descended from `base`. Returns the merged ledger and the
/// conflicts (for which theirs was kept).
pub fn merge_ledgers(base: &Ledger, ours: &Ledger, theirs: &Ledger) -> (Ledger, Vec<Conflict>) {
    let mut fields = FieldMerger {
        ledger: theirs.id.clone(),
        item: String::new(),
        conflicts: Vec::new(),
    };
    let items = merge_items(base, ours, theirs, &mut fields);
    fields.item.clear();
    let merged = Ledger {
        format: theirs.format.max(ours.format),
        id: theirs.id.clone(),
        title: fields.value("title", &base.title, &ours.title, &theirs.title),
        base_year: fields.value(
            "base_year",
            &base.base_year,
            &ours.base_year,
            &theirs.base_year,
        ),
        kind: fields.value("kind", &base.kind, &ours.kind, &theirs.kind),
        source: fields.value("source", &base.source, &ours.source, &theirs.source),
        closing_date: fields.value(
            "closing_date",
            &base.closing_date,
            &ours.closing_date,
            &theirs.closing_date,
        ),
        rectification: fields.value(
            "rectification",
            &base.rectification,
            &ours.rectification,
            &theirs.rectification,
        ),
        default_deadline: fields.value(
            "default_deadline",
            &base.default_deadline,
            &ours.default_deadline,
            &theirs.default_deadline,
        ),
        columns: fields.value("columns", &base.columns, &ours.columns, &theirs.columns),
        items,
    };
    (merged, fields.conflicts)
}

/// An item's identity in a ledger: its id and which occurrence of that id it is.
type ItemKey<'a> = (&'a str, usize);

fn keyed(items: &[Item]) -> Vec<(ItemKey<'_>, &Item)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    items
        .iter()
        .map(|item| {
            let n = seen.entry(item.id.as_str()).or_insert(0);
            *n += 1;
            ((item.id.as_str(), *n), item)
        })
        .collect()
}

fn merge_items(
    base: &Ledger,
    ours: &Ledger,
    theirs: &Ledger,
    fields: &mut FieldMerger,
) -> Vec<Item> {
    let base_items: HashMap<ItemKey, &Item> = keyed(&base.items).into_iter().collect();
    let ours_keyed = keyed(&ours.items);
    let ours_items: HashMap<ItemKey, &Item> = ours_keyed.iter().copied().collect();
    let theirs_keyed = keyed(&theirs.items);
    let theirs_keys: HashMap<ItemKey, ()> = theirs_keyed.iter().map(|(k, _)| (*k, ())).collect();

    let mut result: Vec<(ItemKey, Item)> = Vec::with_capacity(theirs.items.len());
    for (key, their_item) in &theirs_keyed {
        let merged = match (base_items.get(key), ours_items.get(key)) {
            (Some(b), Some(o)) => Some(merge_item(b, o, their_item, fields)),
            (Some(b), None) if *b == *their_item => None,
            (Some(_), None) => {
                fields.deleted_conflict(&their_item.id, "已删除", "已修改");
                Some((*their_item).clone())
            }
            (None, Some(o)) => Some(merge_item(&Item::default(), o, their_item, fields)),
            (None, None) => Some((*their_item).clone()),
        };
        if let Some(item) = merged {
            result.push((*key, item));
        }
    }
    for (index, (key, our_item)) in ours_keyed.iter().enumerate() {
        if theirs_keys.contains_key(key) {
            continue;
        }
        match base_items.get(key) {
            Some(b) if *b == *our_item => continue,
            Some(_) => fields.deleted_conflict(&our_item.id, "已修改", "已删除"),
            None => {}
        }
        let after = ours_keyed[..index]
            .iter()
            .rev()
            .find_map(|(prev, _)| result.iter().position(|(k, _)| k == prev));
        let at = after.map_or(0, |i| i + 1);
        result.insert(at, (*key, (*our_item).clone()));
    }
    result.into_iter().map(|(_, item)| item).collect()
}

fn merge_item(base: &Item, ours: &Item, theirs: &Item, f: &mut FieldMerger) -> Item {
    if ours == base || ours == theirs {
        return theirs.clone();
    }
    if theirs == base {
        return ours.clone();
    }
    f.item = theirs.id.clone();
    // A struct literal without `..`: a new Item field will not compile until it has a rule here.
    Item {
        id: theirs.id.clone(),
        number: f.value("number", &base.number, &ours.number, &theirs.number),
        category: f.value("category", &base.category, &ours.category, &theirs.category),
        goal: f.value("goal", &base.goal, &ours.goal, &theirs.goal),
        title: f.value("title", &base.title, &ours.title, &theirs.title),
        measures: f.value("measures", &base.measures, &ours.measures, &theirs.measures),
        deadline: f.value("deadline", &base.deadline, &ours.deadline, &theirs.deadline),
        due_override: f.value(
            "due_override",
            &base.due_override,
            &ours.due_override,
            &theirs.due_override,
        ),
        event_date: f.value(
            "event_date",
            &base.event_date,
            &ours.event_date,
            &theirs.event_date,
        ),
        lead_unit: f.value(
            "lead_unit",
            &base.lead_unit,
            &ours.lead_unit,
            &theirs.lead_unit,
        ),
        units: f.value("units", &base.units, &ours.units, &theirs.units),
        supervisors: f.value(
            "supervisors",
            &base.supervisors,
            &ours.supervisors,
            &theirs.supervisors,
        ),
        leader: f.value("leader", &base.leader, &ours.leader, &theirs.leader),
        status: f.value("status", &base.status, &ours.status, &theirs.status),
        suspend_reason: f.value(
            "suspend_reason",
            &base.suspend_reason,
            &ours.suspend_reason,
            &theirs.suspend_reason,
        ),
        done_on: f.value("done_on", &base.done_on, &ours.done_on, &theirs.done_on),
        progress: merge_log(&base.progress, &ours.progress, &theirs.progress),
        sub_measures: f.value(
            "sub_measures",
            &base.sub_measures,
            &ours.sub_measures,
            &theirs.sub_measures,
        ),
        milestones_met: merge_log(
            &base.milestones_met,
            &ours.milestones_met,
            &theirs.milestones_met,
        ),
        notices: merge_log(&base.notices, &ours.notices, &theirs.notices),
        instructions: merge_log(&base.instructions, &ours.instructions, &theirs.instructions),
        submitted: merge_log(&base.submitted, &ours.submitted, &theirs.submitted),
        overdue_explanation: f.value(
            "overdue_explanation",
            &base.overdue_explanation,
            &ours.overdue_explanation,
            &theirs.overdue_explanation,
        ),
        extensions: merge_log(&base.extensions, &ours.extensions, &theirs.extensions),
        acceptance: f.value(
            "acceptance",
            &base.acceptance,
            &ours.acceptance,
            &theirs.acceptance,
        ),
        parent: f.value("parent", &base.parent, &ours.parent, &theirs.parent),
        raised: f.value("raised", &base.raised, &ours.raised, &theirs.raised),
        extra: f.value("extra", &base.extra, &ours.extra, &theirs.extra),
        history: merge_log(&base.history, &ours.history, &theirs.history),
    }
}

/// Three-way merge of a log treated as a set: theirs, minus what ours removed from base,
/// plus what ours added to base.
pub fn merge_log<T: PartialEq + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut merged: Vec<T> = theirs
        .iter()
        // Drop what ours removed (an undo): in base but no longer in ours.
        .filter(|entry| ours.contains(entry) || !base.contains(entry))
        .cloned()
        .collect();
    for entry in ours {
        if !base.contains(entry) && !merged.contains(entry) {
            merged.push(entry.clone());
        }
    }
    merged
}

/// Applies the field rule and collects conflicts.
struct FieldMerger {
    ledger: String,
    item: String,
    conflicts: Vec<Conflict>,
}

impl FieldMerger {
    fn value<T: PartialEq + Clone + Serialize>(
        &mut self,
        field: &str,
        base: &T,
        ours: &T,
        theirs: &T,
    ) -> T {
        if ours == base || ours == theirs {
            theirs.clone()
        } else if theirs == base {
            ours.clone()
        } else {
            self.conflicts.push(Conflict {
                ledger: self.ledger.clone(),
                item: self.item.clone(),
                field: field.to_string(),
                ours: show(ours),
                theirs: show(theirs),
            });
            theirs.clone()
        }
    }

    fn deleted_conflict(&mut self, item: &str, ours: &str, theirs: &str) {
        self.conflicts.push(Conflict {
            ledger: self.ledger.clone(),
            item: item.to_string(),
            field: "(删除)".to_string(),
            ours: ours.to_string(),
            theirs: theirs.to_string(),
        });
    }
}

/// A value as compact RON text for a conflict message.
fn show<T: Serialize>(value: &T) -> String {
    ron::Options::default()
        .to_string(value)
        .unwrap_or_else(|e| format!("<{e}>"))
}
