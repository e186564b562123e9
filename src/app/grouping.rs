//! Groupings of the side panel: by ledger, by responsible unit, by deadline bucket.

use serde::{Deserialize, Serialize};

use super::bucket::DueBucket;
use super::catalog::{Catalog, Entry, colour_slot};

/// How the side panel groups the items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Grouping {
    /// One group per ledger.
    #[default]
    Ledger,
    /// One group per responsible unit (an item with several units is in each).
    Unit,
    /// One group per deadline bucket.
    Deadline,
}

impl Grouping {
    /// All groupings in cycling order.
    pub const ALL: [Grouping; 3] = [Grouping::Ledger, Grouping::Unit, Grouping::Deadline];

    /// The Chinese name of the grouping.
    pub fn label(self) -> &'static str {
        match self {
            Grouping::Ledger => "按台账",
            Grouping::Unit => "按单位",
            Grouping::Deadline => "按期限",
        }
    }

    /// The next grouping in the cycle.
    pub fn next(self) -> Grouping {
        match self {
            Grouping::Ledger => Grouping::Unit,
            Grouping::Unit => Grouping::Deadline,
            Grouping::Deadline => Grouping::Ledger,
        }
    }
}

/// Which items a group holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupKey {
    /// Every item.
    All,
    /// Items of one ledger.
    Ledger(usize),
    /// Items of one unit.
    Unit(u32),
    /// Items without a unit.
    NoUnit,
    /// Items in one deadline bucket.
    Bucket(DueBucket),
}

impl GroupKey {
    /// Whether an entry belongs to the group.
    pub fn contains(self, entry: &Entry) -> bool {
        match self {
            GroupKey::All => true,
            GroupKey::Ledger(l) => entry.ledger == l,
            GroupKey::Unit(u) => entry.units.contains(&u),
            GroupKey::NoUnit => entry.units.is_empty(),
            GroupKey::Bucket(b) => entry.bucket == b,
        }
    }

    /// The group's label (raw ledger text: sanitise to show).
    pub fn label(self, catalog: &Catalog) -> String {
        match self {
            GroupKey::All => "全部".to_string(),
            GroupKey::Ledger(l) => catalog
                .ledgers
                .get(l)
                .map_or_else(String::new, |l| l.ledger.title.clone()),
            GroupKey::Unit(u) => catalog.units.get(u as usize).cloned().unwrap_or_default(),
            GroupKey::NoUnit => "未指定单位".to_string(),
            GroupKey::Bucket(b) => b.label().to_string(),
        }
    }
}

/// A group of the side panel with its counts over the items that pass filters and search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Which items.
    pub key: GroupKey,
    /// Items shown in the group.
    pub total: usize,
    /// Items per colour `[黑, 红, 黄, 蓝]`.
    pub counts: [usize; 4],
}

/// The groups of a grouping, "全部" first, each counted over the `shown` entries.
pub fn build_groups(catalog: &Catalog, grouping: Grouping, shown: &[u32]) -> Vec<Group> {
    let keys: Vec<GroupKey> = match grouping {
        Grouping::Ledger => (0..catalog.ledgers.len()).map(GroupKey::Ledger).collect(),
        Grouping::Unit => (0..catalog.units.len() as u32)
            .map(GroupKey::Unit)
            .chain(std::iter::once(GroupKey::NoUnit))
            .collect(),
        Grouping::Deadline => DueBucket::ALL.into_iter().map(GroupKey::Bucket).collect(),
    };
    let mut groups: Vec<Group> = std::iter::once(GroupKey::All)
        .chain(keys)
        .map(|key| Group {
            key,
            total: 0,
            counts: [0; 4],
        })
        .collect();
    let mut add = |slot: usize, entry: &Entry| {
        let g = &mut groups[slot];
        g.total += 1;
        if let Some(c) = colour_slot(entry.colour()) {
            g.counts[c] += 1;
        }
    };
    for &i in shown {
        let Some(entry) = catalog.entry(i) else {
            continue;
        };
        add(0, entry);
        match grouping {
            Grouping::Ledger => add(1 + entry.ledger, entry),
            Grouping::Unit if entry.units.is_empty() => add(1 + catalog.units.len(), entry),
            Grouping::Unit => {
                for &u in &entry.units {
                    add(1 + u as usize, entry);
                }
            }
            Grouping::Deadline => {
                let b = DueBucket::ALL
                    .iter()
                    .position(|b| *b == entry.bucket)
                    .unwrap_or(0);
                add(1 + b, entry);
            }
        }
    }
    // Keep "全部" and every ledger; drop empty unit groups and buckets to save space.
    groups
        .into_iter()
        .enumerate()
        .filter(|(i, g)| *i == 0 || g.total > 0 || grouping == Grouping::Ledger)
        .map(|(_, g)| g)
        .collect()
}
