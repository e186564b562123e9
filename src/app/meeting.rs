//! Meeting mode (局务会 / 调度会): walk a fixed set of items unit by unit, record what is
//! decided with the ordinary edit keys, and end with minutes.
//!
//! The set is fixed when the meeting starts (as targets, so it survives reloads), so `]`
//! visits every item of it exactly once even after an item changed colour or status. Each
//! stop keeps the item as it was at the start; the minutes are the difference at the end.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::catalog::Catalog;
use super::edit::Target;
use super::grouping::GroupKey;
use super::sort::{SortKey, sorted_entries};
use super::view::View;
use crate::domain::meeting::{ItemMark, MeetingRecord, Minutes, MinutesItem, decisions};
use crate::domain::{Colour, Item};
use crate::text::sanitize;

/// Which items a meeting walks through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingScope {
    /// The colours taken (default 黑 and 红).
    pub colours: BTreeSet<Colour>,
    /// Only this ledger (index into the catalogue's ledgers).
    pub ledger: Option<usize>,
    /// Only this unit (index into the catalogue's units).
    pub unit: Option<u32>,
}

impl MeetingScope {
    /// The scope the main screen suggests: its colour filters (else 黑 and 红) and the
    /// ledger or unit chosen in the group panel or the filters.
    pub fn from_view(view: &View) -> Self {
        let colours = if view.filters.colours.is_empty() {
            BTreeSet::from([Colour::Black, Colour::Red])
        } else {
            view.filters.colours.clone()
        };
        let group = view.groups.get(view.group_cursor).map(|g| g.key);
        let ledger = match group {
            Some(GroupKey::Ledger(l)) => Some(l),
            _ => only(&view.filters.ledgers),
        };
        let unit = match group {
            Some(GroupKey::Unit(u)) => Some(u),
            _ => only(&view.filters.units),
        };
        MeetingScope {
            colours,
            ledger,
            unit,
        }
    }

    /// Add or remove yellow (催办) items.
    pub fn toggle_yellow(&mut self) {
        if !self.colours.remove(&Colour::Yellow) {
            self.colours.insert(Colour::Yellow);
        }
    }

    /// The scope in words: "黑、红 · 台账:… · 单位:…".
    pub fn label(&self, catalog: &Catalog) -> String {
        let mut colours: Vec<Colour> = self.colours.iter().copied().collect();
        colours.sort_by_key(|c| std::cmp::Reverse(*c));
        let mut out = colours
            .iter()
            .map(|c| c.label())
            .collect::<Vec<_>>()
            .join("、");
        if let Some(l) = self.ledger.and_then(|l| catalog.ledgers.get(l)) {
            out.push_str(&format!(" · 台账:{}", l.ledger.title));
        }
        if let Some(u) = self.unit.and_then(|u| catalog.units.get(u as usize)) {
            out.push_str(&format!(" · 单位:{u}"));
        }
        sanitize(&out).into_owned()
    }

    /// The items of the scope, grouped by unit (the unit with the most severe item first),
    /// most severe first within a unit; each item once, under its first unit (or the
    /// scope's unit).
    pub fn stops(&self, catalog: &Catalog) -> Vec<(u32, String)> {
        let mut by_unit: Vec<(String, Vec<u32>)> = Vec::new();
        for index in sorted_entries(catalog, SortKey::default()) {
            let entry = &catalog.entries[index as usize];
            let open = catalog.item(entry).status.is_open();
            if !open
                || !self.colours.contains(&entry.colour())
                || self.ledger.is_some_and(|l| entry.ledger != l)
                || self.unit.is_some_and(|u| !entry.units.contains(&u))
            {
                continue;
            }
            let unit = self
                .unit
                .or_else(|| entry.units.first().copied())
                .and_then(|u| catalog.units.get(u as usize).cloned())
                .unwrap_or_else(|| "(未定单位)".to_string());
            match by_unit.iter_mut().find(|(u, _)| *u == unit) {
                Some((_, items)) => items.push(index),
                None => by_unit.push((unit, vec![index])),
            }
        }
        by_unit
            .into_iter()
            .flat_map(|(unit, items)| items.into_iter().map(move |i| (i, unit.clone())))
            .collect()
    }
}

/// The popup that starts a meeting: the scope, how many items, and the attendees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingSetup {
    /// What will be walked through.
    pub scope: MeetingScope,
    /// How many items that is.
    pub count: usize,
    /// Attendees as typed.
    pub attendees: String,
}

/// One item of a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    /// The item.
    pub target: Target,
    /// The unit it is discussed under.
    pub unit: String,
    /// The item as it was when the meeting started.
    pub before: Item,
    /// Its colour then.
    pub colour: Colour,
    /// Why it had that colour.
    pub reason: String,
}

