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
    /// One group per responsible unit (an item with several units is in each), the units
    /// with the most severe items first.
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

    /// The group's label for the side panel: ledgers by their short title.
    pub fn short_label(self, catalog: &Catalog) -> String {
        match self {
            GroupKey::Ledger(l) => catalog.ledgers.get(l).map_or_else(String::new, |l| {
                short_ledger_title(&l.ledger.title).to_string()
            }),
            other => other.label(catalog),
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

/// A short name for a ledger in narrow places: the quoted part of its title when it has
/// one (2023年绵阳司法行政“制度建设规范年”项目台账 → 制度建设规范年), else the title.
pub fn short_ledger_title(title: &str) -> &str {
    let quoted = title
        .split_once('“')
        .and_then(|(_, rest)| rest.split_once('”'))
        .map(|(inner, _)| inner.trim());
    match quoted {
        Some(inner) if !inner.is_empty() => inner,
        _ => title,
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
        Grouping::Unit => (catalog.units_by_pinyin().into_iter())
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
    let mut groups: Vec<Group> = groups
        .into_iter()
        .enumerate()
        .filter(|(i, g)| *i == 0 || g.total > 0 || grouping == Grouping::Ledger)
        .map(|(_, g)| g)
        .collect();
    if grouping == Grouping::Unit && groups.len() > 1 {
        // Units with the most severe items first: the order of a triage meeting.
        groups[1..].sort_by(|a, b| b.counts.cmp(&a.counts).then(b.total.cmp(&a.total)));
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::short_ledger_title;

    #[test]
    fn short_titles_take_the_quoted_name() {
        assert_eq!(
            short_ledger_title("2023年绵阳司法行政“制度建设规范年”项目台账"),
            "制度建设规范年"
        );
        assert_eq!(
            short_ledger_title("2024年市委巡察反馈问题整改台账"),
            "2024年市委巡察反馈问题整改台账"
        );
        assert_eq!(short_ledger_title("“”空"), "“”空");
    }
}
