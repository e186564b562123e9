//! Opening a catalogue on all cores: the items are split into contiguous ranges, one per
//! thread, and each range is assessed and its search text gathered; the results are
//! joined in item order, so they do not depend on the number of threads.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use chrono::NaiveDate;

use super::Entry;
use crate::app::bucket::DueBucket;
use crate::domain::assess::{ScheduleCache, assess_read};
use crate::domain::calendar::WorkCalendar;
use crate::domain::warning::WarningContext;
use crate::domain::{Item, Ledger};
use crate::search::IndexSource;
use crate::storage::Workspace;

/// How many threads share the work of opening a catalogue.
pub(super) fn parallelism() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// A run of consecutive items of the workspace, by position in the catalogue.
pub(super) type ItemRange = Range<usize>;

/// Split the workspace's items into `parts` contiguous ranges of nearly equal size.
pub(super) fn item_ranges(workspace: &Workspace, parts: usize) -> Vec<ItemRange> {
    let total: usize = workspace.ledgers.iter().map(|l| l.ledger.items.len()).sum();
    let parts = parts.clamp(1, total.max(1));
    (0..parts)
        .map(|p| total * p / parts..total * (p + 1) / parts)
        .collect()
}

/// `work` on every range, the first on this thread and the others on their own; the
/// results are in the order of `ranges`. A panic in a worker is raised here.
pub(super) fn in_parallel<T: Send>(
    ranges: &[ItemRange],
    work: impl Fn(ItemRange) -> T + Sync,
) -> Vec<T> {
    let Some((first, rest)) = ranges.split_first() else {
        return Vec::new();
    };
    std::thread::scope(|scope| {
        let work = &work;
        let others: Vec<_> = rest
            .iter()
            .map(|range| scope.spawn(move || work(range.clone())))
            .collect();
        let mut results = vec![work(first.clone())];
        for other in others {
            results.push(
                other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        results
    })
}

/// The items in `range`, each with its ledger's index, its ledger and its index there.
fn items_in(
    workspace: &Workspace,
    range: ItemRange,
) -> impl Iterator<Item = (usize, &Ledger, usize, &Item)> {
    workspace
        .ledgers
        .iter()
        .enumerate()
        .flat_map(|(li, l)| {
            let ledger = &l.ledger;
            ledger
                .items
                .iter()
                .enumerate()
                .map(move |(ii, item)| (li, ledger, ii, item))
        })
        .skip(range.start)
        .take(range.len())
}

/// The units named by the items in `range`.
pub(super) fn units_in(workspace: &Workspace, range: ItemRange) -> BTreeSet<&str> {
    items_in(workspace, range)
        .flat_map(|(_, _, _, item)| item.every_unit())
        .collect()
}

/// The entries of the items in `range` and their search text (for
/// [`crate::search::SearchIndex::build_in_background`]).
///
/// Each item is [`crate::domain::assess::assess`]ed, reading each distinct deadline text once: ledgers repeat
/// their deadline texts (年底前, 长期 …), and parsing dominates the cost. The result is the
/// same as calling `assess` per item (tested on the sample workspace).
pub(super) fn prepare(
    workspace: &Workspace,
    range: ItemRange,
    unit_names: &BTreeMap<&str, u32>,
    calendar: &WorkCalendar,
    today: NaiveDate,
) -> (Vec<Entry>, Vec<IndexSource>) {
    let ctx = WarningContext {
        rules: &workspace.config.rules,
        calendar,
        today,
    };
    let mut schedules = ScheduleCache::default();
    let mut entries = Vec::with_capacity(range.len());
    let mut sources = Vec::with_capacity(range.len());
    for (li, ledger, ii, item) in items_in(workspace, range) {
        let assessment = assess_read(ledger, item, schedules.schedule(ledger, item), &ctx);
        let item_units = item.every_unit();
        let units = item_units
            .iter()
            .filter_map(|u| unit_names.get(u).copied())
            .collect();
        let bucket = DueBucket::classify(item, &assessment, today);
        entries.push(Entry {
            ledger: li,
            item: ii,
            assessment,
            bucket,
            units,
        });
        sources.push(IndexSource::of_item(ledger, item));
    }
    (entries, sources)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Catalog;
    use crate::domain::workspace::CalendarMode;
    use crate::storage::LoadedLedger;
    use std::path::PathBuf;

    fn workspace(items: usize, ledgers: usize) -> Workspace {
        let today = NaiveDate::from_ymd_opt(2023, 6, 26).unwrap();
        let (config, ledgers) = crate::r#gen::generate(items, ledgers, 3, today);
        Workspace {
            dir: std::env::temp_dir(),
            config,
            ledgers: ledgers
                .into_iter()
                .map(|l| {
                    let path = PathBuf::from(format!("{}.ron", l.id));
                    LoadedLedger::new(l, path)
                })
                .collect(),
            broken: Vec::new(),
        }
    }

    #[test]
    fn ranges_cover_every_item_once_in_order() {
        let ws = workspace(23, 4);
        let all: Vec<(usize, usize)> = items_in(&ws, 0..23).map(|(l, _, i, _)| (l, i)).collect();
        assert_eq!(all.len(), 23);
        for parts in [1, 2, 3, 7, 23, 40] {
            let ranges = item_ranges(&ws, parts);
            assert_eq!(ranges.len(), parts.min(23), "{parts}");
            let joined: Vec<(usize, usize)> = ranges
                .into_iter()
                .flat_map(|r| items_in(&ws, r).map(|(l, _, i, _)| (l, i)))
                .collect();
            assert_eq!(joined, all, "{parts} parts");
        }
        assert_eq!(item_ranges(&workspace(0, 1), 2), vec![0..0]);
    }

    #[test]
    fn the_catalogue_does_not_depend_on_the_number_of_threads() {
        let today = NaiveDate::from_ymd_opt(2023, 6, 26).unwrap();
        let calendar = || WorkCalendar::new(CalendarMode::default());
        let one = Catalog::on_threads(workspace(300, 7), calendar(), today, 1);
        for threads in [2, 3, 8] {
            let many = Catalog::on_threads(workspace(300, 7), calendar(), today, threads);
            assert_eq!(many.units, one.units);
            assert_eq!(many.entries.len(), 300);
            for (a, b) in many.entries.iter().zip(&one.entries) {
                assert_eq!((a.ledger, a.item, &a.units), (b.ledger, b.item, &b.units));
                assert_eq!((&a.assessment, a.bucket), (&b.assessment, b.bucket));
            }
            for q in ["zhjz", "tj", "矫正", "办公室", "1"] {
                assert_eq!(
                    many.index.search(q, None).hits,
                    one.index.search(q, None).hits
                );
            }
        }
    }
}