/// A meeting under way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// The scope in words.
    pub scope: String,
    /// The items, in meeting order.
    pub stops: Vec<Stop>,
    /// The item shown (index into `stops`).
    pub pos: usize,
    /// The highest stop reached, so the minutes list what was discussed.
    pub reached: usize,
    /// Attendees as typed.
    pub attendees: String,
    /// The meeting's date.
    pub date: NaiveDate,
    /// Asking whether to end the meeting.
    pub ending: bool,
    /// The record handed to the loop with the minutes, while they are written; it becomes
    /// the last meeting's record once they are on disk.
    pub written: Option<MeetingRecord>,
}

impl Meeting {
    /// Start a meeting over `setup`'s scope on `date`.
    pub fn start(catalog: &Catalog, setup: &MeetingSetup, date: NaiveDate) -> Self {
        let stops = setup
            .scope
            .stops(catalog)
            .into_iter()
            .map(|(index, unit)| {
                let entry = &catalog.entries[index as usize];
                let ledger = catalog.ledger(entry);
                let item = catalog.item(entry);
                Stop {
                    target: Target::new(&ledger.id, &item.id),
                    unit,
                    before: item.clone(),
                    colour: entry.colour(),
                    reason: entry.assessment.warning.reason.clone(),
                }
            })
            .collect();
        Meeting {
            scope: setup.scope.label(catalog),
            stops,
            pos: 0,
            reached: 0,
            attendees: setup.attendees.trim().to_string(),
            date,
            ending: false,
            written: None,
        }
    }

    /// The stop shown.
    pub fn current(&self) -> Option<&Stop> {
        self.stops.get(self.pos)
    }

    /// Move by `delta` stops; false when already at that end.
    pub fn step(&mut self, delta: isize) -> bool {
        let last = self.stops.len().saturating_sub(1);
        let next = self.pos.saturating_add_signed(delta).min(last);
        let moved = next != self.pos;
        self.pos = next;
        self.reached = self.reached.max(next);
        moved
    }

    /// Where the current stop is within its unit: (unit, n, of).
    pub fn unit_position(&self) -> Option<(&str, usize, usize)> {
        let stop = self.current()?;
        let same: Vec<usize> = (0..self.stops.len())
            .filter(|&i| self.stops[i].unit == stop.unit)
            .collect();
        let n = same.iter().position(|&i| i == self.pos)? + 1;
        Some((stop.unit.as_str(), n, same.len()))
    }

    /// The minutes and the record of the meeting, with the items as they are now in
    /// `catalog`. Items past the last one reached are left out unless something was
    /// decided about them.
    pub fn finish(&self, catalog: &Catalog) -> (Minutes, MeetingRecord) {
        let mut items = Vec::new();
        let mut discussed = Vec::new();
        for (i, stop) in self.stops.iter().enumerate() {
            let now = find(catalog, &stop.target);
            let (after, colour_after) = match now {
                Some((item, colour)) => (item, colour),
                None => (&stop.before, stop.colour),
            };
            let decided = decisions(&stop.before, after);
            if i > self.reached && decided.is_empty() {
                continue;
            }
            let ledger = catalog
                .ledger_with_id(&stop.target.ledger_id)
                .map(|l| &l.ledger);
            let ledger_title = ledger.map(|l| l.title.clone()).unwrap_or_default();
            // The text in force: an extension's, the item's own, else the ledger's default.
            let deadline = ledger.map_or(after.current_deadline(), |l| l.deadline_text_of(after));
            let clean = |s: &str| sanitize(s).into_owned();
            items.push(MinutesItem {
                unit: clean(&stop.unit),
                ledger_id: clean(&stop.target.ledger_id),
                ledger_title: clean(&ledger_title),
                item_id: clean(&stop.target.item_id),
                number: clean(&after.number),
                title: clean(&after.title),
                deadline: clean(deadline),
                colour_before: stop.colour,
                colour_after,
                reason: clean(&stop.reason),
                decisions: decided.iter().map(|d| clean(d)).collect(),
            });
            discussed.push((stop.target.ledger_id.clone(), stop.target.item_id.clone()));
        }
        let minutes = Minutes {
            title: "督办事项调度会".to_string(),
            date: self.date,
            attendees: sanitize(&self.attendees).into_owned(),
            scope: self.scope.clone(),
            items,
        };
        let record = MeetingRecord {
            format: 1,
            date: self.date,
            attendees: self.attendees.clone(),
            discussed,
            marks: marks(catalog),
        };
        (minutes, record)
    }
}

/// The one element of a set, if it has exactly one.
fn only<T: Copy>(set: &BTreeSet<T>) -> Option<T> {
    match set.len() {
        1 => set.iter().next().copied(),
        _ => None,
    }
}

/// How every item of the catalogue stands now.
pub fn marks(catalog: &Catalog) -> Vec<ItemMark> {
    catalog
        .entries
        .iter()
        .map(|e| ItemMark::of(&catalog.ledger(e).id, catalog.item(e), e.colour()))
        .collect()
}

/// An item of the catalogue by target, with its colour now.
fn find<'a>(catalog: &'a Catalog, target: &Target) -> Option<(&'a Item, Colour)> {
    let index = catalog.entry_index(&target.ledger_id, &target.item_id)?;
    let entry = &catalog.entries[index];
    Some((catalog.item(entry), entry.colour()))
}
