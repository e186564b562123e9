//! The consequences of seed 000 at closing (结项): items closed to standard are listed for
//! commendation (表彰奖励); an item not closed by its deadline needs a written explanation
//! (书面说明) and costs its units their award eligibility (取消评先选优资格).
//!
//! An item *closed to standard* is closed with a done date on or before its final date.
//! An item *not closed on time* is due before the report date and either still open, or
//! closed after its final date. Items without a final date, extended items (their new date
//! was approved) and items not yet due are in neither list. A closed item without a done
//! date cannot be judged and is listed apart. Units are the lead and responsible units
//! (not the guiding departments, see [`Item::all_units`]).

use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

use super::{NO_UNIT, done_date, final_due};
use crate::domain::deadline::Schedule;
use crate::domain::item::Item;

/// How an item stands against its final date on the report date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Timeliness {
    /// Closed on or before the final date.
    OnTime {
        /// The final date.
        due: NaiveDate,
        /// The done date.
        done: NaiveDate,
    },
    /// Closed after the final date.
    ClosedLate {
        /// The final date.
        due: NaiveDate,
        /// The done date.
        done: NaiveDate,
    },
    /// Still open after the final date.
    OpenOverdue {
        /// The final date.
        due: NaiveDate,
    },
    /// Closed, already due, but with no done or acceptance date.
    ClosedUndated {
        /// The final date.
        due: NaiveDate,
    },
    /// Not due yet and not closed.
    NotYetDue {
        /// The final date.
        due: NaiveDate,
    },
    /// No final date, or an approved extension: not judged.
    NotRated,
}

impl Timeliness {
    /// Closed to standard (a commendation candidate).
    pub fn is_on_time(self) -> bool {
        matches!(self, Timeliness::OnTime { .. })
    }

    /// Not closed by its deadline (needs a 书面说明, costs award eligibility).
    pub fn is_late(self) -> bool {
        matches!(
            self,
            Timeliness::ClosedLate { .. } | Timeliness::OpenOverdue { .. }
        )
    }
}

/// How `item` stands against its final date on `report_date` (see the module doc).
pub fn timeliness(item: &Item, schedule: &Schedule, report_date: NaiveDate) -> Timeliness {
    if !item.extensions.is_empty() {
        return Timeliness::NotRated;
    }
    let Some(due) = final_due(item, schedule) else {
        return Timeliness::NotRated;
    };
    if item.status.is_finished() {
        return match done_date(item) {
            Some(done) if done <= due => Timeliness::OnTime { due, done },
            Some(done) => Timeliness::ClosedLate { due, done },
            None if due < report_date => Timeliness::ClosedUndated { due },
            None => Timeliness::NotYetDue { due },
        };
    }
    if due < report_date {
        Timeliness::OpenOverdue { due }
    } else {
        Timeliness::NotYetDue { due }
    }
}

/// The closing lists, each entry keyed by `K` (e.g. ledger and item id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClosingLists<K> {
    /// Closed to standard: 表彰奖励 candidates.
    pub commended: Vec<K>,
    /// Not closed on time, with their 书面说明.
    pub late_explained: Vec<K>,
    /// Not closed on time, 书面说明 missing.
    pub late_unexplained: Vec<K>,
    /// Closed, due, but without a done date (cannot be judged).
    pub closed_undated: Vec<K>,
    /// Units losing award eligibility, each with the late items causing it.
    pub units_losing_eligibility: BTreeMap<String, Vec<K>>,
}

impl<K> Default for ClosingLists<K> {
    fn default() -> Self {
        ClosingLists {
            commended: Vec::new(),
            late_explained: Vec::new(),
            late_unexplained: Vec::new(),
            closed_undated: Vec::new(),
            units_losing_eligibility: BTreeMap::new(),
        }
    }
}

/// Sort items into the closing lists at `report_date`.
pub fn closing_lists<'a, K: Clone>(
    entries: impl IntoIterator<Item = (K, &'a Item, &'a Schedule)>,
    report_date: NaiveDate,
) -> ClosingLists<K> {
    let mut lists = ClosingLists::default();
    for (key, item, schedule) in entries {
        let standing = timeliness(item, schedule, report_date);
        if standing.is_on_time() {
            lists.commended.push(key);
        } else if standing.is_late() {
            let explained = item
                .overdue_explanation
                .as_deref()
                .is_some_and(|t| !t.trim().is_empty());
            let units = item.all_units();
            if units.is_empty() {
                push_unit(&mut lists, NO_UNIT, &key);
            }
            for unit in units {
                push_unit(&mut lists, unit, &key);
            }
            if explained {
                lists.late_explained.push(key);
            } else {
                lists.late_unexplained.push(key);
            }
        } else if matches!(standing, Timeliness::ClosedUndated { .. }) {
            lists.closed_undated.push(key);
        }
    }
    lists
}

fn push_unit<K: Clone>(lists: &mut ClosingLists<K>, unit: &str, key: &K) {
    lists
        .units_losing_eligibility
        .entry(unit.to_string())
        .or_default()
        .push(key.clone());
}

/// Whether `item` was closed within `from ..= through` (by its done or acceptance date).
pub fn closed_between(item: &Item, from: NaiveDate, through: NaiveDate) -> bool {
    item.status.is_finished() && done_date(item).is_some_and(|d| from <= d && d <= through)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deadline;
    use crate::domain::item::Status;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, m, d).expect("date")
    }

    fn item(id: &str, unit: &str, status: Status, done: Option<NaiveDate>) -> Item {
        Item {
            id: id.into(),
            units: vec![unit.into()],
            supervisors: vec!["市局督察处".into()],
            status,
            done_on: done,
            ..Item::default()
        }
    }

    #[test]
    fn on_time_late_and_explained_items_and_the_units_they_cost() {
        let may = deadline::parse("5月底前", 2023);
        let year_end = deadline::parse("12月底前", 2023);
        let ongoing = deadline::parse("长期", 2023);
        let mut late_open = item("3", "政治部", Status::InProgress, None);
        late_open.overdue_explanation = Some("待省厅批复".into());
        let entries = [
            (
                "1",
                item("1", "办公室", Status::Done, Some(day(5, 20))),
                &may,
            ),
            (
                "2",
                item("2", "办公室", Status::Done, Some(day(6, 2))),
                &may,
            ),
            ("3", late_open, &may),
            (
                "4",
                item("4", "政治部", Status::InProgress, None),
                &year_end,
            ),
            ("5", item("5", "政治部", Status::InProgress, None), &ongoing),
        ];
        let lists = closing_lists(entries.iter().map(|(k, i, s)| (*k, i, *s)), day(6, 26));
        assert_eq!(lists.commended, ["1"]);
        assert_eq!(lists.late_unexplained, ["2"]);
        assert_eq!(lists.late_explained, ["3"]);
        let units: Vec<(&str, Vec<&str>)> = lists
            .units_losing_eligibility
            .iter()
            .map(|(u, ks)| (u.as_str(), ks.clone()))
            .collect();
        assert_eq!(units, [("办公室", vec!["2"]), ("政治部", vec!["3"])]);
        assert!(!lists.units_losing_eligibility.contains_key("市局督察处"));
    }

    #[test]
    fn closed_between_uses_the_done_date() {
        let done = item("1", "办公室", Status::Done, Some(day(6, 2)));
        assert!(closed_between(&done, day(6, 1), day(6, 30)));
        assert!(!closed_between(&done, day(5, 1), day(5, 31)));
        let open = item("2", "办公室", Status::InProgress, Some(day(6, 2)));
        assert!(!closed_between(&open, day(6, 1), day(6, 30)));
    }
}
