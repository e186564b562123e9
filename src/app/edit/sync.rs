//! Keeping the session's ledgers and the files in step: what a save or a reload reports
//! back to the app, and how merge conflicts become questions for the user.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use super::ConflictEntry;
use super::saving::SaveError;
use crate::domain::Ledger;
use crate::domain::edit::Field;
use crate::storage::{Conflict, LoadedLedger, MergeOutcome};

/// The result of saving one ledger, fed back to the app by the event loop.
#[derive(Debug, Clone)]
pub struct SaveReport {
    /// Index of the ledger in the catalogue.
    pub index: usize,
    /// The ledger's id.
    pub ledger_id: String,
    /// The merge outcome, or why nothing was written.
    pub result: Result<MergeOutcome, SaveError>,
}

impl PartialEq for SaveReport {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && self.ledger_id == other.ledger_id
            && match (&self.result, &other.result) {
                (Ok(a), Ok(b)) => {
                    a.merged == b.merged
                        && a.conflicts == b.conflicts
                        && a.loaded.ledger == b.loaded.ledger
                        && a.loaded.fingerprint == b.loaded.fingerprint
                }
                (Err(a), Err(b)) => a == b,
                _ => false,
            }
    }
}

impl Eq for SaveReport {}

impl Hash for SaveReport {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.index.hash(state);
        self.ledger_id.hash(state);
    }
}

/// A ledger file another writer changed, read fresh by the event loop.
#[derive(Debug, Clone)]
pub struct DiskChange {
    /// Index of the ledger in the catalogue.
    pub index: usize,
    /// The ledger as now on disk, or why it could not be read.
    pub loaded: Result<LoadedLedger, String>,
}

impl PartialEq for DiskChange {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && match (&self.loaded, &other.loaded) {
                (Ok(a), Ok(b)) => a.ledger == b.ledger && a.fingerprint == b.fingerprint,
                (Err(a), Err(b)) => a == b,
                _ => false,
            }
    }
}

impl Eq for DiskChange {}

impl Hash for DiskChange {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.index.hash(state);
    }
}

/// The editable field group a file field belongs to (`suspend_reason` → status …); None
/// for fields editing never changes.
pub fn field_of(file_field: &str) -> Option<Field> {
    Some(match file_field {
        "status" | "suspend_reason" | "done_on" => Field::Status,
        "deadline" => Field::Deadline,
        "event_date" => Field::EventDate,
        "units" => Field::Units,
        "sub_measures" => Field::SubMeasures,
        "overdue_explanation" => Field::Explanation,
        "acceptance" => Field::Acceptance,
        "raised" => Field::Raise,
        "progress" => Field::Progress,
        "notices" => Field::Notices,
        "instructions" => Field::Instructions,
        "extensions" => Field::Extensions,
        "milestones_met" => Field::Milestones,
        "submitted" => Field::Submissions,
        _ => return None,
    })
}

/// Turn the storage's conflicts into questions: per item and field, this user's value (from
/// `mine`, the ledger as edited here) against theirs (from `merged`, now on disk).
pub fn conflict_entries(
    conflicts: &[Conflict],
    mine: &Ledger,
    merged: &Ledger,
) -> Vec<ConflictEntry> {
    let mut seen: BTreeMap<(String, Field), ()> = BTreeMap::new();
    let mut out = Vec::new();
    for c in conflicts {
        let Some(field) = field_of(&c.field) else {
            continue;
        };
        let (Some(my_item), Some(their_item)) = (mine.item(&c.item), merged.item(&c.item)) else {
            continue;
        };
        if seen.insert((c.item.clone(), field), ()).is_some() {
            continue;
        }
        out.push(ConflictEntry {
            ledger_id: mine.id.clone(),
            item_id: c.item.clone(),
            item_label: format!("{} {}", my_item.number, my_item.title),
            field,
            mine: field.display(my_item),
            theirs: field.display(their_item),
            keep_mine: false,
            mine_item: my_item.clone(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Item;
    use crate::storage::merge::merge_ledgers;
    use chrono::NaiveDate;

    fn ledger_with(event_date: Option<NaiveDate>) -> Ledger {
        Ledger {
            id: "l".into(),
            items: vec![Item {
                id: "1".into(),
                event_date,
                ..Item::default()
            }],
            ..Ledger::default()
        }
    }

    #[test]
    fn two_writers_dating_the_same_event_differently_are_asked_about_it() {
        let day = |d| NaiveDate::from_ymd_opt(2024, 6, d);
        let base = ledger_with(None);
        let mine = ledger_with(day(3));
        let theirs = ledger_with(day(4));
        let (merged, conflicts) = merge_ledgers(&base, &mine, &theirs);
        let entries = conflict_entries(&conflicts, &mine, &merged);
        assert_eq!(entries.len(), 1, "{conflicts:?}");
        assert_eq!(entries[0].field, Field::EventDate);
        assert_eq!(entries[0].mine, "2024-06-03");
        assert_eq!(entries[0].theirs, "2024-06-04");
    }
}
