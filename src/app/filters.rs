//! Filters on colour, status, unit, ledger and due window; they combine with the search.

use std::collections::BTreeSet;

use super::bucket::DueBucket;
use super::catalog::{Catalog, Entry};
use crate::domain::{Colour, Status};

/// The active filters. An empty set means "no filter on this field".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Colours to show.
    pub colours: BTreeSet<Colour>,
    /// Statuses to show.
    pub statuses: BTreeSet<Status>,
    /// Units (indices into [`Catalog::units`]) to show.
    pub units: BTreeSet<u32>,
    /// Ledgers (indices into [`Catalog::ledgers`]) to show.
    pub ledgers: BTreeSet<usize>,
    /// Due windows to show.
    pub buckets: BTreeSet<DueBucket>,
}

/// One choice of the filter menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterOption {
    /// A status.
    Status(Status),
    /// A due window.
    Bucket(DueBucket),
    /// A ledger.
    Ledger(usize),
    /// A unit.
    Unit(u32),
}

impl FilterOption {
    /// Every option of the menu for a catalogue: statuses, due windows, ledgers, units.
    pub fn all(catalog: &Catalog) -> Vec<FilterOption> {
        let mut out: Vec<FilterOption> =
            Status::ALL.into_iter().map(FilterOption::Status).collect();
        out.extend(DueBucket::ALL.into_iter().map(FilterOption::Bucket));
        out.extend((0..catalog.ledgers.len()).map(FilterOption::Ledger));
        out.extend(
            catalog
                .units_by_pinyin()
                .into_iter()
                .map(FilterOption::Unit),
        );
        out
    }

    /// The section heading of the option (状态 / 期限 / 台账 / 单位).
    pub fn section(self) -> &'static str {
        match self {
            FilterOption::Status(_) => "状态",
            FilterOption::Bucket(_) => "期限",
            FilterOption::Ledger(_) => "台账",
            FilterOption::Unit(_) => "单位",
        }
    }

    /// The option's label (raw ledger text: sanitise before display).
    pub fn label(self, catalog: &Catalog) -> String {
        match self {
            FilterOption::Status(s) => s.label().to_string(),
            FilterOption::Bucket(b) => b.label().to_string(),
            FilterOption::Ledger(l) => catalog
                .ledgers
                .get(l)
                .map_or_else(String::new, |l| l.ledger.title.clone()),
            FilterOption::Unit(u) => catalog.units.get(u as usize).cloned().unwrap_or_default(),
        }
    }
}

impl Filters {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        self.colours.is_empty()
            && self.statuses.is_empty()
            && self.units.is_empty()
            && self.ledgers.is_empty()
            && self.buckets.is_empty()
    }

    /// Whether an entry passes every filter.
    pub fn passes(&self, catalog: &Catalog, entry: &Entry) -> bool {
        (self.colours.is_empty() || self.colours.contains(&entry.colour()))
            && (self.statuses.is_empty() || self.statuses.contains(&catalog.item(entry).status))
            && (self.ledgers.is_empty() || self.ledgers.contains(&entry.ledger))
            && (self.buckets.is_empty() || self.buckets.contains(&entry.bucket))
            && (self.units.is_empty() || entry.units.iter().any(|u| self.units.contains(u)))
    }

    /// Toggle one option of the filter menu.
    pub fn toggle(&mut self, option: FilterOption) {
        fn flip<T: Ord>(set: &mut BTreeSet<T>, v: T) {
            if !set.remove(&v) {
                set.insert(v);
            }
        }
        match option {
            FilterOption::Status(s) => flip(&mut self.statuses, s),
            FilterOption::Bucket(b) => flip(&mut self.buckets, b),
            FilterOption::Ledger(l) => flip(&mut self.ledgers, l),
            FilterOption::Unit(u) => flip(&mut self.units, u),
        }
    }

    /// Whether an option of the filter menu is chosen.
    pub fn has(&self, option: FilterOption) -> bool {
        match option {
            FilterOption::Status(s) => self.statuses.contains(&s),
            FilterOption::Bucket(b) => self.buckets.contains(&b),
            FilterOption::Ledger(l) => self.ledgers.contains(&l),
            FilterOption::Unit(u) => self.units.contains(&u),
        }
    }

    /// Toggle a colour filter.
    pub fn toggle_colour(&mut self, colour: Colour) {
        if !self.colours.remove(&colour) {
            self.colours.insert(colour);
        }
    }

    /// A short description per active filter, for the header (raw text: sanitise to show).
    pub fn describe(&self, catalog: &Catalog) -> Vec<String> {
        let mut out = Vec::new();
        if !self.colours.is_empty() {
            let labels: Vec<&str> = self.colours.iter().rev().map(|c| c.label()).collect();
            out.push(format!("颜色:{}", labels.join("")));
        }
        let mut section = |name: &str, labels: Vec<String>| {
            if !labels.is_empty() {
                out.push(format!("{name}:{}", labels.join("、")));
            }
        };
        section(
            "状态",
            self.statuses
                .iter()
                .map(|s| s.short_label().to_string())
                .collect(),
        );
        section(
            "期限",
            self.buckets.iter().map(|b| b.label().to_string()).collect(),
        );
        section(
            "台账",
            self.ledgers
                .iter()
                .map(|&l| FilterOption::Ledger(l).label(catalog))
                .collect(),
        );
        section(
            "单位",
            self.units
                .iter()
                .map(|&u| FilterOption::Unit(u).label(catalog))
                .collect(),
        );
        out
    }
}
