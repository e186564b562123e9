//! The loaded items with everything precomputed once at load: each item's assessment
//! (schedule + warning), its deadline bucket, its interned units, and the search index.

mod prepare;

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::bucket::DueBucket;
use crate::domain::assess::{Assessment, assess};
use crate::domain::calendar::WorkCalendar;
use crate::domain::{Colour, Item, Ledger, WorkspaceConfig};
use crate::search::{IndexSource, PendingIndex, SearchIndex};
use crate::storage::{BrokenLedger, LoadedLedger, Workspace};
use prepare::{in_parallel, item_ranges, parallelism, prepare, units_in};

/// One item of the catalogue: where it lives and what was computed for it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index into [`Catalog::ledgers`].
    pub ledger: usize,
    /// Index into that ledger's items.
    pub item: usize,
    /// The schedule and the warning at the catalogue's date.
    pub assessment: Assessment,
    /// Which deadline bucket the item falls in.
    pub bucket: DueBucket,
    /// Indices into [`Catalog::units`] (lead unit first).
    pub units: Vec<u32>,
}

impl Entry {
    /// The warning colour.
    pub fn colour(&self) -> Colour {
        self.assessment.warning.colour
    }

    /// The date that governs the colour, or the schedule's final date.
    pub fn due(&self) -> Option<NaiveDate> {
        self.assessment.due()
    }
}

/// Every loaded item of a workspace, ready to browse.
#[derive(Debug)]
pub struct Catalog {
    /// The workspace folder.
    pub dir: PathBuf,
    /// The workspace config.
    pub config: WorkspaceConfig,
    /// The loaded ledgers (edits change these and are saved from here).
    pub ledgers: Vec<LoadedLedger>,
    /// Ledger files that did not load (shown, never written).
    pub broken: Vec<BrokenLedger>,
    /// The calendar used for the warnings.
    pub calendar: WorkCalendar,
    /// The date the warnings were computed for.
    pub today: NaiveDate,
    /// All items, ledger by ledger in source order.
    pub entries: Vec<Entry>,
    /// Every unit named by an item, sorted by pinyin at load (units added by edits come
    /// last; [`Catalog::units_by_pinyin`] gives the display order).
    pub units: Vec<String>,
    /// The search index; document `i` is entry `i`. Built in the background at load: the
    /// first use waits for it.
    pub index: PendingIndex,
}

impl Catalog {
    /// Assess every item of the workspace at `today` on `calendar` and build the search index.
    pub fn new(workspace: Workspace, calendar: WorkCalendar, today: NaiveDate) -> Self {
        Self::on_threads(workspace, calendar, today, parallelism())
    }

    /// [`Catalog::new`] with the items split over `threads` threads (the result does not
    /// depend on it).
    fn on_threads(
        workspace: Workspace,
        calendar: WorkCalendar,
        today: NaiveDate,
        threads: usize,
    ) -> Self {
        let calendar = calendar.with_mode(workspace.config.rules.calendar);
        // Items are visited in contiguous ranges, one per thread; results keep item order.
        let ranges = item_ranges(&workspace, threads);
        let mut unit_names: BTreeMap<&str, u32> = BTreeMap::new();
        for names in in_parallel(&ranges, |range| units_in(&workspace, range)) {
            unit_names.extend(names.into_iter().map(|name| (name, 0)));
        }
        let mut units: Vec<String> = unit_names.keys().map(|s| s.to_string()).collect();
        crate::search::collate::sort_by_pinyin(&mut units);
        for (i, name) in units.iter().enumerate() {
            if let Some(v) = unit_names.get_mut(name.as_str()) {
                *v = i as u32;
            }
        }
        // The first frame needs no search: the index's text is gathered with the
        // assessments, and the index is built in the background while the frame is drawn.
        let total = ranges.last().map_or(0, |r| r.end);
        let (mut entries, mut sources) = (Vec::with_capacity(total), Vec::with_capacity(total));
        let prepared = in_parallel(&ranges, |range| {
            prepare(&workspace, range, &unit_names, &calendar, today)
        });
        for (more_entries, more_sources) in prepared {
            entries.extend(more_entries);
            sources.extend(more_sources);
        }
        let index = SearchIndex::build_in_background(sources);
        Catalog {
            dir: workspace.dir,
            config: workspace.config,
            ledgers: workspace.ledgers,
            broken: workspace.broken,
            calendar,
            today,
            entries,
            units,
            index,
        }
    }

    /// The item of an entry.
    pub fn item(&self, entry: &Entry) -> &Item {
        &self.ledgers[entry.ledger].ledger.items[entry.item]
    }

