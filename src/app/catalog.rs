//! The loaded items with everything precomputed once at load: each item's assessment
//! (schedule + warning), its deadline bucket, its interned units, and the search index.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::NaiveDate;

use super::bucket::DueBucket;
use crate::domain::assess::{Assessment, assess};
use crate::domain::calendar::WorkCalendar;
use crate::domain::deadline::{self, Schedule};
use crate::domain::warning::{self, WarningContext};
use crate::domain::{Colour, Item, Ledger, WorkspaceConfig};
use crate::search::{SearchFields, SearchIndex};
use crate::storage::{BrokenLedger, LoadedLedger, Workspace};

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
        self.assessment
            .warning
            .due
            .or_else(|| self.assessment.schedule.due())
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
    /// Every unit named by an item, sorted at load (units added by edits come last).
    pub units: Vec<String>,
    /// The search index; document `i` is entry `i`.
    pub index: SearchIndex,
}

impl Catalog {
    /// Assess every item of the workspace at `today` on `calendar` and build the search index.
    pub fn new(workspace: Workspace, calendar: WorkCalendar, today: NaiveDate) -> Self {
        let calendar = calendar.with_mode(workspace.config.rules.calendar);
        let mut unit_names: BTreeMap<&str, u32> = BTreeMap::new();
        for l in &workspace.ledgers {
            for item in &l.ledger.items {
                for u in item.all_units() {
                    unit_names.entry(u).or_insert(0);
                }
            }
        }
        for (i, v) in unit_names.values_mut().enumerate() {
            *v = i as u32;
        }
        let units: Vec<String> = unit_names.keys().map(|s| s.to_string()).collect();
        // The search index and the assessments are independent: build them side by side.
        let (entries, index) = std::thread::scope(|scope| {
            let index = scope.spawn(|| build_index(&workspace));
            let entries = assess_all(&workspace, &unit_names, &calendar, today);
            let index = index
                .join()
                .unwrap_or_else(|_| SearchIndex::build(std::iter::empty()));
            (entries, index)
        });
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
        for name in item.all_units() {
            let id = match self.units.iter().position(|u| u == name) {
                Some(i) => i,
                None => {
                    self.units.push(name.to_string());
                    self.units.len() - 1
                }
            };
            unit_ids.push(id as u32);
        }
        let units = item.all_units().join(" ");
        self.index.replace(
            index as u32,
            SearchFields {
                number: &item.number,
                title: &item.title,
                category: &item.category,
                units: &units,
                deadline: item.current_deadline(),
                measures: &item.measures,
            },
        );
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

fn build_index(workspace: &Workspace) -> SearchIndex {
    let items = workspace.ledgers.iter().flat_map(|l| l.ledger.items.iter());
    let units: Vec<String> = items.clone().map(|i| i.all_units().join(" ")).collect();
    SearchIndex::build(items.zip(&units).map(|(item, units)| SearchFields {
        number: &item.number,
        title: &item.title,
        category: &item.category,
        units,
        deadline: item.current_deadline(),
        measures: &item.measures,
    }))
}

/// [`assess`] for every item, reading each distinct deadline text once: ledgers repeat
/// their deadline texts (年底前, 长期 …), and parsing dominates the cost. The result is the
/// same as calling [`assess`] per item (tested on the sample workspace).
fn assess_all(
    workspace: &Workspace,
    unit_names: &BTreeMap<&str, u32>,
    calendar: &WorkCalendar,
    today: NaiveDate,
) -> Vec<Entry> {
    let ctx = WarningContext {
        rules: &workspace.config.rules,
        calendar,
        today,
    };
    let mut schedules: HashMap<(&str, i32), Schedule> = HashMap::new();
    let mut entries = Vec::new();
    for (li, l) in workspace.ledgers.iter().enumerate() {
        let ledger = &l.ledger;
        for (ii, item) in ledger.items.iter().enumerate() {
            let text = ledger.deadline_text_of(item);
            let schedule = schedules
                .entry((text, ledger.base_year))
                .or_insert_with(|| deadline::parse(text, ledger.base_year))
                .clone();
            let warning = warning::evaluate(item, ledger, &schedule, &ctx);
            let assessment = Assessment { schedule, warning };
            let units = item
                .all_units()
                .into_iter()
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
        }
    }
    entries
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