    /// The ledger of an entry.
    pub fn ledger(&self, entry: &Entry) -> &Ledger {
        &self.ledgers[entry.ledger].ledger
    }

    /// The loaded ledger with this id.
    pub fn ledger_with_id(&self, id: &str) -> Option<&LoadedLedger> {
        self.ledgers.iter().find(|l| l.ledger.id == id)
    }

    /// The index of the entry of item `item_id` of ledger `ledger_id`. Entries run ledger
    /// by ledger in source order, so it is found by arithmetic (checked), with a scan as
    /// the fallback.
    pub fn entry_index(&self, ledger_id: &str, item_id: &str) -> Option<usize> {
        let ledger = self.ledgers.iter().position(|l| l.ledger.id == ledger_id)?;
        let item = self.ledgers[ledger]
            .ledger
            .items
            .iter()
            .position(|i| i.id == item_id)?;
        let offset: usize = self.ledgers[..ledger]
            .iter()
            .map(|l| l.ledger.items.len())
            .sum::<usize>()
            + item;
        match self.entries.get(offset) {
            Some(e) if e.ledger == ledger && e.item == item => Some(offset),
            _ => self
                .entries
                .iter()
                .position(|e| e.ledger == ledger && e.item == item),
        }
    }

    /// The indices of [`Catalog::units`] in pinyin order of their names (安州 before 涪城),
    /// units added by edits included: the order of every unit list shown.
    pub fn units_by_pinyin(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = (0..self.units.len() as u32).collect();
        ids.sort_by(|&a, &b| {
            crate::search::collate::pinyin_cmp(&self.units[a as usize], &self.units[b as usize])
        });
        ids
    }

    /// The entry at an index, if any.
    pub fn entry(&self, index: u32) -> Option<&Entry> {
        self.entries.get(index as usize)
    }

    /// Recompute one entry after its item changed (editing): assessment, bucket and search
    /// text. Units new to the catalogue are added to [`Catalog::units`] (at the end, so the
    /// indices held elsewhere stay valid). Call [`crate::app::State::rebuild_view`] after.
    pub fn reassess(&mut self, index: usize) {
        let Some(entry) = self.entries.get(index) else {
            return;
        };
        let ledger = &self.ledgers[entry.ledger].ledger;
        let item = &ledger.items[entry.item];
        let assessment = assess(ledger, item, &self.config.rules, &self.calendar, self.today);
        let bucket = DueBucket::classify(item, &assessment, self.today);
        let mut unit_ids = Vec::new();
        for name in item.every_unit() {
            let id = match self.units.iter().position(|u| u == name) {
                Some(i) => i,
                None => {
                    self.units.push(name.to_string());
                    self.units.len() - 1
                }
            };
            unit_ids.push(id as u32);
        }
        self.index
            .replace(index as u32, IndexSource::of_item(ledger, item));
        let entry = &mut self.entries[index];
        entry.assessment = assessment;
        entry.bucket = bucket;
        entry.units = unit_ids;
    }

    /// The item of an entry, mutably (for edits; call [`Catalog::reassess`] after).
    pub fn item_mut(&mut self, index: usize) -> Option<&mut Item> {
        let entry = self.entries.get(index)?;
        self.ledgers
            .get_mut(entry.ledger)?
            .ledger
            .items
            .get_mut(entry.item)
    }

    /// Replace an entry's assessment with one computed elsewhere (tests, previews of an
    /// edit); call [`crate::app::State::rebuild_view`] afterwards.
    pub fn set_assessment(&mut self, index: usize, assessment: Assessment) {
        let Some(entry) = self.entries.get(index) else {
            return;
        };
        let item = &self.ledgers[entry.ledger].ledger.items[entry.item];
        let bucket = DueBucket::classify(item, &assessment, self.today);
        let entry = &mut self.entries[index];
        entry.assessment = assessment;
        entry.bucket = bucket;
    }

    /// Open items per colour, most severe first: `[黑, 红, 黄, 蓝]`.
    pub fn open_counts(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for e in &self.entries {
            if let Some(slot) = colour_slot(e.colour())
                && self.item(e).status.is_open()
            {
                counts[slot] += 1;
            }
        }
        counts
    }
}

/// The slot of a colour in `[黑, 红, 黄, 蓝]` count arrays; `None` for no colour.
pub fn colour_slot(colour: Colour) -> Option<usize> {
    match colour {
        Colour::Black => Some(0),
        Colour::Red => Some(1),
        Colour::Yellow => Some(2),
        Colour::Blue => Some(3),
        Colour::None => None,
    }
}

/// The colours of the count slots, most severe first.
pub const COUNTED_COLOURS: [Colour; 4] = [Colour::Black, Colour::Red, Colour::Yellow, Colour::Blue];
